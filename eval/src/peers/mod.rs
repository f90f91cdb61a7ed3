//! Peer suites: the number test cases of two other projects, run against
//! factcheck's number reading. The tests, with their floors and
//! assertions, are in `eval/tests/peer_suites.rs`; this module loads the
//! cases (here), decides their scope (`classify.rs`), runs them
//! (`run.rs`) and prints the report (`report.rs`).
//!
//! - Microsoft Recognizers-Text, English `Number`, `NumberRange` and
//!   `Percent` specs (MIT), under `../shared/corpus/recognizers-text-en/`;
//! - quantulum3's English test cases (MIT), under
//!   `../shared/corpus/quantulum3-en/`.
//!
//! The cases belong to their publishers: they are read from `../shared` at
//! test time and never copied into this repository. Without `../shared`
//! each test prints a note and passes.
//!
//! A case is one number the suite finds (an input with several numbers
//! gives several cases). factcheck only reports numbers tied to a metric,
//! so each in-scope phrase — the number's span of the suite's input — is
//! put alone into a sentence of our own that supplies one: "Officials said
//! {phrase} people were killed.", "… {phrase} of residents were displaced."
//! for shares, "Officials said the death toll could {phrase}." for verbs
//! of excess ("exceed 500"). The rest of the suite's sentence is not
//! used, so what a suite tests through context alone ("three billionth"
//! yields "three") passes trivially here. A case passes when the sentence
//! yields exactly one quantity claim, of the frame's metric, whose value,
//! upper bound, qualifier and percent flag are the suite's resolution
//! translated to factcheck's terms:
//!
//! | suite says            | factcheck                                  |
//! |-----------------------|--------------------------------------------|
//! | number `v`            | `exact`, value `v`                         |
//! | `(a,)`                | `more_than` a                              |
//! | `[a,)`                | `at_least` a                               |
//! | `(,b)`                | `fewer_than` b                             |
//! | `(,b]`                | `at_most` b or `up_to` b (same interval)   |
//! | `[a,a]`               | `exact` a                                  |
//! | `[a,b)` `[a,b]` `(a,b)` `(a,b]` | `range` a–b: factcheck has no open ends; Recognizers' default mode gives half-open `[a,b)` for "between"/"from … to"/"a-b", its experimental mode the closed `[a,b]` |
//! | `v%`                  | value `v`, unit `percent`                  |
//! | quantulum `v ± u`     | `range` v−u … v+u (how quantulum states ranges) |
//! | quantulum `1 dozen`   | `exact` 12                                 |
//!
//! Out of scope (each case says which rule put it there; the counts are
//! printed): measurements and money (quantulum units other than
//! dimensionless/percentage; Recognizers' Currency, Dimension and Ordinal
//! models as whole files), ordinals, fractions and ratios as values ("two
//! sevenths", "3/8", "one over six"; halves and quarters of a million stay
//! in, they are counts), negative numbers, scientific notation and powers,
//! spoken decimals ("four point five"), the SI prefix G as a
//! scale ("5G"), identifiers and digit lists (IP addresses, dates, phone
//! numbers, "F-16", "items 3,7,9"), years and labels ("Apollo 11"),
//! comparison symbols (">", "<="), equality statements ("equals 45"),
//! dangling comparisons ("70 or more than"), reversed "percent of N",
//! and negative cases (an input the suite reads no number from: a phrase
//! test has nothing to run, and factcheck needs a metric to report
//! anything). Everything else that is a count or a share is in scope,
//! including constructions factcheck does not read yet: those fail and are
//! listed by cause.

pub mod classify;
mod report;
mod run;
mod shapes;

use std::path::{Path, PathBuf};

use serde_json::Value;

pub use classify::Classified;
pub use report::{report, ExtraOut};

/// What the suite says a phrase means, in factcheck's terms.
#[derive(Debug, Clone)]
pub struct Expect {
    pub value: f64,
    pub upper: Option<f64>,
    /// Qualifiers that state the suite's interval.
    pub qualifiers: &'static [&'static str],
    pub percent: bool,
}

impl Expect {
    pub fn exact(value: f64, percent: bool) -> Expect {
        Expect {
            value,
            upper: None,
            qualifiers: &["exact"],
            percent,
        }
    }
}

/// In scope with its category, or out of scope with the reason.
#[derive(Debug, Clone)]
pub enum Scope {
    In(&'static str),
    Out(&'static str),
}

#[derive(Debug, Clone)]
pub enum Check {
    /// The phrase, framed, yields one claim as expected.
    Claim(Expect),
    /// Extraction does not panic on the text.
    NoPanic,
}

#[derive(Debug, Clone)]
pub struct Case {
    pub suite: String,
    /// The suite's input sentence.
    pub input: String,
    /// The number phrase within it (the whole input for negative cases).
    pub phrase: String,
    pub scope: Scope,
    pub check: Check,
    /// The reference implementation (dotnet) fails it too.
    pub dotnet_fails: bool,
}

/// The reason for a case whose input the suite reads no number from.
const NEGATIVE_CASE: &str =
    "negative case: the suite reads no number here (nothing for a phrase test to run)";

impl Case {
    /// A case run only for not panicking.
    fn no_panic(suite: &str, input: String, phrase: String, scope: Scope) -> Case {
        Case {
            suite: suite.to_string(),
            input,
            phrase,
            scope,
            check: Check::NoPanic,
            dotnet_fails: false,
        }
    }
}

// ---------------------------------------------------------------------------
// loading

/// `../shared/corpus`, or `None` (with a note) when it is absent.
pub fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!(
            "note: {} is absent; the peer suites were not run",
            dir.display()
        );
        None
    }
}

/// A suite file; `None` (with a note) when unreadable. Malformed JSON
/// panics: the copy in `../shared` is broken and should be fixed.
fn load_json(path: &Path) -> Option<Value> {
    match std::fs::read_to_string(path) {
        Ok(text) => Some(serde_json::from_str(&text).unwrap_or_else(|e| {
            panic!("{}: {e}", path.display());
        })),
        Err(e) => {
            println!("note: {} unreadable ({e}); skipped", path.display());
            None
        }
    }
}

fn suite_name(path: &Path) -> String {
    path.file_name()
        .unwrap()
        .to_string_lossy()
        .trim_end_matches(".json")
        .to_string()
}

/// Counts the cases of a whole Recognizers file that is out of scope.
pub fn count_items(path: &Path) -> usize {
    match load_json(path) {
        Some(Value::Array(items)) => items.len(),
        _ => 0,
    }
}

/// Recognizers cases: one per result, plus one (out of scope) per input
/// the suite reads nothing from.
pub fn recognizers_cases(
    path: &Path,
    classify: impl Fn(&str, &str, &Value, &[Value]) -> Classified,
) -> Vec<Case> {
    let Some(Value::Array(items)) = load_json(path) else {
        return Vec::new();
    };
    let suite = suite_name(path);
    let mut cases = Vec::new();
    for item in &items {
        let input = item["Input"].as_str().unwrap_or("").to_string();
        let dotnet_fails = item["NotSupported"]
            .as_str()
            .is_some_and(|s| s.to_lowercase().contains("dotnet"));
        let results = item["Results"].as_array().cloned().unwrap_or_default();
        if results.is_empty() {
            cases.push(Case {
                dotnet_fails,
                ..Case::no_panic(&suite, input.clone(), input, Scope::Out(NEGATIVE_CASE))
            });
            continue;
        }
        for r in &results {
            let phrase = shapes::recognizers_phrase(&input, r);
            let (scope, expect) = classify(&input, &phrase, &r["Resolution"], &results);
            let scope = if matches!(scope, Scope::In(_)) && expect.is_none() {
                Scope::Out("no resolution to compare with")
            } else {
                scope
            };
            cases.push(Case {
                suite: suite.clone(),
                input: input.clone(),
                phrase,
                check: expect.map_or(Check::NoPanic, Check::Claim),
                scope,
                dotnet_fails,
            });
        }
    }
    cases
}

/// quantulum3's cases: `quantities*.json` read as numbers, `errors.json`
/// run for not panicking, `expand.json` counted out of scope.
pub fn quantulum_cases(dir: &Path) -> Vec<Case> {
    let mut cases = Vec::new();
    for file in ["quantities.json", "quantities.ambiguity.json"] {
        cases.extend(quantulum_file(&dir.join(file)));
    }
    // malformed strings that must not crash the parser
    let path = dir.join("errors.json");
    if let Some(Value::Array(items)) = load_json(&path) {
        for s in items.iter().filter_map(Value::as_str) {
            let scope = Scope::In("malformed input does not panic");
            cases.push(Case::no_panic(
                &suite_name(&path),
                s.into(),
                s.into(),
                scope,
            ));
        }
    }
    // expand.json writes numbers out as words: generation, not reading
    let path = dir.join("expand.json");
    if let Some(Value::Array(items)) = load_json(&path) {
        for item in &items {
            let s = item["req"].as_str().unwrap_or("").to_string();
            let scope = Scope::Out("number → words expansion: generation, not reading");
            cases.push(Case::no_panic(&suite_name(&path), s.clone(), s, scope));
        }
    }
    cases
}

/// One quantulum `quantities` file: one case per result, plus one (out of
/// scope) per sentence it reads nothing from.
fn quantulum_file(path: &Path) -> Vec<Case> {
    let Some(Value::Array(items)) = load_json(path) else {
        return Vec::new();
    };
    let suite = suite_name(path);
    let mut cases = Vec::new();
    for item in &items {
        let req = item["req"].as_str().unwrap_or("").to_string();
        let res = item["res"].as_array().cloned().unwrap_or_default();
        if res.is_empty() {
            let scope = Scope::Out(NEGATIVE_CASE);
            cases.push(Case::no_panic(&suite, req.clone(), req, scope));
            continue;
        }
        for r in &res {
            let surface = r["surface"].as_str().unwrap_or("").to_string();
            let (scope, expect) = classify::quantulum(&req, &surface, r);
            cases.push(Case {
                suite: suite.clone(),
                input: req.clone(),
                phrase: surface,
                scope,
                check: expect.map_or(Check::NoPanic, Check::Claim),
                dotnet_fails: false,
            });
        }
    }
    cases
}
