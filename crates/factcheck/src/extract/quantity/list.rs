//! Figures that continue a list: "killed at least 176 people in Malawi,
//! 86 in Mozambique and at least 46 in Madagascar". A number standing where
//! the figure before had its place phrase, with the same preposition after
//! it, counts the same thing; so does one right after the figure and a
//! comma, with a place of its own ("eight fatalities, seven in Texas").

use super::lead::qualifier_before;
use super::QuantityHit;
use crate::extract::speech::Sent;
use crate::lang::numbers::NumberPhrase;
use crate::lang::tokens::Kind;
use crate::lexicon::grammar::{PERIOD_DETERMINERS, PLACE_PREPOSITIONS};
use crate::lexicon::Lexicon;

/// The figure `n` continues, when it continues the list of `prev`: `prev`
/// is followed by "in/at/from Place", then only commas, "and", citation
/// markers and a date up to `n` (with its qualifier), and `n` by the same
/// preposition and a capitalised word.
pub(super) fn continuation(
    sent: &Sent,
    n: &NumberPhrase,
    prev: &QuantityHit,
    lx: &Lexicon,
) -> Option<QuantityHit> {
    let toks = sent.toks;
    let (qualifier, q_start) = qualifier_before(sent, n, lx);
    // a breakdown of the figure before by place: "eight fatalities, seven
    // in Texas and one in Oklahoma", "two dead, 1 in both Hoa Binh and …"
    // "died in the country; with one in the Mangochi District"
    let both = toks
        .get(n.last + 1)
        .is_some_and(|t| t.is("both") || t.is("each") || t.is("the"));
    let place = n.last + 1 + usize::from(both);
    let breakdown = separated(sent, prev.end_tok) == Some(q_start)
        && toks
            .get(n.last)
            .is_some_and(|t| PLACE_PREPOSITIONS.contains(&t.lower.as_str()))
        && sent.cap(place);
    // the number (with its qualifier) counts what the figure before counts
    let hit = || QuantityHit {
        end_tok: n.last,
        phrase: (toks[q_start].start, toks[n.last - 1].end),
        qualifier_start: toks[q_start].start,
        number: n.clone(),
        metric: prev.metric.clone(),
        subject: prev.subject.clone(),
        qualifier,
        place: None,
        // a part of a figure with no place of its own ("eight fatalities,
        // seven in Texas"); after one with a place it is the next in a list
        part: breakdown && prev.place.is_none(),
        total: false,
    };
    if breakdown {
        return Some(hit());
    }
    // the verb's objects listed: "killed 300 policemen and women, over 600
    // soldiers, more than 3,000 civilians"; each with who it counts
    if let Some(subject) = listed_object(sent, n, prev, q_start, lx) {
        let mut h = hit();
        let (_, end) = super::subject_after(sent, n.last, lx);
        h.subject = Some(subject);
        h.end_tok = end;
        h.phrase = (toks[q_start].start, toks[end - 1].end);
        return Some(h);
    }
    // "evacuated 300,000 people …, as well as 10,000 people from Diu": more
    // of whom the figure before counts
    if let Some(h) = as_well_as(sent, n, prev, q_start, lx) {
        let mut h2 = hit();
        h2.end_tok = h;
        h2.phrase = (toks[q_start].start, toks[h - 1].end);
        return Some(h2);
    }
    // a place's name, after "the" where it takes one ("in the United States")
    let named = |k: usize| {
        let the = toks.get(k).is_some_and(|t| t.is("the"));
        sent.cap(k + usize::from(the))
            .then_some(k + usize::from(the))
    };
    let prep = toks.get(prev.end_tok)?;
    if !PLACE_PREPOSITIONS.contains(&prep.lower.as_str()) {
        return None;
    }
    let place = named(prev.end_tok + 1)?;
    if place >= q_start || n.last == 0 || n.last > toks.len() {
        return None;
    }
    // the place of the figure before, then separators only
    let mut k = place;
    while k < q_start && sent.cap(k) && toks[k].kind == Kind::Word {
        k += 1;
    }
    // separators, and the date of the figure before: "130 in Paris last
    // November and 32 in Brussels in March"
    let separators = toks[k..q_start].iter().all(|t| {
        let w = t.lower.as_str();
        matches!(w, "," | "and" | "[" | "]" | ";")
            || (t.kind == Kind::Num && t.lower.len() <= 4)
            || lx.months.contains(w)
            || lx.week.contains(w)
            || PERIOD_DETERMINERS.contains(&w)
    });
    let listed = k < q_start
        && toks[k..q_start]
            .iter()
            .any(|t| matches!(t.lower.as_str(), "," | "and"));
    // (the next place may take another preposition: "14 near Hildale and 7
    // in Zion")
    let same_prep = toks
        .get(n.last)
        .is_some_and(|t| PLACE_PREPOSITIONS.contains(&t.lower.as_str()))
        && named(n.last + 1).is_some();
    (separators && listed && same_prep).then(hit)
}

/// The end of a number's subject when "as well as" opens it and it counts
/// whom the figure before counts (the same head noun): "as well as 10,000
/// people from the island", not "as well as 3,000 head of cattle".
fn as_well_as(
    sent: &Sent,
    n: &NumberPhrase,
    prev: &QuantityHit,
    q_start: usize,
    lx: &Lexicon,
) -> Option<usize> {
    let toks = sent.toks;
    let opener = q_start >= 3
        && q_start - 3 >= prev.end_tok
        && ["as", "well", "as"]
            .iter()
            .enumerate()
            .all(|(o, w)| toks[q_start - 3 + o].is(w));
    if !opener {
        return None;
    }
    let head = |s: &str| {
        let h = s.rsplit(' ').next().unwrap_or(s).to_string();
        h.strip_suffix('s').map(str::to_string).unwrap_or(h)
    };
    let (subject, end) = super::subject_after(sent, n.last, lx);
    let (mine, theirs) = (head(subject.as_deref()?), head(prev.subject.as_deref()?));
    let same = mine == theirs || lx.synonyms(&mine, &theirs);
    same.then_some(end)
}

/// Where a breakdown may start after a figure ending at `end`: past the
/// figure's own place ("in the country") or at most two words ending in a
/// colon ("occurred:"), then a comma, semicolon or colon, and "with" or
/// "including".
fn separated(sent: &Sent, end: usize) -> Option<usize> {
    let toks = sent.toks;
    let mut k = end;
    if toks
        .get(k)
        .is_some_and(|t| PLACE_PREPOSITIONS.contains(&t.lower.as_str()))
    {
        k = (k + 1..toks.len().min(k + 6)).find(|&i| toks[i].kind == Kind::Punct)?;
    } else if let Some(colon) = (k..toks.len().min(k + 3))
        .take_while(|&i| toks[i].kind == Kind::Word || toks[i].lower == ":")
        .find(|&i| toks[i].lower == ":")
    {
        // the figure's own short verb, then a colon: "At least 15
        // fatalities occurred: eight in Honduras, …" (a longer clause says
        // what kind of count it is, "Five people died while shoveling
        // snow: two in Queens, …", and its places are the whole's)
        k = colon;
    }
    if !toks
        .get(k)
        .is_some_and(|t| t.lower == "," || t.lower == ";" || t.lower == ":")
    {
        return None;
    }
    k += 1;
    if toks
        .get(k)
        .is_some_and(|t| t.is("with") || t.is("including"))
    {
        k += 1;
    }
    Some(k)
}

/// Who a number counts when it continues a list of the objects of the verb
/// of the figure before: only commas (and "and" with one word, "policemen
/// and women") stand between them, and a noun of people follows it.
fn listed_object(
    sent: &Sent,
    n: &NumberPhrase,
    prev: &QuantityHit,
    q_start: usize,
    lx: &Lexicon,
) -> Option<String> {
    let toks = sent.toks;
    prev.subject.as_ref()?;
    let between = toks.get(prev.end_tok..q_start)?;
    let comma_last = between.last().is_some_and(|t| t.lower == ",");
    let plain = between.len() <= 3
        && between
            .iter()
            .all(|t| t.lower == "," || t.kind == super::Kind::Word);
    if !(comma_last && plain) {
        return None;
    }
    let (subject, end) = super::subject_after(sent, n.last, lx);
    let subject = subject?;
    let head = subject.rsplit(' ').next().unwrap_or("");
    // a noun of people, with no verb of its own after it
    let people = !lx.non_person_subjects.contains(head);
    let ends = toks
        .get(end)
        .is_none_or(|t| t.lower == "," || t.lower == "." || t.is("and"));
    (people && ends).then_some(subject)
}
