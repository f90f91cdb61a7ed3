//! Quotes: the words in quotation marks against the reference's quotes —
//! the speaker's own, anyone's (a misattribution), or close enough to be a
//! misquote, with the word diff and the article's quote put right.

use super::words::{best_window, quote_diff, quote_matches_in, quote_words, shared_words};
use super::words::{QuoteDiff, Squashed};
use super::{Checker, PreparedQuote};
use crate::article::Article;
use std::collections::HashSet;
use std::sync::Arc;

use crate::model::{Claim, Correction, DiffOp, DiffPart, Finding, Resolution, Severity, Status};
use crate::reference::RefQuote;

/// How much longer than the article's quote a matching reference quote may
/// be and still be shown whole in the finding.
const SHOWN_BEYOND: usize = 1_000;

/// Every quote's matches and the reference quotes given word for word.
pub(super) struct QuoteMatches<'r> {
    pub found: Vec<Vec<Found<'r>>>,
    pub verbatim: HashSet<&'r str>,
}

/// What a quote is, against the reference's quotes.
pub(super) enum Found<'r> {
    /// The reference's words (the speaker may still be wrong).
    Same(&'r RefQuote),
    /// Close to a reference quote, with some words changed; the byte range
    /// of the quote's text the reference stands for (all of it, or the run
    /// a shorter reference phrase covers).
    Close(QuoteDiff, &'r RefQuote, (usize, usize)),
}

/// A run of positioned words (non-empty) with their places counted from
/// its first word, and the bytes it spans in the text they came from.
#[allow(clippy::type_complexity)]
fn rebased(words: &[(String, (usize, usize))]) -> (Vec<(String, (usize, usize))>, (usize, usize)) {
    let (start, end) = (words[0].1 .0, words[words.len() - 1].1 .1);
    let run = words
        .iter()
        .map(|(w, (x, y))| (w.clone(), (x - start, y - start)))
        .collect();
    (run, (start, end))
}

/// The diff of the quote (or of the run a shorter reference phrase stands
/// for) against a reference quote, when most words agree. `sorted`: the
/// quote's words lower-cased and sorted, which bound both shares before
/// any alignment (most candidates of a long quote fall short of them);
/// `ellipses`: how many it holds besides (an ellipsis may align with one of
/// the reference's).
fn close_to(
    positioned: &[(String, (usize, usize))],
    (sorted, ellipses): (&[std::borrow::Cow<str>], usize),
    text: &str,
    pq: &PreparedQuote,
) -> Option<(QuoteDiff, (usize, usize))> {
    // (the diffs count equal words, lower-cased, as the shares below do;
    // ellipses are no words of the quote's share)
    let shared = (shared_words(sorted, &pq.sorted) + ellipses) as f64;
    let said = positioned.iter().filter(|w| w.0 != "…").count() as f64;
    let whole_fits = said > 0.0 && shared / said >= 0.6;
    let run_fits = shared / pq.plain.len().max(1) as f64 >= 0.6;
    if !whole_fits && !run_fits {
        return None;
    }
    // a transcript: a short excerpt against the run of it that it stands
    // for; anything else against the whole quote
    let whole = whole_fits
        .then(|| {
            let window = pq.places.as_ref().and_then(|places| {
                let lower: Vec<String> = positioned.iter().map(|w| w.0.to_lowercase()).collect();
                places.window(&lower, pq.words.len())
            });
            match window {
                Some((a, b)) => {
                    let (run, (start, end)) = rebased(&pq.words[a..b]);
                    quote_diff(positioned, text, &pq.quote.text[start..end], &run)
                }
                None => quote_diff(positioned, text, &pq.quote.text, &pq.words),
            }
        })
        .filter(|d| d.ratio >= 0.6)
        .map(|d| (d, (0, text.len())));
    // the run a shorter phrase stands for, when it fits better than the
    // whole quote ("Obedience to the rule of law should not be a game of
    // cat and mouse" against "Adherence … a game": the whole quote is
    // close too, but with words the phrase never had)
    let words: Vec<String> = positioned.iter().map(|w| w.0.clone()).collect();
    let run = (run_fits.then(|| best_window(&words, &pq.plain)))
        .flatten()
        .filter(|&(i, j, share)| share >= 0.6 && j - i >= 3)
        .and_then(|(i, j, _)| {
            let (window, (start, end)) = rebased(&positioned[i..j]);
            let d = quote_diff(&window, &text[start..end], &pq.quote.text, &pq.words);
            (d.ratio >= 0.6).then_some((d, (start, end)))
        });
    match (whole, run) {
        (Some(w), Some(r)) => Some(if r.0.ratio > w.0.ratio { r } else { w }),
        (w, r) => w.or(r),
    }
}

/// Whether a diff swaps a single word of the reference for one other word
/// (or drops it), whatever words it only adds elsewhere.
fn one_word_swapped(d: &QuoteDiff) -> bool {
    let count = |i: usize, op: DiffOp| {
        d.parts
            .get(i)
            .filter(|p| p.op == op)
            .map_or(0, |p| p.text.split_whitespace().count())
    };
    let deleted: Vec<usize> = (0..d.parts.len())
        .filter(|&i| count(i, DiffOp::Delete) > 0)
        .collect();
    match deleted[..] {
        [i] => {
            count(i, DiffOp::Delete) == 1
                && count(i + 1, DiffOp::Insert)
                    + i.checked_sub(1).map_or(0, |j| count(j, DiffOp::Insert))
                    <= 1
        }
        _ => false,
    }
}

/// Whether every word the diff swaps is another form of the word it
/// replaces ("terrorist." for "terrorism"): the two share all but their
/// last three letters at most, and five letters at least.
fn only_inflected(d: &QuoteDiff) -> bool {
    let letters = |s: &str| -> Vec<char> {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let same_stem = |a: &str, b: &str| {
        let (a, b) = (letters(a), letters(b));
        let shared = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
        shared >= 5 && shared + 3 >= a.len().min(b.len())
    };
    let (gone, come): (Vec<&str>, Vec<&str>) = (
        d.parts
            .iter()
            .filter(|p| p.op == DiffOp::Delete)
            .flat_map(|p| p.text.split_whitespace())
            .collect(),
        d.parts
            .iter()
            .filter(|p| p.op == DiffOp::Insert)
            .flat_map(|p| p.text.split_whitespace())
            .collect(),
    );
    !gone.is_empty()
        && gone.len() == come.len()
        && gone.iter().zip(&come).all(|(a, b)| same_stem(a, b))
}

/// Where the run `from..to` of a quote's text lies in the file: the same
/// bytes when the quote is one run of the file; for a quote over several
/// paragraphs (its text joins them), the same words found in the file,
/// when the run stays within one paragraph. A fix never crosses a
/// paragraph break.
fn in_file(
    file: &str,
    c: &Claim,
    text: &str,
    (from, to): (usize, usize),
) -> Option<(usize, usize)> {
    let slice = file.get(c.span.start..c.span.end)?;
    if slice == text {
        return Some((c.span.start + from, c.span.start + to));
    }
    let (joined, written) = (quote_words(text), quote_words(slice));
    let same = joined.len() == written.len()
        && joined
            .iter()
            .zip(&written)
            .all(|(a, b)| a.0.to_lowercase() == b.0.to_lowercase());
    if !same {
        return None;
    }
    let first = joined.iter().position(|w| w.1 .0 >= from)?;
    let last = joined.iter().rposition(|w| w.1 .1 <= to)?;
    let (mut start, mut end) = (written[first].1 .0, written[last].1 .1);
    let (j_start, j_end) = (joined[first].1 .0, joined[last].1 .1);
    // a quotation mark that reopens a paragraph run together with the one
    // before ('gain. "Your identity') is in the file, not in the joined text
    let mark = |ch: char| matches!(ch, '"' | '“' | '”' | '„' | '«' | '»');
    if !text[j_start..].starts_with(mark) {
        start += slice[start..end].len() - slice[start..end].trim_start_matches(mark).len();
    }
    if !text[..j_end].ends_with(mark) {
        end -= slice[start..end].len() - slice[start..end].trim_end_matches(mark).len();
    }
    // the run's own bytes must be the same words with the same spacing
    let run = &slice[start..end];
    (run == &text[j_start..j_end] && !run.contains('\n'))
        .then_some((c.span.start + start, c.span.start + end))
}

impl<'r> Checker<'r> {
    /// What each quote of the article is against the reference (in claim
    /// order, empty for other claims), and the reference quotes some quote
    /// gives word for word: found once, used by every quote.
    pub(super) fn quote_matches(&self, claims: &[Arc<Claim>]) -> QuoteMatches<'r> {
        let found: Vec<Vec<Found<'r>>> = claims
            .iter()
            .map(|c| {
                c.quote
                    .as_deref()
                    .map_or(Vec::new(), |t| self.find_quote(t))
            })
            .collect();
        let verbatim = found
            .iter()
            .flatten()
            .filter_map(|f| match f {
                Found::Same(rq) => Some(rq.id.as_str()),
                Found::Close(..) => None,
            })
            .collect();
        QuoteMatches { found, verbatim }
    }

    pub(super) fn quote(
        &self,
        article: &Article,
        c: &Arc<Claim>,
        mut found: Vec<Found<'r>>,
        verbatim: &HashSet<&str>,
        out: &mut Vec<Finding>,
    ) {
        let Some(text) = &c.quote else { return };
        // a reference quote the article gives word for word elsewhere was
        // said as the reference has it: another quote sharing most of its
        // words ("The kids thought it was part of the fireworks" … "We
        // just told them it was part of the fireworks") is another
        // sentence, unless a single word of it is swapped for another
        // (words only added — "win my free, engraved shotgun" beside "win my
        // engraved shotgun!" — or one put for several — "secure
        // convictions" beside "get trials and convictions" — are the
        // speaker's other wording); a run of the quote that is a part of
        // the reference's words changes nothing
        found.retain(|f| match f {
            Found::Close(d, rq, _) => {
                let changed = d.parts.iter().any(|p| p.op != DiffOp::Equal);
                let given = verbatim.contains(rq.id.as_str());
                changed && (!given || (one_word_swapped(d) && d.ratio >= 0.6))
            }
            Found::Same(_) => true,
        });
        // a run that is another reference quote word for word ("I was
        // disgusted" beside the reference's "I was shocked") is that quote,
        // not a misquote of this one
        let given: Vec<&Squashed> = found
            .iter()
            .filter_map(|f| match f {
                Found::Same(rq) => self.quote_by_id.get(rq.id.as_str()),
                Found::Close(..) => None,
            })
            .map(|&i| &self.quotes[i].squashed)
            .collect();
        found.retain(|f| match f {
            Found::Close(_, _, (a, b)) => {
                let run: Vec<String> = quote_words(&text[*a..*b])
                    .into_iter()
                    .map(|w| w.0)
                    .collect();
                !given.iter().any(|plain| quote_matches_in(&run, plain))
            }
            Found::Same(_) => true,
        });
        // a few words with one changed are as likely another quote ("a bad
        // piece of legislation" beside "a preposterous piece of
        // legislation"): close only when the same speaker says them
        // (a pair with a word swapped, only from the speaker named for it)
        // (read only when a close quote was found: most quotes have none)
        let short =
            found.iter().any(|f| matches!(f, Found::Close(..))) && quote_words(text).len() < 6;
        // (whose words they are matters only then)
        let speaker = if short { self.speaker_id(c) } else { None };
        let named = c
            .attribution
            .as_ref()
            .is_some_and(|a| matches!(a.resolved, Resolution::Named | Resolution::Alias));
        found.retain(|f| match f {
            Found::Close(d, rq, _) => {
                (!short || speaker.as_deref() == Some(rq.speaker.as_str()))
                    && (d.ratio >= 0.6 || named)
            }
            Found::Same(_) => true,
        });
        if found.is_empty() {
            out.push(self.finding(
                Status::Unverified,
                None,
                Some(c),
                None,
                Some(text.clone()),
                "No reference quote covers these words.".into(),
            ));
            self.unattributed(c, None, false, out);
            return;
        }
        let mut misquoted = false;
        for f in found {
            match f {
                Found::Same(rq) => self.same_words(c, text, rq, out),
                Found::Close(d, rq, range) => {
                    // a few words that differ only by a word's form from a
                    // quote the article gives word for word elsewhere
                    // ("radical Islamic terrorism" beside "… attacked by a
                    // radical Islamic terrorist.") may be another phrase: no
                    // sure misquote
                    let echo = short && verbatim.contains(rq.id.as_str()) && only_inflected(&d);
                    let before = out.len();
                    self.misquoted(article, c, text, (d, range), rq, out);
                    for f in out[before..].iter_mut().filter(|_| echo) {
                        if f.status == Status::Misquoted {
                            f.severity = f.severity.min(crate::model::Severity::Warning);
                            f.correction = None;
                            f.message.push_str(" The article quotes the reference's words as they are elsewhere: these few may be another phrase; check them.");
                        }
                    }
                    misquoted = true;
                }
            }
        }
        if misquoted {
            self.unattributed(c, None, false, out);
        }
    }

    /// A word or two in quotation marks inside reported speech ("said the
    /// attack was “sickening”") is no quote on its own — a scare quote looks
    /// the same — but when it is a reference quote word for word, the
    /// statement's speaker is the one who said it.
    pub(super) fn inner_quotes(&self, article: &Article, c: &Arc<Claim>, out: &mut Vec<Finding>) {
        let text = &article.text;
        let (start, end) = (c.span.start, c.span.end.min(text.len()));
        // (only a reference quote of one or two words is looked for)
        if self.shortest_quote > 2
            || c.content.is_none()
            || start >= end
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            return;
        }
        for span in crate::extract::quotes::find(text, start, end) {
            let said = span.text(text);
            let words: Vec<String> = quote_words(&said).into_iter().map(|w| w.0).collect();
            // longer quotations are quotes of their own already
            if words.is_empty() || words.len() > 2 {
                continue;
            }
            let same = |pq: &&PreparedQuote| {
                pq.plain.len() == words.len()
                    && pq
                        .plain
                        .iter()
                        .zip(&words)
                        .all(|(a, b)| a.eq_ignore_ascii_case(b))
            };
            let Some(pq) = self.holding(&words[0].to_lowercase()).find(same) else {
                continue;
            };
            let (a, b) = (span.open, span.close);
            let mut quote = Claim::clone(c);
            quote.kind = crate::model::ClaimKind::Quote;
            quote.content = None;
            quote.quote = Some(said.clone());
            quote.span = article.lines.span(text, a, b);
            self.same_words(&Arc::new(quote), &said, pq.quote, out);
        }
    }

    /// What the quote is against the reference's quotes: inside one of them
    /// (the first that holds it); else every reference phrase it holds,
    /// word for word or with words changed (a long quote may hold several);
    /// else the one it is closest to.
    fn find_quote(&self, text: &str) -> Vec<Found<'r>> {
        if self.turned_away(text) {
            return Vec::new();
        }
        self.compare_quote(text)
    }

    /// A quote against the reference quotes that share its words.
    pub(super) fn compare_quote(&self, text: &str) -> Vec<Found<'r>> {
        let positioned = quote_words(text);
        let words: Vec<String> = positioned.iter().map(|w| w.0.clone()).collect();
        let mut sorted: Vec<std::borrow::Cow<str>> = words
            .iter()
            .filter(|w| *w != "…")
            .map(|w| super::words::lower(w))
            .collect();
        sorted.sort_unstable();
        let ellipses = words.len() - sorted.len();
        let mut found = Vec::new();
        let mut best_close: Option<(QuoteDiff, &RefQuote, (usize, usize))> = None;
        // (run together only when some reference quote shares its words:
        // most quotes of an archive share none)
        let candidates = self.sharing_words(&sorted);
        let squashed = if candidates.is_empty() {
            Squashed::new(&[])
        } else {
            Squashed::new(&words)
        };
        for pq in candidates {
            if quote_matches_in(&words, &pq.squashed) {
                return vec![Found::Same(pq.quote)];
            }
            // the reference holds a part of the article's longer quote
            if squashed.could_hold(&pq.squashed) && quote_matches_in(&pq.plain, &squashed) {
                found.push(Found::Same(pq.quote));
                continue;
            }
            let Some((d, range)) = close_to(&positioned, (&sorted, ellipses), text, pq) else {
                continue;
            };
            if range != (0, text.len()) {
                found.push(Found::Close(d, pq.quote, range));
            } else if words.len() >= 3 && best_close.as_ref().is_none_or(|b| d.ratio > b.0.ratio) {
                best_close = Some((d, pq.quote, range));
            }
        }
        if found.is_empty() {
            found.extend(best_close.map(|(d, rq, range)| Found::Close(d, rq, range)));
        }
        if found.is_empty() && words.len() == 2 {
            found.extend(self.pair_swapped(&positioned, text));
        }
        found
    }

    /// A two-word quote that is one reference pair with a word swapped
    /// ("deep sadness" for "immense sadness"), when only one pair fits: too
    /// few words for a share, so the word kept must stand in its place.
    /// (`quote` then asks for the speaker named and the pair not given
    /// word for word anywhere in the article.)
    fn pair_swapped(
        &self,
        positioned: &[(String, (usize, usize))],
        text: &str,
    ) -> Option<Found<'r>> {
        let lower: Vec<String> = positioned.iter().map(|w| w.0.to_lowercase()).collect();
        // (the word kept must carry meaning: "the people" and "the enemy"
        // share only "the")
        let lx = &self.reference.lexicon;
        // (a pair that fits shares one of the two words)
        let mut seen = HashSet::new();
        let candidates = self
            .holding(&lower[0])
            .chain(self.holding(&lower[1]))
            .filter(|pq| seen.insert(pq.quote.id.as_str()));
        let mut pairs = candidates.filter(|pq| {
            let kept: Vec<usize> = (0..2)
                .filter(|&i| pq.plain.len() == 2 && pq.plain[i].to_lowercase() == lower[i])
                .collect();
            kept.len() == 1 && !lx.is_small_word(&lower[kept[0]])
        });
        let (pq, None) = (pairs.next()?, pairs.next()) else {
            return None;
        };
        let d = quote_diff(positioned, text, &pq.quote.text, &pq.words);
        one_word_swapped(&d).then_some(Found::Close(d, pq.quote, (0, text.len())))
    }

    /// The reference's words: a match from the right speaker, a
    /// misattribution from another, a warning with none.
    fn same_words(&self, c: &Arc<Claim>, text: &str, rq: &RefQuote, out: &mut Vec<Finding>) {
        let right = self.reference.source_name(&rq.speaker);
        // (the words the article gives, of a reference quote longer than
        // them: a transcript copied into each of 1,500 matches made 700 MB)
        let said = if rq.text.len() > text.len() + SHOWN_BEYOND {
            text
        } else {
            rq.text.as_str()
        };
        match (self.speaker_id(c), &c.attribution) {
            (Some(s), _) if s == rq.speaker || self.credited_jointly(c, &rq.speaker) => {
                out.push(self.finding(
                    Status::Match,
                    Some(&rq.id),
                    Some(c),
                    Some(format!("{right}: “{said}”")),
                    Some(text.to_string()),
                    format!("The quote matches what {right} said."),
                ));
            }
            (_, Some(a)) => {
                let message = format!("The quote is given to {} but {} said it.", a.speaker, right);
                out.push(self.misattributed(c, &rq.id, &rq.speaker, message));
            }
            (_, None) => {
                let mut f = self.finding(
                    Status::Unattributed,
                    Some(&rq.id),
                    Some(c),
                    Some(format!("attributed to {right}")),
                    None,
                    format!("The quote has no speaker in the article; {right} said it."),
                );
                f.severity = Severity::Warning;
                out.push(f);
            }
        }
    }

    /// A misquote: the word diff, and the article's quote with only the
    /// changed words put right.
    fn misquoted(
        &self,
        article: &Article,
        c: &Arc<Claim>,
        text: &str,
        (d, (from, to)): (QuoteDiff, (usize, usize)),
        rq: &RefQuote,
        out: &mut Vec<Finding>,
    ) {
        let QuoteDiff {
            parts: diff,
            said,
            fixed,
            ..
        } = d;
        let right = self.reference.source_name(&rq.speaker);
        let mut f = self.finding(
            Status::Misquoted,
            Some(&rq.id),
            Some(c),
            Some(format!("{right}: “{said}”")),
            Some(text.to_string()),
            format!(
                "The quote differs from what {right} said: {}.",
                DiffPart::inline(&diff).trim_end_matches('.')
            ),
        );
        f.diff = Some(diff);
        // a fix that would write the words already there fixes nothing
        f.correction = in_file(&article.text, c, text, (from, to))
            .filter(|&(start, end)| article.text.get(start..end) != Some(fixed.as_str()))
            .map(|(start, end)| Correction {
                start,
                end,
                replacement: fixed,
            });
        if self.speaker_id(c).is_some_and(|s| s != rq.speaker) {
            f.message.push_str(&format!(
                " It is also given to the wrong speaker ({}).",
                c.attribution.as_ref().map_or("", |a| a.speaker.as_str())
            ));
            // the speaker's fix rides along when the misattribution would
            // carry one (a named speaker, never a guessed one): otherwise
            // the next `--write` would find the misattribution and write
            // again
            // (a misread name is never replaced: the quote's fix goes alone)
            let credit = self.misattributed(c, &rq.id, &rq.speaker, String::new());
            let misread =
                super::correct::misread_mention(&article.text, c, &self.reference.lexicon);
            let credit = credit.correction.filter(|_| misread.is_none());
            f.correction = super::correct::joined(&article.text, f.correction.take(), credit);
        }
        out.push(f);
    }
}
