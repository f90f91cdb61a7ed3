//! What was said: the content after the cue up to the next speaker, or
//! the words before the speaker ("“…,” she said"), with the words that set
//! the scene of speech ("on Tuesday", "in a statement") left out.

use super::{Raw, Sent, SpeechEvent};
use crate::lang::tokens::{Kind, Token};
use crate::lexicon::grammar::{
    ARTICLES, CLAUSE_OPENERS, CLOSED_CLASS, CONJUNCTIONS, FRONTED_OPENERS, INDEFINITE_PRONOUNS,
    PERIOD_DETERMINERS, POSSESSIVES, PREPOSITIONS, QUANTIFIERS, SCENE_OPENERS,
    SETTING_PREPOSITIONS, SUBJECT_OPENERS,
};

/// Cut the content of each cue: after it up to the next speaker, or, when
/// nothing is said after it, the words before the speaker.
pub(super) fn contents(sent: &Sent, raw: &[Raw]) -> Vec<SpeechEvent> {
    let toks = sent.toks;
    let mut events = Vec::new();
    for (n, r) in raw.iter().enumerate() {
        let Some(entity) = r.entity else { continue };
        let (ma, mb) = r.mention;
        let (ca, cb) = r.cue;
        // (a verb that names a quotation, "… said that Clinton described
        // the deal as “the gold standard”", has no words of its own to
        // end the words before it)
        let names_quote = |x: &Raw| sent.lexicon.quote_verbs.has(&toks[x.cue.0]);
        let next_start = raw[n + 1..]
            .iter()
            .find(|x| !x.right && x.cue.0 >= cb && !names_quote(x))
            .map(|x| {
                if x.mention.0 >= cb {
                    x.mention.0
                } else {
                    x.cue.0
                }
            })
            .unwrap_or(toks.len());
        let prev_end = if n > 0 {
            raw[n - 1].cue.1.max(raw[n - 1].mention.1)
        } else {
            sent.first
        };
        let from = match (r.right, r.content_from) {
            (_, Some(f)) => f,
            (true, None) => mb,
            (false, None) => cb,
        };
        let until = super::relative::relative_end(sent, r)
            .unwrap_or(next_start)
            .min(next_start);
        let after = content_after(sent, from, until, ca);
        // ("…, her advisers said": the determiner opens the speaker's phrase)
        let lead = if r.right {
            ca
        } else if ma > sent.first && ma <= ca && POSSESSIVES.contains(&toks[ma - 1].lower.as_str())
        {
            ma - 1
        } else {
            ma.min(ca)
        };
        // "Nine miners died on Friday the regional service said.": copy that
        // lost the comma before a speaker closing the sentence
        let lost_comma = !r.right && after.is_none() && lost_comma_tail(sent, prev_end, ma, cb);
        let before = || content_before(sent, prev_end, lead, lost_comma);
        // "“…,” she said" / "…, officials said on Tuesday.": the content is before
        let after_quote = lead > sent.first && {
            let p = &toks[lead - 1];
            let quote = |c: usize| is_closing_quote(&toks[c]) && !quoted_title(sent, c);
            quote(lead - 1) || (p.lower == "," && lead >= 2 && quote(lead - 2))
        };
        let trailing = after.is_some_and(|(a, b)| {
            // (from the first token of the words, and no further than
            // needed: a sentence of thousands of speeches is read once)
            let i = toks.partition_point(|t| t.start < a);
            let words = toks[i..]
                .iter()
                .take_while(|t| t.end <= b)
                .filter(|t| t.kind == Kind::Word)
                .take(7)
                .count();
            let first = toks.get(i).map(|t| t.lower.as_str()).unwrap_or("");
            words <= 6 && sent.lexicon.trailing.contains(first)
        });
        // "…, said Ann Bell, executive director of …": after a comma, an
        // inverted cue's words are before it; a description follows
        let inverted_tail =
            r.right && ca > sent.first && toks[ca - 1].lower == "," && !toks[ca].is("according");
        // "…, according to CEA analysts, with …": the words before it
        let according_mid = cb == ca + 2 && toks[ca].is("according") && ca > sent.first + 1;
        let forward = sent.lexicon.quote_verbs.has(&toks[ca]);
        let content = if forward {
            // "called the storm “a catastrophe”": the quotation is the speech
            None
        } else if super::relative::is_relative(sent, r) {
            // a relative clause's words follow its cue, or it has none
            // ("who asked not to be named" has none)
            after.filter(|_| !sent.lexicon.quote_only_cues.has(&toks[ca]))
        } else if sent.lexicon.quote_only_cues.has(&toks[ca]) {
            // "“…?” she asked": a question is speech; "asked him to go" is not
            before().filter(|_| after_quote)
        } else if according_mid {
            // "By March, according to court filings, the firm owed …": a
            // short phrase before is the setting, the words after are said
            let clause = |&(a, b): &(usize, usize)| {
                toks.iter()
                    .filter(|t| t.start >= a && t.end <= b && t.kind == Kind::Word)
                    .count()
                    >= 4
            };
            before().filter(clause).or(after).or_else(before)
        } else if after_quote || trailing || inverted_tail || parenthetical(sent, r) {
            before().or(after)
        } else {
            after.or_else(before)
        };
        events.push(SpeechEvent {
            entity,
            mention: (toks[ma].start, toks[mb - 1].end),
            cue: (toks[ca].start, toks[cb - 1].end),
            content,
            sentence: sent.index,
            forward,
            relative: super::relative::is_relative(sent, r),
            also: r.also.clone(),
        });
    }
    events
}

/// A speech tag set off by commas inside the sentence, with a speaker
/// before its cue: "The thing he most needs, aides said, is for …", "…
/// won, her advisers said Friday, because …". What was said is around it;
/// the words before are kept. Not when the words before only set the scene
/// ("In particular, he said, the foundation had …", "With Nusra …, they
/// said, the president has …") or a new clause or a quotation follows.
fn parenthetical(sent: &Sent, r: &Raw) -> bool {
    let toks = sent.toks;
    let (ma, _) = r.mention;
    let (_, cb) = r.cue;
    if r.right || ma < sent.first + 4 || toks[ma - 1].lower != "," {
        return false;
    }
    let mut a = cb;
    while toks
        .get(a)
        .is_some_and(|t| t.kind == Kind::Word && (sent.lexicon.is_time(&t.lower) || t.is("on")))
    {
        a += 1;
    }
    if toks.get(a).is_none_or(|t| t.lower != ",") {
        return false;
    }
    let opener = &toks[sent.first];
    let scene = opener.kind != Kind::Word
        || PREPOSITIONS.contains(&opener.lower.as_str())
        || FRONTED_OPENERS.contains(&opener.lower.as_str())
        || SCENE_OPENERS.contains(&opener.lower.as_str());
    let new_clause = sent
        .word(a + 1)
        .is_none_or(|t| t.capitalised(sent.src) || SUBJECT_OPENERS.contains(&t.lower.as_str()));
    !scene && !new_clause
}

/// Whether the quotation closing at token `close` is a title in Title
/// Case ("on “Harbour Morning Live,” Varto said …"): the words after it are
/// not a tag of its speech.
fn quoted_title(sent: &Sent, close: usize) -> bool {
    let toks = sent.toks;
    let Some(open) = (sent.first..close)
        .rev()
        .take(12)
        .find(|&i| matches!(toks[i].lower.as_str(), "“" | "\"" | "«" | "''"))
    else {
        return false;
    };
    let words: Vec<&Token> = toks[open + 1..close]
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .collect();
    (2..=8).contains(&words.len())
        && words
            .iter()
            .all(|t| crate::extract::quotes::title_word(t.text(sent.src)))
}

fn is_closing_quote(t: &Token) -> bool {
    matches!(t.lower.as_str(), "”" | "\"" | "’" | "'" | "»" | "“")
}

/// Skip words that set the scene rather than report: "on Tuesday", "in a
/// statement", "at a news conference in Antalya".
fn skip_setting(sent: &Sent, mut a: usize, until: usize) -> usize {
    let toks = sent.toks;
    let settings = &sent.lexicon.speech_settings;
    for _ in 0..4 {
        let Some(t) = toks.get(a).filter(|_| a < until) else {
            break;
        };
        // ("said Friday", "announced Monday morning")
        if sent.lexicon.time_words.has(t)
            || sent.lexicon.week.has(t) && a > 0 && !toks[a - 1].is("the")
        {
            a += 1;
        } else if PERIOD_DETERMINERS.contains(&t.lower.as_str())
            && toks.get(a + 1).is_some_and(|n| sent.lexicon.periods.has(n))
        {
            a += 2; // "this week"
        } else if t.is("on")
            && toks
                .get(a + 1)
                .is_some_and(|n| sent.lexicon.week.has(n) || n.capitalised(sent.src))
        {
            a += 2;
            while toks.get(a).is_some_and(|n| sent.lexicon.week.has(n)) {
                a += 1;
            }
        } else if SETTING_PREPOSITIONS.contains(&t.lower.as_str()) {
            // `a < until <= toks.len()` here
            match toks[a + 1..until]
                .iter()
                .take(6)
                .position(|n| settings.contains(n.lower.as_str()))
            {
                Some(p) if toks[a + 1..a + 1 + p].iter().all(|n| n.kind == Kind::Word) => {
                    a += p + 2;
                    // "in a statement posted on Telegram"
                    if toks.get(a).is_some_and(|n| sent.lexicon.published.has(n)) {
                        a += 1;
                    }
                }
                _ => break,
            }
        } else {
            break;
        }
    }
    a
}

/// Content after the cue at `cue` (and its object, for "told"): up to the
/// next speaker.
fn content_after(sent: &Sent, from: usize, until: usize, cue: usize) -> Option<(usize, usize)> {
    let toks = sent.toks;
    let told = matches!(
        toks[cue].lower.as_str(),
        "told" | "telling" | "tells" | "tell"
    );
    let until = until.min(toks.len());
    if from >= until {
        return None;
    }
    let mut a = from;
    // "that" within a few words: "said on Tuesday that", "told reporters that"
    if let Some(off) = toks[a..until.min(toks.len())]
        .iter()
        .take(8)
        .position(|t| t.is("that"))
    {
        if toks[a..a + off]
            .iter()
            .all(|t| t.kind == Kind::Word || t.lower == ",")
        {
            a += off + 1;
        }
    } else if told {
        a = skip_told_object(sent, a, until);
    }
    // (nothing but a setting skipped: the words right after the cue)
    let unskipped = a == from;
    a = skip_setting(sent, a, until);
    let set = a;
    if toks.get(a).is_some_and(|t| t.is("that")) {
        a += 1;
    }
    while a < until
        && toks[a].kind == Kind::Punct
        && matches!(toks[a].lower.as_str(), "," | ":" | "-" | "–" | "—")
    {
        a += 1;
    }
    let mut b = until;
    // drop a conjunction joining the next statement: "…, although the Pentagon said"
    while b > a
        && (toks[b - 1].kind == Kind::Punct && !is_closing_quote(&toks[b - 1])
            || CONJUNCTIONS.contains(&toks[b - 1].lower.as_str()))
    {
        b -= 1;
    }
    // "X said at a conference, as workers picketed outside": a clause that
    // follows, not what was said ("according to X, while …" is content)
    if !toks[from.saturating_sub(1)].is("to")
        && toks
            .get(a)
            .is_some_and(|t| CLAUSE_OPENERS.contains(&t.lower.as_str()))
        && a > from
        && toks[a - 1].lower == ","
    {
        return None;
    }
    if b <= a || toks[a..b].iter().filter(|t| t.kind != Kind::Punct).count() < 2 {
        return None;
    }
    if unskipped && a == set && acts_not_words(sent, cue, a, a == from) {
        return None;
    }
    // "Lena Park reported from Oslo.": where, not what
    // ("… reported from Washington, D.C.": a place name of any length)
    let words = toks[a..b].iter().filter(|t| t.kind == Kind::Word).count();
    let place = toks[a + 1..b]
        .iter()
        .all(|t| t.kind == Kind::Punct || t.capitalised(sent.src) || t.is("and") || t.is("from"));
    if (words <= 3 || place) && (PREPOSITIONS.contains(&toks[a].lower.as_str()) || toks[a].is("of"))
    {
        return None;
    }
    let mut end = toks[b - 1].end;
    // a conjunction glued to the last word by a bad translation: "Chernihivalthough"
    if until < toks.len() {
        let last = &toks[b - 1];
        if last.kind == Kind::Word {
            if let Some(c) = CONJUNCTIONS.iter().find(|c| {
                c.len() >= 4 && last.lower.len() > c.len() + 2 && last.lower.ends_with(*c)
            }) {
                end = last.end - c.len();
            }
        }
    }
    Some((toks[a].start, end))
}

/// Whether the words right after the cue are what was done, not what was
/// said: "added to her lead", "maintains a commanding lead" (a cue that
/// reports only a clause, before an object).
fn acts_not_words(sent: &Sent, cue: usize, a: usize, direct: bool) -> bool {
    let toks = sent.toks;
    let first = toks[a].lower.as_str();
    let object = ["a", "an"].contains(&first) || POSSESSIVES.contains(&first);
    // ("the monitor maintained by the embassy", "figures reported by
    // the ministry": a passive; "responded by pointing" may report)
    let passive = first == "by"
        && direct
        && toks.get(a + 1).is_some_and(|n| {
            ARTICLES.contains(&n.lower.as_str())
                || POSSESSIVES.contains(&n.lower.as_str())
                || n.capitalised(sent.src)
        });
    // ("said Friday as he entered the talks": when, not what)
    let when = matches!(first, "as" | "when" | "while") && subordinate_clause(sent, a);
    passive
        || when
        || (first == "to" && toks[cue].lower.starts_with("add"))
        || (object && sent.lexicon.clause_cues.has(&toks[cue]))
}

/// Whether the word at `a` ("as", "when", "while") opens a clause with its
/// own subject and verb: "as he entered", "as talks stalled" (not "as many
/// as 30").
fn subordinate_clause(sent: &Sent, a: usize) -> bool {
    let toks = sent.toks;
    let pronoun = |t: &Token| {
        matches!(
            t.lower.as_str(),
            "he" | "she" | "they" | "we" | "i" | "it" | "you"
        )
    };
    let verb = |t: &Token| t.lower.ends_with("ed") || sent.lexicon.past_verbs.has(t);
    toks.get(a + 1).is_some_and(|n| {
        pronoun(n)
            || n.kind == Kind::Word
                && !n.capitalised(sent.src)
                && !sent.closed(n)
                && !CLOSED_CLASS.contains(&n.lower.as_str())
                && toks.get(a + 2).is_some_and(verb)
    })
}

/// Skip whom they told: "told reporters", "told the BBC", "told BBC Radio
/// 4's Today programme:", "told a news conference". `a < until`.
fn skip_told_object(sent: &Sent, mut a: usize, until: usize) -> usize {
    let toks = sent.toks;
    let settings = &sent.lexicon.speech_settings;
    let colon = toks[a..until].iter().take(8).position(|t| t.lower == ":");
    let setting = toks[a..until]
        .iter()
        .take(5)
        .position(|t| settings.contains(t.lower.as_str()));
    if let Some(c) = colon.filter(|&c| {
        toks[a..a + c]
            .iter()
            .all(|t| t.kind == Kind::Word || t.lower == "'" || t.lower == "’")
    }) {
        a += c + 1;
    } else if let Some(s) = setting.filter(|_| {
        toks.get(a)
            .is_some_and(|t| ARTICLES.contains(&t.lower.as_str()))
    }) {
        a += s + 1;
    } else {
        if toks.get(a).is_some_and(|t| t.is("the")) {
            a += 1;
        }
        // a name: every capitalised word of it, and the full stop of an
        // abbreviation ("told Mr. Obama")
        let name = (a..until)
            .take_while(|&i| {
                let t = &toks[i];
                t.kind == Kind::Word && t.capitalised(sent.src)
                    || t.lower == "."
                        && i > a
                        && toks[i - 1].end == t.start
                        && sent.lexicon.abbreviations.has(&toks[i - 1])
            })
            .count();
        a += name.max(1);
    }
    a
}

/// Whether the speaker at `ma` and its cue ending at `cb` close a sentence
/// whose comma before the speaker was lost: the cue ends the sentence, the
/// speaker follows a content word ("… on Friday the regional emergency
/// service said"), not a wh-word or a quantifier ("what the minister
/// said", "everything the minister said"), and a clause stands before it.
fn lost_comma_tail(sent: &Sent, from: usize, ma: usize, cb: usize) -> bool {
    let toks = sent.toks;
    if from >= ma || cb > toks.len() {
        return false;
    }
    // (or a clause of when follows it: "… overnight residents reported as
    // talks stalled")
    let ends = toks[cb..]
        .iter()
        .find(|t| t.kind == Kind::Punct)
        .is_some_and(|t| matches!(t.lower.as_str(), "." | "!" | "?"))
        && (toks[cb..]
            .iter()
            .take_while(|t| t.kind == Kind::Word)
            .count()
            <= 4
            || toks
                .get(cb)
                .is_some_and(|t| matches!(t.lower.as_str(), "as" | "when" | "while"))
                && subordinate_clause(sent, cb));
    let prev = ma.checked_sub(1).filter(|&p| p >= from).map(|p| &toks[p]);
    // (a figure ends the words as well: "… killed another two the monitor said")
    let content_word = prev.is_some_and(|p| {
        p.kind == Kind::Num
            || crate::lang::numbers::is_number_word(&p.lower)
            || p.kind == Kind::Word
                && !CLOSED_CLASS.contains(&p.lower.as_str())
                && !QUANTIFIERS.contains(&p.lower.as_str())
                && !INDEFINITE_PRONOUNS.contains(&p.lower.as_str())
                && !sent.lexicon.aux_words.has(p)
    });
    let words = toks[from..ma]
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .count();
    // a comma a few words before sets off a longer speaker than the one
    // found: "…, the trade and industry secretary has said"
    let comma_near = toks[from.max(ma.saturating_sub(5))..ma]
        .iter()
        .any(|t| t.lower == ",");
    ends && content_word && words >= 4 && !comma_near
}

/// Content before the speaker: "…, the ministry said." (`loose`: the
/// comma before the speaker was lost, see [`lost_comma_tail`]).
fn content_before(sent: &Sent, from: usize, to: usize, loose: bool) -> Option<(usize, usize)> {
    let toks = sent.toks;
    let mut a = from;
    let mut b = to;
    while a < b
        && toks[a].kind == Kind::Punct
        && !matches!(toks[a].lower.as_str(), "“" | "\"" | "‘" | "«" | "'")
    {
        a += 1;
    }
    while b > a && toks[b - 1].kind == Kind::Punct {
        b -= 1;
    }
    if b <= a || toks[a..b].iter().filter(|t| t.kind != Kind::Punct).count() < 2 {
        return None;
    }
    // the words before a sentence-final speaker must be set off by a comma or a quote
    let sep = &toks[to.saturating_sub(1)];
    if !loose
        && !matches!(
            sep.lower.as_str(),
            "," | "”" | "\"" | "’" | "'" | "»" | "—" | "–" | ":"
        )
    {
        return None;
    }
    Some((toks[a].start, toks[b - 1].end))
}
