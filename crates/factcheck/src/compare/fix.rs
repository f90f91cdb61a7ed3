//! Fixes for figures, written as the article writes its figures: the
//! number in the article's style ("3.9 million", "12,500", "three"), and,
//! where the stated qualifier no longer holds, the qualifier the reference
//! supports ("at least 46"). A fix replaces the number, or the qualifier and
//! the number, and nothing else.

use super::figure::fmt_num;
use crate::lang::qualifier::{Intervals, Stated};
use crate::model::{Claim, Correction, Qualifier, Quantity};

/// The value written as the article writes its figures: with the same scale
/// word ("3.9 million"), separators ("12,500") or plain digits.
pub(crate) fn in_style(value: f64, q: &Quantity) -> String {
    let st = &q.style;
    if let Some(word) = st.scale_word.as_ref().filter(|_| value >= st.scale) {
        let scaled = value / st.scale;
        for d in st.decimals..=3 {
            let f = format!("{scaled:.d$}");
            if (f.parse::<f64>().unwrap_or(f64::NAN) - scaled).abs() < 1e-9 {
                let glued =
                    !word.chars().next().is_some_and(|c| c.is_alphabetic()) || word.len() <= 2;
                return if glued {
                    format!("{f}{word}")
                } else {
                    format!("{f} {word}")
                };
            }
        }
        return format!("{} {word}", fmt_num(scaled));
    }
    // a number under 1,000 says nothing of separators: write them, as
    // news copy does ("210" fixed to "2,100")
    let no_evidence = q.value.0 < 1000.0 && st.scale_word.is_none();
    if st.separators || st.words || no_evidence || value >= 10_000.0 {
        fmt_num(value)
    } else {
        fmt_num(value).replace(',', "")
    }
}

/// Whole numbers below a hundred in words, for an article that wrote its
/// number in words ("three", "forty-one").
fn in_words(n: u64) -> Option<String> {
    use crate::lang::numbers::{TENS, UNITS};
    match n {
        0..=19 => Some(UNITS[n as usize].to_string()),
        20..=99 if n.is_multiple_of(10) => Some(TENS[(n / 10) as usize].to_string()),
        20..=99 => Some(format!(
            "{}-{}",
            TENS[(n / 10) as usize],
            UNITS[(n % 10) as usize]
        )),
        // round hundreds and thousands: "two hundred", "forty thousand"
        _ if n.is_multiple_of(1000) && n / 1000 < 100 => {
            Some(format!("{} thousand", in_words(n / 1000)?))
        }
        _ if n.is_multiple_of(100) && n / 100 < 10 => {
            Some(format!("{} hundred", in_words(n / 100)?))
        }
        _ => None,
    }
}

/// The number as the article would write it: in words when it wrote words
/// and the number is small, else in [`in_style`].
fn number(value: f64, q: &Quantity) -> String {
    let word_scale =
        q.style.scale_word.as_deref().is_none_or(|w| {
            w.eq_ignore_ascii_case("hundred") || w.eq_ignore_ascii_case("thousand")
        });
    if q.style.words && word_scale && value.fract() == 0.0 && value >= 0.0 {
        if let Some(w) = in_words(value as u64) {
            return w;
        }
    }
    in_style(value, q)
}

/// The fix of a figure that disagrees with the accepted interval `accepted`
/// (`value` when the reference gives one number): the number rewritten,
/// keeping the article's qualifier where it still holds; otherwise the
/// qualifier and the number, with the qualifier the reference's interval
/// supports, or the qualifier alone when the number is the reference's
/// bound ("fewer than one million" → "at least one million").
/// Capitalised where the replaced words were.
pub(super) fn figure_fix(
    text: &str,
    q: &Quantity,
    accepted: [f64; 2],
    value: Option<f64>,
    intervals: &Intervals,
) -> Option<Correction> {
    let (ns, ne) = q.style.number_span;
    // the qualifier's words before the number are what a new qualifier replaces
    let from = if q.qualifier == Qualifier::Exact {
        ns
    } else {
        q.style.qualifier_start.min(ns)
    };
    let kept = |v: f64| {
        Stated {
            qualifier: q.qualifier,
            value: v,
            upper: None,
            scale: q.style.scale,
            decimals: q.style.decimals,
            has_scale_word: q.style.scale_word.is_some(),
        }
        .bounded(intervals)
    };
    // a reference with bounds only: the article's qualifier stays when, with
    // a bound for its number, it says no more than the reference ("more
    // than 1,500" against at least 15,000 becomes "more than 15,000")
    let bound = || {
        let [lo, hi] = accepted;
        [lo, hi].into_iter().find(|&v| {
            let k = kept(v);
            v > 0.0
                && v.is_finite()
                && q.upper.is_none()
                && q.qualifier != Qualifier::Exact
                && lo <= k[0].unwrap_or(0.0)
                && k[1].unwrap_or(f64::INFINITY) <= hi
        })
    };
    // the article's number is the reference's bound ("fewer than one
    // million" against at least 1,000,000): only the qualifier is wrong,
    // and the number stays as written
    let written = |v: f64| {
        q.upper.is_none() && q.qualifier != Qualifier::Exact && from < ns && q.value.0 == v
    };
    let (start, end, replacement) = match value {
        Some(v) => {
            let kept = kept(v);
            let keeps = kept[0].unwrap_or(0.0) <= accepted[1]
                && accepted[0] <= kept[1].unwrap_or(f64::INFINITY);
            if keeps && q.upper.is_none() {
                (ns, ne, number(v, q))
            } else {
                (from, ne, number(v, q))
            }
        }
        None => match bound() {
            Some(b) => (ns, ne, number(b, q)),
            None => {
                let [lo, hi] = accepted;
                match (lo > 0.0, hi.is_finite()) {
                    (true, true) => (
                        from,
                        ne,
                        format!("between {} and {}", number(lo, q), number(hi, q)),
                    ),
                    (true, false) if written(lo) => (from, ns, "at least ".to_string()),
                    (true, false) => (from, ne, format!("at least {}", number(lo, q))),
                    (false, true) if written(hi) => (from, ns, "up to ".to_string()),
                    (false, true) => (from, ne, format!("up to {}", number(hi, q))),
                    (false, false) => return None,
                }
            }
        },
    };
    // ("dozens of people" → "214 people": the vague word's "of" goes too)
    let end = match text.get(end..) {
        Some(rest) if q.qualifier == Qualifier::Vague && rest.starts_with(" of ") => end + 3,
        _ => end,
    };
    let capital = text[start..].chars().next().is_some_and(char::is_uppercase);
    let replacement = match group_separator(text.get(ns..ne).unwrap_or("")) {
        Some(g) => regrouped(&replacement, g),
        None => replacement,
    };
    Some(Correction {
        start,
        end,
        replacement: if capital {
            capitalised(&replacement)
        } else {
            replacement
        },
    })
}

/// The space the article groups a number's digits with ("1 600", with a
/// space, a no-break or a thin space), when it uses no comma: a fix groups
/// its digits the same way.
fn group_separator(number: &str) -> Option<char> {
    if number.contains(',') {
        return None;
    }
    let cs: Vec<char> = number.chars().collect();
    cs.windows(3)
        .find(|w| {
            w[0].is_ascii_digit()
                && w[2].is_ascii_digit()
                && matches!(w[1], ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
        })
        .map(|w| w[1])
}

/// `s` with each comma between two digits made `g`.
fn regrouped(s: &str, g: char) -> String {
    let cs: Vec<char> = s.chars().collect();
    cs.iter()
        .enumerate()
        .map(|(i, &c)| {
            let between = i > 0
                && cs[i - 1].is_ascii_digit()
                && cs.get(i + 1).is_some_and(char::is_ascii_digit);
            if c == ',' && between {
                g
            } else {
                c
            }
        })
        .collect()
}

fn capitalised(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(f) => f.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// The claim's phrase with the fix applied, for the message.
pub(super) fn corrected_phrase(c: &Claim, q: &Quantity, corr: &Correction) -> String {
    let (ps, pe) = (c.span.start, c.span.end);
    let phrase = &q.phrase;
    if corr.start >= ps && corr.end <= pe {
        let mut s = phrase.clone();
        s.replace_range(corr.start - ps..corr.end - ps, &corr.replacement);
        s
    } else {
        corr.replacement.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn style_follows_the_article() {
        let mut q = Quantity {
            metric: "refugees".into(),
            subject: None,
            value: crate::model::Num(4e6),
            upper: None,
            qualifier: crate::model::Qualifier::Exact,
            interval: [None, None],
            phrase: "4 million".into(),
            unit: None,
            place: None,
            part: false,
            total: false,
            style: crate::model::NumberStyle {
                scale_word: Some("million".into()),
                scale: 1e6,
                ..Default::default()
            },
        };
        assert_eq!(in_style(3.9e6, &q), "3.9 million");
        q.style = crate::model::NumberStyle {
            separators: true,
            scale: 1.0,
            ..Default::default()
        };
        assert_eq!(in_style(12500.0, &q), "12,500");
        // "2100" stays without separators; "210" gives no evidence of them
        q.style.separators = false;
        q.value = crate::model::Num(2100.0);
        assert_eq!(in_style(2500.0, &q), "2500");
        q.value = crate::model::Num(210.0);
        assert_eq!(in_style(2100.0, &q), "2,100");
    }

    #[test]
    fn digits_grouped_by_a_space_stay_grouped_by_it() {
        assert_eq!(group_separator("1\u{202f}600"), Some('\u{202f}'));
        assert_eq!(group_separator("1 600"), Some(' '));
        assert_eq!(group_separator("1,600"), None);
        assert_eq!(group_separator("1600"), None);
        assert_eq!(
            regrouped("between 1,500 and 12,000, or so", '\u{a0}'),
            "between 1\u{a0}500 and 12\u{a0}000, or so"
        );
    }

    #[test]
    fn small_numbers_written_in_words_stay_in_words() {
        assert_eq!(in_words(3).as_deref(), Some("three"));
        assert_eq!(in_words(41).as_deref(), Some("forty-one"));
        assert_eq!(in_words(60).as_deref(), Some("sixty"));
        assert_eq!(in_words(101), None);
        assert_eq!(in_words(200).as_deref(), Some("two hundred"));
        assert_eq!(in_words(40_000).as_deref(), Some("forty thousand"));
    }
}
