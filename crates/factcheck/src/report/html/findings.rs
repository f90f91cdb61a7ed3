//! One finding in the list beside the article: its message, what the
//! article and the reference say, the word diff, the fix and the source.

use std::fmt::Write as _;

use super::escape;
use crate::model::{Correction, DiffOp, Finding, Status};
use crate::report::{status, Source};

fn diff_html(f: &Finding) -> Option<String> {
    let parts = f.diff.as_ref()?;
    let rendered: Vec<String> = parts
        .iter()
        .map(|p| match p.op {
            DiffOp::Delete => format!("<del>{}</del>", escape(&p.text)),
            DiffOp::Insert => format!("<ins>{}</ins>", escape(&p.text)),
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

/// The fix: only the words that change, when the article's text is at hand.
fn fix_html(out: &mut String, source: Option<&Source>, fix: &Correction) {
    let was = source
        .map(Source::text)
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

/// One finding as a list item: its head (status, severity, a link to the
/// mark), its message, and what the article and the reference say.
pub(super) fn finding_html(
    out: &mut String,
    source: Option<&Source>,
    n: usize,
    f: &Finding,
    marked: bool,
) {
    let s = f.status.as_str();
    let _ = write!(
        out,
        "<li id=\"l-{n}\" class=\"finding status-{s} severity-{sev}\">\n<div class=\"head\"><span class=\"tag status-{s}\">{t}</span> <span class=\"sev sev-{sev}\">{sev}</span>",
        sev = f.severity.as_str(),
        t = status::tag(f.status)
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
        if source.is_none() || !marked {
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
        fix_html(out, source, fix);
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
