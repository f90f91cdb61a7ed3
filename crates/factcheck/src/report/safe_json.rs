//! JSON with nothing raw a terminal or a CI log would act on. JSON
//! escapes C0 controls (ESC is `\u001b`), but writes bidi controls
//! (U+202E), the C1 controls (U+0085) and line separators (U+2028) as they
//! are: `cat report.json` in a CI step would show an article's reordered
//! text. Here they are `\uXXXX` escapes too — the same string to any JSON
//! reader, every byte of the output printable.
//!
//! Written by sonic-rs (its serializer is serde_json's, its string escaping
//! reads 32 bytes at a time where serde_json reads one): most strings ask
//! for no escape and are written as they are after one scan here.

use std::io::{self, Write};

use serde::Serialize;
use sonic_rs::format::{CompactFormatter, Formatter, PrettyFormatter};
use sonic_rs::writer::WriteExt;

/// The error of a value that could not be written.
pub type Error = sonic_rs::Error;

/// `value` as compact JSON (one line) into `out`.
pub fn to_writer<W: Write + ?Sized, T: Serialize + ?Sized>(
    out: &mut W,
    value: &T,
) -> io::Result<()> {
    out.write_all(&to_vec(value, Safe(CompactFormatter, false))?)
}

/// `value` as pretty JSON into `out`.
pub fn to_writer_pretty<W: Write + ?Sized, T: Serialize + ?Sized>(
    out: &mut W,
    value: &T,
) -> io::Result<()> {
    out.write_all(&to_vec(value, Safe(PrettyFormatter::new(), false))?)
}

/// `value` as pretty JSON to embed in an HTML page (JSON-LD in a
/// `<script>` block): `<`, `>` and `&` in strings are escapes too, so no
/// text of an article can close the block ("</script>") or open a tag.
pub fn to_writer_pretty_for_html<W: Write + ?Sized, T: Serialize + ?Sized>(
    out: &mut W,
    value: &T,
) -> io::Result<()> {
    out.write_all(&to_vec(value, Safe(PrettyFormatter::new(), true))?)
}

/// `value` as one line of compact JSON, bytes ready to write (no UTF-8
/// check of its text, as [`to_string`] makes: a stream writes it as it is).
pub fn to_line<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(4096);
    value.serialize(&mut sonic_rs::Serializer::with_formatter(
        &mut out,
        Safe(CompactFormatter, false),
    ))?;
    out.push(b'\n');
    Ok(out)
}

/// `value` as compact JSON (`pretty`: indented).
pub fn to_string<T: Serialize + ?Sized>(value: &T, pretty: bool) -> Result<String, Error> {
    let out = if pretty {
        to_vec(value, Safe(PrettyFormatter::new(), false))?
    } else {
        to_vec(value, Safe(CompactFormatter, false))?
    };
    // only valid UTF-8 was written: strings and ASCII punctuation
    Ok(String::from_utf8(out).unwrap_or_default())
}

fn to_vec<T: Serialize + ?Sized, F: Formatter>(value: &T, f: Safe<F>) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(128);
    value.serialize(&mut sonic_rs::Serializer::with_formatter(&mut out, f))?;
    Ok(out)
}

/// A formatter as `F`, but for the characters of strings it writes (and,
/// when `.1`, HTML's markup characters as well).
#[derive(Clone)]
struct Safe<F>(F, bool);

/// Characters written as `\uXXXX` though JSON allows them raw.
fn escaped(c: char) -> bool {
    c.is_control() || super::visible::is_hidden(c)
}

/// The longest run of a string given to the inner formatter at once: it
/// reserves six bytes of room for each byte it is given, which for the
/// text of a whole article would be six times the article.
const RUN: usize = 1 << 16;

macro_rules! delegate {
    ($($name:ident),*) => {$(
        #[inline]
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

    #[inline]
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }

    #[inline]
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }

    #[inline]
    fn write_string_fast<W: ?Sized + WriteExt>(
        &mut self,
        w: &mut W,
        s: &str,
        quote: bool,
    ) -> io::Result<()> {
        let html = self.1;
        let table = if html { &BYTES_HTML } else { &BYTES };
        let asked = asks(s.as_bytes(), table, html);
        // (most strings — every key, most words — ask nothing)
        if asked == 0 {
            if quote {
                w.write_all(b"\"")?;
            }
            w.write_all(s.as_bytes())?;
            if quote {
                w.write_all(b"\"")?;
            }
            return Ok(());
        }
        if asked == JSON && s.len() <= RUN {
            return self.0.write_string_fast(w, s, quote);
        }
        if quote {
            w.write_all(b"\"")?;
        }
        write_escaped(w, s, html, |w, run| self.0.write_string_fast(w, run, false))?;
        if quote {
            w.write_all(b"\"")?;
        }
        Ok(())
    }
}

/// A byte JSON itself escapes: a quote, a backslash, a C0 control.
const JSON: u8 = 1;
/// A byte that may start a character escaped here (see [`write_escaped`]).
const OURS: u8 = 2;

/// What each byte asks ([`JSON`], [`OURS`]), as a table: one look-up per
/// byte, not a dozen comparisons.
const BYTES: [u8; 256] = byte_table(false);
/// [`BYTES`] with HTML's markup characters.
const BYTES_HTML: [u8; 256] = byte_table(true);

const fn byte_table(html: bool) -> [u8; 256] {
    let mut t = [0; 256];
    let mut c = 0;
    while c < 0x20 {
        t[c] = JSON;
        c += 1;
    }
    t[b'"' as usize] = JSON;
    t[b'\\' as usize] = JSON;
    let lead: [u8; 11] = [
        0x7f, 0xc2, 0xcd, 0xd8, 0xe1, 0xe2, 0xe3, 0xef, 0xf0, 0xf3, b'#',
    ];
    let mut i = 0;
    while i < lead.len() {
        t[lead[i] as usize] = OURS;
        i += 1;
    }
    if html {
        t[b'<' as usize] = OURS;
        t[b'>' as usize] = OURS;
        t[b'&' as usize] = OURS;
    }
    t
}

/// What the bytes of `bytes` ask, together ([`JSON`] | [`OURS`]; 0: the
/// string is written as it is): a string under 32 bytes (every key, most
/// values) by the table alone; a longer one 32 bytes at a time while they are
/// printable ASCII without a quote, backslash, `#` or DEL (or, `html`, `<`,
/// `>`, `&`), the rest by the table. (Each run of 32 is one fold of
/// comparisons with no branch, which the compiler turns into vector
/// instructions: a fifth fewer than reading eight bytes as one word.)
#[inline]
fn asks(bytes: &[u8], table: &[u8; 256], html: bool) -> u8 {
    if bytes.len() < 32 {
        return bytes.iter().fold(0, |a, &b| a | table[usize::from(b)]);
    }
    let chunks = bytes.chunks_exact(32);
    let rest = chunks.remainder();
    let mut asked = 0;
    for chunk in chunks {
        let odd = if html {
            chunk.iter().fold(false, |o, &b| {
                o | plain_odd(b) | (b == b'<') | (b == b'>') | (b == b'&')
            })
        } else {
            chunk.iter().fold(false, |o, &b| o | plain_odd(b))
        };
        if odd {
            asked |= chunk.iter().fold(0, |a, &b| a | table[usize::from(b)]);
        }
    }
    rest.iter().fold(asked, |a, &b| a | table[usize::from(b)])
}

/// Whether a byte may ask anything outside HTML: a control, DEL, a byte
/// past ASCII, a quote, a backslash or a `#`.
#[inline]
fn plain_odd(b: u8) -> bool {
    !(0x20..0x7f).contains(&b) | (b == b'"') | (b == b'\\') | (b == b'#')
}

/// `s` with every [`escaped`] character (and, `html`, every `<`, `>` and
/// `&`) written as a `\uXXXX` escape, the runs between them by `run` (which
/// escapes what JSON itself asks: quotes, backslashes, C0 controls), each
/// run at most [`RUN`] bytes.
fn write_escaped<W: ?Sized + WriteExt>(
    w: &mut W,
    s: &str,
    html: bool,
    mut run: impl FnMut(&mut W, &str) -> io::Result<()>,
) -> io::Result<()> {
    // the lead bytes of every character escaped here (DEL, C1, U+061C,
    // U+200E…U+2069, U+FEFF, U+FFF9…U+FFFB, U+E0000…U+E007F): most
    // strings hold none and are written as they are
    // (and "##[", which a GitHub runner reads as a command anywhere in
    // a line: its "[" is written as an escape)
    // (one pass: a "#" sends the string the slow way, which escapes only
    // the "[" of a "##[")
    // (the slow way stops only at those bytes and at a "[": every other
    // byte, and every continuation byte, is left to `run`)
    let table = if html { &BYTES_HTML } else { &BYTES };
    let bytes = s.as_bytes();
    let mut runs = |w: &mut W, mut part: &str| {
        while part.len() > RUN {
            let mut cut = RUN;
            while !part.is_char_boundary(cut) {
                cut -= 1;
            }
            run(w, &part[..cut])?;
            part = &part[cut..];
        }
        run(w, part)
    };
    let (mut from, mut i) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if table[usize::from(b)] & OURS == 0 && b != b'[' {
            i += 1;
            continue;
        }
        // (a byte of the table or a "[" starts a character)
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let next = i + c.len_utf8();
        if escaped(c) && c >= ' '
            || html && matches!(c, '<' | '>' | '&')
            || super::visible::opens_old_command(s, i)
        {
            runs(w, &s[from..i])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(w, "\\u{unit:04x}")?;
            }
            from = next;
        }
        i = next;
    }
    runs(w, &s[from..])
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Any string reads back the same, with no character this module
        /// escapes left raw, compact or pretty, for a page or not.
        #[test]
        fn any_string_reads_back_the_same(s in "(\\PC|[\u{0}-\u{1f}\u{7f}-\u{9f}\u{202e}\u{2028}#\\[\"\\\\<>&])*") {
            for pretty in [false, true] {
                let json = to_string(&serde_json::json!({ "t": &s }), pretty).unwrap();
                proptest::prop_assert!(!json.chars().any(|c| c != '\n' && escaped(c)), "{}", json);
                proptest::prop_assert!(!json.contains("##["), "{}", json);
                let back: serde_json::Value = serde_json::from_str(&json).unwrap();
                proptest::prop_assert_eq!(back["t"].as_str(), Some(s.as_str()));
            }
            let mut page = Vec::new();
            to_writer_pretty_for_html(&mut page, &serde_json::json!({ "t": &s })).unwrap();
            let page = String::from_utf8(page).unwrap();
            proptest::prop_assert!(!page.contains(['<', '>', '&']), "{}", page);
        }

        /// The 32-at-a-time scan says what the table says, byte for
        /// byte, on text mixing plain ASCII with every kind of byte it
        /// must stop at, in runs of several 32s and a rest.
        #[test]
        fn asks_is_the_table(s in "[a-z #<>&\\[\u{7f}\u{85}\u{202e}\u{e9}\u{201c}\u{1}\"\\\\]{0,40}|[a-z ]{0,70}[#<>&\"\\\\\u{1}\u{7f}\u{e9}][a-z ]{0,70}", html: bool) {
            let table = if html { &BYTES_HTML } else { &BYTES };
            let by_table = s.bytes().fold(0, |a, b| a | table[usize::from(b)]);
            proptest::prop_assert_eq!(asks(s.as_bytes(), table, html), by_table);
        }
    }

    /// A string longer than a run is written in runs, each cut between
    /// characters, its escapes where they stand.
    #[test]
    fn a_text_longer_than_a_run_reads_back_the_same() {
        // (a three-byte "’" across each run's end; a quote, a control and
        // a bidi control near them)
        let unit = "said \"we’ll\"\u{202e} go\n";
        let mut s = "x".repeat(RUN - 1);
        while s.len() < 3 * RUN {
            s.push_str(unit);
        }
        for text in [s.replace('\u{202e}', ""), s] {
            let line = to_line(&serde_json::json!({ "t": &text })).unwrap();
            let json = String::from_utf8(line).unwrap();
            assert!(!json.contains('\u{202e}'));
            assert_eq!(json.contains("\\u202e"), text.contains('\u{202e}'));
            let back: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert_eq!(back["t"].as_str(), Some(text.as_str()));
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
