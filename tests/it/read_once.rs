//! Work stays linear on shapes found by reading each search of the text
//! for one that starts at many places and reads to an end (the twenty-
//! seventh session's audit); the same bound as `bounded.rs`.

use factcheck::{Article, Checker, Extractor, Reference};

use crate::bounded::timed;

fn claims(text: String) -> Vec<factcheck::model::Claim> {
    let a = Article::from_text("t.md", text, None).unwrap();
    Extractor::default().extract(&a).claims
}

#[test]
fn markers_comments_and_clauses_are_read_once() {
    // each shape read on to its end from each of many places (time
    // quadratic: minutes at 1 MB): a cue's colon inside an open quote
    // counted the words after every sentence end before it; each figure
    // looked for a citation marker's `]` from every `[` after it; each
    // `factcheck: ignore` comment read its paragraph to the end; a "while"
    // looked for a sentence end before every later figure, and a sentence
    // end for the `]` of every ".[" after it
    let mb = 1_000_000;
    let after = "\n\nPolice said 40 people were killed.\n";
    let quote = format!(
        "He said: \"Aa. {}B c d e f g h: \"x y z\" end.{after}",
        "Aa. ".repeat(mb / 4)
    );
    let found = timed("quote", || claims(quote));
    let forty =
        |c: &factcheck::model::Claim| c.quantity.as_ref().is_some_and(|q| q.value.0 == 40.0);
    assert!(found.iter().any(forty), "{found:?}");
    let unit = format!(
        "{}{}.\n\n",
        "5 people were killed, ".repeat(200),
        "[".repeat(60_000)
    );
    let found = timed("brackets", || claims(unit.repeat(mb / unit.len()) + after));
    assert!(
        found.len() > 200 && found.iter().any(forty),
        "{}",
        found.len()
    );
    let reference = Reference::from_str(
        "r.yaml".as_ref(),
        "version: 1\nfacts:\n  - {id: k, metric: killed, value: 7, context: [idlib]}\n",
    )
    .unwrap();
    for text in [
        "<!-- factcheck: ignore -->\n".repeat(mb / 27),
        "5 people were killed while in Idlib. ".repeat(2 * mb / 37),
        format!("{} in Idlib 5 people were killed", ".[".repeat(mb)).repeat(2) + ".\n",
    ] {
        let a = Article::from_text("t.md", text, None).unwrap();
        let report = timed("check", || Checker::new(&reference).check(&a));
        // every figure read is compared (7 is not 5): none is lost, up to
        // the most findings listed for one article (errors first)
        let figures = Extractor::default()
            .extract(&a)
            .claims
            .iter()
            .filter(|c| c.quantity.is_some())
            .count();
        let mismatches = report
            .findings
            .iter()
            .filter(|f| f.status == factcheck::model::Status::Mismatch)
            .count();
        assert_eq!(mismatches, figures.min(factcheck::MAX_FINDINGS_PER_ARTICLE));
        // (and each comment that set nothing aside says so)
        assert!(figures > 0 || !report.notices.is_empty());
    }
}

#[test]
fn the_cues_of_one_long_sentence_are_read_once() {
    // 64 KB sentences of many cues, each of which read the sentence from
    // its start (for a participle's subject, for a quotation mark beside
    // an evidence verb) or to its end (for the words after a cue): 7 s a
    // megabyte, over the bound at 4 MB
    let mb = 1_000_000;
    let after = "\n\nPolice said 40 people were killed.\n";
    let forty =
        |c: &factcheck::model::Claim| c.quantity.as_ref().is_some_and(|q| q.value.0 == 40.0);
    for unit in ["x, saying ", "data show ", "x said "] {
        let text = unit.repeat(4 * mb / unit.len()) + after;
        let found = timed(unit, || claims(text));
        assert!(found.iter().any(forty), "{unit}: {}", found.len());
    }
}
