//! The entities of one article's registry: the reference's sources,
//! shared by every article's copy and copied only where an article changes
//! one, then the article's own. A copy per article so costs what the
//! article names, not the reference's 100,000 sources.

use std::ops::Index;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::Entity;

#[derive(Debug, Default, Clone)]
pub(crate) struct Entities {
    /// The reference's sources, as [`Entities::seal`] left them.
    sealed: Arc<Vec<Entity>>,
    /// Sealed entities by the last word of their name.
    sealed_by_last: Arc<FxHashMap<String, Vec<usize>>>,
    /// Sealed entities this article changed (a title, a longer name).
    changed: FxHashMap<usize, Entity>,
    /// The article's own entities, numbered after the sealed ones.
    own: Vec<Entity>,
    own_by_last: FxHashMap<String, Vec<usize>>,
}

impl Entities {
    /// How many there are; ids run from 0.
    pub(crate) fn len(&self) -> usize {
        self.sealed.len() + self.own.len()
    }

    /// Add an entity, indexed by the last word of its name; its id.
    pub(crate) fn push(&mut self, e: Entity) -> usize {
        let idx = self.len();
        let last = e.name_words.last().cloned().unwrap_or_default();
        self.own_by_last.entry(last).or_default().push(idx);
        self.own.push(e);
        idx
    }

    /// Entity `i`, to change: a sealed one is copied first.
    pub(crate) fn get_mut(&mut self, i: usize) -> &mut Entity {
        let n = self.sealed.len();
        if i < n {
            let sealed = &self.sealed;
            self.changed.entry(i).or_insert_with(|| sealed[i].clone())
        } else {
            &mut self.own[i - n]
        }
    }

    /// The entities whose name ends with `word`, oldest first.
    pub(crate) fn bearers<'a>(&'a self, word: &str) -> impl Iterator<Item = usize> + 'a {
        let sealed = self.sealed_by_last.get(word).into_iter().flatten();
        sealed
            .chain(self.own_by_last.get(word).into_iter().flatten())
            .copied()
    }

    /// Make every entity so far shared by the copies made from now on.
    pub(crate) fn seal(&mut self) {
        let mut all: Vec<Entity> = Arc::unwrap_or_clone(std::mem::take(&mut self.sealed));
        all.append(&mut self.own);
        for (i, e) in self.changed.drain() {
            all[i] = e;
        }
        let mut by_last = Arc::unwrap_or_clone(std::mem::take(&mut self.sealed_by_last));
        for (w, ids) in self.own_by_last.drain() {
            by_last.entry(w).or_default().extend(ids);
        }
        self.sealed = Arc::new(all);
        self.sealed_by_last = Arc::new(by_last);
    }
}

impl Index<usize> for Entities {
    type Output = Entity;

    fn index(&self, i: usize) -> &Entity {
        let n = self.sealed.len();
        if i < n {
            self.changed.get(&i).unwrap_or(&self.sealed[i])
        } else {
            &self.own[i - n]
        }
    }
}
