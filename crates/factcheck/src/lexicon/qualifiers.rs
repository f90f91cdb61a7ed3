//! Qualifier phrases ("more than", "at least", "up to") found where a
//! number stands: asked for at every number, so a word no phrase starts
//! or ends with is turned away by one look-up instead of a scan of them all.

use rustc_hash::FxHashSet as HashSet;

use crate::lang::tokens::{Kind, Token};
use crate::model::Qualifier;

#[derive(Debug, Clone, Default)]
pub(crate) struct Qualifiers {
    /// Phrases as lower-case words, longest first.
    phrases: Vec<(Vec<String>, Qualifier)>,
    firsts: HashSet<String>,
    lasts: HashSet<String>,
}

impl Qualifiers {
    pub(super) fn new(mut phrases: Vec<(Vec<String>, Qualifier)>) -> Qualifiers {
        phrases.retain(|(w, _)| !w.is_empty());
        phrases.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let firsts = phrases.iter().map(|(w, _)| w[0].clone()).collect();
        let lasts = phrases
            .iter()
            .map(|(w, _)| w[w.len() - 1].clone())
            .collect();
        Qualifiers {
            phrases,
            firsts,
            lasts,
        }
    }

    /// The first and last words of the phrases (for [`crate::lang::tokens::PHRASE_EDGE`]).
    pub(super) fn edges(&self) -> impl Iterator<Item = &String> {
        self.firsts.iter().chain(&self.lasts)
    }

    /// The longest qualifier whose words are the tokens from `at` on: its
    /// length in tokens and what it says.
    pub(crate) fn starting_at(&self, toks: &[Token], at: usize) -> Option<(usize, Qualifier)> {
        let first = toks.get(at)?;
        if !first.may_be_phrase_edge() || !self.firsts.contains(first.lower.as_str()) {
            return None;
        }
        self.phrases
            .iter()
            .find(|(w, _)| words_at(toks, at, w))
            .map(|(w, q)| (w.len(), *q))
    }

    /// The longest qualifier ending just before token `end` and starting
    /// at or after `floor`.
    pub(crate) fn ending_at(
        &self,
        toks: &[Token],
        floor: usize,
        end: usize,
    ) -> Option<(usize, Qualifier)> {
        let last = toks.get(end.checked_sub(1)?)?;
        if end <= floor || !last.may_be_phrase_edge() || !self.lasts.contains(last.lower.as_str()) {
            return None;
        }
        self.phrases
            .iter()
            .find(|(w, _)| w.len() <= end - floor && words_at(toks, end - w.len(), w))
            .map(|(w, q)| (w.len(), *q))
    }
}

/// Whether `words` stand as word tokens from token `j` on.
pub(super) fn words_at(toks: &[Token], j: usize, words: &[String]) -> bool {
    toks.get(j..j + words.len()).is_some_and(|ts| {
        ts.iter()
            .zip(words)
            .all(|(t, w)| t.kind == Kind::Word && t.lower == *w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::tokens::tokenize;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn the_longest_phrase_at_either_end_within_its_floor() {
        let q = Qualifiers::new(vec![
            (words("more than"), Qualifier::MoreThan),
            (words("no more than"), Qualifier::AtMost),
            (words("at least"), Qualifier::AtLeast),
        ]);
        let src = "they said no more than 20 and at least 5 more than";
        let toks = tokenize(src, 0, src.len());
        let at = |w: &str| toks.iter().position(|t| t.lower == w).unwrap();
        let twenty = at("20");
        assert_eq!(q.ending_at(&toks, 0, twenty), Some((3, Qualifier::AtMost)));
        // (the floor cuts "no" off: the shorter phrase inside it)
        assert_eq!(
            q.ending_at(&toks, twenty - 2, twenty),
            Some((2, Qualifier::MoreThan))
        );
        assert_eq!(
            q.starting_at(&toks, at("at")),
            Some((2, Qualifier::AtLeast))
        );
        assert_eq!(q.starting_at(&toks, at("said")), None);
        assert_eq!(q.ending_at(&toks, 0, at("said")), None);
        // a phrase running past the tokens is none
        assert_eq!(q.starting_at(&toks, toks.len() - 1), None);
        assert_eq!(q.ending_at(&toks, 0, 0), None);
    }
}
