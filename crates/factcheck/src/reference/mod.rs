//! The curated reference: YAML → validated facts, quotes, statements and
//! sources. Every error names the file, line and column.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::extract::speakers::KnownSource;
use crate::lang::numbers::parse_value;
use crate::lang::qualifier::Intervals;
use crate::lexicon::{Lexicon, LexiconFile};
use crate::model::Severity;
use crate::yaml::Locations;

pub mod skeleton;

/// A number written as a YAML number or as a string the number parser reads.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[serde(untagged)]
pub enum NumberText {
    Number(f64),
    Text(String),
}

impl Serialize for NumberText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            NumberText::Number(v) => crate::model::Num(*v).serialize(s),
            NumberText::Text(t) => s.serialize_str(t),
        }
    }
}

impl<'de> Deserialize<'de> for NumberText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = NumberText;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number or a string such as \"3.9 million\"")
            }
            fn visit_i64<E>(self, v: i64) -> std::result::Result<NumberText, E> {
                Ok(NumberText::Number(v as f64))
            }
            fn visit_u64<E>(self, v: u64) -> std::result::Result<NumberText, E> {
                Ok(NumberText::Number(v as f64))
            }
            fn visit_f64<E>(self, v: f64) -> std::result::Result<NumberText, E> {
                Ok(NumberText::Number(v))
            }
            fn visit_str<E>(self, v: &str) -> std::result::Result<NumberText, E> {
                Ok(NumberText::Text(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SeriesEntry {
    pub as_of: String,
    pub value: NumberText,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum AttributionRule {
    Required,
    Optional,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactFile {
    pub id: String,
    pub metric: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<NumberText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<NumberText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<NumberText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<Vec<SeriesEntry>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<NumberText>,
    /// `percent` for a share rather than a head count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<AttributionRule>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuoteFile {
    pub id: String,
    pub speaker: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatementFile {
    pub id: String,
    pub speaker: String,
    pub says: String,
}

/// `settings:` — how strictly figures are judged and how findings weigh.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Qualifier intervals (see `qualifier.rs` and the README).
    #[serde(default)]
    pub intervals: Intervals,
    /// Tolerance for facts that set none: "N%" or an absolute number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<NumberText>,
    /// Severity per status, e.g. `unverified: warning`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub severity: BTreeMap<String, Severity>,
}

/// The reference file as written.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReferenceFile {
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<String>,
    #[serde(default)]
    pub sources: Vec<SourceFile>,
    #[serde(default)]
    pub facts: Vec<FactFile>,
    #[serde(default)]
    pub quotes: Vec<QuoteFile>,
    #[serde(default)]
    pub statements: Vec<StatementFile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Settings>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lexicon: Option<LexiconFile>,
}

impl ReferenceFile {
    /// The JSON Schema of the reference format, for YAML editors, as
    /// pretty-printed JSON (keys in the order of the types, not sorted).
    pub fn schema_json() -> String {
        serde_json::to_string_pretty(&schemars::schema_for!(ReferenceFile))
            .expect("a schema serialises")
    }
}

/// Accepted values of a fact.
#[derive(Debug, Clone, PartialEq)]
pub enum Accepted {
    Value {
        value: f64,
        tolerance: Tolerance,
    },
    Range {
        min: Option<f64>,
        max: Option<f64>,
    },
    /// Dated entries, oldest first.
    Series(Vec<(NaiveDate, f64)>, Tolerance),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tolerance {
    Absolute(f64),
    Relative(f64),
}

impl Tolerance {
    pub fn of(self, value: f64) -> f64 {
        match self {
            Tolerance::Absolute(a) => a,
            Tolerance::Relative(r) => value.abs() * r,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Fact {
    pub id: String,
    pub metric: String,
    pub subject: Option<String>,
    pub accepted: Accepted,
    pub percent: bool,
    pub as_of: Option<NaiveDate>,
    pub source: Option<String>,
    pub attribution_required: bool,
    pub required: bool,
}

#[derive(Debug, Clone)]
pub struct RefQuote {
    pub id: String,
    pub speaker: String,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct RefStatement {
    pub id: String,
    pub speaker: String,
    pub says: String,
}

/// A validated reference, ready to check articles against.
#[derive(Debug, Clone)]
pub struct Reference {
    pub path: PathBuf,
    pub title: Option<String>,
    pub as_of: Option<NaiveDate>,
    pub articles: Vec<String>,
    pub sources: Vec<SourceFile>,
    pub facts: Vec<Fact>,
    pub quotes: Vec<RefQuote>,
    pub statements: Vec<RefStatement>,
    pub settings: Settings,
    pub lexicon: Lexicon,
}

/// The largest reference read: 64 MiB (some 500,000 facts).
pub const MAX_REFERENCE_BYTES: u64 = 64 << 20;

fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

impl Reference {
    pub fn load(path: &Path) -> Result<Reference> {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.len() > MAX_REFERENCE_BYTES {
            return Err(Error::ReferenceTooLarge {
                path: path.to_path_buf(),
                limit: MAX_REFERENCE_BYTES,
            });
        }
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let text = String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
            path: path.to_path_buf(),
            offset: e.utf8_error().valid_up_to(),
        })?;
        Reference::from_str(path, &text)
    }

    pub fn from_str(path: &Path, text: &str) -> Result<Reference> {
        let file: ReferenceFile = crate::yaml::from_str(path, text)?;
        Reference::validate(path, text, file)
    }

    /// Semantic checks the types cannot express; every error is located.
    fn validate(path: &Path, text: &str, file: ReferenceFile) -> Result<Reference> {
        let loc = Locations::new(text);
        let mut errors: Vec<Error> = Vec::new();
        let mut err = |at: &str, message: String| {
            let (line, column) = loc.get(at);
            errors.push(Error::at(path, line, column, message));
        };
        if file.version != 1 {
            err(
                "version",
                format!("unsupported version {} (expected 1)", file.version),
            );
        }
        let date = |at: &str,
                    s: &Option<String>,
                    err: &mut dyn FnMut(&str, String)|
         -> Option<NaiveDate> {
            let s = s.as_ref()?;
            let d = parse_date(s);
            if d.is_none() {
                err(
                    at,
                    format!("`{s}` is not a valid date (expected YYYY-MM-DD)"),
                );
            }
            d
        };
        let as_of = date("as_of", &file.as_of, &mut err);
        let lexicon = match &file.lexicon {
            Some(extra) => match Lexicon::extended(extra) {
                Ok(l) => l,
                Err(m) => {
                    err("lexicon", m);
                    Lexicon::default_ref().clone()
                }
            },
            None => Lexicon::default_ref().clone(),
        };
        let settings = file.settings.clone().unwrap_or_default();
        for status in settings.severity.keys() {
            if crate::model::Status::parse(status).is_none() {
                err(&format!("settings.severity.{status}"), format!("unknown status `{status}` (expected one of match, mismatch, misquoted, misattributed, unattributed, unverified, missing)"));
            }
        }
        let default_tol = match &settings.tolerance {
            Some(t) => tolerance(t).unwrap_or_else(|m| {
                err("settings.tolerance", m);
                Tolerance::Absolute(0.0)
            }),
            None => Tolerance::Absolute(0.0),
        };
        let mut ids: HashMap<String, String> = HashMap::new();
        let mut check_id = |id: &str, at: String, err: &mut dyn FnMut(&str, String)| {
            if id.trim().is_empty() {
                err(&format!("{at}.id"), "empty id".into());
            } else if let Some(first) = ids.get(id) {
                err(
                    &format!("{at}.id"),
                    format!("duplicate id `{id}` (first used at {first})"),
                );
            } else {
                let (l, c) = loc.get(&format!("{at}.id"));
                ids.insert(id.to_string(), format!("line {l}, column {c}"));
            }
        };
        let mut source_ids = HashSet::new();
        for (i, s) in file.sources.iter().enumerate() {
            check_id(&s.id, format!("sources[{i}]"), &mut err);
            source_ids.insert(s.id.clone());
        }
        let known_source = |id: &str, at: String, err: &mut dyn FnMut(&str, String)| {
            if !source_ids.contains(id) {
                let nearest = source_ids
                    .iter()
                    .map(|s| (strsim::damerau_levenshtein(id, s), s))
                    .filter(|(d, _)| *d <= 2)
                    .min()
                    .map(|(_, s)| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                err(
                    &at,
                    format!(
                        "`{id}` is not a declared source id (declare it under `sources:`){nearest}"
                    ),
                );
            }
        };
        let mut facts = Vec::new();
        for (i, f) in file.facts.iter().enumerate() {
            let at = format!("facts[{i}]");
            check_id(&f.id, at.clone(), &mut err);
            if !lexicon.has_metric(&f.metric) {
                err(&format!("{at}.metric"), format!("unknown metric `{}` (known: {}; a reference adds metrics under `lexicon: metrics:`)", f.metric, lexicon.metric_ids.join(", ")));
            }
            if let Some(s) = &f.source {
                known_source(s, format!("{at}.source"), &mut err);
            }
            let fact_as_of = date(&format!("{at}.as_of"), &f.as_of, &mut err);
            let tol = match &f.tolerance {
                Some(t) => tolerance(t).unwrap_or_else(|m| {
                    err(&format!("{at}.tolerance"), m);
                    default_tol
                }),
                None => default_tol,
            };
            let number =
                |field: &str, v: &NumberText, err: &mut dyn FnMut(&str, String)| -> Option<f64> {
                    match number_value(v) {
                        Ok(x) => Some(x),
                        Err(m) => {
                            err(&format!("{at}.{field}"), m);
                            None
                        }
                    }
                };
            let accepted = match (&f.value, &f.min, &f.max, &f.series) {
                (Some(v), None, None, None) => {
                    number("value", v, &mut err).map(|value| Accepted::Value {
                        value,
                        tolerance: tol,
                    })
                }
                (None, min, max, None) if min.is_some() || max.is_some() => {
                    let lo = min.as_ref().and_then(|v| number("min", v, &mut err));
                    let hi = max.as_ref().and_then(|v| number("max", v, &mut err));
                    if let (Some(a), Some(b)) = (lo, hi) {
                        if a > b {
                            err(
                                &format!("{at}.min"),
                                format!("min {a} is greater than max {b}"),
                            );
                        }
                    }
                    Some(Accepted::Range { min: lo, max: hi })
                }
                (None, None, None, Some(series)) => {
                    let mut entries = Vec::new();
                    if series.is_empty() {
                        err(
                            &format!("{at}.series"),
                            "`series:` is empty; give at least one {as_of, value} entry".into(),
                        );
                    }
                    for (k, e) in series.iter().enumerate() {
                        let d = date(
                            &format!("{at}.series[{k}].as_of"),
                            &Some(e.as_of.clone()),
                            &mut err,
                        );
                        let v = number(&format!("series[{k}].value"), &e.value, &mut err);
                        if let (Some(d), Some(v)) = (d, v) {
                            entries.push((d, v));
                        }
                    }
                    entries.sort_by_key(|e| e.0);
                    Some(Accepted::Series(entries, tol))
                }
                (None, None, None, None) => {
                    err(
                        &at,
                        format!("fact `{}` has no `value`, `min`/`max` or `series`", f.id),
                    );
                    None
                }
                _ => {
                    err(
                        &at,
                        format!(
                            "fact `{}`: give one of `value`, `min`/`max` or `series`, not several",
                            f.id
                        ),
                    );
                    None
                }
            };
            if let Some(u) = &f.unit {
                if u != "percent" {
                    err(
                        &format!("{at}.unit"),
                        format!("unknown unit `{u}` (expected `percent`)"),
                    );
                }
            }
            if let Some(accepted) = accepted {
                facts.push(Fact {
                    id: f.id.clone(),
                    metric: f.metric.clone(),
                    subject: f.subject.as_ref().map(|s| s.trim().to_lowercase()),
                    accepted,
                    percent: f.unit.as_deref() == Some("percent"),
                    as_of: fact_as_of.or(as_of),
                    source: f.source.clone(),
                    attribution_required: f.attribution == Some(AttributionRule::Required),
                    required: f.required,
                });
            }
        }
        for (i, q) in file.quotes.iter().enumerate() {
            check_id(&q.id, format!("quotes[{i}]"), &mut err);
            known_source(&q.speaker, format!("quotes[{i}].speaker"), &mut err);
            if q.text.split_whitespace().count() == 0 {
                err(&format!("quotes[{i}].text"), "empty quote text".into());
            }
            date(&format!("quotes[{i}].as_of"), &q.as_of, &mut err);
        }
        for (i, s) in file.statements.iter().enumerate() {
            check_id(&s.id, format!("statements[{i}]"), &mut err);
            known_source(&s.speaker, format!("statements[{i}].speaker"), &mut err);
            if s.says.split_whitespace().count() == 0 {
                err(&format!("statements[{i}].says"), "empty `says`".into());
            }
        }
        if !errors.is_empty() {
            return Err(if errors.len() == 1 {
                errors.remove(0)
            } else {
                Error::Many(errors)
            });
        }
        Ok(Reference {
            path: path.to_path_buf(),
            title: file.title,
            as_of,
            articles: file.articles,
            sources: file.sources,
            facts,
            quotes: file
                .quotes
                .iter()
                .map(|q| RefQuote {
                    id: q.id.clone(),
                    speaker: q.speaker.clone(),
                    text: q.text.clone(),
                })
                .collect(),
            statements: file
                .statements
                .iter()
                .map(|s| RefStatement {
                    id: s.id.clone(),
                    speaker: s.speaker.clone(),
                    says: s.says.clone(),
                })
                .collect(),
            settings,
            lexicon,
        })
    }

    /// Sources for the extractor, so that reference names and aliases win.
    pub fn known_sources(&self) -> Vec<KnownSource> {
        self.sources
            .iter()
            .map(|s| KnownSource {
                id: s.id.clone(),
                name: s.name.clone(),
                aliases: s.aliases.clone(),
            })
            .collect()
    }

    pub fn source_name(&self, id: &str) -> String {
        self.sources
            .iter()
            .find(|s| s.id == id)
            .map_or_else(|| id.to_string(), |s| s.name.clone())
    }
}

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
    Ok(x)
}

fn tolerance(v: &NumberText) -> std::result::Result<Tolerance, String> {
    match v {
        NumberText::Text(s) if s.trim().ends_with('%') => {
            let p: f64 =
                s.trim().trim_end_matches('%').trim().parse().map_err(|_| {
                    format!("`{s}` is not a tolerance (expected \"N%\" or a number)")
                })?;
            if !p.is_finite() || p < 0.0 {
                return Err(format!("`{s}` is not a valid tolerance"));
            }
            Ok(Tolerance::Relative(p / 100.0))
        }
        other => number_value(other).map(Tolerance::Absolute),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Reference> {
        Reference::from_str(Path::new("ref.yaml"), text)
    }

    #[test]
    fn unknown_field_is_located_and_suggests() {
        let e = load("version: 1\nfacts:\n  - id: a\n    metric: killed\n    valeu: 3\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("ref.yaml:5:5:"), "{e}");
        assert!(e.contains("did you mean `value`?"), "{e}");
    }

    #[test]
    fn wrong_type_and_bad_indentation() {
        let e = load("version: one\n").unwrap_err().to_string();
        assert!(e.starts_with("ref.yaml:1:"), "{e}");
        let e = load("version: 1\nsources:\n  - id: a\n    name: A\n   aliases: [x]\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("ref.yaml:5:"), "{e}");
        let e = load("version: 1\nfacts:\n  - id: a\n    metric: killed\n    value: [1, 2]\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("ref.yaml:5:"), "{e}");
    }

    #[test]
    fn semantic_errors_are_located() {
        let text = "version: 1\nsources:\n  - id: a\n    name: A\nfacts:\n  - id: f\n    metric: killed\n    value: -3\n  - id: f\n    metric: killed\n    value: 2\n    as_of: 2022-02-30\n  - id: g\n    metric: killed\nquotes:\n  - id: q\n    speaker: b\n    text: hi there\n";
        let e = load(text).unwrap_err().to_string();
        assert!(e.contains("ref.yaml:8:12: negative value"), "{e}");
        assert!(e.contains("ref.yaml:9:9: duplicate id `f`"), "{e}");
        assert!(
            e.contains("ref.yaml:12:12: `2022-02-30` is not a valid date"),
            "{e}"
        );
        assert!(e.contains("ref.yaml:13:5: fact `g` has no `value`"), "{e}");
        assert!(
            e.contains("ref.yaml:17:14: `b` is not a declared source id"),
            "{e}"
        );
    }

    #[test]
    fn values_as_words_and_tolerances() {
        let r = load("version: 1\nfacts:\n  - id: r\n    metric: refugees\n    value: 3.9 million\n    tolerance: 2%\n").unwrap();
        assert_eq!(
            r.facts[0].accepted,
            Accepted::Value {
                value: 3.9e6,
                tolerance: Tolerance::Relative(0.02)
            }
        );
        let e = load("version: 1\nfacts:\n  - id: r\n    metric: refugees\n    value: ten-ish\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("ref.yaml:5:12: `ten-ish` is not a number"),
            "{e}"
        );
    }
}
