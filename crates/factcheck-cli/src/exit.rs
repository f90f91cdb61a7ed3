//! Exit codes, in one place: 0 clean, 1 findings at the failing level (or
//! drafts that differ), 2 bad input. Scripts and CI gates read these.

use std::process::ExitCode;

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// Nothing at the failing level; every input read.
    Clean,
    /// Findings at the failing level (`check`), or drafts whose claims differ (`diff`).
    Findings,
    /// An input could not be read or was not valid; the rest was still done.
    BadInput,
}

impl Outcome {
    /// `Findings` when `failing`, else `Clean`.
    pub fn findings_if(failing: bool) -> Outcome {
        if failing {
            Outcome::Findings
        } else {
            Outcome::Clean
        }
    }

    /// `BadInput` when any input was bad, else `self`.
    pub fn unless_errors(self, errors: usize) -> Outcome {
        if errors > 0 {
            Outcome::BadInput
        } else {
            self
        }
    }
}

impl From<Outcome> for ExitCode {
    fn from(o: Outcome) -> ExitCode {
        ExitCode::from(match o {
            Outcome::Clean => 0,
            Outcome::Findings => 1,
            Outcome::BadInput => 2,
        })
    }
}
