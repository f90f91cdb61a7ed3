//! Words around a figure that say its people are not what the metric
//! counts: a release is no detention but a count of its own, `released`
//! ("the release of three hostages held by …", "Twelve detainees were
//! freed"), and an escape from death no death ("saved 1,200 people from
//! death").

use super::{Figure, Found};

impl Figure<'_> {
    /// Whether a detention count is a release.
    pub(super) fn released(&self, found: &Found) -> bool {
        let (toks, lx) = (self.toks, self.lx);
        let release = |k: usize| toks.get(k).is_some_and(|t| lx.release_words.has(t));
        // (the metric ids are the lexicon's: `detained` is the one a
        // release undoes, `killed` the one "from" escapes)
        if found.metric == "detained" {
            // a release word up to three words before the count ("the
            // release of the 12"), or the verb after who was counted ("12
            // detainees were freed", "have been released")
            // (only words of its own phrase between: "the release of the
            // 12", not "after the video's release, 12 people were held")
            let first = self.sent.first;
            let before = (self.q_start.saturating_sub(3).max(first)..self.q_start).any(|k| {
                release(k)
                    && toks[k + 1..self.q_start]
                        .iter()
                        .all(|t| matches!(t.lower.as_str(), "of" | "the" | "all" | "another"))
            });
            let mut k = found.end.max(self.n.last);
            while toks.get(k).is_some_and(|t| lx.aux_words.has(t)) {
                k += 1;
            }
            return before || release(k);
        }
        false
    }

    /// Whether the words around the figure undo its metric.
    pub(super) fn undone(&self, found: &Found) -> bool {
        let toks = self.toks;
        found.metric == "killed"
            && (found.end >= 2 && found.end - 2 >= self.n.last && toks[found.end - 2].is("from")
                || self.bodies_of_no_one(found))
            || found.metric == "refugees" && self.fled_no_country(found)
    }

    /// A refugee count read from fleeing a country ("fled Ukraine") is none
    /// when the name is part of a place within ("fled Gaza City", "Jordan
    /// Street", "Syria's north") or who fled are not refugees ("three bank
    /// robbers fled to Mexico").
    fn fled_no_country(&self, found: &Found) -> bool {
        let (toks, lx, src) = (self.toks, self.lx, self.sent.src);
        let end = found.end.max(self.n.last);
        let country = end > 0 && toks[end - 1].capitalised(src);
        if !country {
            return false;
        }
        let within = toks
            .get(end)
            .is_some_and(|t| t.capitalised(src) || t.lower == "'s" || t.lower == "’s");
        let fugitive = self.subject.as_deref().is_some_and(|s| {
            s.rsplit(' ')
                .next()
                .is_some_and(|h| lx.fugitive_subjects.contains(h))
        });
        within || fugitive
    }

    /// Whether the cue found is a side's loss, "lost N": a toll only of
    /// the people a side loses in a war or a disaster ("lost 28
    /// fighters"), never of money, jobs or customers, and only when no
    /// other metric word counts them ("lost 3,000 men killed or wounded").
    pub(super) fn a_loss(&self, found: &Found) -> bool {
        self.toks[found.start.min(self.q_start)..self.q_start]
            .iter()
            .any(|t| matches!(t.lower.as_str(), "lost" | "losing" | "lose"))
    }

    /// Whether a loss counts people a side loses (see [`Self::a_loss`]).
    pub(super) fn lost_people(&self) -> bool {
        let lx = self.lx;
        self.subject.as_deref().is_some_and(|s| {
            lx.loss_subjects.contains(s)
                || s.rsplit(' ')
                    .next()
                    .is_some_and(|h| lx.loss_subjects.contains(h))
        })
    }

    /// A count of "bodies" is no toll when they are organisations: a kind
    /// of body stands before the noun ("111 of the *appointed* bodies"),
    /// or "the" before the number refers back to two named ones while
    /// nothing in the sentence treats bodies as the dead ("lending by *the*
    /// two bodies amounted to 1.1 billion"; "the two bodies were found"
    /// is a toll).
    fn bodies_of_no_one(&self, found: &Found) -> bool {
        let (toks, lx) = (self.toks, self.lx);
        let (from, to) = (found.start.min(self.q_start), found.end.max(self.n.last));
        let noun = |t: &crate::lang::tokens::Token| lx.body_nouns.has(t);
        let Some(at) = (from..to).find(|&k| noun(&toks[k])) else {
            return false;
        };
        let other_cue = toks[from..to]
            .iter()
            .any(|t| !noun(t) && lx.opens_plain_cue(t));
        let kind = toks[self.n.last.min(at)..at]
            .iter()
            .any(|t| lx.body_kinds.has(t));
        let referred = self.q_start > self.sent.first
            && toks[self.q_start - 1].is("the")
            && !toks[self.sent.first..]
                .iter()
                .any(|t| lx.body_context.has(t));
        !other_cue && (kind || referred)
    }
}
