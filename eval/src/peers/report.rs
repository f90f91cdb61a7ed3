//! The printed report of one suite family, and the floor check.
//!
//! Failures are grouped by cause, found by rules on the phrase, so that a
//! list of hundreds of failures reads as a short list of constructions
//! factcheck does not read yet.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use super::run::{run, Outcome};
use super::{Case, Scope};

/// Rules from the most specific to the most general; each names the
/// construction factcheck misreads. A failure no rule explains falls into
/// its category.
static CAUSES: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    [
        (r"[\u{202f}\u{a0}]", "narrow or no-break space as the thousands separator"),
        (r"^\.\d", "a decimal with no leading zero"),
        (r"^\d{1,2},\d{2},\d{3}", "Indian digit grouping (3,45,678)"),
        (r"^\d{1,3}(\.\d{3})+,\d", "European grouping: dots for thousands, comma for decimals"),
        (r"^0\d", "leading zeros (factcheck reads them as a code)"),
        (r"(?i)\b(nought|naught)\b", "'nought' / 'naught' for zero"),
        (r"(?i)\b(dozens|dzs|dozs)\b", "dozens as a multiplier ('four dozens') and its abbreviations ('dzs')"),
        (r"(?i)^half an? +dozen", "'half a dozen'"),
        (r"(?i)^(half|quarter) (thousand|million|billion)", "'half million' / 'quarter million' without 'a'"),
        (r"(?i)(thousand|million|billion|trillion) and (a|one|two|three) (half|quarter|quarters)$", "a fraction after the scale word ('7 million and a half')"),
        (r"(?i)(thousand|million|billion|trillion) and (a|one|two|three) (half|quarter|quarters) (thousand|million|billion)", "a fraction between two scale words ('two billion and a half million')"),
        (r"(?i)\d\s+(hundred|thousand|lakh|crore)\s+(and\s+)?(\d|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)", "digits with a scale word, then more ('4 hundred and 12', '2 thousand 5 hundred')"),
        (r"(?i)\d\s+(k|m)$", "k / M apart from the digits ('4.5 k')"),
        (r"(?i)\d\s*(mil|mm|bln|tln)$", "finance scale abbreviations (mil, MM, bln, tln)"),
        (r"(?i)^(hundred|thousand|million)\b", "a scale word with no number before it ('thousand', 'hundred thousand')"),
        (r"(?i)\blakh crore\b", "stacked Indian scales ('lakh crore')"),
        (r"(?i)\b(than|above|over|under|below|at (least|most)|more|less)\b.*(\band\b|,).*\b(than|above|below|at (least|most))\b", "two comparisons joined by 'and' ('more than 15 and fewer than 60')"),
        (r"(?i)\bor equal|equal to or\b", "'or equal' comparisons ('less than or equal to', 'equal to or more than')"),
        (r"(?i)\b(greater|larger|bigger) than\b", "'greater than' / 'larger than'"),
        (r"(?i)\b(exceed\w*|surpass\w*)\b", "verbs of excess before the number ('exceeding 400', 'surpass 80')"),
        (r"(?i)\b(or|and) (less|fewer|greater|more)$", "postfix qualifiers other than 'or more' ('or less', 'and more', 'or greater')"),
        (r"(?i)\d\s*(~|through)\s*\d", "'~' and 'through' as range joiners"),
        (r"(?i)(thousand|million|billion|trillion)\s+and\s+", "'and' after thousand / million ('three thousand and four hundred')"),
        (r"(?i)\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\s*-\s+|\s+-\s*(one|two|three|four|five|six|seven|eight|nine)\b", "a spaced hyphen in a compound ('forty - six')"),
        (r"(?i)\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\s+(one|two|three|four|five|six|seven|eight|nine)\b", "tens and units as two words ('sixty four')"),
        (r"(?i)\b(percentage|percents)\b", "'percentage' / 'percents' as the percent word"),
        (r"(?i)\w\s+(in|out of)\s+\w", "ratios as shares ('one in five'): factcheck reads the last number"),
        (r"[,&]", "commas and '&' inside number words"),
    ]
    .into_iter()
    .map(|(re, why)| (Regex::new(re).unwrap(), why))
    .collect()
});

fn cause(o: &Outcome) -> &'static str {
    let p = o.case.phrase.trim();
    if o.got == "PANIC" {
        return "panics";
    }
    if let Some((_, why)) = CAUSES.iter().find(|(re, _)| re.is_match(p)) {
        return why;
    }
    match o.case.scope {
        Scope::In(c) => c,
        Scope::Out(r) => r,
    }
}

fn rate(passed: usize, n: usize) -> String {
    if n == 0 {
        "-".to_string()
    } else {
        format!("{:.1}%", 100.0 * passed as f64 / n as f64)
    }
}

fn in_scope(o: &Outcome) -> bool {
    matches!(o.case.scope, Scope::In(_))
}

/// A whole suite file left out of scope: (name, cases, reason).
pub type ExtraOut<'a> = (&'a str, usize, &'a str);

/// Run the cases of one family, print the report, and return one line per
/// suite file whose passed count is below its floor in `floors` (or that
/// has no floor). With `PEER_SUITES_VERBOSE` set, every case is listed.
pub fn report(
    family: &str,
    cases: Vec<Case>,
    extra_out: &[ExtraOut],
    floors: &[(&str, usize)],
) -> Vec<String> {
    let outcomes: Vec<Outcome> = cases.into_iter().map(run).collect();
    println!("\n=== {family} ===");
    if std::env::var_os("PEER_SUITES_VERBOSE").is_some() {
        list_cases(&outcomes);
    }
    // suite files in the order they were read
    let mut suites: Vec<String> = Vec::new();
    for o in &outcomes {
        if !suites.contains(&o.case.suite) {
            suites.push(o.case.suite.clone());
        }
    }
    let per_suite = suite_table(&outcomes, &suites, extra_out);
    category_table(&outcomes, &suites);
    out_of_scope(&outcomes);
    failures(&outcomes);
    check_floors(&suites, &per_suite, floors)
}

fn list_cases(outcomes: &[Outcome]) {
    for o in outcomes {
        let scope = match o.case.scope {
            Scope::In(c) => format!("in  {c}"),
            Scope::Out(r) => format!("out {r}"),
        };
        let mark = match (&o.case.scope, o.passed) {
            (Scope::Out(_), _) => "    ",
            (_, true) => "pass",
            (_, false) => "FAIL",
        };
        println!(
            "{mark} [{}] {:?} in {:?}: {scope}; {}",
            o.case.suite, o.case.phrase, o.case.input, o.got
        );
    }
}

/// Per suite file: (cases, in scope, passed).
type PerSuite = BTreeMap<String, (usize, usize, usize)>;

/// Cases, in scope and passed per suite file; returns the counts.
fn suite_table(outcomes: &[Outcome], suites: &[String], extra_out: &[ExtraOut]) -> PerSuite {
    println!(
        "{:<36} {:>6} {:>9} {:>7} {:>7}",
        "suite", "cases", "in scope", "passed", "rate"
    );
    let mut per_suite = PerSuite::new();
    for o in outcomes {
        let e = per_suite.entry(o.case.suite.clone()).or_default();
        e.0 += 1;
        if in_scope(o) {
            e.1 += 1;
            e.2 += o.passed as usize;
        }
    }
    for s in suites {
        let (n, inn, p) = per_suite[s];
        println!("{s:<36} {n:>6} {inn:>9} {p:>7} {:>7}", rate(p, inn));
    }
    // the same phrase and reading in several files counts once here
    let mut distinct: BTreeMap<String, bool> = BTreeMap::new();
    for o in outcomes.iter().filter(|o| in_scope(o)) {
        distinct.insert(format!("{:?} {}", o.case.phrase, o.got), o.passed);
    }
    let dp = distinct.values().filter(|p| **p).count();
    println!(
        "{:<36} {:>6} {:>9} {dp:>7} {:>7}",
        "(distinct in-scope cases)",
        "",
        distinct.len(),
        rate(dp, distinct.len())
    );
    for (s, n, why) in extra_out {
        println!(
            "{s:<36} {n:>6} {:>9} {:>7} {:>7}   (out of scope: {why})",
            0, "-", "-"
        );
    }
    per_suite
}

fn category_table(outcomes: &[Outcome], suites: &[String]) {
    println!(
        "\n{:<70} {:>9} {:>7} {:>7}",
        "suite / category", "in scope", "passed", "rate"
    );
    let mut per_cat: BTreeMap<(usize, &str), (usize, usize)> = BTreeMap::new();
    for o in outcomes {
        if let Scope::In(c) = o.case.scope {
            let si = suites.iter().position(|s| *s == o.case.suite).unwrap();
            let e = per_cat.entry((si, c)).or_default();
            e.0 += 1;
            e.1 += o.passed as usize;
        }
    }
    for ((si, c), (n, p)) in &per_cat {
        let label = format!("{} / {c}", suites[*si]);
        println!("{label:<70} {n:>9} {p:>7} {:>7}", rate(*p, *n));
    }
}

fn out_of_scope(outcomes: &[Outcome]) {
    println!("\nout of scope, by reason:");
    let mut per_reason: BTreeMap<&str, (usize, Vec<String>)> = BTreeMap::new();
    for o in outcomes {
        if let Scope::Out(r) = o.case.scope {
            let e = per_reason.entry(r).or_default();
            e.0 += 1;
            if e.1.len() < 3 && !e.1.contains(&o.case.phrase) {
                e.1.push(o.case.phrase.clone());
            }
        }
    }
    for (r, (n, ex)) in &per_reason {
        println!(
            "  {n:>4}  {r}   e.g. {}",
            ex.iter()
                .map(|e| format!("{e:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
}

fn failures(outcomes: &[Outcome]) {
    println!("\nfailures, by cause:");
    let mut per_cause: BTreeMap<&str, Vec<&Outcome>> = BTreeMap::new();
    for o in outcomes.iter().filter(|o| in_scope(o) && !o.passed) {
        per_cause.entry(cause(o)).or_default().push(o);
    }
    for (c, list) in &per_cause {
        println!("  {c} ({})", list.len());
        // one line per phrase and reading, naming every file that has it
        let mut lines: Vec<(String, Vec<String>)> = Vec::new();
        for o in list {
            let mark = if o.case.dotnet_fails {
                " [dotnet fails too]"
            } else {
                ""
            };
            let line = format!("{:?}: {}{mark}", o.case.phrase, o.got);
            match lines.iter_mut().find(|(l, _)| *l == line) {
                Some((_, suites)) => suites.push(o.case.suite.clone()),
                None => lines.push((line, vec![o.case.suite.clone()])),
            }
        }
        for (line, suites) in lines {
            println!("      {line}  [{}]", suites.join(", "));
        }
    }
}

/// The regressions; an improvement prints a note to raise the floor.
fn check_floors(suites: &[String], per_suite: &PerSuite, floors: &[(&str, usize)]) -> Vec<String> {
    let mut regressions = Vec::new();
    for s in suites {
        let (_, inn, p) = per_suite[s];
        let floor = floors.iter().find(|(n, _)| n == s).map(|(_, f)| *f);
        match floor {
            _ if inn == 0 => {}
            Some(f) if p < f => {
                regressions.push(format!("{s}: {p} of {inn} pass, the floor is {f}"))
            }
            Some(f) if p > f => {
                println!("note: {s}: {p} pass, above the floor of {f}: raise FLOORS")
            }
            Some(_) => {}
            None => regressions.push(format!("{s}: no floor in FLOORS")),
        }
    }
    regressions
}
