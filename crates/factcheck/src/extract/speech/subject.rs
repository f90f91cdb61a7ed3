//! The subject of a sentence before a cue: "Gov. Mike Pence on Thursday
//! blamed the media …, saying …" gives "Gov. Mike Pence" to "saying".
//!
//! A sentence asks it once for each participle cue, each time for the
//! subject before that cue. Read from the sentence's start each time, a
//! sentence of many cues ("x, saying x, saying …", 64 KB) took 7 s a
//! megabyte: what was read for one cue is kept for the next.

use std::cell::Cell;

use super::Sent;
use crate::lang::numbers::is_number_word;
use crate::lang::tokens::Kind;
use crate::lexicon::grammar::ARTICLES;

/// What a sentence's last subject search found, for the next one.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scan {
    /// The token it was the subject before.
    before: usize,
    /// What it found.
    found: Option<(usize, usize)>,
    /// The first phrase start whose reading the bound `before` cut short or
    /// decided: every phrase before it is what it is whatever the bound,
    /// so a later bound reads on from here.
    resume: usize,
}

/// Memo of a sentence's subject searches ([`Sent::subject`]).
pub(crate) type Memo = Cell<Option<Scan>>;

impl Sent<'_> {
    /// The subject of the sentence before token `before`: the first name-like
    /// phrase that opens the sentence or a clause and is followed by a verb.
    pub(super) fn subject(&self, before: usize) -> Option<(usize, usize)> {
        let scan = match self.subject_memo.get() {
            Some(s) if s.before == before => return s.found,
            // a later bound, after a subject whose reading no bound
            // touched, nor that of any phrase before it: the same subject
            Some(s) if s.before < before && s.found.is_some_and(|(i, _)| i < s.resume) => {
                Scan { before, ..s }
            }
            // a later bound: read on from the first phrase the last touched
            Some(s) if s.before < before => self.subject_from(s.resume, before),
            _ => self.subject_from(self.first, before),
        };
        self.subject_memo.set(Some(scan));
        scan.found
    }

    /// The subject search before token `before` from phrase start `from`
    /// (the sentence's first token, or a `resume` of an earlier search).
    fn subject_from(&self, from: usize, before: usize) -> Scan {
        let toks = self.toks;
        let mut i = from;
        let mut resume = usize::MAX;
        while i < before {
            let opens = i == self.first || toks[i - 1].lower == ",";
            // "The regional governor condemned …": a common noun with its article
            if opens && ARTICLES.contains(&toks[i].lower.as_str()) {
                // (the head is looked for up to three tokens on, and a verb
                // after it must stand before the bound)
                if before < i + 5 {
                    resume = resume.min(i);
                }
                if let Some(j) = self.described_head(i + 1, before) {
                    return Scan {
                        before,
                        found: Some((i, j)),
                        resume: resume.min(i + 1),
                    };
                }
            }
            // "Six hours later, the JMA began …, noting": a number word
            // opens a fronted phrase, never a name
            if !(opens && self.nameish(&toks[i])) || is_number_word(&toks[i].lower) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < before
                && (self.nameish(&toks[j])
                    // "Gov. Mike Pence", "U.S. officials"
                    || toks[j].lower == "." && j > i && toks[j - 1].end == toks[j].start && toks[j - 1].lower.chars().count() <= 4)
            {
                j += 1;
            }
            if j == before {
                resume = resume.min(i);
            }
            // ("Hours later, Trump returned …": a fronted time phrase)
            let fronted_time = toks.get(j).is_some_and(|t| {
                ["later", "earlier", "ago"].contains(&t.lower.as_str())
                    && toks.get(j + 1).is_some_and(|c| c.lower == ",")
            });
            let verb_follows = !fronted_time
                && toks.get(j).is_some_and(|t| {
                    t.kind == Kind::Word && !t.capitalised(self.src) && !self.closed(t)
                        || t.is("on")
                        || self.lexicon.aux_words.has(t)
                });
            if verb_follows {
                return Scan {
                    before,
                    found: Some((i, j)),
                    resume: resume.min(i + 1),
                };
            }
            i = j.max(i + 1);
        }
        Scan {
            before,
            found: None,
            resume: resume.min(i),
        }
    }

    /// The end of "regional governor" at `from`: up to two lower-case
    /// modifiers and a title or speaker noun, with a verb after it.
    pub(super) fn described_head(&self, from: usize, before: usize) -> Option<usize> {
        let toks = self.toks;
        (from..before.min(from + 3)).find_map(|h| {
            let head = self.word(h)?;
            let modifiers = toks[from..h]
                .iter()
                .all(|t| t.kind == Kind::Word && !self.closed(t) && !t.capitalised(self.src));
            let verb = self
                .word(h + 1)
                .is_some_and(|t| !t.capitalised(self.src) && !self.closed(t) && h + 1 < before);
            (modifiers && self.nameish(head) && !head.capitalised(self.src) && verb)
                .then_some(h + 1)
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::speech::Sent;
    use crate::lang::tokens::{tokenize, Token};
    use crate::lexicon::Lexicon;

    fn sent<'a>(src: &'a str, toks: &'a [Token], first: usize) -> Sent<'a> {
        Sent {
            src,
            toks,
            first,
            index: 0,
            classes: crate::lang::tokens::union(toks),
            lexicon: Lexicon::default_ref(),
            subject_memo: Default::default(),
            quoted: Default::default(),
        }
    }

    const WORDS: [&str; 26] = [
        "Bob",
        "Smith",
        "Gov.",
        "U.S.",
        ",",
        ",",
        "the",
        "a",
        "regional",
        "governor",
        "minister",
        "blamed",
        "saying",
        "noting",
        "on",
        "has",
        "later",
        "earlier",
        "six",
        "x",
        "Mike",
        "officials",
        "\"",
        "and",
        "Hours",
        "spoke",
    ];

    proptest::proptest! {
        /// A sentence asked for its subject before many cues, in any order,
        /// answers each as a sentence asked once.
        #[test]
        fn remembered_searches_find_what_fresh_ones_do(
            words in proptest::collection::vec(proptest::sample::select(&WORDS[..]), 1..40),
            first in 0usize..3,
            mut befores in proptest::collection::vec(0usize..45, 1..12),
            rising in proptest::prelude::any::<bool>(),
        ) {
            let src = words.join(" ");
            let mut toks = tokenize(&src, 0, src.len());
            Lexicon::default_ref().classes.read(&mut toks);
            let first = first.min(toks.len());
            if rising {
                befores.sort_unstable();
            }
            let asked = sent(&src, &toks, first);
            for b in befores {
                let b = b.clamp(first, toks.len());
                proptest::prop_assert_eq!(asked.subject(b), sent(&src, &toks, first).subject(b), "{}", b);
            }
        }
    }

    #[test]
    fn the_subject_of_a_later_cue_is_the_sentences() {
        let src = "Gov. Mike Pence on Thursday blamed the media, saying x, noting y";
        let mut toks = tokenize(src, 0, src.len());
        Lexicon::default_ref().classes.read(&mut toks);
        let s = sent(src, &toks, 0);
        let cues: Vec<usize> = (0..toks.len())
            .filter(|&i| toks[i].is("saying") || toks[i].is("noting"))
            .collect();
        let name = |b| {
            s.subject(b)
                .map(|(i, j)| &src[toks[i].start..toks[j - 1].end])
        };
        assert_eq!(name(cues[0]), Some("Gov. Mike Pence"));
        assert_eq!(name(cues[1]), Some("Gov. Mike Pence"));
        assert_eq!(name(2), None);
        // a bound that cut a description short, then a later one
        let src = "the regional governor blamed the media, saying x";
        let mut toks = tokenize(src, 0, src.len());
        Lexicon::default_ref().classes.read(&mut toks);
        let s = sent(src, &toks, 0);
        let name = |b| {
            s.subject(b)
                .map(|(i, j)| &src[toks[i].start..toks[j - 1].end])
        };
        assert_eq!(name(3), None);
        assert_eq!(name(7), Some("the regional governor"));
    }
}
