//! The gold side: PolNeAR's brat standoff files turned into relations with
//! byte ranges.
//!
//! brat counts offsets in Unicode code points while Rust slices strings by
//! byte, so every offset goes through a per-article table. Each span is
//! checked against the surface string the .ann file stores: a mismatch
//! would mean the offsets were converted wrongly, and every figure after
//! it would be off, so mismatches are counted and printed.

use std::collections::BTreeMap;

use super::report::clip;
use super::score::words_lower;

/// Byte ranges, end exclusive.
pub(crate) type Ranges = Vec<(usize, usize)>;

/// Cue words that make a gold relation a *speech* attribution. An entry
/// ending in `*` is a prefix; any other entry must equal a whole word of
/// the lowercased cue. "according to" is tested as a phrase in
/// [`is_speech_cue`]. Deliberately left out: ":" cues, beliefs and
/// perceptions (think, believe, feel, want, hope, fear), evidence and
/// findings (show, find, learn, reveal, cite), and verbs whose object is
/// rarely a proposition (call, describe, praise, criticize, urge, accuse).
#[rustfmt::skip]
pub const SPEECH_CUE_WORDS: &[&str] = &[
    // the brief's list (stems cut so that -ing forms match too)
    "say", "said", "says", "saying",
    "tell", "told", "tells", "telling",
    "add", "added", "adds", "adding",
    "state", "stated", "states", "stating",
    "announc*", "claim*", "insist*", "note", "noted", "notes", "noting",
    "warn*", "explain*",
    "write", "wrote", "writes", "writing", "written",
    "tweet*", "argu*", "suggest*",
    "deny", "denied", "denies", "denying",
    "confirm*", "acknowledg*",
    "ask", "asked", "asks", "asking",
    "report", "reported", "reports", "reporting", "reportedly",
    // further unambiguous verbs of saying
    "declar*", "assert*", "admit*",
    "reply", "replied", "replies", "replying",
    "respond*", "recall*", "remark*", "comment*", "mention*",
    "stress*", "emphasi*", "reiterat*", "testif*", "quip*",
    "predict*", "vow*", "pledg*", "promis*",
];

/// One attribution relation (`E` line).
pub(crate) struct GoldRel {
    pub(crate) source: Option<Ranges>,
    pub(crate) cue: Option<Ranges>,
    /// All content fragments (discontinuous spans and `Content2`), sorted.
    pub(crate) content: Ranges,
    pub(crate) source_text: String,
    pub(crate) cue_text: String,
    /// The cue is a verb of saying or "according to".
    pub(crate) speech_cue: bool,
}

impl GoldRel {
    /// Counted for recall: a speech cue and a Source.
    pub(crate) fn in_scope(&self) -> bool {
        self.speech_cue && self.source.is_some()
    }
}

/// How the .ann files of a split held up, printed so that a broken
/// conversion shows.
#[derive(Default)]
pub(crate) struct ParseStats {
    pub(crate) spans: usize,
    pub(crate) surface_mismatch: usize,
    pub(crate) bad_offsets: usize,
    pub(crate) relations_without_content: usize,
}

/// Byte offset of every code point, plus the text length at the end, so
/// that `table[char_offset]` is the byte offset of a brat offset.
fn char_to_byte_table(text: &str) -> Vec<usize> {
    let mut t: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    t.push(text.len());
    t
}

/// Parse one .ann file against its article text.
pub(crate) fn parse_ann(ann: &str, text: &str, name: &str, stats: &mut ParseStats) -> Vec<GoldRel> {
    let table = char_to_byte_table(text);
    // T id → its byte ranges
    let mut spans: BTreeMap<String, Ranges> = BTreeMap::new();
    let mut relations: Vec<Vec<(String, String)>> = Vec::new();
    for line in ann.lines() {
        let mut fields = line.splitn(3, '\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else {
            continue; // a continuation line of a multi-line surface, or blank
        };
        let surface = fields.next().unwrap_or("");
        if id.starts_with('T') && id[1..].chars().all(|c| c.is_ascii_digit()) {
            if let Some(ranges) = parse_span(line, body, surface, &table, text, name, stats) {
                spans.insert(id.to_string(), ranges);
            }
        } else if id.starts_with('E') {
            let args = body
                .split_whitespace()
                .filter_map(|a| a.split_once(':'))
                .map(|(role, t)| (role.to_string(), t.to_string()))
                .collect();
            relations.push(args);
        }
    }
    relations
        .iter()
        .filter_map(|args| {
            let rel = relation(args, &spans, text);
            stats.relations_without_content += rel.is_none() as usize;
            rel
        })
        .collect()
}

/// The byte ranges of one `T` line (`<label> <start> <end>[;<start> <end>…]`),
/// checked against the surface it stores; `None` for bad offsets.
fn parse_span(
    line: &str,
    body: &str,
    surface: &str,
    table: &[usize],
    text: &str,
    name: &str,
    stats: &mut ParseStats,
) -> Option<Ranges> {
    let (_label, offsets) = body.split_once(' ')?;
    stats.spans += 1;
    let mut ranges = Ranges::new();
    let mut ok = true;
    for frag in offsets.split(';') {
        let mut it = frag.split_whitespace().map(|n| n.parse::<usize>());
        match (it.next(), it.next()) {
            (Some(Ok(a)), Some(Ok(b))) if a <= b && b < table.len() => {
                ranges.push((table[a], table[b]))
            }
            _ => ok = false,
        }
    }
    if !ok || ranges.is_empty() {
        stats.bad_offsets += 1;
        eprintln!("warning: {name}: bad offsets in `{line}`");
        return None;
    }
    // brat joins the fragments of a discontinuous span with a space;
    // a surface spanning several lines is stored on several lines of
    // the .ann, so only its first line is on this one.
    let expected = ranges
        .iter()
        .map(|&(a, b)| &text[a..b])
        .collect::<Vec<_>>()
        .join(" ");
    let ok_surface =
        expected == surface || (expected.contains('\n') && expected.starts_with(surface));
    if !ok_surface {
        stats.surface_mismatch += 1;
        if stats.surface_mismatch <= 5 {
            let id = line.split('\t').next().unwrap_or("");
            eprintln!(
                "warning: {name}: {id} text {:?} differs from stored surface {:?}",
                clip(&expected, 60),
                clip(surface, 60)
            );
        }
    }
    Some(ranges)
}

/// One `E` line's arguments resolved to spans; `None` without content.
fn relation(
    args: &[(String, String)],
    spans: &BTreeMap<String, Ranges>,
    text: &str,
) -> Option<GoldRel> {
    let (mut source, mut cue, mut content) = (None::<Ranges>, None::<Ranges>, Ranges::new());
    for (role, t) in args {
        let Some(span) = spans.get(t) else { continue };
        let role = role.trim_end_matches(|c: char| c.is_ascii_digit());
        let slot = match role {
            "Source" => source.get_or_insert_with(Vec::new),
            "Cue" => cue.get_or_insert_with(Vec::new),
            "Content" => &mut content,
            _ => continue, // the Attribution trigger itself
        };
        slot.extend(span.iter().copied());
    }
    if content.is_empty() {
        return None;
    }
    content.sort_unstable();
    let join = |r: &Option<Ranges>| r.as_ref().map_or(String::new(), |r| join_ranges(text, r));
    let (source_text, cue_text) = (join(&source), join(&cue));
    Some(GoldRel {
        speech_cue: is_speech_cue(&cue_text),
        source,
        cue,
        content,
        source_text,
        cue_text,
    })
}

/// The text of several ranges, joined by " … ".
pub(crate) fn join_ranges(text: &str, r: &[(usize, usize)]) -> String {
    r.iter()
        .map(|&(a, b)| &text[a..b])
        .collect::<Vec<_>>()
        .join(" … ")
}

/// Whether a cue is a verb of saying or "according to", by its lowercased words.
pub fn is_speech_cue(cue: &str) -> bool {
    let words = words_lower(cue);
    if words
        .windows(2)
        .any(|w| w[0] == "according" && w[1] == "to")
    {
        return true;
    }
    words.iter().any(|w| {
        SPEECH_CUE_WORDS.iter().any(|&p| match p.strip_suffix('*') {
            Some(prefix) => w.starts_with(prefix),
            None => w == p,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_code_points() {
        let text = "“Yes,” he said.";
        // “ is one code point but three bytes
        let ann = "T1\tContent 1 4\tYes\nT2\tSource 7 9\the\nT3\tCue 10 14\tsaid\n\
                   E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n";
        let mut stats = ParseStats::default();
        let gold = parse_ann(ann, text, "t", &mut stats);
        assert_eq!(stats.surface_mismatch, 0);
        assert_eq!(gold.len(), 1);
        assert_eq!(&text[gold[0].content[0].0..gold[0].content[0].1], "Yes");
        assert_eq!(gold[0].source_text, "he");
        assert!(gold[0].in_scope());
    }

    #[test]
    fn speech_cues() {
        assert!(is_speech_cue("according to"));
        assert!(is_speech_cue("has warned"));
        assert!(!is_speech_cue("believes"));
        assert!(!is_speech_cue(":"));
    }
}
