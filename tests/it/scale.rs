//! Comparison stays linear in a long reference and long quotes: word
//! diffs are bounded, claims are compared only with the reference entries
//! filed under their words, and two drafts' claims pair near their place
//! (issue 16; the shapes are generated here at sizes where the work
//! quadratic in them took minutes).

use std::fs;

use factcheck::{Article, Checker, Reference};

use crate::bounded::timed;
use crate::support::*;

/// Pseudo-random numbers below `n`, the same on every run.
fn numbers(seed: u64) -> impl FnMut(u64) -> u64 {
    let mut state = seed;
    move |n| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % n
    }
}

#[test]
fn a_long_quote_against_long_reference_quotes() {
    // 80,000 distinct-looking words from a small vocabulary: a word diff of
    // two such quotes that differ throughout costs the product of their
    // lengths (a 32 s run at 80,000 words before the alignment was bounded)
    let mut next = numbers(16);
    let words: Vec<String> = (0..80_000).map(|_| format!("w{}", next(5000))).collect();
    let text = format!("Varto said: “{}”\n", words.join(" "));
    let a = Article::from_text("a.md", text, None).unwrap();
    let reference = |quote: &[String]| {
        let yaml = format!(
            "version: 1\nsources:\n  - {{id: v, name: Varto}}\nquotes:\n  - id: q\n    speaker: v\n    text: \"{}\"\n",
            quote.join(" ")
        );
        Reference::from_str("r.yaml".as_ref(), &yaml).unwrap()
    };
    // one word changed in the middle: still the precise diff and its fix
    let mut one = words.clone();
    one[40_000] = "changed".into();
    let r = reference(&one);
    let report = timed("one word", || Checker::new(&r).check(&a));
    let [f] = &report.findings[..] else {
        panic!("{:?}", report.findings)
    };
    assert_eq!(f.status, factcheck::model::Status::Misquoted);
    let fix = f.correction.as_ref().unwrap();
    assert_eq!(fix.replacement.split(' ').nth(40_000), Some("changed"));
    assert_eq!(fix.replacement.split(' ').count(), 80_000);
    // every third word changed, or the words reversed: a changed middle
    // past 2,000 words is not aligned word by word, and no misquote is
    // claimed on a diff not computed (a miss, not a false error)
    let third: Vec<String> = (0..words.len())
        .map(|i| {
            if i % 3 == 0 {
                format!("x{i}")
            } else {
                words[i].clone()
            }
        })
        .collect();
    let mut reversed = words.clone();
    reversed.reverse();
    for quote in [third, reversed] {
        let r = reference(&quote);
        let report = timed("far apart", || Checker::new(&r).check(&a));
        assert!(
            report
                .findings
                .iter()
                .all(|f| f.severity < factcheck::model::Severity::Warning),
            "{:?}",
            report.findings.iter().map(|f| f.status).collect::<Vec<_>>()
        );
    }
}

#[test]
fn two_long_drafts_compare_in_linear_time() {
    // the shipped draft and its corrected version, each body repeated 500
    // times (1.2 MB): pairing every claim with every other took minutes
    let body = |path: &str| {
        let text = fs::read_to_string(root().join(path)).unwrap();
        text.splitn(3, "---\n").nth(2).unwrap().to_string()
    };
    let (old, new) = (
        body("claims/articles/ukraine-talks-draft.md"),
        body("claims/articles/ukraine-talks.md"),
    );
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        fs::write(&p, text).unwrap();
        p.to_str().unwrap().to_string()
    };
    let count = |out: &std::process::Output| -> usize {
        let text = stdout(out);
        let last = text.lines().last().unwrap().to_string();
        last.split(' ').next().unwrap().parse().unwrap()
    };
    let (o1, n1) = (write("o1.md", &old), write("n1.md", &new));
    let one = count(&factcheck(&["diff", &o1, &n1]));
    assert!(one >= 5, "{one}");
    let (o, n) = (
        write("o.md", &old.repeat(500)),
        write("n.md", &new.repeat(500)),
    );
    let out = timed("drafts", || factcheck(&["diff", &o, &n]));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // each copy's changes, and no more: claims pair with their own copy's
    assert_eq!(count(&out), 500 * one);
}

#[test]
fn a_long_reference_of_sources_quotes_and_statements() {
    // 50,000 sources, 2,000 quotes alike and 20,000 statements against
    // 1,000 paragraphs: each claim once scanned every entry (150 s at twice
    // the sources; 219 s for 5,000 quotes alike)
    let mut next = numbers(17);
    let vocab = [
        "the", "war", "will", "end", "soon", "we", "are", "ready", "to", "talk",
    ];
    let mut name = || -> String {
        (0..2)
            .map(|_| {
                let w: String = (0..7).map(|_| (b'a' + next(10) as u8) as char).collect();
                let mut c = w.chars();
                c.next()
                    .unwrap()
                    .to_uppercase()
                    .chain(c)
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut yaml = String::from("version: 1\nsources:\n");
    for i in 0..50_000 {
        yaml.push_str(&format!(
            "  - {{id: s{i}, name: {}, aliases: [{}]}}\n",
            name(),
            name()
        ));
    }
    let mut pick = numbers(18);
    let mut words = |n: usize| -> String {
        (0..n)
            .map(|_| vocab[pick(10) as usize])
            .collect::<Vec<_>>()
            .join(" ")
    };
    yaml.push_str("quotes:\n");
    for i in 0..2_000 {
        yaml.push_str(&format!(
            "  - {{id: q{i}, speaker: s{i}, text: \"{}\"}}\n",
            words(20)
        ));
    }
    yaml.push_str("statements:\n");
    for i in 0..20_000 {
        yaml.push_str(&format!(
            "  - {{id: t{i}, speaker: s{i}, says: \"{}\"}}\n",
            words(8)
        ));
    }
    yaml.push_str("facts:\n  - {id: k, metric: killed, value: 5, source: s1}\n");
    let reference = Reference::from_str("r.yaml".as_ref(), &yaml).unwrap();
    let text: String = (0..1_000)
        .map(|_| {
            format!(
                "{} said 7 people were killed. “{},” {} said. {} said {}.\n\n",
                name(),
                words(20),
                name(),
                name(),
                words(12)
            )
        })
        .collect();
    let a = Article::from_text("a.md", text, None).unwrap();
    let checker = timed("reference", || Checker::new(&reference));
    let report = timed("long reference", || checker.check(&a));
    // every figure is judged against the one fact
    let figures = report
        .findings
        .iter()
        .filter(|f| f.fact.as_deref() == Some("k"))
        .count();
    assert_eq!(figures, 1_000);
}

#[test]
fn many_articles_against_many_sources() {
    // every article once copied the registry of the reference's 50,000
    // sources (54 s for 200 articles at 100,000 sources); now the copies
    // share it
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join(".git")).unwrap();
    fs::create_dir_all(dir.path().join("claims/a")).unwrap();
    let mut next = numbers(19);
    let mut name = || -> String {
        let w: String = (0..7).map(|_| (b'a' + next(10) as u8) as char).collect();
        format!("Q{w}")
    };
    let mut yaml = String::from("version: 1\narticles: [\"a/*.md\"]\nsources:\n");
    for i in 0..50_000 {
        yaml.push_str(&format!(
            "  - {{id: s{i}, name: {} {}, aliases: [{}]}}\n",
            name(),
            name(),
            name()
        ));
    }
    yaml.push_str("  - {id: fomin, name: Alexander Fomin}\n");
    yaml.push_str("facts:\n  - {id: k, metric: killed, value: 5, source: fomin}\n");
    fs::write(dir.path().join("claims/ref.yaml"), yaml).unwrap();
    for i in 0..300 {
        fs::write(
            dir.path().join(format!("claims/a/{i}.md")),
            "Alexander Fomin said 7 people were killed. Fomin said more.\n",
        )
        .unwrap();
    }
    let out = timed("sources", || factcheck_in(dir.path(), &["check"]));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stdout(&out).ends_with("300 articles checked: 300 mismatch\n"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_figure_tied_between_thousands_of_facts_names_a_few() {
    // 2,000 facts alike and 200 figures: each finding once named every
    // tied fact (84 KB a finding; 170 MB of JSON at 5,000 x 1,000); and
    // each figure is ranked against the first MAX_FACTS_PER_FIGURE of
    // them, which a notice tells (16,000 x 16,000 cost their product: 16 s)
    let mut yaml = String::from("version: 1\nfacts:\n");
    for i in 0..2_000 {
        yaml.push_str(&format!(
            "  - {{id: f{i}, metric: killed, value: {}}}\n",
            1_000 + i
        ));
    }
    let reference = Reference::from_str("r.yaml".as_ref(), &yaml).unwrap();
    let text: String = (0..200)
        .map(|i| format!("{} people were killed.\n\n", i + 7))
        .collect();
    let a = Article::from_text("a.md", text, None).unwrap();
    let report = timed("tied", || Checker::new(&reference).check(&a));
    let tied: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.status == factcheck::model::Status::Mismatch)
        .collect();
    assert_eq!(tied.len(), 200);
    for f in tied {
        assert!(
            f.message.contains("`f0` (")
                && f.message.contains(&format!(
                    "; and {} more.",
                    factcheck::MAX_FACTS_PER_FIGURE - 8
                )),
            "{}",
            f.message
        );
        assert!(f.message.len() < 2_000, "{}", f.message.len());
    }
    let limits: Vec<_> = report.notices.iter().map(|n| n.limit).collect();
    assert_eq!(limits, [factcheck::model::Limit::FactsPerFigure]);
    assert!(report.notices[0].message.contains("2000 facts of `killed`"));
}

#[test]
fn thousands_of_unknown_source_ids_are_located_quickly() {
    // a near id was looked for among every declared source for each
    // unknown one: 50,000 of each took minutes; now the first 20 problems
    // get a suggestion
    let sources: String = (0..30_000)
        .map(|i| format!("  - {{id: src{i}, name: N{i}}}\n"))
        .collect();
    let facts: String = (0..30_000)
        .map(|i| format!("  - {{id: f{i}, metric: killed, value: 5, source: srd{i}}}\n"))
        .collect();
    let yaml = format!("version: 1\nsources:\n{sources}facts:\n{facts}");
    let err = timed("unknown ids", || {
        Reference::from_str("r.yaml".as_ref(), &yaml).unwrap_err()
    });
    let text = err.to_string();
    assert!(
        text.contains("r.yaml:30004:48: `srd0`"),
        "{}",
        &text[..300.min(text.len())]
    );
    assert!(text.contains(
        "`srd0` is not a declared source id (declare it under `sources:`); did you mean `src0`?"
    ));
    assert!(text.contains("`srd29999` is not a declared source id (declare it under `sources:`)"));
}

#[test]
fn excerpts_of_a_long_transcript_are_found_and_misquotes_diffed_on_their_run() {
    // a 60,000-word speech as one reference quote, quoted 300 times in
    // excerpts of 12 words: each excerpt is looked for in the speech run
    // together once, not once per excerpt, and one with a word changed is
    // aligned with the run it stands for (the whole speech is too long to
    // align word by word)
    let mut next = numbers(60);
    let vocab = ["the", "war", "will", "end", "soon", "we", "are", "ready"];
    let speech: Vec<String> = (0..60_000)
        .map(|_| format!("{}{}", vocab[next(8) as usize], next(3000)))
        .collect();
    let yaml = format!(
        "version: 1\nsources:\n  - {{id: v, name: Ann Varto}}\nquotes:\n  - id: q\n    speaker: v\n    text: \"{}\"\n",
        speech.join(" ")
    );
    let r = Reference::from_str("r.yaml".as_ref(), &yaml).unwrap();
    let mut text = String::new();
    for _ in 0..300 {
        let k = next(59_000) as usize;
        text.push_str(&format!(
            "Varto said: “{}.”\n\n",
            speech[k..k + 12].join(" ")
        ));
    }
    let mut changed = speech[30_000..30_012].to_vec();
    changed[5] = "peace".into();
    text.push_str(&format!("Varto said: “{}.”\n", changed.join(" ")));
    let a = Article::from_text("a.md", text, None).unwrap();
    let report = timed("excerpts", || Checker::new(&r).check(&a));
    let statuses: Vec<_> = report.findings.iter().map(|f| f.status).collect();
    let matched = statuses
        .iter()
        .filter(|s| **s == factcheck::model::Status::Match)
        .count();
    assert_eq!(matched, 300, "{statuses:?}");
    // a match shows the words the article gives, not the whole speech
    // (copied into each match, 1,500 of them took 2.4 GB)
    assert!(report
        .findings
        .iter()
        .all(|f| f.expected.as_ref().is_none_or(|e| e.len() < 1_000)));
    let others: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.status != factcheck::model::Status::Match)
        .collect();
    let [f] = &others[..] else {
        panic!("{others:?}")
    };
    assert_eq!(f.status, factcheck::model::Status::Misquoted, "{f:?}");
    // the fix writes the speech's word in place of the changed one, and
    // nothing of the speech outside the excerpt
    let fix = f.correction.as_ref().unwrap();
    assert_eq!(
        fix.replacement,
        format!("{}.", speech[30_000..30_012].join(" "))
    );
}

#[test]
fn thousands_of_figures_against_thousands_of_placed_facts() {
    // 20,000 facts of one metric, each placed in its own town, and 2,000
    // figures: each figure seeks only the words of the facts its sentence
    // holds (every fact's words sought in every sentence took 71 s)
    let mut next = numbers(20);
    let mut yaml = String::from("version: 1\nfacts:\n");
    let values: Vec<u64> = (0..20_000).map(|_| 10 + next(900)).collect();
    for (i, v) in values.iter().enumerate() {
        yaml.push_str(&format!(
            "  - {{id: f{i}, metric: killed, value: {v}, context: [town{i}]}}\n"
        ));
    }
    let reference = Reference::from_str("r.yaml".as_ref(), &yaml).unwrap();
    let mut text = String::new();
    let mut want = Vec::new();
    for k in 0..2_000 {
        let town = next(20_000) as usize;
        // every other figure is the town's own, the rest one more
        let value = values[town] + (k % 2) as u64;
        text.push_str(&format!(
            "Exactly {value} people were killed in Town{town}, officials said.\n\n"
        ));
        want.push((format!("f{town}"), k % 2 == 0));
    }
    let a = Article::from_text("a.md", text, None).unwrap();
    let report = timed("placed facts", || Checker::new(&reference).check(&a));
    let got: Vec<(String, bool)> = report
        .findings
        .iter()
        .filter(|f| {
            f.claim
                .as_ref()
                .is_some_and(|c| c.kind == factcheck::model::ClaimKind::Quantity)
        })
        .filter_map(|f| Some((f.fact.clone()?, f.status == factcheck::model::Status::Match)))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn facts_with_long_context_lists_against_many_figures() {
    // ten facts of one metric with 256 place words each: every figure
    // searched its sentence and paragraph for all 2,560 (20,000 figures in
    // one paragraph took 18 s); now only the words found near it
    let word = |f: usize, j: usize| format!("Qx{f}w{j}");
    let mut yaml = String::from("version: 1\nfacts:\n");
    for f in 0..10 {
        let ctx: Vec<String> = (0..256).map(|j| word(f, j)).collect();
        yaml.push_str(&format!(
            "  - {{id: f{f}, metric: killed, value: {}, context: [{}]}}\n",
            f + 1,
            ctx.join(", ")
        ));
    }
    let reference = Reference::from_str(std::path::Path::new("r.yaml"), &yaml).unwrap();
    let text: String = (0..25_000)
        .map(|i| {
            format!(
                "In {}, {} people were killed. ",
                word(i % 10, i % 256),
                i % 9 + 1
            )
        })
        .collect();
    let article = Article::from_text("a.md", text, None).unwrap();
    let report = timed("context lists", || Checker::new(&reference).check(&article));
    // each figure is placed by its own fact's word (findings past the
    // article's cap are counted, not kept)
    assert!(report.findings.len() >= 9_000, "{}", report.findings.len());
    for f in &report.findings {
        let c = f.claim.as_ref().unwrap();
        let own = c
            .text
            .strip_prefix("In Qx")
            .and_then(|t| t.split('w').next());
        assert_eq!(
            f.fact.as_deref(),
            own.map(|k| format!("f{k}")).as_deref(),
            "{f:?}"
        );
    }
}

#[test]
fn a_misquote_among_a_thousand_alike_quotes_is_still_found() {
    // past the postings bound the common words were not counted, so the
    // one quote holding the rare word fell below half and the misquote
    // was "unverified"
    let mut yaml = String::from("version: 1\nsources:\n  - {id: h, name: Lena Holm}\nquotes:\n");
    for i in 0..1_000 {
        yaml.push_str(&format!(
            "  - {{id: q{i}, speaker: h, text: \"We will rebuild the river by the bridge {i} times.\"}}\n"
        ));
    }
    let reference = Reference::from_str(std::path::Path::new("r.yaml"), &yaml).unwrap();
    let text = "“We will rebuild the river near the bridge 7 times,” Lena Holm said.\n";
    let article = Article::from_text("a.md", text.to_string(), None).unwrap();
    let f = timed("alike quotes", || Checker::new(&reference).check(&article)).findings;
    let m = f
        .iter()
        .find(|f| f.status == factcheck::model::Status::Misquoted)
        .unwrap_or_else(|| panic!("{f:#?}"));
    assert_eq!(m.fact.as_deref(), Some("q7"));
}
