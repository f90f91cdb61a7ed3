//! A speaker's quoted words, when the reference has the quote, are
//! corrected only by that quote, never to fit a fact: "We saw 55 people killed," as said, stays 55 when
//! the toll is 40. Rewriting a figure (or its speaker) inside a quotation
//! would make the quote wrong, and the next `--write` would put the
//! speaker's words back: a run must fix, and a second must change nothing.

use super::Checker;
use crate::model::{Claim, ClaimKind, Finding, Resolution, Severity, Status};
use std::sync::Arc;

/// A quotation the reference judged: its span, the range its correction
/// rewrites (a misquote), and the reference's words when it matched.
type Quoted = (usize, usize, Option<(usize, usize)>, String);

/// Inside a quotation, where the reference's quote holds the words: what
/// the speaker said is known, so a figure or a speaker there that differs
/// from a fact gets no correction, and is a warning, not an error. (A
/// quotation the reference has only a part of, or none of, may hold a
/// misprinted figure: there the fact's correction stands.)
pub(super) fn spare_quoted_words(text: &str, findings: &mut [Finding]) {
    // the quotations, each with the reference's words for it: the range
    // its correction rewrites (a misquote), or the words it matched
    let mut quoted: Vec<Quoted> = findings
        .iter()
        .filter_map(|f| {
            let c = f.claim.as_ref()?;
            f.fact.as_ref()?;
            (c.kind == ClaimKind::Quote).then(|| {
                let fix = f.correction.as_ref().map(|x| (x.start, x.end));
                let said = if f.status == Status::Match {
                    f.expected.clone().unwrap_or_default()
                } else {
                    String::new()
                };
                (c.span.start, c.span.end, fix, said)
            })
        })
        .collect();
    if quoted.is_empty() {
        return;
    }
    // quotations do not overlap: a claim can only be in the last one
    // opening before it (judged by one finding or several), found by a
    // binary search, not by a scan of thousands of quotations
    quoted.sort_by_key(|q| q.0);
    // whether the reference's words for a quotation hold the claim's figure
    let held = |c: &Claim| {
        let (a, b) = c
            .quantity
            .as_ref()
            .map_or((c.span.start, c.span.end), |q| q.style.number_span);
        let i = quoted.partition_point(|q| q.0 <= c.span.start);
        let last = i.checked_sub(1).map_or(0, |j| quoted[j].0);
        let first = quoted[..i].partition_point(|q| q.0 < last);
        quoted[first..i].iter().any(|(_, qb, fix, said)| {
            c.span.end <= *qb
                && (fix.is_some_and(|(fa, fb)| fa <= a && b <= fb)
                    || (!said.is_empty() && text.get(a..b).is_some_and(|n| said.contains(n))))
        })
    };
    for f in findings.iter_mut() {
        let Some(c) = f.claim.as_ref().filter(|c| c.kind != ClaimKind::Quote) else {
            continue;
        };
        if !held(c) {
            continue;
        }
        if f.correction.take().is_some() {
            if let Some(i) = f.message.find("; write “") {
                f.message.truncate(i);
                f.message.push_str(
                    "; it stands in a quotation the reference has, so it is left as the speaker said it.",
                );
            }
        }
        f.severity = f.severity.min(Severity::Warning);
    }
}

/// A figure inside a quotation is the quoted speaker's own words: "“Six
/// people are still missing,” Ibáñez said" is what Ibáñez said, whoever
/// the reference has the count from. Crediting it to the fact's source
/// would falsify the quote, so such a misattribution is a warning and
/// never rewrites the speaker.
pub(super) fn spare_quoted_speakers(claims: &[Arc<Claim>], findings: &mut [Finding]) {
    let Some(inside) = quotations(claims) else {
        return;
    };
    for f in findings
        .iter_mut()
        .filter(|f| f.status == Status::Misattributed)
    {
        let Some(q) = f.claim.as_ref().and_then(|c| c.quantity.as_ref()) else {
            continue;
        };
        if inside(q.style.number_span).is_some() && f.severity > Severity::Warning {
            f.severity = Severity::Warning;
            f.correction = None;
            f.message.push_str(
                " The figure stands in a quotation, the speaker's own words: the speaker is not rewritten; check who gave the count.",
            );
        }
    }
}

/// The quotation among the claims that holds a span (`None` when there
/// are no quotations at all).
fn quotations<'c>(
    claims: &'c [Arc<Claim>],
) -> Option<impl Fn((usize, usize)) -> Option<&'c Claim>> {
    let mut quotes: Vec<&Claim> = claims
        .iter()
        .map(|c| &**c)
        .filter(|c| c.kind == ClaimKind::Quote)
        .collect();
    if quotes.is_empty() {
        return None;
    }
    quotes.sort_by_key(|c| c.span.start);
    // (quotations do not overlap: the last one opening before the span)
    Some(move |(a, b): (usize, usize)| {
        let i = quotes.partition_point(|q| q.span.start <= a);
        i.checked_sub(1)
            .map(|j| quotes[j])
            .filter(|q| b <= q.span.end)
    })
}

impl Checker<'_> {
    /// A figure in the quoted words of someone other than the fact's
    /// source ("“We have counted 40 dead,” said a resident") is what they
    /// said: rewriting it would make up a quote. A warning, without a fix;
    /// the fact's own source misquoted keeps its fix.
    pub(super) fn spare_others_quoted_figures(
        &self,
        claims: &[Arc<Claim>],
        findings: &mut [Finding],
    ) {
        let Some(quote_of) = quotations(claims) else {
            return;
        };
        for f in findings
            .iter_mut()
            .filter(|f| f.status == Status::Mismatch && f.correction.is_some())
        {
            let Some(q) = f.claim.as_ref().and_then(|c| c.quantity.as_ref()) else {
                continue;
            };
            let Some(quote) = quote_of(q.style.number_span) else {
                continue;
            };
            // (a quotation whose speaker the article does not tell may hold
            // a misprint of the fact: its fix stands)
            let Some(a) = quote.attribution.as_ref() else {
                continue;
            };
            let speaker = self.speaker_id(quote);
            if speaker.is_none() && !matches!(a.resolved, Resolution::Named | Resolution::Alias) {
                continue;
            }
            let own = self
                .fact_of(f)
                .and_then(|fact| fact.source.as_deref())
                .is_none_or(|want| speaker.as_deref() == Some(want));
            if own {
                continue;
            }
            f.correction = None;
            f.severity = f.severity.min(Severity::Warning);
            if let Some(i) = f.message.find("; write “") {
                f.message.truncate(i);
            }
            f.message.push_str(
                "; it stands in a quotation of someone other than the fact's source, the speaker's own words: it is not rewritten; check it.",
            );
        }
    }
}
