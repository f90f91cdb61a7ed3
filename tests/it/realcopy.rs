//! Verdicts on real copy: articles from `../shared/corpus` (read at test
//! time, never copied here), each with a reference written by reading it
//! and three planted errors (`tests/data/realcopy/`, format in its README).
//!
//! For every article: the findings on the clean text at error level (false
//! alarms), each planted error's finding (status, reference entry, span on
//! the edit), what the fixes do (only the planted words change), and that a
//! second `--write` changes nothing. The figures are printed
//! (`cargo test --release --test it realcopy -- --nocapture`) and held:
//! none may fail. `REALCOPY_DIR=DIR` runs another set of the same format
//! (a held-out one) and only prints its figures.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use factcheck::model::{Finding, Severity, Status};
use factcheck::{corrected, Article, Checker, Reference};
use serde::Deserialize;

use crate::support::root;

#[derive(Deserialize)]
struct Case {
    article: Locator,
    reference: String,
    plants: Vec<Plant>,
}

#[derive(Deserialize)]
struct Locator {
    corpus: String,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    line: Option<usize>,
    /// A plain-text article under the corpus directory (PolNeAR).
    #[serde(default)]
    file: Option<String>,
}

#[derive(Deserialize)]
struct Plant {
    kind: String,
    find: String,
    replace: String,
    expect: Expect,
    /// Why the tool misses this plant today: run and reported, not held.
    #[serde(default)]
    known_gap: Option<String>,
}

#[derive(Deserialize)]
struct Expect {
    status: String,
    fact: String,
}

fn corpus_dir() -> PathBuf {
    root().join("../shared/corpus")
}

/// The record's text, by id or line, from a JSON Lines corpus file, or a
/// plain-text article (`file:`, relative to the corpus file's directory).
fn article_text(loc: &Locator, cache: &mut HashMap<String, String>) -> String {
    if let Some(file) = &loc.file {
        let dir = corpus_dir().join(&loc.corpus);
        let dir = if dir.is_dir() {
            dir
        } else {
            dir.parent().unwrap().to_path_buf()
        };
        return std::fs::read_to_string(dir.join(file))
            .unwrap_or_else(|e| panic!("{}/{file}: {e}", loc.corpus));
    }
    let data = cache.entry(loc.corpus.clone()).or_insert_with(|| {
        std::fs::read_to_string(corpus_dir().join(&loc.corpus))
            .unwrap_or_else(|e| panic!("{}: {e}", loc.corpus))
    });
    let record = |line: &str| serde_json::from_str::<serde_json::Value>(line).unwrap();
    let v = match (&loc.id, loc.line) {
        (Some(id), _) => data
            .lines()
            .map(record)
            .find(|v| v["id"].as_str() == Some(id))
            .unwrap_or_else(|| panic!("{}: no record {id}", loc.corpus)),
        (None, Some(n)) => record(data.lines().nth(n - 1).expect("the line")),
        _ => panic!("{}: give id or line", loc.corpus),
    };
    v["text"].as_str().expect("a text field").to_string()
}

fn check(reference: &Reference, name: &str, text: &str) -> Vec<Finding> {
    let article = Article::from_text(name, text.to_string(), None).unwrap();
    Checker::new(reference).check(&article).findings
}

/// What one run over the set found.
#[derive(Default)]
struct Tally {
    articles: usize,
    false_alarms: Vec<String>,
    /// Warnings on clean copy other than `unattributed` (not held, printed).
    clean_warnings: Vec<String>,
    plants: usize,
    caught: usize,
    missed: Vec<String>,
    fixable: usize,
    fixed_right: usize,
    wrong_fixes: Vec<String>,
    not_idempotent: Vec<String>,
    /// Plants marked `known_gap`, with whether they are caught now.
    known_gaps: Vec<String>,
}

#[test]
fn realcopy_verdicts() {
    if !corpus_dir().exists() {
        eprintln!("note: ../shared/corpus is not here; the real-copy set is skipped");
        return;
    }
    // another set in the same format (a held-out one) with REALCOPY_DIR;
    // the floors below hold for the shipped set only
    let other = std::env::var_os("REALCOPY_DIR").map(PathBuf::from);
    let dir = other
        .clone()
        .unwrap_or_else(|| root().join("tests/data/realcopy"));
    let t = run_dir(&dir);
    if other.is_some() {
        return;
    }
    // issue 13's targets: 0 false alarms, every plant caught, every fix
    // right, --write idempotent everywhere
    assert!(t.articles >= 254, "{} articles", t.articles);
    assert!(
        t.false_alarms.is_empty(),
        "error-level findings on clean copy: {:?}",
        t.false_alarms
    );
    assert_eq!(t.caught, t.plants, "every planted error is caught");
    assert_eq!(t.fixed_right, t.fixable, "every fix is right");
    assert!(t.not_idempotent.is_empty(), "--write must be idempotent");
}

/// Every case of a directory, with the figures printed.
fn run_dir(dir: &Path) -> Tally {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    let mut cache = HashMap::new();
    let mut t = Tally::default();
    for path in &files {
        run_case(path, &mut cache, &mut t);
    }
    report(&t);
    t
}

/// The unseen set (`tests/data/realcopy-unseen/`): labelled blind after the
/// last round of fixes and run once before any fix for it, it measures copy
/// the tool was not tuned on. Its figures are floors against regressions,
/// not targets: the next round of work tunes on it and labels a new one.
#[test]
fn realcopy_unseen() {
    if !corpus_dir().exists() {
        eprintln!("note: ../shared/corpus is not here; the unseen set is skipped");
        return;
    }
    eprintln!("unseen set:");
    let t = run_dir(&root().join("tests/data/realcopy-unseen"));
    assert!(t.articles >= 324, "{} articles", t.articles);
    // first runs (false alarms, caught, fixes right): O2+P2 1, 28/36,
    // 21/32; Q2+R2 2, 30/36, 24/32; S2+T2 1, 28/36, 21/31; U2+V2 2,
    // 29/36, 23/32; W2+X2 (run on the session's final code) 1, 30/36,
    // 24/32. The causes of all seven false alarms fixed since: the five
    // together now 0, 156/180, 133/159. Later sets: see the set's README
    // (I3+J3 6, 29/36, 21/32; K3+L3 6, 29/36, 21/31; A4+B4 1, 30/36,
    // 25/34; C4+D4 4, 26/36, 19/34; E4+F4 1, 34/36, 25/33; G4+H4 0, 31/36,
    // 27/33; I4+J4 1, 27/36, 22/33; K4+L4 0, 32/36, 29/34; M4+N4 0, 32/36, 30/34; O4+P4 0, 26/36, 23/31)
    // (the last known false alarm, a fact placed by "the island" in a
    // paragraph about another island, is fixed: none may come back)
    assert!(
        t.false_alarms.is_empty(),
        "false alarms: {:?}",
        t.false_alarms
    );
    assert!(t.caught >= 880, "fewer planted errors caught");
    assert!(t.fixed_right >= 768, "fewer right fixes");
    assert!(t.not_idempotent.is_empty(), "--write must be idempotent");
}

fn run_case(path: &Path, cache: &mut HashMap<String, String>, t: &mut Tally) {
    let name = path.file_stem().unwrap().to_string_lossy().into_owned();
    let case: Case = serde_yaml::from_str(&std::fs::read_to_string(path).unwrap())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let reference = Reference::from_str(Path::new(&format!("{name}.yaml")), &case.reference)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let clean = article_text(&case.article, cache);
    t.articles += 1;
    for f in check(&reference, &name, &clean) {
        let line = format!("{name}: {} {}", f.status.as_str(), f.message);
        if f.severity == Severity::Error {
            t.false_alarms.push(line);
        } else if f.severity == Severity::Warning && f.status != Status::Unattributed {
            t.clean_warnings.push(line);
        }
    }
    idempotent(&reference, &name, &clean, t);
    for p in &case.plants {
        plant(&reference, &name, &clean, p, t);
    }
}

/// After `--write`, a second check proposes no fix, and a second write
/// changes no byte.
fn idempotent(reference: &Reference, name: &str, text: &str, t: &mut Tally) {
    let once = corrected(text, &check(reference, name, text));
    let again = check(reference, name, &once);
    let twice = corrected(&once, &again);
    if twice != once {
        t.not_idempotent
            .push(format!("{name}: a second --write changed the text"));
    }
}

fn plant(reference: &Reference, name: &str, clean: &str, p: &Plant, t: &mut Tally) {
    if let Some(why) = &p.known_gap {
        // measured on a tally of its own, so the held figures stay whole
        let mut gap = Tally::default();
        plant_held(reference, name, clean, p, &mut gap);
        let now = if gap.caught == 1 && gap.fixed_right == gap.fixable {
            "caught and fixed right now"
        } else if gap.caught == 1 {
            "caught now, but the fix is not right"
        } else {
            "missed"
        };
        t.known_gaps
            .push(format!("{name}: {} `{}` ({why}): {now}", p.kind, p.find));
        t.not_idempotent.extend(gap.not_idempotent);
        return;
    }
    plant_held(reference, name, clean, p, t);
}

fn plant_held(reference: &Reference, name: &str, clean: &str, p: &Plant, t: &mut Tally) {
    assert_eq!(
        clean.matches(&p.find).count(),
        1,
        "{name}: `{}` must occur once",
        p.find
    );
    let at = clean.find(&p.find).unwrap();
    let edited = clean.replacen(&p.find, &p.replace, 1);
    let edit = (at, at + p.replace.len());
    t.plants += 1;
    let findings = check(reference, name, &edited);
    let want = Status::parse(&p.expect.status).expect("a status");
    // the finding is on the planted words: its claim, the words that name
    // its speaker, or (a removed source) the sentence the edit left
    let overlaps = |(a, b): (usize, usize)| a < edit.1 && edit.0 < b.max(a + 1);
    let hit = findings.iter().find(|f| {
        f.status == want
            && f.fact.as_deref() == Some(p.expect.fact.as_str())
            && f.claim.as_ref().is_some_and(|c| {
                overlaps((c.span.start, c.span.end))
                    || c.attribution
                        .as_ref()
                        .and_then(|a| a.mention_span)
                        .is_some_and(overlaps)
                    || (p.kind == "source_removed" && c.text.contains(p.replace.trim()))
            })
    });
    let label = format!("{name}: {} `{}` → `{}`", p.kind, p.find, p.replace);
    match hit {
        Some(_) => t.caught += 1,
        None => t.missed.push(format!(
            "{label}: expected {} {}; found {:?}",
            p.expect.status,
            p.expect.fact,
            findings
                .iter()
                .filter(|f| f.status != Status::Match)
                .map(|f| (f.status.as_str(), f.fact.clone()))
                .collect::<Vec<_>>()
        )),
    }
    // the fixes: only the planted words change (a removed source cannot be
    // written back, so that kind has nothing to fix)
    let fixed = corrected(&edited, &findings);
    if p.kind != "source_removed" {
        t.fixable += 1;
        if fixed == clean || fixes_only(reference, name, &findings, edit, (&edited, &fixed), p) {
            t.fixed_right += 1;
        } else {
            t.wrong_fixes
                .push(format!("{label}: --write gives {}", changed(clean, &fixed)));
        }
    } else if fixed != edited {
        t.wrong_fixes.push(format!(
            "{label}: --write changed {}",
            changed(&edited, &fixed)
        ));
    }
    idempotent(reference, name, &edited, t);
}

/// A fix in other words than the clean text's ("between 135 and 150" for
/// "almost 150") is right when every rewrite lies inside the planted edit
/// and the fixed text no longer has the planted error there.
fn fixes_only(
    reference: &Reference,
    name: &str,
    findings: &[Finding],
    edit: (usize, usize),
    (edited, fixed): (&str, &str),
    p: &Plant,
) -> bool {
    let inside = findings
        .iter()
        .filter_map(|f| f.correction.as_ref())
        .all(|c| edit.0 <= c.start && c.end <= edit.1);
    let fixes = findings.iter().any(|f| f.correction.is_some());
    // the planted words as the fix left them: a finding of the same kind
    // on another figure of the fact is no trace of the plant
    let end = (edit.1 + fixed.len())
        .saturating_sub(edited.len())
        .max(edit.0 + 1);
    let still = check(reference, name, fixed).iter().any(|f| {
        f.status.as_str() == p.expect.status
            && f.fact.as_deref() == Some(p.expect.fact.as_str())
            && f.claim
                .as_ref()
                .is_none_or(|c| c.span.start < end && edit.0 < c.span.end)
    });
    inside && fixes && !still
}

/// The first difference between two texts, with a little context.
fn changed(want: &str, got: &str) -> String {
    let common = want
        .char_indices()
        .zip(got.chars())
        .take_while(|((_, a), b)| a == b)
        .last()
        .map_or(0, |((i, c), _)| i + c.len_utf8());
    let from = want[..common]
        .char_indices()
        .rev()
        .nth(30)
        .map_or(0, |(i, _)| i);
    let tail = |s: &str| s[common..].chars().take(40).collect::<String>();
    format!(
        "…{}[{}] for …{}[{}]",
        &got[from..common],
        tail(got),
        &want[from..common],
        tail(want)
    )
}

fn report(t: &Tally) {
    eprintln!(
        "real-copy set: {} articles, {} planted errors",
        t.articles, t.plants
    );
    eprintln!(
        "  error-level findings on clean copy: {}",
        t.false_alarms.len()
    );
    for f in &t.false_alarms {
        eprintln!("    {f}");
    }
    eprintln!(
        "  warnings on clean copy (other than unattributed): {}",
        t.clean_warnings.len()
    );
    for w in &t.clean_warnings {
        eprintln!("    {w}");
    }
    eprintln!("  planted errors caught: {}/{}", t.caught, t.plants);
    for m in &t.missed {
        eprintln!("    missed {m}");
    }
    eprintln!("  fixes right: {}/{}", t.fixed_right, t.fixable);
    for w in &t.wrong_fixes {
        eprintln!("    {w}");
    }
    eprintln!("  known gaps (not held): {}", t.known_gaps.len());
    for g in &t.known_gaps {
        eprintln!("    {g}");
    }
    eprintln!("  --write not idempotent: {}", t.not_idempotent.len());
    for n in &t.not_idempotent {
        eprintln!("    {n}");
    }
}
