//! Work stays linear on the shapes a hostile pull request can hold (issue
//! 16's list): each is generated here at a size where work quadratic in
//! it would take minutes, and must finish well inside 20 seconds with
//! every claim still found and placed. Times and peak memory at the
//! issue's full sizes come from `scripts/hostile` (README, Limits).

use std::fs;
use std::time::{Duration, Instant};

use factcheck::model::Limit;
use factcheck::{Article, Checker, Extractor, Reference, MAX_CLAIMS_PER_SENTENCE};

use crate::support::*;

/// The most any one shape may take here (the README gives the measured
/// times, most under a few seconds).
pub(crate) const BOUND: Duration = Duration::from_secs(20);

fn claims(text: String) -> (Article, Vec<factcheck::model::Claim>) {
    let a = Article::from_text("t.md", text, None).unwrap();
    let c = Extractor::default().extract(&a).claims;
    (a, c)
}

pub(crate) fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let t0 = Instant::now();
    let out = f();
    assert!(t0.elapsed() < BOUND, "{what}: {:?}", t0.elapsed());
    out
}

#[test]
fn one_long_sentence_of_figures_and_one_of_quotes() {
    // (under the 64 KB a sentence may run to before it is cut)
    let unit = "5 people were killed, ";
    let n = 60_000 / unit.len();
    let text = format!("{}officials said.\n", unit.repeat(n));
    let a = Article::from_text("t.md", text, None).unwrap();
    let read = timed("figures", || Extractor::default().extract(&a));
    // one sentence gives its first claims (the officials' statement and
    // 199 figures), and says where it stopped
    let cap = MAX_CLAIMS_PER_SENTENCE;
    assert_eq!(read.claims.len(), cap);
    let figures: Vec<_> = read
        .claims
        .iter()
        .filter(|c| c.quantity.is_some())
        .collect();
    assert_eq!(figures.len(), cap - 1);
    // each figure keeps the words around it, not the whole sentence
    assert!(figures.iter().all(|c| c.text.len() < 2_000));
    let last = figures.last().unwrap();
    assert_eq!(last.span.column, (cap - 2) * unit.len() + 1);
    let [notice] = &read.notices[..] else {
        panic!("{:?}", read.notices)
    };
    assert_eq!(notice.limit, Limit::ClaimsPerSentence);
    assert_eq!(notice.span.unwrap().column, (cap - 1) * unit.len() + 1);
    assert!(notice.message.contains(
        "more than 200 claims, the most read in one sentence: from here on it was not read"
    ));
    let reference = Reference::from_str(
        "r.yaml".as_ref(),
        "version: 1\nfacts:\n  - id: toll\n    metric: killed\n    value: 20\n",
    )
    .unwrap();
    let report = timed("check", || Checker::new(&reference).check(&a));
    // a finding for each figure read
    assert_eq!(report.findings.len(), cap - 1);
    assert_eq!(report.notices, read.notices);
    let unit = "“We will win,” Varto said, ";
    let n = 60_000 / unit.len();
    let quotes =
        Article::from_text("q.md", format!("{}and left.\n", unit.repeat(n)), None).unwrap();
    let read = timed("quotes", || Extractor::default().extract(&quotes));
    assert_eq!(
        read.claims.iter().filter(|c| c.quote.is_some()).count(),
        cap
    );
    assert_eq!(read.notices.len(), 1);
}

#[test]
fn claims_past_the_sentence_cap_are_reported_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join(".git")).unwrap();
    let unit = "5 people were killed, ";
    fs::write(
        dir.path().join("a.md"),
        format!("Intro.\n\n{}officials said.\n", unit.repeat(250)),
    )
    .unwrap();
    fs::write(
        dir.path().join("r.yaml"),
        "version: 1\nfacts:\n  - id: toll\n    metric: killed\n    value: 5\n",
    )
    .unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec!["check", "a.md", "--against", "r.yaml"];
        args.extend(extra);
        factcheck_in(dir.path(), &args)
    };
    // the first claim left out: line 3, the 200th figure (the statement
    // "officials said" is the sentence's first claim)
    let column = 199 * unit.len() + 1;
    let text = run(&[]);
    assert!(
        stdout(&text).contains(&format!(
            "warning[claims-per-sentence]: this sentence holds more than 200 claims, the most read in one sentence: from here on it was not read\n = note: at a.md:3:{column}"
        )),
        "{}",
        stdout(&text)
    );
    // every figure read agrees: the cap is what fails a warning gate
    assert_eq!(text.status.code(), Some(0), "{}", stderr(&text));
    let strict = run(&["--fail-on", "warning", "--quiet"]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(stdout(&strict).contains("warning[claims-per-sentence]"));
    let github = stdout(&run(&["--format", "github"]));
    assert!(github.contains(&format!(
        "::warning file=a.md,line=3,col={column},title=claims-per-sentence::this sentence holds more than 200 claims"
    )));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["--format", "json"]))).unwrap();
    let notice = &json["articles"][0]["notices"][0];
    assert_eq!(notice["limit"], "claims-per-sentence");
    assert_eq!(notice["span"]["line"], 3);
    let jsonl = stdout(&run(&["--format", "jsonl"]));
    let last: serde_json::Value = serde_json::from_str(jsonl.lines().last().unwrap()).unwrap();
    assert_eq!(last["notice"]["limit"], "claims-per-sentence");
    let sarif: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["--format", "sarif"]))).unwrap();
    let n = &sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"][0];
    assert_eq!(n["descriptor"]["id"], "claims-per-sentence");
    assert_eq!(
        n["locations"][0]["physicalLocation"]["region"]["startColumn"],
        column
    );
    assert!(
        stdout(&run(&["--format", "html"])).contains("⚠ this sentence holds more than 200 claims")
    );
    // a patch has no room for it: it is said on standard error
    let diff = run(&["--format", "diff"]);
    assert!(
        stderr(&diff).contains(&format!(
            "warning: a.md:3:{column}: this sentence holds more than 200 claims"
        )),
        "{}",
        stderr(&diff)
    );
    let extract = factcheck_in(dir.path(), &["extract", "a.md"]);
    assert!(stdout(&extract).contains("warning[claims-per-sentence]"));
}

#[test]
fn a_long_line_of_short_sentences_keeps_true_columns() {
    let unit = "Five people died. ";
    let n = 1_000_000 / unit.len();
    let (_, found) = timed("short", || claims(format!("{}\n", unit.repeat(n))));
    assert_eq!(found.len(), n);
    for (k, c) in found.iter().enumerate().step_by(997) {
        assert_eq!((c.span.line, c.span.column), (1, k * unit.len() + 1));
    }
}

#[test]
fn thousands_of_distinct_speakers() {
    // names from a counter, spelled in letters: all distinct
    let name = |mut i: usize| {
        let mut s = String::from("Q");
        for _ in 0..5 {
            s.push((b'a' + (i % 26) as u8) as char);
            i /= 26;
        }
        s
    };
    let n = 20_000;
    let text: String = (0..n)
        .map(|i| format!("{} {} said the talks had failed.\n\n", name(i), name(i + n)))
        .collect();
    let (_, found) = timed("names", || claims(text));
    assert_eq!(found.len(), n);
    let speakers: std::collections::HashSet<_> = found
        .iter()
        .filter_map(|c| c.attribution.as_ref().map(|a| a.speaker.clone()))
        .collect();
    assert_eq!(speakers.len(), n, "one speaker each");
    // all sharing one surname (60,000 Smiths took 32 s: each new one was
    // compared with every other; under the article's cap on claims here)
    let n = 49_000;
    let text: String = (0..n)
        .map(|i| format!("{} Smith said the talks had failed.\n\n", name(i)))
        .collect();
    let (_, found) = timed("one surname", || claims(text));
    assert_eq!(found.len(), n);
    let last = found.last().and_then(|c| c.attribution.as_ref()).unwrap();
    assert_eq!(last.speaker, format!("{} Smith", name(n - 1)));
}

#[test]
fn runs_of_dots_scripts_and_slotted_cues() {
    timed("ab.", || claims("ab.".repeat(200_000)));
    let (_, found) = timed("script", || {
        claims(format!(
            "<script>var t = '12 people were killed';</script> Five people died. {}",
            "<script> ".repeat(45_000)
        ))
    });
    assert_eq!(found.len(), 1, "the closed script is not prose: {found:?}");
    let (_, found) = timed("homes", || claims("5 from their homes, ".repeat(20_000)));
    assert!(found.len() <= 20_000);
    // Markdown link openers `](` with no `)` before a space: each was read
    // to the line's end (minutes at 2 MB); and openers inside tags, each
    // read to the one `)` that ends the line
    for (unit, close) in [("](www.a*", ""), ("<a](>", ")")] {
        let (_, found) = timed(unit, || {
            claims(format!(
                "{}{close}\nPolice said 40 people were killed.\n",
                unit.repeat(2_000_000 / unit.len())
            ))
        });
        let figures: Vec<_> = found.iter().filter(|c| c.quantity.is_some()).collect();
        let [claim] = &figures[..] else {
            panic!("{unit}: {} claims", found.len())
        };
        let value = claim.quantity.as_ref().map(|q| q.value.0);
        assert_eq!((claim.span.line, value), (2, Some(40.0)), "{unit}");
    }
}

#[test]
fn deep_yaml_and_a_large_lexicon() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!(
        "version: 1\nfacts: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    fs::write(dir.path().join("deep.yaml"), deep).unwrap();
    let out = timed("nested", || {
        factcheck_in(dir.path(), &["validate", "deep.yaml"])
    });
    assert!(
        stderr(&out).contains("deep.yaml:2:72: collections nested more than 64 deep"),
        "{}",
        stderr(&out)
    );
    // 2,000 slotted metric phrases from a reference, on a 20 KB article
    let mut yaml = String::from("version: 1\nlexicon:\n  metrics:\n");
    for i in 0..2000 {
        yaml.push_str(&format!(
            "    m{i}: [N word{i}x were counted, word{i}x killed N]\n"
        ));
    }
    yaml.push_str("facts:\n  - id: toll\n    metric: killed\n    value: 20\n");
    fs::write(dir.path().join("lex.yaml"), yaml).unwrap();
    let article = "At least 12 people were killed in the town, officials said. ".repeat(330);
    fs::write(dir.path().join("a.md"), &article).unwrap();
    let out = timed("lexicon", || {
        factcheck_in(
            dir.path(),
            &["check", "a.md", "--against", "lex.yaml", "--format", "json"],
        )
    });
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // 20,000 countries for a `{country}` slot, against 12,000 mentions:
    // each "fled" tried every country's phrase (25 s)
    // (names of letters only: "Zorbac", a digit would split the word)
    let name = |mut i: usize| {
        let mut n = String::from("Zor");
        for _ in 0..4 {
            n.push((b'a' + (i % 26) as u8) as char);
            i /= 26;
        }
        n
    };
    let countries: Vec<String> = (0..20_000).map(name).collect();
    let yaml = format!(
        "version: 1\nlexicon:\n  countries: [{}]\n  metrics:\n    fled: [\"N fled {{country}}\"]\nfacts:\n  - {{id: f, metric: fled, value: 5}}\n",
        countries.join(", ")
    );
    fs::write(dir.path().join("countries.yaml"), yaml).unwrap();
    let line: String = (0..1_000)
        .map(|i| format!("{} people fled {}, and", i % 9 + 1, name(i * 7 % 20_000)))
        .collect::<Vec<_>>()
        .join(" ");
    fs::write(
        dir.path().join("c.md"),
        format!("Diaz said {line}.\n\n").repeat(12),
    )
    .unwrap();
    let out = timed("countries", || {
        factcheck_in(
            dir.path(),
            &[
                "check",
                "c.md",
                "--against",
                "countries.yaml",
                "--format",
                "json",
            ],
        )
    });
    // the figures are read (5 agrees, the others do not)
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let statuses: Vec<&str> = json["articles"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["fact"] == "f")
        .map(|f| f["status"].as_str().unwrap())
        .collect();
    assert!(
        statuses.contains(&"match") && statuses.contains(&"mismatch"),
        "{statuses:?}"
    );
}

#[test]
fn a_large_article_in_github_format_and_many_articles() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join(".git")).unwrap();
    fs::create_dir_all(dir.path().join("claims/a")).unwrap();
    let body = "At least 12 people were killed in Tarnwick, officials said. ".repeat(50_000);
    fs::write(dir.path().join("big.md"), &body).unwrap();
    fs::write(
        dir.path().join("claims/r.yaml"),
        "version: 1\narticles:\n  - \"a/*.md\"\nfacts:\n  - id: toll\n    metric: killed\n    value: 20\n",
    )
    .unwrap();
    let out = timed("github", || {
        factcheck_in(
            dir.path(),
            &[
                "check",
                "big.md",
                "--against",
                "claims/r.yaml",
                "--format",
                "github",
            ],
        )
    });
    // 10,000 of the 50,000 errors, and a warning that says so
    let lines = stdout(&out);
    let count = |prefix: &str| lines.lines().filter(|l| l.starts_with(prefix)).count();
    assert_eq!(count("::error"), factcheck::MAX_FINDINGS_PER_ARTICLE);
    assert_eq!(
        count("::warning"),
        1,
        "{}",
        lines.lines().last().unwrap_or("")
    );
    assert!(lines.contains(
        "title=findings-per-article::50000 findings, more than the 10000 listed for one article: the most severe are listed; left out: 40000 mismatch"
    ));
    // --write and --format diff still make the corrections left unlisted:
    // one run fixes every figure, and a second changes nothing
    let small = "At least 12 people were killed in Tarnwick, officials said. ".repeat(10_050);
    fs::write(dir.path().join("big.md"), &small).unwrap();
    let write = ["check", "big.md", "--against", "claims/r.yaml", "--write"];
    let diff = [
        "check",
        "big.md",
        "--against",
        "claims/r.yaml",
        "--format",
        "diff",
    ];
    let patch = stdout(&factcheck_in(dir.path(), &diff));
    assert_eq!(patch.matches("At least 20 people").count(), 10_050);
    let out = factcheck_in(dir.path(), &write);
    assert!(
        stderr(&out).contains("wrote 10050 corrections to big.md"),
        "{}",
        stderr(&out)
    );
    let fixed = fs::read_to_string(dir.path().join("big.md")).unwrap();
    assert_eq!(fixed, small.replace("At least 12", "At least 20"));
    let out = factcheck_in(dir.path(), &write);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        fs::read_to_string(dir.path().join("big.md")).unwrap(),
        fixed
    );
    assert!(!stderr(&out).contains("wrote"), "{}", stderr(&out));
    let names: Vec<String> = (0..4000).map(|i| format!("claims/a/{i}.md")).collect();
    for n in &names {
        fs::write(
            dir.path().join(n),
            "At least 12 people were killed, officials said.\n",
        )
        .unwrap();
    }
    let args: Vec<&str> = std::iter::once("check")
        .chain(names.iter().map(String::as_str))
        .collect();
    let out = timed("many", || factcheck_in(dir.path(), &args));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let last = stdout(&out).lines().last().unwrap_or("").to_string();
    assert!(
        last.starts_with("4000 articles checked: 4000 mismatch"),
        "{last}"
    );
}

#[test]
fn a_reference_with_thousands_of_sources() {
    let name = |i: usize| format!("Zed{i} Quorrow{i}");
    let mut yaml = String::from("version: 1\nsources:\n");
    for i in 0..5000 {
        yaml.push_str(&format!(
            "  - id: s{i}\n    name: {}\n    aliases: [Quorrow{i}]\n",
            name(i)
        ));
    }
    yaml.push_str("facts:\n  - id: toll\n    metric: killed\n    value: 20\n    source: s7\n");
    let reference = Reference::from_str("r.yaml".as_ref(), &yaml).unwrap();
    let text: String = (0..5000)
        .map(|i| {
            format!(
                "{} said twelve people were killed. Quorrow{i} said more.\n\n",
                name(i)
            )
        })
        .collect();
    let a = Article::from_text("a.md", text, None).unwrap();
    let report = timed("sources", || Checker::new(&reference).check(&a));
    assert!(report.findings.len() >= 5000);
}

#[test]
fn thousands_of_speakers_or_figures_in_one_sentence() {
    // each statement once ran to the end of the sentence (memory
    // quadratic: 2.3 GB at 168 KB) and looked for its end through every
    // later speech (time quadratic: minutes at 2 MB)
    for unit in ["said Smith, ", "according to the ministry, ", "12 killed "] {
        let n = 2_000_000 / unit.len();
        let a = Article::from_text("t.md", unit.repeat(n), None).unwrap();
        let read = timed(unit, || Extractor::default().extract(&a));
        // cut into sentences of 64 KB, each capped at 200 claims
        let pieces = a.text.len() / (64 * 1024) + 1;
        assert!(
            read.claims.len() <= pieces * MAX_CLAIMS_PER_SENTENCE,
            "{unit}"
        );
        assert!(read.claims.len() >= MAX_CLAIMS_PER_SENTENCE, "{unit}");
        assert!(!read.notices.is_empty(), "{unit}");
        let held: usize = read
            .claims
            .iter()
            .map(|c| c.text.len() + c.content.as_ref().map_or(0, String::len))
            .sum();
        // a few bytes for each byte read, however dense the claims
        assert!(
            held < 8 * a.text.len(),
            "{unit}: {held} bytes of claim text"
        );
    }
}

/// Megabytes without a full stop are read a sentence-sized piece at a
/// time, each piece's tokens dropped once read: held at once they took
/// about 50 bytes per byte (10 MB of dots needed 966 MB and aborted under
/// a tighter limit). Run under a 600 MB address-space limit.
#[test]
fn megabytes_without_a_sentence_end_fit_in_little_memory() {
    let dir = tempfile::tempdir().unwrap();
    for (name, unit, times) in [
        ("dots.md", ".", 10_000_000),
        ("words.md", "a ", 5_000_000),
        ("dashes.md", "— ", 2_500_000),
    ] {
        let path = dir.path().join(name);
        fs::write(&path, unit.repeat(times)).unwrap();
        let out = extract_limited(600_000, &path, "json");
        assert!(
            out.status.success(),
            "{name}: {:?} {}",
            out.status,
            stderr(&out)
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            json["articles"][0]["claims"],
            serde_json::json!([]),
            "{name}"
        );
    }
}

/// An article of more claims than any article holds is read up to the
/// article cap and says where it stopped: "5 killed. " repeated to 8 MB
/// took 1 GB and 8 s, reading 800,000 claims.
#[test]
fn claims_past_the_article_cap_are_left_unread_with_a_notice() {
    let unit = "5 killed. ";
    let text = unit.repeat(factcheck::MAX_CLAIMS_PER_ARTICLE + 5_000);
    let article = Article::from_text("t.md", text, None).unwrap();
    let read = timed("article cap", || Extractor::default().extract(&article));
    assert_eq!(read.claims.len(), factcheck::MAX_CLAIMS_PER_ARTICLE);
    let [notice] = &read.notices[..] else {
        panic!("{:?}", read.notices)
    };
    assert_eq!(notice.limit, Limit::ClaimsPerArticle);
    let at = factcheck::MAX_CLAIMS_PER_ARTICLE * unit.len();
    assert_eq!(notice.span.unwrap().start, at);
    assert_eq!(read.claims.last().unwrap().span.start, at - unit.len());
    // and the warning is in the text report, named
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("t.md"), &article.text).unwrap();
    let out = factcheck_in(dir.path(), &["extract", "t.md", "--format", "text"]);
    assert!(
        stdout(&out).contains("warning[claims-per-article]"),
        "{}",
        &stdout(&out)[..200.min(stdout(&out).len())]
    );
}

/// The reference's speakers are indexed once, not once per article: 40
/// articles against a source of 100,000 aliases took 0.8 s each (32 s).
#[test]
fn many_articles_against_a_source_with_many_aliases() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join(".git")).unwrap();
    fs::create_dir_all(dir.path().join("claims/a")).unwrap();
    let aliases: Vec<String> = (0..100_000).map(|i| format!("Fomin{i}")).collect();
    fs::write(
        dir.path().join("claims/ref.yaml"),
        format!(
            "version: 1\narticles: [\"a/*.md\"]\nsources:\n  - id: fomin\n    name: Alexander Fomin\n    aliases: [{}]\nfacts:\n  - {{id: k, metric: killed, value: 5, source: fomin}}\n",
            aliases.join(", ")
        ),
    )
    .unwrap();
    for i in 0..40 {
        fs::write(
            dir.path().join(format!("claims/a/{i}.md")),
            "Fomin said 7 people were killed.\n",
        )
        .unwrap();
    }
    let out = timed("aliases", || factcheck_in(dir.path(), &["check"]));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stdout(&out).ends_with("40 articles checked: 40 mismatch\n"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn runs_of_numbers_are_read_once() {
    // each number of a run once read the whole run after it again: spaced
    // groups of three joined past any count, a scale's part parsed with its
    // own part (1 MB of "123 " took 55 s, of "3 million " over a minute);
    // each number word counted the words after it to the end of the run
    // for each phrase look-up (1 MB of "one " took 22 s)
    for unit in [
        "123 ",
        "3 hundred ",
        "3 million ",
        "4 thousand and ",
        "one ",
        "forty ",
    ] {
        timed(unit, || claims(unit.repeat(1_000_000 / unit.len())));
    }
    // the numbers themselves read as before
    let (_, found) = claims(
        "About 1 234 567 people were displaced. Some 3 million 200 thousand and 40 people were displaced in all.".into(),
    );
    let values: Vec<f64> = found
        .iter()
        .filter_map(|c| c.quantity.as_ref().map(|q| q.value.0))
        .collect();
    assert_eq!(values, [1_234_567.0, 3_200_040.0]);
    // a run of groups past a quadrillion is no number
    let (_, found) = claims("Some 1 000 000 000 000 000 people were counted.".into());
    assert!(found.iter().all(|c| c.quantity.is_none()), "{found:?}");
}

#[test]
fn a_skeleton_of_a_long_article_names_its_ids_in_linear_time() {
    // ids were tried `-2`, `-3`, … from 2 for every quote of one speaker
    let unit = "“We will fight,” Bob Smith said. Bob Smith said 5 people were killed. ";
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.md"), unit.repeat(1_000_000 / unit.len())).unwrap();
    let o = timed("init", || factcheck_in(dir.path(), &["init", "a.md"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let yaml = stdout(&o);
    assert!(
        yaml.contains("id: bob-smith-quote-2\n"),
        "{}",
        &yaml[..2000.min(yaml.len())]
    );
}
