//! `--format sarif`: SARIF 2.1.0, one rule per status, each result with its
//! level, message and region, for code-scanning dashboards.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::{status, Document, Format, Options, Render};
use crate::model::{ArticleReport, CheckReport, Finding, Status};

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

/// The SARIF log of a check, its keys in the order `serde_json` prints a
/// map's. The results are made one at a time as they are written: a log
/// built whole as a JSON tree took twelve times its size in memory (2.3 GB
/// for 10,000 small articles).
#[derive(serde::Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    runs: [Run<'a>; 1],
    version: &'static str,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    column_kind: &'static str,
    invocations: Value,
    results: Results<'a>,
    tool: Value,
}

/// Every finding shown, as SARIF results, made as they are serialised.
struct Results<'a> {
    report: &'a CheckReport,
    doc: &'a Document,
    opts: &'a Options,
}

impl serde::Serialize for Results<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.report.articles.iter().flat_map(|a| {
            a.findings
                .iter()
                .filter(|f| self.opts.shows(f))
                .map(move |f| result(a, f, self.doc))
        }))
    }
}

/// One finding as a SARIF result.
fn result(a: &ArticleReport, f: &Finding, doc: &Document) -> Value {
    let mut location = json!({"physicalLocation": {"artifactLocation": {"uri": uri(&a.path)}}});
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
    result
}

/// The SARIF log of a check.
fn log<'a>(report: &'a CheckReport, doc: &'a Document, opts: &'a Options) -> Log<'a> {
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
    // limits reached: the tool's own warnings, not findings on the text
    let mut notifications = Vec::new();
    for a in &report.articles {
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
    Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        runs: [Run {
            column_kind: "unicodeCodePoints",
            invocations: json!([{
                "executionSuccessful": true,
                "toolExecutionNotifications": notifications,
            }]),
            results: Results { report, doc, opts },
            tool: json!({"driver": {
                "name": "factcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/factcheck/factcheck",
                "rules": rules,
            }}),
        }],
        version: "2.1.0",
    }
}

impl Render for Sarif {
    fn render(&self, doc: &Document, opts: &Options, out: &mut dyn Write) -> io::Result<()> {
        let report = doc.checked(Format::Sarif)?;
        super::safe_json::to_writer_pretty(&mut *out, &log(report, doc, opts))?;
        writeln!(out)
    }
}
