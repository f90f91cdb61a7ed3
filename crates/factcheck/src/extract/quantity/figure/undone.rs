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
        let release = |k: usize| {
            toks.get(k)
                .is_some_and(|t| lx.release_words.contains(t.lower.as_str()))
        };
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
            while toks
                .get(k)
                .is_some_and(|t| lx.aux_words.contains(t.lower.as_str()))
            {
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
    }

    /// A count of "bodies" is a toll only where the sentence treats them as
    /// the dead (found, recovered, buried, identified, …): "lending by the
    /// two bodies amounted to 1.1 billion" counts organisations.
    fn bodies_of_no_one(&self, found: &Found) -> bool {
        let (toks, lx) = (self.toks, self.lx);
        let phrase = &toks[found.start.min(self.q_start)..found.end.max(self.n.last)];
        let noun = |t: &crate::lang::tokens::Token| lx.body_nouns.contains(t.lower.as_str());
        let other_cue = phrase
            .iter()
            .any(|t| !noun(t) && lx.plain_by_first.contains_key(t.lower.as_str()));
        // ("the bodies of four children": whose bodies says they are the dead)
        let of_someone = (found.start.min(self.q_start)..found.end.max(self.n.last))
            .any(|k| noun(&toks[k]) && toks.get(k + 1).is_some_and(|t| t.is("of")));
        phrase.iter().any(noun)
            && !other_cue
            && !of_someone
            && !toks[self.sent.first..]
                .iter()
                .any(|t| lx.body_context.contains(t.lower.as_str()))
    }
}
