//! Reported speech: a speaker, a reporting verb (the cue) and the content.
//!
//! Works on one sentence's tokens at a time. Speakers are noun phrases next
//! to the cue (left: "X said", right: "…, said X", "according to X");
//! pronouns and bare surnames go through the article's speaker registry.
//! Who speaks is found in [`speaker`], what they said in [`content`].

mod content;
mod described;
mod names;
mod phrase;
mod quoted;
mod relative;
mod speaker;
mod subject;

pub(crate) use names::register_names;

use crate::extract::speakers::Registry;
use crate::lang::tokens::{Kind, Token, KNOWN};
use crate::lexicon::classes::WordSet;
use crate::lexicon::grammar::{self, BE, DETERMINERS, PREPOSITIONS};
use crate::lexicon::Lexicon;

/// One act of speech found in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct SpeechEvent {
    /// The speaker: an entity of the article's registry.
    pub entity: usize,
    /// Byte range of the words naming the speaker.
    pub mention: (usize, usize),
    /// Byte range of the cue (reporting verb, "according to", a colon).
    pub cue: (usize, usize),
    /// Byte range of the reported words, if the sentence carries them.
    pub content: Option<(usize, usize)>,
    /// Index of the sentence in the article.
    pub sentence: usize,
    /// The cue names what follows ("called the plan “a gift”"): only a
    /// quotation after it is its speech, never one before.
    pub forward: bool,
    /// The speaker is a relative clause's ("an architect who said he was
    /// stiffed"): it speaks its own words only, never a quotation that
    /// follows them or the next sentence's.
    pub relative: bool,
    /// The other speakers of a cue with joined subjects ("Ilse Varto and
    /// Petra Quill said"): entities of the registry.
    pub also: Vec<usize>,
}

/// Token context for one sentence.
pub(crate) struct Sent<'a> {
    pub src: &'a str,
    pub toks: &'a [Token<'a>],
    /// Index of the first token after a teaser prefix ("Read more:").
    pub first: usize,
    pub index: usize,
    /// The union of the tokens' classes ([`crate::lang::tokens::union`]):
    /// a sentence with no word of a class is not read for it.
    pub classes: u64,
    pub lexicon: &'a Lexicon,
    /// The last subject search's reading, for the next cue's
    /// ([`Sent::subject`]); empty at first.
    pub subject_memo: subject::Memo,
    /// Whether the sentence holds a quotation mark, once asked.
    pub quoted: std::cell::OnceCell<bool>,
}

impl Sent<'_> {
    /// Closed-class and other words that are never part of a speaker's name.
    #[inline]
    pub(crate) fn closed(&self, t: &Token) -> bool {
        self.lexicon.not_names.has(t) && !self.acronym(t)
    }

    /// A short all-capitals word in running text is an acronym, even when
    /// it spells a function word: "IS said the toll could rise", "the US
    /// said" (not in a headline in capitals: "IRAN SAYS IT OPENS …").
    fn acronym(&self, t: &Token) -> bool {
        let text = t.text(self.src);
        let caps = |s: &str| s.len() >= 2 && s.chars().all(|c| c.is_ascii_uppercase());
        if !(2..=4).contains(&text.len()) || !caps(text) {
            return false;
        }
        let Ok(i) = self.toks.binary_search_by_key(&t.start, |x| x.start) else {
            return false;
        };
        let shouted = |j: usize| {
            self.toks
                .get(j)
                .is_some_and(|n| n.kind == Kind::Word && caps(n.text(self.src)))
        };
        !shouted(i + 1) && (i == 0 || !shouted(i - 1))
    }

    pub(super) fn nameish(&self, t: &Token) -> bool {
        t.kind == Kind::Word
            && ((t.capitalised(self.src) && !self.closed(t))
                || self.glued_particle(t)
                || self.lexicon.organisations.has(t)
                || self.lexicon.speaker_nouns.has(t)
                || self.lexicon.titles.has(t) && !self.closed(t))
    }

    /// Whether the sentence ends at most `words` words after token `from`:
    /// only words, then a full stop, question or exclamation mark, or the
    /// end of the text ("said.", "told reporters.").
    pub(super) fn ends_within(&self, from: usize, words: usize) -> bool {
        let rest = self.toks.get(from..).unwrap_or_default();
        // (counted no further than one past `words`: a 64 KB run of words
        // is not read to its end at each of its cues)
        let n = rest
            .iter()
            .take(words + 1)
            .take_while(|t| t.kind == Kind::Word)
            .count();
        n <= words
            && rest
                .get(n)
                .is_none_or(|t| matches!(t.lower.as_str(), "." | "!" | "?"))
    }

    #[inline]
    pub(crate) fn word(&self, i: usize) -> Option<&Token<'_>> {
        self.toks
            .get(i)
            .filter(|t| t.kind == Kind::Word && i >= self.first)
    }

    #[inline]
    pub(crate) fn cap(&self, i: usize) -> bool {
        // (asked of most words, several times: inlined; a name's particle
        // is looked for only in a hyphened word)
        self.word(i).is_some_and(|t| {
            t.capitalised(self.src) && !self.closed(t) || t.hyphen && self.glued_particle(t)
        })
    }

    /// A name word glued to its particle, which writes it in lower case:
    /// "al-Faris", "bin-Talal".
    pub(super) fn glued_particle(&self, t: &Token) -> bool {
        t.kind == Kind::Word
            && t.hyphen
            && t.lower.split_once('-').is_some_and(|(p, rest)| {
                !rest.is_empty()
                    && self.lexicon.name_particles.contains(p)
                    && t.text(self.src)
                        .get(p.len() + 1..)
                        .is_some_and(|r| r.starts_with(char::is_uppercase))
            })
    }

    /// The token before `k`, if it is inside the sentence body.
    fn prev(&self, k: usize) -> Option<&Token<'_>> {
        k.checked_sub(1)
            .and_then(|p| (p >= self.first).then(|| &self.toks[p]))
    }

    fn words(&self, a: usize, b: usize) -> Vec<&str> {
        self.toks[a..b]
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.text(self.src))
            .collect()
    }
}

fn is_pronoun(t: &Token) -> bool {
    grammar::is_pronoun(&t.lower)
}

/// A speaker found next to a cue.
enum Who {
    Phrase(usize, usize),
    Pronoun(usize),
    /// A relative pronoun (its token) and the phrase it stands for.
    Relative(usize, (usize, usize)),
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
    /// The other conjuncts of a joined subject ("Ilse Varto and …").
    also: Vec<usize>,
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
            also: Vec::new(),
        }
    }
}

/// Find speech events in one sentence.
pub(crate) fn find(sent: &Sent, registry: &mut Registry) -> Vec<SpeechEvent> {
    let toks = sent.toks;
    // a sentence with no cue word (and no "according to") holds no
    // speech: most sentences are not read word by word
    if sent.classes & KNOWN != 0
        && sent.classes & cue_classes(sent.lexicon) == 0
        && !toks[sent.first.min(toks.len())..]
            .iter()
            .any(|t| t.is("according"))
    {
        return Vec::new();
    }
    let mut raw: Vec<Raw> = Vec::new();
    let mut k = sent.first;
    while k < toks.len() {
        let t = &toks[k];
        if t.kind != Kind::Word {
            k += 1;
            continue;
        }
        // "according to X"
        if t.is("according") && toks.get(k + 1).is_some_and(|n| n.is("to")) {
            // ("according to figures released by the board": a proxy word
            // that is no name leads to the body after it)
            let proxy = || {
                (k + 2..(k + 5).min(toks.len()))
                    .take_while(|&i| toks[i].kind == Kind::Word)
                    .find(|&i| sent.lexicon.proxies.has(&toks[i]))
                    .map(|i| (k + 2, i + 1))
                    // "according to statistics" alone names no one
                    .filter(|&np| described::proxy_body(sent, np) != np)
            };
            // ("according to court filings": a proxy right after a name)
            let widened = |(a, b): (usize, usize)| {
                let proxy_after = sent.word(b).is_some_and(|t| sent.lexicon.proxies.has(t));
                (a, b + usize::from(proxy_after))
            };
            // ("according to a new poll", "according to people in
            // attendance": any plain noun phrase, named by its head)
            let plain = || described::plain_np_after(sent, k + 2);
            if let Some(np) = sent
                .np_after(k + 2)
                .map(widened)
                .or_else(proxy)
                .or_else(plain)
            {
                let (a, b) = described::proxy_body(sent, np);
                k = speaker::push_right(sent, registry, &mut raw, (a, b), (k, k + 2), false);
                continue;
            }
        }
        if may_cue(sent, t) && (is_cue(sent, k) || estimate_frame(sent, k)) {
            if let Some(next) = speaker::speaker_of_cue(sent, k, registry, &mut raw) {
                k = next;
                continue;
            }
        }
        k += 1;
    }
    // a sentence's claims are capped: past the cap (and the speech after
    // it, which ends the words before it) nothing is read, and no speech's
    // words are looked for through thousands of others
    raw.truncate(crate::limits::MAX_CLAIMS_PER_SENTENCE + 2);
    content::contents(sent, &raw)
}

/// The lists of cue words: a sentence with none of their words holds no
/// cue ([`cue_classes`]), a word in none is none ([`may_cue`]).
fn cue_lists(lx: &Lexicon) -> [&WordSet; 5] {
    [
        &lx.reporting_verbs,
        &lx.participle_cues,
        &lx.quote_verbs,
        &lx.evidence_verbs,
        &lx.estimate_cues,
    ]
}

/// The classes of the [`cue_lists`].
fn cue_classes(lx: &Lexicon) -> u64 {
    crate::lexicon::classes::bits(&cue_lists(lx))
}

/// Whether the word is in a list of cues at all (read from its classes):
/// [`is_cue`] and [`estimate_frame`] ask much more, of few words.
fn may_cue(sent: &Sent, t: &Token) -> bool {
    cue_lists(sent.lexicon).iter().any(|l| l.has(t))
}

/// Whether the word at `k` puts a count at a figure: "put the toll at 41",
/// "placed the number of dead at 300" (a count noun, then "at" and a number,
/// within a few words).
fn estimate_frame(sent: &Sent, k: usize) -> bool {
    let toks = sent.toks;
    let lx = sent.lexicon;
    if !lx.estimate_cues.has(&toks[k]) {
        return false;
    }
    let window = &toks[k + 1..toks.len().min(k + 8)];
    let count = window
        .iter()
        .position(|t| lx.count_nouns.has(t) || t.is("toll"));
    count.is_some_and(|c| {
        window[c + 1..]
            .iter()
            .position(|t| t.is("at"))
            .is_some_and(|p| {
                // the word after "at" (window starts at k + 1)
                toks.get(k + c + p + 3).is_some_and(|n| {
                    n.kind == Kind::Num || crate::lang::numbers::is_number_word(&n.lower)
                })
            })
    })
}

/// Whether a quotation opens within a few words after token `k`.
pub(super) fn quotation_follows(sent: &Sent, k: usize) -> bool {
    sent.toks[k + 1..]
        .iter()
        .take(5)
        .any(|t| matches!(t.lower.as_str(), "\"" | "“" | "«" | "„"))
}

/// Whether "as" and a quotation follow the object of the verb at `k`, in
/// the same clause: "described the promenade at Lahinch as “seriously
/// compromised”".
fn quotation_after_as(sent: &Sent, k: usize) -> bool {
    let toks = sent.toks;
    toks[k + 1..]
        .iter()
        .take(12)
        .take_while(|t| t.kind == Kind::Word)
        .position(|t| t.is("as"))
        .is_some_and(|p| {
            toks.get(k + 2 + p)
                .is_some_and(|t| matches!(t.lower.as_str(), "\"" | "“" | "«" | "„"))
        })
}

/// Whether at most three words stand between a closing quotation mark and
/// the cue at `k` ("“…,” Conway notes.", "“…,” the document states, …"),
/// or a capitalised name between a comma and the cue (", Isaac Stanley-Becker
/// reports.", "Democrats, Frank notes, applaud …"): a speech tag.
fn tag_after_quotation(sent: &Sent, k: usize) -> bool {
    let toks = sent.toks;
    let mut i = k;
    while i > sent.first && k - i < 3 && toks[i - 1].kind == Kind::Word {
        i -= 1;
    }
    let named = (i..k).all(|n| sent.cap(n));
    i < k
        && i > sent.first
        && (matches!(toks[i - 1].lower.as_str(), "\"" | "”" | "»" | "''")
            || named && toks[i - 1].lower == ",")
}

/// Whether the word at `k` is a verb of evidence whose subject a proxy
/// heads: "the agency's figures show", "data from the ministry indicate",
/// "figures compiled by the WHO show" (not "photos show", "a survey of
/// households showed"). Never in a sentence with a quotation: there the
/// verb is inside it ("worse than official statistics show") or the
/// quotation has its own tag ("Opinion polls suggest “…”, she says").
pub(super) fn proxy_speaks(sent: &Sent, k: usize) -> bool {
    let lx = sent.lexicon;
    let toks = sent.toks;
    let proxy = |i: usize| lx.proxies.has(&toks[i]);
    let head = |i: usize| {
        i + 1 == k
            || toks[i + 1].is("from")
            || toks[i + 1].is("by")
            || toks[i + 1].lower.ends_with("ed") && toks.get(i + 2).is_some_and(|t| t.is("by"))
    };
    lx.evidence_verbs.has(&toks[k])
        && (sent.first..k)
            .rev()
            .take(6)
            .take_while(|&i| toks[i].kind == Kind::Word)
            .any(|i| proxy(i) && head(i))
        // (asked once a sentence, not at each of its evidence verbs)
        && !*sent.quoted.get_or_init(|| {
            toks.iter()
                .any(|t| matches!(t.lower.as_str(), "\"" | "“" | "”" | "«" | "»" | "„"))
        })
}

/// Whether the capitalised words right before `k` follow a preposition:
/// then a cue that is also a plural noun is that noun ("he hit back at
/// Labour claims he had …"; but "The JTWC estimates that …" is speech).
fn name_in_phrase(sent: &Sent, k: usize) -> bool {
    let mut s = k;
    while s > sent.first && sent.cap(s - 1) {
        s -= 1;
    }
    s < k
        && s > sent.first
        && sent
            .word(s - 1)
            .is_some_and(|p| PREPOSITIONS.contains(&p.lower.as_str()))
}

/// Whether the word at `k` is a reporting verb used as one: not a name
/// ("Said Ahmed"), an adjective or a passive ("the said agreement", "is
/// said to be"), a verb of counting ("claimed 40 lives") or a noun ("Super
/// Tuesday states, …").
fn is_cue(sent: &Sent, k: usize) -> bool {
    let toks = sent.toks;
    let t = &toks[k];
    // "what he called a “brazen breach”" names a phrase inside another's
    // report: the pronoun there is too often someone else's
    let what_pronoun =
        k >= sent.first + 2 && toks[k - 2].is("what") && grammar::is_pronoun(&toks[k - 1].lower);
    let evidence = proxy_speaks(sent, k);
    let verb = evidence
        || sent.lexicon.reporting_verbs.has(t)
        || sent.lexicon.participle_cues.has(t)
        || sent.lexicon.quote_verbs.has(t)
            && (quotation_follows(sent, k) || quotation_after_as(sent, k))
            && !what_pronoun;
    // a capitalised verb is a name: "the United States", "Said Ahmed"
    if !verb || (t.capitalised(sent.src) && (k > sent.first || sent.cap(k + 1))) {
        return false;
    }
    // "the said agreement", "an estimated 40", "is said to be" (but "is
    // calling the offer “…”" is speech in progress)
    let progressive = t.lower.ends_with("ing");
    if sent.prev(k).is_some_and(|p| {
        !sent.acronym(p)
            && (DETERMINERS.contains(&p.lower.as_str())
                || BE.contains(&p.lower.as_str()) && !progressive)
    }) {
        return false;
    }
    // "claimed 40 lives", "estimated 2,000": a number follows, not speech
    // (but "figures show 150 …" is the figures' count)
    if toks.get(k + 1).is_some_and(|n| n.kind == Kind::Num)
        && !evidence
        && !sent
            .lexicon
            .plain_cues
            .iter()
            .any(|c| c.as_str() == t.lower.as_str())
        && !sent.lexicon.present_cues.has(t)
    {
        return false;
    }
    // "Initial reports said …": a reporting verb before another is a noun
    if toks
        .get(k + 1)
        .is_some_and(|n| sent.lexicon.reporting_verbs.has(n))
    {
        return false;
    }
    // "claimed the lives of three": not speech; "Super Tuesday states, …",
    // "Gulf states and Iran": a noun
    let after_name = sent.lexicon.nouns_after_names.has(t) && k > sent.first + 1 && sent.cap(k - 1);
    let nounish = sent.lexicon.nounish_cues.has(t);
    // ("“…,” Conway notes." is speech: a few words after a quotation)
    let noun_use = after_name
        || nounish
            && toks.get(k + 1).is_none_or(|n| n.kind == Kind::Punct)
            && !tag_after_quotation(sent, k)
        || nounish && name_in_phrase(sent, k)
        // ("rated 11% of Democratic claims as true", "reports of looting")
        || nounish
            && toks
                .get(k + 1)
                .is_some_and(|n| matches!(n.lower.as_str(), "of" | "about" | "as"));
    // ("claimed more than 300,000 lives": a toll)
    !(noun_use || toks[k + 1..].iter().take(5).any(|n| n.is("lives")))
}
