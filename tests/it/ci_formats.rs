//! The formats that put findings where people look: GitHub workflow
//! commands, SARIF 2.1.0 (validated against the official schema), JSON
//! Lines and schema.org ClaimReview.

use crate::support::*;

use std::path::PathBuf;
use std::process::{Command, Output};

fn factcheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1648512000")
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn summary() -> serde_json::Value {
    let v: serde_json::Value =
        serde_json::from_slice(&factcheck(&["check", "--format", "json"]).stdout).unwrap();
    v["summary"].clone()
}

fn findings_total() -> u64 {
    summary()
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum()
}

#[test]
fn github_workflow_commands() {
    let o = factcheck(&["check", "--format", "github"]);
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o);
    insta::assert_snapshot!(out);
    // matches and unverified claims are counted, not listed, unless asked
    let quiet = summary()["match"].as_u64().unwrap() + summary()["unverified"].as_u64().unwrap();
    assert_eq!(out.lines().count() as u64, findings_total() - quiet);
    let all = text(&factcheck(&[
        "check",
        "--format",
        "github",
        "--show-matches",
    ]));
    assert_eq!(all.lines().count() as u64, findings_total());
    for line in out.lines() {
        assert!(
            line.starts_with("::error ")
                || line.starts_with("::warning ")
                || line.starts_with("::notice "),
            "{line}"
        );
        assert!(line.contains("file=claims/articles/"), "{line}");
    }
    let mismatch = out
        .lines()
        .find(|l| l.contains("title=mismatch%3A children-killed"))
        .unwrap();
    assert!(mismatch.starts_with("::error file=claims/articles/ukraine-talks-draft.md,line=22,col=244,endLine=22,endColumn=282,"), "{mismatch}");
}

/// The SARIF 2.1.0 schema, as shipped inside the serde-sarif crate.
fn sarif_schema() -> serde_json::Value {
    let meta = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1"])
        .current_dir(root())
        .output()
        .unwrap();
    let meta: serde_json::Value = serde_json::from_slice(&meta.stdout).unwrap();
    let manifest = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "serde-sarif")
        .unwrap()["manifest_path"]
        .as_str()
        .unwrap()
        .to_string();
    let path = PathBuf::from(manifest)
        .parent()
        .unwrap()
        .join("src/schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// What the official schema finds wrong with a SARIF log.
fn sarif_errors(log: &serde_json::Value) -> Vec<String> {
    let mut schema = sarif_schema();
    // the official schema's `language` patterns are not valid regexes (a
    // stray `]`); we never emit `language`, so drop those patterns
    for def in ["run", "toolComponent"] {
        if let Some(language) =
            schema.pointer_mut(&format!("/definitions/{def}/properties/language"))
        {
            language.as_object_mut().unwrap().remove("pattern");
        }
    }
    let validator = jsonschema::validator_for(&schema).unwrap();
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn a_limit_reached_is_a_valid_sarif_notification() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.md");
    let figures = "5 people were killed, ".repeat(300);
    std::fs::write(&article, format!("{figures}officials said.\n")).unwrap();
    let reference = dir.path().join("r.yaml");
    std::fs::write(
        &reference,
        "version: 1\nfacts:\n  - id: toll\n    metric: killed\n    value: 5\n",
    )
    .unwrap();
    let o = factcheck_in(
        dir.path(),
        &["check", "a.md", "--against", "r.yaml", "--format", "sarif"],
    );
    let log: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let errors = sarif_errors(&log);
    assert!(errors.is_empty(), "{errors:#?}");
    let notes = &log["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    assert_eq!(notes.as_array().map(Vec::len), Some(1), "{notes}");
    assert_eq!(notes[0]["level"], "warning");
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        1
    );
}

#[test]
fn sarif_is_valid_and_complete() {
    let o = factcheck(&["check", "--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let errors = sarif_errors(&log);
    assert!(errors.is_empty(), "{errors:#?}");
    // the typed model of a maintained crate reads it too
    let typed: serde_sarif::sarif::Sarif = serde_json::from_value(log.clone()).unwrap();
    assert_eq!(typed.runs.len(), 1);
    let run = &log["runs"][0];
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        [
            "match",
            "mismatch",
            "misquoted",
            "misattributed",
            "unattributed",
            "unverified",
            "missing"
        ]
    );
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len() as u64, findings_total());
    let mismatch = results.iter().find(|r| r["ruleId"] == "mismatch").unwrap();
    assert_eq!(mismatch["level"], "error");
    let region = &mismatch["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (
            region["startLine"].as_u64(),
            region["startColumn"].as_u64(),
            region["endColumn"].as_u64()
        ),
        (Some(22), Some(244), Some(282))
    );
    assert_eq!(
        results.iter().filter(|r| r["level"] == "note").count() as u64,
        summary()["match"].as_u64().unwrap() + summary()["unverified"].as_u64().unwrap()
    );
}

#[test]
fn jsonl_one_finding_per_line() {
    let out = text(&factcheck(&["check", "--format", "jsonl"]));
    assert_eq!(out.lines().count() as u64, findings_total());
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(
            v["path"].is_string() && v["reference"].is_string() && v["status"].is_string(),
            "{line}"
        );
    }
    let extract = text(&factcheck(&[
        "extract",
        "claims/articles",
        "--format",
        "jsonl",
    ]));
    let lines: Vec<serde_json::Value> = extract
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|a| a["claims"].is_array()));
}

#[test]
fn claimreview_for_each_error_worth_publishing() {
    let out = text(&factcheck(&["check", "--format", "claimreview"]));
    insta::assert_snapshot!(out);
    let v: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let s = summary();
    let expected = s["mismatch"].as_u64().unwrap()
        + s["misquoted"].as_u64().unwrap()
        + s["misattributed"].as_u64().unwrap();
    assert_eq!(v.len() as u64, expected);
    for r in &v {
        assert_eq!(r["@type"], "ClaimReview");
        assert_eq!(r["@context"], "https://schema.org");
        assert!(r["claimReviewed"].as_str().is_some_and(|c| !c.is_empty()));
        assert_eq!(r["itemReviewed"]["@type"], "Claim");
        assert!(r["itemReviewed"]["appearance"]["url"].is_string());
        assert!(["Inaccurate figure", "Misquoted", "Misattributed"]
            .contains(&r["reviewRating"]["alternateName"].as_str().unwrap()));
    }
}

#[test]
fn check_only_formats_are_refused_for_extract() {
    let help = factcheck(&["extract", "--help"]);
    assert!(stdout(&help).contains("[possible values: text, json,"));
    assert!(!stdout(&help).contains("sarif"), "{}", stdout(&help));
    let help = factcheck(&["diff", "--help"]);
    assert!(stdout(&help).contains("[possible values: text, json]"));
    for f in ["github", "sarif", "claimreview", "html", "diff"] {
        let o = factcheck(&["extract", "claims/articles", "--format", f]);
        assert_eq!(o.status.code(), Some(2), "{f}");
        // (refused by the argument parser, with the formats extract prints)
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(&format!("invalid value '{f}'")), "{f}: {err}");
        assert!(
            err.contains("[possible values: text, json, jsonl]"),
            "{err}"
        );
    }
}
