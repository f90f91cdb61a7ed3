//! The one place that parses YAML. serde_yaml is deprecated upstream; to swap
//! it, change this module only. Errors come out with file, line and column,
//! and an unknown field suggests the nearest valid name.
//!
//! Two parsers, one parse on the success path. serde_yaml gives typed
//! values and, for the errors it finds itself, a position; it gives no
//! position for a value that parsed (no spans in `Value`, no marks on its
//! `Deserializer`, its libyaml parser is private). yaml-rust2 gives the
//! position of every event but has no serde `Deserializer`. Putting the
//! two on one event stream would mean writing a YAML deserialiser over
//! yaml-rust2 events, whose error texts (path prefixes, `invalid type:`
//! wording) and positions would differ from serde_yaml's, which references
//! and tests rely on. So [`from_str`] is the only parse of valid input,
//! and [`Locations`], a second parse with yaml-rust2, is built only to
//! place the semantic errors of input that parsed but is wrong.

use std::collections::HashMap;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

use crate::error::{Error, Result};

/// The deepest nesting of flow collections (`[`, `{`) a reference may
/// have. Real ones nest three or four deep; the parser's time grows with
/// the square of the depth, so 200,000 brackets would take minutes before
/// it said no.
const MAX_FLOW_DEPTH: usize = 64;

/// The most entries (mapping keys, list items, aliases) a reference may
/// hold: some 500,000 facts of four keys. The parser holds every event of
/// a document before the first is read, some 400 to 600 bytes an entry:
/// 2 million flow entries in 58 MB, or 10 million aliases in 30 MB, took
/// it past 2 GiB and aborted before validation could say no.
const MAX_YAML_ENTRIES: usize = 2_500_000;

/// The most entries an article's front matter may hold: it gives a date
/// and a title, and 2.4 million entries there took 1.7 GB per article.
const MAX_FRONT_MATTER_ENTRIES: usize = 10_000;

/// The most directives (`%TAG`, `%YAML`) a document may open with: real
/// ones have one or none, and the parser's time grows with the square of
/// their number (100,000 took 25 s).
const MAX_DIRECTIVES: usize = 16;

/// Refuse flow collections nested past [`MAX_FLOW_DEPTH`], at the bracket
/// that goes past it, more than `max_entries` entries, or more than
/// [`MAX_DIRECTIVES`] directives, before the parser sees them. A bracket
/// counts where a flow collection can begin (a value's start, or inside a
/// flow), so a `[` inside a plain scalar ("a [sic] b") or a quoted string
/// does not.
fn check_depth(path: &Path, text: &str, max_entries: usize) -> Result<()> {
    let mut directives = 0usize;
    let (mut depth, mut line, mut column) = (0usize, 1usize, 0usize);
    let mut quote: Option<char> = None;
    // the last character that is not a space, on this line
    let mut last: Option<char> = None;
    let mut comment = false;
    let mut entries = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        column += 1;
        if c == '\n' {
            (line, column, last, comment) = (line + 1, 0, None, false);
            continue;
        }
        if comment {
            continue;
        }
        if let Some(q) = quote {
            match c {
                '\\' if q == '"' => {
                    chars.next();
                    column += 1;
                }
                '\'' if q == '\'' && chars.peek() == Some(&'\'') => {
                    chars.next();
                    column += 1;
                }
                c if c == q => quote = None,
                _ => {}
            }
            continue;
        }
        // a directive: "%" opening a line outside any collection
        if c == '%' && column == 1 && depth == 0 {
            directives += 1;
            if directives > MAX_DIRECTIVES {
                return Err(Error::at(
                    path,
                    line,
                    column,
                    format!("more than {MAX_DIRECTIVES} directives (`%TAG`, `%YAML`)"),
                ));
            }
        }
        let at_value = match last {
            None | Some(':' | '-' | '?') => true,
            Some('[' | '{' | ',') => depth > 0,
            _ => false,
        };
        match c {
            ' ' | '\t' | '\r' => continue,
            '#' => comment = true,
            '"' | '\'' if at_value => quote = Some(c),
            '[' | '{' if at_value => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Err(Error::at(
                        path,
                        line,
                        column,
                        format!("collections nested more than {MAX_FLOW_DEPTH} deep"),
                    ));
                }
            }
            ']' | '}' if depth > 0 => depth -= 1,
            _ => {}
        }
        // an entry: a flow item, a block item, a key, an alias
        let blank = |n: Option<&char>| n.is_none_or(|n| matches!(n, ' ' | '\n' | '\r' | '\t'));
        let next = chars.peek();
        let entry = match c {
            ',' => depth > 0,
            '-' | '?' => at_value && blank(next),
            ':' => blank(next) || depth > 0 && matches!(next, Some(',' | ']' | '}')),
            '*' => at_value,
            _ => false,
        };
        if entry {
            entries += 1;
            if entries > max_entries {
                return Err(Error::at(
                    path,
                    line,
                    column,
                    format!("more than {max_entries} entries (keys, list items, aliases): YAML is read whole into memory, and this would not fit"),
                ));
            }
        }
        last = Some(c);
    }
    Ok(())
}

/// Deserialize `text` (read from `path`) into `T`.
pub(crate) fn from_str<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T> {
    check_depth(path, text, MAX_YAML_ENTRIES)?;
    parse(path, text)
}

/// Deserialize an article's front matter: as [`from_str`], with room for
/// [`MAX_FRONT_MATTER_ENTRIES`] entries only.
pub(crate) fn front_matter_from_str<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T> {
    check_depth(path, text, MAX_FRONT_MATTER_ENTRIES)?;
    parse(path, text)
}

fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T> {
    serde_yaml::from_str(text).map_err(|e| {
        let message = e.to_string();
        // (the reader's own errors, a raw control character among them,
        // give a byte offset in their message rather than a location)
        let offset = message
            .rsplit_once(" at position ")
            .and_then(|(m, n)| Some((m, n.trim().parse::<usize>().ok()?)));
        let (line, column) = match (offset, e.location()) {
            (Some((_, at)), _) => crate::lang::span::LineIndex::new(text).line_col(text, at),
            // a duplicate key is reported at its mapping: name the second
            (None, Some(l)) => match second_key(text, l.index(), &message) {
                Some(at) => crate::lang::span::LineIndex::new(text).line_col(text, at),
                None => (l.line(), l.column()),
            },
            (None, None) => (1, 1),
        };
        let message = offset.map_or(message.as_str(), |(m, _)| m);
        Error::at(path, line, column, explain(message))
    })
}

/// Where the second of two equal keys stands, for serde_yaml's "duplicate
/// field `k`", located at the mapping that holds them: the key's second
/// occurrence as a key (after a line's indent, `{` or `,`) from there on.
fn second_key(text: &str, mapping: usize, message: &str) -> Option<usize> {
    let key = message
        .split("duplicate field `")
        .nth(1)?
        .split('`')
        .next()?;
    let rest = text.get(mapping..)?;
    let mut seen = 0;
    let mut from = 0;
    while let Some(i) = rest[from..].find(key) {
        let at = from + i;
        from = at + key.len();
        let before = rest[..at].trim_end_matches([' ', '\t', '"', '\'']);
        let item = before
            .strip_suffix('-')
            .is_some_and(|b| b.is_empty() || b.ends_with(char::is_whitespace));
        let opens = before.is_empty() || before.ends_with(['\n', '{', ',']) || item;
        let after = rest[from..]
            .trim_start_matches(['"', '\''])
            .trim_start_matches([' ', '\t']);
        if opens && after.starts_with(':') {
            seen += 1;
            if seen == 2 {
                // (at its opening quote, when quoted)
                let quotes = rest[..at].len() - rest[..at].trim_end_matches(['"', '\'']).len();
                return Some(mapping + at - quotes.min(1));
            }
        }
    }
    None
}

/// Serialize a value as YAML (used to write reference skeletons).
pub(crate) fn to_string<T: Serialize>(value: &T) -> String {
    serde_yaml::to_string(value).unwrap_or_default()
}

/// Any YAML value, for a field whose type is checked after parsing (a
/// front-matter `date:` that YAML may read as a string or not).
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub(crate) struct AnyValue(serde_yaml::Value);

impl AnyValue {
    /// The value as text: a string as written, `None` for null, anything
    /// else as YAML prints it (trimmed).
    pub(crate) fn text(&self) -> Option<String> {
        match &self.0 {
            serde_yaml::Value::Null => None,
            serde_yaml::Value::String(s) => Some(s.clone()),
            other => Some(to_string(other).trim().to_string()),
        }
    }
}

/// Turn serde_yaml's message into one an editor can act on: drop the
/// position (we print our own) and suggest the nearest field name.
fn explain(message: &str) -> String {
    let message = match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    let Some(rest) = message.split("unknown field `").nth(1) else {
        return message.to_string();
    };
    let unknown = rest.split('`').next().unwrap_or("");
    let expected: Vec<&str> = rest
        .split("expected ")
        .nth(1)
        .map(|list| list.split('`').skip(1).step_by(2).collect())
        .unwrap_or_default();
    let nearest = expected
        .iter()
        .map(|&name| (strsim::damerau_levenshtein(unknown, name), name))
        .filter(|&(d, name)| d <= name.len().max(unknown.len()) / 2 + 1)
        .min();
    let prefix = message.split("unknown field").next().unwrap_or("");
    let mut out = format!("{prefix}unknown field `{unknown}`");
    if let Some((_, name)) = nearest {
        out.push_str(&format!(", did you mean `{name}`?"));
    }
    if !expected.is_empty() {
        out.push_str(&format!(" (valid fields: {})", expected.join(", ")));
    }
    out
}

/// Positions of every node in a YAML document, by path (`facts[2].value`),
/// so that checks made after deserializing (duplicate ids, undeclared
/// speakers) can still point at line and column. Building it parses the
/// text again (see the module documentation): do it only when an error
/// needs a position.
#[derive(Debug, Default)]
pub(crate) struct Locations {
    nodes: HashMap<String, (usize, usize)>,
}

impl Locations {
    /// Index `text`. A document the parser rejects gives an empty index;
    /// `from_str` will have reported the error already.
    pub(crate) fn new(text: &str) -> Locations {
        let mut recv = Recorder::default();
        let mut parser = Parser::new_from_str(text);
        let _ = parser.load(&mut recv, false);
        Locations { nodes: recv.nodes }
    }

    /// Line and column (1-based) of the node at `path`, or of its nearest
    /// recorded ancestor, or (1, 1).
    pub(crate) fn get(&self, path: &str) -> (usize, usize) {
        let mut p = path;
        loop {
            if let Some(&pos) = self.nodes.get(p) {
                return pos;
            }
            match p.rfind(['.', '[']) {
                Some(i) => p = &p[..i],
                None => return (1, 1),
            }
        }
    }
}

enum Frame {
    Map { path: String, key: Option<String> },
    Seq { path: String, index: usize },
}

#[derive(Default)]
struct Recorder {
    stack: Vec<Frame>,
    nodes: HashMap<String, (usize, usize)>,
}

impl Recorder {
    /// The path of the node that starts now, or `None` when the event is a
    /// mapping key.
    fn next_path(&mut self) -> Option<String> {
        match self.stack.last_mut() {
            None => Some(String::new()),
            Some(Frame::Seq { path, index }) => {
                let p = format!("{path}[{index}]");
                *index += 1;
                Some(p)
            }
            Some(Frame::Map { path, key }) => key.take().map(|k| {
                if path.is_empty() {
                    k
                } else {
                    format!("{path}.{k}")
                }
            }),
        }
    }
}

impl MarkedEventReceiver for Recorder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        let pos = (mark.line(), mark.col() + 1);
        match ev {
            Event::Scalar(value, ..) => match self.next_path() {
                Some(p) => {
                    self.nodes.entry(p).or_insert(pos);
                }
                None => {
                    if let Some(Frame::Map { key, path }) = self.stack.last_mut() {
                        *key = Some(value);
                        // a mapping is where its first key is
                        self.nodes.entry(path.clone()).or_insert(pos);
                    }
                }
            },
            // (an alias is located where it is used, not at its anchor: a
            // duplicate it makes is reported there)
            Event::Alias(_) => {
                if let Some(p) = self.next_path() {
                    self.nodes.entry(p).or_insert(pos);
                }
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                let path = self.next_path().unwrap_or_default();
                if matches!(ev, Event::SequenceStart(..)) {
                    self.nodes.entry(path.clone()).or_insert(pos);
                }
                self.stack.push(if matches!(ev, Event::SequenceStart(..)) {
                    Frame::Seq { path, index: 0 }
                } else {
                    Frame::Map { path, key: None }
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                self.stack.pop();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duplicate_key_is_located_at_its_second_occurrence() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Row {
            id: String,
            value: Option<u32>,
            xvalue: Option<u32>,
        }
        let at = |text: &str| {
            let e = from_str::<Vec<Row>>(Path::new("r.yaml"), text).unwrap_err();
            e.to_string()
        };
        let block = "- id: a\n  xvalue: 1\n  value: 3\n  value: 4\n";
        assert!(at(block).contains("r.yaml:4:3:"), "{}", at(block));
        let flow = "- {id: a, value: 3, \"value\": 4}\n";
        assert!(at(flow).contains("r.yaml:1:21:"), "{}", at(flow));
    }

    #[test]
    fn locates_nested_nodes() {
        let text = "version: 1\nfacts:\n  - id: a\n    value: 3\n  - id: b\n    value: x\n";
        let loc = Locations::new(text);
        assert_eq!(loc.get("facts[1].value"), (6, 12));
        assert_eq!(loc.get("facts[0].id"), (3, 9));
        assert_eq!(loc.get("facts[1].nothing"), loc.get("facts[1]"));
    }

    #[test]
    fn explicit_keys_and_directives_are_counted() {
        let p = Path::new("r.yaml");
        let keys = "? a\n".repeat(20);
        let e = check_depth(p, &keys, 10).unwrap_err().to_string();
        assert!(e.starts_with("r.yaml:11:1: more than 10 entries"), "{e}");
        let tags = "%TAG !a! tag:x:\n".repeat(MAX_DIRECTIVES + 1) + "---\na: 1\n";
        let e = check_depth(p, &tags, 100).unwrap_err().to_string();
        assert!(e.contains("more than 16 directives"), "{e}");
        // a front matter holds far fewer entries than a reference
        let list = format!("x:\n{}", "- a\n".repeat(MAX_FRONT_MATTER_ENTRIES + 1));
        assert!(from_str::<serde_yaml::Value>(p, &list).is_ok());
        assert!(front_matter_from_str::<serde_yaml::Value>(p, &list).is_err());
    }

    #[test]
    fn suggests_nearest_field() {
        let m = explain("facts[0]: unknown field `valu`, expected one of `id`, `value`, `metric` at line 3 column 5");
        assert!(m.contains("did you mean `value`?"), "{m}");
        assert!(!m.contains("at line"), "{m}");
    }
}
