//! Figures the text itself calls the whole event's total: "In total, the
//! storm killed 35 people", "with 6,054 deaths in all", "killing a total of
//! 16 people". Encyclopedia copy states a toll by region and then once in
//! all; a reference's headline toll should meet that figure first, not
//! whichever regional one ranks best.

use super::{cue_at, QuantityHit};
use crate::extract::speech::Sent;
use crate::lang::tokens::Kind;
use crate::lexicon::Lexicon;

/// A total phrase: its tokens `[start, end)`, and whether it leads a
/// number ("a total of 16") rather than stands on its own ("in all").
struct Marker {
    start: usize,
    end: usize,
    leads: bool,
}

/// The total phrases of the sentence.
fn markers(sent: &Sent, lx: &Lexicon) -> Vec<Marker> {
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
        let number_next = next
            .is_some_and(|t| t.kind == Kind::Num || crate::lang::numbers::is_number_word(&t.lower));
        // "a total of 16", "a total of at least 16", "Altogether 44 people
        // were killed": `mark` holds the phrase to the number right after
        // (not "in all three villages, 16 died")
        let leads = m.last().is_some_and(|w| w == "of") || number_next;
        let fits = if leads {
            true
        } else if m.len() == 1 {
            // "the total death toll", "the overall death toll": an
            // adjective of a metric word (not "overall turnout", "was
            // altogether cut off")
            next.is_some_and(|t| lx.opens_plain_cue(t))
                || next.is_none_or(|t| t.kind == Kind::Punct) && m[0] != "total"
        } else {
            // "In all, …", "… in total.": a phrase that closes a clause or
            // opens one (not "in all parts of the valley")
            next.is_none_or(|t| t.kind == Kind::Punct)
        };
        if fits && found.last().is_none_or(|m: &Marker| m.end <= j) {
            found.push(Marker {
                start: j,
                end,
                leads,
            });
        }
    }
    found
}

/// Mark each hit a total phrase stands before (the first figure after the
/// phrase, with no figure between) or right after ("12 deaths in total").
/// A part of a figure is never the total.
pub(super) fn mark(sent: &Sent, hits: &mut [QuantityHit], lx: &Lexicon) {
    if hits.is_empty() {
        return;
    }
    let found = markers(sent, lx);
    if found.is_empty() {
        return;
    }
    // a phrase right after a figure closes it ("400,000 were displaced in
    // total, and 153 were declared missing"): it opens no later one
    // ("jailed for a total of 35 years" after a count leads the years)
    let closes =
        |m: &Marker, h: &QuantityHit| !m.leads && m.start >= h.end_tok && m.start <= h.end_tok + 1;
    let marks: Vec<bool> = (0..hits.len())
        .map(|k| {
            let first = hits[k].number.first;
            // (a phrase that leads a number is that number's alone:
            // "conducted a total of 190 interventions and rescued 86
            // people" marks no 86; a qualifier may stand between, "a total
            // of at least 16")
            let before = found.iter().any(|m| {
                m.end <= first
                    && if m.leads {
                        first - m.end <= 2
                    } else {
                        !hits.iter().any(|h| closes(m, h))
                    }
                    && !hits[..k].iter().any(|h| h.number.first >= m.end)
            });
            let after = found.iter().any(|m| closes(m, &hits[k]));
            !hits[k].part && (before || after)
        })
        .collect();
    for (h, total) in hits.iter_mut().zip(marks) {
        h.total = total;
    }
}
