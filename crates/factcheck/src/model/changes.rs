//! Draft against draft: the claims that differ between two versions of an
//! article, what `factcheck diff` prints.

use serde::Serialize;

use super::DiffPart;

/// What kind of claim changed between two drafts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// A quantity claim.
    Figure,
    /// Words in quotation marks.
    Quote,
    /// Reported speech.
    Statement,
}

/// How a claim changed between two drafts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeType {
    /// Only in the new draft.
    Added,
    /// Only in the old draft.
    Removed,
    /// In both, with other words, figure or speaker.
    Changed,
}

impl std::fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ChangeKind::Figure => "figure",
            ChangeKind::Quote => "quote",
            ChangeKind::Statement => "statement",
        })
    }
}

impl std::fmt::Display for ChangeType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ChangeType::Added => "added",
            ChangeType::Removed => "removed",
            ChangeType::Changed => "changed",
        })
    }
}

/// One claim that differs between two drafts of an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// Figure, quote or statement.
    pub kind: ChangeKind,
    /// Added, removed or changed.
    pub change: ChangeType,
    /// What the claim is about: the metric, or the speaker.
    pub about: String,
    /// The claim in the old draft, in words.
    pub old: Option<String>,
    /// The claim in the new draft, in words.
    pub new: Option<String>,
    /// Line of the claim in the old draft.
    pub old_line: Option<usize>,
    /// Line of the claim in the new draft.
    pub new_line: Option<usize>,
    /// Word diff of a quote or statement whose words changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<Vec<DiffPart>>,
}

/// The result of `factcheck diff OLD NEW`: what `--format json` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DraftDiff {
    /// The output contract's version.
    pub version: u32,
    /// Path of the old draft.
    pub old: String,
    /// Path of the new draft.
    pub new: String,
    /// The changed claims, in the new draft's order.
    pub changes: Vec<Change>,
}
