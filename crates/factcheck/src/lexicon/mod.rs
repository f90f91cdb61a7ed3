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
use classes::WordSet;

mod cue_marks;
pub(crate) mod grammar;

const DEFAULT: &str = include_str!("lexicon.yaml");

/// The lexicon as written in YAML: the embedded defaults, or the `lexicon:`
/// section of a reference (where every list is optional and adds to the defaults).
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LexiconFile {
    /// Metric id → its words; `N` marks where the number stands, and
    /// `{country}` any of `countries` ("fled {country}").
    #[serde(default)]
    pub metrics: BTreeMap<String, Vec<String>>,
    /// Country names as news writes them ("Ukraine", "the Philippines"):
    /// whoever flees one is a refugee, whoever flees a town is not said to be.
    #[serde(default)]
    pub countries: Vec<String>,
    /// Words between a metric word and the number after it ("the death toll rose to 352").
    #[serde(default)]
    pub toll_links: Vec<String>,
    /// Words between a number and a metric word after it ("140 have been killed").
    #[serde(default)]
    pub aux_words: Vec<String>,
    /// Qualifier phrase → qualifier name (`more_than`, `about`, …).
    #[serde(default)]
    pub qualifiers: BTreeMap<String, String>,
    /// Reporting verbs: the cue of reported speech ("said", "warned").
    #[serde(default)]
    pub reporting_verbs: Vec<String>,
    /// Titles and roles, stripped from a person's name and used to resolve "the minister".
    #[serde(default)]
    pub titles: Vec<String>,
    /// Title words that say a person is a woman ("Mrs", "spokeswoman"):
    /// "he" never stands for someone so titled.
    #[serde(default)]
    pub female_titles: Vec<String>,
    /// Title words that say a person is a man ("Mr", "spokesman").
    #[serde(default)]
    pub male_titles: Vec<String>,
    /// Head nouns of organisations that can speak ("ministry", "army").
    #[serde(default)]
    pub organisations: Vec<String>,
    /// Phrases after which quoted words are a name or slogan, not speech ("so-called").
    #[serde(default)]
    pub title_cues: Vec<String>,
    /// Line openers of related-story teasers before a colon ("Read more:").
    #[serde(default)]
    pub teasers: Vec<String>,
    /// Words that make what follows a headline's colon not a speaker ("…: Read more").
    #[serde(default)]
    pub teaser_words: Vec<String>,
    /// Lower-case nouns that can head a speaker ("officials", "witnesses").
    #[serde(default)]
    pub speaker_nouns: Vec<String>,
    /// Nouns for someone who speaks for the body after them: "a spokesman
    /// for the ministry" is the ministry's word, "a nurse at the hospital" the nurse's.
    #[serde(default)]
    pub proxies: Vec<String>,
    /// Month names and abbreviations: a number next to them is a date.
    #[serde(default)]
    pub months: Vec<String>,
    /// Units after a number that make it a duration, age, distance or sum.
    #[serde(default)]
    pub non_count_units: Vec<String>,
    /// Labels before a number that make it a page, an age, an address or money.
    #[serde(default)]
    pub non_count_labels: Vec<String>,
    /// Words before a four-digit number that make it a year.
    #[serde(default)]
    pub year_words: Vec<String>,
    /// Words that never name who was counted ("140 in", "140 were").
    #[serde(default)]
    pub not_subject: Vec<String>,
    /// Nouns of the occasion of speech ("said in a statement").
    #[serde(default)]
    pub speech_settings: Vec<String>,
    /// Heads that make a figure not a count of people ("chickens", "shares").
    #[serde(default)]
    pub non_person_subjects: Vec<String>,
    /// Who was counted as a part of a toll ("children", "women"): a figure
    /// that names no one is never taken for theirs.
    #[serde(default)]
    pub part_subjects: Vec<String>,
    /// Words after which a scraped page holds other stories' headlines
    /// ("Related News"): claims from there on are not the article's own.
    #[serde(default)]
    pub page_tails: Vec<String>,
    /// Words between a number and who was counted that add to a count ("two more civilians").
    #[serde(default)]
    pub additive_words: Vec<String>,
    /// Words before a metric noun that say how the count is known ("12 confirmed deaths").
    #[serde(default)]
    pub count_modifiers: Vec<String>,
    /// Words that make a detention count a release ("freed", "release of").
    #[serde(default)]
    pub release_words: Vec<String>,
    /// Nouns that name a count after its number: "brought to 49 the *number* killed".
    #[serde(default)]
    pub count_nouns: Vec<String>,
    /// Phrases that widen a figure beyond the paragraph's place ("throughout the country").
    #[serde(default)]
    pub whole_scopes: Vec<String>,
    /// Words that make a count narrower than its metric's ("left homeless" of the displaced).
    #[serde(default)]
    pub narrower_words: Vec<String>,
    /// Phrases that mark a figure as the whole event's total ("in total", "a total of").
    #[serde(default)]
    pub total_words: Vec<String>,
    /// Words before a figure by which the sentence disputes it ("denied", "rejected").
    #[serde(default)]
    pub disputing_words: Vec<String>,
    /// Phrases right before a number that make it an earlier count ("up from").
    #[serde(default)]
    pub earlier_counts: Vec<String>,
    /// Phrases that set a sentence in another period or event ("last year").
    #[serde(default)]
    pub other_periods: Vec<String>,
    /// Phrases of a correction notice ("an earlier version of this article").
    #[serde(default)]
    pub correction_notes: Vec<String>,
    /// Verbs of belief or fear before a figure ("Rescuers fear as many as
    /// 400 died"): what someone thinks, not a count the article gives.
    #[serde(default)]
    pub belief_verbs: Vec<String>,
    /// Nouns before "of N" that make N a sample's size ("a study of 45 patients").
    #[serde(default)]
    pub sample_nouns: Vec<String>,
    /// Who a side "lost" when the loss is a toll ("lost 28 fighters").
    #[serde(default)]
    pub loss_subjects: Vec<String>,
    /// Who flees a country without being a refugee ("robbers fled to Mexico").
    #[serde(default)]
    pub fugitive_subjects: Vec<String>,
    /// Nouns that count the dead by their bodies ("bodies", "corpses").
    #[serde(default)]
    pub body_nouns: Vec<String>,
    /// Words by which a sentence treats bodies as the dead ("recovered", "buried").
    #[serde(default)]
    pub body_context: Vec<String>,
    /// Kinds of organisation a body is ("public bodies", "appointed bodies").
    #[serde(default)]
    pub body_kinds: Vec<String>,
    /// Nouns after a place's possessive that name a part of it ("Cuba's western coasts").
    #[serde(default)]
    pub subregions: Vec<String>,
    /// Nouns that refer back to a place after "the", "this" or "that" ("on the island").
    #[serde(default)]
    pub place_nouns: Vec<String>,
    /// Buildings and grounds where a part of a toll happens ("at the central station").
    #[serde(default)]
    pub sites: Vec<String>,
    /// Day names: not names, scene-setting, allowed between speaker and cue.
    #[serde(default)]
    pub weekdays: Vec<String>,
    /// Parts of a day or week ("night", "weekend").
    #[serde(default)]
    pub day_parts: Vec<String>,
    /// Periods after "this"/"last"/"next" ("last week").
    #[serde(default)]
    pub periods: Vec<String>,
    /// Words that are not a name even when capitalised ("Meanwhile", "Yesterday").
    #[serde(default)]
    pub not_names: Vec<String>,
    /// Adverbs between a speaker and the cue ("Zelensky also said").
    #[serde(default)]
    pub skip_left: Vec<String>,
    /// Participles opening an aside between a speaker and the cue ("Local
    /// media, citing hospital sources, reported").
    #[serde(default)]
    pub aside_participles: Vec<String>,
    /// Particles inside a person's name ("von", "bin").
    #[serde(default)]
    pub name_particles: Vec<String>,
    /// Words after a cue that set the scene, not the content ("said yesterday").
    #[serde(default)]
    pub time_words: Vec<String>,
    /// Participles of publishing after a setting ("a statement posted on …").
    #[serde(default)]
    pub published: Vec<String>,
    /// First words of a short phrase trailing a cue ("said on Tuesday").
    #[serde(default)]
    pub trailing: Vec<String>,
    /// Verbs that are speech whoever the subject ("the soldier said").
    #[serde(default)]
    pub saying_verbs: Vec<String>,
    /// The plainest cues: speech even before a number; split off a glued name.
    #[serde(default)]
    pub plain_cues: Vec<String>,
    /// Plain cues in the present plural ("rights groups say 300 …"): speech
    /// before a number, but too short to split off a name ("Lindsay").
    #[serde(default)]
    pub present_cues: Vec<String>,
    /// Cues that are speech only next to a quotation ("she asked").
    #[serde(default)]
    pub quote_only_cues: Vec<String>,
    /// Cues that report speech only before a clause ("maintained that …",
    /// "maintained he was innocent"), not before an object ("maintains a
    /// lead").
    #[serde(default)]
    pub clause_cues: Vec<String>,
    /// Verbs that report an estimate when a count noun and "at" follow:
    /// "put the toll at 41", "placed the number of dead at 300".
    #[serde(default)]
    pub estimate_cues: Vec<String>,
    /// Verbs through which records speak when their subject is a proxy
    /// ("the agency's figures show 150 …"): a cue only then.
    #[serde(default)]
    pub evidence_verbs: Vec<String>,
    /// Cue words that are also plural nouns ("states", "claims").
    #[serde(default)]
    pub nounish_cues: Vec<String>,
    /// Cue words that are nouns after a name ("Gulf states", "Baltic states").
    #[serde(default)]
    pub nouns_after_names: Vec<String>,
    /// Irregular past tenses: a name before one is its clause's subject.
    #[serde(default)]
    pub past_verbs: Vec<String>,
    /// Titles that only modify a role ("deputy", "foreign", "house"): "the
    /// house" is no person, "the mayor" is.
    #[serde(default)]
    pub title_modifiers: Vec<String>,
    /// Participles that continue speech ("…, saying that …").
    #[serde(default)]
    pub participle_cues: Vec<String>,
    /// Verbs that credit a quotation that follows them, and nothing else:
    /// "called the storm “a catastrophe”".
    #[serde(default)]
    pub quote_verbs: Vec<String>,
    /// Words after which a full stop does not end a sentence ("Mr.", "Gen.").
    #[serde(default)]
    pub abbreviations: Vec<String>,
    /// Groups of interchangeable subject nouns ("children", "kids", "minors").
    #[serde(default)]
    pub subject_synonyms: Vec<Vec<String>>,
    /// Words too small to count when matching a statement's words.
    #[serde(default)]
    pub small_words: Vec<String>,
}

/// A metric word or phrase, split at its number slot.
#[derive(Debug, Clone)]
pub(crate) struct MetricCue {
    /// The metric id the phrase counts.
    pub metric: String,
    /// Words before the number slot (the whole phrase when there is no slot).
    pub pre: Vec<String>,
    /// Words after the number slot; empty when the phrase has none.
    pub post: Vec<String>,
    /// Whether the phrase has an `N` slot.
    pub slotted: bool,
}

/// The compiled lexicon the extractor uses: word lists as hash sets, metric
/// phrases indexed by their first word. Built once, from the embedded
/// defaults or the defaults extended by a reference.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub(crate) cues: Vec<MetricCue>,
    /// Whether a sentence holds a cue whole, from the words marking them.
    pub(crate) cue_marks: cue_marks::CueMarks,
    /// First word of a plain (slot-less) cue → cue indexes, longest first.
    pub(crate) plain_by_first: HashMap<String, Vec<usize>>,
    /// Slotted cues by the first word after their slot.
    pub(crate) post_by_first: HashMap<String, Vec<usize>>,
    /// Plain cues, slotted cues' words after the slot, and the words of
    /// those that end at it, by their whole words.
    pub(crate) plain_phrases: phrases::Phrases,
    pub(crate) post_phrases: phrases::Phrases,
    pub(crate) pre_phrases: phrases::Phrases,
    pub(crate) metric_ids: Vec<String>,
    pub(crate) toll_links: WordSet,
    pub(crate) aux_words: WordSet,
    pub(crate) qualifiers: qualifiers::Qualifiers,
    pub(crate) reporting_verbs: WordSet,
    pub(crate) titles: WordSet,
    pub(crate) female_titles: WordSet,
    pub(crate) male_titles: WordSet,
    pub(crate) organisations: WordSet,
    pub(crate) title_cues: Vec<Vec<String>>,
    pub(crate) teasers: Vec<Vec<String>>,
    /// Words that make what follows a headline's colon not a speaker.
    pub(crate) teaser_words: WordSet,
    /// Lower-case nouns that can head a speaker ("officials", "the ministry").
    pub(crate) speaker_nouns: WordSet,
    pub(crate) proxies: WordSet,
    pub(crate) months: WordSet,
    /// Units after a number that make it a duration, age, distance or sum.
    pub(crate) non_count_units: WordSet,
    /// Labels before a number that make it a page, an age, an address or money.
    pub(crate) non_count_labels: WordSet,
    pub(crate) year_words: WordSet,
    pub(crate) not_subject: WordSet,
    pub(crate) speech_settings: WordSet,
    /// Heads that make a figure not a count of people ("chickens", "shares").
    pub(crate) non_person_subjects: WordSet,
    /// Who was counted as a part of a toll ("children", "women").
    pub(crate) part_subjects: WordSet,
    /// Words after which a page holds other stories' headlines, as words.
    pub(crate) page_tails: Vec<Vec<String>>,
    /// The first words of the [`Lexicon::page_tails`]: a list with a bit,
    /// so that a sentence none of whose words opens one is not read for them.
    pub(crate) page_tail_starts: WordSet,
    /// Words between a number and who was counted that add to a count ("two more civilians").
    pub(crate) additive_words: WordSet,
    pub(crate) count_modifiers: WordSet,
    pub(crate) release_words: WordSet,
    /// Nouns that name a count after its number: "brought to 49 the *number* killed".
    pub(crate) count_nouns: WordSet,
    pub(crate) whole_scopes: Vec<String>,
    pub(crate) narrower_words: WordSet,
    pub(crate) disputing_words: WordSet,
    pub(crate) earlier_counts: Vec<String>,
    pub(crate) other_periods: Vec<String>,
    pub(crate) correction_notes: Vec<String>,
    pub(crate) belief_verbs: WordSet,
    /// Phrases that mark a figure as the whole event's total, as words.
    pub(crate) total_words: Vec<Vec<String>>,
    pub(crate) sample_nouns: WordSet,
    pub(crate) loss_subjects: WordSet,
    pub(crate) fugitive_subjects: WordSet,
    pub(crate) body_nouns: WordSet,
    pub(crate) body_context: WordSet,
    pub(crate) body_kinds: WordSet,
    pub(crate) subregions: WordSet,
    pub(crate) place_nouns: WordSet,
    pub(crate) sites: WordSet,
    /// Never part of a name: `grammar::CLOSED_CLASS`, weekdays and `not_names`.
    pub(crate) not_names: WordSet,
    /// Between a speaker and the cue: `grammar::BETWEEN_SPEAKER_AND_CUE`,
    /// weekdays and `skip_left`.
    pub(crate) skip_left: WordSet,
    pub(crate) aside_participles: WordSet,
    pub(crate) name_particles: WordSet,
    pub(crate) time_words: WordSet,
    /// Weekdays and day parts: what follows "on" in "on Tuesday night".
    pub(crate) week: WordSet,
    /// The days of the week alone.
    pub(crate) weekdays: WordSet,
    /// Periods and day parts: what follows "this"/"last"/"next".
    pub(crate) periods: WordSet,
    pub(crate) published: WordSet,
    pub(crate) trailing: WordSet,
    pub(crate) saying_verbs: WordSet,
    /// In lexicon order: glued cues are found by suffix.
    pub(crate) plain_cues: suffixes::Suffixes,
    pub(crate) present_cues: WordSet,
    pub(crate) quote_only_cues: WordSet,
    pub(crate) clause_cues: WordSet,
    pub(crate) estimate_cues: WordSet,
    pub(crate) evidence_verbs: WordSet,
    pub(crate) nounish_cues: WordSet,
    pub(crate) nouns_after_names: WordSet,
    pub(crate) past_verbs: WordSet,
    pub(crate) title_modifiers: WordSet,
    pub(crate) participle_cues: WordSet,
    /// Verbs that credit a quotation that follows them ("called … “…”").
    pub(crate) quote_verbs: WordSet,
    pub(crate) abbreviations: WordSet,
    /// Synonym group indexes of each subject noun.
    subject_groups: HashMap<String, Vec<usize>>,
    small_words: WordSet,
    /// Every word's lists, as bits: read once per token.
    pub(crate) classes: classes::Classes,
}

static DEFAULT_SHARED: LazyLock<std::sync::Arc<Lexicon>> = LazyLock::new(|| {
    let file: LexiconFile = crate::yaml::from_str(Path::new("lexicon.yaml"), DEFAULT)
        .expect("the embedded lexicon is valid");
    std::sync::Arc::new(Lexicon::build(&file).expect("the embedded lexicon is valid"))
});

mod build;
pub(crate) mod classes;
mod phrases;
mod qualifiers;
mod queries;
mod suffixes;

impl Lexicon {
    /// The embedded default lexicon, compiled once per process.
    pub fn default_ref() -> &'static Lexicon {
        &DEFAULT_SHARED
    }

    /// The embedded default lexicon, shared: a reference that does not
    /// extend it holds this one, not a 700 KB copy.
    pub fn default_shared() -> std::sync::Arc<Lexicon> {
        std::sync::Arc::clone(&DEFAULT_SHARED)
    }

    /// The embedded defaults extended by `extra` (a reference's `lexicon:`
    /// section): every list adds to the defaults. Fails on an empty or
    /// number-only metric phrase or an unknown qualifier name.
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
            countries,
            toll_links,
            aux_words,
            reporting_verbs,
            titles,
            female_titles,
            male_titles,
            organisations,
            title_cues,
            teasers,
            teaser_words,
            speaker_nouns,
            proxies,
            months,
            non_count_units,
            non_count_labels,
            year_words,
            not_subject,
            speech_settings,
            non_person_subjects,
            part_subjects,
            page_tails,
            additive_words,
            count_modifiers,
            release_words,
            count_nouns,
            whole_scopes,
            narrower_words,
            disputing_words,
            earlier_counts,
            other_periods,
            correction_notes,
            belief_verbs,
            total_words,
            sample_nouns,
            loss_subjects,
            fugitive_subjects,
            body_nouns,
            body_context,
            body_kinds,
            subregions,
            place_nouns,
            sites,
            weekdays,
            day_parts,
            periods,
            not_names,
            skip_left,
            aside_participles,
            name_particles,
            time_words,
            published,
            trailing,
            saying_verbs,
            plain_cues,
            present_cues,
            quote_only_cues,
            clause_cues,
            estimate_cues,
            evidence_verbs,
            nounish_cues,
            nouns_after_names,
            past_verbs,
            title_modifiers,
            participle_cues,
            quote_verbs,
            abbreviations,
            subject_synonyms,
            small_words
        );
        Lexicon::build(&file)
    }
}

#[cfg(test)]
mod tests;
