//! Metric phrases by their whole words, to find those that stand at a
//! place in a sentence without trying each: a reference's `{country}`
//! slot makes one phrase per country, thousands sharing their first word
//! ("N fled …"), and trying each at every "fled" cost their product.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::lang::tokens::{Kind, Token};

/// Phrases (as lower-case words) by their words joined, with the word
/// counts that occur, longest first.
#[derive(Debug, Clone, Default)]
pub(crate) struct Phrases {
    by_words: HashMap<String, Vec<usize>>,
    lengths: Vec<usize>,
    /// First and last words of every phrase: most words start or end
    /// none, and one look-up says so before a key is built per length
    firsts: HashSet<String>,
    lasts: HashSet<String>,
}

impl Phrases {
    /// Index `phrases` (id, words); empty phrases are left out.
    pub(super) fn new<'a>(phrases: impl Iterator<Item = (usize, &'a [String])>) -> Phrases {
        let mut index = Phrases::default();
        for (id, words) in phrases.filter(|(_, w)| !w.is_empty()) {
            index.by_words.entry(words.join(" ")).or_default().push(id);
            index.firsts.insert(words[0].clone());
            index.lasts.insert(words[words.len() - 1].clone());
            if !index.lengths.contains(&words.len()) {
                index.lengths.push(words.len());
            }
        }
        index.lengths.sort_unstable_by(|a, b| b.cmp(a));
        index
    }

    /// The ids of the phrases whose words are the word tokens from `from`
    /// on, longest first (in index order within one length).
    pub(crate) fn starting_at<'a>(
        &'a self,
        toks: &'a [Token],
        from: usize,
    ) -> impl Iterator<Item = usize> + 'a {
        let starts = toks
            .get(from)
            .is_some_and(|t| t.may_be_phrase_edge() && self.firsts.contains(t.lower.as_str()));
        let words = if starts {
            toks[from..]
                .iter()
                .take(self.longest())
                .take_while(|t| t.kind == Kind::Word)
                .count()
        } else {
            0
        };
        self.matching(toks, move |len| (len <= words).then(|| (from, from + len)))
    }

    /// The ids of the phrases whose words are the word tokens ending just
    /// before `end` and starting at or after `floor`, longest first.
    pub(crate) fn ending_at<'a>(
        &'a self,
        toks: &'a [Token],
        floor: usize,
        end: usize,
    ) -> impl Iterator<Item = usize> + 'a {
        let end = end.min(toks.len());
        let ends = end > 0 && {
            let last = &toks[end - 1];
            last.may_be_phrase_edge() && self.lasts.contains(last.lower.as_str())
        };
        let words = if ends {
            toks[floor.min(end)..end]
                .iter()
                .rev()
                .take(self.longest())
                .take_while(|t| t.kind == Kind::Word)
                .count()
        } else {
            0
        };
        self.matching(toks, move |len| (len <= words).then(|| (end - len, end)))
    }

    /// The first and last words of the phrases (for [`crate::lang::tokens::PHRASE_EDGE`]).
    pub(super) fn edges(&self) -> impl Iterator<Item = &String> {
        self.firsts.iter().chain(&self.lasts)
    }

    /// Words in the longest phrase: no look-up counts further (a run of
    /// 16,000 words counted whole for each of its words was quadratic).
    fn longest(&self) -> usize {
        self.lengths.first().copied().unwrap_or(0)
    }

    fn matching<'a>(
        &'a self,
        toks: &'a [Token],
        span: impl Fn(usize) -> Option<(usize, usize)> + 'a,
    ) -> impl Iterator<Item = usize> + 'a {
        // (one key buffer for every length tried: a look-up allocates nothing)
        let mut key = String::new();
        self.lengths
            .iter()
            .filter_map(move |&len| {
                let (a, b) = span(len)?;
                key.clear();
                for (i, t) in toks[a..b].iter().enumerate() {
                    if i > 0 {
                        key.push(' ');
                    }
                    key.push_str(&t.lower);
                }
                self.by_words.get(key.as_str())
            })
            .flatten()
            .copied()
    }
}
