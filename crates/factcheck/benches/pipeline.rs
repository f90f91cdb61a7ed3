//! `cargo bench --bench pipeline`: extraction throughput on the shared
//! corpora (or a generated corpus when ../shared is absent) with `wc -w`
//! as a baseline in the same run, and `check` of a long article against a
//! reference of 10,000 facts, 2,000 quotes and 1,000 statements.
//! Prints figures; asserts nothing (speed is measured here, not tested).

use std::path::Path;
use std::time::Instant;

use factcheck::Article;
use factcheck::Reference;

fn corpus_texts() -> (Vec<String>, &'static str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let mut texts = Vec::new();
    for file in [
        "bbc-news/bbc_news.jsonl",
        "fa-kes-syria/fa_kes.jsonl",
        "wikimpacts-disasters/wikimpacts_dev_test_articles.jsonl",
        "reuters-21578/reuters21578.jsonl",
    ] {
        if let Ok(data) = std::fs::read_to_string(root.join(file)) {
            for line in data.lines() {
                if let Some(t) = serde_json::from_str::<serde_json::Value>(line)
                    .ok()
                    .and_then(|v| v["text"].as_str().map(String::from))
                {
                    texts.push(t);
                }
            }
        }
    }
    if !texts.is_empty() {
        return (texts, "../shared/corpus (BBC, FA-KES, WikImpacts, Reuters)");
    }
    let sample = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../claims/articles/ukraine-talks.md"),
    )
    .unwrap();
    (vec![sample; 2000], "generated: the shipped sample × 2,000")
}

fn wc_words(texts: &[String]) -> usize {
    texts.iter().map(|t| t.split_whitespace().count()).sum()
}

fn extraction() {
    let (texts, what) = corpus_texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    let t0 = Instant::now();
    let words = wc_words(&texts);
    let wc = t0.elapsed();
    let t0 = Instant::now();
    let mut claims = 0;
    for (i, t) in texts.iter().enumerate() {
        let a = Article::from_text(&format!("a{i}"), t.clone(), None).unwrap();
        claims += factcheck::Extractor::default().extract(&a).claims.len();
    }
    let ex = t0.elapsed();
    let mb = bytes as f64 / 1e6;
    println!("extract: {what}");
    println!(
        "  {} articles, {:.1} MB, {words} words, {claims} claims",
        texts.len(),
        mb
    );
    println!(
        "  factcheck extract: {:.2} s, {:.1} MB/s, {:.3} ms per article",
        ex.as_secs_f64(),
        mb / ex.as_secs_f64(),
        ex.as_secs_f64() * 1e3 / texts.len() as f64
    );
    println!(
        "  baseline (split on whitespace, like wc -w): {:.3} s, {:.0} MB/s; ratio {:.1}×",
        wc.as_secs_f64(),
        mb / wc.as_secs_f64(),
        ex.as_secs_f64() / wc.as_secs_f64()
    );
}

fn big_reference() -> String {
    let metrics = [
        "killed",
        "injured",
        "displaced",
        "refugees",
        "evacuated",
        "missing",
        "detained",
    ];
    let subjects = [
        "people",
        "children",
        "civilians",
        "soldiers",
        "journalists",
        "women",
        "workers",
        "miners",
        "migrants",
        "students",
    ];
    let mut y = String::from("version: 1\nsources:\n");
    for s in 0..200 {
        y.push_str(&format!(
            "  - id: s{s}\n    name: Speaker Number{s}\n    aliases: [Number{s}]\n"
        ));
    }
    y.push_str("  - id: fomin\n    name: Alexander Fomin\n    aliases: [Fomin]\nfacts:\n");
    for f in 0..10_000 {
        y.push_str(&format!(
            "  - id: f{f}\n    metric: {}\n    subject: {}\n    value: {}\n    source: s{}\n",
            metrics[f % metrics.len()],
            subjects[(f / 7) % subjects.len()],
            100 + f,
            f % 200
        ));
    }
    y.push_str("quotes:\n");
    for q in 0..2_000 {
        y.push_str(&format!("  - id: q{q}\n    speaker: s{}\n    text: \"we will discuss topic number {q} with partners from region {} next week\"\n", q % 200, q % 37));
    }
    y.push_str("  - id: fomin-kyiv\n    speaker: fomin\n    text: \"a decision was made to radically, by a wide margin, reduce military activity in the direction of Kyiv and Chernihiv\"\n");
    y.push_str("statements:\n");
    for s in 0..1_000 {
        y.push_str(&format!(
            "  - id: st{s}\n    speaker: s{}\n    says: agreed on point {s} of the plan\n",
            s % 200
        ));
    }
    y
}

fn checking() {
    let yaml = big_reference();
    let t0 = Instant::now();
    let reference = Reference::from_str(Path::new("big.yaml"), &yaml).unwrap();
    let load = t0.elapsed();
    let sample = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../claims/articles/ukraine-talks-draft.md"),
    )
    .unwrap();
    let body = sample.split("---\n").nth(2).unwrap_or(&sample);
    let long: String = body.repeat(40);
    let article = Article::from_text("long.md", long, None).unwrap();
    let t0 = Instant::now();
    let report = factcheck::Checker::new(&reference).check(&article);
    let check = t0.elapsed();
    println!("check: a {:.0} KB article ({} findings) against 10,000 facts, 2,001 quotes, 1,000 statements ({:.1} MB of YAML)", article.text.len() as f64 / 1e3, report.findings.len(), yaml.len() as f64 / 1e6);
    println!(
        "  load and validate the reference: {:.0} ms; extract and check: {:.0} ms",
        load.as_secs_f64() * 1e3,
        check.as_secs_f64() * 1e3
    );
}

fn main() {
    extraction();
    checking();
}
