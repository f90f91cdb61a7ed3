//! Verdicts on figures: every row of the qualifier table, at and just past
//! each boundary; settings overrides; series facts by the article's date.

use std::path::Path;

use factcheck::model::Status;
use factcheck::Article;
use factcheck::Reference;

/// The status of the figure in `sentence` against a fact of `metric` with `fact` (YAML lines).
fn verdict(sentence: &str, metric: &str, fact: &str, settings: &str) -> Status {
    let yaml = format!("version: 1\n{settings}facts:\n  - id: f\n    metric: {metric}\n{fact}");
    let reference =
        Reference::from_str(Path::new("ref.yaml"), &yaml).unwrap_or_else(|e| panic!("{e}\n{yaml}"));
    let article = Article::from_text("a.txt", sentence.to_string(), None).unwrap();
    let report = factcheck::Checker::new(&reference).check(&article);
    let figures: Vec<Status> = report
        .findings
        .iter()
        .filter(|f| {
            f.claim.as_ref().is_some_and(|c| c.quantity.is_some())
                && matches!(
                    f.status,
                    Status::Match | Status::Mismatch | Status::Unverified
                )
        })
        .map(|f| f.status)
        .collect();
    assert_eq!(figures.len(), 1, "{sentence}: {:?}", report.findings);
    figures[0]
}

fn value(v: &str) -> String {
    format!("    value: {v}\n")
}

/// (sentence, truth that matches at the boundary, truth just past it)
fn rows() -> Vec<(&'static str, &'static str, &'static str)> {
    vec![
        // exact, digits
        ("Officials said 143 children were killed.", "143", "144"),
        ("Officials said 143 children were killed.", "143", "142"),
        // exact with a scale word: ± half the last stated digit
        (
            "Officials said 4 million people have fled the country.",
            "4500000",
            "4500001",
        ),
        (
            "Officials said 4 million people have fled the country.",
            "3500000",
            "3499999",
        ),
        (
            "Officials said 4.2 million people have fled the country.",
            "4250000",
            "4250001",
        ),
        (
            "Officials said 4.2 million people have fled the country.",
            "4150000",
            "4149999",
        ),
        // more than: above X, up to X × 1.5
        (
            "Officials said more than 140 children were killed.",
            "141",
            "140",
        ),
        (
            "Officials said more than 140 children were killed.",
            "210",
            "211",
        ),
        // at least: X up to X × 1.5
        ("Officials said at least 12 people died.", "12", "11"),
        ("Officials said at least 12 people died.", "18", "19"),
        // almost: X × 0.9 up to X
        (
            "Officials said almost 4 million people have fled the country.",
            "3600000",
            "3599999",
        ),
        (
            "Officials said almost 4 million people have fled the country.",
            "4000000",
            "4000001",
        ),
        // about: ± 10 %
        (
            "Officials said about 300 people were injured.",
            "270",
            "269",
        ),
        (
            "Officials said about 300 people were injured.",
            "330",
            "331",
        ),
        // up to / as many as: an upper estimate reaches about X — from
        // X × 0.8 to X
        (
            "Officials said up to 500 people were evacuated.",
            "500",
            "501",
        ),
        (
            "Officials said up to 500 people were evacuated.",
            "400",
            "399",
        ),
        (
            "Officials said up to 7,000 people were evacuated.",
            "6800",
            "17000",
        ),
        (
            "Officials said as many as 17,000 people were evacuated.",
            "17000",
            "7000",
        ),
        // at most: anything up to X
        (
            "Officials said at most 50 people were detained.",
            "50",
            "51",
        ),
        // fewer than: below X
        (
            "Officials said fewer than 50 people were detained.",
            "49",
            "50",
        ),
        // range
        (
            "Officials said between 2 and 3 million people were displaced.",
            "2000000",
            "1999999",
        ),
        (
            "Officials said between 2 and 3 million people were displaced.",
            "3000000",
            "3000001",
        ),
        // vague: 2 × unit to 10 × unit − 1
        (
            "Officials said thousands of people were killed.",
            "2000",
            "1999",
        ),
        (
            "Officials said thousands of people were killed.",
            "9999",
            "10000",
        ),
    ]
}

fn metric_of(sentence: &str) -> &'static str {
    [
        ("killed", "killed"),
        ("died", "killed"),
        ("fled the country", "refugees"),
        ("injured", "injured"),
        ("evacuated", "evacuated"),
        ("detained", "detained"),
        ("displaced", "displaced"),
    ]
    .iter()
    .find(|(w, _)| sentence.contains(w))
    .map(|(_, m)| *m)
    .unwrap()
}

#[test]
fn qualifier_table_boundaries() {
    for (sentence, inside, outside) in rows() {
        let m = metric_of(sentence);
        assert_eq!(
            verdict(sentence, m, &value(inside), ""),
            Status::Match,
            "{sentence} vs {inside}"
        );
        assert_eq!(
            verdict(sentence, m, &value(outside), ""),
            Status::Mismatch,
            "{sentence} vs {outside}"
        );
    }
}

#[test]
fn settings_move_the_boundaries() {
    let s = "settings:\n  intervals: {more_than_factor: 2.0, about_pct: 0.2}\n";
    let more = "Officials said more than 140 children were killed.";
    assert_eq!(verdict(more, "killed", &value("280"), s), Status::Match);
    assert_eq!(verdict(more, "killed", &value("281"), s), Status::Mismatch);
    let about = "Officials said about 300 people were injured.";
    assert_eq!(verdict(about, "injured", &value("360"), s), Status::Match);
    assert_eq!(
        verdict(about, "injured", &value("361"), s),
        Status::Mismatch
    );
}

#[test]
fn tolerance_widens_the_fact() {
    let s = "Officials said 143 children were killed.";
    assert_eq!(
        verdict(s, "killed", "    value: 150\n    tolerance: 5%\n", ""),
        Status::Match
    );
    assert_eq!(
        verdict(s, "killed", "    value: 150\n    tolerance: 6\n", ""),
        Status::Mismatch
    );
    assert_eq!(
        verdict(s, "killed", "    min: 100\n    max: 143\n", ""),
        Status::Match
    );
    assert_eq!(verdict(s, "killed", "    min: 144\n", ""), Status::Mismatch);
}

#[test]
fn subjects_choose_the_fact() {
    let yaml = "version: 1\nfacts:\n  - id: children\n    metric: killed\n    subject: children\n    value: 143\n  - id: civilians\n    metric: killed\n    subject: civilians\n    value: 1179\n  - id: people\n    metric: injured\n    subject: people\n    value: 30\n";
    let reference = Reference::from_str(Path::new("ref.yaml"), yaml).unwrap();
    let text = "Officials said 143 children were killed. They said 1,179 civilians were killed. Thirty persons were injured. Thousands were killed.";
    let report = factcheck::Checker::new(&reference)
        .check(&Article::from_text("a", text.into(), None).unwrap());
    let got: Vec<(Status, Option<&str>)> = report
        .findings
        .iter()
        .filter(|f| f.status != Status::Unattributed)
        .map(|f| (f.status, f.fact.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (Status::Match, Some("children")),
            (Status::Match, Some("civilians")),
            (Status::Match, Some("people")),
            // no subject: fits no fact that names one
            (Status::Unverified, None),
        ]
    );
}

#[test]
fn series_are_judged_on_the_article_date() {
    let fact = "    series:\n      - {as_of: 2022-03-01, value: 660000}\n      - {as_of: 2022-03-15, value: 3 million}\n      - {as_of: 2022-03-29, value: 3.9 million}\n";
    let yaml = format!("version: 1\nfacts:\n  - id: r\n    metric: refugees\n{fact}");
    let reference = Reference::from_str(Path::new("ref.yaml"), &yaml).unwrap();
    let run = |text: &str| {
        let a = Article::from_text("a", text.into(), None).unwrap();
        let r = factcheck::Checker::new(&reference).check(&a);
        r.findings
            .into_iter()
            .find(|f| f.status != Status::Unattributed)
            .unwrap()
    };
    let f = run("---\ndate: 2022-03-20\n---\nThe UN said 3 million people have fled the country.");
    assert_eq!(f.status, Status::Match);
    assert!(f.expected.unwrap().contains("3,000,000, as of 2022-03-15"));
    let f =
        run("---\ndate: 2022-03-20\n---\nThe UN said 3.9 million people have fled the country.");
    assert_eq!(f.status, Status::Mismatch);
    let f = run("The UN said 3.9 million people have fled the country.");
    assert_eq!(f.status, Status::Match);
    assert!(f
        .expected
        .unwrap()
        .contains("no date, so the latest entry was used"));
}
