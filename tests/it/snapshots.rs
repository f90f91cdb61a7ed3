//! insta snapshots of every report format on the shipped samples.

use crate::support::*;

use std::process::Command;

fn run(args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .args(args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn check_text() {
    insta::assert_snapshot!(run(&["check", "--color", "never"]));
}

#[test]
fn check_text_colour() {
    insta::assert_snapshot!(run(&[
        "check",
        "claims/articles/ukraine-talks-draft.md",
        "--color",
        "always",
        "--quiet"
    ]));
}

#[test]
fn check_json() {
    insta::assert_snapshot!(run(&["check", "--format", "json"]));
}

#[test]
fn extract_text() {
    insta::assert_snapshot!(run(&["extract", "claims/articles", "--color", "never"]));
}

#[test]
fn extract_json() {
    insta::assert_snapshot!(run(&[
        "extract",
        "claims/articles/ukraine-talks.md",
        "--format",
        "json"
    ]));
}

#[test]
fn check_sarif() {
    insta::assert_snapshot!(run(&["check", "--format", "sarif"]));
}

#[test]
fn check_jsonl() {
    insta::assert_snapshot!(run(&["check", "--format", "jsonl"]));
}

#[test]
fn check_html() {
    insta::assert_snapshot!(run(&["check", "--format", "html"]));
}

#[test]
fn check_github() {
    insta::assert_snapshot!(run(&["check", "--format", "github", "--quiet"]));
}
