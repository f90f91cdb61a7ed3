//! Whether a pronoun fits a person: "she" never stands for someone whose
//! title says he is a man ("Mr", "spokesman", "King"), nor "he" for a
//! woman's. A person no title tells of fits both: most names say nothing
//! the lexicon could know.

use super::Entity;
use crate::lexicon::Lexicon;

const FEMININE: &[&str] = &["she", "her", "hers", "herself"];
const MASCULINE: &[&str] = &["he", "him", "his", "himself"];

/// Whether the pronoun `word` (lower case) may stand for `e`.
pub(super) fn fits(e: &Entity, word: &str, lexicon: &Lexicon) -> bool {
    let titled = |list: &rustc_hash::FxHashSet<String>| {
        e.titles
            .iter()
            .flat_map(|t| t.split_whitespace())
            .any(|w| list.contains(w.trim_end_matches('.')))
    };
    if FEMININE.contains(&word) {
        !titled(&lexicon.male_titles)
    } else if MASCULINE.contains(&word) {
        !titled(&lexicon.female_titles)
    } else {
        true
    }
}
