//! A competing count: "Civil defence said 214 people were killed. Rights
//! groups say 300 people died." The article credits the fact's number to
//! the fact's own source and another number to someone the reference does
//! not know. That figure is the other source's count, reported as such,
//! not a wrong copy of the reference's: a warning, never a rewrite. So is
//! the fact's own number credited a second time, to another source, and a
//! toll revised on a day of its own ("On Tuesday it put the toll at 31").

use super::choose::names_number;
use super::{soften, Checker};
use crate::lang::names::normalise_name;
use crate::model::{Claim, Finding, Resolution, Severity, Status};

impl Checker<'_> {
    pub(super) fn competing_counts(&self, out: &mut [Finding]) {
        let fact_of = |f: &Finding| self.fact_of(f);
        // the facts whose number the article writes (not "dozens" within
        // its bounds) and credits to their own source
        let credited: rustc_hash::FxHashSet<String> = out
            .iter()
            .filter(|f| f.status == Status::Match)
            .filter_map(|f| {
                let c = f.claim.as_ref()?;
                let q = c.quantity.as_ref()?;
                let fact = fact_of(f)?;
                let id = fact.id.as_str();
                let want = fact.source.as_deref()?;
                (names_number(fact, q.value.0) && self.speaker_id(c).as_deref() == Some(want))
                    .then(|| id.to_string())
            })
            .collect();
        if credited.is_empty() {
            return;
        }
        for f in out.iter_mut() {
            // the same number from a second source the reference knows
            // ("The fire service said 27 … The health authority also said
            // 27"): it may well repeat it; which of them the article means
            // is no sure error, and rewriting the second credit would say
            // the first source twice
            if f.status == Status::Misattributed
                && f.severity > Severity::Warning
                && f.fact.as_ref().is_some_and(|id| credited.contains(id))
                && f.claim.as_ref().is_some_and(|c| c.quantity.is_some())
            {
                let right = f.expected.clone().unwrap_or_default();
                f.severity = Severity::Warning;
                f.correction = None;
                f.message = format!(
                    "The article credits this figure to {right}, as the reference does, and here to {} too: a second source may repeat it; check who said it.",
                    f.found.as_deref().unwrap_or("another source")
                );
                continue;
            }
            let competing = f.status == Status::Mismatch
                && f.severity > Severity::Warning
                && f.fact.as_ref().is_some_and(|id| credited.contains(id))
                && f.claim.as_ref().is_some_and(|c| self.unknown_speaker(c))
                // (the fact's own number with another bound, "more than
                // 22" for 22, is the same count misstated)
                && !f
                    .claim
                    .as_ref()
                    .and_then(|c| c.quantity.as_ref())
                    .zip(fact_of(f))
                    .is_some_and(|(q, fact)| names_number(fact, q.value.0));
            // the fact's own number stated, and this one dated to a day
            // of its own ("On Tuesday it put the toll at 31"): another
            // day's count, perhaps
            let dated = f.status == Status::Mismatch
                && f.severity > Severity::Warning
                && f.fact.as_ref().is_some_and(|id| credited.contains(id))
                && f.claim
                    .as_ref()
                    .is_some_and(|c| self.dated_revision(&c.text));
            if dated {
                soften(f, ", whose own number the article gives elsewhere; this one is dated to a day of its own (“On Tuesday”): another day's count, perhaps");
                continue;
            }
            if competing {
                let who = f
                    .claim
                    .as_ref()
                    .and_then(|c| c.attribution.as_ref())
                    .map_or(String::new(), |a| a.mention.trim().to_string());
                soften(f, &format!(", whose number the article credits to the fact's own source; this one it has from “{who}”, whose own count it may be"));
            }
        }
    }

    /// Whether a figure's speaker is named or described in its own
    /// sentence and is no one the reference knows, not even in part ("Hama
    /// Human Rights Watch said" is a name misread, not another source).
    fn unknown_speaker(&self, c: &Claim) -> bool {
        c.quantity.is_some()
            && c.attribution.as_ref().is_some_and(|a| {
                matches!(a.resolved, Resolution::Named | Resolution::Alias)
                    && self.names.within(&normalise_name(&a.mention)).is_none()
            })
            && self.speaker_id(c).is_none()
    }

    /// Whether a sentence opens on a day of the week and revises a toll
    /// ("On Tuesday it put the toll at 31", "Earlier on Monday, officials
    /// estimated 31"): a count as of that day.
    fn dated_revision(&self, sentence: &str) -> bool {
        let lx = &self.reference.lexicon;
        let words: Vec<String> = sentence
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .take(4)
            .map(str::to_lowercase)
            .collect();
        let opens = words
            .iter()
            .take_while(|w| matches!(w.as_str(), "on" | "earlier" | "later" | "by" | "late"))
            .count();
        let day = words
            .get(opens)
            .is_some_and(|w| lx.weekdays.contains(w.as_str()));
        day && sentence
            .split(|c: char| !c.is_alphabetic())
            .any(|w| lx.estimate_cues.contains(w.to_lowercase().as_str()))
    }
}
