//! `--format github`: one GitHub Actions workflow command per finding, so
//! findings show inline on a pull request.

use std::io::{self, Write};

use super::{status, Document, Format, Options, Render};

/// One workflow command per finding.
pub struct Github;

/// Escape a workflow-command value: `%`, CR, LF always; `:` and `,` in
/// properties, as GitHub specifies.
/// Other control characters first become visible escapes: a runner's log
/// renders ESC sequences.
fn escape(s: &str, property: bool) -> String {
    let mut out = super::visible::visible(s)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    if property {
        out = out.replace(':', "%3A").replace(',', "%2C");
    }
    out
}

impl Render for Github {
    fn render(&self, doc: &Document, opts: &Options, out: &mut dyn Write) -> io::Result<()> {
        for a in &doc.checked(Format::Github)?.articles {
            for f in a.findings.iter().filter(|f| opts.lists(f)) {
                let command = status::levels(f.severity).github;
                let mut props = vec![format!("file={}", escape(&a.path, true))];
                if let Some(c) = &f.claim {
                    let (end_line, end_col) = doc.end_position(&a.path, c);
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
            for n in a.notices.iter().filter(|_| opts.shows_notices()) {
                let mut props = vec![format!("file={}", escape(&a.path, true))];
                if let Some(s) = &n.span {
                    props.push(format!("line={}", s.line));
                    props.push(format!("col={}", s.column));
                }
                props.push(format!("title={}", escape(n.limit.as_str(), true)));
                writeln!(
                    out,
                    "::warning {}::{}",
                    props.join(","),
                    escape(&n.message, false)
                )?;
            }
        }
        Ok(())
    }
}
