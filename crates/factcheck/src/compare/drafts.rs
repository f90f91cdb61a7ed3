//! Draft against draft: the claims of two versions of an article compared
//! — figures added, removed or changed, quotes whose words changed (with
//! a word diff), speakers changed.

use similar::{ChangeTag, TextDiff};

use super::words::content_words;
use crate::article::Article;
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

/// Share of the shorter text's words found in the other.
fn overlap(a: &str, b: &str) -> f64 {
    let (wa, wb) = (content_words(a), content_words(b));
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    if short.is_empty() {
        return 0.0;
    }
    short.iter().filter(|w| long.contains(w)).count() as f64 / short.len() as f64
}

/// A word diff of `old` against `new`.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffPart> {
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
    let mut changes = Vec::new();
    let mut used = vec![false; new.1.claims.len()];
    let mut removed = Vec::new();
    for o in &old.1.claims {
        let Some((i, n)) = counterpart(old, new, o, &used) else {
            removed.push(o);
            continue;
        };
        used[i] = true;
        changes.extend(changed(old, new, o, n));
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

/// The same claim in the new draft, not yet taken: the same figure (else
/// another of its metric and subject), or the most similar words.
fn counterpart<'n>(
    old: Draft,
    new: Draft<'n>,
    o: &Claim,
    used: &[bool],
) -> Option<(usize, &'n Claim)> {
    let candidates = new
        .1
        .claims
        .iter()
        .enumerate()
        .filter(|(i, n)| !used[*i] && n.kind == o.kind);
    match o.kind {
        ClaimKind::Quantity => {
            let key = |c: &Claim| {
                c.quantity
                    .as_ref()
                    .map(|q| (q.metric.clone(), q.subject.clone()))
            };
            let same = |n: &Claim| figure(new.0, n) == figure(old.0, o) && key(n) == key(o);
            let cands: Vec<(usize, &Claim)> =
                candidates.filter(|(_, n)| key(n) == key(o)).collect();
            cands
                .iter()
                .find(|(_, n)| same(n))
                .or(cands.first())
                .copied()
        }
        _ => candidates
            .map(|(i, n)| (i, n, overlap(words_of(o), words_of(n))))
            .filter(|x| x.2 >= 0.5)
            .max_by(|a, b| a.2.total_cmp(&b.2))
            .map(|(i, n, _)| (i, n)),
    }
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
}
