//! Reported speech: a speaker, a reporting verb (the cue) and the content.
//!
//! Works on one sentence's tokens at a time. Speakers are noun phrases next
//! to the cue (left: "X said", right: "…, said X", "according to X");
//! pronouns and bare surnames go through the article's speaker registry.

use super::speakers::{Registry, PRONOUNS_GROUP, PRONOUNS_PERSON};
use super::tokens::{Kind, Token};
use crate::lexicon::Lexicon;

/// One act of speech found in a sentence.
#[derive(Debug, Clone)]
pub struct SpeechEvent {
    pub entity: usize,
    /// Byte range of the words naming the speaker.
    pub mention: (usize, usize),
    pub cue: (usize, usize),
    /// Byte range of the reported words, if the sentence carries them.
    pub content: Option<(usize, usize)>,
    pub sentence: usize,
}

/// Closed-class words: never part of a speaker's name.
const CLOSED: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "and",
    "or",
    "but",
    "if",
    "then",
    "so",
    "as",
    "while",
    "although",
    "though",
    "because",
    "since",
    "when",
    "where",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "to",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "into",
    "about",
    "after",
    "before",
    "also",
    "not",
    "no",
    "there",
    "here",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "has",
    "have",
    "had",
    "would",
    "will",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "meanwhile",
    "however",
    "yet",
    "still",
    "earlier",
    "later",
    "yesterday",
    "today",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "read",
    "more",
    "now",
    "last",
    "next",
    "some",
    "many",
    "most",
    "all",
    "both",
    "each",
    "other",
    "others",
    "one",
    "everyone",
    "nobody",
    "someone",
    "asked",
    "when",
    "why",
    "how",
    "just",
    "only",
    "even",
    "said",
    "says",
    "say",
    "told",
];

/// Words that may stand between a speaker and the cue ("Zelensky also said").
const SKIP_LEFT: &[&str] = &[
    "also",
    "later",
    "previously",
    "again",
    "then",
    "further",
    "has",
    "have",
    "had",
    "would",
    "will",
    "did",
    "reportedly",
    "publicly",
    "repeatedly",
    "once",
    "earlier",
    "recently",
    "separately",
    "immediately",
    "subsequently",
    "initially",
    "first",
    "privately",
    "officially",
    "had",
    "last",
    "week",
    "yesterday",
    "today",
    "tuesday",
    "monday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "on",
    "late",
    "has",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
];
const BE: &[&str] = &["is", "was", "were", "are", "be", "been", "being", "it's"];
const CONJUNCTIONS: &[&str] = &[
    "although", "though", "but", "while", "whereas", "and", "as", "however", "yet",
];
/// First words of a phrase that trails a cue without being what was said.
const TRAILING: &[&str] = &[
    "on",
    "in",
    "at",
    "late",
    "earlier",
    "yesterday",
    "today",
    "last",
    "this",
    "during",
    "after",
    "before",
    "tonight",
    "recently",
    "later",
];
const PARTICIPLES: &[&str] = &[
    "saying",
    "adding",
    "noting",
    "warning",
    "claiming",
    "insisting",
    "stressing",
    "arguing",
    "explaining",
    "writing",
    "telling",
    "declaring",
    "suggesting",
];

fn closed(t: &Token) -> bool {
    CLOSED.contains(&t.lower.as_str())
}

fn is_pronoun(t: &Token) -> bool {
    PRONOUNS_PERSON.contains(&t.lower.as_str()) || PRONOUNS_GROUP.contains(&t.lower.as_str())
}

/// Token context for one sentence.
pub struct Sent<'a> {
    pub src: &'a str,
    pub toks: &'a [Token],
    /// Index of the first token after a teaser prefix ("Read more:").
    pub first: usize,
    pub index: usize,
}

impl Sent<'_> {
    fn nameish(&self, t: &Token, lexicon: &Lexicon) -> bool {
        t.kind == Kind::Word
            && ((t.capitalised(self.src) && !closed(t))
                || lexicon.organisations.contains(&t.lower)
                || lexicon.speaker_nouns.contains(&t.lower)
                || lexicon.titles.contains(&t.lower) && !closed(t))
    }

    /// A speaker noun phrase ending just before token `end`: token range.
    fn np_before(&self, end: usize, lexicon: &Lexicon) -> Option<(usize, usize)> {
        let toks = self.toks;
        let mut i = end;
        let mut content = false;
        while i > self.first && end - i < 8 {
            let t = &toks[i - 1];
            if self.nameish(t, lexicon) {
                i -= 1;
                content = true;
            } else if content && t.kind == Kind::Word && t.is("the") {
                i -= 1;
                break;
            } else if content
                && (t.is("of") || t.is("for"))
                && i - 1 > self.first
                && toks[i - 2].capitalised(self.src)
            {
                i -= 1;
            } else if content
                && t.kind == Kind::Punct
                && t.lower == "."
                && i - 1 > self.first
                && toks[i - 2].end == t.start
                && toks[i - 2].lower.chars().count() == 1
            {
                i -= 1; // "U.S."
            } else {
                break;
            }
        }
        if content {
            // lower-case modifiers of a group noun: "a press-freedom group"
            let head_lower = !toks[i].capitalised(self.src);
            if head_lower && i > self.first && !toks[i - 1].is("the") {
                let mut m = i;
                while m > self.first
                    && i - m < 3
                    && toks[m - 1].kind == Kind::Word
                    && !closed(&toks[m - 1])
                    && !toks[m - 1].capitalised(self.src)
                    && !self.src[toks[m - 1].start..toks[m - 1].end].is_empty()
                    && !lexicon.reporting_verbs.contains(&toks[m - 1].lower)
                {
                    m -= 1;
                }
                if m < i
                    && m > self.first
                    && matches!(toks[m - 1].lower.as_str(), "a" | "an" | "the")
                {
                    return Some((m - 1, end));
                }
            }
            return Some((i, end));
        }
        // a machine-lowercased name opening the sentence: "fomin said"
        let t = toks.get(end.checked_sub(1)?)?;
        if end - 1 == self.first
            && t.kind == Kind::Word
            && !closed(t)
            && !is_pronoun(t)
            && t.lower.chars().count() >= 3
            && t.lower.chars().all(char::is_alphabetic)
        {
            return Some((end - 1, end));
        }
        None
    }

    /// A speaker noun phrase starting at token `start` ("said the ministry",
    /// "according to local health officials").
    fn np_after(&self, start: usize, lexicon: &Lexicon) -> Option<(usize, usize)> {
        let toks = self.toks;
        let mut j = start;
        if toks.get(j).is_some_and(|t| t.is("the")) {
            j += 1;
        }
        let mut content = false;
        while j < toks.len() && j - start < 8 {
            let t = &toks[j];
            if self.nameish(t, lexicon) {
                j += 1;
                content = true;
            } else if content
                && (t.is("of") || t.is("for"))
                && toks.get(j + 1).is_some_and(|n| n.capitalised(self.src))
            {
                j += 1;
            } else if t.kind == Kind::Word
                && !closed(t)
                && toks[j + 1..]
                    .iter()
                    .take(3)
                    .take_while(|n| n.kind == Kind::Word)
                    .any(|n| {
                        lexicon.organisations.contains(&n.lower)
                            || lexicon.speaker_nouns.contains(&n.lower)
                    })
            {
                j += 1; // lower-case modifiers before a group noun: "local health officials"
            } else {
                break;
            }
        }
        content.then_some((start, j))
    }

    fn words(&self, a: usize, b: usize) -> Vec<&str> {
        self.toks[a..b]
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.text(self.src))
            .collect()
    }
}

/// A speaker found next to a cue.
enum Who {
    Phrase(usize, usize),
    Pronoun(usize),
}

/// Find speech events in one sentence.
pub fn find(sent: &Sent, lexicon: &Lexicon, registry: &mut Registry) -> Vec<SpeechEvent> {
    let toks = sent.toks;
    let mut raw: Vec<(Option<usize>, (usize, usize), (usize, usize), bool)> = Vec::new(); // entity, mention tokens, cue tokens, speaker_after
    let mut k = sent.first;
    while k < toks.len() {
        let t = &toks[k];
        if t.kind != Kind::Word {
            k += 1;
            continue;
        }
        // "according to X"
        if t.is("according") && toks.get(k + 1).is_some_and(|n| n.is("to")) {
            if let Some((a, b)) = sent.np_after(k + 2, lexicon) {
                let e = registry.mention(&sent.words(a, b), lexicon);
                raw.push((e, (a, b), (k, k + 2), true));
                k = b;
                continue;
            }
        }
        let verb =
            lexicon.reporting_verbs.contains(&t.lower) || PARTICIPLES.contains(&t.lower.as_str());
        // a capitalised verb mid-sentence is a name: "the United States"
        if !verb || (k > sent.first && t.capitalised(sent.src)) {
            k += 1;
            continue;
        }
        let prev = k
            .checked_sub(1)
            .and_then(|p| (p >= sent.first).then(|| &toks[p]));
        // "the said agreement", "an estimated 40", "is said to be"
        if prev.is_some_and(|p| {
            DETERMINERS.contains(&p.lower.as_str()) || BE.contains(&p.lower.as_str())
        }) {
            k += 1;
            continue;
        }
        // "claimed 40 lives", "estimated 2,000": a number follows, not speech
        if toks.get(k + 1).is_some_and(|n| n.kind == Kind::Num)
            && !matches!(t.lower.as_str(), "said" | "says" | "told")
        {
            k += 1;
            continue;
        }
        let who = left_speaker(sent, k, lexicon);
        match who {
            Some(Who::Phrase(a, b)) => {
                let e = registry.mention(&sent.words(a, b), lexicon);
                raw.push((e, (a, b), (k, k + 1), false));
            }
            Some(Who::Pronoun(p)) => {
                // "X said it had noted …": the pronoun is inside X's content
                let inside = raw.last().is_some_and(|r| p >= r.2 .1 && p - r.2 .1 <= 1);
                if inside {
                    k += 1;
                    continue;
                }
                if let Some(e) = registry.pronoun(&toks[p].lower) {
                    raw.push((Some(e), (p, p + 1), (k, k + 1), false));
                }
            }
            None => {
                let after_break = prev.is_some_and(|p| p.kind == Kind::Punct) || prev.is_none();
                if PARTICIPLES.contains(&t.lower.as_str()) && prev.is_some_and(|p| p.lower == ",") {
                    // "…, saying that …": the speaker of the clause before
                    if let Some(&(e, m, _, _)) = raw.last() {
                        raw.push((e, m, (k, k + 1), false));
                    }
                } else if after_break {
                    // inversion: "…, said the ministry."
                    if let Some((a, b)) = sent.np_after(k + 1, lexicon) {
                        let e = registry.mention(&sent.words(a, b), lexicon);
                        raw.push((e, (a, b), (k, k + 1), true));
                        k = b;
                        continue;
                    }
                }
            }
        }
        k += 1;
    }
    // contents
    let mut events = Vec::new();
    for (n, &(entity, (ma, mb), (ca, cb), right)) in raw.iter().enumerate() {
        let Some(entity) = entity else { continue };
        let next_start = raw[n + 1..]
            .iter()
            .find(|r| !r.3 && r.2 .0 >= cb)
            .map(|r| if r.1 .0 >= cb { r.1 .0 } else { r.2 .0 })
            .unwrap_or(toks.len());
        let prev_end = if n > 0 {
            raw[n - 1].2 .1.max(raw[n - 1].1 .1)
        } else {
            sent.first
        };
        let after = content_after(
            sent,
            if right { mb } else { cb },
            next_start,
            toks[ca].is("told"),
        );
        let before = || content_before(sent, prev_end, if right { ca } else { ma });
        // "…, officials said on Tuesday.": a trailing time phrase is not the content
        let trailing = after.is_some_and(|(a, b)| {
            let words = toks
                .iter()
                .filter(|t| t.start >= a && t.end <= b && t.kind == Kind::Word)
                .count();
            let first = toks
                .iter()
                .find(|t| t.start >= a)
                .map(|t| t.lower.as_str())
                .unwrap_or("");
            words <= 4 && TRAILING.contains(&first)
        });
        let content = if trailing {
            before().or(after)
        } else {
            after.or_else(before)
        };
        events.push(SpeechEvent {
            entity,
            mention: (toks[ma].start, toks[mb - 1].end),
            cue: (toks[ca].start, toks[cb - 1].end),
            content,
            sentence: sent.index,
        });
    }
    events
}

fn left_speaker(sent: &Sent, k: usize, lexicon: &Lexicon) -> Option<Who> {
    let toks = sent.toks;
    let mut j = k;
    while j > sent.first && SKIP_LEFT.contains(&toks[j - 1].lower.as_str()) {
        j -= 1;
    }
    // apposition: "Fomin, the deputy minister, said"
    if j > sent.first + 1 && toks[j - 1].lower == "," {
        if let Some(c) = (sent.first..j - 1)
            .rev()
            .take(10)
            .find(|&c| toks[c].lower == ",")
        {
            if toks.get(c + 1).is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "the" | "a" | "an" | "who" | "which" | "whose"
                )
            }) {
                if let Some((a, b)) = sent.np_before(c, lexicon) {
                    return Some(Who::Phrase(a, b));
                }
            }
        }
        return None;
    }
    if j > sent.first && is_pronoun(&toks[j - 1]) {
        // a doubled subject: "Zelensky he said"
        if let Some((a, b)) = sent.np_before(j - 1, lexicon) {
            return Some(Who::Phrase(a, b));
        }
        return Some(Who::Pronoun(j - 1));
    }
    sent.np_before(j, lexicon).map(|(a, b)| Who::Phrase(a, b))
}

/// Content after the cue (and its object, for "told"): up to the next speaker.
fn content_after(sent: &Sent, from: usize, until: usize, told: bool) -> Option<(usize, usize)> {
    let toks = sent.toks;
    let mut a = from;
    // "that" within a few words: "said on Tuesday that", "told reporters that"
    if let Some(off) = toks[a..until.min(toks.len())]
        .iter()
        .take(7)
        .position(|t| t.is("that"))
    {
        if toks[a..a + off]
            .iter()
            .all(|t| t.kind == Kind::Word || t.lower == ",")
        {
            a += off + 1;
        }
    } else if told {
        // skip the person told: "told reporters", "told the BBC"
        if toks.get(a).is_some_and(|t| t.is("the")) {
            a += 1;
        }
        a += 1;
    }
    while a < until
        && toks[a].kind == Kind::Punct
        && matches!(toks[a].lower.as_str(), "," | ":" | "-" | "–" | "—")
    {
        a += 1;
    }
    let mut b = until;
    // drop a conjunction joining the next statement: "…, although the Pentagon said"
    while b > a
        && (toks[b - 1].kind == Kind::Punct
            && toks[b - 1].lower != "”"
            && toks[b - 1].lower != "\""
            || CONJUNCTIONS.contains(&toks[b - 1].lower.as_str()))
    {
        b -= 1;
    }
    if b <= a || toks[a..b].iter().filter(|t| t.kind != Kind::Punct).count() < 2 {
        return None;
    }
    let mut end = toks[b - 1].end;
    // a conjunction glued to the last word by a bad translation: "Chernihivalthough"
    if until < toks.len() {
        let last = &toks[b - 1];
        if last.kind == Kind::Word {
            for c in CONJUNCTIONS {
                if c.len() >= 4 && last.lower.len() > c.len() + 2 && last.lower.ends_with(c) {
                    end = last.end - c.len();
                    break;
                }
            }
        }
    }
    Some((toks[a].start, end))
}

/// Content before the speaker: "…, the ministry said."
fn content_before(sent: &Sent, from: usize, to: usize) -> Option<(usize, usize)> {
    let toks = sent.toks;
    let mut a = from;
    let mut b = to;
    while a < b
        && toks[a].kind == Kind::Punct
        && !matches!(toks[a].lower.as_str(), "“" | "\"" | "‘" | "«")
    {
        a += 1;
    }
    while b > a && toks[b - 1].kind == Kind::Punct {
        b -= 1;
    }
    if b <= a || toks[a..b].iter().filter(|t| t.kind != Kind::Punct).count() < 2 {
        return None;
    }
    // the words before a sentence-final speaker must be set off by a comma or a quote
    let sep = &toks[to.saturating_sub(1)];
    if !matches!(
        sep.lower.as_str(),
        "," | "”" | "\"" | "’" | "»" | "—" | "–" | ":"
    ) {
        return None;
    }
    Some((toks[a].start, toks[b - 1].end))
}
