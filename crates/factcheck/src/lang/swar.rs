//! Text read eight bytes at a time: tests on a `u64` of bytes whose
//! answer is in each byte's high bit, so a scan over plain text takes no
//! branch per byte (the tokenizer and the scan copy; the JSON writer reads
//! 32 bytes at a time as a fold the compiler vectorises).

/// The high bit of each byte.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// One in each byte: `ONES * b` is eight copies of `b`.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The eight bytes of `chunk` (which has eight) as one word, the first
/// byte lowest.
#[inline]
pub(crate) fn load(chunk: &[u8]) -> u64 {
    u64::from_le_bytes(chunk.try_into().unwrap_or_default())
}

/// Nonzero when some byte of `x` is below `n` (`n` ≤ 128): exact as a
/// whole (a high bit past the first such byte may be set by a borrow).
#[inline]
pub(crate) fn any_below(x: u64, n: u8) -> u64 {
    x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH
}

/// Nonzero when some byte of `x` is `b`: exact as a whole, as
/// [`any_below`].
#[inline]
pub(crate) fn any_byte(x: u64, b: u8) -> u64 {
    any_below(x ^ (ONES * u64::from(b)), 1)
}

/// The bytes of `x` strictly between `m` and `n` (`m` ≤ 127, `n` ≤ 128):
/// their high bits, exactly (each byte is read apart: no borrow crosses).
#[inline]
pub(crate) fn bytes_between(x: u64, m: u8, n: u8) -> u64 {
    let low = x & (ONES * 127);
    (ONES * (127 + u64::from(n))).wrapping_sub(low)
        & !x
        & low.wrapping_add(ONES * (127 - u64::from(m)))
        & HIGH
}

/// The ASCII letters of `x`: their high bits.
#[inline]
pub(crate) fn ascii_letters(x: u64) -> u64 {
    // (a letter folded to lower case is `a`..=`z`; no other byte is)
    bytes_between(x | (ONES * 0x20), b'a' - 1, b'z' + 1)
}

/// The ASCII capitals of `x`: their high bits.
#[inline]
pub(crate) fn ascii_capitals(x: u64) -> u64 {
    bytes_between(x, b'A' - 1, b'Z' + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The high bit of each byte of `x` that `f` holds for.
    fn mask(x: u64, f: impl Fn(u8) -> bool) -> u64 {
        x.to_le_bytes()
            .iter()
            .enumerate()
            .fold(0u64, |m, (i, &b)| m | u64::from(f(b)) << (8 * i + 7))
    }

    proptest::proptest! {
        /// Letters and capitals are exactly what a byte's own test says;
        /// `any_byte` and `any_below` are right as a whole. For bytes of
        /// every value, and words rich in the bytes asked about.
        #[test]
        fn eight_at_a_time_is_the_byte_tests(x: u64, pick in proptest::collection::vec(0u8..8, 8)) {
            let near = u64::from_le_bytes(std::array::from_fn(|i| [b'\r', b'#', 0x1f, 0x20, b'A', b'z', 0x7f, 0x80][usize::from(pick[i])]));
            for x in [x, near] {
                proptest::prop_assert_eq!(ascii_letters(x), mask(x, |b| b.is_ascii_alphabetic()));
                proptest::prop_assert_eq!(ascii_capitals(x), mask(x, |b| b.is_ascii_uppercase()));
                for b in [b'\r', b'#', 0x7f] {
                    proptest::prop_assert_eq!(any_byte(x, b) != 0, mask(x, |c| c == b) != 0);
                }
                proptest::prop_assert_eq!(any_below(x, 0x20) != 0, mask(x, |c| c < 0x20) != 0);
            }
        }
    }

    #[test]
    fn letters_at_the_edges_of_their_ranges() {
        let x = u64::from_le_bytes(*b"@AZ[`az{");
        assert_eq!(ascii_letters(x), 0x0080_8000_0080_8000);
        assert_eq!(ascii_capitals(x), 0x0000_0000_0080_8000);
        let y = u64::from_le_bytes([0xc1, 0xe1, 0xfa, 0x41, 0x7a, 0xda, 0x00, 0x7f]);
        assert_eq!(ascii_letters(y), 0x0000_0080_8000_0000);
    }
}
