//! What one article may produce. Work is linear in the input, but a
//! hostile article can still ask for more than any reader wants: a single
//! "sentence" of 25,000 figures, or a file whose every line is a finding.
//! Past these limits the rest is left out and a [`Notice`] says what and
//! where, so a count is never silently short.

use crate::model::{Claim, Correction, Finding, Limit, Notice, Status};

/// Claims read in one sentence. The most in the corpus (24,833 articles)
/// is 9; a table flattened into one line may hold dozens.
pub const MAX_CLAIMS_PER_SENTENCE: usize = 200;

/// Claims read in one article. The most in the corpus is 91; an article of
/// 100,000 claims is a dump, and each claim holds its words and sentence
/// (a hostile "5 killed. " repeated took 125 bytes of memory per byte).
pub const MAX_CLAIMS_PER_ARTICLE: usize = 100_000;

/// Sentences read in one article. The largest real copy the README
/// measures (100 MB) has about 770,000; a file of millions of one-word
/// paragraphs ("a", blank line, …) is no article, and each sentence read
/// costs some sixty bytes until the article is done.
pub const MAX_SENTENCES_PER_ARTICLE: usize = 4_000_000;

/// Findings listed for one article: more than any editor reads, and a
/// bound on what every format holds in memory at once.
pub const MAX_FINDINGS_PER_ARTICLE: usize = 10_000;

/// The longest stretch read as one sentence. Past it a sentence is cut at
/// the next character that is not a letter or digit: a megabyte without a
/// full stop (a hostile run of dots, a dump that lost its punctuation) is
/// no sentence, and reading it as one holds all its tokens at once.
pub(crate) const MAX_SENTENCE_BYTES: usize = 64 * 1024;

/// The longest sentence a claim carries whole; past it, a claim carries
/// its first [`CLAIM_WINDOW`] bytes and as many on either side. With at
/// most [`MAX_CLAIMS_PER_SENTENCE`] claims in a sentence of at most
/// [`MAX_SENTENCE_BYTES`], the text claims hold stays within a few times
/// the article's size, however dense a hostile article packs them.
pub(crate) const MAX_SENTENCE_TEXT: usize = 4096;
pub(crate) const CLAIM_WINDOW: usize = 400;

/// The most of a statement's words a claim keeps (the corpus's longest
/// reported statement is far shorter): a statement that runs on through a
/// hostile "sentence" must not be copied whole for each speaker in it.
pub(crate) const MAX_STATEMENT_WORDS: usize = 1024;

/// The most words of a quote aligned word by word against a reference
/// quote, past the words both share at their start and end. A word diff
/// costs the product of the two lengths when they differ throughout (an
/// 80,000-word hostile quote took minutes); the longest quote in the
/// corpus has a few hundred words. A longer changed middle is one
/// replaced run, so the quote reads as far from the reference (no
/// misquote is claimed on a diff not computed).
pub(crate) const MAX_ALIGNED_WORDS: usize = 2_000;

/// The longest reference phrase looked for as a run inside a longer quote
/// (every run of its length is aligned with it). Phrases curated as part
/// of a quote are a sentence or two.
pub(crate) const MAX_PHRASE_WORDS: usize = 200;

/// The reference quotes one article quote is compared with word by word:
/// those sharing the most words with it. A curated reference holds a
/// handful of quotes like any one quote; a hostile one may hold thousands
/// alike, each a word diff per quote.
pub(crate) const MAX_QUOTE_CANDIDATES: usize = 32;

/// The facts of one metric a figure is ranked against: those whose
/// `context:` words its sentence or paragraph holds first, then the others
/// in the reference's order. A curated reference holds dozens of facts per
/// metric; a hostile one with 16,000 facts that no word tells apart, read
/// against 16,000 figures, cost their product (16 s), and 100,000 figures
/// against 2,000 such facts 38 s. Past the limit a
/// notice names the metric.
pub const MAX_FACTS_PER_FIGURE: usize = 500;

/// The reference quotes counted for one article quote's words, rarest
/// words first: a curated reference of a few hundred quotes never comes
/// near it; a hostile one whose every quote holds every word would make
/// each article quote count them all (at 20,000, 64,000 near-miss quotes
/// against as many reference quotes took 24 s).
pub(crate) const MAX_QUOTE_POSTINGS: usize = 4_000;

/// The reference statements one reported statement is compared with: the
/// first of those filed under its words (`compare/statement.rs`). A
/// curated reference files a few under any word; a hostile one may file
/// thousands alike.
pub(crate) const MAX_STATEMENT_CANDIDATES: usize = 256;

/// The words at `a..b`, their first [`MAX_STATEMENT_WORDS`] bytes when
/// longer.
pub(crate) fn long_words(src: &str, a: usize, b: usize) -> &str {
    let b = if b - a > MAX_STATEMENT_WORDS {
        crate::lang::span::floor_char_boundary(src, a + MAX_STATEMENT_WORDS).max(a)
    } else {
        b
    };
    &src[a..b]
}

/// Keep the first [`MAX_CLAIMS_PER_SENTENCE`] claims of each sentence, in
/// place (an article's claims are not copied), with a notice at the first
/// claim left out. `claims` are in text order and `sentence_of` maps a
/// byte offset to its sentence.
pub(crate) fn claims_per_sentence(
    claims: &mut Vec<Claim>,
    sentence_of: impl Fn(usize) -> usize,
) -> Vec<Notice> {
    let mut notices = Vec::new();
    // the sentence being read and its claims so far
    let mut current = None;
    let mut count = 0;
    claims.retain(|c| {
        let s = sentence_of(c.span.start);
        if current != Some(s) {
            current = Some(s);
            count = 0;
        }
        count += 1;
        if count == MAX_CLAIMS_PER_SENTENCE + 1 {
            // (how many more there are is not known: extraction stopped
            // reading the sentence soon after the cap)
            notices.push(Notice {
                limit: Limit::ClaimsPerSentence,
                message: format!(
                    "this sentence holds more than {MAX_CLAIMS_PER_SENTENCE} claims, the most read in one sentence: from here on it was not read"
                ),
                span: Some(c.span),
            });
        }
        count <= MAX_CLAIMS_PER_SENTENCE
    });
    notices
}

/// Keep the first [`MAX_CLAIMS_PER_ARTICLE`] claims (in text order), with a
/// notice at the first left out. Extraction stops reading soon after the
/// cap, so how many more there were is not known.
pub(crate) fn claims_per_article(claims: &mut Vec<Claim>) -> Option<Notice> {
    let first_out = claims.get(MAX_CLAIMS_PER_ARTICLE)?.span;
    claims.truncate(MAX_CLAIMS_PER_ARTICLE);
    Some(Notice {
        limit: Limit::ClaimsPerArticle,
        message: format!(
            "this article holds more than {MAX_CLAIMS_PER_ARTICLE} claims, the most read in one article: from here on it was not read"
        ),
        span: Some(first_out),
    })
}

/// The notice for an article whose sentences stopped at
/// [`MAX_SENTENCES_PER_ARTICLE`], from `span` on.
pub(crate) fn sentences_per_article(span: crate::model::Span) -> Notice {
    Notice {
        limit: Limit::SentencesPerArticle,
        message: format!(
            "this article holds more than {MAX_SENTENCES_PER_ARTICLE} sentences, the most read in one article: from here on it was not read"
        ),
        span: Some(span),
    }
}

/// Keep the [`MAX_FINDINGS_PER_ARTICLE`] most severe findings, in article
/// order, and say how many of which status were left out. The least severe
/// go first, so a run's exit code and its errors never change.
pub(crate) fn findings_per_article(
    findings: &mut Vec<Finding>,
) -> Option<(Notice, Vec<Correction>)> {
    let total = findings.len();
    if total <= MAX_FINDINGS_PER_ARTICLE {
        return None;
    }
    let mut order: Vec<usize> = (0..total).collect();
    // stable: among equals, the earlier in the article stays
    order.sort_by_key(|&i| std::cmp::Reverse(findings[i].severity));
    let mut keep = vec![false; total];
    for &i in &order[..MAX_FINDINGS_PER_ARTICLE] {
        keep[i] = true;
    }
    let mut left = [0usize; Status::ALL.len()];
    let mut corrections = Vec::new();
    let mut i = 0;
    findings.retain_mut(|f| {
        let k = keep[i];
        i += 1;
        if !k {
            left[Status::ALL.iter().position(|&s| s == f.status).unwrap_or(0)] += 1;
            corrections.extend(f.correction.take());
        }
        k
    });
    let by_status: Vec<String> = Status::ALL
        .iter()
        .zip(left)
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{n} {}", s.as_str()))
        .collect();
    let notice = Notice {
        limit: Limit::FindingsPerArticle,
        message: format!(
            "{total} findings, more than the {MAX_FINDINGS_PER_ARTICLE} listed for one article: the most severe are listed; left out: {} (their corrections are still made by --write)",
            by_status.join(", ")
        ),
        span: None,
    };
    Some((notice, corrections))
}

/// One notice per metric whose figures were each ranked against only
/// [`MAX_FACTS_PER_FIGURE`] of its facts; `facts` counts a metric's facts
/// by (metric, percent).
pub(crate) fn facts_per_figure<'c>(
    claims: &'c [std::sync::Arc<Claim>],
    facts: impl Fn((&'c str, bool)) -> usize,
) -> Vec<Notice> {
    let mut told: Vec<(&str, bool)> = Vec::new();
    let mut notices = Vec::new();
    for c in claims {
        let Some(q) = &c.quantity else { continue };
        let key = (q.metric.as_str(), q.unit.as_deref() == Some("percent"));
        let n = facts(key);
        if n > MAX_FACTS_PER_FIGURE && !told.contains(&key) {
            told.push(key);
            notices.push(Notice {
                limit: Limit::FactsPerFigure,
                message: format!(
                    "the reference has {n} facts of `{}`{}, more than the {MAX_FACTS_PER_FIGURE} a figure is ranked against: each figure of it was ranked against those whose `context:` words stand near it, then the first in the reference's order",
                    key.0,
                    if key.1 { " (percent)" } else { "" }
                ),
                span: Some(c.span),
            });
        }
    }
    notices
}
