//! Notices: what factcheck could not do in full on an article. A hostile
//! or broken input may hold more than any article does; past a limit the
//! rest goes unread or unlisted, and the reader is told so, never left to
//! think the count was whole.

use serde::{Deserialize, Serialize};

use super::Span;

/// Which limit an article reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Limit {
    /// A sentence held more claims than [`crate::MAX_CLAIMS_PER_SENTENCE`];
    /// the rest of it was not read.
    ClaimsPerSentence,
    /// An article held more claims than [`crate::MAX_CLAIMS_PER_ARTICLE`];
    /// the rest of it was not read.
    ClaimsPerArticle,
    /// An article held more sentences than
    /// [`crate::MAX_SENTENCES_PER_ARTICLE`]; the rest of it was not read.
    SentencesPerArticle,
    /// An article had more findings than [`crate::MAX_FINDINGS_PER_ARTICLE`];
    /// the least severe were not listed.
    FindingsPerArticle,
    /// A metric had more facts than [`crate::MAX_FACTS_PER_FIGURE`]: each
    /// figure was ranked against that many of them.
    FactsPerFigure,
    /// Not a limit: a `<!-- factcheck: … -->` comment that suppresses no
    /// finding, or asks what no comment can (a stale or mistyped one).
    Suppression,
}

impl Limit {
    /// The name used in JSON and as a rule id.
    pub fn as_str(self) -> &'static str {
        match self {
            Limit::ClaimsPerSentence => "claims-per-sentence",
            Limit::ClaimsPerArticle => "claims-per-article",
            Limit::SentencesPerArticle => "sentences-per-article",
            Limit::FindingsPerArticle => "findings-per-article",
            Limit::FactsPerFigure => "facts-per-figure",
            Limit::Suppression => "suppression",
        }
    }
}

/// A limit reached on an article (or a suppression comment that does
/// nothing), reported as a warning in every format that reports on
/// articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    /// The limit.
    pub limit: Limit,
    /// What was left out, in a sentence.
    pub message: String,
    /// The first claim left out, when the limit is reached at a place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}
