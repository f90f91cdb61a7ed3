//! A quote written otherwise than the reference without saying anything
//! else: accents typed as a letter and a combining mark (NFD, as pasted
//! from some systems), characters no reader sees inside a word, a
//! non-breaking hyphen, an editor's words in brackets. None is a misquote,
//! and `--write` leaves such copy alone. Quotes and people invented.

use std::path::Path;

use factcheck::model::{Finding, Severity, Status};
use factcheck::{Article, Checker, Reference};

const YAML: &str = "version: 1
sources:
  - {id: zoe, name: Zoë Müller-Ødegård, aliases: [Müller-Ødegård]}
quotes:
  - {id: q, speaker: zoe, text: \"Our café and the école will reopen by Thursday, before winter comes, and the 1,200-metre bridge too.\"}
";

fn check(text: &str) -> Vec<Finding> {
    let reference =
        Reference::from_str(Path::new("ref.yaml"), YAML).unwrap_or_else(|e| panic!("{e}"));
    let article = Article::from_text("a.md", text.to_string(), None).unwrap();
    Checker::new(&reference).check(&article).findings
}

fn only_match(text: &str) {
    let f = check(text);
    assert!(
        f.iter().any(|f| f.status == Status::Match),
        "{text:?}: {f:#?}"
    );
    assert!(
        f.iter().all(|f| f.severity < Severity::Warning),
        "{text:?}: {f:#?}"
    );
}

const QUOTE: &str = "Our café and the école will reopen by Thursday, before winter comes, and the 1,200-metre bridge too.";

#[test]
fn decomposed_accents_are_the_same_words_and_the_same_name() {
    let nfd = |s: &str| -> String {
        s.chars()
            .flat_map(|c| match c {
                'é' => vec!['e', '\u{301}'],
                'ë' => vec!['e', '\u{308}'],
                'ü' => vec!['u', '\u{308}'],
                c => vec![c],
            })
            .collect()
    };
    only_match(&nfd(&format!("“{QUOTE}” Müller-Ødegård said.\n")));
    only_match(&nfd(&format!("Zoë Müller-Ødegård said: “{QUOTE}”\n")));
}

#[test]
fn characters_no_reader_sees_inside_a_word_are_no_difference() {
    for hidden in ['\u{ad}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}'] {
        let quote = QUOTE.replace("Thursday", &format!("Thurs{hidden}day"));
        only_match(&format!("“{quote}” Müller-Ødegård said.\n"));
    }
    let quote = QUOTE.replace("1,200-metre", "1,200\u{2011}metre");
    only_match(&format!("“{quote}” Müller-Ødegård said.\n"));
}

#[test]
fn an_editors_words_in_brackets_are_no_misquote() {
    for quote in [
        QUOTE.replace("before winter", "before [the] winter"),
        QUOTE.replace("the école", "the [village] école"),
        QUOTE.replace("Our café", "[Our] café"),
        QUOTE.replace("Our café", "[Their] café"),
    ] {
        only_match(&format!("“{quote}” Müller-Ødegård said.\n"));
    }
    // a word changed outside the brackets is a misquote, and its fix keeps
    // the brackets and what they hold
    let quote = QUOTE
        .replace("before winter", "before [the] winter")
        .replace("Thursday", "Friday");
    let text = format!("“{quote}” Müller-Ødegård said.\n");
    let f = check(&text);
    let m = f.iter().find(|f| f.status == Status::Misquoted).unwrap();
    let fix = m.correction.as_ref().expect("a fix");
    let mut fixed = text.clone();
    fixed.replace_range(fix.start..fix.end, &fix.replacement);
    assert!(
        fixed.contains("by Thursday, before [the] winter"),
        "{fixed}"
    );
}

#[test]
fn a_number_spelled_out_is_the_same_word_as_its_digits() {
    // house style spells out what a transcript writes in digits
    let yaml = "version: 1
sources:
  - {id: t, name: Tunde Adeyemi, aliases: [Adeyemi]}
quotes:
  - {id: q, speaker: t, text: \"We have recovered 1200 bodies, and 35 people are still missing.\"}
";
    let reference = Reference::from_str(Path::new("ref.yaml"), yaml).unwrap();
    let text = "Adeyemi said: “We have recovered 1,200 bodies, and thirty-five people are still missing.”\n";
    let article = Article::from_text("a.md", text.to_string(), None).unwrap();
    let f = Checker::new(&reference).check(&article).findings;
    assert!(f.iter().any(|f| f.status == Status::Match), "{f:#?}");
    assert!(f.iter().all(|f| f.severity < Severity::Warning), "{f:#?}");
    // another number is still a misquote, shown as the article wrote it
    let text = "Adeyemi said: “We have recovered 1,200 bodies, and thirty-six people are still missing.”\n";
    let article = Article::from_text("a.md", text.to_string(), None).unwrap();
    let f = Checker::new(&reference).check(&article).findings;
    let m = f
        .iter()
        .find(|f| f.status == Status::Misquoted)
        .expect("a misquote");
    assert!(m.message.contains("thirty-six"), "{}", m.message);
    // in several words too; another number so written stays a misquote
    for (text, right) in [
        ("“We have recovered one thousand two hundred bodies, and 35 people are still missing.”", true),
        ("“We have recovered twelve hundred bodies, and thirty five people are still missing.”", true),
        ("“We have recovered one thousand two hundred bodies, and thirty six people are still missing.”", false),
    ] {
        let text = format!("Adeyemi said: {text}\n");
        let article = Article::from_text("a.md", text.clone(), None).unwrap();
        let f = Checker::new(&reference).check(&article).findings;
        let misquoted = f.iter().any(|f| f.status == Status::Misquoted);
        assert_eq!(!misquoted, right, "{text}: {f:#?}");
    }
}

#[test]
fn words_dropped_from_a_quote_take_their_dashes_or_brackets_along() {
    // the reference has the quote without the aside: the fix drops the
    // aside and the marks that set it off, and nothing else
    for aside in [
        " — not even one — ",
        " - not even one - ",
        "—not even one—",
        " (not even one) ",
    ] {
        let text = format!("Zoë Müller-Ødegård said: “Our café and the école will reopen by Thursday,{aside}before winter comes, and the 1,200-metre bridge too.”\n");
        let f = check(&text);
        assert!(
            f.iter().any(|f| f.status == Status::Misquoted),
            "{aside}: {f:#?}"
        );
        let fixed = factcheck::corrected(&text, &f);
        assert_eq!(
            fixed,
            format!("Zoë Müller-Ødegård said: “{QUOTE}”\n"),
            "{aside}"
        );
        // and a second run changes nothing
        assert_eq!(factcheck::corrected(&fixed, &check(&fixed)), fixed);
    }
}

#[test]
fn a_figure_inside_a_quotation_keeps_its_speaker() {
    // the chief is quoted giving the fire service's count: her own words,
    // never rewritten to the service's name
    let yaml = "version: 1
sources:
  - {id: fire, name: Calder Fire Service, aliases: [the fire service]}
  - {id: solberg, name: Ines Solberg, aliases: [Solberg]}
facts:
  - {id: dead, metric: killed, subject: people, value: 27, source: fire}
";
    let reference = Reference::from_str(Path::new("ref.yaml"), yaml).unwrap();
    let text = "“Twenty-seven people are dead and we fear there may be more,” Solberg said.\n";
    let article = Article::from_text("a.md", text.to_string(), None).unwrap();
    let f = Checker::new(&reference).check(&article).findings;
    assert!(f.iter().all(|f| f.severity < Severity::Error), "{f:#?}");
    assert_eq!(factcheck::corrected(text, &f), text);
    // in reported speech the credit is still judged, and fixed
    let text = "Solberg said 27 people were killed.\n";
    let article = Article::from_text("a.md", text.to_string(), None).unwrap();
    let f = Checker::new(&reference).check(&article).findings;
    assert!(
        f.iter()
            .any(|f| f.status == Status::Misattributed && f.severity == Severity::Error),
        "{f:#?}"
    );
    // another number quoted from someone else is their words: a warning,
    // never rewritten ("We have counted 27 dead" was written into the
    // resident's mouth); the fact's own source misquoted is fixed
    let check = |text: &str| {
        let article = Article::from_text("a.md", text.to_string(), None).unwrap();
        Checker::new(&reference).check(&article).findings
    };
    let text = "“We have counted 40 dead,” said a resident, Ana Lopes.\n";
    let f = check(text);
    assert!(f.iter().all(|f| f.severity < Severity::Error), "{f:#?}");
    assert_eq!(factcheck::corrected(text, &f), text);
    let text = "“We have counted 40 dead,” the fire service said.\n";
    let f = check(text);
    assert_eq!(
        factcheck::corrected(text, &f),
        "“We have counted 27 dead,” the fire service said.\n"
    );
}

#[test]
fn markup_inside_a_quotation_is_read_as_a_reader_sees_it() {
    // a character reference, a tag, a footnote mark, a Markdown link: the
    // words a reader sees are the reference's, and nothing is rewritten
    for form in [
        "the &eacute;cole will reopen",
        "the <em>école</em> will reopen",
        "the école<sup>2</sup> will reopen",
        "the [école](https://example.org/ecole) will reopen",
        "the&nbsp;école will reopen",
    ] {
        let quote = QUOTE.replace("the école will reopen", form);
        only_match(&format!("Zoë Müller-Ødegård said: “{quote}”\n"));
    }
}

#[test]
fn a_replaced_word_keeps_the_articles_dash_before_it() {
    let text = "Zoë Müller-Ødegård said: “Our café and the école will reopen by Thursday — after winter comes, and the 1,200-metre bridge too.”\n";
    let f = check(text);
    assert!(f.iter().any(|f| f.status == Status::Misquoted), "{f:#?}");
    let fixed = factcheck::corrected(text, &f);
    assert_eq!(fixed, text.replace("— after", "— before"));
    assert_eq!(factcheck::corrected(&fixed, &check(&fixed)), fixed);
}

#[test]
fn british_and_american_spellings_are_the_same_word() {
    // a quote re-spelled to a house style says the same words; a changed
    // word is still a misquote, and short words are never folded
    let yaml = "version: 1
sources:
  - {id: ines, name: Ines Solberg, aliases: [Solberg]}
quotes:
  - {id: q, speaker: ines, text: \"Our neighbours will not forget the centre, and the organisation analysed every defence of it.\"}
";
    let reference = Reference::from_str(Path::new("ref.yaml"), yaml).unwrap();
    let check = |text: &str| {
        let article = Article::from_text("a.md", text.to_string(), None).unwrap();
        Checker::new(&reference).check(&article).findings
    };
    let text = "“Our neighbors will not forget the center, and the organization analyzed every defense of it,” Solberg said.\n";
    let f = check(text);
    assert!(f.iter().any(|f| f.status == Status::Match), "{f:#?}");
    assert!(f.iter().all(|f| f.severity < Severity::Warning), "{f:#?}");
    let text = "“Our neighbors will not forget the center, and the organization analyzed every part of it,” Solberg said.\n";
    let f = check(text);
    assert!(f.iter().any(|f| f.status == Status::Misquoted), "{f:#?}");
}
