//! The names a sentence gives that later sentences may point back to
//! ("he", "the minister", "it"), noted even where no one speaks.

use super::Sent;
use crate::extract::speakers::Registry;
use crate::lang::tokens::Kind;

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
                .is_some_and(|t| sent.lexicon.reporting_verbs.contains(t.lower.as_str()));
            let body = sent
                .lexicon
                .organisations
                .contains(toks[b - 1].lower.as_str());
            if named && !speaks && body {
                registry.mention(&sent.words(a, b), sent.lexicon);
            }
        }
    }
    let mut i = sent.first;
    while i < toks.len() {
        let title = sent
            .word(i)
            .is_some_and(|t| sent.lexicon.titles.contains(t.lower.as_str()) && !sent.closed(t));
        let opening = i == sent.first
            && sent.cap(i)
            && !sent.lexicon.organisations.contains(toks[i].lower.as_str());
        if !title && !opening {
            i += 1;
            continue;
        }
        let start = i;
        while sent
            .word(i)
            .is_some_and(|t| sent.lexicon.titles.contains(t.lower.as_str()) && !sent.closed(t))
        {
            i += 1;
        }
        let name_start = i;
        while i < toks.len()
            && i - name_start < 5
            && (sent.cap(i)
                || (i > name_start
                    && sent
                        .word(i)
                        .is_some_and(|t| sent.lexicon.name_particles.contains(t.lower.as_str()))
                    && (sent.cap(i + 1)
                        || sent.word(i + 1).is_some_and(|n| {
                            sent.lexicon.name_particles.contains(n.lower.as_str())
                        }))))
        {
            if sent.lexicon.organisations.contains(toks[i].lower.as_str())
                || sent
                    .lexicon
                    .reporting_verbs
                    .contains(toks[i].lower.as_str())
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
            registry.mention(&sent.words(start, i), sent.lexicon);
        }
        i = i.max(start + 1);
    }
}
