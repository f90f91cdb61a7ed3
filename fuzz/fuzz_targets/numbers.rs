//! Any text through the number reader, whole and from every token.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let _ = factcheck::lang::numbers::parse_value(s);
    let toks = factcheck::lang::tokens::tokenize(s, 0, s.len());
    for i in 0..toks.len() {
        if let Some(n) = factcheck::lang::numbers::parse_at(s, &toks, i) {
            assert!(n.first <= n.last && n.last <= toks.len());
            assert!(n.start <= n.end && n.end <= s.len());
        }
    }
});
