//! `--format html`: one self-contained page per run for editors.
//!
//! Each article is shown as it reads — paragraph by paragraph, line breaks
//! kept — with every claim a finding is about wrapped in a `<mark>` coloured
//! by status and followed by a text marker (`✗ mismatch`, `≠ misquoted`, …)
//! so that colour is never the only cue. Beside the text (below it on narrow
//! screens) a list gives each finding's message, what the article says,
//! what the reference says, the word diff of a misquote and the source,
//! with anchors both ways. A summary of counts per status heads the page.
//!
//! Everything that comes from an article or a reference goes through
//! [`escape`]; the page has inline CSS, no script and no external URL, and
//! the same report always renders to the same bytes.

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::model::{ArticleReport, CheckReport, ExtractReport, Finding, Severity, Status, Summary};
use crate::report::{Context, Report};

pub struct Html;

/// Escape text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escape article text for a paragraph: line breaks become `<br>`.
fn escape_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("<br>\n"),
            '\r' | '\u{feff}' => {}
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The marker shown next to the status name, so that status never rests on
/// colour alone.
fn symbol(s: Status) -> &'static str {
    match s {
        Status::Match => "✓",
        Status::Mismatch => "✗",
        Status::Misquoted => "≠",
        Status::Misattributed => "⇄",
        Status::Unattributed => "∅",
        Status::Unverified => "?",
        Status::Missing => "!",
    }
}

fn describe(s: Status) -> &'static str {
    match s {
        Status::Match => "agrees with the reference",
        Status::Mismatch => "a figure the reference contradicts",
        Status::Misquoted => "words that differ from the reference quote",
        Status::Misattributed => "credited to someone the reference does not",
        Status::Unattributed => "no source named in the article",
        Status::Unverified => "no reference entry covers it",
        Status::Missing => "a required fact the article never states",
    }
}

/// A `<span class="tag">` (or other element) with a status's marker and name.
fn tag(s: Status) -> String {
    format!("{} {}", symbol(s), s.as_str())
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

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
                let mut t = format!("{} ({}): {}", tag(f.status), f.severity.as_str(), f.message);
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
fn blocks(text: &str, path: &str) -> Vec<Block> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let body_start = crate::article::Article::from_text(path, text.to_string(), None)
        .map(|a| a.body_start)
        .unwrap_or(bom)
        .max(bom);
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
                symbol(Status::Misattributed)
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
                t = tag(f.status)
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
        let start = floor_boundary(text, s);
        (start, ceil_boundary(text, e).max(start))
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
fn render_text(text: &str, path: &str, items: &[(usize, &Finding)]) -> (String, Vec<usize>) {
    let groups = groups(text, items);
    let blocks = blocks(text, path);
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

fn diff_html(f: &Finding) -> Option<String> {
    let parts = f.diff.as_ref()?;
    let rendered: Vec<String> = parts
        .iter()
        .map(|p| match p.op {
            "delete" => format!("<del>{}</del>", escape(&p.text)),
            "insert" => format!("<ins>{}</ins>", escape(&p.text)),
            _ => escape(&p.text),
        })
        .collect();
    Some(rendered.join(" "))
}

/// The words that differ between the text and its replacement, without
/// the words they share at either end ("… halt military …" → "halt" /
/// "reduce"); both whole when one side would be empty.
fn changed_words<'s>(was: &'s str, now: &'s str) -> (&'s str, &'s str) {
    let words = |s: &'s str| -> Vec<(usize, &'s str)> {
        s.split(' ')
            .scan(0, |pos, w| {
                let at = *pos;
                *pos += w.len() + 1;
                Some((at, w))
            })
            .collect()
    };
    let (wa, wb) = (words(was), words(now));
    let same = |x: &(usize, &str), y: &(usize, &str)| x.1 == y.1;
    let pre = wa.iter().zip(&wb).take_while(|(x, y)| same(x, y)).count();
    let suf = wa[pre..]
        .iter()
        .rev()
        .zip(wb[pre..].iter().rev())
        .take_while(|(x, y)| same(x, y))
        .count();
    if pre + suf == 0 || pre + suf >= wa.len() || pre + suf >= wb.len() {
        return (was, now);
    }
    let cut = |s: &'s str, w: &[(usize, &'s str)]| {
        let first = w[pre].0;
        let last = w[w.len() - 1 - suf];
        &s[first..last.0 + last.1.len()]
    };
    (cut(was, &wa), cut(now, &wb))
}

fn source_html(f: &Finding) -> String {
    let mut parts = Vec::new();
    if let Some(fact) = &f.fact {
        parts.push(format!("reference entry <code>{}</code>", escape(fact)));
    }
    if let Some(c) = &f.claim {
        match &c.attribution {
            Some(a) => {
                let mut s = format!(
                    "the article credits <strong>{}</strong> (“{}” {})",
                    escape(&a.speaker),
                    escape(&a.mention),
                    escape(&a.cue)
                );
                if let Some(src) = &a.source {
                    let _ = write!(s, ", source <code>{}</code>", escape(src));
                }
                parts.push(s);
            }
            None => parts.push("the article names no source".to_string()),
        }
    }
    parts.join("; ")
}

fn finding_html(out: &mut String, ctx: &Context, path: &str, n: usize, f: &Finding, marked: bool) {
    let s = f.status.as_str();
    let _ = write!(
        out,
        "<li id=\"l-{n}\" class=\"finding status-{s} severity-{sev}\">\n<div class=\"head\"><span class=\"tag status-{s}\">{t}</span> <span class=\"sev sev-{sev}\">{sev}</span>",
        sev = f.severity.as_str(),
        t = tag(f.status)
    );
    match &f.claim {
        Some(c) if marked => {
            let _ = write!(
                out,
                " <a class=\"loc\" href=\"#f-{n}\">line {}:{} ↑</a>",
                c.span.line, c.span.column
            );
        }
        Some(c) => {
            let _ = write!(
                out,
                " <span class=\"loc\">line {}:{}</span>",
                c.span.line, c.span.column
            );
        }
        None => out.push_str(" <span class=\"loc\">not in the article</span>"),
    }
    out.push_str("</div>\n");
    let _ = writeln!(out, "<p class=\"msg\">{}</p>", escape(&f.message));
    // a match needs no reading: its details fold away (no script needed)
    let fold = f.status == Status::Match;
    if fold {
        out.push_str("<details><summary>what the reference says</summary>\n");
    }
    out.push_str("<dl>\n");
    if let Some(c) = &f.claim {
        if !ctx.texts.contains_key(path) || !marked {
            let _ = writeln!(out, "<dt>Sentence</dt><dd>{}</dd>", escape(&c.text));
        }
        if let Some(x) = &c.context {
            let _ = writeln!(out, "<dt>Where</dt><dd>{}</dd>", escape(x));
        }
    }
    if let Some(found) = &f.found {
        let _ = writeln!(out, "<dt>Article</dt><dd>{}</dd>", escape(found));
    }
    if let Some(e) = &f.expected {
        let _ = writeln!(out, "<dt>Reference</dt><dd>{}</dd>", escape(e));
    }
    if let Some(d) = diff_html(f) {
        let _ = writeln!(
            out,
            "<dt>Words</dt><dd class=\"diff\">{d}<br><small>struck: said, not printed · underlined: printed, not said</small></dd>"
        );
    }
    if let Some(fix) = &f.correction {
        let was = ctx
            .texts
            .get(path)
            .filter(|t| fix.start <= fix.end && t.get(fix.start..fix.end).is_some())
            .map(|t| &t[fix.start..fix.end]);
        match was {
            Some(was) => {
                let (a, b) = changed_words(was, &fix.replacement);
                let _ = writeln!(
                    out,
                    "<dt>Fix</dt><dd>replace <del>{}</del> with <ins>{}</ins></dd>",
                    escape(a),
                    escape(b)
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "<dt>Fix</dt><dd>write <ins>{}</ins></dd>",
                    escape(&fix.replacement)
                );
            }
        }
    }
    let src = source_html(f);
    if !src.is_empty() {
        let _ = writeln!(out, "<dt>Source</dt><dd>{src}</dd>");
    }
    out.push_str("</dl>\n");
    if fold {
        out.push_str("</details>\n");
    }
    out.push_str("</li>\n");
}

fn summary_cells(out: &mut String, s: &Summary) {
    let mut total = 0;
    for st in Status::ALL {
        let v = s.get(st);
        total += v;
        let zero = if v == 0 { " zero" } else { "" };
        let _ = write!(
            out,
            "<td class=\"n status-{n}{zero}\" data-status=\"{n}\">{v}</td>",
            n = st.as_str()
        );
    }
    let _ = write!(
        out,
        "<td class=\"n total\" data-status=\"total\">{total}</td>"
    );
}

fn article_html(out: &mut String, ctx: &Context, k: usize, a: &ArticleReport, first: usize) {
    let items: Vec<(usize, &Finding)> = a
        .findings
        .iter()
        .enumerate()
        .map(|(i, f)| (first + i, f))
        .filter(|(_, f)| crate::report::shown(ctx, f))
        .collect();
    let _ = write!(
        out,
        "<section class=\"article\" id=\"a-{k}\">\n<h2>{}</h2>\n<p class=\"meta\">checked against <code>{}</code> · {}</p>\n<div class=\"cols\">\n",
        escape(&a.path),
        escape(&a.reference),
        escape(&Summary::of(&a.findings).to_string())
    );
    let marked = match ctx.texts.get(&a.path) {
        Some(text) => {
            let (html, marked) = render_text(text, &a.path, &items);
            out.push_str("<div class=\"text\">\n");
            out.push_str(&html);
            out.push_str("</div>\n");
            marked
        }
        None => {
            out.push_str("<div class=\"text\"><p class=\"note\">The article text is not available; the findings are listed only.</p></div>\n");
            Vec::new()
        }
    };
    let _ = write!(
        out,
        "<aside class=\"findings\">\n<h3>Findings <small>({})</small></h3>\n",
        items.len()
    );
    if items.is_empty() {
        out.push_str("<p class=\"note\">Nothing to show.</p>\n");
    } else {
        out.push_str("<ol>\n");
        for &(n, f) in &items {
            finding_html(out, ctx, &a.path, n, f, marked.contains(&n));
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</aside>\n</div>\n</section>\n");
}

const CSS: &str = r#"
:root{color-scheme:light;--ink:#1f2328;--muted:#59636e;--rule:#d1d9e0;--paper:#fff;--wash:#f6f8fa}
*{box-sizing:border-box}
html{scroll-behavior:smooth}
body{margin:0;background:var(--wash);color:var(--ink);font:15px/1.5 system-ui,"Segoe UI","DejaVu Sans","Liberation Sans",sans-serif}
main{max-width:96rem;margin:0 auto;padding:1.5rem 2rem 4rem}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.2rem;margin:0;word-break:break-all}
h3{font-size:1rem;margin:0 0 .5rem}
code{font:.85em/1.3 ui-monospace,"DejaVu Sans Mono","Liberation Mono",monospace;background:var(--wash);padding:0 .2em;border-radius:3px}
.lede{color:var(--muted);margin:0 0 1rem}
.status-match{--fg:#1a7f37;--bg:#dafbe1;--line:solid}
.status-unverified{--fg:#59636e;--bg:#eef1f4;--line:dotted}
.status-unattributed{--fg:#9a6700;--bg:#fff5b1;--line:dashed}
.status-misattributed{--fg:#8250df;--bg:#f3e8ff;--line:double}
.status-misquoted{--fg:#bc4c00;--bg:#ffe7d1;--line:double}
.status-missing{--fg:#a40e26;--bg:#ffebe9;--line:double}
.status-mismatch{--fg:#cf222e;--bg:#ffdcd7;--line:double}
.card,.article{background:var(--paper);border:1px solid var(--rule);border-radius:8px;padding:1rem 1.25rem;margin:0 0 1.5rem}
table.summary{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
table.summary th,table.summary td{padding:.3rem .5rem;border-bottom:1px solid var(--rule);text-align:right;white-space:nowrap}
table.summary th:first-child{text-align:left;white-space:normal;word-break:break-all}
table.summary thead th{font-size:.8rem;font-weight:600;color:var(--fg,var(--ink));vertical-align:bottom}
table.summary td.n:not(.zero):not(.total){color:var(--fg);font-weight:600;background:var(--bg)}
table.summary td.zero{color:#afb8c1}
table.summary tfoot th,table.summary tfoot td{border-top:2px solid var(--ink);border-bottom:0;font-weight:700}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem;margin:.75rem 0 0;padding:0;list-style:none;font-size:.85rem;color:var(--muted)}
.meta{color:var(--muted);margin:.15rem 0 1rem}
.cols{display:grid;grid-template-columns:minmax(0,1fr);gap:1.5rem}
@media (min-width:1000px){.cols{grid-template-columns:minmax(0,40rem) minmax(20rem,1fr)}
 aside.findings{position:sticky;top:.5rem;max-height:calc(100vh - 1rem);overflow:auto}}
.text{font:1.12rem/1.75 Georgia,"DejaVu Serif","Liberation Serif",serif;max-width:40rem}
.text p{margin:0 0 1em}
.text p.heading{font-weight:700;font-size:1.2em}
.text .front{font:.8rem/1.5 ui-monospace,"DejaVu Sans Mono",monospace;color:var(--muted);background:var(--wash);border-radius:4px;padding:.4rem .6rem;margin:0 0 1.25rem}
mark{color:inherit;background:var(--bg);border-bottom:3px var(--line) var(--fg);padding:0 1px 3px;-webkit-box-decoration-break:clone;box-decoration-break:clone;scroll-margin-top:5rem}
mark.status-match{border-bottom-width:2px}
mark mark{padding-bottom:0}
mark.severity-error{font-weight:600}
.credit{border-bottom:2px dashed var(--fg);-webkit-box-decoration-break:clone;box-decoration-break:clone}
.credit-tag{font-weight:500;border-style:dashed}
mark:target,.tag:target,li.finding:target{outline:3px solid #0969da;outline-offset:2px}
sup.tags{font:600 .62rem/1 system-ui,"DejaVu Sans",sans-serif;vertical-align:.55em;margin-left:.15em;white-space:nowrap}
.tag{display:inline-block;color:var(--fg);background:var(--paper);border:1px solid var(--fg);border-radius:999px;padding:.05em .45em;text-decoration:none;white-space:nowrap}
sup.tags .tag+.tag{margin-left:.2em}
a.tag:hover,a.loc:hover{background:var(--fg);color:#fff}
aside.findings ol{list-style:none;margin:0;padding:0}
li.finding{border:1px solid var(--rule);border-left:5px var(--line) var(--fg);border-radius:6px;padding:.5rem .75rem;margin:0 0 .6rem;background:var(--paper);scroll-margin-top:1rem;font-size:.9rem}
li.finding .head{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;font-size:.8rem}
li.finding .tag{font-weight:600}
.sev{text-transform:uppercase;letter-spacing:.04em;font-size:.7rem;color:var(--muted)}
.sev-error{color:#cf222e;font-weight:700}
.sev-warning{color:#9a6700;font-weight:700}
.loc{margin-left:auto;color:#0969da;text-decoration:none;border-radius:4px;padding:0 .3em}
span.loc{color:var(--muted)}
.msg{margin:.35rem 0;font-weight:500}
dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.15rem .6rem;margin:.25rem 0 0;font-size:.85rem}
dt{color:var(--muted);font-weight:600}
dd{margin:0;overflow-wrap:anywhere}
del{background:#ffdcd7;color:#82071e;text-decoration:line-through}
ins{background:#ccffd8;color:#055d20;text-decoration:underline}
details>summary{cursor:pointer;color:var(--muted);font-size:.8rem}
details[open]>summary{margin-bottom:.2rem}
.diff small{color:var(--muted)}
.note{color:var(--muted);font-style:italic}
@media print{body{background:#fff}aside.findings{position:static;max-height:none}}
"#;

impl Report for Html {
    fn check(&self, report: &CheckReport, ctx: &Context, out: &mut dyn Write) -> io::Result<()> {
        let mut h = String::new();
        let n = report.articles.len();
        let errors = report
            .articles
            .iter()
            .flat_map(|a| &a.findings)
            .filter(|f| f.severity == Severity::Error)
            .count();
        let articles = if n == 1 { "article" } else { "articles" };
        let _ = write!(
            h,
            "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"factcheck {}\">\n<title>factcheck: {n} {articles}, {errors} {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n",
            env!("CARGO_PKG_VERSION"),
            if errors == 1 { "error" } else { "errors" },
        );
        let _ = writeln!(
            h,
            "<header class=\"card\" id=\"summary\">\n<h1>factcheck report</h1>\n<p class=\"lede\">{n} {articles} checked: {}.{}</p>",
            escape(&report.summary.to_string()),
            if ctx.quiet {
                format!(
                    " Only findings at {} severity or above are shown.",
                    ctx.fail_on.unwrap_or(Severity::Error).as_str()
                )
            } else {
                String::new()
            }
        );
        h.push_str("<table class=\"summary\">\n<thead><tr><th>Article</th>");
        for st in Status::ALL {
            let _ = write!(
                h,
                "<th class=\"status-{}\" title=\"{}\">{}</th>",
                st.as_str(),
                describe(st),
                tag(st)
            );
        }
        h.push_str("<th>total</th></tr></thead>\n<tbody>\n");
        for (k, a) in report.articles.iter().enumerate() {
            let _ = write!(
                h,
                "<tr id=\"summary-a-{}\"><th><a href=\"#a-{}\">{}</a></th>",
                k + 1,
                k + 1,
                escape(&a.path)
            );
            summary_cells(&mut h, &Summary::of(&a.findings));
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody>\n<tfoot><tr id=\"summary-run\"><th>All articles</th>");
        summary_cells(&mut h, &report.summary);
        h.push_str("</tr></tfoot>\n</table>\n<ul class=\"legend\">");
        for st in Status::ALL {
            let _ = write!(
                h,
                "<li><span class=\"tag status-{}\">{}</span> {}</li>",
                st.as_str(),
                tag(st),
                describe(st)
            );
        }
        h.push_str("</ul>\n</header>\n");
        let mut first = 1;
        for (k, a) in report.articles.iter().enumerate() {
            article_html(&mut h, ctx, k + 1, a, first);
            first += a.findings.len();
        }
        if report.articles.is_empty() {
            h.push_str("<p class=\"note\">No articles were checked.</p>\n");
        }
        h.push_str("</main>\n</body>\n</html>\n");
        out.write_all(h.as_bytes())
    }

    fn extract(&self, _: &ExtractReport, _: &Context, _: &mut dyn Write) -> io::Result<()> {
        Err(crate::report::check_only("html"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, ClaimKind, Span};

    fn finding(status: Status, start: usize, end: usize) -> Finding {
        Finding {
            status,
            severity: status.default_severity(),
            fact: None,
            claim: Some(Claim {
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
            }),
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
    fn fixes_show_only_the_words_that_change() {
        assert_eq!(
            changed_words(
                "made to radically … halt military activity,",
                "made to radically … reduce military activity,"
            ),
            ("halt", "reduce")
        );
        assert_eq!(
            changed_words("more than 410", "143"),
            ("more than 410", "143")
        );
        assert_eq!(changed_words("a b", "a b c"), ("a b", "a b c"));
        assert_eq!(changed_words("x y z", "x q r z"), ("y", "q r"));
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<script>"x" & 'y'</script>"#),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
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
        let (html, marked) = render_text(text, "t.md", &items);
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
        assert!(html.contains(".<br>\nSecond"), "{html}");
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
        let (html, _) = render_text(text, "t.md", &items);
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
        let (html, marked) = render_text(text, "t.md", &items);
        assert!(well_nested(&html), "{html}");
        assert_eq!(marked, vec![1]);
        assert!(
            !html.contains('\r') && !html.contains('\u{feff}'),
            "{html:?}"
        );
        assert!(
            html.starts_with(
                "<div class=\"front\">---<br>\ntitle: T<br>\n---</div>\n<p>One &lt;b&gt;"
            ),
            "{html}"
        );
        assert!(
            html.contains("&lt;/b&gt;.<br>\nThree.</p>\n<p class=\"heading\"># Head</p>\n"),
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
        let (html, marked) = render_text(text, "t.md", &items);
        assert!(well_nested(&html), "{html}");
        assert_eq!(marked, vec![1, 2], "{html}");
    }
}
