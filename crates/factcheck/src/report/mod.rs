//! Reports: each output format renders the same `CheckReport` or
//! `ExtractReport`. One small type per `--format`, behind one trait.

pub mod claimreview;
pub mod diff;
pub mod github;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod sarif;
pub mod text;

use std::io::{self, Write};

use crate::lang::span::LineIndex;
use crate::model::{CheckReport, Claim, ExtractReport, Finding, Severity};

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    /// `check` only: the article against its corrected text.
    Diff,
    /// `check` only: GitHub Actions workflow commands.
    Github,
    /// `check` only: SARIF 2.1.0.
    Sarif,
    /// One JSON object per line.
    Jsonl,
    /// `check` only: schema.org ClaimReview JSON-LD.
    Claimreview,
    /// `check` only: a self-contained HTML page for editors.
    Html,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 8] = [
        Format::Text,
        Format::Json,
        Format::Diff,
        Format::Github,
        Format::Sarif,
        Format::Jsonl,
        Format::Claimreview,
        Format::Html,
    ];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Diff => "diff",
            Format::Github => "github",
            Format::Sarif => "sarif",
            Format::Jsonl => "jsonl",
            Format::Claimreview => "claimreview",
            Format::Html => "html",
        }
    }

    /// The format of a `--format` name.
    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    pub fn reporter(self) -> Box<dyn Report> {
        match self {
            Format::Text => Box::new(text::Text),
            Format::Json => Box::new(json::Json),
            Format::Diff => Box::new(diff::Diff),
            Format::Github => Box::new(github::Github),
            Format::Sarif => Box::new(sarif::Sarif),
            Format::Jsonl => Box::new(jsonl::Jsonl),
            Format::Claimreview => Box::new(claimreview::ClaimReview),
            Format::Html => Box::new(html::Html),
        }
    }

    /// Formats that render findings, not bare claims.
    pub fn check_only(self) -> bool {
        !matches!(self, Format::Text | Format::Json | Format::Jsonl)
    }
}

/// The error a check-only format gives for `extract`.
pub fn check_only(name: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("--format {name} is for `check`"),
    )
}

/// Whether `--quiet` lets a finding through.
pub fn shown(ctx: &Context, f: &Finding) -> bool {
    !ctx.quiet || f.severity >= ctx.fail_on.unwrap_or(Severity::Error)
}

/// 1-based line and column just past the claim's last character (exclusive
/// end, as GitHub and SARIF regions want).
pub fn end_position(ctx: &Context, path: &str, c: &Claim) -> (usize, usize) {
    match ctx.texts.get(path) {
        Some(text) => LineIndex::new(text).line_col(text, c.span.end),
        None => (c.span.line, c.span.column),
    }
}
