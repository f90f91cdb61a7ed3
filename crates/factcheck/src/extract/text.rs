//! An article's sentences, read from its scan view ([`super::scan`]).

use crate::lexicon::grammar::{CLOSED_CLASS, OPEN_ENDS};
use crate::lexicon::Lexicon;

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
        // (the line before is blank when no character but a space stands
        // between its start and `i`: read back only to the first such)
        let blank = self.s[..i]
            .chars()
            .rev()
            .find(|&c| c == '\n' || !c.is_whitespace())
            .is_none_or(|c| c == '\n');
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
        // the next line from its first character that is no space (a blank
        // line never runs on); the lines are not read to their ends
        let next = s[i + 1..].trim_start_matches(|c: char| c.is_whitespace() && c != '\n');
        if next.is_empty() || next.starts_with('\n') {
            return false;
        }
        let prev = s[a..i].trim_end();
        let ends_clause = prev.ends_with(['.', '!', '?', ':', ';', '"', '”', '’', ')', ']']);
        let lower_next = next.starts_with(|c: char| c.is_lowercase());
        // "killed or wounded / 15,000 Iranian …": a number going on after a word
        let number_next = prev.ends_with(|c: char| c.is_lowercase())
            && next.starts_with(|c: char| c.is_ascii_digit());
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
            let next_word = next.split_whitespace().next().unwrap_or("");
            back.next().is_some()
                && OPEN_ENDS.contains(&opener.as_str())
                && next_word.starts_with(char::is_uppercase)
                && !CLOSED_CLASS.contains(&next_word.to_lowercase().as_str())
        };
        split_name
            || prev.ends_with(|c: char| c.is_lowercase() || c == ',' || c.is_ascii_digit())
                && lower_next
            || number_next
            || open_word
            || !ends_clause && self.line_at_least(i, 40)
    }

    /// Whether the line that ends at `i`, trimmed, has at least `n`
    /// characters: read back from its end only until it is known.
    fn line_at_least(&self, i: usize, n: usize) -> bool {
        // (characters read back from the line's last that is no space,
        // as far as the last such seen)
        let mut read = 0;
        let mut to_last_word = 0;
        let line = self.s[..i].trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
        for c in line.chars().rev() {
            if c == '\n' || to_last_word >= n {
                break;
            }
            read += 1;
            if !c.is_whitespace() {
                to_last_word = read;
            }
        }
        to_last_word >= n
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
    let lower_word = crate::lang::lower(word_before);
    if s.as_bytes()[i] == b'.' {
        if lexicon.abbreviations.contains(lower_word.as_ref()) {
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
