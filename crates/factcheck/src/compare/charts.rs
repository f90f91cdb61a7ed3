//! The reference's `series` facts with the figures judged against them,
//! for the report's charts.

use chrono::NaiveDate;

use super::Checker;
use crate::model::{ArticleReport, ChartPoint, SeriesChart, SeriesValue};
use crate::reference::Accepted;

impl Checker<'_> {
    /// A chart for each `series` fact of the reference that some figure of
    /// `checked` (each report with its article's date) was judged against.
    pub fn charts(&self, checked: &[(&ArticleReport, Option<NaiveDate>)]) -> Vec<SeriesChart> {
        let series: std::collections::HashSet<&str> = (self.reference.facts.iter())
            .filter(|f| matches!(f.accepted, Accepted::Series(..)))
            .map(|f| f.id.as_str())
            .collect();
        if series.is_empty() {
            return Vec::new();
        }
        // each finding visited once, filed under its series fact
        let mut by_fact: std::collections::HashMap<&str, Vec<ChartPoint>> = Default::default();
        for &(report, date) in checked {
            for f in &report.findings {
                let (Some(id), Some(c)) = (f.fact.as_deref(), f.claim.as_ref()) else {
                    continue;
                };
                if !series.contains(id) {
                    continue;
                }
                let Some(q) = c.quantity.as_ref() else {
                    continue;
                };
                by_fact.entry(id).or_default().push(ChartPoint {
                    article: report.path.clone(),
                    date,
                    span: c.span,
                    words: q.phrase.split_whitespace().collect::<Vec<_>>().join(" "),
                    value: q.value.0,
                    interval: [q.interval[0].map(|n| n.0), q.interval[1].map(|n| n.0)],
                    status: f.status,
                });
            }
        }
        let mut out = Vec::new();
        for fact in &self.reference.facts {
            let Accepted::Series(entries, _) = &fact.accepted else {
                continue;
            };
            let Some(mut points) = by_fact.remove(fact.id.as_str()) else {
                continue;
            };
            if points.is_empty() {
                continue;
            }
            points.sort_by(|a, b| {
                (a.date, &a.article, a.span.start).cmp(&(b.date, &b.article, b.span.start))
            });
            out.push(SeriesChart {
                fact: fact.id.clone(),
                metric: fact.metric.clone(),
                subject: fact.subject.clone(),
                series: entries
                    .iter()
                    .map(|&(as_of, value)| SeriesValue { as_of, value })
                    .collect(),
                points,
            });
        }
        out
    }
}
