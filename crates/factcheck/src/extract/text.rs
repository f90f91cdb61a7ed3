//! The scan view of an article and its sentences.
//!
//! Extraction reads a copy of the text in which markup that is not prose
//! (URLs, Markdown emphasis and link targets, HTML tags, exotic spaces) is
//! overwritten with ASCII spaces of the same byte length. Offsets in the
//! copy are offsets in the file, so spans need no mapping back.

use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::grammar::{CLOSED_CLASS, OPEN_ENDS};
use crate::lexicon::Lexicon;

/// Where a block that is not prose opens: a code fence, a script, a style,
/// an HTML comment (a draft's notes to itself are not its copy).
static BLOCK_OPEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i:<script\b|<style\b)|```|<!--").unwrap());
static SCRIPT_CLOSE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)</script\s*>").unwrap());
static STYLE_CLOSE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)</style\s*>").unwrap());

/// `text` with its closed fenced code blocks, scripts, styles and HTML
/// comments blanked
/// (newlines kept). Done apart from [`MARKUP`]: as one alternative of it,
/// each unclosed `<script` made the regex read to the end of the text, so
/// thousands of them took time quadratic in its length. Here a closer
/// that is not found is looked for once per kind.
fn blank_blocks(text: &str) -> std::borrow::Cow<'_, str> {
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

static MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:https?://|www\.)[^\s<>()\[\]]+",                    // URLs
        r"|\]\([^)\s]*\)",                                       // Markdown link targets
        r"|</?[A-Za-z][^<>\n]{0,200}>",                          // HTML tags
        r"|&(?:nbsp|amp|quot|#\d{1,6});",                        // common entities
        r"|(?m:^[ \t]{0,3}(?:#{1,6}|>|[-*+]|\d{1,3}[.)])[ \t])", // headings, quotes, list markers
        r"|```[^\n]*|`",                                         // code fences and ticks
        r"|\*\*?|__?|\||~~",                                     // emphasis, table pipes
    ))
    .unwrap()
});

/// The scan copy of `text` (same length, same char boundaries).
pub(crate) fn scan_copy(text: &str) -> String {
    let blanked = blank_blocks(text);
    let text = blanked.as_ref();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for m in MARKUP.find_iter(text) {
        // "_" inside words (snake_case) and "*" in "5*3" are rare in news;
        // blanking them is harmless. Line ends stay, so lines stay lines.
        out.push_str(&text[last..m.start()]);
        let digit = |b: Option<&u8>| b.is_some_and(u8::is_ascii_digit);
        let bytes = text.as_bytes();
        let (digit_before, digit_after) = (
            digit(m.start().checked_sub(1).and_then(|i| bytes.get(i))),
            digit(bytes.get(m.end())),
        );
        if m.as_str().starts_with("&#") && (digit_before || digit_after)
            || digit_before && digit_after && inline_mark(m.as_str())
        {
            // a character reference touching digits ("4&#48;" shows "40"),
            // or emphasis or a superscript between digits ("10**13",
            // "10<sup>13</sup>", a power), glues them as a joiner would:
            // no figure can be read, or rewritten, from half of what a
            // reader sees
            out.push_str(&joiner_of_len(m.len()));
        } else {
            out.extend(
                m.as_str()
                    .bytes()
                    .map(|b| if b == b'\n' { '\n' } else { ' ' }),
            );
        }
        last = m.end();
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
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        // (a byte of `w ^ CR` is zero where `w` holds a `\r`)
        let cr = w ^ (ONES * u64::from(b'\r'));
        if (w | (cr.wrapping_sub(ONES) & !cr)) & HIGH != 0 {
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

/// A sentence (or a heading line) as a byte range of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Index of the paragraph the sentence is in.
    pub paragraph: usize,
}

/// Closing quotes and brackets, which stay with the sentence they end.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
}

/// Whether a sentence may start with `c`: a capital, a digit, an opening mark.
fn starts_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '"' | '“' | '‘' | '«' | '„' | '\'' | '(' | '[')
}

/// Split `scan[start..end]` into sentences. Paragraphs break at blank lines;
/// a single line break ends a sentence unless the line runs on in lower case.
/// A full stop after one of the lexicon's `abbreviations` does not end one.
pub(crate) fn sentences(scan: &str, start: usize, end: usize, lexicon: &Lexicon) -> Vec<Sentence> {
    let s = &scan[start..end];
    let bytes = s.as_bytes();
    let mut sp = Splitter {
        s,
        start,
        lexicon,
        out: Vec::new(),
        paragraph: 0,
        sent_start: None,
    };
    let mut i = 0;
    // (past the cap the rest is not split: `prepare` says where it stopped)
    while i < bytes.len() && sp.out.len() <= crate::limits::MAX_SENTENCES_PER_ARTICLE {
        let b = bytes[i];
        if sp.sent_start.is_none() {
            if b == b'\n' {
                sp.line_between(i);
                i += 1;
                continue;
            }
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            sp.sent_start = Some(i);
        }
        let mut a = sp.sent_start.unwrap_or(i);
        if i - a >= crate::limits::MAX_SENTENCE_BYTES && sp.cuts_at(i) {
            sp.push(a, i);
            sp.sent_start = None;
            if b.is_ascii_whitespace() {
                continue;
            }
            sp.sent_start = Some(i);
            a = i;
        }
        i = match b {
            b'\n' => sp.line_break(a, i),
            b'.' | b'!' | b'?' => sp.terminator(a, i),
            // (the next byte that may end the sentence, found by memchr:
            // but no further than where an overlong one may be cut)
            _ => {
                let limit = (a + crate::limits::MAX_SENTENCE_BYTES)
                    .max(i + 1)
                    .min(bytes.len());
                let rest = &bytes[i + 1..limit];
                let stop = memchr::memchr3(b'.', b'!', b'?', rest);
                let line = memchr::memchr(b'\n', stop.map_or(rest, |k| &rest[..k]));
                i + 1 + line.or(stop).unwrap_or(rest.len())
            }
        };
    }
    if let Some(a) = sp.sent_start.filter(|_| i >= bytes.len()) {
        sp.push(a, s.len());
    }
    sp.out
}

/// The split of one stretch of text into sentences, as far as it got.
struct Splitter<'a> {
    /// The text split, `scan[start..end]`.
    s: &'a str,
    /// Offset of `s` in the scan copy.
    start: usize,
    lexicon: &'a Lexicon,
    out: Vec<Sentence>,
    paragraph: usize,
    /// Where the open sentence starts in `s`, if one is open.
    sent_start: Option<usize>,
}

impl Splitter<'_> {
    /// Close the sentence `s[a..b]`, trimmed; nothing if it is only blanks.
    fn push(&mut self, a: usize, b: usize) {
        let text = &self.s[a..b];
        let trimmed_start = a + (text.len() - text.trim_start().len());
        let trimmed_end = a + text.trim_end().len();
        if trimmed_end > trimmed_start {
            self.out.push(Sentence {
                start: self.start + trimmed_start,
                end: self.start + trimmed_end,
                paragraph: self.paragraph,
            });
        }
    }

    /// Whether an overlong sentence may be cut before byte `i`: not inside
    /// a character, a word or a number.
    fn cuts_at(&self, i: usize) -> bool {
        self.s.is_char_boundary(i)
            && !self.s[i..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    }

    /// A line end at `i` between sentences: after a blank line it opens the
    /// next paragraph.
    fn line_between(&mut self, i: usize) {
        let blank = self.s[..i]
            .rsplit('\n')
            .next()
            .is_some_and(|l| l.trim().is_empty());
        if blank && i > 0 {
            self.paragraph += 1;
        }
    }

    /// A line end at `i` inside the sentence from `a`: it ends the sentence
    /// unless the text runs on. Returns where to go on.
    fn line_break(&mut self, a: usize, i: usize) -> usize {
        if !self.runs_on(a, i) {
            self.push(a, i);
            self.sent_start = None;
        }
        i + 1
    }

    /// Whether the sentence from `a` runs on over the line end at `i`: in
    /// lower case (after a word, a comma or a number: "killed almost 150 /
    /// people"), a number after a lower-case word ("killed or wounded /
    /// 15,000"), or a hard-wrapped line of prose (wire copy) that did not
    /// end a sentence. A blank line never does; short lines are headlines
    /// and list items.
    fn runs_on(&self, a: usize, i: usize) -> bool {
        let s = self.s;
        let rest = &s[i + 1..];
        let next_line = rest.split('\n').next().unwrap_or("");
        let blank = next_line.trim().is_empty();
        let prev = s[a..i].trim_end();
        let line_start = s[..i].rfind('\n').map_or(0, |p| p + 1);
        let line_len = s[line_start..i].trim().chars().count();
        let ends_clause = prev.ends_with(['.', '!', '?', ':', ';', '"', '”', '’', ')', ']']);
        let lower_next = next_line
            .trim_start()
            .starts_with(|c: char| c.is_lowercase());
        // "killed or wounded / 15,000 Iranian …": a number going on after a word
        let number_next = prev.ends_with(|c: char| c.is_lowercase())
            && next_line
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit());
        // "Communist rebels killed 18 soldiers on / Mindanao island": a
        // line that ends on a word no sentence ends with
        let last_word = prev
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let open_word = OPEN_ENDS.contains(&last_word);
        // "complained to the United / Nations today": a name that "the"
        // or a preposition opened, split by the wrap (a headline's last
        // words seldom follow one; the next line opens no sentence)
        let split_name = last_word.starts_with(char::is_uppercase) && {
            let mut back = prev.split_whitespace().rev().skip(1);
            let opener = back.next().unwrap_or("").to_lowercase();
            let next_word = next_line.split_whitespace().next().unwrap_or("");
            back.next().is_some()
                && OPEN_ENDS.contains(&opener.as_str())
                && next_word.starts_with(char::is_uppercase)
                && !CLOSED_CLASS.contains(&next_word.to_lowercase().as_str())
        };
        !blank
            && (split_name
                || prev.ends_with(|c: char| c.is_lowercase() || c == ',' || c.is_ascii_digit())
                    && lower_next
                || number_next
                || open_word
                || line_len >= 40 && !ends_clause)
    }

    /// A terminator at `i` in the sentence from `a`: with the closers after
    /// it, it ends the sentence if `ends_here` says so. Returns where to go on.
    fn terminator(&mut self, a: usize, i: usize) -> usize {
        let j = closers_end(self.s, i);
        if ends_here(self.s, a, i, j, self.lexicon) {
            self.push(a, j);
            self.sent_start = None;
        }
        j
    }
}

/// Past the terminator at `i`: the closing quotes, brackets and further
/// terminators after it, and citation markers (".[12] ", ".[31][32] ",
/// ".[citation needed] ").
fn closers_end(s: &str, i: usize) -> usize {
    let mut j = i + 1;
    // (a run of a few: a megabyte of dots is left to the sentence cut)
    while j < s.len() && j - i < 32 {
        let c = s[j..].chars().next().unwrap_or(' ');
        if is_closer(c) || matches!(c, '.' | '!' | '?') {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    while s[j..].starts_with('[') {
        let marker = s[j + 1..]
            .char_indices()
            .take(20)
            .find(|&(_, c)| !(c.is_alphanumeric() || c == ' '));
        match marker {
            Some((k, ']')) if k > 0 => j += k + 2,
            _ => break,
        }
    }
    j
}

/// Whether a speaker tag opens `after`: at most four words, a reporting
/// verb, then the end of the sentence, a comma or a preposition ("Lichtman
/// said about …", "Trump said of Apple"), not what was said.
fn tag_follows(after: &str, lexicon: &Lexicon) -> bool {
    let words: Vec<&str> = after.split_whitespace().take(6).collect();
    let bare = |w: &str| {
        w.trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    words.iter().enumerate().take(5).skip(1).any(|(k, w)| {
        let verb = bare(w);
        lexicon.reporting_verbs.contains(verb.as_str())
            && words[..k]
                .iter()
                .all(|w| w.chars().all(|c| c.is_alphanumeric() || ".-'’".contains(c)))
            && (w.ends_with(['.', ',', '!', '?'])
                || words.get(k + 1).is_some_and(|n| {
                    [
                        "about",
                        "of",
                        "at",
                        "in",
                        "on",
                        "during",
                        "after",
                        "before",
                        "when",
                        "as",
                        "to",
                        "last",
                        "this",
                        "yesterday",
                        "today",
                        "tonight",
                    ]
                    .contains(&bare(n).as_str())
                }))
    })
}

/// Whether the terminator at `i` (with closers up to `j`) ends the sentence.
fn ends_here(s: &str, a: usize, i: usize, j: usize, lexicon: &Lexicon) -> bool {
    let rest = &s[j..];
    let mut chars = rest.chars();
    let Some(next) = chars.next() else {
        return true;
    };
    let floor = |k: usize| crate::lang::span::floor_char_boundary(s, k);
    let word_before: &str = {
        // (the last 64 bytes at most: a "word" of megabytes with a full
        // stop every few bytes must not be rescanned at each of them)
        let before = &s[a.max(floor(i.saturating_sub(64)))..i];
        before
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '“'))
            .map_or(before, |(k, c)| &before[k + c.len_utf8()..])
    };
    let lower_word = word_before.to_lowercase();
    if s.as_bytes()[i] == b'.' {
        if lexicon.abbreviations.contains(lower_word.as_str()) {
            return false;
        }
        // single letters and dotted initials: "U.S.", "J. Smith" (not "in 2010.")
        let letters = lower_word.chars().filter(|c| c.is_alphabetic()).count();
        let dotted = lower_word.contains('.') && !lower_word.chars().any(|c| c.is_ascii_digit());
        if letters == 1 && lower_word.chars().count() == 1 || dotted {
            // "U.S. officials" runs on; "in the U.S. The …" cannot be told apart cheaply
            return false;
        }
    }
    if next == '-' || next == '–' || next == '—' {
        // a dateline: "Ukraine.- The Russian army …"
        return chars.next().is_some_and(char::is_whitespace);
    }
    if next.is_whitespace() {
        let after = rest.trim_start();
        // “… over!” he said: after a closing quote, a lower-case word attributes it
        let quoted = s[i..j].contains(['"', '”', '’', '\'', '»']);
        // a short abbreviation closing a parenthesis runs on: "Harry Reid
        // (D-Nev.) told reporters"
        let tag =
            s[i + 1..j].starts_with(')') && s[a.max(floor(i.saturating_sub(12)))..i].contains('(');
        if tag && after.starts_with(char::is_lowercase) {
            return false;
        }
        // “Who pays for this?” Ms. Odell said at a meeting: a question or
        // an exclamation in quotation marks, then its speaker and cue
        if quoted && s.as_bytes()[i] != b'.' && tag_follows(after, lexicon) {
            return false;
        }
        // machine-translated text starts sentences in lower case too
        return after.chars().next().is_some_and(|c| {
            starts_sentence(c)
                || !quoted
                    && c.is_lowercase()
                    && lower_word.chars().filter(|c| c.is_alphabetic()).count() >= 3
        });
    }
    // missing space after a full stop: "withdrawals.The Pentagon"
    next.is_uppercase()
        && lower_word.len() >= 3
        && word_before.chars().all(char::is_alphabetic)
        && s.as_bytes()[i] == b'.'
}

#[cfg(test)]
mod tests;
