//! A reference may hold a short phrase of a longer quote (a dozen words
//! from a paragraph of speech): the phrase inside the article's quote is a
//! match, and one changed word in it is a misquote whose fix rewrites that
//! word only. Articles invented for the test.

use std::path::Path;

use factcheck::model::{Finding, Status};
use factcheck::{corrected, Article, Checker, Reference};

const REFERENCE: &str = "version: 1\nsources:\n  - id: okafor\n    name: Ada Okafor\n    aliases: [Okafor, Ms Okafor]\nquotes:\n  - id: bridge\n    speaker: okafor\n    text: \"the bridge will stay closed until the engineers sign it off\"\n";

fn check(text: &str) -> Vec<Finding> {
    let reference = Reference::from_str(Path::new("ref.yaml"), REFERENCE).unwrap();
    let article = Article::from_text("a.md", text.to_string(), None).unwrap();
    Checker::new(&reference).check(&article).findings
}

/// The draft's misquote of the `bridge` phrase, and the draft as `--write`
/// leaves it.
fn bridge_misquote(draft: &str) -> String {
    let f = check(draft);
    let m = f
        .iter()
        .find(|f| f.status == Status::Misquoted)
        .unwrap_or_else(|| panic!("{f:?}"));
    assert_eq!(m.fact.as_deref(), Some("bridge"));
    corrected(draft, &f)
}

const CLEAN: &str = "Ada Okafor said: \"We have heard the traders and we share their anger, but the bridge will stay closed until the engineers sign it off, whatever it costs us.\"";

#[test]
fn a_phrase_inside_a_longer_quote_matches() {
    let f = check(CLEAN);
    assert!(
        f.iter()
            .any(|f| f.status == Status::Match && f.fact.as_deref() == Some("bridge")),
        "{f:?}"
    );
}

#[test]
fn a_changed_word_in_the_phrase_is_a_misquote_fixed_in_place() {
    let draft = CLEAN.replace("stay closed", "remain closed");
    let f = check(&draft);
    let m = f
        .iter()
        .find(|f| f.status == Status::Misquoted)
        .unwrap_or_else(|| panic!("{f:?}"));
    assert_eq!(m.fact.as_deref(), Some("bridge"));
    let fix = m.correction.as_ref().expect("a fix");
    assert!(
        fix.start > draft.find("anger").unwrap(),
        "the fix starts at the phrase"
    );
    assert_eq!(
        corrected(&draft, &f),
        CLEAN,
        "only the changed word is rewritten"
    );
}

#[test]
fn a_quote_over_paragraphs_holds_its_phrases() {
    let clean = "Ada Okafor told the council: \"We have heard the traders and we share their anger.\n\n\"But the bridge will stay closed until the engineers sign it off. That is final.\"\n";
    assert!(
        check(clean)
            .iter()
            .any(|f| f.status == Status::Match && f.fact.as_deref() == Some("bridge")),
        "{:?}",
        check(clean)
    );
    let draft = clean.replace("stay closed", "remain closed");
    assert_eq!(
        bridge_misquote(&draft),
        clean,
        "the fix stays in its paragraph"
    );
}

#[test]
fn a_long_quote_is_checked_for_every_phrase_it_holds() {
    let reference = format!(
        "{REFERENCE}  - id: traders\n    speaker: okafor\n    text: \"we have heard the traders and we share their anger\"\n"
    );
    let reference = Reference::from_str(Path::new("ref.yaml"), &reference).unwrap();
    let draft = CLEAN.replace("stay closed", "remain closed");
    let article = Article::from_text("a.md", draft.clone(), None).unwrap();
    let f = Checker::new(&reference).check(&article).findings;
    let got: Vec<(Status, Option<&str>)> =
        f.iter().map(|f| (f.status, f.fact.as_deref())).collect();
    assert!(got.contains(&(Status::Match, Some("traders"))), "{got:?}");
    assert!(
        got.contains(&(Status::Misquoted, Some("bridge"))),
        "{got:?}"
    );
}

#[test]
fn a_description_glued_to_the_name_is_still_the_named_source() {
    // invented, comma-less copy: the extractor takes the whole run of words
    // before the cue; the reference's name inside it is who speaks
    let yaml = "version: 1\nsources:\n  - id: varn-command\n    name: VARCOM\n  - id: ilse\n    name: Ilse Varto\nstatements:\n  - id: depot\n    speaker: varn-command\n    says: the strike hit a fuel depot\n";
    let reference = Reference::from_str(Path::new("ref.yaml"), yaml).unwrap();
    let article = Article::from_text(
        "a.md",
        "The armys regional command VARCOM said the strike hit a fuel depot near the river.".into(),
        None,
    )
    .unwrap();
    let findings = Checker::new(&reference).check(&article).findings;
    assert!(
        findings
            .iter()
            .any(|f| f.status == Status::Match && f.fact.as_deref() == Some("depot")),
        "{findings:?}"
    );
    assert!(!findings.iter().any(|f| f.status == Status::Misattributed));
}

#[test]
fn a_short_quote_with_a_word_changed_is_a_misquote_only_from_the_same_speaker() {
    // invented: an airline chief's quote, and another group's scare quote
    // that shares three of its words
    let yaml = "version: 1\nsources:\n  - id: odell\n    name: Mara Odell\n    aliases: [Ms Odell]\nquotes:\n  - id: odell-law\n    speaker: odell\n    text: a preposterous piece of legislation\n";
    let reference = Reference::from_str(Path::new("ref.yaml"), yaml).unwrap();
    let statuses = |text: &str| -> Vec<Status> {
        let article = Article::from_text("a.md", text.into(), None).unwrap();
        Checker::new(&reference)
            .check(&article)
            .findings
            .iter()
            .map(|f| f.status)
            .collect()
    };
    let other = statuses("The carriers' association has attacked the package as a \"bad piece of legislation\" in court.");
    assert!(!other.contains(&Status::Misquoted), "{other:?}");
    let same = statuses("\"A bad piece of legislation,\" Ms Odell said on Friday.");
    assert!(same.contains(&Status::Misquoted), "{same:?}");
}

#[test]
fn a_second_quote_sharing_the_phrases_tail_is_another_sentence() {
    // invented: the speaker repeats the end of the reference's words in a
    // new sentence right after saying them as the reference has them
    let text = "Ada Okafor spoke to reporters.\n\n\"The traders know the bridge will stay closed until the engineers sign it off,\" she said. \"We told them it will stay closed until the engineers sign it off.\"\n";
    let f = check(text);
    assert!(
        f.iter().all(|f| f.status != Status::Misquoted),
        "no misquote: {f:?}"
    );
    // one word changed in the repeat is still a misquote of it
    let draft = text.replace(
        "We told them it will stay closed until the engineers sign it off",
        "We told them the bridge will remain closed until the engineers sign it off",
    );
    let f = check(&draft);
    assert!(
        f.iter()
            .any(|f| f.status == Status::Misquoted && f.fact.as_deref() == Some("bridge")),
        "{f:?}"
    );
}

#[test]
fn a_misquote_after_a_reopened_quotation_mark_is_fixed_in_place() {
    // invented, scraped copy that lost a paragraph break: the next
    // paragraph's opening mark stands inside the quote ('anger. "The')
    let clean = "Ada Okafor told the council: \"We have heard the traders and we share their anger. \"The bridge will stay closed until the engineers sign it off.\"\n";
    let draft = clean.replace("stay closed", "remain closed");
    let f = check(&draft);
    assert!(
        f.iter()
            .any(|f| f.status == Status::Misquoted && f.correction.is_some()),
        "{f:?}"
    );
    assert_eq!(corrected(&draft, &f), clean);
}

#[test]
fn a_wrong_name_inside_a_description_is_swapped_alone() {
    // invented: a news agency named with a description the reference lists
    let yaml = "version: 1\nsources:\n  - id: tna\n    name: TNA\n    aliases: [the Tarsk news agency TNA]\n  - id: vna\n    name: VNA\nstatements:\n  - id: bridge\n    speaker: tna\n    says: the bridge had been closed to traffic\n";
    let reference = Reference::from_str(Path::new("ref.yaml"), yaml).unwrap();
    let clean = "The council met on Monday. The Tarsk news agency TNA said the bridge had been closed to traffic.\n";
    let draft = clean.replace("agency TNA", "agency VNA");
    let article = Article::from_text("a.md", draft.clone(), None).unwrap();
    let f = Checker::new(&reference).check(&article).findings;
    let m = f
        .iter()
        .find(|f| f.status == Status::Misattributed)
        .unwrap_or_else(|| panic!("{f:?}"));
    assert_eq!(
        m.correction.as_ref().map(|c| c.replacement.as_str()),
        Some("TNA")
    );
    assert_eq!(corrected(&draft, &f), clean);
}

#[test]
fn a_changed_last_word_that_the_phrase_has_earlier_is_a_misquote() {
    // invented: the new last word ("closed") is a word of the phrase
    // earlier on, which once kept the phrase's end out of the comparison
    let clean = "Ada Okafor said: \"The bridge will stay closed until the engineers sign it off, whatever it costs.\"";
    let draft = clean.replace("sign it off,", "sign it closed,");
    let f = check(&draft);
    assert!(
        f.iter()
            .any(|f| f.status == Status::Misquoted && f.fact.as_deref() == Some("bridge")),
        "{f:?}"
    );
    assert_eq!(corrected(&draft, &f), clean);
}

#[test]
fn the_phrases_first_word_changed_at_the_quotes_start_is_a_misquote() {
    let clean = "Ada Okafor said: \"The bridge will stay closed until the engineers sign it off, whatever it costs us.\"";
    let draft = clean.replace("The bridge", "This bridge");
    assert_eq!(
        bridge_misquote(&draft),
        clean,
        "only the first word is rewritten"
    );
    // a quote that starts inside the phrase with a word of its own is no
    // misquote of the words it leaves out
    let part = "Ada Okafor said: \"Yes, closed until the engineers sign it off.\"";
    assert!(!check(part).iter().any(|f| f.status == Status::Misquoted));
}

#[test]
fn a_longer_wording_beside_the_verbatim_quote_is_another_quote() {
    // invented: the exact words once, then an unattributed longer wording
    // of them in a postscript — the speaker's own variation, no misquote
    let clean = "Ada Okafor told the council that \"the bridge will stay closed until the engineers sign it off.\" A leaflet later read: \"Remember, the bridge will stay closed until the council's engineers sign it off.\"\n";
    let f = check(clean);
    assert!(
        f.iter()
            .any(|f| f.status == Status::Match && f.fact.as_deref() == Some("bridge")),
        "{f:?}"
    );
    assert!(!f.iter().any(|f| f.status == Status::Misquoted), "{f:?}");
    // a word replaced in the second wording is still a misquote
    let draft = clean.replace(
        "stay closed until the council's",
        "stay open until the council's",
    );
    assert!(check(&draft).iter().any(|f| f.status == Status::Misquoted));
    // one word put for several ("stay closed" → "stay shut to all traffic")
    // is the speaker's other wording, as added words are
    let reworded = clean.replace(
        "stay closed until the council's",
        "stay shut to all traffic until the council's",
    );
    let f = check(&reworded);
    assert!(!f.iter().any(|f| f.status == Status::Misquoted), "{f:?}");
}

#[test]
fn words_that_are_another_reference_quote_are_not_a_misquote_of_a_third() {
    // invented: two short reference phrases that differ by one word, both
    // said; the second sits inside a longer quote. It is the second
    // phrase, not a misquote of the first — and `--write` leaves it.
    let reference = "version: 1\nsources:\n  - id: varto\n    name: Ilse Varto\n    aliases: [Varto]\nquotes:\n  - id: angry\n    speaker: varto\n    text: \"I was angry\"\n  - id: relieved\n    speaker: varto\n    text: \"I was relieved\"\n";
    let reference = Reference::from_str(Path::new("ref.yaml"), reference).unwrap();
    let text = "\"I was angry,\" Varto said of the first closure. \"When the engineers finally signed the bridge off after a month of tests? I was relieved.\"\n";
    let article = Article::from_text("a.md", text.to_string(), None).unwrap();
    let f = Checker::new(&reference).check(&article).findings;
    assert!(!f.iter().any(|f| f.status == Status::Misquoted), "{f:?}");
    for id in ["angry", "relieved"] {
        assert!(
            f.iter()
                .any(|f| f.status == Status::Match && f.fact.as_deref() == Some(id)),
            "{id}: {f:?}"
        );
    }
    assert_eq!(corrected(text, &f), text);
}

#[test]
fn a_dash_between_words_ends_the_word() {
    // invented: the reference's phrase ends where the quote runs on after
    // an em dash with no spaces; "engineers—until" is two words
    let clean = "Ada Okafor said: \"The bridge will stay closed until the engineers—until every one of them—sign it off.\"\n";
    let reference = REFERENCE.replace(
        "the bridge will stay closed until the engineers sign it off",
        "The bridge will stay closed until the engineers",
    );
    let reference = Reference::from_str(Path::new("ref.yaml"), &reference).unwrap();
    let article = Article::from_text("a.md", clean.to_string(), None).unwrap();
    let f = Checker::new(&reference).check(&article).findings;
    assert!(
        f.iter()
            .any(|f| f.status == Status::Match && f.fact.as_deref() == Some("bridge")),
        "{f:?}"
    );
    assert_eq!(corrected(clean, &f), clean);
}

#[test]
fn a_word_quoted_inside_reported_speech_is_the_speakers() {
    // invented: a one-word reference quote inside a statement
    let reference = "version: 1\nsources:\n  - id: varto\n    name: Ilse Varto\n  - id: quill\n    name: Petra Quill\nquotes:\n  - id: sickening\n    speaker: varto\n    text: sickening\n";
    let reference = Reference::from_str(Path::new("ref.yaml"), reference).unwrap();
    let check = |text: &str| {
        let article = Article::from_text("a.md", text.to_string(), None).unwrap();
        Checker::new(&reference).check(&article).findings
    };
    let f = check("Ilse Varto said the attack on the stage was \"sickening\".\n");
    assert!(
        f.iter()
            .any(|f| f.status == Status::Match && f.fact.as_deref() == Some("sickening")),
        "{f:?}"
    );
    let text = "Petra Quill said the attack on the stage was \"sickening\".\n";
    let f = check(text);
    let m = f
        .iter()
        .find(|f| f.status == Status::Misattributed && f.fact.as_deref() == Some("sickening"));
    assert!(m.is_some(), "{f:?}");
    assert_eq!(
        corrected(text, &f),
        "Ilse Varto said the attack on the stage was \"sickening\".\n"
    );
    // a scare quote the reference does not hold is nothing
    let f = check("Petra Quill said the so-called \"reforms\" had failed.\n");
    assert!(
        !f.iter().any(|f| f.status == Status::Misattributed),
        "{f:?}"
    );
}

#[test]
fn a_few_words_in_another_form_beside_the_quote_word_for_word_are_no_sure_misquote() {
    // invented: the quote is given as said, then a few of its words come
    // back as a slogan, one word in another form
    let said =
        "\"Tonight the bridge will stay closed until the engineers sign it off,\" Okafor said.";
    let later = |words: &str| format!("{said} Okafor later called it her \"{words}\" rule.");
    let f = check(&later("the bridges will stay closed"));
    let m = f
        .iter()
        .find(|f| f.status == Status::Misquoted)
        .unwrap_or_else(|| panic!("{f:?}"));
    assert_eq!(m.severity, factcheck::model::Severity::Warning, "{m:?}");
    assert!(m.correction.is_none(), "{m:?}");
    // another word in its place is a misquote, however short
    let f = check(&later("the bridge will remain closed"));
    assert!(
        f.iter()
            .any(|f| f.status == Status::Misquoted
                && f.severity == factcheck::model::Severity::Error),
        "{f:?}"
    );
}

#[test]
fn a_pair_of_words_with_one_swapped_is_a_misquote_from_the_named_speaker() {
    // invented: a minister's two-word description of a flood; a pair has
    // no share of words to go by, so the named speaker, the kept word in
    // its place and the pair missing from the article decide
    let yaml = "version: 1\nsources:\n  - id: varga\n    name: Lena Varga\n    aliases: [Ms Varga]\nquotes:\n  - id: varga-hazard\n    speaker: varga\n    text: \"routine hazard\"\n";
    let reference = Reference::from_str(Path::new("ref.yaml"), yaml).unwrap();
    let check = |text: &str| -> Vec<Finding> {
        let article = Article::from_text("a.md", text.into(), None).unwrap();
        Checker::new(&reference).check(&article).findings
    };
    let draft = "Ms Varga called the floods a \"routine nuisance\" on Monday.";
    let f = check(draft);
    let m = f
        .iter()
        .find(|f| f.status == Status::Misquoted)
        .unwrap_or_else(|| panic!("{f:?}"));
    assert_eq!(m.fact.as_deref(), Some("varga-hazard"));
    assert_eq!(
        corrected(draft, &f),
        "Ms Varga called the floods a \"routine hazard\" on Monday."
    );
    // the pair word for word elsewhere makes the other one another phrase
    let f = check(
        "Ms Varga called the floods a \"routine hazard\" and the repairs a \"routine nuisance\".",
    );
    assert!(!f.iter().any(|f| f.status == Status::Misquoted), "{f:?}");
    // so does a speaker who is not named, and the kept word out of place
    let f = check("Residents called the floods a \"routine nuisance\" on Monday.");
    assert!(!f.iter().any(|f| f.status == Status::Misquoted), "{f:?}");
    let f = check("Ms Varga called the floods a \"hazard routine\" on Monday.");
    assert!(!f.iter().any(|f| f.status == Status::Misquoted), "{f:?}");
}
