//! Which speech a quotation belongs to: the cue before it in its sentence,
//! the tag right after it, or the speaker of the sentence before.

use super::quotes;
use super::speech::SpeechEvent;
use super::Prepared;

/// The events of sentence `s` (events come in sentence order).
pub(super) fn in_sentence(events: &[SpeechEvent], s: usize) -> &[SpeechEvent] {
    let a = events.partition_point(|e| e.sentence < s);
    let b = events.partition_point(|e| e.sentence <= s);
    &events[a..b]
}

/// The speech event a quotation belongs to: a cue before it in its sentence
/// ("Fomin said … “…”"), else a cue right after it ("“…,” he said"), else
/// the speaker of the sentence before in the same paragraph. Looks only at
/// the sentences around the quote, so it costs the same in any article.
pub(super) fn quote_speaker<'e>(
    q: &quotes::QuoteSpan,
    events: &'e [SpeechEvent],
    quotes: &[quotes::QuoteSpan],
    prepared: &[Prepared],
    sentence: usize,
) -> Option<&'e SpeechEvent> {
    // (a relative clause's speaker has only the quote inside its words)
    let within = |e: &SpeechEvent| {
        e.content
            .is_some_and(|(a, b)| a <= q.open + 1 && q.close <= b + 1)
    };
    let before = in_sentence(events, sentence)
        .iter()
        .rfind(|e| e.cue.1 <= q.open && (!e.relative || within(e)));
    if before.is_some() {
        return before;
    }
    // a tag later in the sentence whose reported words hold the quote
    // ("“We are horrified” by the shooting …, Nefzi said.")
    let holding = in_sentence(events, sentence).iter().find(|e| {
        e.cue.0 >= q.close
            && e.content
                .is_some_and(|(a, b)| a <= q.open + 1 && q.close <= b)
    });
    if holding.is_some() {
        return holding;
    }
    // a cue right after the quote (in the sentence it ends in, or the next),
    // unless it reports words of its own after it
    let end = prepared
        .partition_point(|p| p.end < q.close)
        .min(prepared.len().saturating_sub(1));
    // a tag between two parts of one quotation ("“If …” by the allies, Obama
    // said on Monday, “we would …”"): the part before is the tag's too
    let split = |e: &SpeechEvent| {
        e.sentence == sentence
            && e.mention.0 >= q.close
            && e.content.is_some_and(|(a, b)| {
                let i = quotes.partition_point(|o| o.open + 3 < a);
                quotes.get(i).is_some_and(|o| o.open <= (a + 3).min(b))
            })
    };
    let after = (end..(end + 2).min(prepared.len()))
        .flat_map(|s| in_sentence(events, s))
        .find(|e| {
            // the cue near, or the speaker right after the quote with a
            // description before the cue ("…," Andre Fortier, a vice
            // president with Noranda, which owns the mine said.)
            let named_right_after = e.mention.0 >= q.close && e.mention.0 - q.close <= 8;
            !e.relative
                && e.cue.0 >= q.close
                && !e.forward
                && (e.cue.0 - q.close <= 60
                    || named_right_after
                    || split(e) && e.cue.0 - q.close <= 150)
                && (e.content.is_none_or(|(a, _)| a < e.cue.0) || split(e))
                && !prepared[end..=e.sentence.max(end)]
                    .iter()
                    .any(|p| p.start >= q.close && p.end <= e.cue.0)
        });
    if after.is_some() {
        return after;
    }
    // news style: a quote that follows a speaker's words in the same
    // paragraph continues them ("“…,” Zelensky said. “But …”")
    if sentence > 0 && prepared[sentence - 1].paragraph == prepared[sentence].paragraph {
        return in_sentence(events, sentence - 1)
            .iter()
            .rfind(|e| !e.relative);
    }
    None
}
