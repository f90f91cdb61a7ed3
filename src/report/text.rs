//! `--format text`: findings as diagnostics an editor reads top to bottom —
//! `path:line:column`, the article's line with the claim underlined, what
//! the reference says, and a summary per article and per run.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use super::{Context, Report};
use crate::compare::diff_inline;
use crate::model::{
    CheckReport, Claim, ClaimKind, ExtractReport, Finding, Severity, Status, Summary,
};
use crate::span::LineIndex;

pub struct Text;

fn paint(ctx: &Context, style: Style, s: &str) -> String {
    if ctx.color {
        format!("{}{s}{}", style.render(), style.render_reset())
    } else {
        s.to_string()
    }
}

fn severity_style(s: Severity) -> Style {
    match s {
        Severity::Error => AnsiColor::Red.on_default().bold(),
        Severity::Warning => AnsiColor::Yellow.on_default().bold(),
        Severity::Info => AnsiColor::Cyan.on_default(),
    }
}

/// The claim's first line with a caret underline, gutter and line number.
fn snippet(ctx: &Context, text: &str, claim: &Claim, style: Style) -> String {
    let idx = LineIndex::new(text);
    let (ls, le) = idx.line_range(text, claim.span.line);
    let line = &text[ls..le];
    let start = claim.span.start.clamp(ls, le);
    let end = claim.span.end.clamp(start, le);
    let pad = text[ls..start].chars().count();
    let width = text[start..end].chars().count().max(1);
    let num = claim.span.line.to_string();
    let gutter = " ".repeat(num.len());
    let bar = paint(ctx, AnsiColor::Blue.on_default().bold(), "|");
    format!(
        "  {gutter} {bar}\n  {} {bar} {}\n  {gutter} {bar} {}{}\n",
        paint(ctx, AnsiColor::Blue.on_default().bold(), &num),
        line.replace('\t', " "),
        " ".repeat(pad),
        paint(ctx, style, &"^".repeat(width))
    )
}

fn summary_line(s: &Summary) -> String {
    let parts: Vec<String> = Status::ALL
        .iter()
        .filter(|&&st| s.get(st) > 0)
        .map(|&st| format!("{} {}", s.get(st), st.as_str()))
        .collect();
    if parts.is_empty() {
        "no findings".into()
    } else {
        parts.join(", ")
    }
}

fn write_finding(out: &mut dyn Write, ctx: &Context, path: &str, f: &Finding) -> io::Result<()> {
    let style = severity_style(f.severity);
    let head = format!("{}[{}]", f.severity.as_str(), f.status.as_str());
    let place = match &f.claim {
        Some(c) => format!("{path}:{}:{}", c.span.line, c.span.column),
        None => path.to_string(),
    };
    let fact = f
        .fact
        .as_ref()
        .map(|id| format!(" {id}"))
        .unwrap_or_default();
    writeln!(
        out,
        "{}: {}{}: {}",
        paint(ctx, Style::new().bold(), &place),
        paint(ctx, style, &head),
        fact,
        f.message
    )?;
    if let Some(c) = &f.claim {
        if let Some(text) = ctx.texts.get(path) {
            write!(out, "{}", snippet(ctx, text, c, style))?;
        }
    }
    if let Some(e) = &f.expected {
        writeln!(out, "  = reference: {e}")?;
    }
    if let Some(diff) = &f.diff {
        let rendered: Vec<String> = diff
            .iter()
            .map(|p| match p.op {
                "delete" if ctx.color => {
                    paint(ctx, AnsiColor::Red.on_default().strikethrough(), &p.text)
                }
                "insert" if ctx.color => {
                    paint(ctx, AnsiColor::Green.on_default().underline(), &p.text)
                }
                _ if ctx.color => p.text.clone(),
                _ => diff_inline(std::slice::from_ref(p)),
            })
            .collect();
        writeln!(out, "  = said/printed: {}", rendered.join(" "))?;
    }
    if let Some(corr) = &f.correction {
        writeln!(out, "  = fix: replace with “{}”", corr.replacement)?;
    }
    Ok(())
}

fn shown(ctx: &Context, f: &Finding) -> bool {
    !ctx.quiet || f.severity >= ctx.fail_on.unwrap_or(Severity::Error)
}

impl Report for Text {
    fn check(&self, report: &CheckReport, ctx: &Context, out: &mut dyn Write) -> io::Result<()> {
        for a in &report.articles {
            for f in a.findings.iter().filter(|f| shown(ctx, f)) {
                write_finding(out, ctx, &a.path, f)?;
                writeln!(out)?;
            }
            if !ctx.quiet {
                writeln!(
                    out,
                    "{} (against {}): {}",
                    paint(ctx, Style::new().bold(), &a.path),
                    a.reference,
                    summary_line(&Summary::of(&a.findings))
                )?;
                writeln!(out)?;
            }
        }
        let n = report.articles.len();
        writeln!(
            out,
            "{} {} checked: {}",
            n,
            if n == 1 { "article" } else { "articles" },
            summary_line(&report.summary)
        )
    }

    fn extract(
        &self,
        report: &ExtractReport,
        ctx: &Context,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        for a in &report.articles {
            let date = a.date.map(|d| format!(" ({d})")).unwrap_or_default();
            writeln!(
                out,
                "{}{date}: {} claims",
                paint(ctx, Style::new().bold(), &a.path),
                a.claims.len()
            )?;
            for c in &a.claims {
                let who = c
                    .attribution
                    .as_ref()
                    .map_or("unattributed".to_string(), |x| {
                        format!("{} ({} “{}”)", x.speaker, x.cue, x.mention)
                    });
                let what = match c.kind {
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
                };
                let ctxs = c
                    .context
                    .as_ref()
                    .map(|x| format!(" [{x}]"))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "  {}:{}:{} {:<9} {what}{ctxs}\n      by {who}",
                    a.path,
                    c.span.line,
                    c.span.column,
                    format!("{:?}", c.kind).to_lowercase()
                )?;
            }
        }
        Ok(())
    }
}
