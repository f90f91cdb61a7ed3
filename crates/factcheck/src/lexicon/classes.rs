//! Word classes: every lexicon word list has a bit, and each token of a
//! sentence is looked up once for the bits of all the lists that hold it.
//! The rules ask a token for a list many times (is it a title, a cue, a
//! proxy, a name?): one hash look-up per token instead of one per question.

use std::ops::Deref;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::lang::tokens::{Kind, Token};

pub(crate) use crate::lang::tokens::KNOWN;
use crate::lang::tokens::{METRIC_WORD, OPENS_NUMBER, PHRASE_EDGE};

/// Lists past this many have no bit (the four highest bits are
/// [`KNOWN`], [`OPENS_NUMBER`], [`PHRASE_EDGE`] and [`METRIC_WORD`]).
const MAX_LISTS: u32 = 60;

/// A lexicon word list (lower case) with its bit in tokens' classes.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordSet {
    words: HashSet<String>,
    /// 0 past [`MAX_LISTS`]: such a list is always looked up.
    bit: u64,
}

impl Deref for WordSet {
    type Target = HashSet<String>;
    fn deref(&self) -> &HashSet<String> {
        &self.words
    }
}

impl WordSet {
    /// Whether the list holds the token's word (lower-cased): read from the
    /// token's classes when they are known.
    #[inline]
    pub(crate) fn has(&self, t: &Token) -> bool {
        if self.bit != 0 && t.classes & KNOWN != 0 {
            t.classes & self.bit != 0
        } else {
            self.words.contains(t.lower.as_str())
        }
    }
}

/// The bits of `lists` together: every bit, when one of them has none (a
/// list past [`MAX_LISTS`] may hold any word).
pub(crate) fn bits(lists: &[&WordSet]) -> u64 {
    lists
        .iter()
        .try_fold(0, |all, l| (l.bit != 0).then_some(all | l.bit))
        .unwrap_or(u64::MAX)
}

/// Gives each list its bit as the lexicon is built, and maps every word to
/// the bits of the lists that hold it.
#[derive(Debug, Clone)]
pub(crate) struct Classes {
    lists: u32,
    of: HashMap<String, u64>,
    /// The bits of each one-byte word, as `of` holds them: a comma or a
    /// full stop (one token in eight) is read from here, not hashed.
    single: [u64; 128],
    /// Whether some word of `of` starts with a digit: when none does, a
    /// number (one token in twenty) is in no list.
    digit_words: bool,
    /// The bits of each word of `of` up to [`SHORT`] bytes, by its
    /// [`short_key`]: most tokens are looked up by one number, not by
    /// hashing and comparing strings.
    short: HashMap<u128, u64>,
}

/// The longest word with a [`short_key`].
const SHORT: usize = 15;

/// A word of up to [`SHORT`] bytes as one number: its bytes, then zeros,
/// then its length in the last byte (so no two words share one). Read by
/// overlapping loads of the word's own bytes, not copied into a buffer
/// first: a copy of a variable length is a call to `memcpy` per token.
#[inline(always)]
fn short_key(w: &[u8]) -> Option<u128> {
    let n = w.len();
    if n > SHORT {
        return None;
    }
    // (two loads cover the word; where they overlap they hold the same
    // bytes, so OR-ing them is exact)
    let (lo, hi) = if n >= 8 {
        let tail = crate::lang::swar::load(&w[n - 8..]);
        (
            crate::lang::swar::load(&w[..8]),
            tail.checked_shr(8 * (16 - n as u32)).unwrap_or(0),
        )
    } else if n >= 4 {
        let word = |i: usize| u64::from(u32::from_le_bytes([w[i], w[i + 1], w[i + 2], w[i + 3]]));
        (word(0) | word(n - 4) << (8 * (n - 4)), 0)
    } else {
        let mut lo = 0;
        for (i, &b) in w.iter().enumerate() {
            lo |= u64::from(b) << (8 * i);
        }
        (lo, 0)
    };
    Some(u128::from(lo) | u128::from(hi | (n as u64) << 56) << 64)
}

impl Classes {
    /// No list yet; the words that open a number in words.
    pub(super) fn new() -> Classes {
        let mut classes = Classes {
            lists: 0,
            of: HashMap::default(),
            single: [0; 128],
            digit_words: false,
            short: HashMap::default(),
        };
        for w in crate::lang::numbers::number_openers() {
            classes.put(w, OPENS_NUMBER);
        }
        classes
    }

    /// `w` in the class of `bit` (with the classes it is in already).
    fn put(&mut self, w: &str, bit: u64) {
        let c = self.of.entry(w.to_string()).or_default();
        *c |= bit;
        let c = *c;
        if let &[b] = w.as_bytes() {
            if let Some(single) = self.single.get_mut(usize::from(b)) {
                *single = c;
            }
        }
        self.digit_words |= w.starts_with(|c: char| c.is_ascii_digit());
        if let Some(key) = short_key(w.as_bytes()) {
            self.short.insert(key, c);
        }
    }

    /// `words` as a list with the next bit.
    pub(super) fn add(&mut self, words: HashSet<String>) -> WordSet {
        let bit = if self.lists < MAX_LISTS {
            1 << self.lists
        } else {
            0
        };
        self.lists += 1;
        if bit != 0 {
            for w in &words {
                self.put(w, bit);
            }
        }
        WordSet { words, bit }
    }

    /// `words` as words of a class that is no list's: [`PHRASE_EDGE`]
    /// (they open or close a phrase) or [`METRIC_WORD`] (they mark a cue).
    pub(super) fn mark<'a>(&mut self, words: impl IntoIterator<Item = &'a String>, class: u64) {
        debug_assert!(class == PHRASE_EDGE || class == METRIC_WORD);
        for w in words {
            self.put(w, class);
        }
    }

    /// Whether any of `lists` holds `w` (lower case): one look-up of its
    /// bits, not one per list (a list with no bit is asked itself).
    pub(crate) fn any_holds(&self, lists: &[&WordSet], w: &str) -> bool {
        match bits(lists) {
            u64::MAX => lists.iter().any(|l| l.contains(w)),
            b => self.of.get(w).is_some_and(|c| c & b != 0),
        }
    }

    /// Each token's classes: the bits of the lists holding its word.
    /// Returns their union (see [`crate::lang::tokens::union`]).
    pub(crate) fn read(&self, toks: &mut [Token]) -> u64 {
        let of = |w: &str| self.of.get(w).copied().unwrap_or(0);
        let mut union = KNOWN;
        for t in toks {
            let w = t.lower.as_str();
            t.classes = KNOWN
                | match w.as_bytes() {
                    &[b] if b < 0x80 => self.single[usize::from(b)],
                    _ if t.kind == Kind::Num && !self.digit_words => 0,
                    b => match short_key(b) {
                        Some(key) => self.short.get(&key).copied().unwrap_or(0),
                        None => of(w),
                    },
                };
            // ("twenty-one" opens a number as "twenty" does)
            if t.hyphen {
                if let Some(i) = t.lower.find('-') {
                    t.classes |= of(&t.lower[..i]) & OPENS_NUMBER;
                }
            }
            union |= t.classes;
        }
        union
    }
}

#[cfg(test)]
mod tests {
    /// Every list of the lexicon has its bit: a list past [`super::MAX_LISTS`]
    /// would be looked up word by word at every token that asks.
    #[test]
    fn every_list_has_a_bit() {
        let lx = crate::lexicon::Lexicon::default_ref();
        assert!(
            lx.classes.lists <= super::MAX_LISTS,
            "{} lists",
            lx.classes.lists
        );
        assert_ne!(lx.small_words.bit, 0);
    }

    /// Words up to fifteen bytes have a number each, none shared (a word
    /// and the same word with a NUL after it neither); longer ones none.
    #[test]
    fn short_keys_are_distinct() {
        let words = ["", "a", "a\0", "ab", "ba", "kyiv", "abcdefghijklmno", "été"];
        let keys: Vec<u128> = words
            .iter()
            .map(|w| super::short_key(w.as_bytes()).unwrap())
            .collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(!keys[..i].contains(k), "{:?}", words[i]);
        }
        assert_eq!(super::short_key(b"abcdefghijklmnop"), None);
    }

    proptest::proptest! {
        /// The key read by loads is the word's bytes, zeros and its length
        /// in the last byte, as a buffer would hold them.
        #[test]
        fn a_short_key_is_the_words_bytes_and_length(w in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..18)) {
            let want = (w.len() <= super::SHORT).then(|| {
                let mut key = [0; super::SHORT + 1];
                key[..w.len()].copy_from_slice(&w);
                key[super::SHORT] = w.len() as u8;
                u128::from_le_bytes(key)
            });
            proptest::prop_assert_eq!(super::short_key(&w), want);
        }
    }

    /// A word is held by any of some lists exactly when one of them holds
    /// it, read from its bits or, with a list that has none, list by list.
    #[test]
    fn any_holds_is_any_contains() {
        let lx = crate::lexicon::Lexicon::default_ref();
        let lists = [&lx.titles, &lx.organisations, &lx.proxies];
        let unbitted = super::WordSet::default();
        let with_unbitted = [&lx.titles, &unbitted];
        for w in [
            "minister",
            "ministry",
            "spokesman",
            "office",
            "the",
            "x",
            "",
        ] {
            let want = lists.iter().any(|l| l.contains(w));
            assert_eq!(lx.classes.any_holds(&lists, w), want, "{w}");
            let want = with_unbitted.iter().any(|l| l.contains(w));
            assert_eq!(lx.classes.any_holds(&with_unbitted, w), want, "{w}");
        }
        assert!(lx.classes.any_holds(&lists, "minister"));
        assert!(!lx.classes.any_holds(&lists, "the"));
    }

    /// The bits of lists together; every bit when a list has none.
    #[test]
    fn bits_of_lists() {
        let lx = crate::lexicon::Lexicon::default_ref();
        let both = super::bits(&[&lx.months, &lx.weekdays]);
        assert_eq!(both, lx.months.bit | lx.weekdays.bit);
        assert_eq!(both.count_ones(), 2);
        let unbitted = super::WordSet::default();
        assert_eq!(super::bits(&[&lx.months, &unbitted]), u64::MAX);
    }
}
