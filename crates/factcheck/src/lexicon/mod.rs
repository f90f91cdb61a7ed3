//! Lexicon tables: metric words, qualifiers, reporting verbs, titles and
//! organisations. The defaults are embedded (`lexicon.yaml`); a reference
//! may extend them under `lexicon:`, so the open-ended vocabulary of news
//! never hides in string literals in the code.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::model::Qualifier;

const DEFAULT: &str = include_str!("lexicon.yaml");

/// The lexicon as written in YAML: the embedded defaults, or the `lexicon:`
/// section of a reference (where every list is optional and adds to the defaults).
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LexiconFile {
    /// Metric id → its words; `N` marks where the number stands.
    #[serde(default)]
    pub metrics: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub toll_links: Vec<String>,
    #[serde(default)]
    pub aux_words: Vec<String>,
    /// Qualifier phrase → qualifier name (`more_than`, `about`, …).
    #[serde(default)]
    pub qualifiers: BTreeMap<String, String>,
    #[serde(default)]
    pub reporting_verbs: Vec<String>,
    #[serde(default)]
    pub titles: Vec<String>,
    #[serde(default)]
    pub organisations: Vec<String>,
    #[serde(default)]
    pub title_cues: Vec<String>,
    #[serde(default)]
    pub teasers: Vec<String>,
    #[serde(default)]
    pub speaker_nouns: Vec<String>,
    #[serde(default)]
    pub months: Vec<String>,
    #[serde(default)]
    pub non_count_units: Vec<String>,
    #[serde(default)]
    pub non_count_labels: Vec<String>,
    #[serde(default)]
    pub year_words: Vec<String>,
    #[serde(default)]
    pub not_subject: Vec<String>,
    #[serde(default)]
    pub speech_settings: Vec<String>,
    #[serde(default)]
    pub non_person_subjects: Vec<String>,
}

/// A metric word or phrase, split at its number slot.
#[derive(Debug, Clone)]
pub struct MetricCue {
    pub metric: String,
    /// Words before the number slot (the whole phrase when there is no slot).
    pub pre: Vec<String>,
    /// Words after the number slot; empty when the phrase has none.
    pub post: Vec<String>,
    /// Whether the phrase has an `N` slot.
    pub slotted: bool,
}

/// The compiled lexicon the extractor uses.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub cues: Vec<MetricCue>,
    /// First word of a plain (slot-less) cue → cue indexes, longest first.
    pub plain_by_first: HashMap<String, Vec<usize>>,
    /// Slotted cues by the first word after their slot.
    pub post_by_first: HashMap<String, Vec<usize>>,
    pub metric_ids: Vec<String>,
    pub toll_links: HashSet<String>,
    pub aux_words: HashSet<String>,
    /// Qualifier phrases as word lists, longest first.
    pub qualifiers: Vec<(Vec<String>, Qualifier)>,
    pub reporting_verbs: HashSet<String>,
    pub titles: HashSet<String>,
    pub organisations: HashSet<String>,
    pub title_cues: Vec<Vec<String>>,
    pub teasers: Vec<Vec<String>>,
    /// Lower-case nouns that can head a speaker ("officials", "the ministry").
    pub speaker_nouns: HashSet<String>,
    pub months: HashSet<String>,
    /// Units after a number that make it a duration, age, distance or sum.
    pub non_count_units: HashSet<String>,
    /// Labels before a number that make it a page, an age, an address or money.
    pub non_count_labels: HashSet<String>,
    pub year_words: HashSet<String>,
    pub not_subject: HashSet<String>,
    pub speech_settings: HashSet<String>,
    /// Heads that make a figure not a count of people ("chickens", "shares").
    pub non_person_subjects: HashSet<String>,
}

static DEFAULT_LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let file: LexiconFile = crate::yaml::from_str(Path::new("lexicon.yaml"), DEFAULT)
        .expect("the embedded lexicon is valid");
    Lexicon::build(&file).expect("the embedded lexicon is valid")
});

fn words(phrase: &str) -> Vec<String> {
    phrase
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect()
}

impl Lexicon {
    /// The embedded default lexicon.
    pub fn default_ref() -> &'static Lexicon {
        &DEFAULT_LEXICON
    }

    /// The embedded defaults extended by `extra` (from a reference).
    pub fn extended(extra: &LexiconFile) -> Result<Lexicon, String> {
        let mut file: LexiconFile =
            crate::yaml::from_str(Path::new("lexicon.yaml"), DEFAULT).map_err(|e| e.to_string())?;
        for (metric, ws) in &extra.metrics {
            file.metrics
                .entry(metric.clone())
                .or_default()
                .extend(ws.iter().cloned());
        }
        file.qualifiers.extend(extra.qualifiers.clone());
        // every word list adds to the defaults
        macro_rules! extend {
            ($($field:ident),*) => { $( file.$field.extend(extra.$field.iter().cloned()); )* };
        }
        extend!(
            toll_links,
            aux_words,
            reporting_verbs,
            titles,
            organisations,
            title_cues,
            teasers,
            speaker_nouns,
            months,
            non_count_units,
            non_count_labels,
            year_words,
            not_subject,
            speech_settings,
            non_person_subjects
        );
        Lexicon::build(&file)
    }

    fn build(file: &LexiconFile) -> Result<Lexicon, String> {
        let mut cues = Vec::new();
        for (metric, phrases) in &file.metrics {
            for phrase in phrases {
                let ws = words(phrase);
                if ws.is_empty() {
                    return Err(format!("metric `{metric}` has an empty phrase"));
                }
                let cue = match ws.iter().position(|w| w == "n") {
                    Some(i) => MetricCue {
                        metric: metric.clone(),
                        pre: ws[..i].to_vec(),
                        post: ws[i + 1..].to_vec(),
                        slotted: true,
                    },
                    None => MetricCue {
                        metric: metric.clone(),
                        pre: ws,
                        post: Vec::new(),
                        slotted: false,
                    },
                };
                if cue.slotted && cue.pre.is_empty() && cue.post.is_empty() {
                    return Err(format!(
                        "metric `{metric}`: phrase `{phrase}` has only a number"
                    ));
                }
                cues.push(cue);
            }
        }
        let mut plain_by_first: HashMap<String, Vec<usize>> = HashMap::default();
        let mut post_by_first: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, c) in cues.iter().enumerate() {
            if !c.slotted {
                plain_by_first.entry(c.pre[0].clone()).or_default().push(i);
            } else if let Some(first) = c.post.first() {
                post_by_first.entry(first.clone()).or_default().push(i);
            }
        }
        for list in plain_by_first.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(cues[i].pre.len()));
        }
        for list in post_by_first.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(cues[i].post.len()));
        }
        let mut qualifiers = Vec::new();
        for (phrase, name) in &file.qualifiers {
            let q = Qualifier::parse(name)
                .ok_or_else(|| format!("qualifier `{phrase}`: unknown qualifier `{name}`"))?;
            qualifiers.push((words(phrase), q));
        }
        qualifiers.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let set = |v: &Vec<String>| v.iter().map(|w| w.to_lowercase()).collect::<HashSet<_>>();
        Ok(Lexicon {
            metric_ids: file.metrics.keys().cloned().collect(),
            cues,
            plain_by_first,
            post_by_first,
            toll_links: set(&file.toll_links),
            aux_words: set(&file.aux_words),
            qualifiers,
            reporting_verbs: set(&file.reporting_verbs),
            titles: set(&file.titles),
            organisations: set(&file.organisations),
            title_cues: file.title_cues.iter().map(|p| words(p)).collect(),
            teasers: file.teasers.iter().map(|p| words(p)).collect(),
            speaker_nouns: set(&file.speaker_nouns),
            months: set(&file.months),
            non_count_units: set(&file.non_count_units),
            non_count_labels: set(&file.non_count_labels),
            year_words: set(&file.year_words),
            not_subject: set(&file.not_subject),
            speech_settings: set(&file.speech_settings),
            non_person_subjects: set(&file.non_person_subjects),
        })
    }

    pub fn has_metric(&self, id: &str) -> bool {
        self.metric_ids.iter().any(|m| m == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_lexicon_has_the_contract_metrics() {
        let lx = Lexicon::default_ref();
        for m in [
            "killed",
            "injured",
            "displaced",
            "refugees",
            "evacuated",
            "missing",
            "detained",
        ] {
            assert!(lx.has_metric(m), "{m}");
        }
        assert!(lx.reporting_verbs.contains("said"));
    }

    #[test]
    fn reference_adds_a_metric() {
        let mut extra = LexiconFile::default();
        extra.metrics.insert(
            "jobs-cut".into(),
            vec!["cut N jobs".into(), "job losses".into()],
        );
        let lx = Lexicon::extended(&extra).unwrap();
        assert!(lx.has_metric("jobs-cut"));
        assert!(lx.post_by_first.contains_key("jobs"));
    }
}
