//! A figure with a scene of its own: a town the facts do not name ("In
//! Arno, 12 people are missing") or a site ("injured at the central
//! station"). Below a fact the article states elsewhere as the reference
//! has it, such a figure is one place's or one incident's share, so its
//! disagreement is a warning, never a rewrite to the whole toll.

use super::own_place::own_place;
use super::place::{contains_word, flat_lower};
use super::Checker;
use crate::lexicon::grammar::CLOSED_CLASS;
use crate::lexicon::Lexicon;
use crate::model::{Claim, Quantity};
use crate::reference::Fact;

/// Prepositions that put a count at a site.
const AT: &[&str] = &["at", "in", "inside", "outside", "near", "on"];
/// Words between the preposition and the site noun ("at the central bus station").
const MAX_MODIFIERS: usize = 2;

impl Checker<'_> {
    /// Whether the figure's sentence gives it a scene of its own, one the
    /// fact's `context:` does not name ("three in Utah" is the Utah fact's
    /// figure, whatever else the sentence names).
    pub(super) fn own_scene(&self, c: &Claim, q: &Quantity, fact: &Fact) -> bool {
        let lx = &self.reference.lexicon;
        if let Some(place) = q.place.as_deref() {
            let place = flat_lower(place);
            return !fact
                .context
                .iter()
                .any(|w| contains_word(&place, &w.to_lowercase()));
        }
        let percent = q.unit.as_deref() == Some("percent");
        let town = self
            .by_metric
            .get(&(q.metric.as_str(), percent))
            .is_some_and(|cands| own_place(lx, &c.text, &cands.places));
        town || at_a_site(lx, &c.text)
    }
}

/// Whether the sentence puts something at a site: a place preposition,
/// a determiner, at most [`MAX_MODIFIERS`] words, then a site noun that
/// ends its phrase ("at the central station.", not "in the market
/// bombing").
fn at_a_site(lx: &Lexicon, sentence: &str) -> bool {
    let words: Vec<String> = sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    // (punctuation ends a phrase too: find where each word is followed by it)
    let ends: Vec<bool> = phrase_ends(sentence, words.len());
    words.iter().enumerate().any(|(k, w)| {
        AT.contains(&w.as_str())
            && words
                .get(k + 1)
                .is_some_and(|d| ["the", "a", "an", "its", "their", "one"].contains(&d.as_str()))
            && (k + 2..(k + 3 + MAX_MODIFIERS).min(words.len())).any(|j| {
                lx.sites.contains(&words[j])
                    && (ends[j]
                        || words
                            .get(j + 1)
                            .is_none_or(|n| CLOSED_CLASS.contains(&n.as_str())))
                    // (the words between modify the site: no verb, no number)
                    && words[k + 2..j].iter().all(|m| {
                        !CLOSED_CLASS.contains(&m.as_str())
                            && !m.chars().all(|c| c.is_ascii_digit())
                    })
            })
    })
}

/// For each of the sentence's `n` words, whether punctuation follows it.
fn phrase_ends(sentence: &str, n: usize) -> Vec<bool> {
    let mut ends = Vec::with_capacity(n);
    let mut in_word = false;
    for ch in sentence.chars() {
        let word_char = ch.is_alphanumeric() || ch == '-' || ch == '\'';
        if word_char {
            in_word = true;
        } else {
            if in_word {
                ends.push(false);
            }
            in_word = false;
            if !ch.is_whitespace() {
                if let Some(last) = ends.last_mut() {
                    *last = true;
                }
            }
        }
    }
    if in_word {
        ends.push(true);
    }
    ends.resize(n, true);
    ends
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_ends_its_phrase() {
        let lx = Lexicon::default_ref();
        assert!(at_a_site(lx, "Ninety were injured at the central station."));
        assert!(at_a_site(lx, "Six died at a school in the north"));
        assert!(!at_a_site(lx, "Ninety were injured in the market bombing."));
        assert!(!at_a_site(lx, "Ninety were injured in the attack."));
        assert!(!at_a_site(lx, "Ninety were taken to the hospital."));
    }
}
