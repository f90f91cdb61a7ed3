//! Findings set aside besides the article's own comments: those a
//! baseline records (`--baseline`, and `--write-baseline` recording them),
//! and those on lines a change left alone (`--changed-since`).

use std::path::PathBuf;

use factcheck::model::{ArticleReport, Severity};
use factcheck::{Error, Result};

/// What sets findings aside besides the article's own comments.
pub struct Aside {
    pub baseline: Option<PathBuf>,
    pub write_baseline: Option<PathBuf>,
    pub changed_since: Option<String>,
}

impl Aside {
    /// Read the baseline and check the revision before any article is read.
    pub fn prepare(&self) -> Result<Option<factcheck::baseline::Baseline>> {
        if let Some(rev) = &self.changed_since {
            crate::changed::verify(rev)?;
        }
        self.baseline
            .as_deref()
            .map(factcheck::baseline::Baseline::load)
            .transpose()
    }

    /// Record the findings (`--write-baseline`), then set aside those a
    /// baseline records and those on lines the change left alone.
    pub fn apply(
        &self,
        reports: &mut [ArticleReport],
        baseline: Option<factcheck::baseline::Baseline>,
    ) -> Result<()> {
        if let Some(path) = &self.write_baseline {
            let fresh = factcheck::baseline::Baseline::of(reports.iter(), Severity::Warning);
            std::fs::write(path, fresh.to_json() + "\n").map_err(|e| Error::io(path, e))?;
            let n = fresh.findings.len();
            let s = if n == 1 { "" } else { "s" };
            crate::say::done(
                &format!("recorded {n} finding{s} in"),
                &path.display().to_string(),
            );
            fresh.apply(reports);
        }
        if let Some(b) = baseline {
            b.apply(reports);
        }
        if let Some(rev) = &self.changed_since {
            let paths: Vec<&str> = reports.iter().map(|r| r.path.as_str()).collect();
            let lines = crate::changed::since(rev, &paths)?;
            for r in reports.iter_mut() {
                let Some(changed) = lines.get(&r.path).cloned() else {
                    continue;
                };
                r.set_aside(factcheck::model::SetAside::Unchanged, |f| {
                    f.claim.as_ref().is_some_and(|c| !changed.has(c.span.line))
                });
            }
        }
        Ok(())
    }
}
