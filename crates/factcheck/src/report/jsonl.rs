//! `--format jsonl`: one JSON object per line — each finding (with the
//! article's path and reference) for `check`, each article for `extract` —
//! for streaming into other tools.

use std::io::{self, Write};

use serde::Serialize;

use super::{Body, Document, Options, Render};
use crate::model::{Finding, Notice};

/// One JSON object per finding (check) or per article (extract).
pub struct Jsonl;

#[derive(Serialize)]
struct Line<'a> {
    path: &'a str,
    reference: &'a str,
    #[serde(flatten)]
    finding: &'a Finding,
}

/// A limit reached on an article, on a line of its own.
#[derive(Serialize)]
struct NoticeLine<'a> {
    path: &'a str,
    reference: &'a str,
    notice: &'a Notice,
}

impl Render for Jsonl {
    fn render(&self, doc: &Document, opts: &Options, out: &mut dyn Write) -> io::Result<()> {
        match &doc.body {
            Body::Check(report) => {
                for a in &report.articles {
                    for f in a.findings.iter().filter(|f| opts.shows(f)) {
                        let line = Line {
                            path: &a.path,
                            reference: &a.reference,
                            finding: f,
                        };
                        super::safe_json::to_writer(&mut *out, &line)?;
                        writeln!(out)?;
                    }
                    for notice in a.notices.iter().filter(|_| opts.shows_notices()) {
                        let line = NoticeLine {
                            path: &a.path,
                            reference: &a.reference,
                            notice,
                        };
                        super::safe_json::to_writer(&mut *out, &line)?;
                        writeln!(out)?;
                    }
                }
            }
            Body::Extract(report) => {
                for a in &report.articles {
                    super::safe_json::to_writer(&mut *out, a)?;
                    writeln!(out)?;
                }
            }
        }
        Ok(())
    }
}
