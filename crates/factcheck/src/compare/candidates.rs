//! The facts a figure may be judged against, read once per reference: the
//! facts of one metric and unit, each one's `context:` words split into
//! those that place it and those that only state a figure, and indexes
//! over all of them. A figure then looks only at the facts whose words
//! its sentence holds: 20,000 facts of one metric against 2,000 figures
//! took 71 s when every fact's words were sought in every sentence.

use std::borrow::Cow;
use std::collections::HashSet;

use aho_corasick::AhoCorasick;

use super::choose::names_subject;
use super::place::contains_word;
use crate::lexicon::Lexicon;
use crate::limits::MAX_FACTS_PER_FIGURE;
use crate::reference::Fact;

/// The facts of one metric and unit, in the reference's order.
pub(super) struct Candidates<'r> {
    pub facts: Vec<&'r Fact>,
    /// Per fact, the words that state a figure ("evacuated", "death toll")
    /// or name its subject: they place none.
    pub stating: Vec<Vec<String>>,
    /// Per fact, the words that place it.
    pub placing: Vec<Vec<String>>,
    /// Every fact's place words, for telling a place of a sentence's own.
    pub places: PlaceWords,
    /// All the words above, each once, and the facts holding each: in
    /// automata of at most [`CHUNK`] words, each with the id of its first
    /// (none when one cannot be built).
    words: Option<Vec<(usize, AhoCorasick)>>,
    holders: Vec<Vec<usize>>,
    /// Per fact, the automaton ids of its stating and placing words.
    ids: Vec<(Vec<usize>, Vec<usize>)>,
}

impl<'r> Candidates<'r> {
    pub(super) fn new(facts: Vec<&'r Fact>, lx: &Lexicon) -> Candidates<'r> {
        let (stating, placing): (Vec<Vec<String>>, Vec<Vec<String>>) = facts
            .iter()
            .map(|f| {
                // a function word ("throughout") names neither
                f.context
                    .iter()
                    .filter(|w| !w.split(' ').all(|w| lx.not_subject.contains(w)))
                    .cloned()
                    .partition::<Vec<String>, _>(|w| {
                        lx.only_figure_words(w) || names_subject(w, f.subject.as_deref())
                    })
            })
            .unzip();
        let mut ids: rustc_hash::FxHashMap<&str, usize> = Default::default();
        let mut patterns: Vec<&str> = Vec::new();
        let mut holders: Vec<Vec<usize>> = Vec::new();
        for (i, w) in stating
            .iter()
            .zip(&placing)
            .enumerate()
            .flat_map(|(i, (s, p))| s.iter().chain(p).map(move |w| (i, w.as_str())))
        {
            let id = *ids.entry(w).or_insert_with(|| {
                patterns.push(w);
                holders.push(Vec::new());
                patterns.len() - 1
            });
            if holders[id].last() != Some(&i) {
                holders[id].push(i);
            }
        }
        // (validation keeps every word non-empty; an automaton that cannot
        // be built leaves every fact to be looked at, up to the limit)
        // (in chunks: building one automaton remaps its states in time
        // that grows with the square of its words, 36 s for a hostile
        // `context:` list of 128,000)
        let id_of = |ws: &[String]| ws.iter().map(|w| ids[w.as_str()]).collect::<Vec<_>>();
        let fact_ids = stating
            .iter()
            .zip(&placing)
            .map(|(s, p)| (id_of(s), id_of(p)))
            .collect();
        let words = patterns
            .chunks(CHUNK)
            .enumerate()
            .map(|(k, chunk)| Some((k * CHUNK, AhoCorasick::new(chunk).ok()?)))
            .collect();
        let places = PlaceWords::new(placing.iter().flatten().map(String::as_str));
        Candidates {
            facts,
            stating,
            placing,
            places,
            words,
            holders,
            ids: fact_ids,
        }
    }

    /// The facts a figure is ranked against, in the reference's order, each
    /// with its stating and placing words when one of its words stands
    /// somewhere in `texts` (lower-cased), else none: the others have
    /// nothing in the figure's sentence, its phrase or the paragraph before
    /// it to be placed by. All of them, up to [`MAX_FACTS_PER_FIGURE`];
    /// past it, those with words present first.
    pub(super) fn for_figure<'a>(&'a self, texts: &[&str]) -> Vec<Ranked<'a>> {
        let Some(automata) = &self.words else {
            // (no automaton: every fact is looked at, with all its words)
            return (0..self.facts.len().min(MAX_FACTS_PER_FIGURE))
                .map(|i| Ranked {
                    at: i,
                    stating: Cow::Borrowed(&self.stating[i]),
                    placing: Cow::Borrowed(&self.placing[i]),
                })
                .collect();
        };
        // the words found, each once: only they can place a fact (a fact
        // of 256 `context:` words was otherwise searched for all of them
        // at every figure)
        let mut found: rustc_hash::FxHashSet<usize> = Default::default();
        let mut in_order: Vec<usize> = Vec::new();
        for text in texts {
            for (base, a) in automata {
                for m in a.find_overlapping_iter(*text) {
                    let id = base + m.pattern().as_usize();
                    if found.insert(id) {
                        in_order.push(id);
                    }
                }
            }
        }
        let holders = in_order
            .iter()
            .flat_map(|&id| self.holders[id].iter().copied());
        // the words of fact `i` found near the figure (all of them, borrowed,
        // when all are)
        let only_found = |words: &'a [String], ids: &[usize]| -> Cow<'a, [String]> {
            if ids.iter().all(|id| found.contains(id)) {
                Cow::Borrowed(words)
            } else {
                Cow::Owned(
                    words
                        .iter()
                        .zip(ids)
                        .filter(|(_, id)| found.contains(id))
                        .map(|(w, _)| w.clone())
                        .collect(),
                )
            }
        };
        let ranked = |i: usize, has: bool| {
            let (s, p) = &self.ids[i];
            if has {
                Ranked {
                    at: i,
                    stating: only_found(&self.stating[i], s),
                    placing: only_found(&self.placing[i], p),
                }
            } else {
                Ranked {
                    at: i,
                    stating: Cow::Borrowed(&[]),
                    placing: Cow::Borrowed(&[]),
                }
            }
        };
        let n = self.facts.len();
        if n <= MAX_FACTS_PER_FIGURE {
            let mut has = vec![false; n];
            for i in holders {
                has[i] = true;
            }
            return (0..n).map(|i| ranked(i, has[i])).collect();
        }
        // a hostile reference: the facts with words present, as many as
        // the limit holds, then the first silent ones
        let mut present: rustc_hash::FxHashSet<usize> = Default::default();
        for i in holders {
            present.insert(i);
            if present.len() >= MAX_FACTS_PER_FIGURE {
                break;
            }
        }
        let room = MAX_FACTS_PER_FIGURE - present.len();
        let silent = (0..n).filter(|i| !present.contains(i)).take(room);
        let mut chosen: Vec<usize> = present.iter().copied().chain(silent).collect();
        chosen.sort_unstable();
        chosen
            .into_iter()
            .map(|i| ranked(i, present.contains(&i)))
            .collect()
    }
}

/// Words in one automaton: a curated reference's facts hold far fewer.
const CHUNK: usize = 4096;

/// One fact a figure is ranked against: its place among the metric's facts,
/// and the words it may be placed by (none when none stand near).
pub(super) struct Ranked<'a> {
    pub at: usize,
    pub stating: Cow<'a, [String]>,
    pub placing: Cow<'a, [String]>,
}

/// How many words of a place word or a sentence's name are indexed as one
/// span: more than any place name has.
const SPAN_WORDS: usize = 8;

/// Place words (lower-cased), indexed by their runs of whole words: whether
/// one holds a sentence's name, or a name holds one, is then a look-up
/// per run of the name, not a search of every place word.
#[derive(Default)]
pub(super) struct PlaceWords {
    /// Every run of up to [`SPAN_WORDS`] whole words of a place word.
    spans: HashSet<String>,
    /// The place words that open and close with a letter or digit.
    whole: HashSet<String>,
    /// The others, and those of more words, searched one by one.
    odd: Vec<String>,
}

impl PlaceWords {
    fn new<'a>(places: impl Iterator<Item = &'a str>) -> PlaceWords {
        let mut p = PlaceWords::default();
        for place in places {
            let runs = runs(place);
            let plain =
                place.starts_with(char::is_alphanumeric) && place.ends_with(char::is_alphanumeric);
            if plain && runs.len() <= SPAN_WORDS {
                p.whole.insert(place.to_string());
            } else {
                p.odd.push(place.to_string());
            }
            for i in 0..runs.len() {
                for j in i..runs.len().min(i + SPAN_WORDS) {
                    p.spans.insert(place[runs[i].0..runs[j].1].to_string());
                }
            }
        }
        p
    }

    /// Whether a place word holds `x` (lower-cased) as whole words.
    pub(super) fn hold(&self, x: &str) -> bool {
        let plain = x.starts_with(char::is_alphanumeric) && x.ends_with(char::is_alphanumeric);
        if plain && runs(x).len() <= SPAN_WORDS {
            return self.spans.contains(x);
        }
        self.whole
            .iter()
            .chain(&self.odd)
            .any(|p| contains_word(p, x))
    }

    /// Whether `x` (lower-cased) holds a place word as whole words.
    pub(super) fn held_by(&self, x: &str) -> bool {
        let runs = runs(x);
        let spanned = (0..runs.len()).any(|i| {
            (i..runs.len().min(i + SPAN_WORDS))
                .any(|j| self.whole.contains(&x[runs[i].0..runs[j].1]))
        });
        spanned || self.odd.iter().any(|p| contains_word(x, p))
    }
}

/// The byte ranges of the runs of letters and digits in `s`.
fn runs(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                out.push((a, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(a) = start {
        out.push((a, s.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_words_hold_and_are_held_as_a_search_would_find() {
        let places = ["fujian province", "maaret al-numan", "idlib", "(x)"];
        let p = PlaceWords::new(places.into_iter());
        let search = |x: &str| places.iter().any(|p| contains_word(p, x));
        let held = |x: &str| places.iter().any(|p| contains_word(x, p));
        for x in [
            "fujian",
            "province",
            "fujian province",
            "al-numan",
            "numan",
            "maaret al",
            "idl",
            "x",
            "(x)",
            "fujian provinces",
            "idlib-based",
            "al-numan's",
            "north-idlib",
        ] {
            assert_eq!(p.hold(x), search(x), "hold {x}");
            assert_eq!(p.held_by(x), held(x), "held by {x}");
        }
    }
}

/// The facts that state one value (`value:` with no bounds), by that
/// value, in the reference's order: a figure of another metric finds those
/// it may be the value of without reading every fact.
#[derive(Default)]
pub(super) struct ByValue<'r>(rustc_hash::FxHashMap<u64, Vec<&'r Fact>>);

impl<'r> ByValue<'r> {
    pub(super) fn new(facts: &'r [Fact]) -> ByValue<'r> {
        let mut index = ByValue::default();
        for f in facts {
            if let crate::reference::Accepted::Value { value, .. } = f.accepted {
                index.0.entry(value.to_bits()).or_default().push(f);
            }
        }
        index
    }

    /// The facts stating `value`, the first [`MAX_FACTS_PER_FIGURE`] of them.
    pub(super) fn stating(&self, value: f64) -> impl Iterator<Item = &'r Fact> + '_ {
        self.0
            .get(&value.to_bits())
            .into_iter()
            .flatten()
            .copied()
            .take(MAX_FACTS_PER_FIGURE)
    }
}
