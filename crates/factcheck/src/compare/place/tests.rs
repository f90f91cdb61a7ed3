//! The place module's readings against plain definitions of them.

proptest::proptest! {
    /// Lower case read a character at a time is `str::to_lowercase`,
    /// line breaks and tabs as spaces, on text of every script (a
    /// capital sigma at a word's end included).
    #[test]
    fn flat_lower_is_lower_case(s in "[A-Za-z \n\t\r.ÉéİßΣσΑΩДЖ’“—😀]{0,24}") {
        let want = s.to_lowercase().replace(['\n', '\r', '\t'], " ");
        proptest::prop_assert_eq!(super::flat_lower(&s), want);
    }

    /// A word's positions are those of `str::match_indices` (leftmost,
    /// not overlapping) between word boundaries, the empty word's too,
    /// in text with repeats ("aaa" in "aaaa") and characters of several
    /// bytes.
    #[test]
    fn word_positions_are_str_matches(
        text in "[a é,Σ😀]{0,16}|( a|, | ,)*",
        word in "[a ,Σ]{0,3}| a | , |,",
    ) {
        let want: Vec<usize> = text
            .match_indices(word.as_str())
            .map(|(i, _)| i)
            .filter(|&i| {
                let before = text[..i].chars().next_back();
                let after = text[i + word.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
            .collect();
        let got: Vec<usize> = super::word_positions(&text, &word).collect();
        proptest::prop_assert_eq!(got, want);
    }
}

proptest::proptest! {
    /// A sentence end is found between two offsets as reading each
    /// marker's `]` afresh finds it, in runs of ".[" and markers.
    #[test]
    fn sentence_ends_are_found_past_markers(
        text in "(\\.|\\[|\\]|\\[1\\]|a|\\. | |”|\\)|!){0,40}",
        a in 0usize..60,
        b in 0usize..60,
    ) {
        proptest::prop_assert_eq!(super::sentence_between(&text, a, b), afresh(&text, a, b));
    }

    /// Once a sentence end stands between `a` and some `b`, it stands
    /// between `a` and any later `b` (what "while" reads up to relies on).
    #[test]
    fn a_sentence_end_stays_between(
        text in "(\\.|\\[|\\]|\\[1\\]|a|\\. | |”|\\)|!){0,40}",
        a in 0usize..60,
        b in 0usize..60,
        more in 0usize..20,
    ) {
        if super::sentence_between(&text, a, b) && text.is_char_boundary((b + more).min(text.len())) {
            proptest::prop_assert!(super::sentence_between(&text, a, (b + more).min(text.len())));
        }
    }
}

/// Whether a sentence ends between `a` and `b`, each marker's `]` read
/// afresh.
fn afresh(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b).is_some_and(|between| {
        between.match_indices(['.', '!', '?']).any(|(i, _)| {
            let mut rest = between[i + 1..].trim_start_matches(['"', '”', '’', ')', ']']);
            while let Some(marker) = rest.strip_prefix('[') {
                rest = marker.split_once(']').map_or("", |(_, after)| after);
            }
            rest.starts_with(char::is_whitespace)
        })
    })
}

#[test]
fn sentence_ends_past_runs_of_markers() {
    // (the second full stop's marker is the first's `]`, kept)
    for (text, end) in [
        (".[.[1]a b", false),
        (".[.[1] b", true),
        ("a.[1][2] b", true),
        (".[.[.[", false),
        ("x.) y", true),
    ] {
        assert_eq!(super::sentence_between(text, 0, text.len()), end, "{text}");
        assert_eq!(afresh(text, 0, text.len()), end, "{text}");
    }
}

proptest::proptest! {
    /// A claim's sentence is found where a search of the window around its
    /// span finds it first: in text that repeats the sentence's first
    /// byte, the sentence, and characters of several bytes.
    #[test]
    fn a_sentence_starts_where_a_search_finds_it(
        text in "[aé b.]{0,40}",
        sentence in "[aé b.]{0,12}",
        at in 0usize..64,
        span in (0usize..16, 0usize..16),
    ) {
        use crate::model::{Claim, ClaimKind, Span};
        // (the sentence set in the text, or not, and spans anywhere)
        let mut text = text;
        let at = text.char_indices().map(|(i, _)| i).chain([text.len()]).nth(at % (text.chars().count() + 1)).unwrap_or(0);
        if span.0 % 3 != 0 {
            text.insert_str(at, &sentence);
        }
        let (start, end) = (at + span.0 % (sentence.len() + 1), at + span.0 % (sentence.len() + 1) + span.1 % 4);
        let c = Claim {
            id: "c1".into(),
            kind: ClaimKind::Statement,
            text: sentence.clone(),
            span: Span { start, end, line: 1, column: 1 },
            quantity: None,
            quote: None,
            content: None,
            attribution: None,
            context: None,
        };
        let lo = end.saturating_sub(sentence.len());
        let hi = (start + sentence.len()).min(text.len());
        let want = text.get(lo..hi).and_then(|w| w.find(sentence.as_str()).map(|i| lo + i));
        proptest::prop_assert_eq!(super::sentence_start(&text, &c), want);
    }
}
