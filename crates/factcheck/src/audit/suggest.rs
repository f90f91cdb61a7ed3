//! `audit --suggest-reference`: what the archive agrees on, as a
//! reference a curator starts from — a `series` fact for each group of
//! dated figures of a toll that only grows (a date's figures that
//! disagree, or that fall below an earlier one, are left out: that is the
//! conflict), the sources the articles name with the names they use, and
//! the quotes several articles give word for word.

use std::collections::{BTreeMap, BTreeSet};

use super::figures::{self, named, shown_subject, Figure, CUMULATIVE};
use super::names::Names;
use crate::model::{ArticleClaims, ChartPoint, SeriesChart, SeriesValue, Status};
use crate::reference::skeleton::{one_spaced, slug, source_of, unique, Ids};
use crate::reference::{FactFile, NumberText, QuoteFile, ReferenceFile, SourceFile};

/// Context names a suggested fact carries at most.
const MAX_CONTEXT: usize = 16;

/// Series entries a suggested fact carries at most (the reference's own
/// bound).
const MAX_SERIES: usize = 10_000;

/// The value a day's figures agree on: their common interval's exact
/// value, or its lower bound ("at least 14" is 14); none when they do not
/// overlap or give no number.
fn agreed(day: &[&Figure]) -> Option<f64> {
    let low = day.iter().map(|f| f.low).fold(f64::NEG_INFINITY, f64::max);
    let high = day.iter().map(|f| f.high).fold(f64::INFINITY, f64::min);
    (low <= high && low.is_finite()).then_some(low)
}

/// The names that tie a group: those two of its figures share.
fn tying(group: &[&Figure]) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut tying = BTreeSet::new();
    for f in group {
        for n in &f.names {
            if !seen.insert(n.clone()) {
                tying.insert(n.clone());
            }
        }
    }
    tying
}

/// A group's agreed values by date, oldest first: each day's agreed
/// value (see [`agreed`]) where it rises above the one before (one that
/// falls below it is the conflict, left to the curator).
fn series_of(group: &[&Figure]) -> Vec<(chrono::NaiveDate, f64)> {
    let mut by_day: BTreeMap<chrono::NaiveDate, Vec<&Figure>> = BTreeMap::new();
    for f in group {
        by_day.entry(f.date).or_default().push(f);
    }
    let mut series = Vec::new();
    let mut last = f64::NEG_INFINITY;
    for (day, figures) in &by_day {
        // (a day that repeats the value before adds nothing to the series)
        if let Some(v) = agreed(figures).filter(|&v| v > last) {
            last = v;
            series.push((*day, v));
        }
    }
    series
}

/// A chart for each group of a toll that grows: the values the archive
/// agrees on, and each figure of the group as a point — `match` when it
/// allows the value held on its date, `mismatch` when it does not.
pub(super) fn charts(
    buckets: &[figures::Bucket],
    groups: &[(usize, Vec<usize>)],
    names: &Names,
) -> Vec<SeriesChart> {
    let mut out = Vec::new();
    for (k, members) in groups {
        let ((metric, _), list) = &buckets[*k];
        if !CUMULATIVE.contains(&metric.as_str()) {
            continue;
        }
        let group: Vec<&Figure> = members.iter().map(|&i| &list[i]).collect();
        let series = series_of(&group);
        if series.is_empty() {
            continue;
        }
        let points = group
            .iter()
            .map(|f| {
                // (the latest value on or before the figure's date)
                let k = series.partition_point(|s| s.0 <= f.date);
                let held = k.checked_sub(1).map(|k| series[k].1);
                let fits = held.is_some_and(|v| f.low <= v && v <= f.high);
                let q = f.claim.quantity.as_ref();
                ChartPoint {
                    article: f.article.path.clone(),
                    date: Some(f.date),
                    span: f.claim.span,
                    words: q.map(|q| super::one_spaced(&q.phrase)).unwrap_or_default(),
                    value: q.map_or(f.low, |q| q.value.0),
                    interval: [
                        f.low.is_finite().then_some(f.low),
                        f.high.is_finite().then_some(f.high),
                    ],
                    status: if fits {
                        Status::Match
                    } else {
                        Status::Mismatch
                    },
                }
            })
            .collect();
        out.push(SeriesChart {
            fact: names
                .phrases(&group[0].claim.text, &tying(&group))
                .join(", "),
            metric: metric.clone(),
            subject: shown_subject(group[0]),
            series: series
                .into_iter()
                .map(|(as_of, value)| SeriesValue { as_of, value })
                .collect(),
            points,
        });
    }
    out
}

/// The reference the archive suggests (see the module), from the audit's
/// grouping of its figures.
pub(super) fn reference(
    articles: &[ArticleClaims],
    names: &Names,
    buckets: &[figures::Bucket],
    groups: &[(usize, Vec<usize>)],
) -> ReferenceFile {
    let mut ids = Ids::default();
    let mut sources: Vec<SourceFile> = Vec::new();
    let mut facts = Vec::new();
    for (k, members) in groups.iter() {
        let ((metric, _), list) = &buckets[*k];
        if !CUMULATIVE.contains(&metric.as_str()) {
            continue;
        }
        let group: Vec<&Figure> = members.iter().map(|&i| &list[i]).collect();
        let series: Vec<crate::reference::SeriesEntry> = series_of(&group)
            .into_iter()
            .take(MAX_SERIES)
            .map(|(day, v)| crate::reference::SeriesEntry {
                as_of: day.to_string(),
                value: NumberText::Number(v),
            })
            .collect();
        if series.is_empty() {
            continue;
        }
        for f in &group {
            if let Some(a) = named(f.claim) {
                source_of(&mut sources, &a.speaker, &a.mention, &mut ids);
            }
        }
        // (a few names say where; a reference holds at most 256 context
        // words and 10,000 series entries)
        let context: Vec<String> = names
            .phrases(&group[0].claim.text, &tying(&group))
            .into_iter()
            .take(MAX_CONTEXT)
            .collect();
        let subject = shown_subject(group[0]);
        let base = [
            context.first().map(|c| slug(c)),
            subject.as_deref().map(slug),
        ]
        .into_iter()
        .flatten()
        .chain([metric.clone()])
        .collect::<Vec<_>>()
        .join("-");
        let (first, last_day) = (group[0].date, group[group.len() - 1].date);
        facts.push(FactFile {
            id: unique(base, &mut ids),
            metric: metric.clone(),
            subject,
            value: None,
            min: None,
            max: None,
            series: Some(series),
            tolerance: None,
            unit: None,
            as_of: None,
            source: None,
            attribution: None,
            context,
            required: false,
            total: false,
            note: Some(format!(
                "from {} figures of {} articles, {first} to {last_day}",
                group.len(),
                group
                    .iter()
                    .map(|f| &f.article.path)
                    .collect::<BTreeSet<_>>()
                    .len()
            )),
        });
    }
    let quotes = shared_quotes(articles, &mut sources, &mut ids);
    ReferenceFile {
        version: 1,
        title: Some(format!(
            "What {} articles agree on (suggested by factcheck audit)",
            articles.len()
        )),
        as_of: None,
        articles: Vec::new(),
        sources,
        facts,
        quotes,
        statements: Vec::new(),
        settings: None,
        lexicon: None,
    }
}

/// The quotes that two articles or more give word for word, credited to
/// the same named speaker: each once, dated by its first article.
fn shared_quotes(
    articles: &[ArticleClaims],
    sources: &mut Vec<SourceFile>,
    ids: &mut Ids,
) -> Vec<QuoteFile> {
    type Seen<'a> = (BTreeSet<&'a str>, Option<chrono::NaiveDate>, &'a str);
    let mut seen: BTreeMap<(String, String), Seen> = BTreeMap::new();
    for a in articles {
        for c in &a.claims {
            let (Some(text), Some(who)) = (c.quote.as_deref(), named(c)) else {
                continue;
            };
            let key = (
                crate::lang::names::normalise_name(&who.speaker),
                one_spaced(text),
            );
            let entry = seen
                .entry(key)
                .or_insert((BTreeSet::new(), None, &who.speaker));
            entry.0.insert(a.path.as_str());
            entry.1 = match (entry.1, a.date) {
                (Some(x), Some(y)) => Some(x.min(y)),
                (x, y) => x.or(y),
            };
        }
    }
    let mut out = Vec::new();
    for ((_, text), (paths, date, speaker)) in seen {
        // (a few words are too few to be one quote rather than a phrase)
        if paths.len() < 2 || text.split_whitespace().count() < 4 {
            continue;
        }
        let speaker = source_of(sources, speaker, speaker, ids);
        out.push(QuoteFile {
            id: unique(format!("{speaker}-quote"), ids),
            speaker,
            text,
            as_of: date.map(|d| d.to_string()),
        });
    }
    out
}

/// The suggested reference as YAML, under a header that says what it is:
/// what the archive agrees on, not what is true.
pub fn suggest_yaml(file: &ReferenceFile) -> String {
    let yaml: String = crate::yaml::to_string(file)
        .chars()
        .filter(|&c| !crate::report::visible::is_hidden(c))
        .collect();
    format!(
        "# Reference suggested by `factcheck audit`: what the articles agree on.\n# Agreement is not truth: check each value against its source, name the\n# sources, and delete what you cannot verify.\n{yaml}"
    )
}
