//! "X quoted Y as saying …": the one quoted speaks, not the one quoting.
//! Wire copy credits a witness through the medium that reached them; giving
//! the words to the medium would make every such quote a misattribution.

use super::{Raw, Sent};
use crate::extract::speakers::Registry;
use crate::lang::tokens::Kind;
use crate::lexicon::grammar::{OBJECT_PRONOUNS, PLACE_PREPOSITIONS};

/// "The agency quoted Wassim Bouhlel, a local man, as saying that …",
/// "quoted a police spokesman as saying", "quoted him as saying": the
/// speaker is the object of "quoted"/"cited"; the cue is the participle
/// after "as", so the content follows it. Returns the token to go on from.
pub(super) fn quoted_as_saying(
    sent: &Sent,
    k: usize,
    registry: &mut Registry,
    raw: &mut Vec<Raw>,
) -> Option<usize> {
    let toks = sent.toks;
    if !(toks[k].is("quoted") || toks[k].is("cited")) {
        return None;
    }
    let object = toks.get(k + 1)?;
    let pronoun = OBJECT_PRONOUNS
        .iter()
        .find(|(o, _)| object.lower == *o)
        .map(|(_, subject)| *subject);
    let (a, b) = match pronoun {
        Some(_) => (k + 1, k + 2),
        None => {
            // "a police spokesman": np_after reads from after the article
            let from = if object.is("a") || object.is("an") {
                k + 2
            } else {
                k + 1
            };
            // any noun phrase is the object here, a role the lexicon does
            // not know as much as a name: "quoted a correspondent in the
            // field as saying"; it ends at a comma or a place phrase
            let b = match sent.np_after(from) {
                Some((_, b)) => b,
                None => {
                    (from..toks.len().min(from + 4))
                        .take_while(|&i| {
                            toks[i].kind == Kind::Word
                                && !toks[i].is("as")
                                && !PLACE_PREPOSITIONS.contains(&toks[i].lower.as_str())
                        })
                        .last()?
                        + 1
                }
            };
            (k + 1, b)
        }
    };
    // past an apposition: ", a local man,"
    let mut j = b;
    if toks.get(j).is_some_and(|t| t.lower == ",") {
        j = (j + 1..toks.len().min(j + 12)).find(|&i| toks[i].lower == ",")? + 1;
    }
    let as_saying = |j: usize| {
        toks.get(j).is_some_and(|t| t.is("as"))
            && toks
                .get(j + 1)
                .is_some_and(|t| sent.lexicon.participle_cues.has(t))
    };
    // past a short place phrase: "a correspondent in the field as saying",
    // "a witness at the scene as saying"
    if !as_saying(j)
        && toks
            .get(j)
            .is_some_and(|t| PLACE_PREPOSITIONS.contains(&t.lower.as_str()))
    {
        j = (j + 1..toks.len().min(j + 7))
            .take_while(|&i| toks[i].kind != Kind::Punct)
            .find(|&i| as_saying(i))?;
    }
    if !as_saying(j) {
        return None;
    }
    let entity = match pronoun {
        Some(p) => registry.pronoun(p, sent.lexicon),
        None => registry.mention(&sent.mention_words(a, b), sent.lexicon),
    };
    raw.push(Raw::left(entity, (a, b), j + 1));
    Some(j + 2)
}
