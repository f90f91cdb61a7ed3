//! The project's configuration: `factcheck.toml` at the repository root.
//! A file of its own, as Vale's `.vale.ini` or typos' `_typos.toml`, not a
//! section of another tool's file: a newsroom's repository of articles has
//! no `pyproject.toml` or `Cargo.toml` to host one. Every key is optional;
//! a flag on the command line wins over the file, the file over the
//! built-in default. `factcheck config` prints what a run would use.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use factcheck::model::{Finding, Severity, Status};
use factcheck::report::Format;
use factcheck::{Error, Result};
use serde::{Deserialize, Serialize};

use crate::args::FailOn;

/// The file's name, at the repository root.
pub const FILE: &str = "factcheck.toml";

/// `factcheck.toml` as written.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// `check`'s output format when `--format` is not given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// The lowest severity that fails a run: `error`, `warning` or `never`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fail_on: Option<String>,
    /// The folders holding references (default `["claims"]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub references: Option<Vec<PathBuf>>,
    /// The baseline `check` reads when `--baseline` is not given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<PathBuf>,
    /// A severity per status (`unattributed = "warning"`), over the
    /// reference's and the status's own.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub severity: BTreeMap<String, String>,
}

/// The configuration a run uses: the file's values, checked.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Where the file was read from, if there was one.
    pub file: Option<PathBuf>,
    pub format: Option<Format>,
    pub fail_on: Option<FailOn>,
    pub references: Vec<PathBuf>,
    pub baseline: Option<PathBuf>,
    pub severity: BTreeMap<Status, Severity>,
}

/// The line and column (1-based) of byte `at` of `text`, as every other
/// error of factcheck counts them.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    factcheck::lang::span::LineIndex::new(text).line_col(text, at)
}

fn fail_on(name: &str) -> Option<FailOn> {
    match name {
        "error" => Some(FailOn::Error),
        "warning" => Some(FailOn::Warning),
        "never" => Some(FailOn::Never),
        _ => None,
    }
}

fn severity(name: &str) -> Option<Severity> {
    match name {
        "error" => Some(Severity::Error),
        "warning" => Some(Severity::Warning),
        "info" => Some(Severity::Info),
        _ => None,
    }
}

impl Settings {
    /// The configuration of the repository at `root`: its `factcheck.toml`
    /// if there is one, else the defaults. A malformed file is an error at
    /// its line and column.
    pub fn load(root: &Path) -> Result<Settings> {
        let path = root.join(FILE);
        if !path.is_file() {
            return Settings::of(Config::default(), None, "");
        }
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        let config: Config = toml::from_str(&text).map_err(|e| {
            let (line, col) = line_col(&text, e.span().map_or(0, |s| s.start));
            Error::at(&path, line, col, e.message().trim().to_string())
        })?;
        Settings::of(config, Some(path), &text)
    }

    /// `config` checked: each value one the command line would take.
    fn of(config: Config, file: Option<PathBuf>, text: &str) -> Result<Settings> {
        let bad = |key: &str, message: String| {
            let path = file.clone().unwrap_or_else(|| PathBuf::from(FILE));
            // (at the key's line: the first line that sets it)
            let at = text
                .find(&format!("\n{key}"))
                .map(|i| i + 1)
                .or_else(|| text.starts_with(key).then_some(0))
                .unwrap_or(0);
            let (line, col) = line_col(text, at);
            Error::at(path, line, col, message)
        };
        let format = config
            .format
            .as_deref()
            .map(|f| {
                Format::parse(f).ok_or_else(|| {
                    let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                    bad(
                        "format",
                        format!("format `{f}` is none of {}", names.join(", ")),
                    )
                })
            })
            .transpose()?;
        let fail = config
            .fail_on
            .as_deref()
            .map(|f| {
                fail_on(f).ok_or_else(|| {
                    bad(
                        "fail-on",
                        format!("fail-on `{f}` is none of error, warning, never"),
                    )
                })
            })
            .transpose()?;
        let mut levels = BTreeMap::new();
        for (status, level) in &config.severity {
            let st = Status::ALL
                .into_iter()
                .find(|s| s.as_str() == status)
                .ok_or_else(|| bad(status, format!("`{status}` is no status")))?;
            let lv = severity(level).ok_or_else(|| {
                bad(
                    status,
                    format!("severity `{level}` is none of error, warning, info"),
                )
            })?;
            levels.insert(st, lv);
        }
        // (a pull request may carry the file: its paths stay inside the
        // repository, as a reference's `articles:` do)
        let inside = |key: &str, p: &Path| {
            let ok = p.components().all(|c| {
                matches!(
                    c,
                    std::path::Component::Normal(_) | std::path::Component::CurDir
                )
            });
            if ok {
                Ok(())
            } else {
                Err(bad(
                    key,
                    format!(
                        "`{}` leads outside the repository: name a folder inside it",
                        factcheck::report::visible::one_line(&p.display().to_string())
                    ),
                ))
            }
        };
        for p in config.references.iter().flatten() {
            inside("references", p)?;
        }
        if let Some(p) = &config.baseline {
            inside("baseline", p)?;
        }
        Ok(Settings {
            file,
            format,
            fail_on: fail,
            references: config
                .references
                .unwrap_or_else(|| vec![PathBuf::from("claims")]),
            baseline: config.baseline,
            severity: levels,
        })
    }

    /// Give each finding the severity the file sets for its status.
    pub fn override_severity<'a>(&self, findings: impl IntoIterator<Item = &'a mut Finding>) {
        if self.severity.is_empty() {
            return;
        }
        for f in findings {
            if let Some(&s) = self.severity.get(&f.status) {
                f.severity = s;
            }
        }
    }

    /// The effective configuration as TOML, with where it comes from.
    pub fn describe(&self) -> String {
        let from = match &self.file {
            Some(p) => format!("# from {}; flags on the command line win\n", p.display()),
            None => format!("# no {FILE} here: the defaults; flags on the command line win\n"),
        };
        let shown = Config {
            format: Some(self.format.unwrap_or(Format::Text).name().to_string()),
            fail_on: Some(
                match self.fail_on.unwrap_or(FailOn::Error) {
                    FailOn::Error => "error",
                    FailOn::Warning => "warning",
                    FailOn::Never => "never",
                }
                .to_string(),
            ),
            references: Some(self.references.clone()),
            baseline: self.baseline.clone(),
            severity: self
                .severity
                .iter()
                .map(|(st, lv)| (st.as_str().to_string(), lv.as_str().to_string()))
                .collect(),
        };
        from + &toml::to_string(&shown).unwrap_or_default()
    }
}
