//! `check --format html`: the page's structure against the JSON report,
//! escaping of hostile articles and references, and — when Chromium is
//! installed — what a real browser makes of both.

use crate::support::*;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

pub(crate) fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("the page is UTF-8")
}

fn sample_html() -> String {
    let o = factcheck(&["check", "--format", "html"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    stdout(&o)
}

fn sample_json() -> Value {
    let o = factcheck(&["check", "--format", "json"]);
    serde_json::from_slice(&o.stdout).unwrap()
}

/// The inner text of the element that starts with `open` (up to `close`).
pub(crate) fn element<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
    let start = html.find(open).unwrap_or_else(|| panic!("no {open}"));
    let rest = &html[start..];
    &rest[..rest
        .find(close)
        .unwrap_or_else(|| panic!("no {close} after {open}"))]
}

/// The value of every `name="…"` attribute in the page.
fn attributes<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let pat = format!(" {name}=\"");
    html.match_indices(&pat)
        .map(|(i, _)| {
            let v = &html[i + pat.len()..];
            &v[..v.find('"').unwrap()]
        })
        .collect()
}

fn assert_summary_row(row: &str, summary: &Value) {
    let mut total = 0;
    for (status, n) in summary.as_object().unwrap() {
        let n = n.as_u64().unwrap();
        total += n;
        let cell = format!("data-status=\"{status}\">{n}</td>");
        assert!(row.contains(&cell), "{cell} not in {row}");
    }
    assert!(
        row.contains(&format!("data-status=\"total\">{total}</td>")),
        "{row}"
    );
}

#[test]
fn every_finding_has_a_mark_a_list_entry_and_the_summary_matches_json() {
    let html = sample_html();
    let json = sample_json();

    assert!(html.starts_with("<!doctype html>\n<html lang=\"en\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("<title>factcheck: 2 articles,"));

    // numbering runs through the report, article by article
    let mut n = 0;
    let mut spans = BTreeSet::new();
    for (k, a) in json["articles"].as_array().unwrap().iter().enumerate() {
        let section = element(
            &html,
            &format!("<section class=\"article\" id=\"a-{}\">", k + 1),
            "</section>",
        );
        assert!(section.contains(a["path"].as_str().unwrap()));
        assert_summary_row(
            element(&html, &format!("<tr id=\"summary-a-{}\">", k + 1), "</tr>"),
            &summary_of(a),
        );
        let text = element(section, "<div class=\"text\">", "</div>\n<aside");
        let list = element(section, "<aside class=\"findings\">", "</aside>");
        for f in a["findings"].as_array().unwrap() {
            n += 1;
            let status = f["status"].as_str().unwrap();
            let entry = element(list, &format!("<li id=\"l-{n}\""), "</li>");
            assert!(
                entry.contains(&format!(
                    "class=\"finding status-{status} severity-{}\"",
                    f["severity"].as_str().unwrap()
                )),
                "{entry}"
            );
            assert!(
                entry.contains(&format!("<span class=\"tag status-{status}\">")),
                "{entry}"
            );
            if f["claim"].is_null() {
                assert!(!html.contains(&format!("id=\"f-{n}\"")), "f-{n}");
                assert!(entry.contains("not in the article"), "{entry}");
                continue;
            }
            // the mark (or, for a second finding on the same words, its
            // marker inside the mark) is in the text, and they link both ways
            assert!(
                text.contains(&format!("id=\"f-{n}\"")),
                "f-{n} not in the text"
            );
            assert!(entry.contains(&format!("href=\"#f-{n}\"")), "{entry}");
            assert!(
                text.contains(&format!("href=\"#l-{n}\"")),
                "#l-{n} not in the text"
            );
            let span = &f["claim"]["span"];
            spans.insert((k, span["start"].as_u64(), span["end"].as_u64()));
            let mark_class = format!("status-{status} ");
            assert!(
                text.contains(&mark_class),
                "no mark of class {mark_class} in article {k}"
            );
        }
    }
    assert!(n > 0);
    assert_eq!(html.matches("<li id=\"l-").count(), n);
    // one mark per distinct span: findings on the same words share it
    assert_eq!(html.matches("<mark id=\"f-").count(), spans.len());
    assert_eq!(
        html.matches("<mark ").count(),
        html.matches("</mark>").count()
    );

    assert_summary_row(
        element(&html, "<tr id=\"summary-run\">", "</tr>"),
        &json["summary"],
    );

    // the misquote's word diff, said against printed
    assert!(
        html.contains("<del>reduce</del> <ins>halt</ins>"),
        "no word diff"
    );
    // a text marker, not colour alone
    assert!(html.contains(">✗ mismatch</a>"));
    assert!(html.contains(">≠ misquoted</a>"));

    // self-contained: nothing loads from anywhere
    assert!(!html.contains("http://") && !html.contains("https://"));
    assert!(!html.contains("<script") && !html.contains("<link") && !html.contains("<img"));
    assert!(!html.contains("url(") && !html.contains("@import"));
    assert!(attributes(&html, "src").is_empty());
    let hrefs = attributes(&html, "href");
    assert!(!hrefs.is_empty());
    for h in hrefs {
        assert!(h.starts_with('#'), "href {h}");
        let id = format!(" id=\"{}\"", &h[1..]);
        assert!(html.contains(&id), "{h} points nowhere");
    }
}

fn summary_of(article: &Value) -> Value {
    let mut s = serde_json::Map::new();
    for st in [
        "match",
        "mismatch",
        "misquoted",
        "misattributed",
        "unattributed",
        "unverified",
        "missing",
    ] {
        let n = article["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["status"] == st)
            .count();
        s.insert(st.into(), n.into());
    }
    Value::Object(s)
}

#[test]
fn the_page_is_the_same_bytes_every_time() {
    assert_eq!(sample_html(), sample_html());
}

#[test]
fn quiet_lists_only_failing_findings_but_keeps_the_counts() {
    let o = factcheck(&["check", "--format", "html", "--quiet"]);
    let html = stdout(&o);
    let json = sample_json();
    assert_summary_row(
        element(&html, "<tr id=\"summary-run\">", "</tr>"),
        &json["summary"],
    );
    assert!(!html.contains("class=\"finding status-match"));
    assert!(html.contains("class=\"finding status-mismatch severity-error\""));
    assert!(!html.contains("<mark id=\"f-1\""), "a match is marked");
}

#[test]
fn extract_refuses_html() {
    let o = factcheck(&["extract", "claims/articles", "--format", "html"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("invalid value 'html'"));
}

const SCRIPT: &str = "<script>document.title='pwned'</script>";
const IMG: &str = r#""><img src=x onerror="document.title='pwned'">"#;

/// An article and a reference that try to inject markup through the text,
/// a claim, a quote, a speaker's name and the file name.
fn hostile(dir: &Path) -> (PathBuf, PathBuf) {
    let article = dir.join("x\"><b>.md");
    std::fs::write(
        &article,
        format!(
            "{SCRIPT}\n\nMore than 140 children have been killed, officials said. {IMG}\n\n\
             “We will {SCRIPT} rebuild every school,” the mayor said.\n"
        ),
    )
    .unwrap();
    let reference = dir.join("ref.yaml");
    std::fs::write(
        &reference,
        r#"version: 1
sources:
  - id: mayor
    name: "Mayor <img src=x onerror=\"document.title='pwned'\">"
    aliases: [the mayor]
facts:
  - id: children-killed
    metric: killed
    subject: children
    value: 143
quotes:
  - id: rebuild
    speaker: mayor
    text: "We will <script>document.title='pwned'</script> rebuild all schools."
"#,
    )
    .unwrap();
    (article, reference)
}

fn hostile_html(dir: &Path) -> String {
    let (article, reference) = hostile(dir);
    let o = factcheck(&[
        "check",
        "--format",
        "html",
        "--against",
        reference.to_str().unwrap(),
        article.to_str().unwrap(),
    ]);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    stdout(&o)
}

#[test]
fn markup_from_the_article_and_the_reference_shows_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let html = hostile_html(dir.path());
    // the claims were still found and marked
    assert!(
        html.contains("class=\"status-match severity-info\""),
        "{html}"
    );
    assert!(
        html.contains("class=\"status-misquoted severity-error\""),
        "{html}"
    );
    for raw in [
        "<script",
        "<img",
        "onerror=\"",
        "x\"><b>",
        "'pwned'",
        "</script>",
    ] {
        assert!(!html.contains(raw), "{raw} unescaped in\n{html}");
    }
    let script = "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;";
    let img = "&quot;&gt;&lt;img src=x onerror=&quot;document.title=&#39;pwned&#39;&quot;&gt;";
    assert!(html.contains(&format!("<p>{script}</p>")), "{html}");
    assert!(html.contains(img), "{html}");
    assert!(html.contains("x&quot;&gt;&lt;b&gt;.md"), "the path");
    assert!(html.contains("Mayor &lt;img src=x"), "the speaker");
    // inside an attribute too (the mark's tooltip)
    let titles = attributes(&html, "title");
    assert!(titles.iter().any(|t| t.contains(script)), "{titles:?}");
    assert!(attributes(&html, "href").iter().all(|h| h.starts_with('#')));
}

// ---- a real browser -------------------------------------------------------

/// Run headless Chromium on a page with extra flags; its standard output,
/// or a panic if it fails or takes longer than a minute.
pub(crate) fn headless(chromium: &Path, page: &Path, extra: &[&str]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = tempfile::NamedTempFile::new().unwrap();
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(out.reopen().unwrap())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium took more than 60 s on {}", page.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "chromium: {status}");
    std::fs::read_to_string(out.path()).unwrap()
}

/// A screenshot of `page` at `width`×`height` by headless Chromium: the
/// PNG's bytes (asserted to be a PNG).
pub(crate) fn screenshot(chromium: &Path, page: &Path, (width, height): (u32, u32)) -> Vec<u8> {
    let png = page.with_extension("png");
    headless(
        chromium,
        page,
        &[
            &format!("--screenshot={}", png.display()),
            &format!("--window-size={width},{height}"),
        ],
    );
    let bytes = std::fs::read(&png).expect("a screenshot");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    bytes
}

fn dom_checks(dom: &str, source: &str) {
    assert!(dom.contains("<main>"), "no DOM: {dom}");
    assert_eq!(
        dom.matches("<mark").count(),
        source.matches("<mark").count(),
        "marks"
    );
    let title = element(dom, "<title>", "</title>");
    assert!(title.starts_with("<title>factcheck:"), "{title}");
    assert!(!title.contains("pwned"), "{title}");
    assert!(!dom.contains("<script"), "a script element");
    assert!(!dom.contains("<img"), "an img element");
}

#[test]
fn chromium_renders_the_marks_and_runs_nothing_from_the_article() {
    let Some(chromium) = installed("chromium") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();

    let sample = dir.path().join("report.html");
    let source = sample_html();
    std::fs::write(&sample, &source).unwrap();
    let dom = headless(&chromium, &sample, &["--dump-dom"]);
    dom_checks(&dom, &source);
    assert!(source.matches("<mark").count() >= 20);

    let injected = dir.path().join("injected.html");
    let source = hostile_html(dir.path());
    std::fs::write(&injected, &source).unwrap();
    let dom = headless(&chromium, &injected, &["--dump-dom"]);
    dom_checks(&dom, &source);
    assert!(
        dom.contains("&lt;script&gt;document.title="),
        "the text is gone"
    );

    let bytes = screenshot(&chromium, &sample, (1400, 2200));
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    assert_eq!((width, height), (1400, 2200));
    assert!(bytes.len() > 50_000, "a blank page? {} bytes", bytes.len());
}

/// The classes of the findings a browser shows with the filter button
/// `id` chosen (a test script sets it; the page itself runs none).
fn shown_with(chromium: &Path, dir: &Path, source: &str, id: &str) -> Vec<String> {
    let probe = format!(
        "<script>document.getElementById('{id}').checked=true;document.body.setAttribute('data-shown',[...document.querySelectorAll('li.finding')].filter(e=>getComputedStyle(e).display!=='none').map(e=>e.className).join('|'));</script></body>"
    );
    let page = dir.join(format!("{id}.html"));
    std::fs::write(&page, source.replace("</body>", &probe)).unwrap();
    let dom = headless(chromium, &page, &["--dump-dom"]);
    let at = dom.find("data-shown=\"").expect("the probe ran") + "data-shown=\"".len();
    let shown = &dom[at..at + dom[at..].find('"').unwrap()];
    shown
        .split('|')
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn chromium_filters_findings_by_severity_without_a_script() {
    let Some(chromium) = installed("chromium") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let source = sample_html();
    assert!(!source.contains("<script"), "the page runs no script");
    let all = shown_with(&chromium, dir.path(), &source, "show-all");
    let warnings = shown_with(&chromium, dir.path(), &source, "show-warnings");
    let errors = shown_with(&chromium, dir.path(), &source, "show-errors");
    assert_eq!(all.len(), source.matches("<li id=\"l-").count());
    assert!(
        errors.iter().all(|c| c.contains("severity-error")),
        "{errors:?}"
    );
    assert!(
        warnings.iter().all(|c| !c.contains("severity-info")),
        "{warnings:?}"
    );
    let listed = |sev: &str| {
        source
            .matches(&format!("severity-{sev}\">\n<div class=\"head\">"))
            .count()
    };
    assert_eq!(errors.len(), listed("error"));
    assert_eq!(warnings.len(), listed("error") + listed("warning"));
    assert!(!errors.is_empty() && errors.len() <= warnings.len() && warnings.len() < all.len());
}

#[test]
fn errors_come_first_in_each_findings_list() {
    let html = sample_html();
    for list in html.split("<aside class=\"findings\">").skip(1) {
        let list = &list[..list.find("</aside>").unwrap()];
        let ranks: Vec<u8> = list
            .match_indices("<li id=\"l-")
            .map(|(i, _)| {
                let li = &list[i..i + list[i..].find('>').unwrap()];
                if li.contains("severity-error") {
                    0
                } else if li.contains("severity-warning") {
                    1
                } else {
                    2
                }
            })
            .collect();
        assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    }
}
