//! `--format json`: the serde form of the report (contract version 1).

use std::io::{self, Write};

use super::{Context, Report};
use crate::model::{CheckReport, ExtractReport};

pub struct Json;

impl Report for Json {
    fn check(&self, report: &CheckReport, _: &Context, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, report)?;
        writeln!(out)
    }

    fn extract(&self, report: &ExtractReport, _: &Context, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, report)?;
        writeln!(out)
    }
}
