//! Whether a sentence names a place of its own, one no candidate fact's
//! place words hold: then it is not about the place the paragraph named
//! before it.

use super::candidates::PlaceWords;
use crate::lexicon::Lexicon;

/// A word without the punctuation around it, as written (the word
/// before any citation marker: "states.[1]").
fn bare_as_written(w: &str) -> &str {
    w.trim_start_matches(|c: char| !c.is_alphanumeric())
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
}

/// Whether a sentence places itself: a capitalised name after a place
/// preposition ("in Fujian", "Across Guangdong") that none of the
/// candidates' place words holds (nor is held by one), a name that says it
/// is a region ("Broward County"), or a region it describes ("in the
/// inland states").
pub(super) fn own_place(lx: &Lexicon, sentence: &str, places: &PlaceWords) -> bool {
    let words: Vec<&str> = sentence
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    // (not a part the sentence names: "including everyone in Iberia Parish")
    let part = |k: usize| {
        words[k.saturating_sub(3)..k].iter().any(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .eq_ignore_ascii_case("including")
        })
    };
    let bare = |w: &str| bare_as_written(w).to_lowercase();
    // (asked of every word: compared without a lower-case copy when ASCII)
    let is = |b: &str, want: &str| {
        if b.is_ascii() {
            b.eq_ignore_ascii_case(want)
        } else {
            b.to_lowercase() == want
        }
    };
    let bare_is = |w: &str, want: &str| is(bare_as_written(w), want);
    // (each word read once; a preposition is a short word)
    let preposition: Vec<bool> = words
        .iter()
        .map(|w| {
            let b = bare_as_written(w);
            (!b.is_ascii() || (2..=10).contains(&b.len()))
                && ["in", "across", "throughout", "near"]
                    .iter()
                    .any(|p| is(b, p))
        })
        .collect();
    // a region described in lower case ("in the inland states", "across
    // the northern provinces"): a modifier, then a region noun, the
    // modifier not among the candidates' words ("United States" holds no
    // "inland")
    // (the cheap tests first: most windows open with no preposition)
    let described = words.windows(4).enumerate().any(|(k, w)| {
        let region =
            |h: &str| lx.subregions.contains(h) || lx.subregions.contains(&format!("{h}s"));
        preposition[k]
            && bare_is(w[1], "the")
            && w[2].starts_with(char::is_lowercase)
            && w[3].starts_with(char::is_lowercase)
            && !part(k)
            && {
                let (modifier, head) = (bare(w[2]), bare(w[3]));
                region(&head)
                    && !places.hold(&modifier)
                    && !places.hold(&format!("{modifier} {head}"))
            }
    });
    // a name that says it is a region, opening the sentence ("Broward
    // County had 21 fatalities"); not a longer name ("Kentucky State
    // Police", "Islamic State fighters" mid-sentence, "U.S. Coast Guard")
    let region_named = words.windows(3).take(1).any(|w| {
        let (name, head) = (bare(w[0]), bare(w[1]));
        name.chars().count() > 1
            && !w[2].starts_with(char::is_uppercase)
            && w[0].starts_with(char::is_uppercase)
            && w[1].starts_with(char::is_uppercase)
            && (lx.subregions.contains(&head) || lx.subregions.contains(&format!("{head}s")))
            && !lx.subregions.contains(&name)
            && !lx.not_names.contains(&name)
            && name != "the"
            && !places.hold(&name)
            && !places.hold(&format!("{name} {head}"))
    });
    described
        || region_named
        || words.windows(2).enumerate().any(|(k, w)| {
            let name = w[1].trim_matches(|c: char| !c.is_alphanumeric());
            preposition[k]
                && name.chars().next().is_some_and(char::is_uppercase)
                && name.chars().skip(1).any(char::is_lowercase)
                && !part(k)
                && !lx.not_names.contains(&name.to_lowercase())
                && {
                    let name = name.to_lowercase();
                    !places.hold(&name) && !places.held_by(&name)
                }
        })
}
