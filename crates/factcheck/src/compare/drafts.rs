//! Draft against draft: the claims of two versions of an article compared
//! — figures added, removed or changed, quotes whose words changed (with
//! a word diff), speakers changed.

use similar::{ChangeTag, TextDiff};

use std::collections::{HashMap, HashSet, VecDeque};

use super::words::{common_ends, content_words};
use crate::article::Article;
use crate::limits::MAX_ALIGNED_WORDS;
use crate::model::{
    ArticleClaims, Change, ChangeKind, ChangeType, Claim, ClaimKind, DiffOp, DiffPart, DraftDiff,
    Qualifier,
};

/// A figure in words: "more than 140 children".
fn figure(article: &Article, c: &Claim) -> String {
    let q = c.quantity.as_ref().expect("a figure");
    let (a, b) = q.style.number_span;
    let number = article.text.get(a..b).unwrap_or("?");
    let qualifier = match q.qualifier {
        Qualifier::Exact | Qualifier::Vague | Qualifier::Range => "",
        Qualifier::MoreThan => "more than ",
        Qualifier::AtLeast => "at least ",
        Qualifier::FewerThan => "fewer than ",
        Qualifier::AtMost => "at most ",
        Qualifier::About => "about ",
        Qualifier::Almost => "almost ",
        Qualifier::UpTo => "up to ",
    };
    let subject = q
        .subject
        .as_ref()
        .map(|s| format!(" {s}"))
        .unwrap_or_default();
    format!("{qualifier}{number}{subject}")
}

/// A claim's words, lower-cased, and the set of them: read once per claim.
type Words = (Vec<String>, HashSet<String>);

fn words_and_set(text: &str) -> Words {
    let words = content_words(text);
    let set = words.iter().cloned().collect();
    (words, set)
}

/// Share of the shorter text's words found in the other.
fn overlap(a: &Words, b: &Words) -> f64 {
    let (short, long) = if a.0.len() <= b.0.len() {
        (a, b)
    } else {
        (b, a)
    };
    if short.0.is_empty() {
        return 0.0;
    }
    short.0.iter().filter(|w| long.1.contains(*w)).count() as f64 / short.0.len() as f64
}

/// A word diff of `old` against `new`. Past [`MAX_ALIGNED_WORDS`] words
/// changed on either side, the changed middle is one replaced run: a word
/// diff of two long texts that differ throughout costs the product of
/// their lengths.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffPart> {
    let (wo, wn): (Vec<&str>, Vec<&str>) = (
        old.split_whitespace().collect(),
        new.split_whitespace().collect(),
    );
    let (head, tail) = common_ends(&wo, &wn);
    if (wo.len() - head - tail).max(wn.len() - head - tail) > MAX_ALIGNED_WORDS {
        let run = |op, ws: &[&str]| DiffPart {
            op,
            text: ws.join(" "),
        };
        let mut parts = vec![
            run(DiffOp::Equal, &wo[..head]),
            run(DiffOp::Delete, &wo[head..wo.len() - tail]),
            run(DiffOp::Insert, &wn[head..wn.len() - tail]),
            run(DiffOp::Equal, &wo[wo.len() - tail..]),
        ];
        parts.retain(|p| !p.text.is_empty());
        return parts;
    }
    let diff = TextDiff::from_words(old, new);
    let mut parts: Vec<DiffPart> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => DiffOp::Equal,
            ChangeTag::Delete => DiffOp::Delete,
            ChangeTag::Insert => DiffOp::Insert,
        };
        let text = change.value();
        match parts.last_mut() {
            Some(p) if p.op == op => p.text.push_str(text),
            _ => parts.push(DiffPart {
                op,
                text: text.to_string(),
            }),
        }
    }
    for p in &mut parts {
        p.text = p.text.trim().to_string();
    }
    parts.retain(|p| !p.text.is_empty());
    parts
}

fn speaker(c: &Claim) -> String {
    c.attribution
        .as_ref()
        .map_or_else(|| "no speaker".to_string(), |a| a.speaker.clone())
}

fn words_of(c: &Claim) -> &str {
    c.quote.as_deref().or(c.content.as_deref()).unwrap_or("")
}

/// One draft: the article (for its text) and its claims.
type Draft<'a> = (&'a Article, &'a ArticleClaims);

/// Compare the claims of two drafts.
pub fn compare_drafts(old: Draft, new: Draft) -> DraftDiff {
    let pairs = pair_claims(old, new);
    let mut changes = Vec::new();
    let mut used = vec![false; new.1.claims.len()];
    let mut removed = Vec::new();
    for (o, pair) in old.1.claims.iter().zip(&pairs) {
        let Some(i) = *pair else {
            removed.push(o);
            continue;
        };
        used[i] = true;
        changes.extend(changed(old, new, o, &new.1.claims[i]));
    }
    for o in removed {
        changes.push(Change {
            kind: kind_name(o.kind),
            change: ChangeType::Removed,
            about: about(o),
            old: Some(describe(old.0, o)),
            new: None,
            old_line: Some(o.span.line),
            new_line: None,
            diff: None,
        });
    }
    for n in new
        .1
        .claims
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(n, _)| n)
    {
        changes.push(Change {
            kind: kind_name(n.kind),
            change: ChangeType::Added,
            about: about(n),
            old: None,
            new: Some(describe(new.0, n)),
            old_line: None,
            new_line: Some(n.span.line),
            diff: None,
        });
    }
    changes.sort_by_key(|c| (c.new_line.or(c.old_line), c.old_line));
    DraftDiff {
        version: 1,
        old: old.0.path.clone(),
        new: new.0.path.clone(),
        changes,
    }
}

/// How far, in claims, a changed quote or statement is looked for from
/// where its draft's order puts it. Drafts keep their order; comparing
/// every claim with every other made two 600 KB drafts take 16 s.
const NEAR: usize = 64;

/// Each old claim's counterpart in the new draft, taken once each, in
/// time linear in the drafts: a figure is the same figure of its metric
/// and subject, else the first other of them; a quote or statement is the
/// same words, else the most similar words (half at least) among the new
/// claims near where the draft's order puts it.
fn pair_claims(old: Draft, new: Draft) -> Vec<Option<usize>> {
    let (olds, news) = (&old.1.claims, &new.1.claims);
    let mut used = vec![false; news.len()];
    let mut pairs = vec![None; olds.len()];
    // the new claims of each key, in order, and the next unused one of each
    let key = |c: &Claim| {
        c.quantity
            .as_ref()
            .map(|q| (q.metric.clone(), q.subject.clone()))
    };
    let mut figures: HashMap<_, VecDeque<usize>> = HashMap::new();
    let mut by_key: HashMap<_, VecDeque<usize>> = HashMap::new();
    let mut same_words: HashMap<(ClaimKind, &str), VecDeque<usize>> = HashMap::new();
    for (i, n) in news.iter().enumerate() {
        if n.kind == ClaimKind::Quantity {
            figures
                .entry((key(n), figure(new.0, n)))
                .or_default()
                .push_back(i);
            by_key.entry(key(n)).or_default().push_back(i);
        } else {
            same_words
                .entry((n.kind, words_of(n)))
                .or_default()
                .push_back(i);
        }
    }
    let take = |queue: Option<&mut VecDeque<usize>>, used: &mut [bool]| {
        let queue = queue?;
        while let Some(&i) = queue.front() {
            queue.pop_front();
            if !used[i] {
                used[i] = true;
                return Some(i);
            }
        }
        None
    };
    // figures anywhere, and quotes and statements given word for word
    for (k, o) in olds.iter().enumerate() {
        pairs[k] = if o.kind == ClaimKind::Quantity {
            take(figures.get_mut(&(key(o), figure(old.0, o))), &mut used)
                .or_else(|| take(by_key.get_mut(&key(o)), &mut used))
        } else {
            take(same_words.get_mut(&(o.kind, words_of(o))), &mut used)
        };
    }
    // changed words: the most similar unused claim near the place of the
    // last claim paired before it
    let mut after = 0;
    // (the words of each new claim still open, read once)
    let mut read: HashMap<usize, Words> = HashMap::new();
    for (k, o) in olds.iter().enumerate() {
        if let Some(i) = pairs[k] {
            after = i + 1;
            continue;
        }
        if o.kind == ClaimKind::Quantity {
            continue;
        }
        let near = after.saturating_sub(NEAR)..(after + NEAR).min(news.len());
        let own = words_and_set(words_of(o));
        let open: Vec<usize> = near
            .filter(|&i| !used[i] && news[i].kind == o.kind)
            .collect();
        for &i in &open {
            read.entry(i)
                .or_insert_with(|| words_and_set(words_of(&news[i])));
        }
        let best = open
            .into_iter()
            .map(|i| (i, overlap(&own, &read[&i])))
            .filter(|x| x.1 >= 0.5)
            // (of equally similar words, the nearest: a draft repeats its
            // phrases)
            .max_by(|a, b| {
                a.1.total_cmp(&b.1)
                    .then_with(|| b.0.abs_diff(after).cmp(&a.0.abs_diff(after)))
            });
        if let Some((i, _)) = best {
            used[i] = true;
            pairs[k] = Some(i);
            after = i + 1;
        }
    }
    pairs
}

/// The change between a claim and its counterpart, if they differ.
fn changed(old: Draft, new: Draft, o: &Claim, n: &Claim) -> Option<Change> {
    let kind = kind_name(o.kind);
    match o.kind {
        ClaimKind::Quantity => {
            let (a, b) = (figure(old.0, o), figure(new.0, n));
            (a != b).then(|| Change {
                kind,
                change: ChangeType::Changed,
                about: o
                    .quantity
                    .as_ref()
                    .map(|q| q.metric.clone())
                    .unwrap_or_default(),
                old: Some(a),
                new: Some(b),
                old_line: Some(o.span.line),
                new_line: Some(n.span.line),
                diff: None,
            })
        }
        _ => {
            let (a, b) = (words_of(o), words_of(n));
            let speaker_changed = speaker(o) != speaker(n);
            (a != b || speaker_changed).then(|| Change {
                kind,
                change: ChangeType::Changed,
                about: if speaker_changed {
                    format!("{} → {}", speaker(o), speaker(n))
                } else {
                    speaker(o)
                },
                old: Some(a.to_string()),
                new: Some(b.to_string()),
                old_line: Some(o.span.line),
                new_line: Some(n.span.line),
                diff: (a != b).then(|| word_diff(a, b)),
            })
        }
    }
}

fn kind_name(k: ClaimKind) -> ChangeKind {
    match k {
        ClaimKind::Quantity => ChangeKind::Figure,
        ClaimKind::Quote => ChangeKind::Quote,
        ClaimKind::Statement => ChangeKind::Statement,
    }
}

fn about(c: &Claim) -> String {
    match &c.quantity {
        Some(q) => q.metric.clone(),
        None => speaker(c),
    }
}

fn describe(article: &Article, c: &Claim) -> String {
    match c.kind {
        ClaimKind::Quantity => figure(article, c),
        _ => words_of(c).to_string(),
    }
}

/// The diff as `-`/`+` lines, a change's word diff under it.
impl std::fmt::Display for DraftDiff {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&render(self))
    }
}

fn render(d: &DraftDiff) -> String {
    use crate::report::visible::one_line;
    let mut out = format!("--- {}\n+++ {}\n", one_line(&d.old), one_line(&d.new));
    for c in &d.changes {
        let head = format!("{} ({})", c.kind, one_line(&c.about));
        if let Some(old) = &c.old {
            let old = one_line(old);
            out.push_str(&format!("-{}: {head}: {old}\n", c.old_line.unwrap_or(0)));
        }
        if let Some(new) = &c.new {
            let new = one_line(new);
            out.push_str(&format!("+{}: {head}: {new}\n", c.new_line.unwrap_or(0)));
        }
        if let Some(diff) = &c.diff {
            let words = DiffPart::inline(diff);
            out.push_str(&format!("  words: {}\n", one_line(&words)));
        }
    }
    let n = d.changes.len();
    out.push_str(&format!(
        "{n} {}\n",
        if n == 1 { "change" } else { "changes" }
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(text: &str) -> (Article, ArticleClaims) {
        let a = Article::from_text("a.md", text.to_string(), None).unwrap();
        let c = crate::Extractor::default().extract(&a);
        (a, c)
    }

    #[test]
    fn figures_quotes_and_speakers() {
        let old = claims("More than 140 children have been killed, officials said. “We will reduce military activity near Kyiv,” Fomin said.");
        let new = claims("More than 410 children have been killed, officials said. “We will halt military activity near Kyiv,” Peskov said.");
        let d = compare_drafts((&old.0, &old.1), (&new.0, &new.1));
        let figure = d
            .changes
            .iter()
            .find(|c| c.kind == ChangeKind::Figure)
            .unwrap();
        assert_eq!(
            (figure.old.as_deref(), figure.new.as_deref()),
            (
                Some("more than 140 children"),
                Some("more than 410 children")
            )
        );
        let quote = d
            .changes
            .iter()
            .find(|c| c.kind == ChangeKind::Quote)
            .unwrap();
        assert_eq!(quote.about, "Fomin → Peskov");
        assert_eq!(
            DiffPart::inline(quote.diff.as_ref().unwrap()),
            "We will [-reduce-] {+halt+} military activity near Kyiv,"
        );
        let same = compare_drafts((&old.0, &old.1), (&old.0, &old.1));
        assert!(same.changes.is_empty());
    }

    #[test]
    fn a_long_changed_middle_is_one_replaced_run() {
        let old: Vec<String> = (0..3000).map(|i| format!("a{i}")).collect();
        let new: Vec<String> = (0..3000).map(|i| format!("b{i}")).collect();
        let (old, new) = (
            format!("He said {} today", old.join(" ")),
            format!("He said {} today", new.join(" ")),
        );
        let parts = word_diff(&old, &new);
        let ops: Vec<DiffOp> = parts.iter().map(|p| p.op).collect();
        assert_eq!(
            ops,
            [DiffOp::Equal, DiffOp::Delete, DiffOp::Insert, DiffOp::Equal]
        );
        assert_eq!(parts[0].text, "He said");
        assert!(parts[1].text.starts_with("a0 a1 ") && parts[2].text.ends_with(" b2999"));
        assert_eq!(parts[3].text, "today");
        // a short one is still diffed word by word
        let parts = word_diff("we will reduce activity", "we will halt activity");
        assert_eq!(
            DiffPart::inline(&parts),
            "we will [-reduce-] {+halt+} activity"
        );
    }
}
