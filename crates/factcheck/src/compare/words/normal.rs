//! Quoted words as they are compared: one form for what a reader reads
//! alike (typographic marks, invisible characters, Unicode forms, an
//! editor's brackets, numbers in words or digits).

use unicode_normalization::UnicodeNormalization;

/// Normalise quoted words for comparison: typographic quotes, apostrophes,
/// dashes (a dash between words separates them) and whitespace; the first
/// letter's case. Returns the words and
/// their byte ranges in the input.
pub(in crate::compare) fn quote_words(s: &str) -> Vec<(String, (usize, usize))> {
    let mut out = Vec::new();
    let mut start = None;
    let push = |out: &mut Vec<(String, (usize, usize))>, a: usize, b: usize| {
        // most words are plain letters and digits: nothing to map or trim
        if b > a && s.as_bytes()[a..b].iter().all(u8::is_ascii_alphanumeric) {
            let w = &s[a..b];
            let w = as_digits(w).unwrap_or_else(|| one_spelling(w).into_owned());
            out.push((w, (a, b)));
            return;
        }
        // (characters no reader sees — a soft hyphen, a zero-width space,
        // a direction mark — are no difference, nor is a word's accent
        // typed as a letter and a combining mark: NFC)
        // (ASCII with no markup, bracket or backtick reads as written:
        // most words with punctuation, "said," or "it's")
        let raw = &s[a..b];
        let plain = raw.bytes().all(|b| {
            b.is_ascii()
                && !b.is_ascii_whitespace()
                && !matches!(b, b'<' | b'&' | b'[' | b']' | b'`')
        });
        let w: std::borrow::Cow<str> = if plain {
            raw.into()
        } else {
            read_as_seen(raw).into()
        };
        for w in w.split_whitespace() {
            let trimmed = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '…');
            if trimmed.is_empty() {
                continue;
            }
            let word = if trimmed == "..." || trimmed.contains('…') {
                "…".to_string()
            } else {
                as_digits(trimmed).unwrap_or_else(|| one_spelling(trimmed).into_owned())
            };
            out.push((word, (a, b)));
        }
    };
    let mut dots_end = 0;
    // where the next "]" is (searched again only once passed: a quote of
    // thousands of "[" is read once)
    let mut close: Option<usize> = None;
    // a Markdown link being read: where its text closes, where its target ends
    let mut link: Option<(usize, usize)> = None;
    for (i, c) in s.char_indices() {
        if i < dots_end {
            continue;
        }
        // words an editor put in brackets ("before [the] winter", "[the
        // mayor] said") are not the speaker's: they stand for what was
        // left out or said otherwise, as an ellipsis does (but "[t]he",
        // inside a word, is that word)
        // (a Markdown link's target is no word: "[holding](https://…)")
        if link.is_some_and(|(e, _)| e == i) {
            if let Some(a) = start.take() {
                push(&mut out, a, i);
            }
            dots_end = link.take().map_or(i, |l| l.1);
            continue;
        }
        if c == '[' && start.is_none() {
            if close.is_none_or(|e| e < i) {
                close = s[i..].find(']').map(|e| i + e).or(Some(usize::MAX));
            }
            // a link's text is the speaker's words: read on
            let target = close.filter(|&e| e != usize::MAX).and_then(|e| {
                let rest = s[e + 1..].strip_prefix('(')?;
                let p = rest.get(..rest.len().min(MAX_LINK_TARGET))?.find(')')?;
                Some((e, e + 2 + p + 1))
            });
            if target.is_some() {
                link = target;
                continue;
            }
            let glued = |e: usize| s[e + 1..].chars().next().is_some_and(char::is_alphanumeric);
            if let Some(e) = close.filter(|&e| e != usize::MAX && !glued(e)) {
                out.push(("…".into(), (i, e + 1)));
                dots_end = e + 1;
                continue;
            }
        }
        // three dots between words are an ellipsis too: "hurricane...which"
        let dots = c == '.' && s[i..].starts_with("...");
        // punctuation of UTF-8 read as Windows-1252 in scraped copy ("â€”"
        // for a dash, "â€œ" for a quotation mark) separates words as a dash
        // does
        // (but "â€™", an apostrophe, stays inside its word: "itâ€™s")
        if c == 'â' && s[i..].starts_with("â€") && !s[i..].starts_with("â€™") {
            if let Some(a) = start.take() {
                push(&mut out, a, i);
            }
            let after = i + "â€".len();
            dots_end = after + s[after..].chars().next().map_or(0, char::len_utf8);
            continue;
        }
        // a dash set between words without spaces ends one ("friend—at")
        if c.is_whitespace() || matches!(c, '—' | '–' | '‒') {
            if let Some(a) = start.take() {
                push(&mut out, a, i);
            }
        } else if c == '…' || dots {
            if let Some(a) = start.take() {
                push(&mut out, a, i);
            }
            let len = if dots { 3 } else { c.len_utf8() };
            dots_end = i + len;
            out.push(("…".into(), (i, i + len)));
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(a) = start {
        push(&mut out, a, s.len());
    }
    let mut out = spelled_numbers_as_digits(s, out);
    if let Some(first) = out.first_mut() {
        let mut cs = first.0.chars();
        if let Some(f) = cs.next() {
            first.0 = f.to_lowercase().chain(cs).collect();
        }
    }
    out
}

/// The compared words of a plain quote — ASCII but for typographic quotes
/// and apostrophes, no markup, brackets, entities or ellipses, no number
/// in words or with separators — given to `each` one by one, lower-cased,
/// without the work of [`quote_words`]: for such a quote they are its
/// tokens trimmed of punctuation, British endings folded. `None` when the
/// quote is not plain (then only [`quote_words`] reads it right);
/// `Some((true, ..))` when `each` asked to stop, `Some((false, ..))` when
/// every word was given.
///
/// With `numbers`, a number in words does not make the quote other than
/// plain: each number word is passed over (not given to `each`) and
/// counted, and so are the words of digits given, the counts returned
/// after whether `each` stopped. (With a number word, [`quote_words`]
/// joins runs of number words and digits — "7 000", "3 hundred and 21" —
/// each run one word of digits, an "and" inside it too; with none, the
/// words given are the words.)
pub(in crate::compare) fn plain_words(
    s: &str,
    numbers: bool,
    mut each: impl FnMut(&str) -> bool,
) -> Option<(bool, usize, usize)> {
    let (mut number_words, mut digit_words) = (0, 0);
    // (the longest word looked at without a heap copy)
    const LONGEST: usize = 48;
    let mut buf = [0u8; LONGEST];
    // (a token with a typographic mark, read as its ASCII form)
    let mut marks = [0u8; LONGEST + 2];
    let bytes = s.as_bytes();
    let mut at = 0;
    while at <= bytes.len() {
        // (a token: the bytes up to the next ASCII whitespace — tab to
        // carriage return, and the space, as `char::is_whitespace` has
        // it; any other space is no ASCII byte — each classed once)
        let from = at;
        let mut seen = 0;
        while let Some(&b) = bytes.get(at) {
            let class = PLAIN[usize::from(b)];
            if class == SPACE {
                break;
            }
            seen |= class;
            at += 1;
        }
        let (raw, ascii) = (&bytes[from..at], seen & NOT_ASCII == 0);
        at += 1;
        let token = if ascii {
            raw
        } else {
            let token = as_ascii_marks(raw, &mut marks)?;
            seen = token.iter().fold(0, |c, &b| c | PLAIN[usize::from(b)]);
            token
        };
        if seen & OTHER != 0 || seen & DOT != 0 && token.windows(3).any(|w| w == b"...") {
            return None;
        }
        if seen & ALNUM == 0 {
            continue;
        }
        let first = token.iter().position(u8::is_ascii_alphanumeric)?;
        let last = token.iter().rposition(u8::is_ascii_alphanumeric)?;
        let trimmed = &token[first..=last];
        if trimmed.len() > LONGEST || seen & COMMA != 0 && trimmed.contains(&b',') {
            return None;
        }
        // (a word of the quote in lower case already, most of them, is
        // read in place)
        let lower = if !ascii || seen & UPPER != 0 {
            let lower = &mut buf[..trimmed.len()];
            lower.copy_from_slice(trimmed);
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).ok()?
        } else {
            s.get(from + first..=from + last)?
        };
        // (a number in words becomes digits, alone or with its neighbours)
        let lead = lower.as_bytes()[0];
        if lead.is_ascii_alphabetic() && crate::lang::numbers::is_number_word(lower) {
            if !numbers {
                return None;
            }
            number_words += 1;
            continue;
        }
        digit_words +=
            usize::from(lead.is_ascii_digit() && lower.bytes().all(|b| b.is_ascii_digit()));
        if each(&one_spelling(lower)) {
            return Some((true, number_words, digit_words));
        }
    }
    Some((false, number_words, digit_words))
}

/// What a byte is to [`plain_words`], as a table: one look-up classes it.
const PLAIN: [u8; 256] = plain_classes();
/// ASCII whitespace, which ends a token.
const SPACE: u8 = 1;
/// A letter or digit.
const ALNUM: u8 = 2;
/// A capital (also [`ALNUM`]).
const UPPER: u8 = 4;
/// A full stop (three in a row are an ellipsis: no plain quote).
const DOT: u8 = 8;
/// A comma (inside a word, a number's separator: no plain quote).
const COMMA: u8 = 16;
/// A byte past ASCII: a typographic mark, or what makes the quote other
/// than plain.
const NOT_ASCII: u8 = 32;
/// An ASCII byte no plain quote holds: markup, brackets, a control.
const OTHER: u8 = 64;

const fn plain_classes() -> [u8; 256] {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if crate::lang::is_ascii_space(c) {
            SPACE
        } else if c.is_ascii_uppercase() {
            ALNUM | UPPER
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else if c == b'.' {
            DOT
        } else if c == b',' {
            COMMA
        } else if matches!(
            c,
            b';' | b':' | b'!' | b'?' | b'\'' | b'"' | b'-' | b'(' | b')' | b'/'
        ) {
            0
        } else if !c.is_ascii() {
            NOT_ASCII
        } else {
            OTHER
        };
        b += 1;
    }
    t
}

/// A token with typographic quotes and apostrophes as [`read_as_seen`]
/// reads them (’ ‘ as ', “ ” as "), in `out`; `None` for any other
/// character that is no ASCII, or a token too long for `out`.
fn as_ascii_marks<'o>(token: &[u8], out: &'o mut [u8]) -> Option<&'o [u8]> {
    let (mut i, mut n) = (0, 0);
    while i < token.len() {
        let b = match token[i..] {
            [b, ..] if b.is_ascii() => {
                i += 1;
                b
            }
            [0xe2, 0x80, 0x98 | 0x99, ..] => {
                i += 3;
                b'\''
            }
            [0xe2, 0x80, 0x9c | 0x9d, ..] => {
                i += 3;
                b'"'
            }
            _ => return None,
        };
        *out.get_mut(n)? = b;
        n += 1;
    }
    Some(&out[..n])
}

/// A word in one spelling where British and American spelling differ by a
/// regular ending ("neighbours" and "neighbors", "organisation",
/// "analysed", "centre", "defence"): a quote re-spelled to a house style
/// says the same words. Only long words are folded, so no two words of
/// different sense meet ("four" is not "for"); "travelled"/"traveled" is
/// left alone, as the same rule would make "filled" "filed".
fn one_spelling(w: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    // (every ending below ends in one of these letters: most words are
    // turned away by their last)
    let last = w.as_bytes().last().map_or(0, u8::to_ascii_lowercase);
    if w.len() < 6 || !matches!(last, b'e' | b's' | b'd' | b'g' | b'r' | b'n') {
        return Cow::Borrowed(w);
    }
    if !w.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Cow::Borrowed(w);
    }
    // (by last letter: most words end in none; each list in the order
    // tried, a longer ending before its own tail)
    let endings: &[(&str, &str)] = match last {
        b'e' => &[
            ("ourable", "orable"),
            ("ourite", "orite"),
            ("ise", "ize"),
            ("yse", "yze"),
            ("tre", "ter"),
            ("ogue", "og"),
            ("ence", "ense"),
        ],
        b'g' => &[("ouring", "oring"), ("ising", "izing"), ("ysing", "yzing")],
        b'd' => &[("oured", "ored"), ("ised", "ized"), ("ysed", "yzed")],
        b's' => &[
            ("ours", "ors"),
            ("isations", "izations"),
            ("ises", "izes"),
            ("tres", "ters"),
            ("ogues", "ogs"),
        ],
        b'r' => &[("our", "or")],
        b'n' => &[("isation", "ization")],
        _ => &[],
    };
    for &(gb, us) in endings {
        // (compared without lower-casing a copy)
        let Some(stem_len) = w.len().checked_sub(gb.len()) else {
            continue;
        };
        if !w[stem_len..].eq_ignore_ascii_case(gb) {
            continue;
        }
        let stem = &w[..stem_len];
        // ("-ence" only in the four words that end so in Britain)
        if gb == "ence"
            && !["def", "off", "lic", "pret"]
                .iter()
                .any(|b| stem.eq_ignore_ascii_case(b))
        {
            return Cow::Borrowed(w);
        }
        // (keep the first letter's case: it is compared as written)
        let mut out = String::with_capacity(w.len());
        out.push_str(stem);
        out.push_str(us);
        return Cow::Owned(out);
    }
    Cow::Borrowed(w)
}

/// The longest link target read past (a URL).
const MAX_LINK_TARGET: usize = 2048;

/// A quoted word's characters as a reader sees them: markup read, unseen
/// characters dropped, curly quotes and dashes as plain ones, NFC.
fn read_as_seen(raw: &str) -> String {
    markup_as_read(raw)
        .replace("â€™", "’")
        .chars()
        // ("[t]he": a letter the editor changed stays in its word)
        .filter(|&c| !crate::lang::unseen(c) && c != '[' && c != ']')
        .map(|c| match c {
            '’' | '‘' | '`' | '´' => '\'',
            '“' | '”' | '„' | '«' | '»' => '"',
            '–' | '—' | '‒' | '\u{2010}' | '\u{2011}' => '-',
            c => c,
        })
        .nfc()
        .collect()
}

/// A quoted word as a reader sees it: character references decoded
/// ("they&rsquo;re"), tags dropped ("<em>stretched</em>"), a footnote
/// mark dropped with its number ("holding<sup>1</sup>").
fn markup_as_read(w: &str) -> std::borrow::Cow<'_, str> {
    if !w.contains(['<', '&']) {
        return std::borrow::Cow::Borrowed(w);
    }
    let mut out = String::with_capacity(w.len());
    let mut rest = w;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let lower = tail.get(..5).map(str::to_ascii_lowercase);
        if lower.as_deref() == Some("<sup>") {
            match tail.to_ascii_lowercase().find("</sup>") {
                Some(e) => rest = &tail[e + 6..],
                None => rest = "",
            }
        } else {
            match tail.find('>') {
                Some(e) => rest = &tail[e + 1..],
                None => {
                    out.push_str(tail);
                    rest = "";
                }
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(html_escape::decode_html_entities(&out).into_owned())
}

/// `w` lower-cased, copied only when it must be (asked of every quoted word).
pub(in crate::compare) use crate::lang::lower;

/// The most words a number spelled out takes ("one hundred and
/// twenty-three thousand four hundred and fifty-six" takes ten).
const MAX_NUMBER_WORDS: usize = 16;

/// Numbers written in several words as one word of digits: "two hundred
/// and fourteen" is "214", "4 million" is "4000000", so a paper that
/// spells out what the transcript writes in digits quotes it right. A run
/// stops at punctuation ("two, three") and must read as one number.
fn spelled_numbers_as_digits(
    s: &str,
    words: Vec<(String, (usize, usize))>,
) -> Vec<(String, (usize, usize))> {
    use crate::lang::numbers::{is_number_word, parse_value};
    let raw = |k: usize| -> &str {
        let (a, b) = words[k].1;
        &s[a..b]
    };
    fn bare(w: &str) -> std::borrow::Cow<'_, str> {
        lower(w.trim_matches(|c: char| !c.is_alphanumeric()))
    }
    let numeric = |w: &str| {
        let w = bare(w);
        is_number_word(&w) || (!w.is_empty() && w.bytes().all(|b| b.is_ascii_digit() || b == b','))
    };
    // (punctuation after a word ends the run)
    let closed = |w: &str| w.ends_with(|c: char| !c.is_alphanumeric());
    if words.len() < 2
        || !words
            .iter()
            .any(|(_, (a, b))| is_number_word(&bare(&s[*a..*b])))
    {
        return words;
    }
    let mut out = Vec::with_capacity(words.len());
    let mut k = 0;
    while k < words.len() {
        let mut end = k;
        if numeric(raw(k)) {
            let mut j = k;
            // (a run is short, so a quote of many number words that read
            // as no one number is read in linear time)
            while !closed(raw(j)) && j + 1 < words.len() && j - k < MAX_NUMBER_WORDS {
                let next = raw(j + 1);
                let joined = bare(next) == "and" && !closed(next) && words.get(j + 2).is_some();
                if numeric(next) {
                    j += 1;
                } else if joined && numeric(raw(j + 2)) {
                    j += 2;
                } else {
                    break;
                }
                end = j;
            }
        }
        let value = (end > k)
            .then(|| {
                parse_value(
                    s[words[k].1 .0..words[end].1 .1]
                        .trim_end_matches(|c: char| !c.is_alphanumeric()),
                )
            })
            .flatten()
            .filter(|v| v.fract() == 0.0 && (0.0..1e12).contains(v));
        match value {
            Some(v) => {
                out.push((format!("{}", v as u64), (words[k].1 .0, words[end].1 .1)));
                k = end + 1;
            }
            None => {
                out.push(words[k].clone());
                k += 1;
            }
        }
    }
    out
}

/// A number word of one word, or digits with thousands separators, as
/// plain digits: "thirty-five" and "35", "1,200" and "1200" are the same
/// word in a quote (a paper spells out what a transcript writes in
/// digits). Scale words and "dozen" stay words.
fn as_digits(w: &str) -> Option<String> {
    let lower = lower(w);
    let spelled = crate::lang::numbers::is_number_word(&lower)
        && !lower.contains("hundred")
        && ![
            "dozen", "thousand", "million", "billion", "trillion", "lakh", "crore",
        ]
        .iter()
        .any(|s| lower.starts_with(s));
    let grouped = w.contains(',')
        && w.split(',')
            .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()));
    if !spelled && !grouped {
        return None;
    }
    let v = crate::lang::numbers::parse_value(&lower)?;
    (v.fract() == 0.0 && (0.0..1e12).contains(&v)).then(|| format!("{}", v as u64))
}

#[cfg(test)]
mod tests {
    use super::one_spelling;

    /// The endings as one list, tried in order: what the table by last
    /// letter must give.
    const ENDINGS: [(&str, &str); 20] = [
        ("ourable", "orable"),
        ("ourite", "orite"),
        ("ouring", "oring"),
        ("oured", "ored"),
        ("ours", "ors"),
        ("our", "or"),
        ("isations", "izations"),
        ("isation", "ization"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
        ("ysing", "yzing"),
        ("ysed", "yzed"),
        ("yse", "yze"),
        ("tres", "ters"),
        ("tre", "ter"),
        ("ogues", "ogs"),
        ("ogue", "og"),
        ("ence", "ense"),
    ];

    fn by_list(w: &str) -> String {
        let long = w.len() >= 6 && w.bytes().all(|b| b.is_ascii_alphabetic());
        for (gb, us) in ENDINGS.iter().filter(|_| long) {
            let Some(stem) = w.len().checked_sub(gb.len()).map(|n| &w[..n]) else {
                continue;
            };
            if w[stem.len()..].eq_ignore_ascii_case(gb) {
                let british = ["def", "off", "lic", "pret"];
                if *gb == "ence" && !british.iter().any(|b| stem.eq_ignore_ascii_case(b)) {
                    return w.to_string();
                }
                return format!("{stem}{us}");
            }
        }
        w.to_string()
    }

    #[test]
    fn each_ending_is_folded_as_the_list_folds_it() {
        for (gb, _) in ENDINGS {
            for stem in ["", "a", "col", "neighb", "Organ", "def", "PRET", "h4rb"] {
                for w in [
                    format!("{stem}{gb}"),
                    format!("{stem}{}", gb.to_uppercase()),
                ] {
                    assert_eq!(one_spelling(&w), by_list(&w), "{w}");
                }
            }
        }
        for w in [
            "neighbours",
            "colour",
            "centre",
            "defence",
            "fence",
            "x-ise",
            "days",
        ] {
            assert_eq!(one_spelling(w), by_list(w), "{w}");
        }
        assert_eq!(one_spelling("neighbours"), "neighbors");
    }
}
