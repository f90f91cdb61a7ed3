//! `--format claimreview`: schema.org ClaimReview JSON-LD for each
//! mismatch, misquote and misattribution, so a fact-check desk can publish
//! what the tool found once an editor has reviewed it.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::{Document, Format, Options, Render};
use crate::model::{CheckReport, Status};

/// A ClaimReview item per finding worth publishing.
pub struct ClaimReview;

fn verdict(s: Status) -> Option<(&'static str, u8)> {
    Some(match s {
        Status::Mismatch => ("Inaccurate figure", 2),
        Status::Misquoted => ("Misquoted", 2),
        Status::Misattributed => ("Misattributed", 2),
        _ => return None,
    })
}

/// ClaimReview items for the findings that call for one.
pub(crate) fn reviews(report: &CheckReport, date: &str) -> Vec<Value> {
    let mut out = Vec::new();
    for a in &report.articles {
        for f in &a.findings {
            let (Some((name, rating)), Some(c)) = (verdict(f.status), &f.claim) else {
                continue;
            };
            let claimed = c
                .quantity
                .as_ref()
                .map(|q| q.phrase.clone())
                .or_else(|| c.quote.clone())
                .or_else(|| c.content.clone())
                .unwrap_or_default();
            let mut item = json!({
                "@type": "Claim",
                "appearance": {"@type": "CreativeWork", "url": a.path, "text": c.text},
            });
            if let Some(att) = &c.attribution {
                item["author"] = json!({"@type": "Person", "name": att.speaker});
            }
            out.push(json!({
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "datePublished": date,
                "claimReviewed": claimed,
                "itemReviewed": item,
                "author": {"@type": "Organization", "name": "factcheck (draft, for editorial review)"},
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": rating,
                    "bestRating": 5,
                    "worstRating": 1,
                    "alternateName": name,
                },
                "reviewBody": f.message,
                "isBasedOn": a.reference,
            }));
        }
    }
    out
}

impl Render for ClaimReview {
    fn render(&self, doc: &Document, _: &Options, out: &mut dyn Write) -> io::Result<()> {
        let report = doc.checked(Format::Claimreview)?;
        // SOURCE_DATE_EPOCH makes the output reproducible
        let secs = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs() as i64)
            });
        let date = chrono::DateTime::from_timestamp(secs, 0)
            .map(|d| d.date_naive().to_string())
            .unwrap_or_default();
        super::safe_json::to_writer_pretty_for_html(&mut *out, &reviews(report, &date))?;
        writeln!(out)
    }
}
