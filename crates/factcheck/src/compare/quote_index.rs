//! Reference quotes found by their words: an index from each word to the
//! quotes holding it, read rarest word first, so a quote is compared with
//! the few that share most of its words, not with every quote of a long
//! reference.

use std::collections::HashMap;

use super::{Checker, PreparedQuote};
use crate::limits::{MAX_QUOTE_CANDIDATES, MAX_QUOTE_POSTINGS};

impl<'r> Checker<'r> {
    /// The reference quotes that share at least half the words of the
    /// shorter of them and `lower` (the quote's words, lower-cased, no
    /// ellipses), in reference order; found through the word index, so the
    /// work is the words' postings, not every quote of the reference.
    pub(super) fn sharing_words<S: AsRef<str>>(&self, lower: &[S]) -> Vec<&PreparedQuote<'r>> {
        if lower.is_empty() {
            return Vec::new();
        }
        let mut times: HashMap<&str, usize> = HashMap::new();
        for w in lower {
            *times.entry(w.as_ref()).or_default() += 1;
        }
        // how many of the quote's words each reference quote holds, the
        // rarest words first, as far as the postings bound (words that
        // every quote of a hostile reference holds are left uncounted)
        let mut postings: Vec<(&[usize], &str, usize)> = times
            .into_iter()
            .filter_map(|(w, k)| Some((self.quote_index.get(w)?.as_slice(), w, k)))
            .collect();
        // (by word too: the same words are counted on every run)
        postings.sort_by_key(|&(list, w, _)| (list.len(), w));
        let mut shared: HashMap<usize, usize> = HashMap::with_capacity(
            postings
                .iter()
                .map(|p| p.0.len())
                .sum::<usize>()
                .min(MAX_QUOTE_POSTINGS),
        );
        let mut visited = 0;
        let mut rest = postings.len();
        for (n, &(list, _, k)) in postings.iter().enumerate() {
            visited += list.len();
            if visited > MAX_QUOTE_POSTINGS {
                rest = n;
                break;
            }
            for &i in list {
                *shared.entry(i).or_default() += k;
            }
        }
        // past the bound, the common words still count for the quotes
        // found so far that share the most (each list is sorted: a binary
        // search per quote, not a walk of the list): a misquote of one of
        // 1,000 near-identical quotes was left unverified
        if rest < postings.len() {
            let mut top: Vec<(usize, usize)> = shared.iter().map(|(&i, &n)| (i, n)).collect();
            top.sort_unstable_by_key(|&(i, n)| (std::cmp::Reverse(n), i));
            top.truncate(4 * MAX_QUOTE_CANDIDATES);
            for &(list, _, k) in &postings[rest..] {
                for &(i, _) in &top {
                    if list.binary_search(&i).is_ok() {
                        *shared.entry(i).or_default() += k;
                    }
                }
            }
        }
        let mut hits: Vec<(usize, usize)> = shared
            .into_iter()
            .filter(|&(i, n)| n as f64 >= 0.5 * lower.len().min(self.quotes[i].plain.len()) as f64)
            .collect();
        // those sharing the most words, when a reference holds many alike
        hits.sort_unstable_by_key(|&(i, n)| (std::cmp::Reverse(n), i));
        hits.truncate(MAX_QUOTE_CANDIDATES);
        hits.sort_unstable();
        hits.into_iter().map(|(i, _)| &self.quotes[i]).collect()
    }

    /// The reference quotes holding `word` (lower-cased).
    pub(super) fn holding(&self, word: &str) -> impl Iterator<Item = &PreparedQuote<'r>> {
        self.quote_index
            .get(word)
            .into_iter()
            .flatten()
            .map(|&i| &self.quotes[i])
    }
}
