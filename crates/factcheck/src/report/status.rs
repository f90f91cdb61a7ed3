//! What each status and severity is called in every format, in one place:
//! a status's marker and its short and long descriptions, and the level a
//! severity becomes in text, GitHub and SARIF output.

use annotate_snippets::Level;

use crate::model::{Severity, Status};

/// The words a status goes by.
pub(crate) struct StatusWords {
    /// A text marker shown beside the status name, so that status never
    /// rests on colour alone.
    pub marker: &'static str,
    /// A short phrase for legends and tooltips.
    pub short: &'static str,
    /// One sentence, for rule descriptions (SARIF).
    pub long: &'static str,
}

/// The words of `status`.
pub(crate) fn words(status: Status) -> StatusWords {
    let (marker, short, long) = match status {
        Status::Match => (
            "✓",
            "agrees with the reference",
            "The claim agrees with a reference fact, quote or statement.",
        ),
        Status::Mismatch => (
            "✗",
            "a figure the reference contradicts",
            "The claim is about a reference fact but its value is inconsistent with it.",
        ),
        Status::Misquoted => (
            "≠",
            "words that differ from the reference quote",
            "A quote differs in its words from the speaker's reference quote.",
        ),
        Status::Misattributed => (
            "⇄",
            "credited to someone the reference does not",
            "A quote, statement or figure is given to another speaker or source than the reference says.",
        ),
        Status::Unattributed => (
            "∅",
            "no source named in the article",
            "A figure, quote or statement has no source in the article.",
        ),
        Status::Unverified => (
            "?",
            "no reference entry covers it",
            "No reference entry covers the claim.",
        ),
        Status::Missing => (
            "!",
            "a required fact the article never states",
            "A required fact is never stated in the article.",
        ),
    };
    StatusWords {
        marker,
        short,
        long,
    }
}

/// The marker and name of a status: `✗ mismatch`.
pub(crate) fn tag(status: Status) -> String {
    format!("{} {}", words(status).marker, status.as_str())
}

/// What a severity becomes in each format.
pub(crate) struct Levels {
    /// The diagnostic level drawn by annotate-snippets.
    pub text: Level,
    /// The GitHub Actions workflow command.
    pub github: &'static str,
    /// The SARIF result level.
    pub sarif: &'static str,
}

/// The levels of `severity`.
pub(crate) fn levels(severity: Severity) -> Levels {
    match severity {
        Severity::Error => Levels {
            text: Level::Error,
            github: "error",
            sarif: "error",
        },
        Severity::Warning => Levels {
            text: Level::Warning,
            github: "warning",
            sarif: "warning",
        },
        Severity::Info => Levels {
            text: Level::Info,
            github: "notice",
            sarif: "note",
        },
    }
}
