//! `--format sarif`: SARIF 2.1.0, one rule per status, each result with its
//! level, message and region, for code-scanning dashboards.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::{end_position, Context, Report};
use crate::model::{CheckReport, ExtractReport, Severity, Status};

pub struct Sarif;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn describe(s: Status) -> &'static str {
    match s {
        Status::Match => "The claim agrees with a reference fact, quote or statement.",
        Status::Mismatch => "The claim is about a reference fact but its value is inconsistent with it.",
        Status::Misquoted => "A quote differs in its words from the speaker's reference quote.",
        Status::Misattributed => "A quote, statement or figure is given to another speaker or source than the reference says.",
        Status::Unattributed => "A figure, quote or statement has no source in the article.",
        Status::Unverified => "No reference entry covers the claim.",
        Status::Missing => "A required fact is never stated in the article.",
    }
}

/// The SARIF log of a check.
pub fn log(report: &CheckReport, ctx: &Context) -> Value {
    let rules: Vec<Value> = Status::ALL
        .iter()
        .map(|&s| {
            json!({
                "id": s.as_str(),
                "name": s.as_str(),
                "shortDescription": {"text": describe(s)},
                "defaultConfiguration": {"level": level(s.default_severity())},
            })
        })
        .collect();
    let mut results = Vec::new();
    for a in &report.articles {
        for f in a.findings.iter().filter(|f| super::shown(ctx, f)) {
            let mut location = json!({"physicalLocation": {"artifactLocation": {"uri": a.path.replace('\\', "/")}}});
            if let Some(c) = &f.claim {
                let (end_line, end_col) = end_position(ctx, &a.path, c);
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
                "level": level(f.severity),
                "message": {"text": f.message},
                "locations": [location],
                "properties": {"reference": a.reference, "fact": f.fact, "expected": f.expected, "found": f.found},
            });
            if let (Some(c), Some(fix)) = (&f.claim, &f.correction) {
                let _ = c;
                result["fixes"] = json!([{
                    "description": {"text": format!("Replace with “{}”", fix.replacement)},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": a.path.replace('\\', "/")},
                        "replacements": [{
                            "deletedRegion": {"byteOffset": fix.start, "byteLength": fix.end - fix.start},
                            "insertedContent": {"text": fix.replacement},
                        }],
                    }],
                }]);
            }
            results.push(result);
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
            "results": results,
        }],
    })
}

impl Report for Sarif {
    fn check(&self, report: &CheckReport, ctx: &Context, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &log(report, ctx))?;
        writeln!(out)
    }

    fn extract(&self, _: &ExtractReport, _: &Context, _: &mut dyn Write) -> io::Result<()> {
        Err(super::check_only("sarif"))
    }
}
