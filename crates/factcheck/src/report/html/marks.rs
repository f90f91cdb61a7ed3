//! The article as it reads, with every claim a finding is about marked:
//! paragraphs and front matter as blocks, findings that share a span
//! grouped into one `<mark>`, marks kept well nested across blocks.

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{escape, escape_lines};
use crate::model::{Finding, Severity, Status};
use crate::report::status;

/// The findings that share one span of the article: one `<mark>`.
#[derive(Debug)]
struct Group<'a> {
    start: usize,
    end: usize,
    /// The words that credit a misattributed claim to the wrong speaker,
    /// underlined as a `<span class="credit">`, not a claim's `<mark>`.
    credit: bool,
    /// (finding number, finding), in report order.
    findings: Vec<(usize, &'a Finding)>,
}

impl Group<'_> {
    fn anchor(&self) -> usize {
        self.findings[0].0
    }

    fn severity(&self) -> Severity {
        self.findings
            .iter()
            .map(|(_, f)| f.severity)
            .max()
            .unwrap_or(Severity::Info)
    }

    fn classes(&self) -> String {
        let mut statuses: Vec<Status> = self.findings.iter().map(|(_, f)| f.status).collect();
        statuses.sort();
        statuses.dedup();
        let mut c: Vec<String> = statuses
            .iter()
            .map(|s| format!("status-{}", s.as_str()))
            .collect();
        c.push(format!("severity-{}", self.severity().as_str()));
        c.join(" ")
    }

    fn title(&self) -> String {
        self.findings
            .iter()
            .map(|(_, f)| {
                let mut t = format!(
                    "{} ({}): {}",
                    status::tag(f.status),
                    f.severity.as_str(),
                    f.message
                );
                if let Some(e) = &f.expected {
                    let _ = write!(t, "\nReference: {e}");
                }
                t
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// A stretch of the article rendered as one block.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    FrontMatter,
    Heading,
    Paragraph,
}

#[derive(Debug, Clone, Copy)]
struct Block {
    start: usize,
    end: usize,
    kind: Kind,
}

/// Split the text into front matter and paragraphs (runs of non-blank
/// lines); each block's range excludes its final line ending.
fn blocks(text: &str, body_start: usize) -> Vec<Block> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let body_start = body_start.max(bom);
    let mut out = Vec::new();
    if body_start > bom {
        let end = trim_line_end(text, bom, body_start);
        out.push(Block {
            start: bom,
            end,
            kind: Kind::FrontMatter,
        });
    }
    let mut pos = body_start;
    let mut para: Option<(usize, usize)> = None;
    let flush = |para: &mut Option<(usize, usize)>, out: &mut Vec<Block>| {
        if let Some((s, e)) = para.take() {
            let kind = if text[s..e].starts_with('#') {
                Kind::Heading
            } else {
                Kind::Paragraph
            };
            out.push(Block {
                start: s,
                end: e,
                kind,
            });
        }
    };
    for line in text[body_start..].split_inclusive('\n') {
        let end = trim_line_end(text, pos, pos + line.len());
        if text[pos..end].trim().is_empty() {
            flush(&mut para, &mut out);
        } else {
            para = Some((para.map_or(pos, |(s, _)| s), end));
        }
        pos += line.len();
    }
    flush(&mut para, &mut out);
    out
}

fn trim_line_end(text: &str, start: usize, mut end: usize) -> usize {
    for b in [b'\n', b'\r'] {
        if end > start && text.as_bytes()[end - 1] == b {
            end -= 1;
        }
    }
    end
}

/// Renders the marks of one article's text, block by block, keeping the
/// HTML well nested: marks that overlap only in part are closed and
/// reopened (`class="… cont"`, no id) rather than crossed.
struct Marker<'a, 'g> {
    text: &'a str,
    groups: &'g [Group<'a>],
    opened: Vec<bool>,
    done: Vec<bool>,
}

impl<'a, 'g> Marker<'a, 'g> {
    fn new(text: &'a str, groups: &'g [Group<'a>]) -> Self {
        Marker {
            text,
            groups,
            opened: vec![false; groups.len()],
            done: vec![false; groups.len()],
        }
    }

    fn open(&mut self, out: &mut String, gi: usize) {
        let g = &self.groups[gi];
        if g.credit {
            self.opened[gi] = true;
            let _ = write!(
                out,
                "<span class=\"credit status-misattributed\" title=\"{}\">",
                escape(&format!("credited here: {}", g.findings[0].1.message))
            );
        } else if self.opened[gi] {
            let _ = write!(
                out,
                "<mark class=\"{} cont\" title=\"{}\">",
                g.classes(),
                escape(&g.title())
            );
        } else {
            self.opened[gi] = true;
            let _ = write!(
                out,
                "<mark id=\"f-{}\" class=\"{}\" title=\"{}\">",
                g.anchor(),
                g.classes(),
                escape(&g.title())
            );
        }
    }

    /// The markers after a claim, each linking to its list entry.
    fn tags(&mut self, out: &mut String, gi: usize) {
        self.done[gi] = true;
        if self.groups[gi].credit {
            let n = self.groups[gi].anchor();
            let _ = write!(
                out,
                "<sup class=\"tags\"><a class=\"tag credit-tag status-misattributed\" href=\"#l-{n}\">{} credited here</a></sup>",
                status::words(Status::Misattributed).marker
            );
            return;
        }
        out.push_str("<sup class=\"tags\">");
        for (k, (n, f)) in self.groups[gi].findings.iter().enumerate() {
            let id = if k == 0 {
                String::new()
            } else {
                format!(" id=\"f-{n}\"")
            };
            let _ = write!(
                out,
                "<a class=\"tag status-{s}\"{id} href=\"#l-{n}\">{t}</a>",
                s = f.status.as_str(),
                t = status::tag(f.status)
            );
        }
        out.push_str("</sup>");
    }

    fn close(&mut self, out: &mut String, gi: usize, at: usize, finished: bool) {
        if finished || self.groups[gi].end <= at {
            self.tags(out, gi);
        }
        out.push_str(if self.groups[gi].credit {
            "</span>"
        } else {
            "</mark>"
        });
    }

    /// Render `[start, end)`; `next` is where the next block starts (a mark
    /// that ends before it is finished at this block's end).
    fn render(&mut self, out: &mut String, start: usize, end: usize, next: usize) {
        let text = self.text;
        let relevant: Vec<usize> = (0..self.groups.len())
            .filter(|&i| {
                let g = &self.groups[i];
                !self.done[i]
                    && if g.start == g.end {
                        g.start >= start && g.start <= end
                    } else {
                        g.start < end && g.end > start
                    }
            })
            .collect();
        let mut bounds = vec![start, end];
        for &i in &relevant {
            let g = &self.groups[i];
            bounds.push(g.start.clamp(start, end));
            bounds.push(g.end.clamp(start, end));
        }
        bounds.sort_unstable();
        bounds.dedup();
        let mut stack: Vec<usize> = Vec::new();
        let empties: Vec<usize> = relevant
            .iter()
            .copied()
            .filter(|&i| self.groups[i].start == self.groups[i].end)
            .collect();
        let empty_at = |at: usize| -> Vec<usize> {
            empties
                .iter()
                .copied()
                .filter(|&i| self.groups[i].start == at)
                .collect()
        };
        for w in bounds.windows(2) {
            let (a, b) = (w[0], w[1]);
            let cover: Vec<usize> = relevant
                .iter()
                .copied()
                .filter(|&i| {
                    let g = &self.groups[i];
                    g.start < g.end && g.start <= a && g.end >= b
                })
                .collect();
            let common = stack.iter().zip(&cover).take_while(|(x, y)| x == y).count();
            while stack.len() > common {
                let gi = stack.pop().expect("non-empty");
                self.close(out, gi, a, false);
            }
            for gi in empty_at(a) {
                self.open(out, gi);
                self.close(out, gi, a, true);
            }
            for &gi in &cover[common..] {
                self.open(out, gi);
                stack.push(gi);
            }
            out.push_str(&escape_lines(&text[a..b]));
        }
        while let Some(gi) = stack.pop() {
            let finished = self.groups[gi].end <= next;
            self.close(out, gi, end, finished);
        }
        for gi in empty_at(end) {
            if !self.done[gi] {
                self.open(out, gi);
                self.close(out, gi, end, true);
            }
        }
    }
}

/// Group the shown findings by span (several findings on one figure share
/// one mark), in text order, outer spans before the spans they contain; a
/// misattribution adds a group for the words that name the wrong speaker.
fn groups<'a>(text: &str, items: &[(usize, &'a Finding)]) -> Vec<Group<'a>> {
    // (start, longest first, 0 for a claim or the finding number for a credit)
    type Key = (usize, Reverse<usize>, usize);
    let mut by_span: BTreeMap<Key, Vec<(usize, &'a Finding)>> = BTreeMap::new();
    let range = |s: usize, e: usize| {
        let start = text.floor_char_boundary(s);
        (start, text.ceil_char_boundary(e).max(start))
    };
    for &(n, f) in items {
        let Some(c) = &f.claim else { continue };
        let (start, end) = range(c.span.start, c.span.end);
        by_span
            .entry((start, Reverse(end), 0))
            .or_default()
            .push((n, f));
        let mention = c.attribution.as_ref().and_then(|a| a.mention_span);
        if let (Status::Misattributed, Some((ms, me))) = (f.status, mention) {
            let (start, end) = range(ms, me);
            if start < end {
                by_span.insert((start, Reverse(end), n), vec![(n, f)]);
            }
        }
    }
    by_span
        .into_iter()
        .map(|((start, end, credit), findings)| Group {
            start,
            end: end.0,
            credit: credit != 0,
            findings,
        })
        .collect()
}

/// The article's text with its marks; also which finding numbers got a
/// mark (a span that lies wholly in blank lines gets none).
pub(super) fn render_text(
    text: &str,
    body_start: usize,
    items: &[(usize, &Finding)],
) -> (String, Vec<usize>) {
    let groups = groups(text, items);
    let blocks = blocks(text, body_start);
    let mut marker = Marker::new(text, &groups);
    let mut out = String::new();
    for (k, b) in blocks.iter().enumerate() {
        let next = blocks.get(k + 1).map_or(text.len(), |n| n.start);
        let (open, close) = match b.kind {
            Kind::FrontMatter => ("<div class=\"front\">", "</div>\n"),
            Kind::Heading => ("<p class=\"heading\">", "</p>\n"),
            Kind::Paragraph => ("<p>", "</p>\n"),
        };
        out.push_str(open);
        marker.render(&mut out, b.start, b.end, next);
        out.push_str(close);
    }
    let marked = groups
        .iter()
        .enumerate()
        .filter(|&(i, g)| marker.opened[i] && !g.credit)
        .flat_map(|(_, g)| g.findings.iter().map(|(n, _)| *n))
        .collect();
    (out, marked)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, ClaimKind, Span};

    /// Where the body starts, as the article reader finds it.
    fn body(text: &str) -> usize {
        crate::article::Article::from_text("t.md", text.to_string(), None)
            .map_or(0, |a| a.body_start)
    }

    fn finding(status: Status, start: usize, end: usize) -> Finding {
        Finding {
            status,
            severity: status.default_severity(),
            fact: None,
            claim: Some(std::sync::Arc::new(Claim {
                id: "c".into(),
                kind: ClaimKind::Statement,
                text: String::new(),
                span: Span {
                    start,
                    end,
                    line: 1,
                    column: 1,
                },
                quantity: None,
                quote: None,
                content: None,
                attribution: None,
                context: None,
            })),
            expected: None,
            found: None,
            message: "m".into(),
            diff: None,
            correction: None,
        }
    }

    /// Tags open and close in proper nesting (a tiny HTML well-formedness
    /// check for the tags this module writes).
    fn well_nested(html: &str) -> bool {
        let mut stack = Vec::new();
        let mut rest = html;
        while let Some(i) = rest.find('<') {
            rest = &rest[i + 1..];
            let end = rest.find('>').unwrap();
            let tag = &rest[..end];
            rest = &rest[end + 1..];
            if tag == "br" {
                continue;
            }
            if let Some(name) = tag.strip_prefix('/') {
                if stack.pop() != Some(name.to_string()) {
                    return false;
                }
            } else {
                stack.push(tag.split(' ').next().unwrap().to_string());
            }
        }
        stack.is_empty()
    }

    #[test]
    fn shared_spans_merge_and_partial_overlaps_stay_nested() {
        let text = "Alpha beta gamma delta.\nSecond line.\n\nNext paragraph here.";
        let fs = [
            finding(Status::Match, 6, 16),
            finding(Status::Unattributed, 6, 16),
            finding(Status::Unverified, 11, 22),
            finding(Status::Mismatch, 0, 5),
            finding(Status::Unverified, 30, 45), // crosses the blank line
        ];
        let items: Vec<(usize, &Finding)> =
            fs.iter().enumerate().map(|(i, f)| (i + 1, f)).collect();
        let (html, marked) = render_text(text, body(text), &items);
        assert!(well_nested(&html), "{html}");
        assert_eq!(marked.len(), 5, "{html}");
        for n in 1..=5 {
            assert!(html.contains(&format!("id=\"f-{n}\"")), "f-{n}: {html}");
            assert!(html.contains(&format!("href=\"#l-{n}\"")), "l-{n}: {html}");
        }
        assert!(
            html.contains("class=\"status-match status-unattributed severity-warning\""),
            "{html}"
        );
        assert!(html.contains(" cont\""), "{html}");
        assert_eq!(html.matches("<p>").count(), 2, "{html}");
        assert!(html.contains(".\n<br>Second"), "{html}");
    }

    #[test]
    fn spans_inside_a_character_are_widened_not_sliced() {
        let text = "Le café coûte 3 €.";
        let fs = [
            finding(Status::Unverified, 7, 12),
            finding(Status::Match, 19, 99),
        ];
        let items: Vec<(usize, &Finding)> =
            fs.iter().enumerate().map(|(i, f)| (i + 1, f)).collect();
        let (html, _) = render_text(text, body(text), &items);
        assert!(well_nested(&html), "{html}");
        assert!(html.contains(">é coû<sup"), "{html}");
        assert!(html.contains(">€.<sup"), "{html}");
    }

    #[test]
    fn front_matter_bom_and_crlf_are_read_as_written() {
        let text =
            "\u{feff}---\r\ntitle: T\r\n---\r\n\r\nOne <b>two</b>.\r\nThree.\r\n\r\n# Head\r\n";
        let start = text.find("two").unwrap();
        let fs = [finding(Status::Mismatch, start, start + 3)];
        let items: Vec<(usize, &Finding)> = fs.iter().map(|f| (1, f)).collect();
        let (html, marked) = render_text(text, body(text), &items);
        assert!(well_nested(&html), "{html}");
        assert_eq!(marked, vec![1]);
        assert!(
            !html.contains('\r') && !html.contains('\u{feff}'),
            "{html:?}"
        );
        assert!(
            html.starts_with(
                "<div class=\"front\">---\n<br>title: T\n<br>---</div>\n<p>One &lt;b&gt;"
            ),
            "{html}"
        );
        assert!(
            html.contains("&lt;/b&gt;.\n<br>Three.</p>\n<p class=\"heading\"># Head</p>\n"),
            "{html}"
        );
    }

    #[test]
    fn empty_spans_still_get_an_anchor() {
        let text = "One.\n\nTwo.";
        let fs = [
            finding(Status::Unverified, 4, 4),
            finding(Status::Unverified, 6, 6),
        ];
        let items: Vec<(usize, &Finding)> =
            fs.iter().enumerate().map(|(i, f)| (i + 1, f)).collect();
        let (html, marked) = render_text(text, body(text), &items);
        assert!(well_nested(&html), "{html}");
        assert_eq!(marked, vec![1, 2], "{html}");
    }
}
