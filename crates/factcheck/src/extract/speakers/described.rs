//! Speakers described rather than named: "the source", "the minister",
//! and a reference name that opens a longer description.

use super::{name_head, same_role, EntityKind, Registry};
use crate::lexicon::Lexicon;

impl Registry {
    /// "the source", "the medical source": the latest speaker whose name's
    /// head is that noun ("a source at Aleppo Police Command", "SANA
    /// reporter"), with the description's modifier among its words. A
    /// definite description points back; only a new name starts a new
    /// speaker. A plural ("the analysts") may mean a group no one named,
    /// or several named ones, so it points back only to its own words.
    pub(super) fn described(&self, lower: &[String]) -> Option<usize> {
        let (head, modifiers) = lower.split_last()?;
        let plural = head.ends_with('s') && !head.ends_with("ss");
        if modifiers.len() > 1 || plural {
            return None;
        }
        self.recent_first().find(|&i| {
            let e = &self.entities[i];
            name_head(&e.name_words) == Some(head.as_str())
                && modifiers.iter().all(|m| e.name_words.contains(m))
        })
    }

    /// The reference's person whose full name (two words or more) opens
    /// the mention, followed by a capitalised word or a title.
    pub(super) fn named_first(
        &self,
        words: &[&str],
        lower: &[String],
        lexicon: &Lexicon,
    ) -> Option<usize> {
        self.known
            .by_first
            .get(lower.first()?)?
            .iter()
            .map(|&k| &self.known.names[k])
            .filter(|(_, idx)| self.entities[*idx].kind == EntityKind::Person)
            .find(|(n, _)| {
                let name: Vec<&str> = n.split(' ').collect();
                name.len() >= 2
                    && lower.len() > name.len()
                    && lower[..name.len()].iter().zip(&name).all(|(a, b)| a == b)
                    && (words[name.len()].starts_with(char::is_uppercase)
                        || lexicon.titles.contains(lower[name.len()].as_str()))
            })
            .map(|&(_, idx)| idx)
    }

    /// Title only: "the minister" → the last speaker with that title, or
    /// else the last person named without one ("Igor Konashenkov briefed
    /// … The spokesman said"), who then holds the title. "The prime
    /// minister" is not the health minister named before.
    pub(super) fn title_holder(&mut self, title: &String) -> Option<usize> {
        let holder = self
            .recent_first()
            .find(|&i| self.entities[i].titles.iter().any(|t| same_role(t, title)));
        let untitled = || {
            self.recent_first().find(|&i| {
                let e = &self.entities[i];
                e.kind == EntityKind::Person
                    && e.titles.is_empty()
                    && e.source.is_none()
                    && e.name_words.len() >= 2
            })
        };
        let idx = holder.or_else(untitled)?;
        let e = self.entities.get_mut(idx);
        if !e.titles.contains(title) {
            e.titles.push(title.clone());
        }
        Some(self.touch(idx))
    }

    /// Whether `phrase` (lower-cased words, two or more, one space
    /// between) is a name or alias of a source the reference knows (not
    /// its id): "civil protection said" names the agency though no word of
    /// it is capitalised or a group's.
    pub(crate) fn knows_phrase(&self, phrase: &str) -> bool {
        self.known.index.contains_key(phrase) && !self.known.ids.contains(phrase)
    }

    /// Whether a name the reference knows may end with the word `last`
    /// (lower-cased): false for most words, and when it names no source.
    pub(crate) fn may_end_a_name(&self, last: &str) -> bool {
        !self.known.last_words.is_empty() && self.known.last_words.contains(last)
    }
}
