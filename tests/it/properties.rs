//! Properties: extraction never panics, every span lies on character
//! boundaries inside the text with a line and column that agree with it,
//! and the output is deterministic — on arbitrary strings and on real news
//! text with random edits.

use crate::support::*;

use factcheck::Article;
use proptest::prelude::*;

fn check_spans(text: &str) {
    let article = Article::from_text("p", text.to_string(), None).unwrap();
    let a = factcheck::Extractor::default().extract(&article);
    let b = factcheck::Extractor::default().extract(&article);
    assert_eq!(a, b, "extraction is deterministic");
    for c in &a.claims {
        let s = c.span;
        assert!(s.start <= s.end && s.end <= text.len(), "{s:?}");
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{s:?}"
        );
        let line = text[..s.start].matches('\n').count() + 1;
        let column = text[..s.start]
            .rsplit('\n')
            .next()
            .unwrap()
            .chars()
            .filter(|&c| c != '\u{feff}')
            .count()
            + 1;
        assert_eq!((s.line, s.column), (line, column));
        if let Some(a) = &c.attribution {
            if let Some((ms, me)) = a.mention_span {
                assert_eq!(&text[ms..me], a.mention);
            }
        }
    }
}

/// Pieces of newsroom text to splice: numbers, cues, quotes, markup.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("More than 140 children have been killed".to_string()),
        Just(" Fomin said “".to_string()),
        Just("” ".to_string()),
        Just("‘".to_string()),
        Just("'".to_string()),
        Just("\"".to_string()),
        Just(", according to the UN, ".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("**12**".to_string()),
        Just("[3 dead](https://x.org/2014/5)".to_string()),
        Just(" between 2 and 3 million ".to_string()),
        Just("Read more: ".to_string()),
        Just(" : ".to_string()),
        Just("1,000".to_string()),
        Just("\u{a0}".to_string()),
        Just("—".to_string()),
        Just("…".to_string()),
        "[a-zA-Z0-9 .,;:!?'\"-]{0,12}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings(s in any::<String>()) {
        check_spans(&s);
    }

    #[test]
    fn spliced_news_pieces(parts in proptest::collection::vec(piece(), 0..30)) {
        check_spans(&parts.concat());
    }
}

/// Real text with random edits: the first articles of the shared corpus
/// (when it is there) cut at random char boundaries and joined.
#[test]
fn corpus_articles_with_edits() {
    let path = root().join("../shared/corpus/fa-kes-syria/fa_kes.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("note: {} is not here; skipped", path.display());
        return;
    };
    let texts: Vec<String> = data
        .lines()
        .take(60)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            v.get("text")
                .or_else(|| v.get("article_content"))
                .and_then(|t| t.as_str())
                .map(String::from)
        })
        .collect();
    assert!(!texts.is_empty());
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 200,
        ..ProptestConfig::default()
    });
    runner
        .run(
            &(0..texts.len(), 0usize..4000, 0usize..4000, piece()),
            |(i, a, b, insert)| {
                let t = &texts[i];
                let floor = |mut x: usize| {
                    x = x.min(t.len());
                    while !t.is_char_boundary(x) {
                        x -= 1;
                    }
                    x
                };
                let (a, b) = (floor(a.min(b)), floor(a.max(b)));
                let edited = format!("{}{}{}", &t[..a], insert, &t[b..]);
                check_spans(&edited);
                check_spans(t);
                Ok(())
            },
        )
        .unwrap();
}

/// Every article of the shared corpora (when they are there): no panic,
/// valid spans. This found a slice-bounds panic in reported-speech cutting
/// on BBC business copy.
#[test]
fn shared_corpora_never_panic() {
    let root = root().join("../shared/corpus");
    let files = [
        ("bbc-news/bbc_news.jsonl", usize::MAX),
        ("fa-kes-syria/fa_kes.jsonl", usize::MAX),
        (
            "wikimpacts-disasters/wikimpacts_dev_test_articles.jsonl",
            usize::MAX,
        ),
        ("reuters-21578/reuters21578.jsonl", 3000),
    ];
    let mut n = 0;
    for (file, limit) in files {
        let Ok(data) = std::fs::read_to_string(root.join(file)) else {
            eprintln!("note: {file} is not here; skipped");
            continue;
        };
        for line in data.lines().take(limit) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            if let Some(text) = v["text"].as_str() {
                check_spans(text);
                n += 1;
            }
        }
    }
    eprintln!("{n} corpus articles extracted");
}

/// Checking, not only extracting, never panics on real copy, and its fixes
/// land on character boundaries: each corpus article against its own
/// scaffold with every value moved (so fixes are written) and `context:`
/// words taken from the article — words after no-break spaces first, which
/// once split a character in choosing among facts. The fixed text is
/// checked again.
#[test]
fn shared_corpora_check_and_fix_never_panic() {
    use factcheck::NumberText;
    use factcheck::{corrected, skeleton, skeleton_yaml, Checker, Extractor, Reference};
    let root = root().join("../shared/corpus");
    let files = [
        "wikimpacts-disasters/wikimpacts_dev_test_articles.jsonl",
        "fa-kes-syria/fa_kes.jsonl",
        "bbc-news/bbc_news.jsonl",
        "reuters-21578/reuters21578.jsonl",
    ];
    let mut n = 0;
    for file in files {
        let Ok(data) = std::fs::read_to_string(root.join(file)) else {
            eprintln!("note: {file} is not here; skipped");
            continue;
        };
        for line in data.lines().take(400) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let Some(text) = v["text"].as_str() else {
                continue;
            };
            let article = Article::from_text("a.md", text.to_string(), None).unwrap();
            let claims = Extractor::default().extract(&article);
            let mut file = skeleton(&claims, "a.md");
            // capitalised words, those after a no-break space first
            let mut words: Vec<&str> = text
                .split('\u{a0}')
                .skip(1)
                .filter_map(|s| s.split_whitespace().next())
                .collect();
            words.extend(text.split_whitespace());
            words.retain(|w| {
                w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic)
            });
            for (i, f) in file.facts.iter_mut().enumerate() {
                if let Some(NumberText::Number(x)) = f.value {
                    f.value = Some(NumberText::Number(x * 2.0 + 1.0));
                }
                f.context = words
                    .iter()
                    .skip(i % 3)
                    .take(2)
                    .map(|w| w.to_string())
                    .collect();
            }
            let yaml = skeleton_yaml(&file, "a.md");
            let reference = match Reference::from_str(std::path::Path::new("r.yaml"), &yaml) {
                Ok(r) => r,
                Err(e) => panic!("a scaffold with context words does not load: {e}\n{yaml}"),
            };
            let checker = Checker::new(&reference);
            let findings = checker.check(&article).findings;
            for f in &findings {
                if let Some(c) = &f.correction {
                    assert!(c.start <= c.end && c.end <= text.len());
                    assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
                }
            }
            let fixed = corrected(text, &findings);
            let again = Article::from_text("a.md", fixed, None).unwrap();
            checker.check(&again);
            n += 1;
        }
    }
    eprintln!("{n} corpus articles checked and fixed");
}
