//! The noun phrases that name speakers: before a cue ("Deputy Minister
//! Alexander Fomin said"), after one ("…, said the ministry"), the subject
//! of a sentence, and the descriptions set beside a name.

use super::{is_pronoun, Sent};
use crate::lang::tokens::{Kind, Token};
use crate::lexicon::grammar::{APPOSITION_OPENERS, ARTICLES, PREPOSITIONS, QUANTIFIERS};

impl<'s> Sent<'s> {
    /// A speaker noun phrase ending just before token `end`: token range.
    pub(super) fn np_before(&self, end: usize, allow_common: bool) -> Option<(usize, usize)> {
        match self.name_start(end) {
            Some(i) => Some(self.with_modifiers(i, end)),
            None => self
                .titled_lowercase_name(end)
                .or_else(|| self.bare_np_before(end, allow_common)),
        }
    }

    /// A machine-lowercased name after its title: "health minister jorge
    /// brancho told". The title vouches for the lower-case words after it.
    pub(super) fn titled_lowercase_name(&self, end: usize) -> Option<(usize, usize)> {
        let lx = self.lexicon;
        let plain = |w: &Token| {
            !self.closed(w)
                && !w.capitalised(self.src)
                && w.lower.chars().all(char::is_alphabetic)
                && !lx.reporting_verbs.has(w)
                && !lx.titles.has(w)
                && !lx.aux_words.has(w)
                && !lx.time_words.has(w)
        };
        let mut m = end;
        while m > self.first && end - m < 3 && self.word(m - 1).is_some_and(plain) {
            m -= 1;
        }
        let title = self.word(m.checked_sub(1)?)?;
        if m == end || m - 1 < self.first || !lx.titles.has(title) {
            return None;
        }
        Some(self.with_modifiers(m - 1, end))
    }

    /// Where a name-like phrase ending before `end` starts, if there is one:
    /// capitalised words, titles and group nouns, with the joiners,
    /// initials and lower-case words that may stand inside a name.
    pub(super) fn name_start(&self, end: usize) -> Option<usize> {
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
                && (t.is("of") || t.is("for") || self.lexicon.name_particles.has(t))
                && i >= 2
                && (self.cap(i - 2) || self.word(i - 2).is_some_and(|w| self.nameish(w)))
            {
                i -= 1; // "Ministry of Defence", "the minister of health"
            } else if content
                && t.kind == Kind::Punct
                && t.lower == "."
                && i >= 2
                && toks[i - 2].end == t.start
                && (toks[i - 2].lower.chars().count() == 1 || self.lexicon.titles.has(&toks[i - 2]))
            {
                i -= 1; // "U.S."
            } else if content
                && is_word
                && (t.lower.ends_with("'s") || t.lower.ends_with("’s"))
                && !self.closed(t)
                && i >= 2
                && i - 2 >= self.first
                && ARTICLES.contains(&toks[i - 2].lower.as_str())
            {
                // a body's possessive before the name: "the government's
                // Bureau for Information"
                i -= 2;
                break;
            } else if content && is_word && !self.closed(t) && !self.lexicon.reporting_verbs.has(t)
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
    pub(super) fn with_modifiers(&self, i: usize, end: usize) -> (usize, usize) {
        let toks = self.toks;
        if !toks[i].capitalised(self.src) && i > self.first && !toks[i - 1].is("the") {
            // a lower-case modifier; a time is none ("… overnight rescuers said")
            let modifier = |w: &Token| {
                !self.closed(w)
                    && !w.capitalised(self.src)
                    && !self.lexicon.reporting_verbs.has(w)
                    && !self.lexicon.is_time(w.lower.as_str())
            };
            let mut m = i;
            while m > self.first && i - m < 3 && self.word(m - 1).is_some_and(modifier) {
                m -= 1;
            }
            // "the trade and industry secretary": two modifiers joined (not
            // two phrases: "the town and police")
            if m > self.first + 2
                && (m < i || end - i >= 2)
                && !ARTICLES.contains(&toks[m].lower.as_str())
                && toks[m - 1].is("and")
                && self.word(m - 2).is_some_and(modifier)
                && ARTICLES.contains(&toks[m - 3].lower.as_str())
            {
                return (m - 3, end);
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
    pub(super) fn bare_np_before(&self, end: usize, allow_common: bool) -> Option<(usize, usize)> {
        let toks = self.toks;
        let t = self.word(end.checked_sub(1)?)?;
        if self.closed(t) || is_pronoun(t) || !t.lower.chars().all(char::is_alphabetic) {
            return None;
        }
        // a machine-lowercased name opening the sentence: "fomin said"
        if end - 1 == self.first && t.lower.chars().count() >= 3 {
            return Some((end - 1, end));
        }
        if !allow_common {
            return None;
        }
        // a common noun with its article and up to two modifiers: "the
        // soldier said", "the Labour councillor told"; or a bare plural
        // opening the sentence: "Campaign aides said", "Rescue workers said"
        let lx = self.lexicon;
        let modifier = |w: &Token| {
            !self.closed(w)
                && w.lower
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
                && !lx.reporting_verbs.has(w)
                && !lx.aux_words.has(w)
                && !lx.is_time(w.lower.as_str())
        };
        // a possessive name before the noun: "The Dravik News Agency's
        // correspondent said"
        let possessive = |w: &Token| {
            w.capitalised(self.src) && (w.lower.ends_with("'s") || w.lower.ends_with("’s"))
        };
        let mut m = end - 1;
        while m > self.first
            && end - m < 3
            && self
                .word(m - 1)
                .is_some_and(|w| modifier(w) && !possessive(w))
        {
            m -= 1;
        }
        if m > self.first + 1 && self.word(m - 1).is_some_and(possessive) {
            if let Some(a) = self.name_start(m) {
                let a = if a > self.first && ARTICLES.contains(&toks[a - 1].lower.as_str()) {
                    a - 1
                } else {
                    a
                };
                return Some((a, end));
            }
        }
        // ("his colleague wrote", "another supporter wrote")
        let determiner = |w: &str| {
            QUANTIFIERS.contains(&w) || ["his", "her", "their", "its", "another"].contains(&w)
        };
        for s in (m..end).rev() {
            if s > self.first && determiner(toks[s - 1].lower.as_str()) {
                return Some((s - 1, end));
            }
        }
        // a speaker noun after a body's full name: "the Britain-based
        // Syrian Observatory for Human Rights monitor said", or its proxy:
        // "the WHO figures show"
        let speaker_noun = lx.speaker_nouns.has(t) || lx.organisations.has(t) || lx.proxies.has(t);
        if speaker_noun && end - 1 > self.first && self.cap(end - 2) {
            let mut n = end - 1;
            while n > self.first
                && end - n < 10
                && (self.cap(n - 1)
                    || n >= self.first + 2
                        && (toks[n - 1].is("of") || toks[n - 1].is("for") || toks[n - 1].is("and"))
                        && self.cap(n - 2))
            {
                n -= 1;
            }
            if n > self.first && ARTICLES.contains(&toks[n - 1].lower.as_str()) {
                return Some((n - 1, end));
            }
            // ("WHO figures show" opening the sentence)
            if n == self.first {
                return Some((n, end));
            }
        }
        let plural = t.lower.len() > 3 && t.lower.ends_with('s') && !t.lower.ends_with("ss");
        (m == self.first && plural && end - m <= 3).then_some((m, end))
    }

    /// A speaker noun phrase starting at token `start` ("said the ministry",
    /// "according to local health officials").
    pub(super) fn np_after(&self, start: usize) -> Option<(usize, usize)> {
        let toks = self.toks;
        let mut j = start;
        // "said the ministry", "according to a senior official"
        if toks
            .get(j)
            .is_some_and(|t| ARTICLES.contains(&t.lower.as_str()))
        {
            j += 1;
        }
        let group = |n: &Token| {
            self.lexicon.organisations.has(n)
                || self.lexicon.speaker_nouns.has(n)
                || self.lexicon.titles.has(n)
        };
        let mut content = false;
        while j < toks.len() && j - start < 10 {
            let t = &toks[j];
            if content && self.description_after_name(j) {
                break;
            }
            if self.nameish(t) || content && super::speaker::particle_name(self, j) {
                // "Yasser al-Yusef", "Mohammed bin Salman"
                j += 1;
                content = true;
            } else if content
                && t.lower == "."
                && toks[j - 1].end == t.start
                && (toks[j - 1].lower.chars().count() == 1 || self.lexicon.titles.has(&toks[j - 1]))
                && self.cap(j + 1)
            {
                // "Gov. Ruth E. Banner", "Brig. Gen. Osric Lamb"
                j += 1;
            } else if content
                && (t.is("of") || t.is("for") || self.lexicon.name_particles.has(t))
                && self.cap(j + 1)
            {
                j += 1;
            } else if content && t.is("and") && self.cap(j - 1) && self.cap(j + 1) {
                // "the Fire and Disaster Management Agency"
                j += 1;
            } else if content
                && t.is("of")
                && toks.get(j + 1).is_some_and(|n| n.is("the"))
                && self.cap(j + 2)
            {
                j += 2;
            } else if t.kind == Kind::Word
                // "said master of ceremonies Asab Al-Tabchi": "of" inside a role
                // ("said flooding around Zahedan …" is content, not a speaker)
                && (!self.closed(t) && !PREPOSITIONS.contains(&t.lower.as_str())
                    || t.is("of") && j > start && !content)
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

    /// Whether a lower-case title at `j` right after a name of two or more
    /// capitalised words opens a description that lost its commas ("said
    /// Nadim Houry deputy director of the …"), rather than standing before
    /// a name of its own ("Human Rights Watch director Kenneth Roth").
    pub(super) fn description_after_name(&self, j: usize) -> bool {
        let titles = &self.lexicon.titles;
        let title = |t: &Token| {
            t.kind == Kind::Word && !t.capitalised(self.src) && titles.contains(t.lower.as_str())
        };
        if j < self.first + 2 || !self.cap(j - 1) || !self.cap(j - 2) {
            return false;
        }
        // ("said Lena Holm's spokesman": an owner's proxy is the speaker)
        let owned = |t: &Token| t.lower.ends_with("'s") || t.lower.ends_with("’s");
        if owned(&self.toks[j - 1]) && self.lexicon.proxies.has(&self.toks[j]) {
            return false;
        }
        // "Idris Nahsen a Kurdish official still in Kobane": an article
        // and up to three words of description before the title
        let j = if ARTICLES.contains(&self.toks[j].lower.as_str()) {
            match (j + 1..self.toks.len().min(j + 5))
                .take_while(|&m| self.toks[m].kind == Kind::Word)
                .find(|&m| title(&self.toks[m]))
            {
                Some(m) => m,
                None => return false,
            }
        } else if title(&self.toks[j]) {
            j
        } else {
            return false;
        };
        let after = self.toks[j..].iter().position(|t| !title(t)).map(|n| j + n);
        !after.is_some_and(|a| self.cap(a))
    }

    /// The words of a speaker mention; a capital that only marks the start
    /// of the sentence is dropped from common nouns ("Police said" → "police").
    /// (The words as written are borrowed from the text: a mention is read
    /// for every cue, and a string per word was most of its allocations.)
    pub(super) fn mention_words(&self, a: usize, b: usize) -> Vec<std::borrow::Cow<'s, str>> {
        let words: Vec<&Token> = self.toks[a..b]
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .collect();
        let common = |t: &Token| {
            self.lexicon.speaker_nouns.has(t)
                || self.lexicon.organisations.has(t)
                || self.lexicon.titles.has(t)
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
                    t.lower.to_string().into()
                } else {
                    t.text(self.src).into()
                }
            })
            .collect()
    }

    /// The end of an apposition starting at `at` (", the deputy minister,"):
    /// the token after its closing comma, or the sentence end when `open_ok`.
    pub(super) fn apposition_end(&self, at: usize, open_ok: bool) -> Option<usize> {
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
