//! The one data model that flows through every stage:
//! article → claims → findings. Reports only render these types, and the
//! JSON output (contract version 1) is simply their serde form.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

/// Where a claim stands in the file as read: byte offsets plus the 1-based
/// line and column (column counted in characters) of `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Quantity,
    Quote,
    Statement,
}

/// How a number was hedged in the text; each maps to a documented interval
/// (see `qualifier.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    MoreThan,
    AtLeast,
    FewerThan,
    AtMost,
    About,
    Almost,
    UpTo,
    Range,
    Vague,
}

impl Qualifier {
    pub const ALL: [Qualifier; 10] = [
        Qualifier::Exact,
        Qualifier::MoreThan,
        Qualifier::AtLeast,
        Qualifier::FewerThan,
        Qualifier::AtMost,
        Qualifier::About,
        Qualifier::Almost,
        Qualifier::UpTo,
        Qualifier::Range,
        Qualifier::Vague,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::FewerThan => "fewer_than",
            Qualifier::AtMost => "at_most",
            Qualifier::About => "about",
            Qualifier::Almost => "almost",
            Qualifier::UpTo => "up_to",
            Qualifier::Range => "range",
            Qualifier::Vague => "vague",
        }
    }

    pub fn parse(s: &str) -> Option<Qualifier> {
        Qualifier::ALL.into_iter().find(|q| q.as_str() == s)
    }
}

/// A number for JSON: integral values print as integers (`140`, not `140.0`).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Num(pub f64);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            s.serialize_i64(v as i64)
        } else {
            s.serialize_f64(v)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    pub metric: String,
    pub subject: Option<String>,
    pub value: Num,
    pub upper: Option<Num>,
    pub qualifier: Qualifier,
    /// The values the phrase is consistent with; `None` is unbounded.
    pub interval: [Option<Num>; 2],
    /// The words that state the figure, from the number (or its qualifier)
    /// to the metric word.
    pub phrase: String,
    /// `percent` when the figure is a share rather than a head count.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Decimal places of the stated number at its scale ("4.2 million" → 1),
    /// so corrections can be written in the article's own style.
    #[serde(skip)]
    pub style: NumberStyle,
}

/// How the article wrote a number, kept so that a correction can be written
/// the same way ("4 million" → "3.9 million", "10,000" → "12,500").
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NumberStyle {
    /// The scale word as written ("million", "m", "bn"), if any.
    pub scale_word: Option<String>,
    pub scale: f64,
    /// Whether digits were written with thousands separators.
    pub separators: bool,
    /// Whether the number was written in words ("twelve").
    pub words: bool,
    /// Decimal places as written.
    pub decimals: usize,
    /// Byte range of the number itself (not the qualifier) in the file.
    pub number_span: (usize, usize),
}

/// Who a claim is attributed to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attribution {
    /// Canonical name: the fullest name the article or the reference gives.
    pub speaker: String,
    /// The words in the text that named the speaker.
    pub mention: String,
    /// The reporting verb (or "according to", ":") as written.
    pub cue: String,
    /// The reference source id, when a reference was given and names this speaker.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Byte range of the mention in the file (for corrections).
    #[serde(skip)]
    pub mention_span: Option<(usize, usize)>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    pub id: String,
    pub kind: ClaimKind,
    /// The sentence the claim stands in.
    pub text: String,
    pub span: Span,
    pub quantity: Option<Quantity>,
    pub quote: Option<String>,
    pub content: Option<String>,
    pub attribution: Option<Attribution>,
    /// Where the claim stands when not in the body, e.g. `teaser` for
    /// "Read more: …" lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
}

/// An article and the claims found in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleClaims {
    /// Record id, for articles read as JSON Lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub path: String,
    pub date: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub claims: Vec<Claim>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Match,
    Mismatch,
    Misquoted,
    Misattributed,
    Unattributed,
    Unverified,
    Missing,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Match,
        Status::Mismatch,
        Status::Misquoted,
        Status::Misattributed,
        Status::Unattributed,
        Status::Unverified,
        Status::Missing,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Match => "match",
            Status::Mismatch => "mismatch",
            Status::Misquoted => "misquoted",
            Status::Misattributed => "misattributed",
            Status::Unattributed => "unattributed",
            Status::Unverified => "unverified",
            Status::Missing => "missing",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|q| q.as_str() == s)
    }

    /// The severity a finding of this status has unless a reference says otherwise.
    pub fn default_severity(self) -> Severity {
        match self {
            Status::Match | Status::Unverified => Severity::Info,
            Status::Unattributed => Severity::Warning,
            Status::Mismatch | Status::Misquoted | Status::Misattributed | Status::Missing => {
                Severity::Error
            }
        }
    }
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// What a run of words in a word diff is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffOp {
    /// In both texts.
    Equal,
    /// In the reference (or the old draft) only: said, not printed.
    Delete,
    /// In the article (or the new draft) only: printed, not said.
    Insert,
}

/// One run of words in a word diff: what the reference says against what
/// the article printed, or one draft against the next.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffPart {
    /// Whether the words are shared, removed or added.
    pub op: DiffOp,
    /// The words, separated by single spaces.
    pub text: String,
}

impl DiffPart {
    /// A word diff as one line of text: `[-removed-] {+added+}`, shared
    /// words as they are. Readable without colour, in logs and messages.
    pub fn inline(parts: &[DiffPart]) -> String {
        parts
            .iter()
            .map(|p| match p.op {
                DiffOp::Delete => format!("[-{}-]", p.text),
                DiffOp::Insert => format!("{{+{}+}}", p.text),
                DiffOp::Equal => p.text.clone(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A verdict on one claim (or on a fact the article never states).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub status: Status,
    pub severity: Severity,
    /// The id of the reference entry (fact, quote or statement) the finding
    /// is about, if any.
    pub fact: Option<String>,
    pub claim: Option<Claim>,
    pub expected: Option<String>,
    pub found: Option<String>,
    pub message: String,
    /// Word-level diff for misquotes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<Vec<DiffPart>>,
    /// The replacement an editor could make, when one is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correction: Option<Correction>,
}

/// A byte-range rewrite of the article that fixes a finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Correction {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

/// The findings for one article checked against one reference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleReport {
    pub path: String,
    pub reference: String,
    pub findings: Vec<Finding>,
}

/// Counts of findings per status, in the order of the contract.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    #[serde(rename = "match")]
    pub matched: usize,
    pub mismatch: usize,
    pub misquoted: usize,
    pub misattributed: usize,
    pub unattributed: usize,
    pub unverified: usize,
    pub missing: usize,
}

/// "13 match, 1 mismatch, …" — the non-zero counts, or "no findings".
impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = Status::ALL
            .iter()
            .filter(|&&st| self.get(st) > 0)
            .map(|&st| format!("{} {}", self.get(st), st.as_str()))
            .collect();
        if parts.is_empty() {
            f.write_str("no findings")
        } else {
            f.write_str(&parts.join(", "))
        }
    }
}

impl Summary {
    pub fn add(&mut self, status: Status) {
        *self.slot(status) += 1;
    }

    pub fn get(&self, status: Status) -> usize {
        match status {
            Status::Match => self.matched,
            Status::Mismatch => self.mismatch,
            Status::Misquoted => self.misquoted,
            Status::Misattributed => self.misattributed,
            Status::Unattributed => self.unattributed,
            Status::Unverified => self.unverified,
            Status::Missing => self.missing,
        }
    }

    fn slot(&mut self, status: Status) -> &mut usize {
        match status {
            Status::Match => &mut self.matched,
            Status::Mismatch => &mut self.mismatch,
            Status::Misquoted => &mut self.misquoted,
            Status::Misattributed => &mut self.misattributed,
            Status::Unattributed => &mut self.unattributed,
            Status::Unverified => &mut self.unverified,
            Status::Missing => &mut self.missing,
        }
    }

    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Summary {
        let mut s = Summary::default();
        for f in findings {
            s.add(f.status);
        }
        s
    }
}

/// The result of `check`: what `--format json` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    pub version: u32,
    pub articles: Vec<ArticleReport>,
    pub summary: Summary,
}

/// The result of `extract`: what `--format json` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExtractReport {
    pub version: u32,
    pub articles: Vec<ArticleClaims>,
}

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
