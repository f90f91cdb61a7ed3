//! Number phrases: digits with separators, scale words and abbreviations,
//! number words, vague plurals, percentages and ranges. Used both on article
//! tokens and on reference values, so the two always read numbers alike.

mod digits;
mod words;
pub use words::is_number_word;
pub(crate) use words::{TENS, UNITS};

use crate::lang::tokens::{tokenize, Kind, Token};
use crate::model::Qualifier;
use digits::digits_at;
use words::parse_words;

/// A number as stated in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberPhrase {
    /// Token range `[first, last)` of the phrase.
    pub first: usize,
    /// End (exclusive) of the token range.
    pub last: usize,
    /// Byte offset where the phrase starts in the text.
    pub start: usize,
    /// Byte offset just past the phrase.
    pub end: usize,
    /// The number, scale applied ("3.9 million" → 3,900,000); the low end of a range.
    pub value: f64,
    /// The high end of a range ("10 to 12"), if any.
    pub upper: Option<f64>,
    /// A vague plural ("thousands"): `value` is its unit.
    pub vague: bool,
    /// Followed by "percent", "per cent" or "%": a share, not a count.
    pub percent: bool,
    /// A qualifier the number itself carries ("or more", "+", a range).
    pub qualifier: Option<Qualifier>,
    /// The scale word as written ("million", "bn"), to restate a figure in
    /// the article's own style.
    pub scale_word: Option<String>,
    /// The factor of the scale word (1e6 for "million"); 1 without one.
    pub scale: f64,
    /// Digits written with thousands separators ("12,500").
    pub separators: bool,
    /// Written in words ("twelve").
    pub words: bool,
    /// Digits after the decimal point as written: the precision stated.
    pub decimals: usize,
}

/// Scale words and abbreviations; `glued_only` ones must touch the digits ("1.2m").
fn scale_word(w: &str) -> Option<(f64, bool)> {
    SCALES
        .iter()
        .find(|(s, ..)| *s == w)
        .map(|&(_, v, glued)| (v, glued))
}

/// Scale words, their factor, and whether they must touch the digits.
const SCALES: &[(&str, f64, bool)] = &[
    ("hundred", 1e2, false),
    ("hundreds", 1e2, false),
    ("thousand", 1e3, false),
    ("thousands", 1e3, false),
    ("million", 1e6, false),
    ("millions", 1e6, false),
    ("mln", 1e6, false),
    ("mn", 1e6, false),
    ("billion", 1e9, false),
    ("billions", 1e9, false),
    ("bn", 1e9, false),
    ("bln", 1e9, false),
    ("trillion", 1e12, false),
    ("trillions", 1e12, false),
    ("tn", 1e12, false),
    ("tln", 1e12, false),
    // (read so that they are too large, never a count of what precedes)
    ("quadrillion", 1e15, false),
    ("quadrillions", 1e15, false),
    ("quintillion", 1e18, false),
    ("quintillions", 1e18, false),
    ("sextillion", 1e21, false),
    ("sextillions", 1e21, false),
    ("septillion", 1e24, false),
    ("septillions", 1e24, false),
    ("octillion", 1e27, false),
    ("octillions", 1e27, false),
    ("nonillion", 1e30, false),
    ("nonillions", 1e30, false),
    ("decillion", 1e33, false),
    ("decillions", 1e33, false),
    ("lakh", 1e5, false),
    ("lakhs", 1e5, false),
    ("crore", 1e7, false),
    ("crores", 1e7, false),
    ("k", 1e3, true),
    ("mil", 1e6, true),
    ("m", 1e6, true),
    ("b", 1e9, true),
];

/// Whether `w` (lower-cased) is a scale word written apart from its
/// digits ("million", "bn", "lakh"; not "m" of "1.2m").
pub(crate) fn is_scale_word(w: &str) -> bool {
    scale_word(w).is_some_and(|(_, glued)| !glued)
}

/// The unit of a vague plural ("thousands" → 1,000).
fn vague_unit(w: &str) -> Option<f64> {
    VAGUE.iter().find(|(v, _)| *v == w).map(|&(_, u)| u)
}

/// Vague plurals and their units.
const VAGUE: [(&str, f64); 6] = [
    ("dozens", 12.0),
    ("scores", 20.0),
    ("hundreds", 1e2),
    ("thousands", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
];

/// The largest count there is: a trillion (no toll, crowd or population
/// comes near). The parser reads larger numbers (a peer suite's "21
/// trillion" is a number), but a larger figure in an article is no claim,
/// and in a reference it is an error, so that no such value can become a
/// finding or a correction.
pub const MAX_COUNT: f64 = 1e12;

/// Try to read a number phrase starting at token `i`.
pub fn parse_at(src: &str, toks: &[Token], i: usize) -> Option<NumberPhrase> {
    let (mut n, mut j) = parse_single(src, toks, i)?;
    // "or more", "and above", "+", "or fewer"
    if let Some(t) = toks.get(j) {
        let next = toks.get(j + 1).map(|t| t.lower.as_str());
        if t.lower == "+" && t.start == toks[j - 1].end {
            n.qualifier = Some(Qualifier::AtLeast);
            j += 1;
        } else if (t.is("or") || t.is("and"))
            && matches!(next, Some("more" | "above" | "over" | "greater" | "higher"))
        {
            n.qualifier = Some(Qualifier::AtLeast);
            j += 2;
        } else if t.is("or") && matches!(next, Some("less" | "fewer" | "below" | "under")) {
            n.qualifier = Some(Qualifier::AtMost);
            j += 2;
        }
    }
    // a share: "one in five", "two out of three"
    if n.qualifier.is_none() && !n.vague && !n.percent {
        let of = if toks.get(j).is_some_and(|t| t.is("in")) {
            1
        } else if toks.get(j).is_some_and(|t| t.is("out"))
            && toks.get(j + 1).is_some_and(|t| t.is("of"))
        {
            2
        } else {
            0
        };
        if of > 0 {
            if let Some((whole, k)) = parse_single(src, toks, j + of)
                .filter(|(w, _)| !w.vague && !w.percent && w.value > n.value && w.value <= 1000.0)
            {
                n.value = (n.value / whole.value * 1000.0).round() / 10.0;
                n.percent = true;
                n.scale_word = None;
                n.scale = 1.0;
                j = k;
            }
        }
    }
    // ranges: "2-3 million", "2 to 3 million", "between 2 and 3 million"
    let between = i > 0 && toks[i - 1].is("between");
    if n.qualifier.is_none() && !n.vague {
        if let Some(t) = toks.get(j) {
            // ("rose by 12 to 58" is an increase and the new count, "rose
            // from 12 to 58" the old count and the new; "cut by 20 to 30
            // percent" stays a range)
            let rise = |k: usize| {
                matches!(
                    toks[k].lower.as_str(),
                    "rose"
                        | "risen"
                        | "rises"
                        | "rising"
                        | "climbed"
                        | "jumped"
                        | "increased"
                        | "grew"
                        | "grown"
                )
            };
            let by = i > 1
                && (toks[i - 1].is("by") || toks[i - 1].is("from"))
                && rise(i - 2)
                && t.is("to");
            let joiner = matches!(
                t.lower.as_str(),
                "-" | "–" | "~" | "to" | "through" | "thru"
            ) && !by
                || (between && t.is("and"));
            if joiner && j + 1 < toks.len() {
                if let Some((hi, k)) = parse_single(src, toks, j + 1) {
                    // "350 through 2020" runs to a year, not to a count
                    let year = |p: &NumberPhrase| {
                        p.scale_word.is_none()
                            && !p.separators
                            && p.value.fract() == 0.0
                            && (1800.0..=2100.0).contains(&p.value)
                    };
                    let to_a_year = t.lower != "-" && t.lower != "–" && year(&hi) && !year(&n);
                    if !hi.vague && !to_a_year && (hi.percent == n.percent || hi.percent) {
                        let mut lo_v = n.value;
                        if n.scale_word.is_none() && hi.scale_word.is_some() {
                            lo_v *= hi.scale;
                            n.scale_word = hi.scale_word.clone();
                            n.scale = hi.scale;
                        }
                        if hi.value > lo_v {
                            n.value = lo_v;
                            n.upper = Some(hi.value);
                            n.percent |= hi.percent;
                            n.qualifier = Some(Qualifier::Range);
                            j = k;
                        }
                    }
                }
            }
        }
    }
    n.last = j;
    n.end = toks[j - 1].end;
    Some(n)
}

/// One number without range handling: returns the phrase and the next token.
fn parse_single(src: &str, toks: &[Token], i: usize) -> Option<(NumberPhrase, usize)> {
    parse_single_below(src, toks, i, f64::INFINITY)
}

/// [`parse_single`] for the part of a larger number ("4 thousand 3
/// hundred"): a part whose scale is not below `ceiling` takes no part of
/// its own, so a run of "3 hundred 3 hundred …" is read once, not once
/// from each of its numbers.
fn parse_single_below(
    src: &str,
    toks: &[Token],
    i: usize,
    ceiling: f64,
) -> Option<(NumberPhrase, usize)> {
    let t = toks.get(i)?;
    // (asked of every token: most are turned away before a phrase is made)
    if !(t.kind == Kind::Num || t.kind == Kind::Word && t.opens_number()) {
        return None;
    }
    let mut n = NumberPhrase::single(i, t);
    let j = match t.kind {
        Kind::Num => digits_at(src, toks, i, &mut n, ceiling)?,
        Kind::Word => words_at(src, toks, i, &mut n)?,
        _ => return None,
    };
    let j = percent_after(toks, j, &mut n);
    n.last = j;
    n.end = toks[j - 1].end;
    Some((n, j))
}

impl NumberPhrase {
    /// A phrase of the one token `t` at `i`, before anything is read from it.
    fn single(i: usize, t: &Token) -> NumberPhrase {
        NumberPhrase {
            first: i,
            last: i + 1,
            start: t.start,
            end: t.end,
            value: 0.0,
            upper: None,
            vague: false,
            percent: false,
            qualifier: None,
            scale_word: None,
            scale: 1.0,
            separators: false,
            words: false,
            decimals: 0,
        }
    }
}

/// Words at `i` into `n`: a vague plural ("dozens", "tens of thousands")
/// or number words ("twelve", "half a million"): the next token, or `None`.
fn words_at(src: &str, toks: &[Token], i: usize, n: &mut NumberPhrase) -> Option<usize> {
    let w = toks[i].lower.as_str();
    // (asked of every word of every sentence: most open no number)
    if !toks[i].opens_number() {
        return None;
    }
    // ("a" and "an", the commonest openers, open a number only before a
    // word that opens one: "a dozen", "a half", "a million")
    if matches!(w, "a" | "an") && !toks.get(i + 1).is_some_and(Token::opens_number) {
        return None;
    }
    n.words = true;
    if let Some(v) = tens_of(toks, i) {
        n.value = v;
        n.vague = true;
        return Some(i + 3);
    }
    // "several dozen", "several hundred": as vague as "dozens", "hundreds"
    if w == "several" {
        let next = toks.get(i + 1).map(|t| t.lower.as_str()).unwrap_or("");
        let unit = match next {
            "dozen" => 12.0,
            "hundred" => 1e2,
            "thousand" => 1e3,
            "million" => 1e6,
            _ => return None,
        };
        n.value = unit;
        n.vague = true;
        return Some(i + 2);
    }
    if let Some(u) = vague_unit(w) {
        let next = toks.get(i + 1).map(|t| t.lower.as_str()).unwrap_or("");
        if w == "scores" && !scores_of_people(next) {
            return None;
        }
        n.value = u;
        n.vague = true;
        return Some(i + 1);
    }
    let (v, k) = parse_words(toks, i)?;
    n.value = v;
    if let Some(sw) = toks[i..k]
        .iter()
        .rev()
        .find(|t| scale_word(&t.lower).is_some_and(|(s, _)| s >= 1e3))
    {
        n.scale_word = Some(sw.text(src).to_string());
        n.scale = scale_word(&sw.lower).map_or(1.0, |(s, _)| s);
    }
    Some(k)
}

/// Whether a number in words may start with `w`: a unit, ten or dozen
/// word, a scale, a vague plural, or a word before them ("a dozen", "half
/// a million", "several hundred", "tens of"); one look-up, and for a
/// hyphenated word ("twenty-one") one for its first part. The set is read
/// from the tables the reader itself uses.
pub(crate) fn opens_number(w: &str) -> bool {
    use std::sync::LazyLock;
    static SET: LazyLock<rustc_hash::FxHashSet<&'static str>> =
        LazyLock::new(|| number_openers().collect());
    // (a bit for each opener's length and first and last bytes: most
    // words are turned away by it without hashing them)
    fn shape(w: &[u8]) -> Option<(usize, u64)> {
        let (&first, &last) = (w.first()?, w.last()?);
        let bit = (u32::from(first) * 31 + u32::from(last)) & 63;
        (w.len() < 32).then_some((w.len(), 1 << bit))
    }
    static SHAPES: LazyLock<[u64; 32]> = LazyLock::new(|| {
        let mut t = [0; 32];
        for (len, bit) in number_openers().filter_map(|o| shape(o.as_bytes())) {
            t[len] |= bit;
        }
        t
    });
    let held = |w: &str| {
        shape(w.as_bytes()).is_some_and(|(len, bit)| SHAPES[len] & bit != 0) && SET.contains(w)
    };
    // (the hyphen found by a plain loop: words are short, and most have none)
    held(w) || (w.bytes().position(|b| b == b'-')).is_some_and(|i| held(&w[..i]))
}

/// The words a number in words may start with (see [`opens_number`]):
/// also read into every token's classes with the lexicon's lists.
pub(crate) fn number_openers() -> impl Iterator<Item = &'static str> {
    let before = ["a", "an", "half", "quarter", "several", "tens"];
    (words::UNITS.iter().copied())
        .chain(words::TENS.iter().copied().filter(|t| !t.is_empty()))
        .chain(words::OTHER_UNITS.iter().map(|u| u.0))
        .chain(SCALES.iter().map(|s| s.0))
        .chain(VAGUE.iter().map(|v| v.0))
        .chain(before)
}

/// "tens of thousands", "hundreds of millions": the value, if token `i` opens one.
fn tens_of(toks: &[Token], i: usize) -> Option<f64> {
    let base = match toks[i].lower.as_str() {
        "tens" => 10.0,
        "hundreds" => 100.0,
        _ => return None,
    };
    if !toks.get(i + 1).is_some_and(|t| t.is("of")) {
        return None;
    }
    let unit = toks
        .get(i + 2)
        .and_then(|t| vague_unit(&t.lower))
        .filter(|&u| u >= 1e3)?;
    Some(base * unit)
}

/// Whether the word after "scores" makes it a number ("scores were
/// killed"), not the noun ("the scores").
fn scores_of_people(next: &str) -> bool {
    matches!(
        next,
        "of" | "were" | "are" | "have" | "had" | "killed" | "dead" | "injured" | "wounded" | "died"
    )
}

/// A percent sign or word at `j` ("12%", "12 per cent", "12 percent")
/// marks `n` a share: the next token.
fn percent_after(toks: &[Token], mut j: usize, n: &mut NumberPhrase) -> usize {
    if let Some(p) = toks.get(j) {
        // ("5 percentage points" is a difference of shares, not one)
        let points = toks
            .get(j + 1)
            .is_some_and(|t| t.is("point") || t.is("points"));
        if p.lower == "%"
            || p.is("percent")
            || p.is("percents")
            || p.is("pct")
            || p.is("percentage") && !points
        {
            n.percent = true;
            j += 1;
        } else if p.is("per") && toks.get(j + 1).is_some_and(|t| t.is("cent")) {
            n.percent = true;
            j += 2;
        }
    }
    j
}

/// Read a whole string as a number ("3,900,000", "3.9 million", "twelve").
/// Returns `None` unless the string is one number and nothing else.
pub fn parse_value(s: &str) -> Option<f64> {
    let toks = tokenize(s, 0, s.len());
    if toks.is_empty() {
        return None;
    }
    let n = parse_at(s, &toks, 0)?;
    (n.last == toks.len() && !n.vague && n.upper.is_none() && n.value.is_finite())
        .then_some(n.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> NumberPhrase {
        let toks = tokenize(s, 0, s.len());
        parse_at(s, &toks, 0).unwrap_or_else(|| panic!("no number in {s:?}"))
    }

    #[test]
    fn digit_forms() {
        assert_eq!(p("10,000").value, 10_000.0);
        assert_eq!(p("1 000 people").value, 1000.0);
        assert_eq!(p("10.5").value, 10.5);
        assert_eq!(p("4 million").value, 4e6);
        assert_eq!(p("1.2m").value, 1.2e6);
        assert_eq!(p("3bn").value, 3e9);
        assert_eq!(p("10 mln").value, 1e7);
        assert_eq!(p("2.5k").value, 2500.0);
        assert_eq!(p("4.2 million").decimals, 1);
    }

    #[test]
    fn word_forms() {
        assert_eq!(p("twelve").value, 12.0);
        assert_eq!(p("two hundred and fifty").value, 250.0);
        assert_eq!(p("a dozen").value, 12.0);
        assert_eq!(p("half a million").value, 5e5);
        assert_eq!(p("one and a half million").value, 1.5e6);
        assert_eq!(p("twenty-five").value, 25.0);
        assert_eq!(p("one thousand and fifty").value, 1050.0);
        assert_eq!(p("three hundred and thirty one").value, 331.0);
        assert_eq!(p("a quarter of a million").value, 250_000.0);
        assert_eq!(p("half a dozen").value, 6.0);
        let several = p("several dozen");
        assert!(several.vague && several.value == 12.0);
        assert!(p("several thousand").vague);
        assert_eq!(p("two million and a half").value, 2_500_000.0);
        assert_eq!(p("three million").value, 3e6);
    }

    #[test]
    fn vague_and_ranges_and_percent() {
        let t = p("tens of thousands");
        assert!(t.vague);
        assert_eq!(t.value, 1e4);
        assert_eq!(p("thousands").value, 1e3);
        let r = p("2-3 million");
        assert_eq!((r.value, r.upper), (2e6, Some(3e6)));
        let r = p("2 to 3 million");
        assert_eq!((r.value, r.upper), (2e6, Some(3e6)));
        assert!(p("12 per cent").percent);
        assert!(p("12%").percent);
        assert_eq!(p("1,000+").qualifier, Some(Qualifier::AtLeast));
        // a score is not a range
        assert_eq!(p("3-1").upper, None);
        assert_eq!(p("500 or fewer").qualifier, Some(Qualifier::AtMost));
        let share = p("one in five");
        assert!(share.percent && share.value == 20.0);
        assert_eq!(p("1,50,000").value, 150_000.0);
        assert_eq!(p("1.000").value, 1000.0);
        assert_eq!(p("1 234 567.89").value, 1_234_567.89);
        assert_eq!(p("10 bln").value, 1e10);
    }

    #[test]
    fn mixed_dozen_and_fraction_forms() {
        assert_eq!(p("3 hundred and 21").value, 321.0);
        assert_eq!(p("4 thousand 3 hundred and 21").value, 4321.0);
        assert_eq!(p("6 crore and two hundred").value, 60_000_200.0);
        // without "and", only a part with its own scale continues
        assert_eq!(p("3 million 20 years").value, 3e6);
        assert_eq!(p("3 dozens").value, 36.0);
        assert_eq!(p("three hundred and two dozens").value, 324.0);
        assert_eq!(p("fifty - two").value, 52.0);
        assert_eq!(p("3 million and a half").value, 3_500_000.0);
        assert_eq!(p("two million and one half").value, 2_500_000.0);
        assert_eq!(p("one billion and a half million").value, 1_000_500_000.0);
        assert_eq!(p("five billion and three quarters").value, 5_750_000_000.0);
        assert_eq!(p("three lakh crore").value, 3e12);
        assert_eq!(p("hundred thousand").value, 1e5);
        assert_eq!(p("2mil").value, 2e6);
        assert_eq!(p("2.33 k").value, 2330.0);
        assert_eq!(p("5 k").value, 5.0);
        let r = p("20 through 100");
        assert_eq!((r.value, r.upper), (20.0, Some(100.0)));
        assert!(p("thirty percentage").percent);
        assert!(!p("5 percentage points").percent);
        // out of range: no number at all
        let toks = tokenize("1e400", 0, 5);
        assert!(parse_at("1e400", &toks, 0).is_none());
        let long = "9".repeat(400);
        let toks = tokenize(&long, 0, long.len());
        assert!(parse_at(&long, &toks, 0).is_none());
    }

    /// The shapes turn away no opener, alone or before a hyphen, and
    /// take in no other word.
    #[test]
    fn openers_are_found_past_their_shapes() {
        let held = |w: &str| number_openers().any(|o| o == w);
        let by_set = |w: &str| held(w) || w.find('-').is_some_and(|i| held(&w[..i]));
        let mut words = vec![
            "".to_string(),
            "-".into(),
            "a-".into(),
            "-one".into(),
            "x".repeat(40),
        ];
        for o in number_openers() {
            words.extend([o.into(), format!("{o}-odd"), format!("{o}x"), o[1..].into()]);
            words.push(o.to_uppercase());
        }
        for w in &words {
            assert_eq!(opens_number(w), by_set(w), "{w:?}");
        }
        assert!(opens_number("twenty-one") && !opens_number("twentyx"));
    }

    #[test]
    fn reference_values() {
        assert_eq!(parse_value("3,900,000"), Some(3.9e6));
        assert_eq!(parse_value("3.9 million"), Some(3.9e6));
        assert_eq!(parse_value("ten-ish"), None);
        assert_eq!(parse_value("thousands"), None);
    }
}
