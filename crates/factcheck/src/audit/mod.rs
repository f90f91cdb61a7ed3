//! The archive as its own first reference: `factcheck audit` reads many
//! articles and reports, with no curated reference, the figures about one
//! thing that cannot both hold, a speaker's quote given with different
//! words, and one figure credited to different sources.
//!
//! Claims about "the same thing" share a metric and the people counted, a
//! name of a place or event that few articles of the archive carry (see
//! [`names`]), and dates within a window. Work is bucketed by metric (or
//! speaker) and bounded per claim: linear in the archive.

mod figures;
mod names;
mod quotes;
mod suggest;

use chrono::NaiveDate;
use serde::Serialize;

use crate::lexicon::Lexicon;
use crate::model::{ArticleClaims, DiffPart, SeriesChart, Severity, Span};

pub use figures::MAX_NEIGHBOURS;

/// Charts an audit draws at most (the first groups by metric and date).
pub const MAX_CHARTS: usize = 200;

/// Findings an audit lists at most: a hostile archive of twenty thousand
/// copies of two figures that disagree would list millions of pairs (a
/// real archive of 25,000 articles gives a few dozen).
pub const MAX_FINDINGS: usize = 10_000;
pub use quotes::MAX_DRIFT_CELLS;
pub use suggest::suggest_yaml;

use crate::reference::ReferenceFile;

/// What an audit finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Two figures about one thing that cannot both hold.
    ConflictingFigures,
    /// One speaker's quote given with different words.
    DriftingQuote,
    /// The same figure credited to different sources.
    DisagreeingSources,
}

impl Kind {
    /// The name a report prints (`conflicting-figures`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::ConflictingFigures => "conflicting-figures",
            Kind::DriftingQuote => "drifting-quote",
            Kind::DisagreeingSources => "disagreeing-sources",
        }
    }
}

/// One article's claim, as an audit finding cites it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cited {
    /// The article's path or record id.
    pub article: String,
    /// The article's date.
    pub date: NaiveDate,
    /// Where the claim stands.
    pub span: Span,
    /// The figure's words ("at least 140 children killed") or the quote.
    pub words: String,
    /// What a figure allows: `[low, high]` (`null` for unbounded).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interval: Option<[Option<f64>; 2]>,
    /// Who the article credits, if anyone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// What an audit found among several articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditFinding {
    /// What was found.
    pub kind: Kind,
    /// `error` for figures that cannot both hold; `warning` otherwise.
    pub severity: Severity,
    /// The metric counted, for figures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metric: Option<String>,
    /// Who was counted, when the figures say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// What ties the claims together: the names the sentences share, or
    /// the speaker.
    pub about: Vec<String>,
    /// What is wrong, in a sentence.
    pub message: String,
    /// Every claim involved, earliest first.
    pub cited: Vec<Cited>,
    /// For a drifting quote: the earlier words against the later.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<Vec<DiffPart>>,
}

/// Whether more than [`MAX_NEIGHBOURS`] items after `list[i]` fall within
/// its window (`list` sorted by `date`): the bound then cut the comparison
/// short, which the report must say.
fn crowded<T>(
    list: &[T],
    i: usize,
    date: impl Fn(&T) -> chrono::NaiveDate,
    window_days: i64,
) -> bool {
    list.get(i + 1 + MAX_NEIGHBOURS)
        .is_some_and(|x| (date(x) - date(&list[i])).num_days() <= window_days)
}

/// An article by its place in memory: which article of the archive it is,
/// even when two records share a path.
fn address(a: &ArticleClaims) -> usize {
    a as *const ArticleClaims as usize
}

/// Words as a report shows them: hard-wrapped copy's line breaks and runs
/// of spaces as single spaces.
fn one_spaced(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What `audit` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditReport {
    /// The output contract's version.
    pub version: u32,
    /// Articles read.
    pub articles: usize,
    /// Articles with no date (their claims are not compared).
    pub undated: usize,
    /// Dated figures compared.
    pub figures: usize,
    /// Groups of figures about one thing: from two articles or more, one
    /// metric and people, a name in common, dates within the window.
    pub groups: usize,
    /// The findings, by the first claim's date, article and place.
    pub findings: Vec<AuditFinding>,
    /// Limits reached: work the audit left undone on a hostile archive
    /// (none on real copy).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub limits: Vec<String>,
    /// Each group of a toll that grows as a chart: the values the archive
    /// agrees on and its figures (drawn by the HTML report).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub charts: Vec<SeriesChart>,
}

impl AuditReport {
    /// Findings of a kind.
    pub fn count(&self, kind: Kind) -> usize {
        self.findings.iter().filter(|f| f.kind == kind).count()
    }
}

/// Audit `articles`: claims dated at most `window_days` apart are
/// compared.
pub fn audit(articles: &[ArticleClaims], lexicon: &Lexicon, window_days: i64) -> AuditReport {
    audit_with(articles, lexicon, window_days, |_, _, _| ()).0
}

/// [`audit`], and what the articles agree on as a reference (see
/// [`suggest`]): one reading of the archive for both.
pub fn audit_and_suggest(
    articles: &[ArticleClaims],
    lexicon: &Lexicon,
    window_days: i64,
) -> (AuditReport, ReferenceFile) {
    audit_with(articles, lexicon, window_days, |names, buckets, groups| {
        suggest::reference(articles, names, buckets, groups)
    })
}

/// What the articles agree on, as a reference a curator starts from: a
/// `series` fact for each toll that grows, the sources they name, the
/// quotes several give word for word.
pub fn suggest(articles: &[ArticleClaims], lexicon: &Lexicon, window_days: i64) -> ReferenceFile {
    audit_and_suggest(articles, lexicon, window_days).1
}

/// The audit, and what `also` makes of the same grouping of the archive's
/// figures (its names, buckets and groups).
fn audit_with<T>(
    articles: &[ArticleClaims],
    lexicon: &Lexicon,
    window_days: i64,
    also: impl FnOnce(&names::Names, &[figures::Bucket], &[(usize, Vec<usize>)]) -> T,
) -> (AuditReport, T) {
    let names = names::Names::of(articles, lexicon);
    let buckets = figures::buckets(articles, &names, lexicon);
    let (mut findings, mut crowded) = (Vec::new(), false);
    let groups = figures::compare(
        &buckets,
        (&names, lexicon),
        window_days,
        (&mut findings, &mut crowded),
    );
    let stopped = quotes::drifting(articles, window_days, (&mut findings, &mut crowded));
    let charts = suggest::charts(&buckets, &groups, &names);
    let more = also(&names, &buckets, &groups);
    findings.sort_by(|x, y| {
        let (a, b) = (&x.cited[0], &y.cited[0]);
        (a.date, &a.article, a.span.start, x.kind).cmp(&(b.date, &b.article, b.span.start, y.kind))
    });
    let limits: Vec<String> = [
        stopped.then(|| {
            format!(
                "drifting quotes were compared until {} million word pairs had been aligned; later quotes were not compared",
                quotes::MAX_DRIFT_CELLS / 1_000_000
            )
        }),
        crowded.then(|| {
            format!("more than {MAX_NEIGHBOURS} figures or quotes of one kind fell within one's window; each was compared with the {MAX_NEIGHBOURS} after it only")
        }),
        (charts.len() > MAX_CHARTS).then(|| {
            format!("{} groups could be charts; the first {MAX_CHARTS} are drawn", charts.len())
        }),
        (findings.len() >= MAX_FINDINGS).then(|| {
            format!("{MAX_FINDINGS} findings listed, the most an audit lists; the archive may hold more")
        }),
    ]
    .into_iter()
    .flatten()
    .collect();
    let report = AuditReport {
        version: 1,
        articles: articles.len(),
        undated: articles.iter().filter(|a| a.date.is_none()).count(),
        figures: buckets.iter().map(|b| b.1.len()).sum(),
        groups: groups.len(),
        findings,
        limits,
        charts: charts.into_iter().take(MAX_CHARTS).collect(),
    };
    (report, more)
}

impl std::fmt::Display for AuditReport {
    /// Each finding as a diagnostic naming every article involved, then a
    /// summary line. Article text passes through `one_line`: nothing raw
    /// reaches a terminal.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::report::visible::one_line;
        for x in &self.findings {
            let level = if x.severity == Severity::Error {
                "error"
            } else {
                "warning"
            };
            writeln!(f, "{level}[{}]: {}", x.kind.as_str(), one_line(&x.message))?;
            for c in &x.cited {
                let who = c
                    .source
                    .as_deref()
                    .map(|s| format!(" ({})", one_line(s)))
                    .unwrap_or_default();
                writeln!(
                    f,
                    "  --> {}:{}:{} {} “{}”{who}",
                    one_line(&c.article),
                    c.span.line,
                    c.span.column,
                    c.date,
                    one_line(&c.words)
                )?;
            }
            if let Some(diff) = &x.diff {
                writeln!(f, "  = diff: {}", one_line(&DiffPart::inline(diff)))?;
            }
        }
        for l in &self.limits {
            writeln!(f, "warning[limit]: {l}")?;
        }
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        writeln!(
            f,
            "{} ({} undated), {} in {}: {}, {}, {}",
            plural(self.articles, "article", "articles"),
            self.undated,
            plural(self.figures, "dated figure", "dated figures"),
            plural(self.groups, "group", "groups"),
            plural(
                self.count(Kind::ConflictingFigures),
                "conflict",
                "conflicts"
            ),
            plural(
                self.count(Kind::DriftingQuote),
                "drifting quote",
                "drifting quotes"
            ),
            plural(
                self.count(Kind::DisagreeingSources),
                "disagreeing source",
                "disagreeing sources"
            ),
        )
    }
}
