//! Whether a sentence may hold a figure at all: every figure's metric is a
//! cue's, found word for word in the sentence (or a figure's before it in
//! the sentence, itself a cue's), so a sentence in which no cue stands
//! whole has none, and its numbers are not read. Most numbers of a
//! business wire ("a net loss of 3.5 mln dlrs") stand in such sentences.
//!
//! One word of each cue part marks it ([`METRIC_WORD`] in a token's
//! classes); only at a marked word is the part looked for.

use rustc_hash::FxHashMap as HashMap;

use super::MetricCue;
use crate::lang::tokens::{Token, KNOWN, METRIC_WORD};

/// A cue sharing its part with more cues than this is taken as standing
/// once its part does, and a word marking more parts than this as marking
/// one that stands (a reference's `{country}` slot makes thousands of
/// cues of one part): the check stays a few steps per word.
const MAX_CHECKED: usize = 64;

/// The words of one cue part (words before or after the number slot).
#[derive(Debug, Clone)]
struct Part {
    words: Vec<String>,
    /// Where the marking word stands in `words`.
    key: usize,
    /// The cues holding the part.
    cues: Vec<usize>,
}

/// Cue parts by their marking word, and each cue's parts.
#[derive(Debug, Clone, Default)]
pub(crate) struct CueMarks {
    parts: Vec<Part>,
    by_key: HashMap<String, Vec<usize>>,
    /// Per cue, its parts (before the slot, after it).
    of_cue: Vec<[Option<usize>; 2]>,
}

impl CueMarks {
    /// The parts of `cues`, each marked by its longest word (the last of
    /// the longest), which is most often the rarest in text, unless more
    /// parts than are checked hold it and the part has another: "syria"
    /// for "fleeing syria", not "fleeing" that hundreds of `{country}`
    /// parts share.
    pub(super) fn new(cues: &[MetricCue]) -> CueMarks {
        let mut marks = CueMarks::default();
        let mut known: HashMap<&[String], usize> = HashMap::default();
        for (c, cue) in cues.iter().enumerate() {
            let mut of_cue = [None, None];
            for (slot, words) in [&cue.pre, &cue.post].into_iter().enumerate() {
                if words.is_empty() {
                    continue;
                }
                let p = *known.entry(words.as_slice()).or_insert_with(|| {
                    marks.parts.push(Part {
                        words: words.clone(),
                        key: 0,
                        cues: Vec::new(),
                    });
                    marks.parts.len() - 1
                });
                marks.parts[p].cues.push(c);
                of_cue[slot] = Some(p);
            }
            marks.of_cue.push(of_cue);
        }
        let mut holding: HashMap<&str, usize> = HashMap::default();
        for part in &marks.parts {
            let mut words: Vec<&str> = part.words.iter().map(String::as_str).collect();
            words.sort_unstable();
            words.dedup();
            for w in words {
                *holding.entry(w).or_default() += 1;
            }
        }
        let keys: Vec<usize> = marks
            .parts
            .iter()
            .map(|part| {
                let w = &part.words;
                (0..w.len())
                    .max_by_key(|&i| {
                        let shared = holding[w[i].as_str()] > MAX_CHECKED;
                        (!shared, w[i].chars().count(), i)
                    })
                    .unwrap_or(0)
            })
            .collect();
        for (p, key) in keys.into_iter().enumerate() {
            marks.parts[p].key = key;
            let word = marks.parts[p].words[key].clone();
            marks.by_key.entry(word).or_default().push(p);
        }
        marks
    }

    /// The marking words (for [`METRIC_WORD`]).
    pub(super) fn keys(&self) -> impl Iterator<Item = &String> {
        self.by_key.keys()
    }

    /// Whether some cue stands whole in `toks`, whose classes' union is
    /// `classes` ([`crate::lang::tokens::union`]): each of its parts as
    /// word tokens. A token whose classes are not read may mark any part.
    pub(crate) fn any_cue(&self, toks: &[Token], classes: u64) -> bool {
        if classes & KNOWN == 0 {
            return true;
        }
        // (most sentences have no marked word: their union says so)
        if classes & METRIC_WORD == 0 {
            return false;
        }
        let mut found: Vec<usize> = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            if t.classes & METRIC_WORD == 0 {
                continue;
            }
            let Some(parts) = self.by_key.get(t.lower.as_str()) else {
                continue;
            };
            if parts.len() > MAX_CHECKED {
                return true;
            }
            for &p in parts {
                if self.parts[p].stands_at(toks, i) {
                    found.push(p);
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        found.iter().any(|&p| {
            let cues = &self.parts[p].cues;
            cues.len() > MAX_CHECKED
                || cues.iter().any(|&c| {
                    self.of_cue[c]
                        .iter()
                        .flatten()
                        .all(|q| found.binary_search(q).is_ok())
                })
        })
    }
}

impl Part {
    /// Whether the part's words are the word tokens around `i`, its
    /// marking word at `i`.
    fn stands_at(&self, toks: &[Token], i: usize) -> bool {
        i.checked_sub(self.key)
            .is_some_and(|from| super::qualifiers::words_at(toks, from, &self.words))
    }
}
