//! People the article names by a surname alone: who bears it, and
//! whether several do.

use super::{EntityKind, Registry};

impl Registry {
    /// The one person named before, with a full name, whose surname this
    /// is: none when two share it.
    pub(crate) fn person_by_surname(&self, word: &str) -> Option<usize> {
        let mut found = self.entities.bearers(word).filter(|&i| {
            let e = &self.entities[i];
            e.kind == EntityKind::Person && e.name_words.len() >= 2
        });
        let idx = found.next()?;
        found.next().is_none().then_some(idx)
    }

    /// Whether the article names two or more people with this last word
    /// in full ("Ann Smith and Bill Smith met"): a bare "Smith" then means
    /// one of them by a guess.
    pub(crate) fn surname_shared(&self, word: &str) -> bool {
        self.mentioned_by_last.get(word).is_some_and(|found| {
            found
                .iter()
                .filter(|&&i| {
                    let e = &self.entities[i];
                    e.kind == EntityKind::Person && e.name_words.len() >= 2
                })
                .nth(1)
                .is_some()
        })
    }
}
