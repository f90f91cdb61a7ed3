//! Building the look-up tables from the lexicon file: metric phrases
//! split at their number slot and indexed by their first and last words,
//! word lists as lower-case sets, qualifier phrases and subject groups.

use super::*;

/// A phrase as lower-case words.
pub(super) fn words(phrase: &str) -> Vec<String> {
    phrase
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect()
}

/// The metric phrases of `file`, split at their number slot.
pub(super) fn metric_cues(file: &LexiconFile) -> Result<Vec<MetricCue>, String> {
    let mut cues = Vec::new();
    for (metric, phrases) in &file.metrics {
        // "fled {country}": one phrase for each country
        let expanded = phrases.iter().flat_map(|p| -> Vec<String> {
            if p.contains("{country}") {
                file.countries
                    .iter()
                    .map(|c| p.replace("{country}", c))
                    .collect()
            } else {
                vec![p.clone()]
            }
        });
        for phrase in expanded {
            let phrase = &phrase;
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
    Ok(cues)
}

/// A word list as a set, lower-cased: the tokens it is checked against are.
pub(super) fn set(list: &[String]) -> HashSet<String> {
    list.iter().map(|w| w.to_lowercase()).collect()
}

/// Closed-class `grammar` words and lexicon `lists` in one lower-case set,
/// for a rule that treats both alike.
pub(super) fn union(grammar: &[&str], lists: &[&Vec<String>]) -> HashSet<String> {
    let mut s: HashSet<String> = grammar.iter().map(|w| w.to_string()).collect();
    for l in lists {
        s.extend(l.iter().map(|w| w.to_lowercase()));
    }
    s
}

/// Cue indexes: plain cues by their first word, slotted cues by the first
/// word after the slot; longest phrase first, so it wins.
pub(super) fn cue_index(cues: &[MetricCue]) -> [HashMap<String, Vec<usize>>; 2] {
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
    [plain_by_first, post_by_first]
}

/// Qualifier phrases as word lists with their qualifier, longest first so
/// "more than" wins over "more"; fails on an unknown qualifier name.
pub(super) fn qualifier_phrases(
    file: &LexiconFile,
) -> Result<Vec<(Vec<String>, Qualifier)>, String> {
    let mut qualifiers = Vec::new();
    for (phrase, name) in &file.qualifiers {
        let q = Qualifier::parse(name)
            .ok_or_else(|| format!("qualifier `{phrase}`: unknown qualifier `{name}`"))?;
        qualifiers.push((words(phrase), q));
    }
    qualifiers.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    Ok(qualifiers)
}

/// The synonym groups each subject noun stands in, by group index.
pub(super) fn subject_groups(file: &LexiconFile) -> HashMap<String, Vec<usize>> {
    let mut subject_groups: HashMap<String, Vec<usize>> = HashMap::default();
    for (g, group) in file.subject_synonyms.iter().enumerate() {
        for w in group {
            let ids = subject_groups.entry(w.to_lowercase()).or_default();
            if !ids.contains(&g) {
                ids.push(g);
            }
        }
    }
    subject_groups
}
