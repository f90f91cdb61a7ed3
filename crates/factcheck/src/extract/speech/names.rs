//! The names a sentence gives that later sentences may point back to
//! ("he", "the minister", "it"), noted even where no one speaks, and the
//! names joined to a speaker ("Ilse Varto and Petra Quill said").

use super::Sent;
use crate::extract::speakers::Registry;
use crate::lang::tokens::Kind;
use crate::lexicon::grammar::{PHRASE_PREPOSITIONS, PREPOSITIONS};

/// Note the people a sentence names, so that a later "he", "the minister"
/// or bare surname can resolve to them: a title before capitalised names
/// ("Foreign Minister Dmytro Kuleba", "negotiator David Arakhamia") or a
/// name opening the sentence ("Antony Blinken met …").
pub(crate) fn register_names(sent: &Sent, registry: &mut Registry) {
    let toks = sent.toks;
    // a body named as the subject ("The Growers Federation welcomed the
    // ruling."), so that a later "it said" finds it
    // (a speaker's sentence has named it already, in full)
    if toks.get(sent.first).is_some_and(|t| t.is("the")) {
        if let Some((a, b)) = sent.np_after(sent.first) {
            let named = (a + 1..b).all(|n| sent.cap(n) || toks[n].is("of") || toks[n].is("for"));
            let speaks = sent
                .word(b)
                .is_some_and(|t| sent.lexicon.reporting_verbs.has(t));
            let body = sent.lexicon.organisations.has(&toks[b - 1]);
            if named && !speaks && body {
                registry.mention(&sent.words(a, b), sent.lexicon);
            }
        }
    }
    // (end token, entity) of each person named, in order
    let mut named: Vec<(usize, usize)> = Vec::new();
    let mut i = sent.first;
    while i < toks.len() {
        // (a word after the first in lower case, glued to no particle and
        // no title, opens no name: most words, turned away at once)
        let t = &toks[i];
        if i > sent.first && !t.cap && !t.hyphen && !sent.lexicon.titles.has(t) {
            i += 1;
            continue;
        }
        // a surname of someone named before ("Ham made it clear …")
        if let Some(idx) = sent
            .word(i)
            .filter(|_| sent.cap(i) && !sent.cap(i + 1) && !sent.cap(i.wrapping_sub(1)))
            .and_then(|t| registry.person_by_surname(&t.lower))
        {
            registry.touch(idx);
            named.push((i + 1, idx));
            i += 1;
            continue;
        }
        let title = sent
            .word(i)
            .is_some_and(|t| sent.lexicon.titles.has(t) && !sent.closed(t));
        let opening = i == sent.first && sent.cap(i) && !sent.lexicon.organisations.has(&toks[i]);
        if !title && !opening {
            i += 1;
            continue;
        }
        let start = i;
        while sent
            .word(i)
            .is_some_and(|t| sent.lexicon.titles.has(t) && !sent.closed(t))
            || abbreviation_stop(sent, i)
        {
            i += 1;
        }
        let name_start = i;
        while i < toks.len()
            && i - name_start < 5
            && (sent.cap(i)
                || (i > name_start && abbreviation_stop(sent, i) && sent.cap(i + 1))
                || (i > name_start
                    && sent
                        .word(i)
                        .is_some_and(|t| sent.lexicon.name_particles.has(t))
                    && (sent.cap(i + 1)
                        || sent
                            .word(i + 1)
                            .is_some_and(|n| sent.lexicon.name_particles.has(n)))))
        {
            if sent.lexicon.organisations.has(&toks[i])
                || sent.lexicon.reporting_verbs.has(&toks[i])
            {
                break;
            }
            i += 1;
        }
        let names = i - name_start;
        let followed_ok = toks
            .get(i)
            .is_none_or(|t| t.kind == Kind::Punct || !t.capitalised(sent.src));
        let person = followed_ok
            && ((title && names >= 1) || (opening && names >= 2 && name_start == start));
        if person {
            if let Some(idx) = registry.mention(&sent.words(start, i), sent.lexicon) {
                if !(start > sent.first && sent.word(start - 1).is_some_and(|t| is_link(&t.lower)))
                {
                    named.push((i, idx));
                }
            }
        }
        i = i.max(start + 1);
    }
    // the subject is the likeliest antecedent of the next "he", more than a
    // name later in the sentence ("Ham made it clear he had misgivings about
    // the forces under President Barack Obama."): it is noted last
    if let Some(&(_, idx)) = named.iter().find(|&&(end, _)| {
        // (a verb: not "Red Cross regional director Pascal Hundt")
        sent.word(end).is_some_and(|t| {
            let w = t.lower.as_str();
            !t.capitalised(sent.src)
                && (sent.lexicon.past_verbs.contains(w)
                    || sent.lexicon.aux_words.contains(w)
                    || sent.lexicon.reporting_verbs.contains(w)
                    || w.len() > 4 && w.ends_with("ed"))
        })
    }) {
        registry.touch(idx);
    }
}

/// The full stop of a title or an initial: "Gen. Norman Ham", "Ruth E. Banner".
fn abbreviation_stop(sent: &Sent, i: usize) -> bool {
    let toks = sent.toks;
    i > sent.first
        && toks.get(i).is_some_and(|t| t.lower == ".")
        && toks[i - 1].end == toks[i].start
        && (toks[i - 1].lower.chars().count() == 1 || sent.lexicon.titles.has(&toks[i - 1]))
}

/// A word after a name that makes it no clause's subject: a preposition,
/// a conjunction or a relative ("under President Obama", "Smith and Jones",
/// "Smith, who …").
fn is_link(word: &str) -> bool {
    PREPOSITIONS.contains(&word)
        || PHRASE_PREPOSITIONS.contains(&word)
        || matches!(
            word,
            "and"
                | "or"
                | "but"
                | "nor"
                | "who"
                | "whom"
                | "whose"
                | "which"
                | "that"
                | "as"
                | "than"
                | "of"
        )
}

/// The subjects joined to the speaker phrase starting at `a` ("Ilse Varto
/// and Petra Quill said", "Both the ministry and the monitor said", "Varto,
/// Quill and Okafor said"): every conjunct says it. Each must be a name or
/// a noun phrase that opens the clause, so that "shelled the town and
/// police said" joins nothing.
pub(super) fn conjuncts(sent: &Sent, registry: &mut Registry, a: usize) -> Vec<usize> {
    let toks = sent.toks;
    let mut found = Vec::new();
    let mut end = a;
    let mut joiner = "and";
    while end > sent.first + 1 && toks[end - 1].is(joiner) {
        let Some((na, nb)) = sent
            .np_before(end - 1, true)
            .filter(|&(_, nb)| nb == end - 1)
        else {
            break;
        };
        let opens = na == sent.first || toks[na - 1].is("both") || toks[na - 1].kind == Kind::Punct;
        let list = na > sent.first + 1 && toks[na - 1].lower == ",";
        if !opens || list && sent.np_before(na - 1, true).is_none() {
            break;
        }
        if let Some(e) = super::speaker::phrase_entity(sent, registry, (na, nb)) {
            found.push(e);
        }
        end = na;
        joiner = ",";
    }
    found.reverse();
    found
}
