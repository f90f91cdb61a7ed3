//! `factcheck init`: a reference skeleton from an article — its speakers as
//! sources, its figures as facts with the stated values, its quotes and
//! statements — for a curator to correct and commit. It validates as written.

use std::collections::{HashMap, HashSet};

use crate::lexicon::grammar::is_pronoun;
use crate::model::{ArticleClaims, ClaimKind, Qualifier, Quantity, Resolution};
use crate::reference::{FactFile, NumberText, QuoteFile, ReferenceFile, SourceFile, StatementFile};

/// An id from a name: lower case, words joined by hyphens.
pub(crate) fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "x".into()
    } else {
        out
    }
}

/// The ids given so far, and per base the next number to try after it: a
/// thousand quotes of one speaker must not each try `-2`, `-3`, … again.
#[derive(Default)]
pub(crate) struct Ids {
    taken: HashSet<String>,
    next: HashMap<String, usize>,
}

/// A unique id: `base`, `base-2`, `base-3`, …
pub(crate) fn unique(base: String, ids: &mut Ids) -> String {
    let mut id = base.clone();
    if ids.taken.contains(&id) {
        let n = ids.next.entry(base.clone()).or_insert(2);
        loop {
            id = format!("{base}-{n}");
            *n += 1;
            if !ids.taken.contains(&id) {
                break;
            }
        }
    }
    ids.taken.insert(id.clone());
    id
}

/// Words joined by single spaces: line breaks and tabs out, and the
/// control characters validation refuses (ESC, bidi overrides) too, so the
/// skeleton validates as written.
pub(crate) fn one_spaced(s: &str) -> String {
    let printable: String = s
        .chars()
        .filter(|&c| !crate::report::visible::is_hidden(c))
        .collect();
    printable.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The id of the source named `speaker`, added if new; `mention` (as the
/// article wrote it) becomes an alias. A pronoun names no one: as an alias
/// it would make every "he" in a checked article this source.
pub(crate) fn source_of(
    sources: &mut Vec<SourceFile>,
    speaker: &str,
    mention: &str,
    ids: &mut Ids,
) -> String {
    // (a name across a hard-wrapped line is one line in a reference)
    let (speaker, mention) = (one_spaced(speaker), one_spaced(mention));
    let (speaker, mention) = (speaker.as_str(), mention.as_str());
    let mention = if is_pronoun(&mention.trim().to_lowercase()) {
        speaker
    } else {
        mention
    };
    if let Some(s) = sources.iter_mut().find(|s| s.name == speaker) {
        if mention != speaker && !s.aliases.iter().any(|a| a == mention) {
            s.aliases.push(mention.to_string());
        }
        return s.id.clone();
    }
    let id = unique(slug(speaker), ids);
    let aliases = if mention != speaker {
        vec![mention.to_string()]
    } else {
        Vec::new()
    };
    sources.push(SourceFile {
        id: id.clone(),
        name: speaker.to_string(),
        aliases,
        url: None,
    });
    id
}

/// The skeleton for `claims`; `article_entry` is the article's path as the
/// reference should name it.
pub fn skeleton(claims: &ArticleClaims, article_entry: &str) -> ReferenceFile {
    let mut ids = Ids::default();
    let mut sources: Vec<SourceFile> = Vec::new();
    let mut facts = Vec::new();
    let mut quotes = Vec::new();
    let mut statements = Vec::new();
    for c in &claims.claims {
        let speaker = c
            .attribution
            .as_ref()
            // a citation marker is a source, but not one a reference can name
            .filter(|a| a.resolved != Resolution::Citation)
            .map(|a| source_of(&mut sources, &a.speaker, &a.mention, &mut ids));
        match c.kind {
            ClaimKind::Quantity => {
                let q = c.quantity.as_ref().expect("a figure");
                let base = match &q.subject {
                    Some(s) => format!("{}-{}", slug(s), q.metric),
                    None => q.metric.clone(),
                };
                let id = unique(base, &mut ids);
                let as_of = claims.date.map(|d| d.to_string());
                facts.push(fact_of(q, id, as_of, speaker));
            }
            ClaimKind::Quote => {
                if let (Some(speaker), Some(text)) = (speaker, &c.quote) {
                    let id = unique(format!("{speaker}-quote"), &mut ids);
                    quotes.push(QuoteFile {
                        id,
                        speaker,
                        text: one_spaced(text.trim_end_matches([',', ' '])),
                        as_of: None,
                    });
                }
            }
            ClaimKind::Statement => {
                if let (Some(speaker), Some(content)) = (speaker, &c.content) {
                    let id = unique(format!("{speaker}-statement"), &mut ids);
                    let says = one_spaced(content);
                    let says: Vec<&str> = says.split(' ').take(8).collect();
                    statements.push(StatementFile {
                        id,
                        speaker,
                        says: says.join(" "),
                    });
                }
            }
        }
    }
    ReferenceFile {
        version: 1,
        title: claims.title.clone(),
        as_of: claims.date.map(|d| d.to_string()),
        articles: vec![article_entry.to_string()],
        sources,
        facts,
        quotes,
        statements,
        settings: None,
        lexicon: None,
    }
}

/// A fact that accepts what the figure `q` states, so the article checks
/// clean against its own skeleton.
fn fact_of(q: &Quantity, id: String, as_of: Option<String>, source: Option<String>) -> FactFile {
    let num = |v: f64| Some(NumberText::Number(v));
    let (value, min, max) = match q.qualifier {
        Qualifier::Exact | Qualifier::About | Qualifier::Almost => (num(q.value.0), None, None),
        Qualifier::MoreThan | Qualifier::AtLeast => {
            (None, q.interval[0].and_then(|v| num(v.0)), None)
        }
        Qualifier::FewerThan | Qualifier::AtMost | Qualifier::UpTo => {
            (None, None, q.interval[1].and_then(|v| num(v.0)))
        }
        Qualifier::Range | Qualifier::Vague => (
            None,
            q.interval[0].and_then(|v| num(v.0)),
            q.interval[1].and_then(|v| num(v.0)),
        ),
    };
    FactFile {
        id,
        metric: q.metric.clone(),
        subject: q.subject.clone(),
        value,
        min,
        max,
        series: None,
        tolerance: None,
        unit: q.unit.clone(),
        as_of,
        source,
        attribution: None,
        context: Vec::new(),
        required: false,
        total: false,
        note: Some(format!("as printed: “{}”", q.phrase)),
    }
}

/// The skeleton as YAML, with a header for the curator. It goes to a
/// terminal or a file a curator opens: the article's name is escaped, and
/// the controls YAML leaves raw (bidi overrides, C1) are dropped from the
/// article's words, as validation would refuse them in names and quotes.
pub fn skeleton_yaml(file: &ReferenceFile, article: &str) -> String {
    let yaml: String = crate::yaml::to_string(file)
        .chars()
        .filter(|&c| !crate::report::visible::is_hidden(c))
        .collect();
    format!(
        "# Reference skeleton written by `factcheck init` from {}.\n# Every value is what the article states: check each against its source,\n# correct it, name the source, and delete what you cannot verify.\n{yaml}",
        crate::report::visible::one_line(article)
    )
}
