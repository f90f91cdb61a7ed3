//! The printed report: counts, the recall/precision table, the error
//! breakdowns and, with `--verbose N`, examples of misses and false
//! positives.
//!
//! The breakdowns are there so that a change in the headline figures can be
//! traced without rerunning anything: whether the content or the speaker
//! went wrong, for which cues, claim kinds and publishers.

use std::time::Duration;

use factcheck::model::{Claim, ClaimKind};

use super::score::{Example, Tally};
use super::Evaluation;

const RULE: &str = "------------------------------------------------------------------------";

/// Print the whole report; `verbose` examples of each error side.
pub(crate) fn print(e: &Evaluation, verbose: usize) {
    let t = &e.tally;
    println!("PolNeAR attribution eval — split `{}`", e.split);
    println!("{RULE}");
    counts(e);
    println!("{RULE}");
    table(t);
    println!("{RULE}");
    breakdowns(t);
    println!("{RULE}");
    speed(t, e.wall);
    if verbose > 0 {
        examples("misses", &t.misses, verbose);
        examples("false positives", &t.false_positives, verbose);
    }
}

/// What was read and what was left out.
fn counts(e: &Evaluation) {
    let (t, ps) = (&e.tally, &e.parse_stats);
    println!(
        "articles                {:>7}   (skipped: {} without .ann, {} failed to load; {} had several annotators, first .ann used)",
        t.articles, t.articles_without_ann, t.articles_failed, t.multi_annotated
    );
    if !t.articles_panicked.is_empty() {
        println!(
            "  extractor PANICKED on {} article(s), left out: {}",
            t.articles_panicked.len(),
            t.articles_panicked.join(", ")
        );
    }
    if e.unmatched_anns > 0 {
        println!("  .ann stems without a text: {}", e.unmatched_anns);
    }
    println!(
        "gold spans checked      {:>7}   (surface mismatches {}, bad offsets {}, relations w/o content {})",
        ps.spans, ps.surface_mismatch, ps.bad_offsets, ps.relations_without_content
    );
    println!(
        "gold relations, all     {:>7}   (with Source {}; speech cue but no Source {})",
        t.gold_all, t.gold_sourced, t.gold_speech_no_source
    );
    println!(
        "gold relations in scope {:>7}   (speech cue + Source; sourced with other cues: {})",
        t.gold_in_scope, t.gold_sourced_other_cue
    );
    println!(
        "predicted               {:>7}   (attributed quotes + statements; unattributed quotes not counted: {})",
        t.predicted, t.predicted_unattributed_quotes
    );
    println!(
        "matched                 {:>7} gold / {} predicted ({} predicted match an in-scope gold)",
        t.gold_matched, t.pred_matched, t.pred_matched_in_scope
    );
}

/// Recall, precision and F1 under each matching rule, then speaker accuracy.
fn table(t: &Tally) {
    println!("{:<34}{:>10}{:>11}{:>8}", "", "recall", "precision", "F1");
    let row = |label: &str, rn: usize, rd: usize, pn: usize, pd: usize| {
        let (r, p) = (ratio(rn, rd), ratio(pn, pd));
        println!(
            "{label:<34}{:>10}{:>11}{:>8.3}",
            pct(rn, rd),
            pct(pn, pd),
            f1(p, r)
        );
    };
    let (gold, pred) = (t.gold_in_scope, t.predicted);
    row(
        "content + speaker (overlap ≥ 0.5)",
        t.gold_matched,
        gold,
        t.pred_matched,
        pred,
    );
    row(
        "content + speaker (Jaccard ≥ 0.5)",
        t.gold_matched_strict,
        gold,
        t.pred_matched_strict,
        pred,
    );
    row(
        "content only (overlap ≥ 0.5)",
        t.gold_content_matched,
        gold,
        t.pred_content_matched,
        pred,
    );
    println!(
        "speaker accuracy on content-matched: gold {} ({}/{}), predicted {} ({}/{})",
        pct(t.gold_matched, t.gold_content_matched),
        t.gold_matched,
        t.gold_content_matched,
        pct(t.pred_matched, t.pred_content_matched_sourced),
        t.pred_matched,
        t.pred_content_matched_sourced
    );
    println!(
        "  speaker test passed (of {} content-matched gold): span {}, last word {}, pronoun {}",
        t.gold_content_matched, t.gold_speaker_span, t.gold_speaker_name, t.gold_speaker_pronoun
    );
}

/// Errors by outcome, recall by cue, precision by kind, both by publisher.
fn breakdowns(t: &Tally) {
    println!("gold in scope, by outcome:");
    for (o, n) in &t.gold_outcome {
        println!("  {:<40}{:>7}  {}", o.label(), n, pct(*n, t.gold_in_scope));
    }
    println!(
        "  (of the misses with no content match, found only by an unattributed quote: {})",
        t.gold_found_by_unattributed_quote
    );
    println!("gold recall by cue:");
    for (c, (n, m)) in &t.gold_by_cue {
        println!("  {:<40}{:>7}  recall {}", c, n, pct(*m, *n));
    }
    println!("predicted, by outcome:");
    for (o, n) in &t.pred_outcome {
        println!("  {:<40}{:>7}  {}", o.label(), n, pct(*n, t.predicted));
    }
    println!("predicted precision by kind:");
    for (k, (n, m)) in &t.pred_by_kind {
        println!("  {:<40}{:>7}  precision {}", k, n, pct(*m, *n));
    }
    println!("predicted precision by cue:");
    for (c, (n, m)) in &t.pred_by_cue {
        println!("  {:<40}{:>7}  precision {}", c, n, pct(*m, *n));
    }
    println!("by publisher:                         gold  recall   pred  precision");
    for (p, [g, gm, n, nm]) in &t.by_publisher {
        println!(
            "  {:<32}{:>7} {:>7} {:>6} {:>10}",
            p,
            g,
            pct(*gm, *g),
            n,
            pct(*nm, *n)
        );
    }
}

/// Wall time, and the extractor's own speed in MB of article text per second.
fn speed(t: &Tally, wall: Duration) {
    let secs = t.extract_time.as_secs_f64();
    println!(
        "wall time {:.2}s; extraction {:.2}s for {:.2} MB = {:.2} MB/s",
        wall.as_secs_f64(),
        secs,
        t.bytes as f64 / 1e6,
        if secs > 0.0 {
            t.bytes as f64 / 1e6 / secs
        } else {
            0.0
        }
    );
}

/// `n` of `all`, spread evenly over the split so that no one article
/// fills the list.
fn examples(what: &str, all: &[Example], n: usize) {
    println!("\n=== {} of {} {what} ===", n.min(all.len()), all.len());
    for e in spread(all, n) {
        println!("\n# {}\n{}  text: {}", e.article, e.body, e.text);
    }
}

// ---------------------------------------------------------------------------
// Helpers, shared with the scoring (which writes the examples)

/// A claim on one line: kind, speaker, mention, cue and text.
pub(crate) fn describe_claim(c: &Claim, text: &str) -> String {
    let a = c.attribution.as_ref();
    format!(
        "{} by {:?} (mention {:?}, cue {:?}): {}",
        match c.kind {
            ClaimKind::Quote => "quote",
            ClaimKind::Statement => "statement",
            ClaimKind::Quantity => "quantity",
        },
        a.map_or("", |a| a.speaker.as_str()),
        a.map_or("", |a| a.mention.as_str()),
        a.map_or("", |a| a.cue.as_str()),
        clip(&text[c.span.start..c.span.end], 200)
    )
}

/// At most `n` characters of `s` on one line.
pub(crate) fn clip(s: &str, n: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= n {
        one_line
    } else {
        let cut: String = one_line.chars().take(n).collect();
        format!("{cut}…")
    }
}

/// The text around the given ranges: 100 bytes either side (snapped to
/// character boundaries), on one line, at most 600 characters.
pub(crate) fn context(text: &str, ranges: &[(usize, usize)]) -> String {
    let lo = ranges.iter().map(|r| r.0).min().unwrap_or(0);
    let hi = ranges.iter().map(|r| r.1).max().unwrap_or(0);
    let mut a = lo.saturating_sub(100);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (hi + 100).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    clip(&text[a..b], 600)
}

/// `n / d` as a percentage with one decimal, "-" when `d` is 0.
fn pct(n: usize, d: usize) -> String {
    if d == 0 {
        "-".into()
    } else {
        format!("{:5.1}%", 100.0 * n as f64 / d as f64)
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// `n / d`, 0 when `d` is 0.
pub(crate) fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        n as f64 / d as f64
    }
}

/// `n` examples spread evenly over `all`.
fn spread(all: &[Example], n: usize) -> Vec<&Example> {
    if n == 0 || all.is_empty() {
        return Vec::new();
    }
    let n = n.min(all.len());
    (0..n).map(|i| &all[i * all.len() / n]).collect()
}
