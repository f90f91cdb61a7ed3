//! Baselines: the findings a run recorded (`check --write-baseline`), so
//! that later runs (`check --baseline`) fail only on new ones — the way a
//! newsroom adopts the tool on an archive it cannot fix in a day. A
//! finding is recorded by its article, reference, entry id, status and the
//! article's words, never by line: an edit elsewhere in the article moves
//! lines, not findings.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::model::{ArticleReport, Finding, SetAside, Severity};
use crate::{Error, Result};

/// The largest baseline read (a baseline of a large archive is a few MB).
pub const MAX_BASELINE_BYTES: u64 = 64 << 20;

/// One finding as a baseline records it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The article's path as the run named it.
    pub article: String,
    /// The reference's path as the run named it.
    pub reference: String,
    /// The reference entry's id, if the finding is about one.
    pub fact: Option<String>,
    /// The finding's status (`mismatch`, `misquoted`, …).
    pub status: String,
    /// What the article says, in words (empty for a fact never stated).
    pub words: String,
}

/// A baseline file: what `--write-baseline` writes and `--baseline` reads.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// The file format's version (1).
    pub version: u32,
    /// The findings recorded, sorted; a finding found twice is listed twice.
    pub findings: Vec<Entry>,
}

fn entry(r: &ArticleReport, f: &Finding) -> Entry {
    Entry {
        article: r.path.clone(),
        reference: r.reference.clone(),
        fact: f.fact.clone(),
        status: f.status.as_str().to_string(),
        // (spaces as one: a re-wrapped line is the same words)
        words: f
            .found
            .as_deref()
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    }
}

impl Baseline {
    /// The findings of `reports` at `at_least` or above (those that can
    /// fail a run; matches and unverified claims never do).
    pub fn of<'a>(
        reports: impl IntoIterator<Item = &'a ArticleReport>,
        at_least: Severity,
    ) -> Baseline {
        let mut findings: Vec<Entry> = reports
            .into_iter()
            .flat_map(|r| {
                r.findings
                    .iter()
                    .filter(move |f| f.severity >= at_least)
                    .map(move |f| entry(r, f))
            })
            .collect();
        findings.sort();
        Baseline {
            version: 1,
            findings,
        }
    }

    /// The baseline as pretty JSON, one finding per entry: reviewable in a
    /// pull request, as a lock file is.
    pub fn to_json(&self) -> String {
        crate::report::safe_json::to_string(self, true).unwrap_or_default()
    }

    /// Read a baseline file; a malformed one is an error at its line and
    /// column.
    pub fn load(path: &Path) -> Result<Baseline> {
        let bytes = crate::input::read_capped(path, MAX_BASELINE_BYTES, || {
            Error::at(
                path,
                1,
                1,
                format!(
                    "larger than {} MB, the limit for a baseline",
                    MAX_BASELINE_BYTES >> 20
                ),
            )
        })?;
        let text = String::from_utf8(bytes)
            .map_err(|e| Error::not_utf8(path, e.as_bytes(), e.utf8_error()))?;
        let b: Baseline = serde_json::from_str(&text)
            .map_err(|e| Error::at(path, e.line().max(1), e.column().max(1), e.to_string()))?;
        if b.version != 1 {
            return Err(Error::at(
                path,
                1,
                1,
                format!(
                    "baseline version {} (this factcheck reads version 1)",
                    b.version
                ),
            ));
        }
        Ok(b)
    }

    /// Set aside every finding of `reports` the baseline records, each
    /// recorded finding once (a second, new occurrence of the same words
    /// is new); how many were set aside.
    pub fn apply(&self, reports: &mut [ArticleReport]) -> usize {
        let mut left: HashMap<&Entry, usize> = HashMap::new();
        for e in &self.findings {
            *left.entry(e).or_default() += 1;
        }
        let mut n = 0;
        for r in reports.iter_mut() {
            let keys: Vec<Entry> = r.findings.iter().map(|f| entry(r, f)).collect();
            let mut keys = keys.into_iter();
            n += r.set_aside(SetAside::Baseline, |_| {
                let key = keys.next();
                key.and_then(|k| left.get_mut(&k))
                    .filter(|count| **count > 0)
                    .map(|count| *count -= 1)
                    .is_some()
            });
        }
        n
    }
}
