//! User text made safe to print. An article or a reference from a pull
//! request can hold ESC (terminal escapes: colours, titles, cursor moves),
//! BEL, a lone carriage return (which overwrites the line), bidi controls
//! (U+202E turns text around, as in "Trojan Source"), and newlines that
//! start a forged `::error` line on a GitHub runner. Every renderer shows
//! such characters as visible escapes (`\u{1b}`) instead.

use std::borrow::Cow;

/// Characters no reader sees (bidi controls, zero-width characters, tag
/// characters: see [`crate::lang::unseen`]) and line separators: they
/// reorder, hide or break what a reader sees.
fn is_invisible_control(c: char) -> bool {
    crate::lang::unseen(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// A character no reader should get raw, whatever the line rules: a
/// control other than a line break or tab, or a bidi control.
pub(crate) fn is_hidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t' | '\r')) || is_invisible_control(c)
}

/// Whether the `[` at byte `i` of `s` opens an old-style workflow command
/// (`##[error]`, `##[add-mask]`): a GitHub runner reads one anywhere in a
/// line of a step's output, not only at its start.
pub(crate) fn opens_old_command(s: &str, i: usize) -> bool {
    s.as_bytes().get(i) == Some(&b'[') && s[..i].ends_with("##")
}

fn escaped(s: &str, keep_lines: bool) -> Cow<'_, str> {
    let bad = |i: usize, c: char, next: Option<char>| match c {
        '\t' => false,
        '\n' => !keep_lines,
        '\r' => !keep_lines || next != Some('\n'),
        '[' => opens_old_command(s, i),
        c => is_hidden(c),
    };
    let mut chars = s.char_indices().peekable();
    let mut first_bad = None;
    while let Some((i, c)) = chars.next() {
        if bad(i, c, chars.peek().map(|p| p.1)) {
            first_bad = Some(i);
            break;
        }
    }
    let Some(start) = first_bad else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(&s[..start]);
    let mut chars = s.char_indices().skip_while(|&(i, _)| i < start).peekable();
    while let Some((i, c)) = chars.next() {
        if bad(i, c, chars.peek().map(|p| p.1)) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Text of several lines (an article's excerpt): control characters shown
/// as escapes; line breaks and tabs kept.
pub fn visible(s: &str) -> Cow<'_, str> {
    escaped(s, true)
}

/// An article's lines for a snippet under a `path:line:column` header:
/// each hidden character becomes one visible one (␛ for ESC, ␇ for BEL,
/// � for a bidi control), so columns still count as in the file.
pub fn pictured(s: &str) -> Cow<'_, str> {
    let bad = |i: usize, c: char, next: Option<char>| {
        is_hidden(c) || (c == '\r' && next != Some('\n')) || opens_old_command(s, i)
    };
    let mut chars = s.char_indices().peekable();
    let mut any = false;
    while let Some((i, c)) = chars.next() {
        if bad(i, c, chars.peek().map(|p| p.1)) {
            any = true;
            break;
        }
    }
    if !any {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        out.push(match c {
            c if !bad(i, c, chars.peek().map(|p| p.1)) => c,
            // ("##[error]" shown as "##［error]": one character for one)
            '[' => '\u{ff3b}',
            '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
            '\u{7f}' => '\u{2421}',
            _ => '\u{fffd}',
        });
    }
    Cow::Owned(out)
}

/// Text that must stay on one line (a message, a path, a name): line
/// breaks are escaped too.
pub fn one_line(s: &str) -> Cow<'_, str> {
    escaped(s, false)
}

/// User text that begins a line of output (a path in a summary): as
/// [`one_line`], and `./` before anything a CI runner could read as a
/// command (`::error …`, `##[error]`) or that hides in leading space.
pub fn line_start(s: &str) -> Cow<'_, str> {
    let s = one_line(s);
    if s.starts_with([':', '#']) || s.starts_with(char::is_whitespace) {
        Cow::Owned(format!("./{s}"))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_escapes_and_clean_text_is_borrowed() {
        assert!(matches!(visible("12 people died.\n"), Cow::Borrowed(_)));
        assert_eq!(
            visible("a\u{1b}[31mb\u{7}c\0"),
            "a\\u{1b}[31mb\\u{7}c\\u{0}"
        );
        assert_eq!(visible("left\u{202e}right"), "left\\u{202e}right");
        assert_eq!(
            visible("a\u{feff}b\u{e0041}c\u{fff9}d"),
            "a\\u{feff}b\\u{e0041}c\\u{fff9}d"
        );
        assert_eq!(visible("line\r\nnext\rover"), "line\r\nnext\\u{d}over");
        assert_eq!(one_line("x\n::error::forged"), "x\\u{a}::error::forged");
        assert_eq!(line_start("::error file=a::x.md"), "./::error file=a::x.md");
        assert_eq!(line_start("##[error]x"), "./##\\u{5b}error]x");
        // a runner reads "##[" anywhere in a line
        assert_eq!(one_line("x ##[add-mask]y"), "x ##\\u{5b}add-mask]y");
        assert_eq!(visible("[a] #[b] ##[c"), "[a] #[b] ##\\u{5b}c");
        assert_eq!(pictured("a ##[error]b"), "a ##\u{ff3b}error]b");
        // variation selectors and fillers hide text
        assert_eq!(
            one_line("a\u{fe0f}\u{e0100}\u{3164}b"),
            "a\\u{fe0f}\\u{e0100}\\u{3164}b"
        );
        assert_eq!(line_start("claims/a.md"), "claims/a.md");
        assert_eq!(
            pictured("a\u{1b}[1m\u{7}\u{202e}\r\n"),
            "a\u{241b}[1m\u{2407}\u{fffd}\r\n"
        );
    }
}
