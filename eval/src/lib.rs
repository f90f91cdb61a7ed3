//! Evaluation harnesses for factcheck, read from `../shared` at run time:
//! PolNeAR attribution (`cargo test --release -p factcheck-eval --test
//! polnear -- --split dev`) and the peer number suites of Recognizers-Text
//! and quantulum3 (`tests/peer_suites.rs`). Nothing here is published.
