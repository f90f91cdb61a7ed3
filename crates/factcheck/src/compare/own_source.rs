//! Who the article credits a figure to, against the fact's source: a
//! wrong credit is a misattribution, unless the figure is one the speaker
//! only relays or takes as known.

use std::sync::Arc;

use super::Checker;
use crate::model::{Claim, Finding, Resolution, Severity};
use crate::reference::Fact;

impl Checker<'_> {
    /// A misattribution when the article credits another source than the fact's.
    pub(super) fn judge_source(&self, c: &Arc<Claim>, fact: &Fact, out: &mut Vec<Finding>) {
        let (Some(want), Some(a)) = (&fact.source, &c.attribution) else {
            return;
        };
        let Some(got) = self.speaker_id(c) else {
            return;
        };
        // a guess from before ", while …": `unattributed` speaks for it
        if &got == want || self.credited_jointly(c, want) || a.resolved == Resolution::Contrast {
            return;
        }
        let right = self.reference.source_name(want);
        let message = format!(
            "The figure is credited to {} but the reference has it from {right}.",
            a.speaker
        );
        let mut f = self.misattributed(c, &fact.id, want, message);
        if self.relayed(c) {
            // the inner speaker's figure: crediting it to the relay is a guess
            f.severity = f.severity.min(Severity::Warning);
            f.correction = None;
            f.message = format!(
                "The figure is in speech that {} relays (“… said …”); the reference has it from {right}; check who said it.",
                a.speaker
            );
        } else if presupposed(c) {
            // "88 of the 143 injured": the speaker counts a part of a whole
            // already known, not the whole
            f.severity = f.severity.min(Severity::Warning);
            f.correction = None;
            f.message = format!(
                "{} speaks of a part of this figure (“… of the …”), which the reference has from {right}; check who gave it.",
                a.speaker
            );
        }
        out.push(f);
    }

    /// "He said Iraq lost 3,000 men …, IRNA, monitored by the BBC, said":
    /// a figure inside speech opened before it, credited by a tag after it,
    /// is the inner speaker's; the tag only relays it.
    fn relayed(&self, c: &Claim) -> bool {
        let (Some(q), Some(a)) = (&c.quantity, &c.attribution) else {
            return false;
        };
        let Some(at) = c.text.find(q.phrase.as_str()) else {
            return false;
        };
        let (before, after) = c.text.split_at(at);
        after.contains(a.mention.as_str())
            && !before.contains(a.mention.as_str())
            && self.reporting_verb_in(before)
    }
}

/// A figure named as the whole a part is taken from ("88 of the 143
/// injured"): a total the speaker takes as known, not one they report.
fn presupposed(c: &Claim) -> bool {
    let Some(q) = &c.quantity else { return false };
    let Some(at) = c.text.find(q.phrase.as_str()) else {
        return false;
    };
    let before = c.text[..at].trim_end().to_lowercase();
    [" of the", " of all the", " of all", " of those"]
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .and_then(|rest| rest.split_whitespace().next_back())
        .is_some_and(|w| {
            w.starts_with(|ch: char| ch.is_ascii_digit()) || crate::lang::numbers::is_number_word(w)
        })
}
