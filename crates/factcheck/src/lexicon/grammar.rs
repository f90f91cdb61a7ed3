//! Closed-class grammar words: determiners, pronouns, forms of "be",
//! auxiliaries, conjunctions and prepositions.
//!
//! These are code, not lexicon, on purpose: English does not add words to
//! these classes, a reference has no reason to extend them, and the rules
//! that use them are written around exactly these words. Everything
//! open-ended (cue verbs, time words, titles, abbreviations …) lives in
//! `lexicon.yaml`.

/// The articles: the determiners that open a noun phrase ("the ministry",
/// "a spokesman") and are dropped from a speaker's name.
pub(crate) const ARTICLES: &[&str] = &["the", "a", "an"];

/// Articles, demonstratives and possessives: before a cue word they make it
/// a noun or an adjective ("the said agreement", "an estimated 40").
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
];

/// Forms of "be": before a cue word they make it passive ("is said to be").
pub(crate) const BE: &[&str] = &["is", "was", "were", "are", "be", "been", "being", "it's"];

/// Conjunctions that join the next statement and are cut from the end of
/// reported content ("…, although the Pentagon said").
pub(crate) const CONJUNCTIONS: &[&str] = &[
    "although", "though", "but", "while", "whereas", "and", "as", "however", "yet",
];

/// Conjunctions that open a clause that follows speech without being what
/// was said ("X said at a conference, as workers picketed outside").
#[rustfmt::skip]
pub(crate) const CLAUSE_OPENERS: &[&str] = &[
    "as", "while", "when", "and", "but", "or", "because", "although", "though", "whereas", "after",
    "before", "since", "until", "if",
];

/// Conjunctions that, after a comma, open a clause about something else
/// ("two people were killed, while a tornado in Zhejiang killed 13"): words
/// past them do not describe the figure before.
pub(crate) const CONTRASTS: &[&str] = &["while", "whereas", "but", "although", "though"];

/// Words after a comma that open a clause the writer sets against reported
/// speech ("Iran reported an offensive, while Iraqi forces had repulsed
/// it"): what follows may not be the speaker's.
pub(crate) const CONTRAST_OPENERS: &[&str] = &["while", "whereas"];

/// Determiners and quantifiers that let a common noun be a speaker: "the
/// soldier said", "several senators said".
#[rustfmt::skip]
pub(crate) const QUANTIFIERS: &[&str] = &[
    "the", "a", "an", "several", "many", "some", "most", "other", "two", "three", "four", "five",
    "one", "both", "few", "numerous", "various",
];

/// Shares of a group that speak for those polled: "half said", "a
/// majority say" (and "three-quarters", "two-thirds": any "-quarters",
/// "-thirds", "-fourths", "-fifths").
pub(crate) const SHARE_WORDS: &[&str] = &[
    "half",
    "third",
    "quarter",
    "majority",
    "majorities",
    "plurality",
    "minority",
    "most",
];

/// Words before a share that qualify it: "nearly half", "more than 4 in
/// 10", "another 19 percent", "a third".
#[rustfmt::skip]
pub(crate) const SHARE_OPENERS: &[&str] = &[
    "nearly", "about", "almost", "roughly", "around", "some", "over", "under", "only", "just",
    "another", "than", "more", "less", "fewer", "fully", "barely", "a", "the", "slim", "narrow",
    "clear", "large", "vast",
];

/// Function words that are never part of a speaker's name, even when
/// capitalised at the start of a sentence. The lexicon adds the open-ended
/// rest (weekdays, months, time adverbs, speech verbs: `not_names`).
#[rustfmt::skip]
pub(crate) const CLOSED_CLASS: &[&str] = &[
    // determiners
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your",
    // conjunctions and wh-words
    "and", "or", "but", "if", "then", "so", "as", "while", "although", "though", "because",
    "since", "when", "where", "which", "who", "whom", "whose", "what", "why", "how", "however",
    "yet",
    // prepositions
    "to", "of", "in", "on", "at", "by", "for", "with", "from", "into", "about", "after", "before",
    // closed adverbs
    "also", "not", "no", "there", "here", "just", "only", "even",
    // pronouns
    "it", "he", "she", "they", "we", "i", "you", "everyone", "nobody", "someone",
    // be, auxiliaries, modals
    "is", "was", "were", "are", "be", "been", "has", "have", "had", "would", "will", "can",
    "could", "should", "may", "might", "must",
    // quantifiers
    "some", "many", "most", "all", "both", "each", "other", "others", "one",
];

/// Auxiliaries, and the preposition of a date, that may stand between a
/// speaker and the cue ("Zelensky has said", "Fomin on Tuesday said"); the
/// lexicon adds the adverbs (`skip_left`) and weekdays.
pub(crate) const BETWEEN_SPEAKER_AND_CUE: &[&str] =
    &["has", "have", "had", "would", "will", "did", "on"];

/// Words that open an apposition after a name (", the deputy minister,",
/// ", who …").
pub(crate) const APPOSITION_OPENERS: &[&str] = &["the", "a", "an", "who", "which", "whose"];

/// Function words inside a person's or organisation's name ("Committee of
/// the Red Cross"); the lexicon adds name particles ("von", "bin").
pub(crate) const NAME_JOINERS: &[&str] = &["of", "the", "for", "and"];

/// Pronouns that stand for a person: resolved to the last person named.
pub(crate) const PRONOUNS_PERSON: &[&str] = &["he", "she"];

/// Possessive determiners: "her advisers said", "maintains their lead".
pub(crate) const POSSESSIVES: &[&str] = &["his", "her", "its", "their", "our", "my", "your"];

/// Pronouns that stand for a group or an organisation.
pub(crate) const PRONOUNS_GROUP: &[&str] = &["they", "it", "we"];

/// Whether `word` (lower case) is a speaker pronoun ("he", "they", "it").
pub(crate) fn is_pronoun(word: &str) -> bool {
    PRONOUNS_PERSON.contains(&word) || PRONOUNS_GROUP.contains(&word)
}

/// Relative pronouns that stand for a speaker named right before them:
/// "Ted Cruz, who said …", "the union, which said …".
pub(crate) const RELATIVE_PRONOUNS: &[&str] = &["who", "which"];

/// Short words left lower case inside a Title Case name ("Operation of the
/// Year"), so such a quotation still reads as a title.
pub(crate) const TITLE_CASE_SMALL: &[&str] = &[
    "of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "with", "or", "by", "from",
];

/// Determiners of a period that sets the scene of speech: "said this week".
pub(crate) const PERIOD_DETERMINERS: &[&str] = &["this", "last", "next"];

/// Prepositions that open the occasion of speech: "said in a statement",
/// "told reporters at a news conference".
pub(crate) const SETTING_PREPOSITIONS: &[&str] = &["in", "at", "during", "after", "via", "on"];

/// Determiners between "of" and a number that make it the size of a group
/// counted before: "one of its eight crew members".
pub(crate) const GROUP_DETERMINERS: &[&str] = &["its", "their", "the", "his", "her"];

/// Determiners and pronouns after a partitive "of" that stay out of who was
/// counted: "thousands of the civilians", "60 of its soldiers", "12 of them".
#[rustfmt::skip]
pub(crate) const PARTITIVE_DETERMINERS: &[&str] = &[
    "the", "them", "whom", "which", "those", "its", "their", "his", "her", "our",
];

/// Words right before a number that make it a part of the figure before:
/// "including 12", "included 40".
pub(crate) const SUBSET_LEADS: &[&str] = &["including", "included"];

/// Prepositions before a pronoun of the figure before: "among them 40",
/// "of whom 3".
pub(crate) const SUBSET_PREPOSITIONS: &[&str] = &["among", "of"];

/// Pronouns that stand for the people of the figure before: "12 of them",
/// "among whom 3".
pub(crate) const SUBSET_PRONOUNS: &[&str] = &["them", "whom", "which"];

/// Function words over which the counted phrase runs on to a metric word
/// after it: "two people in the area were injured", "regime and rebel fighters".
pub(crate) const COUNTED_PHRASE_LINKS: &[&str] = &[
    "of",
    "the",
    "in",
    "and",
    "from",
    "near",
    "inside",
    "at",
    "on",
    "aboard",
    "including",
    "a",
    "an",
];

/// The prepositions that may open the counted phrase right after a number
/// with no noun: "140 of the …", "two in the area".
pub(crate) const COUNTED_PHRASE_OPENERS: &[&str] = &["of", "in"];

/// Plural forms of "be" that put a noun after a number: "30 were minors".
pub(crate) const PLURAL_BE: &[&str] = &["were", "are"];

/// Prepositions that put a name inside a phrase of the subject ("the
/// governor of Hatay … from Idlib told"): such a name is not the speaker.
pub(crate) const PHRASE_PREPOSITIONS: &[&str] = &[
    "from", "of", "in", "at", "near", "for", "with", "on", "to", "inside", "outside", "within",
    "across", "around",
];

/// Pronouns that stand for what was said ("everything the auditor said"):
/// the speaker's words are not given.
pub(crate) const INDEFINITE_PRONOUNS: &[&str] = &[
    "everything",
    "anything",
    "something",
    "nothing",
    "whatever",
    "all",
    "much",
    "little",
];

/// Prepositions: never a modifier inside a speaker's phrase ("said
/// flooding around Zahedan …" reports flooding, no one called that).
pub(crate) const PREPOSITIONS: &[&str] = &[
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "amid",
    "among",
    "around",
    "at",
    "before",
    "behind",
    "below",
    "beside",
    "between",
    "beyond",
    "by",
    "despite",
    "during",
    "for",
    "from",
    "in",
    "inside",
    "into",
    "near",
    "off",
    "on",
    "onto",
    "outside",
    "over",
    "since",
    "through",
    "throughout",
    "toward",
    "towards",
    "under",
    "until",
    "upon",
    "with",
    "within",
    "without",
];

/// Prepositions that give a figure its place ("176 in Malawi"): a list of
/// figures repeats the one the first used.
pub(crate) const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "near", "from", "across"];

/// Words that open a phrase of time, which places a figure as a place
/// phrase does: "390 on November 9", "and by Friday, 464 …".
pub(crate) const TIME_PREPOSITIONS: &[&str] = &["on", "by", "since", "until", "during"];

/// Words that open a phrase fronted before the subject ("After the ruling
/// Carla Ferstman, legal director of Redress, said"): copy that lost the
/// comma after it still has the name open the clause.
pub(crate) const FRONTED_OPENERS: &[&str] = &[
    "after",
    "before",
    "following",
    "during",
    "since",
    "on",
    "in",
    "at",
    "outside",
    "earlier",
    "later",
    "speaking",
];

/// Words opening a sentence with a phrase that sets the scene ("Asked …,",
/// "While …,", "Quite suddenly, …"): a speech tag after it is no aside
/// inside the speaker's own words.
pub(crate) const SCENE_OPENERS: &[&str] = &[
    "as", "while", "when", "whenever", "asked", "if", "although", "though", "because", "since",
    "quite", "rather", "just", "once", "until", "unless", "whether", "speaking", "earlier",
    "later",
];

/// Words that open a new clause's subject: after a speech tag set off by
/// commas they start what was said, not the rest of the words before it.
pub(crate) const SUBJECT_OPENERS: &[&str] = &[
    "the", "a", "an", "he", "she", "they", "it", "we", "i", "you", "this", "these", "those",
    "there", "his", "her", "their", "its", "our", "my", "that",
];

/// Words that open a sentence adding to what the article told before ("In
/// addition, nine fatalities were reported"): its count is another one.
pub(crate) const ADDITION_OPENERS: &[&str] = &["in addition", "additionally", "besides"];

/// Adverbs that may stand between who was counted and the metric verb
/// ("One man also died"); words in -ly are taken too.
pub(crate) const VERB_ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "since",
    "still",
    "already",
    "too",
    "all",
    "both",
    "each",
    "reportedly",
];

/// Words that open an aside about who was counted, set off by commas
/// before the verb: "4,000 sailors, mostly from England and Ireland, were
/// drowned".
pub(crate) const ASIDE_OPENERS: &[&str] = &[
    "mostly",
    "mainly",
    "largely",
    "chiefly",
    "many",
    "most",
    "all",
    "some",
    "including",
];

/// Lower-case words a sentence never ends with: a line that ends on one
/// runs on over its line break, however short.
pub(crate) const OPEN_ENDS: &[&str] = &[
    "on", "in", "of", "the", "a", "an", "and", "or", "to", "at", "for", "with", "by", "from",
];

/// Words that open a clause about the noun before them, which the cue's
/// subject is: "The Observatory which relies on contacts inside Syria
/// said", "The woman accused of driving onto the Strip told police".
pub(crate) const RELATIVE_OPENERS: &[&str] = &[
    "which",
    "who",
    "accused",
    "charged",
    "suspected",
    "convicted",
    "wanted",
];

/// Object pronouns and the subject pronoun the registry resolves.
pub(crate) const OBJECT_PRONOUNS: &[(&str, &str)] =
    &[("him", "he"), ("her", "she"), ("them", "they")];
