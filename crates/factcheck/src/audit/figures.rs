//! Figures of many articles about one thing: those that cannot both hold
//! (a conflict), and the same figure credited to different sources.
//! Figures are bucketed by metric and the people counted, sorted by date,
//! and each is compared only with the next few of its bucket inside the
//! window: linear in the archive.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;

use super::names::Names;
use super::{AuditFinding, Cited, Kind};
use crate::lexicon::Lexicon;
use crate::model::{ArticleClaims, Claim, Qualifier, Resolution, Severity};

/// How many later figures of its bucket one figure is compared with.
pub const MAX_NEIGHBOURS: usize = 256;

/// Two figures further apart than this factor count different things (a
/// war's toll against one attack's): no conflict is claimed between them.
const MAX_FACTOR: f64 = 5.0;

/// Metrics whose counts only grow as an event goes on: the dead, the
/// injured. (The displaced return, the missing are found, the detained
/// are freed: their counts may fall.)
pub(super) const CUMULATIVE: [&str; 2] = ["killed", "injured"];

/// A figure as the audit compares it.
pub(super) struct Figure<'a> {
    pub(super) article: &'a ArticleClaims,
    pub(super) date: NaiveDate,
    pub(super) claim: &'a Claim,
    value: f64,
    pub(super) low: f64,
    pub(super) high: f64,
    pub(super) names: BTreeSet<String>,
    /// The source the article credits by name (normalised), if any.
    source: Option<String>,
}

/// A metric and the people counted (one word, or none for people at
/// large), with its figures.
pub(super) type Bucket<'a> = ((String, Option<String>), Vec<Figure<'a>>);

/// Who was counted, as one word for a bucket: a subject's synonym group
/// reads as one member ("kids" as "children"); "people" as none.
fn subject_key(subject: Option<&str>, lexicon: &Lexicon) -> Option<String> {
    let s = subject?.to_lowercase();
    if s == "people" || s == "person" || lexicon.synonyms("people", &s) {
        return None;
    }
    Some(lexicon.subject_head(&s).unwrap_or(s))
}

/// The attribution of a claim whose speaker the article names (never a
/// guessed one).
pub(super) fn named(c: &Claim) -> Option<&crate::model::Attribution> {
    c.attribution
        .as_ref()
        .filter(|a| matches!(a.resolved, Resolution::Named | Resolution::Alias))
}

/// The source a claim names (never a guessed one), normalised.
pub(super) fn named_source(c: &Claim) -> Option<String> {
    named(c).map(|a| crate::lang::names::normalise_name(&a.speaker))
}

fn cited(f: &Figure) -> Cited {
    let q = f.claim.quantity.as_ref();
    Cited {
        article: f.article.path.clone(),
        date: f.date,
        span: f.claim.span,
        words: q.map(|q| super::one_spaced(&q.phrase)).unwrap_or_default(),
        interval: Some([
            f.low.is_finite().then_some(f.low),
            f.high.is_finite().then_some(f.high),
        ]),
        source: f.claim.attribution.as_ref().map(|a| a.speaker.clone()),
    }
}

/// Who a figure counts, as the article words it ("children").
pub(super) fn shown_subject(f: &Figure) -> Option<String> {
    f.claim.quantity.as_ref()?.subject.clone()
}

/// Why `a` (earlier, or the same day) and `b` conflict, if they do, and
/// how sure that is: a later count of a toll that only grows that is lower
/// is an error; two counts of one day a warning (a toll may rise between
/// the morning's report and the evening's).
fn conflict(metric: &str, a: &Figure, b: &Figure) -> Option<(&'static str, Severity)> {
    if a.low.max(b.low) <= a.high.min(b.high) {
        return None;
    }
    let (small, large) = (a.value.min(b.value), a.value.max(b.value));
    if small < 1.0 || large > MAX_FACTOR * small {
        return None;
    }
    // a toll that only grows may be higher later, never lower; any other
    // count (the displaced return home, the detained are freed) may move
    // either way from one day to the next: only one day's counts conflict
    let grows = CUMULATIVE.contains(&metric);
    if b.date > a.date && (!grows || b.low > a.high) {
        return None;
    }
    Some(if b.date > a.date {
        (
            "a later count of a toll that only grows is lower",
            Severity::Error,
        )
    } else if grows {
        (
            "counts of the same day that cannot both hold, unless the toll rose that day",
            Severity::Warning,
        )
    } else {
        (
            "counts of the same day that cannot both hold",
            Severity::Warning,
        )
    })
}

/// Whether two named sources are surely different ones: their names share
/// no word of meaning ("Russia's defense ministry" and "the Ministry of
/// Defence" share "ministry": maybe one), nor a word's stem of four
/// letters or more ("the Iranian news agency IRNA" and "Iran").
fn other_source(a: &str, b: &str, lexicon: &Lexicon) -> bool {
    // (a name's first words: a hostile name of thousands of words is not
    // compared word by word with another)
    let words = |s: &str| -> Vec<String> {
        crate::compare::words::content_words(s)
            .into_iter()
            .filter(|w| !lexicon.is_small_word(w))
            .take(16)
            .collect()
    };
    let akin = |x: &str, y: &str| {
        let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
        short == long || short.chars().count() >= 4 && long.starts_with(short)
    };
    let (a, b) = (words(a), words(b));
    !a.iter().any(|x| b.iter().any(|y| akin(x, y)))
}

/// Each claim's zone of its sentence (byte range of `text`): from the end
/// of the figure before it in the sentence to the start of the one after
/// ("the toll in Angur Adar rose to 23 and the toll in Teri Mangal to 81":
/// each place goes with its own figure). The whole sentence for a claim
/// that is no figure or the only one.
fn zones(claims: &[Claim]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = claims.iter().map(|c| (0, c.text.len())).collect();
    // each sentence's figures in the order they stand (their spans), each
    // phrase found after the one before ("10 killed in A and 10 killed in
    // B": the second "10 killed" is the second figure's): linear in the
    // sentence, however many figures it holds
    let mut by_sentence: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        if c.quantity.is_some() {
            by_sentence.entry(c.text.as_str()).or_default().push(i);
        }
    }
    for (text, mut figures) in by_sentence {
        figures.sort_by_key(|&i| claims[i].span.start);
        let mut cursor = 0;
        let mut placed: Vec<(usize, usize, usize)> = Vec::with_capacity(figures.len());
        for i in figures {
            let phrase = claims[i]
                .quantity
                .as_ref()
                .map_or("", |q| q.phrase.as_str());
            let Some(at) = text.get(cursor..).and_then(|rest| rest.find(phrase)) else {
                continue;
            };
            let start = cursor + at;
            cursor = start + phrase.len();
            placed.push((i, start, cursor));
        }
        for k in 0..placed.len() {
            let from = k.checked_sub(1).map_or(0, |p| placed[p].2);
            let to = placed.get(k + 1).map_or(text.len(), |n| n.1);
            out[placed[k].0] = (from.min(placed[k].1), to.max(placed[k].2));
        }
    }
    out
}

/// The figures of the archive worth comparing, by bucket (metric and the
/// people counted), each bucket sorted by date, article and place.
pub(super) fn buckets<'a>(
    articles: &'a [ArticleClaims],
    names: &Names,
    lexicon: &Lexicon,
) -> Vec<Bucket<'a>> {
    let mut buckets: HashMap<(String, Option<String>), Vec<Figure>> = HashMap::new();
    for a in articles {
        let Some(date) = a.date else { continue };
        let zones = zones(&a.claims);
        for (c, &zone) in a.claims.iter().zip(&zones) {
            let Some(q) = &c.quantity else { continue };
            // (a share, a part of a total, an order of magnitude, or a
            // count that adds to another — "another two", "two more" — is
            // no toll of its own)
            let adds = q
                .phrase
                .split_whitespace()
                .any(|w| lexicon.additive_words.contains(w.to_lowercase().as_str()));
            if q.unit.is_some() || q.part || adds || q.qualifier == Qualifier::Vague {
                continue;
            }
            buckets
                .entry((q.metric.clone(), subject_key(q.subject.as_deref(), lexicon)))
                .or_default()
                .push(Figure {
                    article: a,
                    date,
                    claim: c,
                    value: q.value.0,
                    low: q.interval[0].map_or(f64::NEG_INFINITY, |n| n.0),
                    high: q.interval[1].map_or(f64::INFINITY, |n| n.0),
                    names: names.of_claim(c, zone),
                    source: named_source(c),
                });
        }
    }
    let mut out: Vec<_> = buckets.into_iter().collect();
    out.sort_by(|x, y| x.0.cmp(&y.0));
    for (_, list) in &mut out {
        list.sort_by(|x, y| {
            (x.date, &x.article.path, x.claim.span.start).cmp(&(
                y.date,
                &y.article.path,
                y.claim.span.start,
            ))
        });
    }
    out
}

/// The root of `i`'s set in a union-find forest (halving the path).
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Conflicting figures and disagreeing sources among `buckets`, one
/// finding of each kind per pair of articles and bucket. Returns the
/// groups the figures form — figures of two articles or more tied
/// together (one bucket, a name in common, dates within the window) — as
/// a bucket's index and its figures' indices, in date order.
pub(super) fn compare(
    buckets: &[Bucket],
    (names, lexicon): (&Names, &Lexicon),
    window_days: i64,
    (out, crowded): (&mut Vec<AuditFinding>, &mut bool),
) -> Vec<(usize, Vec<usize>)> {
    let mut groups = Vec::new();
    for (k, ((metric, subject), list)) in buckets.iter().enumerate() {
        // (articles by their place in the archive, not their path: two
        // records may share an id)
        let mut seen: HashSet<(Kind, usize, usize)> = HashSet::new();
        let mut parent: Vec<usize> = (0..list.len()).collect();
        // the bucket's figures under each of their names, in date order: a
        // figure meets only those that share a name (a telling name is in
        // few articles, so the lists are short and the neighbour bound is
        // seldom reached; a busy day of other events crowds out nothing)
        let mut by_name: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
        for (i, f) in list.iter().enumerate() {
            for n in &f.names {
                by_name.entry(n.as_str()).or_default().push(i);
            }
        }
        // the pairs to compare: in each name's list, each figure with the
        // next ones inside the window; then in the order of the bucket
        let mut met: HashSet<(usize, usize)> = HashSet::new();
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for tied in by_name.values() {
            for (x, &i) in tied.iter().enumerate() {
                *crowded |= super::crowded(tied, x, |&t| list[t].date, window_days);
                for &j in tied[x + 1..].iter().take(MAX_NEIGHBOURS) {
                    if (list[j].date - list[i].date).num_days() > window_days {
                        break;
                    }
                    if !std::ptr::eq(list[i].article, list[j].article) && met.insert((i, j)) {
                        pairs.push((i, j));
                    }
                }
            }
        }
        pairs.sort_unstable();
        for (i, j) in pairs {
            let (a, b) = (&list[i], &list[j]);
            {
                let shared: BTreeSet<String> = a.names.intersection(&b.names).cloned().collect();
                let (x, y) = (root(&mut parent, i), root(&mut parent, j));
                parent[x.max(y)] = x.min(y);
                let pair = (super::address(a.article), super::address(b.article));
                // (the shared names as the sentence writes them, and the
                // message: made only for a finding, never for every pair tied)
                let finding = |kind: Kind, severity: Severity, why: &str| {
                    let about = names.phrases(&a.claim.text, &shared);
                    let what = match (subject, shown_subject(a)) {
                        (Some(_), Some(s)) => format!("{metric} ({s})"),
                        _ => metric.clone(),
                    };
                    AuditFinding {
                        kind,
                        severity,
                        metric: Some(metric.clone()),
                        subject: shown_subject(a),
                        message: format!("{what} — {}: {why}.", about.join(", ")),
                        about,
                        cited: vec![cited(a), cited(b)],
                        diff: None,
                    }
                };
                // (past the findings bound the groups are still counted)
                if out.len() >= super::MAX_FINDINGS {
                    continue;
                }
                if let Some((why, severity)) = conflict(metric, a, b) {
                    if seen.insert((Kind::ConflictingFigures, pair.0, pair.1)) {
                        out.push(finding(Kind::ConflictingFigures, severity, why));
                    }
                    continue;
                }
                let same = a.low == b.low && a.high == b.high && a.value == b.value;
                if let (true, Some(x), Some(y)) = (same, &a.source, &b.source) {
                    if other_source(x, y, lexicon)
                        && seen.insert((Kind::DisagreeingSources, pair.0, pair.1))
                    {
                        out.push(finding(
                            Kind::DisagreeingSources,
                            Severity::Warning,
                            "the same figure is credited to different sources",
                        ));
                    }
                }
            }
        }
        let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
        for i in 0..list.len() {
            members.entry(root(&mut parent, i)).or_default().push(i);
        }
        let mut found: Vec<Vec<usize>> = members.into_values().filter(|m| m.len() > 1).collect();
        found.sort();
        groups.extend(found.into_iter().map(|m| (k, m)));
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_differ_only_when_their_names_share_no_word_or_stem() {
        let lx = Lexicon::default_ref();
        assert!(!other_source("the Iranian news agency IRNA", "Iran", lx));
        assert!(!other_source(
            "Russia's defense ministry",
            "the Ministry of Defence",
            lx
        ));
        assert!(!other_source("the health ministry", "ministry", lx));
        assert!(other_source("Civil Defence", "Syrian rescue workers", lx));
        // ("the" and "of" are no words of meaning)
        assert!(other_source(
            "the Red Cross",
            "the regional health office",
            lx
        ));
    }
}
