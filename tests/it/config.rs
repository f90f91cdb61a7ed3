//! `factcheck.toml` (issue 18): defaults for `check`'s format and fail
//! level, the reference folders, the baseline and severities per status;
//! flags win; `factcheck config` prints what a run uses; a malformed or
//! escaping file is an error at its line.

use crate::support::*;

use std::path::Path;

/// The ministry's repository with its reference moved to `refs/`, naming
/// `a.md`, whose toll is wrong and whose injured count has no source.
fn repo() -> tempfile::TempDir {
    let dir = ministry_repo();
    let yaml = std::fs::read_to_string(dir.path().join("r.yaml")).unwrap();
    std::fs::create_dir(dir.path().join("refs")).unwrap();
    std::fs::write(
        dir.path().join("refs/r.yaml"),
        yaml.replace("version: 1\n", "version: 1\narticles: [../a.md]\n"),
    )
    .unwrap();
    std::fs::remove_file(dir.path().join("r.yaml")).unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "The health ministry said 15 people were killed. 40 people were injured.\n",
    )
    .unwrap();
    dir
}

fn config(dir: &Path, toml: &str) {
    std::fs::write(dir.join("factcheck.toml"), toml).unwrap();
}

#[test]
fn config_prints_the_defaults_and_the_files_values() {
    let dir = repo();
    let o = factcheck_in(dir.path(), &["config"]);
    assert_eq!(
        stdout(&o),
        "# no factcheck.toml here: the defaults; flags on the command line win\n\
         format = \"text\"\nfail-on = \"error\"\nreferences = [\"claims\"]\n"
    );
    config(
        dir.path(),
        "# the newsroom's settings\nformat = \"json\"\nreferences = [\"refs\"]\n\n[severity]\nunattributed = \"warning\"\n",
    );
    let o = factcheck_in(dir.path(), &["config"]);
    let file = dir.path().join("factcheck.toml");
    assert_eq!(
        stdout(&o),
        format!(
            "# from {}; flags on the command line win\nformat = \"json\"\nfail-on = \"error\"\nreferences = [\"refs\"]\n\n[severity]\nunattributed = \"warning\"\n",
            file.display()
        )
    );
}

#[test]
fn check_takes_its_defaults_from_the_file_and_flags_win() {
    let dir = repo();
    // (no claims/ folder: without the file, the CI mode finds nothing)
    assert_eq!(factcheck_in(dir.path(), &["check"]).status.code(), Some(2));
    config(dir.path(), "format = \"json\"\nreferences = [\"refs\"]\n");
    let o = factcheck_in(dir.path(), &["check"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["summary"]["mismatch"], 1);
    assert_eq!(v["summary"]["unattributed"], 1);
    assert_eq!(o.status.code(), Some(1));
    let o = factcheck_in(dir.path(), &["check", "--format", "text", "--quiet"]);
    assert!(
        stdout(&o).starts_with("error[mismatch: toll]"),
        "{}",
        stdout(&o)
    );

    // the file's severities: the unattributed count an error no more, the
    // mismatch a warning, so the run passes; failing at warnings, it fails
    config(
        dir.path(),
        "references = [\"refs\"]\n[severity]\nmismatch = \"warning\"\nunattributed = \"info\"\n",
    );
    let o = factcheck_in(dir.path(), &["check", "--quiet"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    config(
        dir.path(),
        "references = [\"refs\"]\nfail-on = \"warning\"\n[severity]\nmismatch = \"warning\"\n",
    );
    assert_eq!(factcheck_in(dir.path(), &["check"]).status.code(), Some(1));
    let o = factcheck_in(dir.path(), &["check", "--fail-on", "never"]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn a_bad_file_is_an_error_at_its_line() {
    let dir = repo();
    for (toml, expected) in [
        (
            "format = \"json\"\nfromat = \"text\"\n",
            "factcheck.toml:2:1: unknown field `fromat`, expected one of `format`, `fail-on`, `references`, `baseline`, `severity`",
        ),
        (
            "references = [\"refs\"]\nfail-on = \"sometimes\"\n",
            "factcheck.toml:2:1: fail-on `sometimes` is none of error, warning, never",
        ),
        (
            "[severity]\nmisquoted = \"fatal\"\n",
            "factcheck.toml:2:1: severity `fatal` is none of error, warning, info",
        ),
        (
            "references = [\"../elsewhere\"]\n",
            "factcheck.toml:1:1: `../elsewhere` leads outside the repository: name a folder inside it",
        ),
        (
            "baseline = \"/etc/passwd\"\n",
            "factcheck.toml:1:1: `/etc/passwd` leads outside the repository: name a folder inside it",
        ),
    ] {
        config(dir.path(), toml);
        let o = factcheck_in(dir.path(), &["check"]);
        assert_eq!(o.status.code(), Some(2), "{toml}");
        assert!(stderr(&o).trim_end().ends_with(expected), "{toml}: {}", stderr(&o));
    }
}

#[test]
fn the_files_baseline_is_read_once_written() {
    let dir = repo();
    config(
        dir.path(),
        "references = [\"refs\"]\nbaseline = \"known.json\"\n",
    );
    // (not written yet: no baseline, and this run may write it)
    assert_eq!(factcheck_in(dir.path(), &["check"]).status.code(), Some(1));
    let o = factcheck_in(dir.path(), &["check", "--write-baseline", "known.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = factcheck_in(dir.path(), &["check", "--quiet"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(stdout(&o), "1 article checked: 1 match, 2 suppressed\n");
}
