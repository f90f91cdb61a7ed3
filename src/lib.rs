//! factcheck: extract the quantitative and attributed claims of a news
//! article and check them against a curated YAML reference.
//!
//! The pipeline, one module per stage:
//! [`article`] (load) → [`extract`] (claims) → [`reference`] (facts) →
//! [`compare`] (findings) → [`report`] (formats).
//!
//! ```
//! use factcheck::{article::Article, extract_claims};
//! let a = Article::from_text("a.txt", "At least 12 people died, the ministry said.".into(), None).unwrap();
//! let claims = extract_claims(&a, None);
//! let q = claims.claims[0].quantity.as_ref().unwrap();
//! assert_eq!((q.metric.as_str(), q.value.0), ("killed", 12.0));
//! ```

pub mod article;
pub mod changes;
pub mod cli;
pub mod compare;
pub mod correct;
pub mod discover;
pub mod error;
pub mod extract;
pub mod init;
pub mod lexicon;
pub mod model;
pub mod numbers;
pub mod qualifier;
pub mod reference;
pub mod report;
pub mod span;
pub mod stream;
pub mod yaml;

use article::Article;
use extract::Extractor;
use lexicon::Lexicon;
use model::{ArticleClaims, ArticleReport};
use reference::Reference;

/// The claims of an article; with a reference, its lexicon and source
/// names are used.
pub fn extract_claims(article: &Article, reference: Option<&Reference>) -> ArticleClaims {
    match reference {
        Some(r) => Extractor::new(&r.lexicon)
            .with_sources(r.known_sources())
            .extract(article),
        None => Extractor::new(Lexicon::default_ref()).extract(article),
    }
}

/// Check an article against a reference: its findings in article order.
pub fn check_article(article: &Article, reference: &Reference) -> ArticleReport {
    let claims = extract_claims(article, Some(reference));
    let findings = compare::Checker::new(reference).check(article, &claims.claims);
    ArticleReport {
        path: article.path.clone(),
        reference: reference.path.display().to_string(),
        findings,
    }
}
