//! A reference quote too long to align whole with an article's quote (a
//! curator's transcript of a speech): the run of it that an excerpt stands
//! for, found through where the excerpt's words occur in it. Aligning the
//! excerpt with that run costs the excerpt's length, not the transcript's,
//! and a changed word in an excerpt of a long speech is still a misquote.

use std::collections::HashMap;

use crate::limits::{MAX_ALIGNED_WORDS, MAX_QUOTE_POSTINGS};

/// Where each lower-cased word occurs in a long reference quote.
#[derive(Debug, Default)]
pub(crate) struct Places(HashMap<String, Vec<u32>>);

impl Places {
    /// The places of `words`, or `None` for a quote short enough to be
    /// aligned whole.
    pub(super) fn of(words: &[String]) -> Option<Places> {
        if words.len() <= MAX_ALIGNED_WORDS {
            return None;
        }
        let mut places: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, w) in words.iter().enumerate() {
            if w != "…" {
                places.entry(w.to_lowercase()).or_default().push(i as u32);
            }
        }
        Some(Places(places))
    }

    /// The word range of the reference quote that the article's `lower`
    /// words (lower-cased, ellipses kept) stand for: around the alignment
    /// most of their occurrences agree on, wide enough for words added or
    /// left out. Rarest words first, as far as the postings bound.
    pub(super) fn window(&self, lower: &[String], total: usize) -> Option<(usize, usize)> {
        let n = lower.len();
        if n == 0 || n > MAX_ALIGNED_WORDS / 3 {
            return None;
        }
        let mut postings: Vec<(&[u32], usize)> = lower
            .iter()
            .enumerate()
            .filter_map(|(i, w)| Some((self.0.get(w)?.as_slice(), i)))
            .collect();
        postings.sort_by_key(|&(list, i)| (list.len(), i));
        // votes per alignment: a reference place minus the word's place in
        // the excerpt, so the words of one run agree on one number
        let mut votes: HashMap<i64, usize> = HashMap::new();
        let mut visited = 0;
        for (list, i) in postings {
            visited += list.len();
            if visited > MAX_QUOTE_POSTINGS {
                break;
            }
            for &p in list {
                *votes.entry(i64::from(p) - i as i64).or_default() += 1;
            }
        }
        // (a word added or dropped shifts the rest by one: neighbours count)
        let near = |d: i64| (-2..=2).filter_map(|k| votes.get(&(d + k))).sum::<usize>();
        let (best, _) = votes
            .keys()
            .map(|&d| (d, near(d)))
            .max_by_key(|&(d, v)| (v, std::cmp::Reverse(d)))?;
        let slack = (n / 2 + 4) as i64;
        let start = (best - slack).clamp(0, total as i64) as usize;
        let end = (best + n as i64 + slack).clamp(0, total as i64) as usize;
        (start < end).then_some((start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(String::from).collect()
    }

    #[test]
    fn the_window_holds_the_excerpt_with_a_word_changed() {
        let mut speech: Vec<String> = (0..5_000).map(|i| format!("w{}", i % 997)).collect();
        speech[3_000..3_008]
            .clone_from_slice(&words("we will rebuild every school in this region"));
        let places = Places::of(&speech).unwrap();
        let excerpt = words("we will rebuild each school in this region");
        let (a, b) = places.window(&excerpt, speech.len()).unwrap();
        assert!(a <= 3_000 && b >= 3_008 && b - a < 30, "{a}..{b}");
        assert!(Places::of(&speech[..100]).is_none());
    }
}
