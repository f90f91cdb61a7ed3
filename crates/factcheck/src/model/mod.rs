//! The one data model that flows through every stage:
//! article → claims → findings. Reports only render these types, and the
//! JSON output (contract version 1) is simply their serde form.

mod changes;
mod chart;
mod notice;
mod summary;
mod suppressed;

pub use changes::{Change, ChangeKind, ChangeType, DraftDiff};
pub use chart::{ChartPoint, SeriesChart, SeriesValue};
pub use notice::{Limit, Notice};
pub use summary::Summary;
pub(crate) use suppressed::drop_set_aside;
pub use suppressed::{SetAside, Suppressed};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize, Serializer};

/// Where a claim stands in the file as read: byte offsets plus the 1-based
/// line and column (column counted in characters) of `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in characters.
    pub column: usize,
}

/// What a claim states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// A figure: a count or a share of people.
    Quantity,
    /// Words in quotation marks.
    Quote,
    /// Reported speech: what someone said, not in quotation marks.
    Statement,
}

/// How a number was hedged in the text; each maps to a documented interval
/// (see `qualifier.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// A plain figure ("140").
    Exact,
    /// "more than", "over".
    MoreThan,
    /// "at least".
    AtLeast,
    /// "fewer than", "under".
    FewerThan,
    /// "at most".
    AtMost,
    /// "about", "some", "around".
    About,
    /// "almost", "nearly".
    Almost,
    /// "up to", "as many as".
    UpTo,
    /// "between 10 and 20", "2–3 million".
    Range,
    /// "thousands", "dozens": an order of magnitude, no number.
    Vague,
}

impl Qualifier {
    /// Every qualifier, in the order the documentation lists them.
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

    /// The name used in JSON and references (`more_than`).
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

    /// The qualifier of a name as [`Qualifier::as_str`] writes it.
    pub fn parse(s: &str) -> Option<Qualifier> {
        Qualifier::ALL.into_iter().find(|q| q.as_str() == s)
    }
}

/// A number for JSON: integral values print as integers (`140`, not `140.0`).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Num(pub f64);

/// Read back as written: any JSON number.
impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        f64::deserialize(d).map(Num)
    }
}

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

/// A figure as the article states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// What is counted: `killed`, `injured`, `displaced`, … (a lexicon metric id).
    pub metric: String,
    /// Who is counted (`children`, `civilians`), when the text says.
    pub subject: Option<String>,
    /// The stated number (the lower end of a range).
    pub value: Num,
    /// The upper end of a range.
    pub upper: Option<Num>,
    /// How the number was hedged.
    pub qualifier: Qualifier,
    /// The values the phrase is consistent with; `None` is unbounded.
    pub interval: [Option<Num>; 2],
    /// The words that state the figure, from the number (or its qualifier)
    /// to the metric word.
    pub phrase: String,
    /// `percent` when the figure is a share rather than a head count.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The place named right after the figure ("176 people in *Malawi*").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// A part of the figure the sentence states just before it ("13 died,
    /// *6 of whom* in a landslide", "12 dead, *including four children*",
    /// "eight fatalities, *seven in Texas*"): a subset, never a restatement
    /// of the whole.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub part: bool,
    /// The text calls the figure the whole event's total ("In total, the
    /// storm killed 35 people", "6,054 deaths in all"): a reference's
    /// `total: true` fact judges it before any other.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub total: bool,
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
    /// The scale's value (1e6 for "million"; 1 without a scale word).
    pub scale: f64,
    /// Whether digits were written with thousands separators.
    pub separators: bool,
    /// Whether the number was written in words ("twelve").
    pub words: bool,
    /// Decimal places as written.
    pub decimals: usize,
    /// Byte range of the number itself (not the qualifier) in the file.
    pub number_span: (usize, usize),
    /// Byte offset of the qualifier's words before the number ("*at least*
    /// 46"), or the number's start: what a corrected qualifier replaces.
    pub qualifier_start: usize,
}

/// Who a claim is attributed to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// How the speaker was found; only a speaker named in the claim's own
    /// sentence is sure enough for an error or a rewrite.
    pub resolved: Resolution,
    /// The other speakers the cue gives the claim to ("Ilse Varto and
    /// Petra Quill said": Varto here, Quill the speaker): each says it too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
}

/// How an attribution's speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Resolution {
    /// Named in the claim's sentence ("Fomin said", "said Mr Blair").
    Named,
    /// A description in the sentence taken for someone named earlier ("the
    /// minister said").
    Alias,
    /// A pronoun ("he said") taken for the last fitting speaker.
    Pronoun,
    /// From another sentence: a quote's tag after it, or the speaker of the
    /// quotes before.
    Carried,
    /// In a clause set against what was said ("Iran reported an offensive,
    /// while Iraqi forces had repulsed it, killing thousands"): the speaker
    /// of the words before may be the writer's foil, not the clause's source.
    Contrast,
    /// A citation marker after the figure ("[1]"), as Wikipedia-style copy
    /// names its sources: a source, but no speaker to check.
    Citation,
}

impl Resolution {
    /// Whether the speaker was named in the claim's own sentence: the only
    /// attribution sure enough to call a claim misattributed at error level
    /// and to rewrite the name.
    pub fn is_sure(self) -> bool {
        self == Resolution::Named
    }
}

/// One claim found in an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// `c1`, `c2`, … in text order.
    pub id: String,
    /// Figure, quote or statement.
    pub kind: ClaimKind,
    /// The sentence the claim stands in.
    pub text: String,
    /// Where the claim stands: the figure's phrase, the quote, or the reported content.
    pub span: Span,
    /// The figure, for a quantity claim.
    pub quantity: Option<Quantity>,
    /// The quoted words, for a quote.
    pub quote: Option<String>,
    /// The reported words, for a statement.
    pub content: Option<String>,
    /// Who the article credits, if anyone.
    pub attribution: Option<Attribution>,
    /// Where the claim stands when not in the body, e.g. `teaser` for
    /// "Read more: …" lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
}

/// An article and the claims found in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleClaims {
    /// Record id, for articles read as JSON Lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The article's path as given (or the record id).
    pub path: String,
    /// The article's date, from front matter or the record.
    pub date: Option<NaiveDate>,
    /// The article's title, from front matter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The claims, in text order.
    pub claims: Vec<Claim>,
    /// Limits reached while reading the article (none on real copy).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<Notice>,
}

/// A verdict on a claim or on a reference fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The claim agrees with the reference.
    Match,
    /// A figure the reference contradicts.
    Mismatch,
    /// A quote whose words differ from the reference's.
    Misquoted,
    /// A claim credited to another speaker or source than the reference's.
    Misattributed,
    /// A claim with no source in the article.
    Unattributed,
    /// A claim no reference entry covers.
    Unverified,
    /// A required fact the article never states.
    Missing,
}

impl Status {
    /// Every status, in the order of the output contract.
    pub const ALL: [Status; 7] = [
        Status::Match,
        Status::Mismatch,
        Status::Misquoted,
        Status::Misattributed,
        Status::Unattributed,
        Status::Unverified,
        Status::Missing,
    ];

    /// The name used in JSON, SARIF rule ids and references.
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

    /// The status of a name as [`Status::as_str`] writes it.
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

/// How much a finding matters; `--fail-on` picks the level that fails a run.
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
    /// Worth knowing; never fails a run.
    Info,
    /// Worth a look; fails a run with `--fail-on warning`.
    Warning,
    /// Wrong; fails a run.
    Error,
}

impl Severity {
    /// The name used in JSON and references.
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
    /// The verdict.
    pub status: Status,
    /// How much it matters (the status's default unless the reference says otherwise).
    pub severity: Severity,
    /// The id of the reference entry (fact, quote or statement) the finding
    /// is about, if any.
    pub fact: Option<String>,
    /// The claim judged (none for a missing fact); shared with the other
    /// findings on it, not copied for each.
    pub claim: Option<std::sync::Arc<Claim>>,
    /// What the reference says, in words.
    pub expected: Option<String>,
    /// What the article says, in words.
    pub found: Option<String>,
    /// One sentence for the editor: what is wrong and what to write.
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
    /// Byte offset where the replacement starts.
    pub start: usize,
    /// Byte offset where it ends.
    pub end: usize,
    /// The text to put there.
    pub replacement: String,
}

/// The findings for one article checked against one reference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleReport {
    /// The article's path as given.
    pub path: String,
    /// The reference's path as given.
    pub reference: String,
    /// The findings, in article order (missing facts last).
    pub findings: Vec<Finding>,
    /// Limits reached while reading or judging the article (none on real
    /// copy), and `factcheck:` comments that suppress nothing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<Notice>,
    /// Findings set aside — by an editor's `<!-- factcheck: ignore -->`
    /// comment, a baseline, or for standing on lines a change left alone:
    /// kept and counted, never dropped, never failing a run.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suppressed: Vec<Suppressed>,
    /// The corrections of findings left out past the findings cap: not
    /// listed, but `--write` and `--format diff` still make them, so one
    /// run fixes the whole article and a second changes nothing.
    #[serde(skip)]
    pub unlisted_corrections: Vec<Correction>,
    /// The article with every correction made and checked again until no
    /// fix is left ([`crate::Checker::settle`]), when the caller asked for
    /// it: what `--write` writes and `--format diff` shows.
    #[serde(skip)]
    pub settled: Option<Settled>,
}

/// An article's text once every fix is made, fixes the first ones made
/// possible included.
#[derive(Debug, Clone, PartialEq)]
pub struct Settled {
    /// The corrected text.
    pub text: String,
    /// How many corrections it took, over every round.
    pub corrections: usize,
    /// The findings the corrected text still gives: what a run after
    /// `--write` reports, and what its exit code goes by.
    pub left: Vec<Finding>,
}

impl ArticleReport {
    /// Every correction of the article: its findings' and those left out
    /// past the findings cap.
    pub fn corrections(&self) -> impl Iterator<Item = &Correction> {
        self.findings
            .iter()
            .filter_map(|f| f.correction.as_ref())
            .chain(&self.unlisted_corrections)
    }
}

/// The result of `check`: what `--format json` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    /// The output contract's version.
    pub version: u32,
    /// One report per article checked, in input order.
    pub articles: Vec<ArticleReport>,
    /// Counts over every article.
    pub summary: Summary,
    /// The reference's `series` facts with the figures judged against
    /// them (drawn as charts by the HTML report).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub charts: Vec<SeriesChart>,
}

/// The result of `extract`: what `--format json` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExtractReport {
    /// The output contract's version.
    pub version: u32,
    /// One entry per article read, in input order.
    pub articles: Vec<ArticleClaims>,
}
