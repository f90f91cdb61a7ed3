//! The paragraph around a claim, as hard-wrapped wire copy, Markdown and
//! scraped pages mark it, read no further than a claim needs.

/// Where the paragraph holding byte `at` starts: after a blank line, an
/// indented line (wire copy), or a line too long to be a hard wrap. It
/// looks back no further than `floor` (returned when the paragraph starts
/// before it): a claim looks at the words near it, and a megabyte line
/// must not be rescanned for each of its claims.
pub(crate) fn paragraph_start_above(text: &str, at: usize, floor: usize) -> usize {
    let bytes = text.as_bytes();
    let floor = floor.min(at);
    let mut end = at;
    while let Some(i) = memchr::memrchr(b'\n', &bytes[floor..end]).map(|i| floor + i) {
        let next = text[i + 1..].chars().next();
        // the length of the line the newline ends, up to 101
        let lo = i.saturating_sub(101);
        let line = match memchr::memrchr(b'\n', &bytes[lo..i]) {
            Some(j) => i - (lo + j + 1),
            None if lo == 0 => i,
            None => 101,
        };
        if matches!(next, Some('\n' | ' ' | '\t')) || line == 0 || line > 100 {
            return i + 1;
        }
        end = i;
    }
    if floor == 0 {
        0
    } else {
        // (a char boundary at or after the floor)
        (floor..=at)
            .find(|&k| text.is_char_boundary(k))
            .unwrap_or(at)
    }
}

/// How far around a claim its paragraph is read: real paragraphs are
/// shorter; a longer "paragraph" is read as the words this near.
const PARAGRAPH_REACH: usize = 5000;

/// The paragraph holding byte `at`, as `paragraph_start_above` finds its
/// ends, at most [`PARAGRAPH_REACH`] bytes either side.
pub(crate) fn paragraph(text: &str, at: usize) -> &str {
    let at = at.min(text.len());
    let start = paragraph_start_above(text, at, at.saturating_sub(PARAGRAPH_REACH));
    let mut end = at;
    let reach = crate::lang::span::floor_char_boundary(text, at + PARAGRAPH_REACH);
    while let Some(i) = text[end..reach].find('\n').map(|i| end + i) {
        let line = i - text[start..i].rfind('\n').map_or(start, |j| start + j + 1);
        let next = text[i + 1..].chars().next();
        if matches!(next, None | Some('\n' | ' ' | '\t')) || line > 100 {
            return &text[start..i];
        }
        end = i + 1;
    }
    &text[start..reach]
}
