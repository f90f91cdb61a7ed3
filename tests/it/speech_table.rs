//! The speech table: sentences and passages written for this project, each
//! with its quotes and statements (tests/data/speech.yaml).

use crate::support::*;

use factcheck::model::ClaimKind;
use factcheck::Article;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    text: String,
    claims: Vec<Expected>,
    #[serde(default)]
    known_gap: bool,
}

#[derive(Deserialize, Debug, Clone, PartialEq)]
struct Expected {
    kind: String,
    speaker: Option<String>,
    cue: Option<String>,
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    quote: Option<String>,
    /// The speakers joined to `speaker` ("A and B said"), in text order.
    #[serde(default)]
    also: Vec<String>,
}

/// Compare words only: whitespace and the marks around a quote do not count.
fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':'))
        .replace('’', "'")
}

fn found(text: &str) -> Vec<Expected> {
    let article = Article::from_text("case", text.to_string(), None).unwrap();
    factcheck::Extractor::default()
        .extract(&article)
        .claims
        .into_iter()
        .filter(|c| c.kind != ClaimKind::Quantity)
        .map(|c| Expected {
            kind: if c.kind == ClaimKind::Quote {
                "quote".into()
            } else {
                "statement".into()
            },
            speaker: c.attribution.as_ref().map(|a| a.speaker.replace('’', "'")),
            cue: c.attribution.as_ref().map(|a| a.cue.clone()),
            content: c.content.as_deref().map(norm),
            quote: c.quote.as_deref().map(norm),
            also: c
                .attribution
                .as_ref()
                .map(|a| a.also.clone())
                .unwrap_or_default(),
        })
        .collect()
}

#[test]
fn speech_table() {
    let cases: Vec<Case> = table("speech");
    assert!(cases.len() >= 120, "the table has {} cases", cases.len());
    let mut failures = Vec::new();
    let mut gaps = 0;
    for case in &cases {
        let want: Vec<Expected> = case
            .claims
            .iter()
            .map(|e| Expected {
                speaker: e.speaker.as_deref().map(|s| s.replace('’', "'")),
                content: e.content.as_deref().map(norm),
                quote: e.quote.as_deref().map(norm),
                ..e.clone()
            })
            .collect();
        let got = found(&case.text);
        match (got == want, case.known_gap) {
            (true, false) => {}
            (false, true) => gaps += 1,
            (true, true) => {
                failures.push(format!("{}\n   passes now: drop `known_gap`", case.text))
            }
            (false, false) => failures.push(format!(
                "{}\n   expected {:?}\n   found    {:?}",
                case.text, want, got
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail ({gaps} known gaps):\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
