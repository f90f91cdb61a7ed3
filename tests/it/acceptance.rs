//! The article this project started from (../shared/seeds, not in the
//! repository) against its acceptance reference. Skipped, with a note,
//! where ../shared is absent.

use crate::support::*;

use factcheck::model::{ClaimKind, Qualifier, Status};
use factcheck::Article;
use factcheck::Reference;

const SEED: &str = "../shared/seeds/ukraine-talks-2022-03-29.txt";

fn seed() -> Option<Article> {
    let p = root().join(SEED);
    if !p.exists() {
        eprintln!("note: {SEED} is not here; the acceptance checks are skipped");
        return None;
    }
    Some(Article::load(&p).unwrap())
}

#[test]
fn seed_quantities() {
    let Some(article) = seed() else { return };
    let claims = factcheck::Extractor::default().extract(&article).claims;
    let got: Vec<(String, f64, Qualifier, Option<String>)> = claims
        .iter()
        .filter_map(|c| c.quantity.as_ref().map(|q| (c, q)))
        .map(|(c, q)| {
            assert!(c.attribution.is_none(), "{}", q.phrase);
            (q.metric.clone(), q.value.0, q.qualifier, q.subject.clone())
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "killed".into(),
                140.0,
                Qualifier::MoreThan,
                Some("children".into())
            ),
            ("killed".into(), 1000.0, Qualifier::Vague, None),
            (
                "displaced".into(),
                10e6,
                Qualifier::MoreThan,
                Some("ukrainians".into())
            ),
            (
                "refugees".into(),
                4e6,
                Qualifier::Almost,
                Some("ukrainians".into())
            ),
        ]
    );
    assert_eq!(article.date.unwrap().to_string(), "2022-03-29");
    // the "Read more:" teaser is marked
    let teaser = claims
        .iter()
        .find(|c| c.quantity.as_ref().is_some_and(|q| q.value.0 == 140.0))
        .unwrap();
    assert_eq!(teaser.context.as_deref(), Some("teaser"));
}

#[test]
fn seed_speech() {
    let Some(article) = seed() else { return };
    let claims = factcheck::Extractor::default().extract(&article).claims;
    let quotes: Vec<&str> = claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Quote)
        .map(|c| c.attribution.as_ref().map_or("", |a| a.speaker.as_str()))
        .collect();
    assert_eq!(quotes, ["Alexander Fomin"; 3]);
    let statements: Vec<(&str, &str)> = claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Statement)
        .map(|c| {
            (
                c.attribution.as_ref().unwrap().speaker.as_str(),
                c.content.as_deref().unwrap(),
            )
        })
        .collect();
    let speakers: Vec<&str> = statements.iter().map(|s| s.0).collect();
    assert_eq!(
        speakers,
        [
            "Russian army",
            "Alexander Fomin",
            "Alexander Fomin",
            "Ukraine’s military",
            "Pentagon",
            "Alexander Fomin",
            "Volodymyr Zelensky",
            "Moscow",
            "Antonio Guterres",
            "Volodymyr Zelensky"
        ]
    );
    assert_eq!(
        statements[3].1,
        "it had noted withdrawals in Kyiv and Chernihiv"
    );
    assert_eq!(
        statements[8].1,
        "The UN will seek a humanitarian ceasefire in Ukraine"
    );
}

#[test]
fn seed_against_its_reference() {
    let Some(article) = seed() else { return };
    let reference =
        Reference::load(&root().join("tests/acceptance/ukraine-talks-2022-03-29.yaml")).unwrap();
    let report = factcheck::Checker::new(&reference).check(&article);
    let of = |status: Status| {
        report
            .findings
            .iter()
            .filter(|f| f.status == status)
            .collect::<Vec<_>>()
    };
    let quotes = of(Status::Match)
        .into_iter()
        .filter(|f| f.claim.as_ref().is_some_and(|c| c.kind == ClaimKind::Quote))
        .count();
    assert_eq!(quotes, 3, "Fomin's three quotes match");
    let unattributed: Vec<&str> = of(Status::Unattributed)
        .iter()
        .map(|f| f.fact.as_deref().unwrap())
        .collect();
    assert_eq!(
        unattributed,
        ["children-killed", "war-dead", "displaced-total", "refugees"]
    );
    for s in [
        Status::Mismatch,
        Status::Misquoted,
        Status::Misattributed,
        Status::Missing,
        Status::Unverified,
    ] {
        assert!(of(s).is_empty(), "{s:?}: {:?}", of(s));
    }
}
