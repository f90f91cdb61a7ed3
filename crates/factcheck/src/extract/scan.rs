//! The scan view of an article.
//!
//! Extraction reads a copy of the text in which markup that is not prose
//! (URLs, Markdown emphasis and link targets, HTML tags, exotic spaces) is
//! overwritten with ASCII spaces of the same byte length. Offsets in the
//! copy are offsets in the file, so spans need no mapping back.
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

mod inline;
use inline::inline_at;

/// Where a block that is not prose opens: a code fence, a script, a style,
/// an HTML comment (a draft's notes to itself are not its copy).
static BLOCK_OPEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i:<script\b|<style\b)|```|<!--").unwrap());
static SCRIPT_CLOSE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)</script\s*>").unwrap());
static STYLE_CLOSE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)</style\s*>").unwrap());

/// `text` with its closed fenced code blocks, scripts, styles and HTML
/// comments blanked
/// (newlines kept). Done apart from [`markup`]: as one alternative of it,
/// each unclosed `<script` made the regex read to the end of the text, so
/// thousands of them took time quadratic in its length. Here a closer
/// that is not found is looked for once per kind.
fn blank_blocks(text: &str) -> std::borrow::Cow<'_, str> {
    // (every block opens with a "<" or a "`": most text holds neither, and
    // one pass for two bytes is cheaper than the regex's)
    if memchr::memchr2(b'<', b'`', text.as_bytes()).is_none() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut bytes: Option<Vec<u8>> = None;
    // per kind (fence, script, style, comment): no closer from this offset on
    let mut none_after = [usize::MAX; 4];
    let mut at = 0;
    while let Some(m) = BLOCK_OPEN.find_at(text, at) {
        let kind = match m.as_str().as_bytes()[1] {
            b'`' => 0,
            b'!' => 3,
            b's' | b'S' if m.as_str()[1..].eq_ignore_ascii_case("script") => 1,
            _ => 2,
        };
        if m.end() >= none_after[kind] {
            at = m.end();
            continue;
        }
        let close = match kind {
            0 => text[m.end()..].find("```").map(|i| m.end() + i + 3),
            1 => SCRIPT_CLOSE.find_at(text, m.end()).map(|c| c.end()),
            3 => text[m.end()..].find("-->").map(|i| m.end() + i + 3),
            _ => STYLE_CLOSE.find_at(text, m.end()).map(|c| c.end()),
        };
        match close {
            Some(end) => {
                let b = bytes.get_or_insert_with(|| text.as_bytes().to_vec());
                for x in &mut b[m.start()..end] {
                    if *x != b'\n' {
                        *x = b' ';
                    }
                }
                at = end;
            }
            None => {
                none_after[kind] = m.end();
                at = m.end();
            }
        }
    }
    match bytes {
        // (every byte of a blanked character became a space: still UTF-8)
        Some(b) => std::borrow::Cow::Owned(String::from_utf8(b).expect("spaces keep UTF-8")),
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// URLs: their own regex, so its few long prefixes ("http", "www.") are
/// looked for by a prefilter, not every "h" and "w" of the text.
static URLS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:https?://|www\.)[^\s<>()\[\]]+").unwrap());

/// Markdown link targets, `](` up to the first `)` with no space between
/// (`\]\([^)\s]*\)`), read by hand so that work stays linear. As a
/// regex alternative, each `](` read on to the next space or `)`, and
/// when none was a `)`, the next search did so again from the next `](`:
/// a line of thousands of `](` and no `)` took time quadratic in its
/// length. Every `](` before that space ends there too, so the end found
/// is kept, and no byte is read for it twice.
struct LinkTargets {
    /// From any offset in `ends.start..=ends.end`, the first `)` or space
    /// is at `ends.end` (the text's length when there is none; nothing is
    /// known before the first look)
    ends: Range<usize>,
}

impl Default for LinkTargets {
    fn default() -> Self {
        // (no offset is this one: nothing known)
        LinkTargets {
            ends: usize::MAX..usize::MAX,
        }
    }
}

impl LinkTargets {
    /// The first link target at or after `at`, if any.
    fn next(&mut self, text: &str, mut at: usize) -> Option<Range<usize>> {
        let bytes = text.as_bytes();
        loop {
            let open = at + memchr::memmem::find(bytes.get(at..)?, b"](")?;
            let body = open + 2;
            if !(self.ends.start..=self.ends.end).contains(&body) {
                self.ends = body..body + end_of_target(&text[body..]);
            }
            match bytes.get(self.ends.end) {
                Some(b')') => return Some(open..self.ends.end + 1),
                Some(_) => at = self.ends.end,
                None => return None,
            }
        }
    }
}

/// How far `text` runs before its first `)` or space (`\s`, Unicode's).
fn end_of_target(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            if b == b')' || matches!(b, b'\t'..=b'\r' | b' ') {
                return i;
            }
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                return i;
            }
            i += c.len_utf8();
        }
    }
    i
}

/// A list's number and its mark, after a line's indent: digits of any
/// script (`\d` is Unicode's, "١." numbers a list as "1." does).
static LIST_NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\A\d{1,3}[.)][ \t]").unwrap());

/// The mark that opens the line at `at`, if any: up to three spaces or
/// tabs, a heading's `#`s, a quote's `>`, a list's bullet or number, and a
/// space or tab (`^[ \t]{0,3}(?:#{1,6}|>|[-*+]|\d{1,3}[.)])[ \t]`).
fn line_mark(text: &str, at: usize) -> Option<Range<usize>> {
    let rest = text.as_bytes().get(at..)?;
    // how many bytes from `from` pass `f`, or None past `max` of them
    let run = |from: usize, max: usize, f: fn(&u8) -> bool| {
        let n = rest
            .get(from..)?
            .iter()
            .take(max + 1)
            .take_while(|b| f(b))
            .count();
        (n <= max).then_some(from + n)
    };
    let indent = run(0, 3, |b| matches!(b, b' ' | b'\t'))?;
    let mark_end = match rest.get(indent)? {
        b'#' => run(indent, 6, |b| *b == b'#')?,
        b'>' | b'-' | b'*' | b'+' => indent + 1,
        b'0'..=b'9' | 0x80.. => {
            // ASCII digits read here; with a character past ASCII at or
            // after them the regex reads digits as `\d` does (its match
            // ends with the space)
            let digits = run(indent, 3, u8::is_ascii_digit)?;
            match rest.get(digits)? {
                b'.' | b')' => digits + 1,
                0x80.. => {
                    let n = LIST_NUMBER.find(&text[at + indent..])?;
                    return Some(at..at + indent + n.end());
                }
                _ => return None,
            }
        }
        _ => return None,
    };
    matches!(rest.get(mark_end)?, b' ' | b'\t').then_some(at..at + mark_end + 1)
}

/// The markup of `text` in order, as one regex of the alternatives of
/// [`URLS`], [`LinkTargets`], [`line_mark`] and `INLINE` (in this order)
/// would find it:
/// the match that opens first, then the next from its end. No match holds
/// a newline, so a line's mark comes before any other on its line.
fn markup(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    // (a regex with no match from here on)
    const NONE: Range<usize> = usize::MAX..usize::MAX;
    let bytes = text.as_bytes();
    let find = |re: &Regex, at: usize| re.find_at(text, at).map_or(NONE, |m| m.range());
    let mut at = 0;
    // the next match of each kind at or after `at`, kept while it is ahead
    // (a regex is not asked again for the same stretch)
    let find_inline = |at: usize| inline_at(text, at).unwrap_or(NONE);
    let (mut url, mut inline) = (find(&URLS, 0), find_inline(0));
    let mut targets = LinkTargets::default();
    let mut link = targets.next(text, 0).unwrap_or(NONE);
    // the next line mark, None when it is to be looked for from `line_from`
    let mut line: Option<Range<usize>> = None;
    let mut line_from = 0;
    std::iter::from_fn(move || {
        if url.start < at {
            url = find(&URLS, at);
        }
        if inline.start < at {
            inline = find_inline(at);
        }
        if link.start < at {
            link = targets.next(text, at).unwrap_or(NONE);
        }
        if line.as_ref().is_none_or(|m| m.start < at) {
            line = None;
            line_from = line_from.max(at);
            // line starts up to the first other match (none past it is asked)
            let stop = url.start.min(link.start).min(inline.start).min(bytes.len());
            while line_from <= stop {
                if line_from == 0 || bytes[line_from - 1] == b'\n' {
                    line = line_mark(text, line_from);
                    if line.is_some() {
                        break;
                    }
                }
                line_from = match memchr::memchr(b'\n', &bytes[line_from..]) {
                    Some(i) => line_from + i + 1,
                    None => bytes.len() + 1,
                };
            }
        }
        // (the first of equals: a URL, a line's mark, other markup; a
        // link target opens at a byte no other opens at)
        let next = [Some(&url), Some(&link), line.as_ref(), Some(&inline)]
            .into_iter()
            .flatten()
            .min_by_key(|m| m.start)
            .filter(|m| m.start != usize::MAX)?
            .clone();
        at = next.end;
        Some(next)
    })
}

/// The scan copy of `text` (same length, same char boundaries).
pub(crate) fn scan_copy(text: &str) -> String {
    let blanked = blank_blocks(text);
    let text = blanked.as_ref();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for m in markup(text) {
        let m_str = &text[m.clone()];
        // "_" inside words (snake_case) and "*" in "5*3" are rare in news;
        // blanking them is harmless. Line ends stay, so lines stay lines.
        out.push_str(&text[last..m.start]);
        let digit = |b: Option<&u8>| b.is_some_and(u8::is_ascii_digit);
        let bytes = text.as_bytes();
        let (digit_before, digit_after) = (
            digit(m.start.checked_sub(1).and_then(|i| bytes.get(i))),
            digit(bytes.get(m.end)),
        );
        if m_str.starts_with("&#") && (digit_before || digit_after)
            || digit_before && digit_after && inline_mark(m_str)
        {
            // a character reference touching digits ("4&#48;" shows "40"),
            // or emphasis or a superscript between digits ("10**13",
            // "10<sup>13</sup>", a power), glues them as a joiner would:
            // no figure can be read, or rewritten, from half of what a
            // reader sees
            out.push_str(&joiner_of_len(m.len()));
        } else {
            out.extend(m_str.bytes().map(|b| if b == b'\n' { '\n' } else { ' ' }));
        }
        last = m.end;
    }
    out.push_str(&text[last..]);
    // Unicode spaces and the BOM → ASCII spaces of the same byte length
    // (but a BOM or zero-width space between digits, "1\u{feff}43", joins
    // them as a word joiner of its length does: no two numbers there).
    // In place, byte by byte: only characters past ASCII are decoded.
    let mut bytes = out.into_bytes();
    let mut i = 0;
    while i < bytes.len() {
        i = ascii_run_end(&bytes, i);
        let Some(&b) = bytes.get(i) else { break };
        if b < 0x80 {
            if b == b'\r' {
                bytes[i] = b' ';
            }
            i += 1;
            continue;
        }
        let len = match b {
            0xf0.. => 4,
            0xe0.. => 3,
            _ => 2,
        };
        let end = (i + len).min(bytes.len());
        let c = std::str::from_utf8(&bytes[i..end])
            .ok()
            .and_then(|c| c.chars().next())
            .unwrap_or('\0');
        let digit_at = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
        if matches!(c, '\u{feff}' | '\u{200b}') && i > 0 && digit_at(i - 1) && digit_at(end) {
            bytes[i..end].copy_from_slice("\u{2060}".as_bytes());
        } else if c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}' {
            bytes[i..end].fill(b' ');
        }
        i = end;
    }
    // (only whole characters were overwritten, by ASCII or by one of the
    // same length)
    let fixed = String::from_utf8(bytes).unwrap_or_default();
    debug_assert_eq!(fixed.len(), text.len());
    double_apostrophes(fixed)
}

/// How far the bytes from `i` are plain ASCII (no `\r`), skipped eight at
/// a time: most text is plain. Stops at the start of the first eight
/// holding another byte (or fewer than eight), at most seven before it.
fn ascii_run_end(bytes: &[u8], mut i: usize) -> usize {
    use crate::lang::swar;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let w = swar::load(chunk);
        if w & swar::HIGH | swar::any_byte(w, b'\r') != 0 {
            break;
        }
        i += 8;
    }
    i
}

/// Markup that stays inside a line of text: emphasis marks and inline
/// tags (not a table's pipe or cell, which part two numbers).
fn inline_mark(m: &str) -> bool {
    const INLINE: [&str; 9] = ["sup", "sub", "em", "strong", "b", "i", "u", "span", "small"];
    let tag = m
        .strip_prefix('<')
        .map(|t| t.trim_start_matches('/'))
        .map(|t| {
            t.split(|c: char| !c.is_ascii_alphanumeric())
                .next()
                .unwrap_or("")
        });
    match tag {
        Some(name) => INLINE.iter().any(|i| i.eq_ignore_ascii_case(name)),
        None => m.starts_with(['*', '_', '~']),
    }
}

/// Invisible characters of `len` bytes: word joiners (three bytes) and a
/// soft hyphen or two (two bytes each); one byte is an apostrophe, which
/// joins digits as well ("1'179").
fn joiner_of_len(len: usize) -> String {
    if len == 1 {
        return "'".to_string();
    }
    let soft = match len % 3 {
        0 => 0,
        1 => 2,
        _ => 1,
    };
    let mut s = "\u{ad}".repeat(soft);
    s.push_str(&"\u{2060}".repeat((len - 2 * soft) / 3));
    debug_assert_eq!(s.len(), len);
    s
}

/// Two apostrophes as a quotation mark (''To bring them here,'' as some
/// papers print it) become one straight double quote, kept beside the
/// quoted words: ` "` when opening, `" ` when closing.
fn double_apostrophes(scan: String) -> String {
    if !scan.contains("''") {
        return scan;
    }
    let mut bytes = scan.into_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'\'' && bytes[i + 1] == b'\'' && bytes.get(i + 2) != Some(&b'\'') {
            let opening =
                i == 0 || bytes[i - 1].is_ascii_whitespace() || matches!(bytes[i - 1], b'(' | b'[');
            if opening {
                bytes[i] = b' ';
                bytes[i + 1] = b'"';
            } else {
                bytes[i] = b'"';
                bytes[i + 1] = b' ';
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    // only ASCII bytes were swapped for ASCII bytes
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::inline::INLINE;
    use super::*;

    /// The markup as one regex with the line marks as a multi-line `^`
    /// alternative found it (the two were one regex until that was measured
    /// to cost a twenty-fifth of extraction).
    fn one_regex(text: &str) -> Vec<Range<usize>> {
        // (a line's mark opens at no byte a tag or an entity opens at:
        // before them or after, the same regex)
        let re = Regex::new(&format!(
            r"(?:https?://|www\.)[^\s<>()\[\]]+|\]\([^)\s]*\)|{}|{INLINE}",
            r"(?m:^[ \t]{0,3}(?:#{1,6}|>|[-*+]|\d{1,3}[.)])[ \t])",
        ))
        .unwrap();
        re.find_iter(text).map(|m| m.range()).collect()
    }

    #[test]
    fn markup_is_found_as_one_regex_would() {
        for text in [
            "",
            "# Heading\n## Two\n####### seven\n###### six\n#no space",
            "* item\n  - dash *bold* _x_\n    * four spaces\n\t+ tab\n*** rule",
            "1. one\n22) two\n333. three\n4444. four\n5.no\n 6. six",
            "> quoted **strong** and `code`\n>no\n>\tq",
            "see https://x.org/a_b and www.y.com, [link](http://z) &amp; &#48;",
            "line\n\n- \n-\n#\n1.\n1.\t<b>bold</b>\n```rust\ncode\n```",
            "a|b|c\n|---|\n~~gone~~ __under__ * lone\r\n- crlf",
            "١. item\nx\n１) item\n०१. a\n1١. mixed\n١٢٣٤. four\n“quoted”\n é",
            "[a](b) [c](d e) ](x](y) ](p\u{a0}q) ](p\u{2003}) ](é) ](\x0b) ](",
            "<a](>x<b](>y) *](z* ](*a)* `](` ](http://x.org/a) ](",
        ] {
            assert_eq!(
                markup(text).collect::<Vec<_>>(),
                one_regex(text),
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn markup_is_found_as_one_regex_would_on_any_text(
            text in r"([ \t\n#>*+_|~`\-.)&;<>/\[\]()a-z0-9١٢１०\x0b\u{a0}\u{2028}]|\]\(|http://|www\.|&amp;|</b>|é|“){0,80}"
        ) {
            proptest::prop_assert_eq!(markup(&text).collect::<Vec<_>>(), one_regex(&text));
        }
    }

    /// The plain ASCII run is skipped up to the eight bytes holding the first
    /// carriage return or byte past ASCII, wherever it falls, and never past it.
    #[test]
    fn ascii_runs_end_at_cr_or_non_ascii() {
        for at in 0..20 {
            for stop in ["\r", "é", "\u{a0}"] {
                let text = format!("{}{stop}{}", "a".repeat(at), "b".repeat(11));
                let end = ascii_run_end(text.as_bytes(), 0);
                assert!(end <= at && at - end < 8, "{at} {stop:?}: {end}");
            }
            let plain = "x".repeat(at);
            assert!(at - ascii_run_end(plain.as_bytes(), 0) < 8);
        }
        // a tab, a newline and DEL are plain
        assert_eq!(ascii_run_end(b"a\tb\nc\x7fdefghijklmnop\r", 0), 16);
    }
}
