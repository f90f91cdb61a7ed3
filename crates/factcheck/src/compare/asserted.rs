//! Figures a sentence does not assert: one it denies or disputes ("denied
//! that 150 people had been killed", "rejected reports that …"), an
//! earlier count it compares with ("143 killed, up from 150 reported on
//! Monday"), or one of another period or event ("Last year, 150 people
//! were killed in a similar collapse"). Such a figure that disagrees with
//! a fact is no sure error, and a fix would put the fact's number where the
//! sentence means another.

use super::place::{contains_word, flat_lower, sentence_start};
use super::Checker;
use crate::model::{Claim, Quantity};

/// How many words before the number a disputing word may stand.
const DISPUTE_REACH: usize = 4;

impl Checker<'_> {
    /// Why the sentence may not assert the figure as the article's own
    /// count, if it may not.
    /// `tied`: the fact's own place words stand in the sentence, which is
    /// then about the fact's period or event, whatever else it names.
    pub(super) fn not_asserted(
        &self,
        text: &str,
        c: &Claim,
        q: &Quantity,
        tied: bool,
    ) -> Option<&'static str> {
        let lx = &self.reference.lexicon;
        let start = sentence_start(text, c)?;
        let before = text.get(start..q.style.number_span.0)?;
        let before = flat_lower(before);
        let words: Vec<&str> = before
            .split(|ch: char| !ch.is_alphanumeric() && ch != '\'' && ch != '’')
            .filter(|w| !w.is_empty())
            .collect();
        // (a word that governs the figure: "denied that 150", "rejected
        // reports that 150", not "denied rumours of riots after a man
        // killed one")
        let near = &words[words.len().saturating_sub(DISPUTE_REACH)..];
        if near.iter().any(|w| lx.disputing_words.contains(*w)) {
            return Some("the sentence denies or disputes it (“denied”, “rejected reports”): it may not be the article's count");
        }
        // a belief or a fear governs it ("Rescuers fear as many as 400
        // died"): someone's estimate, not the article's count
        if near_belief(&words, lx) {
            return Some("it is what someone believes or fears (“fear as many as”), not a count the article gives");
        }
        // bare digits right before it, one space between, no date ("3 7
        // people"): a number broken by a stray space, perhaps, which a fix
        // of its second half would not mend ("3 37")
        let raw = text.get(start..q.style.number_span.0)?;
        let broken = raw.strip_suffix(' ').is_some_and(|r| {
            let digits = r.len() - r.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            (1..=3).contains(&digits)
                && !words.is_empty()
                && !words[..words.len() - 1]
                    .last()
                    .is_some_and(|w| lx.months.contains(*w))
                && r[..r.len() - digits]
                    .chars()
                    .next_back()
                    .is_none_or(char::is_whitespace)
        });
        if broken {
            return Some(
                "digits stand right before it (“3 7”): a number broken by a stray space, perhaps",
            );
        }
        // the words right before the number ("up from 150")
        let tail = words[words.len().saturating_sub(3)..].join(" ");
        if lx
            .earlier_counts
            .iter()
            .any(|p| tail == *p || tail.ends_with(&format!(" {p}")))
        {
            return Some("it is an earlier count the sentence compares with (“up from”)");
        }
        let sentence = flat_lower(&c.text);
        if lx
            .correction_notes
            .iter()
            .any(|p| contains_word(&sentence, p))
        {
            return Some("the sentence corrects an earlier version of the article: its figure is the one corrected");
        }
        if !tied && lx.other_periods.iter().any(|p| contains_word(&sentence, p)) {
            return Some("the sentence names another period or event (“last year”, “a similar”)");
        }
        if !tied && self.earlier_year(&sentence) {
            return Some(
                "the sentence names a year before the reference's: it may count another event",
            );
        }
        None
    }

    /// Whether the sentence names a year two or more before the
    /// reference's `as_of` ("The worst flood on record, in 1953, killed
    /// 212"): a figure there counts that year's event.
    fn earlier_year(&self, sentence: &str) -> bool {
        use chrono::Datelike;
        let Some(now) = self.reference.as_of.map(|d| d.year()) else {
            return false;
        };
        sentence
            .split(|ch: char| !ch.is_ascii_digit())
            .filter(|w| w.len() == 4)
            .filter_map(|w| w.parse::<i32>().ok())
            .any(|y| (1800..now - 1).contains(&y))
    }
}

/// How many words before the number a verb of belief may stand ("fear
/// that as many as 400").
const BELIEF_REACH: usize = 6;

/// Whether a verb of belief stands within [`BELIEF_REACH`] words before
/// the number, in its clause (no comma-less "said" between: "fear" in "we
/// fear nothing, police said 40 died" is not the figure's).
/// A verb in the passive or after "it" hedges the article's own count ("It
/// is believed to have killed at least 4,000"): that is no one's belief;
/// nor is a speaker's own "I think" or "we fear" theirs to doubt.
fn near_belief(words: &[&str], lx: &crate::lexicon::Lexicon) -> bool {
    let from = words.len().saturating_sub(BELIEF_REACH);
    let near = &words[from..];
    near.iter()
        .rposition(|w| lx.belief_verbs.contains(*w))
        .is_some_and(|k| {
            let subject = (from + k).checked_sub(1).map(|i| words[i]);
            let hedge = subject.is_none_or(|w| {
                matches!(
                    w,
                    "is" | "are" | "was" | "were" | "be" | "been" | "being" | "it" | "widely"
                )
            });
            // ("I think maybe 15,000", "we fear 40": the speaker's own
            // count; "jets believed to be Russian killed 10": a description)
            let own = subject.is_some_and(|w| w == "i" || w == "we");
            let described = near.get(k + 1) == Some(&"to");
            !hedge
                && !own
                && !described
                && !near[k + 1..]
                    .iter()
                    .any(|w| lx.reporting_verbs.contains(*w))
        })
}
