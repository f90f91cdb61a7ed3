//! Reference quotes found by their words: an index from each word to the
//! quotes holding it, read rarest word first, so a quote is compared with
//! the few that share most of its words, not with every quote of a long
//! reference.

use super::words::plain_words;
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

    /// Whether a quote is sure to have no candidate, read the cheap way
    /// (every path of `compare_quote` starts from the word index):
    /// a plain quote that shares too few words with every reference quote,
    /// most quotes of an archive, never read with their places.
    pub(super) fn turned_away(&self, text: &str) -> bool {
        // (the words are counted here, and read again only for a quote
        // that may share enough of them: most are turned away by counts)
        let (mut n, mut held) = (0usize, 0usize);
        let Some((_, number_words, digit_words)) = plain_words(text, true, |w| {
            held += usize::from(self.quote_index.contains_key(w));
            n += 1;
            false
        }) else {
            return false;
        };
        if number_words > 0 {
            // a run of numeric words (number words, digits) is one word read
            // in full, an "and" in it too, and may be held: at most one more
            // held a numeric word, at most two fewer words (and not a pair)
            // (the words given hold the digits, not the number words)
            let numeric = number_words + digit_words;
            let fewest = (n + number_words).saturating_sub(2 * numeric);
            return fewest > 2 && !self.may_share(held + numeric, fewest);
        }
        // (too few words held for any candidate, and not a pair)
        let pair_held = n == 2 && held > 0;
        if !pair_held && !self.may_share(held, n) {
            return true;
        }
        // (sized once: a plain quote's words are at most its bytes)
        let mut arena = String::with_capacity(text.len());
        let mut ends = Vec::with_capacity(n);
        plain_words(text, true, |w| {
            arena.push_str(w);
            ends.push(arena.len());
            false
        });
        let mut plain: Vec<&str> = ends
            .iter()
            .scan(0, |from, &to| Some(&arena[std::mem::replace(from, to)..to]))
            .collect();
        plain.sort_unstable();
        let pair = plain.len() == 2 && plain.iter().any(|w| self.quote_index.contains_key(*w));
        !pair && self.sharing_words(&plain).is_empty()
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

    /// A reference of one speaker's quotes, each of the words given.
    fn quotes_of(quotes: &[Vec<String>]) -> Reference {
        let mut yaml =
            String::from("version: 1\nsources:\n  - id: s\n    name: Ann Lee\nquotes:\n");
        for (i, r) in quotes.iter().enumerate() {
            let text = r.join(" ");
            yaml.push_str(&format!(
                "  - id: q{i}\n    speaker: s\n    text: \"{text}\"\n"
            ));
        }
        Reference::from_str("r.yaml".as_ref(), &yaml).unwrap()
    }

    proptest::proptest! {
        /// The bound never turns away a quote that has candidates: quotes
        /// of a small vocabulary, so shares fall on both sides of half.
        #[test]
        fn may_share_is_a_bound(
            refs in proptest::collection::vec(proptest::collection::vec("(war|peace|now|the|talks|end)", 1..9), 1..4),
            quote in proptest::collection::vec("(war|peace|now|the|talks|end|rain|snow)", 1..12),
        ) {
            let reference = quotes_of(&refs);
            let checker = Checker::new(&reference);
            let mut sorted = quote.clone();
            sorted.sort_unstable();
            let held = sorted.iter().filter(|w| checker.quote_index.contains_key(w.as_str())).count();
            if !checker.may_share(held, sorted.len()) {
                proptest::prop_assert!(checker.sharing_words(&sorted).is_empty());
            }
        }

        /// A quote turned away the cheap way has nothing the full reading
        /// finds: with numbers in words, which that reading joins into
        /// digits ("twenty and five"), and digits the reference holds.
        #[test]
        fn a_quote_turned_away_finds_nothing(
            refs in proptest::collection::vec(proptest::collection::vec("(war|peace|now|the|talks|25|5|twenty|100|7000|321|1)", 1..7), 1..4),
            quote in proptest::collection::vec("(war|peace|now|the|talks|end|rain|twenty|five|and|one|hundred|5|25|7|000|000,|3|21)", 1..12),
        ) {
            let reference = quotes_of(&refs);
            let checker = Checker::new(&reference);
            let text = quote.join(" ");
            if checker.turned_away(&text) {
                proptest::prop_assert!(checker.compare_quote(&text).is_empty(), "{}", text);
            }
        }
    }

    /// Numbers in words the full reading joins are held: a quote that
    /// gives a reference's figure in words is not turned away.
    #[test]
    fn a_number_in_words_is_not_turned_away() {
        let words = ["25", "talks", "will", "end", "soon"];
        let reference = quotes_of(&[words.map(String::from).to_vec()]);
        let checker = Checker::new(&reference);
        for text in [
            "the twenty five talks will end soon",
            "the twenty-five talks will end soon enough",
        ] {
            assert!(!checker.turned_away(text), "{text}");
            assert!(!checker.compare_quote(text).is_empty(), "{text}");
        }
        // digits the full reading joins because a number word is near
        let reference = quotes_of(&[["7000", "8000", "1"].map(String::from).to_vec()]);
        let checker = Checker::new(&reference);
        for text in ["7 000, 8 000, one", "3 hundred and 21 then 7 000 8 000 one"] {
            assert!(!checker.turned_away(text), "{text}");
        }
        assert!(!checker.compare_quote("7 000, 8 000, one").is_empty());
        let words = ["25", "talks", "will", "end", "soon"];
        let reference = quotes_of(&[words.map(String::from).to_vec()]);
        let checker = Checker::new(&reference);
        // (and a quote that shares nothing is turned away, numbers or not)
        assert!(checker.turned_away("we held the rain and the snow for one hundred days"));
    }
}
