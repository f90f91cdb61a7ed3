//! Figures beside their facts: a part of a whole, a bound, a second
//! figure, a related story's headline. Articles invented for the test.

use super::*;

#[test]
fn more_than_a_round_figure_excludes_the_figure_itself() {
    // "nearly 10 million" is at most 10 million; "more than 10 million" is
    // above it, with no whole step to add to a scale word
    let facts = "  - id: displaced\n    metric: displaced\n    min: 9000000\n    max: 10000000\n";
    let f = figures("The war displaced more than 10 million people.", facts);
    assert_eq!(
        (f[0].status, f[0].fact.as_deref()),
        (Status::Mismatch, Some("displaced"))
    );
    let f = figures("The war displaced nearly 10 million people.", facts);
    assert_eq!(f[0].status, Status::Match);
    let f = figures("The war displaced fewer than 9 million people.", facts);
    assert_eq!(f[0].status, Status::Mismatch);
}

#[test]
fn a_figure_naming_no_one_is_the_placed_kind_of_people_never_a_part() {
    let facts = "  - id: civilians\n    metric: killed\n    subject: civilians\n    min: 11\n    context: [Vellmark]\n  - id: children\n    metric: killed\n    subject: children\n    value: 2\n    context: [Vellmark]\n";
    let text = "At least 11 were killed when bombs hit the busiest market in Vellmark.";
    assert_eq!(
        verdicts(text, facts),
        [(Status::Match, Some("civilians".into()))]
    );
    let text = "Fewer than 11 were killed when bombs hit the busiest market in Vellmark.";
    assert_eq!(
        verdicts(text, facts),
        [(Status::Mismatch, Some("civilians".into()))]
    );
    // with no place words of the fact in the sentence it stays unverified
    let text = "At least 11 were killed when bombs hit the busiest market.";
    assert_eq!(verdicts(text, facts), [(Status::Unverified, None)]);
}

#[test]
fn a_related_storys_headline_on_the_page_is_never_an_error() {
    let facts = "  - id: toll\n    metric: killed\n    subject: people\n    value: 12\n";
    let text = "The strike killed 12 people in Vellmark. Source agencies Related News Strike kills 40 people in Oskarn Talks resume in Brask";
    let f = figures(text, facts);
    assert_eq!(
        f.iter()
            .map(|f| (f.status, f.severity, f.correction.is_some()))
            .collect::<Vec<_>>(),
        [
            (Status::Match, Severity::Info),
            (Status::Mismatch, Severity::Warning)
        ]
        .map(|(s, v)| (s, v, false))
    );
    assert_eq!(
        f[1].claim.as_ref().and_then(|c| c.context.as_deref()),
        Some("teaser")
    );
}

/// A page tail a reference's lexicon adds is read as the embedded ones
/// are, wherever it stands in the sentence, and only capitalised: the
/// first word of each tail is a word class of its own, asked before the
/// tails are (a sentence with no such word is not read for them).
#[test]
fn a_page_tail_from_the_references_lexicon_opens_the_teasers() {
    let facts = "  - id: toll\n    metric: killed\n    subject: people\n    value: 12\n";
    let yaml =
        format!("version: 1\nlexicon:\n  page_tails: [elsewhere on the wire]\nfacts:\n{facts}");
    let reference = Reference::from_str(Path::new("ref.yaml"), &yaml).unwrap();
    let contexts = |text: &str| {
        let article = Article::from_text("a.md", text.to_string(), None).unwrap();
        Checker::new(&reference)
            .check(&article)
            .findings
            .into_iter()
            .filter(|f| matches!(f.status, Status::Match | Status::Mismatch))
            .map(|f| {
                let teaser = f.claim.and_then(|c| c.context.clone()).as_deref() == Some("teaser");
                (f.status, f.severity, teaser)
            })
            .collect::<Vec<_>>()
    };
    let text = "The strike killed 12 people in Vellmark. Wire staff Elsewhere On The Wire Strike kills 40 people in Oskarn";
    assert_eq!(
        contexts(text),
        [
            (Status::Match, Severity::Info, false),
            (Status::Mismatch, Severity::Warning, true)
        ]
    );
    // in lower case the words are the sentence's own: its figure is judged
    let text = "The strike killed 12 people in Vellmark. Reports elsewhere on the wire said the strike killed 40 people.";
    assert_eq!(
        contexts(text),
        [
            (Status::Match, Severity::Info, false),
            (Status::Mismatch, Severity::Error, false)
        ]
    );
}

#[test]
fn a_part_said_after_its_whole_stands_where_the_whole_does() {
    // the place words of the 120 are the 30's too; the air raids of the
    // sentence before placed figures there and are no topic here
    let facts = "  - id: raids-children\n    metric: killed\n    subject: children\n    value: 1700\n    context: [air raids]\n  - id: shelling-children\n    metric: killed\n    subject: children\n    value: 30\n    context: [rebel fire, held areas]\n";
    let text = "The monitor counted 5800 civilians killed including 1700 children in air raids. Meanwhile rebel fire on held areas killed 120 people said the monitor adding that 30 of them were children.";
    let got: Vec<_> = figures(text, facts)
        .iter()
        .filter(|f| f.status != Status::Unverified)
        .map(|f| (f.status, f.fact.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (Status::Match, Some("raids-children".to_string())),
            (Status::Match, Some("shelling-children".to_string()))
        ]
    );
    // so a wrong part is that fact's error, not a tie
    let f = figures(&text.replace("30 of them", "31 of them"), facts);
    let last = f.last().unwrap();
    assert_eq!(
        (last.status, last.fact.as_deref(), last.severity),
        (Status::Mismatch, Some("shelling-children"), Severity::Error)
    );
}

#[test]
fn a_part_named_after_including_is_not_what_the_figure_counts() {
    // invented: the boy is one of the 28, not what the 28 count
    let facts = "  - id: toll\n    metric: killed\n    min: 28\n    context: [December 27]\n  - id: boy\n    metric: killed\n    subject: boy\n    value: 1\n    context: [13-year-old boy, electrocuted]\n";
    let text = "As of December 27, there are at least 28 confirmed fatalities, including a 13-year-old boy who was electrocuted.";
    assert_eq!(
        verdicts(text, facts),
        [(Status::Match, Some("toll".into()))]
    );
}

#[test]
fn a_compound_noun_fits_its_head() {
    // invented: the four children are the schoolchildren, not the child
    // killed in another town
    let facts = "  - id: school\n    metric: killed\n    subject: schoolchildren\n    value: 4\n    context: [Jisrin]\n  - id: other-town\n    metric: killed\n    subject: child\n    value: 1\n    context: [Mesrava]\n";
    let text =
        "A photographer at the clinic saw the bodies of four children wrapped in white shrouds.";
    assert_eq!(
        verdicts(text, facts),
        [(Status::Match, Some("school".into()))]
    );
}

#[test]
fn a_second_figure_beside_the_facts_own_counts_something_else() {
    // invented: the 40 taken to hospital are some of the 125 injured
    let facts = "  - id: injured\n    metric: injured\n    subject: people\n    value: 125\n";
    let f = figures(
        "Around 125 people were injured and 40 were hospitalized after the crush.",
        facts,
    );
    let got: Vec<_> = f
        .iter()
        .map(|f| (f.status, f.severity, f.correction.is_some()))
        .collect();
    assert_eq!(
        got,
        [
            (Status::Match, Severity::Info, false),
            (Status::Mismatch, Severity::Warning, false)
        ]
    );
    // the same people counted again with another number contradict it
    let facts = "  - id: children\n    metric: killed\n    subject: children\n    value: 2\n";
    let f = figures(
        "Two children were killed in the raid and the mourners said five children were killed.",
        facts,
    );
    assert!(
        f.iter()
            .any(|f| f.status == Status::Mismatch && f.severity == Severity::Error),
        "{f:?}"
    );
}

#[test]
fn a_figure_stating_an_open_facts_bound_is_never_an_error_against_another() {
    // invented: Brask's camps held 9,000; the 20,000 later in the
    // paragraph is the country's "at least 20,000"
    let facts = "  - id: brask\n    metric: evacuated\n    subject: people\n    value: 9000\n    context: [Brask, evacuation centers]\n  - id: total\n    metric: evacuated\n    subject: people\n    min: 20000\n    context: [stayed in evacuation centers]\n";
    let text = "Brask was worst hit, with 15,000 homes destroyed, 4,000 families (9,000 people) in evacuation centers.[3] In Tarsk, floods affected traffic. More than 20,000 people stayed in evacuation centers due to the storm.[6]";
    let f = figures(text, facts);
    assert!(!f.iter().any(|f| f.severity == Severity::Error), "{f:?}");
}

#[test]
fn among_equals_the_fact_stating_the_value_beats_an_open_bound() {
    // invented: "at least 3" and "22" both hold for 22 children, and the
    // sentence names neither source nor place; the fact that states 22 is
    // the one the figure gives, whatever the reference's order
    let facts = "  - id: open\n    metric: killed\n    subject: children\n    min: 3\n  - id: exact\n    metric: killed\n    subject: children\n    value: 22\n";
    assert_eq!(
        verdicts("A day earlier 22 children were killed.", facts),
        [(Status::Match, Some("exact".to_string()))]
    );
    assert_eq!(
        verdicts("A day earlier 5 children were killed.", facts),
        [(Status::Match, Some("open".to_string()))]
    );
}

#[test]
fn a_fact_subject_that_repeats_the_metric_noun_fits_in_full() {
    // invented: "Velmoran refugees" counts Velmoran refugees, though the
    // figure's subject is read as "velmoran" (the metric noun is the
    // cue); it fits the fact that names them no worse than "Velmorans"
    let facts = "  - id: claimed\n    metric: refugees\n    subject: Velmoran refugees\n    max: 250000\n    context: [claim, take in]\n  - id: proposed\n    metric: refugees\n    subject: Velmorans\n    value: 10000\n    context: [proposed, accepting]\n";
    let text = "His claim that the city would take in as many as 250,000 Velmoran refugees was false (the council proposed accepting 10,000 Velmorans).";
    let got = verdicts(text, facts);
    assert_eq!(
        got[0],
        (Status::Match, Some("claimed".to_string())),
        "{got:?}"
    );
    assert!(
        figures(text, facts)
            .iter()
            .all(|f| f.severity != Severity::Error),
        "{got:?}"
    );
}

#[test]
fn a_context_word_naming_the_subject_does_not_outweigh_the_place() {
    // invented: the school's toll (7) is placed by its classroom; the
    // directorate's count (8) lists its subject among its context words
    let facts = "  - id: directorate\n    metric: killed\n    subject: pupils\n    value: 8\n    context: [pupils, directorate]\n  - id: school\n    metric: killed\n    subject: pupils\n    value: 7\n    context: [classroom, mortar round]\n";
    let text = "The mortar round fell inside a classroom killing seven pupils.";
    assert_eq!(
        verdicts(text, facts),
        [(Status::Match, Some("school".to_string()))]
    );
}

#[test]
fn a_subject_read_from_another_figure_does_not_outweigh_the_place() {
    // invented: "13 others" are civilians only by the figure before it; the
    // fact that names no subject is placed by three of its words
    let facts = "  - id: sniper\n    metric: injured\n    value: 13\n    context: [Tuesday, sniper, Bab Tarsk]\n  - id: market\n    metric: injured\n    subject: civilians\n    value: 2\n    context: [Ramouseh]\n";
    let text = "On Tuesday seven civilians were killed and 13 others were injured by sniper fire on Bab Tarsk street in Ramouseh.";
    matches_without_error(text, facts, "sniper");
}

/// Asserts that some figure of `text` matches fact `id` and that no
/// finding is an error.
pub(crate) fn matches_without_error(text: &str, facts: &str, id: &str) {
    let got = verdicts(text, facts);
    assert!(
        got.contains(&(Status::Match, Some(id.to_string()))),
        "{got:?}"
    );
    let all = findings(text, facts);
    assert!(all.iter().all(|f| f.severity != Severity::Error), "{all:?}");
}

#[test]
fn a_vague_figure_never_fails_for_want_of_a_source() {
    // invented: "scores of civilians" in a background sentence is no sure
    // restatement of the monitor's count of 122, whose source is required
    let facts = "  - id: toll\n    metric: killed\n    subject: civilians\n    value: 122\n    source: monitor\n    attribution: required\n    context: [Velmor]\n";
    assert_eq!(
        unattributed_severity(
            facts,
            "Jets have bombed the rebels for weeks, killing scores of civilians across Velmor."
        ),
        Some(Severity::Warning)
    );
    assert_eq!(
        unattributed_severity(facts, "The strikes killed 122 civilians across Velmor."),
        Some(Severity::Error)
    );
}

#[test]
fn a_figure_far_inside_an_open_bound_never_fails_for_want_of_a_source() {
    // invented: "more than 300 civilians … since April" stays within the
    // monitor's "at least 16" for Sunday without restating it
    let facts = "  - id: sunday\n    metric: killed\n    subject: civilians\n    min: 16\n    source: monitor\n    attribution: required\n    context: [Velmor]\n";
    assert_eq!(
        unattributed_severity(
            facts,
            "More than 300 civilians have been killed in Velmor since April."
        ),
        Some(Severity::Warning)
    );
    // the bound itself is a restatement: its source is required
    assert_eq!(
        unattributed_severity(
            facts,
            "At least 16 civilians were killed in Velmor on Sunday."
        ),
        Some(Severity::Error)
    );
}

#[test]
fn a_fact_about_others_fits_the_others_of_a_sentence() {
    // invented: the others take "children" from the figure before, but the
    // fact names them as the sentence writes them
    let facts = "  - id: children\n    metric: killed\n    subject: children\n    value: 4\n  - id: others\n    metric: injured\n    subject: others\n    value: 2\n";
    let f = figures(
        "Four children were killed and 20 others were wounded in the strike.",
        facts,
    );
    let g = f
        .iter()
        .find(|f| f.found.as_deref() == Some("20 others were wounded"));
    assert!(
        g.is_some_and(|g| g.status == Status::Mismatch
            && g.fact.as_deref() == Some("others")
            && g.severity == Severity::Error),
        "{f:?}"
    );
}

#[test]
fn a_place_in_the_speakers_name_does_not_name_a_fact() {
    // invented: two tolls of one province; the figure is the later one's
    // value, and the province stands only in the coroner's title
    let facts = "  - id: excess\n    metric: killed\n    subject: people\n    value: 600\n    context: [Norland, more deaths than usual]\n  - id: later\n    metric: killed\n    subject: people\n    value: 619\n    context: [later report]\n";
    let yaml = format!("version: 1\nsources:\n  - id: coroner\n    name: Chief Coroner of Norland\nfacts:\n{facts}");
    let reference = Reference::from_str(Path::new("ref.yaml"), &yaml).unwrap();
    let check = |text: &str| {
        let article = Article::from_text("a.md", text.to_string(), None).unwrap();
        Checker::new(&reference).check(&article).findings
    };
    let f = check("The Chief Coroner of Norland reported that 619 deaths were recorded that week.");
    let g = f.iter().find(|f| f.status == Status::Mismatch);
    assert!(
        g.is_some_and(|g| g.severity == Severity::Warning && g.correction.is_none()),
        "{f:?}"
    );
    // the province named for the figure itself still names the fact
    let f = check(
        "In Norland, 619 deaths were recorded that week, the Chief Coroner of Norland reported.",
    );
    let g = f.iter().find(|f| f.status == Status::Mismatch);
    assert!(
        g.is_some_and(|g| g.fact.as_deref() == Some("excess") && g.severity == Severity::Error),
        "{f:?}"
    );
}

#[test]
fn a_part_of_another_count_is_no_sure_count_of_a_fact_stated_elsewhere() {
    // invented: the children's toll is stated with its words; a later
    // "including two children" is a part of another strike's nine
    let facts = "  - id: children\n    metric: killed\n    subject: children\n    value: 5\n    context: [children, among the dead]\n  - id: districts\n    metric: killed\n    subject: civilians\n    value: 9\n    context: [districts]\n";
    let text = "Five children were among the dead. Shelling on the districts killed nine civilians including two children.";
    let f = figures(text, facts);
    let g = f
        .iter()
        .find(|f| f.found.as_deref() == Some("two children"));
    assert!(
        g.is_some_and(|g| g.status == Status::Mismatch && g.severity == Severity::Warning),
        "{f:?}"
    );
    // with the toll stated nowhere else the part is judged against it
    let text = "Shelling on the districts killed nine civilians including two children.";
    let f = figures(text, facts);
    let g = f
        .iter()
        .find(|f| f.found.as_deref() == Some("two children"));
    assert!(
        g.is_some_and(|g| g.status == Status::Mismatch && g.severity == Severity::Error),
        "{f:?}"
    );
}

#[test]
fn a_while_clause_with_its_own_count_places_only_that_count() {
    // copy that lost its commas: the words after "while" place the second
    // toll, not the first; without a second count they go on about it
    let facts = "  - id: day\n    metric: killed\n    subject: civilians\n    value: 19\n    context: [Sunday, air strikes, artillery fire]\n  - id: vellmark\n    metric: killed\n    subject: civilians\n    value: 17\n    context: [air strikes, Vellmark, Oskarn]\n  - id: brask\n    metric: killed\n    subject: civilians\n    value: 2\n    context: [artillery fire, Brask]\n";
    let text = "On Sunday air strikes on Vellmark and Oskarn killed 17 civilians while artillery fire on Brask killed two civilians.";
    assert_eq!(
        verdicts(text, facts),
        [
            (Status::Match, Some("vellmark".into())),
            (Status::Match, Some("brask".into()))
        ]
    );
    // (a paragraph that opens on the day's toll across the region)
    let facts = facts.replace("artillery fire]", "artillery fire, Lenn]");
    let text = "Air strikes and artillery fire killed 19 civilians across the Lenn region on Sunday. On Sunday air strikes on Vellmark and Oskarn killed 27 civilians while artillery fire on the town of Brask killed another two civilians.";
    assert_eq!(
        verdicts(text, &facts),
        [
            (Status::Match, Some("day".into())),
            (Status::Mismatch, Some("vellmark".into())),
            (Status::Match, Some("brask".into()))
        ]
    );
    let facts = "  - id: all\n    metric: killed\n    subject: people\n    value: 30\n  - id: villages\n    metric: killed\n    subject: people\n    min: 50\n    context: [160 villages, inundated]\n";
    let text = "At least 50 people died while 2 million were affected in 160 villages that were inundated.";
    assert_eq!(
        verdicts(text, facts),
        [(Status::Match, Some("villages".into()))]
    );
}
