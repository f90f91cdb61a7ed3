//! `check --format diff`: a unified diff of each article against its
//! corrected text, ready for `patch -p0` or `git apply`.

use std::io::{self, Write};

use super::visible::one_line;
use super::{Document, Format, Options, Render};
use crate::compare::correct::{corrected_report, unified_diff};

/// The corrections as a unified diff per article.
pub struct Diff;

impl Render for Diff {
    fn render(&self, doc: &Document, _: &Options, out: &mut dyn Write) -> io::Result<()> {
        for a in &doc.checked(Format::Diff)?.articles {
            let Some(source) = doc.source(&a.path) else {
                continue;
            };
            let text = source.text();
            let new = a
                .settled
                .as_ref()
                .map_or_else(|| corrected_report(text, a), |s| s.text.clone());
            // the file names on one line each; the lines themselves stay
            // byte for byte, or the patch would not apply
            let (path, reference) = (one_line(&a.path), one_line(&a.reference));
            write!(out, "{}", unified_diff(&path, &reference, text, &new))?;
        }
        Ok(())
    }
}
