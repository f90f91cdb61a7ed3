//! Reference quotes found by their words: an index from each word to the
//! quotes holding it, read rarest word first, so a quote is compared with
//! the few that share most of its words, not with every quote of a long
//! reference.

use super::{Checker, PreparedQuote};
use crate::limits::{MAX_QUOTE_CANDIDATES, MAX_QUOTE_POSTINGS};

impl<'r> Checker<'r> {
    /// The reference quotes that share at least half the words of the
    /// shorter of them and `lower` (the quote's words, lower-cased and
    /// sorted, no ellipses), in reference order; found through the word
    /// index, so the work is the words' postings, not every quote of the
    /// reference.
    pub(super) fn sharing_words<S: AsRef<str>>(&self, lower: &[S]) -> Vec<&PreparedQuote<'r>> {
        if lower.is_empty() {
            return Vec::new();
        }
        // each distinct word with how often the quote says it (run-length
        // counted: sorted, no hashing needed)
        let mut times: Vec<(&str, usize)> = Vec::with_capacity(lower.len());
        for w in lower.iter().map(AsRef::as_ref) {
            match times.last_mut() {
                Some((last, k)) if *last == w => *k += 1,
                _ => times.push((w, 1)),
            }
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
        // every (quote, times) posting visited, then summed by quote once
        // sorted: at most the postings bound of pairs, no map per quote
        let mut visited: Vec<(usize, usize)> = Vec::new();
        let mut rest = postings.len();
        for (n, &(list, _, k)) in postings.iter().enumerate() {
            if visited.len() + list.len() > MAX_QUOTE_POSTINGS {
                rest = n;
                break;
            }
            visited.extend(list.iter().map(|&i| (i, k)));
        }
        visited.sort_unstable_by_key(|&(i, _)| i);
        let mut shared: Vec<(usize, usize)> = Vec::new();
        for (i, k) in visited {
            match shared.last_mut() {
                Some((last, n)) if *last == i => *n += k,
                _ => shared.push((i, k)),
            }
        }
        // past the bound, the common words still count for the quotes
        // found so far that share the most (each list is sorted: a binary
        // search per quote, not a walk of the list): a misquote of one of
        // 1,000 near-identical quotes was left unverified
        if rest < postings.len() {
            let mut top: Vec<usize> = (0..shared.len()).collect();
            top.sort_unstable_by_key(|&t| (std::cmp::Reverse(shared[t].1), shared[t].0));
            top.truncate(4 * MAX_QUOTE_CANDIDATES);
            for &(list, _, k) in &postings[rest..] {
                for &t in &top {
                    if list.binary_search(&shared[t].0).is_ok() {
                        shared[t].1 += k;
                    }
                }
            }
        }
        let mut hits: Vec<(usize, usize)> = shared
            .into_iter()
            .filter(|&(i, n)| enough_shared(n, lower.len(), self.quotes[i].plain.len()))
            .collect();
        // those sharing the most words, when a reference holds many alike
        hits.sort_unstable_by_key(|&(i, n)| (std::cmp::Reverse(n), i));
        hits.truncate(MAX_QUOTE_CANDIDATES);
        hits.sort_unstable();
        hits.into_iter().map(|(i, _)| &self.quotes[i]).collect()
    }

    /// Whether any reference quote may share enough of an article quote's
    /// `n` words for [`Checker::sharing_words`] to keep it, when the index
    /// holds `held` of them (repeats counted): none shares more than that.
    /// Most quotes of an archive are turned away here, before their words
    /// are sorted and counted.
    pub(super) fn may_share(&self, held: usize, n: usize) -> bool {
        enough_shared(held, n, self.shortest_quote)
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

/// Whether `shared` words are the share a candidate needs of an article
/// quote of `a` words and a reference quote of `b`: half the shorter.
/// One rule for the candidates and for the bound that turns quotes away
/// before them.
fn enough_shared(shared: usize, a: usize, b: usize) -> bool {
    shared as f64 >= 0.5 * a.min(b) as f64
}

#[cfg(test)]
mod tests {
    use crate::compare::Checker;
    use crate::reference::Reference;

    proptest::proptest! {
        /// The bound never turns away a quote that has candidates: quotes
        /// of a small vocabulary, so shares fall on both sides of half.
        #[test]
        fn may_share_is_a_bound(
            refs in proptest::collection::vec(proptest::collection::vec("(war|peace|now|the|talks|end)", 1..9), 1..4),
            quote in proptest::collection::vec("(war|peace|now|the|talks|end|rain|snow)", 1..12),
        ) {
            let mut yaml = String::from("version: 1\nsources:\n  - id: s\n    name: Ann Lee\nquotes:\n");
            for (i, r) in refs.iter().enumerate() {
                yaml.push_str(&format!("  - id: q{i}\n    speaker: s\n    text: \"{}\"\n", r.join(" ")));
            }
            let reference = Reference::from_str("r.yaml".as_ref(), &yaml).unwrap();
            let checker = Checker::new(&reference);
            let mut sorted = quote.clone();
            sorted.sort_unstable();
            let held = sorted.iter().filter(|w| checker.quote_index.contains_key(w.as_str())).count();
            if !checker.may_share(held, sorted.len()) {
                proptest::prop_assert!(checker.sharing_words(&sorted).is_empty());
            }
        }
    }
}
