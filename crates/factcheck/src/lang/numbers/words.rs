//! Numbers in words: units, tens and dozens, scales, fractions and the
//! "and" that joins them ("two hundred and fifty", "one and a half million").

use super::scale_word;
use crate::lang::tokens::Token;

/// Whether `w` (lower-cased) is a number word: "seven", "twenty-one",
/// "hundred", "million".
pub fn is_number_word(w: &str) -> bool {
    // (most words open no number: one look-up turns them away)
    super::opens_number(w)
        && (unit_word(w).is_some() || compound_word(w).is_some() || scale_word(w).is_some())
}

/// The units by value, "zero" to "nineteen": read here and written by
/// fixes of numbers in words.
pub(crate) const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// The tens by value divided by ten ("twenty" at 2; none below).
pub(crate) const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Other unit words: zero's other names and the dozen.
pub(super) const OTHER_UNITS: [(&str, f64); 3] =
    [("nought", 0.0), ("naught", 0.0), ("dozen", 12.0)];

/// A unit, ten or dozen word: its value ("seven" → 7, "dozen" → 12).
fn unit_word(w: &str) -> Option<f64> {
    if let Some(i) = UNITS.iter().position(|u| *u == w) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|t| !t.is_empty() && *t == w) {
        return Some(i as f64 * 10.0);
    }
    OTHER_UNITS.iter().find(|(u, _)| *u == w).map(|&(_, v)| v)
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

/// The lower-case word at `k`, if any.
fn word_at<'t>(toks: &'t [Token<'_>], k: usize) -> Option<&'t str> {
    toks.get(k).map(|t| t.lower.as_str())
}

/// "dozens" and its abbreviations after a count: twelve times it.
pub(super) fn is_dozens(w: &str) -> bool {
    matches!(w, "dozens" | "dz" | "dzs" | "doz" | "dozs")
}

/// A fraction after "and" at `k`: "a half", "one half", "a quarter",
/// "three quarters"; its value and the token after it.
pub(super) fn fraction_after_and(toks: &[Token], k: usize) -> Option<(f64, usize)> {
    let count = match word_at(toks, k)? {
        "a" | "an" => 1.0,
        w => unit_word(w).filter(|&v| (1.0..4.0).contains(&v))?,
    };
    let f = match word_at(toks, k + 1)? {
        "half" | "halves" => 0.5,
        "quarter" | "quarters" => 0.25,
        _ => return None,
    };
    // ("4 million and a quarter of them are children" is no fraction of it)
    let of = word_at(toks, k + 2) == Some("of");
    (count * f < 1.0 && !of).then_some((count * f, k + 2))
}

/// "half" or "quarter" at `k`: the fraction.
fn fraction_at(toks: &[Token], k: usize) -> Option<f64> {
    match word_at(toks, k) {
        Some("half") => Some(0.5),
        Some("quarter") => Some(0.25),
        _ => None,
    }
}

/// Number words: "twelve", "two hundred and fifty", "thirty one", "a
/// dozen", "half a million", "a quarter of a million", "one and a half
/// million", "two million and a half".
pub(super) fn parse_words(toks: &[Token], i: usize) -> Option<(f64, usize)> {
    let lead_a = usize::from(matches!(word_at(toks, i), Some("a" | "an")));
    if let Some(f) = fraction_at(toks, i + lead_a) {
        return fraction_of_scale(toks, i + lead_a + 1, f);
    }
    let mut sum = WordSum {
        total: 0.0,
        current: 0.0,
        last_scale: 1.0,
        last_group: 0.0,
        last_unit: 0.0,
        any: false,
    };
    let mut j = i;
    if lead_a == 1 {
        j = sum.lead_a(toks, j)?;
    }
    while j < toks.len() {
        match sum.step(toks, j) {
            Some(next) => j = next,
            None => break,
        }
    }
    sum.any.then_some((sum.total + sum.current, j))
}

/// A fraction of a scale, the fraction read and `k` after it: "half a
/// million", "a quarter of a million", "half a dozen".
fn fraction_of_scale(toks: &[Token], mut k: usize, f: f64) -> Option<(f64, usize)> {
    if word_at(toks, k) == Some("of") {
        k += 1;
    }
    if matches!(word_at(toks, k), Some("a" | "an")) {
        k += 1;
    }
    match word_at(toks, k) {
        Some("dozen") => Some((f * 12.0, k + 1)),
        Some(s) if !s.ends_with('s') => scale_word(s)
            .filter(|&(sc, g)| !g && sc >= 100.0)
            .map(|(sc, _)| (f * sc, k + 1)),
        _ => None,
    }
}

/// The running sum of number words: the value of the scales closed so
/// far, the group being read, and the last scale for "and a half".
struct WordSum {
    total: f64,
    current: f64,
    last_scale: f64,
    /// What the last closed scale added ("three lakh": 300,000).
    last_group: f64,
    /// The units last read ("two" of "three hundred and two dozens").
    last_unit: f64,
    /// Whether any number word was read.
    any: bool,
}

impl WordSum {
    /// "a dozen", "a hundred", "a million" with "a" at `j`: the token
    /// after "a", or `None` when no dozen or scale follows.
    fn lead_a(&mut self, toks: &[Token], j: usize) -> Option<usize> {
        let next = toks.get(j + 1)?;
        if next.is("dozen")
            || scale_word(&next.lower).is_some_and(|(_, g)| !g && !next.lower.ends_with('s'))
        {
            self.current = 1.0;
            self.any = true;
            Some(j + 1)
        } else {
            None
        }
    }

    /// Read the word at `j` into the sum: the next token, or `None` when
    /// the number ends before it.
    fn step(&mut self, toks: &[Token], j: usize) -> Option<usize> {
        let word = toks[j].lower.as_str();
        if let Some(v) = compound_word(word) {
            self.unit(word, v).then_some(j + 1)
        } else if let Some((s, glued)) = scale_word(word) {
            let after_scale = j > 0 && scale_word(&toks[j - 1].lower).is_some();
            // a bare "hundred" opens a number only before a larger scale and
            // after no word that makes it vague ("hundred thousand", not "a
            // few hundred")
            let larger_next = word_at(toks, j + 1)
                .and_then(scale_word)
                .is_some_and(|(sc, g)| !g && sc >= 1e3);
            let vague_before = j > 0
                && matches!(
                    toks[j - 1].lower.as_str(),
                    "few" | "couple" | "many" | "several" | "some"
                );
            if !self.any && (!larger_next || vague_before) {
                return None;
            }
            self.scale(word, s, glued, after_scale).then_some(j + 1)
        } else if (word == "and" || word == "&") && self.any {
            self.and_at(toks, j)
        } else if word == ","
            && self.current == 0.0
            && self.total >= 1e3
            && self.unit_next(toks, j + 1)
            && word_at(toks, j + 2) == Some("hundred")
        {
            // "three million, two hundred & forty" (not "of the five
            // thousand, two died")
            Some(j + 1)
        } else if is_dozens(word) && self.current > 0.0 {
            // "three dozens", "three hundred and two dozens": of the
            // units last read
            self.current += self.last_unit * 11.0;
            Some(j + 1)
        } else if word == "-" && self.tens_then(toks, j + 1) {
            // a spaced hyphen: "fifty - two"
            Some(j + 1)
        } else {
            None
        }
    }

    /// Whether a number word below a hundred stands at `k`.
    fn unit_next(&self, toks: &[Token], k: usize) -> bool {
        word_at(toks, k)
            .and_then(compound_word)
            .is_some_and(|v| v > 0.0 && v < self.last_scale)
    }

    /// Whether a unit below ten at `k` may follow the tens read so far.
    fn tens_then(&self, toks: &[Token], k: usize) -> bool {
        self.current % 10.0 == 0.0
            && self.current % 100.0 >= 20.0
            && word_at(toks, k)
                .and_then(unit_word)
                .is_some_and(|v| v > 0.0 && v < 10.0)
    }

    /// A unit, ten or dozen: whether it continues the number ("thirty
    /// one" does, "five six" does not).
    fn unit(&mut self, word: &str, v: f64) -> bool {
        let tens_then_unit = v < 10.0 && self.current % 10.0 == 0.0 && self.current % 100.0 >= 20.0;
        if word == "dozen" {
            self.current = self.current.max(1.0) * 12.0;
        } else if self.current < 1.0 || self.current % 100.0 == 0.0 || tens_then_unit {
            self.last_unit = if tens_then_unit {
                self.last_unit + v
            } else {
                v
            };
            self.current += v;
        } else {
            return false;
        }
        self.any = true;
        true
    }

    /// A scale word after number words: whether it continues the number
    /// (not a glued abbreviation, a plural, or a scale with nothing before).
    fn scale(&mut self, word: &str, s: f64, glued: bool, after_scale: bool) -> bool {
        if glued || word.ends_with('s') {
            return false;
        }
        // "hundred thousand" with no number before: a hundred
        if !self.any {
            if s != 100.0 {
                return false;
            }
            self.any = true;
        }
        if s == 100.0 {
            self.current = self.current.max(1.0) * 100.0;
            self.last_unit = 0.0;
        } else if after_scale && self.current == 0.0 {
            // a scale of a scale: "three lakh crore" is three lakh crores
            self.total += self.last_group * (s - 1.0);
            self.last_group *= s;
            self.last_scale *= s;
        } else {
            self.last_group = self.current.max(1.0) * s;
            self.total += self.last_group;
            self.current = 0.0;
            self.last_scale = s;
        }
        true
    }

    /// "and" at `j`: "one and a half million", "two million and a half",
    /// "two hundred and fifty", "one thousand and fifty"; the next token to
    /// read, or `None` when "and" ends the number.
    fn and_at(&mut self, toks: &[Token], j: usize) -> Option<usize> {
        // "and a half", "and one half", "and three quarters"; of a smaller
        // scale when one follows ("one billion and a half million")
        if let Some((f, k)) = fraction_after_and(toks, j + 1) {
            let smaller = word_at(toks, k)
                .and_then(scale_word)
                .filter(|&(sc, g)| !g && sc < self.last_scale && sc >= 1e3);
            if let Some((sc, _)) = smaller {
                self.total += f * sc;
                return Some(k + 1);
            }
            if self.current > 0.0 {
                self.current += f;
            } else {
                self.total += f * self.last_scale;
            }
            return Some(k);
        }
        let (current, total) = (self.current, self.total);
        let joins = current % 100.0 == 0.0 && current > 0.0 || current == 0.0 && total > 0.0;
        (joins
            && toks
                .get(j + 1)
                .is_some_and(|t| compound_word(&t.lower).is_some()))
        .then_some(j + 1)
    }
}
