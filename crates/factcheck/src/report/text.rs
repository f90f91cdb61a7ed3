//! `--format text`: findings as diagnostics an editor reads top to bottom —
//! `path:line:column`, the article's line with the claim underlined, what
//! the reference says, and a summary per article and per run.

use std::io::{self, Write};

use annotate_snippets::{Level, Renderer, Snippet};
use anstyle::{AnsiColor, Style};

use super::visible::{line_start, one_line, pictured};
use super::{status, Body, Document, Options, Render};
use crate::model::{
    CheckReport, Claim, ClaimKind, DiffOp, DiffPart, ExtractReport, Finding, Notice, Status,
    Summary,
};

/// The longest line a snippet shows whole, and the bytes shown either side
/// of a claim on a longer one.
const LONG_LINE: usize = 1000;
const WINDOW: usize = 160;

/// Diagnostics with snippets for findings; a line per claim for extraction.
pub struct Text;

fn paint(opts: &Options, style: Style, s: &str) -> String {
    if opts.color {
        format!("{}{s}{}", style.render(), style.render_reset())
    } else {
        s.to_string()
    }
}

/// The label under the claim: what the reference has.
fn label(f: &Finding) -> String {
    match (f.status, &f.expected) {
        (Status::Unverified, _) => "no reference entry covers this".to_string(),
        (Status::Unattributed, _) => "no source in the article".to_string(),
        (Status::Misattributed, Some(e)) => format!("the reference has this from {e}"),
        (Status::Misquoted, _) => "not the words the reference has".to_string(),
        (Status::Match, _) if f.claim.as_ref().is_some_and(|c| c.quantity.is_none()) => {
            "agrees with the reference".to_string()
        }
        (_, Some(e)) => format!("the reference has {e}"),
        (_, None) => String::new(),
    }
}

/// One finding as a diagnostic: annotate-snippets draws the article's
/// lines with the claim underlined, as rustc does.
fn write_finding(
    out: &mut dyn Write,
    doc: &Document,
    opts: &Options,
    path: &str,
    f: &Finding,
) -> io::Result<()> {
    let level = status::levels(f.severity).text;
    let renderer = if opts.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let id = match &f.fact {
        Some(fact) => format!("{}: {fact}", f.status.as_str()),
        None => f.status.as_str().to_string(),
    };
    let id = one_line(&id);
    let label = label(f);
    let label = one_line(&label);
    let fix = f
        .correction
        .as_ref()
        .map(|c| format!("write “{}”", one_line(&c.replacement)));
    let title = one_line(&f.message);
    let origin = one_line(path);
    let mut message = level.title(&title).id(&id);
    let excerpt;
    let located;
    if let (Some(c), Some(source)) = (&f.claim, doc.source(path)) {
        let text = source.text();
        let end_line = source
            .line_col(c.span.end.saturating_sub(1).max(c.span.start))
            .0;
        let (start, _) = source.line_range_near(c.span.line, (c.span.start, c.span.start));
        // (the end looked for no further than a long line's window needs)
        let upto = c.span.end.max(c.span.start + LONG_LINE) + 1;
        let (_, end) = source.line_range_near(end_line.max(c.span.line), (c.span.end, upto));
        // a line of thousands of bytes is shown around the claim, its place
        // in a note (drawing all of it for each of its claims would take
        // time quadratic in its length)
        let long = end - start > LONG_LINE;
        let (start, end) = if long {
            let floor = |i: usize| crate::lang::span::floor_char_boundary(text, i);
            let ws = floor(c.span.start.saturating_sub(WINDOW).max(start));
            let we = floor((c.span.end + WINDOW).min(end).min(c.span.start + LONG_LINE));
            (ws, we.max(ws))
        } else {
            (start, end)
        };
        let raw = &text[start..end];
        // control characters shown as pictures, the spans moved to match
        excerpt = pictured(raw);
        let at = |offset: usize| pictured(&raw[..offset.clamp(start, end) - start]).len();
        let span = at(c.span.start)..at(c.span.end);
        let mut snippet = Snippet::source(&excerpt)
            .line_start(c.span.line)
            .fold(true)
            .annotation(level.span(span).label(&label));
        if long {
            located = format!(
                "at {origin}:{}:{} (a long line, shown around the claim)",
                c.span.line, c.span.column
            );
            message = message.footer(Level::Note.title(&located));
        } else {
            snippet = snippet.origin(&origin);
        }
        // the words that name the speaker, when the speaker is the problem
        if let Some((ms, me)) = c.attribution.as_ref().and_then(|a| a.mention_span) {
            if f.status == Status::Misattributed && ms >= start && me <= end {
                snippet =
                    snippet.annotation(Level::Info.span(at(ms)..at(me)).label("credited here"));
            }
        }
        message = message.snippet(snippet);
    } else {
        message = message.footer(Level::Note.title(&origin));
    }
    let said = (f.status == Status::Misquoted).then(|| {
        format!(
            "reference: {}",
            one_line(f.expected.as_deref().unwrap_or(""))
        )
    });
    if let Some(said) = &said {
        message = message.footer(Level::Note.title(said));
    }
    if let Some(fix) = &fix {
        message = message.footer(Level::Help.title(fix));
    }
    writeln!(out, "{}", renderer.render(message))?;
    if let Some(diff) = &f.diff {
        let rendered: Vec<String> = diff
            .iter()
            .map(|p| match p.op {
                DiffOp::Delete if opts.color => paint(
                    opts,
                    AnsiColor::Red.on_default().strikethrough(),
                    &one_line(&p.text),
                ),
                DiffOp::Insert if opts.color => paint(
                    opts,
                    AnsiColor::Green.on_default().underline(),
                    &one_line(&p.text),
                ),
                _ if opts.color => one_line(&p.text).into_owned(),
                _ => one_line(&DiffPart::inline(std::slice::from_ref(p))).into_owned(),
            })
            .collect();
        writeln!(out, "  = said, printed: {}", rendered.join(" "))?;
    }
    Ok(())
}

/// A limit reached on an article, as a warning with its place in a note.
fn write_notice(out: &mut dyn Write, opts: &Options, path: &str, n: &Notice) -> io::Result<()> {
    let renderer = if opts.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let title = one_line(&n.message);
    let at = match &n.span {
        Some(s) => format!("at {}:{}:{}", one_line(path), s.line, s.column),
        None => format!("in {}", one_line(path)),
    };
    let message = Level::Warning
        .title(&title)
        .id(n.limit.as_str())
        .footer(Level::Note.title(&at));
    writeln!(out, "{}", renderer.render(message))?;
    Ok(())
}

impl Render for Text {
    fn render(&self, doc: &Document, opts: &Options, out: &mut dyn Write) -> io::Result<()> {
        match &doc.body {
            Body::Check(report) => check(report, doc, opts, out),
            Body::Extract(report) => extract(report, opts, out),
        }
    }
}

fn check(
    report: &CheckReport,
    doc: &Document,
    opts: &Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    for a in &report.articles {
        for f in a.findings.iter().filter(|f| opts.lists(f)) {
            write_finding(out, doc, opts, &a.path, f)?;
            writeln!(out)?;
        }
        if opts.shows_notices() {
            for n in &a.notices {
                write_notice(out, opts, &a.path, n)?;
                writeln!(out)?;
            }
        }
        if !opts.quiet {
            writeln!(
                out,
                "{} (against {}): {}",
                paint(opts, Style::new().bold(), &line_start(&a.path)),
                one_line(&a.reference),
                &Summary::of_reports(std::slice::from_ref(a)).to_string()
            )?;
            writeln!(out)?;
        }
    }
    let counted = report
        .articles
        .iter()
        .flat_map(|a| &a.findings)
        .filter(|f| opts.shows(f) && !opts.lists(f))
        .count();
    if counted > 0 {
        writeln!(
            out,
            "(matches and unverified claims are counted, not listed: --show-matches lists them)"
        )?;
    }
    // the run's summary stays the last line, for scripts
    let n = report.articles.len();
    writeln!(
        out,
        "{} {} checked: {}",
        n,
        if n == 1 { "article" } else { "articles" },
        &report.summary.to_string()
    )
}

fn extract(report: &ExtractReport, opts: &Options, out: &mut dyn Write) -> io::Result<()> {
    for a in &report.articles {
        let date = a.date.map(|d| format!(" ({d})")).unwrap_or_default();
        let n = a.claims.len();
        writeln!(
            out,
            "{}{date}: {n} {}",
            paint(opts, Style::new().bold(), &line_start(&a.path)),
            if n == 1 { "claim" } else { "claims" }
        )?;
        for n in &a.notices {
            write_notice(out, opts, &a.path, n)?;
        }
        for c in &a.claims {
            let who = c
                .attribution
                .as_ref()
                .map_or("unattributed".to_string(), |x| {
                    // joined speakers in the order written: "Varto and Quill"
                    let also: String = x.also.iter().map(|n| format!("{n}, ")).collect();
                    let also = match also.strip_suffix(", ") {
                        Some(list) => format!("{list} and "),
                        None => also,
                    };
                    format!("{also}{} ({} “{}”)", x.speaker, x.cue, x.mention)
                });
            let what = claim_words(c);
            let ctxs = c
                .context
                .as_ref()
                .map(|x| format!(" [{x}]"))
                .unwrap_or_default();
            writeln!(
                out,
                "  {}:{}:{} {:<9} {}{}\n      by {}",
                line_start(&a.path),
                c.span.line,
                c.span.column,
                format!("{:?}", c.kind).to_lowercase(),
                one_line(&what),
                one_line(&ctxs),
                one_line(&who)
            )?;
        }
    }
    Ok(())
}

/// A claim in a few words: the figure with its qualifier and phrase, or
/// the quoted or reported words.
fn claim_words(c: &Claim) -> String {
    match c.kind {
        ClaimKind::Quantity => {
            let q = c
                .quantity
                .as_ref()
                .expect("quantity claims carry a quantity");
            let subj = q
                .subject
                .as_ref()
                .map(|s| format!(" {s}"))
                .unwrap_or_default();
            let upper = q.upper.map(|u| format!("–{}", u.0)).unwrap_or_default();
            format!(
                "{} {}{}{} {} — “{}”",
                q.metric,
                q.qualifier.as_str(),
                format_args!(" {}", q.value.0),
                upper,
                subj.trim(),
                q.phrase
            )
        }
        ClaimKind::Quote => format!("“{}”", c.quote.as_deref().unwrap_or("")),
        ClaimKind::Statement => c.content.clone().unwrap_or_default(),
    }
}
