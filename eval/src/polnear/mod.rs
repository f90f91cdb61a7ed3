//! Evaluate factcheck's attributed claims (quotes and reported speech)
//! against the PolNeAR attribution corpus (Newell, Margolin & Ruths, LREC 2018).
//!
//! The test driver is `eval/polnear/main.rs`; this module reads the gold
//! (`gold.rs`), scores (`score.rs`) and prints (`report.rs`), so that the
//! driver only parses its arguments and checks the floors.
//!
//! # What it measures
//!
//! The claims come from `factcheck::Extractor::default().extract(&article)`, with
//! no reference. Only claims of kind `quote` or `statement` that carry an
//! `attribution` count as predictions. The gold data are PolNeAR's brat
//! `E` relations (Source, Cue, Content). The evaluation works at the level
//! of relations:
//!
//! * **Recall** = gold *speech* relations matched by at least one
//!   prediction / all gold speech relations. A gold relation is a *speech*
//!   relation when it has a Source span and its cue is a verb of saying or
//!   "according to" (see [`SPEECH_CUE_WORDS`] and [`is_speech_cue`]).
//! * **Precision** = predictions that match at least one gold relation with
//!   a Source, *whatever its cue* / all predictions. Any cue counts, so that
//!   a correct find whose cue the scope filter drops ("has learned",
//!   "believes", ":") is not counted as an error.
//!
//! # How a prediction matches a gold relation
//!
//! Both spans become sets of word tokens (maximal runs of alphanumeric
//! characters, each counted by its position in the article). A gold content
//! is the union of all its fragments (discontinuous spans and `Content2`).
//! A prediction's tokens are those of its claim span: the words inside the
//! quotation marks for a quote, the reported content for a statement.
//!
//! 1. **Content**: |P ∩ G| / min(|P|, |G|) ≥ 0.5 (overlap coefficient).
//!    A strict variant, Jaccard |P ∩ G| / |P ∪ G| ≥ 0.5, is reported as well.
//! 2. **Speaker**, any of:
//!    - *span*: the predicted `mention_span` overlaps the gold Source span;
//!    - *name*: the last word of the predicted canonical speaker equals,
//!      case-insensitively, the last word of the gold Source text (after
//!      dropping parentheticals and a possessive 's);
//!    - *pronoun*: the gold Source is a pronoun and the predicted mention is
//!      that pronoun at the same place. With a `mention_span` this is a
//!      special case of *span*; it is listed for completeness, and is the
//!      only place test when a claim has no `mention_span` (then "same
//!      place" means the gold Source lies within 200 bytes of the claim).
//!
//! Matching is not one-to-one: a gold relation is found when any prediction
//! matches it, and a prediction is right when it matches any gold relation
//! (so a quote split into two claims, or a quote and a statement for the
//! same words, all count as right).
//!
//! Content-only recall and precision (speaker ignored) and speaker accuracy
//! on content-matched pairs are printed too, so it is clear whether an
//! error comes from the content or from the speaker. Content-only precision
//! is counted against all gold relations, sourced or not.
//!
//! # Data
//!
//! `../shared/corpus/polnear/data/<split>/text/<stem>.txt` and
//! `.../attributions/<stem>_<annotator>.ann` (see that corpus's
//! `SOURCE.md`). brat offsets are Unicode code points; they are turned into
//! byte offsets through a per-article table, and every span is checked
//! against the surface string the .ann file stores (mismatches are counted
//! and printed). Where several annotators did an article, only the first
//! .ann in sorted order is used, so every article counts once. Articles
//! without any .ann are skipped.
//!
//! # The report
//!
//! The table also splits errors by outcome (speaker wrong, partial content,
//! no overlap), recall by cue class, precision by claim kind and by cue
//! class ("call" too, which is not in scope: a precision line only), and
//! both by publisher. Speed is the extractor's alone (article loading and
//! `extract_claims`), in MB of article text per second; wall time covers
//! everything. If the extractor panics on an article, the panic is caught,
//! the article is named in the report and left out of every count.

mod gold;
mod report;
mod score;

use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use factcheck::Article;

pub use gold::{is_speech_cue, SPEECH_CUE_WORDS};
pub use score::CONTENT_THRESHOLD;

use gold::{parse_ann, ParseStats};
use report::{clip, ratio};
use score::{score_article, Tally};

/// Beside the workspace, as CI lays it out.
pub const DEFAULT_DATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/corpus/polnear/data"
);

/// The data directory to read, or `None` when the run should be skipped:
/// a directory given on the command line is always used (a wrong one is
/// an error later), the default one only when it exists, so that a
/// checkout without `../shared` still passes `cargo test`.
pub fn data_dir(given: Option<&Path>, default: &Path) -> Option<PathBuf> {
    match given {
        Some(dir) => Some(dir.to_path_buf()),
        None => default.is_dir().then(|| default.to_path_buf()),
    }
}

/// One split, evaluated.
pub struct Evaluation {
    split: String,
    tally: Tally,
    parse_stats: ParseStats,
    wall: Duration,
    /// .ann stems with no article text.
    unmatched_anns: usize,
}

/// The two figures the floors guard, in percent: content + speaker
/// (overlap ≥ 0.5) recall and precision, as the first table row prints them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Headline {
    pub recall: f64,
    pub precision: f64,
}

impl Headline {
    /// One line per figure below its floor, naming both; empty when none is.
    pub fn below(&self, floors: &Headline) -> Vec<String> {
        [
            ("recall", self.recall, floors.recall),
            ("precision", self.precision, floors.precision),
        ]
        .into_iter()
        .filter(|(_, got, floor)| got < floor)
        .map(|(what, got, floor)| {
            format!("content + speaker {what} {got:.2}% is below the floor of {floor:.1}%")
        })
        .collect()
    }
}

impl Evaluation {
    pub fn split(&self) -> &str {
        &self.split
    }

    pub fn headline(&self) -> Headline {
        let t = &self.tally;
        Headline {
            recall: 100.0 * ratio(t.gold_matched, t.gold_in_scope),
            precision: 100.0 * ratio(t.pred_matched, t.predicted),
        }
    }

    /// Print the report; `verbose` misses and false positives as examples.
    pub fn print(&self, verbose: usize) {
        report::print(self, verbose);
    }
}

/// Make an extractor panic print one short line: the article is named in
/// the report, and a full backtrace per article would bury it.
pub fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("panic");
        let at = info
            .location()
            .map_or(String::new(), |l| format!(" at {}:{}", l.file(), l.line()));
        eprintln!("extractor panic{at}: {}", clip(msg, 120));
    }));
}

/// Evaluate one split (`data/<split>`). The error names a file or
/// directory that could not be read.
pub fn evaluate(data: &Path, split: &str) -> Result<Evaluation, String> {
    let wall = Instant::now();
    let listing = list_split(&data.join(split))?;
    let mut t = Tally {
        articles_without_ann: listing.without_ann,
        ..Tally::default()
    };
    let mut ps = ParseStats::default();
    for a in &listing.articles {
        t.multi_annotated += a.several_annotators as usize;
        let text = read(&a.text)?;
        let ann = read(&a.ann)?;
        evaluate_article(&a.stem, text, &ann, &mut ps, &mut t);
    }
    Ok(Evaluation {
        split: split.to_string(),
        tally: t,
        parse_stats: ps,
        wall: wall.elapsed(),
        unmatched_anns: listing.unmatched_anns,
    })
}

/// An article with gold, and the one .ann file that is scored.
struct ArticleFiles {
    stem: String,
    text: PathBuf,
    ann: PathBuf,
    several_annotators: bool,
}

/// The articles of a split, in sorted order.
struct Listing {
    articles: Vec<ArticleFiles>,
    /// Texts without any .ann.
    without_ann: usize,
    /// .ann stems without a text.
    unmatched_anns: usize,
}

/// The article stem of an .ann file name: `<stem>_<annotator>.ann`.
fn ann_stem(file: &str) -> Option<&str> {
    file.strip_suffix(".ann")?.rsplit_once('_').map(|(s, _)| s)
}

/// Pair every `text/*.txt` of a split with the first of its .ann files.
fn list_split(dir: &Path) -> Result<Listing, String> {
    let mut anns: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    let ann_dir = dir.join("attributions");
    let entries = std::fs::read_dir(&ann_dir).map_err(|e| format!("{}: {e}", ann_dir.display()))?;
    for e in entries.flatten() {
        let file = e.file_name().to_string_lossy().into_owned();
        if let Some(stem) = ann_stem(&file) {
            anns.entry(stem.to_string()).or_default().push(e.path());
        }
    }
    let mut texts: Vec<PathBuf> = std::fs::read_dir(dir.join("text"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    texts.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    texts.sort();

    let mut listing = Listing {
        articles: Vec::new(),
        without_ann: 0,
        unmatched_anns: 0,
    };
    for path in texts {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let Some(files) = anns.get_mut(&stem) else {
            listing.without_ann += 1;
            continue;
        };
        files.sort();
        listing.articles.push(ArticleFiles {
            ann: files[0].clone(),
            several_annotators: files.len() > 1,
            text: path,
            stem,
        });
    }
    listing.unmatched_anns = anns.len() - listing.articles.len();
    Ok(listing)
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Parse the gold, run the extractor and score one article. An article
/// the extractor fails on is counted as such and left out of the scores.
fn evaluate_article(
    name: &str,
    text: String,
    ann: &str,
    parse_stats: &mut ParseStats,
    t: &mut Tally,
) {
    let gold = parse_ann(ann, &text, name, parse_stats);
    let bytes = text.len();
    let started = Instant::now();
    let article = match Article::from_text(name, text, None) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("warning: {name}: {e}; skipped");
            t.articles_failed += 1;
            return;
        }
    };
    // A panic inside the extractor is an extractor bug: count the article
    // as failed (its gold is left out) and go on with the others.
    let claims = match std::panic::catch_unwind(AssertUnwindSafe(|| {
        factcheck::Extractor::default().extract(&article)
    })) {
        Ok(c) => c.claims,
        Err(_) => {
            t.articles_panicked.push(name.to_string());
            return;
        }
    };
    t.extract_time += started.elapsed();
    t.bytes += bytes;
    t.articles += 1;
    score_article(name, &article.text, &gold, claims, t);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_data_is_skipped_only_when_absent() {
        let absent = Path::new("/nonexistent/polnear/data");
        assert_eq!(data_dir(None, absent), None);
        assert_eq!(
            data_dir(Some(absent), Path::new(".")),
            Some(absent.to_path_buf())
        );
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        assert_eq!(data_dir(None, here), Some(here.to_path_buf()));
    }

    #[test]
    fn floors() {
        let h = Headline {
            recall: 72.05,
            precision: 91.57,
        };
        let f = |recall, precision| Headline { recall, precision };
        assert!(h.below(&f(71.5, 91.0)).is_empty());
        assert_eq!(h.below(&f(72.5, 91.0)).len(), 1);
        assert_eq!(h.below(&f(72.5, 92.0)).len(), 2);
    }

    #[test]
    fn ann_stems() {
        assert_eq!(
            ann_stem("nyt_2016-05-17_x_12.ann"),
            Some("nyt_2016-05-17_x")
        );
        assert_eq!(ann_stem("nyt.txt"), None);
    }
}
