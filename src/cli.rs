//! The command line: parse arguments, run a subcommand, map the outcome to
//! an exit code (0 clean, 1 findings at the failing level, 2 bad input).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::article::Article;
use crate::discover;
use crate::error::{Error, Result};
use rayon::prelude::*;

use crate::model::{ArticleClaims, ArticleReport, CheckReport, ExtractReport, Severity, Summary};
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
        /// Apply the corrections to the article files (atomically; a file
        /// that changed since it was read is left alone).
        #[arg(long)]
        write: bool,
    },
    /// Validate references (default: everything under ./claims).
    #[command(after_help = "Example:\n  factcheck validate claims/ukraine-talks.yaml")]
    Validate { paths: Vec<PathBuf> },
    /// Compare the claims of two drafts: figures, quotes and speakers that
    /// changed. Exit 0 when the claims are the same, 1 when they differ.
    #[command(
        after_help = "Example:\n  factcheck diff claims/articles/ukraine-talks.md claims/articles/ukraine-talks-draft.md"
    )]
    Diff {
        old: PathBuf,
        new: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Write a reference skeleton from an article, for a curator to correct.
    #[command(after_help = "Example:\n  factcheck init draft.md --output claims/draft.yaml")]
    Init {
        article: PathBuf,
        /// Write the skeleton here (refusing to overwrite) instead of to standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Print the JSON Schema of the reference format (for YAML editors).
    #[command(after_help = "Example:\n  factcheck schema > reference.schema.json")]
    Schema,
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
        // a closed pipe (`factcheck check | head`) is not an error
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => 0,
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

fn stdout_err(e: std::io::Error) -> Error {
    Error::io("<stdout>", e)
}

/// A progress bar on standard error for long runs on a terminal; hidden
/// when standard error is not a terminal, for few files, or with --quiet.
fn progress(len: usize, quiet: bool) -> indicatif::ProgressBar {
    if quiet || len < 10 || !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} articles {elapsed}")
    {
        bar.set_style(style);
    }
    bar
}

/// Run a JSON Lines job over standard input or the files given; exit 2 if
/// any line was bad.
fn streamed(
    files: &[String],
    job: impl Fn(&mut dyn std::io::BufRead, &str, &mut dyn Write) -> Result<usize>,
) -> Result<i32> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut errors = 0;
    if files.is_empty() || files == ["-"] {
        errors += job(&mut std::io::stdin().lock(), "<stdin>", &mut out)?;
    } else {
        for f in files {
            let file = std::fs::File::open(f).map_err(|e| Error::io(f, e))?;
            errors += job(&mut std::io::BufReader::new(file), f, &mut out)?;
        }
    }
    out.flush().map_err(stdout_err)?;
    Ok(if errors > 0 { 2 } else { 0 })
}

/// Report a bad input and go on: one broken file never loses the rest.
/// Returns the number of errors so far.
fn report_error(e: &Error, errors: &mut usize) {
    *errors += 1;
    let _ = writeln!(std::io::stderr(), "error: {e}");
}

pub fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Extract {
            articles,
            against,
            jsonl: true,
            ..
        } => {
            let reference = against.as_deref().map(Reference::load).transpose()?;
            streamed(&articles, |input, source, out| {
                crate::stream::run(source, input, out, |a| {
                    crate::extract_claims(a, reference.as_ref())
                })
            })
        }
        Command::Check {
            articles,
            against: Some(against),
            jsonl: true,
            ..
        } => {
            let reference = Reference::load(&against)?;
            streamed(&articles, |input, source, out| {
                crate::stream::run(source, input, out, |a| {
                    crate::stream::check_record(a, &reference)
                })
            })
        }
        Command::Extract {
            articles,
            against,
            format,
            color,
            ..
        } => extract(&articles, against.as_deref(), format, color),
        Command::Check {
            articles,
            against,
            format,
            fail_on,
            color,
            quiet,
            write,
            ..
        } => {
            let fail_on = match fail_on {
                FailOn::Error => Severity::Error,
                FailOn::Warning => Severity::Warning,
            };
            check(
                &articles,
                against.as_deref(),
                format,
                fail_on,
                color,
                quiet,
                write,
            )
        }
        Command::Validate { paths } => validate(paths),
        Command::Diff { old, new, format } => diff(&old, &new, format),
        Command::Init { article, output } => init(&article, output.as_deref()),
        Command::Schema => {
            let schema = schemars::schema_for!(crate::reference::ReferenceFile);
            let json =
                serde_json::to_string_pretty(&schema).map_err(|e| Error::Usage(e.to_string()))?;
            writeln!(std::io::stdout().lock(), "{json}").map_err(stdout_err)?;
            Ok(0)
        }
    }
}

fn extract(
    articles: &[String],
    against: Option<&Path>,
    format: Format,
    color: Color,
) -> Result<i32> {
    if format.check_only() {
        return Err(Error::Usage(format!(
            "--format {} is for `check`",
            format
                .to_possible_value()
                .map(|v| v.get_name().to_string())
                .unwrap_or_default()
        )));
    }
    let reference = against.map(Reference::load).transpose()?;
    let mut report = ExtractReport {
        version: 1,
        articles: Vec::new(),
    };
    let mut ctx = Context {
        color: use_color(color),
        ..Default::default()
    };
    let mut errors = 0;
    let paths = discover::expand_articles(articles)?;
    let bar = progress(paths.len(), false);
    // in parallel, collected in input order: the output is the same bytes
    let results: Vec<Result<(ArticleClaims, String)>> = paths
        .par_iter()
        .map(|path| {
            let article = Article::load(path)?;
            bar.inc(1);
            Ok((
                crate::extract_claims(&article, reference.as_ref()),
                article.text,
            ))
        })
        .collect();
    bar.finish_and_clear();
    for r in results {
        match r {
            Ok((claims, text)) => {
                ctx.texts.insert(claims.path.clone(), text);
                report.articles.push(claims);
            }
            Err(e) => report_error(&e, &mut errors),
        }
    }
    format
        .reporter()
        .extract(&report, &ctx, &mut std::io::stdout().lock())
        .map_err(stdout_err)?;
    Ok(if errors > 0 { 2 } else { 0 })
}

fn check(
    articles: &[String],
    against: Option<&Path>,
    format: Format,
    fail_on: Severity,
    color: Color,
    quiet: bool,
    write: bool,
) -> Result<i32> {
    let jobs = plan(articles, against)?;
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
    let mut errors = 0;
    let work: Vec<(&Reference, &PathBuf)> = jobs
        .iter()
        .flat_map(|(r, paths)| paths.iter().map(move |p| (r, p)))
        .collect();
    let bar = progress(work.len(), quiet);
    let results: Vec<Result<(ArticleReport, String)>> = work
        .par_iter()
        .map(|(reference, path)| {
            let article = Article::load(path)?;
            bar.inc(1);
            Ok((crate::check_article(&article, reference), article.text))
        })
        .collect();
    bar.finish_and_clear();
    for r in results {
        match r {
            Ok((checked, text)) => {
                ctx.texts.insert(checked.path.clone(), text);
                report.articles.push(checked);
            }
            Err(e) => report_error(&e, &mut errors),
        }
    }
    report.summary = Summary::of(report.articles.iter().flat_map(|a| &a.findings));
    format
        .reporter()
        .check(&report, &ctx, &mut std::io::stdout().lock())
        .map_err(stdout_err)?;
    if write {
        for a in &report.articles {
            let text = &ctx.texts[&a.path];
            let new = crate::correct::corrected(text, &a.findings);
            if &new == text || a.path == "-" {
                continue;
            }
            match crate::correct::write_atomically(Path::new(&a.path), text, &new) {
                Ok(()) => {
                    let n = a.findings.iter().filter(|f| f.correction.is_some()).count();
                    let _ = writeln!(
                        std::io::stderr(),
                        "{}: wrote {n} correction{}",
                        a.path,
                        if n == 1 { "" } else { "s" }
                    );
                }
                Err(e) => report_error(&e, &mut errors),
            }
        }
    }
    if errors > 0 {
        return Ok(2);
    }
    let failing = report
        .articles
        .iter()
        .flat_map(|a| &a.findings)
        .any(|f| f.severity >= fail_on);
    Ok(i32::from(failing))
}

fn validate(paths: Vec<PathBuf>) -> Result<i32> {
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
    let mut out = std::io::stdout().lock();
    let mut errors = 0;
    for f in &files {
        let checked = Reference::load(f).and_then(|r| {
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
        });
        match checked {
            Ok(r) => writeln!(
                out,
                "{}: ok ({} sources, {} facts, {} quotes, {} statements)",
                f.display(),
                r.sources.len(),
                r.facts.len(),
                r.quotes.len(),
                r.statements.len()
            )
            .map_err(stdout_err)?,
            Err(e) => report_error(&e, &mut errors),
        }
    }
    Ok(if errors > 0 { 2 } else { 0 })
}

fn diff(old: &Path, new: &Path, format: Format) -> Result<i32> {
    let (a, b) = (Article::load(old)?, Article::load(new)?);
    let (ca, cb) = (
        crate::extract_claims(&a, None),
        crate::extract_claims(&b, None),
    );
    let d = crate::changes::compare((&a, &ca), (&b, &cb));
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let json = serde_json::to_string_pretty(&d).map_err(|e| Error::Usage(e.to_string()))?;
            writeln!(out, "{json}").map_err(stdout_err)?;
        }
        Format::Text => write!(out, "{}", crate::changes::render(&d)).map_err(stdout_err)?,
        _ => {
            return Err(Error::Usage(
                "`factcheck diff` prints --format text or json".into(),
            ))
        }
    }
    Ok(i32::from(!d.changes.is_empty()))
}

fn init(article: &Path, output: Option<&Path>) -> Result<i32> {
    let a = Article::load(article)?;
    let claims = crate::extract_claims(&a, None);
    // the article as the reference will name it: relative to the reference's folder
    let entry = match output.and_then(|o| o.parent()) {
        Some(dir) => relative(article, dir),
        None => article.display().to_string(),
    };
    let file = crate::init::skeleton(&claims, &entry);
    let yaml = crate::init::to_yaml(&file, &article.display().to_string());
    match output {
        Some(o) => {
            if o.exists() {
                return Err(Error::Usage(format!(
                    "{}: already exists; not overwritten",
                    o.display()
                )));
            }
            std::fs::write(o, &yaml).map_err(|e| Error::io(o, e))?;
            let _ = writeln!(
                std::io::stderr(),
                "{}: {} sources, {} facts, {} quotes, {} statements",
                o.display(),
                file.sources.len(),
                file.facts.len(),
                file.quotes.len(),
                file.statements.len()
            );
        }
        None => write!(std::io::stdout().lock(), "{yaml}").map_err(stdout_err)?,
    }
    Ok(0)
}

/// `path` relative to `dir` (both as given, made absolute against the
/// working directory), for `articles:` entries.
fn relative(path: &Path, dir: &Path) -> String {
    let abs =
        |p: &Path| discover::clean(&std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()));
    let (p, d) = (
        abs(path),
        abs(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        }),
    );
    let (pc, dc): (Vec<_>, Vec<_>) = (p.components().collect(), d.components().collect());
    let common = pc.iter().zip(&dc).take_while(|(a, b)| a == b).count();
    let mut rel = PathBuf::new();
    for _ in common..dc.len() {
        rel.push("..");
    }
    for c in &pc[common..] {
        rel.push(c);
    }
    rel.display().to_string()
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
