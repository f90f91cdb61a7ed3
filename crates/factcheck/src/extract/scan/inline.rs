//! Inline markup of the scan view: tags, entities, code and emphasis
//! marks, found where they open and read by hand.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

/// Other markup inside a line: tags, entities, code and emphasis marks,
/// each opening at a byte prose rarely holds, as one regex would find
/// them (the tests' reading). A line's own marks (a heading's `#`, a
/// list's `-`) are [`line_mark`](super::line_mark)'s: as a multi-line
/// `^` alternative of one regex with these and [`URLS`](super::URLS),
/// they could open at any space or digit, and the regex read every byte
/// (a twenty-fifth of extraction). Link targets are
/// [`LinkTargets`](super::LinkTargets)'. Read by [`inline_at`].
#[cfg(test)]
pub(super) const INLINE: &str = concat!(
    r"</?[A-Za-z][^<>\n]{0,200}>",    // HTML tags
    r"|&(?:nbsp|amp|quot|#\d{1,6});", // common entities
    r"|```[^\n]*|`",                  // code fences and ticks
    r"|\*\*?|__?|\||~~",              // emphasis, table pipes
);

/// The bytes inline markup opens with, found by aho-corasick's vector
/// search. As a regex, the markup had no prefilter for seven one-byte
/// openings: its lazy DFA read every byte of every article (most hold
/// none of them), and built a state for each length of tag it met.
static INLINE_OPENS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(OPENING.iter().map(|b| [*b]))
        .expect("seven one-byte patterns")
});

/// The bytes inline markup opens with.
const OPENING: [u8; 7] = *b"<&`*_|~";

/// Whether a byte is one of [`OPENING`], as a table.
const OPENS: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < OPENING.len() {
        t[OPENING[i] as usize] = true;
        i += 1;
    }
    t
};

/// A numbered entity at the start of a text (`\d` is Unicode's: any
/// script's digits); named ones are read by hand ([`entity_end`]).
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\A&#\d{1,6};").expect("a valid regex"));

/// The first inline markup at or after `at`, as the regex `INLINE` finds
/// it: at the first opening byte where [`inline_here`] reads some.
/// Linear: a tag that does not close is read to the next `<` at most
/// (or 201 characters, or the line's end), anything else a few bytes.
/// After an opening that opens nothing ("AT&T", "x < y"), the next 64
/// bytes are read a byte at a time before the vector search is asked
/// again: text made of such openings would restart it at each.
pub(super) fn inline_at(text: &str, at: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut from = at;
    let mut near = false;
    loop {
        // (`from` is at most the text's length: one past an opening byte)
        let stretch = if near { 64 } else { 0 };
        let close = bytes[from..]
            .iter()
            .take(stretch)
            .position(|&b| OPENS[usize::from(b)]);
        let open = match close {
            Some(i) => from + i,
            None => {
                let from = (from + stretch).min(bytes.len());
                let input = aho_corasick::Input::new(text).span(from..text.len());
                INLINE_OPENS.find(input)?.start()
            }
        };
        if let Some(end) = inline_here(text, open) {
            return Some(open..end);
        }
        (from, near) = (open + 1, true);
    }
}

/// The end of the inline markup opening at `at` (an opening byte), if it
/// is some, as `INLINE` reads it: `</?[A-Za-z][^<>\n]{0,200}>`,
/// an entity, a code fence to the line's end or a tick, `**`, `*`, `__`,
/// `_`, `|`, `~~`.
fn inline_here(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let next = bytes.get(at + 1).copied();
    match bytes[at] {
        b'<' => {
            let name = at + 1 + usize::from(next == Some(b'/'));
            if !bytes.get(name)?.is_ascii_alphabetic() {
                return None;
            }
            // (up to 200 characters, not bytes, before the `>`)
            for (n, (i, c)) in text[name + 1..].char_indices().enumerate() {
                match c {
                    '>' => return Some(name + 1 + i + 1),
                    '<' | '\n' => return None,
                    _ if n == 200 => return None,
                    _ => {}
                }
            }
            None
        }
        b'&' => entity_end(text, at),
        b'`' if bytes[at..].starts_with(b"```") => {
            Some(memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i))
        }
        b'~' => (next == Some(b'~')).then_some(at + 2),
        b'*' | b'_' if next == Some(bytes[at]) => Some(at + 2),
        _ => Some(at + 1),
    }
}

/// The end of the entity opening at `at` (an `&`), if it is one: a name
/// read by hand, a number's digits counted before the regex is asked
/// (text of "&#" and "&a" must not call it at each).
fn entity_end(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at + 1..];
    if let Some(name) = ["nbsp;", "amp;", "quot;"]
        .iter()
        .find(|n| rest.starts_with(**n))
    {
        return Some(at + 1 + name.len());
    }
    // (a run of one to six numeric characters and a `;`: what `\d{1,6};`
    // needs, `\d`'s digits being numeric characters)
    let digits = rest.strip_prefix('#')?;
    let run = digits
        .chars()
        .take(7)
        .take_while(|c| c.is_numeric())
        .count();
    let after = digits.char_indices().nth(run).map(|(_, c)| c);
    ((1..=6).contains(&run) && after == Some(';')).then_some(())?;
    NUMBERED.find(&text[at..]).map(|m| at + m.end())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Inline markup is read as the regex `INLINE` finds it, from the
        /// start and from any place: tags closed and not, with 200
        /// characters (not bytes) and one more, entities with any script's
        /// digits and with numeric characters that are no digits ("²",
        /// "Ⅻ"), fences, ticks, emphasis, every opening byte alone, runs
        /// of openings that open nothing.
        #[test]
        fn inline_markup_is_read_as_its_regex_finds_it(
            text in r"(<|</|&|&#|&amp|&nbsp|&quot|;|`|```|\*|_|\||~|>|/|\n|[a-zA-Z0-9 ]|١|²|Ⅻ|é|日|&#[0-9١²]{0,8};?){0,60}",
            long in 97usize..203,
            fill in "[aé日 \n<>]{1,2}",
            gap in 40usize..140,
        ) {
            // (and an opening that opens nothing, then markup a gap later)
            let text = format!("{text}<a{}>{text}&x{}**", fill.repeat(long), " ".repeat(gap));
            let re = Regex::new(INLINE).unwrap();
            let want: Vec<_> = re.find_iter(&text).map(|m| m.range()).collect();
            let (mut got, mut at) = (Vec::new(), 0);
            while let Some(m) = inline_at(&text, at) {
                at = m.end;
                got.push(m);
            }
            proptest::prop_assert_eq!(got, want);
            // and from any place, as a search from there finds it
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                proptest::prop_assert_eq!(inline_at(&text, at), re.find_at(&text, at).map(|m| m.range()), "{}", at);
            }
        }
    }
}
