//! Headline-style attribution: a statement, a colon, then the speaker's
//! name ("The UN will seek a ceasefire: Antonio Guterres").

use super::speakers::Registry;
use super::speech::{Sent, SpeechEvent};
use super::Extractor;
use crate::lang::tokens::Kind;

impl Extractor<'_> {
    /// Headline-style attribution: "The UN will seek a ceasefire: Antonio Guterres".
    pub(super) fn headline(&self, sent: &Sent, registry: &mut Registry) -> Option<SpeechEvent> {
        let toks = sent.toks;
        // (most sentences hold no colon: one memchr over their bytes, not
        // a comparison per token; a colon token is a colon of the text)
        let (first, last) = (toks.first()?, toks.last()?);
        memchr::memchr(b':', &sent.src.as_bytes()[first.start..last.end])?;
        let colon = toks.iter().rposition(|t| t.lower == ":")?;
        if colon <= sent.first + 2 {
            return None;
        }
        let mut end = toks.len();
        while end > colon + 1 && toks[end - 1].kind == Kind::Punct {
            end -= 1;
        }
        let name = &toks[colon + 1..end];
        let name_ok = (1..=6).contains(&name.len())
            && name.iter().all(|t| {
                t.kind == Kind::Word && (t.capitalised(sent.src) || self.lexicon.titles.has(t))
            })
            && name.iter().any(|t| t.capitalised(sent.src))
            && !name.iter().any(|t| {
                crate::lexicon::grammar::ARTICLES.contains(&t.lower.as_str())
                    || self.lexicon.teaser_words.has(t)
            });
        let words_before = toks[sent.first..colon]
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .count();
        if !name_ok || words_before < 3 {
            return None;
        }
        let words: Vec<&str> = name.iter().map(|t| t.text(sent.src)).collect();
        let entity = registry.mention(&words, self.lexicon)?;
        Some(SpeechEvent {
            entity,
            mention: (name[0].start, name[name.len() - 1].end),
            cue: (toks[colon].start, toks[colon].end),
            content: Some((toks[sent.first].start, toks[colon - 1].end)),
            sentence: sent.index,
            forward: false,
            relative: false,
            also: Vec::new(),
        })
    }
}
