//! Matching predictions to gold relations and counting the outcomes.
//!
//! Content is compared as sets of word positions rather than as byte
//! ranges, so that a quote whose span includes or leaves out the quotation
//! marks, a trailing comma or an ellipsis still lines up with its gold
//! content. Matching is not one-to-one (see the module above): both sides
//! are scored from one table of every (prediction, gold) pair.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Duration;

use factcheck::model::{Claim, ClaimKind};

use super::gold::{join_ranges, GoldRel};
use super::report::{clip, context, describe_claim};

/// Content match threshold for the overlap coefficient (and the strict Jaccard).
pub const CONTENT_THRESHOLD: f64 = 0.5;

/// Pronouns that may stand as a gold Source.
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me", "who",
];

// ---------------------------------------------------------------------------
// Tokens and overlap

/// Lowercased alphanumeric words of a string.
pub(crate) fn words_lower(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// Start and end bytes of every word (maximal alphanumeric run) of a text.
fn word_tokens(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Indices of the tokens that start inside any of the byte ranges, sorted.
fn tokens_in(tokens: &[(usize, usize)], ranges: &[(usize, usize)]) -> Vec<usize> {
    let mut out = Vec::new();
    for &(a, b) in ranges {
        let first = tokens.partition_point(|t| t.0 < a);
        let last = tokens.partition_point(|t| t.0 < b);
        out.extend(first..last);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Size of the intersection of two sorted index lists.
fn intersection(a: &[usize], b: &[usize]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// How two token sets overlap.
#[derive(Clone, Copy, Default)]
struct Overlap {
    shared: usize,
    /// |P ∩ G| / min(|P|, |G|)
    coefficient: f64,
    /// |P ∩ G| / |P ∪ G|
    jaccard: f64,
}

impl Overlap {
    fn of(p: &[usize], g: &[usize]) -> Overlap {
        let shared = intersection(p, g);
        if shared == 0 {
            return Overlap::default();
        }
        Overlap {
            shared,
            coefficient: shared as f64 / p.len().min(g.len()) as f64,
            jaccard: shared as f64 / (p.len() + g.len() - shared) as f64,
        }
    }
    fn content_match(self) -> bool {
        self.coefficient >= CONTENT_THRESHOLD
    }
    fn strict_match(self) -> bool {
        self.jaccard >= CONTENT_THRESHOLD
    }
}

fn ranges_overlap(a: (usize, usize), rs: &[(usize, usize)]) -> bool {
    rs.iter().any(|&(s, e)| a.0 < e && s < a.1)
}

// ---------------------------------------------------------------------------
// Speaker

/// Which speaker tests a prediction passes against a gold relation.
#[derive(Clone, Copy, Default)]
struct SpeakerCheck {
    span: bool,
    name: bool,
    pronoun: bool,
}

impl SpeakerCheck {
    fn any(self) -> bool {
        self.span || self.name || self.pronoun
    }
}

/// The last word of a name, lowercased, without parentheticals ("Sen.
/// Bernie Sanders (I-Vt.)") or a possessive ("Clinton’s").
fn last_word(s: &str) -> Option<String> {
    let mut plain = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let plain = plain.replace(['’', '`'], "'");
    let plain = plain.trim_end_matches(|c: char| !c.is_alphanumeric());
    let plain = plain.strip_suffix("'s").unwrap_or(plain);
    words_lower(plain).pop()
}

fn check_speaker(c: &Claim, g: &GoldRel) -> SpeakerCheck {
    let (Some(a), Some(src)) = (c.attribution.as_ref(), g.source.as_ref()) else {
        return SpeakerCheck::default();
    };
    let span = a.mention_span.is_some_and(|m| ranges_overlap(m, src));
    let name = matches!(
        (last_word(&a.speaker), last_word(&g.source_text)),
        (Some(p), Some(q)) if p == q
    );
    let gold_pronoun = g.source_text.trim().to_lowercase();
    let pronoun = PRONOUNS.contains(&gold_pronoun.as_str())
        && a.mention.trim().to_lowercase() == gold_pronoun
        && match a.mention_span {
            Some(m) => ranges_overlap(m, src),
            None => src
                .iter()
                .any(|&(s, e)| s + 200 >= c.span.start && e <= c.span.end + 200),
        };
    SpeakerCheck {
        span,
        name,
        pronoun,
    }
}

// ---------------------------------------------------------------------------
// Tallies

/// What became of one gold relation or prediction, for the tallies.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub(crate) enum Outcome {
    Matched,
    /// Content matched, speaker wrong for every content match.
    WrongSpeaker,
    /// Some shared words, below the content threshold.
    PartialContent,
    /// No shared word with any candidate.
    NoOverlap,
}

impl Outcome {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Outcome::Matched => "matched",
            Outcome::WrongSpeaker => "content ok, speaker wrong",
            Outcome::PartialContent => "partial content overlap (< threshold)",
            Outcome::NoOverlap => "no content overlap at all",
        }
    }

    /// The first that holds: matched, content matched, some shared word.
    fn of(matched: bool, content: bool, shared: bool) -> Outcome {
        if matched {
            Outcome::Matched
        } else if content {
            Outcome::WrongSpeaker
        } else if shared {
            Outcome::PartialContent
        } else {
            Outcome::NoOverlap
        }
    }
}

/// A miss or false positive kept for `--verbose`.
pub(crate) struct Example {
    pub(crate) article: String,
    pub(crate) text: String,
    pub(crate) body: String,
}

/// Every count of a split, summed over its articles.
#[derive(Default)]
pub(crate) struct Tally {
    pub(crate) articles: usize,
    pub(crate) articles_without_ann: usize,
    pub(crate) articles_failed: usize,
    /// Articles on which the extractor panicked (reported, left out).
    pub(crate) articles_panicked: Vec<String>,
    pub(crate) multi_annotated: usize,
    pub(crate) bytes: usize,
    pub(crate) extract_time: Duration,

    pub(crate) gold_all: usize,
    pub(crate) gold_sourced: usize,
    pub(crate) gold_speech_no_source: usize,
    pub(crate) gold_sourced_other_cue: usize,
    pub(crate) gold_in_scope: usize,

    pub(crate) gold_matched: usize,
    pub(crate) gold_matched_strict: usize,
    pub(crate) gold_content_matched: usize,
    pub(crate) gold_outcome: BTreeMap<Outcome, usize>,
    pub(crate) gold_speaker_span: usize,
    pub(crate) gold_speaker_name: usize,
    pub(crate) gold_speaker_pronoun: usize,
    pub(crate) gold_by_cue: BTreeMap<&'static str, (usize, usize)>,
    /// Per publisher: (gold in scope, gold matched, predicted, predicted matched).
    pub(crate) by_publisher: BTreeMap<String, [usize; 4]>,
    pub(crate) gold_found_by_unattributed_quote: usize,

    pub(crate) predicted: usize,
    pub(crate) predicted_unattributed_quotes: usize,
    pub(crate) pred_matched: usize,
    pub(crate) pred_matched_strict: usize,
    pub(crate) pred_content_matched: usize,
    pub(crate) pred_content_matched_sourced: usize,
    pub(crate) pred_matched_in_scope: usize,
    pub(crate) pred_outcome: BTreeMap<Outcome, usize>,
    pub(crate) pred_by_kind: BTreeMap<&'static str, (usize, usize)>,
    /// Per cue class of the prediction's own cue: (predicted, matched).
    pub(crate) pred_by_cue: BTreeMap<&'static str, (usize, usize)>,

    pub(crate) misses: Vec<Example>,
    pub(crate) false_positives: Vec<Example>,
}

/// The publisher of an article: the first part of its file name
/// (`nyt_2016-05-17_…` → `nyt`).
fn publisher(stem: &str) -> String {
    stem.split('_').next().unwrap_or(stem).to_string()
}

/// A coarse class of a gold cue, for the per-cue recall lines.
fn cue_class(cue: &str) -> &'static str {
    let w = words_lower(cue);
    let has = |xs: &[&str]| w.iter().any(|x| xs.contains(&x.as_str()));
    if w.windows(2).any(|p| p[0] == "according" && p[1] == "to") {
        "according to"
    } else if has(&["say", "said", "says", "saying"]) {
        "say"
    } else if has(&["tell", "told", "tells", "telling"]) {
        "tell"
    } else if has(&["write", "wrote", "writes", "writing", "written"])
        || w.iter().any(|x| x.starts_with("tweet"))
    {
        "write/tweet"
    } else if has(&["ask", "asked", "asks", "asking"]) {
        "ask"
    } else if has(&["call", "called", "calls", "calling"]) {
        // (not among the in-scope cue words: a line on the precision side only)
        "call"
    } else {
        "other speech verb"
    }
}

// ---------------------------------------------------------------------------
// Scoring one article

/// A prediction: an attributed quote or statement.
struct Pred {
    claim: Claim,
    tokens: Vec<usize>,
}

/// One article, ready to score: its text, gold relations and predictions
/// as token sets, and the table of every (prediction, gold) pair.
struct Scored<'a> {
    name: &'a str,
    text: &'a str,
    gold: &'a [GoldRel],
    gold_tokens: Vec<Vec<usize>>,
    preds: Vec<Pred>,
    /// Quotes with no speaker: not predictions, but a miss they cover is
    /// counted apart (the speaker finding failed, not the quote finding).
    unattributed: Vec<Vec<usize>>,
    /// `pairs[prediction][gold]`
    pairs: Vec<Vec<(Overlap, SpeakerCheck)>>,
}

/// Score one article's claims against its gold relations into `t`.
pub(crate) fn score_article(
    name: &str,
    text: &str,
    gold: &[GoldRel],
    claims: Vec<Claim>,
    t: &mut Tally,
) {
    let tokens = word_tokens(text);
    let gold_tokens = gold
        .iter()
        .map(|g| tokens_in(&tokens, &g.content))
        .collect();
    let mut preds = Vec::new();
    let mut unattributed = Vec::new();
    for c in claims {
        if c.kind == ClaimKind::Quantity {
            continue;
        }
        let toks = tokens_in(&tokens, &[(c.span.start, c.span.end)]);
        if c.attribution.is_some() {
            preds.push(Pred {
                claim: c,
                tokens: toks,
            });
        } else if c.kind == ClaimKind::Quote {
            unattributed.push(toks);
        }
    }
    t.predicted += preds.len();
    t.predicted_unattributed_quotes += unattributed.len();
    let mut s = Scored {
        name,
        text,
        gold,
        gold_tokens,
        preds,
        unattributed,
        pairs: Vec::new(),
    };
    s.pairs = s
        .preds
        .iter()
        .map(|p| {
            gold.iter()
                .zip(&s.gold_tokens)
                .map(|(g, gt)| (Overlap::of(&p.tokens, gt), check_speaker(&p.claim, g)))
                .collect()
        })
        .collect();
    for gi in 0..gold.len() {
        s.score_gold(gi, t);
    }
    for pi in 0..s.preds.len() {
        s.score_prediction(pi, t);
    }
}

impl Scored<'_> {
    /// Recall side: one gold relation against every prediction.
    fn score_gold(&self, gi: usize, t: &mut Tally) {
        let g = &self.gold[gi];
        t.gold_all += 1;
        match (g.source.is_some(), g.speech_cue) {
            (true, true) => {}
            (true, false) => {
                t.gold_sourced += 1;
                t.gold_sourced_other_cue += 1;
                return;
            }
            (false, true) => {
                t.gold_speech_no_source += 1;
                return;
            }
            (false, false) => return,
        }
        t.gold_sourced += 1;
        t.gold_in_scope += 1;
        let column = || self.pairs.iter().map(move |row| row[gi]);
        let content = column().any(|(o, _)| o.content_match());
        let matched = column().any(|(o, s)| o.content_match() && s.any());
        let strict = column().any(|(o, s)| o.strict_match() && s.any());
        let outcome = Outcome::of(matched, content, column().any(|(o, _)| o.shared > 0));
        *t.gold_outcome.entry(outcome).or_default() += 1;
        t.gold_matched += matched as usize;
        t.gold_matched_strict += strict as usize;
        if content {
            t.gold_content_matched += 1;
            let ok = |f: fn(SpeakerCheck) -> bool| {
                column().any(|(o, s)| o.content_match() && f(s)) as usize
            };
            t.gold_speaker_span += ok(|s| s.span);
            t.gold_speaker_name += ok(|s| s.name);
            t.gold_speaker_pronoun += ok(|s| s.pronoun);
        } else if self
            .unattributed
            .iter()
            .any(|q| Overlap::of(q, &self.gold_tokens[gi]).content_match())
        {
            t.gold_found_by_unattributed_quote += 1;
        }
        let e = t.gold_by_cue.entry(cue_class(&g.cue_text)).or_default();
        e.0 += 1;
        e.1 += matched as usize;
        let e = t.by_publisher.entry(publisher(self.name)).or_default();
        e[0] += 1;
        e[1] += matched as usize;
        if !matched {
            t.misses.push(self.miss(gi, outcome));
        }
    }

    /// Precision side: one prediction against every gold relation.
    fn score_prediction(&self, pi: usize, t: &mut Tally) {
        let p = &self.preds[pi];
        let gold = self.gold;
        let kind = match p.claim.kind {
            ClaimKind::Quote => "quote",
            _ => "statement",
        };
        let row = &self.pairs[pi];
        let sourced = |gi: &usize| gold[*gi].source.is_some();
        let idx = || (0..gold.len()).filter(sourced);
        let matched = idx().any(|gi| row[gi].0.content_match() && row[gi].1.any());
        let strict = idx().any(|gi| row[gi].0.strict_match() && row[gi].1.any());
        let content_sourced = idx().any(|gi| row[gi].0.content_match());
        let content_any = row.iter().any(|(o, _)| o.content_match());
        let in_scope = (0..gold.len())
            .any(|gi| gold[gi].in_scope() && row[gi].0.content_match() && row[gi].1.any());
        t.pred_matched += matched as usize;
        t.pred_matched_strict += strict as usize;
        t.pred_content_matched += content_any as usize;
        t.pred_content_matched_sourced += content_sourced as usize;
        t.pred_matched_in_scope += in_scope as usize;
        let shared = row.iter().any(|(o, _)| o.shared > 0);
        let outcome = Outcome::of(matched, content_sourced, shared);
        *t.pred_outcome.entry(outcome).or_default() += 1;
        let e = t.pred_by_kind.entry(kind).or_default();
        e.0 += 1;
        e.1 += matched as usize;
        let cue = p.claim.attribution.as_ref().map_or("", |a| a.cue.as_str());
        let e = t.pred_by_cue.entry(cue_class(cue)).or_default();
        e.0 += 1;
        e.1 += matched as usize;
        let e = t.by_publisher.entry(publisher(self.name)).or_default();
        e[2] += 1;
        e[3] += matched as usize;
        if !matched {
            t.false_positives.push(self.false_positive(pi, outcome));
        }
    }

    /// A missed gold relation with the prediction that comes closest, if any.
    fn miss(&self, gi: usize, outcome: Outcome) -> Example {
        let (g, text) = (&self.gold[gi], self.text);
        // a quote found with no speaker is the commonest miss worth reading
        let unattributed = self
            .unattributed
            .iter()
            .any(|q| Overlap::of(q, &self.gold_tokens[gi]).content_match());
        let mut body = format!(
            "[{}{}] cue {:?}, source {:?}\n  gold content: {}\n",
            outcome.label(),
            if unattributed {
                ", quote found unattributed"
            } else {
                ""
            },
            g.cue_text,
            g.source_text,
            clip(&join_ranges(text, &g.content), 200)
        );
        if let Some((pi, (o, _))) = self
            .pairs
            .iter()
            .enumerate()
            .map(|(pi, row)| (pi, row[gi]))
            .filter(|(_, (o, _))| o.shared > 0)
            .max_by(|a, b| a.1 .0.coefficient.total_cmp(&b.1 .0.coefficient))
        {
            let _ = writeln!(
                body,
                "  nearest prediction (overlap {:.2}): {}",
                o.coefficient,
                describe_claim(&self.preds[pi].claim, text)
            );
        }
        let mut all = g.content.clone();
        all.extend(g.source.iter().flatten());
        all.extend(g.cue.iter().flatten());
        Example {
            article: self.name.to_string(),
            text: context(text, &all),
            body,
        }
    }

    /// A wrong prediction with the gold relation that comes closest, if any.
    fn false_positive(&self, pi: usize, outcome: Outcome) -> Example {
        let (p, text) = (&self.preds[pi], self.text);
        let mut body = format!("[{}] {}\n", outcome.label(), describe_claim(&p.claim, text));
        if let Some((gi, (o, _))) = self.pairs[pi]
            .iter()
            .enumerate()
            .filter(|(_, (o, _))| o.shared > 0)
            .max_by(|a, b| a.1 .0.coefficient.total_cmp(&b.1 .0.coefficient))
        {
            let g = &self.gold[gi];
            let _ = writeln!(
                body,
                "  nearest gold (overlap {:.2}): cue {:?}, source {:?}, content: {}",
                o.coefficient,
                g.cue_text,
                g.source_text,
                clip(&join_ranges(text, &g.content), 160)
            );
        }
        let mut all = vec![(p.claim.span.start, p.claim.span.end)];
        all.extend(p.claim.attribution.as_ref().and_then(|a| a.mention_span));
        Example {
            article: self.name.to_string(),
            text: context(text, &all),
            body,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_overlap() {
        let text = "He said: “taxes will rise.”";
        let toks = word_tokens(text);
        assert_eq!(toks.len(), 5);
        let all = tokens_in(&toks, &[(0, text.len())]);
        let quote = tokens_in(&toks, &[(text.find('t').unwrap(), text.len())]);
        assert_eq!(quote, vec![2, 3, 4]);
        let o = Overlap::of(&quote, &all);
        assert!(o.content_match());
        assert!(o.strict_match()); // 3 of 5
    }

    #[test]
    fn last_word_drops_parentheses_and_possessive() {
        assert_eq!(
            last_word("Sen. Bernie Sanders (I-Vt.)").as_deref(),
            Some("sanders")
        );
        assert_eq!(last_word("Clinton’s").as_deref(), Some("clinton"));
    }
}
