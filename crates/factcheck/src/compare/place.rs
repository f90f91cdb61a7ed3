//! Where a figure stands in its article: which figure a fact's
//! `context:` words are near, the place a paragraph is about, and the word
//! matching both use (whole words, across hard wraps, a shorter name inside
//! a longer one left to the longer).

use chrono::NaiveDate;

use super::choose::Spans;
pub(super) use super::paragraph::{paragraph, paragraph_start_above};
use crate::lexicon::grammar::{CONTRASTS, PLACE_PREPOSITIONS, SUBSET_PRONOUNS, TIME_PREPOSITIONS};
use crate::model::{Claim, Quantity};

/// Where a figure stands: the article's date and text, and the number and
/// phrase of every figure in it (in text order), to tell which figure a
/// context word is near.
pub(super) struct Place<'a> {
    pub date: Option<NaiveDate>,
    pub text: &'a str,
    pub figures: &'a Spans<'a>,
}

/// How well a fact's `context:` words place it at a figure: how many stand
/// in the figure's phrase or the place named right after it ("the toll in
/// Angur Adar rose to 23", "176 people in Malawi"), how
/// many are nearer this figure than any other of its sentence ("176 in
/// Malawi, 86 in Mozambique"), how many stand in the sentence at all.
/// Compared in that order.
type ContextFit = (usize, usize, usize);

/// What `Place::around` finds for one figure.
pub(super) struct Around {
    /// Byte ranges in the sentence of the place words written as names.
    names: Vec<(usize, usize)>,
    /// The figure this one is a part of, said before it.
    whole: Option<(usize, usize)>,
}

/// How far from a place's words a figure may stand and still be the
/// nearest one.
const NEAR: usize = 2000;

impl Place<'_> {
    /// The figures whose number is the span `o` (figures are in text order).
    fn figures_at(
        &self,
        o: (usize, usize),
    ) -> impl Iterator<Item = &((usize, usize), (usize, usize), &str)> {
        self.figures_from(o.0)
            .iter()
            .take_while(move |f| f.0 .0 == o.0)
            .filter(move |f| f.0 == o)
    }

    /// The figures whose number starts at or after byte `x`.
    fn figures_from(&self, x: usize) -> &Spans<'_> {
        &self.figures[self.figures.partition_point(|f| f.0 .0 < x)..]
    }

    pub(super) fn context_fit(
        &self,
        q: &Quantity,
        phrase: &str,
        sentence: &str,
        start: Option<usize>,
        words: &[String],
        around: &Around,
    ) -> ContextFit {
        let mut fit = (0, 0, 0);
        // a word of the fact placing another figure of the metric
        let mut elsewhere = false;
        let own = q.style.number_span;
        let own_phrase = self.figures_at(own).next().map(|f| f.1);
        let inside = |o: (usize, usize)| {
            own_phrase.is_some_and(|(a, b)| a <= o.0 && o.1 <= b) || Some(o) == around.whole
        };
        for w in words {
            if contains_word(phrase, w) {
                fit.0 += 1;
            }
            // a word in an "including …" phrase past the figure places the
            // part it names ("thirteen deaths, including six on board Andrea
            // Gail"), not the whole; after a verb the whole's clause goes on
            // ("72 people including nine children were killed in Khan
            // Sheikhun")
            // (`sentence` holds the article's bytes from `start` on)
            let part = |i: usize| {
                start.is_some_and(|s| {
                    let between = sentence
                        .get(own.1.saturating_sub(s).min(i)..i)
                        .unwrap_or("");
                    word_positions(between, "including")
                        .last()
                        .is_some_and(|k| {
                            !["were", "was", "are", "is", "have", "has", "had"]
                                .iter()
                                .any(|v| contains_word(&between[k..], v))
                        })
                })
            };
            // nor does a word across a contrast from the figure ("The death
            // toll was 235, though some estimate 1,000")
            let across = |i: usize| {
                start.is_some_and(|s| {
                    let at = s + i;
                    (own.1 <= at && contrast_between(self.text, own.1, at))
                        || (at + w.len() <= own.0 && contrast_between(self.text, at, own.0))
                        || (own.1 <= at && self.other_count_after_while(q, own.1, at))
                })
            };
            let hits: Vec<usize> = free_positions(sentence, w, &around.names)
                .filter(|&i| !part(i) && !across(i))
                .collect();
            if hits.is_empty() {
                continue;
            }
            let Some(start) = start else {
                fit.2 += 1;
                continue;
            };
            let owners: Vec<_> = hits
                .iter()
                .map(|&i| self.figure_of((start + i, start + i + w.len())))
                .collect();
            if owners.contains(&Some(own)) {
                fit.1 += 1;
            }
            // words that place another figure of the same metric do not
            // place this one ("Two people were dead, 1 in both Hoa Binh and
            // Quang Ninh": the provinces are the 1's); a figure of another
            // metric may share its place ("39 killed and dozens injured in
            // Idlib"); nor does a whole this figure is a part of ("six
            // children were among 12 civilians killed on Friday")
            let other_same_metric = |o: &Option<(usize, usize)>| {
                o.is_some_and(|o| {
                    o != own && !inside(o) && self.figures_at(o).any(|f| f.2 == q.metric)
                })
            };
            if owners.iter().all(other_same_metric) {
                elsewhere = true;
            } else {
                fit.2 += 1;
            }
        }
        // a fact one of whose words places another figure of the metric,
        // and none this one, is that figure's: the rest of its words in the
        // sentence do not place this one
        if elsewhere && fit.1 == 0 {
            fit.2 = 0;
        }
        fit
    }

    /// Whether a "while" with no comma stands between `a` and `b` and
    /// opens a clause with another count of the metric: copy that lost its
    /// commas ("… killed 17 civilians while artillery fire on Douma killed
    /// another two"). Without such a count the clause goes on about the
    /// same event ("At least 50 people died while 2 million were affected
    /// in over 160 villages").
    fn other_count_after_while(&self, q: &Quantity, a: usize, b: usize) -> bool {
        let Some(between) = self.text.get(a..b) else {
            return false;
        };
        let Some(w) = word_positions(between, "while").next() else {
            return false;
        };
        let from = a + w;
        // (in text order, up to the first figure a sentence end parts from
        // the "while": every later one is parted too, and is not read up to)
        for f in self.figures_from(from + 1) {
            if sentence_between(self.text, from, f.0 .0) {
                return false;
            }
            if f.2 == q.metric && f.0 != q.style.number_span {
                return true;
            }
        }
        false
    }

    /// Which facts the paragraph is about when the figure's sentence names
    /// no place ("In Malawi, heavy rain … . At least 7 people have died in
    /// the country"): the fact(s) of the latest place word before the
    /// sentence, within the paragraph and 400 bytes; a word that places
    /// another figure of the metric there, or that such a figure follows,
    /// is that figure's.
    pub(super) fn topic(
        &self,
        q: &Quantity,
        start: Option<usize>,
        words: &[&[String]],
        places: &[&str],
    ) -> Vec<bool> {
        let mut latest = vec![None; words.len()];
        if let Some(start) = start {
            let mut from = paragraph_start_above(self.text, start, start.saturating_sub(400));
            while !self.text.is_char_boundary(from) {
                from += 1;
            }
            let window = flat_lower(&self.text[from..start]);
            if window.len() == start - from {
                let names = named_spans(&window, &self.text[from..start], places);
                let own = q.style.number_span;
                let taken = |o: Option<(usize, usize)>| {
                    o.is_some_and(|o| {
                        o != own
                            && (from..start).contains(&o.0)
                            && self.figures_at(o).any(|f| f.2 == q.metric)
                    })
                };
                // (facts with the same words stand alike)
                let mut of_words: rustc_hash::FxHashMap<&[String], Option<usize>> =
                    Default::default();
                for (slot, ws) in latest.iter_mut().zip(words) {
                    if let Some(&known) = of_words.get(ws) {
                        *slot = known;
                        continue;
                    }
                    *slot = ws
                        .iter()
                        .flat_map(|w| {
                            free_positions(&window, w, &names)
                                .map(move |i| (from + i, from + i + w.len()))
                        })
                        .filter(|&at| !taken(self.figure_of(at)))
                        // a figure of the metric since the word took it as
                        // its own ("Later updates suggested 25 missing")
                        .filter(|&(_, b)| {
                            !self
                                .figures_from(b)
                                .iter()
                                .take_while(|f| f.0 .0 < start)
                                .any(|f| {
                                    f.0 != own && f.2 == q.metric && (b..start).contains(&f.0 .0)
                                })
                        })
                        .map(|(a, _)| a)
                        .max();
                    of_words.insert(ws, *slot);
                }
            }
        }
        let top = latest.iter().flatten().max().copied();
        latest.iter().map(|l| l.is_some() && *l == top).collect()
    }

    /// What a figure's context words are judged against, found once per
    /// figure: the longer names in its sentence, and the whole it is a part
    /// of when it says so after it ("killed 1102 people …, adding that 234
    /// of them were children": the part stands where the whole does).
    pub(super) fn around(
        &self,
        q: &Quantity,
        phrase: &str,
        sentence: &str,
        start: Option<usize>,
        places: &[&str],
    ) -> Around {
        let names = start.map_or_else(Vec::new, |s| {
            named_spans(sentence, &self.text[s..s + sentence.len()], places)
        });
        let own = q.style.number_span;
        let part = phrase
            .split(' ')
            .collect::<Vec<_>>()
            .windows(2)
            .any(|w| w[0] == "of" && SUBSET_PRONOUNS.contains(&w[1]));
        let whole = part
            .then(|| self.figures.iter().map(|f| f.0).rfind(|&o| o.1 <= own.0))
            .flatten();
        Around { names, whole }
    }

    /// Whether `word` stands in the sentence nearer this figure than any
    /// other ("eight fatalities …, seven of which were drownings": the
    /// drownings are the seven's).
    pub(super) fn names_near(
        &self,
        q: &Quantity,
        sentence: &str,
        start: Option<usize>,
        word: &str,
    ) -> bool {
        // "28 fatalities, including a 13-year-old boy": the boy is a part
        // of the toll, not what it counts
        let part = |i: usize| {
            sentence[..i]
                .split_whitespace()
                .rev()
                .take(4)
                .any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) == "including")
        };
        let Some(start) = start else {
            return word_positions(sentence, word).any(|i| !part(i));
        };
        word_positions(sentence, word).any(|i| {
            let at = (start + i, start + i + word.len());
            !part(i) && self.nearest_figure(at) == Some(q.style.number_span)
        })
    }

    /// The number of the figure that words at `a..b` place: a place phrase
    /// ("in Greater La Plata") belongs to the figure before it ("51 died in
    /// Greater La Plata, and six in Buenos Aires"), unless it opens a clause
    /// that a figure follows ("and in Idlib 12 died"); other words belong to
    /// the nearest figure.
    fn figure_of(&self, (a, b): (usize, usize)) -> Option<(usize, usize)> {
        let text = self.text;
        // back over "the" and capitalised words ("Greater Buenos Aires"),
        // and over a place preposition before them
        let mut p = a;
        let mut prep = None;
        loop {
            let before = text[..p].trim_end();
            // past the separator, whatever its width (a no-break space is two bytes)
            let word_start = before
                .char_indices()
                .rfind(|&(_, c)| !c.is_alphanumeric() && c != '-' && c != '\'')
                .map_or(0, |(i, c)| i + c.len_utf8());
            let word = &before[word_start..];
            let lower = word.to_lowercase();
            let prep_word = PLACE_PREPOSITIONS.contains(&lower.as_str())
                || TIME_PREPOSITIONS.contains(&lower.as_str());
            if !word.is_empty() && prep_word {
                prep = Some(word_start);
                p = word_start;
                break;
            }
            let name_word = lower == "the" || word.starts_with(char::is_uppercase);
            if word.is_empty() || !name_word || a - word_start > 40 {
                break;
            }
            p = word_start;
        }
        // a place opening a clause that a figure follows is that figure's:
        // "and in Idlib 12 died", "and Greater Buenos Aires reported 10"
        let lead = text[..p].trim_end();
        // a paragraph's or a heading's first words open a clause too
        // (the last words only: lower-casing all the text before would
        // make a long line quadratic)
        let tail =
            &lead[crate::lang::span::floor_char_boundary(lead, lead.len().saturating_sub(12))..];
        let opens_clause = text[paragraph_start_above(text, p, p.saturating_sub(400))..p]
            .trim()
            .is_empty()
            || lead.ends_with([',', ';', '.', ':', ']'])
            || ["and", "while", "but", "whereas"]
                .iter()
                .any(|w| tail.to_lowercase().ends_with(&format!(" {w}")));
        let next = self.figures_from(b).first().map(|f| f.0);
        // a fronted phrase set off by a comma may stand further from its
        // figure: "and on November 14, eight days after the storm, the
        // death toll reached 464"
        let reach = if text[b..].starts_with(',') { 100 } else { 30 };
        if opens_clause && next.is_some_and(|(x, _)| x - b <= reach) {
            return next;
        }
        match prep {
            // (only figures that start before it can end before it)
            Some(prep) => self.figures[..self.figures.partition_point(|f| f.0 .0 < prep)]
                .iter()
                .rev()
                .find(|f| f.0 .1 <= prep)
                // not past a clause about something else ("two were
                // killed, while a tornado was reported in Zhejiang")
                .filter(|f| {
                    let from = f.1 .1.min(prep);
                    // nor from another sentence
                    !contrast_between(text, from, prep) && !sentence_between(text, from, prep)
                })
                .map(|f| f.0)
                .or_else(|| self.nearest_figure((a, b))),
            None => self.nearest_figure((a, b)),
        }
    }

    /// The number of the figure whose phrase is nearest to the words at
    /// `a..b` ("50 deaths since 1 August and 8 deaths": the date is the 50's).
    fn nearest_figure(&self, (a, b): (usize, usize)) -> Option<(usize, usize)> {
        // bytes between the two ranges; 0 when they overlap
        let gap = |&(x, y): &(usize, usize)| x.saturating_sub(b).max(a.saturating_sub(y));
        // a figure across a clause about something else is further than any
        // on this side of it
        // (or a sentence's end: "… listed missing.[17] In a hamlet of
        // Gilligan, 900 died")
        let across = |&(x, y): &(usize, usize)| {
            (y <= a && (contrast_between(self.text, y, a) || sentence_between(self.text, y, a)))
                || (b <= x
                    && (contrast_between(self.text, b, x) || sentence_between(self.text, b, x)))
        };
        // (only figures this near are candidates: a claim never looks
        // across a whole long text)
        let lo = self.figures.partition_point(|f| f.0 .0 + NEAR < a);
        let hi = self.figures.partition_point(|f| f.0 .0 <= b + NEAR);
        self.figures[lo..hi.max(lo)]
            .iter()
            .min_by_key(|f| (across(&f.1), gap(&f.1)))
            .map(|f| f.0)
    }
}

/// Where the claim's sentence starts in the article: it is a slice of it
/// that holds the claim's span.
pub(super) fn sentence_start(text: &str, c: &Claim) -> Option<usize> {
    let lo = c.span.end.saturating_sub(c.text.len());
    let hi = (c.span.start + c.text.len()).min(text.len());
    let window = text.get(lo..hi)?;
    // (the sentence is found by its first byte in a few tries, for fewer
    // instructions than a search's set-up over its whole length; past a
    // few, the search, linear whatever the text)
    let (w, s) = (window.as_bytes(), c.text.as_bytes());
    let (Some(&first), Some(last)) = (s.first(), w.len().checked_sub(s.len())) else {
        return window.find(c.text.as_str()).map(|i| lo + i);
    };
    let mut from = 0;
    for _ in 0..TRIES {
        let i = from + memchr::memchr(first, &w[from..=last])?;
        // (a sentence starts with a character's first byte: a match is at
        // a character's boundary)
        if w[i..].starts_with(s) {
            return Some(lo + i);
        }
        from = i + 1;
        if from > last {
            return None;
        }
    }
    window.find(c.text.as_str()).map(|i| lo + i)
}

/// The places tried before [`sentence_start`] searches.
const TRIES: usize = 8;

/// Lower case with line breaks and tabs as spaces, byte for byte: a
/// context word ("slight injuries") matches across a hard wrap.
pub(super) fn flat_lower(s: &str) -> String {
    // (most text: one pass over the bytes, no case tables)
    if s.is_ascii() {
        let flat = s
            .bytes()
            .map(|b| match b {
                b'\n' | b'\r' | b'\t' => b' ',
                b => b.to_ascii_lowercase(),
            })
            .collect();
        return String::from_utf8(flat).unwrap_or_default();
    }
    // (a capital sigma's lower case depends on its neighbours: only
    // `str::to_lowercase` reads them)
    if s.contains('Σ') {
        return s.to_lowercase().replace(['\n', '\r', '\t'], " ");
    }
    // (each character apart: ASCII by its byte, the rest by its table)
    let mut flat = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => flat.push(' '),
            c if c.is_ascii() => flat.push(c.to_ascii_lowercase()),
            c => flat.extend(c.to_lowercase()),
        }
    }
    flat
}

/// Where `word` (lower-cased) stands in `text` (lower-cased) between word
/// boundaries.
pub(super) fn word_positions<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = usize> + 't {
    // (its first byte found by memchr, the rest compared: the texts here
    // are a sentence or a phrase long, and `str::match_indices` set up a
    // two-way searcher at each call)
    let (t, w) = (text.as_bytes(), word.as_bytes());
    let mut from = 0;
    let found = std::iter::from_fn(move || {
        let &first = w.first()?;
        while from <= t.len() {
            let i = from + memchr::memchr(first, t.get(from..)?)?;
            if t[i..].starts_with(w) {
                from = i + w.len();
                return Some(i);
            }
            from = i + 1;
        }
        None
    });
    // (the empty word stands at every boundary, as `str` finds it)
    let empty = word
        .is_empty()
        .then(|| text.match_indices("").map(|(i, _)| i));
    found.chain(empty.into_iter().flatten()).filter(move |&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Where the place words that are names stand in `text` (lower-cased;
/// `original` is the text as written, byte for byte the same length): a
/// lower-case phrase ("updating a previous toll") is no name.
fn named_spans(text: &str, original: &str, places: &[&str]) -> Vec<(usize, usize)> {
    places
        .iter()
        .flat_map(|p| word_positions(text, p).map(move |i| (i, i + p.len())))
        .filter(|&(i, _)| original[i..].starts_with(char::is_uppercase))
        .collect()
}

/// Where `word` stands in `text` outside every longer name of `names` that
/// holds it: "Mozambique" inside "Island of Mozambique" names the island,
/// not the country.
fn free_positions<'t>(
    text: &'t str,
    word: &'t str,
    names: &'t [(usize, usize)],
) -> impl Iterator<Item = usize> + 't {
    word_positions(text, word).filter(move |&i| {
        !names
            .iter()
            .any(|&(a, b)| b - a > word.len() && a <= i && i + word.len() <= b)
    })
}

/// Whether `text[a..b]` holds a semicolon or a comma before a contrasting
/// conjunction (", while", ", but").
fn contrast_between(text: &str, a: usize, b: usize) -> bool {
    let Some(between) = text.get(a..b) else {
        return false;
    };
    between.contains(';')
        || between.match_indices(',').any(|(i, _)| {
            let next = between[i + 1..].trim_start();
            CONTRASTS.iter().any(|c| {
                next.get(..c.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(c))
                    && !next[c.len()..].starts_with(char::is_alphanumeric)
            })
        })
}

/// Whether `text[a..b]` ends a sentence: a full stop, question or
/// exclamation mark, after its closing marks and citation markers
/// (".[17] "), followed by a space.
fn sentence_between(text: &str, a: usize, b: usize) -> bool {
    let Some(between) = text.get(a..b) else {
        return false;
    };
    // (the `]` found by the last look, from some offset at or before the
    // one asked: when it stands at or after the offset asked, a `]`
    // before it can only close a marker that one of the earlier looks
    // read past, so the reading joins theirs there; the marker after each
    // of a run of ".[" is not read on to the end anew)
    let mut close: Option<usize> = None;
    let mut none_from = usize::MAX;
    let mut close_from = |p: usize| {
        if close.is_some_and(|c| c >= p) {
            return close;
        }
        if p >= none_from {
            return None;
        }
        close = between[p..].find(']').map(|c| p + c);
        if close.is_none() {
            none_from = p;
        }
        close
    };
    between.match_indices(['.', '!', '?']).any(|(i, _)| {
        let mut rest = between[i + 1..].trim_start_matches(['"', '”', '’', ')', ']']);
        while rest.starts_with('[') {
            let marker = between.len() - rest.len() + 1;
            rest = close_from(marker).map_or("", |c| &between[c + 1..]);
        }
        rest.starts_with(char::is_whitespace)
    })
}

/// Whether `word` (a word or phrase, lower-cased) stands in `text` (lower-
/// cased) between word boundaries.
pub(super) fn contains_word(text: &str, word: &str) -> bool {
    word_positions(text, word).next().is_some()
}

#[cfg(test)]
mod tests;
