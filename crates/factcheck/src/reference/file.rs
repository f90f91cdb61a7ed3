//! The reference file as written: the serde types a curator's YAML
//! deserialises into, and from which `factcheck schema` derives the JSON
//! Schema for editors.
//!
//! The doc comments here become the schema's descriptions, which YAML
//! editors show on hover; the shipped `claims/reference.schema.json` is what
//! `factcheck schema` prints (a test keeps it so).

use std::collections::BTreeMap;

use schemars::gen::SchemaGenerator;
use schemars::schema::{InstanceType, Schema, SchemaObject};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::lang::qualifier::Intervals;
use crate::lexicon::LexiconFile;
use crate::model::Severity;

/// A number written as a YAML number or as a string the number parser reads.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[serde(untagged)]
pub enum NumberText {
    /// A YAML number: `3900000`, `2.5`.
    Number(f64),
    /// Text read by the number parser: `3.9 million`, `3,900,000`, or for
    /// a tolerance `2%`.
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

/// An entry of `sources:`: who may be cited, under which names.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    /// The id facts, quotes and statements cite.
    pub id: String,
    /// The name an article should attribute to.
    pub name: String,
    /// Other names for the same source (a surname, an abbreviation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Where the curator found it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One dated value of a figure that changes over time.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SeriesEntry {
    /// The date of the value, `YYYY-MM-DD`.
    pub as_of: String,
    /// The value on that date.
    pub value: NumberText,
}

/// Whether an article must name the source of a figure.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum AttributionRule {
    /// A figure printed without its source is a finding.
    Required,
    /// The figure may be printed without a source.
    Optional,
}

/// By hand, so that the variants' doc comments stay out of the schema (a
/// derived schema would turn documented unit variants into a `oneOf`).
impl JsonSchema for AttributionRule {
    fn schema_name() -> String {
        "AttributionRule".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        Schema::Object(SchemaObject {
            instance_type: Some(InstanceType::String.into()),
            enum_values: Some(vec!["required".into(), "optional".into()]),
            ..SchemaObject::default()
        })
    }
}

/// An entry of `facts:`: a figure and the values an article may print.
/// Give one of `value`, `min`/`max` or `series`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FactFile {
    /// Unique across the reference; findings name it.
    pub id: String,
    /// What is counted, a metric of the lexicon (`killed`, `refugees`).
    pub metric: String,
    /// Who or what is counted when the metric alone is ambiguous (`children`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The one accepted value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<NumberText>,
    /// The lowest accepted value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<NumberText>,
    /// The highest accepted value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<NumberText>,
    /// Dated values; an article is held to the latest on or before its date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<Vec<SeriesEntry>>,
    /// How far a printed value may be off: "N%" or an absolute number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<NumberText>,
    /// `percent` for a share rather than a head count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The date the value holds for, `YYYY-MM-DD`; defaults to the
    /// reference's `as_of`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// The id of the source the figure should be attributed to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Whether an article must name that source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<AttributionRule>,
    /// Words that locate the figure — a place, an incident — for telling
    /// apart facts that share a metric ("two strikes, two tolls"): a figure
    /// whose sentence has more of them is judged against this fact.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<String>,
    /// Whether an article that omits the figure gets a finding.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
    /// The event's headline figure: one the article calls its total ("In
    /// total, the storm killed 35 people", "6,054 deaths in all") is
    /// judged against this fact before any other of its metric.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub total: bool,
    /// For the curator; not checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An entry of `quotes:`: words a source said, to check direct quotes by.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuoteFile {
    /// Unique across the reference; findings name it.
    pub id: String,
    /// The id of the source who said it.
    pub speaker: String,
    /// The words as said.
    pub text: String,
    /// When it was said, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
}

/// An entry of `statements:`: what a source said, to check reported speech by.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatementFile {
    /// Unique across the reference; findings name it.
    pub id: String,
    /// The id of the source who said it.
    pub speaker: String,
    /// The gist, in a few words an article's paraphrase should share.
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
    /// The format version; only 1 exists.
    pub version: u32,
    /// What the reference covers, for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The date the facts hold for, `YYYY-MM-DD`, unless a fact says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// The articles checked against it: paths or globs, relative to the file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<String>,
    /// Who may be cited.
    #[serde(default)]
    pub sources: Vec<SourceFile>,
    /// The figures.
    #[serde(default)]
    pub facts: Vec<FactFile>,
    /// Words as said, for direct quotes.
    #[serde(default)]
    pub quotes: Vec<QuoteFile>,
    /// What was said, for reported speech.
    #[serde(default)]
    pub statements: Vec<StatementFile>,
    /// How strictly to judge; defaults apply when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Settings>,
    /// Metrics and words this reference adds to the built-in lexicon.
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
