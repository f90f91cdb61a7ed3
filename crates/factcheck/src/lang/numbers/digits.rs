//! Numbers in digits: separators of every convention, spaced groups of
//! three and the scale words after them.

use compact_str::CompactString;

use super::words::is_dozens;
use super::{scale_word, NumberPhrase};
use crate::lang::tokens::{Kind, Token};

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

/// Digits at `i` with their spaced groups and scale words ("1 000", "4
/// million", "2.5k") into `n`: the next token, or `None` if not a number.
/// A part of a smaller scale follows only when the scale is below
/// `ceiling` (see `parse_single_below`).
pub(super) fn digits_at(
    src: &str,
    toks: &[Token],
    i: usize,
    n: &mut NumberPhrase,
    ceiling: f64,
) -> Option<usize> {
    let (text, j) = spaced_groups(src, toks, i, n)?;
    // scientific notation ("1e400") is no count a newsroom writes
    let rest = &src.as_bytes()[toks[j - 1].end..];
    if matches!(rest, [b'e' | b'E', d, ..] | [b'e' | b'E', b'+' | b'-', d, ..] if d.is_ascii_digit())
    {
        return None;
    }
    let (v, seps, decimals) = digits_value(&text)?;
    // nor is a number past a quadrillion (a 400-digit string is infinite
    // as a float): read as no number, never as a value it does not have
    if !(v.is_finite() && v < 1e15) {
        return None;
    }
    n.value = v;
    n.separators |= seps;
    n.decimals = decimals;
    let j = scale_words_after(src, toks, j, n);
    // "3 dozens", "3 dzs": twelve times the count
    if n.scale_word.is_none()
        && toks
            .get(j)
            .is_some_and(|t| is_dozens(&t.lower) || t.is("dozen"))
    {
        n.value *= 12.0;
        return Some(j + 1);
    }
    if n.scale >= ceiling {
        return Some(j);
    }
    Some(mixed_tail(src, toks, j, n))
}

/// What follows digits and their scale in words or digits of a smaller
/// scale, added to them: "3 hundred and 21", "4 thousand 3 hundred", "6
/// crore and two hundred", "3 million and a half". Without "and", only a
/// part with its own scale word continues the number ("3 million 20 years
/// later" does not). The next token.
fn mixed_tail(src: &str, toks: &[Token], j: usize, n: &mut NumberPhrase) -> usize {
    // (after a scale written as a word: "5k and 40 were arrested" is two)
    let word_scale = n.scale_word.as_deref().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "hundred" | "thousand" | "million" | "billion" | "trillion" | "lakh" | "crore"
        )
    });
    if !word_scale || n.decimals > 0 {
        return j;
    }
    let and = toks.get(j).is_some_and(|t| t.is("and"));
    let k = j + usize::from(and);
    if and {
        if let Some((f, after)) = super::words::fraction_after_and(toks, k) {
            n.value += f * n.scale;
            return after;
        }
    }
    let Some((part, after)) = super::parse_single_below(src, toks, k, n.scale) else {
        return j;
    };
    let fits = part.value < n.scale
        && !part.vague
        && !part.percent
        && part.value.fract() == 0.0
        && (and || part.scale_word.is_some());
    if !fits {
        return j;
    }
    n.value += part.value;
    after
}

/// The most groups of three that may follow a number's first digits: five
/// make a quadrillion, past any count.
const MAX_SPACED_GROUPS: usize = 5;

/// The digits at `i` joined with the groups of three that follow after
/// spaces ("1 000 000", "1 234 567.89"; no-break and narrow spaces are
/// spaces in the scan copy): the digits and the next token. `None` for a
/// longer run of groups ("123 123 123 …"): no number, and read no further
/// than the limit from each of its groups.
fn spaced_groups(
    src: &str,
    toks: &[Token],
    i: usize,
    n: &mut NumberPhrase,
) -> Option<(CompactString, usize)> {
    let mut text = CompactString::from(toks[i].lower.as_str());
    let mut j = i + 1;
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
                if j - i > MAX_SPACED_GROUPS {
                    return None;
                }
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
    Some((text, j))
}

/// Scale words from token `j` on, applied to `n` ("2.5k", "1.2m", "10
/// mln", "3 hundred thousand"; not "hundreds of …"): the next token.
fn scale_words_after(src: &str, toks: &[Token], mut j: usize, n: &mut NumberPhrase) -> usize {
    while let Some(s) = toks.get(j) {
        match scale_word(&s.lower) {
            Some((scale, glued_only)) if s.kind == Kind::Word => {
                // (a spaced "k" only after decimals: "2.75 k", not "5 k run")
                let spaced_k = s.lower == "k" && n.decimals > 0;
                if glued_only && s.start != toks[j - 1].end && !spaced_k {
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
    j
}
