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

/// `value` as one line of compact JSON, bytes ready to write (no UTF-8
/// check of its text, as [`to_string`] makes: a stream writes it as it is).
pub fn to_line<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(4096);
    to_writer(&mut out, value)?;
    out.push(b'\n');
    Ok(out)
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

/// The bytes that send a fragment the slow way (see [`write_fragment`]),
/// as a table: one look-up per byte, not a dozen comparisons.
const SLOW: [bool; 256] = slow_bytes(false);
/// [`SLOW`] and HTML's markup characters.
const SLOW_HTML: [bool; 256] = slow_bytes(true);

const fn slow_bytes(html: bool) -> [bool; 256] {
    let mut t = [false; 256];
    // (C0 controls: serde_json escapes them before a fragment is written)
    let mut c = 0;
    while c < 0x20 {
        t[c] = true;
        c += 1;
    }
    let lead: [u8; 11] = [
        0x7f, 0xc2, 0xcd, 0xd8, 0xe1, 0xe2, 0xe3, 0xef, 0xf0, 0xf3, b'#',
    ];
    let mut i = 0;
    while i < lead.len() {
        t[lead[i] as usize] = true;
        i += 1;
    }
    if html {
        t[b'<' as usize] = true;
        t[b'>' as usize] = true;
        t[b'&' as usize] = true;
    }
    t
}

/// Whether no byte of `bytes` is in `table`: eight bytes at a time while
/// they are printable ASCII without `#`, DEL (or, `html`, `<`, `>`, `&`),
/// the rest by the table.
fn plain(bytes: &[u8], table: &[bool; 256], html: bool) -> bool {
    use crate::lang::swar::{any_below, any_byte, load, HIGH};
    // (each test is exact as a whole, which is all that is asked)
    let chunks = bytes.chunks_exact(8);
    let rest = chunks.remainder();
    for chunk in chunks {
        let x = load(chunk);
        let mut odd = x & HIGH | any_below(x, 0x20) | any_byte(x, 0x7f) | any_byte(x, b'#');
        if html {
            odd |= any_byte(x, b'<') | any_byte(x, b'>') | any_byte(x, b'&');
        }
        if odd != 0 && chunk.iter().any(|&b| table[usize::from(b)]) {
            return false;
        }
    }
    !rest.iter().any(|&b| table[usize::from(b)])
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
    // (the slow way stops only at those bytes and at a "[": every other
    // byte, and every continuation byte, is written as it is)
    let table = if html { &SLOW_HTML } else { &SLOW };
    let bytes = s.as_bytes();
    if plain(bytes, table, html) {
        return w.write_all(bytes);
    }
    let (mut from, mut i) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if !table[usize::from(b)] && b != b'[' {
            i += 1;
            continue;
        }
        // (a byte of the table or a "[" starts a character)
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let next = i + c.len_utf8();
        if escaped(c)
            || html && matches!(c, '<' | '>' | '&')
            || super::visible::opens_old_command(s, i)
        {
            w.write_all(&bytes[from..i])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(w, "\\u{unit:04x}")?;
            }
            from = next;
        }
        i = next;
    }
    w.write_all(&bytes[from..])
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The eight-at-a-time scan says what the table says, byte for
        /// byte, on text mixing plain ASCII with every kind of byte it
        /// must stop at.
        #[test]
        fn plain_is_the_table(s in "[a-z #<>&\\[\u{7f}\u{85}\u{202e}\u{e9}\u{201c}\u{1}]{0,40}", html: bool) {
            let table = if html { &SLOW_HTML } else { &SLOW };
            let by_table = !s.bytes().any(|b| table[usize::from(b)]);
            proptest::prop_assert_eq!(plain(s.as_bytes(), table, html), by_table);
        }
    }

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
