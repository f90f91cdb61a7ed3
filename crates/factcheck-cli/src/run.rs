//! The subcommands: each reads its inputs, calls the library, renders the
//! result and says how the run ended. One bad input never loses the rest.

use std::io::Write;
use std::path::{Path, PathBuf};

use factcheck::model::{
    ArticleClaims, ArticleReport, CheckReport, ExtractReport, Severity, Summary,
};
use factcheck::report::{Body, Document, Format, Options, Source};
use factcheck::{Article, Checker, Error, Extractor, Reference, Result};
use rayon::prelude::*;

use crate::args::{Cli, Color, Command, FailOn};
use crate::discover;
use crate::exit::Outcome;

/// The built-in extractor, or one that knows a reference's words and names.
fn extractor<'r>(reference: Option<&'r Reference>) -> Extractor<'r> {
    match reference {
        Some(r) => Extractor::for_reference(r),
        None => Extractor::default(),
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

pub(crate) fn stdout_err(e: std::io::Error) -> Error {
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

/// The bytes a stream is read and written in: at the default 8 KB, the
/// reading thread made a system call for every few records in and out
/// (15,000 for the corpus), time the workers' cores lost.
const STREAM_BUFFER: usize = 1 << 18;

/// Run a JSON Lines job over standard input or the files given; exit 2 if
/// any line was bad.
fn streamed(
    files: &[String],
    job: impl Fn(&mut dyn std::io::BufRead, &str, &mut dyn Write) -> Result<usize>,
) -> Result<Outcome> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(STREAM_BUFFER, stdout.lock());
    let mut errors = 0;
    if files.is_empty() || files == ["-"] {
        let mut input = std::io::BufReader::with_capacity(STREAM_BUFFER, std::io::stdin().lock());
        errors += job(&mut input, "<stdin>", &mut out)?;
    } else {
        for f in files {
            // only regular files: `/dev/zero` never ends and a FIFO blocks
            // (a stream comes in on standard input); one bad file loses
            // none of the others
            match factcheck::open_regular(Path::new(f)) {
                Ok((file, _)) => {
                    let mut input = std::io::BufReader::with_capacity(STREAM_BUFFER, file);
                    errors += job(&mut input, f, &mut out)?
                }
                Err(e) => report_error(&e, &mut errors),
            }
        }
    }
    out.flush().map_err(stdout_err)?;
    Ok(Outcome::Clean.unless_errors(errors))
}

/// Report a bad input and go on: one broken file never loses the rest.
/// Returns the number of errors so far.
pub(crate) fn report_error(e: &Error, errors: &mut usize) {
    *errors += 1;
    crate::say::error(e);
}

pub fn run(cli: Cli) -> Result<Outcome> {
    let root = cli.root.as_deref();
    // (read once, for every command: a malformed file is an error for all)
    let settings = crate::config::Settings::load(&discover::repo_root(root)?)?;
    match cli.command {
        Command::Extract {
            articles,
            against,
            jsonl: true,
            ..
        } => {
            let reference = against.as_deref().map(Reference::load).transpose()?;
            streamed(&articles, |input, source, out| {
                let extractor = extractor(reference.as_ref());
                crate::stream::run(source, input, out, |a| extractor.extract(a))
            })
        }
        Command::Check {
            articles,
            against: Some(against),
            jsonl: true,
            ..
        } => {
            let reference = Reference::load(&against)?;
            let checker = Checker::new(&reference);
            streamed(&articles, |input, source, out| {
                crate::stream::run(source, input, out, |a| {
                    crate::stream::check_record(a, &checker)
                })
            })
        }
        Command::Extract {
            articles,
            against,
            format,
            color,
            ..
        } => extract(&articles, against.as_deref(), format, color, root),
        Command::Check {
            articles,
            against,
            format,
            fail_on,
            color,
            quiet,
            show_matches,
            write,
            baseline,
            write_baseline,
            changed_since,
            skip_unreferenced,
            ..
        } => {
            let format = format.or(settings.format).unwrap_or(Format::Text);
            let fail_on = fail_on.or(settings.fail_on).unwrap_or(FailOn::Error);
            // (never: a report-only step; quiet output still shows errors)
            let never = fail_on == FailOn::Never;
            let fail_on = match fail_on {
                FailOn::Error | FailOn::Never => Severity::Error,
                FailOn::Warning => Severity::Warning,
            };
            let opts = Options {
                color: use_color(color),
                quiet,
                fail_on,
                show_matches,
            };
            let run = CheckRun {
                format,
                opts,
                write,
                never,
                skip_unreferenced,
                aside: crate::aside::Aside {
                    // (the file's baseline, once it has been written: a
                    // run may be the one that writes it)
                    baseline: baseline
                        .or_else(|| settings.baseline.clone().filter(|p| p.is_file())),
                    write_baseline,
                    changed_since,
                },
            };
            check(&articles, against.as_deref(), run, root, &settings)
        }
        Command::Validate { paths } => crate::commands::validate(paths, root, &settings.references),
        Command::Lsp => crate::lsp::serve(settings.references.clone()),
        Command::Audit {
            articles,
            jsonl,
            from_claims,
            window,
            format,
            suggest_reference,
        } => crate::commands::audit(
            &articles,
            (jsonl, from_claims, window, format),
            suggest_reference.as_deref(),
            root,
        ),
        Command::Config => {
            write!(std::io::stdout().lock(), "{}", settings.describe()).map_err(stdout_err)?;
            Ok(Outcome::Clean)
        }
        Command::Diff { old, new, format } => crate::commands::diff(&old, &new, format),
        Command::Init { article, output } => crate::commands::init(&article, output.as_deref()),
        Command::Schema => {
            let json = factcheck::ReferenceFile::schema_json();
            writeln!(std::io::stdout().lock(), "{json}").map_err(stdout_err)?;
            Ok(Outcome::Clean)
        }
    }
}

fn extract(
    articles: &[String],
    against: Option<&Path>,
    format: Format,
    color: Color,
    root: Option<&Path>,
) -> Result<Outcome> {
    let reference = against.map(Reference::load).transpose()?;
    let extractor = extractor(reference.as_ref());
    let paths = discover::expand_articles(articles, &discover::repo_root(root)?)?;
    let bar = progress(paths.len(), false);
    // in parallel, collected in input order: the output is the same bytes
    let results: Vec<Result<(ArticleClaims, Article)>> = paths
        .par_iter()
        .map(|path| {
            let article = Article::load(path)?;
            bar.inc(1);
            Ok((extractor.extract(&article), article))
        })
        .collect();
    bar.finish_and_clear();
    let mut errors = 0;
    let (claims, sources) = gather(results, |c| &c.path, &mut errors);
    let doc = document(
        Body::Extract(ExtractReport {
            version: 1,
            articles: claims,
        }),
        sources,
    );
    let opts = Options {
        color: use_color(color),
        ..Options::default()
    };
    render(format, &doc, &opts, false)?;
    Ok(Outcome::Clean.unless_errors(errors))
}

/// The results of a parallel run, in input order: each good one with its
/// article's text (for snippets and fixes), each bad one reported and counted.
fn gather<T>(
    results: Vec<Result<(T, Article)>>,
    path: impl Fn(&T) -> &str,
    errors: &mut usize,
) -> (Vec<T>, Vec<(String, Source)>) {
    let mut done = Vec::new();
    let mut sources = Vec::new();
    for r in results {
        match r {
            Ok((t, article)) => {
                sources.push((path(&t).to_string(), Source::new(article)));
                done.push(t);
            }
            Err(e) => report_error(&e, errors),
        }
    }
    (done, sources)
}

/// A document with its articles' texts.
fn document(body: Body, sources: Vec<(String, Source)>) -> Document {
    let mut doc = Document::new(body);
    for (path, source) in sources {
        doc.add_source(path, source);
    }
    doc
}

/// Write a document to standard output (or error) in `format` (buffered:
/// renderers write many small pieces).
fn render(format: Format, doc: &Document, opts: &Options, to_stderr: bool) -> Result<()> {
    let (target, terminal): (Box<dyn Write>, bool) = if to_stderr {
        let e = std::io::stderr();
        (Box::new(e.lock()), std::io::IsTerminal::is_terminal(&e))
    } else {
        let o = std::io::stdout();
        (Box::new(o.lock()), std::io::IsTerminal::is_terminal(&o))
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, target);
    // a diff keeps the article's bytes for `patch`; on a terminal its
    // control characters are shown as escapes, as everywhere else
    if format == Format::Diff && terminal {
        let mut buf = Vec::new();
        format
            .renderer()
            .render(doc, opts, &mut buf)
            .map_err(stdout_err)?;
        let text = String::from_utf8_lossy(&buf);
        return std::io::Write::write_all(
            &mut out,
            factcheck::report::visible::visible(&text).as_bytes(),
        )
        .and_then(|()| std::io::Write::flush(&mut out))
        .map_err(stdout_err);
    }
    // (a patch keeps a stranger's lines raw: fenced on a CI runner)
    if format == Format::Diff {
        return crate::say::fenced(&mut out, |o| format.renderer().render(doc, opts, o))
            .and_then(|()| out.flush())
            .map_err(stdout_err);
    }
    format
        .renderer()
        .render(doc, opts, &mut out)
        .and_then(|()| out.flush())
        .map_err(stdout_err)
}

/// How a `check` runs: its format and options, whether it writes fixes,
/// and whether findings may fail it at all (`--fail-on never`).
struct CheckRun {
    format: Format,
    opts: Options,
    write: bool,
    never: bool,
    /// Articles no reference names are skipped, not an error.
    skip_unreferenced: bool,
    aside: crate::aside::Aside,
}

fn check(
    articles: &[String],
    against: Option<&Path>,
    run: CheckRun,
    root: Option<&Path>,
    settings: &crate::config::Settings,
) -> Result<Outcome> {
    let CheckRun {
        format,
        opts,
        write,
        never,
        skip_unreferenced,
        aside,
    } = run;
    let baseline = aside.prepare()?;
    if articles.is_empty() && piped_in() {
        crate::say::note(
            "standard input is not read: with no articles named, the references' \
             `articles:` are checked (name `-` to check the text piped in)",
        );
    }
    let folders = &settings.references;
    let (jobs, unreadable) = plan(articles, against, root, folders, skip_unreferenced)?;
    let mut errors = 0;
    for e in &unreadable {
        report_error(e, &mut errors);
    }
    // one checker per reference, shared by every article it covers
    let checkers: Vec<Checker> = jobs.iter().map(|(r, _)| Checker::new(r)).collect();
    let work: Vec<(&Checker, &PathBuf)> = checkers
        .iter()
        .zip(&jobs)
        .flat_map(|(c, (_, paths))| paths.iter().map(move |p| (c, p)))
        .collect();
    let bar = progress(work.len(), opts.quiet);
    // what `--write` writes and `--format diff` shows: every fix, those
    // the first fixes made possible included
    let settle = write || format == Format::Diff;
    let results: Vec<Result<(ArticleReport, Article)>> = work
        .par_iter()
        .map(|(checker, path)| {
            let article = Article::load(path)?;
            bar.inc(1);
            Ok((checker.check(&article), article))
        })
        .collect();
    bar.finish_and_clear();
    // each article's date, for the charts of `series` facts
    let dates: std::collections::HashMap<String, Option<chrono::NaiveDate>> = results
        .iter()
        .flatten()
        .map(|(r, a)| (r.path.clone(), a.date))
        .collect();
    let (mut reports, sources) = gather(results, |r| &r.path, &mut errors);
    settings.override_severity(reports.iter_mut().flat_map(|r| &mut r.findings));
    aside.apply(&mut reports, baseline)?;
    if settle {
        // (after the set-asides: a finding a baseline or --changed-since
        // set aside is never written, as a comment's is not)
        let checker_of = |reference: &str| {
            jobs.iter()
                .position(|(r, _)| r.path.display().to_string() == reference)
                .map(|i| &checkers[i])
        };
        let text_of = |path: &str| {
            sources
                .iter()
                .find(|(p, _)| p == path)
                .map(|(_, s)| s.text())
        };
        reports.par_iter_mut().for_each(|r| {
            let (Some(checker), Some(text)) = (checker_of(&r.reference), text_of(&r.path)) else {
                return;
            };
            if let Ok(article) = Article::from_text(&r.path, text.to_string(), None) {
                let mut settled = checker.settle(&article, r);
                settings.override_severity(settled.left.iter_mut());
                r.settled = Some(settled);
            }
        });
    }
    let summary = Summary::of_reports(&reports);
    let charts: Vec<_> = jobs
        .iter()
        .zip(&checkers)
        .flat_map(|((r, _), checker)| {
            let name = r.path.display().to_string();
            let checked: Vec<_> = reports
                .iter()
                .filter(|a| a.reference == name)
                .map(|a| (a, dates.get(&a.path).copied().flatten()))
                .collect();
            checker.charts(&checked)
        })
        .collect();
    // a limit reached is a warning: part of an article went unchecked
    let noticed =
        opts.fail_on <= Severity::Warning && reports.iter().any(|a| !a.notices.is_empty());
    // (text read from standard input and written back is a filter: the
    // corrected text is the output, the report goes to standard error)
    let filter = write && reports.iter().any(|a| a.path == "-");
    let doc = document(
        Body::Check(CheckReport {
            version: 1,
            articles: reports,
            summary,
            charts,
        }),
        sources,
    );
    render(format, &doc, &opts, filter)?;
    if !format.carries_notices() && opts.shows_notices() {
        if let Body::Check(report) = &doc.body {
            for a in &report.articles {
                for n in &a.notices {
                    crate::say::warning(&a.path, n);
                }
            }
        }
    }
    let written = if write {
        let root = discover::repo_root(root)?;
        crate::write::write_corrections(&doc, &root, &mut errors)
    } else {
        Default::default()
    };
    // the run fails by what is left: for an article written, the findings
    // its corrected text still gives
    let Body::Check(report) = &doc.body else {
        unreachable!("a check renders a check report")
    };
    let failing = noticed
        || report.articles.iter().any(|a| {
            let left = a.settled.as_ref().filter(|_| written.contains(&a.path));
            left.map_or(&a.findings, |s| &s.left)
                .iter()
                .any(|f| f.severity >= opts.fail_on)
        });
    Ok(Outcome::findings_if(failing && !never).unless_errors(errors))
}

/// Whether text is piped or redirected into standard input (a pipe, or a
/// file that is not empty): not a terminal, nor the empty input of a CI
/// step or of `< /dev/null`.
fn piped_in() -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        std::fs::metadata("/dev/stdin")
            .is_ok_and(|m| m.file_type().is_fifo() || m.is_file() && m.len() > 0)
    }
    #[cfg(not(unix))]
    false
}

/// Each reference with the articles to check against it.
type Jobs = Vec<(Reference, Vec<PathBuf>)>;

/// Which articles to check against which reference, and an error for
/// each article a reference names that cannot be read.
fn plan(
    articles: &[String],
    against: Option<&Path>,
    root: Option<&Path>,
    folders: &[PathBuf],
    skip_unreferenced: bool,
) -> Result<(Jobs, Vec<Error>)> {
    let root = discover::repo_root(root)?;
    if let Some(r) = against {
        let reference = Reference::load(r)?;
        let (paths, unreadable) = if articles.is_empty() {
            discover::readable_articles(&reference, &root)?
        } else {
            (discover::expand_articles(articles, &root)?, Vec::new())
        };
        return Ok((vec![(reference, paths)], unreadable));
    }
    let refs: Vec<Reference> = discover::repository_references(&root, folders)?
        .iter()
        .map(|p| Reference::load(p))
        .collect::<Result<_>>()?;
    if refs.is_empty() {
        return Err(Error::Usage(
            "no references under ./claims; pass --against REFERENCE".into(),
        ));
    }
    if articles.is_empty() {
        let mut unreadable = Vec::new();
        let mut jobs = Vec::new();
        for r in refs {
            let (paths, bad) = discover::readable_articles(&r, &root)?;
            unreadable.extend(bad);
            jobs.push((r, paths));
        }
        return Ok((jobs, unreadable));
    }
    let paths = discover::expand_articles(articles, &root)?;
    // each reference's articles, found once (not once per article named)
    let covered: Vec<_> = refs.iter().map(|r| discover::covered(r, &root)).collect();
    let mut jobs: Jobs = Vec::new();
    for p in paths {
        let target = p.canonicalize().unwrap_or_else(|_| p.clone());
        let matching: Vec<&Reference> = refs
            .iter()
            .zip(&covered)
            .filter(|(_, set)| set.contains(&target))
            .map(|(r, _)| r)
            .collect();
        if matching.is_empty() && skip_unreferenced {
            crate::say::done("skipped (no reference names it):", &p.display().to_string());
            continue;
        }
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
    Ok((jobs, Vec::new()))
}
