//! Comparison: claims × reference → findings. Facts are indexed by metric
//! and reference quotes and statements are scanned once per claim, so a
//! check stays linear in claims plus reference entries per metric.

use std::collections::HashMap;

use chrono::NaiveDate;
use similar::ChangeTag;

use crate::article::Article;
use crate::extract::Extractor;
use crate::lang::names::normalise_name;
use crate::lang::qualifier::Stated;
use crate::model::{
    ArticleReport, Claim, ClaimKind, Correction, DiffPart, Finding, Quantity, Severity, Status,
};
use crate::reference::{Accepted, Fact, Reference};

pub mod correct;
pub mod drafts;

/// Subject synonyms: a claim about one fits a fact about another in the
/// same group. People and civilians are not children.
const SYNONYMS: &[&[&str]] = &[
    &[
        "people",
        "persons",
        "individuals",
        "residents",
        "inhabitants",
    ],
    &["children", "kids", "minors", "youngsters", "child"],
    &[
        "soldiers",
        "troops",
        "servicemen",
        "servicemembers",
        "service members",
        "combatants",
    ],
    &["civilians", "non-combatants", "noncombatants"],
    &["refugees", "people"],
];

fn singular(s: &str) -> &str {
    s.strip_suffix('s').filter(|r| r.len() > 2).unwrap_or(s)
}

/// How well a claim's subject fits a fact's: 3 same noun, 2 synonym,
/// 1 the fact names no subject, 0 no fit.
fn subject_fit(claim: Option<&str>, fact: Option<&str>) -> u8 {
    match (claim, fact) {
        (_, None) => 1,
        (None, Some(_)) => 0,
        (Some(c), Some(f)) => {
            if c == f || singular(c) == singular(f) {
                3
            } else if SYNONYMS.iter().any(|g| g.contains(&c) && g.contains(&f)) {
                2
            } else {
                0
            }
        }
    }
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let s = format!("{}", v as i64);
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 && c != '-' {
                out.push(',');
            }
            out.push(c);
        }
        out
    } else {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// The value written as the article writes its figures: with the same scale
/// word ("3.9 million"), separators ("12,500") or plain digits.
pub fn in_style(value: f64, q: &Quantity) -> String {
    let st = &q.style;
    if let Some(word) = &st.scale_word {
        let scaled = value / st.scale;
        for d in st.decimals..=3 {
            let f = format!("{scaled:.d$}");
            if (f.parse::<f64>().unwrap_or(f64::NAN) - scaled).abs() < 1e-9 {
                let glued =
                    !word.chars().next().is_some_and(|c| c.is_alphabetic()) || word.len() <= 2;
                return if glued {
                    format!("{f}{word}")
                } else {
                    format!("{f} {word}")
                };
            }
        }
        return format!("{} {word}", fmt_num(scaled));
    }
    if st.separators || st.words || value >= 10_000.0 {
        fmt_num(value)
    } else {
        fmt_num(value).replace(',', "")
    }
}

/// The value in force on `date` and what to say about how it was chosen.
fn accepted_interval(
    fact: &Fact,
    date: Option<NaiveDate>,
) -> (
    [f64; 2],
    Option<f64>,
    Option<NaiveDate>,
    Option<&'static str>,
) {
    match &fact.accepted {
        Accepted::Value { value, tolerance } => {
            let t = tolerance.of(*value);
            ([value - t, value + t], Some(*value), fact.as_of, None)
        }
        Accepted::Range { min, max } => (
            [min.unwrap_or(0.0), max.unwrap_or(f64::INFINITY)],
            None,
            fact.as_of,
            None,
        ),
        Accepted::Series(entries, tolerance) => {
            let (entry, note) = match date {
                None => (
                    entries.last(),
                    Some("the article has no date, so the latest entry was used"),
                ),
                Some(d) => match entries.iter().rev().find(|e| e.0 <= d) {
                    Some(e) => (Some(e), None),
                    None => (
                        entries.first(),
                        Some("the article predates every entry, so the earliest was used"),
                    ),
                },
            };
            match entry {
                Some(&(d, v)) => {
                    let t = tolerance.of(v);
                    ([v - t, v + t], Some(v), Some(d), note)
                }
                None => ([0.0, f64::INFINITY], None, None, note),
            }
        }
    }
}

fn describe_fact(fact: &Fact, reference: &Reference, date: Option<NaiveDate>) -> String {
    let (iv, value, as_of, note) = accepted_interval(fact, date);
    let mut s = match value {
        Some(v) => fmt_num(v),
        None => match (iv[0], iv[1]) {
            (a, b) if b.is_infinite() => format!("at least {}", fmt_num(a)),
            (a, b) => format!("between {} and {}", fmt_num(a), fmt_num(b)),
        },
    };
    if fact.percent {
        s.push('%');
    }
    if let Some(d) = as_of {
        s.push_str(&format!(", as of {d}"));
    }
    if let Some(src) = &fact.source {
        s.push_str(&format!(", {}", reference.source_name(src)));
    }
    if let Some(n) = note {
        s.push_str(&format!(" ({n})"));
    }
    s
}

/// Normalise quoted words for comparison: typographic quotes, apostrophes,
/// dashes and whitespace; the first letter's case. Returns the words and
/// their byte ranges in the input.
fn quote_words(s: &str) -> Vec<(String, (usize, usize))> {
    let mut out = Vec::new();
    let mut start = None;
    let push = |out: &mut Vec<(String, (usize, usize))>, a: usize, b: usize| {
        let w: String = s[a..b]
            .chars()
            .map(|c| match c {
                '’' | '‘' | '`' | '´' => '\'',
                '“' | '”' | '„' | '«' | '»' => '"',
                '–' | '—' | '‒' => '-',
                c => c,
            })
            .collect();
        let trimmed = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '…');
        if trimmed.is_empty() {
            return;
        }
        let word = if trimmed == "..." || trimmed.contains('…') {
            "…".to_string()
        } else {
            trimmed.to_string()
        };
        out.push((word, (a, b)));
    };
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(a) = start.take() {
                push(&mut out, a, i);
            }
        } else if c == '…' {
            if let Some(a) = start.take() {
                push(&mut out, a, i);
            }
            out.push(("…".into(), (i, i + c.len_utf8())));
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(a) = start {
        push(&mut out, a, s.len());
    }
    if let Some(first) = out.first_mut() {
        let mut cs = first.0.chars();
        if let Some(f) = cs.next() {
            first.0 = f.to_lowercase().chain(cs).collect();
        }
    }
    out
}

/// Words run together, lower-cased, with the offsets where words start and end.
fn squash<'a>(words: impl IntoIterator<Item = &'a String>) -> (String, Vec<usize>) {
    let mut out = String::new();
    let mut bounds = vec![0];
    for w in words {
        out.push_str(&w.to_lowercase());
        bounds.push(out.len());
    }
    (out, bounds)
}

/// Whether the article's quote is the reference's words: its segments
/// between ellipses appear in order, each contiguous. Words are compared
/// run together, so a translation's glued words ("Ukrainethey") still
/// match, but only whole words: a segment must start and end at word edges.
fn quote_matches(article: &[String], reference: &[String]) -> bool {
    let (r, bounds) = squash(reference);
    let segments: Vec<&[String]> = article
        .split(|w| w == "…")
        .filter(|s| !s.is_empty())
        .collect();
    if segments.is_empty() {
        return false;
    }
    let mut pos = 0;
    for seg in segments {
        let (s, _) = squash(seg);
        let found = r[pos..]
            .match_indices(s.as_str())
            .map(|(i, _)| pos + i)
            .find(|&i| {
                bounds.binary_search(&i).is_ok() && bounds.binary_search(&(i + s.len())).is_ok()
            });
        match found {
            Some(i) => pos = i + s.len(),
            None => return false,
        }
    }
    true
}

/// A word diff of reference against article, trimmed to the part the
/// article quotes; an article ellipsis absorbs the reference words it
/// stands for. Returns the diff, the share of the article's words found in
/// order, and the corrected quote (the reference's words, as written, with
/// the article's ellipses kept).
fn quote_diff(
    article_words: &[(String, (usize, usize))],
    article_text: &str,
    reference_text: &str,
    reference: &[(String, (usize, usize))],
) -> QuoteDiff {
    let article: Vec<String> = article_words.iter().map(|w| w.0.clone()).collect();
    let a_l: Vec<String> = article.iter().map(|w| w.to_lowercase()).collect();
    let r_l: Vec<String> = reference.iter().map(|(w, _)| w.to_lowercase()).collect();
    let a_refs: Vec<&str> = a_l.iter().map(String::as_str).collect();
    let r_refs: Vec<&str> = r_l.iter().map(String::as_str).collect();
    let diff = similar::capture_diff_slices(similar::Algorithm::Patience, &r_refs, &a_refs);
    // (tag, article index or reference index)
    let mut changes: Vec<(ChangeTag, usize)> = Vec::new();
    for op in &diff {
        for change in op.iter_changes(&r_refs, &a_refs) {
            let idx = match change.tag() {
                ChangeTag::Insert => change.new_index().unwrap_or(0),
                _ => change.old_index().unwrap_or(0),
            };
            changes.push((change.tag(), idx));
        }
    }
    let lo = changes
        .iter()
        .position(|c| c.0 != ChangeTag::Delete)
        .unwrap_or(changes.len());
    let hi = changes
        .iter()
        .rposition(|c| c.0 != ChangeTag::Delete)
        .map_or(lo, |i| i + 1);
    let changes = &changes[lo..hi.max(lo)];
    let is_ellipsis = |c: &(ChangeTag, usize)| c.0 == ChangeTag::Insert && article[c.1] == "…";
    // an ellipsis stands for the deleted run around it, less the words that
    // inserted words replace (a substitution next to the ellipsis)
    let mut elided = vec![false; changes.len()];
    let mut moves = Vec::new();
    for i in (0..changes.len()).filter(|&i| is_ellipsis(&changes[i])) {
        let mut b = i;
        while b > 0 && changes[b - 1].0 == ChangeTag::Delete {
            b -= 1;
        }
        let mut a = i + 1;
        while a < changes.len() && changes[a].0 == ChangeTag::Delete {
            a += 1;
        }
        let inserted = changes[a..]
            .iter()
            .take_while(|c| c.0 == ChangeTag::Insert && !is_ellipsis(c))
            .count();
        let run: Vec<usize> = (b..i).chain(i + 1..a).collect();
        let keep = inserted.min(run.len());
        for &r in &run[..run.len() - keep] {
            elided[r] = true;
        }
        moves.push((b, i));
    }
    // show the ellipsis before the words around it: "… [-reduce-] {+halt+}"
    let mut changes = changes.to_vec();
    for (b, i) in moves {
        changes[b..=i].rotate_right(1);
        elided[b..=i].rotate_right(1);
    }
    let mut parts: Vec<DiffPart> = Vec::new();
    let mut corrected: Vec<String> = Vec::new();
    // the article's own text with only the changed words replaced
    let mut fixed = String::new();
    let mut pos = 0;
    let keep = |fixed: &mut String, pos: &mut usize, i: usize| {
        let end = article_words[i].1 .1;
        fixed.push_str(&article_text[*pos..end]);
        *pos = end;
    };
    let mut equal = 0usize;
    let push = |parts: &mut Vec<DiffPart>, op: &'static str, text: &str| match parts.last_mut() {
        Some(p) if p.op == op => {
            p.text.push(' ');
            p.text.push_str(text);
        }
        _ => parts.push(DiffPart {
            op,
            text: text.to_string(),
        }),
    };
    for (n, &c) in changes.iter().enumerate() {
        if elided[n] {
            continue;
        }
        if is_ellipsis(&c) {
            push(&mut parts, "equal", "…");
            corrected.push("…".into());
            keep(&mut fixed, &mut pos, c.1);
            continue;
        }
        match c.0 {
            ChangeTag::Equal => {
                equal += 1;
                let orig = &reference_text[reference[c.1].1 .0..reference[c.1].1 .1];
                push(&mut parts, "equal", orig);
                corrected.push(orig.to_string());
                // an equal change's index is the reference word's; find the article word
                if let Some(i) = article_words.iter().position(|w| w.1 .0 >= pos) {
                    keep(&mut fixed, &mut pos, i);
                }
            }
            ChangeTag::Delete => {
                let orig = &reference_text[reference[c.1].1 .0..reference[c.1].1 .1];
                push(&mut parts, "delete", orig);
                corrected.push(orig.to_string());
                if !fixed.is_empty() && !fixed.ends_with(char::is_whitespace) {
                    fixed.push(' ');
                }
                fixed.push_str(orig.trim_end_matches([',', '.', ';']));
            }
            ChangeTag::Insert => {
                push(&mut parts, "insert", &article[c.1]);
                pos = article_words[c.1].1 .1;
            }
        }
    }
    fixed.push_str(&article_text[pos.min(article_text.len())..]);
    let words = article.iter().filter(|w| *w != "…").count();
    let ratio = if words == 0 {
        0.0
    } else {
        equal as f64 / words as f64
    };
    QuoteDiff {
        parts,
        ratio,
        said: corrected.join(" "),
        fixed,
    }
}

/// What `quote_diff` finds.
struct QuoteDiff {
    parts: Vec<DiffPart>,
    /// Share of the article's words found in order in the reference.
    ratio: f64,
    /// The reference's words for the part quoted (the article's ellipses kept).
    said: String,
    /// The article's quote with only the changed words put right.
    fixed: String,
}

/// Render a word diff as `[-removed-]{+added+}` text.
pub fn diff_inline(parts: &[DiffPart]) -> String {
    parts
        .iter()
        .map(|p| match p.op {
            "delete" => format!("[-{}-]", p.text),
            "insert" => format!("{{+{}+}}", p.text),
            _ => p.text.clone(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

const SMALL_WORDS: &[&str] = &[
    "its", "his", "her", "their", "the", "a", "an", "to", "of", "that", "it", "was", "is", "be",
    "would", "will", "has", "had", "have",
];

/// Content words of a statement, for matching with inflection.
fn content_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect()
}

fn same_stem(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    shorter >= 4 && common >= shorter.saturating_sub(2).max(4)
}

/// Whether `content` says `says`: its words in order, inflection allowed,
/// at most two extra words between any two.
fn says_match(c: &[String], s: &[String]) -> bool {
    if s.is_empty() {
        return false;
    }
    (0..c.len()).any(|start| {
        if !same_stem(&c[start], &s[0]) {
            return false;
        }
        let mut pos = start;
        for w in &s[1..] {
            match (pos + 1..c.len().min(pos + 4)).find(|&p| same_stem(&c[p], w)) {
                Some(p) => pos = p,
                // small words may be left out: "declare neutrality" says "declare its neutrality"
                None if SMALL_WORDS.contains(&w.as_str()) => {}
                None => return false,
            }
        }
        true
    })
}

/// Source names and aliases, normalised, to their ids.
fn source_index(reference: &Reference) -> HashMap<String, String> {
    let mut index = HashMap::new();
    for s in &reference.sources {
        for n in std::iter::once(&s.name).chain(&s.aliases) {
            index
                .entry(normalise_name(n))
                .or_insert_with(|| s.id.clone());
        }
    }
    index
}

/// Checks articles against one reference.
pub struct Checker<'r> {
    reference: &'r Reference,
    extractor: Extractor<'r>,
    by_metric: HashMap<&'r str, Vec<&'r Fact>>,
    quotes: Vec<PreparedQuote<'r>>,
    /// Reference statements with their `says` words.
    statements: Vec<(&'r crate::reference::RefStatement, Vec<String>)>,
    sources: HashMap<String, String>,
}

/// A reference quote read once: its words with their places, and the set
/// of its lower-cased words for a quick test of overlap.
struct PreparedQuote<'r> {
    quote: &'r crate::reference::RefQuote,
    words: Vec<(String, (usize, usize))>,
    plain: Vec<String>,
    set: std::collections::HashSet<String>,
}

impl<'r> Checker<'r> {
    pub fn new(reference: &'r Reference) -> Checker<'r> {
        let mut by_metric: HashMap<&str, Vec<&Fact>> = HashMap::new();
        for f in &reference.facts {
            by_metric.entry(f.metric.as_str()).or_default().push(f);
        }
        let quotes = reference
            .quotes
            .iter()
            .map(|quote| {
                let words = quote_words(&quote.text);
                let plain: Vec<String> = words.iter().map(|w| w.0.clone()).collect();
                let set = plain.iter().map(|w| w.to_lowercase()).collect();
                PreparedQuote {
                    quote,
                    words,
                    plain,
                    set,
                }
            })
            .collect();
        let statements = reference
            .statements
            .iter()
            .map(|s| (s, content_words(&s.says)))
            .collect();
        Checker {
            reference,
            extractor: Extractor::for_reference(reference),
            by_metric,
            quotes,
            statements,
            sources: source_index(reference),
        }
    }

    /// The reference source a claim's speaker is, if any.
    fn speaker_id(&self, claim: &Claim) -> Option<String> {
        let a = claim.attribution.as_ref()?;
        if let Some(s) = &a.source {
            return Some(s.clone());
        }
        self.sources
            .get(&normalise_name(&a.speaker))
            .or_else(|| self.sources.get(&normalise_name(&a.mention)))
            .cloned()
    }

    fn severity(&self, status: Status, default: Severity) -> Severity {
        self.reference
            .settings
            .severity
            .get(status.as_str())
            .copied()
            .unwrap_or(default)
    }

    fn finding(
        &self,
        status: Status,
        fact: Option<&str>,
        claim: Option<&Claim>,
        expected: Option<String>,
        found: Option<String>,
        message: String,
    ) -> Finding {
        Finding {
            status,
            severity: self.severity(status, status.default_severity()),
            fact: fact.map(String::from),
            claim: claim.cloned(),
            expected,
            found,
            message,
            diff: None,
            correction: None,
        }
    }

    /// Extract the article's claims with the reference's lexicon and source
    /// names, and judge them: the findings in article order.
    pub fn check(&self, article: &Article) -> ArticleReport {
        let claims = self.extractor.extract(article);
        ArticleReport {
            path: article.path.clone(),
            reference: self.reference.path.display().to_string(),
            findings: self.findings(article, &claims.claims),
        }
    }

    /// The findings for claims already extracted from `article`, in article order.
    pub fn findings(&self, article: &Article, claims: &[Claim]) -> Vec<Finding> {
        let mut out = Vec::new();
        let mut stated: std::collections::HashSet<&str> = std::collections::HashSet::new();
        let mut figures: Vec<(usize, usize)> = claims
            .iter()
            .filter_map(|c| c.quantity.as_ref().map(|q| q.style.number_span))
            .collect();
        figures.sort_unstable();
        for c in claims {
            match c.kind {
                ClaimKind::Quantity => self.figure(article, c, &mut out, &mut stated),
                ClaimKind::Quote => self.quote(article, c, &mut out),
                ClaimKind::Statement => self.statement(c, &figures, &mut out),
            }
        }
        for f in &self.reference.facts {
            if f.required && !stated.contains(f.id.as_str()) {
                let expected = describe_fact(f, self.reference, article.date);
                out.push(self.finding(
                    Status::Missing,
                    Some(&f.id),
                    None,
                    Some(expected.clone()),
                    None,
                    format!(
                        "The article never states `{}` ({}): add {}.",
                        f.id, f.metric, expected
                    ),
                ));
            }
        }
        out
    }

    fn figure<'a>(
        &'a self,
        article: &Article,
        c: &Claim,
        out: &mut Vec<Finding>,
        stated: &mut std::collections::HashSet<&'a str>,
    ) {
        let Some(q) = &c.quantity else { return };
        let found = q.phrase.clone();
        let candidates = self
            .by_metric
            .get(q.metric.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let best = candidates
            .iter()
            .filter(|f| f.percent == (q.unit.as_deref() == Some("percent")))
            .map(|f| (subject_fit(q.subject.as_deref(), f.subject.as_deref()), *f))
            .filter(|(s, _)| *s > 0)
            .max_by_key(|(s, _)| *s)
            .map(|(_, f)| f);
        let Some(fact) = best else {
            out.push(self.finding(
                Status::Unverified,
                None,
                Some(c),
                None,
                Some(found.clone()),
                format!(
                        "No reference fact covers {} ({}{}).",
                        q.metric,
                        found,
                        q.subject
                            .as_ref()
                            .map(|s| format!(", {s}"))
                            .unwrap_or_default()
                    ),
            ));
            self.unattributed(c, None, false, out);
            return;
        };
        stated.insert(fact.id.as_str());
        let (accepted, value, _, _) = accepted_interval(fact, article.date);
        let st = Stated {
            qualifier: q.qualifier,
            value: q.value.0,
            upper: q.upper.map(|u| u.0),
            scale: q.style.scale,
            decimals: q.style.decimals,
            has_scale_word: q.style.scale_word.is_some(),
        };
        let iv = st.bounded(&self.reference.settings.intervals);
        let (lo, hi) = (iv[0].unwrap_or(0.0), iv[1].unwrap_or(f64::INFINITY));
        let consistent = lo <= accepted[1] + 1e-9 && accepted[0] <= hi + 1e-9;
        let expected = describe_fact(fact, self.reference, article.date);
        if consistent {
            out.push(self.finding(
                Status::Match,
                Some(&fact.id),
                Some(c),
                Some(expected.clone()),
                Some(found.clone()),
                format!("“{found}” agrees with the reference ({expected})."),
            ));
        } else {
            let mut f = self.finding(
                Status::Mismatch,
                Some(&fact.id),
                Some(c),
                Some(expected.clone()),
                Some(found.clone()),
                format!("“{found}” does not agree with the reference: {expected}."),
            );
            if let Some(v) = value {
                f.correction = Some(self.figure_correction(c, q, v, accepted));
                if let Some(corr) = &f.correction {
                    f.message = format!(
                        "“{found}” does not agree with the reference ({expected}); write “{}”.",
                        corrected_phrase(c, q, corr)
                    );
                }
            }
            out.push(f);
        }
        // the source the article gives against the fact's (a figure that does
        // not agree may be about something else: its source says nothing)
        if let (true, Some(want), Some(a)) = (consistent, &fact.source, &c.attribution) {
            if let Some(got) = self.speaker_id(c) {
                if &got != want {
                    let mut f = self.finding(
                        Status::Misattributed,
                        Some(&fact.id),
                        Some(c),
                        Some(self.reference.source_name(want)),
                        Some(a.speaker.clone()),
                        format!(
                            "The figure is credited to {} but the reference has it from {}.",
                            a.speaker,
                            self.reference.source_name(want)
                        ),
                    );
                    f.correction = a.mention_span.map(|(s, e)| Correction {
                        start: s,
                        end: e,
                        replacement: self.reference.source_name(want),
                    });
                    out.push(f);
                }
            }
        }
        self.unattributed(c, Some(fact), fact.attribution_required, out);
    }

    /// Rewrite the number (and drop a qualifier the true value contradicts).
    fn figure_correction(
        &self,
        c: &Claim,
        q: &Quantity,
        value: f64,
        accepted: [f64; 2],
    ) -> Correction {
        let (ns, ne) = q.style.number_span;
        let number = in_style(value, q);
        let kept = Stated {
            qualifier: q.qualifier,
            value,
            upper: None,
            scale: q.style.scale,
            decimals: q.style.decimals,
            has_scale_word: q.style.scale_word.is_some(),
        }
        .bounded(&self.reference.settings.intervals);
        let keeps = kept[0].unwrap_or(0.0) <= accepted[1]
            && accepted[0] <= kept[1].unwrap_or(f64::INFINITY);
        if keeps && q.upper.is_none() {
            Correction {
                start: ns,
                end: ne,
                replacement: number,
            }
        } else {
            // replace qualifier and number: from the phrase start if the qualifier leads it
            let start = if c.span.start < ns && q.qualifier != crate::model::Qualifier::Exact {
                c.span.start
            } else {
                ns
            };
            Correction {
                start,
                end: ne,
                replacement: number,
            }
        }
    }

    fn unattributed(&self, c: &Claim, fact: Option<&Fact>, required: bool, out: &mut Vec<Finding>) {
        if c.attribution.is_some() {
            return;
        }
        let what = match c.kind {
            ClaimKind::Quantity => "figure",
            ClaimKind::Quote => "quote",
            ClaimKind::Statement => "statement",
        };
        let mut f = self.finding(
            Status::Unattributed,
            fact.map(|f| f.id.as_str()),
            Some(c),
            fact.and_then(|f| f.source.as_ref())
                .map(|s| format!("attributed to {}", self.reference.source_name(s))),
            None,
            match fact.and_then(|f| f.source.as_ref()) {
                Some(s) => format!(
                    "The {what} has no source in the article; credit {}.",
                    self.reference.source_name(s)
                ),
                None => format!("The {what} has no source in the article; say who said it."),
            },
        );
        if required {
            f.severity = self.severity(Status::Unattributed, Severity::Error);
        }
        out.push(f);
    }

    fn quote(&self, article: &Article, c: &Claim, out: &mut Vec<Finding>) {
        let Some(text) = &c.quote else { return };
        let positioned = quote_words(text);
        let words: Vec<String> = positioned.iter().map(|w| w.0.clone()).collect();
        let speaker = self.speaker_id(c);
        let mut best_close: Option<(QuoteDiff, &crate::reference::RefQuote)> = None;
        let lower: Vec<String> = words
            .iter()
            .filter(|w| *w != "…")
            .map(|w| w.to_lowercase())
            .collect();
        for pq in &self.quotes {
            // most reference quotes share few words with this one: skip them cheaply
            let shared = lower.iter().filter(|w| pq.set.contains(*w)).count();
            if lower.is_empty() || (shared as f64) < 0.5 * lower.len() as f64 {
                continue;
            }
            let (rq, rw, rwords) = (pq.quote, &pq.words, &pq.plain);
            if quote_matches(&words, rwords) {
                match (&speaker, &c.attribution) {
                    (Some(s), _) if *s == rq.speaker => {
                        out.push(self.finding(
                            Status::Match,
                            Some(&rq.id),
                            Some(c),
                            Some(format!(
                                "{}: “{}”",
                                self.reference.source_name(&rq.speaker),
                                rq.text
                            )),
                            Some(text.clone()),
                            format!(
                                "The quote matches what {} said.",
                                self.reference.source_name(&rq.speaker)
                            ),
                        ));
                    }
                    (_, Some(a)) => {
                        let right = self.reference.source_name(&rq.speaker);
                        let mut f = self.finding(
                            Status::Misattributed,
                            Some(&rq.id),
                            Some(c),
                            Some(right.clone()),
                            Some(a.speaker.clone()),
                            format!("The quote is given to {} but {} said it.", a.speaker, right),
                        );
                        f.correction = a.mention_span.map(|(s, e)| Correction {
                            start: s,
                            end: e,
                            replacement: right.clone(),
                        });
                        out.push(f);
                    }
                    (_, None) => {
                        let right = self.reference.source_name(&rq.speaker);
                        let mut f = self.finding(
                            Status::Unattributed,
                            Some(&rq.id),
                            Some(c),
                            Some(format!("attributed to {right}")),
                            None,
                            format!("The quote has no speaker in the article; {right} said it."),
                        );
                        f.severity = Severity::Warning;
                        out.push(f);
                    }
                }
                return;
            }
            let d = quote_diff(&positioned, text, &rq.text, rw);
            if d.ratio >= 0.6
                && words.len() >= 3
                && best_close.as_ref().is_none_or(|b| d.ratio > b.0.ratio)
            {
                best_close = Some((d, rq));
            }
        }
        if let Some((
            QuoteDiff {
                parts: diff,
                said,
                fixed,
                ..
            },
            rq,
        )) = best_close
        {
            let right = self.reference.source_name(&rq.speaker);
            let mut f = self.finding(
                Status::Misquoted,
                Some(&rq.id),
                Some(c),
                Some(format!("{right}: “{said}”")),
                Some(text.clone()),
                format!(
                    "The quote differs from what {right} said: {}.",
                    diff_inline(&diff).trim_end_matches('.')
                ),
            );
            f.diff = Some(diff);
            // only where the quote is one run of the file (not over paragraphs)
            f.correction = (article.text.get(c.span.start..c.span.end) == Some(text.as_str()))
                .then_some(Correction {
                    start: c.span.start,
                    end: c.span.end,
                    replacement: fixed,
                });
            if speaker.as_deref().is_some_and(|s| s != rq.speaker) {
                f.message.push_str(&format!(
                    " It is also given to the wrong speaker ({}).",
                    c.attribution.as_ref().map_or("", |a| a.speaker.as_str())
                ));
            }
            out.push(f);
            self.unattributed(c, None, false, out);
            return;
        }
        out.push(self.finding(
            Status::Unverified,
            None,
            Some(c),
            None,
            Some(text.clone()),
            "No reference quote covers these words.".into(),
        ));
        self.unattributed(c, None, false, out);
    }

    fn statement(&self, c: &Claim, figures: &[(usize, usize)], out: &mut Vec<Finding>) {
        let Some(content) = &c.content else { return };
        let speaker = self.speaker_id(c);
        let words = content_words(content);
        // the speaker's own statement first, then anyone's (a misattribution)
        let matching = || {
            self.statements
                .iter()
                .filter(|(_, says)| says_match(&words, says))
                .map(|(s, _)| *s)
        };
        let own = matching().find(|s| speaker.as_deref() == Some(s.speaker.as_str()));
        let Some(rs) = own.or_else(|| matching().next()) else {
            // a statement that carries a figure is judged by the figure
            // figures are sorted by where they start: the first at or after the statement
            let i = figures.partition_point(|&(a, _)| a < c.span.start);
            if figures.get(i).is_none_or(|&(_, b)| b > c.span.end) {
                out.push(self.finding(
                    Status::Unverified,
                    None,
                    Some(c),
                    None,
                    Some(content.clone()),
                    "No reference statement covers this.".into(),
                ));
            }
            return;
        };
        let right = self.reference.source_name(&rs.speaker);
        if speaker.as_deref() == Some(rs.speaker.as_str()) {
            out.push(self.finding(
                Status::Match,
                Some(&rs.id),
                Some(c),
                Some(format!("{right}: {}", rs.says)),
                Some(content.clone()),
                format!("The statement matches what {right} said."),
            ));
        } else {
            let given = c
                .attribution
                .as_ref()
                .map_or(String::new(), |a| a.speaker.clone());
            let mut f = self.finding(
                Status::Misattributed,
                Some(&rs.id),
                Some(c),
                Some(right.clone()),
                Some(given.clone()),
                format!("The statement is given to {given} but {right} made it."),
            );
            f.correction = c
                .attribution
                .as_ref()
                .and_then(|a| a.mention_span)
                .map(|(s, e)| Correction {
                    start: s,
                    end: e,
                    replacement: right.clone(),
                });
            out.push(f);
        }
    }
}

fn corrected_phrase(c: &Claim, q: &Quantity, corr: &Correction) -> String {
    let (ps, pe) = (c.span.start, c.span.end);
    let phrase = &q.phrase;
    if corr.start >= ps && corr.end <= pe {
        let mut s = phrase.clone();
        s.replace_range(corr.start - ps..corr.end - ps, &corr.replacement);
        s
    } else {
        corr.replacement.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        quote_words(s).into_iter().map(|w| w.0).collect()
    }

    #[test]
    fn ellipsis_and_parts_match() {
        let r = w(
            "fundamentally to cut back military activity in the direction of Kyiv and Chernihiv",
        );
        assert!(quote_matches(
            &w("fundamentally … military activity in the direction of Kyiv"),
            &r
        ));
        assert!(quote_matches(&w("Military activity in the direction"), &r));
        assert!(!quote_matches(&w("military activity near Kyiv"), &r));
        assert!(!quote_matches(&w("ilitary activity"), &r));
        let glued = w("security guarantees to Ukraine they are becoming practical matters");
        assert!(quote_matches(
            &w("guarantees to Ukrainethey are becoming practical matters."),
            &glued
        ));
        assert!(quote_matches(&w("“fundamentally… to cut back”"), &r));
    }

    #[test]
    fn misquote_diff_names_the_changed_word() {
        let diff = |printed: &str, said: &str| {
            quote_diff(&quote_words(printed), printed, said, &quote_words(said))
        };
        let d = diff(
            "we will halt military activity near Kyiv",
            "we will reduce military activity near Kyiv today",
        );
        assert!(d.ratio > 0.8);
        assert_eq!(
            diff_inline(&d.parts),
            "we will [-reduce-] {+halt+} military activity near Kyiv"
        );
        assert_eq!(d.said, "we will reduce military activity near Kyiv");
        assert_eq!(d.fixed, "we will reduce military activity near Kyiv");
        let d = diff(
            "A decision was made to radically … halt activity near Kyiv,",
            "a decision was made to radically, by a wide margin, reduce activity near Kyiv.",
        );
        assert_eq!(
            diff_inline(&d.parts),
            "a decision was made to radically, … [-reduce-] {+halt+} activity near Kyiv."
        );
        assert_eq!(
            d.said,
            "a decision was made to radically, … reduce activity near Kyiv."
        );
        // the article's own words, punctuation and ellipsis kept
        assert_eq!(
            d.fixed,
            "A decision was made to radically … reduce activity near Kyiv,"
        );
        let d = diff(
            "We are not going anywhere soon,",
            "We are going nowhere soon",
        );
        assert_eq!(d.fixed, "We are going nowhere soon,");
    }

    #[test]
    fn statements_allow_inflection_and_gaps() {
        let says_match = |c: &str, s: &str| says_match(&content_words(c), &content_words(s));
        assert!(says_match(
            "his country was prepared to declare its neutrality",
            "prepared to declare its neutrality"
        ));
        assert!(says_match(
            "Ukraine is preparing to declare neutrality",
            "prepared to declare its neutrality"
        ));
        assert!(!says_match(
            "Ukraine will never be neutral",
            "prepared to declare its neutrality"
        ));
    }

    #[test]
    fn style_follows_the_article() {
        let mut q = Quantity {
            metric: "refugees".into(),
            subject: None,
            value: crate::model::Num(4e6),
            upper: None,
            qualifier: crate::model::Qualifier::Exact,
            interval: [None, None],
            phrase: "4 million".into(),
            unit: None,
            style: crate::model::NumberStyle {
                scale_word: Some("million".into()),
                scale: 1e6,
                ..Default::default()
            },
        };
        assert_eq!(in_style(3.9e6, &q), "3.9 million");
        q.style = crate::model::NumberStyle {
            separators: true,
            scale: 1.0,
            ..Default::default()
        };
        assert_eq!(in_style(12500.0, &q), "12,500");
    }
}
