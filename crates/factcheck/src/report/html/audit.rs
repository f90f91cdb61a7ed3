//! `audit --format html`: the archive's findings on one self-contained
//! page — each finding with every article it involves, the word diff of a
//! drifting quote — and each toll the archive agrees on as a chart with
//! its table. The check report's style sheet, no script, no network.

use std::fmt::Write as _;

use super::{chart, escape, no_old_command, CSS};
use crate::audit::AuditReport;
use crate::model::{DiffOp, Severity};

/// The page for `report`.
pub fn audit_page(report: &AuditReport) -> String {
    let mut h = String::new();
    let errors = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let _ = write!(
        h,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"factcheck {}\">\n<title>factcheck audit: {} articles, {errors} {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n",
        env!("CARGO_PKG_VERSION"),
        report.articles,
        if errors == 1 { "conflict" } else { "conflicts" },
    );
    let summary = report.to_string();
    let _ = writeln!(
        h,
        "<header class=\"card\" id=\"summary\">\n<h1>factcheck audit</h1>\n<p class=\"lede\">{}</p>\n</header>",
        escape(summary.lines().last().unwrap_or_default())
    );
    if !report.charts.is_empty() {
        h.push_str(
            "<section class=\"card charts\" id=\"charts\">\n<h2>Tolls the archive agrees on</h2>\n",
        );
        for (k, c) in report.charts.iter().enumerate() {
            chart::chart_html(&mut h, c, k + 1, "the values the articles agree on");
        }
        h.push_str("</section>\n");
    }
    h.push_str("<section class=\"card\" id=\"findings\">\n<h2>Findings</h2>\n");
    if report.findings.is_empty() {
        h.push_str("<p class=\"note\">Nothing found.</p>\n");
    } else {
        h.push_str("<ol class=\"audit\">\n");
    }
    for f in &report.findings {
        let level = if f.severity == Severity::Error {
            "error"
        } else {
            "warning"
        };
        let _ = write!(
            h,
            "<li class=\"finding severity-{level}\"><p><strong>{level}[{}]</strong> {}</p>\n<ul>\n",
            f.kind.as_str(),
            escape(&f.message)
        );
        for c in &f.cited {
            let who = c
                .source
                .as_deref()
                .map(|s| format!(" — {}", escape(s)))
                .unwrap_or_default();
            let _ = writeln!(
                h,
                "<li><code>{}:{}:{}</code> {} “{}”{who}</li>",
                escape(&c.article),
                c.span.line,
                c.span.column,
                c.date,
                escape(&c.words)
            );
        }
        h.push_str("</ul>\n");
        if let Some(diff) = &f.diff {
            h.push_str("<p class=\"diff\">");
            for p in diff {
                let text = escape(&p.text);
                let _ = match p.op {
                    DiffOp::Equal => write!(h, "{text} "),
                    DiffOp::Delete => write!(h, "<del>{text}</del> "),
                    DiffOp::Insert => write!(h, "<ins>{text}</ins> "),
                };
            }
            h.push_str("</p>\n");
        }
        h.push_str("</li>\n");
    }
    if !report.findings.is_empty() {
        h.push_str("</ol>\n");
    }
    h.push_str("</section>\n</main>\n</body>\n</html>\n");
    no_old_command(h)
}
