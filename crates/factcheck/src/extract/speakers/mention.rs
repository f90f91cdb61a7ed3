//! Reading a mention's words: its titles, its name, and whether it names
//! a person or a group.

use crate::lexicon::grammar::NAME_JOINERS;
use crate::lexicon::Lexicon;

/// What the words of a mention say about who it is.
pub(super) struct Mention<'w> {
    /// Index of the last title or role ("Deputy Defense Minister …").
    pub(super) last_title: Option<usize>,
    /// The mention ends in an organisation noun ("the defence ministry").
    pub(super) head_is_org: bool,
    /// The words after the last title: the person's name.
    pub(super) name_part: Vec<&'w str>,
    /// Written in lower case after an article: a common noun ("the soldier").
    pub(super) common_noun: bool,
    /// The mention names a person rather than a group.
    pub(super) person: bool,
    /// Lower-cased words of the name, for surname and alias matching.
    pub(super) name_words: Vec<String>,
}

impl<'w> Mention<'w> {
    /// Read a mention without its article: `words` as written, `lower`
    /// lower-cased with straight apostrophes.
    pub(super) fn read(
        words: &[&'w str],
        lower: &[String],
        determiner: bool,
        lexicon: &Lexicon,
    ) -> Mention<'w> {
        let is_title = |w: &String| lexicon.titles.contains(w.as_str());
        // a role in lower case before a name is a title too: "Irpin resident Olena Hrytsenko"
        // ("al-Nusra" is a name glued to its particle, not a lower-case word)
        let glued = |w: &str| {
            w.split_once('-')
                .is_some_and(|(p, _)| lexicon.name_particles.contains(p))
        };
        let role = words
            .iter()
            .zip(lower)
            .rposition(|(w, l)| w.chars().next().is_some_and(char::is_lowercase) && !glued(l))
            .filter(|&r| {
                r + 1 < words.len()
                    && words[r + 1..]
                        .iter()
                        .zip(&lower[r + 1..])
                        .all(|(w, l)| w.chars().next().is_some_and(char::is_uppercase) || glued(l))
            })
            .filter(|&r| {
                let w = lower[r].as_str();
                !lexicon.organisations.contains(w)
                    && !w.contains('\'')
                    && !NAME_JOINERS.contains(&w)
                    && !lexicon.name_particles.contains(w)
            });
        let last_title = lower.iter().rposition(is_title).max(role);
        let head_is_org = lower
            .last()
            .is_some_and(|w| lexicon.organisations.contains(w.as_str()));
        let name_part: Vec<&str> = match last_title {
            Some(t) if !head_is_org => words[t + 1..].to_vec(),
            _ => Vec::new(),
        };
        // a description whose head is a role ("the mayor", "a Velmoran
        // army commander") names a person, whom a later "he" or "she" means
        let role_head = last_title.is_some_and(|t| {
            t + 1 == lower.len() && !lexicon.title_modifiers.contains(lower[t].as_str())
        });
        let common_noun = determiner
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(|c| !c.is_uppercase()));
        let person = !name_part.is_empty()
            || (role_head && determiner && !head_is_org)
            || (!head_is_org
                && !common_noun
                && last_title.is_none()
                && lower.len() <= 5
                && !lower.iter().any(|w| lexicon.is_group_word(w))
                && words.iter().all(|w| !w.contains('’') && !w.contains('\''))
                && words
                    .iter()
                    .any(|w| w.chars().next().is_some_and(char::is_uppercase) || words.len() == 1));
        let name_words: Vec<String> = if name_part.is_empty() {
            lower.to_vec()
        } else {
            name_part.iter().map(|w| w.to_lowercase()).collect()
        };
        Mention {
            last_title,
            head_is_org,
            name_part,
            common_noun,
            person,
            name_words,
        }
    }
}
