//! Findings in the protocol's terms: byte offsets as UTF-16 positions,
//! findings as diagnostics, fixes and "ignore" as code actions, a hover.

use std::collections::HashMap;

use factcheck::lang::span::{floor_char_boundary, LineIndex};
use factcheck::model::{Finding, Severity, Status};
use lsp_types::{
    CodeAction, CodeActionKind, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity,
    Hover, HoverContents, Location, MarkupContent, MarkupKind, NumberOrString, Position, Range,
    TextEdit, Uri, WorkspaceEdit,
};

/// Byte offset → (line, UTF-16 column) over a text: the protocol counts
/// columns in UTF-16 code units. Lines are factcheck's own
/// ([`LineIndex`]: `\r\n`, `\n` and a lone `\r` end one), so a diagnostic
/// stands on the line the text report names.
pub struct Lines<'a> {
    text: &'a str,
    index: LineIndex,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        Lines {
            text,
            index: LineIndex::new(text),
        }
    }

    /// Where 1-based line `line` starts.
    fn start_of(&self, line: usize) -> usize {
        self.index.line_range(self.text, line).0
    }

    /// The position of byte `at` (clamped to a character boundary).
    pub fn position(&self, at: usize) -> Position {
        let at = floor_char_boundary(self.text, at);
        let (line, _) = self.index.line_col(self.text, at);
        let col = self.text[self.start_of(line)..at].encode_utf16().count();
        Position::new((line - 1) as u32, col as u32)
    }

    pub fn range(&self, a: usize, b: usize) -> Range {
        Range::new(self.position(a), self.position(b))
    }

    /// Where the paragraph holding byte `at` starts: after the last blank
    /// line before it.
    pub fn paragraph_start(&self, at: usize) -> usize {
        let (mut line, _) = self.index.line_col(self.text, at);
        while line > 1 {
            let (a, b) = self.index.line_range(self.text, line - 1);
            if self.text[a..b].trim().is_empty() {
                break;
            }
            line -= 1;
        }
        self.start_of(line)
    }
}

/// A finding with the reference it came from, as the server keeps it for
/// code actions and hovers.
pub struct Held {
    pub finding: Finding,
    pub reference: Uri,
    /// The reference entry's line (0-based), where its id is written.
    pub entry_line: Option<u32>,
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// The bytes a finding underlines: its claim's span.
fn span(f: &Finding) -> Option<(usize, usize)> {
    f.claim.as_ref().map(|c| (c.span.start, c.span.end))
}

/// The diagnostic of a finding (none for one with no place in the text).
pub fn diagnostic(lines: &Lines, h: &Held) -> Option<Diagnostic> {
    let f = &h.finding;
    let (a, b) = span(f)?;
    let related = h.entry_line.map(|line| {
        vec![DiagnosticRelatedInformation {
            location: Location::new(
                h.reference.clone(),
                Range::new(Position::new(line, 0), Position::new(line, 0)),
            ),
            message: format!(
                "the reference's entry `{}`: {}",
                f.fact.as_deref().unwrap_or_default(),
                f.expected.as_deref().unwrap_or_default()
            ),
        }]
    });
    Some(Diagnostic {
        range: lines.range(a, b),
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(f.status.as_str().to_string())),
        source: Some("factcheck".into()),
        message: f.message.clone(),
        related_information: related,
        ..Diagnostic::default()
    })
}

/// The title of a fix, as an editor reads it in a menu.
fn fix_title(f: &Finding, replacement: &str) -> String {
    match f.status {
        Status::Misquoted => "Use the reference's words".into(),
        Status::Misattributed => format!("Credit {replacement}"),
        _ => format!("Write “{replacement}”"),
    }
}

/// The code actions for the findings that meet `range`: each fix, and an
/// "ignore" comment above the finding's paragraph.
pub fn actions(uri: &Uri, lines: &Lines, held: &[Held], range: Range) -> Vec<CodeAction> {
    let meets = |r: Range| r.start <= range.end && range.start <= r.end;
    let mut out = Vec::new();
    for h in held {
        let f = &h.finding;
        let Some((a, b)) = span(f) else { continue };
        if !meets(lines.range(a, b)) {
            continue;
        }
        let diagnostics = diagnostic(lines, h).map(|d| vec![d]);
        let edit = |edits: Vec<TextEdit>| WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..WorkspaceEdit::default()
        };
        if let Some(c) = &f.correction {
            out.push(CodeAction {
                title: fix_title(f, &c.replacement),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: diagnostics.clone(),
                edit: Some(edit(vec![TextEdit::new(
                    lines.range(c.start, c.end),
                    c.replacement.clone(),
                )])),
                is_preferred: Some(true),
                ..CodeAction::default()
            });
        }
        let at = lines.position(lines.paragraph_start(a));
        let id = f
            .fact
            .as_deref()
            .map(|id| format!(" {id}"))
            .unwrap_or_default();
        out.push(CodeAction {
            title: "Ignore this finding".into(),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics,
            edit: Some(edit(vec![TextEdit::new(
                Range::new(at, at),
                format!("<!-- factcheck: ignore{id} -->\n"),
            )])),
            ..CodeAction::default()
        });
    }
    out
}

/// What the reference says about the finding under `at`.
pub fn hover(lines: &Lines, held: &[Held], at: Position) -> Option<Hover> {
    let h = held.iter().find(|h| {
        span(&h.finding).is_some_and(|(a, b)| {
            let r = lines.range(a, b);
            r.start <= at && at <= r.end
        })
    })?;
    let f = &h.finding;
    let mut text = format!(
        "**{}**{}: {}",
        f.status.as_str(),
        f.fact
            .as_deref()
            .map(|id| format!(" (`{id}`)"))
            .unwrap_or_default(),
        f.message
    );
    if let Some(e) = &f.expected {
        text.push_str(&format!("\n\nThe reference: {e}"));
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: span(f).map(|(a, b)| lines.range(a, b)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units_and_every_line_end() {
        let text = "a😀b\r\nçé x\ry\nz";
        let l = Lines::new(text);
        // (😀 is two UTF-16 units, four bytes)
        assert_eq!(l.position(5), Position::new(0, 3));
        assert_eq!(l.position(text.find("x").unwrap()), Position::new(1, 3));
        assert_eq!(l.position(text.find("y").unwrap()), Position::new(2, 0));
        assert_eq!(l.position(text.len()), Position::new(3, 1));
        assert_eq!(l.paragraph_start(text.find("z").unwrap()), 0);
    }
}
