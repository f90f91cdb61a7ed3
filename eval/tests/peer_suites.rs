//! Peer suites: the number test cases of Recognizers-Text and quantulum3,
//! run against factcheck's number reading. How cases are framed, scoped
//! and scored is in `factcheck_eval::peers`; this file holds what guards
//! against regressions: the suite files each test reads, the whole files
//! it counts out of scope, and the floors it asserts.
//!
//! The floors below are the passed counts measured when they were set; a
//! regression fails the test, an improvement prints a note to raise the
//! floor. Without `../shared` each test prints a note and passes.
//!
//! Run: `cargo test --release -p factcheck-eval --test peer_suites --
//! --nocapture`; with `PEER_SUITES_VERBOSE=1` every case is listed with
//! its scope and result.

use factcheck_eval::peers::{self, classify, Case, ExtraOut};

/// Passed counts per suite file, measured when they were set (factcheck
/// as of the commit that added them). Raise them as the number reader
/// improves; never lower them without a reason in the commit.
const FLOORS: &[(&str, usize)] = &[
    ("NumberModel", 117),
    ("NumberModelExperimentalMode", 63),
    ("NumberModelPercentMode", 4),
    ("NumberRangeModel", 68),
    ("NumberRangeModelExperimentalMode", 50),
    ("PercentModel", 10),
    ("PercentModelPercentMode", 4),
    ("quantities", 20),
    ("quantities.ambiguity", 1),
    ("errors", 4),
];

/// Run and print one family; fail on any suite file below its floor.
fn report(family: &str, cases: Vec<Case>, extra_out: &[ExtraOut]) {
    let regressions = peers::report(family, cases, extra_out, FLOORS);
    assert!(
        regressions.is_empty(),
        "{family}: regressions:\n{}",
        regressions.join("\n")
    );
}

#[test]
fn recognizers_number() {
    let Some(dir) = peers::corpus() else { return };
    let dir = dir.join("recognizers-text-en");
    let mut cases = Vec::new();
    for f in [
        "NumberModel",
        "NumberModelExperimentalMode",
        "NumberModelPercentMode",
    ] {
        cases.extend(peers::recognizers_cases(
            &dir.join(format!("Number/{f}.json")),
            classify::number,
        ));
    }
    let mut extra = Vec::new();
    for (f, why) in [
        ("Number/OrdinalModel", "ordinals"),
        ("Number/OrdinalModelSuppressExtendedTypes", "ordinals"),
        ("NumberWithUnit/CurrencyModel", "money"),
        ("NumberWithUnit/DimensionModel", "measurements"),
    ] {
        let n = peers::count_items(&dir.join(format!("{f}.json")));
        extra.push((f.rsplit('/').next().unwrap(), n, why));
    }
    report("Recognizers-Text English Number", cases, &extra);
}

#[test]
fn recognizers_range() {
    let Some(dir) = peers::corpus() else { return };
    let dir = dir.join("recognizers-text-en/Number");
    let mut cases = Vec::new();
    for f in ["NumberRangeModel", "NumberRangeModelExperimentalMode"] {
        cases.extend(peers::recognizers_cases(
            &dir.join(format!("{f}.json")),
            classify::range,
        ));
    }
    report("Recognizers-Text English NumberRange", cases, &[]);
}

#[test]
fn recognizers_percent() {
    let Some(dir) = peers::corpus() else { return };
    let dir = dir.join("recognizers-text-en/Number");
    let mut cases = Vec::new();
    for f in ["PercentModel", "PercentModelPercentMode"] {
        cases.extend(peers::recognizers_cases(
            &dir.join(format!("{f}.json")),
            classify::percent,
        ));
    }
    report("Recognizers-Text English Percent", cases, &[]);
}

#[test]
fn quantulum3() {
    let Some(dir) = peers::corpus() else { return };
    report(
        "quantulum3 en_US",
        peers::quantulum_cases(&dir.join("quantulum3-en")),
        &[],
    );
}
