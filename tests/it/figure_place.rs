//! Where a figure stands: the place and time words that tie it to one of
//! several facts of its metric (its own phrase first, then its clause, then
//! the paragraph's place). Articles invented for the test.

use factcheck::model::{Severity, Status};

use super::fact_choice::{figures, findings, matches_without_error, verdicts};

const THREE_PLACES: &str = "  - id: vell\n    metric: killed\n    min: 120\n    context: [Vellmark]\n  - id: osk\n    metric: killed\n    value: 64\n    context: [Oskarn]\n  - id: tarn\n    metric: killed\n    min: 31\n    context: [Tarnwick]\n";

const ISLES: &str = "  - id: country\n    metric: killed\n    subject: people\n    value: 40\n    context: [Vellmark]\n  - id: isle\n    metric: killed\n    subject: people\n    value: 6\n    context: [Isle of Vellmark]\n  - id: oskarn\n    metric: killed\n    subject: people\n    value: 9\n    context: [Oskarn]\n";

#[test]
fn each_figure_of_a_list_takes_its_own_place() {
    // invented: three tolls listed in one sentence, each with its place after it
    let text = "The storm killed at least 120 people in Vellmark, 46 in Oskarn and at least 31 in Tarnwick.";
    let f = figures(text, THREE_PLACES);
    let got: Vec<_> = f.iter().map(|f| (f.status, f.fact.as_deref())).collect();
    assert_eq!(
        got,
        [
            (Status::Match, Some("vell")),
            (Status::Mismatch, Some("osk")),
            (Status::Match, Some("tarn")),
        ]
    );
    // the fix is the number of Oskarn's fact; Tarnwick's open "at least 31"
    // does not pin a value, so it is not offered as what 46 may mean
    assert_eq!(
        f[1].correction.as_ref().map(|c| c.replacement.as_str()),
        Some("64")
    );
    assert!(!f[1].message.contains("`tarn`"), "{}", f[1].message);
}

#[test]
fn a_place_inside_the_phrase_beats_one_nearer_the_number() {
    // invented, wire style: two tolls, each place inside its own phrase, the
    // second place standing closer to the first number than its own
    let facts = "  - id: angar\n    metric: killed\n    value: 23\n    context: [Angar Dell]\n  - id: teris\n    metric: killed\n    value: 81\n    context: [Teris Moor]\n";
    let text = "The death toll in Angar Dell rose to 32 and the toll in Teris Moor in the north rose to 81.";
    let f = figures(text, facts);
    let got: Vec<_> = f.iter().map(|f| (f.status, f.fact.as_deref())).collect();
    assert_eq!(
        got,
        [
            (Status::Mismatch, Some("angar")),
            (Status::Match, Some("teris"))
        ]
    );
    assert_eq!(f[0].severity, Severity::Error);
}

#[test]
fn places_named_together_stay_tied() {
    // one figure, both places in its phrase: it may be their sum, so no fix
    let facts = "  - id: aleppo\n    metric: killed\n    value: 14\n    context: [Aleppo]\n  - id: idlib\n    metric: killed\n    value: 12\n    context: [Idlib]\n";
    let f = figures("Air strikes killed 30 people in Aleppo and Idlib.", facts);
    assert_eq!(f[0].status, Status::Mismatch);
    assert_eq!(f[0].severity, Severity::Warning);
    assert!(f[0].correction.is_none());
}

#[test]
fn a_place_phrase_belongs_to_the_figure_before_it() {
    // invented: the second place stands closer to the first figure's
    // successor than to its own figure, as running Wikipedia tolls write it
    let facts = "  - id: lorvale\n    metric: killed\n    min: 51\n    context: [Lorvale]\n  - id: brannick\n    metric: killed\n    value: 6\n    context: [Brannick]\n";
    let text =
        "At least 51 people died in Greater Lorvale, and six deaths had been reported in Brannick.";
    let got = verdicts(text, facts);
    assert_eq!(
        got,
        [
            (Status::Match, Some("lorvale".to_string())),
            (Status::Match, Some("brannick".to_string()))
        ]
    );
    // a place opening a clause belongs to the figure after it
    let facts = "  - id: aleppo\n    metric: killed\n    value: 14\n    context: [Aleppo]\n  - id: idlib\n    metric: killed\n    value: 12\n    context: [Idlib]\n";
    let f = figures(
        "Shelling killed 14 people in Aleppo, and in Idlib 21 died.",
        facts,
    );
    assert_eq!(
        (f[1].status, f[1].fact.as_deref(), f[1].severity),
        (Status::Mismatch, Some("idlib"), Severity::Error)
    );
}

#[test]
fn the_words_that_state_a_figure_place_it_only_after_the_places() {
    // invented: one fact's context repeats the verb every toll uses
    let facts = "  - id: vesk\n    metric: killed\n    value: 4\n    context: [Vesk, thought to have died]\n  - id: slide\n    metric: killed\n    max: 12\n    context: [landslide]\n";
    let f = figures(
        "As many as 12 people are thought to have died in a landslide in the hills.",
        facts,
    );
    assert_eq!(
        (f[0].status, f[0].fact.as_deref()),
        (Status::Match, Some("slide"))
    );
}

#[test]
fn a_fronted_time_phrase_belongs_to_the_figure_after_it() {
    // invented: two running tolls told apart only by when they were given
    let facts = "  - id: third-day\n    metric: killed\n    value: 120\n    context: [third day after the flood]\n  - id: nov-14\n    metric: killed\n    value: 310\n    context: [November 14, eight days after the flood]\n";
    let text = "By the third day after the flood, the toll reached 120,[4] and on November 14, eight days after the flood, the death toll reached 310.[5]";
    let got = verdicts(text, facts);
    assert_eq!(
        got,
        [
            (Status::Match, Some("third-day".to_string())),
            (Status::Match, Some("nov-14".to_string()))
        ]
    );
    // and a planted figure is judged against its own day's toll
    let f = figures(&text.replace("120", "210"), facts);
    assert_eq!(
        (f[0].status, f[0].fact.as_deref()),
        (Status::Mismatch, Some("third-day"))
    );
}

#[test]
fn a_place_of_another_figure_of_the_metric_does_not_place_this_one() {
    // invented: a toll and its breakdown by province in one sentence
    let facts = "  - id: country\n    metric: killed\n    subject: people\n    value: 2\n    context: [Vesteria]\n  - id: province\n    metric: killed\n    value: 1\n    context: [Arlo, Brenn]\n";
    let text = "Two people were dead, 1 in both Arlo and Brenn provinces, and two were injured in the province of Cade.";
    assert_eq!(
        verdicts(text, facts),
        [
            (Status::Match, Some("country".to_string())),
            (Status::Match, Some("province".to_string())),
            (Status::Unverified, None)
        ]
    );
}

#[test]
fn a_longer_name_holds_the_shorter_one() {
    // "Vellmark" inside "Isle of Vellmark" names the island: the island's
    // fact judges the figure, not the country's
    let f = figures("On the Isle of Vellmark, sixteen people died.", ISLES);
    assert_eq!(
        (f[0].status, f[0].fact.as_deref(), f[0].severity),
        (Status::Mismatch, Some("isle"), Severity::Error)
    );
    // a lower-case phrase is no name: both facts' words stand
    let facts = "  - id: now\n    metric: killed\n    value: 126\n    context: [updating a previous toll]\n  - id: before\n    metric: killed\n    value: 112\n    context: [previous toll]\n";
    let f = figures(
        "The blast killed 126 people, the monitor said, updating a previous toll of 112 dead.",
        facts,
    );
    let got: Vec<_> = f.iter().map(|f| (f.status, f.fact.as_deref())).collect();
    assert_eq!(
        got,
        [
            (Status::Match, Some("now")),
            (Status::Match, Some("before"))
        ]
    );
}

#[test]
fn a_sentence_with_no_place_is_about_the_paragraphs_place() {
    // "fewer than 7" agrees with the island's 6, but the paragraph is
    // about Oskarn: judged against Oskarn's 9
    let text = "In Oskarn, heavy rain and damage to roads were reported. Fewer than 7 people have died in the country.";
    let f = figures(text, ISLES);
    assert_eq!(
        (f[0].status, f[0].fact.as_deref()),
        (Status::Mismatch, Some("oskarn"))
    );
    // the paragraph's place alone does not call a figure wrong that
    // agrees with another fact the sentence fits as well: a warning, no fix
    let text = "In Oskarn, heavy rain and damage to roads were reported. Six people have died in the country.";
    let f = figures(text, ISLES);
    assert_eq!(
        (f[0].status, f[0].severity, f[0].correction.is_some()),
        (Status::Mismatch, Severity::Warning, false)
    );
    // a place that another figure of the metric took is that figure's
    let text = "In Oskarn, 9 people died. Six people have died in the country.";
    let f = figures(text, ISLES);
    assert_eq!(
        (f[1].status, f[1].fact.as_deref()),
        (Status::Match, Some("isle"))
    );
    // a new paragraph has no topic from the one before
    let text = "In Oskarn, heavy rain and damage to roads were reported.\n\nSix people have died in the country.";
    let f = figures(text, ISLES);
    assert_eq!(
        (f[0].status, f[0].fact.as_deref()),
        (Status::Match, Some("isle"))
    );
}

const TWO_PROVINCES: &str = "  - id: north\n    metric: killed\n    subject: people\n    value: 2\n    context: [Harl Province, billboards]\n  - id: south\n    metric: killed\n    subject: people\n    value: 13\n    context: [tornado, Brennmoor]\n";

#[test]
fn a_clause_about_something_else_keeps_its_words() {
    // the tornado and Brennmoor belong past ", while": they do not place
    // the two, and the place under a heading opens the clause of the two
    let text = "One person was reported killed on the coast.\n\nLandfall\nIn Harl Province, winds felled billboards and ripped roofs off houses and two people were killed, while a tornado was reported in Brennmoor, killing 13 people.";
    let got: Vec<_> = figures(text, TWO_PROVINCES)
        .iter()
        .map(|f| (f.status, f.fact.clone()))
        .collect();
    assert_eq!(
        got[1..],
        [
            (Status::Match, Some("north".to_string())),
            (Status::Match, Some("south".to_string()))
        ]
    );
}

/// `text` raises no error and no fix against `facts`, and does once its
/// figure is replaced by `wrong`: the warning is no blind spot.
fn no_error_until_wrong(facts: &str, text: &str, (right, wrong): (&str, &str)) {
    let f = figures(text, facts);
    let quiet =
        |f: &factcheck::model::Finding| f.severity != Severity::Error && f.correction.is_none();
    assert!(f.iter().all(quiet), "{f:?}");
    let f = figures(&text.replace(right, wrong), facts);
    assert!(f.iter().any(|f| f.severity == Severity::Error), "{f:?}");
}

#[test]
fn an_exact_figure_that_is_the_value_of_another_placed_fact_is_no_error() {
    // invented: two facts of the metric are both placed in the sentence;
    // the man's words stand nearest the only figure, whose value is the
    // bodies' fact's. The sentence cannot say which is meant: a warning,
    // never a rewrite to the man's "one"; a wrong count is still an error.
    let facts = "  - id: man\n    metric: killed\n    subject: man\n    value: 1\n    context: [Dunmore Prefecture, drowned in his car]\n  - id: bodies\n    metric: killed\n    subject: bodies\n    value: 2\n    context: [riverbank, bodies]\n";
    let text = "In Dunmore Prefecture, a 60-year man drowned in his car, due to a swollen river, and two bodies were recovered from a riverbank.";
    no_error_until_wrong(facts, text, ("two bodies", "five bodies"));
}

#[test]
fn an_exact_figure_that_is_another_metrics_fact_is_no_error() {
    // invented: the reference counts the fishermen as dead or missing; the
    // article's "feared dead" reads as a toll. The number is the
    // reference's; the metric may differ: a warning, no fix.
    let facts = "  - id: lost\n    metric: dead-or-missing\n    subject: fishermen\n    value: 32\n    context: [Offshore, feared dead]\n  - id: drowned\n    metric: killed\n    subject: fishermen\n    value: 3\n    context: [drowned]\n";
    no_error_until_wrong(
        facts,
        "Offshore, 32 fishermen were feared dead.",
        ("32", "23"),
    );
}

#[test]
fn a_place_opening_a_sentence_is_not_the_figure_of_the_sentence_before() {
    // invented Wikipedia-style copy: the hamlet and its island open the
    // sentence after a figure and a citation marker; they place the 900,
    // which the island's overall toll (74) must not judge
    let facts = "  - id: island\n    metric: killed\n    subject: people\n    value: 74\n    context: [Carrow]\n  - id: hamlet\n    metric: killed\n    subject: people\n    value: 900\n    context: [Belmont, hamlet]\n  - id: island-missing\n    metric: missing\n    value: 95\n    context: [Carrow]\n";
    let text = "On Carrow, 74 people were killed and 95 were listed missing.[17] In the hamlet of Belmont on the remote island of Carrow, 900 people lost their lives.[21]\n";
    matches_without_error(text, facts, "hamlet");
}

#[test]
fn a_place_after_including_places_the_part_not_the_whole() {
    // invented: the boat's six are a part of the storm's thirteen; the
    // boat's name stands after "including" and places only them
    let facts = "  - id: total\n    metric: killed\n    subject: people\n    value: 13\n    context: [in total]\n  - id: boat\n    metric: killed\n    value: 6\n    context: [Marta Lund]\n";
    let text = "Overall there were thirteen confirmed deaths,[6][7] including six on board Marta Lund, a swordfishing boat. The vessel left Brask.\n";
    matches_without_error(text, facts, "total");
}

#[test]
fn a_word_across_a_contrast_does_not_place_the_figure() {
    // invented: the higher estimate's words stand after ", though"; they
    // do not make the official toll a wrong figure for the estimate
    let facts = "  - id: toll\n    metric: killed\n    subject: people\n    value: 235\n    context: [death toll]\n  - id: estimate\n    metric: killed\n    value: 1000\n    context: [some estimate]\n";
    let text =
        "The death toll was 235, though some estimate 1,000.[7] Teachers kept children inside.\n";
    matches_without_error(text, facts, "toll");
}

#[test]
fn a_smaller_count_where_nothing_places_the_fact_may_be_a_part_of_it() {
    // invented: the storm's running total is placed by its date; the
    // paragraphs after it give local counts, parts of that total
    let facts =
        "  - id: injured-total\n    metric: injured\n    min: 12\n    context: [As of 4 May]\n";
    let text = "As of 4 May, at least 12 people had been injured by the storm.\n\nIn the port of Vellmark, lightning injured two dockers.";
    let f = figures(text, facts);
    let local = f
        .iter()
        .find(|f| f.found.as_deref().is_some_and(|s| s.contains("two")))
        .unwrap();
    assert_eq!(local.status, Status::Mismatch);
    assert_eq!(local.severity, Severity::Warning, "{}", local.message);
    assert!(local.correction.is_none());
    // the same count in the paragraph that places the fact contradicts it
    let text = "As of 4 May, the storm had injured 2 people and flooded the port.";
    let f = figures(text, facts);
    assert_eq!(
        (f[0].status, f[0].severity),
        (Status::Mismatch, Severity::Error)
    );
    // and a larger count is no part: still an error with its fix
    let exact =
        "  - id: injured-total\n    metric: injured\n    value: 12\n    context: [As of 4 May]\n";
    let text = "As of 4 May, 12 people had been injured.\n\nThe storm injured 40 people.";
    let f = figures(text, exact);
    let big = f
        .iter()
        .find(|f| f.found.as_deref().is_some_and(|s| s.contains("40")))
        .unwrap();
    assert_eq!(big.severity, Severity::Error, "{}", big.message);
    // a context word that only states the figure ("over 70 people")
    // places nothing: a changed figure is judged as if the fact had none
    let facts = "  - id: hurt\n    metric: injured\n    min: 70\n    context: [over 70 people]\n";
    let f = figures("Elsewhere, fewer than 70 people were injured.", facts);
    assert_eq!(
        (f[0].status, f[0].severity),
        (Status::Mismatch, Severity::Error)
    );
}

#[test]
fn a_part_of_the_figure_before_does_not_contradict_it() {
    // invented: a whole that agrees and a part of it ("6 of whom")
    let facts = "  - id: state-dead\n    metric: killed\n    value: 13\n    context: [Vellmark]\n";
    let text = "At least 13 people died across Vellmark, 6 of whom died in a landslide.";
    let f = figures(text, facts);
    assert_eq!(f[0].status, Status::Match);
    assert!(
        f.iter().all(|f| f.severity < Severity::Error),
        "{:?}",
        f.iter().map(|f| &f.message).collect::<Vec<_>>()
    );
    // two parts of two wholes with the same people: the second contradicts
    let facts = "  - id: children\n    metric: killed\n    subject: children\n    value: 2\n    context: [market]\n";
    let text = "Eleven civilians including two children were killed at the market and a dozen civilians including five children were killed at the market.";
    let f = figures(text, facts);
    let five = f
        .iter()
        .find(|f| f.found.as_deref().is_some_and(|s| s.starts_with("five")))
        .unwrap();
    assert_eq!(
        (five.status, five.severity),
        (Status::Mismatch, Severity::Error),
        "{}",
        five.message
    );
}

#[test]
fn a_figure_that_goes_on_in_the_words_of_the_sentence_before_is_not_surely_unsourced() {
    // invented: the monitor named in the sentence before; the next one
    // gives its second figure without a cue
    let facts = "  - id: hurt\n    metric: injured\n    min: 110\n    source: monitor\n    attribution: required\n    context: [strikes]\n";
    let text = "The monitor said at least 40 civilians were killed in strikes on two villages. At least 110 others were injured in the strikes.";
    let all = findings(text, facts);
    let missing = all
        .iter()
        .find(|f| f.status == Status::Unattributed && f.fact.as_deref() == Some("hurt"))
        .unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(missing.severity, Severity::Warning, "{}", missing.message);
    // with no source before it, the missing source fails the check
    let text = "Heavy strikes hit two villages on Sunday. At least 110 others were injured in the strikes.";
    let all = findings(text, facts);
    assert!(
        all.iter()
            .any(|f| f.status == Status::Unattributed && f.severity == Severity::Error),
        "{all:?}"
    );
    // nor does a headline name its source
    let text = "Strikes Leave 110 Injured Near Two Villages\n\nAt least 110 people were injured in the strikes, the monitor said.";
    let all = findings(text, facts);
    assert!(all.iter().all(|f| f.severity < Severity::Error), "{all:?}");
}

#[test]
fn a_part_and_a_figure_placed_nearer_another_fact_are_no_errors() {
    // invented: the city's six dead civilians; a district's two, one of
    // them a child, which a fact of its own places
    let facts = "  - id: city\n    metric: killed\n    subject: civilians\n    value: 6\n    context: [civilians, rocket, shells]\n  - id: district\n    metric: killed\n    value: 2\n    source: monitor\n    context: [two, civilians, child, Midvale]\n";
    let text = "The monitor said that gunmen fired 10 rocket shells on the Midvale neighbourhood in the morning and that the attack claimed the lives of two civilians one of them a child.";
    let all = figures(text, facts);
    assert!(
        all.iter().all(|f| f.severity < Severity::Error),
        "{:?}",
        all.iter().map(|f| &f.message).collect::<Vec<_>>()
    );
    assert!(all.iter().any(|f| f.status == Status::Mismatch));
}

#[test]
fn a_figure_the_article_credits_at_another_mention_is_not_surely_unsourced() {
    // invented: a lede restating the monitor's figure, credited further down
    let facts = "  - id: hurt\n    metric: injured\n    min: 110\n    source: monitor\n    attribution: required\n";
    let text = "Strikes on two villages left more than 110 people injured on Sunday.\n\nThe monitor said at least 110 people were injured in the strikes.";
    let all = findings(text, facts);
    let missing = all
        .iter()
        .find(|f| f.status == Status::Unattributed)
        .unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(missing.severity, Severity::Warning, "{}", missing.message);
    // a mention that goes on in the words of the sentence before, which
    // names the monitor, credits it too
    let text = "Strikes on two villages left more than 110 people injured on Sunday.\n\nThe monitor said 40 civilians were killed in the strikes. At least 110 others were injured in the attacks.";
    let all = findings(text, facts);
    let missing = all
        .iter()
        .find(|f| f.status == Status::Unattributed)
        .unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(missing.severity, Severity::Warning, "{}", missing.message);
    // with no credited mention, it fails
    let text = "Strikes on two villages left more than 110 people injured on Sunday.";
    let all = findings(text, facts);
    assert!(
        all.iter()
            .any(|f| f.status == Status::Unattributed && f.severity == Severity::Error),
        "{all:?}"
    );
}

const TWO_EVACUATIONS: &str = "  - id: north\n    metric: evacuated\n    subject: people\n    value: 150000\n    context: [Vellmark]\n  - id: floods\n    metric: evacuated\n    subject: people\n    value: 128000\n    context: [floods, Oskarn]\n";

#[test]
fn a_sentence_naming_its_own_place_is_not_the_paragraphs_topic() {
    // invented: the paragraph names Vellmark, but the figure's sentence
    // places itself in a province no fact names
    let text = "In Vellmark, schools closed as the storm neared. Across Tarnwick province, 99,000 people were evacuated.";
    let f = figures(text, TWO_EVACUATIONS);
    assert!(!f.iter().any(|f| f.severity == Severity::Error), "{f:?}");
    // the paragraph's place still places a sentence that names none (a
    // larger figure: a smaller one there may be a part)
    let text =
        "In Vellmark, schools closed as the storm neared. Later, 199,000 people were evacuated.";
    let f = figures(text, TWO_EVACUATIONS);
    assert_eq!(
        (f[0].status, f[0].fact.as_deref(), f[0].severity),
        (Status::Mismatch, Some("north"), Severity::Error)
    );
}

#[test]
fn a_common_noun_does_not_outweigh_another_facts_value() {
    // invented: "floods" is one of a fact's words, but the figure states
    // the other fact's value exactly: a warning, never an error
    let text =
        "Overall, about 150,000 were evacuated, with 7,500 people needing help after the floods.";
    let f = figures(text, TWO_EVACUATIONS);
    let g = f
        .iter()
        .find(|f| f.found.as_deref() == Some("about 150,000 were evacuated"));
    assert!(
        g.is_some_and(|g| g.severity <= Severity::Warning && g.correction.is_none()),
        "{f:?}"
    );
    // a name of the other fact still makes it an error ("in Oskarn")
    let text = "Overall, about 150,000 were evacuated in Oskarn after the floods.";
    let f = figures(text, TWO_EVACUATIONS);
    assert_eq!(
        (f[0].status, f[0].fact.as_deref(), f[0].severity),
        (Status::Mismatch, Some("floods"), Severity::Error)
    );
}

#[test]
fn a_figure_summing_up_what_came_before_is_no_sure_toll() {
    // invented: three deaths told one by one, then summed up with "these"
    let facts = "  - id: direct\n    metric: killed\n    subject: people\n    value: 2\n    context: [directly, Vellmark]\n";
    let text = "A girl drowned in a canal and a man died of a fall. A woman drowned in a river. These three deaths were not directly related to the storm.";
    let f = figures(text, facts);
    let g = f
        .iter()
        .find(|f| f.found.as_deref() == Some("three deaths"));
    assert!(
        g.is_some_and(|g| g.status == Status::Mismatch && g.severity == Severity::Warning),
        "{f:?}"
    );
    // the same words without the demonstrative are a toll
    let text = "Three deaths were directly related to the storm in Vellmark.";
    let f = figures(text, facts);
    assert_eq!(
        (f[0].status, f[0].severity),
        (Status::Mismatch, Severity::Error)
    );
}

#[test]
fn a_region_the_sentence_describes_may_count_a_part() {
    // invented: the storm's whole toll, then a count for some of the
    // states it crossed, told with the storm's own words
    let facts = "  - id: total\n    metric: killed\n    subject: people\n    min: 120\n    context: [Hurricane Odra, blamed]\n  - id: coast\n    metric: killed\n    subject: people\n    value: 70\n    context: [United States]\n";
    let text = "In total, 19 deaths were blamed on Hurricane Odra in the northern states.";
    let f = figures(text, facts);
    let g = f.iter().find(|f| f.found.as_deref() == Some("19 deaths"));
    assert!(
        g.is_some_and(|g| g.status == Status::Mismatch
            && g.severity == Severity::Warning
            && g.correction.is_none()),
        "{f:?}"
    );
    // without the region the count is the storm's: an error
    let text = "In total, 19 deaths were blamed on Hurricane Odra.";
    let f = figures(text, facts);
    assert_eq!(
        (f[0].status, f[0].fact.as_deref(), f[0].severity),
        (Status::Mismatch, Some("total"), Severity::Error)
    );
}

#[test]
fn a_figure_placed_by_its_own_phrase_in_a_list_is_its_places() {
    // invented: a list of provinces, one of which no fact names; the
    // figure's own "in Tarsk" ties it to Tarsk's fact
    let facts = "  - id: all\n    metric: killed\n    subject: people\n    value: 30\n    context: [in total]\n  - id: tarsk\n    metric: killed\n    subject: people\n    value: 12\n    context: [Tarsk]\n  - id: brask\n    metric: killed\n    subject: people\n    value: 9\n    context: [Brask]\n";
    let text = "In total, the floods killed 30 people, including 21 in Tarsk, 9 in Brask and 2 in Velmora.";
    let f = figures(text, facts);
    let g = f.iter().find(|f| f.found.as_deref() == Some("21"));
    assert!(
        g.is_some_and(|g| g.status == Status::Mismatch
            && g.fact.as_deref() == Some("tarsk")
            && g.severity == Severity::Error),
        "{f:?}"
    );
}

#[test]
fn a_name_that_says_it_is_a_region_is_a_place_of_its_own() {
    // invented: a county's toll in a sentence that names the state only as
    // where the county lies
    let facts = "  - id: state\n    metric: killed\n    subject: people\n    value: 40\n    context: [Norland]\n  - id: coast\n    metric: killed\n    subject: people\n    value: 12\n    context: [Velmora]\n";
    let text = "Harlow County had 9 fatalities, the most of any county in Norland.";
    let f = figures(text, facts);
    assert!(
        f.first().is_some_and(|g| g.status == Status::Mismatch
            && g.severity == Severity::Warning
            && g.correction.is_none()),
        "{f:?}"
    );
    let text = "Norland had 9 fatalities, the most of any state.";
    let f = figures(text, facts);
    assert_eq!(
        (f[0].status, f[0].fact.as_deref(), f[0].severity),
        (Status::Mismatch, Some("state"), Severity::Error)
    );
}
