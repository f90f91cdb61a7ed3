//! The command line's words: subcommands, flags and their help. Parsing
//! only; `run` does the work.

use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum};
use factcheck::report::{Format, Kind};

/// `--format` takes the names of the library's formats that a command
/// prints (`takes`): `--help` lists those, and any other is refused with
/// the list.
fn format_parser(takes: fn(Format) -> bool) -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(
        Format::ALL
            .into_iter()
            .filter(|f| takes(*f))
            .map(Format::name),
    )
    .map(|name| Format::parse(&name).expect("a listed format name"))
}

/// Every format renders a check.
fn any_format(_: Format) -> bool {
    true
}

/// The formats that render an extraction.
fn extract_format(f: Format) -> bool {
    f.renders(Kind::Extract)
}

/// `diff` prints its changes as text or JSON.
fn diff_format(f: Format) -> bool {
    matches!(f, Format::Text | Format::Json)
}

/// What `audit` prints.
fn audit_format(f: Format) -> bool {
    matches!(
        f,
        Format::Text | Format::Json | Format::Jsonl | Format::Html
    )
}

/// An audit window: `3`, `3d` (days) or `2w` (weeks), at most ten years.
fn parse_window(s: &str) -> Result<i64, String> {
    let (n, days) = match s.strip_suffix(['d', 'w']) {
        Some(n) if s.ends_with('w') => (n, 7),
        Some(n) => (n, 1),
        None => (s, 1),
    };
    n.parse::<i64>()
        .ok()
        .filter(|&n| (0..=3650 / days).contains(&n))
        .map(|n| n * days)
        .ok_or_else(|| {
            format!("expected days (`3`, `3d`) or weeks (`2w`), up to ten years; got `{s}`")
        })
}

#[derive(Parser, Debug)]
#[command(
    name = "factcheck",
    version = concat!(env!("CARGO_PKG_VERSION"), " (", env!("FACTCHECK_GIT_REVISION"), ")"),
    about = "Check the figures and quotes of news articles against a curated reference"
)]
pub struct Cli {
    /// The subcommand to run.
    #[command(subcommand)]
    pub command: Command,
    /// The repository root that a reference's `articles:` must stay inside
    /// (default: the nearest ancestor of the working directory with `.git`,
    /// else the working directory). Articles given on the command line may
    /// be anywhere.
    #[arg(long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    /// Report only: findings never fail the run (bad input still does).
    Never,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// List the claims found in articles (no reference needed).
    #[command(
        after_help = "Example:\n  factcheck extract claims/articles/ukraine-talks.md --format json"
    )]
    Extract {
        /// Article files, directories or globs; `-` reads standard input.
        /// With --jsonl: JSON Lines files (default: standard input).
        #[arg(required_unless_present = "jsonl")]
        articles: Vec<String>,
        /// Read articles as JSON Lines (`{"id", "text", "date"}` per line) and
        /// write one JSON line per article, in input order.
        #[arg(long)]
        jsonl: bool,
        /// Use this reference's lexicon and source names while extracting.
        #[arg(long, value_name = "REFERENCE")]
        against: Option<PathBuf>,
        /// How to print the claims.
        #[arg(long, value_parser = format_parser(extract_format), default_value = "text")]
        format: Format,
        /// Colour the text output (`auto`: on a terminal, unless NO_COLOR is set).
        #[arg(long, value_enum, default_value = "auto")]
        color: Color,
    },
    /// Check articles against references.
    ///
    /// With no arguments, checks every reference under ./claims against the
    /// articles each names in `articles:` (the CI mode). With articles and no
    /// --against, uses the references under ./claims that name them.
    #[command(
        after_help = "Examples:\n  factcheck check\n  factcheck check draft.md --against claims/ukraine-talks.yaml --format json\n  factcheck check draft.md --format diff | patch -p0"
    )]
    Check {
        /// Article files, directories or globs; `-` reads standard input.
        /// With --jsonl: JSON Lines files (default: standard input).
        articles: Vec<String>,
        /// Read articles as JSON Lines and write one JSON line of findings
        /// per article, in input order (needs --against).
        #[arg(long, requires = "against")]
        jsonl: bool,
        /// The reference to check against (a YAML file). Without it, the
        /// references under ./claims whose `articles:` name the articles.
        #[arg(long, value_name = "REFERENCE")]
        against: Option<PathBuf>,
        /// How to print the findings (`diff`: the corrections as a patch)
        /// [default: text, or factcheck.toml's `format`]
        #[arg(long, value_parser = format_parser(any_format))]
        format: Option<Format>,
        /// The lowest severity that makes the run fail (exit 1)
        /// [default: error, or factcheck.toml's `fail-on`]
        #[arg(long, value_enum)]
        fail_on: Option<FailOn>,
        /// Colour the text output (`auto`: on a terminal, unless NO_COLOR is set).
        #[arg(long, value_enum, default_value = "auto")]
        color: Color,
        /// Print only the findings that fail the run.
        #[arg(long, short)]
        quiet: bool,
        /// List matches and unverified claims one by one in text and github
        /// output (by default they are counted in the summary).
        #[arg(long, short = 'v')]
        show_matches: bool,
        /// Apply the corrections to the article files (atomically; a file
        /// that changed since it was read is left alone).
        #[arg(long)]
        write: bool,
        /// Fail only on findings this baseline (from --write-baseline) does
        /// not record; the recorded ones are listed as suppressed.
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
        /// Record this run's findings (warnings and errors) in FILE, by
        /// article, entry, status and words (not lines); they then do not
        /// fail this run.
        #[arg(long, value_name = "FILE")]
        write_baseline: Option<PathBuf>,
        /// Skip (with a note) the articles named that no reference names,
        /// instead of failing: for hooks that pass every changed file.
        #[arg(long)]
        skip_unreferenced: bool,
        /// Judge only the findings on lines changed since this git revision
        /// (the others are listed as suppressed); findings with no line,
        /// as a required fact never stated, are always judged.
        #[arg(long, value_name = "REV")]
        changed_since: Option<String>,
    },
    /// Validate references (default: everything under ./claims).
    #[command(after_help = "Example:\n  factcheck validate claims/ukraine-talks.yaml")]
    Validate {
        /// Reference files or folders of them.
        paths: Vec<PathBuf>,
    },
    /// Compare the claims of two drafts: figures, quotes and speakers that
    /// changed. Exit 0 when the claims are the same, 1 when they differ.
    #[command(
        after_help = "Example:\n  factcheck diff claims/articles/ukraine-talks.md claims/articles/ukraine-talks-draft.md"
    )]
    Diff {
        /// The earlier draft.
        old: PathBuf,
        /// The later draft.
        new: PathBuf,
        /// How to print the changes.
        #[arg(long, value_parser = format_parser(diff_format), default_value = "text")]
        format: Format,
    },
    /// Write a reference skeleton from an article, for a curator to correct.
    #[command(after_help = "Example:\n  factcheck init draft.md --output claims/draft.yaml")]
    Init {
        /// The article to read the claims of.
        article: PathBuf,
        /// Write the skeleton here (refusing to overwrite) instead of to standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Read an archive and report figures about the same thing that cannot
    /// both hold (same metric and people, a name in common, dates within
    /// the window). Exit 1 when a later count of a toll is lower (an error), else 0.
    #[command(
        after_help = "Examples:\n  factcheck audit archive/\n  factcheck audit --jsonl corpus.jsonl --window 7 --format json"
    )]
    Audit {
        /// Article files, directories or globs; with --jsonl, JSON Lines
        /// files (default: standard input).
        articles: Vec<String>,
        /// Read articles as JSON Lines (`{"id", "text", "date"}` per line).
        #[arg(long, conflicts_with = "from_claims")]
        jsonl: bool,
        /// Read the claims `extract --jsonl` wrote (one article per line)
        /// instead of articles: audit as the reducer of a map step.
        #[arg(long)]
        from_claims: bool,
        /// How far apart two claims' dates may be and still be compared:
        /// days (`3`, `3d`) or weeks (`1w`).
        #[arg(long, default_value = "3d", value_parser = parse_window, value_name = "DAYS")]
        window: i64,
        /// How to print the findings (jsonl: one finding per line).
        #[arg(long, value_parser = format_parser(audit_format), default_value = "text")]
        format: Format,
        /// Also write what the articles agree on as a reference: a series
        /// fact per toll, the sources they name, the quotes several give
        /// word for word (a new file; never over one).
        #[arg(long, value_name = "OUT.yaml")]
        suggest_reference: Option<PathBuf>,
    },
    /// Serve live diagnostics to an editor: the Language Server Protocol
    /// over standard input and output.
    #[command(
        after_help = "Editors start it themselves; see the README's setup for VS Code, Neovim and Helix."
    )]
    Lsp,
    /// Print the configuration a run here uses: factcheck.toml at the
    /// repository root, or the defaults (flags on the command line win).
    #[command(after_help = "Example:\n  factcheck config")]
    Config,
    /// Print the JSON Schema of the reference format (for YAML editors).
    #[command(after_help = "Example:\n  factcheck schema > reference.schema.json")]
    Schema,
}
