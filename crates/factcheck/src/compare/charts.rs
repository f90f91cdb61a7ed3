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
        let mut out = Vec::new();
        for fact in &self.reference.facts {
            let Accepted::Series(entries, _) = &fact.accepted else {
                continue;
            };
            let mut points: Vec<ChartPoint> = checked
                .iter()
                .flat_map(|&(report, date)| {
                    report
                        .findings
                        .iter()
                        .filter(|f| f.fact.as_deref() == Some(fact.id.as_str()))
                        .filter_map(move |f| {
                            let c = f.claim.as_ref()?;
                            let q = c.quantity.as_ref()?;
                            Some(ChartPoint {
                                article: report.path.clone(),
                                date,
                                span: c.span,
                                words: q.phrase.split_whitespace().collect::<Vec<_>>().join(" "),
                                value: q.value.0,
                                interval: [q.interval[0].map(|n| n.0), q.interval[1].map(|n| n.0)],
                                status: f.status,
                            })
                        })
                })
                .collect();
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
