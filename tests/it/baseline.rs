//! Findings already known (issue 18): `--write-baseline` records them by
//! article, entry, status and words, `--baseline` then fails only on new
//! ones, and `--changed-since REV` judges only the lines a change touched.
//! The set-aside findings are listed and counted, never dropped.

use crate::support::*;

use std::path::Path;
use std::process::Command;

const BEFORE: &str = "The health ministry said 15 people were killed.\n\n\
                      The health ministry said 40 people were injured.\n";

fn git(dir: &Path, args: &[&str]) {
    let ok = Command::new("git")
        .args(["-c", "user.email=t@example.org", "-c", "user.name=t"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
        .status
        .success();
    assert!(ok, "git {args:?}");
}

/// The ministry's repository, a real git one, with `a.md` committed.
fn committed() -> tempfile::TempDir {
    let dir = ministry_repo();
    std::fs::remove_dir(dir.path().join(".git")).unwrap();
    git(dir.path(), &["init", "-q"]);
    std::fs::write(dir.path().join("a.md"), BEFORE).unwrap();
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-qm", "the article as published"]);
    dir
}

fn summary(o: &std::process::Output) -> String {
    stdout(o).lines().last().unwrap_or_default().to_string()
}

#[test]
fn a_baseline_fails_only_new_findings() {
    let dir = committed();
    let check = ["check", "a.md", "--against", "r.yaml"];
    let o = factcheck_in(
        dir.path(),
        &[&check[..], &["--write-baseline", "known.json"]].concat(),
    );
    // (recording is accepting: the run that records does not fail)
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("recorded 1 finding in known.json"));
    assert_eq!(summary(&o), "1 article checked: 1 match, 1 suppressed");
    let recorded = std::fs::read_to_string(dir.path().join("known.json")).unwrap();
    assert_eq!(
        recorded,
        "{\n  \"version\": 1,\n  \"findings\": [\n    {\n      \"article\": \"a.md\",\n      \"reference\": \"r.yaml\",\n      \"fact\": \"toll\",\n      \"status\": \"mismatch\",\n      \"words\": \"15 people were killed\"\n    }\n  ]\n}\n"
    );
    let with = [&check[..], &["--baseline", "known.json"]].concat();
    let o = factcheck_in(dir.path(), &with);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));

    // lines added above move the known finding, which stays known; a new
    // wrong figure fails the run, alone
    std::fs::write(
        dir.path().join("a.md"),
        format!("A new opening paragraph.\n\n{BEFORE}\nLater it said 19 were killed.\n"),
    )
    .unwrap();
    let o = factcheck_in(dir.path(), &[&with[..], &["--quiet"]].concat());
    assert_eq!(o.status.code(), Some(1));
    let expected = "\
error[mismatch: toll]: “19 were killed” does not agree with the reference (12, Health Ministry); write “12 were killed”.
 --> a.md:7:15
  |
7 | Later it said 19 were killed.
  |               ^^^^^^^^^^^^^^ the reference has 12, Health Ministry
  |
  = help: write “12”

1 article checked: 1 match, 1 mismatch, 1 suppressed
";
    assert_eq!(stdout(&o), expected);
    // in JSON the known one is listed, with why
    let json = factcheck_in(dir.path(), &[&with[..], &["--format", "json"]].concat());
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let aside = &v["articles"][0]["suppressed"][0];
    assert_eq!(
        (aside["by"].as_str(), aside["found"].as_str()),
        (Some("baseline"), Some("15 people were killed"))
    );
}

#[test]
fn a_broken_baseline_is_located() {
    let dir = committed();
    std::fs::write(
        dir.path().join("b.json"),
        "{\"version\": 1,\n \"findings\": [\n  {\"article\": 3}]}\n",
    )
    .unwrap();
    let o = check_a(dir.path(), &["--baseline", "b.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("error: b.json:3:"), "{}", stderr(&o));
    // nothing was checked: the report is empty
    assert_eq!(stdout(&o), "");
}

#[test]
fn changed_since_judges_only_the_lines_a_change_touched() {
    let dir = committed();
    std::fs::write(
        dir.path().join("a.md"),
        format!("{BEFORE}\nLater it said 19 were killed.\n"),
    )
    .unwrap();
    let args = [
        "check",
        "a.md",
        "--against",
        "r.yaml",
        "--changed-since",
        "HEAD",
        "--quiet",
    ];
    let o = factcheck_in(dir.path(), &args);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains(" --> a.md:5:15"), "{}", stdout(&o));
    assert!(!stdout(&o).contains("a.md:1:"), "{}", stdout(&o));
    // (the old error and the old match stand on lines the change left
    // alone: both set aside)
    assert_eq!(summary(&o), "1 article checked: 1 mismatch, 2 suppressed");
    // nothing changed: the old error is not this change's
    git(dir.path(), &["checkout", "-q", "--", "a.md"]);
    let o = factcheck_in(dir.path(), &args);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // a file git did not have then is new from its first line
    std::fs::write(dir.path().join("b.md"), BEFORE).unwrap();
    let o = factcheck_in(
        dir.path(),
        &[
            "check",
            "b.md",
            "--against",
            "r.yaml",
            "--changed-since",
            "HEAD",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    // a revision git does not know is a usage error, before any reading;
    // one that looks like an option stays a revision name
    for rev in ["no-such-branch", "--output=x"] {
        let flag = format!("--changed-since={rev}");
        let o = factcheck_in(dir.path(), &["check", "a.md", "--against", "r.yaml", &flag]);
        assert_eq!(o.status.code(), Some(2));
        assert!(
            stderr(&o).contains("is no commit git knows here"),
            "{}",
            stderr(&o)
        );
    }
    assert!(!dir.path().join("x").exists());
}

/// `--write` fixes only what the run judges: never a finding a baseline
/// or `--changed-since` set aside, and its exit goes by what is left of
/// the rest.
#[test]
fn write_leaves_what_is_set_aside() {
    let dir = committed();
    std::fs::write(
        dir.path().join("a.md"),
        format!("{BEFORE}\nLater it said 19 were killed.\n"),
    )
    .unwrap();
    let o = check_a(dir.path(), &["--changed-since", "HEAD", "--write"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.md")).unwrap(),
        format!("{BEFORE}\nLater it said 12 were killed.\n")
    );
    // (a second run writes nothing: what is left stays set aside)
    let again = check_a(dir.path(), &["--changed-since", "HEAD", "--write"]);
    assert!(!stderr(&again).contains("wrote"), "{}", stderr(&again));
    // the old error, recorded, is left as it is; the run passes
    let o = check_a(dir.path(), &["--write-baseline", "known.json"]);
    assert_eq!(o.status.code(), Some(0));
    let o = check_a(dir.path(), &["--baseline", "known.json", "--write"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("wrote"), "{}", stderr(&o));
    assert!(std::fs::read_to_string(dir.path().join("a.md"))
        .unwrap()
        .starts_with("The health ministry said 15 people were killed."));
}
