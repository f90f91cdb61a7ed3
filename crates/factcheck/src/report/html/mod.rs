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

mod audit;
mod chart;
mod findings;
mod marks;

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::model::{ArticleReport, Finding, Severity, Status, Summary};
use crate::report::{status, Document, Format, Options, Render};

pub use audit::audit_page;

/// The style sheet, inline so the page needs no network.
const CSS: &str = include_str!("style.css");

/// A severity filter that needs no script: three radio buttons before
/// `<main>`, read by the style sheet's `:checked ~ main` rules; their
/// labels sit in the summary card.
const FILTER: &str = "<input type=\"radio\" name=\"show\" id=\"show-all\" class=\"show\" checked>\n<input type=\"radio\" name=\"show\" id=\"show-warnings\" class=\"show\">\n<input type=\"radio\" name=\"show\" id=\"show-errors\" class=\"show\">\n";

/// A self-contained HTML page for editors.
pub struct Html;

/// Escape text for HTML element content and quoted attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for (i, c) in s.char_indices() {
        push_safe(&mut out, s, i, c);
    }
    out
}

/// As `push_escaped`, and no "##[error]" of the user's in a page printed
/// to a CI log (a runner reads one anywhere in a line).
fn push_safe(out: &mut String, s: &str, i: usize, c: char) {
    if crate::report::visible::opens_old_command(s, i) {
        out.push_str("&#91;");
    } else {
        push_escaped(out, c);
    }
}

/// Escape article text for a paragraph: line breaks become `<br>`, put at
/// the start of the next output line so that no article line starts one
/// (a report printed in a CI log must not carry a `::error` of the
/// article's); carriage returns and byte-order marks are dropped.
fn escape_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for (i, c) in s.char_indices() {
        match c {
            '\n' => out.push_str("\n<br>"),
            '\r' | '\u{feff}' => {}
            c => push_safe(&mut out, s, i, c),
        }
    }
    out
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        // (a name or a quote holding a line break stays on its line: the
        // same to a browser, and nothing of the user's starts a line)
        '\n' => out.push_str("&#10;"),
        '\r' => out.push_str("&#13;"),
        // (a bidi override in an article must not turn the page around)
        c if crate::report::visible::is_hidden(c) => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
        c => out.push(c),
    }
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

fn article_html(
    out: &mut String,
    doc: &Document,
    opts: &Options,
    k: usize,
    a: &ArticleReport,
    first: usize,
) {
    let items: Vec<(usize, &Finding)> = a
        .findings
        .iter()
        .enumerate()
        .map(|(i, f)| (first + i, f))
        .filter(|(_, f)| opts.shows(f))
        .collect();
    let _ = write!(
        out,
        "<section class=\"article\" id=\"a-{k}\">\n<h2>{}</h2>\n<p class=\"meta\">checked against <code>{}</code> · {}</p>\n<div class=\"cols\">\n",
        escape(&a.path),
        escape(&a.reference),
        escape(&Summary::of_reports(std::slice::from_ref(a)).to_string())
    );
    if opts.shows_notices() {
        for n in &a.notices {
            let at = n
                .span
                .map(|s| format!(" (line {}, column {})", s.line, s.column))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "<p class=\"note limit\">⚠ {}{at}</p>",
                escape(&n.message)
            );
        }
    }
    let source = doc.source(&a.path);
    let marked = match source {
        Some(s) => {
            let (html, marked) = marks::render_text(s.text(), s.body_start(), &items);
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
        // what needs acting on first: errors, then warnings, each in
        // article order; the numbers (and anchors) stay the article's
        let mut listed = items.clone();
        listed.sort_by_key(|(_, f)| std::cmp::Reverse(f.severity));
        for &(n, f) in &listed {
            findings::finding_html(out, source, n, f, marked.contains(&n));
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</aside>\n</div>\n</section>\n");
}

impl Render for Html {
    fn render(&self, doc: &Document, opts: &Options, out: &mut dyn Write) -> io::Result<()> {
        let report = doc.checked(Format::Html)?;
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
            "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"factcheck {}\">\n<title>factcheck: {n} {articles}, {errors} {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{FILTER}<main>\n",
            env!("CARGO_PKG_VERSION"),
            if errors == 1 { "error" } else { "errors" },
        );
        let _ = writeln!(
            h,
            "<header class=\"card\" id=\"summary\">\n<h1>factcheck report</h1>\n<p class=\"lede\">{n} {articles} checked: {}.{}</p>",
            escape(&report.summary.to_string()),
            if opts.quiet {
                format!(
                    " Only findings at {} severity or above are shown.",
                    opts.fail_on.as_str()
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
                status::words(st).short,
                status::tag(st)
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
            summary_cells(&mut h, &Summary::of_reports(std::slice::from_ref(a)));
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
                status::tag(st),
                status::words(st).short
            );
        }
        h.push_str("</ul>\n<p class=\"filter\">Show findings: <label for=\"show-all\">all</label> <label for=\"show-warnings\">warnings and errors</label> <label for=\"show-errors\">errors only</label></p>\n</header>\n");
        if !report.charts.is_empty() {
            h.push_str("<section class=\"card charts\" id=\"charts\">\n<h2>Series</h2>\n");
            for (k, c) in report.charts.iter().enumerate() {
                chart::chart_html(&mut h, c, k + 1, "the reference's values");
            }
            h.push_str("</section>\n");
        }
        let mut first = 1;
        for (k, a) in report.articles.iter().enumerate() {
            article_html(&mut h, doc, opts, k + 1, a, first);
            first += a.findings.len();
        }
        if report.articles.is_empty() {
            h.push_str("<p class=\"note\">No articles were checked.</p>\n");
        }
        h.push_str("</main>\n</body>\n</html>\n");
        out.write_all(no_old_command(h).as_bytes())
    }
}

/// The page with no "##[" left, wherever it came from: each piece of user
/// text is escaped on its own, and two pieces side by side ("…##" then
/// "[error]…") could still join into one; the page's own markup never
/// holds it.
fn no_old_command(page: String) -> String {
    if page.contains("##[") {
        page.replace("##[", "##&#91;")
    } else {
        page
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_that_join_into_an_old_command_are_broken() {
        let page = format!("<td>{}</td>{}", escape("a ##"), escape("[error]x"));
        assert_eq!(page, "<td>a ##</td>[error]x");
        let page = format!("{}{}", escape("a ##"), escape("[error]x"));
        assert_eq!(no_old_command(page), "a ##&#91;error]x");
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<script>"x" & 'y'</script>"#),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }
}
