//! Statements: reported speech against the reference's statements, with
//! inflection and small gaps allowed, and the speaker checked.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::sync::Arc;

use super::words::{content_word, content_word_parts, content_words};
use super::Checker;
use crate::lexicon::Lexicon;
use crate::limits::MAX_STATEMENT_CANDIDATES;
use crate::model::{Claim, Finding, Status};
use crate::reference::RefStatement;

/// The fewest letters two forms of a word share at their start.
const STEM: usize = 4;

/// Two forms of one word ("negotiate", "negotiations"): equal, or sharing
/// all but two letters of the shorter, and at least [`STEM`].
fn same_stem(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // (most pairs differ in their first letter, so share no stem)
    if a.as_bytes().first() != b.as_bytes().first() {
        return false;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    shorter >= STEM && common >= shorter.saturating_sub(2).max(STEM)
}

/// What two words that [`same_stem`] joins have in common: their first
/// [`STEM`] letters, or the whole of a shorter word (which must be equal).
fn stem_key(w: &str) -> &str {
    w.char_indices().nth(STEM).map_or(w, |(i, _)| &w[..i])
}

/// A stem key of ASCII bytes as one number: its first [`STEM`] bytes
/// lower-cased, zeros past its end (no word holds a zero byte).
fn packed_key(key: &[u8]) -> u32 {
    const _: () = assert!(STEM <= 4, "a key packs into four bytes");
    let mut b = [0u8; 4];
    for (to, from) in b.iter_mut().zip(key) {
        *to = from.to_ascii_lowercase();
    }
    u32::from_le_bytes(b)
}

/// The index's ASCII keys packed ([`packed_key`]), sorted: what an ASCII
/// content's words are looked for in, without a copy of any.
pub(super) fn packed_keys(index: &super::names::HashMap<String, Vec<usize>>) -> Vec<u32> {
    let mut keys: Vec<u32> = index
        .keys()
        .filter(|k| k.is_ascii() && k.len() <= STEM)
        .map(|k| packed_key(k.as_bytes()))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Whether a word of ASCII `content` ([`content_word_parts`]: a run of
/// letters, digits and apostrophes) has its stem key among `keys`: most
/// contents of an archive have none, and are read here byte by byte, not
/// word by word.
fn holds_a_key(content: &[u8], keys: &[u32], initials: &[bool; 256]) -> bool {
    // (a table, for a loop of few instructions a byte)
    const IN_WORD: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 256 {
            t[b] = (b as u8).is_ascii_alphanumeric() || b == b'\'' as usize;
            b += 1;
        }
        t
    };
    let mut i = 0;
    while i < content.len() {
        if !IN_WORD[usize::from(content[i])] {
            i += 1;
            continue;
        }
        let start = i;
        while i < content.len() && IN_WORD[usize::from(content[i])] {
            i += 1;
        }
        // (a key's first byte is lower-case: most words' is no key's)
        let first = usize::from(content[start].to_ascii_lowercase());
        if initials[first]
            && (keys.binary_search(&packed_key(&content[start..i.min(start + STEM)]))).is_ok()
        {
            return true;
        }
    }
    false
}

/// The first bytes of the index's keys, as a table.
pub(super) fn initials(index: &super::names::HashMap<String, Vec<usize>>) -> [bool; 256] {
    let mut t = [false; 256];
    for key in index.keys() {
        if let Some(&b) = key.as_bytes().first() {
            t[usize::from(b)] = true;
        }
    }
    t
}

/// The [`stem_key`] of a word as written once [`content_word`] reads it,
/// in `buf`: for ASCII, its first letters lower-cased, no copy of the rest.
fn word_stem_key<'b>(w: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    if w.is_ascii() {
        buf.push_str(&w[..w.len().min(STEM)]);
        buf.make_ascii_lowercase();
    } else {
        buf.push_str(stem_key(&content_word(w)));
    }
    buf
}

/// Whether a word's stem key is a word most sentences hold ("with" of
/// "withdrawals", "not" itself): a function word, a small word or
/// a cue, which would file the statement under nearly every claim.
fn common_key(lx: &Lexicon, w: &str) -> bool {
    let key = stem_key(w);
    lx.is_small_word(key)
        || lx.reporting_verbs.contains(key)
        || crate::lexicon::grammar::CLOSED_CLASS.contains(&key)
}

/// Each statement under the stem key of one word every content that says
/// it must hold, in reference order: the rarest of its words past the
/// first that may not be left out (small words may) — among the rarest,
/// one whose key is no common word, the longest (long words are the rare
/// ones in text) — else its first word (and its first word after a cue it
/// opens with). A claim is then compared only with the statements filed
/// under its own words.
pub(super) fn statement_index(
    lx: &Lexicon,
    statements: &[(&RefStatement, Vec<String>)],
) -> super::names::HashMap<String, Vec<usize>> {
    // (needed whether or not the statement opens with a cue: "that" after
    // the cue is not)
    let needed = |s: &[String]| -> Vec<usize> {
        (1..s.len())
            .filter(|&i| !(lx.is_small_word(&s[i]) || i == 1 && s[1] == "that"))
            .collect()
    };
    let mut df: HashMap<&str, usize> = HashMap::new();
    for (_, s) in statements {
        for w in s {
            *df.entry(stem_key(w)).or_default() += 1;
        }
    }
    let mut index: super::names::HashMap<String, Vec<usize>> = Default::default();
    for (i, (_, s)) in statements.iter().enumerate() {
        let keys: Vec<&str> = match needed(s).into_iter().min_by_key(|&k| {
            (
                df[stem_key(&s[k])],
                common_key(lx, &s[k]),
                Reverse(s[k].len()),
                k,
            )
        }) {
            Some(k) => vec![stem_key(&s[k])],
            None => {
                let mut firsts: Vec<&str> = s.first().map(|w| stem_key(w)).into_iter().collect();
                if s.len() > 2 && lx.reporting_verbs.contains(s[0].as_str()) {
                    firsts.push(stem_key(if s[1] == "that" { &s[2] } else { &s[1] }));
                }
                firsts
            }
        };
        for key in keys {
            let list = index.entry(key.to_string()).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    index
}

/// Where `content` says `says`: its words in order, inflection allowed,
/// at most two extra words between any two. Returns the first word's index.
fn says_at(lx: &Lexicon, c: &[String], s: &[String]) -> Option<usize> {
    // a reference that wrote the cue with the words ("denied security
    // services were involved", "said that …") still means the words
    if s.len() > 2 && lx.reporting_verbs.contains(s[0].as_str()) {
        let rest = if s[1] == "that" { &s[2..] } else { &s[1..] };
        if let Some(at) = says_in_order(lx, c, rest) {
            return Some(at);
        }
    }
    says_in_order(lx, c, s)
}

/// Where `content` holds the words `s` in order (see `says_at`).
fn says_in_order(lx: &Lexicon, c: &[String], s: &[String]) -> Option<usize> {
    if s.is_empty() {
        return None;
    }
    (0..c.len()).find(|&start| {
        if !same_stem(&c[start], &s[0]) {
            return false;
        }
        let mut pos = start;
        for w in &s[1..] {
            match (pos + 1..c.len().min(pos + 4)).find(|&p| same_stem(&c[p], w)) {
                Some(p) => pos = p,
                // small words may be left out: "declare neutrality" says "declare its neutrality"
                None if lx.is_small_word(w) => {}
                None => return false,
            }
        }
        true
    })
}

impl<'r> Checker<'r> {
    pub(super) fn statement(
        &self,
        c: &Arc<Claim>,
        figures: &[(usize, usize)],
        out: &mut Vec<Finding>,
    ) {
        let Some(content) = &c.content else { return };
        // the speaker's own statement first, then anyone's (a misattribution)
        // (only the statements whose first word the content holds)
        // (each word's list is in reference order, so the first of them
        // all are among the first of each)
        let mut key = String::new();
        // (an ASCII word's key is its first letters lower-cased: where no
        // key stands in the content, no word has one)
        let may_hold = !content.is_ascii()
            || holds_a_key(
                content.as_bytes(),
                &self.statement_keys,
                &self.statement_initials,
            );
        let mut candidates: Vec<usize> = content_word_parts(content)
            .take_while(|_| may_hold)
            // (an ASCII word's key starts with its first letter lower-cased)
            .filter(|w| {
                !w.is_ascii()
                    || self.statement_initials[usize::from(w.as_bytes()[0].to_ascii_lowercase())]
            })
            .filter_map(|w| self.statement_index.get(word_stem_key(w, &mut key)))
            .flat_map(|list| list.iter().take(MAX_STATEMENT_CANDIDATES))
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        // (a hostile reference of thousands of statements alike)
        candidates.truncate(MAX_STATEMENT_CANDIDATES);
        // (most contents have no candidate: their words are not copied)
        let words = if candidates.is_empty() {
            Vec::new()
        } else {
            content_words(content)
        };
        let matching = || {
            candidates
                .iter()
                .map(|&i| &self.statements[i])
                .filter_map(|(s, says)| Some((*s, says_at(&self.reference.lexicon, &words, says)?)))
        };
        // (only a statement with candidates asks whose it is)
        let speaker = if candidates.is_empty() {
            None
        } else {
            self.speaker_id(c)
        };
        let own = matching().find(|(s, _)| speaker.as_deref() == Some(s.speaker.as_str()));
        let Some((rs, at)) = own.or_else(|| matching().next()) else {
            // a statement that carries a figure is judged by the figure
            // figures are sorted by where they start: the first at or after the statement
            let i = figures.partition_point(|&(a, _)| a < c.span.start);
            if figures.get(i).is_none_or(|&(_, b)| b > c.span.end) {
                out.push(self.finding(
                    Status::Unverified,
                    None,
                    Some(c),
                    None,
                    Some(content.clone()),
                    "No reference statement covers this.".into(),
                ));
            }
            return;
        };
        let right = self.reference.source_name(&rs.speaker);
        // speech inside speech: "Haddad reported that political observers
        // there said …" — the words are the inner speaker's, whom the
        // content names before them
        let before = &words[..at];
        let nested = before
            .iter()
            .any(|w| self.reference.lexicon.reporting_verbs.contains(w.as_str()));
        let inner_is_right = nested && self.named_in(&rs.speaker, &before.join(" ")).is_some();
        if speaker.as_deref() == Some(rs.speaker.as_str())
            || self.credited_jointly(c, &rs.speaker)
            || inner_is_right
        {
            out.push(self.finding(
                Status::Match,
                Some(&rs.id),
                Some(c),
                Some(format!("{right}: {}", rs.says)),
                Some(content.clone()),
                format!("The statement matches what {right} said."),
            ));
        } else {
            let given = c
                .attribution
                .as_ref()
                .map_or(String::new(), |a| a.speaker.clone());
            // "Ann Smith said the governor had ordered an inquiry": the
            // content names the one the reference has it from, by name or
            // by a title their aliases hold; the article may report what
            // they did, not credit their words to another
            let titles = |id: &str| -> Vec<String> {
                self.source_names(id)
                    .into_iter()
                    .flatten()
                    .flat_map(|n| n.split_whitespace())
                    .map(str::to_lowercase)
                    .filter(|w| self.reference.lexicon.titles.contains(w.as_str()))
                    .collect()
            };
            let about_them = || {
                self.named_in(&rs.speaker, &before.join(" ")).is_some()
                    || titles(&rs.speaker).iter().any(|t| before.contains(t))
            };
            // (the inner speaker, not `given`, is the one the article
            // credits: a guess about who that is is no error)
            let guess = if nested {
                Some(format!("In what {given} reports, someone else speaks; the reference has this from {right}; check who said it."))
            } else if about_them() {
                Some(format!("{given} speaks of {right} here, whom the reference has this from: the article may report what they did or said; check who said it."))
            } else {
                None
            };
            if let Some(message) = guess {
                let mut f = self.misattributed(c, &rs.id, &rs.speaker, String::new());
                f.severity = f.severity.min(crate::model::Severity::Warning);
                f.correction = None;
                f.message = message;
                out.push(f);
                return;
            }
            let message = format!("The statement is given to {given} but {right} made it.");
            out.push(self.misattributed(c, &rs.id, &rs.speaker, message));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A word's key read without a copy is the key of its content
        /// form, for ASCII and other words alike.
        #[test]
        fn word_stem_key_is_the_content_words_key(w in "[A-Za-z'’ÉéİßΣσ0-9]{1,9}") {
            let mut buf = String::new();
            let full = content_word(&w);
            proptest::prop_assert_eq!(word_stem_key(&w, &mut buf), stem_key(&full));
        }

        /// An ASCII content holds a key, read byte by byte, exactly when
        /// one of its words' keys is in the index (word by word).
        #[test]
        fn a_key_is_held_as_the_words_hold_it(
            content in "[A-Za-z0-9' ,.\n-]{0,40}|((war|Wars|talk|TALKS|ne|Neut|'t|x|9|Don)( |,|-|'|s)){0,20}",
            keys in proptest::collection::vec("war|talk|ne|neut|'t|x|9|a|don'|zzzz", 0..5),
        ) {
            let index: super::super::names::HashMap<String, Vec<usize>> =
                keys.iter().map(|k| (k.clone(), vec![0])).collect();
            let mut buf = String::new();
            let by_words = content_word_parts(&content)
                .any(|w| index.contains_key(word_stem_key(w, &mut buf)));
            let (packed, initials) = (packed_keys(&index), initials(&index));
            proptest::prop_assert_eq!(holds_a_key(content.as_bytes(), &packed, &initials), by_words);
        }
    }

    /// A statement is filed under a word that is rare in text, not under
    /// a stem most sentences hold ("with" of "withdrawals"), and a content
    /// that says it holds that key.
    #[test]
    fn a_statement_is_filed_under_a_rare_word() {
        let lx = Lexicon::default_ref();
        let says = [
            "observed withdrawals of some Russian units",
            "could not corroborate the report",
            "denied that troops had left",
        ];
        let refs: Vec<RefStatement> = says
            .iter()
            .enumerate()
            .map(|(i, s)| RefStatement {
                id: format!("s{i}"),
                speaker: "a".into(),
                says: s.to_string(),
            })
            .collect();
        let statements: Vec<(&RefStatement, Vec<String>)> =
            refs.iter().map(|r| (r, content_words(&r.says))).collect();
        let index = statement_index(lx, &statements);
        for key in index.keys() {
            assert!(!common_key(lx, key), "{key} in {index:?}");
        }
        let content = content_words("the army observed the withdrawals of some Russian units");
        let mut buf = String::new();
        let filed = content
            .iter()
            .filter_map(|w| index.get(word_stem_key(w, &mut buf)))
            .flatten()
            .any(|&i| i == 0);
        assert!(filed, "{index:?}");
        assert!(says_at(lx, &content, &statements[0].1).is_some());
    }

    #[test]
    fn statements_allow_inflection_and_gaps() {
        let says_match = |c: &str, s: &str| {
            says_at(Lexicon::default_ref(), &content_words(c), &content_words(s)).is_some()
        };
        assert!(says_match(
            "his country was prepared to declare its neutrality",
            "prepared to declare its neutrality"
        ));
        assert!(says_match(
            "Ukraine is preparing to declare neutrality",
            "prepared to declare its neutrality"
        ));
        assert!(!says_match(
            "Ukraine will never be neutral",
            "prepared to declare its neutrality"
        ));
        // the reference wrote the cue with the words
        assert!(says_match(
            "the security services were involved",
            "denied security services were involved"
        ));
        assert!(says_match(
            "the talks would resume",
            "said that the talks would resume"
        ));
    }
}
