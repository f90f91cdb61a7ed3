//! Comparison: claims × reference → findings. A [`Checker`] is built once
//! per reference — facts indexed by metric, quotes and statements read
//! once, source names indexed — and then judges any number of articles, so
//! a check stays linear in claims plus reference entries per metric.
//!
//! One file per kind of claim: `figure.rs`, `quote.rs`, `statement.rs`;
//! `words.rs` holds the word-level matching they share; `correct.rs`
//! applies fixes; `drafts.rs` compares two drafts.

use std::collections::HashMap;

use crate::article::Article;
use crate::extract::Extractor;
use crate::lang::names::normalise_name;
use crate::lexicon::grammar;
use crate::model::{
    ArticleReport, Claim, ClaimKind, Correction, Finding, Resolution, Severity, Status,
};
use crate::reference::{Fact, Reference};

mod choose;
pub mod correct;
pub mod drafts;
mod figure;
mod fix;
mod quote;
mod statement;
mod words;

/// Source names and aliases, normalised, to their ids.
fn source_index(reference: &Reference) -> HashMap<String, String> {
    let mut index = HashMap::new();
    for s in &reference.sources {
        for n in std::iter::once(&s.name).chain(&s.aliases) {
            index
                .entry(normalise_name(n))
                .or_insert_with(|| s.id.clone());
        }
    }
    index
}

/// Checks articles against one reference.
pub struct Checker<'r> {
    reference: &'r Reference,
    extractor: Extractor<'r>,
    by_metric: HashMap<&'r str, Vec<&'r Fact>>,
    quotes: Vec<PreparedQuote<'r>>,
    /// Reference statements with their `says` words.
    statements: Vec<(&'r crate::reference::RefStatement, Vec<String>)>,
    sources: HashMap<String, String>,
}

/// A reference quote read once: its words with their places, and the set
/// of its lower-cased words for a quick test of overlap.
pub(super) struct PreparedQuote<'r> {
    pub(super) quote: &'r crate::reference::RefQuote,
    pub(super) words: Vec<(String, (usize, usize))>,
    pub(super) plain: Vec<String>,
    pub(super) set: std::collections::HashSet<String>,
}

impl<'r> Checker<'r> {
    /// Index the reference once: facts by metric, quotes and statements
    /// read into words, source names and aliases normalised; and an
    /// extractor with the reference's lexicon and names.
    pub fn new(reference: &'r Reference) -> Checker<'r> {
        let mut by_metric: HashMap<&str, Vec<&Fact>> = HashMap::new();
        for f in &reference.facts {
            by_metric.entry(f.metric.as_str()).or_default().push(f);
        }
        let quotes = reference
            .quotes
            .iter()
            .map(|quote| {
                let words = words::quote_words(&quote.text);
                let plain: Vec<String> = words.iter().map(|w| w.0.clone()).collect();
                let set = plain.iter().map(|w| w.to_lowercase()).collect();
                PreparedQuote {
                    quote,
                    words,
                    plain,
                    set,
                }
            })
            .collect();
        let statements = reference
            .statements
            .iter()
            .map(|s| (s, words::content_words(&s.says)))
            .collect();
        Checker {
            reference,
            extractor: Extractor::for_reference(reference),
            by_metric,
            quotes,
            statements,
            sources: source_index(reference),
        }
    }

    /// The reference source a claim's speaker is, if any.
    fn speaker_id(&self, claim: &Claim) -> Option<String> {
        let a = claim.attribution.as_ref()?;
        if let Some(s) = &a.source {
            return Some(s.clone());
        }
        self.sources
            .get(&normalise_name(&a.speaker))
            .or_else(|| self.sources.get(&normalise_name(&a.mention)))
            .cloned()
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
        claim: Option<&Claim>,
        expected: Option<String>,
        found: Option<String>,
        message: String,
    ) -> Finding {
        Finding {
            status,
            severity: self.severity(status, status.default_severity()),
            fact: fact.map(String::from),
            claim: claim.cloned(),
            expected,
            found,
            message,
            diff: None,
            correction: None,
        }
    }

    /// A claim given to another speaker than the reference's `right`. With
    /// the speaker named in the claim's sentence: an error, and the fix puts
    /// the right name in the mention's place. With a speaker found through a
    /// pronoun, a description or another sentence, the speaker may be the
    /// extractor's guess: a warning that says so, and no rewrite.
    /// The words that credit source `want` in place of the mention `given`:
    /// a titled mention ("health minister jorge brancho") is replaced by
    /// the source's titled alias ("Information Minister Marco Lara") when
    /// the reference has one, else by its name.
    fn credit(&self, want: &str, given: &str) -> String {
        let name = self.reference.source_name(want);
        let titles = &self.reference.lexicon.titles;
        let titled = |s: &str| {
            s.split_whitespace()
                .find(|w| !grammar::ARTICLES.contains(&w.to_lowercase().as_str()))
                .is_some_and(|w| titles.contains(w.to_lowercase().trim_end_matches('.')))
        };
        if !titled(given) {
            return name;
        }
        self.reference
            .sources
            .iter()
            .filter(|s| s.id == want)
            .flat_map(|s| &s.aliases)
            .filter(|a| titled(a) && a.ends_with(name.as_str()))
            .max_by_key(|a| a.len())
            .cloned()
            .unwrap_or(name)
    }

    fn misattributed(&self, c: &Claim, id: &str, want: &str, message: String) -> Finding {
        let right = self.reference.source_name(want);
        let given = c.attribution.as_ref();
        let mut f = self.finding(
            Status::Misattributed,
            Some(id),
            Some(c),
            Some(right.clone()),
            Some(given.map_or(String::new(), |a| a.speaker.clone())),
            message,
        );
        match given {
            Some(a) if a.resolved.is_sure() => {
                f.correction = a.mention_span.map(|(start, end)| Correction {
                    start,
                    end,
                    replacement: self.credit(want, &a.mention),
                });
            }
            Some(a) => {
                f.severity = f.severity.min(Severity::Warning);
                f.message = format!(
                    "The article seems to give this to {} (“{}”, {}); the reference has it from {right}.",
                    a.speaker,
                    a.mention,
                    match a.resolved {
                        Resolution::Pronoun => "a pronoun",
                        Resolution::Carried => "a speaker from another sentence",
                        Resolution::Citation => "a citation",
                        _ => "a description",
                    }
                );
            }
            None => {}
        }
        f
    }

    /// Extract the article's claims with the reference's lexicon and source
    /// names, and judge them: the findings in article order.
    pub fn check(&self, article: &Article) -> ArticleReport {
        let claims = self.extractor.extract(article);
        ArticleReport {
            path: article.path.clone(),
            reference: self.reference.path.display().to_string(),
            findings: self.findings(article, &claims.claims),
        }
    }

    /// The findings for claims already extracted from `article`, in article order.
    pub fn findings(&self, article: &Article, claims: &[Claim]) -> Vec<Finding> {
        let mut out = Vec::new();
        let mut stated: std::collections::HashSet<&str> = std::collections::HashSet::new();
        let mut figures: Vec<(usize, usize)> = claims
            .iter()
            .filter_map(|c| c.quantity.as_ref().map(|q| q.style.number_span))
            .collect();
        figures.sort_unstable();
        for c in claims {
            match c.kind {
                ClaimKind::Quantity => self.figure(article, c, &mut out, &mut stated, &figures),
                ClaimKind::Quote => self.quote(article, c, &mut out),
                ClaimKind::Statement => self.statement(c, &figures, &mut out),
            }
        }
        for f in &self.reference.facts {
            if f.required && !stated.contains(f.id.as_str()) {
                let expected = figure::describe_fact(f, self.reference, article.date);
                out.push(self.finding(
                    Status::Missing,
                    Some(&f.id),
                    None,
                    Some(expected.clone()),
                    None,
                    format!(
                        "The article never states `{}` ({}): add {}.",
                        f.id, f.metric, expected
                    ),
                ));
            }
        }
        out
    }

    fn unattributed(&self, c: &Claim, fact: Option<&Fact>, required: bool, out: &mut Vec<Finding>) {
        // a citation marker ("…,[9]") sources a figure, but a fact whose
        // source must be named wants the name in the text
        let cited = c
            .attribution
            .as_ref()
            .is_some_and(|a| a.resolved == Resolution::Citation);
        if c.attribution.is_some() && !(cited && required) {
            return;
        }
        let what = match c.kind {
            ClaimKind::Quantity => "figure",
            ClaimKind::Quote => "quote",
            ClaimKind::Statement => "statement",
        };
        let mut f = self.finding(
            Status::Unattributed,
            fact.map(|f| f.id.as_str()),
            Some(c),
            fact.and_then(|f| f.source.as_ref())
                .map(|s| format!("attributed to {}", self.reference.source_name(s))),
            None,
            match fact.and_then(|f| f.source.as_ref()) {
                Some(s) => format!(
                    "The {what} has no source in the article; credit {}.",
                    self.reference.source_name(s)
                ),
                None => format!("The {what} has no source in the article; say who said it."),
            },
        );
        if cited {
            // the footnote may well name the source: a warning, not a failure
            f.message = f.message.replacen(
                "has no source in the article",
                "has only a citation marker for a source",
                1,
            );
            out.push(f);
            return;
        }
        if required {
            match fact.and_then(|f| self.source_named_in(f, &c.text)) {
                // the source is there; the extractor did not tie it to the
                // figure (an unusual construction): not sure enough to fail
                Some(name) => {
                    f.message = format!(
                        "The {what}'s source is not clear: {name} is named in the sentence, but not as the one who gives it."
                    );
                }
                None => f.severity = self.severity(Status::Unattributed, Severity::Error),
            }
        }
        out.push(f);
    }

    /// The fact's source as `text` names it (its name or an alias, whole
    /// words, any case), if it does.
    fn source_named_in(&self, fact: &Fact, text: &str) -> Option<String> {
        let id = fact.source.as_ref()?;
        let source = self.reference.sources.iter().find(|s| &s.id == id)?;
        let text = text.to_lowercase();
        std::iter::once(&source.name)
            .chain(&source.aliases)
            .find(|n| choose::contains_word(&text, &n.to_lowercase()))
            .cloned()
    }
}
