//! Quantity claims: a number tied to a metric word, in either order and
//! with words between ("More than 140 children have been killed", "the
//! death toll rose to 352", "driven 10 million from their homes").

mod count;
mod figure;
mod lead;
mod list;
mod respectively;
mod total;

use super::speech::Sent;
use crate::lang::numbers::is_number_word;
use crate::lang::numbers::{parse_at, NumberPhrase};
use crate::lang::tokens::{Kind, Token};
use crate::lexicon::grammar::{PARTITIVE_DETERMINERS, PLACE_PREPOSITIONS};
use crate::lexicon::Lexicon;
use crate::model::Qualifier;
use count::not_a_count;
use figure::figure;

/// A quantity found in a sentence, before it becomes a claim.
#[derive(Debug, Clone)]
pub(crate) struct QuantityHit {
    pub number: NumberPhrase,
    pub metric: String,
    pub subject: Option<String>,
    pub qualifier: Qualifier,
    /// Byte range of the whole phrase (qualifier, number, subject, metric word).
    pub phrase: (usize, usize),
    /// Byte offset where the qualifier's words start ("*at least* 46"); the
    /// number's start when none stands before it.
    pub qualifier_start: usize,
    /// Token index just past the phrase, to tell whether a later figure
    /// continues this one ("…, including 4 million …").
    pub end_tok: usize,
    /// Byte range of the place named right after the phrase ("176 people
    /// in *Malawi*"), which tells facts of different places apart.
    pub place: Option<(usize, usize)>,
    /// A part of the figure just before it in the sentence.
    pub part: bool,
    /// The text calls it the whole event's total ("in total", "in all").
    pub total: bool,
}

/// The place named right after token `end`: a place preposition, maybe
/// "the", then capitalised words ("in South Waziristan", "at the Ghouta",
/// "in Aleppo and Idlib").
pub(crate) fn place_after(sent: &Sent, end: usize) -> Option<(usize, usize)> {
    let toks = sent.toks;
    let prep = sent.word(end)?;
    if !PLACE_PREPOSITIONS.contains(&prep.lower.as_str()) {
        return None;
    }
    let mut k = end + 1;
    if toks.get(k).is_some_and(|t| t.is("the")) {
        k += 1;
    }
    let first = k;
    while sent.cap(k) {
        k += 1;
        // places named together: "in Aleppo and Idlib"
        if toks.get(k).is_some_and(|t| t.is("and") || t.is("or")) && sent.cap(k + 1) {
            k += 1;
        }
    }
    if k == first {
        return None;
    }
    // its head noun in lower case: "in Broadmoor hospital", "in Idlib province"
    if sent.word(k).is_some_and(|t| {
        !sent.closed(t)
            && !t.capitalised(sent.src)
            && !lx_word(sent, &t.lower)
            && toks
                .get(k + 1)
                .is_none_or(|n| n.kind == Kind::Punct || sent.closed(n))
    }) {
        k += 1;
    }
    Some((toks[first].start, toks[k - 1].end))
}

/// A word with a part to play in a figure or a speech: a metric word, an
/// auxiliary, a reporting verb.
fn lx_word(sent: &Sent, w: &str) -> bool {
    let lx = sent.lexicon;
    lx.plain_by_first.contains_key(w)
        || lx.aux_words.contains(w)
        || lx.reporting_verbs.contains(w)
        || lx.toll_links.contains(w)
}

/// Whether the words `words` stand as word tokens from token `j` on.
fn cue_at(toks: &[Token], j: usize, words: &[String]) -> bool {
    words.len() <= toks.len().saturating_sub(j)
        && words
            .iter()
            .enumerate()
            .all(|(o, w)| toks[j + o].kind == Kind::Word && toks[j + o].lower == *w)
}

/// Whether a number (with its qualifier) follows right after token `at`: the
/// metric verb then has its own count ("the storm that killed 25 people").
fn object_follows(sent: &Sent, at: usize, lx: &Lexicon) -> bool {
    let toks = sent.toks;
    let skip = lx.qualifiers.starting_at(toks, at).map_or(0, |(w, _)| w);
    // "and wounded another 250": a count of its own after the verb
    let at = at + skip;
    // (a duration is no object: "200 people drowned seven weeks ago")
    parse_at(sent.src, toks, at + added_count_lead(toks, at))
        .is_some_and(|n| !toks.get(n.last).is_some_and(|t| lx.non_count_units.has(t)))
}

/// How many tokens from `i` on say that the number after them adds to a
/// count before it: "another 250", "a further 30" (0 when none do).
fn added_count_lead(toks: &[Token], i: usize) -> usize {
    let is = |k: usize, w: &str| toks.get(k).is_some_and(|t| t.is(w));
    if is(i, "another") || is(i, "further") {
        1
    } else if is(i, "a") && is(i + 1, "further") {
        2
    } else {
        0
    }
}

/// Where the words before token `at` that add its number to a count
/// begin ("wounded *another* 250", "wounded *a further* 30"); `at` when
/// none stand there, or they would start before `first`.
fn before_added_count(toks: &[Token], first: usize, at: usize) -> usize {
    (1..=2)
        .rev()
        .filter_map(|n| at.checked_sub(n).filter(|&s| s >= first))
        .find(|&s| added_count_lead(toks, s) == at - s)
        .unwrap_or(at)
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
        && !lx.not_subject.has(t)
        && !lx.aux_words.has(t)
        && !lx.toll_links.has(t)
        && !lx.opens_plain_cue(t)
        && !lx.opens_post_cue(t)
        && !lx.months.has(t)
}

/// A word between a number and its metric noun that says how the count is
/// known ("12 *confirmed* deaths") or what caused it ("3 *heat-related*
/// deaths"): not who was counted.
fn count_modifier(t: &Token, lx: &Lexicon) -> bool {
    lx.count_modifiers.has(t) || t.lower.contains('-') && t.lower.ends_with("ed")
}

/// Who was counted, right after the number: "140 children", "thousands of
/// civilians", "60 of its soldiers". Returns the words and the next token.
pub(super) fn subject_after(sent: &Sent, from: usize, lx: &Lexicon) -> (Option<String>, usize) {
    let toks = sent.toks;
    let mut j = from;
    // "17 out of the crew of 23" counts crew as "17 of the crew" does
    if toks.get(j).is_some_and(|t| t.is("out")) && toks.get(j + 1).is_some_and(|t| t.is("of")) {
        j += 1;
    }
    if toks.get(j).is_some_and(|t| t.is("of")) {
        j += 1;
        if toks
            .get(j)
            .is_some_and(|t| PARTITIVE_DETERMINERS.contains(&t.lower.as_str()))
        {
            j += 1;
        }
    }
    // "two more civilians", "20 other people"; "nine more drowned", "12
    // more were injured": the count goes on to its verb with no noun
    if toks.get(j).is_some_and(|t| lx.additive_words.has(t)) {
        match toks.get(j + 1) {
            Some(t) if subject_word(t, lx) => j += 1,
            Some(t) if t.kind == Kind::Word && !t.is("than") && !t.is("of") && j == from => {
                return (None, j + 1)
            }
            _ => {}
        }
    }
    // "12 confirmed deaths": how the count is known, not who was counted;
    // "3 heat-related deaths": what caused them
    while toks.get(j).is_some_and(|t| count_modifier(t, lx))
        && toks.get(j + 1).is_some_and(|t| lx.opens_plain_cue(t))
    {
        j += 1;
    }
    let start = j;
    // a participle with no noun after it is a verb, not who was counted:
    // "180 suffered injuries", "five detainees freed last month" (but "30
    // armed men")
    let verb = |k: usize| {
        let t = &toks[k];
        t.lower.len() > 4
            && t.lower.ends_with("ed")
            && !toks.get(k + 1).is_some_and(|n| subject_word(n, lx))
    };
    while j < toks.len()
        && j - start < 3
        && (subject_word(&toks[j], lx) || is_acronym(&toks[j], sent.src))
        && !verb(j)
    {
        j += 1;
        // a head noun of the lexicon ends the phrase: "200 people seem
        // certain" counts people
        if lx.is_subject_head(&toks[j - 1].lower) {
            break;
        }
    }
    if j == start {
        // (past the kind of count, if any, to its noun)
        let kind = toks[from..start].iter().any(|t| count_modifier(t, lx));
        return (None, if kind { start } else { from });
    }
    // a list of who was counted: "innocent men, women and children died"
    // counts people, none of them alone
    // (a comma opens it: "40 soldiers and rebels including …" keeps its noun)
    if toks.get(j).is_some_and(|t| t.lower == ",") {
        let joiner = |t: &Token| t.is("and") || t.is("or");
        let noun =
            |k: usize| subject_word(&toks[k], lx) && !verb(k) && !is_number_word(&toks[k].lower);
        let mut k = j;
        let mut last_joiner = None;
        while k < toks.len() && k - j < 10 {
            let t = &toks[k];
            if joiner(t) {
                last_joiner = Some(k);
            } else if t.lower != "," && !noun(k) {
                break;
            }
            k += 1;
        }
        // the last conjunct: one or two nouns after the joiner
        if last_joiner.is_some_and(|l| (l + 2..=l + 3).contains(&k) && noun(k - 1)) {
            return (None, k);
        }
    }
    let words: Vec<String> = toks[start..j]
        .iter()
        .map(|t| t.lower.replace('’', "'"))
        .collect();
    (Some(words.join(" ")), j)
}

/// A plain metric cue starting at token `j`: (metric, end token).
fn plain_cue_at(toks: &[Token], j: usize, lx: &Lexicon) -> Option<(String, usize)> {
    lx.plain_phrases
        .starting_at(toks, j)
        .map(|i| &lx.cues[i])
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
        // an adverb after an auxiliary ("were critically injured", "were
        // preemptively evacuated"), and "to" after one ("were reported to
        // have been drowned")
        let adverb = j > start
            && lx.aux_words.has(&toks[j - 1])
            && toks.get(j).is_some_and(|t| {
                t.kind == Kind::Word
                    && (t.lower.len() > 4 && t.lower.ends_with("ly") || t.lower == "to")
            });
        if j < toks.len() && j - start < 5 && (adverb || lx.aux_words.has(&toks[j])) {
            j += 1;
        } else {
            return None;
        }
    }
}

/// A plain metric cue ending just before token `end`: (metric, start token).
fn plain_cue_ending(toks: &[Token], end: usize, lx: &Lexicon) -> Option<(String, usize)> {
    // (the longest; among phrases of the same words, the last)
    let longest = lx.plain_phrases.ending_at(toks, 0, end).next()?;
    let len = lx.cues[longest].pre.len();
    lx.plain_phrases
        .ending_at(toks, 0, end)
        .map(|i| &lx.cues[i])
        .take_while(|c| c.pre.len() == len)
        .filter(|c| c.pre.len() <= end && cue_at(toks, end - c.pre.len(), &c.pre))
        .last()
        .map(|c| (c.metric.clone(), end - c.pre.len()))
}

/// A number past [`MAX_COUNT`](crate::lang::numbers::MAX_COUNT), or a
/// range ending past it, counts no one.
fn beyond_counts(n: &NumberPhrase) -> bool {
    use crate::lang::numbers::MAX_COUNT;
    !(n.value <= MAX_COUNT && n.upper.is_none_or(|u| u <= MAX_COUNT))
}

/// Find quantity claims in one sentence.
pub(crate) fn find(sent: &Sent, lx: &Lexicon) -> Vec<QuantityHit> {
    let toks = sent.toks;
    // every figure's metric is a cue's: with none standing whole, the
    // sentence's numbers are not read (most numbers of a business wire)
    if !lx.cue_marks.any_cue(toks, sent.classes) {
        return Vec::new();
    }
    let mut hits: Vec<QuantityHit> = Vec::new();
    let paired = respectively::list(sent, lx);
    let mut i = sent.first;
    while i < toks.len() {
        // numbers start at digits or number words; never inside a phrase
        // (most tokens are neither: turned away here, before a call)
        let t = &toks[i];
        if !(t.kind == Kind::Num || t.kind == Kind::Word && t.opens_number()) {
            i += 1;
            continue;
        }
        let Some(n) = parse_at(sent.src, toks, i) else {
            i += 1;
            continue;
        };
        // a day of the month is no group of a spaced number: "On March 3
        // 150 people …" counts 150, not 3,150
        if i > sent.first
            && lx.months.has(&toks[i - 1])
            && toks.get(i + 1).is_some_and(|t| t.kind == Kind::Num)
            && n.last > i + 1
            && toks[i]
                .lower
                .parse::<u8>()
                .is_ok_and(|d| (1..=31).contains(&d))
        {
            i += 1;
            continue;
        }
        let n = lead::two_sided(sent, &n, lx).unwrap_or(n);
        let next_i = n.last.max(i + 1);
        if not_a_count(sent, &n, lx) || beyond_counts(&n) {
            i = next_i;
            continue;
        }
        let hit = match paired.as_ref().and_then(|p| Some((p, p.metric_of(i)?))) {
            // "dead and injured … 12 and 40 respectively": the noun in its place
            Some((list, metric)) => metric.map(|m| list.hit(sent, &n, m, lx)),
            None => figure(sent, &n, &hits, lx).or_else(|| {
                hits.last()
                    .and_then(|prev| list::continuation(sent, &n, prev, lx))
            }),
        };
        if let Some(mut hit) = hit {
            hit.place = place_after(sent, hit.end_tok);
            // "two fighters were killed and five others wounded": the
            // others are more of whom the figure before counts (a kind of
            // people; "people" says nothing more than no subject)
            if hit.subject.is_none() && toks.get(n.last).is_some_and(|t| t.is("others")) {
                hit.subject = hits
                    .last()
                    .and_then(|h| h.subject.clone())
                    .filter(|s| s != "people" && s != "person" && !lx.synonyms("people", s));
            }
            hits.push(hit);
        }
        i = next_i;
    }
    total::mark(sent, &mut hits, lx);
    hits
}
