//! Evaluation harnesses for factcheck, read from `../shared` at run time:
//! PolNeAR attribution (`cargo test --release -p factcheck-eval --test
//! polnear -- --split dev`) and the peer number suites of Recognizers-Text
//! and quantulum3 (`tests/peer_suites.rs`). Nothing here is published.
//!
//! The test files are thin drivers: they hold the floors and the
//! assertions, so that what guards against regressions is in one place per
//! suite; the loading, scoring and printing they share live here.

pub mod peers;
pub mod polnear;
