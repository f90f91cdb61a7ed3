use super::*;

#[test]
fn splits_numbers_words_and_punctuation() {
    let src = "Russia’s 10,000 troops, 1.2m so-called 3bn.";
    let t = tokenize(src, 0, src.len());
    let words: Vec<&str> = t.iter().map(|t| t.text(src)).collect();
    assert_eq!(
        words,
        [
            "Russia’s",
            "10,000",
            "troops",
            ",",
            "1.2",
            "m",
            "so-called",
            "3",
            "bn",
            "."
        ]
    );
    assert_eq!(t[1].kind, Kind::Num);
}

#[test]
fn an_ampersand_joins_capitals_only() {
    let src = "PG&E and AT&T, salt & pepper, R&d";
    let t = tokenize(src, 0, src.len());
    let words: Vec<&str> = t.iter().map(|t| t.text(src)).collect();
    assert_eq!(
        words,
        ["PG&E", "and", "AT&T", ",", "salt", "&", "pepper", ",", "R", "&", "d"]
    );
}

/// The tokens of `src[start..end]` as the rules define them, read a
/// character at a time with no table and no eight-byte runs: what the
/// fast reading must give.
fn spec(src: &str, start: usize, end: usize) -> Vec<(usize, usize, Kind, String, bool, bool)> {
    let chars: Vec<(usize, char)> = src[start..end]
        .char_indices()
        .map(|(i, c)| (start + i, c))
        .collect();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let offset = |k: usize| chars.get(k).map_or(end, |&(i, _)| i);
    let mut out = Vec::new();
    let mut k = 0;
    while let Some(c) = at(k) {
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        let first = k;
        k += 1;
        let kind = if c.is_ascii_digit() {
            while at(k).is_some_and(|d| d.is_ascii_digit())
                || matches!(at(k), Some(',' | '.')) && at(k + 1).is_some_and(|d| d.is_ascii_digit())
            {
                k += 1;
            }
            Kind::Num
        } else if is_word_char(c) {
            loop {
                match at(k) {
                    Some(d) if is_word_char(d) => k += 1,
                    Some('&')
                        if at(k - 1).is_some_and(char::is_uppercase)
                            && at(k + 1).is_some_and(char::is_uppercase) =>
                    {
                        k += 2
                    }
                    Some(d)
                        if (is_apostrophe(d) || d == '-')
                            && at(k + 1).is_some_and(is_word_char) =>
                    {
                        k += 2
                    }
                    _ => break,
                }
            }
            Kind::Word
        } else {
            Kind::Punct
        };
        let text = &src[offset(first)..offset(k)];
        let lower = if kind == Kind::Word {
            text.to_lowercase()
        } else {
            text.to_string()
        };
        out.push((
            offset(first),
            offset(k),
            kind,
            lower,
            c.is_uppercase(),
            kind == Kind::Word && text.contains('-'),
        ));
    }
    out
}

proptest::proptest! {
    /// The tokens are the rules' tokens, for any text and any part of
    /// it: capitals, digits with their separators, apostrophes, hyphens
    /// and ampersands at every place, letters past ASCII whose lower
    /// case is longer ("İ") or that are capitals without being ASCII
    /// ("Ⓐ", "ǅ"), combining marks, spaces of every kind (the ASCII
    /// ones, U+0085, U+2028, U+3000…), words longer than eight bytes
    /// with one capital anywhere in them, in any part of a text.
    #[test]
    fn the_fast_reading_gives_the_rules_tokens(
        parts in proptest::collection::vec("[a-zA-Z]{1,12}|[a-z]{0,17}[A-Z][a-z]{0,6}|[0-9]{1,5}|[,.'’&\\-]|[ \t\n\r\u{b}\u{c}]|\u{85}|\u{a0}|\u{1680}|\u{2003}|\u{2028}|\u{3000}|é|É|İ|ß|Ⓐ|ǅ|\u{301}|—|“|😀|日本|\\PC", 0..40),
        cut in 0usize..4,
    ) {
        let src: String = parts.concat();
        let bounds: Vec<usize> = (0..=src.len()).filter(|&i| src.is_char_boundary(i)).collect();
        let start = bounds[cut.min(bounds.len() - 1)];
        let end = bounds[bounds.len() - 1 - cut.min(bounds.len() - 1)].max(start);
        let got: Vec<_> = tokenize(&src, start, end)
            .into_iter()
            .map(|t| (t.start, t.end, t.kind, t.lower.to_string(), t.cap, t.hyphen))
            .collect();
        proptest::prop_assert_eq!(&got, &spec(&src, start, end));
        // (and with the folded text, as an article is read: the same
        // tokens, a capitalised word's lower case borrowed from it)
        let folded = src[start..end].to_ascii_lowercase();
        let mut toks = vec![Token::new(&src, 0, 0, Kind::Punct, "stale".into())];
        tokenize_into(&mut toks, &src, Some(&folded), start, end);
        let from_folded: Vec<_> = toks
            .into_iter()
            .map(|t| (t.start, t.end, t.kind, t.lower.to_string(), t.cap, t.hyphen))
            .collect();
        proptest::prop_assert_eq!(from_folded, got);
    }
}

/// A glued cue is cut from a word's lower case where the word is cut,
/// whether that lower case is a copy ("Erdoğansaid") or borrowed from the
/// folded text ("Zelenskysaid").
#[test]
fn a_prefix_is_the_first_bytes_of_the_lower_case() {
    let src = "Erdoğansaid Zelenskysaid";
    let folded = src.to_ascii_lowercase();
    let mut toks = Vec::new();
    tokenize_into(&mut toks, src, Some(&folded), 0, src.len());
    let cut = |t: &Token<'_>| {
        t.lower
            .prefix(t.lower.len() - "said".len())
            .as_str()
            .to_string()
    };
    assert_eq!(toks[0].lower.as_str(), "erdoğansaid");
    assert_eq!(cut(&toks[0]), "erdoğan");
    assert_eq!(cut(&toks[1]), "zelensky");
}
