//! Semantic checks the types cannot express, one function per rule family.
//! Every problem is recorded at the path of the node it concerns
//! (`facts[2].value`) and all are reported together, in file order of the
//! rule families: version and date, lexicon, settings, source ids, facts,
//! quotes, statements. Positions are looked up only when there is something
//! to report (see [`Problems::into_result`]).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;

use super::file::{AttributionRule, FactFile, NumberText, QuoteFile, ReferenceFile};
use super::file::{SeriesEntry, Settings, SourceFile, StatementFile};
use super::{Accepted, Fact, Tolerance};
use crate::error::{Error, Result};
use crate::lang::numbers::parse_value;
use crate::lexicon::{Lexicon, LexiconFile};
use crate::yaml::Locations;
use std::sync::Arc;

/// What the checks derive from a valid file.
pub(super) struct Checked {
    pub as_of: Option<NaiveDate>,
    pub facts: Vec<Fact>,
    pub settings: Settings,
    pub lexicon: Arc<Lexicon>,
}

/// Check `file`, parsed from `text` (read from `path`).
pub(super) fn check(path: &Path, text: &str, file: &ReferenceFile) -> Result<Checked> {
    let mut p = Problems::default();
    if file.version != 1 {
        p.push(
            "version",
            format!("unsupported version {} (expected 1)", file.version),
        );
    }
    let as_of = p.date("as_of", file.as_of.as_deref());
    let lexicon = lexicon(file.lexicon.as_ref(), &mut p);
    let settings = file.settings.clone().unwrap_or_default();
    let default_tolerance = settings_tolerance(&settings, &mut p);
    let mut ids = Ids::default();
    let sources = sources(&file.sources, &mut ids, &mut p);
    let context = FactContext {
        lexicon: &lexicon,
        sources: &sources,
        as_of,
        tolerance: default_tolerance,
    };
    let facts = file
        .facts
        .iter()
        .enumerate()
        .filter_map(|(i, f)| fact(f, &format!("facts[{i}]"), &context, &mut ids, &mut p))
        .collect();
    quotes(&file.quotes, &sources, &mut ids, &mut p);
    statements(&file.statements, &sources, &mut ids, &mut p);
    p.into_result(path, text)?;
    Ok(Checked {
        as_of,
        facts,
        settings,
        lexicon,
    })
}

/// Problems found so far, each at a node path.
#[derive(Default)]
struct Problems(Vec<(String, Message)>);

enum Message {
    Text(String),
    /// An id used twice; `first` is the path of its first use, whose
    /// position the message gives.
    Duplicate {
        id: String,
        first: String,
    },
}

impl Problems {
    fn push(&mut self, at: &str, message: String) {
        self.0.push((at.to_string(), Message::Text(message)));
    }

    /// Parse an optional `YYYY-MM-DD` date, recording a problem at `at`.
    fn date(&mut self, at: &str, s: Option<&str>) -> Option<NaiveDate> {
        let s = s?;
        let d = parse_date(s);
        if d.is_none() {
            self.push(
                at,
                format!("`{s}` is not a valid date (expected YYYY-MM-DD)"),
            );
        }
        d
    }

    /// Read a number, recording a problem at `at`.
    fn number(&mut self, at: &str, v: &NumberText) -> Option<f64> {
        number_value(v).map_err(|m| self.push(at, m)).ok()
    }

    /// Nothing, or the problems as located errors: one alone, several as
    /// [`Error::Many`]. The index of positions costs a second parse of
    /// `text`, so it is built here, only when there is something to report.
    fn into_result(self, path: &Path, text: &str) -> Result<()> {
        if self.0.is_empty() {
            return Ok(());
        }
        let loc = Locations::new(text);
        let mut errors: Vec<Error> = self
            .0
            .into_iter()
            .map(|(at, message)| {
                let message = match message {
                    Message::Text(m) => m,
                    Message::Duplicate { id, first } => {
                        let (l, c) = loc.get(&first);
                        format!("duplicate id `{id}` (first used at line {l}, column {c})")
                    }
                };
                let (line, column) = loc.get(&at);
                Error::at(path, line, column, message)
            })
            .collect();
        Err(if errors.len() == 1 {
            errors.remove(0)
        } else {
            Error::Many(errors)
        })
    }
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// Ids are unique across sources, facts, quotes and statements.
#[derive(Default)]
struct Ids(HashMap<String, String>);

impl Ids {
    /// Check the id of the entry at `at` (`facts[2]`).
    fn check(&mut self, id: &str, at: &str, p: &mut Problems) {
        let at = format!("{at}.id");
        printable(id, &at, "the id", p);
        if id.trim().is_empty() {
            p.push(&at, "empty id".into());
        } else if matches!(id, "~" | "null" | "Null" | "NULL") {
            // (YAML's null, read as text: `id: ~` names nothing)
            p.push(
                &at,
                format!("`{id}` is YAML's null, not an id: give the entry a name"),
            );
        } else if let Some(first) = self.0.get(id) {
            let (id, first) = (id.to_string(), first.clone());
            p.0.push((at, Message::Duplicate { id, first }));
        } else {
            self.0.insert(id.to_string(), at);
        }
    }
}

/// The reference's lexicon: the built-in one, extended by `lexicon:`.
fn lexicon(extra: Option<&LexiconFile>, p: &mut Problems) -> Arc<Lexicon> {
    match extra {
        Some(extra) => match Lexicon::extended(extra) {
            Ok(l) => Arc::new(l),
            Err(m) => {
                p.push("lexicon", m);
                Lexicon::default_shared()
            }
        },
        None => Lexicon::default_shared(),
    }
}

/// Check `settings:`; the tolerance for facts that set none.
fn settings_tolerance(settings: &Settings, p: &mut Problems) -> Tolerance {
    for status in settings.severity.keys() {
        if crate::model::Status::parse(status).is_none() {
            p.push(&format!("settings.severity.{status}"), format!("unknown status `{status}` (expected one of match, mismatch, misquoted, misattributed, unattributed, unverified, missing)"));
        }
    }
    intervals(&settings.intervals, p);
    match &settings.tolerance {
        Some(t) => tolerance(t).unwrap_or_else(|m| {
            p.push("settings.tolerance", m);
            Tolerance::Absolute(0.0)
        }),
        None => Tolerance::Absolute(0.0),
    }
}

/// A setting's value as a message shows it: "1e300", not its 301 digits.
fn shown(v: f64) -> String {
    if v.is_finite() && v != 0.0 && !(1e-4..1e6).contains(&v.abs()) {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

/// Check `settings.intervals`: every share and factor finite, shares in
/// [0, 1), factors at least 1, and the vague span not upside down. A
/// factor of 0 or a share of -1 would make every hedged figure an interval
/// that holds nothing, or everything, and the verdicts would be nonsense.
fn intervals(k: &crate::lang::qualifier::Intervals, p: &mut Problems) {
    let at = |name: &str| format!("settings.intervals.{name}");
    for (name, v) in [
        ("about_pct", k.about_pct),
        ("almost_pct", k.almost_pct),
        ("up_to_pct", k.up_to_pct),
    ] {
        if !(v.is_finite() && (0.0..1.0).contains(&v)) {
            p.push(
                &at(name),
                format!("{name} {} is not a share (expected a number from 0 up to, not including, 1, such as 0.1 for 10%)", shown(v)),
            );
        }
    }
    for (name, v) in [
        ("more_than_factor", k.more_than_factor),
        ("vague_low", k.vague_low),
        ("vague_high", k.vague_high),
    ] {
        if !(v.is_finite() && (1.0..=1000.0).contains(&v)) {
            p.push(
                &at(name),
                format!(
                    "{name} {} is not a factor (expected a number from 1 to 1000)",
                    shown(v)
                ),
            );
        }
    }
    if k.vague_low > k.vague_high {
        p.push(
            &at("vague_low"),
            format!(
                "vague_low {} is greater than vague_high {}",
                shown(k.vague_low),
                shown(k.vague_high)
            ),
        );
    }
}

/// Words that are printed and written into articles (a name `--write`
/// inserts, a quote's text) hold no line break or control character: a
/// name with a newline and a shell line must never reach a file or a log.
/// Trailing line breaks, as YAML's `>` and `|` leave, are allowed; so are
/// the C1 controls no terminal acts on, which mis-decoded copy holds
/// ("KÃ\u{83}rner") and a name must match.
fn printable(s: &str, at: &str, what: &str, p: &mut Problems) {
    let harmless_c1 = |c: char| {
        matches!(c, '\u{80}'..='\u{9f}') && !matches!(c, '\u{85}' | '\u{90}' | '\u{9b}'..='\u{9f}')
    };
    if let Some(c) = s
        .trim_end_matches(['\n', '\r'])
        .chars()
        .find(|&c| (c.is_control() || crate::report::visible::is_hidden(c)) && !harmless_c1(c))
    {
        p.push(
            at,
            format!(
                "{what} holds the control character U+{:04X}; write it on one line, without control characters",
                c as u32
            ),
        );
    }
}

/// Check the ids, names and aliases of `sources:`; the declared ids.
fn sources(sources: &[SourceFile], ids: &mut Ids, p: &mut Problems) -> HashSet<String> {
    let mut declared = HashSet::new();
    for (i, s) in sources.iter().enumerate() {
        let at = format!("sources[{i}]");
        ids.check(&s.id, &at, p);
        named(&s.name, &format!("{at}.name"), "the name", p);
        for (j, alias) in s.aliases.iter().enumerate() {
            named(alias, &format!("{at}.aliases[{j}]"), "the alias", p);
        }
        declared.insert(s.id.clone());
    }
    declared
}

/// A name or alias: printable and holding a word. An empty alias would
/// match every mention, or none, and `--write` would credit nobody.
fn named(s: &str, at: &str, what: &str, p: &mut Problems) {
    if !s.chars().any(char::is_alphanumeric) {
        p.push(
            at,
            format!("{what} is empty; write the name as an article would print it"),
        );
    }
    printable(s, at, what, p);
}

/// How many problems may come with a suggested id.
const SUGGESTED: usize = 20;

/// `id`, cited at `at`, must be a declared source; suggest a near one.
fn known_source(declared: &HashSet<String>, id: &str, at: &str, p: &mut Problems) {
    if declared.contains(id) {
        return;
    }
    // (a near id is looked for among the first problems only: each look
    // compares every declared id, and 50,000 unknown ids against 50,000
    // sources took minutes)
    let nearest = (p.0.len() < SUGGESTED)
        .then_some(declared)
        .into_iter()
        .flatten()
        .filter(|s| s.len().abs_diff(id.len()) <= 2)
        .map(|s| (strsim::damerau_levenshtein(id, s), s))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, s)| format!("; did you mean `{s}`?"))
        .unwrap_or_default();
    p.push(
        at,
        format!("`{id}` is not a declared source id (declare it under `sources:`){nearest}"),
    );
}

/// The most `context:` words one fact may hold.
const MAX_CONTEXT_WORDS: usize = 256;
/// The most `series:` entries one fact may hold (a daily toll of 27 years).
const MAX_SERIES_ENTRIES: usize = 10_000;

/// What a fact is checked against besides itself.
struct FactContext<'a> {
    lexicon: &'a Lexicon,
    sources: &'a HashSet<String>,
    /// The reference's `as_of`.
    as_of: Option<NaiveDate>,
    /// The tolerance of `settings:`.
    tolerance: Tolerance,
}

/// Check the fact at `at`; the fact, unless its accepted values are unusable.
fn fact(f: &FactFile, at: &str, cx: &FactContext, ids: &mut Ids, p: &mut Problems) -> Option<Fact> {
    ids.check(&f.id, at, p);
    if !cx.lexicon.has_metric(&f.metric) {
        p.push(&format!("{at}.metric"), format!("unknown metric `{}` (known: {}; a reference adds metrics under `lexicon: metrics:`)", f.metric, cx.lexicon.metric_ids.join(", ")));
    }
    if let Some(s) = &f.source {
        known_source(cx.sources, s, &format!("{at}.source"), p);
    }
    let as_of = p.date(&format!("{at}.as_of"), f.as_of.as_deref());
    let tol = match &f.tolerance {
        Some(t) => tolerance(t).unwrap_or_else(|m| {
            p.push(&format!("{at}.tolerance"), m);
            cx.tolerance
        }),
        None => cx.tolerance,
    };
    // a fact's place and event take a few words, its history a few
    // hundred entries: a hostile list of 128,000 context words made every
    // figure search them all
    if f.context.len() > MAX_CONTEXT_WORDS {
        p.push(
            &format!("{at}.context"),
            format!(
                "{} context words; at most {MAX_CONTEXT_WORDS} (the words that place the fact)",
                f.context.len()
            ),
        );
    }
    if let Some(n) = f
        .series
        .as_ref()
        .map(Vec::len)
        .filter(|&n| n > MAX_SERIES_ENTRIES)
    {
        p.push(
            &format!("{at}.series"),
            format!("{n} series entries; at most {MAX_SERIES_ENTRIES}"),
        );
        return None;
    }
    let accepted = accepted(f, at, tol, p);
    if let Some(u) = &f.unit {
        if u != "percent" {
            p.push(
                &format!("{at}.unit"),
                format!("unknown unit `{u}` (expected `percent`)"),
            );
        }
    }
    Some(Fact {
        id: f.id.clone(),
        metric: f.metric.clone(),
        subject: f.subject.as_ref().map(|s| s.trim().to_lowercase()),
        accepted: accepted?,
        percent: f.unit.as_deref() == Some("percent"),
        as_of: as_of.or(cx.as_of),
        source: f.source.clone(),
        attribution_required: f.attribution == Some(AttributionRule::Required),
        required: f.required,
        total: f.total,
        context: f
            .context
            .iter()
            .map(|w| w.trim().to_lowercase())
            .filter(|w| !w.is_empty())
            .collect(),
    })
}

/// The values the fact at `at` accepts: exactly one of `value`,
/// `min`/`max` or `series`.
fn accepted(f: &FactFile, at: &str, tol: Tolerance, p: &mut Problems) -> Option<Accepted> {
    match (&f.value, &f.min, &f.max, &f.series) {
        (Some(v), None, None, None) => {
            p.number(&format!("{at}.value"), v)
                .map(|value| Accepted::Value {
                    value,
                    tolerance: tol,
                })
        }
        (None, min, max, None) if min.is_some() || max.is_some() => {
            let lo = min.as_ref().and_then(|v| p.number(&format!("{at}.min"), v));
            let hi = max.as_ref().and_then(|v| p.number(&format!("{at}.max"), v));
            if let (Some(a), Some(b)) = (lo, hi) {
                if a > b {
                    p.push(
                        &format!("{at}.min"),
                        format!("min {a} is greater than max {b}"),
                    );
                }
            }
            Some(Accepted::Range { min: lo, max: hi })
        }
        (None, None, None, Some(series)) => {
            Some(Accepted::Series(series_entries(series, at, p), tol))
        }
        (None, None, None, None) => {
            p.push(
                at,
                format!("fact `{}` has no `value`, `min`/`max` or `series`", f.id),
            );
            None
        }
        _ => {
            p.push(
                at,
                format!(
                    "fact `{}`: give one of `value`, `min`/`max` or `series`, not several",
                    f.id
                ),
            );
            None
        }
    }
}

/// The valid entries of the `series:` of the fact at `at`, oldest first.
fn series_entries(series: &[SeriesEntry], at: &str, p: &mut Problems) -> Vec<(NaiveDate, f64)> {
    if series.is_empty() {
        p.push(
            &format!("{at}.series"),
            "`series:` is empty; give at least one {as_of, value} entry".into(),
        );
    }
    let mut entries = Vec::new();
    for (k, e) in series.iter().enumerate() {
        let d = p.date(&format!("{at}.series[{k}].as_of"), Some(&e.as_of));
        let v = p.number(&format!("{at}.series[{k}].value"), &e.value);
        if let (Some(d), Some(v)) = (d, v) {
            entries.push((d, v));
        }
    }
    entries.sort_by_key(|e| e.0);
    entries
}

/// Check `quotes:`: ids, declared speakers, text, dates.
fn quotes(quotes: &[QuoteFile], sources: &HashSet<String>, ids: &mut Ids, p: &mut Problems) {
    for (i, q) in quotes.iter().enumerate() {
        let at = format!("quotes[{i}]");
        ids.check(&q.id, &at, p);
        known_source(sources, &q.speaker, &format!("{at}.speaker"), p);
        if q.text.split_whitespace().count() == 0 {
            p.push(&format!("{at}.text"), "empty quote text".into());
        }
        printable(&q.text, &format!("{at}.text"), "the quote's text", p);
        p.date(&format!("{at}.as_of"), q.as_of.as_deref());
    }
}

/// Check `statements:`: ids, declared speakers, `says`.
fn statements(
    statements: &[StatementFile],
    sources: &HashSet<String>,
    ids: &mut Ids,
    p: &mut Problems,
) {
    for (i, s) in statements.iter().enumerate() {
        let at = format!("statements[{i}]");
        ids.check(&s.id, &at, p);
        known_source(sources, &s.speaker, &format!("{at}.speaker"), p);
        if s.says.split_whitespace().count() == 0 {
            p.push(&format!("{at}.says"), "empty `says`".into());
        }
        printable(&s.says, &format!("{at}.says"), "`says`", p);
    }
}

/// A count: finite and not negative.
fn number_value(v: &NumberText) -> std::result::Result<f64, String> {
    let x = match v {
        NumberText::Number(x) => *x,
        NumberText::Text(s) => parse_value(s).ok_or_else(|| format!("`{s}` is not a number (write digits like 3900000 or 3,900,000, or words like \"3.9 million\")"))?,
    };
    if !x.is_finite() {
        return Err(format!("{x} is not a finite number"));
    }
    if x < 0.0 {
        return Err(format!("negative value {x}: counts cannot be negative"));
    }
    if x > crate::lang::numbers::MAX_COUNT {
        return Err(format!(
            "{x:e} is beyond any count (the largest accepted is 1e12, a trillion)"
        ));
    }
    Ok(x)
}

/// "N%" (relative) or a count (absolute).
fn tolerance(v: &NumberText) -> std::result::Result<Tolerance, String> {
    match v {
        NumberText::Text(s) if s.trim().ends_with('%') => {
            // (one sign only: "5%%" is no share)
            let p: f64 = s
                .trim()
                .strip_suffix('%')
                .map(str::trim)
                .filter(|n| !n.contains('%'))
                .and_then(|n| n.parse().ok())
                .ok_or_else(|| format!("`{s}` is not a tolerance (expected \"N%\" or a number)"))?;
            if !p.is_finite() || !(0.0..=100.0).contains(&p) {
                return Err(format!(
                    "`{s}` is not a valid tolerance (expected a share from 0% to 100%)"
                ));
            }
            Ok(Tolerance::Relative(p / 100.0))
        }
        other => number_value(other).map(Tolerance::Absolute),
    }
}
