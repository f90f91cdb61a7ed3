//! Reports: each output format renders the same `CheckReport` or
//! `ExtractReport`. One small type per `--format`, behind one trait.

pub mod diff;
pub mod json;
pub mod text;

use std::io::{self, Write};

use crate::model::{CheckReport, ExtractReport, Severity};

/// What a format needs besides the findings: the article texts (for
/// snippets) and how to print.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Article path → its text as read.
    pub texts: std::collections::HashMap<String, String>,
    pub color: bool,
    /// Print only findings at or above `fail_on`.
    pub quiet: bool,
    pub fail_on: Option<Severity>,
}

/// One output format.
pub trait Report {
    fn check(&self, report: &CheckReport, ctx: &Context, out: &mut dyn Write) -> io::Result<()>;
    fn extract(&self, report: &ExtractReport, ctx: &Context, out: &mut dyn Write)
        -> io::Result<()>;
}

/// The `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    /// `check` only: the article against its corrected text.
    Diff,
}

impl Format {
    pub fn reporter(self) -> Box<dyn Report> {
        match self {
            Format::Text => Box::new(text::Text),
            Format::Json => Box::new(json::Json),
            Format::Diff => Box::new(diff::Diff),
        }
    }
}
