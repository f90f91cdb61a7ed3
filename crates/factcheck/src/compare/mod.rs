//! Comparison: claims × reference → findings. A [`Checker`] is built once
//! per reference — facts indexed by metric, quotes and statements read
//! once, source names indexed — and then judges any number of articles, so
//! a check stays linear in claims plus reference entries per metric.
//!
//! One file per kind of claim: `figure.rs`, `quote.rs`, `statement.rs`;
//! `words.rs` holds the word-level matching they share; `correct.rs`
//! applies fixes; `drafts.rs` compares two drafts.

use std::collections::HashMap;
use std::sync::Arc;

use crate::article::Article;
use crate::extract::Extractor;
use crate::lang::names::normalise_name;
use crate::lexicon::grammar::ADDITION_OPENERS;
use crate::model::{ArticleReport, Claim, ClaimKind, Finding, Severity, Status};
use crate::reference::{Fact, Reference};

mod asserted;
mod beside;
mod candidates;
mod charts;
mod choose;
mod competing;
pub mod correct;
mod credit;
pub mod drafts;
mod figure;
mod fix;
mod long_quote;
mod names;
mod own_place;
mod own_source;
mod paragraph;
mod place;
mod quote;
mod quote_index;
mod scene;
mod spoken;
mod statement;
mod suppress;
mod tied;
pub(crate) mod words;

/// Checks articles against one reference.
pub struct Checker<'r> {
    reference: &'r Reference,
    extractor: Extractor<'r>,
    /// The facts of each metric and unit (percent or not), read once.
    by_metric: HashMap<(&'r str, bool), candidates::Candidates<'r>>,
    by_value: candidates::ByValue<'r>,
    quotes: Vec<PreparedQuote<'r>>,
    /// Each lower-cased word to the quotes that hold it, in reference
    /// order: an article quote is compared only with the quotes it shares
    /// words with, not with every quote of a long reference.
    /// (foldhash, seeded at random: every word of every article quote is
    /// looked up here)
    quote_index: names::HashMap<String, Vec<usize>>,
    /// The fewest words of any reference quote (`usize::MAX` when there is
    /// none): with how many of an article quote's words the index holds,
    /// it bounds what any quote can share with it.
    shortest_quote: usize,
    /// Each prepared quote's place by its id.
    quote_by_id: HashMap<&'r str, usize>,
    /// Reference statements with their `says` words.
    statements: Vec<(&'r crate::reference::RefStatement, Vec<String>)>,
    /// Statements by the stem of their first word (`statement.rs`).
    statement_index: names::HashMap<String, Vec<usize>>,
    /// The first bytes of the statement index's keys: a word starting
    /// with none of them is passed over without a look-up.
    statement_initials: [bool; 256],
    /// The index's ASCII keys, packed: an ASCII content whose words hold
    /// none has no candidate, and is not read word by word (most contents
    /// of an archive).
    statement_keys: Vec<u32>,
    /// Source names and aliases, indexed.
    names: names::Names,
    /// Each fact by its id, for the passes over findings.
    fact_by_id: HashMap<&'r str, &'r Fact>,
    /// The `missing` finding of each required fact that is no series (the
    /// same for every article: made once).
    missing_findings: HashMap<&'r str, Finding>,
}

/// A reference quote read once: its words with their places, and the set
/// of its lower-cased words for a quick test of overlap.
pub(super) struct PreparedQuote<'r> {
    pub(super) quote: &'r crate::reference::RefQuote,
    pub(super) words: Vec<(String, (usize, usize))>,
    pub(super) plain: Vec<String>,
    /// Its words lower-cased, sorted (with repeats): how many words an
    /// article quote shares with it bounds how close the two can be.
    pub(super) sorted: Vec<String>,
    /// `plain` run together, for finding article quotes inside it.
    pub(super) squashed: words::Squashed,
    /// Where its words are, for a quote too long to align whole.
    pub(super) places: Option<long_quote::Places>,
}

impl<'r> Checker<'r> {
    /// Index the reference once: facts by metric, quotes and statements
    /// read into words, source names and aliases normalised; and an
    /// extractor with the reference's lexicon and names.
    pub fn new(reference: &'r Reference) -> Checker<'r> {
        let mut grouped: HashMap<(&str, bool), Vec<&Fact>> = HashMap::new();
        for f in &reference.facts {
            grouped
                .entry((f.metric.as_str(), f.percent))
                .or_default()
                .push(f);
        }
        let by_metric = grouped
            .into_iter()
            .map(|(k, facts)| (k, candidates::Candidates::new(facts, &reference.lexicon)))
            .collect();
        let quotes: Vec<PreparedQuote> = reference
            .quotes
            .iter()
            .map(|quote| {
                let words = words::quote_words(&quote.text);
                let plain: Vec<String> = words.iter().map(|w| w.0.clone()).collect();
                let mut sorted: Vec<String> = plain.iter().map(|w| w.to_lowercase()).collect();
                sorted.sort_unstable();
                PreparedQuote {
                    quote,
                    squashed: words::Squashed::new(&plain),
                    places: long_quote::Places::of(&plain),
                    words,
                    plain,
                    sorted,
                }
            })
            .collect();
        let mut quote_index: names::HashMap<String, Vec<usize>> = Default::default();
        for (i, pq) in quotes.iter().enumerate() {
            let mut words = pq.sorted.clone();
            words.dedup();
            for w in words {
                quote_index.entry(w).or_default().push(i);
            }
        }
        let statements: Vec<(&crate::reference::RefStatement, Vec<String>)> = reference
            .statements
            .iter()
            .map(|s| (s, words::content_words(&s.says)))
            .collect();
        let statement_index = statement::statement_index(&reference.lexicon, &statements);
        let shortest_quote = quotes
            .iter()
            .map(|q| q.plain.len())
            .min()
            .unwrap_or(usize::MAX);
        let quote_by_id = quotes
            .iter()
            .enumerate()
            .map(|(i, pq)| (pq.quote.id.as_str(), i))
            .collect();
        let mut checker = Checker {
            reference,
            extractor: Extractor::for_reference(reference),
            by_metric,
            quotes,
            quote_by_id,
            shortest_quote,
            quote_index,
            statement_initials: statement::initials(&statement_index),
            statement_keys: statement::packed_keys(&statement_index),
            statement_index,
            statements,
            names: names::Names::new(reference),
            fact_by_id: reference.facts.iter().map(|f| (f.id.as_str(), f)).collect(),
            missing_findings: HashMap::new(),
            by_value: candidates::ByValue::new(&reference.facts),
        };
        checker.missing_findings = reference
            .facts
            .iter()
            .filter(|f| f.required && !matches!(f.accepted, crate::reference::Accepted::Series(..)))
            .map(|f| (f.id.as_str(), checker.missing(f, None)))
            .collect();
        checker
    }

    /// The reference source a claim's speaker is, if any.
    fn speaker_id(&self, claim: &Claim) -> Option<String> {
        let a = claim.attribution.as_ref()?;
        let mention = normalise_name(&a.mention);
        if let Some(s) = self.names.get(&mention) {
            return Some(s.clone());
        }
        // the name the mention holds beats the entity the registry joined
        // it to ("Ole Solvang HRW deputy director" is Solvang, not HRW)
        if let Some(s) = self.names.within(&mention) {
            return Some(s);
        }
        if let Some(s) = &a.source {
            return Some(s.clone());
        }
        let speaker = normalise_name(&a.speaker);
        if let Some(s) = self.names.get(&speaker) {
            return Some(s.clone());
        }
        // a person's name that opens a source's longer name ("Fadlullah
        // Naji" for "Fadlullah Naji of the al-Sham Legion"), when only one
        // source's name opens so
        self.names.opening(&speaker)
    }

    fn severity(&self, status: Status, default: Severity) -> Severity {
        self.reference
            .severity
            .get(&status)
            .copied()
            .unwrap_or(default)
    }

    fn finding(
        &self,
        status: Status,
        fact: Option<&str>,
        claim: Option<&Arc<Claim>>,
        expected: Option<String>,
        found: Option<String>,
        message: String,
    ) -> Finding {
        Finding {
            status,
            severity: self.severity(status, status.default_severity()),
            fact: fact.map(String::from),
            claim: claim.map(Arc::clone),
            expected,
            found,
            message,
            diff: None,
            correction: None,
        }
    }

    /// The fact a finding is about, by its id.
    pub(super) fn fact_of(&self, f: &Finding) -> Option<&'r Fact> {
        f.fact
            .as_deref()
            .and_then(|id| self.fact_by_id.get(id).copied())
    }

    /// The article's date, a year-less dateline's in the reference's year.
    pub(super) fn date_of(&self, article: &Article) -> Option<chrono::NaiveDate> {
        article.date_as_of(self.reference.as_of)
    }

    /// Extract the article's claims with the reference's lexicon and source
    /// names, and judge them: the findings in article order.
    pub fn check(&self, article: &Article) -> ArticleReport {
        let extracted = self.extractor.extract(article);
        // (each claim shared by the findings on it)
        let claims: Vec<Arc<Claim>> = extracted.claims.into_iter().map(Arc::new).collect();
        let mut findings = self.findings(article, &claims);
        spoken::spare_quoted_words(&article.text, &mut findings);
        spoken::spare_quoted_speakers(&claims, &mut findings);
        self.spare_others_quoted_figures(&claims, &mut findings);
        correct::spare_unsafe(&article.text, &mut findings, &self.reference.lexicon);
        let (mut findings, suppressed, unused) =
            suppress::apply(&article.text, findings, |a, b| {
                article.lines.span(&article.text, a, b)
            });
        let mut notices = extracted.notices;
        notices.extend(unused);
        notices.extend(crate::limits::facts_per_figure(&claims, |key| {
            self.by_metric.get(&key).map_or(0, |c| c.facts.len())
        }));
        let mut unlisted_corrections = Vec::new();
        if let Some((notice, corrections)) = crate::limits::findings_per_article(&mut findings) {
            notices.push(notice);
            unlisted_corrections = corrections;
        }
        ArticleReport {
            path: article.path.clone(),
            reference: self.reference.path.display().to_string(),
            findings,
            notices,
            suppressed: suppressed
                .into_iter()
                .map(|finding| crate::model::Suppressed {
                    by: crate::model::SetAside::Comment,
                    finding,
                })
                .collect(),
            unlisted_corrections,
            settled: None,
        }
    }

    /// The findings for claims already extracted from `article`, in article order.
    pub fn findings(&self, article: &Article, claims: &[Arc<Claim>]) -> Vec<Finding> {
        let mut out = Vec::new();
        let mut stated: std::collections::HashSet<&str> = std::collections::HashSet::new();
        // each figure's number and phrase, in text order
        let mut spans: Vec<_> = claims
            .iter()
            .filter_map(|c| {
                let q = c.quantity.as_ref()?;
                Some((
                    q.style.number_span,
                    (c.span.start, c.span.end),
                    q.metric.as_str(),
                ))
            })
            .collect();
        spans.sort_unstable();
        let figures: Vec<(usize, usize)> = spans.iter().map(|s| s.0).collect();
        let mut quotes = self.quote_matches(claims);
        for (i, c) in claims.iter().enumerate() {
            match c.kind {
                ClaimKind::Quantity => self.figure(article, c, &mut out, &mut stated, &spans),
                ClaimKind::Quote => {
                    let found = std::mem::take(&mut quotes.found[i]);
                    self.quote(article, c, found, &quotes.verbatim, &mut out)
                }
                ClaimKind::Statement => {
                    self.statement(c, &figures, &mut out);
                    self.inner_quotes(article, c, &mut out);
                }
            }
        }
        // a sentence states a fact once: beside a figure that agrees with
        // it, another figure of the metric that does not name the same
        // people ("125 people were injured and 40 were hospitalized")
        // counts something else the reference does not hold; one that does
        // ("two children" … "five children") contradicts it, unless it is a
        // part of that figure ("13 died, 6 of whom in a landslide")
        let subject = |c: &Claim| c.quantity.as_ref().and_then(|q| q.subject.clone());
        let part = |c: &Claim| c.quantity.as_ref().is_some_and(|q| q.part);
        let agreed: std::collections::HashSet<(&str, &str, Option<String>, bool)> = out
            .iter()
            .filter(|f| f.status == Status::Match)
            .filter_map(|f| {
                let c = f.claim.as_ref().filter(|c| c.kind == ClaimKind::Quantity)?;
                Some((f.fact.as_deref()?, c.text.as_str(), subject(c), part(c)))
            })
            .collect();
        let beside: Vec<usize> = out
            .iter()
            .enumerate()
            .filter(|(_, f)| f.status == Status::Mismatch && f.severity > Severity::Warning)
            .filter(|(_, f)| {
                f.fact
                    .as_deref()
                    .zip(f.claim.as_ref())
                    .is_some_and(|(id, c)| {
                        let own = subject(c);
                        let of_whole = part(c);
                        agreed.iter().any(|(i, t, s, p)| {
                            *i == id
                                && *t == c.text
                                && (own.is_none() || *s != own || (of_whole && !p))
                        })
                    })
            })
            .map(|(i, _)| i)
            .collect();
        for i in beside {
            soften(
                &mut out[i],
                ", which another figure in the sentence states: it may count something else",
            );
        }
        // a related story's headline on the page is not the article's claim:
        // never an error, never rewritten
        for f in &mut out {
            if f.claim.as_ref().and_then(|c| c.context.as_deref()) == Some("teaser") {
                f.severity = f.severity.min(Severity::Warning);
                f.correction = None;
            }
        }
        self.narrower_beside_a_match(&mut out);
        self.looser_beside_a_match(&mut out);
        self.competing_counts(&mut out);
        self.keep_confirmed_speakers(&mut out);
        credit::one_fix_per_mention(&mut out);
        relays_of_confirmed_words(&mut out);
        self.sourced_elsewhere(article, &mut out);
        for f in &self.reference.facts {
            if f.required && !stated.contains(f.id.as_str()) {
                out.push(match self.missing_findings.get(f.id.as_str()) {
                    Some(missing) => missing.clone(),
                    None => self.missing(f, self.date_of(article)),
                });
            }
        }
        out
    }
}

impl Checker<'_> {
    /// The finding for a required fact an article dated `date` never states.
    fn missing(&self, f: &Fact, date: Option<chrono::NaiveDate>) -> Finding {
        let expected = figure::describe_fact(f, self.reference, date);
        let message = format!(
            "The article never states `{}` ({}): add {}.",
            f.id, f.metric, expected
        );
        self.finding(
            Status::Missing,
            Some(&f.id),
            None,
            Some(expected),
            None,
            message,
        )
    }
}

/// A mismatch that is no sure error: a warning without a fix, saying why.
fn soften(f: &mut Finding, why: &str) {
    f.severity = Severity::Warning;
    f.correction = None;
    f.message = format!(
        "“{}” does not agree with `{}`{why}; check it.",
        f.found.as_deref().unwrap_or(""),
        f.fact.as_deref().unwrap_or("")
    );
}

/// Whether a sentence opens by adding to what was told before ("In
/// addition, …", "Additionally, …"): its count is another one.
fn adds(sentence: &str) -> bool {
    let s = sentence.trim_start().to_lowercase();
    ADDITION_OPENERS
        .iter()
        .any(|o| s.strip_prefix(o).is_some_and(|r| r.starts_with([',', ' '])))
}

impl Checker<'_> {
    /// A speaker's words that credit one claim the reference confirms are
    /// not rewritten for another claim they also credit ("Communist rebels
    /// said they destroyed a bridge, and seven rebels were killed", where
    /// the toll is the army's; "Bob Smith said 143 people were killed and
    /// 1,179 injured", where the injured are another source's): the fix
    /// would make the confirmed claim wrong, and a second `--write` would
    /// put the words back. A warning, without a fix.
    fn keep_confirmed_speakers(&self, out: &mut [Finding]) {
        let mention = |f: &Finding| {
            f.claim
                .as_ref()
                .and_then(|c| c.attribution.as_ref())
                .and_then(|a| a.mention_span)
        };
        // (a figure's value that matches confirms the speaker only when
        // the fact has it from that very source)
        let confirms = |f: &Finding, c: &Claim| {
            c.kind != ClaimKind::Quantity
                || f.fact
                    .as_deref()
                    .and_then(|id| self.reference.fact(id))
                    .and_then(|fact| fact.source.as_deref())
                    .is_some_and(|s| self.speaker_id(c).as_deref() == Some(s))
        };
        // (a figure that disagrees still confirms its speaker when the fact
        // is that speaker's: "Civil defence said 241 were killed, including
        // 61 children", 214 being civil defence's count and the children
        // UNICEF's, must not become "UNICEF said 241")
        let confirmed: Vec<((usize, usize), (usize, usize))> = out
            .iter()
            .filter(|f| {
                f.status == Status::Match
                    || f.status == Status::Mismatch
                        && f.claim
                            .as_ref()
                            .is_some_and(|c| c.kind == ClaimKind::Quantity)
            })
            .filter_map(|f| {
                let c = f.claim.as_ref().filter(|c| confirms(f, c))?;
                Some((mention(f)?, (c.span.start, c.span.end)))
            })
            .collect();
        for f in out.iter_mut() {
            let own = f.claim.as_ref().map(|c| (c.span.start, c.span.end));
            let rewrites_mention = f.status == Status::Misattributed
                && f.correction.is_some()
                && mention(f).is_some_and(|m| {
                    confirmed
                        .iter()
                        .any(|&(cm, span)| cm == m && Some(span) != own)
                });
            if rewrites_mention {
                f.severity = f.severity.min(Severity::Warning);
                f.correction = None;
                f.message.push_str(
                    " The same words credit another claim the reference gives them, so they are not rewritten: check who said it.",
                );
            }
        }
    }
}

impl Checker<'_> {
    /// A required source missing at one mention of a figure that another
    /// mention credits to it (a lede restating what the Observatory said
    /// further down): the article does name the source, so the missing one
    /// is a warning.
    fn sourced_elsewhere(&self, article: &Article, out: &mut [Finding]) {
        let missing =
            |f: &Finding| f.status == Status::Unattributed && f.severity > Severity::Warning;
        if !out.iter().any(missing) {
            return;
        }
        let credited: Vec<String> = out
            .iter()
            .filter(|f| f.status == Status::Match)
            .filter_map(|f| {
                let id = f.fact.as_deref()?;
                let want = self.reference.fact(id)?.source.as_deref()?;
                let c = f.claim.as_ref().filter(|c| c.kind == ClaimKind::Quantity)?;
                // credited in its sentence, or going on in the words of the
                // sentence before, which names the source
                let speaker = self.speaker_id(c);
                (speaker.as_deref() == Some(want)
                    || speaker.is_none() && self.named_before(article, c, want))
                .then(|| id.to_string())
            })
            .collect();
        for f in out.iter_mut() {
            let elsewhere = missing(f) && f.fact.as_ref().is_some_and(|id| credited.contains(id));
            if elsewhere {
                f.severity = Severity::Warning;
                f.message
                    .push_str(" (Another mention of the figure in the article credits it.)");
            }
        }
    }
}

/// "He said Iraq lost 3,000 men …, IRNA, monitored by the BBC, said": the
/// same words credited to two speakers, one of them the reference's. The
/// other relays them, or the extractor took the wrong one; either way
/// crediting it is no sure error, and its name is not rewritten.
fn relays_of_confirmed_words(out: &mut [Finding]) {
    let span = |f: &Finding| f.claim.as_ref().map(|c| (c.span.start, c.span.end));
    let confirmed: Vec<(String, (usize, usize))> = out
        .iter()
        .filter(|f| f.status == Status::Match)
        .filter(|f| {
            f.claim
                .as_ref()
                .is_some_and(|c| c.kind != ClaimKind::Quantity)
        })
        .filter_map(|f| Some((f.fact.clone()?, span(f)?)))
        .collect();
    for f in out.iter_mut() {
        if f.status != Status::Misattributed || f.severity <= Severity::Warning {
            continue;
        }
        let (Some(id), Some((a, b))) = (f.fact.as_deref(), span(f)) else {
            continue;
        };
        // the same reference entry matched on words that overlap these
        let relayed = confirmed
            .iter()
            .any(|(i, (ca, cb))| i == id && *ca < b && a < *cb);
        if relayed {
            f.severity = Severity::Warning;
            f.correction = None;
            f.message.push_str(
                " The same words are credited to the reference's source too, so this one may only relay them: check who said it.",
            );
        }
    }
}
