//! Word-level matching of quotes: normalised words with their places, a
//! quote found in the reference's words (ellipses allowed), and the word
//! diff of a misquote with the article's own text put right.

use similar::ChangeTag;

use crate::limits::{MAX_ALIGNED_WORDS, MAX_PHRASE_WORDS};
use crate::model::{DiffOp, DiffPart};

mod normal;
pub(super) use normal::{lower, plain_words, quote_words};

/// Words run together, lower-cased, with the offsets where words start and
/// end: made once per reference quote, which many article quotes are
/// looked for in (a transcript of 60,000 words run together per look took
/// half a minute for 1,500 excerpts).
pub(crate) struct Squashed {
    text: String,
    bounds: Vec<usize>,
    /// The length of the words that are not ellipses, run together: no
    /// quote holds words longer than itself.
    content: usize,
}

impl Squashed {
    pub(super) fn new<'a>(words: impl IntoIterator<Item = &'a String>) -> Squashed {
        let mut text = String::new();
        let mut bounds = vec![0];
        let mut content = 0;
        for w in words {
            let before = text.len();
            // (ASCII folded as it is copied: no lower-cased copy per word)
            if w.is_ascii() {
                text.extend(w.bytes().map(|b| b.to_ascii_lowercase() as char));
            } else {
                text.push_str(&w.to_lowercase());
            }
            bounds.push(text.len());
            if w != "…" {
                content += text.len() - before;
            }
        }
        Squashed {
            text,
            bounds,
            content,
        }
    }

    /// Whether words of this length, run together, could hold `other`'s.
    pub(super) fn could_hold(&self, other: &Squashed) -> bool {
        other.content <= self.content
    }
}

/// [`quote_matches_in`] for words not yet run together.
#[cfg(test)]
pub(super) fn quote_matches(article: &[String], reference: &[String]) -> bool {
    quote_matches_in(article, &Squashed::new(reference))
}

/// Whether the article's quote is the reference's words: its segments
/// between ellipses appear in order, each contiguous. Words are compared
/// run together, so a translation's glued words ("Ukrainethey") still
/// match, but only whole words: a segment must start and end at word edges.
pub(super) fn quote_matches_in(article: &[String], reference: &Squashed) -> bool {
    let (r, bounds) = (&reference.text, &reference.bounds);
    let segments: Vec<&[String]> = article
        .split(|w| w == "…")
        .filter(|s| !s.is_empty())
        .collect();
    if segments.is_empty() {
        return false;
    }
    let mut pos = 0;
    for seg in segments {
        let s = Squashed::new(seg).text;
        let found = r[pos..]
            .match_indices(s.as_str())
            .map(|(i, _)| pos + i)
            .find(|&i| {
                bounds.binary_search(&i).is_ok() && bounds.binary_search(&(i + s.len())).is_ok()
            });
        match found {
            Some(i) => pos = i + s.len(),
            None => return false,
        }
    }
    true
}

/// The run of the article's quote that a shorter reference phrase stands
/// for, when the reference holds only part of a longer quote: the window of
/// about the phrase's length whose words, in order, share the most with it.
/// Returns the word range and the share of the phrase's words found in it.
pub(super) fn best_window(article: &[String], reference: &[String]) -> Option<(usize, usize, f64)> {
    let n = reference.len();
    // (each window is aligned with the phrase: bounded, so a hostile quote
    // cannot ask for the product of two long lengths)
    if n < 3 || article.len() <= n || n > MAX_PHRASE_WORDS || article.len() > MAX_ALIGNED_WORDS {
        return None;
    }
    let lower = |ws: &[String]| ws.iter().map(|w| w.to_lowercase()).collect::<Vec<_>>();
    let (a, r) = (lower(article), lower(reference));
    let mut best: Option<(usize, usize, usize)> = None;
    for len in n.saturating_sub(1)..=n + 1 {
        for i in 0..=a.len().saturating_sub(len) {
            let j = (i + len).min(a.len());
            // the window must start and end on shared words, so the fix
            // touches no word outside the phrase (checked first: it rules
            // out most windows before their words are aligned)
            if !(r.contains(&a[i]) && r.contains(&a[j - 1])) {
                continue;
            }
            let shared = common_in_order(&a[i..j], &r);
            if best.is_none_or(|b| shared > b.2) {
                best = Some((i, j, shared));
            }
        }
    }
    let (mut i, mut j, shared) = best?;
    // a changed first or last word of the phrase ("… the stranger with
    // [-empathy-] {+compassion+}"): the window takes as many article words
    // past its edge as the phrase has past the shared word, when none of
    // them is a word of the phrase
    // ("feel [-good-] {+welcome+}" where "welcome" is a word of the phrase
    // earlier on: only the phrase's words past the edge count)
    let last = r.iter().rposition(|w| *w == a[j - 1]).unwrap_or(n - 1);
    let tail = n - 1 - last;
    let extra = (j..a.len())
        .take(tail)
        .take_while(|&k| !r[last + 1..].contains(&a[k]))
        .count();
    j += if extra == tail { extra } else { 0 };
    let head = r.iter().position(|w| *w == a[i]).unwrap_or(0);
    let before = (0..i)
        .rev()
        .take(head)
        .take_while(|&k| !r[..head].contains(&a[k]))
        .count();
    i -= if before == head { before } else { 0 };
    Some((i, j, shared as f64 / n as f64))
}

/// How many words two sorted lists share, repeats counted as often as
/// both have them: no alignment of the two shares more words in order.
pub(crate) fn shared_words<A: AsRef<str>, B: AsRef<str>>(a: &[A], b: &[B]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].as_ref().cmp(b[j].as_ref()) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => (i, j, n) = (i + 1, j + 1, n + 1),
        }
    }
    n
}

/// How many words two sequences share in order (their longest common
/// subsequence): short phrases, so the quadratic table is small.
pub(crate) fn common_in_order(a: &[String], b: &[String]) -> usize {
    // two rows of the table, reused: one allocation per call, not per word
    let mut prev = vec![0usize; b.len() + 1];
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        for (k, y) in b.iter().enumerate() {
            row[k + 1] = if x == y {
                prev[k] + 1
            } else {
                row[k].max(prev[k + 1])
            };
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()]
}

/// Content words, lower-cased with one apostrophe: for matching statements
/// with inflection, and for telling whether two drafts' claims are the same.
pub(crate) fn content_words(s: &str) -> Vec<String> {
    content_word_parts(s).map(content_word).collect()
}

/// The words of `s` as written, before [`content_word`] reads each: runs of
/// letters, digits and apostrophes.
pub(crate) fn content_word_parts(s: &str) -> impl Iterator<Item = &str> {
    // (ASCII read as bytes, without decoding: most text)
    let in_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    let char_at = move |i: usize| match s.as_bytes()[i] {
        b if b < 0x80 => (b.is_ascii_alphanumeric() || b == b'\'', 1),
        _ => s[i..]
            .chars()
            .next()
            .map_or((false, 1), |c| (in_word(c), c.len_utf8())),
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < s.len() {
            let start = at;
            while at < s.len() {
                let (word, len) = char_at(at);
                if !word {
                    break;
                }
                at += len;
            }
            if at > start {
                return Some(&s[start..at]);
            }
            at += char_at(at).1;
        }
        None
    })
}

/// One content word lower-cased, its typographic apostrophe plain.
pub(crate) fn content_word(w: &str) -> String {
    // (most words: one copy, no case tables)
    if w.is_ascii() {
        w.to_ascii_lowercase()
    } else {
        w.to_lowercase().replace('’', "'")
    }
}

/// One step of the word alignment: its tag and the index of its word (the
/// article's for an insertion, the reference's otherwise).
type Step = (ChangeTag, usize);

/// A word diff of reference against article, trimmed to the part the
/// article quotes; an article ellipsis absorbs the reference words it
/// stands for. Returns the diff, the share of the article's words found in
/// order, and the corrected quote (the reference's words, as written, with
/// the article's ellipses kept).
pub(super) fn quote_diff(
    article_words: &[(String, (usize, usize))],
    article_text: &str,
    reference_text: &str,
    reference: &[(String, (usize, usize))],
) -> QuoteDiff {
    let article: Vec<String> = article_words.iter().map(|w| w.0.clone()).collect();
    let changes = align(&article, reference);
    let (changes, elided) = elide(changes, &article);
    let mut parts: Vec<DiffPart> = Vec::new();
    let mut corrected: Vec<String> = Vec::new();
    // the article's own text with only the changed words replaced
    let mut fixed = String::new();
    let mut pos = 0;
    let keep = |fixed: &mut String, pos: &mut usize, i: usize| {
        let end = article_words[i].1 .1;
        fixed.push_str(&article_text[*pos..end]);
        *pos = end;
    };
    let mut equal = 0usize;
    // the first article word not yet kept (`pos` only moves forward)
    let mut next = 0usize;
    // article words before and after the reference's part are outside what
    // it records (a reference phrase is often part of a longer quote): kept
    let (first, last) = extras(&changes);
    // where the article words being dropped started: a dash or bracket
    // that opened them closes with them ("family — not one — without")
    let mut dropped_from: Option<usize> = None;
    for (n, &c) in changes.iter().enumerate() {
        if elided[n] {
            continue;
        }
        if c.0 == ChangeTag::Insert && (n < first || n >= last) && !is_ellipsis(&article, &c) {
            if n < first {
                keep(&mut fixed, &mut pos, c.1);
            }
            continue;
        }
        if is_ellipsis(&article, &c) {
            push(&mut parts, DiffOp::Equal, "…");
            corrected.push("…".into());
            keep(&mut fixed, &mut pos, c.1);
            continue;
        }
        match c.0 {
            ChangeTag::Equal => {
                equal += 1;
                let orig = &reference_text[reference[c.1].1 .0..reference[c.1].1 .1];
                push(&mut parts, DiffOp::Equal, orig);
                corrected.push(orig.to_string());
                // an equal change's index is the reference word's; find the article word
                while next < article_words.len() && article_words[next].1 .0 < pos {
                    next += 1;
                }
                if next < article_words.len() {
                    if let Some(from) = dropped_from.take() {
                        let start = article_words[next].1 .0;
                        let past = past_closing_dash(article_text, from, pos, start);
                        // ("family—not one—without": a space where the dashes stood)
                        if past != pos
                            && !fixed.ends_with(char::is_whitespace)
                            && !article_text[past..start].starts_with(char::is_whitespace)
                        {
                            fixed.push(' ');
                        }
                        pos = past;
                    }
                    keep(&mut fixed, &mut pos, next);
                }
            }
            ChangeTag::Delete => {
                dropped_from = None;
                let orig = &reference_text[reference[c.1].1 .0..reference[c.1].1 .1];
                push(&mut parts, DiffOp::Delete, orig);
                corrected.push(orig.to_string());
                // the word it replaces keeps the article's punctuation
                // before it ("tonight — but we" → "tonight — and we")
                // (once, before the first of a run of deleted words)
                let first_deleted = n == 0 || changes[n - 1].0 != ChangeTag::Delete;
                let replaced = first_deleted
                    .then(|| changes[n..].iter().find(|s| s.0 != ChangeTag::Delete))
                    .flatten()
                    .filter(|s| s.0 == ChangeTag::Insert && !is_ellipsis(&article, s));
                if let Some(&(_, i)) = replaced {
                    let ws = article_words[i].1 .0;
                    if ws > pos {
                        fixed.push_str(&article_text[pos..ws]);
                        pos = ws;
                    }
                }
                if !fixed.is_empty() && !fixed.ends_with(char::is_whitespace) {
                    fixed.push(' ');
                }
                // the article's own punctuation after the word it replaces
                // is kept (see Insert), so none of the reference's is written
                let word = orig.trim_end_matches(|ch: char| !ch.is_alphanumeric());
                // the quote's first word keeps the article's capital ("This
                // bridge" → "The bridge" where the reference has "the")
                let first_word = |c: &Step| c.0 == ChangeTag::Insert && c.1 == 0;
                let opens = article_words
                    .first()
                    .and_then(|w| article_text.get(w.1 .0..))
                    .is_some_and(|w| w.starts_with(char::is_uppercase))
                    && (changes.get(n + 1).is_some_and(first_word)
                        || n.checked_sub(1)
                            .and_then(|p| changes.get(p))
                            .is_some_and(first_word));
                match word.chars().next() {
                    Some(ch) if opens && ch.is_lowercase() => {
                        fixed.extend(ch.to_uppercase());
                        fixed.push_str(&word[ch.len_utf8()..]);
                    }
                    _ => fixed.push_str(word),
                }
            }
            ChangeTag::Insert => {
                // past the word, not its punctuation: "rose," → "subsided,"
                let (a, b) = article_words[c.1].1;
                let word = &article_text[a..b];
                // (a number compared as digits is shown as written)
                let shown = if article[c.1].bytes().all(|b| b.is_ascii_digit()) {
                    word.trim_matches(|ch: char| !ch.is_alphanumeric())
                } else {
                    &article[c.1]
                };
                push(&mut parts, DiffOp::Insert, shown);
                let core = word
                    .char_indices()
                    .rev()
                    .find(|(_, ch)| ch.is_alphanumeric())
                    .map_or(b, |(i, ch)| a + i + ch.len_utf8());
                let from = *dropped_from.get_or_insert(pos);
                // (a bracket opened before the dropped words closes after them)
                let opened = article_text[from..core].contains('(')
                    && !article_text[from..core].contains(')');
                pos = if opened && article_text[core..b].starts_with(')') {
                    core + 1
                } else {
                    core
                };
            }
        }
    }
    fixed.push_str(&article_text[pos.min(article_text.len())..]);
    let words = article.iter().filter(|w| *w != "…").count();
    let ratio = if words == 0 {
        0.0
    } else {
        equal as f64 / words as f64
    };
    QuoteDiff {
        parts,
        ratio,
        said: corrected.join(" "),
        fixed,
    }
}

/// Where to go on after dropped words that a dash opened (`from..pos`
/// holds one): past the dash that closes them before the next kept word at
/// `next`, so "family — not one — without" loses both dashes.
fn past_closing_dash(text: &str, from: usize, pos: usize, next: usize) -> usize {
    let dash = |c: char| matches!(c, '—' | '–' | '‒') || c == '-';
    // (the text before the first dropped word is a dash and spaces)
    let opened = text.get(from..pos).is_some_and(|t| {
        let before = &t[..t.find(char::is_alphanumeric).unwrap_or(t.len())];
        before.trim().chars().all(dash) && before.chars().any(dash)
    });
    let Some(gap) = text.get(pos..next).filter(|_| opened) else {
        return pos;
    };
    match gap.char_indices().find(|&(_, c)| dash(c)) {
        Some((i, c)) if gap.trim().chars().all(dash) => pos + i + c.len_utf8(),
        _ => pos,
    }
}

/// The steps that are article words outside the reference's part: the
/// inserts before `first` and from `last` on. Inserts right after deleted
/// words replace them ("water [-subsided-] {+rose+}"), as many as were deleted.
fn extras(changes: &[Step]) -> (usize, usize) {
    let insert = |c: &Step| c.0 == ChangeTag::Insert;
    let first = changes
        .iter()
        .position(|c| !insert(c))
        .unwrap_or(changes.len());
    let trailing = changes.iter().rev().take_while(|c| insert(c)).count();
    let deleted = changes[..changes.len() - trailing]
        .iter()
        .rev()
        .take_while(|c| c.0 == ChangeTag::Delete)
        .count();
    (first, changes.len() - trailing + trailing.min(deleted))
}

/// Add words to the diff, joining a run of the same op.
fn push(parts: &mut Vec<DiffPart>, op: DiffOp, text: &str) {
    match parts.last_mut() {
        Some(p) if p.op == op => {
            p.text.push(' ');
            p.text.push_str(text);
        }
        _ => parts.push(DiffPart {
            op,
            text: text.to_string(),
        }),
    }
}

fn is_ellipsis(article: &[String], c: &Step) -> bool {
    c.0 == ChangeTag::Insert && article[c.1] == "…"
}

/// The word alignment of reference against article (case-insensitive),
/// trimmed of the reference words before and after the part quoted.
fn align(article: &[String], reference: &[(String, (usize, usize))]) -> Vec<Step> {
    let a_l: Vec<String> = article.iter().map(|w| w.to_lowercase()).collect();
    let r_l: Vec<String> = reference.iter().map(|(w, _)| w.to_lowercase()).collect();
    let a_refs: Vec<&str> = a_l.iter().map(String::as_str).collect();
    let r_refs: Vec<&str> = r_l.iter().map(String::as_str).collect();
    let changes = bounded_diff(&r_refs, &a_refs);
    let mut lo = changes
        .iter()
        .position(|c| c.0 != ChangeTag::Delete)
        .unwrap_or(changes.len());
    // the phrase's first words replaced at the quote's start ("[-Adherence-]
    // {+Obedience+} to the rule of law"): kept when the quote's words
    // before the first shared one stand for every one of them
    let inserted = changes[lo..]
        .iter()
        .take_while(|c| c.0 == ChangeTag::Insert)
        .count();
    if lo > 0
        && inserted >= lo
        && changes
            .get(lo + inserted)
            .is_some_and(|c| c.0 == ChangeTag::Equal)
    {
        lo = 0;
    }
    let hi = changes
        .iter()
        .rposition(|c| c.0 != ChangeTag::Delete)
        .map_or(lo, |i| i + 1);
    changes[lo..hi.max(lo)].to_vec()
}

/// The word diff of `old` against `new` as steps, in time linear in their
/// lengths past [`MAX_ALIGNED_WORDS`]: the words both share at the start
/// and at the end are equal, and a middle longer than the bound on either
/// side is one run of deletions and then insertions.
fn bounded_diff(old: &[&str], new: &[&str]) -> Vec<Step> {
    let (head, tail) = common_ends(old, new);
    let (o, n) = (&old[head..old.len() - tail], &new[head..new.len() - tail]);
    let mut changes: Vec<Step> = (0..head).map(|i| (ChangeTag::Equal, i)).collect();
    if o.len().max(n.len()) > MAX_ALIGNED_WORDS {
        changes.extend((0..o.len()).map(|i| (ChangeTag::Delete, head + i)));
        changes.extend((0..n.len()).map(|i| (ChangeTag::Insert, head + i)));
    } else {
        for op in &similar::capture_diff_slices(similar::Algorithm::Patience, o, n) {
            for change in op.iter_changes(o, n) {
                let idx = match change.tag() {
                    ChangeTag::Insert => change.new_index().unwrap_or(0),
                    _ => change.old_index().unwrap_or(0),
                };
                changes.push((change.tag(), head + idx));
            }
        }
    }
    changes.extend((old.len() - tail..old.len()).map(|i| (ChangeTag::Equal, i)));
    changes
}

/// How many items two sequences share at their start, and then at their
/// end: what any diff of them keeps, found in linear time.
pub(super) fn common_ends<T: PartialEq>(old: &[T], new: &[T]) -> (usize, usize) {
    let head = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let tail = old[head..]
        .iter()
        .rev()
        .zip(new[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    (head, tail)
}

/// Which steps an article ellipsis stands for: the deleted run around it,
/// less the words that inserted words replace (a substitution next to the
/// ellipsis). The ellipsis is moved before the words around it, so the
/// diff reads "… [-reduce-] {+halt+}".
fn elide(mut changes: Vec<Step>, article: &[String]) -> (Vec<Step>, Vec<bool>) {
    let mut elided = vec![false; changes.len()];
    let mut moves = Vec::new();
    for i in (0..changes.len()).filter(|&i| is_ellipsis(article, &changes[i])) {
        let mut b = i;
        while b > 0 && changes[b - 1].0 == ChangeTag::Delete {
            b -= 1;
        }
        let mut a = i + 1;
        while a < changes.len() && changes[a].0 == ChangeTag::Delete {
            a += 1;
        }
        let inserted = changes[a..]
            .iter()
            .take_while(|c| c.0 == ChangeTag::Insert && !is_ellipsis(article, c))
            .count();
        let run: Vec<usize> = (b..i).chain(i + 1..a).collect();
        let keep = inserted.min(run.len());
        for &r in &run[..run.len() - keep] {
            elided[r] = true;
        }
        moves.push((b, i));
    }
    for (b, i) in moves {
        changes[b..=i].rotate_right(1);
        elided[b..=i].rotate_right(1);
    }
    (changes, elided)
}

/// What `quote_diff` finds.
pub(super) struct QuoteDiff {
    pub parts: Vec<DiffPart>,
    /// Share of the article's words found in order in the reference.
    pub ratio: f64,
    /// The reference's words for the part quoted (the article's ellipses kept).
    pub said: String,
    /// The article's quote with only the changed words put right.
    pub fixed: String,
}

#[cfg(test)]
mod tests;
