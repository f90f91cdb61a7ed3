//! Figures the text itself calls the whole event's total: "In total, the
//! storm killed 35 people", "with 6,054 deaths in all", "killing a total of
//! 16 people". Encyclopedia copy states a toll by region and then once in
//! all; a reference's headline toll should meet that figure first, not
//! whichever regional one ranks best.

use super::{cue_at, QuantityHit};
use crate::extract::speech::Sent;
use crate::lang::tokens::Kind;
use crate::lexicon::Lexicon;

/// Token ranges `[start, end)` of the total phrases in the sentence.
fn markers(sent: &Sent, lx: &Lexicon) -> Vec<(usize, usize)> {
    let toks = sent.toks;
    let mut found = Vec::new();
    for j in sent.first..toks.len() {
        let Some(m) = lx
            .total_words
            .iter()
            .filter(|w| cue_at(toks, j, w))
            .max_by_key(|w| w.len())
        else {
            continue;
        };
        let end = j + m.len();
        let next = toks.get(end);
        let fits = if m.last().is_some_and(|w| w == "of") {
            // "a total of 16": a number follows
            next.is_some_and(|t| {
                t.kind == Kind::Num || crate::lang::numbers::is_number_word(&t.lower)
            })
        } else if m.len() == 1 && (m[0] == "total" || m[0] == "cumulative") {
            // "the total death toll": an adjective of a metric word
            next.is_some_and(|t| lx.plain_by_first.contains_key(t.lower.as_str()))
        } else {
            // "in all" closes a clause or opens one: not "in all of Texas"
            next.is_none_or(|t| t.kind != Kind::Word || !(t.is("of") || t.is("the")))
        };
        if fits && found.last().is_none_or(|&(_, e)| e <= j) {
            found.push((j, end));
        }
    }
    found
}

/// Mark each hit a total phrase stands before (the first figure of its
/// metric after the phrase, with no figure between) or right after ("12
/// deaths in total"). A part of a figure is never the total.
pub(super) fn mark(sent: &Sent, hits: &mut [QuantityHit], lx: &Lexicon) {
    if hits.is_empty() {
        return;
    }
    let found = markers(sent, lx);
    if found.is_empty() {
        return;
    }
    for k in 0..hits.len() {
        if hits[k].part {
            continue;
        }
        let first = hits[k].number.first;
        let before = found
            .iter()
            .any(|&(_, end)| end <= first && !hits[..k].iter().any(|h| h.number.first >= end));
        let after = found
            .iter()
            .any(|&(start, _)| start >= hits[k].end_tok && start <= hits[k].end_tok + 1);
        hits[k].total = before || after;
    }
}
