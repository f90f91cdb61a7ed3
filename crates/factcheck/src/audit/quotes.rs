//! The same speaker quoted with different words for what is the same
//! quote: most of its words in order, not word for word, and neither an
//! excerpt of the other. Quotes are bucketed by speaker (named by the
//! article, never guessed) and compared within the window.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::figures::{named_source, MAX_NEIGHBOURS};
use super::{AuditFinding, Cited, Kind};
use crate::compare::drafts::word_diff;
use crate::compare::words::{common_in_order, shared_words};
use crate::model::{ArticleClaims, Claim, Severity};

/// Quotes shorter than this many words are too short to tell a drift from
/// another remark.
const MIN_WORDS: usize = 6;

/// Quotes longer than this many words, or than [`MAX_QUOTE_BYTES`], are
/// not compared: a speech is no quote to drift, and its diff could be
/// thousands of words per pair.
const MAX_WORDS: usize = 200;

/// See [`MAX_WORDS`].
const MAX_QUOTE_BYTES: usize = 4_000;

/// The share of the longer quote's words the two must give in order.
const SAME_QUOTE: f64 = 0.6;

/// Word pairs aligned, over the whole audit, before drifting quotes stop
/// being compared: a hostile archive of a hundred thousand near-identical
/// quotes of one speaker would ask for 10¹² (a real archive of 25,000
/// articles asks for a few million).
pub const MAX_DRIFT_CELLS: u64 = 400_000_000;

struct Quote<'a> {
    article: &'a ArticleClaims,
    date: NaiveDate,
    claim: &'a Claim,
    text: &'a str,
    words: Vec<String>,
    /// `words`, sorted: how many the two quotes share bounds how many
    /// they share in order.
    sorted: Vec<String>,
}

/// A quote's words, if it is short enough to compare (see [`MAX_WORDS`]).
fn words(s: &str) -> Option<Vec<String>> {
    if s.len() > MAX_QUOTE_BYTES {
        return None;
    }
    let words = crate::compare::words::content_words(s);
    (words.len() <= MAX_WORDS).then_some(words)
}

/// Whether `short` is a run of `long`'s words.
fn excerpt(short: &[String], long: &[String]) -> bool {
    short.is_empty() || long.windows(short.len()).any(|w| w == short)
}

fn cited(q: &Quote) -> Cited {
    Cited {
        article: q.article.path.clone(),
        date: q.date,
        span: q.claim.span,
        words: super::one_spaced(q.text),
        interval: None,
        source: q.claim.attribution.as_ref().map(|a| a.speaker.clone()),
    }
}

/// Drifting quotes among the dated articles' quotes; `crowded` set when
/// more than [`MAX_NEIGHBOURS`] quotes fell in one's window. Returns
/// whether the comparisons stopped at [`MAX_DRIFT_CELLS`].
pub(super) fn drifting(
    articles: &[ArticleClaims],
    window_days: i64,
    (out, crowded): (&mut Vec<AuditFinding>, &mut bool),
) -> bool {
    let mut cells: u64 = 0;
    let mut by_speaker: HashMap<String, Vec<Quote>> = HashMap::new();
    for a in articles {
        let Some(date) = a.date else { continue };
        for c in &a.claims {
            let (Some(text), Some(speaker)) = (c.quote.as_deref(), named_source(c)) else {
                continue;
            };
            let Some(words) = words(text) else { continue };
            if words.len() >= MIN_WORDS {
                let mut sorted = words.clone();
                sorted.sort_unstable();
                by_speaker.entry(speaker).or_default().push(Quote {
                    article: a,
                    date,
                    claim: c,
                    text,
                    words,
                    sorted,
                });
            }
        }
    }
    let mut speakers: Vec<_> = by_speaker.into_iter().collect();
    speakers.sort_by(|x, y| x.0.cmp(&y.0));
    for (speaker, mut list) in speakers {
        list.sort_by(|x, y| {
            (x.date, &x.article.path, x.claim.span.start).cmp(&(
                y.date,
                &y.article.path,
                y.claim.span.start,
            ))
        });
        let mut seen: HashSet<(usize, usize, &str)> = HashSet::new();
        for (i, a) in list.iter().enumerate() {
            *crowded |= super::crowded(&list, i, |q| q.date, window_days);
            for b in list[i + 1..].iter().take(MAX_NEIGHBOURS) {
                if (b.date - a.date).num_days() > window_days {
                    break;
                }
                if out.len() >= super::MAX_FINDINGS {
                    return false;
                }
                if std::ptr::eq(a.article, b.article) || a.words == b.words {
                    continue;
                }
                let (short, long) = if a.words.len() <= b.words.len() {
                    (&a.words, &b.words)
                } else {
                    (&b.words, &a.words)
                };
                // (spelling apart — "airstrikes" and "air strikes", "al-Bab"
                // and "Al Bab" — the words are the same)
                // (nor is a quote with words left out at an ellipsis)
                let elided = [a.text, b.text]
                    .iter()
                    .any(|t| t.contains("...") || t.contains('…'));
                let enough = |n: usize| n as f64 >= SAME_QUOTE * long.len() as f64;
                if !enough(shared_words(&a.sorted, &b.sorted)) {
                    continue;
                }
                // (what follows costs the two lengths' product)
                cells += (short.len() * long.len()) as u64;
                if cells > MAX_DRIFT_CELLS {
                    return true;
                }
                if excerpt(short, long) || a.words.concat() == b.words.concat() {
                    continue;
                }
                let in_order = common_in_order(short, long);
                if elided && in_order == short.len()
                    || !enough(in_order)
                    || !seen.insert((super::address(a.article), super::address(b.article), a.text))
                {
                    continue;
                }
                let name = a
                    .claim
                    .attribution
                    .as_ref()
                    .map_or(speaker.as_str(), |x| x.speaker.as_str());
                out.push(AuditFinding {
                    kind: Kind::DriftingQuote,
                    severity: Severity::Warning,
                    metric: None,
                    subject: None,
                    about: vec![name.to_string()],
                    message: format!("{name} is quoted with different words for one quote."),
                    cited: vec![cited(a), cited(b)],
                    diff: Some(word_diff(
                        &super::one_spaced(a.text),
                        &super::one_spaced(b.text),
                    )),
                });
            }
        }
    }
    false
}
