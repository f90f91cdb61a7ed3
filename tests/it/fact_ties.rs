//! How surely a figure is tied to the fact it disagrees with: an error
//! only when its own sentence ties them (the same subject noun, a word of
//! the fact, or no other fact of the metric); a place named earlier in the
//! paragraph, a subject that only fits, or nothing at all make a warning
//! without a fix when the figure may count a part or something else.
//! Articles invented for the test.

use factcheck::model::{Finding, Severity, Status};

use super::fact_choice::figures;

/// The finding on the figure whose words are `found`.
pub(super) fn on<'f>(f: &'f [Finding], found: &str) -> &'f Finding {
    f.iter()
        .find(|f| f.found.as_deref() == Some(found))
        .unwrap_or_else(|| panic!("no finding on {found}: {f:?}"))
}

/// Several injury counts, each with its place; one names "persons".
const INJURED: &str = "  - id: north\n    metric: injured\n    subject: civilians\n    value: 3\n    context: [Vellmark]\n  - id: south\n    metric: injured\n    subject: persons\n    value: 8\n    context: [Oskarn]\n";

#[test]
fn a_figure_that_only_fits_by_subject_is_no_sure_error() {
    // invented: "three others" names no one and no place; only the fact
    // about "persons" fits it by subject, and it is placed elsewhere
    let text = "Shells fell on a market, the source said, killing two persons and injuring three others. Later, eight persons were hurt in Oskarn.";
    let f = figures(text, INJURED);
    let g = on(&f, "injuring three");
    assert_eq!(
        (g.status, g.severity),
        (Status::Mismatch, Severity::Warning)
    );
    assert!(g.correction.is_none());
    // its place in the sentence makes it an error again
    let text = "Shells fell on a market in Oskarn, killing two persons and injuring three others.";
    let f = figures(text, INJURED);
    let g = on(&f, "injuring three");
    assert_eq!(
        (g.fact.as_deref(), g.severity),
        (Some("south"), Severity::Error)
    );
}

/// A total over two regions and one region's toll.
const TOLLS: &str = "  - id: total\n    metric: killed\n    subject: people\n    min: 116\n    context: [Vellmark, Oskarn, throughout]\n  - id: tarn\n    metric: killed\n    subject: people\n    value: 25\n    context: [Tarnwick]\n";

#[test]
fn a_smaller_figure_placed_only_by_the_paragraph_may_be_a_part() {
    // invented: the paragraph names Oskarn, one of the regions the total
    // counts, and the sentence gives that region's own toll
    let text = "Floods cut roads across Oskarn for a week. Damage reached $5 million, and the death toll stood at 45.";
    let f = figures(text, TOLLS);
    let g = on(&f, "death toll stood at 45");
    assert_eq!(
        (g.status, g.severity),
        (Status::Mismatch, Severity::Warning)
    );
    // the fact's word in the sentence makes it sure
    let text =
        "Floods cut roads for a week. Throughout Vellmark and Oskarn, the death toll stood at 45.";
    let f = figures(text, TOLLS);
    let g = on(&f, "death toll stood at 45");
    assert_eq!(
        (g.fact.as_deref(), g.severity),
        (Some("total"), Severity::Error)
    );
}

#[test]
fn a_function_word_in_context_places_nothing() {
    // invented: "throughout the country" shares only a function word with
    // the total's context; a country-wide count is not Tarnwick's either
    let text = "In Tarnwick, a bridge fell. As many as 9,000 people were affected throughout the country, and there were 37 confirmed fatalities.";
    let f = figures(text, TOLLS);
    let g = on(&f, "37 confirmed fatalities");
    assert_eq!(g.severity, Severity::Warning, "{g:?}");
}

#[test]
fn an_increment_is_no_whole_toll() {
    // invented: "one more death" adds to the deaths told before
    let facts = "  - id: coast\n    metric: killed\n    subject: people\n    value: 7\n    context: [Vellmark, suicide]\n  - id: isle\n    metric: killed\n    subject: people\n    value: 5\n    context: [Oskarn]\n";
    let text = "A man drowned at a beach in Vellmark. One more death occurred there the next day, a suspected suicide.";
    let f = figures(text, facts);
    let g = on(&f, "One more death");
    assert_eq!(
        (g.status, g.severity),
        (Status::Mismatch, Severity::Warning)
    );
    // without "more" it is a toll of the coast, and wrong
    let text = "A man drowned at a beach in Vellmark. One death occurred there the next day, a suspected suicide.";
    let f = figures(text, facts);
    assert_eq!(on(&f, "One death").severity, Severity::Error);
}

#[test]
fn words_that_state_the_figure_tie_it() {
    // invented: the running toll's own words ("death toll") in the phrase
    let facts = "  - id: total\n    metric: killed\n    subject: people\n    value: 4\n    context: [death toll]\n  - id: city\n    metric: killed\n    subject: people\n    value: 2\n    context: [Vellmark]\n";
    let text = "In Vellmark two homeless people died. A car crash followed, bringing the death toll up to 14.";
    let f = figures(text, facts);
    let g = on(&f, "death toll up to 14");
    assert_eq!(
        (g.fact.as_deref(), g.severity),
        (Some("total"), Severity::Error)
    );
}

#[test]
fn a_narrower_count_beside_the_facts_own_figure_is_some_of_them() {
    // invented: the fact's figure is stated; "left homeless" counts some
    // of the displaced
    let facts = "  - id: shelter\n    metric: displaced\n    subject: people\n    value: 7345\n    context: [Vellmark]\n";
    let text = "In Vellmark 7,345 people were displaced. Thirty people were killed, and 574 people were left homeless.";
    let f = figures(text, facts);
    let g = on(&f, "574 people were left homeless");
    assert_eq!(
        (g.status, g.severity),
        (Status::Mismatch, Severity::Warning)
    );
    assert!(g.correction.is_none());
    // alone, "left homeless" is the displaced count, and wrong
    let text = "In Vellmark 574 people were left homeless.";
    let f = figures(text, facts);
    assert_eq!(
        on(&f, "574 people were left homeless").severity,
        Severity::Error
    );
}

#[test]
fn a_part_of_the_facts_place_may_count_a_part() {
    // invented: the fact counts Vellmark; the sentence counts its western
    // coasts (lexicon `subregions`)
    let facts = "  - id: vell\n    metric: evacuated\n    subject: people\n    min: 300000\n    context: [Vellmark]\n  - id: osk\n    metric: evacuated\n    subject: people\n    value: 9000\n    context: [Oskarn]\n";
    let text =
        "Officials moved fast. 60,000 were evacuated overnight from Vellmark's western coasts.";
    let f = figures(text, facts);
    let g = on(&f, "60,000 were evacuated");
    assert_eq!(
        (g.status, g.severity),
        (Status::Mismatch, Severity::Warning)
    );
    // the whole place, with a part named after "including", stays sure
    let text = "Officials moved fast. Over 60,000 people evacuated their homes in Vellmark, including everyone in Tarn Parish.";
    let f = figures(text, facts);
    let g = on(&f, "Over 60,000 people evacuated");
    assert_eq!(
        (g.fact.as_deref(), g.severity),
        (Some("vell"), Severity::Error)
    );
}

/// A storm's toll over a range and another storm's, and a town's count.
const BOUNDS: &str = "  - id: storm\n    metric: killed\n    subject: people\n    min: 29\n    max: 32\n  - id: earlier\n    metric: killed\n    subject: people\n    value: 60\n  - id: town\n    metric: killed\n    subject: people\n    value: 8\n";

#[test]
fn a_bound_on_a_facts_own_number_is_about_that_fact() {
    // invented: "fewer than 29" names the storm's number, though it stays
    // within the town's 8 and no word of either stands in the sentence
    let text = "The storm swept the islands for two days. Fewer than 29 people were killed, officials said.";
    let f = figures(text, BOUNDS);
    let g = on(&f, "Fewer than 29 people were killed");
    assert_eq!(
        (g.status, g.fact.as_deref(), g.severity),
        (Status::Mismatch, Some("storm"), Severity::Error)
    );
    assert!(g.correction.is_some());
    // the number as the reference has it agrees
    let text =
        "The storm swept the islands for two days. At least 29 people were killed, officials said.";
    let f = figures(text, BOUNDS);
    let g = on(&f, "At least 29 people were killed");
    assert_eq!(
        (g.status, g.fact.as_deref()),
        (Status::Match, Some("storm"))
    );
    // a number no fact states still leaves the choice open
    let text = "The storm swept the islands for two days. Fewer than 20 people were killed, officials said.";
    let f = figures(text, BOUNDS);
    let g = on(&f, "Fewer than 20 people were killed");
    assert_ne!(g.severity, Severity::Error);
}

#[test]
fn a_kind_of_people_the_sentence_places_fits_as_people_do() {
    // invented: a bus bombing's wounded (people) named earlier in the
    // paragraph; the sentence is about a gas attack whose wounded the
    // reference counts as civilians, and names no one for "500 more"
    let facts = "  - id: bus\n    metric: injured\n    subject: people\n    value: 25\n    context: [bus, Tarvik]\n  - id: gas\n    metric: injured\n    subject: civilians\n    value: 500\n    context: [gas, attack, Tuesday]\n";
    let text = "A bomb on a bus in Tarvik wounded 25 people. On Tuesday in a gas attack some 90 civilians were killed and 500 more injured.";
    let f = figures(text, facts);
    let g = on(&f, "500 more injured");
    assert_eq!((g.status, g.fact.as_deref()), (Status::Match, Some("gas")));
    let text = "A bomb on a bus in Tarvik wounded 25 people. On Tuesday in a gas attack some 90 civilians were killed and 50 more injured.";
    let f = figures(text, facts);
    let g = on(&f, "50 more injured");
    assert_eq!(
        (g.status, g.fact.as_deref()),
        (Status::Mismatch, Some("gas"))
    );
}

#[test]
fn the_only_fact_placed_elsewhere_is_no_sure_error() {
    // invented: the one injury count is Merrin's; the sentence places its
    // own count in Dorvale
    let facts = "  - id: merrin\n    metric: injured\n    subject: people\n    value: 2\n    context: [Merrin, generator]\n";
    let text =
        "In Dorvale, the storm killed 13 people, and another 40 people were severely injured.";
    let f = figures(text, facts);
    let g = on(&f, "40 people were severely injured");
    assert_eq!(
        (g.status, g.severity),
        (Status::Mismatch, Severity::Warning)
    );
    // the fact's place in the sentence makes it sure
    let text =
        "In Merrin, the storm killed 13 people, and another 40 people were severely injured.";
    let f = figures(text, facts);
    let g = on(&f, "40 people were severely injured");
    assert_eq!(g.severity, Severity::Error);
}

#[test]
fn a_figure_placed_by_fewer_words_than_the_facts_own_may_count_something_else() {
    // invented: the country's toll is stated with its place, rains and
    // landslides; a later landslide's one death shares one word with it
    let facts = "  - id: ostria\n    metric: killed\n    subject: people\n    value: 8\n    context: [Ostria, rains, landslide]\n  - id: velm\n    metric: killed\n    subject: people\n    value: 77\n    context: [Velm]\n";
    let text = "In Ostria, rains and a landslide killed 8 people. In Velm, 77 people died. Later, a landslide in the hills buried a farm and killed one person.";
    let f = figures(text, facts);
    let g = on(&f, "killed one person");
    assert_eq!(
        (g.status, g.fact.as_deref(), g.severity),
        (Status::Mismatch, Some("ostria"), Severity::Warning)
    );
    // the same count placed as the fact's own figure is an error
    let text = "In Ostria, rains and a landslide killed 8 people. In Velm, 77 people died. In Ostria, rains and a landslide killed one person.";
    let f = figures(text, facts);
    assert!(f
        .iter()
        .any(|g| g.status == Status::Mismatch && g.severity == Severity::Error));
}

#[test]
fn a_count_added_to_what_was_told_is_another_count() {
    // invented: the tornadoes' toll is stated; a later sentence adds the
    // region's other deaths
    let facts = "  - id: tornadoes\n    metric: killed\n    subject: people\n    value: 6\n    context: [Ostria, tornadoes]\n  - id: coast\n    metric: killed\n    subject: people\n    value: 12\n    context: [Varn]\n";
    let text = "Tornadoes in Ostria killed 6 people. Along the coast of Varn, 12 people died. In addition, nine fatalities were reported in Ostria.";
    let f = figures(text, facts);
    let g = on(&f, "nine fatalities");
    assert_eq!(
        (g.status, g.fact.as_deref(), g.severity),
        (Status::Mismatch, Some("tornadoes"), Severity::Warning)
    );
    let text = "Tornadoes in Ostria killed 6 people. Along the coast of Varn, 12 people died. Nine fatalities were reported in Ostria.";
    let f = figures(text, facts);
    let g = on(&f, "Nine fatalities");
    assert_eq!(g.severity, Severity::Error);
}

#[test]
fn a_bound_on_the_number_of_a_fact_the_sentence_names_is_that_facts() {
    // invented: a list after the colon names the capital's three deaths
    // in words of that fact; "at least 55" writes the storm's own number
    let facts = "  - id: storm\n    metric: killed\n    subject: people\n    min: 55\n    context: [attributed to the storm]\n  - id: capital\n    metric: killed\n    subject: people\n    value: 3\n    context: [Amel, D.V., shoveling]\n";
    let text = "Fewer than 55 fatalities have been attributed to the storm: 12 in Varn, 9 in Ostria and 3 in Amel, D.V., where they died shoveling snow.";
    let f = figures(text, facts);
    let g = on(&f, "Fewer than 55 fatalities");
    assert_eq!(
        (g.status, g.fact.as_deref()),
        (Status::Mismatch, Some("storm"))
    );
}

#[test]
fn a_sentence_of_another_month_may_count_another_period() {
    // invented: the June toll's words, but the sentence is about July
    let facts = "  - id: june\n    metric: killed\n    subject: people\n    value: 830\n    source: ministry\n    context: [health ministry, June, total]\n";
    let text =
        "Final estimates from the health ministry placed the total July death toll at 2,063.";
    let f = figures(text, facts);
    let g = on(&f, "death toll at 2,063");
    assert_eq!(
        (g.status, g.severity),
        (Status::Mismatch, Severity::Warning)
    );
    let text =
        "Final estimates from the health ministry placed the total June death toll at 2,063.";
    let f = figures(text, facts);
    let g = on(&f, "death toll at 2,063");
    assert_eq!(g.severity, Severity::Error);
}

/// Two islands' tolls; one fact's only common word is "island".
const ISLANDS: &str = "  - id: north-side\n    metric: killed\n    subject: people\n    value: 4\n    context: [north side, island]\n  - id: brask\n    metric: killed\n    subject: people\n    value: 10\n    context: [Brask]\n";

#[test]
fn the_island_refers_back_and_places_no_fact() {
    // invented: a section about another island says "on the island"; the
    // fact whose only word there is "island" counts a different one
    let text = "Velland\nThe storm flattened the harbour at Velland. One death was reported on the island.";
    let f = figures(text, ISLANDS);
    let g = on(&f, "One death");
    assert_eq!(
        (g.status, g.severity),
        (Status::Mismatch, Severity::Warning)
    );
    assert!(g.correction.is_none());
    // the fact's own words in the sentence tie it
    let text = "The storm killed one person on the north side of the island.";
    let f = figures(text, ISLANDS);
    let g = on(&f, "killed one person");
    assert_eq!(
        (g.fact.as_deref(), g.severity),
        (Some("north-side"), Severity::Error)
    );
}

/// Two facts of the same figure: the lede's total and the body's.
const SAME: &str = "  - id: lede\n    metric: killed\n    subject: people\n    min: 12\n    context: [three states]\n  - id: body\n    metric: killed\n    subject: people\n    min: 12\n    context: [falling trees]\n";

#[test]
fn facts_that_give_the_same_figure_judge_it_alike() {
    // invented: the body's count sits in an "including" list, so neither
    // fact's words place it; both say at least 12, so "fewer than 12" is
    // wrong whichever it means, and the lede's fact is stated already
    let text = "Storms killed at least 12 people across three states. Fewer than 12 people were killed, including two by falling trees.";
    let f = figures(text, SAME);
    let g = on(&f, "Fewer than 12 people were killed");
    assert_eq!(
        (g.status, g.fact.as_deref(), g.severity),
        (Status::Mismatch, Some("body"), Severity::Error)
    );
    let fix = g.correction.as_ref().expect("a fix");
    assert_eq!(fix.replacement, "At least ");
    // facts with different figures stay a tie, said as such
    // (neither of the figure's own number, which would choose it)
    let apart = SAME
        .replacen("min: 12", "min: 15", 1)
        .replace("min: 12", "min: 20");
    let f = figures(text, &apart);
    let g = on(&f, "Fewer than 12 people were killed");
    assert_eq!(
        (g.status, g.severity),
        (Status::Mismatch, Severity::Warning)
    );
}
