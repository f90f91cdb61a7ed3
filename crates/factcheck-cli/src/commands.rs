//! The commands that check no article list against references:
//! `validate` (references alone), `diff` (two drafts) and `init` (a
//! skeleton reference from an article).

use std::io::Write;
use std::path::{Path, PathBuf};

use factcheck::report::visible::line_start;
use factcheck::report::Format;
use factcheck::{Article, Error, Extractor, Reference, Result};

use crate::discover;
use crate::exit::Outcome;
use crate::run::{report_error, stdout_err};

pub(crate) fn validate(
    paths: Vec<PathBuf>,
    root: Option<&Path>,
    folders: &[PathBuf],
) -> Result<Outcome> {
    let root = discover::repo_root(root)?;
    let mut files = Vec::new();
    if paths.is_empty() {
        files = discover::repository_references(&root, folders)?;
    }
    for p in &paths {
        if p.is_dir() {
            files.extend(discover::references_under(p, &root)?);
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
            let (_, missing) = discover::readable_articles(&r, &root)?;
            discover::all_or_errors(r, missing)
        });
        match checked {
            Ok(r) => writeln!(
                out,
                "{}: ok ({})",
                line_start(&f.display().to_string()),
                entries([
                    r.sources.len(),
                    r.facts.len(),
                    r.quotes.len(),
                    r.statements.len()
                ])
            )
            .map_err(stdout_err)?,
            Err(e) => report_error(&e, &mut errors),
        }
    }
    Ok(Outcome::Clean.unless_errors(errors))
}

pub(crate) fn diff(old: &Path, new: &Path, format: Format) -> Result<Outcome> {
    let (a, b) = (Article::load(old)?, Article::load(new)?);
    let (ca, cb) = (
        Extractor::default().extract(&a),
        Extractor::default().extract(&b),
    );
    let d = factcheck::compare_drafts((&a, &ca), (&b, &cb));
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let json = factcheck::report::safe_json::to_string(&d, true)
                .map_err(|e| Error::Usage(e.to_string()))?;
            writeln!(out, "{json}").map_err(stdout_err)?;
        }
        _ => write!(out, "{d}").map_err(stdout_err)?,
    }
    Ok(Outcome::findings_if(!d.changes.is_empty()))
}

pub(crate) fn init(article: &Path, output: Option<&Path>) -> Result<Outcome> {
    let a = Article::load(article)?;
    let claims = Extractor::default().extract(&a);
    // the article as the reference will name it: relative to the reference's folder
    let entry = match output.and_then(|o| o.parent()) {
        Some(dir) => relative(article, dir),
        None => article.display().to_string(),
    };
    let file = factcheck::skeleton(&claims, &entry);
    let yaml = factcheck::skeleton_yaml(&file, &article.display().to_string());
    match output {
        Some(o) => {
            create_new(o, &yaml)?;
            let counts = format!(
                "wrote a skeleton ({}) to",
                entries([
                    file.sources.len(),
                    file.facts.len(),
                    file.quotes.len(),
                    file.statements.len()
                ])
            );
            crate::say::done(&counts, &o.display().to_string());
        }
        None => crate::say::fenced(&mut std::io::stdout().lock(), |o| write!(o, "{yaml}"))
            .map_err(stdout_err)?,
    }
    Ok(Outcome::Clean)
}

/// Write `text` to a new file `o`: never through a symbolic link, never
/// over a file.
fn create_new(o: &Path, text: &str) -> Result<()> {
    let mut created = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(o)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => Error::Usage(format!(
                "{}: already exists (or is a symbolic link); not overwritten",
                o.display()
            )),
            _ => Error::io(o, e),
        })?;
    created
        .write_all(text.as_bytes())
        .map_err(|e| Error::io(o, e))
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

/// "2 sources, 1 fact, 0 quotes, 1 statement": a reference's entries,
/// counted in that order.
fn entries(counts: [usize; 4]) -> String {
    counts
        .iter()
        .zip(["source", "fact", "quote", "statement"])
        .map(|(&k, one)| format!("{k} {one}{}", if k == 1 { "" } else { "s" }))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `factcheck audit`: every figure of the archive extracted (files in
/// parallel, or JSON Lines records), then the conflicts among them.
pub(crate) fn audit(
    articles: &[String],
    (jsonl, from_claims, window, format): (bool, bool, i64, Format),
    suggest: Option<&Path>,
    root: Option<&Path>,
) -> Result<Outcome> {
    use rayon::prelude::*;
    let extractor = Extractor::default();
    let mut errors = 0;
    // each input file (standard input when none or `-`) through `read`
    let each_input =
        |read: &mut dyn FnMut(&mut dyn std::io::BufRead, &str) -> Result<usize>| -> Result<usize> {
            let mut errors = 0;
            if articles.is_empty() || articles == ["-"] {
                errors += read(&mut std::io::stdin().lock(), "<stdin>")?;
            } else {
                for f in articles {
                    match factcheck::open_regular(Path::new(f)) {
                        Ok((file, _)) => errors += read(&mut std::io::BufReader::new(file), f)?,
                        Err(e) => report_error(&e, &mut errors),
                    }
                }
            }
            Ok(errors)
        };
    let read: Vec<factcheck::model::ArticleClaims> = if from_claims {
        let mut kept = Vec::new();
        errors += each_input(&mut |input, source| {
            crate::stream::claims(source, input, |a| kept.push(a))
        })?;
        kept
    } else if jsonl {
        // (in input order: ties between articles are settled the same way
        // on every run)
        let mut kept = Vec::new();
        errors += each_input(&mut |input, source| {
            crate::stream::in_order(
                source,
                input,
                |a| Ok(extractor.extract(a)),
                |claims| {
                    kept.push(claims);
                    Ok(())
                },
            )
        })?;
        kept
    } else {
        let paths = discover::expand_articles(articles, &discover::repo_root(root)?)?;
        let results: Vec<Result<factcheck::model::ArticleClaims>> = paths
            .par_iter()
            .map(|p| Article::load(p).map(|a| extractor.extract(&a)))
            .collect();
        results
            .into_iter()
            .filter_map(|r| r.map_err(|e| report_error(&e, &mut errors)).ok())
            .collect()
    };
    let lexicon = factcheck::Lexicon::default_ref();
    let (report, file) = match suggest {
        Some(_) => {
            let (report, file) = factcheck::audit::audit_and_suggest(&read, lexicon, window);
            (report, Some(file))
        }
        None => (factcheck::audit::audit(&read, lexicon, window), None),
    };
    if let (Some(o), Some(file)) = (suggest, file) {
        create_new(o, &factcheck::audit::suggest_yaml(&file))?;
        let counts = format!(
            "wrote a suggested reference ({}) to",
            entries([file.sources.len(), file.facts.len(), file.quotes.len(), 0])
        );
        crate::say::done(&counts, &o.display().to_string());
    }
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let json = factcheck::report::safe_json::to_string(&report, true)
                .map_err(|e| Error::Usage(e.to_string()))?;
            writeln!(out, "{json}").map_err(stdout_err)?;
        }
        Format::Html => {
            write!(out, "{}", factcheck::report::audit_page(&report)).map_err(stdout_err)?
        }
        Format::Jsonl => {
            for f in &report.findings {
                let json = factcheck::report::safe_json::to_string(f, false)
                    .map_err(|e| Error::Usage(e.to_string()))?;
                writeln!(out, "{json}").map_err(stdout_err)?;
            }
        }
        _ => write!(out, "{report}").map_err(stdout_err)?,
    }
    Ok(Outcome::findings_if(
        (report.findings.iter()).any(|f| f.severity == factcheck::model::Severity::Error),
    )
    .unless_errors(errors))
}
