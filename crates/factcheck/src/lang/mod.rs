//! The language layer every stage shares: tokens, numbers as English writes
//! them, qualifier intervals, and byte spans → lines and columns. Nothing
//! here knows about claims or references.

pub mod names;
pub mod numbers;
pub mod qualifier;
pub mod span;
pub mod tokens;

/// Characters no reader sees: the soft hyphen, zero-width spaces and
/// joiners, direction marks and bidi controls, word joiners, the byte-order
/// mark, interlinear annotations and tag characters. They may stand inside
/// a word or a number ("deci\u{ad}sion", "1\u{200b}43") without changing
/// what it says, and they can hide text or turn it around on a screen.
pub fn unseen(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{e0000}'..='\u{e007f}')
}
