//! `--format json`: the serde form of the data model (contract version 1).

use std::io::{self, Write};

use super::{Body, Document, Options, Render};

/// Pretty-printed JSON of the check or the extraction.
pub struct Json;

impl Render for Json {
    fn render(&self, doc: &Document, _: &Options, out: &mut dyn Write) -> io::Result<()> {
        match &doc.body {
            Body::Check(report) => super::safe_json::to_writer_pretty(&mut *out, report)?,
            Body::Extract(report) => super::safe_json::to_writer_pretty(&mut *out, report)?,
        }
        writeln!(out)
    }
}
