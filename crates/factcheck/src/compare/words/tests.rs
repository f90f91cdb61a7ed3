use super::*;

fn w(s: &str) -> Vec<String> {
    quote_words(s).into_iter().map(|w| w.0).collect()
}

#[test]
fn punctuation_read_in_the_wrong_encoding_separates_words() {
    // a dash and an apostrophe of UTF-8 read as Windows-1252
    assert_eq!(
        w("the fit and healthy\u{e2}\u{20ac}\u{201d}and the old"),
        ["the", "fit", "and", "healthy", "and", "the", "old"]
    );
    assert_eq!(w("it\u{e2}\u{20ac}\u{2122}s over"), ["it's", "over"]);
}

#[test]
fn three_dots_between_words_are_an_ellipsis() {
    assert_eq!(
        w("We had a violent hurricane...which did damage"),
        [
            "we",
            "had",
            "a",
            "violent",
            "hurricane",
            "…",
            "which",
            "did",
            "damage"
        ]
    );
    assert_eq!(w("so ... and so…"), ["so", "…", "and", "so", "…"]);
}

#[test]
fn ellipsis_and_parts_match() {
    let r = w("fundamentally to cut back military activity in the direction of Kyiv and Chernihiv");
    assert!(quote_matches(
        &w("fundamentally … military activity in the direction of Kyiv"),
        &r
    ));
    assert!(quote_matches(&w("Military activity in the direction"), &r));
    assert!(!quote_matches(&w("military activity near Kyiv"), &r));
    assert!(!quote_matches(&w("ilitary activity"), &r));
    let glued = w("security guarantees to Ukraine they are becoming practical matters");
    assert!(quote_matches(
        &w("guarantees to Ukrainethey are becoming practical matters."),
        &glued
    ));
    assert!(quote_matches(&w("“fundamentally… to cut back”"), &r));
}

#[test]
fn a_short_phrase_finds_its_place_in_a_longer_quote() {
    let article = w("We were told at dawn that there has been fierce artillery shelling since yesterday and many are hurt");
    let phrase = w("There has been heavy artillery shelling since yesterday");
    let (i, j, share) = best_window(&article, &phrase).unwrap();
    assert_eq!(
        article[i..j].join(" "),
        "there has been fierce artillery shelling since yesterday"
    );
    assert!((share - 7.0 / 8.0).abs() < 1e-9, "{share}");
    assert!(
        best_window(&phrase, &article).is_none(),
        "the phrase is the shorter"
    );
    // the phrase's last word changed: the window covers it
    let article = w("As a nation we welcome the stranger with compassion and an open heart");
    let phrase = w("we welcome the stranger with empathy");
    let (i, j, _) = best_window(&article, &phrase).unwrap();
    assert_eq!(
        article[i..j].join(" "),
        "we welcome the stranger with compassion"
    );
}

#[test]
fn misquote_diff_names_the_changed_word() {
    let diff = |printed: &str, said: &str| {
        quote_diff(&quote_words(printed), printed, said, &quote_words(said))
    };
    let d = diff(
        "we will halt military activity near Kyiv",
        "we will reduce military activity near Kyiv today",
    );
    assert!(d.ratio > 0.8);
    assert_eq!(
        DiffPart::inline(&d.parts),
        "we will [-reduce-] {+halt+} military activity near Kyiv"
    );
    assert_eq!(d.said, "we will reduce military activity near Kyiv");
    assert_eq!(d.fixed, "we will reduce military activity near Kyiv");
    let d = diff(
        "A decision was made to radically … halt activity near Kyiv,",
        "a decision was made to radically, by a wide margin, reduce activity near Kyiv.",
    );
    assert_eq!(
        DiffPart::inline(&d.parts),
        "a decision was made to radically, … [-reduce-] {+halt+} activity near Kyiv."
    );
    assert_eq!(
        d.said,
        "a decision was made to radically, … reduce activity near Kyiv."
    );
    // the article's own words, punctuation and ellipsis kept
    assert_eq!(
        d.fixed,
        "A decision was made to radically … reduce activity near Kyiv,"
    );
    let d = diff(
        "We are not going anywhere soon,",
        "We are going nowhere soon",
    );
    assert_eq!(d.fixed, "We are going nowhere soon,");
}

#[test]
fn a_fix_keeps_the_punctuation_and_the_words_the_reference_does_not_record() {
    let diff = |printed: &str, said: &str| {
        quote_diff(&quote_words(printed), printed, said, &quote_words(said))
    };
    // the changed word's comma stays
    let d = diff(
        "The bodies began to appear as the water rose,",
        "The bodies began to appear as the water subsided",
    );
    assert_eq!(d.fixed, "The bodies began to appear as the water subsided,");
    // a reference phrase that is part of a longer quote: the words
    // around it are the article's, kept and not reported
    let d = diff(
        "Frankly, I oppose any indefinite detention that is happening, even here.",
        "I oppose any arbitrary detention that is happening",
    );
    assert_eq!(
        d.fixed,
        "Frankly, I oppose any arbitrary detention that is happening, even here."
    );
    assert_eq!(
        DiffPart::inline(&d.parts),
        "I oppose any [-arbitrary-] {+indefinite+} detention that is happening"
    );
}

#[test]
fn a_fix_writes_the_closing_mark_after_a_changed_word_once() {
    // the reference closes an inner quotation on the changed word; the
    // article's own mark stays, and no second one is written
    let said = "I believe in that old adage 'an Englishman's home is his castle'";
    let printed = "I believe in that old adage 'an Englishman's home is his fortress'.";
    let d = quote_diff(&quote_words(printed), printed, said, &quote_words(said));
    assert_eq!(
        d.fixed,
        "I believe in that old adage 'an Englishman's home is his castle'."
    );
}

#[test]
fn a_number_in_several_words_is_one_word_of_digits() {
    assert_eq!(w("two hundred and fourteen bodies"), ["214", "bodies"]);
    assert_eq!(
        w("We saw 4 million, then one"),
        ["we", "saw", "4000000", "then", "1"]
    );
    // a list is no one number, nor "one and all"
    assert_eq!(w("two, three"), ["2", "3"]);
    assert_eq!(w("one and all"), ["1", "and", "all"]);
    // the merged word spans the words it stands for
    let q = quote_words("had two hundred and fourteen.");
    assert_eq!(q[1], ("214".to_string(), (4, 29)));
}

proptest::proptest! {
    /// The bound `close_to` turns candidates away by: no alignment of two
    /// quotes, whole or of a window, finds more equal words than the two
    /// share (lower-cased, repeats counted, ellipses apart).
    #[test]
    fn shared_words_bound_every_alignment(
        a in proptest::collection::vec("(the|The|war|…|12|twelve|Peace|peace|said|a)", 1..14),
        r in proptest::collection::vec("(the|war|…|12|peace|Said|a|now)", 1..14),
    ) {
        let (a_text, r_text) = (a.join(" "), r.join(" "));
        let (article, reference) = (quote_words(&a_text), quote_words(&r_text));
        let mut sorted: Vec<String> = article.iter().filter(|w| w.0 != "…").map(|w| w.0.to_lowercase()).collect();
        sorted.sort_unstable();
        let ellipses = article.len() - sorted.len();
        let mut theirs: Vec<String> = reference.iter().map(|w| w.0.to_lowercase()).collect();
        theirs.sort_unstable();
        let bound = (shared_words(&sorted, &theirs) + ellipses) as f64;
        let said = article.iter().filter(|w| w.0 != "…").count() as f64;
        let d = quote_diff(&article, &a_text, &r_text, &reference);
        proptest::prop_assert!(said == 0.0 || d.ratio <= bound / said + 1e-9, "{} > {}/{}", d.ratio, bound, said);
        let words: Vec<String> = article.iter().map(|w| w.0.clone()).collect();
        let plain: Vec<String> = reference.iter().map(|w| w.0.clone()).collect();
        if let Some((_, _, share)) = best_window(&words, &plain) {
            proptest::prop_assert!(share <= bound / plain.len() as f64 + 1e-9);
        }
    }
}

proptest::proptest! {
    /// A quote `plain_words` reads gives the words `quote_words` gives,
    /// lower-cased, in order: skipping the full reading for it is sound.
    /// With numbers read, a quote with no number in words gives the same
    /// words, and counts its words of digits.
    #[test]
    fn plain_words_are_the_compared_words(
        tokens in proptest::collection::vec(
            "(Neighbours|colour|the|Organisation|12|1,500|1.5|twelve|a|hundred|twenty-one|it's|well-known|U\\.S\\.|\\(said\\)|\"We|go\\.\\.\\.|now,|\\[the\\]|caf\u{e9}|&amp;|<b>|#1|x\u{7}|Defence|analysed|centre|x|-|\\.\\.\\.|don’t|‘No|leaders’|“We|said,”|Kyiv’s|o’neill|‘no|“we|“|’|friend—at|two\u{a0}sides|Organisation’s|ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ)",
            0..12,
        ),
        gap in "( |  |\n|\t|\r|\u{b}|\u{c})",
    ) {
        let text = tokens.join(&gap);
        let full: Vec<String> = quote_words(&text)
            .into_iter()
            .map(|w| lower(&w.0).into_owned())
            .collect();
        for numbers in [false, true] {
            let mut plain = Vec::new();
            let read = plain_words(&text, numbers, |w| {
                plain.push(w.to_string());
                false
            });
            if let Some((stopped, number_words, digit_words)) = read {
                proptest::prop_assert!(!stopped);
                if number_words == 0 {
                    proptest::prop_assert_eq!(&plain, &full, "{:?}", text);
                    let digits = full.iter().filter(|w| w.bytes().all(|b| b.is_ascii_digit())).count();
                    proptest::prop_assert_eq!(digit_words, digits, "{:?}", text);
                }
                proptest::prop_assert!(numbers || number_words == 0);
            }
        }
    }
}

/// A quote with typographic marks, punctuation and digits is plain: read
/// the cheap way, its words lower-cased and trimmed, its digits counted.
#[test]
fn a_plain_quote_is_read_the_plain_way() {
    let mut words = Vec::new();
    let read = plain_words(
        "We don’t want war, not now: it’s 12 days (and “enough”).",
        true,
        |w| {
            words.push(w.to_string());
            false
        },
    );
    assert_eq!(read, Some((false, 0, 1)));
    let want = [
        "we", "don't", "want", "war", "not", "now", "it's", "12", "days", "and", "enough",
    ];
    assert_eq!(words, want);
}

proptest::proptest! {
    /// Content words read byte by byte are the runs `split` gives at every
    /// character that is no letter, digit or apostrophe.
    #[test]
    fn content_word_parts_are_the_split_runs(s in "[a-zA-Z0-9 ,.'’é\u{301}ßİ—\u{a0}\n\u{1f600}-]{0,30}") {
        let by_split: Vec<&str> = s
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| !w.is_empty())
            .collect();
        let parts: Vec<&str> = content_word_parts(&s).collect();
        proptest::prop_assert_eq!(parts, by_split);
    }
}
