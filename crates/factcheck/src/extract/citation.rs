//! Citation markers: Wikipedia-style copy names a figure's source by a
//! marker after it in its sentence ("killed at least 4,000 people,[1]").

use std::cell::Cell;

/// The first citation marker of a sentence at or after a place, as the last
/// search found it. Each figure of a sentence asks for the first marker
/// after it, and the last answer holds for every figure between the last
/// search's start and the marker it found: a sentence of many figures
/// before a run of brackets is read about once, not once a figure.
#[derive(Debug, Default)]
pub(super) struct Citations(Cell<Option<Search>>);

/// A search for the first marker at or after `from` in a text ending at
/// `end`, and what it found (offset, length).
#[derive(Debug, Clone, Copy)]
struct Search {
    from: usize,
    end: usize,
    marker: Option<(usize, usize)>,
}

impl Citations {
    /// The first marker of `src[b..end]`: its offset in `src`, its length.
    pub(super) fn first(&self, src: &str, b: usize, end: usize) -> Option<(usize, usize)> {
        // (whether a `[` opens a marker depends on the bytes after it up to
        // `end`, never on where the search started)
        match self.0.get() {
            Some(s) if s.end == end && s.from <= b && s.marker.is_none_or(|(at, _)| at >= b) => {
                s.marker
            }
            _ => {
                let marker = citation_marker(&src[b..end]).map(|(at, len)| (b + at, len));
                self.0.set(Some(Search {
                    from: b,
                    end,
                    marker,
                }));
                marker
            }
        }
    }
}

/// The first citation marker in `text` — `[1]`, `[12]`, `[a]`, `[note 3]`
/// — as (offset, length). A `]` is looked for only as far as a marker
/// runs: read to the end from each `[`, a run of them took time quadratic
/// in its length.
fn citation_marker(text: &str) -> Option<(usize, usize)> {
    text.match_indices('[').find_map(|(i, _)| {
        let close = text.as_bytes()[i + 1..]
            .iter()
            .take(9)
            .position(|&b| b == b']')?
            + i
            + 1;
        let inner = &text[i + 1..close];
        let ok = !inner.is_empty()
            && inner.len() <= 8
            && inner.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ')
            && inner
                .chars()
                .any(|c| c.is_ascii_digit() || inner.len() == 1);
        ok.then_some((i, close + 1 - i))
    })
}

#[cfg(test)]
mod tests {
    use super::{citation_marker, Citations};

    proptest::proptest! {
        /// The marker is the one a search for each `[`'s `]` to the end of
        /// the text finds.
        #[test]
        fn a_citation_marker_is_found_near_its_bracket(
            text in "([\\[\\]]|[a-c1-3 ]{1,4}|note|é|\\[\\[){0,30}"
        ) {
            let whole = text.match_indices('[').find_map(|(i, _)| {
                let close = text[i..].find(']')? + i;
                let inner = &text[i + 1..close];
                let ok = !inner.is_empty()
                    && inner.len() <= 8
                    && inner.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ')
                    && inner.chars().any(|c| c.is_ascii_digit() || inner.len() == 1);
                ok.then_some((i, close + 1 - i))
            });
            proptest::prop_assert_eq!(citation_marker(&text), whole);
        }
    }

    #[test]
    fn citation_markers() {
        assert_eq!(citation_marker("killed 4,000,[1] more"), Some((13, 3)));
        assert_eq!(citation_marker("a [note 12] b"), Some((2, 9)));
        assert_eq!(citation_marker("a [note 1234] [2]"), Some((14, 3)));
        assert_eq!(citation_marker("[[[[[["), None);
    }

    proptest::proptest! {
        /// A remembered search answers as a fresh one, whatever the order
        /// of the places asked and the sentence ends.
        #[test]
        fn remembered_searches_find_what_fresh_ones_do(
            text in "([\\[\\]]|[a-c1-3 .]{1,4}|\\[\\[){0,30}",
            asks in proptest::collection::vec((0usize..130, 0usize..130), 1..12),
        ) {
            let memo = Citations::default();
            for (b, end) in asks {
                let end = end.min(text.len());
                let b = b.min(end);
                let fresh = citation_marker(&text[b..end]).map(|(at, len)| (b + at, len));
                proptest::prop_assert_eq!(memo.first(&text, b, end), fresh, "{} {}", b, end);
            }
        }
    }
}
