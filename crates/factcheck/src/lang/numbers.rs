//! Number phrases: digits with separators, scale words and abbreviations,
//! number words, vague plurals, percentages and ranges. Used both on article
//! tokens and on reference values, so the two always read numbers alike.

use crate::lang::tokens::{tokenize, Kind, Token};
use crate::model::Qualifier;

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

fn unit_word(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "dozen" => 12.0,
        _ => return None,
    })
}

/// "twenty-five" → 25
fn compound_word(w: &str) -> Option<f64> {
    if let Some(v) = unit_word(w) {
        return Some(v);
    }
    let (a, b) = w.split_once('-')?;
    let (a, b) = (unit_word(a)?, unit_word(b)?);
    (a >= 20.0 && a % 10.0 == 0.0 && b < 10.0 && b > 0.0).then_some(a + b)
}

/// Scale words and abbreviations; `glued_only` ones must touch the digits ("1.2m").
fn scale_word(w: &str) -> Option<(f64, bool)> {
    Some(match w {
        "hundred" | "hundreds" => (1e2, false),
        "thousand" | "thousands" => (1e3, false),
        "million" | "millions" | "mln" | "mn" => (1e6, false),
        "billion" | "billions" | "bn" | "bln" => (1e9, false),
        "trillion" | "trillions" | "tn" | "tln" => (1e12, false),
        "lakh" | "lakhs" => (1e5, false),
        "crore" | "crores" => (1e7, false),
        "k" => (1e3, true),
        "m" => (1e6, true),
        "b" => (1e9, true),
        _ => return None,
    })
}

fn vague_unit(w: &str) -> Option<f64> {
    Some(match w {
        "dozens" => 12.0,
        "scores" => 20.0,
        "hundreds" => 1e2,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        _ => return None,
    })
}

/// Parse a digit token: "10,000" / "10.5" / "1,5" (decimal comma).
fn digits_value(s: &str) -> Option<(f64, bool, usize)> {
    // "1.000" and "1.000.000": full stops as thousands separators
    let dots: Vec<&str> = s.split('.').collect();
    if !s.contains(',')
        && dots.len() > 1
        && dots[0].len() <= 3
        && dots[1..].iter().all(|g| g.len() == 3)
        && (dots.len() > 2 || dots[1] == "000")
    {
        return s.replace('.', "").parse().ok().map(|v| (v, true, 0));
    }
    let groups: Vec<&str> = s.split(',').collect();
    let last = groups.len() - 1;
    // "10,000" or the Indian "1,50,000"
    let thousands = groups.len() > 1
        && (groups[1..]
            .iter()
            .all(|g| g.split('.').next().unwrap_or("").len() == 3)
            || groups[0].len() <= 2
                && groups[1..last].iter().all(|g| g.len() == 2)
                && groups[last].split('.').next().unwrap_or("").len() == 3);
    let cleaned: String = if thousands {
        s.replace(',', "")
    } else if groups.len() == 2 && !s.contains('.') {
        s.replace(',', ".")
    } else if groups.len() > 1 {
        return None;
    } else {
        s.to_string()
    };
    if cleaned.matches('.').count() > 1 {
        return None;
    }
    let decimals = cleaned.split_once('.').map_or(0, |(_, d)| d.len());
    cleaned.parse().ok().map(|v| (v, thousands, decimals))
}

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
            let joiner = matches!(t.lower.as_str(), "-" | "–" | "to") || (between && t.is("and"));
            if joiner && j + 1 < toks.len() {
                if let Some((hi, k)) = parse_single(src, toks, j + 1) {
                    if !hi.vague && (hi.percent == n.percent || hi.percent) {
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
    let t = toks.get(i)?;
    let mut n = NumberPhrase {
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
    };
    let mut j;
    if t.kind == Kind::Num {
        let mut text = t.lower.clone();
        j = i + 1;
        // "1 000 000", "1 234 567.89": groups of three digits split by spaces
        // (no-break and narrow spaces are spaces in the scan copy)
        if !text.contains([',', '.']) && text.len() <= 3 {
            while let Some(g) = toks.get(j) {
                let gap = &src[toks[j - 1].end..g.start];
                let (int, frac) = g.lower.split_once('.').unwrap_or((&g.lower, ""));
                if g.kind == Kind::Num
                    && int.len() == 3
                    && int.bytes().all(|b| b.is_ascii_digit())
                    && !g.lower.contains(',')
                    && !gap.is_empty()
                    && gap.chars().all(|c| c == ' ')
                    && gap.len() <= 3
                {
                    let last = !frac.is_empty();
                    text.push_str(&g.lower);
                    n.separators = true;
                    j += 1;
                    if last {
                        break;
                    }
                } else {
                    break;
                }
            }
        }
        let (v, seps, decimals) = digits_value(&text)?;
        n.value = v;
        n.separators |= seps;
        n.decimals = decimals;
        // "2.5k", "1.2m", "10 mln", "4 million", "3 hundred thousand"
        while let Some(s) = toks.get(j) {
            match scale_word(&s.lower) {
                Some((scale, glued_only)) if s.kind == Kind::Word => {
                    if glued_only && s.start != toks[j - 1].end {
                        break;
                    }
                    // "hundreds of …" after digits is not a scale
                    if s.lower.ends_with('s') && toks.get(j + 1).is_some_and(|t| t.is("of")) {
                        break;
                    }
                    n.value *= scale;
                    n.scale = if n.scale_word.is_some() {
                        n.scale * scale
                    } else {
                        scale
                    };
                    n.scale_word = Some(match &n.scale_word {
                        Some(w) => format!("{w} {}", s.text(src)),
                        None => s.text(src).to_string(),
                    });
                    j += 1;
                }
                _ => break,
            }
        }
    } else if t.kind == Kind::Word {
        // vague plurals: dozens, hundreds, thousands, tens of thousands, …
        let w = t.lower.as_str();
        if (w == "tens" || w == "hundreds")
            && toks.get(i + 1).is_some_and(|t| t.is("of"))
            && toks
                .get(i + 2)
                .and_then(|t| vague_unit(&t.lower))
                .is_some_and(|u| u >= 1e3)
        {
            let base = if w == "tens" { 10.0 } else { 100.0 };
            n.value = base * vague_unit(&toks[i + 2].lower)?;
            n.vague = true;
            n.words = true;
            j = i + 3;
        } else if let Some(u) = vague_unit(w) {
            let next = toks.get(i + 1).map(|t| t.lower.as_str()).unwrap_or("");
            if w == "scores"
                && !matches!(
                    next,
                    "of" | "were"
                        | "are"
                        | "have"
                        | "had"
                        | "killed"
                        | "dead"
                        | "injured"
                        | "wounded"
                        | "died"
                )
            {
                return None;
            }
            n.value = u;
            n.vague = true;
            n.words = true;
            j = i + 1;
        } else {
            let (v, k) = parse_words(toks, i)?;
            n.value = v;
            n.words = true;
            j = k;
            if let Some(sw) = toks[i..k]
                .iter()
                .rev()
                .find(|t| scale_word(&t.lower).is_some_and(|(s, _)| s >= 1e3))
            {
                n.scale_word = Some(sw.text(src).to_string());
                n.scale = scale_word(&sw.lower).map_or(1.0, |(s, _)| s);
            }
        }
    } else {
        return None;
    }
    // percentages: 12%, 12 per cent, 12 percent
    if let Some(p) = toks.get(j) {
        if p.lower == "%" || p.is("percent") || p.is("pct") {
            n.percent = true;
            j += 1;
        } else if p.is("per") && toks.get(j + 1).is_some_and(|t| t.is("cent")) {
            n.percent = true;
            j += 2;
        }
    }
    n.last = j;
    n.end = toks[j - 1].end;
    Some((n, j))
}

/// Number words: "twelve", "two hundred and fifty", "thirty one", "a
/// dozen", "half a million", "a quarter of a million", "one and a half
/// million", "two million and a half".
fn parse_words(toks: &[Token], i: usize) -> Option<(f64, usize)> {
    let w = |k: usize| toks.get(k).map(|t| t.lower.as_str());
    let fraction = |k: usize| match w(k) {
        Some("half") => Some(0.5),
        Some("quarter") => Some(0.25),
        _ => None,
    };
    let lead_a = usize::from(matches!(w(i), Some("a" | "an")));
    // fractions of a scale: "half a million", "a quarter of a million", "half a dozen"
    if let Some(f) = fraction(i + lead_a) {
        let mut k = i + lead_a + 1;
        if w(k) == Some("of") {
            k += 1;
        }
        if matches!(w(k), Some("a" | "an")) {
            k += 1;
        }
        return match w(k) {
            Some("dozen") => Some((f * 12.0, k + 1)),
            Some(s) if !s.ends_with('s') => scale_word(s)
                .filter(|&(sc, g)| !g && sc >= 100.0)
                .map(|(sc, _)| (f * sc, k + 1)),
            _ => None,
        };
    }
    let mut total: f64 = 0.0;
    let mut current: f64 = 0.0;
    let mut last_scale: f64 = 1.0;
    let mut j = i;
    let mut any = false;
    // "a dozen", "a hundred", "a million"
    if lead_a == 1 {
        let next = toks.get(j + 1)?;
        if next.is("dozen")
            || scale_word(&next.lower).is_some_and(|(_, g)| !g && !next.lower.ends_with('s'))
        {
            current = 1.0;
            j += 1;
            any = true;
        } else {
            return None;
        }
    }
    while let Some(t) = toks.get(j) {
        let word = t.lower.as_str();
        if let Some(v) = compound_word(word) {
            let tens_then_unit = v < 10.0 && current % 10.0 == 0.0 && current % 100.0 >= 20.0;
            if word == "dozen" {
                current = current.max(1.0) * 12.0;
            } else if current < 1.0 || current % 100.0 == 0.0 || tens_then_unit {
                current += v;
            } else {
                break;
            }
            any = true;
        } else if let Some((s, glued)) = scale_word(word) {
            if glued || word.ends_with('s') || !any {
                break;
            }
            if s == 100.0 {
                current = current.max(1.0) * 100.0;
            } else {
                total += current.max(1.0) * s;
                current = 0.0;
                last_scale = s;
            }
        } else if word == "and" && any {
            // "one and a half million", "two million and a half"
            if w(j + 1) == Some("a") {
                if let Some(f) = fraction(j + 2) {
                    if current > 0.0 {
                        current += f;
                    } else {
                        total += f * last_scale;
                    }
                    j += 3;
                    continue;
                }
            }
            // "two hundred and fifty", "one thousand and fifty"
            let joins = current % 100.0 == 0.0 && current > 0.0 || current == 0.0 && total > 0.0;
            if joins
                && toks
                    .get(j + 1)
                    .is_some_and(|t| compound_word(&t.lower).is_some())
            {
                j += 1;
                continue;
            }
            break;
        } else {
            break;
        }
        j += 1;
    }
    any.then_some((total + current, j))
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
    fn reference_values() {
        assert_eq!(parse_value("3,900,000"), Some(3.9e6));
        assert_eq!(parse_value("3.9 million"), Some(3.9e6));
        assert_eq!(parse_value("ten-ish"), None);
        assert_eq!(parse_value("thousands"), None);
    }
}
