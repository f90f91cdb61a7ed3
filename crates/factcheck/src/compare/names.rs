//! The reference's source names, indexed for the ways an article writes
//! them: whole, inside a longer mention, as the last words of a longer
//! name, as its first words. Each look-up costs the mention's words, not
//! the reference's sources (a scan of 100,000 sources per claim took
//! minutes on a long article).

/// A map hashed with foldhash, seeded at random per process: a few times
/// faster than the standard SipHash on short names, and still no table a
/// hostile reference could fill with chosen collisions.
pub(super) type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

use crate::lang::names::normalise_name;
use crate::reference::Reference;

/// Names longer than this many words are not indexed by their parts but
/// scanned: no real name is so long, and indexing every part of a hostile
/// 10,000-word alias would cost its square.
const MAX_NAME_WORDS: usize = 16;

/// Source names and aliases, normalised, to their source ids.
pub(super) struct Names {
    /// Each name to the first source that has it.
    exact: HashMap<String, String>,
    /// Each name's last words (two or more, not all): the name's word
    /// count and source, for a mention that is the end of a longer name.
    ends: HashMap<String, Vec<(usize, String)>>,
    /// Each name's first words (two or more, not all): the sources whose
    /// names open so.
    opens: HashMap<String, Vec<String>>,
    /// The most words of an indexed name.
    longest: usize,
    /// Names past [`MAX_NAME_WORDS`], padded with a space either side,
    /// with their word count and source.
    long: Vec<(String, usize, String)>,
    /// Each name's last word (of two or more) to the first source that
    /// bears it, and whether another does too ("Smith" for Ann and Bill).
    last_words: HashMap<String, (String, bool)>,
}

impl Names {
    pub(super) fn new(reference: &Reference) -> Names {
        let mut exact: HashMap<String, String> = HashMap::default();
        for s in &reference.sources {
            for n in std::iter::once(&s.name).chain(&s.aliases) {
                exact
                    .entry(normalise_name(n))
                    .or_insert_with(|| s.id.clone());
            }
        }
        let mut names = Names {
            exact: HashMap::default(),
            ends: HashMap::default(),
            opens: HashMap::default(),
            longest: 0,
            long: Vec::new(),
            last_words: HashMap::default(),
        };
        for (name, id) in &exact {
            let starts = word_starts(name);
            let n = starts.len();
            if name.is_empty() {
                continue;
            }
            if n > MAX_NAME_WORDS {
                names.long.push((format!(" {name} "), n, id.clone()));
                continue;
            }
            if n >= 2 {
                let last = &name[starts[n - 1]..];
                let entry = names
                    .last_words
                    .entry(last.to_string())
                    .or_insert_with(|| (id.clone(), false));
                entry.1 |= entry.0 != *id;
            }
            names.longest = names.longest.max(n);
            for k in 1..n.saturating_sub(1) {
                let end = &name[starts[k]..];
                names
                    .ends
                    .entry(end.to_string())
                    .or_default()
                    .push((n, id.clone()));
            }
            for k in 2..n {
                let open = name[..starts[k] - 1].to_string();
                names.opens.entry(open).or_default().push(id.clone());
            }
        }
        names.exact = exact;
        names
    }

    /// Whether several sources' names end with this one word ("Smith").
    pub(super) fn shared_last_word(&self, word: &str) -> bool {
        self.last_words
            .get(&normalise_name(word))
            .is_some_and(|(_, shared)| *shared)
    }

    /// The source with this normalised name.
    pub(super) fn get(&self, name: &str) -> Option<&String> {
        self.exact.get(name)
    }

    /// The one source whose name the normalised mention holds as whole
    /// words, or whose longer name ends with it (two words or more): the
    /// longest such name, when no other source's name is as long.
    pub(super) fn within(&self, mention: &str) -> Option<String> {
        let starts = word_starts(mention);
        let end_of = |w: usize| starts.get(w + 1).map_or(mention.len(), |&s| s - 1);
        let mut fits: Vec<(usize, &String)> = Vec::new();
        for i in 0..starts.len() {
            for len in 1..=self.longest.min(starts.len() - i) {
                if let Some(id) = self.exact.get(&mention[starts[i]..end_of(i + len - 1)]) {
                    fits.push((len, id));
                }
            }
        }
        let spaced = starts.len() > 1;
        if spaced {
            if let Some(ends) = self.ends.get(mention) {
                fits.extend(ends.iter().map(|(n, id)| (*n, id)));
            }
        }
        if !self.long.is_empty() {
            let m = format!(" {mention} ");
            fits.extend(
                self.long
                    .iter()
                    .filter(|(name, _, _)| {
                        m.contains(name.as_str()) || spaced && name.ends_with(&m)
                    })
                    .map(|(_, n, id)| (*n, id)),
            );
        }
        let longest = fits.iter().map(|f| f.0).max()?;
        let mut best = fits.iter().filter(|f| f.0 == longest).map(|f| f.1);
        let id = best.next()?;
        best.all(|other| other == id).then(|| id.clone())
    }

    /// The one source whose longer name opens with the normalised
    /// `speaker` of two words or more.
    pub(super) fn opening(&self, speaker: &str) -> Option<String> {
        if !speaker.contains(' ') {
            return None;
        }
        let opens = format!(" {speaker} ");
        let long = self
            .long
            .iter()
            .filter(|(name, _, _)| name.starts_with(&opens))
            .map(|(_, _, id)| id);
        let mut ids = self.opens.get(speaker).into_iter().flatten().chain(long);
        let id = ids.next()?;
        ids.all(|other| other == id).then(|| id.clone())
    }
}

/// Where each word of a normalised name starts (words are one space apart).
fn word_starts(name: &str) -> Vec<usize> {
    if name.is_empty() {
        return Vec::new();
    }
    std::iter::once(0)
        .chain(name.match_indices(' ').map(|(i, _)| i + 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(yaml: &str) -> Names {
        let r = Reference::from_str("r.yaml".as_ref(), yaml).unwrap();
        Names::new(&r)
    }

    #[test]
    fn names_inside_mentions_at_their_ends_and_openings() {
        let n = names(
            "version: 1\nsources:\n  - {id: hrw, name: Human Rights Watch, aliases: [HRW]}\n  - {id: solvang, name: Ole Solvang}\n  - {id: army, name: the Bulgarian Army}\n  - {id: naji, name: Fadlullah Naji of the al-Sham Legion}\n",
        );
        // the longest name the mention holds
        assert_eq!(
            n.within("ole solvang hrw deputy director").as_deref(),
            Some("solvang")
        );
        assert_eq!(n.within("hrw").as_deref(), Some("hrw"));
        // the mention is the end of a longer name
        assert_eq!(n.within("sham legion").as_deref(), None);
        assert_eq!(n.within("al-sham legion").as_deref(), Some("naji"));
        assert_eq!(
            n.within("a spokesman for bulgarian army").as_deref(),
            Some("army")
        );
        assert_eq!(n.within("nobody here"), None);
        // a person's name that opens a longer one
        assert_eq!(n.opening("fadlullah naji").as_deref(), Some("naji"));
        assert_eq!(n.opening("fadlullah"), None);
        assert_eq!(n.opening("ole solvang"), None);
    }

    #[test]
    fn two_names_as_long_leave_it_open() {
        let n = names(
            "version: 1\nsources:\n  - {id: a, name: Anna Varto}\n  - {id: b, name: Boris Kell}\n",
        );
        assert_eq!(n.within("anna varto and boris kell"), None);
        assert_eq!(n.within("anna varto and kell").as_deref(), Some("a"));
    }
}
