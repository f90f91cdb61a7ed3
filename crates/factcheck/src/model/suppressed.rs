//! Findings set aside rather than reported: by a comment in the article,
//! by a baseline of findings already known, or for standing on lines a
//! change did not touch. Nothing found is ever lost: what is set aside is
//! listed with why, and counted.

use serde::Serialize;

use super::{ArticleReport, Finding};

/// Why a finding was set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SetAside {
    /// A `<!-- factcheck: ignore -->` or `off` comment in the article.
    Comment,
    /// The baseline given with `--baseline` records it.
    Baseline,
    /// It stands on a line the change given with `--changed-since` did not touch.
    Unchanged,
}

/// A finding set aside, with why (in JSON: the finding's own fields and `by`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suppressed {
    /// Why it was set aside.
    pub by: SetAside,
    /// The finding as it would have been reported.
    #[serde(flatten)]
    pub finding: Finding,
}

impl ArticleReport {
    /// Move the findings `aside` picks (in order) from `findings` to
    /// `suppressed`, as set aside `by`; how many moved.
    pub fn set_aside(&mut self, by: SetAside, mut aside: impl FnMut(&Finding) -> bool) -> usize {
        let before = self.suppressed.len();
        let (moved, kept): (Vec<Finding>, Vec<Finding>) = std::mem::take(&mut self.findings)
            .into_iter()
            .partition(|f| aside(f));
        self.findings = kept;
        self.suppressed
            .extend(moved.into_iter().map(|finding| Suppressed { by, finding }));
        self.suppressed.len() - before
    }
}
