//! Figures: a quantity claim against the facts of its metric — the fact
//! that fits, whether the stated interval agrees with the accepted one,
//! the source the article gives, and the fix written in the article's style.

use chrono::NaiveDate;
use std::sync::Arc;

use super::choose::{Choice, Spans, Tie};
use super::fix;
use super::place::Place;
use super::Checker;
use crate::article::Article;
use crate::lang::qualifier::Stated;
use crate::model::{Claim, Finding, Qualifier, Quantity, Severity, Status};
use crate::reference::{Accepted, Fact, Reference};

pub(super) fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let s = format!("{}", v as i64);
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 && c != '-' {
                out.push(',');
            }
            out.push(c);
        }
        out
    } else {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Whether the stated figure is more than fifty times above or below the
/// accepted interval: no typo or rounding does that, a misread count does.
fn far_from(q: &Quantity, accepted: [f64; 2]) -> bool {
    const FACTOR: f64 = 50.0;
    let (lo, hi) = (
        q.interval[0].map_or(q.value.0, |v| v.0),
        q.interval[1].map_or(f64::INFINITY, |v| v.0),
    );
    (accepted[1].is_finite() && lo > accepted[1] * FACTOR)
        || (hi.is_finite() && hi * FACTOR < accepted[0])
}

/// The value in force on `date` and what to say about how it was chosen.
fn accepted_interval(
    fact: &Fact,
    date: Option<NaiveDate>,
) -> (
    [f64; 2],
    Option<f64>,
    Option<NaiveDate>,
    Option<&'static str>,
) {
    match &fact.accepted {
        Accepted::Value { value, tolerance } => {
            let t = tolerance.of(*value);
            ([value - t, value + t], Some(*value), fact.as_of, None)
        }
        Accepted::Range { min, max } => (
            [min.unwrap_or(0.0), max.unwrap_or(f64::INFINITY)],
            None,
            fact.as_of,
            None,
        ),
        Accepted::Series(entries, tolerance) => {
            let (entry, note) = match date {
                None => (
                    entries.last(),
                    Some("the article has no date, so the latest entry was used"),
                ),
                Some(d) => match entries.iter().rev().find(|e| e.0 <= d) {
                    Some(e) => (Some(e), None),
                    None => (
                        entries.first(),
                        Some("the article predates every entry, so the earliest was used"),
                    ),
                },
            };
            match entry {
                Some(&(d, v)) => {
                    let t = tolerance.of(v);
                    ([v - t, v + t], Some(v), Some(d), note)
                }
                None => ([0.0, f64::INFINITY], None, None, note),
            }
        }
    }
}

pub(super) fn describe_fact(fact: &Fact, reference: &Reference, date: Option<NaiveDate>) -> String {
    let (iv, value, as_of, note) = accepted_interval(fact, date);
    let mut s = match value {
        Some(v) => fmt_num(v),
        None => match (iv[0], iv[1]) {
            (a, b) if b.is_infinite() => format!("at least {}", fmt_num(a)),
            (a, b) => format!("between {} and {}", fmt_num(a), fmt_num(b)),
        },
    };
    if fact.percent {
        s.push('%');
    }
    if let Some(d) = as_of {
        s.push_str(&format!(", as of {d}"));
    }
    if let Some(src) = &fact.source {
        s.push_str(&format!(", {}", reference.source_name(src)));
    }
    if let Some(n) = note {
        s.push_str(&format!(" ({n})"));
    }
    s
}

/// Whether a sentence is set as a headline: most of its words (four or
/// more) capitalised, as no sentence of running copy is.
fn headline(sentence: &str) -> bool {
    let words: Vec<&str> = sentence
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_alphabetic))
        .collect();
    let caps = words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    words.len() >= 4 && caps * 4 >= words.len() * 3
}

/// Whether a context word states the fact's own figure ("over 70 people"):
/// it places nothing, and a changed figure no longer has it.
fn names_figure(word: &str, fact: &Fact) -> bool {
    let values: Vec<f64> = match &fact.accepted {
        Accepted::Value { value, .. } => vec![*value],
        Accepted::Range { min, max } => min.iter().chain(max.iter()).copied().collect(),
        Accepted::Series(entries, _) => entries.iter().map(|e| e.1).collect(),
    };
    word.split_whitespace()
        .filter_map(|w| w.replace(',', "").parse::<f64>().ok())
        .any(|n| values.contains(&n))
}

/// A mismatch the figure may not be about: a part of the figure before it
/// ("two civilians, one of them a child"), or a count below a fact none of
/// whose place words stand in the paragraph, chosen only as the one fact
/// of its metric ("lightning injured two others" against the storm's "at
/// least 12 injured" as of a date). A warning without a fix, saying `why`:
/// a false error is worse than a miss.
fn uncertain(mut f: Finding, fact: &Fact, why: &str) -> Finding {
    if f.severity <= Severity::Warning {
        return f;
    }
    f.severity = Severity::Warning;
    f.correction = None;
    f.message = format!(
        "“{}” does not agree with `{}` ({}), but {why}; check it.",
        f.found.as_deref().unwrap_or(""),
        fact.id,
        f.expected.as_deref().unwrap_or("")
    );
    f
}

/// Whether the stated figure is below what `fact` accepts.
pub(super) fn below(q: &Quantity, fact: &Fact) -> bool {
    q.value.0 < accepted_interval(fact, None).0[0]
}

/// Whether the number at `a..b` counts an addition: "one more death",
/// "two further bodies", "another 934 people", "an additional 500".
fn increment(text: &str, (a, b): (usize, usize)) -> bool {
    let word = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("")
            .to_lowercase()
    };
    let after = word(text.get(b..).unwrap_or(""));
    let before = text.get(..a).unwrap_or("").trim_end();
    let before = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    ["more", "further", "additional"].contains(&after.as_str())
        || ["another", "additional"].contains(&before.as_str())
}

/// Whether the figure at `start` is opened by a demonstrative ("These
/// three deaths were not directly related to the storm"): it sums up what
/// the article told one by one before, a count the reference may not hold.
fn sums_up(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    ["these", "those"]
        .iter()
        .any(|d| word.eq_ignore_ascii_case(d))
}

impl<'r> Checker<'r> {
    pub(super) fn figure<'a>(
        &'a self,
        article: &Article,
        c: &Arc<Claim>,
        out: &mut Vec<Finding>,
        stated: &mut std::collections::HashSet<&'a str>,
        figures: &Spans,
    ) {
        let Some(q) = &c.quantity else { return };
        let at = Place {
            date: self.date_of(article),
            text: &article.text,
            figures,
        };
        // whether the fact's place words, if it has any, stand in the
        // sentence ("16 people have died" in a Puntland sentence is not
        // sure to be the Gatsibo toll of 16)
        // (a context word that states the figure itself, "over 70 people",
        // places nothing)
        // (lower-cased when first asked: most figures have no fact)
        let sentence = std::cell::OnceCell::new();
        let sentence = || sentence.get_or_init(|| super::place::flat_lower(&c.text));
        let places = |fact: &'r Fact| -> Vec<&'r String> {
            fact.context
                .iter()
                .filter(|w| !names_figure(w, fact))
                .collect()
        };
        let in_sentence = |fact: &'r Fact| {
            let places = places(fact);
            places.is_empty()
                || places
                    .iter()
                    .any(|w| super::place::contains_word(sentence(), w))
        };
        // or at least in its paragraph (lower-cased only when asked)
        let in_paragraph = |fact: &'r Fact| {
            in_sentence(fact) || {
                let para = super::place::paragraph(&article.text, c.span.start);
                let para = super::place::flat_lower(para);
                places(fact)
                    .iter()
                    .any(|w| super::place::contains_word(&para, w))
            }
        };
        let mut unasserted = None;
        let fact = match self.choose(c, q, &at, stated) {
            Choice::None => {
                out.push(self.unverified_figure(c, q));
                self.unattributed(c, None, false, out);
                return;
            }
            Choice::Tied(facts) => {
                stated.extend(facts.iter().map(|f| f.id.as_str()));
                out.push(self.tied(article, c, q, &facts));
                self.unattributed(c, None, false, out);
                return;
            }
            Choice::Agrees(fact) => {
                out.push(self.agreement(article, c, q, fact));
                // the source the article gives against the fact's (a figure
                // that does not agree may be about something else: its
                // source says nothing)
                self.judge_source(c, fact, out);
                fact
            }
            Choice::Disagrees {
                fact,
                fits,
                by_topic,
                tie,
            } => {
                let d = self.disagreement(article, c, q, fact, fits, by_topic);
                // (a fact its own words tie to the sentence is about the
                // period or event it names)
                let tied = !places(fact).is_empty() && in_sentence(fact);
                unasserted = self.not_asserted(&article.text, c, q, tied);
                // a smaller count where nothing places the fact may be a
                // part of it (a town's dead, one accident's injured)
                let (accepted, ..) = accepted_interval(fact, self.date_of(article));
                let part = q.part || q.value.0 < accepted[0];
                // and a part of the figure before ("two civilians, one of
                // them a child") is no count of a fact that names no one
                // (nor one of those counted, "12 of the dead", below it)
                let part_of_whole = q.part
                    && (fact.subject.is_none() || q.subject.is_none() && q.value.0 < accepted[0]);
                // a figure the article has from a source the reference
                // knows, other than the fact's (named, described or
                // through a pronoun): that source's own count, perhaps,
                // which the reference does not hold; or from a bare
                // surname several sources bear, taken for one of them
                let other_source = fact.source.as_deref().is_some_and(|want| {
                    self.speaker_id(c)
                        .is_some_and(|s| s != want && !self.credited_jointly(c, want))
                        || c.attribution.as_ref().is_some_and(|a| {
                            !a.resolved.is_sure()
                                && !a.mention.trim().contains(' ')
                                && self.names.shared_last_word(&a.mention)
                        })
                });
                out.push(if let Some(why) = unasserted {
                    uncertain(d, fact, why)
                } else if let Some(day) = self.earlier_entry(article, fact, q) {
                    uncertain(d, fact, &format!("it is the reference's count of {day}, and the article gives no date, so its latest was used: if the article dates from then, it is right"))
                } else if part_of_whole {
                    uncertain(d, fact, "it is a part of the figure before it, which the fact may count whole")
                } else if q.value.0 < accepted[0] && increment(&article.text, q.style.number_span) {
                    uncertain(d, fact, "it counts more of them (“one more”, “another”), not the whole")
                } else if sums_up(&article.text, c.span.start) {
                    uncertain(d, fact, "it sums up a count the article told before (“these …”), which the reference may not hold")
                } else if self.other_time(&c.text, fact) {
                    uncertain(d, fact, "the sentence names another month or day than its `context:` does: it may count another period")
                } else if tie == Tie::None {
                    uncertain(d, fact, "none of its `context:` words stand in the sentence, while other facts count the same or the sentence names a place of its own: it may count something else")
                } else if tie < Tie::Sentence && !part && self.widens(&c.text) {
                    uncertain(d, fact, "the sentence counts more widely than the place the paragraph named before it")
                } else if tie < Tie::Sentence && (part || q.qualifier == Qualifier::Vague) {
                    uncertain(d, fact, "only a place named earlier in the paragraph or a word of the fact ties it to the fact, and a smaller or vague figure there may count a part of it")
                } else if part && !in_paragraph(fact) {
                    uncertain(d, fact, "none of its `context:` words stand in the paragraph: it may count a part of it")
                } else if other_source {
                    let who = self.reference.source_name(fact.source.as_deref().unwrap_or(""));
                    uncertain(d, fact, &format!("the article has it from another source than {who}, whose count it may be"))
                } else {
                    d
                });
                fact
            }
        };
        stated.insert(fact.id.as_str());
        // a missing source fails the check only for a figure the fact is
        // sure to be about
        // a vague figure ("killing scores of civilians across Idlib") is
        // no sure restatement of the fact's count either, nor one that only
        // stays within an open bound ("more than 300 civilians" against "at
        // least 16": another count of the same dead, perhaps)
        let within_open = match fact.accepted {
            Accepted::Range {
                min: Some(m),
                max: None,
            } => q.value.0 > m * 1.1,
            _ => false,
        };
        // and one whose source the sentence before names ("The Observatory
        // said 40 were killed … . At least 110 others injured.") may go on
        // in its words
        let named_before = || {
            fact.source
                .as_deref()
                .is_some_and(|want| self.named_before(article, c, want))
        };
        // and a headline names no source ("40 Civilians Killed 110
        // Injured by Turkey Near Jarablus")
        let sure = fact.attribution_required
            && in_sentence(fact)
            && q.qualifier != Qualifier::Vague
            && !within_open
            && !headline(&c.text)
            && unasserted.is_none()
            && !named_before();
        self.unattributed(c, Some(fact), sure, out);
    }

    /// The date of a series entry, before the latest, that an undated
    /// article's figure agrees with: the article may well be from then.
    fn earlier_entry(&self, article: &Article, fact: &Fact, q: &Quantity) -> Option<NaiveDate> {
        let Accepted::Series(entries, tolerance) = &fact.accepted else {
            return None;
        };
        if self.date_of(article).is_some() {
            return None;
        }
        let lo = q.interval[0].map_or(0.0, |n| n.0);
        let hi = q.interval[1].map_or(f64::INFINITY, |n| n.0);
        let (_, earlier) = entries.split_last()?;
        earlier
            .iter()
            .rev()
            .find(|&&(_, v)| {
                let t = tolerance.of(v);
                lo <= v + t && v - t <= hi
            })
            .map(|&(day, _)| day)
    }

    /// Whether the sentence names a month, none of them the fact's, while
    /// the fact's `context:` names one ("the total July death toll" against
    /// a June toll). Months are capitalised in the sentence ("may" is no
    /// month there).
    fn other_time(&self, sentence: &str, fact: &Fact) -> bool {
        let months = &self.reference.lexicon.months;
        let theirs: Vec<String> = fact
            .context
            .iter()
            .flat_map(|w| w.split(' '))
            .map(str::to_lowercase)
            .filter(|w| months.contains(w))
            .collect();
        if theirs.is_empty() {
            return false;
        }
        let ours: Vec<String> = sentence
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .map(str::to_lowercase)
            .filter(|w| months.contains(w))
            .collect();
        !ours.is_empty() && !ours.iter().any(|w| theirs.contains(w))
    }

    /// Whether the figure lies below the lowest value the fact `id` accepts.
    pub(super) fn below_fact(&self, q: &Quantity, id: Option<&str>) -> bool {
        id.and_then(|id| self.fact_by_id.get(id))
            .is_some_and(|f| below(q, f))
    }

    /// Whether the figure's phrase counts some of the metric's people only
    /// ("574 people were left homeless", "46 seriously injured").
    pub(super) fn narrower(&self, q: &Quantity) -> bool {
        let lx = &self.reference.lexicon;
        q.phrase
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| lx.narrower_words.contains(&w.to_lowercase()))
    }

    /// Whether a sentence counts more widely than one place ("throughout
    /// the country", "in total").
    fn widens(&self, sentence: &str) -> bool {
        let sentence = super::place::flat_lower(sentence);
        self.reference
            .lexicon
            .whole_scopes
            .iter()
            .any(|w| super::place::contains_word(&sentence, w))
    }

    /// Whether the source `want` is named in the sentence before the
    /// claim's, within its paragraph: the figure may go on in its words.
    pub(super) fn named_before(&self, article: &Article, c: &Claim, want: &str) -> bool {
        let text = &article.text;
        let start = super::place::sentence_start(text, c).unwrap_or(c.span.start);
        let mut from = super::place::paragraph_start_above(text, start, start.saturating_sub(300));
        while !text.is_char_boundary(from) {
            from += 1;
        }
        self.named_in(want, &text[from..start]).is_some()
    }

    fn unverified_figure(&self, c: &Arc<Claim>, q: &Quantity) -> Finding {
        let found = &q.phrase;
        self.finding(
            Status::Unverified,
            None,
            Some(c),
            None,
            Some(found.clone()),
            format!(
                "No reference fact covers {} ({}{}).",
                q.metric,
                found,
                q.subject
                    .as_ref()
                    .map(|s| format!(", {s}"))
                    .unwrap_or_default()
            ),
        )
    }

    /// Whether the stated interval meets the fact's accepted one.
    pub(super) fn agrees(&self, q: &Quantity, fact: &Fact, date: Option<NaiveDate>) -> bool {
        let (accepted, ..) = accepted_interval(fact, date);
        let st = Stated {
            qualifier: q.qualifier,
            value: q.value.0,
            upper: q.upper.map(|u| u.0),
            scale: q.style.scale,
            decimals: q.style.decimals,
            has_scale_word: q.style.scale_word.is_some(),
        };
        let iv = st.bounded(&self.reference.settings.intervals);
        let (lo, hi) = (iv[0].unwrap_or(0.0), iv[1].unwrap_or(f64::INFINITY));
        // "more than 10 million" (no whole step to add) excludes 10 million
        // itself: it does not agree with "nearly 10 million"
        let v = q.value.0;
        let open_lo = q.qualifier == Qualifier::MoreThan && lo == v;
        let open_hi = q.qualifier == Qualifier::FewerThan && hi == v;
        let below_top = if open_lo {
            lo < accepted[1] - 1e-9
        } else {
            lo <= accepted[1] + 1e-9
        };
        let above_bottom = if open_hi {
            accepted[0] < hi - 1e-9
        } else {
            accepted[0] <= hi + 1e-9
        };
        below_top && above_bottom
    }

    fn agreement(&self, article: &Article, c: &Arc<Claim>, q: &Quantity, fact: &Fact) -> Finding {
        let found = &q.phrase;
        let expected = describe_fact(fact, self.reference, self.date_of(article));
        self.finding(
            Status::Match,
            Some(&fact.id),
            Some(c),
            Some(expected.clone()),
            Some(found.clone()),
            format!("“{found}” agrees with the reference ({expected})."),
        )
    }

    /// A mismatch with the fact that ranks first, with the number that
    /// makes the sentence true. When the figure is another fact's, the
    /// message names it: the source or the place may be what is wrong.
    /// When only the paragraph's topic put the fact before the one the
    /// figure agrees with, the finding is a warning without a fix.
    fn disagreement(
        &self,
        article: &Article,
        c: &Arc<Claim>,
        q: &Quantity,
        fact: &Fact,
        fits: Option<&Fact>,
        by_topic: bool,
    ) -> Finding {
        let found = &q.phrase;
        let expected = describe_fact(fact, self.reference, self.date_of(article));
        let mut f = self.finding(
            Status::Mismatch,
            Some(&fact.id),
            Some(c),
            Some(expected.clone()),
            Some(found.clone()),
            format!("“{found}” does not agree with the reference: {expected}."),
        );
        let (accepted, value, _, _) = accepted_interval(fact, self.date_of(article));
        if far_from(q, accepted) {
            // orders of magnitude away: more likely another count (people
            // affected, a budget) read as this metric than a wrong figure
            f.severity = f.severity.min(Severity::Warning);
            f.message = format!(
                "“{found}” is far from the reference's figure ({expected}): it may count something else; check it."
            );
            return f;
        }
        if let (true, Some(other)) = (by_topic, fits) {
            f.severity = f.severity.min(Severity::Warning);
            f.message = format!(
                "“{found}” agrees with `{}` ({}), but the paragraph is about `{}` ({expected}): check which the article means.",
                other.id,
                describe_fact(other, self.reference, self.date_of(article)),
                fact.id
            );
            return f;
        }
        let intervals = &self.reference.settings.intervals;
        if let Some(corr) = fix::figure_fix(&article.text, q, accepted, value, intervals) {
            f.message = format!(
                "“{found}” does not agree with the reference ({expected}); write “{}”.",
                fix::corrected_phrase(c, q, &corr)
            );
            f.correction = Some(corr);
        }
        if let Some(other) = fits {
            f.message.push_str(&format!(
                " It is the reference's figure for `{}` ({}): if that is what the article means, correct the source or the place instead.",
                other.id,
                describe_fact(other, self.reference, self.date_of(article))
            ));
        }
        f
    }
}
