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

/// Drop from `findings` (those of an article's corrected text) the ones
/// `aside` set aside before: by entry, status and words, each once, since
/// lines move when a correction is made. What was set aside stays set
/// aside through every round of corrections.
pub(crate) fn drop_set_aside(findings: &mut Vec<Finding>, aside: &[Suppressed]) {
    if aside.is_empty() {
        return;
    }
    let key = |f: &Finding| (f.fact.clone(), f.status, f.found.clone());
    let mut known: std::collections::HashMap<_, usize> = std::collections::HashMap::new();
    // (a comment's set-aside is made again by the check of each round: only
    // the others are carried)
    for s in aside.iter().filter(|s| s.by != SetAside::Comment) {
        *known.entry(key(&s.finding)).or_default() += 1;
    }
    findings.retain(|f| match known.get_mut(&key(f)) {
        Some(n) if *n > 0 => {
            *n -= 1;
            false
        }
        _ => true,
    });
}
