//! `check --format diff`: a unified diff of each article against its
//! corrected text (see `correct.rs`), ready for `patch -p0` or `git apply`.

use std::io::{self, Write};

use super::{Context, Report};
use crate::compare::correct::{corrected, unified_diff};
use crate::model::{CheckReport, ExtractReport};

pub struct Diff;

impl Report for Diff {
    fn check(&self, report: &CheckReport, ctx: &Context, out: &mut dyn Write) -> io::Result<()> {
        for a in &report.articles {
            let Some(text) = ctx.texts.get(&a.path) else {
                continue;
            };
            let new = corrected(text, &a.findings);
            write!(out, "{}", unified_diff(&a.path, &a.reference, text, &new))?;
        }
        Ok(())
    }

    fn extract(&self, _: &ExtractReport, _: &Context, _: &mut dyn Write) -> io::Result<()> {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the diff format is for `check`",
        ))
    }
}
