//! Scope and expectation of one case: what the suite's resolution means in
//! factcheck's terms, and whether the phrase is a count or share that
//! factcheck should read at all.
//!
//! Out-of-scope rules come first, most specific first, and each returns
//! the reason that is printed and counted; a case no rule puts out of
//! scope gets a category, so that failures can be read by construction.
//! The order matters: it decides which reason a case is counted under.

use regex::Regex;
use serde_json::Value;

use super::shapes::{
    has_half_quarter, has_ordinal, has_word, is_negative, words, DIGITS, RATIO, SCALE_ABBREV,
    SCALE_WORD, SCIENTIFIC, UNIT_WORD, VULGAR,
};
use super::{Expect, Scope};

/// A case's scope and, when the suite resolves it, what to expect.
pub type Classified = (Scope, Option<Expect>);

// ---------------------------------------------------------------------------
// Recognizers: Number

/// Whether the results of `input` are bare digit runs split only by
/// punctuation: an IP address, a date, a phone number, a list.
fn digit_sequence(input: &str, results: &[Value]) -> bool {
    if results.len() < 2 {
        return false;
    }
    let plain = results.iter().all(|r| {
        r["Text"]
            .as_str()
            .is_some_and(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()))
    });
    if !plain {
        return false;
    }
    let chars: Vec<char> = input.chars().collect();
    results.windows(2).all(|w| {
        let (Some(a), Some(b)) = (w[0]["End"].as_u64(), w[1]["Start"].as_u64()) else {
            return false;
        };
        let between = &chars[(a as usize + 1).min(chars.len())..(b as usize).min(chars.len())];
        !between.is_empty() && between.iter().all(|c| !c.is_alphanumeric())
    })
}

/// A Recognizers `NumberModel` result.
pub fn number(input: &str, phrase: &str, res: &Value, results: &[Value]) -> Classified {
    let value = res["value"].as_str().and_then(|v| v.parse::<f64>().ok());
    let subtype = res["subtype"].as_str().unwrap_or("");
    let expect = value.map(|v| Expect::exact(v, false));
    match number_out_of_scope(input, phrase, value, subtype, results) {
        Some(why) => (Scope::Out(why), expect),
        None => (Scope::In(number_category(phrase)), expect),
    }
}

fn number_out_of_scope(
    input: &str,
    phrase: &str,
    value: Option<f64>,
    subtype: &str,
    results: &[Value],
) -> Option<&'static str> {
    if subtype == "power" || SCIENTIFIC.is_match(phrase) {
        return Some("scientific notation and powers");
    }
    if is_negative(phrase) || value.is_some_and(|v| v < 0.0) {
        return Some("negative numbers");
    }
    // "F-16": a label glued to the number by a hyphen
    let glued_label = input
        .find(phrase)
        .and_then(|at| input[..at].strip_suffix('-'))
        .is_some_and(|before| before.ends_with(|c: char| c.is_alphabetic()));
    if digit_sequence(input, results) || glued_label {
        return Some("identifiers and digit lists (IP address, date, phone number, label)");
    }
    if has_word(phrase, "point") {
        return Some("spoken decimals ('X point Y')");
    }
    // halves and quarters of a million are counts, not fractions
    let whole_count = value.is_some_and(|v| v.fract() == 0.0)
        && (SCALE_WORD.is_match(phrase) || phrase.to_lowercase().contains("dozen"))
        && !has_ordinal(phrase);
    if VULGAR.is_match(phrase)
        || (subtype == "fraction" && !whole_count)
        || has_ordinal(phrase)
        || (has_half_quarter(phrase) && !whole_count)
        || words(phrase).iter().any(|w| w == "over")
    {
        return Some("fractions and ratios as values");
    }
    if Regex::new(r"(?i)\d\s*g$").unwrap().is_match(phrase) {
        return Some("the SI prefix G (giga) as a scale");
    }
    None
}

/// The way an in-scope number is written.
fn number_category(phrase: &str) -> &'static str {
    let lower = phrase.to_lowercase();
    let ws = words(phrase);
    // "4.75" is one group, "4 hundred and 12" two
    let digit_groups = Regex::new(r"\d+([.,\s\u{202f}\u{a0}]\d+)*")
        .unwrap()
        .find_iter(phrase)
        .count();
    let separators = Regex::new(r"\d[,\s\u{202f}\u{a0}]\d")
        .unwrap()
        .is_match(phrase);
    let letters = phrase.chars().any(|c| c.is_alphabetic());
    if lower.contains("dozen") || lower.contains("dzs") || lower.contains("dozs") {
        "dozens"
    } else if has_half_quarter(phrase) {
        "halves and quarters of a scale word"
    } else if !letters {
        if separators {
            "digits with separators"
        } else if phrase.contains('.') {
            "decimals"
        } else {
            "plain digits"
        }
    } else if DIGITS.is_match(phrase) {
        if digit_groups > 1 || ws.iter().any(|w| UNIT_WORD.is_match(w)) {
            "digits mixed with number words"
        } else if SCALE_ABBREV.is_match(phrase.trim()) {
            "digits + scale abbreviation"
        } else {
            "digits + scale word"
        }
    } else if ws.iter().any(|w| w == "and") {
        "number words with 'and'"
    } else {
        "number words"
    }
}

// ---------------------------------------------------------------------------
// Recognizers: NumberRange

/// Lower bound, lower closed, upper bound, upper closed.
type Interval = (Option<f64>, bool, Option<f64>, bool);

/// "(15,60]" → (lower, lower closed, upper, upper closed).
fn parse_interval(s: &str) -> Option<Interval> {
    let s = s.trim();
    let lo_closed = s.starts_with('[');
    let hi_closed = s.ends_with(']');
    let inner = s.get(1..s.len().checked_sub(1)?)?;
    let (a, b) = inner.split_once(',')?;
    let num = |x: &str| -> Option<Option<f64>> {
        let x = x.trim();
        if x.is_empty() {
            Some(None)
        } else {
            x.parse().ok().map(Some)
        }
    };
    Some((num(a)?, lo_closed, num(b)?, hi_closed))
}

/// The qualifier(s) that state an interval (see the table in the module doc).
fn interval_expect(iv: Interval) -> Option<Expect> {
    let q = |value, qualifiers| Expect {
        value,
        upper: None,
        qualifiers,
        percent: false,
    };
    Some(match iv {
        (Some(a), _, Some(b), _) if a == b => Expect::exact(a, false),
        (Some(a), _, Some(b), _) => Expect {
            value: a,
            upper: Some(b),
            qualifiers: &["range"],
            percent: false,
        },
        (Some(a), false, None, _) => q(a, &["more_than"]),
        (Some(a), true, None, _) => q(a, &["at_least"]),
        (None, _, Some(b), false) => q(b, &["fewer_than"]),
        (None, _, Some(b), true) => q(b, &["at_most", "up_to"]),
        (None, _, None, _) => return None,
    })
}

/// A Recognizers `NumberRangeModel` result.
pub fn range(_input: &str, phrase: &str, res: &Value, _results: &[Value]) -> Classified {
    let iv = res["value"].as_str().and_then(parse_interval);
    let expect = iv.and_then(interval_expect);
    let out = |r| (Scope::Out(r), expect.clone());
    if has_ordinal(phrase) {
        return out("ordinals");
    }
    if is_negative(phrase)
        || iv.is_some_and(|(a, _, b, _)| a.is_some_and(|a| a < 0.0) || b.is_some_and(|b| b < 0.0))
    {
        return out("negative numbers");
    }
    if VULGAR.is_match(phrase)
        || has_half_quarter(phrase)
        || RATIO.is_match(phrase)
            && iv.is_some_and(|(a, _, b, _)| {
                a.is_some_and(|a| a.fract() != 0.0) || b.is_some_and(|b| b.fract() != 0.0)
            })
    {
        return out("fractions and ratios as values");
    }
    if phrase.contains(['<', '>', '=']) {
        return out("comparison symbols (>, <=, =>)");
    }
    if iv.is_some_and(|(a, _, b, _)| a.is_some() && a == b) {
        return out("equality statements ('equals 45')");
    }
    if Regex::new(r"(?i)\b(than|to)\s*$").unwrap().is_match(phrase) {
        return out("dangling comparisons (nothing after 'than'/'to')");
    }
    let two_sided = expect.as_ref().is_some_and(|e| e.upper.is_some());
    (Scope::In(range_category(phrase, two_sided)), expect)
}

/// The way an in-scope range or comparison is written.
fn range_category(phrase: &str, two_sided: bool) -> &'static str {
    let lower = phrase.to_lowercase();
    let comparison = Regex::new(
        r"(?i)\b(than|over|above|below|under|exceed\w*|surpass\w*|at (least|most)|up to|or (more|less|greater|fewer)|and more)\b",
    )
    .unwrap();
    if two_sided {
        if lower.starts_with("between") {
            "between X and Y"
        } else if lower.starts_with("from") {
            "from X to Y"
        } else if !comparison.is_match(phrase) {
            "X-Y, X–Y, X~Y, X through Y"
        } else {
            "two-sided comparisons"
        }
    } else if lower.contains("equal") {
        "comparisons with 'or equal'"
    } else if Regex::new(r"(?i)\b(or|and) (more|less|greater|fewer)\s*$")
        .unwrap()
        .is_match(phrase)
    {
        "postfix qualifiers ('X or more')"
    } else {
        "prefix qualifiers ('more than X')"
    }
}

// ---------------------------------------------------------------------------
// Recognizers: Percent

/// A Recognizers `PercentModel` result.
pub fn percent(_input: &str, phrase: &str, res: &Value, _results: &[Value]) -> Classified {
    let value = res["value"]
        .as_str()
        .and_then(|v| v.trim_end_matches('%').parse::<f64>().ok());
    let expect = value.map(|v| Expect::exact(v, true));
    let lower = phrase.to_lowercase();
    let out = |r| (Scope::Out(r), expect.clone());
    if value.is_none() {
        return out("a percent sign or word with no number");
    }
    if is_negative(phrase) || value.is_some_and(|v| v < 0.0) {
        return out("negative numbers");
    }
    if lower.starts_with("per") {
        return out("reversed 'percent of N'");
    }
    if VULGAR.is_match(phrase) || has_ordinal(phrase) || has_half_quarter(phrase) {
        return out("fractions and ratios as values");
    }
    let category = if RATIO.is_match(phrase) {
        "ratios as shares ('one in five')"
    } else if !DIGITS.is_match(phrase) {
        "number words + percent word"
    } else if phrase.trim_end().ends_with('%') {
        "digits + %"
    } else {
        "digits + percent word"
    };
    (Scope::In(category), expect)
}

// ---------------------------------------------------------------------------
// quantulum3

/// A quantulum3 result: `req` the sentence, `surface` the number in it.
pub fn quantulum(req: &str, surface: &str, r: &Value) -> Classified {
    let unit = r["unit"].as_str().unwrap_or("");
    let value = r["value"].as_f64();
    let unc = r["uncertainty"].as_f64().filter(|u| *u > 0.0);
    let percent = unit == "percentage";
    let expect = value.map(|v| quantulum_expect(v, unc, unit));
    let out = |r| (Scope::Out(r), expect.clone());
    if !matches!(unit, "dimensionless" | "percentage" | "dozen") {
        return out("measurements and money (a unit other than a count or percent)");
    }
    if is_negative(surface) || value.is_some_and(|v| v < 0.0) {
        return out("negative numbers");
    }
    if SCIENTIFIC.is_match(surface) {
        return out("scientific notation and powers");
    }
    if VULGAR.is_match(surface) || has_ordinal(surface) || has_half_quarter(surface) {
        return out("fractions and ratios as values");
    }
    let year = Regex::new(r"^\d{4}$").unwrap().is_match(surface)
        && value.is_some_and(|v| (1000.0..=2100.0).contains(&v));
    if year {
        return out("years");
    }
    let (labelled, after) = beside_label(req, surface);
    if labelled {
        return out("labels and model numbers ('Apollo 11')");
    }
    if Regex::new(r"^-\w").unwrap().is_match(after) {
        return out("hyphenated modifiers ('5-sigma', '40-ish')");
    }
    let category = if unc.is_some() {
        "ranges"
    } else if percent {
        "percentages"
    } else if unit == "dozen" {
        "a dozen as a count"
    } else if DIGITS.is_match(surface) {
        "digits"
    } else {
        "number words"
    };
    (Scope::In(category), expect)
}

/// quantulum states a range as `v ± u`, and a dozen as the unit `dozen`.
fn quantulum_expect(v: f64, unc: Option<f64>, unit: &str) -> Expect {
    let percent = unit == "percentage";
    let v = if unit == "dozen" { v * 12.0 } else { v };
    match unc {
        Some(u) => Expect {
            value: v - u,
            upper: Some(v + u),
            qualifiers: &["range"],
            percent,
        },
        None => Expect::exact(v, percent),
    }
}

/// Whether a capitalised word beside the number, that does not merely
/// open the sentence, makes it a label ("Apollo 11", "Physics 201",
/// "Model 3 Sedan"); and the text after the number.
fn beside_label<'a>(req: &'a str, surface: &str) -> (bool, &'a str) {
    // where the surface stands in the sentence
    let at = Regex::new(&format!(r"\b{}\b", regex::escape(surface)))
        .ok()
        .and_then(|re| re.find(req))
        .map(|m| (m.start(), m.end()));
    let (before, after) = at.map_or(("", ""), |(s, e)| (&req[..s], &req[e..]));
    let capitalised = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .rsplit(['—', '-'])
            .next()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    };
    let before = before.trim_end();
    let prev_label = match before.rsplit_once(char::is_whitespace) {
        Some((rest, w)) => capitalised(w) && !rest.trim_end().ends_with(['.', '!', '?', ':']),
        // the first word of the text: a label only when glued ("Acme—North")
        None => before.contains('—') && capitalised(before),
    };
    let next_label = after.split_whitespace().next().is_some_and(capitalised);
    (prev_label || next_label, after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals() {
        let e = interval_expect(parse_interval("(15,60]").unwrap()).unwrap();
        assert_eq!(
            (e.value, e.upper, e.qualifiers),
            (15.0, Some(60.0), &["range"][..])
        );
        let e = interval_expect(parse_interval("(,100]").unwrap()).unwrap();
        assert_eq!(e.qualifiers, &["at_most", "up_to"]);
        assert!(interval_expect(parse_interval("(,)").unwrap()).is_none());
    }

    #[test]
    fn labels() {
        assert!(beside_label("The Apollo 11 mission", "11").0);
        assert!(!beside_label("There were 11 people", "11").0);
    }
}
