//! What may stand between who was counted and the metric verb: an aside
//! ("4,000 sailors, mostly from England, were drowned"; without its
//! commas in scraped copy) or a relative clause ("seven men who refused to
//! leave were arrested").

use super::{Figure, Found};
use crate::extract::quantity::{cue_after_aux, object_follows};
use crate::lang::numbers::parse_at;
use crate::lang::tokens::Kind;
use crate::lexicon::grammar::ASIDE_OPENERS;

impl Figure<'_> {
    /// The token after an aside set off by commas right after who was
    /// counted, when it opens with a word that describes them ("mostly
    /// from England", "many of them children"): the verb may follow it.
    pub(super) fn aside_end(&self, start: usize) -> Option<usize> {
        let toks = self.toks;
        let opens = self.subject.is_some()
            && toks[start].lower == ","
            && toks
                .get(start + 1)
                .is_some_and(|t| ASIDE_OPENERS.contains(&t.lower.as_str()));
        if !opens {
            return self.bare_aside_end(start);
        }
        // the comma the verb follows, past a list inside the aside
        // ("114 people, including messengers, a security guard and an
        // executive, have been arrested"); else the first
        let commas: Vec<usize> = (start + 2..toks.len().min(start + 30))
            .take_while(|&k| toks[k].kind != Kind::Punct || toks[k].lower == ",")
            .filter(|&k| toks[k].lower == ",")
            .collect();
        commas
            .iter()
            .find(|&&k| cue_after_aux(toks, k + 1, self.lx).is_some())
            .or(commas.first().filter(|&&k| k < start + 12))
            .map(|k| k + 1)
    }

    /// The same aside when copy lost its commas ("545 people including 84
    /// children and 35 women have been killed", "412 people more than half
    /// of them civilians were killed"): it runs, with no clause of its own,
    /// up to the first metric verb.
    pub(super) fn bare_aside_end(&self, start: usize) -> Option<usize> {
        let (toks, lx) = (self.toks, self.lx);
        // (not "480,000 people, of whom 190,000 were displaced": a part
        // with its own number has its own verb)
        let of_them = |k: usize| {
            toks.get(k).is_some_and(|t| t.is("of"))
                && toks
                    .get(k + 1)
                    .is_some_and(|t| t.is("them") || t.is("whom"))
                && parse_at(self.sent.src, toks, k + 2).is_none()
        };
        let opens = self.subject.is_some()
            && toks[start].kind == Kind::Word
            && (ASIDE_OPENERS.contains(&toks[start].lower.as_str())
                || (start..start + 4).any(of_them));
        if !opens {
            return None;
        }
        (start + 1..toks.len().min(start + 14))
            .take_while(|&k| {
                toks[k].kind != Kind::Punct
                    && !["who", "that", "which"].contains(&toks[k].lower.as_str())
            })
            .find(|&k| {
                cue_after_aux(toks, k, lx)
                    .is_some_and(|(_, end)| !object_follows(self.sent, end, lx))
            })
    }

    /// The metric of a count whose noun takes a relative clause: the main
    /// verb after the clause ("seven men who refused to leave were
    /// arrested"), else the clause's own verb ("three men who died").
    pub(super) fn relative_clause(&self, who: usize) -> Option<Found> {
        let (toks, lx) = (self.toks, self.lx);
        let verb = |k: usize| {
            cue_after_aux(toks, k, lx)
                .filter(|&(_, end)| {
                    !object_follows(self.sent, end, lx) && !self.acts_on_people(k, end)
                })
                .map(|(metric, end)| Found {
                    metric,
                    start: self.q_start,
                    end,
                })
        };
        (who + 2..toks.len().min(who + 16))
            .take_while(|&k| toks[k].kind == Kind::Word)
            .filter(|&k| lx.aux_words.has(&toks[k]))
            .find_map(verb)
            .or_else(|| verb(who + 1))
    }

    /// Whether the metric verb from `start` to `end` is active with people
    /// for its object: then it says what those counted did ("soldiers who
    /// killed civilians"), not what happened to them.
    pub(super) fn acts_on_people(&self, start: usize, end: usize) -> bool {
        let toks = self.toks;
        let passive = toks[start..end].iter().any(|t| {
            ["was", "were", "been", "be", "is", "are", "being"].contains(&t.lower.as_str())
        });
        let mut k = end;
        if toks
            .get(k)
            .is_some_and(|t| ["the", "a", "an", "their", "his", "her"].contains(&t.lower.as_str()))
        {
            k += 1;
        }
        !passive
            && toks
                .get(k)
                .is_some_and(|t| self.lx.is_subject_head(&t.lower))
    }
}
