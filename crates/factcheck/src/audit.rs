//! The archive as its own first reference (issue 19; the first part:
//! conflicting figures). Figures of many articles are grouped when they
//! are about the same thing — the same metric, subjects that are one
//! (children, kids), dates within a window, and a proper name of the
//! sentence in common (the place or event: "Aleppo", "Khan Sheikhoun") —
//! and two figures of a group conflict when their intervals cannot both
//! hold: a later count of a cumulative toll may be higher, never lower.
//! Claims are bucketed by metric and subject and compared only within the
//! date window, at most [`MAX_NEIGHBOURS`] each, so the work is linear in
//! the archive.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use crate::lexicon::Lexicon;
use crate::model::{ArticleClaims, Claim, Span};

/// A name found with more figures of a bucket than this (or than one in
/// fifty of them) is too common to tie two figures to one event.
const COMMON_AT_LEAST: usize = 8;

/// How many later figures of its bucket one figure is compared with.
pub const MAX_NEIGHBOURS: usize = 256;

/// Metrics whose counts only grow as an event goes on: the dead, the
/// injured. (The displaced return, the missing are found, the detained
/// are freed: their counts may fall.)
const CUMULATIVE: [&str; 2] = ["killed", "injured"];

/// One article's figure, as an audit cites it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cited {
    /// The article's path or record id.
    pub article: String,
    /// The article's date.
    pub date: NaiveDate,
    /// Where the figure stands.
    pub span: Span,
    /// The figure's words ("at least 140 children killed").
    pub phrase: String,
    /// What it allows: `[low, high]` (`null` for unbounded).
    pub interval: [Option<f64>; 2],
}

/// Two figures about the same thing that cannot both be right.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    /// The metric counted.
    pub metric: String,
    /// Who was counted, if the figures say.
    pub subject: Option<String>,
    /// The names the two sentences share (the place or event).
    pub about: Vec<String>,
    /// The earlier figure, then the later (by date, then by path).
    pub figures: [Cited; 2],
    /// Why they conflict, in a sentence.
    pub why: String,
}

/// What `audit` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditReport {
    /// The output contract's version.
    pub version: u32,
    /// Articles read, and those without a date (their figures are not compared).
    pub articles: usize,
    /// Articles with no date.
    pub undated: usize,
    /// Dated figures compared.
    pub figures: usize,
    /// The conflicts, by the earlier figure's date and article.
    pub conflicts: Vec<Conflict>,
}

/// A figure as the audit compares it.
struct Figure<'a> {
    article: &'a ArticleClaims,
    date: NaiveDate,
    claim: &'a Claim,
    low: f64,
    high: f64,
    names: BTreeSet<String>,
}

/// The proper names of a claim's sentence, lower-cased: capitalised words
/// past the first that are no closed-class word, month or weekday.
fn names(claim: &Claim, lexicon: &Lexicon) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    // (the source's own name says who counted, not what was counted: two
    // tolls from one monitor are not one toll)
    let source: BTreeSet<String> = claim
        .attribution
        .as_ref()
        .map(|a| {
            a.mention
                .split_whitespace()
                .chain(a.speaker.split_whitespace())
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                })
                .collect()
        })
        .unwrap_or_default();
    for (i, w) in claim.text.split_whitespace().enumerate() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = w.to_lowercase();
        if i == 0
            || !w.starts_with(char::is_uppercase)
            || w.len() < 3
            || lexicon.not_names.contains(lower.as_str())
            || lexicon.months.contains(lower.as_str())
            || source.contains(&lower)
        {
            continue;
        }
        out.insert(lower);
    }
    if let Some(p) = claim.quantity.as_ref().and_then(|q| q.place.as_ref()) {
        out.insert(p.to_lowercase());
    }
    out
}

/// Who was counted, as one word for a bucket: a subject's synonym group
/// reads as its first member ("kids" as "children"); "people" as none.
fn subject_key(subject: Option<&str>, lexicon: &Lexicon) -> Option<String> {
    let s = subject?.to_lowercase();
    if s == "people" || s == "person" || lexicon.synonyms("people", &s) {
        return None;
    }
    Some(lexicon.subject_head(&s).unwrap_or(s))
}

fn cited(f: &Figure) -> Cited {
    let q = f.claim.quantity.as_ref();
    Cited {
        article: f.article.path.clone(),
        date: f.date,
        span: f.claim.span,
        phrase: q.map(|q| q.phrase.clone()).unwrap_or_default(),
        interval: [
            f.low.is_finite().then_some(f.low),
            f.high.is_finite().then_some(f.high),
        ],
    }
}

/// Why `a` (earlier or the same day) and `b` conflict, if they do.
fn conflict(metric: &str, a: &Figure, b: &Figure) -> Option<String> {
    let overlap = a.low.max(b.low) <= a.high.min(b.high);
    if overlap {
        return None;
    }
    let grows = CUMULATIVE.contains(&metric);
    if grows && b.date > a.date && b.low > a.high {
        // (a later, higher count of a toll that only grows)
        return None;
    }
    Some(if grows && b.date > a.date {
        "a later count of a toll that only grows is lower".to_string()
    } else if a.date == b.date {
        "counts of the same day that cannot both hold".to_string()
    } else {
        "counts within the window that cannot both hold".to_string()
    })
}

/// Audit `articles`: the conflicting figures among those dated within
/// `window_days` of each other.
pub fn audit(articles: &[ArticleClaims], lexicon: &Lexicon, window_days: i64) -> AuditReport {
    let mut buckets: HashMap<(String, Option<String>), Vec<Figure>> = HashMap::new();
    let mut figures = 0;
    for a in articles {
        let Some(date) = a.date else { continue };
        for c in &a.claims {
            let Some(q) = &c.quantity else { continue };
            // (a share, a part of a total, a percentage, or a count that adds
            // to another — "another two", "two more" — is no toll of its own)
            let adds = q
                .phrase
                .split_whitespace()
                .any(|w| lexicon.additive_words.contains(w.to_lowercase().as_str()));
            if q.unit.is_some() || q.part || adds {
                continue;
            }
            let low = q.interval[0].map_or(f64::NEG_INFINITY, |n| n.0);
            let high = q.interval[1].map_or(f64::INFINITY, |n| n.0);
            figures += 1;
            buckets
                .entry((q.metric.clone(), subject_key(q.subject.as_deref(), lexicon)))
                .or_default()
                .push(Figure {
                    article: a,
                    date,
                    claim: c,
                    low,
                    high,
                    names: names(c, lexicon),
                });
        }
    }
    let mut conflicts = Vec::new();
    let mut keys: Vec<_> = buckets.keys().cloned().collect();
    keys.sort();
    for key in keys {
        let list = buckets.get_mut(&key).expect("a key of the map");
        // a name most figures of the bucket share ("Syria", "Aleppo" in an
        // archive of the Syrian war) says nothing of which event a figure
        // counts: only the rarer names tie two figures
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for f in list.iter() {
            for n in &f.names {
                *seen.entry(n.as_str()).or_default() += 1;
            }
        }
        let common_at = (list.len() / 50).max(COMMON_AT_LEAST);
        let common: BTreeSet<String> = seen
            .into_iter()
            .filter(|&(_, k)| k > common_at)
            .map(|(n, _)| n.to_string())
            .collect();
        for f in list.iter_mut() {
            f.names.retain(|n| !common.contains(n));
        }
        list.sort_by(|x, y| {
            (x.date, &x.article.path, x.claim.span.start).cmp(&(
                y.date,
                &y.article.path,
                y.claim.span.start,
            ))
        });
        for (i, a) in list.iter().enumerate() {
            for b in list[i + 1..].iter().take(MAX_NEIGHBOURS) {
                if (b.date - a.date).num_days() > window_days {
                    break;
                }
                if std::ptr::eq(a.article, b.article) {
                    continue;
                }
                let about: Vec<String> = a.names.intersection(&b.names).cloned().collect();
                if about.is_empty() {
                    continue;
                }
                if let Some(why) = conflict(&key.0, a, b) {
                    conflicts.push(Conflict {
                        metric: key.0.clone(),
                        subject: key.1.clone(),
                        about,
                        figures: [cited(a), cited(b)],
                        why,
                    });
                }
            }
        }
    }
    conflicts.sort_by(|x, y| {
        (
            x.figures[0].date,
            &x.figures[0].article,
            x.figures[0].span.start,
        )
            .cmp(&(
                y.figures[0].date,
                &y.figures[0].article,
                y.figures[0].span.start,
            ))
    });
    AuditReport {
        version: 1,
        articles: articles.len(),
        undated: articles.iter().filter(|a| a.date.is_none()).count(),
        figures,
        conflicts,
    }
}

impl std::fmt::Display for AuditReport {
    /// One line per conflict, then a summary line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::report::visible::one_line;
        for c in &self.conflicts {
            let who = c
                .subject
                .as_deref()
                .map(|s| format!(" {s}"))
                .unwrap_or_default();
            writeln!(
                f,
                "conflict[{}{who}] about {}: {}",
                c.metric,
                c.about.join(", "),
                c.why
            )?;
            for x in &c.figures {
                writeln!(
                    f,
                    "  {}:{}:{} ({}) “{}”",
                    one_line(&x.article),
                    x.span.line,
                    x.span.column,
                    x.date,
                    one_line(&x.phrase)
                )?;
            }
        }
        let s = if self.conflicts.len() == 1 { "" } else { "s" };
        writeln!(
            f,
            "{} articles ({} undated), {} dated figures: {} conflict{s}",
            self.articles,
            self.undated,
            self.figures,
            self.conflicts.len()
        )
    }
}
