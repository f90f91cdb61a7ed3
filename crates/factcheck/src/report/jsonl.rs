//! `--format jsonl`: one JSON object per line — each finding (with the
//! article's path and reference) for `check`, each article for `extract` —
//! for streaming into other tools.

use std::io::{self, Write};

use serde::Serialize;

use super::{Context, Report};
use crate::model::{CheckReport, ExtractReport, Finding};

pub struct Jsonl;

#[derive(Serialize)]
struct Line<'a> {
    path: &'a str,
    reference: &'a str,
    #[serde(flatten)]
    finding: &'a Finding,
}

impl Report for Jsonl {
    fn check(&self, report: &CheckReport, ctx: &Context, out: &mut dyn Write) -> io::Result<()> {
        for a in &report.articles {
            for f in a.findings.iter().filter(|f| super::shown(ctx, f)) {
                serde_json::to_writer(
                    &mut *out,
                    &Line {
                        path: &a.path,
                        reference: &a.reference,
                        finding: f,
                    },
                )?;
                writeln!(out)?;
            }
        }
        Ok(())
    }

    fn extract(&self, report: &ExtractReport, _: &Context, out: &mut dyn Write) -> io::Result<()> {
        for a in &report.articles {
            serde_json::to_writer(&mut *out, a)?;
            writeln!(out)?;
        }
        Ok(())
    }
}
