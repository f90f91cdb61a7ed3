//! Who the article credits against who the reference says: a claim given
//! to the wrong source (`misattributed`), a claim given to no one
//! (`unattributed`), and the words that would credit the right one.

use super::Checker;
use crate::lang::names::normalise_name;
use crate::lexicon::grammar;
use crate::model::{Claim, ClaimKind, Correction, Finding, Resolution, Severity, Status};
use crate::reference::Fact;
use std::sync::Arc;

impl Checker<'_> {
    /// A claim given to another speaker than the reference's `right`. With
    /// the speaker named in the claim's sentence: an error, and the fix puts
    /// the right name in the mention's place. With a speaker found through a
    /// pronoun, a description or another sentence, the speaker may be the
    /// extractor's guess: a warning that says so, and no rewrite.
    /// The words that credit source `want` in place of the mention `given`:
    /// a titled mention ("health minister jorge brancho") is replaced by
    /// the source's titled alias ("Information Minister Marco Lara") when
    /// the reference has one, else by its name.
    fn credit(&self, want: &str, given: &str) -> String {
        let name = self.reference.source_name(want);
        let titles = &self.reference.lexicon.titles;
        let titled = |s: &str| {
            s.split_whitespace()
                .find(|w| !grammar::ARTICLES.contains(&w.to_lowercase().as_str()))
                .is_some_and(|w| titles.contains(w.to_lowercase().trim_end_matches('.')))
        };
        if !titled(given) {
            // a name written as the mention is ("Andy Richards" → "Taha
            // Idris"), else the name without a description after a comma
            // ("Taha Idris, director of …")
            let words = given.split_whitespace().count();
            let capitalised = |a: &str| {
                a.split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase))
            };
            let alias = self
                .reference
                .source(want)
                .into_iter()
                .flat_map(|s| &s.aliases)
                .find(|a| {
                    words > 1
                        && a.split_whitespace().count() == words
                        && capitalised(a)
                        && capitalised(given)
                        && !titled(a)
                });
            let described = name
                .split_once(", ")
                .filter(|(_, d)| d.starts_with(char::is_lowercase));
            return alias
                .cloned()
                .or_else(|| described.map(|(n, _)| n.to_string()))
                .unwrap_or(name);
        }
        self.reference
            .source(want)
            .into_iter()
            .flat_map(|s| &s.aliases)
            .filter(|a| titled(a) && a.ends_with(name.as_str()))
            .max_by_key(|a| a.len())
            .cloned()
            .unwrap_or(name)
    }

    /// The fix that swaps only the words where the mention (at byte `at`)
    /// differs from one of the right source's names: they must share words
    /// at its start or end, and each side must have words in between.
    fn changed_words(&self, want: &str, mention: &str, at: usize) -> Option<Correction> {
        let words = |s: &str| -> Vec<(usize, String)> {
            s.split_whitespace()
                .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w.to_string()))
                .collect()
        };
        let given = words(mention);
        // (a curly apostrophe is the straight one: "Clinton’s" is the
        // reference's "Clinton's", and stays as the article writes it)
        let same = |a: &str, b: &str| {
            a.to_lowercase().replace('’', "'") == b.to_lowercase().replace('’', "'")
        };
        let source = self.reference.source(want)?;
        std::iter::once(&source.name)
            .chain(&source.aliases)
            .filter_map(|name| {
                let right = words(name);
                let n = given.len().min(right.len());
                let head = (0..n)
                    .take_while(|&i| same(&given[i].1, &right[i].1))
                    .count();
                let tail = (0..n - head)
                    .take_while(|&i| {
                        same(&given[given.len() - 1 - i].1, &right[right.len() - 1 - i].1)
                    })
                    .count();
                let (g, r) = (
                    &given[head..given.len() - tail],
                    &right[head..right.len() - tail],
                );
                if head + tail == 0 || g.is_empty() || r.is_empty() {
                    return None;
                }
                let (first, last) = (&g[0], &g[g.len() - 1]);
                let replacement = r.iter().map(|w| w.1.as_str()).collect::<Vec<_>>().join(" ");
                Some((
                    head + tail,
                    at + first.0,
                    at + last.0 + last.1.len(),
                    replacement,
                ))
            })
            // most shared words; among equals the fewest words written
            .max_by_key(|c| (c.0, std::cmp::Reverse(c.3.len())))
            .map(|(_, start, end, replacement)| Correction {
                start,
                end,
                replacement,
            })
    }

    pub(super) fn misattributed(
        &self,
        c: &Arc<Claim>,
        id: &str,
        want: &str,
        message: String,
    ) -> Finding {
        let right = self.reference.source_name(want);
        let given = c.attribution.as_ref();
        let mut f = self.finding(
            Status::Misattributed,
            Some(id),
            Some(c),
            Some(right.clone()),
            Some(given.map_or(String::new(), |a| a.speaker.clone())),
            message,
        );
        // the right source named in the sentence too, outside the claim's
        // own words: more likely the extractor took the wrong name ("Lama
        // Fakih HRW's director for North Africa said") than a wrong credit
        let named_too = given.is_some_and(|a| {
            let outside = match (&c.quote, &c.content) {
                (Some(w), _) | (None, Some(w)) => c.text.replacen(w.as_str(), " ", 1),
                _ => c.text.clone(),
            };
            // by name, and more than the words taken for the speaker ("the
            // Directorate of Health in east Aleppo" around "Aleppo"); a
            // description the reference lists as an alias ("head of tracing
            // in Wambo") may be what a wrong name was put before
            let surname = right.rsplit(' ').next().unwrap_or("").to_lowercase();
            let beside = self.named_in(want, &outside).is_some_and(|n| {
                normalise_name(&n) != normalise_name(&a.mention)
                    && super::place::contains_word(&n.to_lowercase(), &surname)
            });
            // the speaker taken is a part of the right name the sentence
            // gives ("the Fire" of "the Fire and Disaster Management Agency")
            let part = self.named_in(want, &c.text).is_some_and(|n| {
                let name = normalise_name(&n);
                let words: Vec<&str> = name.split(' ').collect();
                normalise_name(&a.mention)
                    .split(' ')
                    .all(|w| !w.is_empty() && words.contains(&w))
            });
            // the mention itself names the right source: "Observatory chief
            // Rami Abdel Rahman" speaks for the Observatory
            // (with up to three words before it)
            let titled = c
                .text
                .find(a.mention.as_str())
                .map_or(a.mention.as_str(), |at| {
                    let from = c.text[..at]
                        .trim_end()
                        .rsplitn(4, char::is_whitespace)
                        .nth(3)
                        .map_or(0, str::len);
                    &c.text[from..at + a.mention.len()]
                });
            let affiliated = self.named_bare_in(want, titled);
            // a report of the right source's words ("CNN reported that night
            // Petraeus testifies the attack was …", "“… as Erica said the
            // other day, ‘…’” Clinton concluded"): the reported words name
            // who said them
            let nested = c
                .content
                .as_ref()
                .or(c.quote.as_ref())
                .is_some_and(|w| self.named_in(want, w).is_some());
            beside || part || affiliated || nested
        });
        // the right speaker holds a post in the body the article credits
        // ("The federation said … “potentially confrontational”" for the
        // words of "Police Federation chairman Jan Berry"): the body may
        // speak through its officer, so the credit is no sure error
        let right_norm = normalise_name(&right);
        let right_words: Vec<&str> = right_norm.split(' ').collect();
        // (the words of `name` that are a part of the right name's, when
        // all are and they are fewer)
        let part_of_right = |name: &str| {
            let name = normalise_name(name);
            let words: Vec<String> = name
                .split(' ')
                .filter(|w| !w.is_empty() && !grammar::ARTICLES.contains(w))
                .map(String::from)
                .collect();
            (!words.is_empty()
                && words.len() < right_words.len()
                && words.iter().all(|w| right_words.contains(&w.as_str())))
            .then_some(words)
        };
        let speaks_for = given.is_some_and(|a| {
            // (not the right name's last word: "Clinton" for "Bill
            // Clinton" is the person, not a body he speaks for)
            part_of_right(&a.speaker).is_some_and(|body| {
                right_words
                    .last()
                    .is_some_and(|l| !body.iter().any(|w| w == l))
            })
        });
        // the mention is a part of the right name that names no source of
        // its own ("Smith" where the reference has several Smiths, this
        // one among them): it may well be them, so no sure error
        let may_be = given
            .is_some_and(|a| part_of_right(&a.mention).is_some() && self.speaker_id(c).is_none());
        match given {
            Some(a) if may_be && !named_too => {
                f.severity = f.severity.min(Severity::Warning);
                f.message = format!(
                    "The article gives this to {}, which may be {right}, who the reference has it from, or another of that name; check who said it, and name them in full.",
                    a.mention
                );
            }
            Some(a) if speaks_for && !named_too => {
                f.severity = f.severity.min(Severity::Warning);
                f.message = format!(
                    "The article gives this to {}; the reference has it from {right}, who speaks for them; check who said it.",
                    a.speaker
                );
            }
            Some(a) if named_too => {
                f.severity = f.severity.min(Severity::Warning);
                f.message = format!(
                    "The article seems to give this to {} (“{}”), but the sentence also names {right}, who the reference has it from; check who said it.",
                    a.speaker, a.mention
                );
            }
            Some(a) if a.resolved.is_sure() => {
                // only the wrong words of a name the reference knows in
                // full: "the Iranian news agency INA" → "IRNA" in place
                if let Some(fix) = a
                    .mention_span
                    .and_then(|(start, _)| self.changed_words(want, &a.mention, start))
                {
                    f.correction = Some(fix);
                    return f;
                }
                // a name with a description that lost its commas after it
                // ("Redur Khalil Human Rights Watchs"): only the name is wrong
                if let Some((start, _)) = a.mention_span.filter(|_| {
                    a.mention.len() > a.speaker.len()
                        && a.mention.starts_with(&a.speaker)
                        && a.mention[a.speaker.len()..].starts_with(' ')
                }) {
                    f.correction = Some(Correction {
                        start,
                        end: start + a.speaker.len(),
                        replacement: self.reference.source_name(want),
                    });
                    return f;
                }
                let replacement = self.credit(want, &a.mention);
                // a fix replaces a wrong name; one that only wraps the
                // mention in more words ("the Army" → "a spokesman for the
                // Army") adds words the article may already have around it
                let wraps = format!(" {} ", normalise_name(&replacement))
                    .contains(&format!(" {} ", normalise_name(&a.mention)));
                if !wraps {
                    f.correction = a.mention_span.map(|(start, end)| Correction {
                        start,
                        end,
                        replacement,
                    });
                }
            }
            Some(a) => {
                f.severity = f.severity.min(Severity::Warning);
                f.message = format!(
                    "The article seems to give this to {} (“{}”, {}); the reference has it from {right}.",
                    a.speaker,
                    a.mention,
                    match a.resolved {
                        Resolution::Pronoun => "a pronoun",
                        Resolution::Carried => "a speaker from another sentence",
                        Resolution::Contrast => "the speaker of the words before a contrast",
                        Resolution::Citation => "a citation",
                        _ => "a description",
                    }
                );
            }
            None => {}
        }
        f
    }

    pub(super) fn unattributed(
        &self,
        c: &Arc<Claim>,
        fact: Option<&Fact>,
        required: bool,
        out: &mut Vec<Finding>,
    ) {
        // a citation marker ("…,[9]") sources a figure, but a fact whose
        // source must be named wants the name in the text
        let cited = c
            .attribution
            .as_ref()
            .is_some_and(|a| a.resolved == Resolution::Citation);
        // the speaker of the words before ", while …" is no source for a
        // figure the reference has from someone else: the clause has none
        let foil = c
            .attribution
            .as_ref()
            .is_some_and(|a| a.resolved == Resolution::Contrast)
            && fact
                .and_then(|f| f.source.as_ref())
                .is_some_and(|s| self.speaker_id(c).as_ref() != Some(s));
        if c.attribution.is_some() && !(cited && required) && !foil {
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
        if cited {
            // the footnote may well name the source: a warning, not a failure
            f.message = f.message.replacen(
                "has no source in the article",
                "has only a citation marker for a source",
                1,
            );
            out.push(f);
            return;
        }
        if required {
            match fact.and_then(|f| self.source_named_in(f, &c.text)) {
                // the source is there; the extractor did not tie it to the
                // figure (an unusual construction): not sure enough to fail
                Some(name) => {
                    f.message = format!(
                        "The {what}'s source is not clear: {name} is named in the sentence, but not as the one who gives it."
                    );
                }
                // a sentence that reports someone ("…, a source at the
                // church radio said", "according to an Observatory toll")
                // has a source the extractor did not tie: not sure enough
                None if self.reports_someone(&match &c.quantity {
                    // "claimed the lives of" reports no one
                    Some(q) => c.text.replacen(q.phrase.as_str(), " ", 1),
                    None => c.text.clone(),
                }) =>
                {
                    f.message = format!(
                        "The {what}'s source is not clear: the sentence reports someone, but not as the one who gives it."
                    );
                }
                None => f.severity = self.severity(Status::Unattributed, Severity::Error),
            }
        }
        out.push(f);
    }

    /// Whether a sentence holds a reporting verb or "according to".
    fn reports_someone(&self, sentence: &str) -> bool {
        sentence.to_lowercase().contains("according to") || self.reporting_verb_in(sentence)
    }

    /// Whether `text` holds a reporting verb of the lexicon, in any case.
    pub(super) fn reporting_verb_in(&self, text: &str) -> bool {
        let lx = &self.reference.lexicon;
        text.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| lx.reporting_verbs.contains(w))
    }

    /// Whether the claim's speaker shares it with source `want`, joined by
    /// "and" in the sentence ("Both the JMA and the JTWC reported …"): a
    /// claim made by both is no misattribution to either.
    pub(super) fn credited_jointly(&self, c: &Claim, want: &str) -> bool {
        let Some(a) = &c.attribution else {
            return false;
        };
        let Some(names) = self.source_names(want) else {
            return false;
        };
        let names: Vec<String> = names.map(|n| n.to_lowercase()).collect();
        // the extractor found the joined subjects
        if a.also.iter().any(|n| {
            let n = normalise_name(n);
            names.iter().any(|m| normalise_name(m) == n)
        }) {
            return true;
        }
        let text = c.text.to_lowercase();
        let mention = a.mention.to_lowercase();
        let boundary = |s: &str| !s.ends_with(|ch: char| ch.is_alphanumeric());
        text.match_indices(&mention).any(|(at, _)| {
            let before = text[..at].trim_end();
            let after = text[at + mention.len()..].trim_start();
            names.iter().any(|n| {
                // "The Observatory and local Kurdish officials said":
                // a word or two may describe the mention after "and"
                let ahead = std::iter::successors(Some(before), |b| {
                    b.rsplit_once(' ').map(|(rest, _)| rest.trim_end())
                })
                .take(3)
                .any(|b| {
                    b.strip_suffix("and")
                        .filter(|b| boundary(b))
                        .map(str::trim_end)
                        .and_then(|b| b.strip_suffix(n.as_str()))
                        .is_some_and(boundary)
                });
                let behind = after
                    .strip_prefix("and ")
                    .map(str::trim_start)
                    .and_then(|r| r.strip_prefix(n.as_str()))
                    .is_some_and(|r| !r.starts_with(|ch: char| ch.is_alphanumeric()));
                ahead || behind
            })
        })
    }

    /// The fact's source as `text` names it (its name or an alias, whole
    /// words, any case), if it does.
    fn source_named_in(&self, fact: &Fact, text: &str) -> Option<String> {
        self.named_in(fact.source.as_ref()?, text)
    }

    /// Source `id`'s name and aliases, as the reference writes them.
    pub(super) fn source_names(&self, id: &str) -> Option<impl Iterator<Item = &String>> {
        let source = self.reference.source(id)?;
        Some(std::iter::once(&source.name).chain(&source.aliases))
    }

    /// Whether `text` names source `id` with or without its article ("The
    /// Observatory" in "Observatory chief Rami Abdel Rahman").
    fn named_bare_in(&self, id: &str, text: &str) -> bool {
        let text = text.to_lowercase();
        self.source_names(id).is_some_and(|mut names| {
            names.any(|n| {
                let n = n.to_lowercase();
                super::place::contains_word(&text, n.strip_prefix("the ").unwrap_or(&n))
            })
        })
    }

    /// Source `id` as `text` names it (its name or an alias, whole words,
    /// any case), if it does.
    pub(super) fn named_in(&self, id: &str, text: &str) -> Option<String> {
        let text = text.to_lowercase();
        self.source_names(id)?
            .find(|n| super::place::contains_word(&text, &n.to_lowercase()))
            .cloned()
    }
}

/// One speaker's words that several misattributions would rewrite to
/// different names ("Bill Smith said 2,400 residents were evacuated and
/// 143 people were killed", the one count Ann Smith's, the other Cara
/// Diaz's): no fix can be right for both, and two overlapping fixes
/// would mangle the text. Warnings, without a fix.
pub(super) fn one_fix_per_mention(out: &mut [Finding]) {
    let mention = |f: &Finding| {
        f.claim
            .as_ref()
            .and_then(|c| c.attribution.as_ref())
            .and_then(|a| a.mention_span)
    };
    let mut fixes: std::collections::HashMap<(usize, usize), Vec<String>> = Default::default();
    for f in out.iter().filter(|f| f.status == Status::Misattributed) {
        if let (Some(m), Some(c)) = (mention(f), &f.correction) {
            fixes.entry(m).or_default().push(c.replacement.clone());
        }
    }
    for f in out.iter_mut().filter(|f| f.status == Status::Misattributed) {
        let torn = mention(f)
            .and_then(|m| fixes.get(&m))
            .is_some_and(|r| r.iter().any(|x| *x != r[0]));
        if torn && f.correction.is_some() {
            f.severity = f.severity.min(Severity::Warning);
            f.correction = None;
            f.message.push_str(
                " The same words credit other claims the reference has from someone else, so no one name fits them all: check who said each.",
            );
        }
    }
}
