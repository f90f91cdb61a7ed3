//! `--format sarif`: SARIF 2.1.0, one rule per status, each result with its
//! level, message and region, for code-scanning dashboards.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::{status, Document, Format, Options, Render};
use crate::model::{CheckReport, Status};

/// A SARIF 2.1.0 log with one run.
pub struct Sarif;

/// A path as a SARIF `uri` (RFC 3986): forward slashes, and every byte
/// outside the unreserved set and `/` percent-encoded, so a space, `#`,
/// `?`, `%` or a control character in a file name cannot change what the
/// reference points at.
fn uri(path: &str) -> String {
    use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
    const KEEP: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~')
        .remove(b'/');
    utf8_percent_encode(&path.replace('\\', "/"), KEEP).to_string()
}

/// The SARIF log of a check.
fn log(report: &CheckReport, doc: &Document, opts: &Options) -> Value {
    let rules: Vec<Value> = Status::ALL
        .iter()
        .map(|&s| {
            json!({
                "id": s.as_str(),
                "name": s.as_str(),
                "shortDescription": {"text": status::words(s).long},
                "defaultConfiguration": {"level": status::levels(s.default_severity()).sarif},
            })
        })
        .collect();
    let mut results = Vec::new();
    // limits reached: the tool's own warnings, not findings on the text
    let mut notifications = Vec::new();
    for a in &report.articles {
        for f in a.findings.iter().filter(|f| opts.shows(f)) {
            let mut location =
                json!({"physicalLocation": {"artifactLocation": {"uri": uri(&a.path)}}});
            if let Some(c) = &f.claim {
                let (end_line, end_col) = doc.end_position(&a.path, c);
                location["physicalLocation"]["region"] = json!({
                    "startLine": c.span.line,
                    "startColumn": c.span.column,
                    "endLine": end_line,
                    "endColumn": end_col,
                    "byteOffset": c.span.start,
                    "byteLength": c.span.end - c.span.start,
                });
            }
            let rule_index = Status::ALL.iter().position(|&s| s == f.status).unwrap_or(0);
            let mut result = json!({
                "ruleId": f.status.as_str(),
                "ruleIndex": rule_index,
                "level": status::levels(f.severity).sarif,
                "message": {"text": f.message},
                "locations": [location],
                "properties": {"reference": a.reference, "fact": f.fact, "expected": f.expected, "found": f.found},
            });
            if let (Some(_), Some(fix)) = (&f.claim, &f.correction) {
                result["fixes"] = json!([{
                    "description": {"text": format!("Replace with “{}”", fix.replacement)},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": uri(&a.path)},
                        "replacements": [{
                            "deletedRegion": {"byteOffset": fix.start, "byteLength": fix.end - fix.start},
                            "insertedContent": {"text": fix.replacement},
                        }],
                    }],
                }]);
            }
            results.push(result);
        }
        for n in a.notices.iter().filter(|_| opts.shows_notices()) {
            let mut location =
                json!({"physicalLocation": {"artifactLocation": {"uri": uri(&a.path)}}});
            if let Some(s) = &n.span {
                location["physicalLocation"]["region"] =
                    json!({"startLine": s.line, "startColumn": s.column});
            }
            notifications.push(json!({
                "level": "warning",
                "descriptor": {"id": n.limit.as_str()},
                "message": {"text": n.message},
                "locations": [location],
            }));
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/factcheck/factcheck",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "invocations": [{
                "executionSuccessful": true,
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }],
    })
}

impl Render for Sarif {
    fn render(&self, doc: &Document, opts: &Options, out: &mut dyn Write) -> io::Result<()> {
        let report = doc.checked(Format::Sarif)?;
        super::safe_json::to_writer_pretty(&mut *out, &log(report, doc, opts))?;
        writeln!(out)
    }
}
