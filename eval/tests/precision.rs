//! The precision set: numbers in copy that is not about casualties (BBC
//! business, sport, entertainment and tech; Reuters 1987 wire), each
//! labelled by a reader who never ran the tool — which of them count people
//! killed, injured, displaced, … and which count anything else
//! (`tests/data/precision/*.yaml`: a record id, an anchor of at most a
//! dozen words that holds the numbers, and the figures among them).
//!
//! Every figure of a casualty metric the extractor reads with its number
//! inside an anchor is right when the labels hold the same metric and
//! value: precision is the share that are; recall, of the labelled figures,
//! the share read. Vague figures ("thousands") are left out: the
//! labellers were told to skip vague words. Floors below; the figures print with
//! `cargo test --release -p factcheck-eval --test precision -- --nocapture`
//! (`PRECISION_VERBOSE=1` lists every wrong and missed figure).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use factcheck::model::Qualifier;
use factcheck::{Article, Extractor};
use serde::Deserialize;

/// The metrics the precision target is about.
const CASUALTY: &[&str] = &[
    "killed",
    "injured",
    "displaced",
    "refugees",
    "evacuated",
    "missing",
    "detained",
    "casualties",
    "dead-or-missing",
];

#[derive(Deserialize)]
struct Row {
    id: String,
    anchor: String,
    figures: Vec<Figure>,
}

#[derive(Deserialize, Clone, PartialEq, Debug)]
struct Figure {
    metric: String,
    value: f64,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The record texts of a JSON Lines corpus file, by id.
fn records(path: &Path) -> HashMap<String, String> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("a JSON line"))
        .filter_map(|v| {
            Some((
                v["id"].as_str()?.to_string(),
                v["text"].as_str()?.to_string(),
            ))
        })
        .collect()
}

#[derive(Default)]
struct Tally {
    rows: usize,
    labelled: usize,
    read: usize,
    right: usize,
    found: usize,
    wrong: Vec<String>,
    missed: Vec<String>,
}

fn run(file: &str, corpus: &str, t: &mut Tally) {
    let rows: Vec<Row> = serde_yaml::from_str(
        &std::fs::read_to_string(root().join("tests/data/precision").join(file)).unwrap(),
    )
    .unwrap_or_else(|e| panic!("{file}: {e}"));
    let texts = records(&root().join("../shared/corpus").join(corpus));
    let mut by_id: HashMap<&str, Vec<&Row>> = HashMap::new();
    for r in &rows {
        by_id.entry(r.id.as_str()).or_default().push(r);
    }
    let extractor = Extractor::default();
    for (id, rows) in by_id {
        let text = texts
            .get(id)
            .unwrap_or_else(|| panic!("{file}: no record {id}"));
        let article = Article::from_text(id, text.clone(), None).unwrap();
        let claims = extractor.extract(&article).claims;
        for r in rows {
            t.rows += 1;
            assert_eq!(
                text.matches(&r.anchor).count(),
                1,
                "{file}: {id}: the anchor must occur once: {:?}",
                r.anchor
            );
            let at = text.find(&r.anchor).unwrap();
            let span = (at, at + r.anchor.len());
            let read: Vec<Figure> = claims
                .iter()
                .filter_map(|c| c.quantity.as_ref())
                .filter(|q| CASUALTY.contains(&q.metric.as_str()))
                // (vague words, "thousands", are not labelled: the labellers
                // were told to skip them)
                .filter(|q| q.qualifier != Qualifier::Vague)
                .filter(|q| span.0 <= q.style.number_span.0 && q.style.number_span.1 <= span.1)
                .map(|q| Figure {
                    metric: q.metric.clone(),
                    value: q.value.0,
                })
                .collect();
            t.labelled += r.figures.len();
            t.read += read.len();
            for f in &read {
                if r.figures.contains(f) {
                    t.right += 1;
                } else {
                    t.wrong.push(format!(
                        "{id}: {:?} read as {} {}",
                        r.anchor, f.metric, f.value
                    ));
                }
            }
            for f in &r.figures {
                if read.contains(f) {
                    t.found += 1;
                } else {
                    t.missed.push(format!(
                        "{id}: {:?} missed {} {}",
                        r.anchor, f.metric, f.value
                    ));
                }
            }
        }
    }
}

#[test]
fn precision_on_copy_that_is_not_about_casualties() {
    if !root().join("../shared/corpus").is_dir() {
        println!("note: ../shared/corpus is absent; the precision set was not run");
        return;
    }
    let mut t = Tally::default();
    run("bbc.yaml", "bbc-news/bbc_news.jsonl", &mut t);
    run("reuters.yaml", "reuters-21578/reuters21578.jsonl", &mut t);
    let precision = t.right as f64 / t.read.max(1) as f64;
    let recall = t.found as f64 / t.labelled.max(1) as f64;
    println!(
        "precision set: {} anchors, {} labelled figures; read {} casualty figures, {} right: precision {:.3}, recall {:.3} ({}/{})",
        t.rows, t.labelled, t.read, t.right, precision, recall, t.found, t.labelled
    );
    if std::env::var_os("PRECISION_VERBOSE").is_some() {
        for w in &t.wrong {
            println!("  wrong  {w}");
        }
        for m in &t.missed {
            println!("  missed {m}");
        }
    }
    assert!(t.rows >= 300, "{} rows", t.rows);
    assert!(
        precision >= PRECISION_FLOOR,
        "precision {precision:.3}: {:#?}",
        t.wrong
    );
    assert!(recall >= RECALL_FLOOR, "recall {recall:.3}");
}

/// Floors where they were measured (59 of 60 right, 59 of 65 found);
/// issue 15's target for precision is 0.97. The one wrong read: "200
/// people were rescued", which the lexicon counts as evacuated (the
/// convention of every reference in `tests/data/realcopy*`) and the
/// labeller did not.
const PRECISION_FLOOR: f64 = 0.98;
const RECALL_FLOOR: f64 = 0.90;
