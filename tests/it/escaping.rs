//! User text never reaches a terminal or a CI log raw: control characters,
//! bidi overrides and forged workflow commands in an article, a reference
//! or a file name come out as visible escapes, in every message and in the
//! text, github and html reports. Validation refuses such characters where
//! they would be written into an article; counts beyond a trillion are no
//! figures. Texts invented for the test.

use std::fs;

use crate::support::*;

/// A repository with `claims/r.yaml` (`yaml` after `version: 1`) and
/// `claims/a.md` holding `article`.
fn repo(yaml: &str, article: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join(".git")).unwrap();
    fs::create_dir_all(dir.path().join("claims")).unwrap();
    fs::write(dir.path().join("claims/a.md"), article).unwrap();
    fs::write(
        dir.path().join("claims/r.yaml"),
        format!("version: 1\n{yaml}"),
    )
    .unwrap();
    dir
}

const TOLL: &str = "articles:\n  - a.md\nfacts:\n  - id: toll\n    metric: killed\n    value: 20\n";

/// No line of `out` is a GitHub workflow command but those `allowed` to
/// be, and no raw control character other than a line break is in it.
fn clean(out: &str, allowed_commands: bool) {
    for line in out.lines() {
        let t = line.trim_start();
        if !allowed_commands {
            assert!(
                !t.starts_with("::") && !t.starts_with("##["),
                "a workflow command: {line:?}"
            );
        }
        assert!(
            !line
                .chars()
                .any(|c| (c.is_control() && c != '\t') || ('\u{202a}'..='\u{202e}').contains(&c)),
            "a raw control character: {line:?}"
        );
    }
}

#[test]
fn control_characters_in_an_article_are_shown_not_sent() {
    let article = "At least 12 people were killed in Tarn\u{7}wick\u{202e}, officials \u{1b}]0;pwned\u{7}said.\u{1b}[2J\n";
    let dir = repo(TOLL, article);
    let out = factcheck_in(dir.path(), &["check", "--color", "never", "-v"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    clean(&text, false);
    // the claim is still pointed at, at its true column
    assert!(text.contains("--> claims/a.md:1:1\n"), "{text}");
    assert!(
        text.contains("Tarn␇wick�, officials ␛]0;pwned␇said."),
        "{text}"
    );
    let out = factcheck_in(dir.path(), &["check", "--format", "github"]);
    let github = stdout(&out);
    clean(&github, true);
    assert!(github.lines().all(|l| l.starts_with("::")), "{github}");
    let out = factcheck_in(dir.path(), &["extract", "claims/a.md"]);
    clean(&stdout(&out), false);
    let out = factcheck_in(dir.path(), &["check", "--format", "html"]);
    assert!(
        !stdout(&out).contains('\u{202e}'),
        "a bidi override in html"
    );
    assert!(!stdout(&out).contains('\u{1b}'), "ESC in html");
}

/// A diff keeps the article's bytes when piped (`patch` applies it), and
/// shows its control characters as escapes on a terminal (through
/// `script`, which gives the run a pseudo-terminal, where it is found).
#[test]
fn a_diff_is_raw_for_patch_and_escaped_on_a_terminal() {
    let article =
        "At least 12 people were killed in Tarn\u{1b}]0;pwned\u{7}wick, officials said.\n";
    let dir = repo(TOLL, article);
    let out = factcheck_in(dir.path(), &["check", "--format", "diff"]);
    assert!(
        stdout(&out).contains("Tarn\u{1b}]0;pwned\u{7}wick"),
        "{}",
        stdout(&out)
    );
    let bin = env!("CARGO_BIN_EXE_factcheck");
    let Ok(out) = std::process::Command::new("script")
        .args(["-qec", &format!("{bin} check --format diff"), "/dev/null"])
        .current_dir(dir.path())
        .output()
    else {
        eprintln!("note: no `script` here; the terminal case is skipped");
        return;
    };
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("-At least 12"), "{shown}");
    assert!(shown.contains("Tarn\\u{1b}]0;pwned\\u{7}wick"), "{shown}");
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
        "{shown}"
    );
}

/// The machine formats are printed in CI logs too: a bidi override, a C1
/// control or a line separator is a `\uXXXX` escape there, and the string
/// a JSON reader gets is unchanged.
#[test]
fn machine_formats_carry_no_raw_control_or_bidi_character() {
    let article =
        "At least 12 people\u{85} were killed in Tarn\u{2028}wick\u{202e}, officials said.\n";
    let dir = repo(TOLL, article);
    for args in [
        &["check", "--format", "json"][..],
        &["check", "--format", "jsonl"],
        &["check", "--format", "sarif"],
        &["check", "--format", "claimreview"],
        &["extract", "claims/a.md", "--format", "json"],
        &["extract", "claims/a.md", "--format", "jsonl"],
    ] {
        let out = factcheck_in(dir.path(), args);
        let text = stdout(&out);
        clean(&text, true);
        assert!(!text.contains('\u{2028}'), "{args:?}: {text}");
        assert!(text.contains(r"\u0085"), "{args:?}: {text}");
        let first: serde_json::Value = serde_json::Deserializer::from_str(&text)
            .into_iter()
            .next()
            .unwrap()
            .unwrap();
        assert!(
            first.to_string().contains("people\u{85} were"),
            "{args:?}: {first}"
        );
    }
    let jsonl = format!("{}\n", serde_json::json!({"id": "a", "text": article}));
    fs::write(dir.path().join("in.jsonl"), jsonl).unwrap();
    let out = factcheck_in(dir.path(), &["extract", "--jsonl", "in.jsonl"]);
    clean(&stdout(&out), true);
    assert!(stdout(&out).contains(r"\u0085"), "{}", stdout(&out));
}

#[test]
fn a_forged_command_in_a_reference_stays_inside_the_error_line() {
    // an `articles:` entry holding a newline and a workflow command
    let dir = repo(
        "articles:\n  - \"x\\n::error file=README.md::forged\\u001b[31m\"\nfacts: []\n",
        "",
    );
    for args in [
        &["check"][..],
        &["validate"][..],
        &["check", "--format", "github"][..],
    ] {
        let out = factcheck_in(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        clean(&err, false);
        clean(&stdout(&out), args.contains(&"github"));
        assert!(err.lines().all(|l| l.starts_with("error: ")), "{err}");
        assert!(
            err.contains("x\\u{a}::error file=README.md::forged\\u{1b}[31m"),
            "{err}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_a_command_does_not_start_a_line() {
    let dir = repo(TOLL, "At least 12 people were killed, officials said.\n");
    let evil = "::error file=README.md::forged.yaml";
    fs::rename(
        dir.path().join("claims/r.yaml"),
        dir.path().join("claims").join(evil),
    )
    .unwrap();
    // its `articles:` is relative to it; a second article named like a command
    fs::write(
        dir.path().join("claims/##[error]b.md"),
        "Nine people died.\n",
    )
    .unwrap();
    let out = factcheck_in(dir.path(), &["validate"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    clean(&stdout(&out), false);
    // named from inside claims/, the path alone would start the line
    let out = factcheck_in(&dir.path().join("claims"), &["validate", evil]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("./::error file=README.md::forged.yaml: ok"),
        "{}",
        stdout(&out)
    );
    let out = factcheck_in(&dir.path().join("claims"), &["extract", "##[error]b.md"]);
    assert!(
        stdout(&out).starts_with("./##\\u{5b}error]b.md: 1 claim\n"),
        "{}",
        stdout(&out)
    );
    let out = factcheck_in(dir.path(), &["check", "--write"]);
    clean(&stdout(&out), false);
    clean(&stderr(&out), false);
    let out = factcheck_in(dir.path(), &["extract", "claims"]);
    clean(&stdout(&out), false);
}

#[test]
fn names_and_quotes_with_control_characters_are_refused_where_they_stand() {
    let yaml = "sources:\n  - id: fomin\n    name: \"Alexander Fomin\\n#!/bin/sh\\nrm -rf ~\"\n    aliases: [\"Fo\\u001bmin\"]\nquotes:\n  - id: q\n    speaker: fomin\n    text: \"We will \\u202ereduce activity\"\n  - id: folded\n    speaker: fomin\n    text: >\n      We will reduce\n      activity near Kyiv\n";
    let dir = repo(yaml, "");
    let out = factcheck_in(dir.path(), &["validate", "claims/r.yaml"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("claims/r.yaml:4:11: the name holds the control character U+000A"),
        "{err}"
    );
    assert!(
        err.contains("claims/r.yaml:5:15: the alias holds the control character U+001B"),
        "{err}"
    );
    assert!(
        err.contains("claims/r.yaml:9:11: the quote's text holds the control character U+202E"),
        "{err}"
    );
    // a folded block's final line break is no control character
    assert_eq!(err.lines().count(), 3, "{err}");
}

#[test]
fn counts_beyond_a_trillion_are_no_figures_and_no_values() {
    let claims = |text: &str| {
        let a = factcheck::Article::from_text("t.md", text.to_string(), None).unwrap();
        factcheck::Extractor::default().extract(&a).claims
    };
    for text in [
        "Officials said 1e400 people were killed.",
        "Officials said 5000000000000 people were killed.",
        "Officials said 3 trillion people were killed.",
        &format!("Officials said {} people were killed.", "9".repeat(400)),
    ] {
        assert!(
            claims(text).iter().all(|c| c.quantity.is_none()),
            "{text}: {:?}",
            claims(text)
        );
    }
    assert_eq!(claims("A trillion people were killed.").len(), 1);
    // references: a number or a string past the limit, located
    for value in ["1e308", "\"1e308\"", "1e13", "\"5 trillion\""] {
        let yaml = format!("facts:\n  - id: toll\n    metric: killed\n    value: {value}\n");
        let dir = repo(&yaml, "");
        let out = factcheck_in(dir.path(), &["validate", "claims/r.yaml"]);
        assert_eq!(out.status.code(), Some(2), "{value}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("claims/r.yaml:5:12:"),
            "{value}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn bad_and_empty_globs_are_located_in_the_reference() {
    let dir = repo(
        "articles:\n  - a.md\n  - \"drafts/[a-.md\"\nfacts: []\n",
        "",
    );
    let out = factcheck_in(dir.path(), &["validate"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("claims/r.yaml:4:5: `articles:` entry: bad glob"),
        "{}",
        stderr(&out)
    );
    fs::write(
        dir.path().join("claims/r.yaml"),
        "version: 1\narticles:\n  - a.md\n  - \"drafts/*.md\"\nfacts: []\n",
    )
    .unwrap();
    let out = factcheck_in(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out)
            .contains("claims/r.yaml:4:5: `articles:` pattern `drafts/*.md` matches no file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn every_bad_entry_is_reported_at_its_line() {
    let dir = repo(
        "articles:\n  - a.md\n  - \"drafts/[a-.md\"\n  - /etc/passwd\n  - \"notes/*.md\"\nfacts: []\n",
        "",
    );
    let out = factcheck_in(dir.path(), &["validate"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    for at in [
        "claims/r.yaml:4:5: `articles:` entry: bad glob",
        "claims/r.yaml:5:5: `articles:` entry `/etc/passwd`",
        "claims/r.yaml:6:5: `articles:` pattern `notes/*.md` matches no file",
    ] {
        assert!(err.contains(at), "{at}\n{err}");
    }
    // 20,000 articles that do not exist: each named where it stands, and
    // the file indexed once for all of them, not once for each
    let names: String = (0..20_000).map(|i| format!("  - gone/{i}.md\n")).collect();
    fs::write(
        dir.path().join("claims/r.yaml"),
        format!("version: 1\narticles:\n{names}facts: []\n"),
    )
    .unwrap();
    let t0 = std::time::Instant::now();
    let out = factcheck_in(dir.path(), &["validate"]);
    assert!(
        t0.elapsed() < std::time::Duration::from_secs(20),
        "{:?}",
        t0.elapsed()
    );
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 20_000);
    assert!(
        err.ends_with(
            "claims/r.yaml:20002:5: `articles:` names claims/gone/19999.md, which does not exist\n"
        ),
        "{}",
        err.lines().last().unwrap_or("")
    );
}

/// `check` locates an article its reference names but that cannot be read
/// (a backslash, braces or a URL is no path), and checks the others.
#[test]
fn check_locates_unreadable_entries_and_checks_the_rest() {
    let dir = repo(
        "articles:\n  - a.md\n  - \"x\\\\y.md\"\n  - \"{b,c}.md\"\n  - \"file:///etc/passwd\"\n  - .\n  - ..\nfacts:\n  - id: toll\n    metric: killed\n    value: 20\n",
        "Twenty people were killed, police said.\n",
    );
    for args in [&["check"][..], &["check", "--against", "claims/r.yaml"]] {
        let out = factcheck_in(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        let err = stderr(&out);
        for at in [
            "error: claims/r.yaml:4:5: `articles:` names claims/x\\y.md, which does not exist",
            "error: claims/r.yaml:5:5: `articles:` names claims/{b,c}.md, which does not exist",
            "error: claims/r.yaml:6:5: `articles:` names claims/file:/etc/passwd, which does not exist",
            "error: claims/r.yaml:7:5: `articles:` names claims, which is a folder, not an article",
            // (the root itself, "..", is named too: it said "names , which")
            "error: claims/r.yaml:8:5: `articles:` names ., which is a folder, not an article",
        ] {
            assert!(err.contains(at), "{at}\n{err}");
        }
        assert!(
            stdout(&out).contains("1 article checked: 1 match"),
            "{}",
            stdout(&out)
        );
    }
    // bytes that are not UTF-8, or a NUL, are located as an editor shows them
    fs::write(
        dir.path().join("claims/a.md"),
        b"Twenty people\nwere \xc3\xa9 \xff killed.\n",
    )
    .unwrap();
    let out = factcheck_in(dir.path(), &["extract", "claims/a.md"]);
    assert!(
        stderr(&out).contains("claims/a.md:2:8: not valid UTF-8 (byte offset 22)"),
        "{}",
        stderr(&out)
    );
    fs::write(dir.path().join("claims/a.md"), b"Twenty\n\n  \0").unwrap();
    let out = factcheck_in(dir.path(), &["extract", "claims/a.md"]);
    assert!(
        stderr(&out).contains("claims/a.md:3:3: binary file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn sarif_uris_are_percent_encoded() {
    let dir = repo(
        "articles:\n  - \"a draft #2?.md\"\nfacts:\n  - id: toll\n    metric: killed\n    value: 20\n",
        "",
    );
    fs::write(
        dir.path().join("claims/a draft #2?.md"),
        "At least 12 people were killed, officials said.\n",
    )
    .unwrap();
    let out = factcheck_in(dir.path(), &["check", "--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let uri = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"];
    assert_eq!(uri, "claims/a%20draft%20%232%3F.md");
}

#[test]
fn init_and_html_keep_user_text_off_line_starts() {
    let article = "At least 12 people were killed, officials said.\r::error::forged said.\n::warning::Varto said the \u{202e}toll was wrong.\n";
    let dir = repo(TOLL, article);
    // the article's own lines and a carriage return in what it says
    let html = factcheck_in(dir.path(), &["check", "--format", "html", "--show-matches"]);
    assert!(
        html.status.code().is_some_and(|c| c < 2),
        "{}",
        stderr(&html)
    );
    clean(&stdout(&html), false);
    // a file name that is a command, in init's header and in the report
    let name = "a\n::error::forged\n##[error]x\u{1b}[31m.md";
    fs::write(dir.path().join(name), article).unwrap();
    let init = factcheck_in(dir.path(), &["init", name]);
    assert_eq!(init.status.code(), Some(0), "{}", stderr(&init));
    clean(&stdout(&init), false);
    let html = factcheck_in(
        dir.path(),
        &[
            "check",
            name,
            "--against",
            "claims/r.yaml",
            "--format",
            "html",
        ],
    );
    clean(&stdout(&html), false);
}

/// `init` writes a skeleton that validates as written, whatever control
/// characters the article's quotes and statements hold (ESC was written
/// as YAML's `\e`, which validation then refused).
#[test]
fn init_skeletons_validate_whatever_the_article_holds() {
    let dir = repo("facts: []\n", "");
    let article = "Ivan Petrov said that the \u{1b}[31mwar is over.\n“We will \u{1b}]0;x\u{7}win the \u{202e}war,” Anna Kovac said.\n";
    fs::write(dir.path().join("m.md"), article).unwrap();
    let out = factcheck_in(dir.path(), &["init", "m.md", "--output", "m.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let yaml = fs::read_to_string(dir.path().join("m.yaml")).unwrap();
    assert!(yaml.contains("says: the [31mwar is over"), "{yaml}");
    assert!(yaml.contains("text: We will ]0;xwin the war"), "{yaml}");
    let out = factcheck_in(dir.path(), &["validate", "m.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
