//! Questions the stages ask of the lexicon: is this word a time, a metric,
//! a subject noun, a synonym of another.

use super::Lexicon;

impl Lexicon {
    /// An organisation or group noun, or a document that speaks for one
    /// ("ministry", "officials", "polls"), lower case: its lists read from
    /// its bits at once.
    pub(crate) fn is_group_word(&self, w: &str) -> bool {
        self.classes.any_holds(
            &[&self.organisations, &self.speaker_nouns, &self.proxies],
            w,
        )
    }

    /// Whether a plain metric cue opens with the token's word ("killed",
    /// "died"): its classes turn most words away before a look-up.
    #[inline]
    pub(crate) fn opens_plain_cue(&self, t: &crate::lang::tokens::Token) -> bool {
        t.may_be_phrase_edge() && self.plain_by_first.contains_key(t.lower.as_str())
    }

    /// Whether the words after a slotted cue's number open with the
    /// token's word ("fled" in "N fled to …").
    #[inline]
    pub(crate) fn opens_post_cue(&self, t: &crate::lang::tokens::Token) -> bool {
        t.may_be_phrase_edge() && self.post_by_first.contains_key(t.lower.as_str())
    }

    /// Whether `phrase` (lower-cased) is made only of the words that state
    /// a figure — numbers, metric words, auxiliaries, toll verbs
    /// ("evacuated", "thought to have died", "eight fatalities"): it places
    /// no figure.
    pub(crate) fn only_figure_words(&self, phrase: &str) -> bool {
        phrase.split_whitespace().all(|w| {
            crate::lang::numbers::is_number_word(w)
                || w.chars()
                    .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
                || self
                    .plain_by_first
                    .get(w)
                    .is_some_and(|list| list.iter().any(|&i| self.cues[i].pre.len() == 1))
                || self.aux_words.contains(w)
                || self.toll_links.contains(w)
        })
    }

    /// Whether a word names a time: "today", "Sunday", "morning", "week".
    pub fn is_time(&self, w: &str) -> bool {
        self.time_words.contains(w) || self.week.contains(w) || self.periods.contains(w)
    }

    /// Whether `id` is a metric of this lexicon (a reference's facts may
    /// only use known metrics).
    pub fn has_metric(&self, id: &str) -> bool {
        self.metric_ids.iter().any(|m| m == id)
    }

    /// Whether two subject nouns name the same people: both stand in one
    /// `subject_synonyms` group ("children" and "kids"). Case-sensitive, as
    /// subjects are compared lower-cased; a noun is not its own synonym
    /// unless a group lists it.
    pub fn synonyms(&self, a: &str, b: &str) -> bool {
        match (self.subject_groups.get(a), self.subject_groups.get(b)) {
            (Some(x), Some(y)) => x.iter().any(|g| y.contains(g)),
            _ => false,
        }
    }

    /// One word for every noun of `s`'s first synonym group (the first
    /// in alphabetical order: "children" for "kids"), so that figures about
    /// the same people fall in one bucket; none for a noun in no group.
    pub(crate) fn subject_head(&self, s: &str) -> Option<String> {
        let group = *self.subject_groups.get(s)?.first()?;
        self.subject_groups
            .iter()
            .filter(|(_, gs)| gs.contains(&group))
            .map(|(w, _)| w)
            .min()
            .cloned()
    }

    /// Whether `w` (lower case) is a subject noun of `subject_synonyms`
    /// ("people", "children"): the head that ends a counted noun phrase.
    pub(crate) fn is_subject_head(&self, w: &str) -> bool {
        self.subject_groups.contains_key(w)
    }

    /// Whether `w` (lower case) is too small a word to count when matching
    /// a statement's words ("the", "was").
    pub fn is_small_word(&self, w: &str) -> bool {
        self.small_words.contains(w)
    }
}
