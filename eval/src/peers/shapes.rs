//! Word shapes shared by the classifiers: ordinals, fractions, scale words,
//! negative signs. They decide scope, so they are written to over-match
//! rather than let an ordinal or a fraction be scored as a count.

use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

static ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|[a-z]+teenth|[a-z]+ieth|hundredth|thousandth|millionth|billionth|trillionth)s?$",
    )
    .unwrap()
});
static HALF_QUARTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(half|halves|quarter|quarters)$").unwrap());
pub(crate) static SCIENTIFIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\d(\.\d+)?(e[+-]?\d|\s*[x×]\s*10|\^)").unwrap());
pub(crate) static VULGAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞/]").unwrap());
pub(crate) static DIGITS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d").unwrap());
pub(crate) static UNIT_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(zero|nought|naught|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a|an)$").unwrap()
});
pub(crate) static SCALE_ABBREV: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\d\s*(k|m|b|bn|mn|mln|bln|tln|mil|mm|t|g|dzs|dozs)$").unwrap()
});
pub(crate) static SCALE_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(thousand|million|billion|trillion)s?\b").unwrap());
/// "one in five", "3 out of 10": a ratio, read as a share.
pub(crate) static RATIO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\w\s+(in|out of)\s+\w").unwrap());

/// Lower-cased words of a phrase, split at spaces and hyphens.
pub(crate) fn words(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || c == '-' || c == '–' || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

pub(crate) fn has_word(s: &str, w: &str) -> bool {
    words(s).iter().any(|x| x == w)
}

pub(crate) fn has_ordinal(s: &str) -> bool {
    words(s).iter().any(|w| ORDINAL.is_match(w))
}

pub(crate) fn has_half_quarter(s: &str) -> bool {
    words(s).iter().any(|w| HALF_QUARTER.is_match(w))
}

pub(crate) fn is_negative(s: &str) -> bool {
    let t = s.trim_start();
    t.starts_with('-')
        || t.starts_with('−')
        || has_word(s, "minus")
        || has_word(s, "negative")
        || Regex::new(r"[<>=]\s*-\s*\d").unwrap().is_match(s)
}

/// Characters `[start, end]` (inclusive, as Recognizers counts) of `s`.
fn char_slice(s: &str, start: usize, end: usize) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    (end < chars.len() && start <= end).then(|| chars[start..=end].iter().collect())
}

/// The phrase as the input writes it (Recognizers lower-cases `Text`).
pub(crate) fn recognizers_phrase(input: &str, r: &Value) -> String {
    let text = r["Text"].as_str().unwrap_or("").to_string();
    let (Some(s), Some(e)) = (r["Start"].as_u64(), r["End"].as_u64()) else {
        return text;
    };
    match char_slice(input, s as usize, e as usize) {
        Some(p) if p.to_lowercase() == text.to_lowercase() => p,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(has_ordinal("the twenty-third"));
        assert!(!has_ordinal("twenty three"));
        assert!(has_half_quarter("half a million"));
        assert!(is_negative("minus five"));
        assert!(is_negative(">= -3"));
        assert!(!is_negative("5-10"));
        assert_eq!(char_slice("über 12", 5, 6).as_deref(), Some("12"));
    }
}
