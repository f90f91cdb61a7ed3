//! Suppressions an editor writes in the article, invisible once it is
//! rendered: `<!-- factcheck: ignore -->` sets aside the findings of the
//! next paragraph, `<!-- factcheck: ignore ID … -->` only those about the
//! reference entries named (a finding with no place in the text, a
//! required fact never stated, wherever the comment stands), and
//! `<!-- factcheck: off -->` … `<!-- factcheck: on -->` everything between.
//! A suppressed finding is kept and counted, never dropped; a comment that
//! sets nothing aside is a warning, so stale ones are seen.

use crate::model::{Finding, Limit, Notice};

/// What one comment asks.
#[derive(Debug, Clone, PartialEq)]
enum Ask {
    /// The next paragraph; only these entries when any are named.
    Ignore(Vec<String>),
    Off,
    On,
}

/// A `factcheck:` comment: where it stands and what it asks.
#[derive(Debug, Clone)]
struct Comment {
    start: usize,
    end: usize,
    ask: Result<Ask, String>,
}

/// The `factcheck:` comments of `text`, in order. A comment that does not
/// close is no comment (it hides the rest of a rendered page, and the
/// scan copy reads what follows it).
fn comments(text: &str) -> Vec<Comment> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = text[at..].find("<!--") {
        let start = at + i;
        let Some(j) = text[start + 4..].find("-->") else {
            break;
        };
        let end = start + 4 + j + 3;
        let inner = text[start + 4..end - 3].trim();
        at = end;
        let Some(rest) = inner.strip_prefix("factcheck:") else {
            continue;
        };
        let mut words = rest
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty());
        let ask = match words.next() {
            Some("ignore") => Ok(Ask::Ignore(words.map(str::to_string).collect())),
            Some("off") if words.next().is_none() => Ok(Ask::Off),
            Some("on") if words.next().is_none() => Ok(Ask::On),
            _ => Err(rest.trim().to_string()),
        };
        out.push(Comment { start, end, ask });
    }
    out
}

/// Where the paragraph after byte `from` ends: past the first text after
/// it, at the next blank line (or the end of the text). `last` is the
/// previous paragraph read, (first text, end): text starting inside it
/// ends where it ends, as no line between is blank, so comments one after
/// another are not each read on to the end of the paragraph (quadratic in
/// a long one).
fn next_paragraph_end(text: &str, from: usize, last: &mut (usize, usize)) -> usize {
    let rest = &text[from..];
    let first = rest.len() - rest.trim_start().len();
    if (last.0..last.1).contains(&(from + first)) {
        return last.1;
    }
    let body = &rest[first..];
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        if offset > 0 && line.trim().is_empty() {
            break;
        }
        offset += line.len();
    }
    *last = (from + first, from + first + offset);
    last.1
}

/// One comment's reach, and whether a finding fell inside it.
struct Rule {
    comment: (usize, usize),
    from: usize,
    to: usize,
    ids: Vec<String>,
    used: bool,
}

impl Rule {
    fn covers(&self, f: &Finding) -> bool {
        let named = self.ids.is_empty()
            || f.fact
                .as_ref()
                .is_some_and(|id| self.ids.iter().any(|i| i == id));
        match &f.claim {
            Some(c) => named && self.from <= c.span.start && c.span.start < self.to,
            // (nowhere in the text: only a comment naming it reaches it)
            None => !self.ids.is_empty() && named,
        }
    }
}

/// `findings` less those the article's comments set aside (returned
/// second, in order), and a notice for each comment that set nothing
/// aside or asked nothing it could do; `span` places a notice at a byte
/// range of the text.
pub(crate) fn apply(
    text: &str,
    findings: Vec<Finding>,
    span: impl Fn(usize, usize) -> crate::model::Span,
) -> (Vec<Finding>, Vec<Finding>, Vec<Notice>) {
    if !text.contains("factcheck:") {
        return (findings, Vec::new(), Vec::new());
    }
    let mut notices = Vec::new();
    let mut rules: Vec<Rule> = Vec::new();
    let mut off: Option<(usize, usize)> = None;
    let mut paragraph = (0, 0);
    let notice = |message: String, (a, b): (usize, usize)| Notice {
        limit: Limit::Suppression,
        message,
        span: Some(span(a, b)),
    };
    for c in comments(text) {
        match c.ask {
            Ok(Ask::Ignore(ids)) => rules.push(Rule {
                comment: (c.start, c.end),
                from: c.end,
                to: next_paragraph_end(text, c.end, &mut paragraph),
                ids,
                used: false,
            }),
            Ok(Ask::Off) if off.is_none() => off = Some((c.start, c.end)),
            Ok(Ask::On) if off.is_some() => {
                let comment = off.take().unwrap_or_default();
                rules.push(Rule {
                    comment,
                    from: comment.1,
                    to: c.start,
                    ids: Vec::new(),
                    used: false,
                });
            }
            Ok(Ask::Off) => notices.push(notice(
                "`factcheck: off` inside a part already off".into(),
                (c.start, c.end),
            )),
            Ok(Ask::On) => notices.push(notice(
                "`factcheck: on` with no `factcheck: off` before it".into(),
                (c.start, c.end),
            )),
            Err(asked) => notices.push(notice(
                format!(
                    "`factcheck: {asked}` is no suppression (write `ignore`, `ignore ID`, `off` or `on`)"
                ),
                (c.start, c.end),
            )),
        }
    }
    // (an `off` never turned on reaches the end of the text)
    if let Some(comment) = off {
        rules.push(Rule {
            comment,
            from: comment.1,
            to: text.len(),
            ids: Vec::new(),
            used: false,
        });
    }
    let (mut kept, mut suppressed) = (Vec::new(), Vec::new());
    for f in findings {
        match rules.iter_mut().find(|r| r.covers(&f)) {
            Some(r) => {
                r.used = true;
                suppressed.push(f);
            }
            None => kept.push(f),
        }
    }
    for r in rules.iter().filter(|r| !r.used) {
        notices.push(notice(
            "this `factcheck:` comment suppresses no finding (remove it if the words below it are right now)"
                .into(),
            r.comment,
        ));
    }
    notices.sort_by_key(|n| n.span.map(|s| s.start));
    (kept, suppressed, notices)
}

#[cfg(test)]
mod tests {
    use super::next_paragraph_end;

    proptest::proptest! {
        /// Paragraph ends read in order with the last one kept are the
        /// ends read afresh from each place.
        #[test]
        fn paragraph_ends_in_order_are_the_ends_read_afresh(
            text in "(a|b c|\\n|  |\\u{a0}|\\n \\n|<!-- x -->){0,40}",
            picks in proptest::collection::vec(0usize..200, 0..12),
        ) {
            let mut froms: Vec<usize> = picks
                .iter()
                .map(|p| p % (text.len() + 1))
                .filter(|&p| text.is_char_boundary(p))
                .collect();
            froms.sort_unstable();
            let mut last = (0, 0);
            for from in froms {
                let fresh = next_paragraph_end(&text, from, &mut (0, 0));
                proptest::prop_assert_eq!(next_paragraph_end(&text, from, &mut last), fresh);
            }
        }
    }
}
