//! Suppressions written in the article (issue 18): `<!-- factcheck:
//! ignore -->` for the next paragraph, `ignore ID` for one reference entry,
//! `off` … `on` for a stretch; suppressed findings counted, unused or
//! mistyped comments warned about, nothing suppressed ever written.

use crate::support::*;

/// The ministry's repository with `a.md` holding `article`.
fn repo(article: &str) -> tempfile::TempDir {
    let dir = ministry_repo();
    std::fs::write(dir.path().join("a.md"), article).unwrap();
    dir
}

const ARTICLE: &str = "\
The health ministry said 15 people were killed in the blast on Monday.

<!-- factcheck: ignore toll -->
The health ministry said 16 people were killed, in its first count.

<!-- factcheck: ignore hurt -->
Rescuers searched the rubble through the night.

<!-- factcheck: off -->
The health ministry said 17 people were killed.

The health ministry said 18 people were killed.
<!-- factcheck: on -->

<!-- factcheck: ignore -->
Nothing here is checked against the reference.

<!-- factcheck: ignroe -->
";

#[test]
fn suppressed_findings_are_counted_and_stale_comments_warned() {
    let dir = repo(ARTICLE);
    let o = check_a(dir.path(), &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let expected = "\
error[mismatch: toll]: “15 people were killed” does not agree with the reference (12, Health Ministry); write “12 people were killed”.
 --> a.md:1:26
  |
1 | The health ministry said 15 people were killed in the blast on Monday.
  |                          ^^^^^^^^^^^^^^^^^^^^^ the reference has 12, Health Ministry
  |
  = help: write “12”

warning[suppression]: this `factcheck:` comment suppresses no finding (remove it if the words below it are right now)
 = note: at a.md:15:1

warning[suppression]: `factcheck: ignroe` is no suppression (write `ignore`, `ignore ID`, `off` or `on`)
 = note: at a.md:18:1

a.md (against r.yaml): 1 mismatch, 4 suppressed

1 article checked: 1 mismatch, 4 suppressed
";
    assert_eq!(stdout(&o), expected);
    // (--quiet shows only what fails the run: neither the warnings nor the
    // suppressed)
    let quiet = check_a(dir.path(), &["--quiet"]);
    assert!(!stdout(&quiet).contains("warning["), "{}", stdout(&quiet));
    // the warnings fail a run at --fail-on warning; the suppressed never do
    let strict = [
        "check",
        "a.md",
        "--against",
        "r.yaml",
        "--fail-on",
        "warning",
    ];
    let o = factcheck_in(dir.path(), &strict);
    assert_eq!(o.status.code(), Some(1));
    std::fs::write(
        dir.path().join("a.md"),
        ARTICLE
            .replacen("said 15", "said 12", 1)
            .replace("\n<!-- factcheck: ignroe -->\n", "")
            .replace("<!-- factcheck: ignore -->\n", ""),
    )
    .unwrap();
    let o = factcheck_in(dir.path(), &strict);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    std::fs::write(dir.path().join("a.md"), ARTICLE).unwrap();
    let json = check_a(dir.path(), &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let a = &v["articles"][0];
    let ids = |key: &str| -> Vec<String> {
        a[key]
            .as_array()
            .map(|l| {
                l.iter()
                    .map(|f| {
                        format!(
                            "{} {}",
                            f["status"].as_str().unwrap(),
                            f["fact"].as_str().unwrap()
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(ids("findings"), ["mismatch toll"]);
    assert_eq!(
        ids("suppressed"),
        [
            "mismatch toll",
            "mismatch toll",
            "mismatch toll",
            "missing hurt"
        ]
    );
    assert_eq!(v["summary"]["suppressed"], 4);
    assert_eq!(v["summary"]["mismatch"], 1);
    assert_eq!(v["summary"]["missing"], 0);
}

#[test]
fn write_fixes_nothing_that_is_suppressed() {
    let dir = repo(ARTICLE);
    let o = check_a(dir.path(), &["--write", "--fail-on", "error"]);
    assert!(
        stderr(&o).contains("wrote 1 correction to a.md"),
        "{}",
        stderr(&o)
    );
    // only the first figure, the one not set aside, is rewritten
    let after = std::fs::read_to_string(dir.path().join("a.md")).unwrap();
    assert_eq!(after, ARTICLE.replacen("said 15", "said 12", 1));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // a second --write changes nothing
    let again = check_a(dir.path(), &["--write"]);
    assert!(!stderr(&again).contains("wrote"), "{}", stderr(&again));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.md")).unwrap(),
        after
    );
}

#[test]
fn an_article_without_comments_reports_as_before() {
    let dir = repo("The health ministry said 12 people were killed and 40 injured.\n");
    let o = check_a(dir.path(), &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // (no `suppressed` key anywhere when nothing is suppressed)
    assert!(v["articles"][0].get("suppressed").is_none());
    assert!(v["summary"].get("suppressed").is_none());
    assert_eq!(o.status.code(), Some(0));
}
