//! Numbers that are not counts: years, dates, times, ages, durations,
//! labels, codes and scores. Each test looks at the number and the tokens
//! right around it.

use crate::extract::speech::Sent;
use crate::lang::numbers::{is_scale_word, parse_at, NumberPhrase, TENS};
use crate::lang::tokens::{Kind, Token};
use crate::lexicon::grammar::GROUP_DETERMINERS;
use crate::lexicon::Lexicon;

/// Whether the number is a year, date, time, age, duration, label or score.
pub(super) fn not_a_count(sent: &Sent, n: &NumberPhrase, lx: &Lexicon) -> bool {
    glued_to_word(sent, n)
        || glued_to_digits(sent, n)
        || tail_of_a_written_number(sent, n)
        || in_a_power(sent, n)
        || in_citation(sent.toks, n.first)
        || group_size(sent, n) && super::plain_cue_at(sent.toks, n.last, sent.lexicon).is_none()
        || sent.toks[n.first].kind == Kind::Num && digits_not_a_count(sent, n, lx)
        || label_before(sent, n, lx)
        || unit_after(sent, n, lx)
        || clock_or_score(sent, n)
        || inside_a_name(sent, n, lx)
        || origin_of_the_counted(sent, n, lx)
        || sample_size(sent, n, lx)
}

/// The last part of a number written in parts this reader does not join:
/// "thirty‐seven" with a Unicode hyphen, a soft hyphen or a dash, or
/// "thirty-" hyphenated at a line's end; "1 trillion 1". Reading "seven"
/// or "1" there, a fix wrote "thirty‐thirty-seven" and "1 trillion 37".
fn tail_of_a_written_number(sent: &Sent, n: &NumberPhrase) -> bool {
    let toks = sent.toks;
    // (read in the text: a line's end may have closed the sentence there)
    let head = sent.src[..toks[n.first].start].trim_end_matches([' ', '\t']);
    let head = head.strip_suffix('\n').unwrap_or(head);
    let hyphened = ['-', '\u{2010}', '\u{2011}', '\u{ad}', '\u{2013}']
        .iter()
        .find_map(|h| head.strip_suffix(*h))
        .is_some_and(|w| {
            let word = w.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            !word.is_empty() && TENS.iter().any(|t| word.eq_ignore_ascii_case(t))
        });
    if toks[n.first].kind == Kind::Word && hyphened {
        return true;
    }
    let Some(k) = n.first.checked_sub(1) else {
        return false;
    };
    let before = &toks[k];
    // a scale word right after a number: "1 trillion 1"
    before.kind == Kind::Word
        && k > 0
        && toks[k - 1].kind == Kind::Num
        && toks[n.first].kind == Kind::Num
        && is_scale_word(&before.lower)
}

/// The size of a sample studied, not a count of the harmed: "half the
/// victims in their study of 45 patients", "a survey of 1,000 people".
fn sample_size(sent: &Sent, n: &NumberPhrase, lx: &Lexicon) -> bool {
    let toks = sent.toks;
    n.first >= sent.first + 2
        && toks[n.first - 1].is("of")
        && lx.sample_nouns.has(&toks[n.first - 2])
}

/// A number in where the counted come from, after their noun: "Three
/// children from one family were killed", "pupils from two schools".
fn origin_of_the_counted(sent: &Sent, n: &NumberPhrase, lx: &Lexicon) -> bool {
    let toks = sent.toks;
    n.first >= sent.first + 2
        && toks[n.first - 1].is("from")
        && lx.is_subject_head(&toks[n.first - 2].lower)
}

/// Digits between two capitalised words inside a sentence are part of a
/// name ("Fathers 4 Justice", "Channel 4 News"), unless people follow
/// ("Bomb Kills 15 People" in a title-case headline).
fn inside_a_name(sent: &Sent, n: &NumberPhrase, lx: &Lexicon) -> bool {
    let toks = sent.toks;
    let cap_word = |i: usize| sent.cap(i) && !lx.months.has(&toks[i]);
    toks[n.first].kind == Kind::Num
        && n.last == n.first + 1
        && n.first > sent.first + 1
        && cap_word(n.first - 1)
        && cap_word(n.last)
        && !lx.is_subject_head(&toks[n.last].lower)
        && super::plain_cue_at(toks, n.last, lx).is_none()
}

/// Whether token `k` is a part of a citation marker ("[34]"), whose
/// number is no count and which a counted phrase runs on over.
pub(super) fn in_citation(toks: &[Token], k: usize) -> bool {
    let tok = |i: usize| toks.get(i).map_or("", |t| t.lower.as_str());
    let num = |i: usize| toks.get(i).is_some_and(|t| t.kind == Kind::Num);
    let t = tok(k);
    t == "[" && num(k + 1) && tok(k + 2) == "]"
        || num(k) && k > 0 && tok(k - 1) == "[" && tok(k + 1) == "]"
        || t == "]" && k > 1 && num(k - 1) && tok(k - 2) == "["
}

/// A number glued to a word is part of a name: "M6", "G7", "COVID19".
fn glued_to_word(sent: &Sent, n: &NumberPhrase) -> bool {
    let first = &sent.toks[n.first];
    n.first
        .checked_sub(1)
        .map(|p| &sent.toks[p])
        .is_some_and(|p| p.kind == Kind::Word && p.end == first.start)
}

/// A base or an exponent: "10^13" — a power, which no count is read
/// from (reading "13", a fix wrote "10^37"); or a signed value ("-5
/// people": a fix wrote "-37").
fn in_a_power(sent: &Sent, n: &NumberPhrase) -> bool {
    let toks = sent.toks;
    let (start, end) = (toks[n.first].start, toks[n.last - 1].end);
    // ("10^13"; and a signed value, "-5", is no head count)
    let before = &sent.src[..start];
    let after = &sent.src[end..];
    let signed = before
        .strip_suffix(['-', '−', '+'])
        .is_some_and(|b| !b.ends_with(|c: char| c.is_alphanumeric()));
    before.ends_with('^') || after.starts_with('^') || signed
}

/// Digits joined to more digits by an invisible character or an apostrophe
/// ("1\u{ad}43" with a soft hyphen, "1\u{200e}43", Swiss "1'179"): a number
/// written in a way not read here, never a count of its parts (reading
/// "43" there, a fix wrote "1\u{ad}143").
fn glued_to_digits(sent: &Sent, n: &NumberPhrase) -> bool {
    let toks = sent.toks;
    let joiner = |t: &Token| {
        t.kind == Kind::Punct
            && t.text(sent.src)
                .chars()
                .all(|c| crate::lang::tokens::is_apostrophe(c) || crate::lang::unseen(c))
    };
    // digits, joiners and digits, each touching the next (a joiner may be
    // several tokens: the soft hyphen and word joiners markup became)
    let touching = |a: usize| toks[a].end == toks[a + 1].start;
    let before = || {
        let mut k = n.first;
        while k > 0 && joiner(&toks[k - 1]) && touching(k - 1) {
            k -= 1;
        }
        k < n.first && k > 0 && toks[k - 1].kind == Kind::Num && touching(k - 1)
    };
    let after = || {
        let mut k = n.last;
        while k < toks.len() && joiner(&toks[k]) && touching(k - 1) {
            k += 1;
        }
        k > n.last && toks.get(k).is_some_and(|t| t.kind == Kind::Num) && touching(k - 1)
    };
    toks[n.first].kind == Kind::Num && n.last > n.first && (before() || after())
}

/// A group size after another number: "one of its eight crew members"
/// (a toll, "six of the 40 dead", is a count).
fn group_size(sent: &Sent, n: &NumberPhrase) -> bool {
    let toks = sent.toks;
    n.first >= 3
        && GROUP_DETERMINERS.contains(&toks[n.first - 1].lower.as_str())
        && toks[n.first - 2].is("of")
        && parse_at(sent.src, toks, n.first - 3).is_some()
}

/// Digits that are a code, a year, a time or a date, by their form.
fn digits_not_a_count(sent: &Sent, n: &NumberPhrase, lx: &Lexicon) -> bool {
    let digits = &sent.toks[n.first].lower;
    // phone numbers and codes: a leading zero
    let code = digits.len() > 1 && digits.starts_with('0') && !digits.starts_with("0.");
    code || is_year(sent, n, lx) || time_or_date(sent, n)
}

/// Four plain digits are a year, unless people follow ("2014 people") and
/// no year word comes before ("in 2014").
fn is_year(sent: &Sent, n: &NumberPhrase, lx: &Lexicon) -> bool {
    let toks = sent.toks;
    let year_like = n.scale_word.is_none()
        && n.upper.is_none()
        && !n.separators
        && toks[n.first].lower.len() == 4
        && (1000.0..=2100.0).contains(&n.value);
    if !year_like {
        return false;
    }
    let prev = n.first.checked_sub(1).map(|p| &toks[p]);
    let noun_after = toks.get(n.last).is_some_and(|t| {
        t.kind == Kind::Word
            && !t.capitalised(sent.src)
            && !lx.year_words.has(t)
            && !lx.not_subject.has(t)
    });
    !noun_after || prev.is_some_and(|p| lx.year_words.has(p))
}

/// A colon or slash glued to the digits makes a time or a date: 10:30, 3/29.
fn time_or_date(sent: &Sent, n: &NumberPhrase) -> bool {
    let toks = sent.toks;
    let first = &toks[n.first];
    let glued = |t: &Token| {
        (t.lower == ":" || t.lower == "/") && (t.start == first.end || t.end == first.start)
    };
    toks.get(n.last).is_some_and(glued) || n.first.checked_sub(1).is_some_and(|p| glued(&toks[p]))
}

/// A month or a label before the number makes it a date, a page, an
/// address, money or an age ("March 3", "page 12", "at the age of 40").
fn label_before(sent: &Sent, n: &NumberPhrase, lx: &Lexicon) -> bool {
    let toks = sent.toks;
    if let Some(p) = n.first.checked_sub(1).map(|p| &toks[p]) {
        // "In January 25 people were killed": people after the number make
        // it a count, not the day of the month
        let people = toks.get(n.last).is_some_and(|t| {
            super::subject_word(t, lx) && !t.capitalised(sent.src) && lx.is_subject_head(&t.lower)
        });
        // ("lost 3" is a score, "lost 120 soldiers" a side's dead)
        let loss = toks.get(n.last).is_some_and(|t| lx.loss_subjects.has(t));
        if lx.months.has(p) && p.capitalised(sent.src) && !people
            || lx.non_count_labels.has(p) && !loss
        {
            return true;
        }
    }
    n.first >= 2 && toks[n.first - 1].is("of") && toks[n.first - 2].is("age") || model_name(toks, n)
}

/// Digits glued by a hyphen to a word before them name a model or a
/// strain, not a count: "Su-24", "F-16", "Covid-19".
fn model_name(toks: &[Token], n: &NumberPhrase) -> bool {
    let first = &toks[n.first];
    n.first >= 2
        && first.kind == Kind::Num
        && toks[n.first - 1].lower == "-"
        && toks[n.first - 1].end == first.start
        && toks[n.first - 2].end == toks[n.first - 1].start
        && toks[n.first - 2].kind == Kind::Word
}

/// A month, a unit or "-year-old" after the number makes it a date, a
/// duration, a distance, a sum or an age ("3 March", "12-year-old").
fn unit_after(sent: &Sent, n: &NumberPhrase, lx: &Lexicon) -> bool {
    let toks = sent.toks;
    let Some(t) = toks.get(n.last) else {
        return false;
    };
    let mut j = n.last;
    if t.lower == "-" && toks.get(j + 1).is_some_and(|n| n.kind == Kind::Word) {
        j += 1; // "12-year-old"
    }
    let w = &toks[j];
    let month = lx.months.has(w) && w.capitalised(sent.src);
    w.kind == Kind::Word && (month || lx.non_count_units.has(w) || w.lower.starts_with("year-old"))
}

/// A clock time ("2 a.m.", "3 p.m.") or a score ("won 3-1").
fn clock_or_score(sent: &Sent, n: &NumberPhrase) -> bool {
    let toks = sent.toks;
    let Some(t) = toks.get(n.last) else {
        return false;
    };
    let clock = (t.is("a") || t.is("p"))
        && toks.get(n.last + 1).is_some_and(|d| d.lower == ".")
        && toks.get(n.last + 2).is_some_and(|m| m.is("m"));
    let score = t.lower == "-"
        && toks.get(n.last + 1).is_some_and(|x| x.kind == Kind::Num)
        && n.upper.is_none();
    clock || score
}
