//! Which fact judges a figure. Facts that share a metric are told apart,
//! in this order, by how well the subject fits, by the source the article
//! names for the figure, and by the fact's `context:` words in the figure's
//! sentence; among the facts that rank first, the one whose value the
//! figure agrees with. A figure that agrees with none is judged against the
//! first-ranked fact, or, when several rank the same, against none of them:
//! the finding says so rather than guess.

use chrono::NaiveDate;

use super::Checker;
use crate::lexicon::Lexicon;
use crate::model::{Claim, Quantity, Resolution};
use crate::reference::Fact;

fn singular(s: &str) -> &str {
    s.strip_suffix('s').filter(|r| r.len() > 2).unwrap_or(s)
}

/// How well a claim's subject fits a fact's: 3 same noun, 2 synonym,
/// 1 the fact names no subject, 0 no fit. People in general — a figure
/// with no subject noun ("50,000 were left homeless"), "people", "persons"
/// — fit a fact about people and a fact that names no subject equally (2):
/// the subject then leaves the choice to the source, the place and the
/// value. A specific subject ("children") prefers a fact that names it.
fn subject_fit(lx: &Lexicon, claim: Option<&str>, fact: Option<&str>) -> u8 {
    let general = |s: Option<&str>| s.is_none_or(|s| s == "people" || lx.synonyms("people", s));
    if general(claim) && general(fact) {
        return 2;
    }
    match (claim, fact) {
        (_, None) => 1,
        (None, Some(_)) => 0,
        (Some(c), Some(f)) => {
            if c == f || singular(c) == singular(f) {
                3
            } else if lx.synonyms(c, f) {
                2
            } else {
                0
            }
        }
    }
}

/// What the candidates say about a figure.
pub(super) enum Choice<'r> {
    /// No fact of the metric fits the subject.
    None,
    /// A first-ranked fact whose value the figure agrees with.
    Agrees(&'r Fact),
    /// The first-ranked fact, which the figure does not agree with; `fits`
    /// is a lower-ranked fact it does agree with (then the source or the
    /// place, not the number, may be what is wrong).
    Disagrees {
        fact: &'r Fact,
        fits: Option<&'r Fact>,
    },
    /// Several facts rank first and the figure agrees with none of them.
    Tied(Vec<&'r Fact>),
}

impl<'r> Checker<'r> {
    /// Rank the facts of the figure's metric and unit, and pick one.
    pub(super) fn choose(&self, c: &Claim, q: &Quantity, date: Option<NaiveDate>) -> Choice<'r> {
        // a source found through a pronoun or another sentence may be a
        // guess: it does not choose the fact
        let source = c
            .attribution
            .as_ref()
            .filter(|a| matches!(a.resolved, Resolution::Named | Resolution::Alias))
            .and_then(|_| self.speaker_id(c));
        let sentence = c.text.to_lowercase();
        let lx = &self.reference.lexicon;
        let mut ranked: Vec<((u8, u8, usize), &'r Fact)> = self
            .by_metric
            .get(q.metric.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .filter(|f| f.percent == (q.unit.as_deref() == Some("percent")))
            .map(|&f| {
                let mut subject = subject_fit(lx, q.subject.as_deref(), f.subject.as_deref());
                // a figure with no subject noun is about people unless the
                // sentence names the fact's subject ("volunteers … with
                // scores killed")
                if let (None, Some(s)) = (&q.subject, &f.subject) {
                    if contains_word(&sentence, s) {
                        subject = subject.max(2);
                    }
                }
                let source = match (&source, &f.source) {
                    (Some(s), Some(want)) if s == want => 2,
                    (Some(_), Some(_)) => 0,
                    _ => 1,
                };
                let context = f
                    .context
                    .iter()
                    .filter(|w| contains_word(&sentence, w))
                    .count();
                ((subject, source, context), f)
            })
            .filter(|(rank, _)| rank.0 > 0)
            .collect();
        // best first; facts that rank the same keep the reference's order
        ranked.sort_by_key(|(rank, _)| std::cmp::Reverse(*rank));
        let Some(&(top, first)) = ranked.first() else {
            return Choice::None;
        };
        let agrees = |f: &Fact| self.agrees(q, f, date);
        let leaders: Vec<&'r Fact> = ranked
            .iter()
            .take_while(|(rank, _)| *rank == top)
            .map(|(_, f)| *f)
            .collect();
        if let Some(f) = leaders.iter().find(|f| agrees(f)) {
            return Choice::Agrees(f);
        }
        let fits = ranked[leaders.len()..]
            .iter()
            .map(|(_, f)| *f)
            .find(|f| agrees(f));
        if leaders.len() > 1 && fits.is_none() {
            return Choice::Tied(leaders);
        }
        Choice::Disagrees { fact: first, fits }
    }
}

/// Whether `word` (a word or phrase, lower-cased) stands in `text` (lower-
/// cased) between word boundaries.
pub(super) fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_words_are_whole_words() {
        assert!(contains_word("the strike on aleppo killed 14", "aleppo"));
        assert!(contains_word("in east aleppo, 14 died", "east aleppo"));
        assert!(!contains_word("aleppos", "aleppo"));
    }

    #[test]
    fn a_figure_without_a_subject_is_about_people() {
        let lx = Lexicon::default_ref();
        assert_eq!(subject_fit(lx, None, Some("people")), 2);
        assert_eq!(subject_fit(lx, None, None), 2);
        assert_eq!(subject_fit(lx, None, Some("children")), 0);
        assert_eq!(subject_fit(lx, Some("children"), Some("children")), 3);
        assert_eq!(subject_fit(lx, Some("soldier"), Some("soldiers")), 3);
        assert_eq!(subject_fit(lx, Some("kids"), Some("children")), 2);
        assert_eq!(subject_fit(lx, Some("children"), None), 1);
        assert_eq!(subject_fit(lx, Some("people"), None), 2);
        assert_eq!(subject_fit(lx, Some("people"), Some("persons")), 2);
    }
}
