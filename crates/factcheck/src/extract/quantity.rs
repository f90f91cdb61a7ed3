//! Quantity claims: a number tied to a metric word, in either order and
//! with words between ("More than 140 children have been killed", "the
//! death toll rose to 352", "driven 10 million from their homes").

use super::speech::Sent;
use crate::lang::numbers::{parse_at, NumberPhrase};
use crate::lang::tokens::{Kind, Token};
use crate::lexicon::Lexicon;
use crate::model::Qualifier;

/// A quantity found in a sentence, before it becomes a claim.
#[derive(Debug, Clone)]
pub(crate) struct QuantityHit {
    pub number: NumberPhrase,
    pub metric: String,
    pub subject: Option<String>,
    pub qualifier: Qualifier,
    /// Byte range of the whole phrase (qualifier, number, subject, metric word).
    pub phrase: (usize, usize),
    /// Token index just past the phrase, to tell whether a later figure
    /// continues this one ("…, including 4 million …").
    pub end_tok: usize,
}

fn cue_at(toks: &[Token], j: usize, words: &[String]) -> bool {
    words.len() <= toks.len().saturating_sub(j)
        && words
            .iter()
            .enumerate()
            .all(|(o, w)| toks[j + o].kind == Kind::Word && toks[j + o].lower == *w)
}

/// Whether the number is a year, date, time, age, duration, label or score.
fn not_a_count(sent: &Sent, n: &NumberPhrase, lx: &Lexicon) -> bool {
    let toks = sent.toks;
    let prev = n.first.checked_sub(1).map(|p| &toks[p]);
    let next = toks.get(n.last);
    let first = &toks[n.first];
    // glued to a word: "M6", "G7", "COVID19"
    if prev.is_some_and(|p| p.kind == Kind::Word && p.end == first.start) {
        return true;
    }
    // a group size: "one of its eight crew members"
    if n.first >= 3
        && matches!(
            toks[n.first - 1].lower.as_str(),
            "its" | "their" | "the" | "his" | "her"
        )
        && toks[n.first - 2].is("of")
        && parse_at(sent.src, toks, n.first - 3).is_some()
    {
        return true;
    }
    if first.kind == Kind::Num {
        let digits = &first.lower;
        // phone numbers and codes: a leading zero
        if digits.len() > 1 && digits.starts_with('0') && !digits.starts_with("0.") {
            return true;
        }
        // years: four digits, no separator, no scale, unless people follow ("2014 people")
        let year_like = n.scale_word.is_none()
            && n.upper.is_none()
            && !n.separators
            && digits.len() == 4
            && (1000.0..=2100.0).contains(&n.value);
        if year_like {
            let noun_after = next.is_some_and(|t| {
                t.kind == Kind::Word
                    && !t.capitalised(sent.src)
                    && !lx.year_words.contains(t.lower.as_str())
                    && !lx.not_subject.contains(t.lower.as_str())
            });
            if !noun_after || prev.is_some_and(|p| lx.year_words.contains(p.lower.as_str())) {
                return true;
            }
        }
        // times and dates: 10:30, 3/29
        let glued = |t: &Token| {
            (t.lower == ":" || t.lower == "/") && (t.start == first.end || t.end == first.start)
        };
        if next.is_some_and(glued) || prev.is_some_and(glued) {
            return true;
        }
    }
    if let Some(p) = prev {
        if lx.months.contains(p.lower.as_str()) && p.capitalised(sent.src)
            || lx.non_count_labels.contains(p.lower.as_str())
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
        let w = &toks[j];
        let month = lx.months.contains(w.lower.as_str()) && w.capitalised(sent.src);
        if w.kind == Kind::Word
            && (month
                || lx.non_count_units.contains(w.lower.as_str())
                || w.lower.starts_with("year-old"))
        {
            return true;
        }
        // "2 a.m.", "3 p.m."
        if (t.is("a") || t.is("p"))
            && toks.get(n.last + 1).is_some_and(|d| d.lower == ".")
            && toks.get(n.last + 2).is_some_and(|m| m.is("m"))
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
    }
    false
}

/// Whether a number (with its qualifier) follows right after token `at`: the
/// metric verb then has its own count ("the storm that killed 25 people").
fn object_follows(sent: &Sent, at: usize, lx: &Lexicon) -> bool {
    let toks = sent.toks;
    let skip = lx
        .qualifiers
        .iter()
        .find(|(w, _)| cue_at(toks, at, w))
        .map_or(0, |(w, _)| w.len());
    parse_at(sent.src, toks, at + skip).is_some()
}

/// An all-capital word names a group ("five IS militants"), even if it
/// spells a function word.
fn is_acronym(t: &Token, src: &str) -> bool {
    let text = t.text(src);
    t.kind == Kind::Word && text.chars().count() >= 2 && text.chars().all(|c| c.is_uppercase())
}

/// Whether a word can be part of who was counted ("aid workers", "children").
fn subject_word(t: &Token, lx: &Lexicon) -> bool {
    t.kind == Kind::Word
        && !lx.not_subject.contains(t.lower.as_str())
        && !lx.aux_words.contains(t.lower.as_str())
        && !lx.toll_links.contains(t.lower.as_str())
        && !lx.plain_by_first.contains_key(t.lower.as_str())
        && !lx.post_by_first.contains_key(t.lower.as_str())
        && !lx.months.contains(t.lower.as_str())
}

/// Who was counted, right after the number: "140 children", "thousands of
/// civilians", "60 of its soldiers". Returns the words and the next token.
fn subject_after(sent: &Sent, from: usize, lx: &Lexicon) -> (Option<String>, usize) {
    let toks = sent.toks;
    let mut j = from;
    if toks.get(j).is_some_and(|t| t.is("of")) {
        j += 1;
        if toks.get(j).is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "the" | "them" | "whom" | "those" | "its" | "their" | "his" | "her" | "our"
            )
        }) {
            j += 1;
        }
    }
    // "two more civilians", "20 other people"
    if toks.get(j).is_some_and(|t| {
        matches!(
            t.lower.as_str(),
            "more" | "other" | "additional" | "further"
        )
    }) && toks.get(j + 1).is_some_and(|t| subject_word(t, lx))
    {
        j += 1;
    }
    let start = j;
    while j < toks.len()
        && j - start < 3
        && (subject_word(&toks[j], lx) || is_acronym(&toks[j], sent.src))
    {
        j += 1;
    }
    if j == start {
        return (None, from);
    }
    let words: Vec<String> = toks[start..j]
        .iter()
        .map(|t| t.lower.replace('’', "'"))
        .collect();
    (Some(words.join(" ")), j)
}

/// A plain metric cue starting at token `j`: (metric, end token).
fn plain_cue_at(toks: &[Token], j: usize, lx: &Lexicon) -> Option<(String, usize)> {
    let t = toks.get(j)?;
    let list = lx.plain_by_first.get(t.lower.as_str())?;
    list.iter()
        .map(|&i| &lx.cues[i])
        .find(|c| cue_at(toks, j, &c.pre))
        .map(|c| (c.metric.clone(), j + c.pre.len()))
}

/// A plain metric cue after auxiliaries ("have been", "are believed to have").
fn cue_after_aux(toks: &[Token], start: usize, lx: &Lexicon) -> Option<(String, usize)> {
    let mut j = start;
    loop {
        if let Some(hit) = plain_cue_at(toks, j, lx) {
            return Some(hit);
        }
        if j < toks.len() && j - start < 5 && lx.aux_words.contains(toks[j].lower.as_str()) {
            j += 1;
        } else {
            return None;
        }
    }
}

/// A plain metric cue ending just before token `end`: (metric, start token).
fn plain_cue_ending(toks: &[Token], end: usize, lx: &Lexicon) -> Option<(String, usize)> {
    let last = toks.get(end.checked_sub(1)?)?;
    lx.cues
        .iter()
        .filter(|c| !c.slotted && c.pre.last().is_some_and(|w| *w == last.lower))
        .filter(|c| c.pre.len() <= end && cue_at(toks, end - c.pre.len(), &c.pre))
        .max_by_key(|c| c.pre.len())
        .map(|c| (c.metric.clone(), end - c.pre.len()))
}

/// Find quantity claims in one sentence.
pub(crate) fn find(sent: &Sent, lx: &Lexicon) -> Vec<QuantityHit> {
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
        if not_a_count(sent, &n, lx) {
            i = next_i;
            continue;
        }
        if let Some(hit) = figure(sent, &n, &hits, lx) {
            hits.push(hit);
        }
        i = next_i;
    }
    hits
}

/// The metric, subject and phrase of one number, if it is a figure.
fn figure(
    sent: &Sent,
    n: &NumberPhrase,
    hits: &[QuantityHit],
    lx: &Lexicon,
) -> Option<QuantityHit> {
    let toks = sent.toks;
    // the qualifier before the number
    let mut qualifier = n.qualifier.unwrap_or(if n.vague {
        Qualifier::Vague
    } else {
        Qualifier::Exact
    });
    let mut q_start = n.first;
    if n.qualifier.is_none() && !n.vague {
        if let Some((words, q)) = lx
            .qualifiers
            .iter()
            .find(|(w, _)| w.len() <= n.first - sent.first && cue_at(toks, n.first - w.len(), w))
        {
            qualifier = *q;
            q_start = n.first - words.len();
        }
    }
    if n.upper.is_some() && n.first > sent.first && toks[n.first - 1].is("between") {
        q_start = n.first - 1;
    }
    let (mut subject, after_subj) = subject_after(sent, n.last, lx);
    let before = q_start
        .checked_sub(1)
        .filter(|&p| p >= sent.first)
        .map(|p| toks[p].lower.as_str())
        .unwrap_or("");
    let before2 = q_start
        .checked_sub(2)
        .filter(|&p| p >= sent.first)
        .map(|p| toks[p].lower.as_str())
        .unwrap_or("");
    // a part of the figure before: "including 12", "among them 40", "12 of them children"
    let subset_lead = matches!(before, "including" | "included")
        || matches!((before2, before), ("among" | "of", "them" | "whom"));
    let subset_tail = toks.get(n.last).is_some_and(|t| t.is("of"))
        && toks
            .get(n.last + 1)
            .is_some_and(|t| t.is("them") || t.is("whom"));
    // a figure continues the one before only right after it
    let prev_metric = hits
        .last()
        .filter(|h| h.end_tok + 4 >= q_start && !n.percent)
        .map(|h| h.metric.clone());
    let mut found: Option<(String, usize, usize)> = None; // metric, phrase start token, phrase end token

    // 1. a slotted cue: "driven N from their homes", "claimed N lives"
    'slots: for start in [after_subj, n.last] {
        let Some(list) = toks
            .get(start)
            .and_then(|t| lx.post_by_first.get(t.lower.as_str()))
        else {
            continue;
        };
        for &ci in list {
            let c = &lx.cues[ci];
            if !cue_at(toks, start, &c.post) {
                continue;
            }
            let pre = if c.pre.is_empty() {
                Some(q_start)
            } else {
                (sent.first..q_start)
                    .rev()
                    .find(|&p| cue_at(toks, p, &c.pre))
            };
            if let Some(p) = pre {
                let phrase_start = if p + c.pre.len() == q_start {
                    p
                } else {
                    q_start
                };
                found = Some((c.metric.clone(), phrase_start, start + c.post.len()));
                break 'slots;
            }
        }
    }
    // 2. a subset: "12 of them children" takes the metric of the figure before
    if found.is_none() && subset_tail {
        found = prev_metric
            .clone()
            .map(|m| (m, q_start, after_subj.max(n.last + 2)));
    }
    // 3. a metric noun followed by a metric verb names who was counted:
    //    "37 prisoners died"; alone it is the metric: "1.4 million refugees",
    //    "38 missing fishermen"
    if found.is_none() {
        if let Some((noun_metric, noun_end)) = plain_cue_at(toks, n.last, lx) {
            match cue_after_aux(toks, noun_end, lx).filter(|_| noun_end == n.last + 1) {
                Some((metric, end)) => {
                    subject = Some(toks[n.last].lower.to_string());
                    found = Some((metric, q_start, end));
                }
                None => {
                    let mut end = noun_end;
                    if subject.is_none() {
                        let (s, e) = subject_after(sent, noun_end, lx);
                        if toks.get(noun_end).is_some_and(|t| !t.capitalised(sent.src)) {
                            subject = s;
                            end = e;
                        }
                    }
                    found = Some((noun_metric, q_start, end));
                }
            }
        }
    }
    // 4. the metric word after who was counted: "140 children have been
    //    killed", "70 regime and rebel fighters have been killed", "two people
    //    in the area were injured"; not "one cafe that killed 25 people"
    if found.is_none() {
        let mut start = after_subj;
        while found.is_none() && start < toks.len() && start - after_subj <= 8 {
            found = cue_after_aux(toks, start, lx)
                .filter(|&(_, end)| !object_follows(sent, end, lx))
                // a metric noun that can name things ("bodies") counts only
                // right after the number: not "100,000 public bodies"
                .filter(|&(_, end)| {
                    let one_word = plain_cue_at(toks, end - 1, lx).is_some_and(|(_, e)| e == end);
                    subject.is_none()
                        || !(one_word
                            && lx
                                .non_person_subjects
                                .contains(toks[end - 1].lower.as_str()))
                })
                .map(|(m, end)| (m, q_start, end));
            // the counted phrase may run on: "of the …", "in the area", "and rebel fighters"
            let t = &toks[start];
            let extends = t.kind == Kind::Word
                && (subject_word(t, lx)
                    || matches!(
                        t.lower.as_str(),
                        "of" | "the" | "in" | "and" | "from" | "near" | "inside" | "at"
                    )
                    || is_acronym(t, sent.src));
            if !extends
                || (start == after_subj
                    && subject.is_none()
                    && !is_acronym(t, sent.src)
                    && !matches!(t.lower.as_str(), "of" | "in"))
            {
                break;
            }
            start += 1;
        }
    }
    // 5. the metric word before: "killed 140", "the death toll rose to 352"
    if found.is_none() {
        let mut j = q_start;
        while j > sent.first
            && q_start - j < 4
            && lx.toll_links.contains(toks[j - 1].lower.as_str())
        {
            j -= 1;
        }
        for end in [j, q_start] {
            if let Some((metric, start)) =
                plain_cue_ending(toks, end, lx).filter(|(_, s)| *s >= sent.first)
            {
                found = Some((metric, start, after_subj.max(n.last)));
                break;
            }
        }
    }
    // 6. a part of the figure before: "including 12 children", "30 were minors"
    let were_noun = matches!(toks.get(n.last).map(|t| t.lower.as_str()), Some("were" | "are"))
        && toks.get(n.last + 1).is_some_and(|t| subject_word(t, lx))
        // "30 were minors." — a noun and nothing after it
        && toks.get(n.last + 2).is_none_or(|t| t.kind == Kind::Punct || t.is("and"));
    if found.is_none() && subject.is_none() && were_noun {
        let (s, end) = subject_after(sent, n.last + 1, lx);
        subject = s;
        found = prev_metric.clone().map(|m| (m, q_start, end));
    }
    if found.is_none() && subset_lead {
        found = prev_metric.map(|m| (m, q_start, after_subj.max(n.last)));
    }
    let (metric, a, b) = found?;
    // who was counted must be people: not "2 million chickens", "public bodies"
    if subject
        .as_deref()
        .and_then(|s| s.rsplit(' ').next())
        .is_some_and(|head| lx.non_person_subjects.contains(head))
    {
        return None;
    }
    let subject = if n.percent {
        None
    } else {
        // "including almost 4 million from their country": of those counted before
        subject.or_else(|| {
            (subset_lead || subset_tail)
                .then(|| hits.last().and_then(|h| h.subject.clone()))
                .flatten()
        })
    };
    Some(QuantityHit {
        end_tok: b.max(n.last),
        phrase: (toks[a.min(q_start)].start, toks[b.max(n.last) - 1].end),
        number: n.clone(),
        metric,
        subject,
        qualifier,
    })
}
