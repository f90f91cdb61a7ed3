//! Direct quotes: text between quotation marks of every kind, including
//! nested quotes and news-style quotes that run over several paragraphs
//! (each paragraph reopens the quote, only the last one closes it).

use crate::lexicon::grammar::{PREPOSITIONS, TITLE_CASE_SMALL};
use crate::lexicon::Lexicon;

/// A quotation found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QuoteSpan {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just past the closing mark.
    pub close: usize,
    /// The quoted words: byte ranges (one per paragraph), marks excluded.
    pub parts: Vec<(usize, usize)>,
}

impl QuoteSpan {
    /// Byte range from the first quoted word to the last, marks excluded.
    pub(crate) fn inner(&self) -> (usize, usize) {
        (self.parts[0].0, self.parts[self.parts.len() - 1].1)
    }

    /// The quoted words, paragraphs joined by a space.
    pub(crate) fn text(&self, src: &str) -> String {
        self.parts
            .iter()
            .map(|&(a, b)| src[a..b].trim())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    Curly,     // “ … ”  and „ … “
    Single,    // ‘ … ’
    Straight,  // " … "
    Apos,      // ' … '
    Guillemet, // « … »
}

/// Whether `c` is a closing mark of `mark` (a low-9 quote also closes with “).
fn closes(mark: Mark, c: char, low9: bool) -> bool {
    match mark {
        Mark::Curly => c == '”' || (low9 && c == '“'),
        Mark::Single => c == '’',
        Mark::Straight => c == '"',
        Mark::Apos => c == '\'',
        Mark::Guillemet => c == '»',
    }
}

/// The mark that reopens a quote of `mark` at the start of the next
/// paragraph (a low-9 quote reopens with either curly opener).
fn reopeners(mark: Mark) -> [char; 2] {
    match mark {
        Mark::Curly => ['“', '„'],
        Mark::Single => ['‘', '‘'],
        Mark::Straight => ['"', '"'],
        Mark::Apos => ['\'', '\''],
        Mark::Guillemet => ['«', '«'],
    }
}

/// Only quotation marks and line ends matter to the scan (each starts
/// with one of the bytes `find` looks for: `\n`, `"`, `'`, 0xC2 or 0xE2).
fn is_mark_or_line_end(c: char) -> bool {
    matches!(
        c,
        '\n' | '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„'
    )
}

/// The mark a quote opens with at `c`, given the characters around it: a
/// straight mark or apostrophe opens only after a space or an opening bracket.
fn opener(c: char, prev: char, next: char) -> Option<(Mark, bool)> {
    let line_start = prev == '\n';
    let space_before = prev.is_whitespace()
        || line_start
        || matches!(
            prev,
            '(' | '[' | '—' | '–' | '-' | ':' | '“' | '‘' | '«' | '„' | '"'
        );
    match c {
        '“' => Some((Mark::Curly, false)),
        '„' => Some((Mark::Curly, true)),
        '«' => Some((Mark::Guillemet, false)),
        '‘' if !next.is_whitespace() => Some((Mark::Single, false)),
        '"' if space_before && !next.is_whitespace() => Some((Mark::Straight, false)),
        '\'' if space_before && next.is_alphabetic() => Some((Mark::Apos, false)),
        _ => None,
    }
}

/// Whether `c` closes an open quote of `mark`: an apostrophe-like mark not
/// inside a word, a straight mark not after a space before a word.
fn closes_here(mark: Mark, low9: bool, c: char, prev: char, next: char) -> bool {
    let apostrophe_like = matches!(mark, Mark::Single | Mark::Apos);
    closes(mark, c, low9)
        && (!apostrophe_like || !next.is_alphanumeric())
        // a straight mark after a space and before a word opens, not closes
        && (!matches!(mark, Mark::Straight | Mark::Apos)
            || !prev.is_whitespace()
            || next.is_whitespace())
}

/// The scan of one stretch of text for quotations: the marks still open
/// and the parts of the outermost quote so far.
struct QuoteScan<'a> {
    /// The text scanned, `scan[start..end]`.
    s: &'a str,
    /// Offset of `s` in the scan copy.
    start: usize,
    out: Vec<QuoteSpan>,
    /// Open marks: (mark, low-9 opener, offset of the mark).
    stack: Vec<(Mark, bool, usize)>,
    parts: Vec<(usize, usize)>,
    /// Where the current part of the outermost quote starts, in `s`.
    part_start: usize,
    /// Offset of the outermost opening mark in the scan copy.
    outer_open: usize,
    /// Marks before this offset in `s` were consumed by a reopening.
    skip_until: usize,
}

/// Find the outermost quotations in `scan[start..end]`.
pub(crate) fn find(scan: &str, start: usize, end: usize) -> Vec<QuoteSpan> {
    let s = &scan[start..end];
    let mut q = QuoteScan {
        s,
        start,
        out: Vec::new(),
        stack: Vec::new(),
        parts: Vec::new(),
        part_start: 0,
        outer_open: 0,
        skip_until: 0,
    };
    // jump from one mark or line end to the next: bytes that may open one
    // are found without decoding the text (most of it is no mark), the
    // ASCII ones and the lead bytes of typographic marks each by its own
    // vectorised search, each searched again only once passed
    let bytes = s.as_bytes();
    let ascii = |from: usize| memchr::memchr3(b'\n', b'"', b'\'', &bytes[from..]).map(|p| from + p);
    let lead = |from: usize| memchr::memchr2(0xc2, 0xe2, &bytes[from..]).map(|p| from + p);
    let (mut next_ascii, mut next_lead) = (ascii(0), lead(0));
    let mut at = 0;
    loop {
        if next_ascii.is_some_and(|n| n < at) {
            next_ascii = ascii(at);
        }
        if next_lead.is_some_and(|n| n < at) {
            next_lead = lead(at);
        }
        let Some(i) = next_ascii.into_iter().chain(next_lead).min() else {
            break;
        };
        let c = s[i..].chars().next().unwrap_or(' ');
        at = i + c.len_utf8();
        if !is_mark_or_line_end(c) || i < q.skip_until {
            continue;
        }
        if c == '\n' {
            q.line_end(i);
        } else {
            q.mark(i, c);
        }
    }
    q.out
}

impl QuoteScan<'_> {
    /// A line end at `i`: at a paragraph break a quote stays open only if
    /// the next paragraph reopens it (news style); otherwise it is dropped.
    fn line_end(&mut self, i: usize) {
        let rest = &self.s[i + 1..];
        let blank_follows = rest.trim_start_matches([' ', '\t']).starts_with('\n');
        if !blank_follows || self.stack.is_empty() {
            return;
        }
        let para = rest.trim_start();
        let reopen = self.stack.len() == 1 && para.starts_with(reopeners(self.stack[0].0));
        if reopen {
            self.parts
                .push((self.start + self.part_start, self.start + i));
            let skip = rest.len() - para.len();
            let mark_len = para.chars().next().map_or(1, char::len_utf8);
            // advance past the whitespace and the reopening mark
            let target = i + 1 + skip + mark_len;
            self.skip_until = target;
            self.part_start = target;
            return;
        }
        // scraped copy that broke a quoted sentence over paragraphs ("like
        // an\n\nagent provocateur\n\nand perhaps …"): the words stop with no
        // sentence's end and the next paragraph goes on in lower case
        // (a blank line inside the words skipped ends nothing)
        if i < self.part_start {
            return;
        }
        let part = self.s[self.part_start..i].trim_end();
        let runs_on = self.stack.len() == 1
            && !part.is_empty()
            && !part.ends_with(['.', '?', '!'])
            && para.chars().next().is_some_and(char::is_lowercase);
        if runs_on {
            self.parts.push((
                self.start + self.part_start,
                self.start + self.part_start + part.len(),
            ));
            self.part_start = i + 1 + (rest.len() - para.len());
            self.skip_until = self.part_start;
            return;
        }
        // a quote after "said:" that runs to the paragraph's last full
        // stop and is never closed: the closing mark was lost
        let opened_after_colon = self.s[..self.outer_open - self.start]
            .trim_end()
            .ends_with(':');
        let part = self.s[self.part_start..i].trim_end();
        if self.stack.len() == 1 && opened_after_colon && part.ends_with(['.', '?', '!']) {
            let end = self.part_start + part.len();
            self.parts
                .push((self.start + self.part_start, self.start + end));
            self.out.push(QuoteSpan {
                open: self.outer_open,
                close: self.start + end,
                parts: std::mem::take(&mut self.parts),
            });
        }
        self.stack.clear();
        self.parts.clear();
    }

    /// A quotation mark `c` at `i`: it closes the innermost open quote, or
    /// opens a new one (nested up to 16 deep), or is an apostrophe.
    fn mark(&mut self, i: usize, c: char) {
        let s = self.s;
        let prev = s[..i].chars().next_back().unwrap_or('\n');
        let next = s[i + c.len_utf8()..].chars().next().unwrap_or(' ');
        if let Some(&(mark, low9, _)) = self.stack.last() {
            if closes_here(mark, low9, c, prev, next) {
                self.close(i, c);
                return;
            }
            // a straight mark that closes a straight quote below an
            // apostrophe never closed ('said: "'We are hoping …."'): the
            // apostrophe was a stray, the quote ends here
            let under = self
                .stack
                .iter()
                .rposition(|m| m.0 == Mark::Straight)
                .filter(|_| matches!(mark, Mark::Apos | Mark::Single));
            if let Some(k) = under.filter(|_| closes_here(Mark::Straight, false, c, prev, next)) {
                self.stack.truncate(k + 1);
                self.close(i, c);
                return;
            }
        }
        if let Some((mark, low9)) = opener(c, prev, next) {
            if self.reopens_inline(i, mark) || self.lost_close_before_cue(i, mark) {
                return;
            }
            if self.stack.is_empty() {
                self.part_start = i + c.len_utf8();
                self.outer_open = self.start + i;
                self.parts.clear();
            }
            if self.stack.len() < 16 {
                self.stack.push((mark, low9, self.start + i));
            }
        }
    }

    /// A straight mark opening right after a finished sentence inside an
    /// open straight quote: copy that lost its paragraph breaks (`said:
    /// "A. "B."`), where each paragraph reopened the quote. The quote goes
    /// on in a new part; straight marks do not nest in straight marks.
    fn reopens_inline(&mut self, i: usize, mark: Mark) -> bool {
        let inside = matches!(self.stack.as_slice(), [(Mark::Straight, _, _)]);
        let sentence_ends = self.s[self.part_start..i]
            .trim_end()
            .ends_with(['.', '?', '!']);
        if !(inside && mark == Mark::Straight && sentence_ends) {
            return false;
        }
        let end = self.part_start + self.s[self.part_start..i].trim_end().len();
        self.parts
            .push((self.start + self.part_start, self.start + end));
        self.part_start = i + 1;
        true
    }

    /// A straight mark opening after a short cue with a colon inside an
    /// open straight quote (`said: "A. He added: "B."`): the first quote
    /// lost its closing mark. It ends at the sentence before the cue, and a
    /// new quote opens here, so the second speaker's words are not nested.
    fn lost_close_before_cue(&mut self, i: usize, mark: Mark) -> bool {
        let inside = matches!(self.stack.as_slice(), [(Mark::Straight, _, _)]);
        let seg = self.s[self.part_start..i].trim_end();
        if !(inside && mark == Mark::Straight && seg.ends_with(':')) {
            return false;
        }
        let Some(end) = cue_sentence_end(seg) else {
            return false;
        };
        self.parts.push((
            self.start + self.part_start,
            self.start + self.part_start + end,
        ));
        self.out.push(QuoteSpan {
            open: self.outer_open,
            close: self.start + self.part_start + end,
            parts: std::mem::take(&mut self.parts),
        });
        self.stack.clear();
        self.stack.push((Mark::Straight, false, self.start + i));
        self.outer_open = self.start + i;
        self.part_start = i + 1;
        true
    }

    /// Close the innermost quote at `i`; closing the outermost one yields a span.
    fn close(&mut self, i: usize, c: char) {
        self.stack.pop();
        if self.stack.is_empty() {
            self.parts
                .push((self.start + self.part_start, self.start + i));
            self.out.push(QuoteSpan {
                open: self.outer_open,
                close: self.start + i + c.len_utf8(),
                parts: std::mem::take(&mut self.parts),
            });
        }
    }
}

/// A word as a Title Case name writes it: capitalised, a number, or one of
/// the short words left in lower case ("Meet the Press", "Sharknado 3").
pub(crate) fn title_word(w: &str) -> bool {
    TITLE_CASE_SMALL.contains(&w) || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether a quotation is a speaker's words rather than a scare quote, a
/// title or a slogan: more than two words, and not introduced as a name.
pub(crate) fn is_speech(src: &str, q: &QuoteSpan, before: &[String], lexicon: &Lexicon) -> bool {
    let text = q.text(src);
    let mut words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric));
    // (only whether there are fewer than two, six or eight is asked: a
    // long quote's words are not all read)
    let count = words.clone().take(9).count();
    if count < 2 {
        return false;
    }
    if lexicon
        .title_cues
        .iter()
        .any(|cue| before.len() >= cue.len() && before[before.len() - cue.len()..] == cue[..])
    {
        return false;
    }
    // Title Case names of books, films, shows, operations: every word
    // capitalised. A comma or full stop inside the marks is American
    // punctuation after a title ("said on “Meet the Press.”") when the quote
    // sits inside a sentence, not after a colon, comma or sentence end.
    let trailing = text.trim_end().ends_with(['.', ',']);
    // (after a preposition or a possessive: "said on “Meet the Press.”",
    // "told CNN's “New Day.”"; not an epithet: "called Merkel “The
    // Chancellor of the Free World.”")
    let titled = |w: &String| {
        lexicon
            .title_cues
            .iter()
            .any(|cue| cue.len() == 1 && cue[0] == *w)
    };
    let mid_sentence = before.last().is_some_and(|w| {
        PREPOSITIONS.contains(&w.as_str())
            || w == "of"
            || w.ends_with("'s")
            || w.ends_with("’s")
            || w == "s"
            || titled(w)
    }) || before.len() >= 2
        && before[before.len() - 1] == ","
        && titled(&before[before.len() - 2]);
    let title_case = !text.trim_end().ends_with(['!', '?'])
        && if trailing {
            mid_sentence && count <= 8
        } else {
            count <= 6
        }
        && words.all(title_word);
    !title_case
}

/// The last sentence end in `seg` followed by a capital, with at most six
/// words from it to the colon that ends `seg` ("He added:", "In a
/// statement, it said:"). Only the last seven words are read: asking each
/// sentence end how many words follow it read the quote once per sentence.
fn cue_sentence_end(seg: &str) -> Option<usize> {
    // (where the seventh word from the end ends, `from`, and its last
    // character, `window`: a tail from before `from` holds more than six)
    let (mut from, mut window) = (0, 0);
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in seg.char_indices().rev() {
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
            if words > 6 {
                (from, window) = (i + c.len_utf8(), i);
                break;
            }
        }
    }
    seg[window..]
        .rmatch_indices(['.', '?', '!'])
        .map(|(k, _)| window + k + 1)
        .find(|&k| {
            let tail = &seg[k..];
            k >= from && tail.starts_with(' ') && tail.trim_start().starts_with(char::is_uppercase)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        find(s, 0, s.len()).iter().map(|q| q.text(s)).collect()
    }

    #[test]
    fn marks_of_every_kind() {
        assert_eq!(
            texts("He said “we go” and ‘they stay’ or «non merci» or „ja gut“."),
            ["we go", "they stay", "non merci", "ja gut"]
        );
        assert_eq!(
            texts("He said \"we go\" and 'they stay' today."),
            ["we go", "they stay"]
        );
    }

    proptest::proptest! {
        /// The cue's sentence end is the last one with at most six words
        /// after it, as counting the words after each end finds it.
        #[test]
        fn the_cues_sentence_end_is_found_from_the_last_words(
            seg in "([A-Za-zé]{1,3}|[.?!]|[ \u{a0}\n]){0,40}:|(([A-Z]|[a-z]{1,2})[.?!]? {1,2}){0,14}[a-z]{0,2}:"
        ) {
            let counted = seg
                .match_indices(['.', '?', '!'])
                .map(|(k, _)| k + 1)
                .rfind(|&k| {
                    let tail = &seg[k..];
                    tail.starts_with(' ')
                        && tail.trim_start().starts_with(char::is_uppercase)
                        && tail.split_whitespace().count() <= 6
                });
            proptest::prop_assert_eq!(cue_sentence_end(&seg), counted);
        }
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            texts("Russia’s army and ‘Kyiv’s view’ aren't 'clear' now"),
            ["Kyiv’s view", "clear"]
        );
    }

    #[test]
    fn nested_quotes_stay_inside() {
        assert_eq!(
            texts("“He told me ‘never’ again,” she said."),
            ["He told me ‘never’ again,"]
        );
    }

    #[test]
    fn quotes_over_paragraphs() {
        let s = "“First part of it.\n\n“Second part,” he said.\n\n“Unclosed here.\n\nNo reopen.";
        let q = find(s, 0, s.len());
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text(s), "First part of it. Second part,");
        assert_eq!(q[0].open, 0);
    }

    #[test]
    fn paragraphs_run_together_stay_one_quote() {
        // a multi-paragraph quote whose breaks were lost: each reopening
        // mark stands after a finished sentence
        let s = "He said: \"Costs rose. \"We saw it coming.\" Then he left.";
        let q = find(s, 0, s.len());
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text(s), "Costs rose. We saw it coming.");
        // a straight mark inside a sentence still nests
        assert_eq!(
            texts("She said \"they called it \"madness\" at first\" today."),
            ["they called it \"madness\" at first"]
        );
    }

    #[test]
    fn a_quote_that_lost_its_closing_mark_ends_before_the_next_cue() {
        let s = "He said: \"We lost a year. He added: \"They made me stronger. We go on.\" Then \"more\" came.";
        assert_eq!(
            texts(s),
            [
                "We lost a year.",
                "They made me stronger. We go on.",
                "more"
            ]
        );
        // a colon inside a quote that is no cue after a sentence still nests
        assert_eq!(
            texts("She said \"the rule is: \"no entry\" for all\" today."),
            ["the rule is: \"no entry\" for all"]
        );
    }

    #[test]
    fn a_stray_apostrophe_after_the_opening_mark_does_not_swallow_the_paragraph() {
        let s = "His lawyer said: \"'We will sue.\" And the minister said: \"No inquiry.\"";
        assert_eq!(texts(s), ["'We will sue.", "No inquiry."]);
        // an apostrophe quote that closes still nests
        assert_eq!(
            texts("She said \"they called it 'madness' at first\" today."),
            ["they called it 'madness' at first"]
        );
    }

    #[test]
    fn a_quote_after_a_colon_that_lost_its_closing_mark_ends_with_its_paragraph() {
        let s =
            "The judge said: \"Detention without trial is wrong.\n\nIn a statement, she said more.";
        assert_eq!(texts(s), ["Detention without trial is wrong."]);
        // not after a colon: a stray mark, no quote
        let s = "He called it \"wrong and then left.\n\nNext paragraph.";
        assert!(texts(s).is_empty());
    }

    #[test]
    fn a_quote_broken_over_paragraphs_mid_sentence_stays_one_quote() {
        let s = "She said: \"the board acted like a\n\nrubber stamp\n\nand never asked.\" Then she left.";
        assert_eq!(
            texts(s),
            ["the board acted like a rubber stamp and never asked."]
        );
        // several blank lines and spaces between the pieces end nothing
        let s =
            "She said: \"the board acted like a\n\n \n\n\nrubber stamp\n \n\nand never asked.\"";
        assert_eq!(
            texts(s),
            ["the board acted like a rubber stamp and never asked."]
        );
        // a next paragraph in capitals is not the quote's
        let s = "She called it \"a rubber\n\nStamp duty rose.";
        assert!(texts(s).is_empty());
    }

    #[test]
    fn a_million_openers_are_linear_and_yield_nothing() {
        let s = "“".repeat(100_000);
        assert!(find(&s, 0, s.len()).is_empty());
    }
}
