//! Speakers described rather than named: "a longtime adviser to Trump"
//! after a quotation, "a new poll" or "people in attendance" after
//! "according to", and the body a document or spokesman speaks for ("a
//! tally by the Associated Press").

use super::Sent;
use crate::extract::speakers::Registry;
use crate::lang::numbers::is_number_word;
use crate::lang::tokens::{Kind, Token};
use crate::lexicon::grammar::{ARTICLES, CLOSED_CLASS, PREPOSITIONS, SHARE_OPENERS, SHARE_WORDS};

/// `"…," said a longtime GOP data expert who has worked for …`: after a
/// quotation, an inverted cue's speaker may be a description with no name
/// in it. It runs from an article or a possessive to the sentence end, a
/// comma or a relative pronoun, has a noun for its head (not a preposition
/// or a number) and no verb of speech; the mention is the head's phrase.
pub(super) fn after_quote(sent: &Sent, k: usize) -> Option<(usize, usize)> {
    const RELATIVE: &[&str] = &["who", "whose", "which"];
    let toks = sent.toks;
    let closing = |t: &Token| matches!(t.lower.as_str(), "\"" | "”" | "»" | "''");
    let quoted = (k.saturating_sub(2)..k).any(|i| i >= sent.first && closing(&toks[i]));
    let opener = sent.word(k + 1)?;
    if !quoted
        || !(ARTICLES.contains(&opener.lower.as_str())
            || ["his", "her", "their", "another", "one"].contains(&opener.lower.as_str()))
    {
        return None;
    }
    // (at most ten words: a longer run is no description)
    let limit = toks.len().min(k + 12);
    let end = (k + 2..limit)
        .find(|&i| toks[i].kind != Kind::Word || RELATIVE.contains(&toks[i].lower.as_str()))
        .unwrap_or(limit);
    let ended = toks.get(end).is_none_or(|t| {
        matches!(t.lower.as_str(), "." | "," | "!" | "?") || RELATIVE.contains(&t.lower.as_str())
    });
    // the head before its prepositional phrase names the speaker: "a
    // longtime adviser to Trump" is the adviser, never Trump
    let cut = (k + 3..end)
        .find(|&i| PREPOSITIONS.contains(&toks[i].lower.as_str()) || toks[i].is("to"))
        .unwrap_or(end);
    let head = sent.word(cut.checked_sub(1)?)?;
    let plain = (k + 2..end).all(|i| {
        let t = &toks[i];
        t.kind == Kind::Word && !sent.lexicon.reporting_verbs.has(t)
    });
    // ("the 46-year-old" is a head; "one of the 2016" is not)
    let nounish = head.lower.chars().any(char::is_alphabetic)
        && head.lower.chars().all(|c| c.is_alphanumeric() || c == '-')
        && !sent.closed(head)
        && !CLOSED_CLASS.contains(&head.lower.as_str());
    (ended && plain && nounish && cut > k + 2).then_some((k + 1, cut))
}

/// A plain noun phrase at `start` up to a comma, the sentence end or a
/// relative pronoun, of at most a dozen words with no verb of speech: its
/// head before any prepositional phrase ("a new poll", "people" in "people
/// in attendance", "the summary"), or the body a proxy head speaks for ("a
/// tally by the Associated Press").
pub(super) fn plain_np_after(sent: &Sent, start: usize) -> Option<(usize, usize)> {
    const RELATIVE: &[&str] = &["who", "whose", "which", "that"];
    let toks = sent.toks;
    let limit = toks.len().min(start + 13);
    let end = (start..limit)
        .find(|&i| toks[i].kind != Kind::Word || RELATIVE.contains(&toks[i].lower.as_str()))
        .unwrap_or(limit);
    let ended = toks.get(end).is_none_or(|t| {
        matches!(
            t.lower.as_str(),
            "." | "," | "!" | "?" | ";" | ":" | "—" | "–"
        ) || RELATIVE.contains(&t.lower.as_str())
    });
    let plain = (start..end).all(|i| {
        let w = toks[i].lower.as_str();
        !sent.lexicon.reporting_verbs.contains(w) && !sent.lexicon.aux_words.contains(w)
    });
    if !ended || !plain || end <= start {
        return None;
    }
    let cut = (start + 1..end)
        .find(|&i| PREPOSITIONS.contains(&toks[i].lower.as_str()))
        .unwrap_or(end);
    let head = sent.word(cut - 1)?;
    let nounish = head.lower.chars().all(char::is_alphabetic)
        && !sent.closed(head)
        && !CLOSED_CLASS.contains(&head.lower.as_str());
    if !nounish {
        return None;
    }
    let body = proxy_body(sent, (start, cut));
    Some(if body == (start, cut) && sent.lexicon.proxies.has(head) {
        // "a tally by the Associated Press": the body after the proxy
        match toks.get(cut).map(|t| t.lower.as_str()) {
            Some("by" | "from" | "of") => sent.np_after(cut + 1).unwrap_or((start, cut)),
            _ => (start, cut),
        }
    } else {
        body
    })
}

/// The body a proxy speaks for, after "according to": "official figures
/// by ITBP" are ITBP's, "a statement from the ministry" the ministry's.
pub(super) fn proxy_body(sent: &Sent, (a, b): (usize, usize)) -> (usize, usize) {
    let toks = sent.toks;
    let lx = sent.lexicon;
    // "figures released by the election board", "data compiled by …"
    let by = if toks.get(b).is_some_and(|t| lx.published.has(t)) {
        b + 1
    } else {
        b
    };
    let proxy = lx.proxies.has(&toks[b - 1])
        && toks
            .get(by)
            .is_some_and(|t| ["by", "from", "of"].contains(&t.lower.as_str()));
    proxy
        .then(|| sent.np_after(by + 1))
        .flatten()
        .unwrap_or((a, b))
}

/// "Nearly half said …", "73 percent say …", "three in 10 said …",
/// "another 19 percent …": a share of those polled speaks for them. The
/// phrase ending at `end`, with its qualifiers.
pub(super) fn share_before(sent: &Sent, end: usize) -> Option<(usize, usize)> {
    let toks = sent.toks;
    let w = |i: usize| toks[i].lower.as_str();
    let number = |i: usize| i >= sent.first && (toks[i].kind == Kind::Num || is_number_word(w(i)));
    let last = end.checked_sub(1).filter(|&l| l >= sent.first)?;
    let fraction = ["-quarters", "-thirds", "-fourths", "-fifths"]
        .iter()
        .any(|s| w(last).ends_with(s));
    let mut a = if SHARE_WORDS.contains(&w(last)) || fraction {
        last
    } else if matches!(w(last), "percent" | "%") && last > sent.first && number(last - 1) {
        last - 1
    } else if last >= sent.first + 2
        && number(last - 2)
        // "19 per cent", "three in 10"
        && (w(last) == "cent" && w(last - 1) == "per" || number(last) && w(last - 1) == "in")
    {
        last - 2
    } else {
        return None;
    };
    while a > sent.first && SHARE_OPENERS.contains(&w(a - 1)) {
        a -= 1;
    }
    // ("the most telling promise": a superlative, no share)
    if w(last) == "most" && a < last {
        return None;
    }
    Some((a, end))
}

/// A share that opens a sentence or a clause ("…, and three-quarters said
/// the same"): after a verb, "rose 5 percent said" is no speaker.
pub(super) fn share_subject(sent: &Sent, end: usize) -> Option<(usize, usize)> {
    let toks = sent.toks;
    share_before(sent, end).filter(|&(a, _)| {
        a == sent.first
            || matches!(
                toks[a - 1].lower.as_str(),
                "," | ";" | ":" | "and" | "but" | "while" | "whereas" | "“" | "\""
            )
    })
}

/// `"…," Andre Fortier, a vice president with Noranda, which owns the mine
/// said.`: a cue that ends the sentence with no comma before it, after a
/// name set right after the closing quotation mark and described up to the
/// cue, has that name for its speaker.
pub(super) fn name_after_quote(sent: &Sent, j: usize, k: usize) -> Option<(usize, usize)> {
    let toks = sent.toks;
    // the cue ends the sentence, but for a word or two ("told reporters")
    if !sent.ends_within(k + 1, 2) || j == 0 || toks[j - 1].kind != Kind::Word {
        return None;
    }
    let mark = |t: &Token| matches!(t.lower.as_str(), "\"" | "”" | "»");
    // a closing mark: after the quote's last punctuation, or glued to its
    // last word in copy that lost the comma ("…all traffic" Ilse Varto)
    let closing = |i: usize| {
        let p = &toks[i - 1];
        matches!(p.lower.as_str(), "," | "." | "?" | "!")
            || p.kind == Kind::Word && p.end == toks[i].start
    };
    let q = (sent.first + 1..j)
        .rev()
        .take(30)
        .find(|&i| mark(&toks[i]) && closing(i))?;
    let a = q + 1;
    let mut b = a;
    while b < j && (sent.cap(b) || b > a && super::speaker::particle_name(sent, b)) {
        b += 1;
    }
    // the name, then its description after a comma or an article
    let named = (2..=4).contains(&(b - a))
        && toks
            .get(b)
            .is_some_and(|t| t.lower == "," || ARTICLES.contains(&t.lower.as_str()));
    // no other cue or quotation between the description and this cue
    let plain = toks[b..k]
        .iter()
        .all(|t| !mark(t) && !sent.lexicon.reporting_verbs.has(t));
    (named && plain).then_some((a, b))
}

/// Where a name or alias the reference knows ends right before token `j`,
/// opening the sentence or a clause (with its article): the longest such,
/// whatever its case ("Civil protection said", "the coast guard said").
pub(super) fn known_name_before(sent: &Sent, j: usize, registry: &Registry) -> Option<usize> {
    let toks = sent.toks;
    let words = toks[sent.first..j]
        .iter()
        .rev()
        .take(8)
        .take_while(|t| t.kind == Kind::Word)
        .count();
    if words < 2 || !registry.may_end_a_name(&toks[j - 1].lower) {
        return None;
    }
    // (the longest phrase written once: each shorter one is its end)
    let mut phrase = String::new();
    let mut starts = Vec::with_capacity(words);
    for t in &toks[j - words..j] {
        // (a space between every two words, an empty one too: a glued
        // cue split off by an empty cue leaves one)
        if !starts.is_empty() {
            phrase.push(' ');
        }
        starts.push(phrase.len());
        phrase.push_str(&t.lower);
    }
    (2..=words).rev().find_map(|len| {
        let a = j - len;
        if !registry.knows_phrase(&phrase[starts[words - len]..]) {
            return None;
        }
        let prev = sent.prev(a);
        match prev {
            None => Some(a),
            Some(p) if p.kind == Kind::Punct || p.is("and") || p.is("but") => Some(a),
            Some(p) if ARTICLES.contains(&p.lower.as_str()) => {
                let before = sent.prev(a - 1);
                before
                    .is_none_or(|b| b.kind == Kind::Punct)
                    .then_some(a - 1)
            }
            _ => None,
        }
    })
}
