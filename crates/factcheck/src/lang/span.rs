//! Byte offsets → 1-based line and character column.

use crate::model::Span;

/// Line starts of a text, built once per article so that every claim's
/// line and column cost a binary search, not a rescan.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Index the line starts of `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text));
        LineIndex { starts }
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
        let prefix = &text[line_start..offset];
        let column = prefix.chars().filter(|&c| c != '\u{feff}').count() + 1;
        (line + 1, column)
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
    fn bom_is_not_a_column() {
        let text = "\u{feff}date";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 3), (1, 1));
    }
}
