//! `--format github`: one GitHub Actions workflow command per finding, so
//! findings show inline on a pull request.

use std::io::{self, Write};

use super::{end_position, Context, Report};
use crate::model::{CheckReport, ExtractReport, Severity};

pub struct Github;

/// Escape a workflow-command value: `%`, CR, LF always; `:` and `,` in properties.
fn escape(s: &str, property: bool) -> String {
    let mut out = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    if property {
        out = out.replace(':', "%3A").replace(',', "%2C");
    }
    out
}

impl Report for Github {
    fn check(&self, report: &CheckReport, ctx: &Context, out: &mut dyn Write) -> io::Result<()> {
        for a in &report.articles {
            for f in a.findings.iter().filter(|f| super::shown(ctx, f)) {
                let command = match f.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "notice",
                };
                let mut props = vec![format!("file={}", escape(&a.path, true))];
                if let Some(c) = &f.claim {
                    let (end_line, end_col) = end_position(ctx, &a.path, c);
                    props.push(format!("line={}", c.span.line));
                    props.push(format!("col={}", c.span.column));
                    props.push(format!("endLine={end_line}"));
                    props.push(format!("endColumn={end_col}"));
                }
                let title = match &f.fact {
                    Some(id) => format!("{}: {id}", f.status.as_str()),
                    None => f.status.as_str().to_string(),
                };
                props.push(format!("title={}", escape(&title, true)));
                writeln!(
                    out,
                    "::{command} {}::{}",
                    props.join(","),
                    escape(&f.message, false)
                )?;
            }
        }
        Ok(())
    }

    fn extract(&self, _: &ExtractReport, _: &Context, _: &mut dyn Write) -> io::Result<()> {
        Err(super::check_only("github"))
    }
}
