//! Running one case: frame the phrase in a sentence of our own, extract,
//! and compare the one quantity claim with what the suite expects.
//!
//! The frame supplies the metric factcheck needs before it reports a
//! number at all; the suite's own sentence is not used (see the module
//! doc for what that leaves untested).

use std::panic::{catch_unwind, AssertUnwindSafe};

use factcheck::lang::numbers::{parse_at, parse_value, MAX_COUNT};
use factcheck::Article;
use regex::Regex;

use super::shapes::RATIO;
use super::{Case, Check, Expect};

/// What factcheck read from the framed phrase.
#[derive(Debug, Clone, PartialEq)]
struct Got {
    metric: String,
    value: f64,
    upper: Option<f64>,
    qualifier: String,
    percent: bool,
}

fn show_got(g: &Got) -> String {
    let mut s = format!("{} {}", g.qualifier, fmt_num(g.value));
    if let Some(u) = g.upper {
        s.push_str(&format!("–{}", fmt_num(u)));
    }
    if g.percent {
        s.push('%');
    }
    s
}

fn show_expect(e: &Expect) -> String {
    show_got(&Got {
        metric: String::new(),
        value: e.value,
        upper: e.upper,
        qualifier: e.qualifiers.join("|"),
        percent: e.percent,
    })
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e16 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn near(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// A sentence of our own that ties the phrase to a metric, and the metric.
fn frame(phrase: &str, e: &Expect) -> (String, &'static str) {
    let mut p = phrase.trim().to_string();
    // a capital that only marked the start of the suite's sentence
    let mut cs = p.chars();
    if let (Some(c), Some(d)) = (cs.next(), cs.next()) {
        if c.is_uppercase() && d.is_lowercase() {
            p = c.to_lowercase().chain(p.chars().skip(1)).collect();
        }
    }
    let ratio = RATIO.is_match(&p);
    // verbs of excess need a subject: "the death toll exceeded 500"
    let lower = p.to_lowercase();
    if lower.starts_with("exceed") || lower.starts_with("surpass") {
        let aux = if Regex::new(r"^\w+ed\b").unwrap().is_match(&lower) {
            ""
        } else if Regex::new(r"^\w+ing\b").unwrap().is_match(&lower) {
            "is "
        } else {
            "could "
        };
        return (format!("Officials said the death toll {aux}{p}."), "killed");
    }
    if e.percent && ratio {
        (
            format!("Officials said {p} residents were displaced."),
            "displaced",
        )
    } else if e.percent {
        (
            format!("Officials said {p} of residents were displaced."),
            "displaced",
        )
    } else {
        (format!("Officials said {p} people were killed."), "killed")
    }
}

fn extract(text: &str) -> Vec<Got> {
    let a = Article::from_text("case", text.to_string(), None).unwrap();
    factcheck::Extractor::default()
        .extract(&a)
        .claims
        .into_iter()
        .filter_map(|c| c.quantity)
        .map(|q| Got {
            metric: q.metric,
            value: q.value.0,
            upper: q.upper.map(|u| u.0),
            qualifier: q.qualifier.as_str().to_string(),
            percent: q.unit.as_deref() == Some("percent"),
        })
        .collect()
}

/// A case and what became of it.
pub(crate) struct Outcome {
    pub(crate) case: Case,
    pub(crate) passed: bool,
    /// What factcheck made of it, for the failure list ("PANIC" on a panic).
    pub(crate) got: String,
}

/// Run one case; a panic fails it rather than the whole suite.
pub(crate) fn run(case: Case) -> Outcome {
    let result = catch_unwind(AssertUnwindSafe(|| match &case.check {
        Check::NoPanic => {
            extract(&case.phrase);
            extract(&format!(
                "Officials said {} people were killed.",
                case.phrase
            ));
            (true, "no panic".to_string())
        }
        Check::Claim(e) => check_claim(&case.phrase, e),
    }));
    let (passed, got) = result.unwrap_or_else(|_| (false, "PANIC".to_string()));
    Outcome { case, passed, got }
}

/// Exactly one quantity claim, of the frame's metric, as expected. A
/// value past a trillion is no figure by rule (issue 16): then no claim,
/// and the number reader's value is judged instead.
fn check_claim(phrase: &str, e: &Expect) -> (bool, String) {
    let (text, metric) = frame(phrase, e);
    let claims = extract(&text);
    if e.value > MAX_COUNT || e.upper.is_some_and(|u| u > MAX_COUNT) {
        let p = phrase.trim();
        let toks = factcheck::lang::tokens::tokenize(p, 0, p.len());
        let read = parse_at(p, &toks, 0);
        let ok = claims.is_empty()
            && read.as_ref().is_some_and(|n| {
                near(n.value, e.value)
                    && match (n.upper, e.upper) {
                        (None, None) => true,
                        (Some(a), Some(b)) => near(a, b),
                        _ => false,
                    }
            });
        let got = format!(
            "expected {} (past a trillion: no figure); claims: {}; number reader: {}",
            show_expect(e),
            claims.len(),
            read.map_or("none".to_string(), |n| fmt_num(n.value))
        );
        return (ok, got);
    }
    let ok = claims.len() == 1 && {
        let g = &claims[0];
        g.metric == metric
            && near(g.value, e.value)
            && match (g.upper, e.upper) {
                (None, None) => true,
                (Some(a), Some(b)) => near(a, b),
                _ => false,
            }
            && e.qualifiers.contains(&g.qualifier.as_str())
            && g.percent == e.percent
    };
    let shown: Vec<String> = claims.iter().map(show_got).collect();
    let got = format!(
        "expected {}; factcheck: [{}]; parse_value: {}",
        show_expect(e),
        shown.join(", "),
        parse_value(phrase.trim()).map_or("none".to_string(), fmt_num)
    );
    (ok, got)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames() {
        let count = Expect::exact(5.0, false);
        let share = Expect::exact(5.0, true);
        assert_eq!(
            frame("Five", &count),
            ("Officials said five people were killed.".into(), "killed")
        );
        assert_eq!(
            frame("one in five", &share).0,
            "Officials said one in five residents were displaced."
        );
        assert_eq!(
            frame("exceeding 400", &count).0,
            "Officials said the death toll is exceeding 400."
        );
    }
}
