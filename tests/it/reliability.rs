//! Bad input gets a clear answer and nothing is lost: odd articles, hostile
//! references, awkward paths, interrupted writes.

use crate::support::*;

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use factcheck::Article;
use factcheck::Reference;

/// Exit 2 with `want` in the error message.
fn assert_error(o: &Output, want: &str) {
    assert_eq!(o.status.code(), Some(2), "{}", stderr(o));
    assert_stderr(o, want);
}

fn assert_stderr(o: &Output, want: &str) {
    assert!(stderr(o).contains(want), "{}", stderr(o));
}

fn claims_of(text: &str) -> Vec<factcheck::model::Claim> {
    let a = Article::from_text("t.md", text.to_string(), None).unwrap();
    let claims = factcheck::Extractor::default().extract(&a).claims;
    for c in &claims {
        assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
    }
    claims
}

// ----- articles -------------------------------------------------------------

#[test]
fn empty_and_blank_articles_have_no_claims() {
    for text in ["", " ", "\n\n\n", "\u{feff}", "\r\n\t \u{a0}\u{3000}"] {
        assert!(claims_of(text).is_empty(), "{text:?}");
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.md"), "").unwrap();
    let o = factcheck_in(dir.path(), &["extract", "empty.md", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn binary_and_utf16_are_named_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bin.txt"), b"PK\x03\x04\x00\x00binary").unwrap();
    let o = factcheck_in(dir.path(), &["extract", "bin.txt"]);
    assert_error(&o, "bin.txt:1:5: binary file (NUL byte at offset 4)");
    // columns count as a claim's do: a byte-order mark is none
    std::fs::write(dir.path().join("bom.txt"), "\u{feff}Hé\nab\0".as_bytes()).unwrap();
    let o = factcheck_in(dir.path(), &["extract", "bom.txt"]);
    assert_error(&o, "bom.txt:2:3: binary file (NUL byte at offset 9)");
    std::fs::write(dir.path().join("bad.txt"), b"\xef\xbb\xbfab\xff").unwrap();
    let o = factcheck_in(dir.path(), &["extract", "bad.txt"]);
    assert_error(&o, "bad.txt:1:3: not valid UTF-8 (byte offset 5)");
    std::fs::write(dir.path().join("be.txt"), b"\xfe\xff\x00A").unwrap();
    let o = factcheck_in(dir.path(), &["extract", "be.txt"]);
    assert_stderr(&o, "be.txt: UTF-16 text is not supported");
}

#[test]
fn unclosed_and_nested_quotes_are_linear() {
    let t0 = Instant::now();
    let million = "“".repeat(1_000_000);
    assert!(claims_of(&million).is_empty());
    let straight = "\" ".repeat(500_000);
    claims_of(&straight);
    let nested = format!(
        "Fomin said {}words{}.",
        "“‘".repeat(20_000),
        "’”".repeat(20_000)
    );
    claims_of(&nested);
    assert!(
        t0.elapsed() < Duration::from_secs(60),
        "took {:?}",
        t0.elapsed()
    );
}

#[test]
fn every_unicode_space_and_dash() {
    let spaces = [
        '\u{a0}', '\u{1680}', '\u{2000}', '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}',
        '\u{2005}', '\u{2006}', '\u{2007}', '\u{2008}', '\u{2009}', '\u{200a}', '\u{202f}',
        '\u{205f}', '\u{3000}',
    ];
    for s in spaces {
        let text =
            format!("More{s}than{s}140{s}children{s}have{s}been{s}killed,{s}officials{s}said.");
        let claims = claims_of(&text);
        let q = claims
            .iter()
            .find_map(|c| c.quantity.as_ref())
            .unwrap_or_else(|| panic!("U+{:04X}", s as u32));
        assert_eq!(
            (q.value.0, q.qualifier.as_str()),
            (140.0, "more_than"),
            "U+{:04X}",
            s as u32
        );
    }
    for d in [
        '-', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2212}',
        '\u{fe58}', '\u{fe63}', '\u{ff0d}',
    ] {
        claims_of(&format!("Between 2{d}3 million people were displaced {d} officials said {d}{d} 12{d}year{d}old."));
    }
    let q = claims_of("2–3 million people were displaced.");
    assert_eq!(
        q[0].quantity.as_ref().unwrap().upper.map(|u| u.0),
        Some(3e6)
    );
}

#[test]
fn markdown_tables_code_and_html() {
    let md = "| Region | Killed |\n|---|---|\n| North | 140 |\n\n```\nlet killed = 140 people killed;\n```\n\n<script>var deaths = 12 people died;</script>\n<p>At <b>least 12</b> people died, <a href=\"https://x.org/2014/99\">police</a> said.</p>\n";
    let claims = claims_of(md);
    let figures: Vec<f64> = claims
        .iter()
        .filter_map(|c| c.quantity.as_ref().map(|q| q.value.0))
        .collect();
    assert_eq!(figures, [12.0], "only the prose figure: {claims:#?}");
}

#[test]
fn a_single_ten_megabyte_line_and_a_large_article() {
    // ten megabytes without a line break: words, a figure every 100 KB
    let filler = "the talks went on through the night and into the morning ".repeat(1_700);
    let chunk = format!("{filler}More than 140 children have been killed, officials said. ");
    let line = chunk.repeat(10_000_000 / chunk.len());
    let t0 = Instant::now();
    let a = Article::from_text("long.txt", line, None).unwrap();
    let n = factcheck::Extractor::default().extract(&a).claims.len();
    assert_eq!(
        n,
        2 * (10_000_000 / chunk.len()),
        "a figure and a statement per chunk"
    );
    eprintln!("10 MB line: {n} claims in {:?}", t0.elapsed());
    // past the limit: refused without reading it all
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(factcheck::MAX_ARTICLE_BYTES + 1).unwrap();
    let o = factcheck_in(dir.path(), &["extract", "big.txt"]);
    assert_error(&o, "the limit for one article");
}

// ----- references -----------------------------------------------------------

fn reference_error(yaml: &str) -> String {
    let t0 = Instant::now();
    let e = Reference::from_str(Path::new("r.yaml"), yaml)
        .unwrap_err()
        .to_string();
    assert!(
        t0.elapsed() < Duration::from_secs(10),
        "bounded time: {:?}",
        t0.elapsed()
    );
    assert!(e.starts_with("r.yaml:"), "{e}");
    e
}

#[test]
fn hostile_references_get_located_errors() {
    // a tolerance with a doubled percent sign ("50%%" let 140 match 100)
    for tol in ["5%%%", "0%%", "50%%"] {
        let e = reference_error(&format!(
            "version: 1\nfacts:\n  - {{id: d, metric: killed, value: 100, tolerance: '{tol}'}}\n"
        ));
        assert!(e.contains(&format!("`{tol}` is not a tolerance")), "{e}");
    }
    // duplicate keys, at the second
    let e = reference_error(
        "version: 1\nfacts:\n  - id: a\n    metric: killed\n    value: 1\n    value: 2\n",
    );
    assert!(
        e.starts_with("r.yaml:6:5: facts[0]: duplicate field `value`"),
        "{e}"
    );
    // a billion laughs
    let mut bomb =
        String::from("version: 1\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        bomb.push_str(&format!(
            "x{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n",
            p = i - 1
        ));
    }
    let e = reference_error(&bomb);
    assert!(
        e.contains("unknown field") || e.contains("repetition limit"),
        "{e}"
    );
    let mut bomb2 =
        String::from("version: 1\nlexicon:\n  titles: &a0 [a, a, a, a, a, a, a, a, a, a]\n");
    for i in 1..12 {
        bomb2.push_str(&format!("  x{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n", p = i - 1));
    }
    reference_error(&bomb2);
    // deep nesting
    let deep = format!(
        "version: 1\nsettings: {}1{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let e = reference_error(&deep);
    // refused at the bracket past the limit, before the parser sees it
    assert!(
        e.contains("2:75: collections nested more than 64 deep"),
        "{e}"
    );
    // a raw control character, refused by the YAML reader, at its place
    let e = reference_error("version: 1\nsources:\n  - id: s1\n    name: \"Jé\u{1b}Y\"\n");
    assert!(
        e.starts_with("r.yaml:4:14: control characters are not allowed"),
        "{e}"
    );
    // non-finite and negative numbers, impossible dates, unreadable values
    let e = reference_error("version: 1\nfacts:\n  - id: a\n    metric: killed\n    value: .inf\n  - id: b\n    metric: killed\n    value: .nan\n  - id: c\n    metric: killed\n    value: -4\n  - id: d\n    metric: killed\n    value: ten-ish\n    as_of: 2022-02-30\n");
    for want in [
        "r.yaml:5:12: inf is not a finite number",
        "r.yaml:8:12: NaN is not a finite number",
        "r.yaml:11:12: negative value -4",
        "r.yaml:14:12: `ten-ish` is not a number",
        "r.yaml:15:12: `2022-02-30` is not a valid date",
    ] {
        assert!(e.contains(want), "{want}\n{e}");
    }
}

#[test]
fn settings_and_names_that_would_make_nonsense_verdicts_are_refused() {
    let e = reference_error(
        "version: 1\nsettings:\n  intervals: {more_than_factor: 0, about_pct: -1, vague_low: 9, vague_high: 3}\n  tolerance: 1e308%\nsources:\n  - id: s\n    name: \"\"\n    aliases: [\" \", Smith]\n  - id: ~\n    name: Nobody\n",
    );
    for want in [
        "r.yaml:3:33: more_than_factor 0 is not a factor",
        "r.yaml:3:47: about_pct -1 is not a share",
        "vague_low 9 is greater than vague_high 3",
        "r.yaml:4:14: `1e308%` is not a valid tolerance",
        "r.yaml:7:11: the name is empty",
        "r.yaml:8:15: the alias is empty",
        "r.yaml:9:9: `~` is YAML's null, not an id",
    ] {
        assert!(e.contains(want), "{want}\n{e}");
    }
    assert!(!e.contains("aliases[1]"), "{e}");
}

#[test]
fn a_large_reference_and_past_the_limit() {
    let mut y = String::from("version: 1\nfacts:\n");
    let mut i = 0;
    while y.len() < 5_000_000 {
        y.push_str(&format!(
            "  - id: f{i}\n    metric: killed\n    subject: people\n    value: {i}\n"
        ));
        i += 1;
    }
    let t0 = Instant::now();
    let r = Reference::from_str(Path::new("big.yaml"), &y).unwrap();
    assert_eq!(r.facts.len(), i);
    eprintln!("5 MB reference, {i} facts: {:?}", t0.elapsed());
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.yaml");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(factcheck::MAX_REFERENCE_BYTES + 1)
        .unwrap();
    let o = factcheck_in(dir.path(), &["validate", "big.yaml"]);
    assert_error(&o, "the limit for a reference");
}

// ----- paths ----------------------------------------------------------------

#[test]
fn awkward_paths_get_clear_messages() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let o = factcheck_in(dir.path(), &["extract", "empty"]);
    assert_error(&o, "empty: no articles");
    let o = factcheck_in(dir.path(), &["extract", "drafts/*.md"]);
    assert_error(&o, "drafts/*.md: the pattern matches no file");
    let o = factcheck_in(dir.path(), &["extract", "missing.md"]);
    assert_error(&o, "missing.md: not found (no such file or folder)");
    // a symlink loop
    std::fs::create_dir(dir.path().join("loop")).unwrap();
    std::fs::write(dir.path().join("loop/a.md"), "Twelve people died.").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", dir.path().join("loop/back")).unwrap();
    let t0 = Instant::now();
    let o = factcheck_in(dir.path(), &["extract", "loop"]);
    assert!(t0.elapsed() < Duration::from_secs(20));
    // (passed over with a warning: the rest is read)
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_stderr(&o, "loop/back: skipped");
    assert!(stdout(&o).contains("loop/a.md"), "{}", stdout(&o));
    // a file that cannot be read (root reads everything: checked as a user only)
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let p = dir.path().join("secret.md");
        std::fs::write(&p, "Twelve people died.").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(&p).is_err() {
            let o = factcheck_in(dir.path(), &["extract", "secret.md"]);
            assert_error(&o, "secret.md: Permission denied");
        } else {
            eprintln!("note: running as root, so an unreadable file cannot be made; skipped");
        }
    }
}

// ----- writes ---------------------------------------------------------------

/// `check --write` killed with SIGKILL at random moments: the article is
/// always either the original or the fully corrected text, never a mix.
#[cfg(unix)]
#[test]
fn an_interrupted_write_leaves_the_original_intact() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("claims/articles")).unwrap();
    std::fs::copy(
        root().join("claims/ukraine-talks.yaml"),
        dir.path().join("claims/ukraine-talks.yaml"),
    )
    .unwrap();
    let draft =
        std::fs::read_to_string(root().join("claims/articles/ukraine-talks-draft.md")).unwrap();
    // a long article: the draft's body many times, so the write takes a while
    let (head, body) = draft.split_at(draft.find("ISTANBUL").unwrap());
    let original = format!("{head}{}", body.repeat(400));
    let path = dir.path().join("claims/articles/ukraine-talks-draft.md");
    let bin = env!("CARGO_BIN_EXE_factcheck");
    // the fully corrected text, from an uninterrupted run on a copy
    std::fs::write(&path, &original).unwrap();
    let ok = Command::new(bin)
        .args([
            "check",
            "claims/articles/ukraine-talks-draft.md",
            "--write",
            "--quiet",
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&ok.stderr).contains("wrote"),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let corrected = std::fs::read_to_string(&path).unwrap();
    assert_ne!(corrected, original);
    let mut outcomes = [0, 0];
    for delay_ms in [5u64, 20, 40, 60, 80, 100, 150, 200, 300, 400] {
        std::fs::write(&path, &original).unwrap();
        let mut child = Command::new(bin)
            .args([
                "check",
                "claims/articles/ukraine-talks-draft.md",
                "--write",
                "--quiet",
            ])
            .current_dir(dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let now = std::fs::read_to_string(&path).unwrap();
        if now == original {
            outcomes[0] += 1;
        } else {
            assert_eq!(
                now, corrected,
                "killed after {delay_ms} ms: a partial write"
            );
            outcomes[1] += 1;
        }
    }
    eprintln!(
        "killed runs: {} left the original, {} had finished",
        outcomes[0], outcomes[1]
    );
    assert!(
        outcomes[0] > 0,
        "at least one run was killed before it wrote"
    );
}

#[test]
fn a_reference_saved_with_a_byte_order_mark() {
    let yaml = "\u{feff}version: 1\nfacts:\n  - id: toll\n    metric: killed\n    value: 20\n";
    let r = Reference::from_str(Path::new("r.yaml"), yaml).unwrap();
    assert_eq!(r.facts.len(), 1);
    // and its errors keep their places
    let e = reference_error(
        "\u{feff}version: 1\nfacts:\n  - id: toll\n    metric: killed\n    value: -3\n",
    );
    assert!(e.starts_with("r.yaml:5:"), "{e}");
}

#[test]
fn lines_that_end_in_a_lone_carriage_return_are_lines() {
    // old Mac files end their lines with CR alone: every finding was on
    // line 1; CRLF is one line end, and a lone CR beside LFs is one more
    let text =
        "A building collapsed.\rIt was old.\r\nIts owner said 150 people were killed.\rNo more.\n";
    let c = claims_of(text);
    let q = c.iter().find(|c| c.quantity.is_some()).unwrap();
    assert_eq!((q.span.line, q.span.column), (3, 16), "{q:?}");
}

#[test]
fn a_dateline_or_date_line_dates_the_article_and_a_lede_does_not() {
    let date = |text: &str| {
        Article::from_text("t.md", text.to_string(), None)
            .unwrap()
            .date
    };
    let d = chrono::NaiveDate::from_ymd_opt(2026, 3, 12);
    for first in [
        "March 12, 2026",
        "12 March 2026",
        "Published: Thursday, March 12, 2026",
        "By Ana Pereira | Mar. 12, 2026",
        "PELLHAM, March 12, 2026 (Wire) — Rescuers dug through the night after the quake struck the old town.",
    ] {
        assert_eq!(date(&format!("{first}\nCivil defence said 150 people were killed.\n")), d, "{first}");
    }
    // a date in digits alone, where only one order of day and month can
    // be meant; "12/03/2026" may be December 3: no date
    for first in ["13/03/2026", "2026/03/13", "Date: 3/13/2026", "13.03.2026"] {
        assert_eq!(
            date(&format!(
                "{first}\nCivil defence said 150 people were killed.\n"
            )),
            chrono::NaiveDate::from_ymd_opt(2026, 3, 13),
            "{first}"
        );
    }
    assert_eq!(
        date("12/03/2026\nCivil defence said 150 people were killed.\n"),
        None
    );
    // a front matter's timestamp, as static-site generators write it,
    // gives its day; a malformed one is still an error
    for stamp in [
        "2026-03-13 10:00:00 +0000",
        "2026-03-13T10:00:00Z",
        "2026-03-13T10:00:00.5+02:00",
    ] {
        assert_eq!(
            date(&format!(
                "---\ndate: {stamp}\n---\nCivil defence said 150 people were killed.\n"
            )),
            chrono::NaiveDate::from_ymd_opt(2026, 3, 13),
            "{stamp}"
        );
    }
    for bad in ["2026-03-13 noon", "2026-03-13T1", "2026-13-13 10:00"] {
        let text = format!("---\ndate: {bad}\n---\nText.\n");
        assert!(Article::from_text("t.md", text, None).is_err(), "{bad}");
    }
    // a lede that tells when its story began is not the page's date
    let lede =
        "The singer vanished ten years ago, on 1 February 1995, and was never found by anyone.\n";
    assert_eq!(date(lede), None);
    // a wire dateline without a year takes the reference's (the year
    // before when the day would come more than a week after it)
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 6, 3);
    let wire = Article::from_text(
        "t.md",
        "CALDER BAY, June 2 (Reuters) - The fire service said 25 people were killed.\n".into(),
        None,
    )
    .unwrap();
    assert_eq!(wire.date, None);
    assert_eq!(
        wire.date_as_of(as_of),
        chrono::NaiveDate::from_ymd_opt(2026, 6, 2)
    );
    let december = Article::from_text("t.md", "OSLO, Dec. 30 - Snow.\n".into(), None).unwrap();
    assert_eq!(
        december.date_as_of(as_of),
        chrono::NaiveDate::from_ymd_opt(2025, 12, 30)
    );
    // a lede opening with a name and a date is no dateline
    let lede = Article::from_text("t.md", "Smith, June 2 was the day.\n".into(), None).unwrap();
    assert_eq!(lede.date_as_of(as_of), None);
}

/// An undated article whose figure is an earlier entry of a fact's
/// series: it may date from then, so the figure is no sure error and is
/// never rewritten to the latest count; one that is no entry's still is.
#[test]
fn an_undated_figure_of_an_earlier_count_is_not_rewritten() {
    let yaml = "version: 1
sources:
  - {id: cd, name: Pellham Civil Defence, aliases: [civil defence]}
facts:
  - id: dead
    metric: killed
    subject: people
    source: cd
    series:
      - {as_of: 2026-03-12, value: 150}
      - {as_of: 2026-03-14, value: 214}
";
    let reference = Reference::from_str(Path::new("r.yaml"), yaml).unwrap();
    let check = |text: &str| {
        let a = Article::from_text("t.md", text.to_string(), None).unwrap();
        factcheck::Checker::new(&reference).check(&a).findings
    };
    use factcheck::model::{Severity, Status};
    let f = check("12/03/2026\n\nCivil defence said 150 people were killed.\n");
    let m = f.iter().find(|f| f.status == Status::Mismatch).unwrap();
    assert_eq!(m.severity, Severity::Warning, "{m:?}");
    assert!(
        m.correction.is_none() && m.message.contains("2026-03-12"),
        "{m:?}"
    );
    // dated, the same figure is that day's count
    let f = check("13/03/2026\n\nCivil defence said 150 people were killed.\n");
    assert!(f.iter().any(|f| f.status == Status::Match), "{f:?}");
    let f = check("Civil defence said 170 people were killed.\n");
    let m = f.iter().find(|f| f.status == Status::Mismatch).unwrap();
    assert_eq!(m.severity, Severity::Error, "{m:?}");
}
