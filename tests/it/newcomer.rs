//! What a new user hits first (issue 18): `--write` exits by what is left
//! and works as a filter on standard input, `--help` lists only the
//! formats a command prints and describes every option, a missing file is
//! said in words, text piped in without `-` is said to be unread, and
//! `--version` names the build's commit.

use crate::support::*;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::support::ministry_repo as repo;

const WRONG: &str = "The health ministry said 15 people were killed in the blast on Monday. \
                     It said 40 people were injured.\n";
const FIXED: &str = "The health ministry said 12 people were killed in the blast on Monday. \
                     It said 40 people were injured.\n";

fn piped(dir: &Path, args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // (a run that does not read standard input may be gone before it is
    // written: a broken pipe here is no failure)
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    child.wait_with_output().unwrap()
}

#[test]
fn write_exits_by_the_findings_left() {
    let dir = repo();
    let a = dir.path().join("a.md");
    std::fs::write(&a, WRONG).unwrap();
    let args = ["check", "a.md", "--against", "r.yaml"];
    assert_eq!(factcheck_in(dir.path(), &args).status.code(), Some(1));
    // every error fixed: the run that fixed them passes
    let w = factcheck_in(dir.path(), &[&args[..], &["--write"]].concat());
    assert_eq!(w.status.code(), Some(0), "{}", stderr(&w));
    assert!(stderr(&w).contains("wrote 1 correction to a.md"));
    assert_eq!(std::fs::read_to_string(&a).unwrap(), FIXED);
    // (and says in its report what it found before fixing)
    assert!(stdout(&w).contains("1 mismatch"), "{}", stdout(&w));
    assert_eq!(factcheck_in(dir.path(), &args).status.code(), Some(0));

    // an error no fix can mend (the required injured count is never
    // given) still fails the run that fixed the rest
    std::fs::write(&a, "The health ministry said 15 people were killed.\n").unwrap();
    let w = factcheck_in(dir.path(), &[&args[..], &["--write"]].concat());
    assert_eq!(w.status.code(), Some(1), "{}", stderr(&w));
    assert_eq!(
        std::fs::read_to_string(&a).unwrap(),
        "The health ministry said 12 people were killed.\n"
    );
    let after = factcheck_in(dir.path(), &args);
    assert!(stdout(&after).contains("missing"), "{}", stdout(&after));
}

#[test]
fn write_on_standard_input_prints_the_corrected_text() {
    let dir = repo();
    let o = piped(
        dir.path(),
        &["check", "-", "--against", "r.yaml", "--write"],
        WRONG,
    );
    // the text, corrected and otherwise byte for byte, is the output; the
    // report goes to standard error
    assert_eq!(stdout(&o), FIXED);
    assert!(stderr(&o).contains("1 mismatch"), "{}", stderr(&o));
    assert_eq!(o.status.code(), Some(0));
    // nothing to fix: the text as it came
    let o = piped(
        dir.path(),
        &["check", "-", "--against", "r.yaml", "--write"],
        FIXED,
    );
    assert_eq!((stdout(&o).as_str(), o.status.code()), (FIXED, Some(0)));
    // without --write, standard output is the report, as ever
    let o = piped(dir.path(), &["check", "-", "--against", "r.yaml"], WRONG);
    assert!(stdout(&o).contains("1 mismatch"));
}

#[test]
fn help_describes_every_option_and_only_the_formats_printed() {
    let help = stdout(&factcheck(&["check", "--help"]));
    let against = &help[help.find("--against <REFERENCE>").unwrap()..];
    let described = against.lines().nth(1).unwrap_or_default().trim();
    assert!(described.starts_with("The reference"), "{help}");
    for (cmd, formats) in [
        ("extract", "[possible values: text, json, jsonl]"),
        ("diff", "[possible values: text, json]"),
    ] {
        let help = stdout(&factcheck(&[cmd, "--help"])).replace(['\n', ' '], "");
        assert!(help.contains(&formats.replace(' ', "")), "{cmd}: {help}");
    }
    let o = factcheck(&["diff", "a.md", "b.md", "--format", "sarif"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("[possible values: text, json]"));
}

#[test]
fn a_missing_file_is_said_in_words() {
    for args in [
        &["validate", "no-such.yaml"][..],
        &[
            "check",
            "no-such.md",
            "--against",
            "claims/ukraine-talks.yaml",
        ],
    ] {
        let o = factcheck(args);
        assert_eq!(o.status.code(), Some(2));
        let err = stderr(&o);
        assert!(
            err.contains("no-such") && err.contains(": not found (no such file or folder)"),
            "{err}"
        );
        assert!(!err.contains("os error"), "{err}");
    }
}

#[test]
fn one_is_never_plural() {
    let dir = tempfile::tempdir().unwrap();
    let o = piped(
        dir.path(),
        &["extract", "-"],
        "Police said 12 people were killed.\n",
    );
    assert!(stdout(&o).starts_with("-: 2 claims\n"), "{}", stdout(&o));
    let o = piped(
        dir.path(),
        &["extract", "-"],
        "At least 12 people were killed.\n",
    );
    assert!(stdout(&o).starts_with("-: 1 claim\n"), "{}", stdout(&o));
    let o = factcheck_in(repo().path(), &["validate", "r.yaml"]);
    assert_eq!(
        stdout(&o),
        "r.yaml: ok (1 source, 2 facts, 0 quotes, 0 statements)\n"
    );
}

#[test]
fn text_piped_without_a_dash_is_said_to_be_unread() {
    let dir = repo();
    std::fs::create_dir(dir.path().join("claims")).unwrap();
    let o = piped(dir.path(), &["check"], WRONG);
    assert!(
        stderr(&o).contains("note: standard input is not read") && stderr(&o).contains("`-`"),
        "{}",
        stderr(&o)
    );
    // (nothing piped: no note)
    let o = factcheck_in(dir.path(), &["check"]);
    assert!(!stderr(&o).contains("standard input"), "{}", stderr(&o));
}

#[test]
fn version_names_the_commit() {
    let v = stdout(&factcheck(&["--version"]));
    let rev = v
        .trim()
        .strip_prefix(concat!("factcheck ", env!("CARGO_PKG_VERSION"), " ("))
        .and_then(|r| r.strip_suffix(')'))
        .unwrap_or_else(|| panic!("{v}"));
    let head = Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .current_dir(root())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    // (built from this checkout: its commit; from a tarball: unknown)
    assert_eq!(rev, head.as_deref().unwrap_or("unknown"));
}
