//! Direct quotes: text between quotation marks of every kind, including
//! nested quotes and news-style quotes that run over several paragraphs
//! (each paragraph reopens the quote, only the last one closes it).

use crate::lexicon::grammar::TITLE_CASE_SMALL;
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

fn closes(mark: Mark, c: char, low9: bool) -> bool {
    match mark {
        Mark::Curly => c == '”' || (low9 && c == '“'),
        Mark::Single => c == '’',
        Mark::Straight => c == '"',
        Mark::Apos => c == '\'',
        Mark::Guillemet => c == '»',
    }
}

/// Find the outermost quotations in `scan[start..end]`.
pub(crate) fn find(scan: &str, start: usize, end: usize) -> Vec<QuoteSpan> {
    let s = &scan[start..end];
    let mut out = Vec::new();
    // stack of open marks: (mark, low-9 opener, offset of the mark)
    let mut stack: Vec<(Mark, bool, usize)> = Vec::new();
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut part_start = 0;
    let mut outer_open = 0;
    // only quotation marks and line ends matter: jump from one to the next
    let marks = |c: char| {
        matches!(
            c,
            '\n' | '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„'
        )
    };
    let mut skip_until = 0;
    for (i, m) in s.match_indices(marks) {
        if i < skip_until {
            continue;
        }
        let c = m.chars().next().unwrap_or(' ');
        let prev = s[..i].chars().next_back().unwrap_or('\n');
        let next = s[i + c.len_utf8()..].chars().next().unwrap_or(' ');
        let line_start = prev == '\n';
        if c == '\n' {
            // paragraph break: a quote stays open only if the next paragraph reopens it
            let rest = &s[i + 1..];
            let blank_follows = rest.trim_start_matches([' ', '\t']).starts_with('\n');
            if blank_follows && !stack.is_empty() {
                let para = rest.trim_start();
                let reopen = stack.len() == 1
                    && para.starts_with(match stack[0].0 {
                        Mark::Curly => ['“', '„'],
                        Mark::Single => ['‘', '‘'],
                        Mark::Straight => ['"', '"'],
                        Mark::Apos => ['\'', '\''],
                        Mark::Guillemet => ['«', '«'],
                    });
                if reopen {
                    parts.push((start + part_start, start + i));
                    let skip = rest.len() - para.len();
                    let mark_len = para.chars().next().map_or(1, char::len_utf8);
                    // advance past the whitespace and the reopening mark
                    let target = i + 1 + skip + mark_len;
                    skip_until = target;
                    part_start = target;
                    continue;
                }
                stack.clear();
                parts.clear();
            }
            continue;
        }
        let space_before = prev.is_whitespace()
            || line_start
            || matches!(
                prev,
                '(' | '[' | '—' | '–' | '-' | ':' | '“' | '‘' | '«' | '„' | '"'
            );
        // closing the innermost open quote?
        if let Some(&(mark, low9, _)) = stack.last() {
            let apostrophe_like = matches!(mark, Mark::Single | Mark::Apos);
            let ok = closes(mark, c, low9)
                && (!apostrophe_like || !next.is_alphanumeric())
                // a straight mark after a space and before a word opens, not closes
                && (!matches!(mark, Mark::Straight | Mark::Apos)
                    || !prev.is_whitespace()
                    || next.is_whitespace());
            if ok {
                stack.pop();
                if stack.is_empty() {
                    parts.push((start + part_start, start + i));
                    out.push(QuoteSpan {
                        open: outer_open,
                        close: start + i + c.len_utf8(),
                        parts: std::mem::take(&mut parts),
                    });
                }
                continue;
            }
        }
        let opener = match c {
            '“' => Some((Mark::Curly, false)),
            '„' => Some((Mark::Curly, true)),
            '«' => Some((Mark::Guillemet, false)),
            '‘' if !next.is_whitespace() => Some((Mark::Single, false)),
            '"' if space_before && !next.is_whitespace() => Some((Mark::Straight, false)),
            '\'' if space_before && next.is_alphabetic() => Some((Mark::Apos, false)),
            _ => None,
        };
        if let Some((mark, low9)) = opener {
            if stack.is_empty() {
                part_start = i + c.len_utf8();
                outer_open = start + i;
                parts.clear();
            }
            if stack.len() < 16 {
                stack.push((mark, low9, start + i));
            }
        }
    }
    out
}

/// Whether a quotation is a speaker's words rather than a scare quote, a
/// title or a slogan: more than two words, and not introduced as a name.
pub(crate) fn is_speech(src: &str, q: &QuoteSpan, before: &[String], lexicon: &Lexicon) -> bool {
    let text = q.text(src);
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    if words.len() < 2 {
        return false;
    }
    if lexicon
        .title_cues
        .iter()
        .any(|cue| before.len() >= cue.len() && before[before.len() - cue.len()..] == cue[..])
    {
        return false;
    }
    // Title Case names of books, films, operations: every word capitalised
    let title_case = words.len() <= 6
        && !text.trim_end().ends_with(['.', '!', '?', ','])
        && words.iter().all(|w| {
            TITLE_CASE_SMALL.contains(w) || w.chars().next().is_some_and(char::is_uppercase)
        });
    !title_case
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
    fn a_million_openers_are_linear_and_yield_nothing() {
        let s = "“".repeat(100_000);
        assert!(find(&s, 0, s.len()).is_empty());
    }
}
