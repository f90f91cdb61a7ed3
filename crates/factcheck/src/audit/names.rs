//! Which words of an archive name a place or an event: the words that tie
//! two articles' figures to one thing. Read from the archive itself, not a
//! gazetteer: a word is a name when the archive writes it capitalised
//! inside sentences (nearly always), and it identifies an event when few
//! articles name it — "Syria" in an archive of the Syrian war, or
//! "Turkey" in most of its stories, ties nothing together.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::lexicon::Lexicon;
use crate::model::{ArticleClaims, Claim};

/// A name in more articles that count something than this (or than one
/// in a hundred of them) is too common to tie two figures to one event.
const COMMON_AT_LEAST: usize = 8;

/// The share of a word's appearances inside sentences that must be
/// capitalised for it to be read as a name ("Attacks" in a title-case
/// headline is no name: the archive writes "attacks" too).
const CAPITALISED_SHARE: f64 = 0.8;

/// The archive's names and how many articles name each.
pub(super) struct Names<'l> {
    lexicon: &'l Lexicon,
    /// Lower-cased word → (capitalised inside a sentence, in lower case).
    case: HashMap<String, (usize, usize)>,
    /// Lower-cased word → articles that write it capitalised.
    articles: HashMap<String, usize>,
    /// Lower-cased word → its first capitalised spelling, for reports.
    spelling: HashMap<String, String>,
    common_at: usize,
}

/// The words of a sentence past its first (all of them, `from_start`
/// false: a run inside a sentence), each [`bare`].
fn inner_words(text: &str, from_start: bool) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .skip(usize::from(from_start))
        .map(bare)
        .filter(|w| !w.is_empty())
}

/// A word trimmed of punctuation and of a possessive ("Saturday's" is
/// "Saturday").
fn bare(w: &str) -> &str {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    ["'s", "’s"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w)
}

impl<'l> Names<'l> {
    /// Count, over every claim sentence of the archive (each once per
    /// article), how each word is written.
    pub(super) fn of(articles: &[ArticleClaims], lexicon: &'l Lexicon) -> Names<'l> {
        let mut case: HashMap<String, (usize, usize)> = HashMap::new();
        let mut named: HashMap<String, usize> = HashMap::new();
        let mut spelling: HashMap<String, String> = HashMap::new();
        // (how common a name is, among the articles that count something:
        // an archive's other stories do not make "Aleppo" rare)
        let mut counting = 0;
        for a in articles {
            let counts = a.claims.iter().any(|c| c.quantity.is_some());
            counting += usize::from(counts);
            let mut sentences: HashSet<&str> = HashSet::new();
            let mut capitalised: HashSet<String> = HashSet::new();
            for c in &a.claims {
                if !sentences.insert(c.text.as_str()) {
                    continue;
                }
                for w in inner_words(&c.text, true) {
                    let lower = w.to_lowercase();
                    let entry = case.entry(lower.clone()).or_default();
                    if w.starts_with(char::is_uppercase) {
                        entry.0 += 1;
                        if !spelling.contains_key(&lower) {
                            spelling.insert(lower.clone(), w.to_string());
                        }
                        capitalised.insert(lower);
                    } else if w.starts_with(char::is_lowercase) {
                        entry.1 += 1;
                    }
                }
            }
            for w in capitalised.into_iter().filter(|_| counts) {
                *named.entry(w).or_default() += 1;
            }
        }
        Names {
            lexicon,
            case,
            articles: named,
            spelling,
            common_at: (counting / 100).max(COMMON_AT_LEAST),
        }
    }

    /// A name as the archive first writes it ("Khan Sheikhoun").
    pub(super) fn shown(&self, lower: &str) -> String {
        self.spelling
            .get(lower)
            .cloned()
            .unwrap_or_else(|| lower.to_string())
    }

    /// The names `keys` (lower-cased) as `text` writes them, words that
    /// stand together joined ("Halvik Pass", not "Halvik" and "Pass");
    /// a key the text does not hold as [`Names::shown`] has it.
    pub(super) fn phrases(&self, text: &str, keys: &BTreeSet<String>) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut shown: HashSet<String> = HashSet::new();
        let mut found: HashSet<String> = HashSet::new();
        let mut run: Vec<&str> = Vec::new();
        let words = text.split_whitespace().map(bare);
        for w in words.chain(std::iter::once("")) {
            let lower = w.to_lowercase();
            if keys.contains(&lower) {
                found.insert(lower);
                run.push(w);
                continue;
            }
            let phrase = run.join(" ");
            if !run.is_empty() && shown.insert(phrase.clone()) {
                out.push(phrase);
            }
            run.clear();
        }
        out.extend(
            keys.iter()
                .filter(|k| !found.contains(*k))
                .map(|k| self.shown(k)),
        );
        out
    }

    /// Whether `lower` is a name rare enough to tie figures to one event.
    fn telling(&self, lower: &str) -> bool {
        let (cap, low) = self.case.get(lower).copied().unwrap_or((1, 0));
        lower.chars().count() >= 3
            && cap as f64 >= CAPITALISED_SHARE * (cap + low) as f64
            && self.articles.get(lower).copied().unwrap_or(1) <= self.common_at
            && [Some(lower), lower.strip_suffix('s')]
                .into_iter()
                .flatten()
                .all(|w| !self.lexicon.not_names.contains(w) && !self.lexicon.months.contains(w))
    }

    /// The telling names of a claim's sentence near its figure — the
    /// bytes `zone` of the sentence, between the figures before and after
    /// it — and of the place named after the figure, lower-cased; never
    /// the words of the claim's own source: two tolls from one monitor are
    /// not one toll.
    pub(super) fn of_claim(&self, claim: &Claim, zone: (usize, usize)) -> BTreeSet<String> {
        let source: HashSet<String> = claim
            .attribution
            .iter()
            .flat_map(|a| {
                a.mention
                    .split_whitespace()
                    .chain(a.speaker.split_whitespace())
            })
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect();
        let place = claim.quantity.as_ref().and_then(|q| q.place.as_deref());
        let near = claim.text.get(zone.0..zone.1).unwrap_or(&claim.text);
        inner_words(near, zone.0 == 0)
            .filter(|w| w.starts_with(char::is_uppercase))
            .chain(place.into_iter().flat_map(str::split_whitespace))
            .map(str::to_lowercase)
            .filter(|w| !source.contains(w) && self.telling(w))
            .collect()
    }
}
