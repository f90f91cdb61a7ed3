//! A `series` fact of the reference beside the figures judged against it:
//! the data of the HTML report's chart (and of its table), carried in the
//! check report so every format has it.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Span, Status};

/// One dated value of a series.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SeriesValue {
    /// The date the value holds from.
    pub as_of: NaiveDate,
    /// The value.
    pub value: f64,
}

/// An article's figure judged against a series fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartPoint {
    /// The article's path.
    pub article: String,
    /// The article's date (an undated figure is listed, not drawn).
    pub date: Option<NaiveDate>,
    /// Where the figure stands.
    pub span: Span,
    /// The figure's words.
    pub words: String,
    /// The stated number.
    pub value: f64,
    /// What the figure allows: `[low, high]` (`null` for unbounded).
    pub interval: [Option<f64>; 2],
    /// The verdict.
    pub status: Status,
}

/// A series fact and the figures judged against it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesChart {
    /// The fact's id.
    pub fact: String,
    /// What is counted.
    pub metric: String,
    /// Who is counted, when the fact says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The reference's values, oldest first.
    pub series: Vec<SeriesValue>,
    /// The articles' figures, by date then article.
    pub points: Vec<ChartPoint>,
}
