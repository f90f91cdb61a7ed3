//! The command line: parse arguments, run a subcommand, map the outcome to
//! an exit code (0 clean, 1 findings at the failing level, 2 bad input).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::article::Article;
use crate::discover;
use crate::error::{Error, Result};
use crate::model::{CheckReport, ExtractReport, Severity, Summary};
use crate::reference::Reference;
use crate::report::{Context, Format};

#[derive(Parser, Debug)]
#[command(
    name = "factcheck",
    version,
    about = "Check the figures and quotes of news articles against a curated reference"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
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
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// List the claims found in articles (no reference needed).
    #[command(
        after_help = "Example:\n  factcheck extract claims/articles/ukraine-talks.md --format json"
    )]
    Extract {
        /// Article files, directories or globs; `-` reads standard input.
        #[arg(required = true)]
        articles: Vec<String>,
        /// Use this reference's lexicon and source names while extracting.
        #[arg(long, value_name = "REFERENCE")]
        against: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        #[arg(long, value_enum, default_value = "auto")]
        color: Color,
    },
    /// Check articles against references.
    ///
    /// With no arguments, checks every reference under ./claims against the
    /// articles each names in `articles:` (the CI mode). With articles and no
    /// --against, uses the references under ./claims that name them.
    #[command(
        after_help = "Examples:\n  factcheck check\n  factcheck check draft.md --against claims/ukraine-talks.yaml --format json"
    )]
    Check {
        /// Article files, directories or globs; `-` reads standard input.
        articles: Vec<String>,
        #[arg(long, value_name = "REFERENCE")]
        against: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// The lowest severity that makes the run fail (exit 1).
        #[arg(long, value_enum, default_value = "error")]
        fail_on: FailOn,
        #[arg(long, value_enum, default_value = "auto")]
        color: Color,
        /// Print only the findings that fail the run.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Validate references (default: everything under ./claims).
    #[command(after_help = "Example:\n  factcheck validate claims/ukraine-talks.yaml")]
    Validate { paths: Vec<PathBuf> },
}

/// Run the command line; returns the exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "error: {e}");
            2
        }
    }
}

fn use_color(c: Color) -> bool {
    match c {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::IsTerminal::is_terminal(&std::io::stdout())
        }
    }
}

pub fn run(cli: Cli) -> Result<i32> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let io = |e: std::io::Error| Error::io("<stdout>", e);
    match cli.command {
        Command::Extract {
            articles,
            against,
            format,
            color,
        } => {
            let reference = against.as_deref().map(Reference::load).transpose()?;
            let mut report = ExtractReport {
                version: 1,
                articles: Vec::new(),
            };
            let mut ctx = Context {
                color: use_color(color),
                ..Default::default()
            };
            for path in discover::expand_articles(&articles)? {
                let article = Article::load(&path)?;
                report
                    .articles
                    .push(crate::extract_claims(&article, reference.as_ref()));
                ctx.texts.insert(article.path.clone(), article.text);
            }
            format
                .reporter()
                .extract(&report, &ctx, &mut out)
                .map_err(io)?;
            Ok(0)
        }
        Command::Check {
            articles,
            against,
            format,
            fail_on,
            color,
            quiet,
        } => {
            let jobs = plan(&articles, against.as_deref())?;
            let fail_on = match fail_on {
                FailOn::Error => Severity::Error,
                FailOn::Warning => Severity::Warning,
            };
            let mut ctx = Context {
                color: use_color(color),
                quiet,
                fail_on: Some(fail_on),
                ..Default::default()
            };
            let mut report = CheckReport {
                version: 1,
                articles: Vec::new(),
                summary: Summary::default(),
            };
            for (reference, paths) in &jobs {
                for path in paths {
                    let article = Article::load(path)?;
                    let r = crate::check_article(&article, reference);
                    ctx.texts.insert(article.path.clone(), article.text);
                    report.articles.push(r);
                }
            }
            report.summary = Summary::of(report.articles.iter().flat_map(|a| &a.findings));
            format
                .reporter()
                .check(&report, &ctx, &mut out)
                .map_err(io)?;
            let failing = report
                .articles
                .iter()
                .flat_map(|a| &a.findings)
                .any(|f| f.severity >= fail_on);
            Ok(i32::from(failing))
        }
        Command::Validate { paths } => {
            let paths = if paths.is_empty() {
                vec![PathBuf::from("claims")]
            } else {
                paths
            };
            let mut files = Vec::new();
            for p in &paths {
                if p.is_dir() {
                    files.extend(discover::references_under(p)?);
                } else {
                    files.push(p.clone());
                }
            }
            if files.is_empty() {
                return Err(Error::Usage("no references to validate".into()));
            }
            let mut bad = 0;
            for f in &files {
                match Reference::load(f).and_then(|r| {
                    // the articles it names must exist
                    for a in discover::articles_of(&r)? {
                        if !a.is_file() {
                            return Err(Error::Usage(format!(
                                "{}: `articles:` names {}, which does not exist",
                                f.display(),
                                a.display()
                            )));
                        }
                    }
                    Ok(r)
                }) {
                    Ok(r) => writeln!(
                        out,
                        "{}: ok ({} sources, {} facts, {} quotes, {} statements)",
                        f.display(),
                        r.sources.len(),
                        r.facts.len(),
                        r.quotes.len(),
                        r.statements.len()
                    )
                    .map_err(io)?,
                    Err(e) => {
                        bad += 1;
                        let _ = writeln!(std::io::stderr(), "error: {e}");
                    }
                }
            }
            Ok(if bad > 0 { 2 } else { 0 })
        }
    }
}

/// Which articles to check against which reference.
fn plan(articles: &[String], against: Option<&Path>) -> Result<Vec<(Reference, Vec<PathBuf>)>> {
    if let Some(r) = against {
        let reference = Reference::load(r)?;
        let paths = if articles.is_empty() {
            discover::articles_of(&reference)?
        } else {
            discover::expand_articles(articles)?
        };
        return Ok(vec![(reference, paths)]);
    }
    let refs: Vec<Reference> = discover::references_under(Path::new("claims"))?
        .iter()
        .map(|p| Reference::load(p))
        .collect::<Result<_>>()?;
    if refs.is_empty() {
        return Err(Error::Usage(
            "no references under ./claims; pass --against REFERENCE".into(),
        ));
    }
    if articles.is_empty() {
        return refs
            .into_iter()
            .map(|r| {
                let paths = discover::articles_of(&r)?;
                Ok((r, paths))
            })
            .collect();
    }
    let paths = discover::expand_articles(articles)?;
    let mut jobs: Vec<(Reference, Vec<PathBuf>)> = Vec::new();
    for p in paths {
        let matching: Vec<&Reference> = refs.iter().filter(|r| discover::covers(r, &p)).collect();
        if matching.is_empty() {
            return Err(Error::Usage(format!(
                "{}: no reference under ./claims names this article; pass --against REFERENCE",
                p.display()
            )));
        }
        for r in matching {
            match jobs.iter_mut().find(|(j, _)| j.path == r.path) {
                Some((_, list)) => list.push(p.clone()),
                None => jobs.push((r.clone(), vec![p.clone()])),
            }
        }
    }
    Ok(jobs)
}
