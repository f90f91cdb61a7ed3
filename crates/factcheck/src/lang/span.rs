//! Byte offsets → 1-based line and character column.

use crate::model::Span;

/// Line starts of a text, built once per article so that every claim's
/// line and column cost a binary search and a short count, not a rescan of
/// its line (a 2 MB line with thousands of claims would be quadratic).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Every [`MARK`] bytes: (byte offset, characters before it, byte-order
    /// marks not counted).
    marks: Vec<(usize, usize)>,
}

/// Bytes between two character-count marks: the most a column counts.
const MARK: usize = 4096;

/// Characters of `s` as columns count them (a byte-order mark is none).
fn columns(s: &str) -> usize {
    s.chars().count() - s.matches('\u{feff}').count()
}

impl LineIndex {
    /// Index the line starts of `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text));
        let mut marks = vec![(0, 0)];
        let (mut at, mut count) = (0, 0);
        while at + MARK < text.len() {
            let next = ceil_char_boundary(text, at + MARK);
            count += columns(&text[at..next]);
            marks.push((next, count));
            at = next;
        }
        LineIndex { starts, marks }
    }

    /// Columns before byte `offset` (a char boundary) in the whole text.
    fn columns_before(&self, text: &str, offset: usize) -> usize {
        let k = self.marks.partition_point(|m| m.0 <= offset) - 1;
        let (at, count) = self.marks[k];
        count + columns(&text[at..offset])
    }

    /// 1-based line and column of byte `offset` (clamped to the text).
    /// A byte-order mark does not count as a column.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let line_start = self.starts[line];
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

    /// Byte range of the 1-based line `line`, without its line ending.
    pub fn line_range(&self, text: &str, line: usize) -> (usize, usize) {
        let start = self.starts[(line - 1).min(self.starts.len() - 1)];
        let end = self.starts.get(line).map(|&s| s - 1).unwrap_or(text.len());
        let end = if end > start && text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        (start, end.max(start))
    }
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .map(|(i, _)| i + 1)
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
    fn bom_is_not_a_column() {
        let text = "\u{feff}date";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 3), (1, 1));
    }
}
