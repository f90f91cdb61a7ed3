//! Figures a sentence does not assert as the article's count — denied,
//! an earlier count compared with, another period or event — and digits
//! glued to more digits by an invisible character: none is a sure wrong
//! number, and `--write` never puts the reference's number there.
//! Articles invented for the test.

use std::path::Path;

use factcheck::model::{Finding, Severity, Status};
use factcheck::{Article, Checker, Reference};

const YAML: &str = "version: 1
as_of: 2025-04-10
sources:
  - {id: cara, name: Cara Diaz}
facts:
  - {id: killed, metric: killed, subject: people, value: 143, source: cara}
  - {id: injured, metric: injured, subject: people, value: 1179, source: cara}
  - {id: houla, metric: killed, subject: children, value: 49, context: [Houla]}
";

fn check(text: &str) -> Vec<Finding> {
    let reference =
        Reference::from_str(Path::new("ref.yaml"), YAML).unwrap_or_else(|e| panic!("{e}"));
    let article = Article::from_text("a.md", text.to_string(), None).unwrap();
    Checker::new(&reference).check(&article).findings
}

fn errors(f: &[Finding]) -> Vec<&Finding> {
    f.iter().filter(|f| f.severity == Severity::Error).collect()
}

#[test]
fn a_denied_or_earlier_or_other_count_is_no_sure_error() {
    for text in [
        "Cara Diaz rejected reports that 150 people were killed.\n",
        "Cara Diaz denied that 150 people had been killed.\n",
        "Cara Diaz said 143 people were killed, up from 150 people killed as reported on Monday.\n",
        "Last year, 150 people were killed in a similar collapse, Cara Diaz said.\n",
    ] {
        let f = check(text);
        assert!(errors(&f).is_empty(), "{text}: {f:?}");
        assert!(f.iter().all(|f| f.correction.is_none()), "{text}: {f:?}");
        let m = f
            .iter()
            .find(|f| f.status == Status::Mismatch)
            .unwrap_or_else(|| panic!("{text}: {f:?}"));
        assert_eq!(m.severity, Severity::Warning, "{text}");
        assert!(m.message.contains(", but "), "{}", m.message);
    }
}

#[test]
fn the_same_counts_asserted_are_still_errors() {
    for text in [
        "Cara Diaz said 150 people were killed.\n",
        // a denial of something else before the figure's own clause
        "Police denied rumours of riots in the town after the collapse in which 150 people were killed, Cara Diaz said.\n",
        // another period named, but the fact's own words tie the sentence
        // to its event: the year before, 94 children were killed in Houla
        "The year before, 94 children were killed in the Houla massacre.\n",
    ] {
        let f = check(text);
        let m = f.iter().find(|f| f.status == Status::Mismatch).unwrap();
        assert_eq!(m.severity, Severity::Error, "{text}: {m:?}");
        assert!(m.correction.is_some(), "{text}");
    }
}

#[test]
fn digits_glued_by_an_invisible_character_are_no_figure() {
    // a soft hyphen, a direction mark, a word joiner, a byte order mark
    // and Swiss grouping inside a right figure: reading "43" there wrote
    // "1\u{ad}143"
    for glue in ["\u{ad}", "\u{200e}", "\u{2060}", "\u{feff}", "'"] {
        let text = format!("Cara Diaz said 1{glue}43 people were killed.\n");
        let f = check(&text);
        assert!(
            f.iter().all(|f| f.status != Status::Mismatch),
            "{glue:?}: {f:?}"
        );
        assert_eq!(factcheck::corrected(&text, &f), text, "{glue:?}");
    }
}

#[test]
fn half_of_a_written_number_is_no_figure() {
    // a character reference inside digits ("4&#48;" shows 40), a power
    // ("10^13"), a scale past a trillion ("5 quadrillion"): reading 4, 13
    // or 5 there, fixes wrote "143&#48;", "10^143", "143 quadrillion"
    for text in [
        "Cara Diaz said 1&#52;&#51; people were killed.\n",
        "Cara Diaz said 14&#51; people were killed.\n",
        "Cara Diaz said 10^13 people were killed.\n",
        // the same written with markup: "10**27", "10<sup>143</sup>" were
        // written
        "Cara Diaz said 10**13 people were killed.\n",
        "Cara Diaz said 10<sup>13</sup> people were killed.\n",
        "Cara Diaz said 10*13 people were killed.\n",
        "Cara Diaz said 10&#8203;13 people were killed.\n",
        // the end of a number in words joined by a Unicode hyphen, a soft
        // hyphen or a dash, or hyphenated at a line's end: reading "seven",
        // a fix wrote "thirty\u{2010}thirty-seven"
        "Cara Diaz said thirty\u{2010}seven people were killed.\n",
        "Cara Diaz said thirty\u{ad}seven people were killed.\n",
        "Cara Diaz said thirty\u{2013}seven people were killed.\n",
        "Cara Diaz said that thirty-\nseven people were killed.\n",
        // and the end of digits and a scale ("1 trillion 37" was written)
        "Cara Diaz said 1 trillion 1 people were killed.\n",
        "Cara Diaz said 5 quadrillion people were killed.\n",
        "Cara Diaz said 3 sextillion people were killed.\n",
        // a signed value is no head count ("-143" was written)
        "Cara Diaz said -5 people were killed.\n",
    ] {
        let f = check(text);
        assert!(
            f.iter().all(|f| f.status != Status::Mismatch),
            "{text}: {f:?}"
        );
        assert_eq!(factcheck::corrected(text, &f), text);
    }
    // bold digits, a footnote mark and a table's cells are read as before
    for (text, fixed) in [
        (
            "Cara Diaz said **150** people were killed.\n",
            "Cara Diaz said **143** people were killed.\n",
        ),
        (
            "Cara Diaz said 150<sup>[1]</sup> people were killed.\n",
            "Cara Diaz said 143<sup>[1]</sup> people were killed.\n",
        ),
        // a space grouping the digits stays the article's (a narrow
        // no-break space became a comma)
        (
            "Cara Diaz said 1\u{202f}200 people were injured.\n",
            "Cara Diaz said 1\u{202f}179 people were injured.\n",
        ),
        (
            "Cara Diaz said 1\u{a0}200 people were injured.\n",
            "Cara Diaz said 1\u{a0}179 people were injured.\n",
        ),
    ] {
        let f = check(text);
        assert_eq!(factcheck::corrected(text, &f), fixed, "{f:?}");
    }
    // an HTML comment is a draft's note, not its copy
    let text =
        "<!-- Cara Diaz said 150 people were killed. -->\nCara Diaz said 143 people were killed.\n";
    let f = check(text);
    assert!(f.iter().all(|f| f.status != Status::Mismatch), "{f:?}");
    assert!(f.iter().any(|f| f.status == Status::Match), "{f:?}");
}

#[test]
fn other_counts_beside_the_right_one_are_no_sure_error() {
    // correct copy states 143 and then a count that is not the toll: an
    // earlier report, a separate incident, a part of the dead, another day
    for second in [
        "On Monday, Cara Diaz had said 125 people were killed.",
        "Cara Diaz initially reported 125 deaths.",
        "In a separate incident, a bus crash killed 12 people on the highway.",
        "Three days earlier, a storm killed 6 people upstream.",
        "The worst collapse on record, in 1953, killed 212 people.",
        "Of those killed, 20 drowned and 17 were crushed.",
        "Cara Diaz said 12 of the dead had not yet been identified.",
        "Of the dead, 96 are still in the morgue.",
    ] {
        let text = format!("Cara Diaz said 143 people were killed. {second}\n");
        let f = check(&text);
        assert!(errors(&f).is_empty(), "{second}: {f:?}");
        assert_eq!(factcheck::corrected(&text, &f), text, "{second}");
    }
    // the same counts asserted as the toll are still errors with a fix
    for text in [
        "Cara Diaz said 125 people were killed.\n",
        "Cara Diaz reported 125 deaths.\n",
        "Of those killed in the collapse, Cara Diaz said, 125 were identified. 125 people were killed.\n",
    ] {
        let f = check(text);
        assert!(!errors(&f).is_empty(), "{text}: {f:?}");
    }
}

#[test]
fn a_vague_count_fixed_loses_its_of() {
    // "dozens of people" fixed as "143 of people" read wrong
    let text = "Cara Diaz said dozens of people were killed.\n";
    let f = check(text);
    assert_eq!(
        factcheck::corrected(text, &f),
        "Cara Diaz said 143 people were killed.\n"
    );
}

#[test]
fn a_share_of_a_stated_total_is_no_sure_error() {
    // the reference marks 143 as the event's total and the article states
    // it: a town's or an incident's smaller count is a share of it
    let yaml = YAML.replace(
        "value: 143, source: cara}",
        "value: 143, source: cara, total: true}",
    );
    let reference = Reference::from_str(Path::new("ref.yaml"), &yaml).unwrap();
    for second in [
        "In Arno, 40 people were killed.",
        "Eleven people died when a school collapsed.",
        "A bus was crushed, killing 18 people.",
    ] {
        let text = format!("Cara Diaz said 143 people were killed. {second}\n");
        let article = Article::from_text("a.md", text.clone(), None).unwrap();
        let f = Checker::new(&reference).check(&article).findings;
        assert!(errors(&f).is_empty(), "{second}: {f:?}");
        assert_eq!(factcheck::corrected(&text, &f), text, "{second}");
    }
    // the total itself written wrong is still an error with its fix
    let text = "Cara Diaz said 140 people were killed.\n";
    let article = Article::from_text("a.md", text.to_string(), None).unwrap();
    let f = Checker::new(&reference).check(&article).findings;
    assert_eq!(errors(&f).len(), 1, "{f:?}");
}

/// `first` then each of `seconds`: the second sentence's figure is a
/// mismatch warning whose message holds `why`, and `--write` changes
/// nothing; each of `held` is one error with a fix.
fn warned_not_written(first: &str, seconds: &[&str], why: &str, held: &[&str]) {
    for second in seconds {
        let text = format!("{first} {second}\n");
        let f = check(&text);
        assert!(errors(&f).is_empty(), "{second}: {f:?}");
        // still reported, as a warning against the fact
        assert!(
            f.iter().any(|f| f.status == Status::Mismatch
                && f.severity == Severity::Warning
                && f.message.contains(why)),
            "{second}: {f:?}"
        );
        assert_eq!(factcheck::corrected(&text, &f), text, "{second}");
    }
    for text in held {
        let f = check(text);
        assert_eq!(errors(&f).len(), 1, "{text}: {f:?}");
        assert_ne!(factcheck::corrected(text, &f), *text, "{text}");
    }
}

#[test]
fn a_scene_of_its_own_below_a_stated_fact_is_no_sure_error() {
    // no fact is marked the total, but the article states the reference's
    // count and then one town's or one site's smaller count; with no scene
    // of its own, or no stated count beside it: an error with its fix
    warned_not_written(
        "Cara Diaz said 1,179 people were injured.",
        &[
            "In Arno, 900 people were injured.",
            "Eight hundred were injured at the central station.",
            "Nine hundred people were injured in Vesk.",
        ],
        "may count a share of it",
        &[
            "Cara Diaz said 1,179 people were injured. Eight hundred were injured in the attack.\n",
            "Eight hundred were injured at the central station, Cara Diaz said.\n",
        ],
    );
    // a larger one counted more widely, not the total itself
    warned_not_written(
        "Cara Diaz said 143 people were killed.",
        &[
            "Across the region, 190 people were killed.",
            "Nationwide, 190 people died.",
        ],
        "or a wider whole",
        &["Cara Diaz said 143 people were killed. In all, 190 people were killed.\n"],
    );
}

#[test]
fn a_competing_count_from_another_source_is_no_sure_error() {
    // the article credits the fact's number to its source, then gives
    // someone else's count: theirs, reported as such, never rewritten;
    // with the fact's source unnamed, or the fact's own number misstated
    // by another bound: an error with its fix
    warned_not_written(
        "Cara Diaz said 143 people were killed.",
        &[
            "Rights groups say 160 people died.",
            "The opposition said 200 people were killed.",
            "Local media reported 150 deaths.",
            "A hospital source told the newspaper 151 people had died.",
        ],
        "whose own count it may be",
        &[
            "143 people were killed. Rights groups say 160 people died.\n",
            "Cara Diaz said 143 people were killed. Rights groups say more than 143 people died.\n",
        ],
    );
}

#[test]
fn a_correction_notice_quotes_the_figure_it_corrects() {
    let text = "Correction: An earlier version of this article said 134 people were killed. Cara Diaz said 143 people were killed.\n";
    let f = check(text);
    assert!(errors(&f).is_empty(), "{f:?}");
    assert_eq!(factcheck::corrected(text, &f), text);
}

#[test]
fn a_number_broken_by_a_stray_space_is_not_half_rewritten() {
    // "3 7 people": reading "7" and writing "143" there gives "3 143"
    let text = "Cara Diaz said 1 4 people were killed.\n";
    let f = check(text);
    assert!(errors(&f).is_empty(), "{f:?}");
    assert_eq!(factcheck::corrected(text, &f), text);
    // a date before a count is no broken number: fixed as usual
    let text = "On March 3 1,000 people were injured, Cara Diaz said.\n";
    let f = check(text);
    assert_eq!(errors(&f).len(), 1, "{f:?}");
    assert_eq!(
        factcheck::corrected(text, &f),
        "On March 3 1,179 people were injured, Cara Diaz said.\n"
    );
    // nor a group of a spaced number ("3 150" is no 3,150 after a month);
    // its fix is not written where it would make one ("3 143")
    let text = "On March 3 150 people were killed, Cara Diaz said.\n";
    let f = check(text);
    let e = errors(&f);
    assert_eq!(e.len(), 1, "{f:?}");
    assert_eq!(e[0].found.as_deref(), Some("150 people were killed"));
    assert_eq!(factcheck::corrected(text, &f), text);
}

#[test]
fn an_earlier_toll_in_a_sentence_of_its_own_is_not_rewritten() {
    for second in [
        "Earlier, she had put the toll at 131.",
        "The previous toll was 131.",
        // a revision dated to a day of its own
        "On Tuesday she put the toll at 131.",
    ] {
        let text = format!("Cara Diaz said 143 people were killed. {second}\n");
        let f = check(&text);
        assert!(errors(&f).is_empty(), "{second}: {f:?}");
        assert_eq!(factcheck::corrected(&text, &f), text, "{second}");
    }
    // without the fact's own number stated, a dated revision is still
    // the article's count
    let text = "On Tuesday Cara Diaz put the toll at 131.\n";
    assert_eq!(errors(&check(text)).len(), 1, "{text}");
}

#[test]
fn what_others_believe_or_fear_is_no_sure_count() {
    // their estimate, reported as such: a warning, never the fact's number
    for text in [
        "Cara Diaz said 143 people were killed. Survivors believe as many as 400 people died.\n",
        "Cara Diaz said 143 people were killed. Rescuers fear that 300 people were killed.\n",
    ] {
        let f = check(text);
        assert!(errors(&f).is_empty(), "{text}: {f:?}");
        assert_eq!(factcheck::corrected(text, &f), text);
    }
    // the article's own count hedged, a speaker's own belief, a
    // description: still the figure's count
    for text in [
        "It is believed to have killed 150 people.\n",
        "Cara Diaz said: \u{201c}I think 150 people were killed.\u{201d}\n",
        "Jets believed to be foreign killed 150 people, Cara Diaz said.\n",
    ] {
        let f = check(text);
        let m = f
            .iter()
            .find(|f| f.status == Status::Mismatch)
            .unwrap_or_else(|| panic!("{text}: {f:?}"));
        assert_eq!(m.severity, Severity::Error, "{text}: {m:?}");
    }
}
