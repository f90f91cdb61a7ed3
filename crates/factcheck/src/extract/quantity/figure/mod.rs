//! One number read as a figure: the metric it counts, who was counted and
//! the words of the phrase. The places a metric word can stand are tried in
//! a fixed order; the first that fits decides.

mod clauses;
mod parts;
mod undone;

use super::count::in_citation;
use super::lead::{qualifier_before, subset_lead, upper_bound};
use super::{
    before_added_count, cue_after_aux, cue_at, is_acronym, object_follows, plain_cue_at,
    plain_cue_ending, subject_after, subject_word, QuantityHit,
};
use crate::extract::speech::Sent;
use crate::lang::numbers::{parse_at, NumberPhrase};
use crate::lang::tokens::{Kind, Token};
use crate::lexicon::grammar::{
    BE, COUNTED_PHRASE_LINKS, COUNTED_PHRASE_OPENERS, PLACE_PREPOSITIONS, SUBSET_PRONOUNS,
    VERB_ADVERBS,
};
use crate::lexicon::Lexicon;
use crate::model::Qualifier;

/// The start of a slotted cue ("forced N from their homes") is looked for
/// this many tokens before the number at most.
const PRE_REACH: usize = 16;

/// The metric of a figure and the token range of its whole phrase.
struct Found {
    metric: String,
    /// First token of the phrase.
    start: usize,
    /// Token just past the phrase.
    end: usize,
}

/// One number being read as a figure, with what is known of it so far.
struct Figure<'a> {
    sent: &'a Sent<'a>,
    toks: &'a [Token<'a>],
    n: &'a NumberPhrase,
    /// The figures found before in the sentence.
    hits: &'a [QuantityHit],
    lx: &'a Lexicon,
    qualifier: Qualifier,
    /// First token of the qualifier, or of the number without one.
    q_start: usize,
    /// Who was counted, as far as found.
    subject: Option<String>,
    /// Token after the subject right after the number (the number's end without one).
    after_subj: usize,
    /// A part of the figure before, said before the number ("including 12").
    subset_lead: bool,
    /// A part of the figure before, said after the number ("12 of them").
    subset_tail: bool,
    /// The metric of the figure just before, which a part of it takes.
    prev_metric: Option<String>,
    /// A part of those counted ("12 of the dead", "Of those killed, 20 …").
    counted_part: bool,
}

/// The metric, subject and phrase of one number, if it is a figure.
pub(super) fn figure(
    sent: &Sent,
    n: &NumberPhrase,
    hits: &[QuantityHit],
    lx: &Lexicon,
) -> Option<QuantityHit> {
    let mut f = Figure::new(sent, n, hits, lx);
    if let Some(part) = f.part_of_a_stated_toll() {
        return f.finish(part?);
    }
    let found = f
        .slotted_cue()
        .filter(|c| !f.a_loss(c))
        .or_else(|| f.subset_of_them())
        .or_else(|| f.count_named_after())
        .or_else(|| f.among_the_counted())
        .or_else(|| f.part_of_the_counted())
        .or_else(|| f.metric_noun_after())
        .or_else(|| f.metric_right_before())
        .or_else(|| f.metric_after_counted())
        .or_else(|| f.metric_before())
        .or_else(|| f.part_after_were())
        .or_else(|| f.part_after_lead())
        .or_else(|| f.part_named_first())
        .or_else(|| f.slotted_cue().filter(|c| f.a_loss(c) && f.lost_people()))?;
    f.finish(found)
}

impl<'a> Figure<'a> {
    /// What the words right around the number say, before any metric is sought.
    fn new(sent: &'a Sent, n: &'a NumberPhrase, hits: &'a [QuantityHit], lx: &'a Lexicon) -> Self {
        let toks = sent.toks;
        let (qualifier, q_start) = qualifier_before(sent, n, lx);
        let (subject, after_subj) = subject_after(sent, n.last, lx);
        // "12 of them children"
        let subset_tail = toks.get(n.last).is_some_and(|t| t.is("of"))
            && toks
                .get(n.last + 1)
                .is_some_and(|t| SUBSET_PRONOUNS.contains(&t.lower.as_str()));
        // a figure continues the one before only right after it, or after
        // a place phrase when it says "of them" ("19 people were arrested in
        // the federal investigation, eight of them …") or "including" ("74
        // deaths were attributed to the storm, including 59 in …"), and a part is never
        // more than the whole ("up to 18 died, including 2.22 million
        // affected" is not a part)
        let subset_lead = subset_lead(sent, q_start);
        let reach = if subset_tail || subset_lead { 10 } else { 4 };
        let prev_metric = hits
            .last()
            .filter(|h| h.end_tok + reach >= q_start && !n.percent)
            .filter(|h| n.value <= upper_bound(h).unwrap_or(f64::INFINITY))
            .map(|h| h.metric.clone());
        Figure {
            sent,
            toks,
            n,
            hits,
            lx,
            qualifier,
            q_start,
            subject,
            after_subj,
            subset_lead,
            subset_tail,
            prev_metric,
            counted_part: false,
        }
    }

    /// 1. A slotted cue around the number: "driven N from their homes",
    ///    "claimed N lives"; its words before the slot may stand further back.
    fn slotted_cue(&self) -> Option<Found> {
        let (toks, lx, q_start) = (self.toks, self.lx, self.q_start);
        for start in [self.after_subj, self.n.last] {
            for ci in lx.post_phrases.starting_at(toks, start) {
                let c = &lx.cues[ci];
                if !cue_at(toks, start, &c.post) {
                    continue;
                }
                let pre = if c.pre.is_empty() {
                    Some(q_start)
                } else {
                    // (within a clause's reach: a sentence of thousands of
                    // "5 from their homes" must not be rescanned for each)
                    (self.sent.first.max(q_start.saturating_sub(PRE_REACH))..q_start)
                        .rev()
                        .find(|&p| cue_at(toks, p, &c.pre))
                };
                if let Some(p) = pre {
                    let phrase_start = if p + c.pre.len() == q_start {
                        p
                    } else {
                        q_start
                    };
                    return Some(Found {
                        metric: c.metric.clone(),
                        start: phrase_start,
                        end: start + c.post.len(),
                    });
                }
            }
        }
        // a cue that ends right before the number: "evacuation orders were
        // issued for 90,000 people"
        let before = q_start.checked_sub(1).filter(|&b| b >= self.sent.first)?;
        lx.pre_phrases
            .ending_at(toks, self.sent.first, before + 1)
            .map(|ci| &lx.cues[ci])
            .find(|c| {
                c.pre.len() <= q_start - self.sent.first
                    && cue_at(toks, q_start - c.pre.len(), &c.pre)
            })
            .map(|c| Found {
                metric: c.metric.clone(),
                start: q_start - c.pre.len(),
                end: self.after_subj.max(self.n.last),
            })
    }

    /// 3. A count named after its number, the metric after it: "brought
    ///    to 49 the number killed", "to 30 the total number of people dead".
    fn count_named_after(&mut self) -> Option<Found> {
        let (toks, lx) = (self.toks, self.lx);
        let mut j = self.n.last;
        if toks.get(j).is_some_and(|t| t.is("the")) {
            j += 1;
        }
        let nouns = j;
        while toks.get(j).is_some_and(|t| lx.count_nouns.has(t)) && j - nouns < 2 {
            j += 1;
        }
        if j == nouns {
            return None;
        }
        if toks.get(j).is_some_and(|t| t.is("of")) {
            let (subject, after) = subject_after(self.sent, j + 1, lx);
            // "the number of dead": the metric right after "of"
            j = if after > j + 1 { after } else { j + 1 };
            if self.subject.is_none() && cue_after_aux(toks, j, lx).is_some() {
                self.subject = subject;
            }
        }
        cue_after_aux(toks, j, lx).map(|(metric, end)| Found {
            metric,
            start: self.q_start,
            end,
        })
    }

    /// 3. A metric noun right after the number: followed by a metric verb it
    ///    names who was counted ("37 prisoners died"); alone it is the metric
    ///    ("1.4 million refugees", "38 missing fishermen").
    fn metric_noun_after(&mut self) -> Option<Found> {
        let (toks, lx, last) = (self.toks, self.lx, self.n.last);
        let (noun_metric, noun_end) = plain_cue_at(toks, last, lx)?;
        if let Some(found) = self.verb_of_the_described(&noun_metric, noun_end) {
            return Some(found);
        }
        // "53 wounded remained hospitalized": an adjective of the metric
        // ("wounded", "dead") counts, it names no one
        let adjective = {
            let w = toks[last].lower.as_str();
            w.ends_with("ed") || w == "dead" || w == "missing" || w == "hurt"
        };
        // (a verb of the noun's own metric restates it: "3.9 million
        // refugees have fled Ukraine" counts refugees, no one else)
        match cue_after_aux(toks, noun_end, lx)
            .filter(|(m, _)| noun_end == last + 1 && !adjective && *m != noun_metric)
        {
            Some((metric, end)) => {
                self.subject = Some(toks[last].lower.to_string());
                Some(Found {
                    metric,
                    start: self.q_start,
                    end,
                })
            }
            None => {
                let mut end = noun_end;
                // (who was counted follows an adjective, "38 missing
                // fishermen", or "of", "65 bodies of civilians"; not a
                // noun: "6,100 bodies washed up")
                let of = toks.get(noun_end).is_some_and(|t| t.is("of"));
                if self.subject.is_none() && (adjective || of) {
                    let (s, e) = subject_after(self.sent, noun_end, lx);
                    if toks
                        .get(noun_end)
                        .is_some_and(|t| !t.capitalised(self.sent.src))
                    {
                        self.subject = s;
                        end = e;
                    }
                }
                Some(Found {
                    metric: noun_metric,
                    start: self.q_start,
                    end,
                })
            }
        }
    }

    /// A metric word that only describes who was counted, when a verb of
    /// another metric says what happened to them: after them ("three
    /// homeless men died", "two wounded soldiers died") or before them
    /// ("killed 11 hostages", "the murder of 5 refugees").
    fn verb_of_the_described(&mut self, noun_metric: &str, noun_end: usize) -> Option<Found> {
        let (toks, lx, last) = (self.toks, self.lx, self.n.last);
        if noun_end != last + 1 {
            return None;
        }
        let word = toks[last].lower.as_str();
        let (people, after) = subject_after(self.sent, noun_end, lx);
        let after_verb = people
            .as_ref()
            .filter(|_| {
                toks.get(noun_end)
                    .is_some_and(|t| !t.capitalised(self.sent.src))
            })
            .and_then(|_| cue_after_aux(toks, after, lx))
            .filter(|(m, end)| m != noun_metric && !object_follows(self.sent, *end, lx));
        if let Some((metric, end)) = after_verb {
            self.subject = people.map(|p| format!("{word} {p}"));
            return Some(Found {
                metric,
                start: self.q_start,
                end,
            });
        }
        let before = self
            .metric_right_before()
            .filter(|f| f.metric != noun_metric)?;
        self.subject = Some(match people {
            Some(p) => format!("{word} {p}"),
            None => word.to_string(),
        });
        Some(Found {
            end: after.max(noun_end),
            ..before
        })
    }

    /// 4. A metric verb right before the number takes it as its object:
    ///    "killed 30 people and wounded several others" counts the killed.
    fn metric_right_before(&self) -> Option<Found> {
        // past "another"/"a further": "and wounded another 250"
        let at = before_added_count(self.toks, self.sent.first, self.q_start);
        plain_cue_ending(self.toks, at, self.lx)
            .filter(|&(_, start)| start >= self.sent.first)
            // a cue that ends the figure before is its verb, not this
            // one's: "1 child killed 6 children & their mother still under
            // rubble" (a tweet without punctuation)
            .filter(|&(_, start)| {
                self.hits.last().is_none_or(|h| h.end_tok < self.q_start)
                    && !self.count_before(start)
            })
            // nor is a passive's ("were injured at least three killed")
            .filter(|&(_, start)| start == 0 || !BE.contains(&self.toks[start - 1].lower.as_str()))
            .map(|(metric, start)| Found {
                metric,
                start,
                end: self.after_subj.max(self.n.last),
            })
    }

    /// Whether a count of people ends right before token `at` ("1 child"
    /// before "killed"): the verb there is that count's.
    fn count_before(&self, at: usize) -> bool {
        let (toks, lx) = (self.toks, self.lx);
        let first = self.sent.first;
        (1..=2).any(|nouns| {
            at > first + nouns
                && toks[at - nouns - 1].kind == Kind::Num
                && toks[at - nouns..at].iter().all(|t| {
                    t.is_word()
                        && !t.capitalised(self.sent.src)
                        && !lx.not_subject.has(t)
                        && !lx.non_person_subjects.has(t)
                })
        })
    }

    /// 4. The metric word after who was counted: "140 children have been
    ///    killed", "70 regime and rebel fighters have been killed", "two
    ///    people in the area were injured"; not "one cafe that killed 25 people".
    fn metric_after_counted(&mut self) -> Option<Found> {
        let (toks, lx) = (self.toks, self.lx);
        let mut found = None;
        let mut start = self.after_subj;
        let mut second = false;
        // the words walked count from past an aside, however long
        let mut walked_from = self.after_subj;
        while found.is_none() && start < toks.len() && start - walked_from <= 10 {
            second |= self.second_count_at(start);
            // "18 of the 260 passengers": the group's noun names who was counted
            if self.subject.is_none() && self.group_size_at(start) {
                self.subject = subject_after(self.sent, start + 1, lx).0;
            }
            // (a passive verb has no object: "30 people were injured at
            // least three killed" is copy that lost its comma)
            let passive = |end: usize| {
                toks[start..end]
                    .iter()
                    .any(|t| BE.contains(&t.lower.as_str()))
            };
            found = cue_after_aux(toks, start, lx)
                .filter(|&(_, end)| passive(end) || !object_follows(self.sent, end, lx))
                .filter(|&(_, end)| !self.acts_on_people(start, end))
                .filter(|&(_, end)| self.counts_people(end))
                .map(|(metric, end)| Found {
                    metric,
                    start: self.q_start,
                    end,
                });
            if found.is_none() && self.subject.is_some() && toks[start].is("who") {
                found = self.relative_clause(start);
                break;
            }
            // "4,000 sailors, mostly from England and Ireland, were drowned"
            if found.is_none() && start == self.after_subj {
                if let Some(next) = self.aside_end(start) {
                    start = next;
                    walked_from = next;
                    continue;
                }
            }
            // an adverb before the verb: "One man also died", "two
            // people reportedly drowned"
            let adverb = start > self.n.last
                && toks[start].kind == Kind::Word
                && (VERB_ADVERBS.contains(&toks[start].lower.as_str())
                    || toks[start].lower.len() > 4 && toks[start].lower.ends_with("ly"))
                && cue_after_aux(toks, start + 1, lx).is_some();
            if !adverb && !self.counted_runs_on(start) {
                break;
            }
            start += 1;
        }
        // the phrase of the first of two counts ends with who it counts
        if second {
            if let Some(f) = found.as_mut() {
                f.end = self.after_subj;
            }
        }
        found
    }

    /// Whether the cue ending before `end` may follow a subject: a metric
    /// noun that can name things ("bodies") counts only right after the
    /// number, not in "100,000 public bodies".
    fn counts_people(&self, end: usize) -> bool {
        let one_word = plain_cue_at(self.toks, end - 1, self.lx).is_some_and(|(_, e)| e == end);
        self.subject.is_none()
            || !(one_word && self.lx.non_person_subjects.has(&self.toks[end - 1]))
    }

    /// Whether the counted phrase runs on over token `start`, so that a
    /// metric word may come after it: "of the …", "in the area", "and rebel fighters".
    fn counted_runs_on(&self, start: usize) -> bool {
        let t = &self.toks[start];
        let src = self.sent.src;
        // a citation marker: "Fewer than 7 people[34] have died"
        if in_citation(self.toks, start) {
            return true;
        }
        let extends = t.kind == Kind::Word
            && (subject_word(t, self.lx)
                || COUNTED_PHRASE_LINKS.contains(&t.lower.as_str())
                || is_acronym(t, src));
        if !extends {
            // the size of the group counted from: "32 of the 543 passengers";
            // a second count sharing the verb: "30 guerrillas and 12
            // soldiers were killed"; a dot inside "U.S."
            let glued_dot = t.lower == "."
                && start > 0
                && self.toks[start - 1].end == t.start
                && self.toks[start - 1].lower.chars().count() == 1;
            return self.group_size_at(start) || self.second_count_at(start) || glued_dot;
        }
        // right after a number with no noun, only "of", "in" or an acronym open it
        start != self.after_subj
            || self.subject.is_some()
            || is_acronym(t, src)
            || COUNTED_PHRASE_OPENERS.contains(&t.lower.as_str())
    }

    /// Whether a second count of the same verb starts at `start`, after
    /// "and" and with who it counts: "30 guerrillas and 12 soldiers".
    fn second_count_at(&self, start: usize) -> bool {
        let toks = self.toks;
        self.subject.is_some()
            && start > 0
            && toks[start - 1].is("and")
            && parse_at(self.sent.src, toks, start).is_some_and(|m| {
                toks.get(m.last)
                    .is_some_and(|t| t.kind == Kind::Word && subject_word(t, self.lx))
            })
    }

    /// 5. The metric word before, over linking words: "killed 140", "the
    ///    death toll rose to 352".
    fn metric_before(&self) -> Option<Found> {
        let (toks, lx, q_start, first) = (self.toks, self.lx, self.q_start, self.sent.first);
        let mut j = q_start;
        // (an increase on the way adds its two words to the reach: "the
        // toll has risen by 3 to 21", "rose from 12 to 58")
        let mut reach = 4;
        loop {
            if let Some(w) = (j == q_start)
                .then(|| {
                    lx.total_words.iter().find(|w| {
                        w.last().is_some_and(|l| l == "of")
                            && w.len() < j - first
                            && cue_at(toks, j - w.len(), w)
                    })
                })
                .flatten()
            {
                // "killing a total of 16 people"
                j -= w.len();
                reach += w.len();
            } else if j > first && q_start - j < reach && lx.toll_links.has(&toks[j - 1]) {
                j -= 1;
            } else if j > first + 2
                && reach == 4
                && toks[j - 1].kind == Kind::Num
                && (toks[j - 2].is("by") || toks[j - 2].is("from"))
            {
                j -= 2;
                reach += 2;
            } else {
                break;
            }
        }
        // "the toll in Angur Adar rose to 23": a place between the metric
        // word and its verb, only where a verb links them
        let places = if j < q_start {
            self.place_phrase_starts(j)
        } else {
            Vec::new()
        };
        [j, q_start]
            .into_iter()
            .chain(places)
            .find_map(|end| {
                plain_cue_ending(toks, end, lx)
                    .filter(|&(_, s)| s >= first && !self.count_before(s))
            })
            .map(|(metric, start)| Found {
                metric,
                start,
                end: self.after_subj.max(self.n.last),
            })
    }

    /// Where a place phrase ending before token `end` may start ("in Angur
    /// Adar in South Waziristan", "of the floods in Henan"): each
    /// preposition in the words (no punctuation) before it.
    fn place_phrase_starts(&self, end: usize) -> Vec<usize> {
        let toks = self.toks;
        let mut starts = Vec::new();
        let mut p = end;
        while p > self.sent.first && end - p < 10 && toks[p - 1].kind == Kind::Word {
            let w = toks[p - 1].lower.as_str();
            if PLACE_PREPOSITIONS.contains(&w) || w == "of" {
                starts.push(p - 1);
            }
            p -= 1;
        }
        starts
    }

    /// The hit, unless who was counted are not people ("2 million
    /// chickens"); a part of the figure before counts the same people.
    fn finish(self, mut found: Found) -> Option<QuantityHit> {
        let (toks, n) = (self.toks, self.n);
        if self.undone(&found) {
            return None;
        }
        if self.released(&found) {
            found.metric = "released".into();
        }
        if self
            .subject
            .as_deref()
            .and_then(|s| s.rsplit(' ').next())
            .is_some_and(|head| self.lx.non_person_subjects.contains(head))
        {
            return None;
        }
        let counted_part = self.counted_part || self.opened_by_counted(&found.metric);
        let subject = if n.percent {
            None
        } else {
            // "including almost 4 million from their country": of those counted before
            self.subject.or_else(|| {
                (self.subset_lead || self.subset_tail)
                    .then(|| self.hits.last().and_then(|h| h.subject.clone()))
                    .flatten()
            })
        };
        let end = found.end.max(n.last);
        let counted_part = counted_part && subject.is_none();
        Some(QuantityHit {
            end_tok: end,
            phrase: (toks[found.start.min(self.q_start)].start, toks[end - 1].end),
            qualifier_start: toks[self.q_start].start,
            number: n.clone(),
            metric: found.metric,
            subject,
            qualifier: self.qualifier,
            place: None,
            // (who the part are, when said, makes it their own count)
            part: (self.subset_lead || self.subset_tail) && self.prev_metric.is_some()
                || counted_part,
            total: false,
        })
    }
}
