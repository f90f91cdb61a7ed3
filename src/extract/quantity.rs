//! Quantity claims: a number tied to a metric word, in either order and
//! with words between ("More than 140 children have been killed", "the
//! death toll rose to 352", "driven 10 million from their homes").

use super::speech::Sent;
use super::tokens::{Kind, Token};
use crate::lexicon::Lexicon;
use crate::model::Qualifier;
use crate::numbers::{parse_at, NumberPhrase};

/// A quantity found in a sentence, before it becomes a claim.
#[derive(Debug, Clone)]
pub struct QuantityHit {
    pub number: NumberPhrase,
    pub metric: String,
    pub subject: Option<String>,
    pub qualifier: Qualifier,
    /// Byte range of the whole phrase (qualifier, number, subject, metric word).
    pub phrase: (usize, usize),
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Units after a number that make it a duration, age, distance, sum or score.
const NOT_COUNTS_AFTER: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "decade",
    "decades",
    "century",
    "centuries",
    "year-old",
    "years-old",
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "mile",
    "miles",
    "metres",
    "meters",
    "metre",
    "meter",
    "kg",
    "kilograms",
    "tonnes",
    "tons",
    "feet",
    "ft",
    "dollars",
    "euros",
    "pounds",
    "rupees",
    "yuan",
    "acres",
    "hectares",
    "sq",
    "square",
    "degrees",
    "mph",
    "kph",
    "km/h",
    "times",
    "am",
    "pm",
    "a.m",
    "p.m",
    "gmt",
    "utc",
    "bst",
    "hrs",
    "o'clock",
    "st",
    "nd",
    "rd",
    "th",
    "usd",
    "eur",
    "gbp",
    "cm",
    "mm",
    "ml",
    "litres",
    "liters",
    "gallons",
    "barrels",
    "calories",
    "votes",
    "points",
    "goals",
    "runs",
    "seats",
];

/// Words before a number that make it a label, an age or an amount of money.
const NOT_COUNTS_BEFORE: &[&str] = &[
    "aged",
    "age",
    "ages",
    "page",
    "pages",
    "section",
    "chapter",
    "article",
    "no",
    "number",
    "room",
    "flight",
    "route",
    "highway",
    "resolution",
    "paragraph",
    "item",
    "vol",
    "volume",
    "p",
    "pp",
    "line",
    "episode",
    "season",
    "tel",
    "phone",
    "call",
    "fax",
    "$",
    "€",
    "£",
    "¥",
    "us$",
    "usd",
    "eur",
    "gbp",
    "rs",
    "level",
    "grade",
    "category",
    "size",
    "version",
    "#",
    "+",
    "model",
    "platform",
    "gate",
    "unit",
    "apartment",
    "building",
    "block",
    "street",
    "avenue",
    "road",
    "district",
    "zone",
    "sector",
    "ward",
    "precinct",
    "gen",
    "generation",
    "class",
    "dial",
    "rank",
    "ranked",
    "score",
    "scored",
    "won",
    "lost",
    "beat",
    "drew",
    "at",
];

const YEAR_PREPS: &[&str] = &[
    "in",
    "since",
    "from",
    "until",
    "till",
    "by",
    "of",
    "year",
    "early",
    "late",
    "mid",
    "before",
    "after",
    "during",
    "between",
    "and",
    "to",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "the",
    "election",
    "elections",
    "fiscal",
    "census",
    "as",
    "around",
    "circa",
    "c",
];

/// Words that never name who was counted.
const NOT_SUBJECT: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "to",
    "as",
    "that",
    "this",
    "these",
    "those",
    "who",
    "which",
    "were",
    "was",
    "have",
    "has",
    "had",
    "are",
    "is",
    "be",
    "been",
    "being",
    "since",
    "after",
    "before",
    "during",
    "including",
    "while",
    "when",
    "according",
    "last",
    "this",
    "their",
    "his",
    "her",
    "its",
    "our",
    "more",
    "than",
    "said",
    "says",
    "reportedly",
    "also",
    "still",
    "already",
    "now",
    "so",
    "far",
    "across",
    "into",
    "over",
    "under",
    "about",
    "around",
    "near",
    "inside",
    "outside",
    "per",
    "cent",
    "percent",
    "left",
    "will",
    "would",
    "could",
    "may",
    "might",
    "not",
    "other",
    "others",
];

fn cue_at(toks: &[Token], j: usize, words: &[String]) -> bool {
    words.len() <= toks.len().saturating_sub(j)
        && words
            .iter()
            .enumerate()
            .all(|(o, w)| toks[j + o].kind == Kind::Word && toks[j + o].lower == *w)
}

/// Whether the number is a year, date, time, age, duration, label or score.
fn not_a_count(sent: &Sent, n: &NumberPhrase, lexicon: &Lexicon) -> bool {
    let toks = sent.toks;
    let prev = n.first.checked_sub(1).map(|p| &toks[p]);
    let next = toks.get(n.last);
    let first = &toks[n.first];
    if first.kind == Kind::Num {
        let digits = &first.lower;
        // phone numbers and codes: a leading zero
        if digits.len() > 1 && digits.starts_with('0') && !digits.starts_with("0.") {
            return true;
        }
        // years: four digits, no separator, no scale
        let year_like = n.scale_word.is_none()
            && n.upper.is_none()
            && !n.separators
            && digits.len() == 4
            && (1000.0..=2100.0).contains(&n.value);
        if year_like {
            let after_is_noun = next.is_some_and(|t| {
                t.kind == Kind::Word
                    && !t.capitalised(sent.src)
                    && !YEAR_PREPS.contains(&t.lower.as_str())
                    && !NOT_SUBJECT.contains(&t.lower.as_str())
            });
            if !after_is_noun || prev.is_some_and(|p| YEAR_PREPS.contains(&p.lower.as_str())) {
                return true;
            }
        }
        // times and dates: 10:30, 3/29, 29.03
        if let Some(t) = next {
            if (t.lower == ":" || t.lower == "/") && t.start == first.end {
                return true;
            }
        }
        if let Some(p) = prev {
            if (p.lower == ":" || p.lower == "/") && p.end == first.start {
                return true;
            }
        }
    }
    if prev.is_some_and(|p| {
        MONTHS.contains(&p.lower.as_str()) || NOT_COUNTS_BEFORE.contains(&p.lower.as_str())
    }) {
        // "at least" is a qualifier, not "at 10:30"
        let at_least = prev.is_some_and(|p| p.is("at")) && false;
        if !at_least
            && !prev.is_some_and(|p| {
                p.is("at") && n.first >= 2 && lexicon.toll_links.contains(&toks[n.first - 2].lower)
            })
        {
            return true;
        }
    }
    if n.first >= 2 && toks[n.first - 1].is("of") && toks[n.first - 2].is("age") {
        return true;
    }
    if let Some(t) = next {
        let mut j = n.last;
        if t.lower == "-" && toks.get(j + 1).is_some_and(|n| n.kind == Kind::Word) {
            j += 1; // "12-year-old"
        }
        let w = &toks[j].lower;
        if toks[j].kind == Kind::Word
            && (MONTHS.contains(&w.as_str())
                || NOT_COUNTS_AFTER.contains(&w.as_str())
                || w.starts_with("year-old"))
        {
            return true;
        }
        // a score: "won 3-1"
        if t.lower == "-"
            && toks.get(n.last + 1).is_some_and(|x| x.kind == Kind::Num)
            && n.upper.is_none()
        {
            return true;
        }
        // currency suffix: "5m dollars" handled above; "$" glued before handled by prev
    }
    false
}

/// Who was counted, right after the number: "140 children", "thousands of
/// civilians", "10 million Ukrainians". Returns the head noun and the next token.
fn subject_after(sent: &Sent, from: usize, lexicon: &Lexicon) -> (Option<String>, usize) {
    let toks = sent.toks;
    let mut j = from;
    if toks.get(j).is_some_and(|t| t.is("of")) {
        j += 1;
        if toks
            .get(j)
            .is_some_and(|t| t.is("the") || t.is("them") || t.is("whom") || t.is("those"))
        {
            j += 1;
        }
    }
    let start = j;
    let mut head = None;
    while j < toks.len() && j - start < 3 {
        let t = &toks[j];
        if t.kind != Kind::Word
            || NOT_SUBJECT.contains(&t.lower.as_str())
            || lexicon.aux_words.contains(&t.lower)
            || lexicon.plain_by_first.contains_key(&t.lower)
            || lexicon.post_by_first.contains_key(&t.lower)
            || MONTHS.contains(&t.lower.as_str())
        {
            break;
        }
        head = Some(t.lower.replace('’', "'"));
        j += 1;
    }
    if head.is_none() {
        return (None, from);
    }
    (head, j)
}

/// A plain metric cue starting at token `j`: (metric, end token).
fn plain_cue_at(toks: &[Token], j: usize, lexicon: &Lexicon) -> Option<(String, usize)> {
    let t = toks.get(j)?;
    let list = lexicon.plain_by_first.get(&t.lower)?;
    list.iter()
        .map(|&i| &lexicon.cues[i])
        .find(|c| cue_at(toks, j, &c.pre))
        .map(|c| (c.metric.clone(), j + c.pre.len()))
}

/// A plain metric cue ending just before token `end`: (metric, start token).
fn plain_cue_ending(toks: &[Token], end: usize, lexicon: &Lexicon) -> Option<(String, usize)> {
    let mut best: Option<(String, usize)> = None;
    for c in lexicon.cues.iter().filter(|c| !c.slotted) {
        let len = c.pre.len();
        if len <= end
            && cue_at(toks, end - len, &c.pre)
            && best.as_ref().is_none_or(|(_, s)| end - len < *s)
        {
            best = Some((c.metric.clone(), end - len));
        }
    }
    best
}

/// Find quantity claims in one sentence.
pub fn find(sent: &Sent, lexicon: &Lexicon) -> Vec<QuantityHit> {
    let toks = sent.toks;
    let mut hits: Vec<QuantityHit> = Vec::new();
    let mut i = sent.first;
    while i < toks.len() {
        // numbers start at digits or number words; never inside a phrase
        let Some(n) = parse_at(sent.src, toks, i) else {
            i += 1;
            continue;
        };
        let next_i = n.last.max(i + 1);
        if not_a_count(sent, &n, lexicon) {
            i = next_i;
            continue;
        }
        // qualifier before the number
        let mut qualifier = n.qualifier.unwrap_or(if n.vague {
            Qualifier::Vague
        } else {
            Qualifier::Exact
        });
        let mut q_start = n.first;
        if n.qualifier.is_none() && !n.vague {
            if let Some((words, q)) = lexicon.qualifiers.iter().find(|(w, _)| {
                w.len() <= n.first - sent.first && cue_at(toks, n.first - w.len(), w)
            }) {
                qualifier = *q;
                q_start = n.first - words.len();
            }
        }
        if n.upper.is_some() && n.first > sent.first && toks[n.first - 1].is("between") {
            q_start = n.first - 1;
        }
        let (subject, after_subj) = subject_after(sent, n.last, lexicon);
        let subset = toks.get(n.last).is_some_and(|t| t.is("of"))
            && toks
                .get(n.last + 1)
                .is_some_and(|t| t.is("them") || t.is("whom"));
        let mut found: Option<(String, usize, usize)> = None; // metric, phrase start tok, phrase end tok

        // 1. a slotted cue: "driven N from their homes", "claimed N lives"
        for &start in &[after_subj, n.last] {
            if found.is_some() {
                break;
            }
            let Some(t) = toks.get(start) else { continue };
            if let Some(list) = lexicon.post_by_first.get(&t.lower) {
                for &ci in list {
                    let c = &lexicon.cues[ci];
                    if !cue_at(toks, start, &c.post) {
                        continue;
                    }
                    let pre_pos = if c.pre.is_empty() {
                        Some(q_start)
                    } else {
                        (sent.first..q_start)
                            .rev()
                            .find(|&p| cue_at(toks, p, &c.pre))
                    };
                    if let Some(p) = pre_pos {
                        let phrase_start = if p + c.pre.len() + 3 >= q_start {
                            p
                        } else {
                            q_start
                        };
                        found = Some((c.metric.clone(), phrase_start, start + c.post.len()));
                        break;
                    }
                }
            }
        }
        // 2. a subset: "12 of them children" takes the metric of the figure before
        if found.is_none() && subset {
            if let Some(prev) = hits.last() {
                found = Some((prev.metric.clone(), q_start, after_subj.max(n.last + 2)));
            }
        }
        // 3. the metric word after: "140 children have been killed", "352 dead"
        if found.is_none() {
            for &start in &[after_subj, n.last] {
                let mut j = start;
                while j < toks.len() && j - start < 4 && lexicon.aux_words.contains(&toks[j].lower)
                {
                    j += 1;
                }
                if let Some((metric, end)) = plain_cue_at(toks, j, lexicon) {
                    found = Some((metric, q_start, end));
                    break;
                }
            }
        }
        // 4. the metric word before: "killed 140", "the death toll rose to 352"
        if found.is_none() {
            let mut j = q_start;
            while j > sent.first
                && q_start - j < 4
                && toks[j - 1].kind == Kind::Word
                && lexicon.toll_links.contains(&toks[j - 1].lower)
            {
                j -= 1;
            }
            for end in [j, q_start] {
                if let Some((metric, start)) = plain_cue_ending(toks, end, lexicon) {
                    if start >= sent.first {
                        found = Some((metric, start, after_subj.max(n.last)));
                        break;
                    }
                }
            }
        }
        // 5. "including 12 children" after a figure: the same metric
        if found.is_none()
            && n.first > sent.first
            && toks[q_start.saturating_sub(1)].is("including")
        {
            if let Some(prev) = hits.last() {
                found = Some((prev.metric.clone(), q_start, after_subj.max(n.last)));
            }
        }
        if let Some((metric, a, b)) = found {
            let including = q_start > sent.first
                && matches!(toks[q_start - 1].lower.as_str(), "including" | "among");
            let subject = if n.percent {
                None
            } else {
                subject.or_else(|| {
                    // "including almost 4 million from their country": of those counted before
                    if including || subset {
                        hits.last().and_then(|h| h.subject.clone())
                    } else {
                        None
                    }
                })
            };
            hits.push(QuantityHit {
                phrase: (toks[a.min(q_start)].start, toks[b.max(n.last) - 1].end),
                number: n.clone(),
                metric,
                subject,
                qualifier,
            });
        }
        i = next_i;
    }
    hits
}
