//! Whom the article credits, against whom the reference has a claim from:
//! a wrong source, a source shared, a guessed speaker, speech inside
//! speech, a witness quoted by a medium. Articles invented for the test.

use std::path::Path;

use factcheck::model::{Finding, Severity, Status};
use factcheck::{Article, Checker, Reference};

use super::fact_choice::findings;

/// The misattribution among `f`, asserted to be a guess: a warning
/// without a fix.
fn a_guess(f: &[Finding]) -> &Finding {
    let m = f
        .iter()
        .find(|f| f.status == Status::Misattributed)
        .unwrap_or_else(|| panic!("{f:?}"));
    assert_eq!(m.severity, Severity::Warning, "{m:?}");
    assert!(m.correction.is_none(), "{m:?}");
    m
}

/// Each finding's status and fact, but the unattributed quotes'.
fn credited(f: &[Finding]) -> Vec<(Status, Option<&str>)> {
    f.iter()
        .filter(|f| f.status != Status::Unattributed)
        .map(|f| (f.status, f.fact.as_deref()))
        .collect()
}

/// Findings for `text` against a reference given whole.
fn check(yaml: &str, text: &str) -> Vec<Finding> {
    let reference =
        Reference::from_str(Path::new("ref.yaml"), yaml).unwrap_or_else(|e| panic!("{e}"));
    let article = Article::from_text("a.md", text.to_string(), None).unwrap();
    Checker::new(&reference).check(&article).findings
}

#[test]
fn a_figure_credited_to_the_wrong_source_is_a_misattribution_not_a_wrong_number() {
    // 21 is the monitor's figure in the reference; the article gives it to
    // the ministry, whose own figure for the day is 8: the source is wrong
    let facts = "  - id: ministry-toll\n    metric: killed\n    subject: people\n    value: 8\n    source: ministry\n  - id: monitor-toll\n    metric: killed\n    subject: people\n    value: 21\n    source: monitor\n    context: [since dawn]\n";
    let text = "Another 21 people died in the strikes since dawn, the ministry said.";
    let all = findings(text, facts);
    assert_eq!(
        credited(&all),
        [
            (Status::Match, Some("monitor-toll")),
            (Status::Misattributed, Some("monitor-toll"))
        ]
    );
    // the fix writes the fewest words: "the monitor", not "the war monitor"
    let fix = all
        .iter()
        .find_map(|f| f.correction.as_ref())
        .map(|c| (&text[c.start..c.end], c.replacement.as_str()));
    assert_eq!(fix, Some(("ministry", "monitor")));
}

#[test]
fn a_claim_two_sources_make_together_is_no_misattribution() {
    let facts = "  - id: toll\n    metric: killed\n    subject: people\n    value: 21\n    source: monitor\nstatements:\n  - id: dam\n    speaker: monitor\n    says: the dam had burst overnight\n";
    let statuses = |text: &str| -> Vec<Status> {
        findings(text, facts)
            .iter()
            .map(|f| f.status)
            .filter(|s| *s != Status::Unattributed)
            .collect()
    };
    assert_eq!(
        statuses("Both the ministry and the monitor said 21 people died."),
        [Status::Match]
    );
    assert_eq!(
        statuses("Both the monitor and the ministry reported that the dam had burst overnight."),
        [Status::Match]
    );
    // the ministry alone is still a misattribution
    assert!(
        statuses("The ministry reported that the dam had burst overnight.")
            .contains(&Status::Misattributed)
    );
}

#[test]
fn a_common_noun_after_an_article_is_a_guessed_speaker() {
    // "the agency" is not a name the reference gives anyone: whom it means
    // is a guess, so the misattribution is a warning without a fix
    let facts = "  - id: toll\n    metric: killed\n    value: 21\nstatements:\n  - id: dam\n    speaker: monitor\n    says: the dam had burst overnight\n";
    let all = findings(
        "A later analysis from the agency says that the dam had burst overnight.",
        facts,
    );
    let f = all
        .iter()
        .find(|f| f.status == Status::Misattributed)
        .expect("a misattribution");
    assert_eq!(
        (f.severity, f.correction.is_none()),
        (Severity::Warning, true)
    );
    // a name the reference knows in that form stays named
    let all = findings("The ministry says that the dam had burst overnight.", facts);
    let f = all
        .iter()
        .find(|f| f.status == Status::Misattributed)
        .expect("a misattribution");
    assert_eq!(f.severity, Severity::Error);
}

#[test]
fn speech_inside_speech_is_the_inner_speakers() {
    // invented: a correspondent reports what observers said
    let yaml = "version: 1\nsources:\n  - id: varto\n    name: Ilse Varto\n  - id: observers\n    name: political observers\n  - id: council\n    name: the council\nstatements:\n  - id: timed\n    speaker: observers\n    says: the strike was timed to coincide with the vote\n";
    let text = "Correspondent Ilse Varto reported from Brask that political observers there said the strike was timed to coincide with the vote.";
    let f = check(yaml, text);
    assert!(
        f.iter()
            .any(|f| f.status == Status::Match && f.fact.as_deref() == Some("timed")),
        "{f:?}"
    );
    assert!(
        !f.iter().any(|f| f.status == Status::Misattributed),
        "{f:?}"
    );
    // someone else inside the report: whom the words belong to is a guess,
    // so a warning without a fix, never an error
    let text = text.replace("political observers there", "diplomats there");
    let f = check(yaml, &text);
    let m = f
        .iter()
        .find(|f| f.status == Status::Misattributed)
        .unwrap_or_else(|| panic!("{f:?}"));
    assert_eq!(
        (m.severity, m.correction.is_none()),
        (Severity::Warning, true)
    );
}

#[test]
fn a_witness_quoted_by_a_medium_is_the_speaker() {
    // invented: the agency conveys; the correspondent, placed by a phrase
    // both in the article and in the reference's description, speaks
    let yaml = "version: 1\nsources:\n  - id: tna\n    name: the Tarsk news agency\n    aliases: [the agency]\n  - id: reporter\n    name: a reporter at the scene\nstatements:\n  - id: shaft\n    speaker: reporter\n    says: rescuers had reached the mine shaft\n";
    let text = "The Tarsk news agency quoted a reporter at the scene as saying rescuers had reached the mine shaft.";
    let f = check(yaml, text);
    assert!(
        f.iter()
            .any(|f| f.status == Status::Match && f.fact.as_deref() == Some("shaft")),
        "{f:?}"
    );
    assert!(
        !f.iter().any(|f| f.status == Status::Misattributed),
        "{f:?}"
    );
    // the agency saying it itself is the agency's claim
    let f = check(
        yaml,
        "The Tarsk news agency said rescuers had reached the mine shaft.",
    );
    assert!(f.iter().any(|f| f.status == Status::Misattributed), "{f:?}");
}

#[test]
fn a_figure_in_a_clause_set_against_the_speech_has_no_sure_source() {
    // invented wire copy: the monitor's toll stands in the writer's
    // ", while …" clause after the ministry's report
    let facts = "  - id: toll\n    metric: killed\n    subject: soldiers\n    min: 30\n    source: monitor\n    attribution: required\n";
    let text = "The ministry reported a new offensive near Vellmark, while rebel units had repulsed the attack, killing at least 30 soldiers.";
    let f = findings(text, facts);
    let got: Vec<_> = f
        .iter()
        .filter(|f| f.fact.as_deref() == Some("toll"))
        .map(|f| (f.status, f.severity, f.correction.is_some()))
        .collect();
    // the figure matches; its source is not the ministry's to rewrite
    assert_eq!(
        got,
        [
            (Status::Match, Severity::Info, false),
            (Status::Unattributed, Severity::Warning, false)
        ],
        "{f:?}"
    );
    // the speaker's own clause keeps its source
    let f = findings(
        "The ministry said at least 30 soldiers were killed near Vellmark, while talks went on.",
        facts,
    );
    assert!(
        f.iter()
            .any(|f| f.status == Status::Misattributed && f.severity == Severity::Error),
        "{f:?}"
    );
}

#[test]
fn a_tag_after_a_quoted_question_names_the_quotes_speaker() {
    // invented: "?" ends the quote's sentence, but the tag right after it
    // names who asked as surely as ", she said" does
    let yaml = "version: 1\nsources:\n  - id: odell\n    name: Mara Odell\n  - id: quill\n    name: Petra Quill\nquotes:\n  - id: pays\n    speaker: odell\n    text: who pays for the new bridge\n";
    let clean = "\"But who pays for the new bridge?\" Harbour board treasurer Mara Odell said. The council did not answer.\n";
    let draft = clean.replace("Mara Odell", "Petra Quill");
    let f = check(yaml, &draft);
    let m = f
        .iter()
        .find(|f| f.status == Status::Misattributed)
        .unwrap_or_else(|| panic!("{f:?}"));
    assert_eq!(m.severity, Severity::Error);
    // whose title the description is may be the wrong name's: the whole
    // mention is rewritten
    let fix = m.correction.as_ref().expect("a fix");
    assert_eq!(
        (&draft[fix.start..fix.end], fix.replacement.as_str()),
        ("Harbour board treasurer Petra Quill", "Mara Odell")
    );
}

#[test]
fn a_known_name_before_a_description_that_lost_its_commas_is_that_person() {
    // invented comma-less copy: the wrong name, then the right person's
    // description; only the name is rewritten
    let yaml = "version: 1\nsources:\n  - id: varto\n    name: Ilse Varto\n    aliases: [Ilse Varto Tarsk Relief Networks field director]\n  - id: quill\n    name: Petra Quill\nquotes:\n  - id: pattern\n    speaker: varto\n    text: part of a clear pattern of attacks on clinics\n";
    let clean = "Anton Brask said the clinic was a rebel base. \"It is part of a clear pattern of attacks on clinics\" said Ilse Varto Tarsk Relief Networks field director.\n";
    let draft = clean.replace("said Ilse Varto", "said Petra Quill");
    let f = check(yaml, &draft);
    let m = f
        .iter()
        .find(|f| f.status == Status::Misattributed)
        .unwrap_or_else(|| panic!("{f:?}"));
    assert_eq!(m.severity, Severity::Error, "{m:?}");
    assert_eq!(factcheck::corrected(&draft, &f), clean);
}

#[test]
fn a_figure_right_after_while_has_no_sure_source() {
    // invented: the number opens the ", while" clause itself
    let facts = "  - id: toll\n    metric: killed\n    subject: soldiers\n    value: 29\n    source: monitor\n    attribution: required\n";
    let text = "The ministry said 438 rebels were taken prisoner, while 29 soldiers were killed.";
    let f = findings(text, facts);
    assert!(
        !f.iter().any(|f| f.status == Status::Misattributed),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|f| f.status == Status::Unattributed && f.severity == Severity::Warning),
        "{f:?}"
    );
}

#[test]
fn a_figure_in_speech_a_trailing_tag_relays_is_no_error() {
    // invented, in the wire form "He said …, the agency, monitored by …,
    // said": the figure is the inner speaker's, relayed by the agency.
    // Crediting it to the agency is a guess about whose it is: a warning,
    // never a rewrite of the agency's name.
    let yaml = "version: 1\nsources:\n  - id: commander\n    name: a field commander\n  - id: agency\n    name: the Velmoran news agency\n    aliases: [VNA]\nfacts:\n  - id: lost\n    metric: casualties\n    min: 3000\n    source: commander\n";
    let text = "A field commander spoke to reporters at the front.\n\nHe said the enemy lost at least 3,000 men killed or wounded, VNA, monitored by a radio service, said.\n";
    let f = check(yaml, text);
    a_guess(&f);
    // with no speech before the figure, the agency's credit is its own: an error
    let plain = text.replace("He said the enemy", "The enemy");
    let f = check(yaml, &plain);
    assert!(
        f.iter()
            .any(|f| f.status == Status::Misattributed && f.severity == Severity::Error),
        "{f:?}"
    );
}

#[test]
fn a_speaker_described_by_the_right_body_is_no_error() {
    // invented: the reference has the toll from the monitor; the article
    // gives it to the monitor's chief, named by the body he speaks for.
    // That is no confident misattribution: a warning, and no rewrite.
    let yaml = "version: 1\nsources:\n  - id: monitor\n    name: the Velmora Monitor\n    aliases: [The Monitor]\n  - id: chief\n    name: Ada Okafor\nfacts:\n  - id: toll\n    metric: killed\n    min: 22\n    source: monitor\n";
    let text =
        "\"The blast killed at least 22 civilians\" Monitor chief Ada Okafor told reporters.\n";
    let f = check(yaml, text);
    a_guess(&f);
}

#[test]
fn a_described_second_conjunct_shares_the_claim() {
    // invented: "The Monitor and local council officials said": the
    // statement is the monitor's too, though the words before the cue name
    // the officials
    let yaml = "version: 1\nsources:\n  - id: monitor\n    name: the Velmora Monitor\n    aliases: [The Monitor]\nstatements:\n  - id: groom\n    speaker: monitor\n    says: \"the groom was among the dead\"\n";
    let text =
        "The Monitor and local council officials initially said the groom was among the dead.\n";
    let f = check(yaml, text);
    assert!(
        f.iter()
            .any(|f| f.status == Status::Match && f.fact.as_deref() == Some("groom")),
        "{f:?}"
    );
}

#[test]
fn the_source_points_back_to_the_latest_source_even_after_an_opening_time() {
    // invented bulletin: two sources, each followed by "The source added";
    // the second opens its sentence with a time, which is no part of its
    // name. Each figure is its own source's, so nothing is wrong
    let yaml = "version: 1\nsources:\n  - id: medical\n    name: A medical source at the Velmor health directorate\n    aliases: [A medical source]\n  - id: police\n    name: a source at the Velmor police command\n  - id: city-police\n    name: A source at the Brask police command\nfacts:\n  - id: medical-toll\n    metric: killed\n    subject: pupils\n    value: 8\n    source: medical\n  - id: police-toll\n    metric: killed\n    subject: pupils\n    value: 7\n    source: police\n    attribution: required\n";
    let text = "A medical source at the Velmor health directorate told the agency that a shell hit a school. The source added that eight pupils were killed. Earlier in the day a source at the Velmor police command told the agency that a mortar round fell on the school. The source added that the round killed seven pupils.";
    let f = check(yaml, text);
    let figures: Vec<_> = f
        .iter()
        .filter(|f| f.status == Status::Match)
        .map(|f| f.fact.as_deref())
        .collect();
    assert_eq!(
        figures,
        [Some("medical-toll"), Some("police-toll")],
        "{f:?}"
    );
    assert!(f.iter().all(|f| f.severity != Severity::Error), "{f:?}");
    // the police source's "eight" is not its figure, though it is the
    // medical source's: the source, not the value, picks the fact
    let f = check(yaml, &text.replace("seven pupils", "eight pupils"));
    assert!(
        f.iter()
            .any(|f| f.status == Status::Mismatch && f.fact.as_deref() == Some("police-toll")),
        "{f:?}"
    );
}

#[test]
fn a_medium_reporting_the_right_sources_words_is_a_guess() {
    // the broadcaster reports the general's testimony: the reported words
    // name who said them, so crediting the broadcaster is no error
    let yaml = "version: 1\nsources:\n  - id: lamb\n    name: Osric Lamb\n  - id: radio\n    name: Radio Nord\nstatements:\n  - id: dam\n    speaker: lamb\n    says: the dam failed because of poor upkeep\n";
    let text = "Radio Nord reported that evening General Osric Lamb testifies the dam failed because of poor upkeep.";
    a_guess(&check(yaml, text));
}

#[test]
fn a_quote_inside_anothers_quote_is_a_guess() {
    // the mayor quotes the engineer: the reference's words are the
    // engineer's, and the quotation says so
    let yaml = "version: 1\nsources:\n  - id: varto\n    name: Ilse Varto\n  - id: ortega\n    name: Mayor Ortega\n    aliases: [Ortega]\nquotes:\n  - id: world\n    speaker: varto\n    text: \"That is not the town I want to live in\"\n";
    let text = "“As Ilse Varto said last week, ‘That is not the town I want to live in,’” Ortega concluded.";
    a_guess(&check(yaml, text));
}

#[test]
fn words_that_credit_a_confirmed_claim_are_not_rewritten_for_another() {
    // the rebels' statement is theirs; the toll after "and" is the army's:
    // rewriting "Communist rebels" would make the statement wrong, and a
    // second --write would put the words back
    let yaml = "version: 1\nsources:\n  - id: rebels\n    name: Communist rebels\n  - id: army\n    name: an army spokesman\nfacts:\n  - id: toll\n    metric: killed\n    value: 7\n    source: army\nstatements:\n  - id: bridge\n    speaker: rebels\n    says: they destroyed a vital bridge\n";
    let text = "Communist rebels said they destroyed a vital bridge in the north, and seven rebels were killed in the fighting.";
    let f = check(yaml, text);
    assert!(f.iter().all(|f| f.severity != Severity::Error), "{f:?}");
    assert!(f.iter().all(|f| f.correction.is_none()), "{f:?}");
    assert!(f.iter().any(|f| f.status == Status::Match), "{f:?}");
}

#[test]
fn words_credited_to_the_right_speaker_and_to_a_relay_are_no_error() {
    // invented, wire style: the commander's words, relayed by an agency
    // named after them ("He said …, the agency said")
    let yaml = "version: 1\nsources:\n  - id: commander\n    name: A Velmoran army commander\n  - id: agency\n    name: Tarsk News Agency\nstatements:\n  - id: losses\n    speaker: commander\n    says: \"the enemy lost 300 men in the valley\"\n";
    let text = "A Velmoran army commander said the offensive had stalled.\n\nHe said the enemy lost 300 men in the valley, the Tarsk News Agency said.";
    let f = check(yaml, text);
    assert!(f.iter().any(|f| f.status == Status::Match), "{f:?}");
    let m = a_guess(&f);
    assert!(m.message.contains("relay"), "{}", m.message);
}

#[test]
fn a_wrong_full_name_is_replaced_by_the_right_full_name_not_its_description() {
    // invented: the reference's name carries a description after a comma
    let yaml = "version: 1\nsources:\n  - id: varto\n    name: Ilse Varto, director of the Tarsk Harbour Board\n    aliases: [Ilse Varto, Ms Varto]\n  - id: brask\n    name: Aino Brask\nstatements:\n  - id: closed\n    speaker: varto\n    says: \"the pier would stay closed until May\"\n";
    let text = "Aino Brask said the pier would stay closed until May.";
    let f = check(yaml, text);
    let m = f
        .iter()
        .find(|f| f.status == Status::Misattributed)
        .unwrap_or_else(|| panic!("{f:?}"));
    let fix = m
        .correction
        .as_ref()
        .map(|c| (&text[c.start..c.end], c.replacement.as_str()));
    assert_eq!(fix, Some(("Aino Brask", "Ilse Varto")));
    // with no alias of that shape, the name without its description
    let yaml = yaml.replace("    aliases: [Ilse Varto, Ms Varto]\n", "");
    let f = check(&yaml, text);
    let m = f
        .iter()
        .find(|f| f.status == Status::Misattributed)
        .unwrap();
    assert_eq!(
        m.correction.as_ref().map(|c| c.replacement.as_str()),
        Some("Ilse Varto")
    );
}

#[test]
fn a_description_two_sources_share_is_a_guess() {
    // the curator listed "The source" for the port police, but the harbour
    // authority is "a source" too: "The source" points back to whichever
    // the article named last, and who that is is the tool's guess
    let yaml = "version: 1\nsources:\n  - id: port-police\n    name: Port Police Command\n    aliases: [a source at Port Police Command, The source]\n  - id: harbour\n    name: Harbour Authority\n    aliases: [a source at the Harbour Authority]\nstatements:\n  - id: no-damage\n    speaker: harbour\n    says: no ships were damaged\n";
    let text = "A fire broke out on the quay on Tuesday, a source at the Harbour Authority told reporters. The source said that no ships were damaged.";
    let f = check(yaml, text);
    a_guess(&f);
    // a description no other source shares is the curator's word: sure
    let yaml_one = yaml.replace("  - id: harbour\n    name: Harbour Authority\n    aliases: [a source at the Harbour Authority]\n", "  - id: harbour\n    name: Harbour Authority\n");
    let f = check(&yaml_one, "The source said that no ships were damaged.");
    let m = f
        .iter()
        .find(|f| f.status == Status::Misattributed)
        .unwrap_or_else(|| panic!("{f:?}"));
    assert_eq!(m.severity, Severity::Error, "{m:?}");
}

#[test]
fn a_body_credited_with_its_officers_words_is_no_sure_error() {
    // invented: the union's chair says the words; a sentence before
    // credits the union with two of them
    let yaml = "version: 1\nsources:\n  - id: union\n    name: The Dockers Union\n    aliases: [the union]\n  - id: chair\n    name: Dockers Union chair Mira Odell\n    aliases: [Mira Odell, Ms Odell]\n  - id: port\n    name: The Port Authority\n    aliases: [the authority]\nquotes:\n  - id: unsafe\n    speaker: chair\n    text: \"plainly unsafe for anyone working the night shift\"\n";
    let text = |body: &str| {
        format!("The {body} said the cranes were \"plainly unsafe\" after dark. \"They are plainly unsafe for anyone working the night shift,\" Ms Odell said.")
    };
    a_guess(&check(yaml, &text("union")));
    // a body she does not speak for is a wrong credit
    let f = check(yaml, &text("authority"));
    let m = f
        .iter()
        .find(|f| f.status == Status::Misattributed)
        .unwrap_or_else(|| panic!("{f:?}"));
    assert_eq!(m.severity, Severity::Error, "{m:?}");
}

#[test]
fn a_curly_apostrophe_in_a_wrong_name_stays_as_written() {
    // invented: the reference writes a straight apostrophe, the article a
    // curly one; only the wrong name is rewritten
    let yaml = "version: 1\nsources:\n  - id: brand\n    name: Velmora's mayor Ada Brand\n    aliases: [Ada Brand]\n  - id: varto\n    name: Ilse Varto\nquotes:\n  - id: closed\n    speaker: brand\n    text: \"the bridge stays closed until spring\"\n";
    let text =
        "Velmora’s mayor Ilse Varto said \"the bridge stays closed until spring\" on Monday.";
    let f = check(yaml, text);
    assert_eq!(
        factcheck::corrected(text, &f),
        "Velmora’s mayor Ada Brand said \"the bridge stays closed until spring\" on Monday."
    );
}

#[test]
fn whoever_puts_the_toll_at_a_figure_is_its_source() {
    // issue 14, form 9: in "X said 30 … and Y put the toll at 41" each
    // figure has its own source, so neither is a misattribution
    let facts = "  - id: ministry-toll\n    metric: killed\n    subject: people\n    value: 30\n    source: ministry\n  - id: monitor-toll\n    metric: killed\n    subject: people\n    value: 41\n    source: monitor\n";
    let text = "The ministry said 30 people were killed and the monitor put the toll at 41.";
    assert_eq!(
        credited(&findings(text, facts)),
        [
            (Status::Match, Some("ministry-toll")),
            (Status::Match, Some("monitor-toll"))
        ]
    );
    // the frame needs a count noun and "at" a figure: no speech here
    let none = findings(
        "The monitor put the wreckage at the side of the road.",
        facts,
    );
    assert!(none.is_empty(), "{none:?}");
}

#[test]
fn every_joined_subject_says_the_claim() {
    // issue 14, form 9: "A, B and C said" gives the figure to each of them,
    // so the monitor's toll credited to a list the monitor opens is a match
    // (it was a misattribution to the ministry, a warning)
    let facts = "  - id: monitor-toll\n    metric: killed\n    subject: people\n    value: 21\n    source: monitor\n";
    let text = "The monitor, medics and the ministry said 21 people died.";
    assert_eq!(
        credited(&findings(text, facts)),
        [(Status::Match, Some("monitor-toll"))]
    );
    // the list is the subject's only: "shelled the town and the ministry
    // said" joins no one, and the ministry alone is a misattribution
    let alone = findings(
        "Rebels shelled the town and the ministry said 21 people died.",
        facts,
    );
    assert!(
        alone.iter().any(|f| f.status == Status::Misattributed),
        "{alone:?}"
    );
}

#[test]
fn a_surname_several_sources_share_is_no_sure_misattribution() {
    // three invented Smiths; the article credits the words to "Smith",
    // which may be the one the reference has them from
    let yaml = "version: 1\nsources:\n  - {id: ann, name: Ann Smith}\n  - {id: bo, name: Bo Smith}\n  - {id: cy, name: Cy Smith}\nquotes:\n  - {id: q, speaker: bo, text: \"the bridge will reopen in spring\"}\n";
    let f = check(yaml, "Smith said: “The bridge will reopen in spring.”\n");
    let m = a_guess(&f);
    assert!(m.message.contains("may be Bo Smith"), "{}", m.message);
    // another Smith named in full is a sure error, with its fix
    let f = check(
        yaml,
        "Ann Smith said: “The bridge will reopen in spring.”\n",
    );
    let m = f
        .iter()
        .find(|f| f.status == Status::Misattributed)
        .unwrap_or_else(|| panic!("{f:?}"));
    assert_eq!(m.severity, Severity::Error, "{m:?}");
    // (only the wrong word is written: "Ann" → "Bo")
    let fix = m.correction.as_ref().unwrap();
    assert_eq!((fix.start, fix.end, fix.replacement.as_str()), (0, 3, "Bo"));
    // a first name is no surname
    let f = check(yaml, "Cy said: “The bridge will reopen in spring.”\n");
    assert!(f.iter().all(|f| f.status != Status::Match), "{f:?}");
    let one = yaml
        .replace("  - {id: ann, name: Ann Smith}\n", "")
        .replace("  - {id: cy, name: Cy Smith}\n", "");
    // a surname only one source bears is that source
    let f = check(&one, "Smith said: “The bridge will reopen in spring.”\n");
    assert_eq!(credited(&f), [(Status::Match, Some("q"))]);
}

#[test]
fn words_that_credit_two_claims_from_two_other_sources_get_no_fix() {
    // Bill Smith is credited with the evacuated (Ann Smith's) and the
    // killed (Cara Diaz's): "Ann" for one, "Cara Diaz" for the other would
    // overlap, and neither name fits both
    let yaml = "version: 1\nsources:\n  - {id: ann, name: Ann Smith}\n  - {id: bill, name: Bill Smith}\n  - {id: cara, name: Cara Diaz}\nfacts:\n  - {id: evacuated, metric: evacuated, value: 2400, source: ann}\n  - {id: killed, metric: killed, value: 143, source: cara}\n";
    let f = check(
        yaml,
        "Bill Smith said 2,400 residents were evacuated and 143 people were killed.\n",
    );
    let credits: Vec<&Finding> = f
        .iter()
        .filter(|f| f.status == Status::Misattributed)
        .collect();
    assert_eq!(credits.len(), 2, "{f:?}");
    for m in credits {
        assert_eq!(m.severity, Severity::Warning, "{m:?}");
        assert!(m.correction.is_none(), "{m:?}");
    }
    // one claim alone keeps its fix
    let f = check(yaml, "Bill Smith said 143 people were killed.\n");
    let m = f
        .iter()
        .find(|f| f.status == Status::Misattributed)
        .unwrap_or_else(|| panic!("{f:?}"));
    assert!(m.correction.is_some(), "{m:?}");
}

/// A reference alias of plain words ("civil protection", "coast guard")
/// names its source before a reporting verb, whatever its case: the figure
/// is credited, and another group's count after it competes (a warning)
/// rather than being rewritten to the agency's number.
#[test]
fn an_alias_of_plain_words_names_the_speaker() {
    let yaml = "version: 1
sources:
  - {id: cp, name: Valmora Civil Protection Agency, aliases: [civil protection, coast guard]}
facts:
  - {id: dead, metric: killed, subject: people, value: 58, source: cp}
";
    for text in [
        "Civil protection said 58 people were killed. Residents say at least 70 people died.\n",
        "On the island, the coast guard said 58 people were killed. Residents say at least 70 people died.\n",
    ] {
        let f = check(yaml, text);
        assert!(
            f.iter().all(|f| f.status != Status::Unattributed),
            "{text}: {f:?}"
        );
        assert!(f.iter().all(|f| f.severity < Severity::Error), "{text}: {f:?}");
        assert!(f.iter().all(|f| f.correction.is_none()), "{text}: {f:?}");
    }
}
