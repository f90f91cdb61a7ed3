//! A figure the article calls the whole event's total ("In total, …", "…
//! in all") meets the reference's `total: true` fact before the regional
//! facts of its metric. Articles invented for the test.

use factcheck::model::{Severity, Status};

use super::fact_choice::figures;
use super::fact_ties::on;

/// A storm's toll in all and in two of the places it struck.
fn tolls(total: bool) -> String {
    format!(
        "  - id: all\n    metric: killed\n    value: 35\n    total: {total}\n  - id: tarn\n    metric: killed\n    value: 20\n    context: [Tarnwick]\n  - id: osk\n    metric: killed\n    value: 15\n    context: [Oskarn]\n"
    )
}

const STORY: &str = "Rain fell on the coast for three days. In Tarnwick, 20 people died in flash floods. Mudslides in Oskarn killed 15. In total, the storm killed 36 people.";

#[test]
fn a_stated_total_is_judged_against_the_headline_fact() {
    let f = figures(STORY, &tolls(true));
    let g = on(&f, "killed 36 people");
    assert_eq!(
        (g.status, g.severity, g.fact.as_deref()),
        (Status::Mismatch, Severity::Error, Some("all"))
    );
    assert_eq!(
        g.correction.as_ref().map(|c| c.replacement.as_str()),
        Some("35")
    );
    // the regional figures still meet their own facts
    assert_eq!(on(&f, "20 people died").fact.as_deref(), Some("tarn"));
    assert_eq!(on(&f, "killed 15").fact.as_deref(), Some("osk"));
    // and the right total matches
    let right = STORY.replace("killed 36", "killed 35");
    let f = figures(&right, &tolls(true));
    let g = on(&f, "killed 35 people");
    assert_eq!((g.status, g.fact.as_deref()), (Status::Match, Some("all")));
}

#[test]
fn without_a_headline_fact_a_wrong_total_is_no_sure_error() {
    // the same story against facts none of which is marked the total: the
    // sentence names no place, so nothing says which toll it means
    let f = figures(STORY, &tolls(false));
    let g = on(&f, "killed 36 people");
    assert!(
        g.severity < Severity::Error || g.fact.as_deref() == Some("all"),
        "{g:?}"
    );
}
