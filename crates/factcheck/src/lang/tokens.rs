//! Words, numbers and punctuation with their byte offsets in the file.

use std::borrow::Cow;

use super::swar;

/// What a token is; rules look at words, the number parser at digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters, with inner apostrophes and hyphens ("Kremlin's", "so-called").
    Word,
    /// Digits, with inner separators and decimal points ("10,000", "10.5").
    Num,
    /// Any other single character: punctuation, quotation marks, symbols.
    Punct,
}

/// A token's text in lower case, read as a `str`. Borrowed, not copied:
/// in an article, from its sentence folded to ASCII lower case (every
/// number, mark and word but one with a letter past ASCII: "it’s" is
/// there too, its apostrophe having no case); from the text itself when
/// no folded text is given and the token is in lower case as written.
/// A copy only for a word with a letter past ASCII ("Zürich", "café"),
/// or a capitalised word when no folded text is given.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Lower<'a>(Cow<'a, str>);

impl<'a> Lower<'a> {
    /// The word as a `str`.
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The first `n` bytes (a boundary), borrowed where the word is.
    pub(crate) fn prefix(&self, n: usize) -> Lower<'a> {
        match &self.0 {
            Cow::Borrowed(s) => Lower(Cow::Borrowed(&s[..n])),
            Cow::Owned(s) => Lower(Cow::Owned(s[..n].to_string())),
        }
    }
}

impl<'a> From<&'a str> for Lower<'a> {
    fn from(s: &'a str) -> Lower<'a> {
        Lower(Cow::Borrowed(s))
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Lower<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Lower<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self.as_str(), f)
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Lower<'_> {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

/// A token with its byte range in the text, so every claim found from
/// tokens points back at the exact words of the file.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the token.
    pub end: usize,
    /// Word, number or punctuation.
    pub kind: Kind,
    /// Lowercased text for words; the text itself otherwise.
    pub lower: Lower<'a>,
    /// Whether the text as written starts with an upper-case letter: asked
    /// of most words many times, so read once here.
    pub cap: bool,
    /// The bits of the lexicon lists holding the word, once a sentence's
    /// tokens are read against the lexicon (`lexicon::classes`), with
    /// [`KNOWN`], [`OPENS_NUMBER`], [`PHRASE_EDGE`] and [`METRIC_WORD`]; 0
    /// before.
    pub classes: u64,
    /// Whether the word holds a hyphen ("so-called", "al-Faris"): asked of
    /// every capitalised word, so read once here.
    pub hyphen: bool,
}

/// Set in a token's classes once they are read: a token without it (made
/// outside a sentence's reading) is looked up word by word.
pub(crate) const KNOWN: u64 = 1 << 63;

/// The class of words a number in words may start with
/// ([`crate::lang::numbers::opens_number`]).
pub(crate) const OPENS_NUMBER: u64 = 1 << 62;

/// The class of words that open or close a metric phrase or a qualifier
/// ("killed", "more than"): the phrase indexes are asked at most tokens,
/// and this bit turns most away before a string is hashed.
pub(crate) const PHRASE_EDGE: u64 = 1 << 61;

/// The class of the words that mark a metric cue: one word of each part
/// of every cue ("lives" of "lost their lives"), where the part is looked
/// for (`lexicon::cue_marks`): a sentence with no cue has no figure.
pub(crate) const METRIC_WORD: u64 = 1 << 60;

/// The union of the tokens' classes, with [`KNOWN`] only when every
/// token's classes are read: a sentence asks it once whether any word of a
/// class stands in it at all.
pub(crate) fn union(toks: &[Token<'_>]) -> u64 {
    let (any, all) = toks.iter().fold((0, KNOWN), |(any, all), t| {
        (any | t.classes, all & t.classes)
    });
    any & !KNOWN | all & KNOWN
}

impl<'a> Token<'a> {
    /// Whether the token is a word (not a number or punctuation).
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    /// Whether the token is `word`, which must be given in lower case.
    pub fn is(&self, word: &str) -> bool {
        self.lower == word
    }

    /// Whether a number in words may start with the word: read from its
    /// classes when they are known.
    pub(crate) fn opens_number(&self) -> bool {
        if self.classes & KNOWN != 0 {
            self.classes & OPENS_NUMBER != 0
        } else {
            crate::lang::numbers::opens_number(&self.lower)
        }
    }

    /// Whether the word may open or close a metric phrase or a qualifier
    /// (false only when its classes are known and say it does not).
    #[inline]
    pub(crate) fn may_be_phrase_edge(&self) -> bool {
        self.classes & KNOWN == 0 || self.classes & PHRASE_EDGE != 0
    }

    /// The token's text as written.
    pub fn text<'s>(&self, src: &'s str) -> &'s str {
        &src[self.start..self.end]
    }

    /// Whether the word as written starts with an upper-case letter (in
    /// `src`, the text it was read from, or any copy with the same letters:
    /// the flag set when it was read).
    pub fn capitalised(&self, _src: &str) -> bool {
        self.cap
    }

    /// A token of `text` at `start..end`, its case read from `text`.
    pub(crate) fn new(
        text: &str,
        start: usize,
        end: usize,
        kind: Kind,
        lower: Lower<'a>,
    ) -> Token<'a> {
        Token {
            start,
            end,
            kind,
            lower,
            cap: text[start..].chars().next().is_some_and(char::is_uppercase),
            classes: 0,
            hyphen: text[start..end].contains('-'),
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '\u{300}'..='\u{36f}')
}

pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// The character at byte `i` of `s` (a boundary): ASCII read as a byte,
/// without decoding (most text).
fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        s[i..].chars().next()
    }
}

/// An ASCII space (as `char::is_whitespace` has them), in [`CLASS`].
const SPACE: u8 = 1;
/// An ASCII digit.
const DIGIT: u8 = 2;
/// An ASCII lower-case letter.
const LOWER: u8 = 4;
/// An ASCII capital.
const UPPER: u8 = 8;
/// An ASCII letter.
const LETTER: u8 = LOWER | UPPER;
/// What may go on a word past its letters: an apostrophe, a hyphen, an
/// ampersand, or a byte past ASCII (decoded, then asked).
const GOES_ON: u8 = 16;

/// What each byte is to the tokenizer: one look-up per byte where a chain
/// of `char` tests stood (they were an eighth of its instructions).
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if super::is_ascii_space(c) {
            SPACE
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if matches!(c, b'\'' | b'-' | b'&') || c >= 0x80 {
            GOES_ON
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Tokenize `src[start..end]`. Offsets are absolute.
pub fn tokenize(src: &str, start: usize, end: usize) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    tokenize_into(&mut out, src, None, start, end);
    out
}

/// [`tokenize`] into `out`, emptied first: a reader of many sentences
/// keeps one buffer, warm in the cache, not one fresh allocation each.
/// `folded` is `src[start..end]` with ASCII folded to lower case
/// (`str::to_ascii_lowercase`), where every token but a word with a
/// letter past ASCII reads its lower case; without it a capitalised word
/// is copied.
pub(crate) fn tokenize_into<'a>(
    out: &mut Vec<Token<'a>>,
    src: &'a str,
    folded: Option<&'a str>,
    start: usize,
    end: usize,
) {
    debug_assert!(folded.is_none_or(|f| f.len() == end - start));
    // (one reading for each: with the folded text a word's capitals need
    // not be looked for, and the compiler drops that work)
    match folded {
        Some(f) => read_tokens::<true>(out, src, f, start, end),
        None => read_tokens::<false>(out, src, &src[start..end], start, end),
    }
}

/// [`tokenize_into`], the lower case of a token read from `folded` (the
/// part read, folded) when `FOLDED`, else from `src` or a copy.
#[inline(always)]
fn read_tokens<'a, const FOLDED: bool>(
    out: &mut Vec<Token<'a>>,
    src: &'a str,
    folded: &'a str,
    start: usize,
    end: usize,
) {
    out.clear();
    let s = &src[start..end];
    let bytes = s.as_bytes();
    // (about one token for every five bytes of prose, more with
    // punctuation: room for one in three, so few sentences grow it)
    out.reserve(s.len() / 3 + 1);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // (ASCII is read as bytes by the table: most of the text)
        let class = CLASS[usize::from(b)];
        if class & SPACE != 0 {
            i += 1;
            continue;
        }
        let begin = i;
        let (kind, mut stop, cap);
        // (what lower-casing a word needs, noted as it is read: an ASCII
        // capital, or a letter past ASCII — not the typographic
        // apostrophe, which has no case)
        let (mut upper, mut ascii_letters, mut hyphen) = (class & UPPER != 0, true, false);
        if class & DIGIT != 0 {
            kind = Kind::Num;
            cap = false;
            stop = i + 1;
            // digits with internal separators or decimal points: 10,000 / 10.5
            loop {
                match bytes.get(stop) {
                    Some(d) if d.is_ascii_digit() => stop += 1,
                    Some(b',' | b'.') if bytes.get(stop + 1).is_some_and(u8::is_ascii_digit) => {
                        stop += 1
                    }
                    _ => break,
                }
            }
        } else if class & LETTER != 0 {
            kind = Kind::Word;
            cap = upper;
            stop = word_end(s, i + 1, &mut upper, &mut ascii_letters, &mut hyphen);
        } else if b < 0x80 {
            kind = Kind::Punct;
            cap = false;
            stop = i + 1;
        } else {
            let Some(c) = s[i..].chars().next() else {
                break;
            };
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            cap = c.is_uppercase();
            if is_word_char(c) {
                kind = Kind::Word;
                ascii_letters = false;
                stop = word_end(
                    s,
                    i + c.len_utf8(),
                    &mut upper,
                    &mut ascii_letters,
                    &mut hyphen,
                );
            } else {
                kind = Kind::Punct;
                stop = i + c.len_utf8();
            }
        }
        let lower = if FOLDED && (ascii_letters || kind != Kind::Word) {
            // (the folded text holds every token without a letter past
            // ASCII in lower case)
            Lower(Cow::Borrowed(&folded[begin..stop]))
        } else {
            let text = &s[begin..stop];
            if kind != Kind::Word || ascii_letters && !upper {
                Lower(Cow::Borrowed(text))
            } else if ascii_letters {
                Lower(Cow::Owned(text.to_ascii_lowercase()))
            } else {
                Lower(Cow::Owned(text.to_lowercase()))
            }
        };
        out.push(Token {
            start: start + begin,
            end: start + stop,
            kind,
            lower,
            cap,
            classes: 0,
            hyphen,
        });
        i = stop;
    }
}

/// The end of a word whose first character ends at `stop`: its letters,
/// with inner apostrophes and hyphens ("Russia’s", "so-called") and an
/// ampersand between capitals ("AT&T"); noting an ASCII capital, a
/// letter past ASCII (clearing `ascii_letters`), a hyphen.
#[inline(always)]
fn word_end(
    s: &str,
    mut stop: usize,
    upper: &mut bool,
    ascii_letters: &mut bool,
    hyphen: &mut bool,
) -> usize {
    let bytes = s.as_bytes();
    loop {
        // eight bytes at a time while they are ASCII letters: one word end
        // found without a branch per byte (most words end in the first
        // eight)
        if let Some(chunk) = bytes.get(stop..stop + 8) {
            let x = swar::load(chunk);
            let others = !swar::ascii_letters(x) & swar::HIGH;
            // (the bits below the first other byte: the run of letters)
            let run = (others & others.wrapping_neg()).wrapping_sub(1);
            *upper |= swar::ascii_capitals(x) & run != 0;
            stop += others.trailing_zeros() as usize / 8;
            if others == 0 {
                continue;
            }
        }
        // (near the text's end a byte at a time; then what may go on,
        // decoded)
        let Some(&b) = bytes.get(stop) else {
            return stop;
        };
        let class = CLASS[usize::from(b)];
        if class & LETTER != 0 {
            *upper |= class & UPPER != 0;
            stop += 1;
            continue;
        }
        if class & GOES_ON == 0 {
            return stop;
        }
        let Some(d) = char_at(s, stop) else {
            return stop;
        };
        if is_word_char(d) {
            *ascii_letters &= d.is_ascii();
            stop += d.len_utf8();
        } else if is_apostrophe(d) || d == '-' || d == '&' {
            // internal apostrophe or hyphen: Russia’s, so-called;
            // an ampersand between capitals: PG&E, AT&T
            let after = stop + d.len_utf8();
            let next = char_at(s, after);
            let joins = if d == '&' {
                s[..stop].ends_with(|p: char| p.is_uppercase())
                    && next.is_some_and(char::is_uppercase)
            } else {
                next.is_some_and(is_word_char)
            };
            if !joins {
                return stop;
            }
            // (a joiner has no case: "Russia’s" folds as ASCII does)
            *hyphen |= d == '-';
            stop = after;
        } else {
            return stop;
        }
    }
}

#[cfg(test)]
mod tests;
