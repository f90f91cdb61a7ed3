//! A figure that fits several facts equally and agrees with none of them.

use super::figure::describe_fact;
use super::Checker;
use crate::article::Article;
use crate::model::{Claim, Finding, Quantity, Severity, Status};
use crate::reference::Fact;
use std::sync::Arc;

/// The most tied facts one finding names; the rest are counted.
const TIED_LISTED: usize = 8;

impl Checker<'_> {
    /// A figure that agrees with none of several facts that fit it equally:
    /// a mismatch with no fix, naming the first few, at warning level — the
    /// figure may be about something else the reference does not hold.
    pub(super) fn tied(
        &self,
        article: &Article,
        c: &Arc<Claim>,
        q: &Quantity,
        facts: &[&Fact],
    ) -> Finding {
        let found = &q.phrase;
        // (a few, and how many more: a reference of thousands of facts
        // alike must not write them all into every figure's finding)
        let more = facts.len().saturating_sub(TIED_LISTED);
        let mut described: Vec<String> = facts
            .iter()
            .take(TIED_LISTED)
            .map(|f| {
                format!(
                    "`{}` ({})",
                    f.id,
                    describe_fact(f, self.reference, self.date_of(article))
                )
            })
            .collect();
        if more > 0 {
            described.push(format!("and {more} more"));
        }
        let mut f = self.finding(
            Status::Mismatch,
            Some(&facts[0].id),
            Some(c),
            Some(described.join("; ")),
            Some(found.clone()),
            format!(
                "“{found}” agrees with none of the reference's figures that fit it equally: {}. Add `context:` words to the facts to tell them apart.",
                described.join("; ")
            ),
        );
        f.severity = f.severity.min(Severity::Warning);
        f
    }
}
