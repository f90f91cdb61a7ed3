//! Evaluate factcheck's attributed claims (quotes and reported speech)
//! against the PolNeAR attribution corpus (Newell, Margolin & Ruths, LREC 2018).
//!
//! # What it measures
//!
//! The claims come from `factcheck::Extractor::default().extract(&article)`, with
//! no reference. Only claims of kind `quote` or `statement` that carry an
//! `attribution` count as predictions. The gold data are PolNeAR's brat
//! `E` relations (Source, Cue, Content). The evaluation works at the level
//! of relations:
//!
//! * **Recall** = gold *speech* relations matched by at least one
//!   prediction / all gold speech relations. A gold relation is a *speech*
//!   relation when it has a Source span and its cue is a verb of saying or
//!   "according to" (see [`SPEECH_CUE_WORDS`] and [`is_speech_cue`]).
//! * **Precision** = predictions that match at least one gold relation with
//!   a Source, *whatever its cue* / all predictions. Any cue counts, so that
//!   a correct find whose cue the scope filter drops ("has learned",
//!   "believes", ":") is not counted as an error.
//!
//! # How a prediction matches a gold relation
//!
//! Both spans become sets of word tokens (maximal runs of alphanumeric
//! characters, each counted by its position in the article). A gold content
//! is the union of all its fragments (discontinuous spans and `Content2`).
//! A prediction's tokens are those of its claim span: the words inside the
//! quotation marks for a quote, the reported content for a statement.
//!
//! 1. **Content**: |P ∩ G| / min(|P|, |G|) ≥ 0.5 (overlap coefficient).
//!    A strict variant, Jaccard |P ∩ G| / |P ∪ G| ≥ 0.5, is reported as well.
//! 2. **Speaker**, any of:
//!    - *span*: the predicted `mention_span` overlaps the gold Source span;
//!    - *name*: the last word of the predicted canonical speaker equals,
//!      case-insensitively, the last word of the gold Source text (after
//!      dropping parentheticals and a possessive 's);
//!    - *pronoun*: the gold Source is a pronoun and the predicted mention is
//!      that pronoun at the same place. With a `mention_span` this is a
//!      special case of *span*; it is listed for completeness, and is the
//!      only place test when a claim has no `mention_span` (then "same
//!      place" means the gold Source lies within 200 bytes of the claim).
//!
//! Matching is not one-to-one: a gold relation is found when any prediction
//! matches it, and a prediction is right when it matches any gold relation
//! (so a quote split into two claims, or a quote and a statement for the
//! same words, all count as right).
//!
//! Content-only recall and precision (speaker ignored) and speaker accuracy
//! on content-matched pairs are printed too, so it is clear whether an
//! error comes from the content or from the speaker. Content-only precision
//! is counted against all gold relations, sourced or not.
//!
//! # Data
//!
//! `/work/shared/corpus/polnear/data/<split>/text/<stem>.txt` and
//! `.../attributions/<stem>_<annotator>.ann`. brat offsets are Unicode code
//! points; they are turned into byte offsets through a per-article table,
//! and every span is checked against the surface string the .ann file
//! stores (mismatches are counted and printed). Where several annotators
//! did an article, only the first .ann in sorted order is used, so every
//! article counts once. Articles without any .ann are skipped.
//!
//! # Running
//!
//! ```text
//! cargo test --release -p factcheck-eval --test polnear -- [--split dev|train] [--verbose N] [--data DIR]
//! ```
//!
//! `--verbose N` prints N misses and N false positives (spread evenly over
//! the split), each with the text around it and the nearest other side.
//!
//! The table also splits errors by outcome (speaker wrong, partial content,
//! no overlap), recall by cue class, precision by claim kind, and both by
//! publisher. Speed is the extractor's alone (article loading and
//! `extract_claims`), in MB of article text per second; wall time covers
//! everything. If the extractor panics on an article, the panic is caught,
//! the article is named in the report and left out of every count.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use factcheck::Article;

use factcheck::model::{Claim, ClaimKind};

/// Beside the workspace, as CI lays it out.
const DEFAULT_DATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/corpus/polnear/data"
);

/// Content match threshold for the overlap coefficient (and the strict Jaccard).
const CONTENT_THRESHOLD: f64 = 0.5;

/// Cue words that make a gold relation a *speech* attribution. An entry
/// ending in `*` is a prefix; any other entry must equal a whole word of
/// the lowercased cue. "according to" is tested as a phrase in
/// [`is_speech_cue`]. Deliberately left out: ":" cues, beliefs and
/// perceptions (think, believe, feel, want, hope, fear), evidence and
/// findings (show, find, learn, reveal, cite), and verbs whose object is
/// rarely a proposition (call, describe, praise, criticize, urge, accuse).
#[rustfmt::skip]
const SPEECH_CUE_WORDS: &[&str] = &[
    // the brief's list (stems cut so that -ing forms match too)
    "say", "said", "says", "saying",
    "tell", "told", "tells", "telling",
    "add", "added", "adds", "adding",
    "state", "stated", "states", "stating",
    "announc*", "claim*", "insist*", "note", "noted", "notes", "noting",
    "warn*", "explain*",
    "write", "wrote", "writes", "writing", "written",
    "tweet*", "argu*", "suggest*",
    "deny", "denied", "denies", "denying",
    "confirm*", "acknowledg*",
    "ask", "asked", "asks", "asking",
    "report", "reported", "reports", "reporting", "reportedly",
    // further unambiguous verbs of saying
    "declar*", "assert*", "admit*",
    "reply", "replied", "replies", "replying",
    "respond*", "recall*", "remark*", "comment*", "mention*",
    "stress*", "emphasi*", "reiterat*", "testif*", "quip*",
    "predict*", "vow*", "pledg*", "promis*",
];

/// Pronouns that may stand as a gold Source.
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me", "who",
];

// ---------------------------------------------------------------------------
// Command line

struct Options {
    split: String,
    verbose: usize,
    data: PathBuf,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        split: "dev".into(),
        verbose: 0,
        data: PathBuf::from(DEFAULT_DATA),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--split" => o.split = value("--split")?,
            "--verbose" => {
                o.verbose = value("--verbose")?
                    .parse()
                    .map_err(|_| "--verbose takes a number".to_string())?
            }
            "--data" => o.data = PathBuf::from(value("--data")?),
            "-h" | "--help" => {
                println!(
                    "usage: polnear_eval [--split dev|train] [--verbose N] [--data DIR]\n\
                     (default: --split dev --verbose 0 --data {DEFAULT_DATA})"
                );
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument `{other}` (try --help)")),
        }
    }
    if !matches!(o.split.as_str(), "dev" | "train") {
        return Err(format!("--split must be dev or train, not `{}`", o.split));
    }
    Ok(o)
}

// ---------------------------------------------------------------------------
// Gold: brat standoff

/// Byte ranges, end exclusive.
type Ranges = Vec<(usize, usize)>;

/// One attribution relation (`E` line).
struct GoldRel {
    source: Option<Ranges>,
    cue: Option<Ranges>,
    content: Ranges,
    source_text: String,
    cue_text: String,
    /// The cue is a verb of saying or "according to".
    speech_cue: bool,
    tokens: Vec<usize>,
}

impl GoldRel {
    fn in_scope(&self) -> bool {
        self.speech_cue && self.source.is_some()
    }
}

/// Byte offset of every code point, plus the text length at the end, so
/// that `table[char_offset]` is the byte offset of a brat offset.
fn char_to_byte_table(text: &str) -> Vec<usize> {
    let mut t: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    t.push(text.len());
    t
}

#[derive(Default)]
struct ParseStats {
    spans: usize,
    surface_mismatch: usize,
    bad_offsets: usize,
    relations_without_content: usize,
}

/// Parse one .ann file against its article text.
fn parse_ann(ann: &str, text: &str, name: &str, stats: &mut ParseStats) -> Vec<GoldRel> {
    let table = char_to_byte_table(text);
    // T id → its byte ranges
    let mut spans: BTreeMap<String, Ranges> = BTreeMap::new();
    let mut relations: Vec<Vec<(String, String)>> = Vec::new();
    for line in ann.lines() {
        let mut fields = line.splitn(3, '\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else {
            continue; // a continuation line of a multi-line surface, or blank
        };
        let surface = fields.next().unwrap_or("");
        if id.starts_with('T') && id[1..].chars().all(|c| c.is_ascii_digit()) {
            let Some((_label, offsets)) = body.split_once(' ') else {
                continue;
            };
            stats.spans += 1;
            let mut ranges = Ranges::new();
            let mut ok = true;
            for frag in offsets.split(';') {
                let mut it = frag.split_whitespace().map(|n| n.parse::<usize>());
                match (it.next(), it.next()) {
                    (Some(Ok(a)), Some(Ok(b))) if a <= b && b < table.len() => {
                        ranges.push((table[a], table[b]))
                    }
                    _ => ok = false,
                }
            }
            if !ok || ranges.is_empty() {
                stats.bad_offsets += 1;
                eprintln!("warning: {name}: bad offsets in `{line}`");
                continue;
            }
            // brat joins the fragments of a discontinuous span with a space;
            // a surface spanning several lines is stored on several lines of
            // the .ann, so only its first line is on this one.
            let expected = ranges
                .iter()
                .map(|&(a, b)| &text[a..b])
                .collect::<Vec<_>>()
                .join(" ");
            let ok_surface =
                expected == surface || (expected.contains('\n') && expected.starts_with(surface));
            if !ok_surface {
                stats.surface_mismatch += 1;
                if stats.surface_mismatch <= 5 {
                    eprintln!(
                        "warning: {name}: {id} text {:?} differs from stored surface {:?}",
                        clip(&expected, 60),
                        clip(surface, 60)
                    );
                }
            }
            spans.insert(id.to_string(), ranges);
        } else if id.starts_with('E') {
            let args = body
                .split_whitespace()
                .filter_map(|a| a.split_once(':'))
                .map(|(role, t)| (role.to_string(), t.to_string()))
                .collect();
            relations.push(args);
        }
    }

    let mut out = Vec::new();
    for args in relations {
        let (mut source, mut cue, mut content) = (None::<Ranges>, None::<Ranges>, Ranges::new());
        for (role, t) in &args {
            let Some(span) = spans.get(t) else { continue };
            let role = role.trim_end_matches(|c: char| c.is_ascii_digit());
            let slot = match role {
                "Source" => source.get_or_insert_with(Vec::new),
                "Cue" => cue.get_or_insert_with(Vec::new),
                "Content" => &mut content,
                _ => continue, // the Attribution trigger itself
            };
            slot.extend(span.iter().copied());
        }
        if content.is_empty() {
            stats.relations_without_content += 1;
            continue;
        }
        content.sort_unstable();
        let join = |r: &Option<Ranges>| {
            r.as_ref().map_or(String::new(), |r| {
                r.iter()
                    .map(|&(a, b)| &text[a..b])
                    .collect::<Vec<_>>()
                    .join(" … ")
            })
        };
        let (source_text, cue_text) = (join(&source), join(&cue));
        out.push(GoldRel {
            speech_cue: is_speech_cue(&cue_text),
            source,
            cue,
            content,
            source_text,
            cue_text,
            tokens: Vec::new(),
        });
    }
    out
}

/// Whether a cue is a verb of saying or "according to", by its lowercased words.
fn is_speech_cue(cue: &str) -> bool {
    let words = words_lower(cue);
    if words
        .windows(2)
        .any(|w| w[0] == "according" && w[1] == "to")
    {
        return true;
    }
    words.iter().any(|w| {
        SPEECH_CUE_WORDS.iter().any(|&p| match p.strip_suffix('*') {
            Some(prefix) => w.starts_with(prefix),
            None => w == p,
        })
    })
}

// ---------------------------------------------------------------------------
// Tokens and overlap

/// Lowercased alphanumeric words of a string.
fn words_lower(s: &str) -> Vec<String> {
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
// Evaluation of one article

/// A prediction: an attributed quote or statement.
struct Pred {
    claim: Claim,
    tokens: Vec<usize>,
}

/// What became of one gold relation or prediction, for the tallies.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Outcome {
    Matched,
    /// Content matched, speaker wrong for every content match.
    WrongSpeaker,
    /// Some shared words, below the content threshold.
    PartialContent,
    /// No shared word with any candidate.
    NoOverlap,
}

impl Outcome {
    fn label(self) -> &'static str {
        match self {
            Outcome::Matched => "matched",
            Outcome::WrongSpeaker => "content ok, speaker wrong",
            Outcome::PartialContent => "partial content overlap (< threshold)",
            Outcome::NoOverlap => "no content overlap at all",
        }
    }
}

/// A miss or false positive kept for `--verbose`.
struct Example {
    article: String,
    text: String,
    body: String,
}

#[derive(Default)]
struct Tally {
    articles: usize,
    articles_without_ann: usize,
    articles_failed: usize,
    /// Articles on which the extractor panicked (reported, left out).
    articles_panicked: Vec<String>,
    multi_annotated: usize,
    bytes: usize,
    extract_time: Duration,

    gold_all: usize,
    gold_sourced: usize,
    gold_speech_no_source: usize,
    gold_sourced_other_cue: usize,
    gold_in_scope: usize,

    gold_matched: usize,
    gold_matched_strict: usize,
    gold_content_matched: usize,
    gold_outcome: BTreeMap<Outcome, usize>,
    gold_speaker_span: usize,
    gold_speaker_name: usize,
    gold_speaker_pronoun: usize,
    gold_by_cue: BTreeMap<&'static str, (usize, usize)>,
    /// Per publisher: (gold in scope, gold matched, predicted, predicted matched).
    by_publisher: BTreeMap<String, [usize; 4]>,
    gold_found_by_unattributed_quote: usize,

    predicted: usize,
    predicted_unattributed_quotes: usize,
    pred_matched: usize,
    pred_matched_strict: usize,
    pred_content_matched: usize,
    pred_content_matched_sourced: usize,
    pred_matched_in_scope: usize,
    pred_outcome: BTreeMap<Outcome, usize>,
    pred_by_kind: BTreeMap<&'static str, (usize, usize)>,

    misses: Vec<Example>,
    false_positives: Vec<Example>,
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
    } else {
        "other speech verb"
    }
}

fn evaluate_article(
    name: &str,
    text: String,
    ann: &str,
    parse_stats: &mut ParseStats,
    t: &mut Tally,
) {
    let mut gold = parse_ann(ann, &text, name, parse_stats);
    let tokens = word_tokens(&text);
    for g in &mut gold {
        g.tokens = tokens_in(&tokens, &g.content);
    }

    let bytes = text.len();
    let started = Instant::now();
    let article = match Article::from_text(name, text, None) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("warning: {name}: {e}; skipped");
            t.articles_failed += 1;
            return;
        }
    };
    // A panic inside the extractor is an extractor bug: count the article
    // as failed (its gold is left out) and go on with the others.
    let claims = match std::panic::catch_unwind(AssertUnwindSafe(|| {
        factcheck::Extractor::default().extract(&article)
    })) {
        Ok(c) => c.claims,
        Err(_) => {
            t.articles_panicked.push(name.to_string());
            return;
        }
    };
    t.extract_time += started.elapsed();
    t.bytes += bytes;
    t.articles += 1;
    let text = &article.text;

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

    // every (prediction, gold) pair: overlap and speaker tests
    let pairs: Vec<Vec<(Overlap, SpeakerCheck)>> = preds
        .iter()
        .map(|p| {
            gold.iter()
                .map(|g| {
                    (
                        Overlap::of(&p.tokens, &g.tokens),
                        check_speaker(&p.claim, g),
                    )
                })
                .collect()
        })
        .collect();

    // gold side
    for (gi, g) in gold.iter().enumerate() {
        t.gold_all += 1;
        match (g.source.is_some(), g.speech_cue) {
            (true, true) => {}
            (true, false) => {
                t.gold_sourced += 1;
                t.gold_sourced_other_cue += 1;
                continue;
            }
            (false, true) => {
                t.gold_speech_no_source += 1;
                continue;
            }
            (false, false) => continue,
        }
        t.gold_sourced += 1;
        t.gold_in_scope += 1;
        let column = || pairs.iter().map(move |row| row[gi]);
        let content = column().any(|(o, _)| o.content_match());
        let matched = column().any(|(o, s)| o.content_match() && s.any());
        let strict = column().any(|(o, s)| o.strict_match() && s.any());
        let outcome = if matched {
            Outcome::Matched
        } else if content {
            Outcome::WrongSpeaker
        } else if column().any(|(o, _)| o.shared > 0) {
            Outcome::PartialContent
        } else {
            Outcome::NoOverlap
        };
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
        } else if unattributed
            .iter()
            .any(|q| Overlap::of(q, &g.tokens).content_match())
        {
            t.gold_found_by_unattributed_quote += 1;
        }
        let e = t.gold_by_cue.entry(cue_class(&g.cue_text)).or_default();
        e.0 += 1;
        e.1 += matched as usize;
        let e = t.by_publisher.entry(publisher(name)).or_default();
        e[0] += 1;
        e[1] += matched as usize;

        if !matched {
            let mut body = format!(
                "[{}] cue {:?}, source {:?}\n  gold content: {}\n",
                outcome.label(),
                g.cue_text,
                g.source_text,
                clip(&join_ranges(text, &g.content), 200)
            );
            // the prediction that comes closest, if any
            if let Some((pi, (o, _))) = pairs
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
                    describe_claim(&preds[pi].claim, text)
                );
            }
            let mut all = g.content.clone();
            all.extend(g.source.iter().flatten());
            all.extend(g.cue.iter().flatten());
            t.misses.push(Example {
                article: name.to_string(),
                text: context(text, &all),
                body,
            });
        }
    }

    // prediction side
    for (pi, p) in preds.iter().enumerate() {
        let kind = match p.claim.kind {
            ClaimKind::Quote => "quote",
            _ => "statement",
        };
        let row = &pairs[pi];
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
        let outcome = if matched {
            Outcome::Matched
        } else if content_sourced {
            Outcome::WrongSpeaker
        } else if row.iter().any(|(o, _)| o.shared > 0) {
            Outcome::PartialContent
        } else {
            Outcome::NoOverlap
        };
        *t.pred_outcome.entry(outcome).or_default() += 1;
        let e = t.pred_by_kind.entry(kind).or_default();
        e.0 += 1;
        e.1 += matched as usize;
        let e = t.by_publisher.entry(publisher(name)).or_default();
        e[2] += 1;
        e[3] += matched as usize;

        if !matched {
            let mut body = format!("[{}] {}\n", outcome.label(), describe_claim(&p.claim, text));
            if let Some((gi, (o, _))) = row
                .iter()
                .enumerate()
                .filter(|(_, (o, _))| o.shared > 0)
                .max_by(|a, b| a.1 .0.coefficient.total_cmp(&b.1 .0.coefficient))
            {
                let g = &gold[gi];
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
            t.false_positives.push(Example {
                article: name.to_string(),
                text: context(text, &all),
                body,
            });
        }
    }
}

// ---------------------------------------------------------------------------
// Display helpers

fn join_ranges(text: &str, r: &[(usize, usize)]) -> String {
    r.iter()
        .map(|&(a, b)| &text[a..b])
        .collect::<Vec<_>>()
        .join(" … ")
}

fn describe_claim(c: &Claim, text: &str) -> String {
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
fn clip(s: &str, n: usize) -> String {
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
fn context(text: &str, ranges: &[(usize, usize)]) -> String {
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

fn ratio(n: usize, d: usize) -> f64 {
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

// ---------------------------------------------------------------------------
// Main

/// The article stem of an .ann file name: `<stem>_<annotator>.ann`.
fn ann_stem(file: &str) -> Option<&str> {
    file.strip_suffix(".ann")?.rsplit_once('_').map(|(s, _)| s)
}

fn main() {
    let opts = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("polnear_eval: {e}");
            std::process::exit(2);
        }
    };
    // one short line per extractor panic; the article is named in the report
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("panic");
        let at = info
            .location()
            .map_or(String::new(), |l| format!(" at {}:{}", l.file(), l.line()));
        eprintln!("extractor panic{at}: {}", clip(msg, 120));
    }));
    let dir = opts.data.join(&opts.split);
    let wall = Instant::now();

    // one .ann per article: the first in sorted order
    let mut anns: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    let ann_dir = dir.join("attributions");
    let entries = std::fs::read_dir(&ann_dir).unwrap_or_else(|e| {
        eprintln!("polnear_eval: {}: {e}", ann_dir.display());
        std::process::exit(2);
    });
    for e in entries.flatten() {
        let file = e.file_name().to_string_lossy().into_owned();
        if let Some(stem) = ann_stem(&file) {
            anns.entry(stem.to_string()).or_default().push(e.path());
        }
    }
    let mut texts: Vec<PathBuf> = std::fs::read_dir(dir.join("text"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    texts.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    texts.sort();

    let mut t = Tally::default();
    let mut ps = ParseStats::default();
    let mut used = 0; // .ann stems that have a text
    for path in &texts {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let Some(files) = anns.get_mut(&stem) else {
            t.articles_without_ann += 1;
            continue;
        };
        used += 1;
        files.sort();
        t.multi_annotated += (files.len() > 1) as usize;
        let text = read(path);
        let ann = read(&files[0]);
        evaluate_article(&stem, text, &ann, &mut ps, &mut t);
    }
    let wall = wall.elapsed();
    let unmatched_anns = anns.len() - used;

    report(&opts, &t, &ps, wall, unmatched_anns);
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("polnear_eval: {}: {e}", path.display());
        std::process::exit(2);
    })
}

fn report(opts: &Options, t: &Tally, ps: &ParseStats, wall: Duration, unmatched_anns: usize) {
    let line = "-".repeat(72);
    println!("PolNeAR attribution eval — split `{}`", opts.split);
    println!("{line}");
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
    if unmatched_anns > 0 {
        println!("  .ann stems without a text: {unmatched_anns}");
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
    println!("{line}");
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
    row(
        "content + speaker (overlap ≥ 0.5)",
        t.gold_matched,
        t.gold_in_scope,
        t.pred_matched,
        t.predicted,
    );
    row(
        "content + speaker (Jaccard ≥ 0.5)",
        t.gold_matched_strict,
        t.gold_in_scope,
        t.pred_matched_strict,
        t.predicted,
    );
    row(
        "content only (overlap ≥ 0.5)",
        t.gold_content_matched,
        t.gold_in_scope,
        t.pred_content_matched,
        t.predicted,
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
    println!("{line}");
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
    println!("{line}");
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

    if opts.verbose > 0 {
        println!(
            "\n=== {} of {} misses ===",
            opts.verbose.min(t.misses.len()),
            t.misses.len()
        );
        for e in spread(&t.misses, opts.verbose) {
            println!("\n# {}\n{}  text: {}", e.article, e.body, e.text);
        }
        println!(
            "\n=== {} of {} false positives ===",
            opts.verbose.min(t.false_positives.len()),
            t.false_positives.len()
        );
        for e in spread(&t.false_positives, opts.verbose) {
            println!("\n# {}\n{}  text: {}", e.article, e.body, e.text);
        }
    }
}
