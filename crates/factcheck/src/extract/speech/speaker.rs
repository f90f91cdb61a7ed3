//! Who speaks: the speaker before the cue ("X said", "Fomin, the deputy
//! minister, said"), after it ("…, said the ministry", "according to X"),
//! the apposition that may follow, and the registry calls that turn a
//! mention into an entity.

use super::{is_pronoun, Raw, Sent, Who};
use crate::extract::speakers::Registry;
use crate::lang::tokens::{Kind, Token};
use crate::lexicon::grammar::{APPOSITION_OPENERS, ARTICLES, PHRASE_PREPOSITIONS, QUANTIFIERS};

impl Sent<'_> {
    /// A speaker noun phrase ending just before token `end`: token range.
    fn np_before(&self, end: usize, allow_common: bool) -> Option<(usize, usize)> {
        match self.name_start(end) {
            Some(i) => Some(self.with_modifiers(i, end)),
            None => self
                .titled_lowercase_name(end)
                .or_else(|| self.bare_np_before(end, allow_common)),
        }
    }

    /// A machine-lowercased name after its title: "health minister jorge
    /// brancho told". The title vouches for the lower-case words after it.
    fn titled_lowercase_name(&self, end: usize) -> Option<(usize, usize)> {
        let lx = self.lexicon;
        let plain = |w: &Token| {
            !self.closed(w)
                && !w.capitalised(self.src)
                && w.lower.chars().all(char::is_alphabetic)
                && !lx.reporting_verbs.contains(w.lower.as_str())
                && !lx.titles.contains(w.lower.as_str())
                && !lx.aux_words.contains(w.lower.as_str())
                && !lx.time_words.contains(w.lower.as_str())
        };
        let mut m = end;
        while m > self.first && end - m < 3 && self.word(m - 1).is_some_and(plain) {
            m -= 1;
        }
        let title = self.word(m.checked_sub(1)?)?;
        if m == end || m - 1 < self.first || !lx.titles.contains(title.lower.as_str()) {
            return None;
        }
        Some(self.with_modifiers(m - 1, end))
    }

    /// Where a name-like phrase ending before `end` starts, if there is one:
    /// capitalised words, titles and group nouns, with the joiners,
    /// initials and lower-case words that may stand inside a name.
    fn name_start(&self, end: usize) -> Option<usize> {
        let toks = self.toks;
        let mut i = end;
        let mut content = false;
        while i > self.first && end - i < 10 {
            let t = &toks[i - 1];
            let is_word = t.kind == Kind::Word;
            if self.nameish(t) {
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
            } else if content && is_word && (ARTICLES.contains(&t.lower.as_str())) {
                i -= 1;
                break;
            } else if content
                && is_word
                && (t.is("of")
                    || t.is("for")
                    || self.lexicon.name_particles.contains(t.lower.as_str()))
                && i >= 2
                && (self.cap(i - 2) || self.word(i - 2).is_some_and(|w| self.nameish(w)))
            {
                i -= 1; // "Ministry of Defence", "the minister of health"
            } else if content
                && t.kind == Kind::Punct
                && t.lower == "."
                && i >= 2
                && toks[i - 2].end == t.start
                && (toks[i - 2].lower.chars().count() == 1
                    || self.lexicon.titles.contains(toks[i - 2].lower.as_str()))
            {
                i -= 1; // "U.S."
            } else if content
                && is_word
                && !self.closed(t)
                && !self.lexicon.reporting_verbs.contains(t.lower.as_str())
            {
                // lower-case words inside a name: "UN human rights office", "Russia's defence ministry"
                let mut m = i - 1;
                while m > self.first
                    && i - m < 3
                    && self
                        .word(m - 1)
                        .is_some_and(|w| !self.closed(w) && !w.capitalised(self.src))
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
        content.then_some(i)
    }

    /// A phrase found by `name_start` at `i`, widened by lower-case
    /// modifiers of a group noun: "a press-freedom group", ", local authorities".
    fn with_modifiers(&self, i: usize, end: usize) -> (usize, usize) {
        let toks = self.toks;
        if !toks[i].capitalised(self.src) && i > self.first && !toks[i - 1].is("the") {
            let mut m = i;
            while m > self.first
                && i - m < 3
                && self.word(m - 1).is_some_and(|w| {
                    !self.closed(w)
                        && !w.capitalised(self.src)
                        && !self.lexicon.reporting_verbs.contains(w.lower.as_str())
                })
            {
                m -= 1;
            }
            if m < i {
                if m > self.first && ARTICLES.contains(&toks[m - 1].lower.as_str()) {
                    return (m - 1, end);
                }
                if m == self.first || toks[m - 1].kind == Kind::Punct {
                    return (m, end);
                }
            }
        }
        (i, end)
    }

    /// A one-word speaker with no name-like words: a machine-lowercased name
    /// opening the sentence ("fomin said") or, when `allow_common`, a common
    /// noun with its determiner ("the soldier said").
    fn bare_np_before(&self, end: usize, allow_common: bool) -> Option<(usize, usize)> {
        let toks = self.toks;
        let t = self.word(end.checked_sub(1)?)?;
        if self.closed(t) || is_pronoun(t) || !t.lower.chars().all(char::is_alphabetic) {
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
    pub(super) fn np_after(&self, start: usize) -> Option<(usize, usize)> {
        let toks = self.toks;
        let mut j = start;
        if toks.get(j).is_some_and(|t| t.is("the")) {
            j += 1;
        }
        let group = |n: &Token| {
            self.lexicon.organisations.contains(n.lower.as_str())
                || self.lexicon.speaker_nouns.contains(n.lower.as_str())
                || self.lexicon.titles.contains(n.lower.as_str())
        };
        let mut content = false;
        while j < toks.len() && j - start < 10 {
            let t = &toks[j];
            if self.nameish(t) {
                j += 1;
                content = true;
            } else if content
                && (t.is("of")
                    || t.is("for")
                    || self.lexicon.name_particles.contains(t.lower.as_str()))
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
                && !self.closed(t)
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

    /// The words of a speaker mention; a capital that only marks the start
    /// of the sentence is dropped from common nouns ("Police said" → "police").
    pub(super) fn mention_words(&self, a: usize, b: usize) -> Vec<String> {
        let words: Vec<&Token> = self.toks[a..b]
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .collect();
        let common = |t: &Token| {
            self.lexicon.speaker_nouns.contains(t.lower.as_str())
                || self.lexicon.organisations.contains(t.lower.as_str())
                || self.lexicon.titles.contains(t.lower.as_str())
                || ARTICLES.contains(&t.lower.as_str())
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
    fn subject(&self, before: usize) -> Option<(usize, usize)> {
        let toks = self.toks;
        let mut i = self.first;
        while i < before {
            let opens = i == self.first || toks[i - 1].lower == ",";
            // "The regional governor condemned …": a common noun with its article
            if opens && ARTICLES.contains(&toks[i].lower.as_str()) {
                if let Some(j) = self.described_head(i + 1, before) {
                    return Some((i, j));
                }
            }
            if !(opens && self.nameish(&toks[i])) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < before
                && (self.nameish(&toks[j])
                    // "Gov. Mike Pence", "U.S. officials"
                    || toks[j].lower == "." && j > i && toks[j - 1].end == toks[j].start && toks[j - 1].lower.chars().count() <= 4)
            {
                j += 1;
            }
            let verb_follows = toks.get(j).is_some_and(|t| {
                t.kind == Kind::Word && !t.capitalised(self.src) && !self.closed(t)
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

    /// The end of "regional governor" at `from`: up to two lower-case
    /// modifiers and a title or speaker noun, with a verb after it.
    fn described_head(&self, from: usize, before: usize) -> Option<usize> {
        let toks = self.toks;
        (from..before.min(from + 3)).find_map(|h| {
            let head = self.word(h)?;
            let modifiers = toks[from..h]
                .iter()
                .all(|t| t.kind == Kind::Word && !self.closed(t) && !t.capitalised(self.src));
            let verb = self
                .word(h + 1)
                .is_some_and(|t| !t.capitalised(self.src) && !self.closed(t) && h + 1 < before);
            (modifiers && self.nameish(head) && !head.capitalised(self.src) && verb)
                .then_some(h + 1)
        })
    }

    /// The end of an apposition starting at `at` (", the deputy minister,"):
    /// the token after its closing comma, or the sentence end when `open_ok`.
    fn apposition_end(&self, at: usize, open_ok: bool) -> Option<usize> {
        let toks = self.toks;
        if toks.get(at).is_none_or(|t| t.lower != ",")
            || !toks
                .get(at + 1)
                .is_some_and(|t| APPOSITION_OPENERS.contains(&t.lower.as_str()))
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

/// A speaker after the cue ("…, said X", "according to X"), with the
/// apposition that may follow it, pushed to `raw`; returns where to go on from.
pub(super) fn push_right(
    sent: &Sent,
    registry: &mut Registry,
    raw: &mut Vec<Raw>,
    (a, b): (usize, usize),
    cue: (usize, usize),
    open_apposition: bool,
) -> usize {
    let entity = registry.mention(&sent.mention_words(a, b), sent.lexicon);
    let content_from = sent.apposition_end(b, open_apposition);
    raw.push(Raw {
        entity,
        mention: (a, b),
        cue,
        right: true,
        content_from,
    });
    content_from.unwrap_or(b)
}

/// The speaker of the cue at token `k`, pushed to `raw`: before it, a
/// pronoun, the speaker of the cue before ("…, saying …"), the subject of
/// the sentence, or after it by inversion ("…, said the ministry."). For an
/// inversion, returns the token to go on from.
pub(super) fn speaker_of_cue(
    sent: &Sent,
    k: usize,
    registry: &mut Registry,
    raw: &mut Vec<Raw>,
) -> Option<usize> {
    if let Some(next) = super::quoted::quoted_as_saying(sent, k, registry, raw) {
        return Some(next);
    }
    let toks = sent.toks;
    let t = &toks[k];
    let prev = sent.prev(k);
    match left_speaker(sent, k) {
        // "Arakhamia said the sides had agreed …": inside the content before
        Some(Who::Phrase(a, _))
            if raw
                .last()
                .is_some_and(|r| !r.right && a >= r.cue.1 && a - r.cue.1 <= 1) => {}
        Some(Who::Phrase(a, b)) => {
            let e = registry.mention(&sent.mention_words(a, b), sent.lexicon);
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
            let participle = sent.lexicon.participle_cues.contains(t.lower.as_str());
            // "condemned the bombing saying “…”": copy that lost the comma
            // before a participle cue, with a quotation after it (without
            // one, "a note saying that …" is as likely: on PolNeAR dev that
            // reading cost 0.3 points of precision)
            let lost_comma = participle
                && prev.is_some_and(|p| p.kind == Kind::Word && !p.capitalised(sent.src))
                && super::quotation_follows(sent, k);
            let coordinated =
                lost_comma || prev.is_some_and(|p| p.lower == "," || p.is("and") || p.is("but"));
            if coordinated && (participle || prev.is_none_or(|p| p.lower != ",")) && !raw.is_empty()
            {
                // "…, saying that …", "… said X but added that …": the speaker before
                let last = &raw[raw.len() - 1];
                let (e, m) = (last.entity, last.mention);
                raw.push(Raw::left(e, m, k));
            } else if coordinated && participle {
                // "Gov. Mike Pence on Thursday blamed the media …, saying …":
                // the subject of the sentence
                if let Some((a, b)) = sent.subject(k) {
                    let e = registry.mention(&sent.mention_words(a, b), sent.lexicon);
                    raw.push(Raw::left(e, (a, b), k));
                }
            } else if after_break {
                // inversion: "…, said the ministry." / "…, said the mayor, Ivan Fedorov."
                if let Some((a, mut b)) = sent.np_after(k + 1) {
                    if toks.get(b).is_some_and(|t| t.lower == ",") && sent.cap(b + 1) {
                        if let Some((_, nb)) = sent.np_after(b + 1) {
                            b = nb;
                        }
                    }
                    // "…" said Nadim Houry deputy director of the regional
                    // office.": a description after the name runs to the end
                    let described = toks
                        .get(b)
                        .is_some_and(|t| ["of", "at", "for", "in"].contains(&t.lower.as_str()))
                        && toks[b..]
                            .iter()
                            .take_while(|t| t.kind == Kind::Word)
                            .count()
                            <= 8
                        && toks[b..]
                            .iter()
                            .find(|t| t.kind != Kind::Word)
                            .is_none_or(|t| t.lower == "." || t.lower == ",");
                    let ends = toks.get(b).is_none_or(|t| t.kind == Kind::Punct) || described;
                    if ends {
                        return Some(push_right(sent, registry, raw, (a, b), (k, k + 1), true));
                    }
                }
            }
        }
    }
    None
}

fn left_speaker(sent: &Sent, k: usize) -> Option<Who> {
    let toks = sent.toks;
    let mut j = k;
    while j > sent.first && sent.lexicon.skip_left.contains(toks[j - 1].lower.as_str()) {
        j -= 1;
    }
    if j > sent.first + 1 && toks[j - 1].lower == "," {
        let c = (sent.first..j - 1)
            .rev()
            .take(12)
            .find(|&c| toks[c].lower == ",")?;
        // "Fomin, the deputy minister, said"
        if toks
            .get(c + 1)
            .is_some_and(|t| APPOSITION_OPENERS.contains(&t.lower.as_str()))
        {
            return sent.np_before(c, false).map(|(a, b)| Who::Phrase(a, b));
        }
        // "The head of the mission, Matilda Bogner, said"
        if let Some((a, b)) = sent.np_before(j - 1, false) {
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
            if let Some((a, b)) = sent.np_before(c, false) {
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
        if let Some((a, b)) = sent.np_before(j - 1, false) {
            return Some(Who::Phrase(a, b));
        }
        return Some(Who::Pronoun(j - 1));
    }
    let plain = sent.lexicon.saying_verbs.contains(toks[k].lower.as_str());
    let (a, b) = sent.np_before(j, plain)?;
    // a name ending a prepositional phrase ("… the border from Idlib told")
    // may not be the speaker: copy that lost its commas puts an apposition
    // between the name and the cue ("Ercan Topaca the governor of Hatay …
    // from Idlib told"). The name opening the sentence before "the"/"a" is.
    if a > sent.first && PHRASE_PREPOSITIONS.contains(&toks[a - 1].lower.as_str()) {
        if let Some((a, b)) = opening_name(sent, a) {
            return Some(Who::Phrase(a, b));
        }
    }
    Some(Who::Phrase(a, b))
}

/// The capitalised name opening the sentence when an apposition opener
/// ("the", "a") follows it before `limit`: "Ercan Topaca the governor …".
fn opening_name(sent: &Sent, limit: usize) -> Option<(usize, usize)> {
    let start = sent.first;
    let mut end = start;
    while end < limit && (sent.cap(end) || end > start && particle_name(sent, end)) {
        end += 1;
    }
    let names = end - start;
    let opener = sent
        .toks
        .get(end)
        .is_some_and(|t| ARTICLES.contains(&t.lower.as_str()));
    ((2..=4).contains(&names) && opener).then_some((start, end))
}

/// A name word with its particle, in one token or two: "al-Aswad", "bin
/// Salman", "van Dijk".
fn particle_name(sent: &Sent, i: usize) -> bool {
    let Some(t) = sent.word(i) else { return false };
    let particles = &sent.lexicon.name_particles;
    let glued = t.lower.split_once('-').is_some_and(|(p, rest)| {
        particles.contains(p)
            && t.text(sent.src)[p.len() + 1..].starts_with(char::is_uppercase)
            && !rest.is_empty()
    });
    glued || particles.contains(t.lower.as_str()) && sent.cap(i + 1)
}

/// Note the people a sentence names, so that a later "he", "the minister"
/// or bare surname can resolve to them: a title before capitalised names
/// ("Foreign Minister Dmytro Kuleba", "negotiator David Arakhamia") or a
/// name opening the sentence ("Antony Blinken met …").
pub(crate) fn register_names(sent: &Sent, registry: &mut Registry) {
    let toks = sent.toks;
    let mut i = sent.first;
    while i < toks.len() {
        let title = sent
            .word(i)
            .is_some_and(|t| sent.lexicon.titles.contains(t.lower.as_str()) && !sent.closed(t));
        let opening = i == sent.first
            && sent.cap(i)
            && !sent.lexicon.organisations.contains(toks[i].lower.as_str());
        if !title && !opening {
            i += 1;
            continue;
        }
        let start = i;
        while sent
            .word(i)
            .is_some_and(|t| sent.lexicon.titles.contains(t.lower.as_str()) && !sent.closed(t))
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
                        .is_some_and(|t| sent.lexicon.name_particles.contains(t.lower.as_str()))
                    && (sent.cap(i + 1)
                        || sent.word(i + 1).is_some_and(|n| {
                            sent.lexicon.name_particles.contains(n.lower.as_str())
                        }))))
        {
            if sent.lexicon.organisations.contains(toks[i].lower.as_str())
                || sent
                    .lexicon
                    .reporting_verbs
                    .contains(toks[i].lower.as_str())
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
            registry.mention(&sent.words(start, i), sent.lexicon);
        }
        i = i.max(start + 1);
    }
}
