//! The default lexicon and a reference's extension of it.

use super::*;

#[test]
fn default_lexicon_has_the_contract_metrics() {
    let lx = Lexicon::default_ref();
    for m in [
        "killed",
        "injured",
        "displaced",
        "refugees",
        "evacuated",
        "missing",
        "detained",
    ] {
        assert!(lx.has_metric(m), "{m}");
    }
    assert!(lx.reporting_verbs.contains("said"));
}

#[test]
fn synonyms_and_small_words() {
    let lx = Lexicon::default_ref();
    assert!(lx.synonyms("children", "kids"));
    assert!(lx.synonyms("refugees", "people"));
    assert!(!lx.synonyms("refugees", "residents"));
    assert!(!lx.synonyms("x", "x"));
    assert!(lx.is_small_word("the") && !lx.is_small_word("troops"));
}

#[test]
fn reference_adds_a_metric() {
    let mut extra = LexiconFile::default();
    extra.metrics.insert(
        "jobs-cut".into(),
        vec!["cut N jobs".into(), "job losses".into()],
    );
    let lx = Lexicon::extended(&extra).unwrap();
    assert!(lx.has_metric("jobs-cut"));
    assert!(lx.post_by_first.contains_key("jobs"));
}
