//! Which fact judges a figure. Facts that share a metric are told apart,
//! in this order, by how well the subject fits, by the source the article
//! names for the figure, and by the fact's `context:` words in the figure's
//! sentence; among the facts that rank first, the one whose value the
//! figure agrees with. A figure that agrees with none is judged against the
//! first-ranked fact, or, when several rank the same, against none of them:
//! the finding says so rather than guess.

use super::own_place::own_place;
use super::place::{contains_word, flat_lower, sentence_start, word_positions, Place};
use super::Checker;
use crate::model::{Claim, Qualifier, Quantity, Resolution};
use crate::reference::{Accepted, Fact};
use std::collections::HashSet;

mod subject;
pub(super) use subject::names_subject;
use subject::{singular, subject_fit, without_metric_noun};

/// The sentence with the speaker's mention blanked out, byte for byte, when
/// lower-casing kept its length and the mention names a source by name.
fn without_speaker(c: &Claim, mut sentence: String) -> String {
    let Some(a) = c
        .attribution
        .as_ref()
        .filter(|a| a.resolved == Resolution::Named)
    else {
        return sentence;
    };
    if sentence.len() != c.text.len() || a.mention.is_empty() {
        return sentence;
    }
    // (lower-casing may keep the length but move boundaries: "İ" grows
    // where "K" shrinks, so the range must hold whole characters there too)
    if let Some(at) = c.text.find(a.mention.as_str()) {
        let end = at + a.mention.len();
        if sentence.is_char_boundary(at) && sentence.is_char_boundary(end) {
            sentence.replace_range(at..end, &" ".repeat(a.mention.len()));
        }
    }
    sentence
}

/// Whether the fact writes the number `n` itself: its value, or a bound of
/// its range ("fewer than 29" names the 29 of "between 29 and 32").
pub(super) fn names_number(f: &Fact, n: f64) -> bool {
    match f.accepted {
        Accepted::Value { value, .. } => value == n,
        Accepted::Range { min, max } => min == Some(n) || max == Some(n),
        _ => false,
    }
}

/// A fact's rank for a figure: subject fit, source fit, then its context
/// words (`ContextFit`, and those that only state a figure, in its phrase),
/// then whether the paragraph's latest place before the sentence is the
/// fact's ("In Malawi, … . At least 7 people have died in the country").
type Rank = (Strong, bool);

/// The rank without the paragraph's topic: what the figure's own sentence says.
type Strong = (u8, u8, (usize, usize, usize, usize));

/// A figure's numbers and phrases, as `Place` holds them.
pub(super) type Spans<'m> = [((usize, usize), (usize, usize), &'m str)];

/// What ties a figure to the fact it is judged against, beyond the metric.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Tie {
    /// Nothing: none of the fact's place words stand in the sentence or
    /// lead the paragraph, and other facts count the same or the sentence
    /// names a place of its own.
    None,
    /// Only the paragraph's place before the sentence.
    Topic,
    /// A word of the fact in the sentence, but standing as a part of its
    /// place ("Cuba's western coasts") or beside a place the sentence names
    /// itself ("near Carrollton, Georgia while evacuating from Louisiana").
    Word,
    /// The sentence: the same subject noun, a word of the fact (a place,
    /// or one that states the figure: "death toll"), or no other fact of
    /// the metric to choose.
    Sentence,
}

/// What the candidates say about a figure.
pub(super) enum Choice<'r> {
    /// No fact of the metric fits the subject.
    None,
    /// A first-ranked fact whose value the figure agrees with.
    Agrees(&'r Fact),
    /// The first-ranked fact, which the figure does not agree with; `fits`
    /// is a lower-ranked fact it does agree with (then the source or the
    /// place, not the number, may be what is wrong). `by_topic`: the fact
    /// leads `fits` only by the paragraph's topic, which is too weak to
    /// call the figure wrong.
    Disagrees {
        fact: &'r Fact,
        fits: Option<&'r Fact>,
        by_topic: bool,
        /// What ties the figure to the fact beyond the metric.
        tie: Tie,
    },
    /// Several facts rank first and the figure agrees with none of them.
    Tied(Vec<&'r Fact>),
}

impl<'r> Checker<'r> {
    /// Rank the facts of the figure's metric and unit, and pick one.
    /// `stated`: the facts other figures of the article have stated.
    pub(super) fn choose(
        &self,
        c: &Claim,
        q: &Quantity,
        at: &Place,
        stated: &HashSet<&str>,
    ) -> Choice<'r> {
        let percent = q.unit.as_deref() == Some("percent");
        // (most figures count what the reference has no fact of)
        let Some(cands) = self.by_metric.get(&(q.metric.as_str(), percent)) else {
            return Choice::None;
        };
        let date = at.date;
        // a source found through a pronoun or another sentence may be a
        // guess: it does not choose the fact
        let source = c
            .attribution
            .as_ref()
            .filter(|a| matches!(a.resolved, Resolution::Named | Resolution::Alias))
            .and_then(|_| self.speaker_id(c));
        let sentence = flat_lower(&c.text);
        // the figure's phrase and the place named after it
        let placed = flat_lower(&format!(
            "{} {}",
            q.phrase,
            q.place.as_deref().unwrap_or("")
        ));
        // the sentence's place in the article, once for every fact; offsets
        // hold only where lower-casing kept every byte length
        let start = (sentence.len() == c.text.len())
            .then(|| sentence_start(at.text, c))
            .flatten();
        let lx = &self.reference.lexicon;
        // the facts with a word in the sentence, the figure's phrase or the
        // paragraph before it: only their words can place the figure (the
        // others' are passed over as if they had none)
        let lead = start.map(|s| {
            let from = crate::lang::span::ceil_char_boundary(at.text, s.saturating_sub(400));
            flat_lower(&at.text[from..s])
        });
        let own_place_words = q.place.as_deref().map(str::to_lowercase);
        let texts = [
            sentence.as_str(),
            placed.as_str(),
            lead.as_deref().unwrap_or(""),
            own_place_words.as_deref().unwrap_or(""),
        ];
        let ranked_against = cands.for_figure(&texts);
        let candidates: Vec<&'r Fact> = ranked_against.iter().map(|r| cands.facts[r.at]).collect();
        let stating: Vec<&[String]> = ranked_against.iter().map(|r| &*r.stating).collect();
        let placing: Vec<&[String]> = ranked_against.iter().map(|r| &*r.placing).collect();
        // every candidate's place words in the sentence: a longer one holds
        // the words of a shorter one where it stands ("Island of
        // Mozambique" is not "Mozambique")
        let all_places: Vec<&str> = placing
            .iter()
            .copied()
            .flatten()
            .map(String::as_str)
            .collect();
        // a sentence that names a place of its own, one no fact's words
        // hold ("Across Fujian province, 186,000 people evacuated"), is not
        // about the place the paragraph named before it
        // (a figure whose own phrase names a fact's place, "21 in Florida"
        // in a list of states, is placed whatever else the sentence names)
        let placed_itself = own_place_words
            .as_deref()
            .is_some_and(|p| all_places.iter().any(|w| contains_word(p, w)));
        // (asked when needed: with no fact's place words in reach the
        // paragraph places nothing, and the tie asks only some figures)
        let own = std::cell::OnceCell::new();
        let own = || *own.get_or_init(|| !placed_itself && own_place(lx, &c.text, &cands.places));
        let topic = if all_places.is_empty() || own() {
            vec![false; candidates.len()]
        } else {
            at.topic(q, start, &placing, &all_places)
        };
        let around = at.around(q, &placed, &sentence, start, &all_places);
        let phrase = flat_lower(&q.phrase);
        // a subject the phrase does not write ("seven civilians … and 13
        // others were injured") is read from another figure: a guess, which
        // prefers no fact over one that names no subject
        let inferred = q.subject.as_deref().is_some_and(|s| {
            !s.split(' ')
                .any(|w| contains_word(&phrase, w) || contains_word(&phrase, &singular(w)))
        });
        let mut fits_of: rustc_hash::FxHashMap<&[String], (usize, usize, usize)> =
            Default::default();
        let mut ranked: Vec<(Rank, &'r Fact, bool)> = candidates
            .iter()
            .enumerate()
            .map(|(i, &f)| {
                let own = f
                    .subject
                    .as_deref()
                    .map(|s| without_metric_noun(s, &phrase, q.subject.as_deref()));
                let mut subject = subject_fit(lx, q.subject.as_deref(), own.as_deref());
                if inferred && subject > 0 {
                    subject = 2;
                }
                // the fact names who was counted as the phrase writes them
                // ("five others were wounded" for a fact about "others"),
                // whatever subject the figure took from the one before
                if inferred
                    && f.subject
                        .as_deref()
                        .is_some_and(|s| !s.is_empty() && contains_word(&phrase, &s.to_lowercase()))
                {
                    subject = subject.max(2);
                }
                // a figure with no subject noun is about people unless the
                // sentence names the fact's subject ("volunteers … with
                // scores killed")
                if let (None, Some(s)) = (&q.subject, &f.subject) {
                    if at.names_near(q, &sentence, start, s) {
                        subject = subject.max(2);
                    }
                }
                let source = match (&source, &f.source) {
                    (Some(s), Some(want)) if s == want => 2,
                    (Some(_), Some(_)) => 0,
                    _ => 1,
                };
                // (facts with the same words fit alike: a long reference
                // repeats them, and each fit reads the figures around)
                let (a, b, c_) = if placing[i].is_empty() {
                    (0, 0, 0)
                } else {
                    *fits_of.entry(placing[i]).or_insert_with(|| {
                        at.context_fit(q, &placed, &sentence, start, placing[i], &around)
                    })
                };
                // (a figure the article calls its total states the headline
                // fact as a word of its phrase would)
                let said = stating[i]
                    .iter()
                    .filter(|w| contains_word(&phrase, w))
                    .count()
                    + usize::from(q.total && f.total);
                // a figure with no subject noun in a sentence that holds the
                // place words of a fact about a kind of people ("At least 11
                // were killed … in Maaret al-Numan" against 11 civilians)
                // fits it, below any fact about people in general
                let part = f
                    .subject
                    .as_deref()
                    .is_some_and(|s| lx.part_subjects.contains(s));
                let placed_kind = subject == 0 && q.subject.is_none() && c_ > 0 && !part;
                if placed_kind {
                    subject = 1;
                }
                (
                    ((subject, source, (a, b, c_, said)), topic[i]),
                    f,
                    placed_kind,
                )
            })
            .filter(|(rank, _, _)| rank.0 .0 > 0)
            .collect();
        // … unless no fact about people in general has a word in the
        // sentence: then the kind it places fits as well ("some 100
        // civilians were killed and 500 more injured" in the chemical
        // attack's sentence, against a bus bombing's wounded the paragraph
        // told before)
        let general_placed = ranked.iter().any(|((s, _), _, _)| {
            let (a, b, c_, _) = s.2;
            s.0 >= 2 && a + b + c_ > 0
        });
        if !general_placed {
            for (rank, _, placed_kind) in &mut ranked {
                if *placed_kind {
                    rank.0 .0 = 2;
                }
            }
        }
        let mut ranked: Vec<(Rank, &'r Fact)> =
            ranked.into_iter().map(|(r, f, _)| (r, f)).collect();
        // best first; facts that rank the same keep the reference's order
        ranked.sort_by_key(|(rank, _)| std::cmp::Reverse(*rank));
        let Some(&(top, first)) = ranked.first() else {
            return Choice::None;
        };
        let agrees = |f: &Fact| self.agrees(q, f, date);
        let mut leaders: Vec<&'r Fact> = ranked
            .iter()
            .take_while(|(rank, _)| *rank == top)
            .map(|(_, f)| *f)
            .collect();
        // a bound on the very number a fact states ("fewer than 29" where
        // the reference has "between 29 and 32") is about that fact, though
        // it may stay within another's ("fewer than 12" against a town's 8)
        let bound = matches!(
            q.qualifier,
            Qualifier::FewerThan
                | Qualifier::AtMost
                | Qualifier::UpTo
                | Qualifier::Almost
                | Qualifier::MoreThan
                | Qualifier::AtLeast
        );
        let names_number = |f: &Fact| names_number(f, q.value.0);
        let ranked_first = leaders.len();
        let numbered = bound && {
            if leaders.iter().any(|f| names_number(f)) {
                leaders.retain(|f| names_number(f));
                true
            } else if let Some(&(_, f)) = ranked.iter().find(|((s, _), f)| {
                // or a fact with the same subject and source fit that the
                // sentence ties by a word of its own ("At least 55
                // fatalities have been attributed to the storm: …, 3 in
                // Washington, D.C.")
                let (a, b, c_, said) = s.2;
                s.0 == top.0 .0 && s.1 == top.0 .1 && a + b + c_ + said > 0 && names_number(f)
            }) {
                leaders = vec![f];
                true
            } else {
                false
            }
        };
        let first = if numbered { leaders[0] } else { first };
        // the fact that states the figure's value before one whose open
        // bound it merely stays within ("22 children" against "at least 3"
        // and "22")
        let states =
            |f: &Fact| matches!(f.accepted, Accepted::Value { value, .. } if value == q.value.0);
        // then the fact whose bound lies nearest the figure ("more than 300"
        // is "at least 300" before "at least 16")
        // (the cast saturates: an unbounded gap is u64::MAX)
        let gap = |f: &Fact| {
            let near = match f.accepted {
                Accepted::Range { min: Some(m), .. } => (q.value.0 - m).abs(),
                Accepted::Range {
                    min: None,
                    max: Some(m),
                } => (m - q.value.0).abs(),
                Accepted::Value { value, .. } => (q.value.0 - value).abs(),
                _ => f64::INFINITY,
            };
            near as u64
        };
        // (`min_by_key` keeps the first of equals: the reference's order)
        if let Some(f) = leaders
            .iter()
            .filter(|f| agrees(f))
            .min_by_key(|f| (!states(f), gap(f)))
        {
            return Choice::Agrees(f);
        }
        // only a fact that pins a value names what the figure may be: any
        // number above 46 agrees with "at least 46", though "more than
        // 200,000" does state "at least 200,000"
        let pins = |f: &Fact| match f.accepted {
            Accepted::Range { min, max: None } => min == Some(q.value.0),
            _ => true,
        };
        let fits = ranked[ranked_first..]
            .iter()
            .filter(|(_, f)| pins(f) && (!numbered || names_number(f)))
            .find(|(_, f)| agrees(f));
        // a fact that ranks below only by the source the article credits
        // (its place words fit better) is the figure's when its
        // value agrees: the source, not the number,
        // is what is wrong ("21 others died …" the Observatory said, where
        // the reference has 21 from the White Helmets)
        if let Some((rank, f)) = fits {
            let (subject, source, context) = top.0;
            if rank.0 .0 == subject && rank.0 .1 == 0 && rank.0 .2 > context && source == 2 {
                return Choice::Agrees(f);
            }
        }
        // a lower-ranked fact that fits does not break a tie among the first,
        // unless they all give the same figure from the same source: then
        // it is wrong whichever it means, likelier the one no other figure
        // of the article states ("Fewer than 12 people were killed" after a
        // lede's "at least 12", against two facts of at least 12)
        let alike = leaders.windows(2).all(|w| {
            (&w[0].accepted, &w[0].source, w[0].as_of) == (&w[1].accepted, &w[1].source, w[1].as_of)
        });
        if leaders.len() > 1 && !alike {
            return Choice::Tied(leaders);
        }
        let first = match leaders.iter().find(|f| !stated.contains(f.id.as_str())) {
            Some(f) if leaders.len() > 1 => f,
            _ => first,
        };
        // an exact figure ("two bodies") that is the value of a fact whose
        // own place words stand nearest it, as the first's do, with the same
        // subject and source fit: the sentence places both, so it cannot
        // tell which is meant ("fewer than 35" agreeing with a toll of 13
        // is no such evidence)
        let exact = q.interval[0].is_some() && q.interval[0] == q.interval[1];
        let placed_too = |rank: &Rank| {
            let ((subject, source, (a, b, _, _)), _) = top;
            let (fs, fsrc, (fa, fb, _, _)) = rank.0;
            exact && fs == subject && fsrc == source && fa == a && fb >= 1 && b >= 1
        };
        // or whose place words stand nearer it than the first's, which
        // leads only by naming who was counted ("two civilians" in the
        // al-Midan sentence, against Aleppo's six civilians): a part of
        // that count, perhaps, not a wrong one
        let placed_nearer = |rank: &Rank| {
            let ((_, source, (a, b, _, _)), _) = top;
            let (_, fsrc, (fa, fb, _, _)) = rank.0;
            exact && fsrc >= source && fb >= 1 && (fa, fb) > (a, b)
        };
        // an exact figure that is the value of a fact of another metric
        // placed in the sentence, about the same people ("32 fishermen were
        // feared dead" against a dead-or-missing fact of 32, read as a toll):
        // the metric, not the number, may be what differs
        let other = || {
            let mut stating = self.by_value.stating(q.value.0).filter(|_| exact);
            stating.find(|f| {
                f.metric != q.metric
                    && subject_fit(lx, q.subject.as_deref(), f.subject.as_deref()) >= top.0 .0
                    && f.context.iter().any(|w| contains_word(&sentence, w))
            })
        };
        // the first leads only by its place words, which in the sentence
        // are only common nouns ("after the floods"), while the figure
        // states another fact's value: too weak to call the figure wrong
        // (words both facts have lead neither)
        let words_of = |fact: &Fact| {
            candidates
                .iter()
                .position(|f| std::ptr::eq(*f, fact))
                .map_or(&[][..], |i| cands.placing[ranked_against[i].at].as_slice())
        };
        // (a place in the speaker's name names the speaker: "The Chief
        // Coroner of British Columbia reported that 619 deaths …" does not
        // name a British Columbia fact against the one whose value it is)
        let unspoken = without_speaker(c, sentence.clone());
        let named = |other: &Fact| {
            let theirs = words_of(other);
            sentence.len() != c.text.len()
                || words_of(first)
                    .iter()
                    .filter(|w| !theirs.contains(w))
                    .any(|w| {
                        word_positions(&unspoken, w).any(|i| {
                            i > 0
                                && c.text
                                    .get(i..)
                                    .and_then(|t| t.chars().next())
                                    .is_some_and(char::is_uppercase)
                        })
                    })
        };
        // the first's place words stand in the sentence as a part of the
        // place ("from Cuba's western coasts"), or beside a place of
        // the sentence's own ("near Carrollton, Georgia while evacuating
        // from Louisiana")
        let text = sentence.as_str();
        let part_of = |i: usize, w: &str| {
            text[i + w.len()..].strip_prefix("'s ").is_some_and(|r| {
                r.split(' ')
                    .next()
                    .is_some_and(|n| lx.subregions.contains(n))
            })
        };
        let of_a_part = words_of(first)
            .iter()
            .any(|w| word_positions(text, w).any(|i| part_of(i, w)));
        // or are only nouns that refer back to a place ("on the island"),
        // which may be another than the fact's
        let anaphoric = {
            let stand: Vec<&String> = words_of(first)
                .iter()
                .filter(|w| contains_word(text, w))
                .collect();
            !stand.is_empty()
                && stand.iter().all(|w| {
                    lx.place_nouns.contains(w.as_str())
                        && word_positions(text, w).all(|i| {
                            ["the ", "this ", "that "]
                                .iter()
                                .any(|d| text[..i].ends_with(d))
                        })
                })
        };
        let ((subject, _, (a, b, c_, said)), topic) = top;
        let weak = || of_a_part || own() || anaphoric;
        // the only fact of the metric, placed by words the sentence does
        // not hold, while the sentence names a place of its own ("In
        // Pennsylvania, … another 40 people were severely injured" against
        // Maryland's two): it may count something else
        let placed_apart = a + b + c_ == 0 && !words_of(first).is_empty();
        let tie = if subject == 3
            || said > 0
            || (numbered && q.value.0 >= 10.0)
            || (cands.facts.len() == 1 && !(placed_apart && own()))
            || words_of(first).is_empty()
            || (a + b + c_ > 0 && !weak())
        {
            Tie::Sentence
        } else if b + c_ > 0 {
            Tie::Word
        } else if topic {
            Tie::Topic
        } else {
            Tie::None
        };
        match fits {
            Some((rank, f)) => Choice::Disagrees {
                fact: first,
                fits: Some(f),
                by_topic: rank.0 == top.0
                    || placed_too(rank)
                    || placed_nearer(rank)
                    || (states(f) && rank.0 .0 == top.0 .0 && rank.0 .1 == top.0 .1 && !named(f)),
                tie,
            },
            None => Choice::Disagrees {
                fact: first,
                fits: other(),
                by_topic: true,
                tie,
            },
        }
    }
}

#[cfg(test)]
mod tests;
