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

/// The defaults with a metric a reference adds: jobs cut.
fn with_jobs_cut() -> Lexicon {
    let mut extra = LexiconFile::default();
    extra.metrics.insert(
        "jobs-cut".into(),
        vec!["cut N jobs".into(), "job losses".into()],
    );
    Lexicon::extended(&extra).unwrap()
}

#[test]
fn reference_adds_a_metric() {
    let lx = with_jobs_cut();
    assert!(lx.has_metric("jobs-cut"));
    assert!(lx.post_by_first.contains_key("jobs"));
}

/// A token's classes, read once, answer as the word lists themselves do,
/// for the defaults and for words a reference adds; a token never read
/// against the lexicon is looked up in the list.
#[test]
fn token_classes_answer_as_the_lists() {
    use crate::lang::tokens::tokenize;
    let mut extra = LexiconFile::default();
    extra.titles.push("Vizier".into());
    extra.reporting_verbs.push("proclaimed".into());
    // (a number and a one-byte word in lists: read apart from other words)
    extra.months.push("1945".into());
    extra.organisations.push("&".into());
    extra.titles.push("x".into());
    // (words of 15 and 16 bytes and longer: looked up by number and by string)
    for w in ["Inspectorgeneral", "Inspectorgenera", "Counterintelligence"] {
        extra.titles.push(w.into());
        extra.organisations.push(w.into());
    }
    let extended = Lexicon::extended(&extra).unwrap();
    let text = "On Monday the Grand Vizier proclaimed, according to officials of the \
                ministry, that Mr Kovač said more than 40 people were killed in March and 300 fled \
                their homes; he warned. In 1945 x & y left, Inspectorgeneral and Inspectorgenera \
                Counterintelligence too.";
    for lx in [Lexicon::default_ref(), &extended] {
        let unread = tokenize(text, 0, text.len());
        let mut read = unread.clone();
        lx.classes.read(&mut read);
        let lists = [
            &lx.titles,
            &lx.reporting_verbs,
            &lx.not_names,
            &lx.months,
            &lx.weekdays,
            &lx.proxies,
            &lx.organisations,
            &lx.aux_words,
            &lx.speaker_nouns,
            &lx.small_words,
        ];
        for (t, u) in read.iter().zip(&unread) {
            assert_ne!(t.classes & classes::KNOWN, 0);
            for list in lists {
                let expected = list.contains(t.lower.as_str());
                assert_eq!(list.has(t), expected, "{}", t.lower);
                assert_eq!(list.has(u), expected, "{}", t.lower);
            }
            // (the phrase-edge bit only turns away words no cue opens)
            let plain = lx.plain_by_first.contains_key(t.lower.as_str());
            let post = lx.post_by_first.contains_key(t.lower.as_str());
            assert_eq!(lx.opens_plain_cue(t), plain, "{}", t.lower);
            assert_eq!(lx.opens_plain_cue(u), plain, "{}", t.lower);
            assert_eq!(lx.opens_post_cue(t), post, "{}", t.lower);
        }
        // phrases and qualifiers found at each token as from unread tokens
        for i in 0..=read.len() {
            for phrases in [&lx.plain_phrases, &lx.post_phrases, &lx.pre_phrases] {
                let at = |toks| phrases.starting_at(toks, i).collect::<Vec<_>>();
                assert_eq!(at(&read), at(&unread), "{i}");
                let before = |toks| phrases.ending_at(toks, 0, i).collect::<Vec<_>>();
                assert_eq!(before(&read), before(&unread), "{i}");
            }
            let q = |toks: &[crate::lang::tokens::Token]| {
                (
                    lx.qualifiers.starting_at(toks, i),
                    lx.qualifiers.ending_at(toks, 0, i),
                )
            };
            assert_eq!(q(&read), q(&unread), "{i}");
        }
        // (and the sentence holds some: the test reads them)
        assert!((0..read.len()).any(|i| lx.plain_phrases.starting_at(&read, i).next().is_some()));
        assert!((0..=read.len()).any(|i| lx.qualifiers.ending_at(&read, 0, i).is_some()));
    }
    let vizier = |lx: &Lexicon| {
        let mut t = tokenize("Vizier", 0, 6);
        lx.classes.read(&mut t);
        lx.titles.has(&t[0])
    };
    assert!(vizier(&extended) && !vizier(Lexicon::default_ref()));
}

/// Whether `lx` finds some metric cue standing whole in `text`.
fn holds_cue(lx: &Lexicon, text: &str) -> bool {
    let mut toks = crate::lang::tokens::tokenize(text, 0, text.len());
    lx.classes.read(&mut toks);
    lx.cue_marks
        .any_cue(&toks, crate::lang::tokens::union(&toks))
}

/// Every metric cue, the defaults' and those a reference adds, is found
/// standing whole in a sentence (a sentence where none is is not read for
/// figures, so a cue missed here would never be found); a sentence with
/// only a part of a cue, or only the word that marks it, holds none.
#[test]
fn every_cue_is_found_standing_whole() {
    use crate::lang::tokens::{tokenize, union};
    let extended = with_jobs_cut();
    // (a cue whose words are not word tokens as written, "fled the u.s.",
    // is never found by any rule: it is left out)
    let words_as_tokens = |part: &[String]| {
        let text = part.join(" ");
        let toks = tokenize(&text, 0, text.len());
        toks.len() == part.len()
            && toks
                .iter()
                .zip(part)
                .all(|(t, w)| t.is_word() && t.lower == *w)
    };
    for lx in [Lexicon::default_ref(), &extended] {
        let mut tried = 0;
        for c in &lx.cues {
            if !(words_as_tokens(&c.pre) && words_as_tokens(&c.post)) {
                continue;
            }
            tried += 1;
            let text = format!(
                "Officials said {} 12 {} on Monday.",
                c.pre.join(" "),
                c.post.join(" ")
            );
            assert!(holds_cue(lx, &text), "{text}");
        }
        assert!(
            tried * 100 >= lx.cues.len() * 95,
            "{tried} of {}",
            lx.cues.len()
        );
        for text in [
            "The company reported a net loss of 3.5 mln dlrs.",
            "The plan will cost 5 mln dlrs, the board said.",
            "Shares rose 5 pct in heavy trading.",
            "She said the country would hold talks.",
        ] {
            assert!(!holds_cue(lx, text), "{text}");
        }
        // (a token never read against the lexicon may mark any cue)
        let text = "Shares rose 5 pct.";
        let unread = tokenize(text, 0, text.len());
        assert!(lx.cue_marks.any_cue(&unread, union(&unread)));
    }
    // a sentence with a reference's cue as its only metric words is read
    let text = "The carmaker announced 1,200 job losses on Tuesday.";
    let article = crate::article::Article::from_text("a.txt", text.to_string(), None).unwrap();
    let claims = crate::extract::Extractor::new(&extended).claims(&article);
    let metrics: Vec<_> = claims
        .iter()
        .filter_map(|c| Some(c.quantity.as_ref()?.metric.as_str()))
        .collect();
    assert_eq!(metrics, ["jobs-cut"]);
}

/// A reference's `{country}` slot makes a cue per country: a part that
/// all of them share counts as standing alone (the work stays a few steps
/// per word), a part of one of them still needs the rest of its cue.
#[test]
fn a_part_of_many_cues_counts_as_standing() {
    let extra = LexiconFile {
        countries: (0..70u8)
            .map(|i| {
                format!(
                    "Zor{}{}",
                    char::from(b'a' + i / 26),
                    char::from(b'a' + i % 26)
                )
            })
            .collect(),
        metrics: [("expelled".into(), vec!["expelled N to {country}".into()])].into(),
        ..Default::default()
    };
    let lx = Lexicon::extended(&extra).unwrap();
    // (the part every cue shares, without a country)
    assert!(holds_cue(&lx, "Officials expelled 12 reporters last week."));
    // (one country's part, without the words before the number)
    assert!(!holds_cue(&lx, "Twelve were sent to Zorab last week."));
    assert!(holds_cue(&lx, "They expelled 12 to Zorab last week."));
    assert!(!holds_cue(&lx, "Twelve reporters left last week."));
}
