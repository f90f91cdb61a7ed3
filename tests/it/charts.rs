//! Charts of `series` facts in the HTML reports of `check` and `audit`:
//! the numbers the page draws against the JSON report, and what headless
//! Chromium lays out and colours.

use crate::html_report::{element, headless, screenshot, stdout};
use crate::support::*;

use std::path::Path;

use serde_json::Value;

/// The invented archive's fire and crash articles checked against the
/// reference `audit --suggest-reference` writes for it (two series facts):
/// the HTML page and the JSON report.
fn series_reports(dir: &Path) -> (String, Value) {
    let reference = dir.join("suggested.yaml");
    let o = factcheck(&[
        "audit",
        "tests/data/archive",
        "--suggest-reference",
        reference.to_str().unwrap(),
    ]);
    assert!(reference.exists(), "{}", String::from_utf8_lossy(&o.stderr));
    let articles: Vec<String> = [
        "velmora-fire-1",
        "velmora-fire-2",
        "velmora-fire-3",
        "halvik-crash-1",
        "halvik-crash-2",
        "halvik-crash-3",
    ]
    .iter()
    .map(|a| format!("tests/data/archive/{a}.md"))
    .collect();
    let run = |format: &str| {
        let mut args: Vec<&str> = vec!["check"];
        args.extend(articles.iter().map(String::as_str));
        args.extend(["--against", reference.to_str().unwrap(), "--format", format]);
        factcheck(&args)
    };
    let html = stdout(&run("html"));
    let json = serde_json::from_slice(&run("json").stdout).unwrap();
    (html, json)
}

#[test]
fn a_series_fact_is_a_chart_with_a_table_of_the_same_figures() {
    let dir = tempfile::tempdir().unwrap();
    let (html, json) = series_reports(dir.path());
    let charts = json["charts"].as_array().unwrap();
    let shape: Vec<String> = charts
        .iter()
        .map(|c| {
            let points: Vec<String> = c["points"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| format!("{}={}", p["value"], p["status"].as_str().unwrap()))
                .collect();
            format!("{} [{}]", c["fact"].as_str().unwrap(), points.join(" "))
        })
        .collect();
    assert_eq!(
        shape,
        [
            "halvik-pass-children-injured [9.0=match 9.0=match 7.0=mismatch]",
            "velmora-workers-killed [14.0=match 11.0=mismatch 19.0=match]",
        ]
    );
    // one figure per chart, a drawn point and a table row per figure, a
    // step line per series; nothing that runs or loads
    assert_eq!(html.matches("<figure class=\"chart\"").count(), 2);
    assert_eq!(html.matches("<circle class=\"pt\"").count(), 6);
    assert_eq!(html.matches("<path class=\"step\"").count(), 2);
    let table = element(&html, "<table class=\"chart-table\">", "</table>");
    assert_eq!(table.matches("<tr class=\"status-").count(), 3, "{table}");
    assert!(
        table.contains("7–7") && table.contains("9 (as of 2026-03-06)"),
        "{table}"
    );
    assert!(!html.contains("<script") && !html.contains("http"));
    // the mismatch stands below the step line it contradicts
    let svg = element(&html, "<svg", "</svg>");
    let cy = |status: &str| -> f64 {
        let g = &svg[svg.find(&format!("<g class=\"status-{status}\">")).unwrap()..];
        let at = g.find("cy=\"").unwrap() + 4;
        g[at..at + g[at..].find('"').unwrap()].parse().unwrap()
    };
    assert!(cy("mismatch") > cy("match"), "SVG y grows downwards");
}

#[test]
fn chromium_draws_the_chart() {
    let Some(chromium) = installed("chromium") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (html, _) = series_reports(dir.path());
    let page = dir.path().join("series.html");
    // a test probe measures what the browser laid out (the page runs none)
    let probe = "<script>document.body.setAttribute('data-drawn',[...document.querySelectorAll('figure.chart svg')].map(s=>{const r=s.getBoundingClientRect();const p=[...s.querySelectorAll('circle.pt')].map(c=>getComputedStyle(c).fill);return Math.round(r.width)+'x'+Math.round(r.height)+':'+p.join('/')}).join('|'));</script></body>";
    std::fs::write(&page, html.replace("</body>", probe)).unwrap();
    let dom = headless(&chromium, &page, &["--dump-dom"]);
    let at = dom.find("data-drawn=\"").expect("the probe ran") + "data-drawn=\"".len();
    let drawn = &dom[at..at + dom[at..].find('"').unwrap()];
    let charts: Vec<&str> = drawn.split('|').collect();
    assert_eq!(charts.len(), 2, "{drawn}");
    for chart in charts {
        let (size, fills) = chart.split_once(':').unwrap();
        assert_eq!(size, "640x260", "{drawn}");
        let fills: Vec<&str> = fills.split('/').collect();
        assert_eq!(fills.len(), 3, "{drawn}");
        // a match is green, a mismatch red: the style sheet's status colours
        assert!(fills.contains(&"rgb(26, 127, 55)"), "{drawn}");
        assert!(fills.contains(&"rgb(207, 34, 46)"), "{drawn}");
    }
    let bytes = screenshot(&chromium, &page, (1200, 1600));
    assert!(bytes.len() > 20_000, "a blank page? {} bytes", bytes.len());
}

#[test]
fn the_audit_page_charts_the_tolls_and_lists_every_finding() {
    let o = factcheck(&["audit", "tests/data/archive", "--format", "html"]);
    assert_eq!(o.status.code(), Some(1));
    let page = stdout(&o);
    insta::assert_snapshot!("audit_html", page);
    let json: Value = serde_json::from_slice(
        &factcheck(&["audit", "tests/data/archive", "--format", "json"]).stdout,
    )
    .unwrap();
    assert_eq!(
        page.matches("<li class=\"finding").count(),
        json["findings"].as_array().unwrap().len()
    );
    assert_eq!(
        page.matches("<figure class=\"chart\"").count(),
        json["charts"].as_array().unwrap().len()
    );
    assert!(page.contains("<del>house that</del> <ins>home</ins>"));
    let Some(chromium) = installed("chromium") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("audit.html");
    std::fs::write(&file, &page).unwrap();
    let dom = headless(&chromium, &file, &["--dump-dom"]);
    assert_eq!(dom.matches("<circle class=\"pt\"").count(), 6, "{dom}");
    assert_eq!(dom.matches("<li class=\"finding").count(), 6);
    assert!(!dom.contains("<script"));
}
