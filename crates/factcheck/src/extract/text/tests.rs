//! Sentence splitting on real shapes: quoted questions, party tags, long runs.

use super::*;
use crate::extract::scan::scan_copy;

#[test]
fn a_quoted_question_runs_on_into_its_speaker_tag() {
    let lx = Lexicon::default_ref();
    let s = "“Who pays for this?” Ms. Odell said at a council meeting. Then she left.";
    assert_eq!(sentences(s, 0, s.len(), lx).len(), 2);
    let s = "\"Why would you?\" Lichtman said about the effort. \"Stop!\" Ana Ruiz said.";
    assert_eq!(sentences(s, 0, s.len(), lx).len(), 2);
    // a new sentence that reports something else still starts one
    let s = "“Who pays?” Odell said the council would decide.";
    assert_eq!(sentences(s, 0, s.len(), lx).len(), 2);
}

#[test]
fn a_party_tag_in_parentheses_does_not_end_the_sentence() {
    let lx = Lexicon::default_ref();
    let s = "Senator Ann Koll (D-Nev.) told reporters the bill was dead. Then she left.";
    assert_eq!(sentences(s, 0, s.len(), lx).len(), 2);
    // a full sentence in parentheses still ends one
    let s = "The bill died. (It was the third to fail.) then they left.";
    assert_eq!(sentences(s, 0, s.len(), lx).len(), 3);
}

fn split(s: &str) -> Vec<&str> {
    let scan = scan_copy(s);
    sentences(&scan, 0, s.len(), Lexicon::default_ref())
        .iter()
        .map(|x| &s[x.start..x.end])
        .collect()
}

#[test]
fn abbreviations_and_decimals() {
    assert_eq!(
        split("Mr. Smith met U.S. officials. The toll is 10.5 thousand. Dr. Jones left."),
        [
            "Mr. Smith met U.S. officials.",
            "The toll is 10.5 thousand.",
            "Dr. Jones left."
        ]
    );
}

#[test]
fn missing_space_and_quotes() {
    assert_eq!(
        split("He said “it is over.” Then he left.Nobody stayed."),
        ["He said “it is over.”", "Then he left.", "Nobody stayed."]
    );
}

#[test]
fn wrapped_wire_copy_and_citations() {
    let s = "BAHIA COCOA REVIEW\nShowers continued throughout the week in the Bahia zone and\nFighting in the north killed 15 people, officials said in 2010. Analysts\nagreed.[12] Next one.[3][4] And one more.[citation needed] Last.";
    assert_eq!(
        split(s),
        [
            "BAHIA COCOA REVIEW",
            "Showers continued throughout the week in the Bahia zone and\nFighting in the north killed 15 people, officials said in 2010.",
            "Analysts\nagreed.[12]",
            "Next one.[3][4]",
            "And one more.[citation needed]",
            "Last."
        ]
    );
}

#[test]
fn lines_and_paragraphs() {
    let s = "Read more: A headline\n\nfomin said that talks\ncontinued today.\nNext line";
    assert_eq!(
        split(s),
        [
            "Read more: A headline",
            "fomin said that talks\ncontinued today.",
            "Next line"
        ]
    );
}

#[test]
fn double_apostrophes_are_quotes() {
    let s = "''To bring them here,'' Mr. Carson said.";
    let c = scan_copy(s);
    assert_eq!(c, " \"To bring them here,\"  Mr. Carson said.");
}

#[test]
fn markup_is_blanked_with_same_length() {
    let s = "See **140** [dead](https://x.org/2014/9) <b>now</b>\u{a0}x";
    let c = scan_copy(s);
    assert_eq!(c.len(), s.len());
    assert!(!c.contains("2014"));
    assert!(c.contains("140"));
    assert!(!c.contains("<b>"));
}

#[test]
fn a_number_opening_a_wrapped_line_goes_on() {
    let s = "Iraqi forces killed or wounded\n15,000 soldiers as they crushed the attack.";
    let lx = Lexicon::default_ref();
    let got = sentences(s, 0, s.len(), lx);
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn a_short_line_ending_on_a_preposition_goes_on() {
    let lx = Lexicon::default_ref();
    let s = "Rebels killed 18 soldiers on\nMindanao island, the army said.";
    assert_eq!(sentences(s, 0, s.len(), lx).len(), 1);
    // a short line ending on a name is a headline
    let s = "Rebels attack Mindanao\nThe army said 18 soldiers died.";
    assert_eq!(sentences(s, 0, s.len(), lx).len(), 2);
}

#[test]
fn a_name_split_by_the_wrap_goes_on() {
    let lx = Lexicon::default_ref();
    let s = "Tarsk complained to the United\nNations today that raids killed 90 people.";
    assert_eq!(sentences(s, 0, s.len(), lx).len(), 1);
    // the next line opening a sentence of its own keeps the headline
    let s = "Floods hit the North\nThe army said 18 soldiers died.";
    assert_eq!(sentences(s, 0, s.len(), lx).len(), 2);
}

#[test]
fn a_run_without_a_sentence_end_is_cut_between_words() {
    let lx = Lexicon::default_ref();
    for unit in [".", "ab ", "— ", "“"] {
        let s = unit.repeat(200_000);
        let found = sentences(&s, 0, s.len(), lx);
        assert!(found.len() >= 3, "{unit:?}: {}", found.len());
        for x in &found {
            assert!(x.end - x.start <= crate::limits::MAX_SENTENCE_BYTES + 32);
            assert!(s.is_char_boundary(x.start) && s.is_char_boundary(x.end));
        }
    }
    // a word is never cut, however long
    let s = "x".repeat(200_000);
    assert_eq!(sentences(&s, 0, s.len(), lx).len(), 1);
}

proptest::proptest! {
    /// A line's length is read back from its end only as far as it must
    /// be, with the answer of counting its trimmed characters; a line end
    /// opens a paragraph after a blank line, as reading the whole line
    /// back says.
    #[test]
    fn line_lengths_and_blank_lines_as_whole_lines_read(
        s in "([ \t\r\u{a0}\u{2003}\n]|[a-zé.]|Word ){0,120}",
        n in 0usize..50,
    ) {
        let lx = Lexicon::default_ref();
        let sp = Splitter { s: &s, start: 0, lexicon: lx, out: Vec::new(), paragraph: 0, sent_start: None };
        for (i, _) in s.match_indices('\n') {
            let line_start = s[..i].rfind('\n').map_or(0, |p| p + 1);
            let whole = s[line_start..i].trim().chars().count();
            proptest::prop_assert_eq!(sp.line_at_least(i, n), whole >= n, "{:?} at {}", s, i);
            let blank = s[..i].rsplit('\n').next().is_some_and(|l| l.trim().is_empty());
            let mut between = Splitter { s: &s, start: 0, lexicon: lx, out: Vec::new(), paragraph: 0, sent_start: None };
            between.line_between(i);
            proptest::prop_assert_eq!(between.paragraph, usize::from(blank && i > 0));
        }
    }
}
