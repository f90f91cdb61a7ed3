//! The figures that are a part of another: "12 of them children", "six
//! children were among 12 civilians killed", "six of the dead were
//! children", "Six of the 40 dead were children", "including 12".

use super::{Figure, Found};
use crate::extract::quantity::{cue_after_aux, plain_cue_at, subject_after, subject_word};
use crate::lang::numbers::parse_at;
use crate::lang::tokens::{Kind, Token};
use crate::lexicon::grammar::{GROUP_DETERMINERS, PLACE_PREPOSITIONS, PLURAL_BE};

impl Figure<'_> {
    /// 2. A subset: "12 of them children" takes the metric of the figure before.
    pub(super) fn subset_of_them(&mut self) -> Option<Found> {
        if !self.subset_tail {
            return None;
        }
        let metric = self.prev_metric.clone()?;
        let mut end = self.after_subj.max(self.n.last + 2);
        let toks = self.toks;
        // "two of them died later", "6 of whom died in a landslide": a
        // metric of their own
        if let Some((metric, cue_end)) = cue_after_aux(toks, end, self.lx) {
            return Some(Found {
                metric,
                start: self.q_start,
                end: cue_end,
            });
        }
        // "seven of which were drownings", "one of them was a cyclist":
        // who they were
        let be = |t: &Token| PLURAL_BE.contains(&t.lower.as_str()) || t.is("was") || t.is("is");
        if toks.get(end).is_some_and(be) {
            let article = toks.get(end + 1).is_some_and(|t| t.is("a") || t.is("an"));
            let (s, e) = subject_after(self.sent, end + 1 + usize::from(article), self.lx);
            if s.is_some() {
                self.subject = s;
                end = e;
            }
        }
        // "27 were killed but 12 of them have not been identified": a part
        // whose verb is no metric's is no toll of its own ("45 of them in
        // the US", "two of them the result of falling trees" are parts)
        let verb_follows = toks.get(end).is_some_and(|t| self.lx.aux_words.has(t));
        if self.subject.is_none() && verb_follows {
            return None;
        }
        Some(Found {
            metric,
            start: self.q_start,
            end,
        })
    }

    /// 3. Who was counted, placed among a count: "six children were among
    ///    12 civilians killed", "70 children are among the dead".
    pub(super) fn among_the_counted(&self) -> Option<Found> {
        let (toks, lx) = (self.toks, self.lx);
        let j = self.after_subj;
        let among = toks
            .get(j)
            .is_some_and(|t| PLURAL_BE.contains(&t.lower.as_str()))
            && toks.get(j + 1).is_some_and(|t| t.is("among"));
        if !among {
            return None;
        }
        (j + 2..toks.len().min(j + 8))
            .take_while(|&k| toks[k].kind != Kind::Punct)
            .find_map(|k| plain_cue_at(toks, k, lx))
            .map(|(metric, end)| Found {
                metric,
                start: self.q_start,
                end,
            })
    }

    /// 3. A part of those counted: "six of the dead were children", "12 of
    ///    those killed", "two more of these deaths occurred in Veracruz"; a
    ///    noun after "were" names who.
    pub(super) fn part_of_the_counted(&mut self) -> Option<Found> {
        let (toks, lx) = (self.toks, self.lx);
        // past "more" / "other" between the number and "of"
        let last = match toks.get(self.n.last) {
            Some(t) if lx.additive_words.has(t) => self.n.last + 1,
            _ => self.n.last,
        };
        let of_the = toks.get(last).is_some_and(|t| t.is("of"))
            && toks
                .get(last + 1)
                .is_some_and(|t| t.is("the") || t.is("those") || t.is("these"));
        if !of_the {
            return None;
        }
        let (metric, end) = plain_cue_at(toks, last + 2, lx)?;
        if self.subject.is_none()
            && toks
                .get(end)
                .is_some_and(|t| PLURAL_BE.contains(&t.lower.as_str()))
        {
            let (s, _) = subject_after(self.sent, end + 1, lx);
            self.subject = s;
        }
        // ("two more of these deaths" adds to them, and "two of the
        // fatalities occurred in Campeche" are Campeche's: no part of a
        // whole)
        self.counted_part = last == self.n.last && !self.placed_at(end);
        Some(Found {
            metric,
            start: self.q_start,
            end,
        })
    }

    /// 8. A part of the counted named first: "Of these deaths, 74 were in
    ///    Haiti", "Of the dead, 12 were children", "Of the 195 deaths, 74
    ///    occurred in Haiti". The sentence opens on the counted, a comma
    ///    closes them, and the number's own clause goes on with a verb.
    pub(super) fn part_named_first(&mut self) -> Option<Found> {
        let (toks, lx) = (self.toks, self.lx);
        let q = self.q_start;
        let first = self.sent.first;
        let opens = toks.get(first).is_some_and(|t| t.is("of"))
            && toks
                .get(first + 1)
                .is_some_and(|t| t.is("the") || t.is("these") || t.is("those"))
            && q >= first + 4
            && toks[q - 1].is(",");
        if !opens {
            return None;
        }
        // the counted end at the comma, past a number of their own
        let (metric, _) = (first + 2..q - 1)
            .filter_map(|k| plain_cue_at(toks, k, lx))
            .find(|&(_, end)| end == q - 1)?;
        // who they were ("were children") or where ("were in Haiti",
        // "occurred in Haiti"); another verb counts something else ("12
        // were identified")
        let next = toks.get(self.n.last)?;
        let be = PLURAL_BE.contains(&next.lower.as_str()) || next.is("was") || next.is("is");
        if !be && !next.is("occurred") {
            return None;
        }
        let placed = toks
            .get(self.n.last + 1)
            .is_some_and(|t| PLACE_PREPOSITIONS.contains(&t.lower.as_str()));
        // (past the verb, so that the place after it is the figure's and
        // a list may go on from it: "138 were in Myebon Township, 11 in …")
        let mut end = self.n.last + 1;
        if !placed {
            if !be {
                return None;
            }
            let (s, e) = subject_after(self.sent, self.n.last + 1, lx);
            s.as_ref()?;
            self.subject = s;
            end = e;
        }
        Some(Found {
            metric,
            start: q,
            end,
        })
    }

    /// Whether a place named in capitals follows within a few words of
    /// token `from`: "occurred in Campeche", "were in Haiti" (not "are in
    /// critical condition").
    fn placed_at(&self, from: usize) -> bool {
        let toks = self.toks;
        (from..toks.len().min(from + 3))
            .any(|i| PLACE_PREPOSITIONS.contains(&toks[i].lower.as_str()) && self.sent.cap(i + 1))
    }

    /// Whether the sentence opens on those counted, of `metric`, before
    /// the number: "Of those killed, 20 drowned" counts a part of them
    /// (but "Of these deaths, 74 were in Haiti" is Haiti's count).
    pub(super) fn opened_by_counted(&self, metric: &str) -> bool {
        let (toks, first, q) = (self.toks, self.sent.first, self.q_start);
        !self.placed_at(self.n.last)
            && toks.get(first).is_some_and(|t| t.is("of"))
            && toks
                .get(first + 1)
                .is_some_and(|t| t.is("the") || t.is("these") || t.is("those"))
            && q >= first + 4
            && toks[q - 1].is(",")
            && (first + 2..q - 1)
                .filter_map(|k| plain_cue_at(toks, k, self.lx))
                .any(|(m, end)| end == q - 1 && m == metric)
    }

    /// A part of a toll the sentence states beside it: "Six of the 40 dead
    ///    were children" counts children; "Twenty-three of the 53 wounded
    ///    remained in hospital" counts no one the reference could hold
    ///    (the 53 is the figure). `None` when the number is no such part.
    pub(super) fn part_of_a_stated_toll(&mut self) -> Option<Option<Found>> {
        let (toks, lx) = (self.toks, self.lx);
        let whole_at = self.n.last + 2;
        if !self.group_size_at(whole_at) {
            return None;
        }
        let whole = parse_at(self.sent.src, toks, whole_at)?;
        let (metric, end) = plain_cue_at(toks, whole.last, lx)?;
        if !toks
            .get(end)
            .is_some_and(|t| PLURAL_BE.contains(&t.lower.as_str()))
        {
            return Some(None);
        }
        let (subject, after) = subject_after(self.sent, end + 1, lx);
        if subject.is_none() {
            return Some(None);
        }
        self.subject = subject;
        Some(Some(Found {
            metric,
            start: self.q_start,
            end: after,
        }))
    }

    /// Whether a group's size stands at `start` inside "N of the M …", so
    /// that the counted phrase runs on over it to its nouns.
    pub(super) fn group_size_at(&self, start: usize) -> bool {
        let toks = self.toks;
        start >= self.n.last + 2
            && start <= self.n.last + 3
            && start < toks.len()
            && toks[self.n.last].is("of")
            && GROUP_DETERMINERS.contains(&toks[start - 1].lower.as_str())
            && parse_at(self.sent.src, toks, start).is_some()
    }

    /// Whether "were"/"are" and a lone noun follow the number: "30 were minors."
    pub(super) fn were_noun(&self) -> bool {
        let (toks, last) = (self.toks, self.n.last);
        toks.get(last)
            .is_some_and(|t| PLURAL_BE.contains(&t.lower.as_str()))
            && toks.get(last + 1).is_some_and(|t| subject_word(t, self.lx))
            // a noun and nothing after it
            && toks.get(last + 2).is_none_or(|t| t.kind == Kind::Punct || t.is("and"))
    }

    /// 6. A part of the figure before, named after "were": "30 were minors"
    ///    takes that noun as who was counted and the metric before.
    pub(super) fn part_after_were(&mut self) -> Option<Found> {
        if self.subject.is_some() || !self.were_noun() {
            return None;
        }
        let (s, end) = subject_after(self.sent, self.n.last + 1, self.lx);
        self.subject = s;
        self.prev_metric.clone().map(|metric| Found {
            metric,
            start: self.q_start,
            end,
        })
    }

    /// 7. A part of the figure before, led in: "including 12 children"
    ///    takes the metric before.
    pub(super) fn part_after_lead(&self) -> Option<Found> {
        if !self.subset_lead {
            return None;
        }
        // its own verb says what happened to the part: "including 2.22
        // million people were affected" counts something else
        let (toks, lx) = (self.toks, self.lx);
        if toks
            .get(self.after_subj)
            .is_some_and(|t| lx.aux_words.has(t))
            && cue_after_aux(toks, self.after_subj, lx).is_none()
        {
            return None;
        }
        self.prev_metric.clone().map(|metric| Found {
            metric,
            start: self.q_start,
            end: self.after_subj.max(self.n.last),
        })
    }
}
