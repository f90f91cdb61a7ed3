//! Reported speech: a speaker, a reporting verb (the cue) and the content.
//!
//! Works on one sentence's tokens at a time. Speakers are noun phrases next
//! to the cue (left: "X said", right: "…, said X", "according to X");
//! pronouns and bare surnames go through the article's speaker registry.

use crate::extract::speakers::{Registry, PRONOUNS_GROUP, PRONOUNS_PERSON};
use crate::lang::tokens::{Kind, Token};
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
#[rustfmt::skip]
const CLOSED: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "and", "or", "but", "if", "then", "so", "as", "while", "although", "though", "because",
    "since", "when", "where", "which", "who", "whom", "whose", "what", "to", "of", "in", "on", "at",
    "by", "for", "with", "from", "into", "about", "after", "before", "also", "not", "no", "there",
    "here", "it", "he", "she", "they", "we", "i", "you", "is", "was", "were", "are", "be", "been",
    "has", "have", "had", "would", "will", "can", "could", "should", "may", "might", "must",
    "meanwhile", "however", "yet", "still", "earlier", "later", "yesterday", "today", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "june", "july", "august", "september", "october", "november", "december",
    "read", "more", "now", "last", "next", "some", "many", "most", "all", "both", "each", "other",
    "others", "one", "everyone", "nobody", "someone", "asked", "when", "why", "how", "just",
    "only", "even", "said", "says", "say", "told", "in", "instead", "afterwards", "separately",
];

/// Words that may stand between a speaker and the cue ("Zelensky also said").
#[rustfmt::skip]
const SKIP_LEFT: &[&str] = &[
    "also", "later", "previously", "again", "then", "further", "has", "have", "had", "would",
    "will", "did", "reportedly", "publicly", "repeatedly", "once", "earlier", "recently",
    "separately", "immediately", "subsequently", "initially", "first", "privately", "officially",
    "last", "week", "yesterday", "today", "tuesday", "monday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "on", "late", "simply", "flatly", "quickly", "firmly", "angrily",
];

/// Name particles that may stand inside a person's name ("Ursula von der Leyen").
const PARTICLES: &[&str] = &[
    "von", "der", "van", "de", "da", "di", "del", "al", "bin", "ibn", "le", "la", "du", "dos", "el",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
];
const BE: &[&str] = &["is", "was", "were", "are", "be", "been", "being", "it's"];
const CONJUNCTIONS: &[&str] = &[
    "although", "though", "but", "while", "whereas", "and", "as", "however", "yet",
];
/// Words that open a phrase setting the scene of speech rather than its content.
#[rustfmt::skip]
const TIME_WORDS: &[&str] = &[
    "yesterday", "today", "tonight", "earlier", "later", "late", "recently", "again", "also",
    "then", "now", "previously", "separately", "publicly", "privately", "repeatedly",
];
#[rustfmt::skip]
const WEEK: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "night",
    "morning", "evening", "afternoon", "weekend",
];
/// First words of a phrase that trails a cue without being what was said.
#[rustfmt::skip]
const TRAILING: &[&str] = &[
    "on", "in", "at", "late", "earlier", "yesterday", "today", "last", "this", "during", "after",
    "before", "tonight", "recently", "later", "outside", "inside", "from", "by", "via", "while",
];
/// Verbs that are speech whoever the subject: "the soldier said".
#[rustfmt::skip]
const SAYING: &[&str] = &[
    "said", "says", "told", "tells", "added", "adds", "recalled", "explained", "insisted", "warned",
    "confirmed", "announced", "reported", "stated", "noted", "denied", "acknowledged", "wrote",
];
/// Cues that report speech only next to a quotation ("“…?” she asked").
const QUOTE_ONLY: &[&str] = &["asked", "asks"];
/// Cue words that are also plural nouns ("Super Tuesday states, …").
#[rustfmt::skip]
const NOUNISH: &[&str] = &[
    "states", "claims", "reports", "notes", "estimates", "charges", "promises", "pledges", "vows",
    "urges", "counters", "remarks", "tweets", "posts", "demands", "warns", "admits",
];
/// Words opening a clause that is not reported content.
#[rustfmt::skip]
const CLAUSE_OPENERS: &[&str] = &[
    "as", "while", "when", "and", "but", "or", "because", "although", "though", "whereas", "after",
    "before", "since", "until", "if",
];
/// Determiners of a common-noun speaker: "the soldier", "several senators".
#[rustfmt::skip]
const QUANTIFIERS: &[&str] = &[
    "the", "a", "an", "several", "many", "some", "most", "other", "two", "three", "four", "five",
    "one", "both", "few", "numerous", "various",
];
const PERIODS: &[&str] = &[
    "week",
    "month",
    "year",
    "weekend",
    "morning",
    "afternoon",
    "evening",
    "night",
];
#[rustfmt::skip]
const PARTICIPLES: &[&str] = &[
    "saying", "adding", "noting", "warning", "claiming", "insisting", "stressing", "arguing",
    "explaining", "writing", "telling", "declaring", "suggesting",
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
                || lexicon.organisations.contains(t.lower.as_str())
                || lexicon.speaker_nouns.contains(t.lower.as_str())
                || lexicon.titles.contains(t.lower.as_str()) && !closed(t))
    }

    fn word(&self, i: usize) -> Option<&Token> {
        self.toks
            .get(i)
            .filter(|t| t.kind == Kind::Word && i >= self.first)
    }

    fn cap(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|t| t.capitalised(self.src) && !closed(t))
    }

    /// A speaker noun phrase ending just before token `end`: token range.
    fn np_before(
        &self,
        end: usize,
        lexicon: &Lexicon,
        allow_common: bool,
    ) -> Option<(usize, usize)> {
        let toks = self.toks;
        let mut i = end;
        let mut content = false;
        while i > self.first && end - i < 10 {
            let t = &toks[i - 1];
            let is_word = t.kind == Kind::Word;
            if self.nameish(t, lexicon) {
                i -= 1;
                content = true;
            } else if content
                && is_word
                && t.is("the")
                && i >= 3
                && toks[i - 2].is("of")
                && self.cap(i - 3)
            {
                i -= 2; // "International Committee of the Red Cross"
            } else if content && is_word && (DETERMINERS[..3].contains(&t.lower.as_str())) {
                i -= 1;
                break;
            } else if content
                && is_word
                && (t.is("of") || t.is("for") || PARTICLES.contains(&t.lower.as_str()))
                && i >= 2
                && self.cap(i - 2)
            {
                i -= 1;
            } else if content
                && t.kind == Kind::Punct
                && t.lower == "."
                && i >= 2
                && toks[i - 2].end == t.start
                && (toks[i - 2].lower.chars().count() == 1
                    || lexicon.titles.contains(toks[i - 2].lower.as_str()))
            {
                i -= 1; // "U.S."
            } else if content
                && is_word
                && !closed(t)
                && !lexicon.reporting_verbs.contains(t.lower.as_str())
            {
                // lower-case words inside a name: "UN human rights office", "Russia's defence ministry"
                let mut m = i - 1;
                while m > self.first
                    && i - m < 3
                    && self
                        .word(m - 1)
                        .is_some_and(|w| !closed(w) && !w.capitalised(self.src))
                {
                    m -= 1;
                }
                if m > self.first && self.cap(m - 1) {
                    i = m;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        if content {
            // lower-case modifiers of a group noun: "a press-freedom group", ", local authorities"
            if !toks[i].capitalised(self.src) && i > self.first && !toks[i - 1].is("the") {
                let mut m = i;
                while m > self.first
                    && i - m < 3
                    && self.word(m - 1).is_some_and(|w| {
                        !closed(w)
                            && !w.capitalised(self.src)
                            && !lexicon.reporting_verbs.contains(w.lower.as_str())
                    })
                {
                    m -= 1;
                }
                if m < i {
                    if m > self.first && matches!(toks[m - 1].lower.as_str(), "a" | "an" | "the") {
                        return Some((m - 1, end));
                    }
                    if m == self.first || toks[m - 1].kind == Kind::Punct {
                        return Some((m, end));
                    }
                }
            }
            return Some((i, end));
        }
        let t = self.word(end.checked_sub(1)?)?;
        if closed(t) || is_pronoun(t) || !t.lower.chars().all(char::is_alphabetic) {
            return None;
        }
        // a machine-lowercased name opening the sentence: "fomin said"
        if end - 1 == self.first && t.lower.chars().count() >= 3 {
            return Some((end - 1, end));
        }
        // a common noun with its article: "the soldier said"
        if allow_common
            && end >= 2
            && end - 2 >= self.first
            && QUANTIFIERS.contains(&toks[end - 2].lower.as_str())
        {
            return Some((end - 2, end));
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
        let group = |n: &Token| {
            lexicon.organisations.contains(n.lower.as_str())
                || lexicon.speaker_nouns.contains(n.lower.as_str())
                || lexicon.titles.contains(n.lower.as_str())
        };
        let mut content = false;
        while j < toks.len() && j - start < 10 {
            let t = &toks[j];
            if self.nameish(t, lexicon) {
                j += 1;
                content = true;
            } else if content
                && (t.is("of") || t.is("for") || PARTICLES.contains(&t.lower.as_str()))
                && self.cap(j + 1)
            {
                j += 1;
            } else if content
                && t.is("of")
                && toks.get(j + 1).is_some_and(|n| n.is("the"))
                && self.cap(j + 2)
            {
                j += 2;
            } else if t.kind == Kind::Word
                && !closed(t)
                && toks[j + 1..]
                    .iter()
                    .take(3)
                    .take_while(|n| n.kind == Kind::Word)
                    .any(|n| group(n) || n.capitalised(self.src))
            {
                j += 1; // lower-case modifiers: "local health officials", "the town's mayor"
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

    /// The words of a speaker mention; a capital that only marks the start
    /// of the sentence is dropped from common nouns ("Police said" → "police").
    fn mention_words(&self, a: usize, b: usize, lexicon: &Lexicon) -> Vec<String> {
        let words: Vec<&Token> = self.toks[a..b]
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .collect();
        let common = |t: &Token| {
            lexicon.speaker_nouns.contains(t.lower.as_str())
                || lexicon.organisations.contains(t.lower.as_str())
                || lexicon.titles.contains(t.lower.as_str())
                || matches!(t.lower.as_str(), "the" | "a" | "an")
        };
        let sentence_capital = a == self.first
            && words
                .first()
                .is_some_and(|t| common(t) && t.text(self.src).chars().any(char::is_lowercase))
            && words.iter().skip(1).all(|t| !t.capitalised(self.src));
        words
            .iter()
            .enumerate()
            .map(|(n, t)| {
                if n == 0 && sentence_capital {
                    t.lower.to_string()
                } else {
                    t.text(self.src).to_string()
                }
            })
            .collect()
    }

    /// The subject of the sentence before token `before`: the first name-like
    /// phrase that opens the sentence or a clause and is followed by a verb.
    fn subject(&self, before: usize, lexicon: &Lexicon) -> Option<(usize, usize)> {
        let toks = self.toks;
        let mut i = self.first;
        while i < before {
            let opens = i == self.first || toks[i - 1].lower == ",";
            if !(opens && self.nameish(&toks[i], lexicon)) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < before
                && (self.nameish(&toks[j], lexicon)
                    // "Gov. Mike Pence", "U.S. officials"
                    || toks[j].lower == "." && j > i && toks[j - 1].end == toks[j].start && toks[j - 1].lower.chars().count() <= 4)
            {
                j += 1;
            }
            let verb_follows = toks.get(j).is_some_and(|t| {
                t.kind == Kind::Word && !t.capitalised(self.src) && !closed(t)
                    || t.is("on")
                    || t.is("has")
                    || t.is("had")
            });
            if verb_follows {
                return Some((i, j));
            }
            i = j.max(i + 1);
        }
        None
    }

    /// The end of an apposition starting at `at` (", the deputy minister,"):
    /// the token after its closing comma, or the sentence end when `open_ok`.
    fn apposition_end(&self, at: usize, open_ok: bool) -> Option<usize> {
        let toks = self.toks;
        if toks.get(at).is_none_or(|t| t.lower != ",")
            || !toks.get(at + 1).is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "the" | "a" | "an" | "who" | "which" | "whose"
                )
            })
        {
            return None;
        }
        match toks[at + 1..].iter().take(15).position(|t| t.lower == ",") {
            Some(p) => Some(at + 1 + p + 1),
            None if open_ok => Some(toks.len()),
            None => None,
        }
    }
}

/// A speaker found next to a cue.
enum Who {
    Phrase(usize, usize),
    Pronoun(usize),
}

/// One cue with its speaker, before contents are cut.
struct Raw {
    entity: Option<usize>,
    mention: (usize, usize),
    cue: (usize, usize),
    /// The speaker stands after the cue ("…, said X", "according to X").
    right: bool,
    /// Where the content may start, when an apposition follows the speaker.
    content_from: Option<usize>,
}

impl Raw {
    /// A speaker before a one-word cue at token `k`: "X said".
    fn left(entity: Option<usize>, mention: (usize, usize), k: usize) -> Raw {
        Raw {
            entity,
            mention,
            cue: (k, k + 1),
            right: false,
            content_from: None,
        }
    }
}

/// Find speech events in one sentence.
pub fn find(sent: &Sent, lexicon: &Lexicon, registry: &mut Registry) -> Vec<SpeechEvent> {
    let toks = sent.toks;
    let mut raw: Vec<Raw> = Vec::new();
    // a speaker after the cue ("…, said X", "according to X"), with the
    // apposition that may follow it; returns where to go on from
    let push_right = |raw: &mut Vec<Raw>,
                      registry: &mut Registry,
                      (a, b): (usize, usize),
                      cue: (usize, usize),
                      open_apposition: bool| {
        let entity = registry.mention(&sent.mention_words(a, b, lexicon), lexicon);
        let content_from = sent.apposition_end(b, open_apposition);
        raw.push(Raw {
            entity,
            mention: (a, b),
            cue,
            right: true,
            content_from,
        });
        content_from.unwrap_or(b)
    };
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
                k = push_right(&mut raw, registry, (a, b), (k, k + 2), false);
                continue;
            }
        }
        let verb = lexicon.reporting_verbs.contains(t.lower.as_str())
            || PARTICIPLES.contains(&t.lower.as_str());
        // a capitalised verb is a name: "the United States", "Said Ahmed"
        if !verb || (t.capitalised(sent.src) && (k > sent.first || sent.cap(k + 1))) {
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
        // "claimed the lives of three": not speech; "Super Tuesday states, …": a noun
        let noun_use = NOUNISH.contains(&t.lower.as_str())
            && toks.get(k + 1).is_none_or(|n| n.kind == Kind::Punct);
        if noun_use || toks[k + 1..].iter().take(3).any(|n| n.is("lives")) {
            k += 1;
            continue;
        }
        match left_speaker(sent, k, lexicon) {
            // "Arakhamia said the sides had agreed …": inside the content before
            Some(Who::Phrase(a, _))
                if raw
                    .last()
                    .is_some_and(|r| !r.right && a >= r.cue.1 && a - r.cue.1 <= 1) => {}
            Some(Who::Phrase(a, b)) => {
                let e = registry.mention(&sent.mention_words(a, b, lexicon), lexicon);
                raw.push(Raw::left(e, (a, b), k));
            }
            Some(Who::Pronoun(p)) => {
                // "X said it had noted …": the pronoun is inside X's content
                let inside = raw.last().is_some_and(|r| p >= r.cue.1 && p - r.cue.1 <= 1);
                if !inside {
                    if let Some(e) = registry.pronoun(&toks[p].lower) {
                        raw.push(Raw::left(Some(e), (p, p + 1), k));
                    }
                }
            }
            None => {
                let after_break = prev.is_none_or(|p| p.kind == Kind::Punct);
                let coordinated =
                    prev.is_some_and(|p| p.lower == "," || p.is("and") || p.is("but"));
                if coordinated
                    && (PARTICIPLES.contains(&t.lower.as_str())
                        || prev.is_none_or(|p| p.lower != ","))
                    && !raw.is_empty()
                {
                    // "…, saying that …", "… said X but added that …": the speaker before
                    let last = &raw[raw.len() - 1];
                    let (e, m) = (last.entity, last.mention);
                    raw.push(Raw::left(e, m, k));
                } else if coordinated && PARTICIPLES.contains(&t.lower.as_str()) {
                    // "Gov. Mike Pence on Thursday blamed the media …, saying …":
                    // the subject of the sentence
                    if let Some((a, b)) = sent.subject(k, lexicon) {
                        let e = registry.mention(&sent.mention_words(a, b, lexicon), lexicon);
                        raw.push(Raw::left(e, (a, b), k));
                    }
                } else if after_break {
                    // inversion: "…, said the ministry." / "…, said the mayor, Ivan Fedorov."
                    if let Some((a, mut b)) = sent.np_after(k + 1, lexicon) {
                        if toks.get(b).is_some_and(|t| t.lower == ",") && sent.cap(b + 1) {
                            if let Some((_, nb)) = sent.np_after(b + 1, lexicon) {
                                b = nb;
                            }
                        }
                        let ends = toks.get(b).is_none_or(|t| t.kind == Kind::Punct);
                        if ends {
                            k = push_right(&mut raw, registry, (a, b), (k, k + 1), true);
                            continue;
                        }
                    }
                }
            }
        }
        k += 1;
    }
    contents(sent, &raw, lexicon)
}

/// Cut the content of each cue: after it up to the next speaker, or, when
/// nothing is said after it, the words before the speaker.
fn contents(sent: &Sent, raw: &[Raw], lexicon: &Lexicon) -> Vec<SpeechEvent> {
    let toks = sent.toks;
    let mut events = Vec::new();
    for (n, r) in raw.iter().enumerate() {
        let Some(entity) = r.entity else { continue };
        let (ma, mb) = r.mention;
        let (ca, cb) = r.cue;
        let next_start = raw[n + 1..]
            .iter()
            .find(|x| !x.right && x.cue.0 >= cb)
            .map(|x| {
                if x.mention.0 >= cb {
                    x.mention.0
                } else {
                    x.cue.0
                }
            })
            .unwrap_or(toks.len());
        let prev_end = if n > 0 {
            raw[n - 1].cue.1.max(raw[n - 1].mention.1)
        } else {
            sent.first
        };
        let from = match (r.right, r.content_from) {
            (_, Some(f)) => f,
            (true, None) => mb,
            (false, None) => cb,
        };
        let after = content_after(sent, from, next_start, toks[ca].is("told"), lexicon);
        let lead = if r.right { ca } else { ma.min(ca) };
        let before = || content_before(sent, prev_end, lead);
        // "“…,” she said" / "…, officials said on Tuesday.": the content is before
        let after_quote = lead > sent.first && {
            let p = &toks[lead - 1];
            is_closing_quote(p)
                || (p.lower == "," && lead >= 2 && is_closing_quote(&toks[lead - 2]))
        };
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
            words <= 6 && TRAILING.contains(&first)
        });
        // "…, according to CEA analysts, with …": the words before it
        let according_mid = cb == ca + 2 && toks[ca].is("according") && ca > sent.first + 1;
        let content = if QUOTE_ONLY.contains(&toks[ca].lower.as_str()) {
            // "“…?” she asked": a question is speech; "asked him to go" is not
            before().filter(|_| after_quote)
        } else if after_quote || trailing || according_mid {
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

fn is_closing_quote(t: &Token) -> bool {
    matches!(t.lower.as_str(), "”" | "\"" | "’" | "'" | "»" | "“")
}

fn left_speaker(sent: &Sent, k: usize, lexicon: &Lexicon) -> Option<Who> {
    let toks = sent.toks;
    let mut j = k;
    while j > sent.first && SKIP_LEFT.contains(&toks[j - 1].lower.as_str()) {
        j -= 1;
    }
    if j > sent.first + 1 && toks[j - 1].lower == "," {
        let c = (sent.first..j - 1)
            .rev()
            .take(12)
            .find(|&c| toks[c].lower == ",")?;
        // "Fomin, the deputy minister, said"
        if toks.get(c + 1).is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "the" | "a" | "an" | "who" | "which" | "whose"
            )
        }) {
            return sent
                .np_before(c, lexicon, false)
                .map(|(a, b)| Who::Phrase(a, b));
        }
        // "The head of the mission, Matilda Bogner, said"
        if let Some((a, b)) = sent.np_before(j - 1, lexicon, false) {
            if a == c + 1 && sent.cap(a) {
                return Some(Who::Phrase(a, b));
            }
        }
        // "Ramil Carr, 31, a freelance photographer, said": the name that
        // opens the sentence or a clause before the descriptions
        let mut end = j - 1;
        for _ in 0..3 {
            let c = (sent.first..end)
                .rev()
                .take(25)
                .find(|&c| toks[c].lower == ",")?;
            if let Some((a, b)) = sent.np_before(c, lexicon, false) {
                let opens = a == sent.first
                    || toks[a - 1].kind == Kind::Punct
                    || toks[a - 1].is("and")
                    || toks[a - 1].is("but");
                if opens && sent.cap(b - 1) {
                    return Some(Who::Phrase(a, b));
                }
            }
            end = c;
        }
        return None;
    }
    if j > sent.first && is_pronoun(&toks[j - 1]) {
        // a doubled subject: "Zelensky he said"
        if let Some((a, b)) = sent.np_before(j - 1, lexicon, false) {
            return Some(Who::Phrase(a, b));
        }
        return Some(Who::Pronoun(j - 1));
    }
    let plain = SAYING.contains(&toks[k].lower.as_str());
    sent.np_before(j, lexicon, plain)
        .map(|(a, b)| Who::Phrase(a, b))
}

/// Skip words that set the scene rather than report: "on Tuesday", "in a
/// statement", "at a news conference in Antalya".
fn skip_setting(
    sent: &Sent,
    mut a: usize,
    until: usize,
    settings: &rustc_hash::FxHashSet<String>,
) -> usize {
    let toks = sent.toks;
    for _ in 0..4 {
        let Some(t) = toks.get(a).filter(|_| a < until) else {
            break;
        };
        if TIME_WORDS.contains(&t.lower.as_str()) {
            a += 1;
        } else if matches!(t.lower.as_str(), "this" | "last" | "next")
            && toks
                .get(a + 1)
                .is_some_and(|n| PERIODS.contains(&n.lower.as_str()))
        {
            a += 2; // "this week"
        } else if t.is("on")
            && toks
                .get(a + 1)
                .is_some_and(|n| WEEK.contains(&n.lower.as_str()) || n.capitalised(sent.src))
        {
            a += 2;
            while toks
                .get(a)
                .is_some_and(|n| WEEK.contains(&n.lower.as_str()))
            {
                a += 1;
            }
        } else if matches!(
            t.lower.as_str(),
            "in" | "at" | "during" | "after" | "via" | "on"
        ) {
            // `a < until <= toks.len()` here
            match toks[a + 1..until]
                .iter()
                .take(6)
                .position(|n| settings.contains(n.lower.as_str()))
            {
                Some(p) if toks[a + 1..a + 1 + p].iter().all(|n| n.kind == Kind::Word) => {
                    a += p + 2;
                    // "in a statement posted on Telegram"
                    if toks.get(a).is_some_and(|n| {
                        matches!(
                            n.lower.as_str(),
                            "posted" | "broadcast" | "published" | "released" | "issued"
                        )
                    }) {
                        a += 1;
                    }
                }
                _ => break,
            }
        } else {
            break;
        }
    }
    a
}

/// Content after the cue (and its object, for "told"): up to the next speaker.
fn content_after(
    sent: &Sent,
    from: usize,
    until: usize,
    told: bool,
    lexicon: &Lexicon,
) -> Option<(usize, usize)> {
    let toks = sent.toks;
    let settings = &lexicon.speech_settings;
    let until = until.min(toks.len());
    if from >= until {
        return None;
    }
    let mut a = from;
    // "that" within a few words: "said on Tuesday that", "told reporters that"
    if let Some(off) = toks[a..until.min(toks.len())]
        .iter()
        .take(8)
        .position(|t| t.is("that"))
    {
        if toks[a..a + off]
            .iter()
            .all(|t| t.kind == Kind::Word || t.lower == ",")
        {
            a += off + 1;
        }
    } else if told {
        // skip whom they told: "told reporters", "told the BBC", "told BBC
        // Radio 4's Today programme:", "told a news conference"
        let colon = toks[a..until].iter().take(8).position(|t| t.lower == ":");
        let setting = toks[a..until]
            .iter()
            .take(5)
            .position(|t| settings.contains(t.lower.as_str()));
        if let Some(c) = colon.filter(|&c| {
            toks[a..a + c]
                .iter()
                .all(|t| t.kind == Kind::Word || t.lower == "'" || t.lower == "’")
        }) {
            a += c + 1;
        } else if let Some(s) = setting.filter(|_| {
            toks.get(a)
                .is_some_and(|t| matches!(t.lower.as_str(), "a" | "an" | "the"))
        }) {
            a += s + 1;
        } else {
            if toks.get(a).is_some_and(|t| t.is("the")) {
                a += 1;
            }
            // a name: every capitalised word of it
            let name = toks[a..until]
                .iter()
                .take_while(|t| t.kind == Kind::Word && t.capitalised(sent.src))
                .count();
            a += name.max(1);
        }
    }
    a = skip_setting(sent, a, until, settings);
    if toks.get(a).is_some_and(|t| t.is("that")) {
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
        && (toks[b - 1].kind == Kind::Punct && !is_closing_quote(&toks[b - 1])
            || CONJUNCTIONS.contains(&toks[b - 1].lower.as_str()))
    {
        b -= 1;
    }
    // "X said at a conference, as workers picketed outside": a clause that
    // follows, not what was said ("according to X, while …" is content)
    if !toks[from.saturating_sub(1)].is("to")
        && toks
            .get(a)
            .is_some_and(|t| CLAUSE_OPENERS.contains(&t.lower.as_str()))
        && a > from
        && toks[a - 1].lower == ","
    {
        return None;
    }
    if b <= a || toks[a..b].iter().filter(|t| t.kind != Kind::Punct).count() < 2 {
        return None;
    }
    let mut end = toks[b - 1].end;
    // a conjunction glued to the last word by a bad translation: "Chernihivalthough"
    if until < toks.len() {
        let last = &toks[b - 1];
        if last.kind == Kind::Word {
            if let Some(c) = CONJUNCTIONS.iter().find(|c| {
                c.len() >= 4 && last.lower.len() > c.len() + 2 && last.lower.ends_with(*c)
            }) {
                end = last.end - c.len();
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
        && !matches!(toks[a].lower.as_str(), "“" | "\"" | "‘" | "«" | "'")
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
        "," | "”" | "\"" | "’" | "'" | "»" | "—" | "–" | ":"
    ) {
        return None;
    }
    Some((toks[a].start, toks[b - 1].end))
}

/// Note the people a sentence names, so that a later "he", "the minister"
/// or bare surname can resolve to them: a title before capitalised names
/// ("Foreign Minister Dmytro Kuleba", "negotiator David Arakhamia") or a
/// name opening the sentence ("Antony Blinken met …").
pub fn register_names(sent: &Sent, lexicon: &Lexicon, registry: &mut Registry) {
    let toks = sent.toks;
    let mut i = sent.first;
    while i < toks.len() {
        let title = sent
            .word(i)
            .is_some_and(|t| lexicon.titles.contains(t.lower.as_str()) && !closed(t));
        let opening = i == sent.first
            && sent.cap(i)
            && !lexicon.organisations.contains(toks[i].lower.as_str());
        if !title && !opening {
            i += 1;
            continue;
        }
        let start = i;
        while sent
            .word(i)
            .is_some_and(|t| lexicon.titles.contains(t.lower.as_str()) && !closed(t))
        {
            i += 1;
        }
        let name_start = i;
        while i < toks.len()
            && i - name_start < 5
            && (sent.cap(i)
                || (i > name_start
                    && sent
                        .word(i)
                        .is_some_and(|t| PARTICLES.contains(&t.lower.as_str()))
                    && (sent.cap(i + 1)
                        || sent
                            .word(i + 1)
                            .is_some_and(|n| PARTICLES.contains(&n.lower.as_str())))))
        {
            if lexicon.organisations.contains(toks[i].lower.as_str())
                || lexicon.reporting_verbs.contains(toks[i].lower.as_str())
            {
                break;
            }
            i += 1;
        }
        let names = i - name_start;
        let followed_ok = toks
            .get(i)
            .is_none_or(|t| t.kind == Kind::Punct || !t.capitalised(sent.src));
        let person = followed_ok
            && ((title && names >= 1) || (opening && names >= 2 && name_start == start));
        if person {
            registry.mention(&sent.words(start, i), lexicon);
        }
        i = i.max(start + 1);
    }
}
