//! Whom a claim is credited to and how surely: named in its sentence, a
//! description, a pronoun, or carried from another sentence.

use super::speech::SpeechEvent;
use super::Claims;
use crate::lexicon::grammar::{self, is_pronoun};
use crate::model::{Attribution, Resolution};

impl Claims<'_> {
    /// The attribution of the claim at `a..b` to the speaker of `e`, with
    /// how the speaker was found.
    pub(super) fn attribution(&self, e: &SpeechEvent, a: usize, b: usize) -> Attribution {
        let src = self.src;
        let entity = &self.registry.entities[e.entity];
        let mention = &src[e.mention.0..e.mention.1];
        Attribution {
            speaker: entity.canonical.clone(),
            mention: mention.to_string(),
            cue: src[e.cue.0..e.cue.1].to_string(),
            source: entity.source.clone(),
            mention_span: Some(e.mention),
            resolved: self.resolution(mention, &entity.canonical, e.mention, a, b),
            also: e
                .also
                .iter()
                .map(|&i| self.registry.entities[i].canonical.clone())
                .filter(|n| *n != entity.canonical)
                .collect(),
        }
    }

    /// Named in the claim's sentence, an alias there, a pronoun, or a
    /// speaker carried from another sentence (a quote's tag after it, the
    /// speaker of the paragraph before).
    fn resolution(
        &self,
        mention: &str,
        canonical: &str,
        at: (usize, usize),
        a: usize,
        b: usize,
    ) -> Resolution {
        let word = crate::lang::lower(mention.trim());
        // (a relative pronoun stands for the phrase before it: read as a
        // pronoun, its speaker is never surer than one)
        if is_pronoun(&word) || grammar::RELATIVE_PRONOUNS.contains(&word.as_ref()) {
            return Resolution::Pronoun;
        }
        // "the statement added": a document stands for whoever issued it
        let head = word.rsplit(' ').next().unwrap_or("");
        if self.lexicon.speech_settings.contains(head) {
            return Resolution::Alias;
        }
        let sentences = self.sentence_of(a)..=self.sentence_of(b.saturating_sub(1).max(a));
        // a tag right after a quoted question or exclamation ("…movie?" Mr
        // Kashyap's lawyer Mihir Desai said.) stands in a sentence of its
        // own, yet names the quote's speaker as surely as ", he said"
        // (a quote that ends with a full stop ends its sentence: a name
        // after it may start the next one)
        let mark = |c: char| matches!(c, '"' | '”' | '’' | '\'' | '»');
        let tag_after = at.0 >= b
            && self.src.get(b..at.0).is_some_and(|gap| {
                gap.chars()
                    .all(|c| c.is_whitespace() || c == '?' || c == '!' || mark(c))
            })
            && self
                .src
                .get(..at.0)
                .and_then(|s| s.trim_end().trim_end_matches(mark).chars().last())
                .is_some_and(|c| matches!(c, ',' | '?' | '!'));
        if !sentences.contains(&self.sentence_of(at.0)) && !tag_after {
            return Resolution::Carried;
        }
        // the mention names the speaker when it holds the canonical name's
        // last word ("Mr Blair" for Tony Blair, "the ministry" for itself)
        // or is a name the reference gives the source
        let last = crate::lang::lower(canonical.split_whitespace().last().unwrap_or(""));
        let names_it = word
            .split_whitespace()
            .any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) == last);
        if self.registry.names_surely(mention) {
            return Resolution::Named;
        }
        // (a mention that does not hold the name is an alias whatever
        // else it is: what makes it a guess is asked only of one that does)
        if last.is_empty() || !names_it {
            return Resolution::Alias;
        }
        // a common noun after an article or a quantifier ("the agency
        // suggests", "a spokesman said", "one point of the release
        // stated") describes someone the reference does not name so: whom
        // it means is a guess
        let described = mention
            .split_whitespace()
            .next()
            .is_some_and(|w| grammar::QUANTIFIERS.contains(&crate::lang::lower(w).as_ref()))
            && !mention
                .split_whitespace()
                .skip(1)
                .any(|w| w.starts_with(char::is_uppercase));
        // (a bare surname two people named in full share is a guess too)
        let shared = !word.contains(' ') && self.registry.surname_shared(&word);
        // ("a spokesman for Ruiz", "a representative to the council": one
        // who speaks for the named, a guess as "Ruiz's spokesman" is)
        let words: Vec<&str> = word.split_whitespace().collect();
        let proxy_for = words
            .windows(2)
            .any(|w| matches!(w[1], "for" | "to") && self.lexicon.proxies.contains(w[0]));
        let guess = described
            || shared
            || proxy_for
            || self.describes(mention) && self.describes(canonical);
        if !guess {
            Resolution::Named
        } else {
            Resolution::Alias
        }
    }

    /// Whether the words describe a speaker by role or group rather than
    /// name one ("Officials", "Rescue officials", "a police spokeswoman",
    /// "Diaz's deputy"): the reference may know them under a name, so whom
    /// they mean is a guess. Their head is a role or a plural group noun in
    /// lower case, or every word is one, in lower case but where the
    /// sentence opens, and none is owned ("Ukraine's military"). A body named in capitals ("the Pentagon", "the UN
    /// human rights office", "a spokesman for the Observatory") is named.
    /// Asked of the mention and of whom it was taken for: "Petra Quill
    /// Tarsk Relief Networks field director" names her.
    fn describes(&self, mention: &str) -> bool {
        let lx = self.lexicon;
        // (each word's lists read from its bits at once)
        let commons = [
            &lx.titles,
            &lx.title_modifiers,
            &lx.speaker_nouns,
            &lx.organisations,
            &lx.proxies,
        ];
        let group = |w: &str| lx.is_group_word(w);
        let common = |w: &str| lx.classes.any_holds(&commons, w);
        let owner = |l: &str| l.ends_with("'s") || l.ends_with("’s");
        // (one pass, nothing collected: asked of most attributions)
        let (mut owned, mut of_or_for, mut all_common) = (false, false, true);
        let mut head = None;
        for (i, w) in mention.split_whitespace().enumerate() {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let l = crate::lang::lower(w);
            if grammar::QUANTIFIERS.contains(&l.as_ref()) {
                continue;
            }
            // (an owner is not the one who speaks: "Diaz's deputy" is
            // someone else, while "Ukraine's military" names a body)
            if owner(&l) {
                owned = true;
                continue;
            }
            of_or_for |= l == "of" || l == "for";
            all_common = all_common && common(&l) && (i == 0 || w.starts_with(char::is_lowercase));
            head = Some((w, l));
        }
        let Some((head, head_lower)) = head else {
            return false;
        };
        let plural = head_lower.ends_with('s') && !head_lower.ends_with("ss");
        let role_head = head.starts_with(char::is_lowercase)
            && (lx.titles.contains(head_lower.as_ref()) || plural && group(&head_lower))
            && !of_or_for;
        let all_common = !owned && all_common;
        role_head || all_common
    }
}
