//! The binary end to end: exit codes, errors with file:line:column, the
//! JSON contract, standard input.

use crate::support::*;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn write(dir: &Path, name: &str, text: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

#[test]
fn ci_mode_checks_the_samples_and_fails_on_their_errors() {
    let o = factcheck(&["check"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("--> claims/articles/ukraine-talks-draft.md:22:244"),
        "{out}"
    );
    assert!(out.contains("error[mismatch: children-killed]"), "{out}");
    assert!(out.contains("help: write “143”"), "{out}");
    assert!(
        out.lines()
            .last()
            .unwrap()
            .starts_with("2 articles checked:"),
        "{out}"
    );
}

#[test]
fn the_correct_sample_passes_and_the_draft_fails() {
    let ok = factcheck(&["check", "claims/articles/ukraine-talks.md"]);
    assert_eq!(ok.status.code(), Some(0), "{}{}", stdout(&ok), stderr(&ok));
    let bad = factcheck(&["check", "claims/articles/ukraine-talks-draft.md"]);
    assert_eq!(bad.status.code(), Some(1));
}

#[test]
fn check_json_follows_the_contract() {
    let o = factcheck(&["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["version"], 1);
    let summary: Vec<&str> = v["summary"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(summary.len(), 7);
    for k in [
        "match",
        "mismatch",
        "misquoted",
        "misattributed",
        "unattributed",
        "unverified",
        "missing",
    ] {
        assert!(summary.contains(&k), "{k}");
    }
    for a in v["articles"].as_array().unwrap() {
        assert_eq!(a["reference"], "claims/ukraine-talks.yaml");
        for f in a["findings"].as_array().unwrap() {
            for k in [
                "status", "severity", "fact", "claim", "expected", "found", "message",
            ] {
                assert!(f.get(k).is_some(), "finding lacks {k}: {f}");
            }
            if f["status"] != "missing" {
                assert!(f["claim"]["span"]["line"].as_u64().unwrap() >= 1);
            }
        }
    }
}

#[test]
fn extract_json_follows_the_contract_and_spans_point_at_the_words() {
    let path = "claims/articles/ukraine-talks.md";
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    let o = factcheck(&["extract", path, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let a = &v["articles"][0];
    assert_eq!(a["path"], path);
    assert_eq!(a["date"], "2022-03-29");
    let claims = a["claims"].as_array().unwrap();
    assert!(claims.len() >= 10);
    for (i, c) in claims.iter().enumerate() {
        assert_eq!(c["id"], format!("c{}", i + 1));
        for k in [
            "id",
            "kind",
            "text",
            "span",
            "quantity",
            "quote",
            "content",
            "attribution",
        ] {
            assert!(c.get(k).is_some(), "claim lacks {k}: {c}");
        }
        let (s, e) = (
            c["span"]["start"].as_u64().unwrap() as usize,
            c["span"]["end"].as_u64().unwrap() as usize,
        );
        let words = &text[s..e];
        let line = text[..s].matches('\n').count() + 1;
        let column = text[..s].rsplit('\n').next().unwrap().chars().count() + 1;
        assert_eq!(
            (
                c["span"]["line"].as_u64().unwrap() as usize,
                c["span"]["column"].as_u64().unwrap() as usize
            ),
            (line, column)
        );
        match c["kind"].as_str().unwrap() {
            "quantity" => {
                let q = &c["quantity"];
                assert_eq!(q["phrase"], words);
                for k in [
                    "metric",
                    "subject",
                    "value",
                    "upper",
                    "qualifier",
                    "interval",
                    "phrase",
                ] {
                    assert!(q.get(k).is_some(), "{k}");
                }
            }
            "quote" => assert_eq!(c["quote"], words),
            "statement" => assert_eq!(c["content"], words),
            k => panic!("unknown kind {k}"),
        }
    }
    let refugees = claims
        .iter()
        .find(|c| c["quantity"]["metric"] == "refugees")
        .unwrap();
    assert_eq!(refugees["quantity"]["value"], 3_900_000);
    assert_eq!(refugees["quantity"]["qualifier"], "more_than");
    assert_eq!(refugees["attribution"]["speaker"], "UN refugee agency");
}

#[test]
fn validate_accepts_the_samples() {
    let o = factcheck(&["validate"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("claims/ukraine-talks.yaml: ok"));
}

#[test]
fn malformed_references_get_one_located_error_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &str, &str)] = &[
        (
            "indent.yaml",
            "version: 1\nsources:\n  - id: a\n    name: A\n   aliases: [x]\n",
            ":5:",
        ),
        (
            "type.yaml",
            "version: 1\nfacts:\n  - id: a\n    metric: killed\n    value: [1, 2]\n",
            ":5:12: facts[0].value: invalid type",
        ),
        (
            "unknown.yaml",
            "version: 1\nfacts:\n  - id: a\n    metric: killed\n    valeu: 3\n",
            ":5:5: facts[0]: unknown field `valeu`, did you mean `value`?",
        ),
        (
            "undeclared.yaml",
            "version: 1\nquotes:\n  - id: q\n    speaker: nobody\n    text: hello there\n",
            ":4:14: `nobody` is not a declared source id",
        ),
    ];
    for (name, text, want) in cases {
        let p = write(dir.path(), name, text.as_bytes());
        let o = factcheck(&["validate", &p]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        let err = stderr(&o);
        assert!(err.contains(&format!("{p}{want}")), "{name}: {err}");
        assert_eq!(err.lines().count(), 1, "{name}: one line: {err}");
        let o = factcheck(&["check", "claims/articles/ukraine-talks.md", "--against", &p]);
        assert_eq!(o.status.code(), Some(2), "{name}");
    }
}

#[test]
fn bad_articles_are_named_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "latin1.txt", b"caf\xe9 140 dead");
    let o = factcheck(&["extract", &p]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim(),
        format!("error: {p}:1:4: not valid UTF-8 (byte offset 3); save the file as UTF-8")
    );
    let o = factcheck(&["extract", "no/such/article.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no/such/article.md"), "{}", stderr(&o));
    let p = write(dir.path(), "utf16.txt", b"\xff\xfe1\x004\x000\x00");
    let o = factcheck(&["extract", &p]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("UTF-16"), "{}", stderr(&o));
}

#[test]
fn standard_input_bom_and_crlf() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args(["extract", "-", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let text = "\u{feff}date 2021-07-16\r\nFloods in the Ahr valley have killed at least 110 people, police said.\r\n";
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let a = &v["articles"][0];
    assert_eq!(a["path"], "-");
    assert_eq!(a["date"], "2021-07-16");
    let c = a["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "quantity")
        .unwrap();
    assert_eq!(c["quantity"]["value"], 110);
    assert_eq!(c["quantity"]["qualifier"], "at_least");
    assert_eq!(c["attribution"]["speaker"], "police");
    assert_eq!(c["span"]["line"], 2);
    let start = c["span"]["start"].as_u64().unwrap() as usize;
    assert_eq!(&text[start..start + 6], "killed");
}

#[test]
fn fail_on_and_quiet() {
    let o = factcheck(&[
        "check",
        "claims/articles/ukraine-talks.md",
        "--fail-on",
        "warning",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "the correct sample has no warnings: {}",
        stdout(&o)
    );
    let o = factcheck(&["check", "--quiet"]);
    let out = stdout(&o);
    assert!(!out.contains("info["), "{out}");
    assert!(out.contains("error[misquoted: fomin-kyiv]"), "{out}");
    assert_eq!(o.status.code(), Some(1));
    // a report-only step: the same errors, shown, never a failing exit
    let o = factcheck(&["check", "--quiet", "--fail-on", "never"]);
    assert!(stdout(&o).contains("error[misquoted: fomin-kyiv]"));
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // (bad input still fails)
    let o = factcheck(&[
        "check",
        "no-such.md",
        "--against",
        "claims/ukraine-talks.yaml",
        "--fail-on",
        "never",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn articles_without_a_reference_are_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "a.md", b"Twelve people died.");
    let o = factcheck(&["check", &p]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no reference under ./claims names this article"));
}

#[test]
fn help_shows_examples() {
    for sub in ["extract", "check", "validate"] {
        let o = factcheck(&[sub, "--help"]);
        assert_eq!(o.status.code(), Some(0));
        assert!(stdout(&o).contains("Example"), "{sub}");
    }
}

/// The reference example in the README is valid as written.
#[test]
fn readme_reference_example_validates() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let block = readme
        .split("```yaml\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("articles")).unwrap();
    std::fs::write(dir.path().join("articles/a.md"), "Twelve people died.").unwrap();
    write(dir.path(), "ref.yaml", block.as_bytes());
    let o = factcheck_in(dir.path(), &["validate", "ref.yaml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

fn run_with_threads(args: &[&str], threads: &str, stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args(args)
        .current_dir(root())
        .env("RAYON_NUM_THREADS", threads)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.map(<[u8]>::to_vec);
    let writer = std::thread::spawn(move || {
        if let Some(d) = data {
            let _ = input.write_all(&d);
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// A sample of real news as JSON Lines: the shared corpora when present,
/// else the shipped articles repeated.
fn jsonl_sample() -> Vec<u8> {
    let root = root();
    let mut out = String::new();
    for f in ["bbc-news/bbc_news.jsonl", "fa-kes-syria/fa_kes.jsonl"] {
        if let Ok(data) = std::fs::read_to_string(root.join("../shared/corpus").join(f)) {
            for line in data.lines().take(300) {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    if out.is_empty() {
        let text =
            std::fs::read_to_string(root.join("claims/articles/ukraine-talks-draft.md")).unwrap();
        for i in 0..600 {
            out.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
            out.push('\n');
        }
    }
    out.into_bytes()
}

#[test]
fn parallel_and_sequential_runs_give_the_same_bytes() {
    let sample = jsonl_sample();
    let one = run_with_threads(&["extract", "--jsonl"], "1", Some(&sample));
    let two = run_with_threads(&["extract", "--jsonl"], "2", Some(&sample));
    assert_eq!(
        one.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&one.stderr)
    );
    assert!(one.stdout.len() > 10_000);
    assert!(
        one.stdout == two.stdout,
        "extract --jsonl differs between 1 and 2 threads"
    );
    let lines = one
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .count();
    assert_eq!(
        lines,
        sample
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .count(),
        "one line per article"
    );
    let check1 = run_with_threads(
        &["check", "--jsonl", "--against", "claims/ukraine-talks.yaml"],
        "1",
        Some(&sample),
    );
    let check2 = run_with_threads(
        &["check", "--jsonl", "--against", "claims/ukraine-talks.yaml"],
        "2",
        Some(&sample),
    );
    assert!(
        check1.stdout == check2.stdout,
        "check --jsonl differs between 1 and 2 threads"
    );
    let dir1 = run_with_threads(&["check", "--format", "json"], "1", None);
    let dir2 = run_with_threads(&["check", "--format", "json"], "2", None);
    assert!(dir1.stdout == dir2.stdout);
}

#[test]
fn jsonl_bad_lines_are_named_and_the_run_goes_on() {
    let input = b"{\"id\": \"ok-1\", \"text\": \"At least 12 people died, police said.\"}\n{\"id\": 2, \"text\": 5}\nnot json at all\n{\"id\": \"ok-2\", \"text\": \"Twelve were injured.\", \"date\": \"4/5/2017\"}\n";
    let o = run_with_threads(&["extract", "--jsonl"], "2", Some(input));
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("<stdin>:2:"), "{err}");
    assert!(err.contains("<stdin>:3:"), "{err}");
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "ok-1");
    assert_eq!(lines[1]["id"], "ok-2");
    assert_eq!(lines[1]["date"], "2017-04-05");
}
