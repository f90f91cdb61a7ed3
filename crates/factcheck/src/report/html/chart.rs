//! A `series` fact as a small chart: the reference's values over time as a
//! step line, each article's figure as a point with its interval as a bar,
//! coloured by status — inline SVG, no script — and beside it a table with
//! the same numbers, so the chart is never the only way to read them.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::escape;
use crate::model::SeriesChart;
use crate::report::status;

/// The drawing's width and height, in SVG units.
const W: f64 = 640.0;
const H: f64 = 260.0;
/// The plot's margins: room for the axes' labels.
const LEFT: f64 = 56.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 40.0;

/// A number as a chart labels it: whole numbers without decimals.
fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v:.2}")
    }
}

/// One chart and its table, as a `<figure>`; `held` names what the line
/// stands for ("the reference's values").
pub(super) fn chart_html(out: &mut String, c: &SeriesChart, k: usize, held: &str) {
    let dates: Vec<NaiveDate> = c
        .series
        .iter()
        .map(|s| s.as_of)
        .chain(c.points.iter().filter_map(|p| p.date))
        .collect();
    let (Some(&first), Some(&last)) = (dates.iter().min(), dates.iter().max()) else {
        return;
    };
    // (half a day of room either side: no point sits on an axis)
    let days = (last - first).num_days() as f64 + 1.0;
    let top = c
        .series
        .iter()
        .map(|s| s.value)
        .chain(c.points.iter().flat_map(|p| {
            [Some(p.value), p.interval[0], p.interval[1]]
                .into_iter()
                .flatten()
        }))
        .filter(|v| v.is_finite())
        .fold(0.0f64, f64::max)
        .max(1.0)
        * 1.15;
    let x = |d: NaiveDate| LEFT + ((d - first).num_days() as f64 + 0.5) / days * (W - LEFT - RIGHT);
    let y = |v: f64| TOP + (1.0 - v.clamp(0.0, top) / top) * (H - TOP - BOTTOM);
    let what = match &c.subject {
        Some(s) => format!("{} ({})", c.metric, s),
        None => c.metric.clone(),
    };
    let _ = write!(
        out,
        "<figure class=\"chart\" id=\"chart-{k}\">\n<figcaption><code>{}</code>: {} over time — {held} (line) and each article's figure (point, with the values it allows as a bar)</figcaption>\n<div class=\"chart-cols\">\n<svg viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\" role=\"img\" aria-labelledby=\"chart-{k}-title\"><title id=\"chart-{k}-title\">{}: {held} and the articles' figures</title>\n",
        escape(&c.fact),
        escape(&what),
        escape(&c.fact),
        held = escape(held),
    );
    // axes, with the first and last date and the top value
    let (x0, y0) = (LEFT, H - BOTTOM);
    let _ = writeln!(
        out,
        "<g class=\"axis\"><line x1=\"{x0}\" y1=\"{y0}\" x2=\"{}\" y2=\"{y0}\"/><line x1=\"{x0}\" y1=\"{TOP}\" x2=\"{x0}\" y2=\"{y0}\"/><text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\">{first}</text><text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\">{last}</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\">0</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text></g>",
        W - RIGHT,
        x(first),
        H - BOTTOM + 18.0,
        x(last),
        H - BOTTOM + 18.0,
        LEFT - 6.0,
        y0,
        LEFT - 6.0,
        TOP + 10.0,
        num(top / 1.15),
    );
    // the reference's values as a step line to the last date
    let mut path = String::new();
    for (i, s) in c.series.iter().enumerate() {
        let (px, py) = (x(s.as_of), y(s.value));
        if i == 0 {
            let _ = write!(path, "M{px:.1} {py:.1}");
        } else {
            let _ = write!(path, " H{px:.1} V{py:.1}");
        }
    }
    let _ = write!(path, " H{:.1}", W - RIGHT);
    let _ = writeln!(out, "<path class=\"step\" d=\"{path}\"/>");
    // each dated figure: its interval as a bar, its number as a point
    for p in c.points.iter() {
        let Some(d) = p.date else { continue };
        let px = x(d);
        let (low, high) = (p.interval[0].unwrap_or(0.0), p.interval[1].unwrap_or(top));
        let st = p.status.as_str();
        let _ = writeln!(
            out,
            "<g class=\"status-{st}\"><line class=\"bar\" x1=\"{px:.1}\" y1=\"{:.1}\" x2=\"{px:.1}\" y2=\"{:.1}\"/><circle class=\"pt\" cx=\"{px:.1}\" cy=\"{:.1}\" r=\"5\"><title>{d} {}: “{}” ({})</title></circle></g>",
            y(low),
            y(high),
            y(p.value),
            escape(&p.article),
            escape(&p.words),
            status::tag(p.status),
        );
    }
    out.push_str("</svg>\n<table class=\"chart-table\">\n<thead><tr><th>date</th><th>article</th><th>figure</th><th>allows</th><th>status</th><th>held</th></tr></thead>\n<tbody>\n");
    // the same numbers as text: each figure beside the value the reference
    // holds on its date
    for p in &c.points {
        let held = p
            .date
            .and_then(|d| {
                // (the latest value on or before the date: the series is sorted)
                let k = c.series.partition_point(|s| s.as_of <= d);
                k.checked_sub(1).map(|k| &c.series[k])
            })
            .map_or("—".to_string(), |s| {
                format!("{} (as of {})", num(s.value), s.as_of)
            });
        let allows = format!(
            "{}–{}",
            p.interval[0].map_or("…".into(), num),
            p.interval[1].map_or("…".into(), num)
        );
        let _ = writeln!(
            out,
            "<tr class=\"status-{st}\"><td>{}</td><td>{}:{}</td><td>“{}”</td><td>{allows}</td><td><span class=\"tag status-{st}\">{}</span></td><td>{held}</td></tr>",
            p.date.map_or("undated".into(), |d| d.to_string()),
            escape(&p.article),
            p.span.line,
            escape(&p.words),
            status::tag(p.status),
            st = p.status.as_str(),
        );
    }
    out.push_str("</tbody>\n</table>\n</div>\n</figure>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ChartPoint, SeriesValue, Span, Status};

    #[test]
    fn text_from_an_article_or_a_reference_stays_text_in_the_chart() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let chart = SeriesChart {
            fact: "f\"><script>x</script>".into(),
            metric: "killed".into(),
            subject: Some("<b>children</b>".into()),
            series: vec![SeriesValue {
                as_of: day(1),
                value: 10.0,
            }],
            points: vec![ChartPoint {
                article: "a<img src=x onerror=y>.md".into(),
                date: Some(day(2)),
                span: Span {
                    start: 0,
                    end: 1,
                    line: 1,
                    column: 1,
                },
                words: "</svg><script>alert(1)</script> 12 killed".into(),
                value: 12.0,
                interval: [Some(12.0), None],
                status: Status::Mismatch,
            }],
        };
        let mut out = String::new();
        chart_html(&mut out, &chart, 1, "the reference's values");
        assert!(
            !out.contains("<script") && !out.contains("<img") && !out.contains("<b>"),
            "{out}"
        );
        assert_eq!(out.matches("</svg>").count(), 1, "{out}");
        assert!(out.contains("&lt;/svg&gt;&lt;script&gt;"), "{out}");
    }
}
