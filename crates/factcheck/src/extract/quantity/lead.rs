//! The words before a number that shape a figure: its qualifier ("more
//! than", "between"), a lead that makes it a part of the figure before
//! ("including 12"), and the most that figure can be.

use super::QuantityHit;
use crate::extract::speech::Sent;
use crate::lang::numbers::NumberPhrase;
use crate::lexicon::grammar::{SUBSET_LEADS, SUBSET_PREPOSITIONS, SUBSET_PRONOUNS};
use crate::lexicon::Lexicon;
use crate::model::Qualifier;

/// The qualifier of the number and the token it starts at: the number's
/// own, a lexicon phrase before it ("more than"), or "between" of a range.
pub(super) fn qualifier_before(sent: &Sent, n: &NumberPhrase, lx: &Lexicon) -> (Qualifier, usize) {
    let toks = sent.toks;
    let mut qualifier = n.qualifier.unwrap_or(if n.vague {
        Qualifier::Vague
    } else {
        Qualifier::Exact
    });
    let mut q_start = n.first;
    if n.qualifier.is_none() && !n.vague {
        if let Some((words, q)) = lx.qualifiers.ending_at(toks, sent.first, n.first) {
            qualifier = q;
            q_start = n.first - words;
        }
    }
    if n.upper.is_some() && n.first > sent.first && toks[n.first - 1].is("between") {
        q_start = n.first - 1;
    }
    // a two-sided range starts at its first bound ("more than 20 and
    // fewer than 35")
    if n.qualifier == Some(Qualifier::Range) && n.upper.is_some() {
        if let Some((words, _)) = bound_before(sent, n.first, lx) {
            q_start = n.first - words;
        }
    }
    (qualifier, q_start)
}

/// The lexicon qualifier that ends right before token `at`: its length in
/// tokens and what it says.
fn bound_before(sent: &Sent, at: usize, lx: &Lexicon) -> Option<(usize, Qualifier)> {
    lx.qualifiers.ending_at(sent.toks, sent.first, at)
}

/// A number bounded on both sides by two qualified numbers joined by
/// "and": "more than 20 and fewer than 35", "at most 100 and at least
/// 20", "no more than 50 and no less than 20": one range from the lower to
/// the upper bound, through the second number. `None` otherwise.
pub(super) fn two_sided(sent: &Sent, n: &NumberPhrase, lx: &Lexicon) -> Option<NumberPhrase> {
    let toks = sent.toks;
    if n.qualifier.is_some() || n.vague || n.percent {
        return None;
    }
    let lower = |q: Qualifier| matches!(q, Qualifier::MoreThan | Qualifier::AtLeast);
    let upper = |q: Qualifier| {
        matches!(
            q,
            Qualifier::FewerThan | Qualifier::AtMost | Qualifier::UpTo
        )
    };
    let (_, first) = bound_before(sent, n.first, lx)?;
    // (only "and": after a comma a second bound is often a part, "fewer
    // than 10, at least 5 of them children")
    toks.get(n.last).filter(|t| t.is("and"))?;
    let after = n.last + 1;
    // the second bound's words, then its number
    let (words, second) = lx.qualifiers.starting_at(toks, after)?;
    let m = crate::lang::numbers::parse_at(sent.src, toks, after + words)?;
    if m.qualifier.is_some() || m.vague || m.percent != n.percent {
        return None;
    }
    let (lo, hi) = if lower(first) && upper(second) {
        (n.value, m.value)
    } else if upper(first) && lower(second) {
        (m.value, n.value)
    } else {
        return None;
    };
    (lo < hi).then(|| NumberPhrase {
        value: lo,
        upper: Some(hi),
        qualifier: Some(Qualifier::Range),
        last: m.last,
        end: m.end,
        ..n.clone()
    })
}

/// Whether the words before the phrase make it a part of the figure
/// before: "including 12", "among them 40", "of whom 3".
pub(super) fn subset_lead(sent: &Sent, q_start: usize) -> bool {
    let word = |back: usize| {
        q_start
            .checked_sub(back)
            .filter(|&p| p >= sent.first)
            .map(|p| sent.toks[p].lower.as_str())
            .unwrap_or("")
    };
    let (before2, before) = (word(2), word(1));
    SUBSET_LEADS.contains(&before)
        || SUBSET_PREPOSITIONS.contains(&before2) && SUBSET_PRONOUNS.contains(&before)
}

/// The most a figure can be, when its words bound it ("18", "up to 18",
/// "between 10 and 18"); `None` when open ("at least 18", "dozens").
pub(super) fn upper_bound(h: &QuantityHit) -> Option<f64> {
    let n = &h.number;
    match h.qualifier {
        Qualifier::Exact
        | Qualifier::AtMost
        | Qualifier::UpTo
        | Qualifier::Almost
        | Qualifier::FewerThan
        | Qualifier::Range => Some(n.upper.unwrap_or(n.value)),
        _ => None,
    }
}
