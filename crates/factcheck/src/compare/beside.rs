//! Figures beside one that states a fact as the reference has it: a
//! smaller count in narrower words, one placed by fewer of the fact's
//! words, one set apart from it ("In addition, …"), or a smaller share
//! at a scene of its own. The article knows the fact's count, so these
//! count something else, perhaps: warnings, never rewrites.

use std::collections::HashMap;

use super::{adds, choose, figure, place, soften, Checker};
use crate::model::{Finding, Severity, Status};

impl Checker<'_> {
    /// A smaller count in narrower words ("574 people were left homeless",
    /// "Six bodies were recovered") of a fact another figure of the
    /// article states as the reference has it ("7,345 people were
    /// displaced"): some of those people, not a wrong count of all.
    pub(super) fn narrower_beside_a_match(&self, out: &mut [Finding]) {
        // (matched in words that are not narrower themselves)
        let matched: std::collections::HashSet<String> = out
            .iter()
            .filter(|f| f.status == Status::Match)
            .filter(|f| {
                f.claim
                    .as_ref()
                    .and_then(|c| c.quantity.as_ref())
                    .is_some_and(|q| !self.narrower(q))
            })
            .filter_map(|f| f.fact.clone())
            .collect();
        for f in out.iter_mut() {
            let narrower = f.status == Status::Mismatch
                && f.severity > Severity::Warning
                && f.fact.as_ref().is_some_and(|id| matched.contains(id))
                && f.claim
                    .as_ref()
                    .and_then(|c| c.quantity.as_ref())
                    .is_some_and(|q| self.narrower(q) && self.below_fact(q, f.fact.as_deref()));
            if narrower {
                soften(f, ", which another figure of the article states as the reference has it, and counts fewer in narrower words: some of them, perhaps");
            }
        }
    }

    /// A figure that disagrees with a fact another figure of the article
    /// states as the reference has it, where that figure's sentence holds
    /// clearly more of the fact's `context:` words (two or more), or this
    /// one's sentence adds it to what the article told ("In addition, nine
    /// fatalities were reported in Florida"): this one may count something
    /// else ("a landslide … which killed one person"
    /// beside the country's toll the article gives with its place and
    /// cause); for a part of another figure ("nine civilians including two
    /// children"), one more word suffices. A figure that writes the fact's
    /// own number with another bound stays an error.
    pub(super) fn looser_beside_a_match(&self, out: &mut [Finding]) {
        let fact_of = |f: &Finding| self.fact_of(f);
        // how many of a fact's `context:` words a claim's sentence holds
        let words = |f: &Finding| -> usize {
            let Some(fact) = fact_of(f) else {
                return 0;
            };
            let Some(c) = f.claim.as_ref() else { return 0 };
            let text = place::flat_lower(&c.text);
            fact.context
                .iter()
                .filter(|w| place::contains_word(&text, &w.to_lowercase()))
                .count()
        };
        let best: HashMap<String, usize> = out
            .iter()
            .filter(|f| {
                f.status == Status::Match && f.claim.as_ref().is_some_and(|c| c.quantity.is_some())
            })
            .filter_map(|f| Some((f.fact.clone()?, words(f))))
            .fold(Default::default(), |mut m, (id, n)| {
                let e = m.entry(id).or_insert(0);
                *e = (*e).max(n);
                m
            });
        // (a figure that writes the fact's own number with another bound,
        // "fewer than 58" for "at least 58", is that fact's, however placed)
        let own_number = |f: &Finding| {
            let q = f.claim.as_ref().and_then(|c| c.quantity.as_ref());
            q.zip(fact_of(f))
                .is_some_and(|(q, fact)| choose::names_number(fact, q.value.0))
        };
        // (a part of another figure, "nine civilians including two
        // children", needs one word fewer: its whole's count is another)
        let part = |f: &Finding| {
            f.claim
                .as_ref()
                .and_then(|c| c.quantity.as_ref())
                .is_some_and(|q| q.part)
        };
        // (below a `total: true` fact, or below any fact with a scene of
        // its own, "In Arno, 12 people are missing": a share of it; above
        // it in wider words: a wider count)
        let share = |f: &Finding| {
            let c = f.claim.as_ref();
            fact_of(f)
                .zip(c.and_then(|c| c.quantity.as_ref().map(|q| (c, q))))
                .is_some_and(|(fact, (c, q))| {
                    if figure::below(q, fact) {
                        fact.total || self.own_scene(c, q, fact)
                    } else {
                        // (above it, counted more widely: "Across the
                        // region, 290 …"; not the total itself, "In all")
                        !q.total && self.wider_place(&c.text)
                    }
                })
        };
        let looser: Vec<Option<&str>> = out
            .iter()
            .map(|f| {
                let n = *f.fact.as_ref().and_then(|id| best.get(id))?;
                if f.status != Status::Mismatch || f.severity <= Severity::Warning || own_number(f) {
                    None
                } else if n >= words(f) + 2
                    || f.claim.as_ref().is_some_and(|c| adds(&c.text))
                    || (part(f) && n > words(f))
                {
                    Some(", which another figure of the article, placed by more of its `context:` words, states as the reference has it: this one may count something else")
                } else if share(f) {
                    Some(", which another figure of the article states as the reference has it: this one, with a place or scene of its own, may count a share of it or a wider whole")
                } else {
                    None
                }
            })
            .collect();
        for (f, why) in out.iter_mut().zip(looser) {
            if let Some(why) = why {
                soften(f, why);
            }
        }
    }

    /// Whether the sentence counts across a wider place ("across the
    /// region", "nationwide"), not in all ("overall" may be the event's
    /// total, which the fact is).
    fn wider_place(&self, sentence: &str) -> bool {
        let lx = &self.reference.lexicon;
        let sentence = place::flat_lower(sentence);
        lx.whole_scopes
            .iter()
            .filter(|w| !lx.total_words.iter().any(|t| t.join(" ") == **w))
            .any(|w| place::contains_word(&sentence, w))
    }
}
