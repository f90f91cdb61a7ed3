//! Counts of findings per status: the summary line of every report.

use serde::Serialize;

use super::{ArticleReport, Finding, Status};

/// Counts of findings per status, in the order of the contract.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Findings that agree.
    #[serde(rename = "match")]
    pub matched: usize,
    /// Figures the reference contradicts.
    pub mismatch: usize,
    /// Quotes with other words.
    pub misquoted: usize,
    /// Claims credited to the wrong source.
    pub misattributed: usize,
    /// Claims with no source.
    pub unattributed: usize,
    /// Claims no reference entry covers.
    pub unverified: usize,
    /// Required facts never stated.
    pub missing: usize,
    /// Findings an editor's comment set aside (any status): not in the
    /// counts above.
    #[serde(skip_serializing_if = "is_zero")]
    pub suppressed: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// "13 match, 1 mismatch, …" — the non-zero counts, or "no findings".
impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut parts: Vec<String> = Status::ALL
            .iter()
            .filter(|&&st| self.get(st) > 0)
            .map(|&st| format!("{} {}", self.get(st), st.as_str()))
            .collect();
        if self.suppressed > 0 {
            parts.push(format!("{} suppressed", self.suppressed));
        }
        if parts.is_empty() {
            f.write_str("no findings")
        } else {
            f.write_str(&parts.join(", "))
        }
    }
}

impl Summary {
    /// Count one finding of `status`.
    pub fn add(&mut self, status: Status) {
        *self.slot(status) += 1;
    }

    /// The count for `status`.
    pub fn get(&self, status: Status) -> usize {
        match status {
            Status::Match => self.matched,
            Status::Mismatch => self.mismatch,
            Status::Misquoted => self.misquoted,
            Status::Misattributed => self.misattributed,
            Status::Unattributed => self.unattributed,
            Status::Unverified => self.unverified,
            Status::Missing => self.missing,
        }
    }

    fn slot(&mut self, status: Status) -> &mut usize {
        match status {
            Status::Match => &mut self.matched,
            Status::Mismatch => &mut self.mismatch,
            Status::Misquoted => &mut self.misquoted,
            Status::Misattributed => &mut self.misattributed,
            Status::Unattributed => &mut self.unattributed,
            Status::Unverified => &mut self.unverified,
            Status::Missing => &mut self.missing,
        }
    }

    /// The counts of some findings.
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Summary {
        let mut s = Summary::default();
        for f in findings {
            s.add(f.status);
        }
        s
    }

    /// The counts of articles' findings, with their suppressed ones.
    pub fn of_reports(reports: &[ArticleReport]) -> Summary {
        let mut s = Summary::of(reports.iter().flat_map(|r| &r.findings));
        s.suppressed = reports.iter().map(|r| r.suppressed.len()).sum();
        s
    }
}
