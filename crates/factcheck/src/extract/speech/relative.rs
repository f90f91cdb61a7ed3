//! Relative clauses: who speaks in "Ted Cruz, who said …" or "The union,
//! which said …, called a strike", and where such a clause's words end.

use super::{Raw, Sent, Who};
use crate::lang::tokens::Kind;
use crate::lexicon::grammar::{
    ARTICLES, CONJUNCTIONS, PREPOSITIONS, RELATIVE_OPENERS, RELATIVE_PRONOUNS, SUBJECT_OPENERS,
};

/// "Ted Cruz, who said …", "voters who said …", "The union, which said …":
/// the relative pronoun right before the cue stands for the phrase before
/// it (not after a preposition: "in which he said" is his).
pub(super) fn relative_speaker(sent: &Sent, j: usize) -> Option<Who> {
    let toks = sent.toks;
    let w = j.checked_sub(1).filter(|&w| w > sent.first)?;
    if !RELATIVE_PRONOUNS.contains(&toks[w].lower.as_str()) {
        return None;
    }
    let end = if toks[w - 1].lower == "," { w - 1 } else { w };
    // ("compared with 54 percent who say …": a share of those polled)
    let (mut a, b) = sent
        .np_before(end, true)
        .filter(|&(_, b)| b == end)
        .or_else(|| super::described::share_before(sent, end))?;
    // ("asked Rubio which states he could win": a "which" right after a
    // name asks a question)
    if toks[w].is("which") && end == w && sent.cap(b - 1) {
        return None;
    }
    // a bare plural keeps its modifiers: "among ferry users who said"
    let plural = b == a + 1 && toks[a].lower.ends_with('s') && !toks[a].lower.ends_with("ss");
    while plural
        && a > sent.first
        && b - a < 3
        && sent.word(a - 1).is_some_and(|t| {
            !t.capitalised(sent.src)
                && !sent.closed(t)
                && !PREPOSITIONS.contains(&t.lower.as_str())
                && t.lower.chars().all(char::is_alphabetic)
                && !sent.lexicon.reporting_verbs.has(t)
                && !sent.lexicon.aux_words.has(t)
                && !sent.lexicon.past_verbs.has(t)
                && !t.lower.ends_with("ed")
        })
    {
        a -= 1;
    }
    let (a, b) = if toks[w].is("who") {
        apposed_name(sent, a).unwrap_or((a, b))
    } else {
        (a, b)
    };
    Some(Who::Relative(w, (a, b)))
}

/// "Laurence Meyer, a former Fed governor who argued …", "Elizabeth Arnold,
/// 32, a former staff member for the campaign in Philadelphia who said …":
/// a "who" after a description set off as an apposition is the named
/// person's, never the last noun of the description.
fn apposed_name(sent: &Sent, a: usize) -> Option<(usize, usize)> {
    let toks = sent.toks;
    let comma = (sent.first + 1..=a)
        .rev()
        .take(14)
        .take_while(|&i| i == a || toks[i].kind == Kind::Word)
        .find(|&i| {
            toks[i - 1].lower == "," && ["a", "an", "the"].contains(&toks[i].lower.as_str())
        })?
        - 1;
    // (an age between the name and its description: "Arnold, 32, a …")
    let end = match comma.checked_sub(2) {
        Some(c) if toks[c].lower == "," && toks[c + 1].kind == Kind::Num => c,
        _ => comma,
    };
    sent.np_before(end, false)
        .filter(|&(na, nb)| nb == end && sent.cap(na))
}

/// The noun phrase a clause ending at the cue is about, when the words
/// before the cue (from `a`) close a relative or participle clause opened
/// within a few words after that phrase, with no other cue or punctuation
/// but commas in between: the phrase right before the cue is inside it.
pub(super) fn relative_head(sent: &Sent, a: usize) -> Option<(usize, usize)> {
    let toks = sent.toks;
    let lx = sent.lexicon;
    let w = (sent.first + 1..a)
        .rev()
        .take(20)
        .take_while(|&i| {
            let t = &toks[i];
            let opener = RELATIVE_OPENERS.contains(&t.lower.as_str());
            (t.kind != Kind::Punct || t.lower == ",") && (opener || !lx.reporting_verbs.has(t))
        })
        .find(|&i| RELATIVE_OPENERS.contains(&toks[i].lower.as_str()))?;
    let end = if toks[w - 1].lower == "," { w - 1 } else { w };
    // the phrase opens the sentence or follows a quotation: the subject
    let opens = |ha: usize| {
        ha == sent.first || toks[ha - 1].kind == Kind::Punct && toks[ha - 1].lower != ","
    };
    if let Some((ha, hb)) = sent
        .np_before(end, true)
        .filter(|&(ha, hb)| hb == end && opens(ha))
    {
        return Some((ha, hb));
    }
    // a common noun with its article: "The homeless woman accused of …"
    let det = (sent.first..end)
        .rev()
        .take(4)
        .take_while(|&i| {
            toks[i].kind == Kind::Word && !sent.closed(&toks[i])
                || ARTICLES.contains(&toks[i].lower.as_str())
        })
        .find(|&i| ARTICLES.contains(&toks[i].lower.as_str()))?;
    (det + 1 < end && opens(det)).then_some((det, end))
}

/// Whether the speaker is a relative pronoun ("…, who said").
pub(super) fn is_relative(sent: &Sent, r: &Raw) -> bool {
    let (ma, mb) = r.mention;
    !r.right
        && mb == ma + 1
        && ma > sent.first
        && RELATIVE_PRONOUNS.contains(&sent.toks[ma].lower.as_str())
}

/// Where the speech of a relative clause set off by commas ends: at the
/// comma before the main clause's verb ("The union, which said the talks
/// had collapsed, called a strike."), not one before a phrase that goes on
/// ("…, who said he would use it sparingly, in emergencies").
pub(super) fn relative_end(sent: &Sent, r: &Raw) -> Option<usize> {
    let toks = sent.toks;
    let ma = r.mention.0;
    let comma = |i: usize| i > sent.first && toks[i - 1].lower == ",";
    // "The report, in which the auditor said …, was published"
    let inside = !r.right
        && ma >= sent.first + 3
        && RELATIVE_PRONOUNS.contains(&toks[ma - 1].lower.as_str())
        && PREPOSITIONS.contains(&toks[ma - 2].lower.as_str())
        && comma(ma - 2);
    if !(is_relative(sent, r) || inside) {
        return None;
    }
    (r.cue.1..toks.len()).find(|&i| {
        toks[i].lower == ","
            && sent.word(i + 1).is_some_and(|t| {
                !t.capitalised(sent.src)
                    && !PREPOSITIONS.contains(&t.lower.as_str())
                    && !CONJUNCTIONS.contains(&t.lower.as_str())
                    && !SUBJECT_OPENERS.contains(&t.lower.as_str())
                    && !RELATIVE_OPENERS.contains(&t.lower.as_str())
                    && !ARTICLES.contains(&t.lower.as_str())
                    && !t.is("that")
            })
    })
}
