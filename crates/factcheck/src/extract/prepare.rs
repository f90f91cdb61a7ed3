//! The article's sentences made ready for reading: tokens, cue words glued
//! to the word before split off, related-story teaser lines and the
//! headlines a scraped page lists after its own text marked.

use super::{text, Extractor, Prepared};
use crate::article::Article;
use crate::lang::tokens::{tokenize_into, Kind, Token, KNOWN};
use crate::lexicon::Lexicon;

impl Extractor<'_> {
    /// The sentences of the article body, each handed to `each` with its
    /// tokens, the index of its first token after a teaser prefix ("Read
    /// more:") and the union of its tokens' classes, until `each` says
    /// stop; teaser lines are marked. The tokens of one sentence
    /// live only while it is read: held for the whole article they took
    /// about 50 bytes per byte of text. Past
    /// [`crate::limits::MAX_SENTENCES_PER_ARTICLE`] sentences the rest is
    /// not read: the offset where it stopped comes second.
    pub(super) fn prepare(
        &self,
        article: &Article,
        scan: &str,
        mut each: impl FnMut(usize, &[Token], usize, u64) -> bool,
    ) -> (Vec<Prepared>, Option<usize>) {
        let lx = self.lexicon;
        let mut sentences = text::sentences(scan, article.body_start, article.text.len(), lx);
        let cut = sentences
            .get(crate::limits::MAX_SENTENCES_PER_ARTICLE)
            .map(|s| s.start);
        sentences.truncate(crate::limits::MAX_SENTENCES_PER_ARTICLE);
        let mut prepared = Vec::with_capacity(sentences.len());
        let mut teaser_line: Option<usize> = None;
        // past "Related News": other stories' headlines to the end
        let mut page_tail = false;
        // the start of the line a sentence starts on, found by looking back
        // only as far as the sentence before (a megabyte line is read once)
        let (mut line_start, mut searched) = (0, 0);
        // (one buffer for every sentence's tokens, kept empty between
        // sentences, and one for the sentence folded to ASCII lower case,
        // where its tokens read their lower case: an article's worth of
        // either would be a copy of a 100 MB article)
        let (mut kept, mut folded): (Vec<Token<'static>>, String) = Default::default();
        for (index, s) in sentences.iter().enumerate() {
            folded.clear();
            folded.push_str(&scan[s.start..s.end]);
            folded.make_ascii_lowercase();
            let mut toks = relent(std::mem::take(&mut kept));
            tokenize_into(&mut toks, scan, Some(&folded), s.start, s.end);
            let read = lx.classes.read(&mut toks);
            // (a glued cue split makes tokens whose classes are not read)
            let classes = if split_glued_cues(&mut toks, scan, lx) {
                crate::lang::tokens::union(&toks)
            } else {
                read
            };
            page_tail = page_tail || self.page_tail_in(&toks, scan, classes);
            if let Some(i) =
                memchr::memrchr(b'\n', &scan.as_bytes()[searched.min(s.start)..s.start])
            {
                line_start = searched.min(s.start) + i + 1;
            }
            searched = searched.max(s.start);
            let mut first = 0;
            if line_start > s.start || scan[line_start..s.start].trim().is_empty() {
                teaser_line = None;
                if let Some(n) = self.teaser_prefix(&toks) {
                    first = n;
                    teaser_line = Some(line_start);
                }
            }
            prepared.push(Prepared {
                start: s.start,
                end: s.end,
                paragraph: s.paragraph,
                teaser: page_tail || teaser_line == Some(line_start),
            });
            let go_on = each(index, &toks, first, classes);
            kept = relent(toks);
            if !go_on {
                break;
            }
        }
        (prepared, cut)
    }

    /// Whether the sentence holds the words that end the article's own
    /// text on a scraped page ("Related News"), capitalised as a heading.
    /// `classes` are the union of the tokens' classes.
    fn page_tail_in(&self, toks: &[Token], scan: &str, classes: u64) -> bool {
        let lx = self.lexicon;
        // (an empty tail, which a reference's lexicon may give, stands
        // at any capitalised word: no word opens it)
        let any_word = lx.page_tails.iter().any(Vec::is_empty);
        // most sentences hold no word that opens a tail: not read word by
        // word, and a word that opens none is not held against each tail
        if !any_word
            && classes & KNOWN != 0
            && classes & crate::lexicon::classes::bits(&[&lx.page_tail_starts]) == 0
        {
            return false;
        }
        // a capitalised word first: most tokens are ruled out by one byte
        toks.iter().enumerate().any(|(i, first)| {
            first.kind == Kind::Word
                && scan.as_bytes()[first.start].is_ascii_uppercase()
                && (any_word || lx.page_tail_starts.has(first))
                && lx.page_tails.iter().any(|tail| {
                    toks.get(i..i + tail.len()).is_some_and(|w| {
                        w.iter()
                            .zip(tail)
                            .all(|(t, word)| t.kind == Kind::Word && t.lower == *word)
                    })
                })
        })
    }

    /// Token index after a "Read more:" prefix, if the sentence opens with one.
    fn teaser_prefix(&self, toks: &[Token]) -> Option<usize> {
        self.lexicon.teasers.iter().find_map(|t| {
            let n = t.len();
            (toks.len() > n
                && toks[..n]
                    .iter()
                    .zip(t)
                    .all(|(tok, w)| tok.kind == Kind::Word && tok.lower == *w)
                && toks[n].lower == ":")
                .then_some(n + 1)
        })
    }
}

/// `toks` emptied, its allocation kept for tokens of another lifetime:
/// the sentence buffer outlives the borrow of each sentence's folded
/// text. (Collected in place, as the standard library does for a vector
/// iterated into one of an element of the same size; were it not, a new
/// vector is the only cost.)
// (a filter would keep the element type, lifetime and all)
#[allow(clippy::unnecessary_filter_map)]
fn relent<'b>(toks: Vec<Token<'_>>) -> Vec<Token<'b>> {
    toks.into_iter().filter_map(|_| None).collect()
}

/// Split a reporting verb glued to a name by a bad translation:
/// "Zelenskysaid" → "Zelensky" + "said". Whether any was split.
fn split_glued_cues<'a>(toks: &mut Vec<Token<'a>>, src: &str, lx: &'a Lexicon) -> bool {
    // the plain cue a capitalised word ends with, if it is one glued on
    let glued = |t: &Token| {
        (lx.plain_cues.may_end(&t.lower) && !lx.reporting_verbs.has(t))
            .then(|| {
                lx.plain_cues.iter().find(|g| {
                    t.lower.len() >= g.len() + 4
                        && t.lower.ends_with(g.as_str())
                        && src.is_char_boundary(t.end - g.len())
                })
            })
            .flatten()
    };
    // (a word in lower case, most words, is turned away before the call)
    let cue_of = |t: &Token| {
        (t.kind == Kind::Word && t.capitalised(src))
            .then(|| glued(t))
            .flatten()
    };
    // most sentences have none: no second copy of their tokens
    if !toks.iter().any(|t| cue_of(t).is_some()) {
        return false;
    }
    let mut out = Vec::with_capacity(toks.len() + 1);
    for t in toks.drain(..) {
        match cue_of(&t) {
            Some(g) => {
                let cut = t.end - g.len();
                out.push(Token::new(
                    src,
                    t.start,
                    cut,
                    Kind::Word,
                    t.lower.prefix(t.lower.len() - g.len()),
                ));
                out.push(Token::new(src, cut, t.end, Kind::Word, g.as_str().into()));
            }
            None => out.push(t),
        }
    }
    // (back into the buffer kept for the article's sentences)
    toks.append(&mut out);
    true
}
