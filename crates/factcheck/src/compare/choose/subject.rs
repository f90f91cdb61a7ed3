//! How a figure's subject fits a fact's: the same noun, a synonym, a
//! compound or a part of it.

use super::contains_word;
use crate::lexicon::Lexicon;

/// A noun's singular, as far as comparing subjects needs: "soldiers",
/// and the plurals in -men ("men", "policewomen"). ("children" stays a
/// synonym of "child", not the same noun, so that the value decides
/// between a fact about one child and one about schoolchildren.)
pub(super) fn singular(s: &str) -> std::borrow::Cow<'_, str> {
    if let Some(stem) = s.strip_suffix("men") {
        return format!("{stem}man").into();
    }
    s.strip_suffix('s')
        .filter(|r| r.len() > 2)
        .unwrap_or(s)
        .into()
}

/// How well a claim's subject fits a fact's: 3 same noun, 2 synonym,
/// 1 the fact names no subject, 0 no fit. People in general — a figure
/// with no subject noun ("50,000 were left homeless"), "people", "persons"
/// — fit a fact about people and a fact that names no subject equally (2):
/// the subject then leaves the choice to the source, the place and the
/// value. A specific subject ("children") prefers a fact that names it.
pub(super) fn subject_fit<'a>(lx: &Lexicon, claim: Option<&'a str>, fact: Option<&str>) -> u8 {
    let general = |s: Option<&str>| s.is_none_or(|s| s == "people" || lx.synonyms("people", s));
    if general(claim) && general(fact) {
        return 2;
    }
    match (claim, fact) {
        (_, None) => 1,
        (None, Some(_)) => 0,
        (Some(c), Some(f)) => {
            // the head noun: "malawian people" are people, "rebel fighters" fighters
            let head = |s: &'a str| s.rsplit(' ').next().unwrap_or(s);
            if c == f || singular(c) == singular(f) {
                3
            } else if lx.synonyms(c, f)
                || c.contains(' ') && subject_fit(lx, Some(head(c)), Some(f)) >= 2
                || words_within(c, f)
                || words_within(f, c)
                || compound_of(c, f)
                || compound_of(f, c)
            {
                2
            } else {
                0
            }
        }
    }
}

/// A fact's subject without the words that name the figure's metric in its
/// phrase: "as many as 250,000 Syrian refugees" counts "Syrian" refugees,
/// which a fact about "Syrian refugees" names in full. Never empties it.
pub(super) fn without_metric_noun(subject: &str, phrase: &str, claimed: Option<&str>) -> String {
    let claimed = claimed.unwrap_or("");
    let kept: Vec<&str> = subject
        .split(' ')
        .filter(|w| !contains_word(phrase, w) || contains_word(claimed, w))
        .collect();
    if kept.is_empty() {
        subject.to_string()
    } else {
        kept.join(" ")
    }
}

/// Whether a context word only names the fact's subject ("students" for
/// the students killed): the subject is ranked already, and the word
/// locates no incident, so it counts after the words that do, as the words
/// that state a figure do.
pub(in crate::compare) fn names_subject(word: &str, subject: Option<&str>) -> bool {
    subject.is_some_and(|s| {
        let w = word.to_lowercase();
        let s = s.to_lowercase();
        singular(&w) == singular(&s)
            || s.rsplit(' ')
                .next()
                .is_some_and(|h| singular(h) == singular(&w))
    })
}

/// Whether one word is a compound of the other: "schoolchildren" are
/// children, "schoolgirls" girls (a head of four letters or more, so
/// "policemen" are not "men" of any kind).
fn compound_of(a: &str, b: &str) -> bool {
    let (a, b) = (singular(a), singular(b));
    !a.contains(' ')
        && !b.contains(' ')
        && b.len() >= 4
        && a.len() > b.len()
        && a.ends_with(b.as_ref())
}

/// Whether every word of `a` stands in `b`: "syrian" in "syrian refugees",
/// "policemen" in "policemen, soldiers and security guards".
fn words_within(a: &str, b: &str) -> bool {
    let words = |s: &'_ str| {
        s.split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .map(|w| singular(w).to_string())
            .collect::<Vec<_>>()
    };
    let within = words(b);
    words(a).iter().all(|w| within.contains(w))
}
