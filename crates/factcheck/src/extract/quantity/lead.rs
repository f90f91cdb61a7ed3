//! The words before a number that shape a figure: its qualifier ("more
//! than", "between"), a lead that makes it a part of the figure before
//! ("including 12"), and the most that figure can be.

use super::{cue_at, QuantityHit};
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
        if let Some((words, q)) = lx
            .qualifiers
            .iter()
            .find(|(w, _)| w.len() <= n.first - sent.first && cue_at(toks, n.first - w.len(), w))
        {
            qualifier = *q;
            q_start = n.first - words.len();
        }
    }
    if n.upper.is_some() && n.first > sent.first && toks[n.first - 1].is("between") {
        q_start = n.first - 1;
    }
    (qualifier, q_start)
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
