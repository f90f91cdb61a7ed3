//! factcheck: extract the quantitative and attributed claims of a news
//! article and check them against a curated YAML reference.
//!
//! The pipeline, one module per stage:
//! [`Article`] (load) → [`Extractor`] (claims) → [`Reference`] (facts) →
//! [`Checker`] (findings) → [`report`] (one [`report::Document`], rendered
//! by one [`report::Render`] per format).
//!
//! ```
//! use factcheck::{Article, Checker, Extractor, Reference};
//!
//! let article = Article::from_text(
//!     "a.txt",
//!     "At least 12 people died, the ministry said.".into(),
//!     None,
//! )
//! .unwrap();
//! let claims = Extractor::default().extract(&article);
//! let q = claims.claims[0].quantity.as_ref().unwrap();
//! assert_eq!((q.metric.as_str(), q.value.0), ("killed", 12.0));
//!
//! let reference = Reference::from_str(
//!     "ref.yaml".as_ref(),
//!     "version: 1\nfacts:\n  - id: toll\n    metric: killed\n    value: 14\n",
//! )
//! .unwrap();
//! // "at least 12" is consistent with a toll of 14
//! let report = Checker::new(&reference).check(&article);
//! assert_eq!(report.findings[0].status, factcheck::model::Status::Match);
//! ```

#![deny(missing_docs)]

mod article;
pub mod audit;
pub mod baseline;
mod compare;
mod error;
mod extract;
mod input;
pub mod lang;
mod lexicon;
mod limits;
pub mod model;
mod reference;
pub mod report;
mod yaml;

pub use article::{Article, MAX_ARTICLE_BYTES};
pub use compare::correct::{corrected, corrected_report, unified_diff};
pub use compare::drafts::compare_drafts;
pub use compare::Checker;
pub use error::{Error, Result};
pub use extract::Extractor;
pub use input::{kind as file_kind, open_regular};
pub use lexicon::{Lexicon, LexiconFile};
pub use limits::{
    MAX_CLAIMS_PER_ARTICLE, MAX_CLAIMS_PER_SENTENCE, MAX_FACTS_PER_FIGURE,
    MAX_FINDINGS_PER_ARTICLE, MAX_SENTENCES_PER_ARTICLE,
};
pub use reference::skeleton::{skeleton, skeleton_yaml};
pub use reference::{FactFile, NumberText, Reference, ReferenceFile, MAX_REFERENCE_BYTES};
