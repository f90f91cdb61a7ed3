//! Inputs that are big by count rather than by any one part: millions of
//! one-word paragraphs, thousands of references, an id of megabytes. Each
//! is bounded by a cap that is reported, or costs memory in proportion to
//! what is kept, not to what was read. Inputs generated here, invented.

use std::fs;

use factcheck::model::Limit;
use factcheck::{Article, Extractor, MAX_SENTENCES_PER_ARTICLE};

use crate::support::*;

/// The one article of these repositories.
const ARTICLE: &str = "Police said 40 people were killed.\n";

/// A repository (a `.git` folder) holding [`ARTICLE`] at `path`.
fn repo_with(path: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(path);
    fs::create_dir_all(dir.path().join(".git")).unwrap();
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    fs::write(file, ARTICLE).unwrap();
    dir
}

#[test]
fn sentences_past_the_article_cap_are_left_unread_with_a_notice() {
    // "a", a blank line, … (each paragraph one sentence): 60 bytes a
    // sentence kept would be a gigabyte at the article size limit
    let unit = "a\n\n";
    let text = unit.repeat(MAX_SENTENCES_PER_ARTICLE + 10) + "Police said 40 people were killed.\n";
    let article = Article::from_text("t.md", text, None).unwrap();
    let read = Extractor::default().extract(&article);
    let [notice] = &read.notices[..] else {
        panic!("{:?}", read.notices)
    };
    assert_eq!(notice.limit, Limit::SentencesPerArticle);
    let span = notice.span.unwrap();
    assert_eq!(span.start, MAX_SENTENCES_PER_ARTICLE * unit.len());
    // line numbers count every line, past many index blocks
    assert_eq!(span.line, 2 * MAX_SENTENCES_PER_ARTICLE + 1);
    assert!(read.claims.is_empty(), "the claim past the cap is not read");
    // under the cap the same shape is read whole, its claim on its line
    let text = unit.repeat(100_000) + "Police said 40 people were killed.\n";
    let article = Article::from_text("t.md", text, None).unwrap();
    let read = Extractor::default().extract(&article);
    assert!(read.notices.is_empty());
    assert_eq!(read.claims[0].span.line, 200_001);
}

#[test]
fn thousands_of_references_naming_every_file_are_each_checked() {
    // each reference names `**/*.md`: the repository is walked once, and
    // every reference judges the one article by its own fact
    let dir = repo_with("claims/a/a.md");
    let repo = dir.path();
    let n = 1500;
    for i in 0..n {
        let value = if i == 7 { 40 } else { 41 };
        fs::write(
            repo.join(format!("claims/r{i}.yaml")),
            format!("version: 1\narticles: ['**/*.md']\nfacts:\n  - {{id: f{i}, metric: killed, value: {value}}}\n"),
        )
        .unwrap();
    }
    let out = factcheck_in(repo, &["check", "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let status = |id: &str| {
        lines
            .iter()
            .find(|l| l["fact"] == id)
            .map(|l| l["status"].as_str().unwrap().to_string())
    };
    assert_eq!(status("f7").as_deref(), Some("match"));
    assert_eq!(status("f8").as_deref(), Some("mismatch"));
    assert_eq!(status(&format!("f{}", n - 1)).as_deref(), Some("mismatch"));
}

#[test]
fn a_record_id_of_megabytes_is_a_located_error_and_the_next_record_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let long = "x".repeat(4 << 20);
    let input = format!(
        "\u{feff}{{\"id\": \"a\", \"text\": \"Nine died.\"}}\n{{\"text\": \"Nine died.\", \"id\": \"{long}\"}}\n{{\"id\": \"c\", \"text\": \"Nine died.\"}}\n"
    );
    fs::write(dir.path().join("in.jsonl"), input).unwrap();
    let out = factcheck_in(dir.path(), &["extract", "--jsonl", "in.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    // the byte-order mark opening the file is no error
    let ids: Vec<String> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    assert_eq!(ids, ["\"a\"", "\"c\""]);
    let err = stderr(&out);
    assert!(
        err.contains("in.jsonl:2:") && err.contains("`id` is 4194304 bytes long"),
        "{err}"
    );
    assert!(
        err.len() < 2000,
        "the id is not echoed: {} bytes",
        err.len()
    );
}

#[test]
fn references_that_correct_an_article_differently_write_nothing() {
    // two references with 37 and 38 for one article: each run wrote the
    // other's value back
    let dir = repo_with("claims/a.md");
    let repo = dir.path();
    let text = ARTICLE;
    for v in [37, 38] {
        fs::write(
            repo.join(format!("claims/r{v}.yaml")),
            format!("version: 1\narticles: [a.md]\nfacts:\n  - {{id: dead, metric: killed, value: {v}}}\n"),
        )
        .unwrap();
    }
    for _ in 0..2 {
        let out = factcheck_in(repo, &["check", "--write", "--quiet"]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("correct it differently"),
            "{}",
            stderr(&out)
        );
        assert_eq!(fs::read_to_string(repo.join("claims/a.md")).unwrap(), text);
    }
    // references that agree write it once; one file named twice is read once
    fs::write(
        repo.join("claims/r38.yaml"),
        "version: 1\narticles: [a.md]\nfacts:\n  - {id: dead, metric: killed, value: 37}\n",
    )
    .unwrap();
    let out = factcheck_in(repo, &["check", "--write", "--quiet"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let fixed = "Police said 37 people were killed.\n";
    assert_eq!(fs::read_to_string(repo.join("claims/a.md")).unwrap(), fixed);
    fs::write(repo.join("claims/a.md"), text).unwrap();
    let out = factcheck_in(
        repo,
        &[
            "check",
            "claims/a.md",
            "./claims/a.md",
            "--against",
            "claims/r37.yaml",
            "--write",
        ],
    );
    assert!(!stderr(&out).contains("changed since"), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(repo.join("claims/a.md")).unwrap(), fixed);
}

#[test]
fn facts_placed_by_thousands_of_words_find_their_own() {
    // the facts' place words are sought in automata of a few thousand
    // words each (one automaton of 128,000 took 36 s to build): a word far
    // down the list still places its own fact
    let mut yaml = String::from("version: 1\nfacts:\n");
    for i in 0..10_000 {
        yaml.push_str(&format!(
            "  - {{id: f{i}, metric: killed, value: {}, context: [Town{i}]}}\n",
            100 + i
        ));
    }
    let reference = factcheck::Reference::from_str(std::path::Path::new("r.yaml"), &yaml).unwrap();
    let text = "At least 9100 people were killed in Town9000.\n";
    let article = Article::from_text("a.md", text.to_string(), None).unwrap();
    let f = factcheck::Checker::new(&reference).check(&article).findings;
    let m = f.iter().find(|f| f.fact.is_some()).unwrap();
    assert_eq!(m.fact.as_deref(), Some("f9000"), "{f:?}");
    // a fact's context is a few words: thousands are refused where they stand
    let long = format!(
        "version: 1\nfacts:\n  - {{id: f, metric: killed, value: 1, context: [{}]}}\n",
        (0..300)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let e = factcheck::Reference::from_str(std::path::Path::new("r.yaml"), &long)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("r.yaml:3:") && e.contains("at most 256"),
        "{e}"
    );
}

#[test]
fn an_article_listed_a_million_times_is_read_once() {
    let dir = repo_with("claims/a.md");
    let repo = dir.path();
    let list = vec!["a.md"; 200_000].join(", ");
    fs::write(
        repo.join("claims/r.yaml"),
        format!("version: 1\narticles: [{list}, '*.md']\nfacts:\n  - {{id: dead, metric: killed, value: 37}}\n"),
    )
    .unwrap();
    let out = factcheck_in(repo, &["check", "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let lines = stdout(&out)
        .lines()
        .filter(|l| l.contains("\"mismatch\""))
        .count();
    assert_eq!(lines, 1, "{}", &stdout(&out)[..300.min(stdout(&out).len())]);
}

#[test]
fn a_reference_of_millions_of_entries_is_refused_before_it_is_parsed() {
    // the parser held ~500 bytes an entry: 2 million flow entries in
    // 58 MB aborted at 2.2 GB; the entry past the limit is the error
    let mut yaml = String::from("version: 1\nfacts: []\nsources: []\nextra: [");
    yaml.push_str(&"1,".repeat(2_600_000));
    yaml.push_str("1]\n");
    let t = std::time::Instant::now();
    let e = factcheck::Reference::from_str(std::path::Path::new("r.yaml"), &yaml)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("r.yaml:4:") && e.contains("more than 2500000 entries"),
        "{e}"
    );
    assert!(t.elapsed() < std::time::Duration::from_secs(20));
}

/// Quotations past the article cap are not made claims only to be cut:
/// 8 MB of short quotes (`"a b c" ` a million times) built a claim for
/// each and took 1.6 GB (25 MB aborted). Run under a 900 MB limit.
#[test]
fn a_million_short_quotes_fit_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("q.md");
    fs::write(&path, "\"a b c\" ".repeat(1_000_000)).unwrap();
    let out = extract_limited(900_000, &path, "jsonl");
    assert!(out.status.success(), "{:?} {}", out.status, stderr(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("\"limit\":\"claims-per-"),
        "the cap is reported"
    );
}
