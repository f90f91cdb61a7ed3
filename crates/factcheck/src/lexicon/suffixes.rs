//! Words looked for at the end of other words: a cue glued to the name
//! before it by a bad translation ("Zelenskysaid").

use std::ops::Deref;

/// Words in lexicon order, with the last two bytes of each as bits: most
/// words end with two bytes no glued cue ends with, and are ruled out by
/// one bit instead of a comparison with every cue (each capitalised word
/// of every sentence is asked).
#[derive(Debug, Clone)]
pub(crate) struct Suffixes {
    words: Vec<String>,
    /// Bit `u16::from_le_bytes(last two bytes)` is set for each word; all
    /// bits when a word is shorter than two bytes (it may end anything).
    tails: Box<[u64; 1024]>,
}

impl Suffixes {
    pub(crate) fn new(words: Vec<String>) -> Suffixes {
        let mut tails = Box::new([0u64; 1024]);
        for w in &words {
            match tail(w.as_bytes()) {
                Some(t) => tails[usize::from(t >> 6)] |= 1 << (t & 63),
                None => tails.fill(u64::MAX),
            }
        }
        Suffixes { words, tails }
    }

    /// Whether some word may end `w` (false: none does).
    #[inline]
    pub(crate) fn may_end(&self, w: &str) -> bool {
        tail(w.as_bytes()).is_none_or(|t| self.tails[usize::from(t >> 6)] & 1 << (t & 63) != 0)
    }
}

fn tail(w: &[u8]) -> Option<u16> {
    let [.., a, b] = w else { return None };
    Some(u16::from_le_bytes([*a, *b]))
}

impl Deref for Suffixes {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.words
    }
}

#[cfg(test)]
mod tests {
    use super::Suffixes;

    /// A word that ends with one of the words may end; one that ends with
    /// none is ruled out, whatever the lengths (the short word too).
    #[test]
    fn may_end_is_ends_with() {
        let s = Suffixes::new(vec!["said".into(), "told".into(), "é".into()]);
        for w in ["zelenskysaid", "said", "retold", "café", "x", "", "aid"] {
            let ends = s.iter().any(|g| w.ends_with(g.as_str()));
            assert!(!ends || s.may_end(w), "{w}");
        }
        assert!(!s.may_end("ukraine"));
        assert!(!s.may_end("kyiv"));
        let one = Suffixes::new(vec!["s".into()]);
        assert!(one.may_end("kyiv") && one.may_end("s"));
    }
}
