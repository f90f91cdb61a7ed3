//! `factcheck audit` on an archive of invented articles (tests/data/archive:
//! three invented events over a week, written for these tests) with the
//! exact findings planted in it, and on the Syrian-war corpus in ../shared.

use crate::support::*;

const ARCHIVE: &str = "tests/data/archive";

/// Each finding as `kind: first article → second article`, in report order.
fn pairs(json: &serde_json::Value) -> Vec<String> {
    let name = |c: &serde_json::Value| {
        let a = c["article"].as_str().unwrap();
        a.rsplit('/')
            .next()
            .unwrap()
            .trim_end_matches(".md")
            .to_string()
    };
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let cited = f["cited"].as_array().unwrap();
            format!(
                "{}: {} → {}",
                f["kind"].as_str().unwrap(),
                name(&cited[0]),
                name(&cited[1])
            )
        })
        .collect()
}

#[test]
fn the_planted_conflicts_drift_and_disagreement_and_nothing_else() {
    let o = factcheck(&["audit", ARCHIVE, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    // planted: a toll that falls the next day (Velmora), two counts of the
    // displaced on one day (Karsk), the mayor's quote reworded, one figure
    // credited to two sources and then lowered (Halvik Pass)
    // not findings: the Brask fire (another place, same day and metric),
    // the Velmora toll rising, the displaced counted again the next day,
    // a figure of injured people beside killed workers, the Osk tram
    // (another place), the second Velmora fire twelve days later, a quote
    // given word for word twice, "dozens of families" (no number)
    assert_eq!(
        pairs(&json),
        [
            "conflicting-figures: velmora-fire-1 → velmora-fire-2",
            "conflicting-figures: karsk-flood-1 → karsk-flood-2",
            "drifting-quote: karsk-flood-1 → karsk-flood-3",
            "conflicting-figures: halvik-crash-1 → halvik-crash-3",
            "disagreeing-sources: halvik-crash-1 → halvik-crash-2",
            "conflicting-figures: halvik-crash-2 → halvik-crash-3",
        ]
    );
    assert_eq!(json["articles"], 13);
    assert_eq!(json["undated"], 0);
    // the fire, the flood and the crash
    assert_eq!(json["groups"], 3);
    let drift = &json["findings"][2];
    assert_eq!(drift["severity"], "warning");
    assert_eq!(drift["about"][0], "Irena Dovlatova");
    let diff: Vec<(String, String)> = drift["diff"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["op"].as_str().unwrap().into(),
                p["text"].as_str().unwrap().into(),
            )
        })
        .filter(|p| p.0 != "equal")
        .collect();
    assert_eq!(
        diff,
        [
            ("delete".into(), "house that".into()),
            ("insert".into(), "home".into()),
            ("delete".into(), "has taken".into()),
            ("insert".into(), "took".into()),
        ]
    );
    let velmora = &json["findings"][0];
    assert_eq!(velmora["metric"], "killed");
    assert_eq!(velmora["subject"], "workers");
    assert_eq!(velmora["about"], serde_json::json!(["Velmora"]));
    assert_eq!(
        velmora["cited"][0]["interval"],
        serde_json::json!([14.0, null])
    );
    assert_eq!(
        velmora["cited"][1]["interval"],
        serde_json::json!([11.0, 11.0])
    );
}

#[test]
fn the_report_as_text_names_every_article_with_its_line_and_date() {
    let o = factcheck(&["audit", ARCHIVE]);
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn the_report_as_json() {
    let o = factcheck(&["audit", ARCHIVE, "--format", "json"]);
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn a_window_of_two_weeks_reaches_the_second_fire_and_none_keeps_one_day() {
    let wide = factcheck(&["audit", ARCHIVE, "--window", "2w", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&wide)).unwrap();
    let found = pairs(&json);
    assert!(
        found.contains(&"conflicting-figures: velmora-fire-3 → velmora-fire-4".to_string()),
        "{found:?}"
    );
    let narrow = factcheck(&["audit", ARCHIVE, "--window", "0", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&narrow)).unwrap();
    assert_eq!(
        pairs(&json),
        [
            "conflicting-figures: karsk-flood-1 → karsk-flood-2",
            "disagreeing-sources: halvik-crash-1 → halvik-crash-2",
        ]
    );
    let bad = factcheck(&["audit", ARCHIVE, "--window", "3 days"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("expected days"), "{}", stderr(&bad));
}

#[test]
fn one_finding_per_line_as_jsonl_and_a_clean_archive_exits_zero() {
    let o = factcheck(&["audit", ARCHIVE, "--format", "jsonl"]);
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 6);
    assert!(lines
        .iter()
        .all(|f| f["cited"].as_array().unwrap().len() == 2));
    let clean = factcheck(&[
        "audit",
        "tests/data/archive/brask-fire.md",
        "tests/data/archive/osk-tram.md",
    ]);
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));
    assert!(stdout(&clean).ends_with(
        "2 articles (0 undated), 2 dated figures in 0 groups: 0 conflicts, 0 drifting quotes, 0 disagreeing sources\n"
    ));
}

#[test]
fn hostile_text_in_a_finding_never_reaches_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    for (name, date, said) in [
        (
            "a.md",
            "2026-03-04",
            "We will rebuild every house that the river has taken from us",
        ),
        (
            "b.md",
            "2026-03-05",
            "We will rebuild every home the \u{202e}river took from us",
        ),
    ] {
        std::fs::write(
            dir.path().join(name),
            format!("---\ndate: {date}\n---\n\n\"{said},\" said Karsk mayor Irena Dovlatova.\n"),
        )
        .unwrap();
    }
    let o = factcheck_in(dir.path(), &["audit", "a.md", "b.md"]);
    let text = stdout(&o);
    assert!(text.contains("drifting-quote"), "{text}");
    assert!(!text.contains('\u{202e}'), "{text}");
    assert!(text.contains("\\u{202e}"), "{text}");
}

#[test]
fn the_syrian_war_corpus_gives_few_conflicts_each_tied_by_a_rare_name() {
    let path = root().join("../shared/corpus/fa-kes-syria/fa_kes.jsonl");
    if !path.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "../shared is missing under CI"
        );
        return;
    }
    let o = factcheck(&[
        "audit",
        "--jsonl",
        path.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["articles"], 804);
    let findings = json["findings"].as_array().unwrap();
    let conflicts: Vec<&serde_json::Value> = findings
        .iter()
        .filter(|f| f["kind"] == "conflicting-figures")
        .collect();
    // (README: the figures of this run, and five read by hand)
    assert!((3..=12).contains(&conflicts.len()), "{}", conflicts.len());
    for c in &conflicts {
        let cited = c["cited"].as_array().unwrap();
        assert_ne!(cited[0]["article"], cited[1]["article"]);
        assert!(!c["about"].as_array().unwrap().is_empty());
        let day = |x: &serde_json::Value| {
            chrono::NaiveDate::parse_from_str(x["date"].as_str().unwrap(), "%Y-%m-%d").unwrap()
        };
        let apart = (day(&cited[1]) - day(&cited[0])).num_days();
        assert!((0..=3).contains(&apart), "{apart}");
    }
}

#[test]
fn the_suggested_reference_validates_and_turns_the_conflicts_into_mismatches() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("suggested.yaml");
    let o = factcheck(&[
        "audit",
        ARCHIVE,
        "--suggest-reference",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let yaml = std::fs::read_to_string(&out).unwrap();
    let file: serde_yaml::Value = serde_yaml::from_str(&yaml).unwrap();
    // the tolls that grow, as far as the articles agree: the Velmora fire's
    // "11" of the next day and the crash's "seven" fall below what came
    // before and are left out; the displaced (a count that moves both
    // ways) get no series
    let facts: Vec<String> = file["facts"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|f| {
            let series: Vec<String> = f["series"]
                .as_sequence()
                .unwrap()
                .iter()
                .map(|e| {
                    format!(
                        "{}={}",
                        e["as_of"].as_str().unwrap(),
                        e["value"].as_f64().unwrap()
                    )
                })
                .collect();
            format!("{} {}", f["id"].as_str().unwrap(), series.join(","))
        })
        .collect();
    assert_eq!(
        facts,
        [
            "halvik-pass-children-injured 2026-03-06=9",
            "velmora-workers-killed 2026-03-02=14,2026-03-04=19",
        ]
    );
    // the fire chief's words, word for word in two articles
    assert_eq!(
        file["quotes"][0]["text"],
        "The roof came down within minutes,"
    );
    let valid = factcheck(&["validate", out.to_str().unwrap()]);
    assert_eq!(
        valid.status.code(),
        Some(0),
        "{}{}",
        stdout(&valid),
        stderr(&valid)
    );
    for (article, mismatch) in [
        ("velmora-fire-1", None),
        ("velmora-fire-2", Some("velmora-workers-killed")),
        ("velmora-fire-3", None),
        ("halvik-crash-1", None),
        ("halvik-crash-2", None),
        ("halvik-crash-3", Some("halvik-pass-children-injured")),
    ] {
        let path = format!("{ARCHIVE}/{article}.md");
        let o = factcheck(&[
            "check",
            &path,
            "--against",
            out.to_str().unwrap(),
            "--format",
            "json",
        ]);
        let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        let errors: Vec<String> = json["articles"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] == "error")
            .map(|f| {
                format!(
                    "{} {}",
                    f["status"].as_str().unwrap(),
                    f["fact"].as_str().unwrap_or("")
                )
            })
            .collect();
        let want: Vec<String> = mismatch.iter().map(|id| format!("mismatch {id}")).collect();
        assert_eq!(errors, want, "{article}");
    }
    // a second run never writes over the first file
    let again = factcheck(&[
        "audit",
        ARCHIVE,
        "--suggest-reference",
        out.to_str().unwrap(),
    ]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("not overwritten"),
        "{}",
        stderr(&again)
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), yaml);
}

#[test]
fn audit_reads_extracts_output_as_a_reducer_would_and_says_the_same() {
    // the map step's output, as `extract --jsonl` (or `--format jsonl`) writes it
    let mapped = factcheck(&["extract", ARCHIVE, "--format", "jsonl"]);
    assert_eq!(mapped.status.code(), Some(0));
    let dir = tempfile::tempdir().unwrap();
    let claims = dir.path().join("claims.jsonl");
    std::fs::write(&claims, &mapped.stdout).unwrap();
    let reduced = factcheck(&[
        "audit",
        "--from-claims",
        claims.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let direct = factcheck(&["audit", ARCHIVE, "--format", "json"]);
    assert_eq!(reduced.status.code(), Some(1));
    assert_eq!(stdout(&reduced), stdout(&direct));
    // a broken line is named with its line and column; the others are read
    let mut text = String::from_utf8(mapped.stdout).unwrap();
    text.insert_str(0, "{\"path\": \"x\", \"claims\": [}\n");
    std::fs::write(&claims, text).unwrap();
    let broken = factcheck(&["audit", "--from-claims", claims.to_str().unwrap()]);
    assert_eq!(broken.status.code(), Some(2));
    assert!(
        stderr(&broken).contains("claims.jsonl:1:26: not a record of `extract --jsonl`"),
        "{}",
        stderr(&broken)
    );
    assert!(
        stdout(&broken).contains("13 articles"),
        "{}",
        stdout(&broken)
    );
    // articles and claims are not read together
    let both = factcheck(&["audit", "--jsonl", "--from-claims", "x.jsonl"]);
    assert_eq!(both.status.code(), Some(2));
}

/// A JSON Lines archive of `n` records made by `record(i)` (text, date).
fn archive_of(
    dir: &std::path::Path,
    n: usize,
    record: impl Fn(usize) -> (String, String),
) -> String {
    let path = dir.join("archive.jsonl");
    let lines: Vec<String> = (0..n)
        .map(|i| {
            let (text, date) = record(i);
            serde_json::json!({"id": format!("r{i}"), "text": text, "date": date}).to_string()
        })
        .collect();
    std::fs::write(&path, lines.join("\n")).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn a_hostile_archive_meets_the_audits_bounds_not_a_quadratic_wall() {
    let dir = tempfile::tempdir().unwrap();
    // 20,000 long quotes of one speaker, half of them the other half's
    // words backwards: every pair of the two halves a candidate to align,
    // none of them one quote
    let quotes = archive_of(dir.path(), 20_000, |i| {
        let mut said: Vec<String> = (0..150).map(|k| format!("word{k}")).collect();
        if i % 2 == 1 {
            said.reverse();
        }
        (
            format!("\"{},\" said Ann Smith.", said.join(" ")),
            "2026-03-02".into(),
        )
    });
    let o = factcheck(&["audit", "--jsonl", &quotes, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let limits = json["limits"].to_string();
    assert!(
        limits.contains("drifting quotes were compared until"),
        "{limits}"
    );
    // (and the neighbour bound, which decides which quotes meet, says so)
    assert!(limits.contains("with the 256 after it only"), "{limits}");
    // 12,000 towns, each with a toll that falls the next day
    let figures = archive_of(dir.path(), 24_000, |i| {
        let (n, day) = if i % 2 == 0 { (14, 2) } else { (11, 3) };
        (
            format!("In Town{} {n} workers were killed, police said.", i / 2),
            format!("2026-03-0{day}"),
        )
    });
    let o = factcheck(&["audit", "--jsonl", &figures, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["findings"].as_array().unwrap().len(), 10_000);
    assert!(
        json["limits"].to_string().contains("10000 findings listed"),
        "{}",
        json["limits"]
    );
    // speeches: 100 quotes of 1,700 words that share their first 200 are
    // no quotes to drift (a diff of each pair would be thousands of words)
    let speeches = archive_of(dir.path(), 100, |i| {
        let said: Vec<String> = (0..1_700)
            .map(|k| {
                if k < 200 {
                    format!("w{k}")
                } else {
                    format!("r{i}x{k}")
                }
            })
            .collect();
        (
            format!("\"{},\" said Ann Smith.", said.join(" ")),
            "2026-03-02".into(),
        )
    });
    let o = factcheck(&["audit", "--jsonl", &speeches, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["findings"], serde_json::json!([]));
}
