//! Who speaks: the speaker before the cue ("X said", "Fomin, the deputy
//! minister, said"), after it ("…, said the ministry", "according to X"),
//! the apposition that may follow, and the registry calls that turn a
//! mention into an entity.

use super::{is_pronoun, Raw, Sent, Who};
use crate::extract::speakers::Registry;
use crate::lang::tokens::{Kind, Token};
use crate::lexicon::grammar::{
    APPOSITION_OPENERS, ARTICLES, BE, CLOSED_CLASS, DETERMINERS, FRONTED_OPENERS,
    PERIOD_DETERMINERS, PHRASE_PREPOSITIONS, QUANTIFIERS,
};

/// A speaker after the cue ("…, said X", "according to X"), with the
/// apposition that may follow it, pushed to `raw`; returns where to go on from.
pub(super) fn push_right(
    sent: &Sent,
    registry: &mut Registry,
    raw: &mut Vec<Raw>,
    (a, b): (usize, usize),
    cue: (usize, usize),
    open_apposition: bool,
) -> usize {
    let entity = registry.mention(&sent.mention_words(a, b), sent.lexicon);
    let content_from = sent.apposition_end(b, open_apposition);
    raw.push(Raw {
        entity,
        mention: (a, b),
        cue,
        right: true,
        content_from,
        also: Vec::new(),
    });
    content_from.unwrap_or(b)
}

/// The entity of a speaker phrase: a share of those polled stays as
/// written ("54 percent"), any other phrase goes to the registry.
pub(super) fn phrase_entity(
    sent: &Sent,
    registry: &mut Registry,
    (a, b): (usize, usize),
) -> Option<usize> {
    if super::described::share_before(sent, b) == Some((a, b)) {
        return Some(registry.share(&sent.src[sent.toks[a].start..sent.toks[b - 1].end]));
    }
    registry.mention(&sent.mention_words(a, b), sent.lexicon)
}

/// The speaker of the cue at token `k`, pushed to `raw`: before it, a
/// pronoun, the speaker of the cue before ("…, saying …"), the subject of
/// the sentence, or after it by inversion ("…, said the ministry."). For an
/// inversion, returns the token to go on from.
pub(super) fn speaker_of_cue(
    sent: &Sent,
    k: usize,
    registry: &mut Registry,
    raw: &mut Vec<Raw>,
) -> Option<usize> {
    if let Some(next) = super::quoted::quoted_as_saying(sent, k, registry, raw) {
        return Some(next);
    }
    let toks = sent.toks;
    let t = &toks[k];
    let prev = sent.prev(k);
    // ("making a pitch to voters saying …", "responded on Facebook
    // writing …": whom or where a participle's subject addressed does not
    // speak; "with McCain telling" and "62 percent of voters saying" do)
    let mut object = false;
    let left = left_speaker(sent, k, registry).filter(|who| {
        object = matches!(who, Who::Phrase(a, b) if *b == k
        && (0..=2).any(|m| {
            *a > sent.first + m
                && matches!(toks[*a - m - 1].lower.as_str(), "to" | "on" | "at" | "in")
        })) && sent.lexicon.participle_cues.has(t);
        !object
    });
    match left {
        // "Arakhamia said the sides had agreed …": inside the content before
        // (but one who names a quotation speaks it: "… said that Quill had
        // described the deal as “the gold standard”")
        Some(Who::Phrase(a, _))
            if raw
                .last()
                .is_some_and(|r| !r.right && a >= r.cue.1 && a - r.cue.1 <= 1)
                && !sent.lexicon.quote_verbs.has(t) => {}
        Some(Who::Phrase(a, b)) => {
            let e = phrase_entity(sent, registry, (a, b));
            let mut r = Raw::left(e, (a, b), k);
            r.also = super::names::conjuncts(sent, registry, a);
            raw.push(r);
        }
        Some(Who::Relative(w, (a, b))) => {
            let e = phrase_entity(sent, registry, (a, b));
            raw.push(Raw::left(e, (w, w + 1), k));
        }
        Some(Who::Pronoun(p)) => {
            // "X said it had noted …": the pronoun is inside X's content
            let inside = raw.last().is_some_and(|r| p >= r.cue.1 && p - r.cue.1 <= 1);
            if !inside {
                if let Some(e) = registry.pronoun(&toks[p].lower, sent.lexicon) {
                    raw.push(Raw::left(Some(e), (p, p + 1), k));
                }
            }
        }
        None => {
            let after_break = prev.is_none_or(|p| p.kind == Kind::Punct);
            let participle = sent.lexicon.participle_cues.has(t);
            // "condemned the bombing saying “…”": copy that lost the comma
            // before a participle cue, with a quotation after it (without
            // one, "a note saying that …" is as likely: on PolNeAR dev that
            // reading cost 0.3 points of precision)
            let lost_comma = participle
                && prev.is_some_and(|p| p.kind == Kind::Word && !p.capitalised(sent.src))
                && super::quotation_follows(sent, k);
            let coordinated =
                lost_comma || prev.is_some_and(|p| p.lower == "," || p.is("and") || p.is("but"));
            // (not a relative clause's: "not paying an architect who said
            // he was stiffed …, saying, “…”" is the subject's)
            let relative = raw
                .last()
                .is_some_and(|r| super::relative::is_relative(sent, r));
            if coordinated
                && (participle || prev.is_none_or(|p| p.lower != ","))
                && !raw.is_empty()
                && !(relative && participle)
            {
                // "…, saying that …", "… said X but added that …": the speaker before
                let last = &raw[raw.len() - 1];
                let (e, m) = (last.entity, last.mention);
                raw.push(Raw::left(e, m, k));
            } else if coordinated && participle
                || object
                || raw.is_empty() && prev.is_some_and(|p| p.is("and"))
            {
                // "Gov. Mike Pence on Thursday blamed the media …, saying …",
                // "Giles tried again in October and said …": the subject of
                // the sentence
                if let Some((a, b)) = sent.subject(k) {
                    let e = registry.mention(&sent.mention_words(a, b), sent.lexicon);
                    raw.push(Raw::left(e, (a, b), k));
                }
            } else if after_break && !sent.lexicon.quote_verbs.has(t) {
                // inversion: "…, said the ministry." / "…, said the mayor, Ivan Fedorov."
                // (after "calling", "dubbed" the name is what was named:
                // "calling Gustav “the storm of the century”")
                if let Some((a, mut b)) = sent.np_after(k + 1) {
                    // "…, said the mayor, Ivan Fedorov." (but in "…, said
                    // Patti Doyle, Clinton’s 2008 campaign manager." the name
                    // after the comma opens a description)
                    if toks.get(b).is_some_and(|t| t.lower == ",") && sent.cap(b + 1) {
                        if let Some((_, nb)) = sent.np_after(b + 1) {
                            if toks.get(nb).is_none_or(|t| t.kind == Kind::Punct) {
                                b = nb;
                            }
                        }
                    }
                    // "…" said Nadim Houry deputy director of the regional
                    // office.": a description after the name runs to the end
                    // (a title opens a longer one: "deputy director of the
                    // Middle East and North Africa division at …")
                    let words = toks[b..]
                        .iter()
                        .take_while(|t| t.kind == Kind::Word)
                        .count();
                    // ("said Yasser al-Yusef a member of the political office
                    // of …": an article after a name of two words or more)
                    // ("said a data expert who has worked for …": a relative
                    // clause describes the speaker to the end)
                    let described = toks.get(b).is_some_and(|t| {
                        ["of", "at", "for", "in"].contains(&t.lower.as_str()) && words <= 8
                            || ["who", "whose"].contains(&t.lower.as_str()) && words <= 20
                            || sent.description_after_name(b) && words <= 20
                            || ARTICLES.contains(&t.lower.as_str()) && b - a >= 2 && words <= 20
                    }) && toks[b..]
                        .iter()
                        .find(|t| t.kind != Kind::Word)
                        .is_none_or(|t| t.lower == "." || t.lower == ",");
                    // (or a participle that lost its comma: "said activist
                    // Abu Omar adding the toll was likely to rise")
                    let participle_next = sent
                        .word(b)
                        .is_some_and(|t| sent.lexicon.participle_cues.has(t));
                    let ends = toks.get(b).is_none_or(|t| t.kind == Kind::Punct)
                        || described
                        || participle_next;
                    if ends {
                        return Some(push_right(sent, registry, raw, (a, b), (k, k + 1), true));
                    }
                }
                if let Some((a, b)) = super::described::after_quote(sent, k) {
                    return Some(push_right(sent, registry, raw, (a, b), (k, k + 1), true));
                }
            }
        }
    }
    None
}

fn left_speaker(sent: &Sent, k: usize, registry: &Registry) -> Option<Who> {
    let toks = sent.toks;
    let lx = sent.lexicon;
    let mut j = k;
    // words between the speaker and the cue: "also", "this week", "on Tuesday"
    loop {
        let w = |i: usize| toks[i].lower.as_str();
        if j > sent.first + 1
            && lx.periods.contains(w(j - 1))
            && PERIOD_DETERMINERS.contains(&w(j - 2))
        {
            j -= 2;
        } else if j > sent.first && lx.skip_left.contains(w(j - 1)) {
            j -= 1;
        } else if j == k && j > sent.first && BE.contains(&w(j - 1)) && w(k).ends_with("ing") {
            // "The union is calling the offer …"
            j -= 1;
        } else if let Some(open) = (j > sent.first + 2 && w(j - 1) == ")")
            .then(|| (j.saturating_sub(8).max(sent.first)..j - 1).rfind(|&p| w(p) == "("))
            .flatten()
            .filter(|&p| p > sent.first)
        {
            // a party and state tag: "Harry M. Reid (D-Nev.) told"
            j = open;
        } else if let Some(open) = (j > sent.first + 3 && is_dash(w(j - 1)))
            .then(|| (j.saturating_sub(12).max(sent.first + 1)..j - 2).rfind(|&p| is_dash(w(p))))
            .flatten()
        {
            // an aside between dashes: "Dock workers - especially in the
            // northern ports - said"
            j = open;
        } else if let Some(open) = (j > sent.first + 3 && w(j - 1) == ",")
            .then(|| (j.saturating_sub(14).max(sent.first + 1)..j - 2).rfind(|&p| w(p) == ","))
            .flatten()
            .filter(|&p| lx.aside_participles.contains(w(p + 1)))
        {
            // an aside opened by a participle: "Local media, citing
            // hospital sources, reported"
            j = open;
        } else if j > sent.first + 1 && lx.week.contains(w(j - 1)) {
            j -= 1;
            if toks[j - 1].is("on") {
                j -= 1;
            }
        } else {
            break;
        }
    }
    if let Some(a) = super::described::known_name_before(sent, j, registry) {
        return Some(Who::Phrase(a, j));
    }
    if let Some(who) = super::relative::relative_speaker(sent, j) {
        return Some(who);
    }
    if let Some((a, b)) = super::described::share_subject(sent, j) {
        return Some(Who::Phrase(a, b));
    }
    if j > sent.first + 1 && toks[j - 1].lower == "," {
        let c = (sent.first..j - 1)
            .rev()
            .take(20)
            .find(|&c| toks[c].lower == ",")?;
        // "Fomin, the deputy minister, said", "Otis Ferry, a former Eton
        // pupil and joint leader of the South Shropshire Hunt, said"
        // (a name inside a description, "chairman of the board of Freedom
        // Partners, the network's funding arm, said", is no speaker: the
        // name before the descriptions is found below)
        // (but "In Negeri Sembilan, the departments … were on standby,
        // said X": a place phrase opening the sentence is no speaker)
        let appositive = toks
            .get(c + 1)
            .is_some_and(|t| APPOSITION_OPENERS.contains(&t.lower.as_str()));
        if appositive {
            // ("In nearby Decatur, the plant …, said": a place)
            if let Some((a, b)) = sent
                .np_before(c, false)
                .filter(|&(a, _)| !after_modified_preposition(sent, a))
            {
                return Some(Who::Phrase(a, b));
            }
        }
        // "The head of the mission, Matilda Bogner, said" (but in "David
        // Redvers, 28, from Hartpury, Gloucestershire, said" the name
        // after the comma ends a place: "from Hartpury, Gloucestershire")
        let place = sent
            .np_before(c, false)
            .is_some_and(|(a, b)| after_preposition(sent, a) && sent.cap(b - 1));
        // ("Representative Ann Bell, Democrat of Tennessee, told": a role
        // "X of Y" after a name describes it; the name is found below)
        let role = |(a, b): (usize, usize)| {
            toks[a..b].iter().any(|t| t.is("of"))
                && sent.np_before(c, false).is_some_and(|(na, nb)| {
                    nb == c && sent.cap(na) && !toks[na..nb].iter().any(|t| t.is("of"))
                })
        };
        if let Some((a, b)) = sent.np_before(j - 1, false) {
            if a == c + 1 && sent.cap(a) && !place && !role((a, b)) {
                return Some(Who::Phrase(a, b));
            }
        }
        // "Ramil Carr, 31, a freelance photographer, said": the name that
        // opens the sentence or a clause before the descriptions
        let mut end = j - 1;
        for _ in 0..3 {
            let c = (sent.first..end)
                .rev()
                .take(25)
                .find(|&c| toks[c].lower == ",")?;
            if let Some((a, b)) = sent.np_before(c, false) {
                // "After the ruling Carla Ferstman, legal director …, said":
                // a fronted phrase that lost its comma
                // ("In the UK the Environment Secretary Owen Paterson, after
                // chairing a meeting, said": a place phrase that lost its comma)
                let opener = toks[sent.first].lower.as_str();
                let article = ARTICLES.contains(&toks[a].lower.as_str());
                let head = a + usize::from(article);
                let fronted = !appositive
                    && (FRONTED_OPENERS.contains(&opener) || opener == "in")
                    && (sent.cap(head) || sent.lexicon.titles.has(&toks[head]))
                    && (article || !sent.cap(a - 1));
                let opens = a == sent.first
                    || toks[a - 1].kind == Kind::Punct
                    || toks[a - 1].is("and")
                    || toks[a - 1].is("but")
                    || fronted;
                if opens && sent.cap(b - 1) {
                    return Some(Who::Phrase(a, b));
                }
            }
            // "The radio, monitored by the BBC, said": a participle clause
            // set off after the subject opening the sentence
            let participle = sent.word(c + 1).is_some_and(|t| {
                !t.capitalised(sent.src) && t.lower.ends_with("ed") && t.lower.len() > 4
            });
            if let Some((a, b)) = sent.np_before(c, true).filter(|&(a, _)| a == sent.first) {
                if participle && b == c {
                    return Some(Who::Phrase(a, b));
                }
            }
            end = c;
        }
        return None;
    }
    if j > sent.first && is_pronoun(&toks[j - 1]) {
        // a doubled subject: "Zelensky he said", "Before the talks, President
        // Zelensky he said" (but in "… on the outskirts of Deir Sharqi it
        // said" or "after meeting the Syrian and Iranian foreign ministers
        // he said" the phrase is an object: the pronoun speaks)
        let opens_clause = |a: usize| a == sent.first || toks[a - 1].kind == Kind::Punct;
        if let Some((a, b)) = sent
            .np_before(j - 1, false)
            .filter(|&(a, _)| !after_preposition(sent, a) && opens_clause(a))
        {
            return Some(Who::Phrase(a, b));
        }
        return Some(Who::Pronoun(j - 1));
    }
    if let Some(name) = super::described::name_after_quote(sent, j, k) {
        return Some(Who::Phrase(name.0, name.1));
    }
    // (a verb of evidence is a cue only after a proxy: its phrase speaks)
    let plain = sent.lexicon.saying_verbs.has(&toks[k]) || super::proxy_speaks(sent, k);
    let np = sent.np_before(j, plain);
    // "The Syrian Coalition an opposition group (based outside the
    // country) said": the name opening the sentence, described after an
    // article that lost its comma, speaks
    if let Some((a, _)) = np {
        let described = opening_name(sent, j).filter(|&(_, e)| {
            (a == e || a == e + 1 || after_modified_preposition(sent, a) && a > e)
                && (e..j).all(|i| toks[i].kind != Kind::Punct)
        });
        if let Some((na, nb)) = described {
            return Some(Who::Phrase(na, nb));
        }
    }
    if let Some(head) = super::relative::relative_head(sent, np.map_or(j, |(a, _)| a)) {
        return Some(Who::Phrase(head.0, head.1));
    }
    // "A nurse at the Tarsk district hospital said": the phrase before the
    // cue, if any, is inside a prepositional phrase of the subject
    // (a participle continues another's speech: "footage of Trump saying")
    let in_phrase = np.is_none_or(|(a, _)| after_modified_preposition(sent, a))
        && !sent.lexicon.participle_cues.has(&toks[k]);
    // any noun speaks before "said"; before a cue that is also a noun or
    // an ordinary verb ("the interests of member states trump …") only a
    // name or a word for those who speak does
    let speaks = |(a, b): (usize, usize)| {
        plain
            || (a..b).any(|i| {
                let t = &toks[i];
                sent.nameish(t) && (i > sent.first || !t.capitalised(sent.src))
                    || sent.lexicon.proxies.has(t)
            })
    };
    let head = in_phrase.then(|| phrase_head(sent, j)).flatten();
    if let Some((a, b)) = head.filter(|&h| speaks(h)) {
        // unless the reference names the whole phrase: "officials in Myanmar"
        let whole = sent.mention_words(a, j).join(" ");
        return Some(Who::Phrase(
            a,
            if registry.is_known_name(&whole) { j } else { b },
        ));
    }
    let (mut a, b) = np?;
    // a preposition opening the sentence is no part of the speaker: "After
    // Smith said …" is Smith's, "Following Wednesdays reports the
    // Observatory called …" (an apostrophe lost) is no one's
    if FRONTED_OPENERS.contains(&toks[a].lower.as_str()) {
        a += 1;
        let day = |t: &Token| {
            let w = t.lower.as_str();
            sent.lexicon.is_time(w) || sent.lexicon.is_time(w.strip_suffix('s').unwrap_or(w))
        };
        if a >= b || (a..b).all(|i| day(&toks[i])) {
            return None;
        }
    }
    // a name ending a prepositional phrase ("… the border from Idlib told")
    // may not be the speaker: copy that lost its commas puts an apposition
    // between the name and the cue ("Ercan Topaca the governor of Hatay …
    // from Idlib told"). The name opening the sentence before "the"/"a" is.
    if after_preposition(sent, a) {
        if let Some((a, b)) = opening_name(sent, a) {
            return Some(Who::Phrase(a, b));
        }
    }
    Some(Who::Phrase(a, person_of_body(sent, a, b)))
}

/// "Leyla al-Masri of the Karun Relief Network said": a person's name
/// (two or three capitalised words, none a group noun) before "of" and a
/// body is the speaker; the body only places them. Returns the end of the
/// speaker's words.
fn person_of_body(sent: &Sent, a: usize, b: usize) -> usize {
    let toks = sent.toks;
    let Some(of) = (a + 2..b.min(a + 4)).find(|&i| toks[i].is("of")) else {
        return b;
    };
    let group = |i: usize| {
        let w = toks[i].lower.as_str();
        sent.lexicon.organisations.contains(w)
            || sent.lexicon.speaker_nouns.contains(w)
            || sent.lexicon.titles.contains(w)
    };
    let person = (a..of).all(|i| (sent.cap(i) || particle_name(sent, i)) && !group(i));
    let body = group(b - 1);
    if person && body {
        of
    } else {
        b
    }
}

/// Whether the phrase starting at token `a` follows a preposition of the
/// subject's phrase ("… of Deir Sharqi", "… from Idlib"): it ends that
/// phrase rather than naming the speaker.
fn after_preposition(sent: &Sent, a: usize) -> bool {
    a > sent.first && PHRASE_PREPOSITIONS.contains(&sent.toks[a - 1].lower.as_str())
}

/// Like [`after_preposition`], with up to two lower-case modifiers between:
/// "An AFP correspondent in east Aleppo said".
fn after_modified_preposition(sent: &Sent, a: usize) -> bool {
    let modifier = |i: usize| {
        sent.word(i)
            .is_some_and(|t| !t.capitalised(sent.src) && !sent.closed(t))
    };
    (0..=2)
        .take_while(|&m| m == 0 || m <= a && modifier(a - m))
        .any(|m| after_preposition(sent, a - m))
}

/// The head of a subject whose prepositional phrases run up to `end`:
/// "A nurse at the Tarsk district hospital", "The group with a network of
/// sources inside Syria", "Abu Ahmad of the Fastaqim brigade". A proxy
/// ("a spokesman for the Observatory") gives the body after it instead.
/// Every part must read as a plain noun phrase, so that a clause ("The army
/// entered the area in Homs") is never taken for one.
fn phrase_head(sent: &Sent, end: usize) -> Option<(usize, usize)> {
    let toks = sent.toks;
    let lx = sent.lexicon;
    // "of" between capitalised words joins a name: "Ministry of Defence lawyers"
    let joiner = |i: usize| toks[i].is("of") && sent.cap(i - 1) && sent.cap(i + 1);
    let preposition =
        |i: usize| PHRASE_PREPOSITIONS.contains(&toks[i].lower.as_str()) && !joiner(i);
    // the parts between prepositions, from the cue back to the head
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut i = end;
    loop {
        let mut s = i;
        while s > sent.first && i - s < 6 && toks[s - 1].kind == Kind::Word && !preposition(s - 1) {
            s -= 1;
        }
        if s == i {
            return None;
        }
        parts.push((s, i));
        if s > sent.first + 1 && preposition(s - 1) && parts.len() < 5 {
            i = s - 1;
        } else {
            break;
        }
    }
    let &(hs, _) = parts.last()?;
    let mut opens = hs == sent.first
        || matches!(
            toks[hs - 1].lower.as_str(),
            "," | ";" | ":" | "\"" | "“" | "”" | "(" | "—" | "–"
        );
    // a time the sentence opens with is no part of the subject: "Earlier in
    // the day a source at the police command told …", "On Sunday morning
    // the head of the hospital said"
    let time = parts.iter().enumerate().rev().find_map(|(j, &(s, e))| {
        (s + 1..e)
            .find(|&k| {
                DETERMINERS.contains(&toks[k].lower.as_str()) && lx.is_time(&toks[k - 1].lower)
            })
            .map(|k| (j, k))
    });
    if let Some((j, k)) = time {
        opens |= hs == sent.first + 1 && preposition(sent.first);
        parts.truncate(j + 1);
        parts[j].0 = k;
    }
    let &(hs, mut he) = parts.last()?;
    // a head with a noun: "…, some at a brokerage house federal officials
    // said" is an object clause, not a subject
    let noun = (hs..he).any(|n| !QUANTIFIERS.contains(&toks[n].lower.as_str()));
    if parts.len() < 2 || !opens || !noun {
        return None;
    }
    // a determiner only first in a part, and no verb anywhere
    let plain = parts.iter().all(|&(s, e)| {
        (s..e).all(|n| {
            let t = &toks[n];
            let w = t.lower.as_str();
            let after_det = n > s && DETERMINERS.contains(&toks[n - 1].lower.as_str());
            let verb_like = !t.capitalised(sent.src) && w.ends_with("ed") && !after_det;
            n == s && (DETERMINERS.contains(&w) || QUANTIFIERS.contains(&w))
                || !CLOSED_CLASS.contains(&w)
                    && !sent.closed(t)
                    && !lx.reporting_verbs.contains(w)
                    && !lx.aux_words.contains(w)
                    && !verb_like
        })
    });
    if !plain {
        return None;
    }
    let proxy = lx.proxies.has(&toks[he - 1])
        && ["for", "of", "from", "at"].contains(&toks[he].lower.as_str());
    // a name that lost the comma before its title: "Hashem Darwish head of …"
    let title = |n: usize| !toks[n].capitalised(sent.src) && lx.titles.has(&toks[n]);
    if let Some(t) = (hs + 2..he).find(|&n| title(n) && (hs..n).all(|m| sent.cap(m))) {
        he = t;
    }
    Some(if proxy {
        parts[parts.len() - 2]
    } else {
        (hs, he)
    })
}

/// The capitalised name opening the sentence when an apposition opener
/// ("the", "a") follows it before `limit`: "Ercan Topaca the governor …",
/// "The Syrian Coalition an opposition group …".
fn opening_name(sent: &Sent, limit: usize) -> Option<(usize, usize)> {
    let the = sent.toks.get(sent.first).is_some_and(|t| t.is("the"));
    let start = sent.first + usize::from(the);
    let mut end = start;
    while end < limit && (sent.cap(end) || end > start && particle_name(sent, end)) {
        end += 1;
    }
    let names = end - start;
    let opener = sent
        .toks
        .get(end)
        .is_some_and(|t| ARTICLES.contains(&t.lower.as_str()));
    ((2..=4).contains(&names) && opener).then_some((sent.first, end))
}

/// A name word with its particle, in one token or two: "al-Aswad", "bin
/// Salman", "van Dijk".
pub(super) fn particle_name(sent: &Sent, i: usize) -> bool {
    let Some(t) = sent.word(i) else { return false };
    sent.glued_particle(t) || sent.lexicon.name_particles.has(t) && sent.cap(i + 1)
}

/// A dash that sets off an aside ("-", "–", "—", "--").
fn is_dash(w: &str) -> bool {
    matches!(w, "-" | "–" | "—" | "--")
}
