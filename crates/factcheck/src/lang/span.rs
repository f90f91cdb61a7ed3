//! Byte offsets → 1-based line and character column.

use crate::model::Span;

/// Lines and columns of a text, built once per article so that every
/// claim's line and column cost a binary search and a count within one
/// block, not a rescan of its line (a 2 MB line with thousands of claims
/// would be quadratic). It keeps one entry per block of [`MARK`] bytes, not
/// one per line: an article of 256 MB of empty lines must not cost a
/// gigabyte of line starts.
#[derive(Debug, Clone)]
pub struct LineIndex {
    blocks: Vec<Block>,
    /// Line breaks in the whole text.
    newlines: usize,
}

/// What is known at the start of a block.
#[derive(Debug, Clone, Copy)]
struct Block {
    /// Byte offset of the block (a char boundary).
    at: usize,
    /// Characters before it as columns count them.
    chars: usize,
    /// Line breaks before it.
    lines: usize,
    /// Where the line holding its first byte starts.
    line_start: usize,
}

/// Bytes in a block: the most one look-up counts through (a claim's
/// line and column were 1.4% of extraction with blocks of 4 KB; the
/// index is 32 bytes per block, 3% of the text).
const MARK: usize = 1024;

/// Characters of `s` as columns count them (a byte-order mark is none).
fn columns(s: &str) -> usize {
    // (a mark's first byte is looked for first: setting up a search for
    // the mark itself cost more than counting the characters)
    let marks = match memchr::memchr(0xef, s.as_bytes()) {
        Some(i) => s[i..].matches('\u{feff}').count(),
        None => 0,
    };
    s.chars().count() - marks
}

/// How many lines start in `text[a..b]` ([`breaks`]) and where the last
/// of them starts.
fn count_breaks(text: &[u8], a: usize, b: usize) -> (usize, Option<usize>) {
    let part = &text[a..b];
    // (most text has no carriage return: its breaks are its line feeds,
    // counted by memchr's vector count and the last found from the end,
    // not visited one by one)
    if memchr::memchr(b'\r', part).is_none() {
        let n = memchr::memchr_iter(b'\n', part).count();
        return (n, memchr::memrchr(b'\n', part).map(|i| a + i + 1));
    }
    breaks(text, a, b).fold((0, None), |(n, _), i| (n + 1, Some(i)))
}

/// Where the lines that start in `text[a..b]` start: after a line feed,
/// or after a carriage return no line feed follows (old Mac files end
/// their lines so, and YAML reads them so).
fn breaks(text: &[u8], a: usize, b: usize) -> impl DoubleEndedIterator<Item = usize> + '_ {
    memchr::memchr2_iter(b'\n', b'\r', &text[a..b])
        .map(move |i| a + i)
        .filter(move |&i| text[i] == b'\n' || text.get(i + 1) != Some(&b'\n'))
        .map(|i| i + 1)
}

impl LineIndex {
    /// Index the blocks of `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut blocks = vec![Block {
            at: 0,
            chars: 0,
            lines: 0,
            line_start: 0,
        }];
        let bytes = text.as_bytes();
        let mut last = blocks[0];
        while last.at + MARK < text.len() {
            let next = ceil_char_boundary(text, last.at + MARK);
            let (n, line_start) = count_breaks(bytes, last.at, next);
            last = Block {
                at: next,
                chars: last.chars + columns(&text[last.at..next]),
                lines: last.lines + n,
                line_start: line_start.unwrap_or(last.line_start),
            };
            blocks.push(last);
        }
        let newlines = last.lines + breaks(bytes, last.at, text.len()).count();
        LineIndex { blocks, newlines }
    }

    /// The block holding byte `offset`.
    fn block(&self, offset: usize) -> Block {
        self.blocks[self.blocks.partition_point(|b| b.at <= offset) - 1]
    }

    /// Columns before byte `offset` (a char boundary) in the whole text.
    fn columns_before(&self, text: &str, offset: usize) -> usize {
        let b = self.block(offset);
        b.chars + columns(&text[b.at..offset])
    }

    /// 1-based line and column of byte `offset` (clamped to the text).
    /// A byte-order mark does not count as a column.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let b = self.block(offset);
        let bytes = text.as_bytes();
        let (n, last) = count_breaks(bytes, b.at, offset);
        let line = b.lines + n;
        let line_start = last.unwrap_or(b.line_start);
        let column = if offset - line_start <= MARK {
            columns(&text[line_start..offset])
        } else {
            self.columns_before(text, offset) - self.columns_before(text, line_start)
        };
        (line + 1, column + 1)
    }

    /// The span of bytes `start..end`: offsets with the line and column of
    /// the start, as reports show them.
    pub fn span(&self, text: &str, start: usize, end: usize) -> Span {
        let (line, column) = self.line_col(text, start);
        Span {
            start,
            end,
            line,
            column,
        }
    }

    /// Byte range of the 1-based line `line` (the last line past the
    /// end), without its line ending.
    pub fn line_range(&self, text: &str, line: usize) -> (usize, usize) {
        self.line_range_near(text, line, (0, text.len()))
    }

    /// As [`LineIndex::line_range`], looking for the line's end only
    /// between bytes `near.0` (a place known to be on the line) and
    /// `near.1` (the range then ends there): a report drawing a window of a
    /// 40 MB line for each of its claims must not scan the line each time.
    pub fn line_range_near(&self, text: &str, line: usize, near: (usize, usize)) -> (usize, usize) {
        let upto = near.1;
        // the line starts after the text's (line - 1)th break, which the
        // last block with fewer breaks before it holds
        let want = line.clamp(1, self.newlines + 1) - 1;
        let b = self.blocks[self.blocks.partition_point(|b| b.lines <= want) - 1];
        let bytes = text.as_bytes();
        let start = if want == b.lines {
            b.line_start
        } else {
            breaks(bytes, b.at, text.len())
                .nth(want - b.lines - 1)
                .unwrap_or(text.len())
        };
        // (up to the next break; a line feed's carriage return trimmed)
        let upto = upto.clamp(start, text.len());
        let from = near.0.clamp(start, upto);
        let end = breaks(bytes, from, upto).next().map_or(upto, |i| i - 1);
        let end = if end > start && text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        (start, end.max(start))
    }
}

/// The smallest char boundary at or above `i`.
pub(crate) fn ceil_char_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

/// The largest char boundary at or below `i`.
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "ab\n“x” 140\r\nlast";
        let idx = LineIndex::new(text);
        let off = text.find("140").unwrap();
        assert_eq!(idx.line_col(text, off), (2, 5));
        assert_eq!(idx.line_col(text, text.find("last").unwrap()), (3, 1));
        assert_eq!(idx.line_range(text, 2), (3, text.find('\r').unwrap()));
    }

    #[test]
    fn columns_on_a_long_line_agree_with_a_count() {
        let text = format!("{}\n{}", "é x ".repeat(5000), "ab“c” ".repeat(3000));
        let idx = LineIndex::new(&text);
        for offset in (0..text.len())
            .step_by(997)
            .filter(|&o| text.is_char_boundary(o))
        {
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let want = text[line_start..offset].chars().count() + 1;
            assert_eq!(idx.line_col(&text, offset).1, want, "at {offset}");
        }
    }

    #[test]
    fn lines_over_many_blocks_agree_with_a_count() {
        // short lines, empty lines and long ones across block edges
        let mut text = String::new();
        for i in 0..3000 {
            text.push_str(&"é".repeat(i % 7));
            text.push_str(match i % 5 {
                0 => "\r\n",
                3 => "\r", // an old Mac line end
                _ => "\n",
            });
            if i % 400 == 0 {
                text.push_str(&"x".repeat(9000));
            }
        }
        let idx = LineIndex::new(&text);
        let b = text.as_bytes();
        let ends = (0..b.len())
            .filter(|&i| b[i] == b'\n' || b[i] == b'\r' && b.get(i + 1) != Some(&b'\n'));
        let starts: Vec<usize> = std::iter::once(0).chain(ends.map(|i| i + 1)).collect();
        for offset in (0..text.len())
            .filter(|&o| text.is_char_boundary(o))
            .step_by(13)
        {
            let line = starts.partition_point(|&s| s <= offset);
            let col = text[starts[line - 1]..offset].chars().count() + 1;
            assert_eq!(idx.line_col(&text, offset), (line, col), "at {offset}");
        }
        for (n, &start) in starts.iter().enumerate() {
            let end = starts.get(n + 1).map_or(text.len(), |&next| next - 1);
            let end = if text[start..end].ends_with('\r') {
                end - 1
            } else {
                end
            };
            assert_eq!(idx.line_range(&text, n + 1), (start, end), "line {}", n + 1);
        }
        let last = starts.len();
        assert_eq!(idx.line_range(&text, last + 5), idx.line_range(&text, last));
    }

    proptest::proptest! {
        /// Breaks counted the fast way (a part with no carriage return)
        /// are the breaks read one by one, with their last start, for any
        /// part of a text of line feeds, carriage returns (alone or before
        /// a line feed, also just past the part's end) and other bytes.
        #[test]
        fn counted_breaks_are_the_breaks(
            bytes in proptest::collection::vec(proptest::sample::select(vec![b'\n', b'\r', b'a', b' ']), 0..200),
            cut in (0usize..200, 0usize..200),
        ) {
            let (a, b) = (cut.0.min(bytes.len()), cut.1.min(bytes.len()));
            let (a, b) = (a.min(b), a.max(b));
            let want = breaks(&bytes, a, b).fold((0, None), |(n, _), i| (n + 1, Some(i)));
            proptest::prop_assert_eq!(count_breaks(&bytes, a, b), want);
        }
    }

    #[test]
    fn bom_is_not_a_column() {
        let text = "\u{feff}date";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 3), (1, 1));
        // a mark inside a line, after another character whose first byte
        // is the mark's (U+FF01), on a short line and on a long one
        for pad in [0, 3000] {
            let text = format!("{}\nx\u{ff01}y\u{feff}z 140", "a".repeat(pad));
            let idx = LineIndex::new(&text);
            assert_eq!(idx.line_col(&text, text.find("140").unwrap()), (2, 6));
        }
    }
}
