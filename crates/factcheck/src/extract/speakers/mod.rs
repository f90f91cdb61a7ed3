//! Speakers and who they are: one canonical name per entity in an article.
//!
//! Mentions are grouped into entities as the article is read: a bare
//! surname ("fomin") joins the person it ends, "the minister" the last
//! speaker with that title, "he"/"they" the last fitting speaker. When a
//! reference is given, its source names and aliases win.

mod described;
mod entities;
mod gender;
mod lowered;
mod mention;
mod surnames;

use crate::lang::names::normalise_name;
use crate::lexicon::grammar::{ARTICLES, PLACE_PREPOSITIONS, PRONOUNS_PERSON};
use crate::lexicon::Lexicon;
use lowered::{lower_word, lowered, lowered_key};
use mention::Mention;

/// A source from the reference: id, name and aliases. Public only because
/// `Reference::known_sources` returns it; not re-exported.
#[derive(Debug, Clone)]
pub struct KnownSource {
    /// The source's id in the reference.
    pub id: String,
    /// The name reports show for the source.
    pub name: String,
    /// Other names the source goes by in articles.
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntityKind {
    Person,
    Group,
}

#[derive(Debug, Clone)]
pub(crate) struct Entity {
    pub canonical: String,
    pub kind: EntityKind,
    /// Roles as written before the name, lower-cased ("health minister").
    pub titles: Vec<String>,
    /// Lower-cased words of the name, for surname and alias matching.
    pub name_words: Vec<String>,
    pub source: Option<String>,
}

#[derive(Debug, Default, Clone)]
pub(crate) struct Registry {
    pub entities: entities::Entities,
    /// The reference's names, shared by every article's copy of the
    /// seeded registry: never changed after it is built, so a copy per
    /// article costs nothing for a reference of 100,000 aliases.
    known: std::sync::Arc<Known>,
    /// Entity ids as they were mentioned, oldest first; an id's entries
    /// before its latest are stale (kept: removing them would cost a scan
    /// per mention).
    recent: Vec<usize>,
    /// Per entity, the position of its latest mention in `recent`.
    stamp: rustc_hash::FxHashMap<usize, usize>,
    /// Entities the article mentioned, by the last word of their name: a
    /// later mention merges only with these, and a reference of 200,000
    /// Smiths must not cost each "Smith" a look at all of them.
    mentioned_by_last: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// Shares of those polled, by their words.
    shares: rustc_hash::FxHashMap<String, usize>,
}

/// The names a reference gives its sources, and their indexes.
#[derive(Debug, Default)]
struct Known {
    /// Each name and the entity it gives.
    names: Vec<(String, usize)>,
    /// The first entity each known name gives, and known names (their
    /// index in `names`) by first word and by head noun: a look-up per
    /// mention, not a scan of a reference's thousands of names.
    index: rustc_hash::FxHashMap<String, usize>,
    by_first: rustc_hash::FxHashMap<String, Vec<usize>>,
    by_head: rustc_hash::FxHashMap<Option<String>, Vec<usize>>,
    /// Keys that are a source's id and none of its names: a curator's slug
    /// ("fomin" finds "fomin said"), which names no one described ("the
    /// mayor" is no name because a source's id is `mayor`).
    ids: rustc_hash::FxHashSet<String>,
    /// The last word of every key of `index`: a phrase whose last word is
    /// none of them is no known name, and is not written out to be looked
    /// up (most mentions and phrases before a cue).
    last_words: rustc_hash::FxHashSet<String>,
}

/// How many mentions back a pronoun or a bare title looks for whom it
/// means: far more than any article needs, and a bound on the work.
const RECENT_REACH: usize = 1024;

/// How many of the people an article names with one last word a new
/// mention of it is compared with, the latest named first: more than any
/// article names, and a bound on the work (60,000 Smiths took 32 s).
const SURNAME_REACH: usize = 256;

impl Registry {
    /// Add an entity, indexed by the last word of its name.
    fn add(&mut self, e: Entity) -> usize {
        self.entities.push(e)
    }

    /// Entities newest-mentioned first, each once, as far as
    /// [`RECENT_REACH`] mentions back.
    fn recent_first(&self) -> impl Iterator<Item = usize> + '_ {
        let n = self.recent.len();
        self.recent[n.saturating_sub(RECENT_REACH)..]
            .iter()
            .enumerate()
            .rev()
            .filter(move |&(k, &i)| {
                self.stamp.get(&i) == Some(&(n.saturating_sub(RECENT_REACH) + k))
            })
            .map(|(_, &i)| i)
    }

    pub(crate) fn new(sources: &[KnownSource], lexicon: &Lexicon) -> Registry {
        let mut r = Registry::default();
        let mut known = Known::default();
        for s in sources {
            let mut names: Vec<String> = vec![normalise_name(&s.name), normalise_name(&s.id)];
            names.extend(s.aliases.iter().map(|a| normalise_name(a)));
            let idx = r.add(Entity {
                canonical: s.name.clone(),
                // a person or a group as its name reads, so that "he" and
                // "it" find the reference's sources as they find the
                // article's own speakers
                kind: kind_of_name(&s.name, lexicon),
                titles: Vec::new(),
                name_words: normalise_name(&s.name)
                    .split(' ')
                    .map(String::from)
                    .collect(),
                source: Some(s.id.clone()),
            });
            if !names[..1].contains(&names[1]) && !names[2..].contains(&names[1]) {
                known.ids.insert(names[1].clone());
            }
            for n in names {
                known.names.push((n, idx));
            }
        }
        // read as a mention is: "a doctor" is known as "doctor"; and an
        // indefinite description placed by a phrase ("a correspondent in
        // the field") is what the article's "a correspondent" names, when
        // no other source is such a one
        let mut heads: Vec<(String, usize)> = Vec::new();
        for (n, idx) in known.names.clone() {
            let words: Vec<&str> = n.split(' ').collect();
            let (_, determiner) = lowered(&words);
            if !determiner {
                continue;
            }
            known.names.push((words[1..].join(" "), idx));
            let place = words
                .iter()
                .skip(2)
                .position(|w| PLACE_PREPOSITIONS.contains(w) || *w == "of")
                .map(|p| p + 2);
            if let Some(p) = place {
                heads.push((words[1..p].join(" "), idx));
            }
        }
        let mut owners: rustc_hash::FxHashMap<&str, Vec<usize>> = Default::default();
        for (h, idx) in &heads {
            owners.entry(h.as_str()).or_default().push(*idx);
        }
        let mut names: rustc_hash::FxHashSet<String> =
            known.names.iter().map(|(n, _)| n.clone()).collect();
        for (h, idx) in &heads {
            let unique = owners[h.as_str()].iter().all(|i| i == idx);
            if unique && names.insert(h.clone()) {
                known.names.push((h.clone(), *idx));
            }
        }
        for (k, (n, idx)) in known.names.iter().enumerate() {
            known.index.entry(n.clone()).or_insert(*idx);
            known
                .last_words
                .insert(n.rsplit(' ').next().unwrap_or_default().to_string());
            let words: Vec<String> = n.split(' ').map(String::from).collect();
            known.by_first.entry(words[0].clone()).or_default().push(k);
            known
                .by_head
                .entry(name_head(&words).map(String::from))
                .or_default()
                .push(k);
        }
        r.known = std::sync::Arc::new(known);
        r.entities.seal();
        r
    }

    /// Whether `mention` is a name or alias the reference gives a source:
    /// the curator vouches that these words name it.
    pub(crate) fn is_known_name(&self, mention: &str) -> bool {
        let (lower, determiner) = lowered(&mention.split_whitespace().collect::<Vec<_>>());
        let full = lower[usize::from(determiner)..].join(" ");
        self.known.index.contains_key(&full)
    }

    /// Whether `mention` names its source for sure: a name the reference
    /// gives it, and, when it is a description in lower case after an
    /// article ("the source"), one whose head noun no other source's names
    /// share ("a
    /// source at Hasaka Police Command"): there the description points back
    /// to whichever source the article named last, which is a guess.
    pub(crate) fn names_surely(&self, mention: &str) -> bool {
        if self.known.index.is_empty() {
            return false;
        }
        // (the key's last word is the mention's, but for an article alone;
        // read from the ends, the words split only for a mention that
        // ends as a name does: most end as none)
        let mut ends = mention.split_whitespace();
        let last = ends.next_back();
        let alone = last.is_some() && ends.next().is_none();
        let last = last.map(lower_word).unwrap_or_default();
        let last = if alone && ARTICLES.contains(&last.as_ref()) {
            ""
        } else {
            last.as_ref()
        };
        if !self.known.last_words.contains(last) {
            return false;
        }
        let words: Vec<&str> = mention.split_whitespace().collect();
        let (full, determiner) = lowered_key(&words);
        let Some(&idx) = self.known.index.get(&full) else {
            return false;
        };
        let description = determiner
            && words[1..]
                .iter()
                .all(|w| w.starts_with(|c: char| !c.is_uppercase()));
        if !description {
            return true;
        }
        if self.known.ids.contains(&full) {
            return false;
        }
        let (lower, _) = lowered(&words);
        let head = name_head(&lower[1..]).map(String::from);
        !self
            .known
            .by_head
            .get(&head)
            .is_some_and(|ks| ks.iter().any(|&k| self.known.names[k].1 != idx))
    }

    /// Make `idx` the most recently mentioned entity.
    pub(crate) fn touch(&mut self, idx: usize) -> usize {
        if self.stamp.insert(idx, self.recent.len()).is_none() {
            // (a name grows only at its front, so its last word is its key
            // for good)
            let last = self.entities[idx]
                .name_words
                .last()
                .map_or("", String::as_str);
            match self.mentioned_by_last.get_mut(last) {
                Some(ids) => ids.push(idx),
                None => {
                    let last = last.to_string();
                    self.mentioned_by_last.insert(last, vec![idx]);
                }
            }
        }
        self.recent.push(idx);
        idx
    }

    /// Resolve a pronoun to the most recent fitting entity: of its kind,
    /// and of its gender where a title tells ("Mr Adeyemi" is no "she").
    pub(crate) fn pronoun(&mut self, word: &str, lexicon: &Lexicon) -> Option<usize> {
        let want = if PRONOUNS_PERSON.contains(&word) {
            EntityKind::Person
        } else {
            EntityKind::Group
        };
        let idx = self.recent_first().find(|&i| {
            self.entities[i].kind == want && gender::fits(&self.entities[i], word, lexicon)
        })?;
        Some(self.touch(idx))
    }

    /// A share of those polled ("nearly half", "54 percent"): a group
    /// named by its words as written, never a name a later pronoun or
    /// surname stands for.
    pub(crate) fn share(&mut self, phrase: &str) -> usize {
        let canonical = phrase
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if let Some(&idx) = self.shares.get(&canonical) {
            return idx;
        }
        let idx = self.add(Entity {
            canonical: canonical.clone(),
            kind: EntityKind::Group,
            titles: Vec::new(),
            name_words: Vec::new(),
            source: None,
        });
        self.shares.insert(canonical, idx);
        idx
    }

    /// Resolve a noun-phrase mention (words as written) to an entity,
    /// creating one if it is new.
    pub(crate) fn mention<S: AsRef<str>>(
        &mut self,
        words: &[S],
        lexicon: &Lexicon,
    ) -> Option<usize> {
        let words: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
        let definite = words.first().is_some_and(|w| w.eq_ignore_ascii_case("the"));
        let (lower, determiner) = lowered(&words);
        let start = usize::from(determiner);
        let lower = &lower[start..];
        let words = &words[start..];
        if lower.is_empty() {
            return None;
        }
        // (with no reference names, as when extracting alone, no words are
        // joined to be looked up)
        let any_known = !self.known.index.is_empty();
        // a reference name or alias
        // (its titles held as an article's name holds them: "Governor Bill
        // Smith" makes him "the governor" after)
        // (joined only when its last word ends a name: most end none; a
        // word is a token's text, with no space, so it is the key's last)
        let known = (any_known
            && lower
                .last()
                .is_some_and(|w| self.known.last_words.contains(w)))
        .then(|| self.known.index.get(&lower.join(" ")).copied())
        .flatten();
        if let Some(idx) = known {
            let m = Mention::read(words, lower, determiner, lexicon);
            if let (Some(t), false) = (m.last_title, m.name_part.is_empty()) {
                let title = lower[..=t].join(" ");
                let e = self.entities.get_mut(idx);
                if !e.titles.contains(&title) {
                    e.titles.push(title);
                }
            }
            return Some(self.touch(idx));
        }
        // (a name the reference knows after its owner: "the government's
        // Bureau for Information")
        let owner_end = lower
            .iter()
            .position(|w| w.ends_with("'s") || w.ends_with("’s"));
        if let Some(k) = owner_end.filter(|&k| k + 1 < lower.len()) {
            if k == 0 {
                if let Some(&idx) = self.known.index.get(&lower[1..].join(" ")) {
                    return Some(self.touch(idx));
                }
            }
            // and a known source's office, spokesman or figures speak for
            // it: "Bill Smith's office", "the WHO's figures" (but "Diaz's
            // deputy" is someone else)
            let speaks_for = lower[k + 1..].iter().all(|w| {
                lexicon.proxies.contains(w.as_str()) || lexicon.organisations.contains(w.as_str())
            });
            if speaks_for {
                let mut owner = lower[..=k].to_vec();
                let last = owner[k]
                    .trim_end_matches("'s")
                    .trim_end_matches("’s")
                    .to_string();
                owner[k] = last;
                if let Some(&idx) = self.known.index.get(&owner.join(" ")) {
                    return Some(self.touch(idx));
                }
            }
        }
        // a person's name the reference knows, then a description that
        // lost its commas: "Redur Khalil Human Rights Watchs executive
        // director" is Khalil (a group's name before a role is not: "Human
        // Rights Watch director Kenneth Roth")
        if let Some(idx) = self.named_first(words, lower, lexicon) {
            return Some(self.touch(idx));
        }
        let m = Mention::read(words, lower, determiner, lexicon);
        // "a senior official" brings in someone new; "the official" may be
        // someone named before
        let indefinite = determiner && !definite;
        // (and "Diaz's deputy" is someone else than Diaz, and than the last
        // person named)
        let owned = lower.iter().any(|w| w.ends_with("'s") || w.ends_with("’s"));
        if m.last_title == Some(lower.len() - 1) && !m.head_is_org && !indefinite && !owned {
            if let Some(idx) = self.title_holder(&lower.join(" ")) {
                return Some(idx);
            }
        }
        if definite && m.common_noun {
            if let Some(idx) = self.described(lower) {
                // a name that capitalises the description's noun ("Vancouver
                // Stock Exchange", "the exchange"; "Central Bureau of
                // Statistics", "the bureau") names a body, never a person:
                // "it" is then the exchange
                let e = self.entities.get_mut(idx);
                let head = words[words.len() - 1];
                if e.canonical
                    .split_whitespace()
                    .any(|w| w.starts_with(char::is_uppercase) && w.eq_ignore_ascii_case(head))
                {
                    e.kind = EntityKind::Group;
                }
                return Some(self.touch(idx));
            }
        }
        let known = any_known
            .then(|| self.known.index.get(&m.name_words.join(" ")).copied())
            .flatten();
        if let Some(idx) = known {
            return Some(self.touch(idx));
        }
        Some(self.merge_or_add(m, words, lower, lexicon))
    }

    /// An earlier entity whose name ends with this one ("Fomin" → "Alexander
    /// Fomin"), or that this fuller name extends ("Volodymyr Zelensky" after
    /// "Zelensky"), takes the mention and its titles; else a new entity.
    fn merge_or_add(
        &mut self,
        m: Mention,
        words: &[&str],
        lower: &[String],
        lexicon: &Lexicon,
    ) -> usize {
        let Mention {
            last_title,
            name_part,
            common_noun,
            person,
            name_words,
            ..
        } = m;
        // (a name that ends another, or that another ends, shares its last
        // word: the candidates are that word's bearers, the latest first)
        let last = name_words.last().map_or("", String::as_str);
        let bearers = self
            .mentioned_by_last
            .get(last)
            .map_or(&[][..], Vec::as_slice);
        let found = bearers[bearers.len().saturating_sub(SURNAME_REACH)..]
            .iter()
            .copied()
            .filter(|&i| {
                let e = &self.entities[i];
                e.name_words == name_words
                    || (person
                        && e.kind == EntityKind::Person
                        && ends_with(&e.name_words, &name_words))
                    || (person
                        && e.kind == EntityKind::Person
                        && ends_with(&name_words, &e.name_words))
            })
            .max_by_key(|&i| self.stamp.get(&i).copied())
            // a bare surname the article has not used yet is the one
            // source of the reference that bears it ("Varto said" for Ann
            // Varto); when several do, it stays a name of its own
            .or_else(|| {
                (person && name_words.len() == 1)
                    .then(|| self.person_by_surname(last))
                    .flatten()
                    .filter(|&i| self.entities[i].source.is_some())
            });
        let titles: Vec<String> = match last_title {
            Some(t) => vec![lower[..=t].join(" ")],
            None => Vec::new(),
        };
        let shown: &[&str] = if name_part.is_empty() {
            words
        } else {
            &name_part
        };
        if let Some(idx) = found {
            let e = self.entities.get_mut(idx);
            if e.source.is_none() && name_words.len() > e.name_words.len() {
                e.canonical = canonical(shown);
                e.name_words = name_words;
            }
            for t in titles {
                if !e.titles.contains(&t) {
                    e.titles.push(t);
                }
            }
            return self.touch(idx);
        }
        // a common noun stays lower case: "the hospital", "police"
        let lexicon_common = name_part.is_empty()
            && lower
                .iter()
                .all(|w| lexicon.titles.contains(w.as_str()) || lexicon.is_group_word(w))
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(|c| !c.is_uppercase()));
        let canonical_name = if common_noun || lexicon_common {
            lower.join(" ")
        } else {
            canonical(shown)
        };
        let idx = self.add(Entity {
            canonical: canonical_name,
            kind: if person {
                EntityKind::Person
            } else {
                EntityKind::Group
            },
            titles,
            name_words,
            source: None,
        });
        self.touch(idx)
    }
}

/// Whether a role as a mention writes it ("the minister", "the foreign
/// minister", "the prosecutor") names the role an entity holds ("deputy
/// foreign minister", "prosecutor general"): its head among the held words,
/// and no other word right before it ("prime minister" is not "health
/// minister").
fn same_role(held: &str, mention: &str) -> bool {
    let h: Vec<&str> = held.split(' ').collect();
    let m: Vec<&str> = mention.split(' ').collect();
    let (head, modifier) = (m[m.len() - 1], m.len().checked_sub(2).map(|i| m[i]));
    // "prosecutor" in "ukraine's prosecutor general"
    h.iter().enumerate().any(|(i, w)| {
        *w == head
            && match (i.checked_sub(1).map(|p| h[p]), modifier) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    })
}

/// Whether a name, read as a mention would be, names a person or a group.
fn kind_of_name(name: &str, lexicon: &Lexicon) -> EntityKind {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (lower, determiner) = lowered(&words);
    let start = usize::from(determiner);
    if start >= words.len() {
        return EntityKind::Group;
    }
    if Mention::read(&words[start..], &lower[start..], determiner, lexicon).person {
        EntityKind::Person
    } else {
        EntityKind::Group
    }
}

/// The head noun of a name: its last word before a place phrase ("source"
/// in "a source at aleppo police command").
fn name_head(words: &[String]) -> Option<&str> {
    let end = words
        .iter()
        .position(|w| PLACE_PREPOSITIONS.contains(&w.as_str()) || w == "of")
        .unwrap_or(words.len());
    words[..end].last().map(String::as_str)
}

fn ends_with(long: &[String], short: &[String]) -> bool {
    !short.is_empty() && long.len() > short.len() && long[long.len() - short.len()..] == *short
}

/// The canonical form of a name as written: a machine-lowercased person
/// name is capitalised ("fomin" → "Fomin"); anything else is kept.
fn canonical(words: &[&str]) -> String {
    // ("al-Faris" is written so: only its particle is lower case)
    let all_lower = words.iter().all(|w| {
        w.chars().next().is_some_and(char::is_lowercase) && !w.chars().any(char::is_uppercase)
    });
    match words {
        [w] if all_lower => {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
        _ => words.join(" "),
    }
}

#[cfg(test)]
mod tests;
