//! The language layer every stage shares: tokens, numbers as English writes
//! them, qualifier intervals, and byte spans → lines and columns. Nothing
//! here knows about claims or references.

pub mod names;
pub mod numbers;
pub mod qualifier;
pub mod span;
pub(crate) mod swar;
pub mod tokens;

/// `w` in lower case, copied only when it has a capital or a character
/// past ASCII (ASCII is folded without Unicode's tables): most words are
/// lower case as written.
pub(crate) fn lower(w: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if w.is_ascii() {
        if w.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(w.to_ascii_lowercase())
        } else {
            Cow::Borrowed(w)
        }
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

/// Characters no reader sees: the soft hyphen, zero-width spaces and
/// joiners, direction marks and bidi controls, word joiners, the byte-order
/// mark, interlinear annotations, tag characters, variation selectors,
/// deprecated format characters, Hangul fillers and the invisible format
/// controls of a few scripts. They may stand inside a word or a number
/// ("deci\u{ad}sion", "1\u{200b}43") without changing what it says, and
/// they can hide text (a run of variation selectors encodes bytes) or turn
/// it around on a screen.
pub fn unseen(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}' | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}' | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}' | '\u{ffa0}' | '\u{fff9}'..='\u{fffb}' | '\u{13430}'..='\u{1343f}' | '\u{1bca0}'..='\u{1bca3}' | '\u{1d173}'..='\u{1d17a}' | '\u{e0000}'..='\u{e007f}' | '\u{e0100}'..='\u{e01ef}')
}

/// Whether byte `b` is ASCII whitespace as `char::is_whitespace` has it:
/// tab to carriage return (the vertical tab too, which
/// `u8::is_ascii_whitespace` leaves out) and the space.
pub(crate) const fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}
