//! "The number affected and homeless had risen to 1.1 million and roughly
//! 100,000 respectively": a list of numbers paired, in order, with a list
//! of nouns before them. Read one by one, every number takes the metric of
//! the noun nearest it, so the 1.1 million affected became homeless.

use super::lead::qualifier_before;
use super::QuantityHit;
use crate::extract::speech::Sent;
use crate::lang::numbers::{parse_at, NumberPhrase};
use crate::lang::tokens::Kind;
use crate::lexicon::Lexicon;

/// The numbers of a "respectively" list and the metric each one takes
/// (none for a noun that names no metric: "affected").
pub(super) struct Respectively {
    /// First token of each number, in order.
    starts: Vec<usize>,
    metrics: Vec<Option<String>>,
}

impl Respectively {
    /// The metric the number starting at token `i` takes: `None` when it is
    /// not in the list, `Some(None)` when it counts nothing of ours.
    pub(super) fn metric_of(&self, i: usize) -> Option<Option<&str>> {
        let k = self.starts.iter().position(|&s| s == i)?;
        Some(self.metrics[k].as_deref())
    }

    /// The number's hit with the list's metric; the subject is the noun's,
    /// so none is carried over from a neighbour.
    pub(super) fn hit(
        &self,
        sent: &Sent,
        n: &NumberPhrase,
        metric: &str,
        lx: &Lexicon,
    ) -> QuantityHit {
        let toks = sent.toks;
        let (qualifier, q_start) = qualifier_before(sent, n, lx);
        QuantityHit {
            end_tok: n.last,
            phrase: (toks[q_start].start, toks[n.last - 1].end),
            qualifier_start: toks[q_start].start,
            number: n.clone(),
            metric: metric.to_string(),
            subject: None,
            qualifier,
            place: None,
            part: false,
            total: false,
        }
    }
}

/// The sentence's "respectively" list: two or more numbers joined by
/// commas and "and" right before the word, and as many nouns joined the
/// same way before the numbers ("dead and injured", "killed, injured and
/// missing"), at most a few words apart.
pub(super) fn list(sent: &Sent, lx: &Lexicon) -> Option<Respectively> {
    let toks = sent.toks;
    let r = (sent.first..toks.len()).find(|&i| toks[i].is("respectively"))?;
    // the numbers before it, each with its qualifier
    let mut numbers: Vec<(usize, usize, usize)> = Vec::new(); // (qualifier start, start, end)
    let mut i = sent.first;
    while i < r {
        match parse_at(sent.src, toks, i) {
            Some(n) if n.last <= r => {
                let (_, q) = qualifier_before(sent, &n, lx);
                numbers.push((q, i, n.last));
                i = n.last.max(i + 1);
            }
            _ => i += 1,
        }
    }
    let joins = |a: usize, b: usize| toks[a..b].iter().all(|t| t.lower == "," || t.is("and"));
    let (_, _, last_end) = *numbers.last()?;
    if !joins(last_end, r) {
        return None;
    }
    let mut k = numbers.len() - 1;
    while k > 0 && numbers[k - 1].2 < numbers[k].0 && joins(numbers[k - 1].2, numbers[k].0) {
        k -= 1;
    }
    let numbers = &numbers[k..];
    if numbers.len() < 2 {
        return None;
    }
    let nouns = noun_list(sent, numbers[0].0, numbers.len())?;
    Some(Respectively {
        starts: numbers.iter().map(|n| n.1).collect(),
        metrics: nouns
            .iter()
            .map(|&w| word_metric(&toks[w].lower, lx))
            .collect(),
    })
}

/// The last list of `count` single words joined by commas and "and" that
/// ends within six tokens before token `before`: the token of each word.
fn noun_list(sent: &Sent, before: usize, count: usize) -> Option<Vec<usize>> {
    let toks = sent.toks;
    let word = |i: usize| toks[i].kind == Kind::Word && !toks[i].is("and");
    let from = before.saturating_sub(7).max(sent.first);
    (from..before).rev().find_map(|end| {
        // words at end, end-2, end-4 …: "a , b and c" / "a and b"
        let mut words = vec![end];
        let mut j = end;
        while words.len() < count {
            let sep = j.checked_sub(1)?;
            let w = j.checked_sub(2)?;
            if w < sent.first || !(toks[sep].lower == "," || toks[sep].is("and")) || !word(w) {
                return None;
            }
            words.push(w);
            j = w;
        }
        // the last join is "and"; the list is whole (no word joined before it)
        let whole = j < 2 + sent.first || !(toks[j - 1].lower == "," || toks[j - 1].is("and"));
        let and_last = toks[end - 1].is("and");
        (word(end) && and_last && whole).then(|| {
            words.reverse();
            words
        })
    })
}

/// The metric a single word names by itself ("dead", "homeless"), not as
/// the end of a longer cue ("dead and injured").
fn word_metric(word: &str, lx: &Lexicon) -> Option<String> {
    lx.plain_by_first
        .get(word)?
        .iter()
        .map(|&i| &lx.cues[i])
        .find(|c| c.pre.len() == 1)
        .map(|c| c.metric.clone())
}
