//! The quantity table: sentences written for this project, each with the
//! quantity claims a careful reader would count (tests/data/quantities.yaml).

use crate::support::*;

use factcheck::Article;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    text: String,
    claims: Vec<Expected>,
    /// A case the extractor is known to miss, with the reason in a comment
    /// beside it; reported, and the test fails if it starts passing.
    #[serde(default)]
    known_gap: bool,
}

#[derive(Deserialize, Debug, PartialEq)]
struct Expected {
    metric: String,
    value: f64,
    #[serde(default)]
    upper: Option<f64>,
    qualifier: String,
    subject: Option<String>,
    #[serde(default)]
    percent: bool,
    /// The text calls the figure the whole event's total.
    #[serde(default)]
    total: bool,
}

fn found(text: &str) -> Vec<Expected> {
    let article = Article::from_text("case", text.to_string(), None).unwrap();
    factcheck::Extractor::default()
        .extract(&article)
        .claims
        .into_iter()
        .filter_map(|c| c.quantity)
        .map(|q| Expected {
            metric: q.metric,
            value: q.value.0,
            upper: q.upper.map(|u| u.0),
            qualifier: q.qualifier.as_str().to_string(),
            subject: q.subject,
            percent: q.unit.as_deref() == Some("percent"),
            total: q.total,
        })
        .collect()
}

#[test]
fn quantity_table() {
    let cases: Vec<Case> = table("quantities");
    assert!(cases.len() >= 150, "the table has {} cases", cases.len());
    let mut failures = Vec::new();
    let mut gaps = 0;
    for case in &cases {
        let got = found(&case.text);
        match (got == case.claims, case.known_gap) {
            (true, false) => {}
            (false, true) => gaps += 1,
            (true, true) => {
                failures.push(format!("{}\n   passes now: drop `known_gap`", case.text))
            }
            (false, false) => failures.push(format!(
                "{}\n   expected {:?}\n   found    {:?}",
                case.text, case.claims, got
            )),
        }
    }
    assert!(gaps <= 2, "{gaps} known gaps");
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
