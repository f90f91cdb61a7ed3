//! JSON with nothing raw a terminal or a CI log would act on. serde_json
//! already escapes C0 controls (ESC is `\u001b`), but writes bidi controls
//! (U+202E), the C1 controls (U+0085) and line separators (U+2028) as they
//! are: `cat report.json` in a CI step would show an article's reordered
//! text. Here they are `\uXXXX` escapes too — the same string to any JSON
//! reader, every byte of the output printable.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

/// `value` as compact JSON (one line) into `out`.
pub fn to_writer<W: Write, T: Serialize + ?Sized>(out: W, value: &T) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, Safe(CompactFormatter, false));
    value.serialize(&mut ser)
}

/// `value` as pretty JSON into `out`.
pub fn to_writer_pretty<W: Write, T: Serialize + ?Sized>(
    out: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, Safe(PrettyFormatter::new(), false));
    value.serialize(&mut ser)
}

/// `value` as pretty JSON to embed in an HTML page (JSON-LD in a
/// `<script>` block): `<`, `>` and `&` in strings are escapes too, so no
/// text of an article can close the block ("</script>") or open a tag.
pub fn to_writer_pretty_for_html<W: Write, T: Serialize + ?Sized>(
    out: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, Safe(PrettyFormatter::new(), true));
    value.serialize(&mut ser)
}

/// `value` as compact JSON (`pretty`: indented).
pub fn to_string<T: Serialize + ?Sized>(value: &T, pretty: bool) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(128);
    if pretty {
        to_writer_pretty(&mut out, value)?;
    } else {
        to_writer(&mut out, value)?;
    }
    // only valid UTF-8 was written: strings and ASCII punctuation
    Ok(String::from_utf8(out).unwrap_or_default())
}

/// A formatter as `F`, but for the characters of strings it writes (and,
/// when `.1`, HTML's markup characters as well).
struct Safe<F>(F, bool);

/// Characters written as `\uXXXX` though JSON allows them raw.
fn escaped(c: char) -> bool {
    c.is_control() || super::visible::is_hidden(c)
}

macro_rules! delegate {
    ($($name:ident),*) => {$(
        fn $name<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
            self.0.$name(w)
        }
    )*};
}

impl<F: Formatter> Formatter for Safe<F> {
    delegate!(
        begin_array,
        end_array,
        end_array_value,
        begin_object,
        end_object,
        end_object_key,
        begin_object_value,
        end_object_value
    );

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }

    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, s: &str) -> io::Result<()> {
        write_fragment(w, s, self.1)
    }
}

/// A string's fragment with every [`escaped`] character (and, `html`,
/// every `<`, `>` and `&`) written as a `\uXXXX` escape.
fn write_fragment<W: ?Sized + Write>(w: &mut W, s: &str, html: bool) -> io::Result<()> {
    // the lead bytes of every character escaped here (DEL, C1, U+061C,
    // U+200E…U+2069, U+FEFF, U+FFF9…U+FFFB, U+E0000…U+E007F): most
    // fragments hold none and are written as they are
    // (and "##[", which a GitHub runner reads as a command anywhere in
    // a line: its "[" is written as an escape)
    // (one pass: a "#" sends the fragment the slow way, which escapes only
    // the "[" of a "##[")
    let plain = !s.bytes().any(|b| {
        matches!(
            b,
            0x7f | 0xc2 | 0xcd | 0xd8 | 0xe1 | 0xe2 | 0xe3 | 0xef | 0xf0 | 0xf3 | b'#'
        ) || html && matches!(b, b'<' | b'>' | b'&')
    });
    if plain {
        return w.write_all(s.as_bytes());
    }
    let mut rest = s;
    let mut at = 0;
    while let Some((i, c)) = rest.char_indices().find(|&(i, c)| {
        escaped(c)
            || html && matches!(c, '<' | '>' | '&')
            || super::visible::opens_old_command(s, at + i)
    }) {
        w.write_all(&rest.as_bytes()[..i])?;
        let mut units = [0u16; 2];
        for unit in c.encode_utf16(&mut units) {
            write!(w, "\\u{unit:04x}")?;
        }
        rest = &rest[i + c.len_utf8()..];
        at += i + c.len_utf8();
    }
    w.write_all(rest.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_for_a_page_escapes_markup_and_reads_the_same() {
        let v = serde_json::json!({"t": "40 </script><img onerror=x> & more"});
        let mut out = Vec::new();
        to_writer_pretty_for_html(&mut out, &v).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            !text.contains('<') && !text.contains('>') && !text.contains('&'),
            "{text}"
        );
        assert!(text.contains("\\u003c/script\\u003e"), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn an_old_style_workflow_command_is_broken_and_the_string_is_unchanged() {
        let s = "toll ##[error]forged and ##[add-mask]x [kept] #[kept]";
        let json = to_string(&serde_json::json!({ "text": s }), false).unwrap();
        assert!(!json.contains("##["), "{json}");
        assert!(json.contains("[kept] #[kept]"), "{json}");
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["text"], s);
    }

    #[test]
    fn bidi_c1_and_separators_are_escapes_and_the_string_is_unchanged() {
        let s = "Kyiv \u{202e}evil\u{202c} \u{85}next\u{2028}line \u{1b}[31m é “ok” 😀 \u{feff}\u{e0041}";
        for pretty in [false, true] {
            let json = to_string(&serde_json::json!({ "text": s }), pretty).unwrap();
            assert!(
                json.contains(r"\u202e") && json.contains(r"\u0085"),
                "{json}"
            );
            assert!(
                json.contains(r"\u2028") && json.contains(r"\u001b"),
                "{json}"
            );
            // (a tag character is written as its UTF-16 pair)
            assert!(
                json.contains(r"\ufeff") && json.contains(r"\udb40\udc41"),
                "{json}"
            );
            assert!(!json.chars().any(|c| c != '\n' && escaped(c)), "{json}");
            // printable text stays as it is
            assert!(json.contains("é “ok” 😀"), "{json}");
            let back: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert_eq!(back["text"], s);
        }
        let pretty = to_string(&serde_json::json!({"a": [1, 2]}), true).unwrap();
        assert_eq!(
            pretty,
            serde_json::to_string_pretty(&serde_json::json!({"a": [1, 2]})).unwrap()
        );
    }
}
