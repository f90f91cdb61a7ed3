//! Building the look-up tables from the lexicon file: metric phrases
//! split at their number slot and indexed by their first and last words,
//! word lists as lower-case sets, qualifier phrases and subject groups.

use super::*;
use crate::lang::tokens::{METRIC_WORD, PHRASE_EDGE};

impl Lexicon {
    /// Compile `file`: word lists to lower-case sets, phrases to word lists,
    /// metric cues indexed by first word; fails on a malformed cue or qualifier.
    pub(super) fn build(file: &LexiconFile) -> Result<Lexicon, String> {
        let cues = metric_cues(file)?;
        let [plain_by_first, post_by_first] = cue_index(&cues);
        let indexed = |keep: fn(&MetricCue) -> bool, words: fn(&MetricCue) -> &[String]| {
            phrases::Phrases::new(
                cues.iter()
                    .enumerate()
                    .filter(|(_, c)| keep(c))
                    .map(|(i, c)| (i, words(c))),
            )
        };
        let mut cls = classes::Classes::new();
        let plain_phrases = indexed(|c| !c.slotted, |c| &c.pre);
        let post_phrases = indexed(|c| c.slotted && !c.post.is_empty(), |c| &c.post);
        let pre_phrases = indexed(|c| c.slotted && c.post.is_empty(), |c| &c.pre);
        let qualifiers = qualifiers::Qualifiers::new(qualifier_phrases(file)?);
        // (the cue indexes' keys are the plain and post phrases' first words)
        for edges in [&plain_phrases, &post_phrases, &pre_phrases] {
            cls.mark(edges.edges(), PHRASE_EDGE);
        }
        cls.mark(qualifiers.edges(), PHRASE_EDGE);
        let cue_marks = cue_marks::CueMarks::new(&cues);
        cls.mark(cue_marks.keys(), METRIC_WORD);
        Ok(Lexicon {
            metric_ids: file.metrics.keys().cloned().collect(),
            cues,
            cue_marks,
            plain_phrases,
            post_phrases,
            pre_phrases,
            plain_by_first,
            post_by_first,
            toll_links: cls.add(set(&file.toll_links)),
            aux_words: cls.add(set(&file.aux_words)),
            qualifiers,
            reporting_verbs: cls.add(set(&file.reporting_verbs)),
            titles: cls.add(set(&file.titles)),
            female_titles: cls.add(set(&file.female_titles)),
            male_titles: cls.add(set(&file.male_titles)),
            organisations: cls.add(set(&file.organisations)),
            title_cues: file.title_cues.iter().map(|p| words(p)).collect(),
            teasers: file.teasers.iter().map(|p| words(p)).collect(),
            teaser_words: cls.add(set(&file.teaser_words)),
            speaker_nouns: cls.add(set(&file.speaker_nouns)),
            proxies: cls.add(set(&file.proxies)),
            months: cls.add(set(&file.months)),
            non_count_units: cls.add(set(&file.non_count_units)),
            non_count_labels: cls.add(set(&file.non_count_labels)),
            year_words: cls.add(set(&file.year_words)),
            not_subject: cls.add(set(&file.not_subject)),
            speech_settings: cls.add(set(&file.speech_settings)),
            non_person_subjects: cls.add(set(&file.non_person_subjects)),
            part_subjects: cls.add(set(&file.part_subjects)),
            page_tails: file.page_tails.iter().map(|p| words(p)).collect(),
            page_tail_starts: cls.add(
                file.page_tails
                    .iter()
                    .filter_map(|p| words(p).into_iter().next())
                    .collect(),
            ),
            additive_words: cls.add(set(&file.additive_words)),
            count_modifiers: cls.add(set(&file.count_modifiers)),
            release_words: cls.add(set(&file.release_words)),
            count_nouns: cls.add(set(&file.count_nouns)),
            whole_scopes: file.whole_scopes.iter().map(|w| w.to_lowercase()).collect(),
            narrower_words: cls.add(set(&file.narrower_words)),
            disputing_words: cls.add(set(&file.disputing_words)),
            earlier_counts: file
                .earlier_counts
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            other_periods: file
                .other_periods
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            belief_verbs: cls.add(set(&file.belief_verbs)),
            correction_notes: (file.correction_notes.iter())
                .map(|w| w.to_lowercase())
                .collect(),
            total_words: file.total_words.iter().map(|p| words(p)).collect(),
            sample_nouns: cls.add(set(&file.sample_nouns)),
            loss_subjects: cls.add(set(&file.loss_subjects)),
            fugitive_subjects: cls.add(set(&file.fugitive_subjects)),
            body_nouns: cls.add(set(&file.body_nouns)),
            body_context: cls.add(set(&file.body_context)),
            body_kinds: cls.add(set(&file.body_kinds)),
            subregions: cls.add(set(&file.subregions)),
            place_nouns: cls.add(set(&file.place_nouns)),
            sites: cls.add(set(&file.sites)),
            not_names: cls.add(union(
                grammar::CLOSED_CLASS,
                &[&file.weekdays, &file.not_names],
            )),
            skip_left: cls.add(union(
                grammar::BETWEEN_SPEAKER_AND_CUE,
                &[&file.weekdays, &file.skip_left],
            )),
            aside_participles: cls.add(set(&file.aside_participles)),
            name_particles: cls.add(set(&file.name_particles)),
            time_words: cls.add(set(&file.time_words)),
            week: cls.add(union(&[], &[&file.weekdays, &file.day_parts])),
            weekdays: cls.add(set(&file.weekdays)),
            periods: cls.add(union(&[], &[&file.periods, &file.day_parts])),
            published: cls.add(set(&file.published)),
            trailing: cls.add(set(&file.trailing)),
            saying_verbs: cls.add(set(&file.saying_verbs)),
            plain_cues: suffixes::Suffixes::new(
                file.plain_cues.iter().map(|w| w.to_lowercase()).collect(),
            ),
            present_cues: cls.add(set(&file.present_cues)),
            quote_only_cues: cls.add(set(&file.quote_only_cues)),
            clause_cues: cls.add(set(&file.clause_cues)),
            estimate_cues: cls.add(set(&file.estimate_cues)),
            evidence_verbs: cls.add(set(&file.evidence_verbs)),
            nounish_cues: cls.add(set(&file.nounish_cues)),
            nouns_after_names: cls.add(set(&file.nouns_after_names)),
            past_verbs: cls.add(set(&file.past_verbs)),
            title_modifiers: cls.add(set(&file.title_modifiers)),
            participle_cues: cls.add(set(&file.participle_cues)),
            quote_verbs: cls.add(set(&file.quote_verbs)),
            abbreviations: cls.add(set(&file.abbreviations)),
            subject_groups: subject_groups(file),
            small_words: cls.add(set(&file.small_words)),
            classes: cls,
        })
    }
}

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
