//! Reports: every output format renders one [`Document`] — a check or an
//! extraction, with the article texts it points into, each indexed for
//! lines once — through one [`Render`] trait. Formats only render; what a
//! status means, its marker and its level live in `status.rs`.

mod claimreview;
mod diff;
mod github;
mod html;
mod json;
mod jsonl;
pub mod safe_json;
mod sarif;
mod status;
mod text;
pub mod visible;

use std::collections::HashMap;
use std::io::{self, Write};

pub use claimreview::ClaimReview;
pub use diff::Diff;
pub use github::Github;
pub use html::{audit_page, Html};
pub use json::Json;
pub use jsonl::Jsonl;
pub use sarif::Sarif;
pub use text::Text;

use crate::article::Article;
use crate::lang::span::LineIndex;
use crate::model::{CheckReport, Claim, ExtractReport, Finding, Severity, Status};

/// What a report is about.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// Findings: articles checked against references.
    Check(CheckReport),
    /// Claims: articles read without a reference.
    Extract(ExtractReport),
}

/// Which kind of [`Body`] a document has, for asking a format what it renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A [`Body::Check`].
    Check,
    /// A [`Body::Extract`].
    Extract,
}

/// An article's text as read, indexed once so that every claim's end
/// position and every snippet costs a binary search, not a rescan.
#[derive(Debug, Clone)]
pub struct Source {
    text: String,
    lines: LineIndex,
    body_start: usize,
}

impl Source {
    /// The article's text and where its body starts (after front matter).
    pub fn new(article: Article) -> Source {
        Source {
            // (the article's own index: one per article, not one per use)
            lines: article.lines,
            body_start: article.body_start,
            text: article.text,
        }
    }

    /// The text as read.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Byte offset where the body starts, after any front matter.
    pub fn body_start(&self) -> usize {
        self.body_start
    }

    /// 1-based line and character column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(&self.text, offset)
    }

    /// Byte range of a 1-based line, without its line ending.
    pub fn line_range(&self, line: usize) -> (usize, usize) {
        self.lines.line_range(&self.text, line)
    }

    /// As [`Source::line_range`], its end looked for only between the
    /// bytes of `near` (see [`crate::lang::span::LineIndex::line_range_near`]).
    pub fn line_range_near(&self, line: usize, near: (usize, usize)) -> (usize, usize) {
        self.lines.line_range_near(&self.text, line, near)
    }
}

/// A check or an extraction with the texts of its articles.
#[derive(Debug, Clone)]
pub struct Document {
    /// The result to render.
    pub body: Body,
    sources: HashMap<String, Source>,
}

impl Document {
    /// A document without article texts (snippets and fixes then fall back
    /// to what the findings carry).
    pub fn new(body: Body) -> Document {
        Document {
            body,
            sources: HashMap::new(),
        }
    }

    /// Add the text of the article at `path`, as the findings name it.
    pub fn add_source(&mut self, path: impl Into<String>, source: Source) {
        self.sources.insert(path.into(), source);
    }

    /// The text of the article at `path`, if it was added.
    pub fn source(&self, path: &str) -> Option<&Source> {
        self.sources.get(path)
    }

    /// Whether this is a check or an extraction.
    pub fn kind(&self) -> Kind {
        match self.body {
            Body::Check(_) => Kind::Check,
            Body::Extract(_) => Kind::Extract,
        }
    }

    /// 1-based line and column just past the claim's last character
    /// (exclusive end, as GitHub and SARIF regions want).
    fn end_position(&self, path: &str, c: &Claim) -> (usize, usize) {
        match self.source(path) {
            Some(s) => s.line_col(c.span.end),
            None => (c.span.line, c.span.column),
        }
    }

    /// The check, for formats that render only checks; an extraction is
    /// refused with the format's name (callers ask [`Format::renders`] first).
    fn checked(&self, format: Format) -> io::Result<&CheckReport> {
        match &self.body {
            Body::Check(report) => Ok(report),
            Body::Extract(_) => Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("--format {} is for `check`", format.name()),
            )),
        }
    }
}

/// How to print, whatever the format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// ANSI colour (text format only).
    pub color: bool,
    /// Print only findings at or above `fail_on`.
    pub quiet: bool,
    /// The lowest severity that fails the run.
    pub fail_on: Severity,
    /// List matches and unverified claims one by one in the formats people
    /// read (text, github); otherwise they are only counted.
    pub show_matches: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            color: false,
            quiet: false,
            fail_on: Severity::Error,
            show_matches: false,
        }
    }
}

impl Options {
    /// Whether `--quiet` lets a finding through.
    pub fn shows(&self, f: &Finding) -> bool {
        !self.quiet || f.severity >= self.fail_on
    }

    /// Whether `--quiet` lets a notice (a warning) through.
    pub fn shows_notices(&self) -> bool {
        !self.quiet || Severity::Warning >= self.fail_on
    }

    /// Whether a format people read lists the finding: not a match or an
    /// unverified claim (counted in the summary) unless asked. On real copy
    /// most findings are matches; listed, they bury the ones to act on.
    pub fn lists(&self, f: &Finding) -> bool {
        self.shows(f)
            && (self.show_matches || !matches!(f.status, Status::Match | Status::Unverified))
    }
}

/// One output format.
pub trait Render {
    /// Write `doc` to `out`.
    fn render(&self, doc: &Document, opts: &Options, out: &mut dyn Write) -> io::Result<()>;
}

/// The output formats, by the name `--format` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Diagnostics for a terminal, as a compiler draws them.
    Text,
    /// The data model as JSON (contract version 1).
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

    /// The renderer of this format.
    pub fn renderer(self) -> &'static dyn Render {
        match self {
            Format::Text => &Text,
            Format::Json => &Json,
            Format::Diff => &Diff,
            Format::Github => &Github,
            Format::Sarif => &Sarif,
            Format::Jsonl => &Jsonl,
            Format::Claimreview => &ClaimReview,
            Format::Html => &Html,
        }
    }

    /// Whether this format carries an article's notices (limits reached);
    /// a patch and a ClaimReview have no place for them, so the caller
    /// says them on standard error.
    pub fn carries_notices(self) -> bool {
        !matches!(self, Format::Diff | Format::Claimreview)
    }

    /// Whether this format renders documents of `kind`: findings formats
    /// have nothing to say about bare claims.
    pub fn renders(self, kind: Kind) -> bool {
        kind == Kind::Check || matches!(self, Format::Text | Format::Json | Format::Jsonl)
    }
}
