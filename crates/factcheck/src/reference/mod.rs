//! The curated reference: YAML → validated facts, quotes, statements and
//! sources. Every error names the file, line and column.
//!
//! [`file`] holds the types as written, [`validate`] the checks the types
//! cannot express; this module the checked [`Reference`] and its loading.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::extract::speakers::KnownSource;
use crate::lexicon::Lexicon;
use crate::model::{Severity, Status};

mod file;
pub mod skeleton;
mod validate;

pub use file::{
    FactFile, NumberText, QuoteFile, ReferenceFile, SeriesEntry, Settings, SourceFile,
    StatementFile,
};

/// Accepted values of a fact.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Accepted {
    /// One value, give or take the tolerance.
    Value { value: f64, tolerance: Tolerance },
    /// Any value within the bounds (an open side is unbounded).
    Range { min: Option<f64>, max: Option<f64> },
    /// Dated entries, oldest first.
    Series(Vec<(NaiveDate, f64)>, Tolerance),
}

/// How far a stated figure may be from the accepted value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Tolerance {
    /// This much either way.
    Absolute(f64),
    /// This fraction of the value either way (0.02 for "2%").
    Relative(f64),
}

impl Tolerance {
    /// The allowed difference around `value`.
    pub(crate) fn of(self, value: f64) -> f64 {
        match self {
            Tolerance::Absolute(a) => a,
            Tolerance::Relative(r) => value.abs() * r,
        }
    }
}

/// A checked entry of `facts:`, what the checker compares figures with.
#[derive(Debug, Clone)]
pub struct Fact {
    pub(crate) id: String,
    pub(crate) metric: String,
    /// Lower-cased and trimmed.
    pub(crate) subject: Option<String>,
    pub(crate) accepted: Accepted,
    /// The value is a percentage (`unit: percent`).
    pub(crate) percent: bool,
    /// The fact's own `as_of`, else the reference's.
    pub(crate) as_of: Option<NaiveDate>,
    pub(crate) source: Option<String>,
    pub(crate) attribution_required: bool,
    pub(crate) required: bool,
    /// `total: true`: the headline figure, which a figure the article
    /// calls its total meets first.
    pub(crate) total: bool,
    /// `context:` words, lower-cased.
    pub(crate) context: Vec<String>,
}

/// An entry of `quotes:`, what direct quotes are compared with.
#[derive(Debug, Clone)]
pub struct RefQuote {
    pub(crate) id: String,
    pub(crate) speaker: String,
    pub(crate) text: String,
}

/// An entry of `statements:`, what reported speech is compared with.
#[derive(Debug, Clone)]
pub struct RefStatement {
    pub(crate) id: String,
    pub(crate) speaker: String,
    pub(crate) says: String,
}

/// A validated reference, ready to check articles against.
#[derive(Debug, Clone)]
pub struct Reference {
    /// The file it was read from; `articles:` are relative to it.
    pub path: PathBuf,
    /// `title:`.
    pub title: Option<String>,
    /// `as_of:`, the date facts hold for unless they say.
    pub as_of: Option<NaiveDate>,
    /// The articles it is for: paths or globs, relative to [`Reference::path`].
    pub articles: Vec<String>,
    /// Who may be cited, as written.
    pub sources: Vec<SourceFile>,
    /// The figures.
    pub facts: Vec<Fact>,
    /// Words as said.
    pub quotes: Vec<RefQuote>,
    /// What was said, in gist.
    pub statements: Vec<RefStatement>,
    pub(crate) settings: Settings,
    /// Severity per status where `settings.severity` sets one (validated
    /// names, so a look-up is by status, not by string).
    pub(crate) severity: HashMap<Status, Severity>,
    /// The built-in lexicon extended by the reference's `lexicon:`.
    pub(crate) lexicon: std::sync::Arc<Lexicon>,
    /// Where each source and fact id is in its list: a look-up per claim
    /// must not scan a reference of 100,000 sources.
    ids: Ids,
}

/// Places of ids in [`Reference::sources`] and [`Reference::facts`].
#[derive(Debug, Clone, Default)]
struct Ids {
    sources: HashMap<String, usize>,
    facts: HashMap<String, usize>,
}

impl Ids {
    fn of(sources: &[SourceFile], facts: &[Fact]) -> Ids {
        // (the first of a repeated id, as a scan would find; validation
        // refuses repeats)
        let mut ids = Ids::default();
        for (i, s) in sources.iter().enumerate() {
            ids.sources.entry(s.id.clone()).or_insert(i);
        }
        for (i, f) in facts.iter().enumerate() {
            ids.facts.entry(f.id.clone()).or_insert(i);
        }
        ids
    }
}

/// The largest reference read: 64 MiB (some 500,000 facts).
pub const MAX_REFERENCE_BYTES: u64 = 64 << 20;

impl Reference {
    /// Read and check the reference at `path`: a regular file of at most
    /// [`MAX_REFERENCE_BYTES`], counted as the bytes come.
    pub fn load(path: &Path) -> Result<Reference> {
        let bytes =
            crate::input::read_capped(path, MAX_REFERENCE_BYTES, || Error::ReferenceTooLarge {
                path: path.to_path_buf(),
                limit: MAX_REFERENCE_BYTES,
            })?;
        let text = String::from_utf8(bytes)
            .map_err(|e| Error::not_utf8(path, e.as_bytes(), e.utf8_error()))?;
        Reference::from_str(path, &text)
    }

    /// Errors located at entries of `articles:` (index, message), for the
    /// checks only a caller can make (does the path stay inside the
    /// repository? does the file exist?). The file is read and indexed
    /// again for the positions, once for all of them, as validation does
    /// only when it has something to report; a file that cannot be read
    /// puts the errors at 1:1.
    pub fn article_errors(&self, found: Vec<(usize, String)>) -> Vec<Error> {
        if found.is_empty() {
            return Vec::new();
        }
        let at = std::fs::read_to_string(&self.path)
            .ok()
            .map(|t| crate::yaml::Locations::new(t.strip_prefix('\u{feff}').unwrap_or(&t)));
        found
            .into_iter()
            .map(|(index, message)| {
                let (line, column) = at
                    .as_ref()
                    .map_or((1, 1), |at| at.get(&format!("articles[{index}]")));
                Error::at(&self.path, line, column, message)
            })
            .collect()
    }

    /// Parse and check YAML `text`; `path` names it in errors (which carry
    /// line and column) and anchors `articles:`.
    pub fn from_str(path: &Path, text: &str) -> Result<Reference> {
        // (editors on Windows start a file with a byte-order mark, which
        // the YAML parser would take for a document of its own)
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let file: ReferenceFile = crate::yaml::from_str(path, text)?;
        let checked = validate::check(path, text, &file)?;
        Ok(Reference {
            path: path.to_path_buf(),
            title: file.title,
            as_of: checked.as_of,
            articles: file.articles,
            sources: file.sources,
            facts: checked.facts,
            quotes: file
                .quotes
                .into_iter()
                .map(|q| RefQuote {
                    id: q.id,
                    speaker: q.speaker,
                    text: q.text,
                })
                .collect(),
            statements: file
                .statements
                .into_iter()
                .map(|s| RefStatement {
                    id: s.id,
                    speaker: s.speaker,
                    says: s.says,
                })
                .collect(),
            severity: checked
                .settings
                .severity
                .iter()
                .filter_map(|(name, &sev)| Some((Status::parse(name)?, sev)))
                .collect(),
            settings: checked.settings,
            lexicon: checked.lexicon,
            ids: Ids::default(),
        }
        .indexed())
    }

    /// The reference with its ids indexed.
    fn indexed(mut self) -> Reference {
        self.ids = Ids::of(&self.sources, &self.facts);
        self
    }

    /// Source `id`. (The lists are public: one a caller changed after
    /// reading is searched instead.)
    pub fn source(&self, id: &str) -> Option<&SourceFile> {
        match self.ids.sources.get(id).and_then(|&i| self.sources.get(i)) {
            Some(s) if s.id == id => Some(s),
            _ => self.sources.iter().find(|s| s.id == id),
        }
    }

    /// Fact `id`.
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        match self.ids.facts.get(id).and_then(|&i| self.facts.get(i)) {
            Some(f) if f.id == id => Some(f),
            _ => self.facts.iter().find(|f| f.id == id),
        }
    }

    /// Sources for the extractor, so that reference names and aliases win.
    pub(crate) fn known_sources(&self) -> Vec<KnownSource> {
        self.sources
            .iter()
            .map(|s| KnownSource {
                id: s.id.clone(),
                name: s.name.clone(),
                aliases: s.aliases.clone(),
            })
            .collect()
    }

    /// The name of source `id`, or `id` itself when none is declared.
    pub(crate) fn source_name(&self, id: &str) -> String {
        self.source(id)
            .map_or_else(|| id.to_string(), |s| s.name.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Reference> {
        Reference::from_str(Path::new("ref.yaml"), text)
    }

    #[test]
    fn references_without_a_lexicon_share_the_default_one() {
        // (a copy each was some 700 KB: thousands of references ran out
        // of memory)
        let a = load("version: 1\nfacts: []\n").unwrap();
        let b = load("version: 1\nfacts: []\n").unwrap();
        assert!(std::sync::Arc::ptr_eq(&a.lexicon, &b.lexicon));
        let own = load("version: 1\nlexicon:\n  titles: [warden]\nfacts: []\n").unwrap();
        assert!(!std::sync::Arc::ptr_eq(&a.lexicon, &own.lexicon));
        assert!(own.lexicon.titles.contains("warden"));
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
    fn a_huge_setting_is_shown_short() {
        let e = load("version: 1\nsettings:\n  intervals:\n    vague_high: 1e300\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("vague_high 1e300 is not a factor"), "{e}");
        assert!(e.len() < 200, "{e}");
    }

    #[test]
    fn a_duplicate_made_by_an_alias_is_located_at_the_alias() {
        let e = load("version: 1\nsources:\n  - &s {id: bob, name: Bob}\n  - *s\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("ref.yaml:4:5: duplicate id `bob` (first used at line 3"),
            "{e}"
        );
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
