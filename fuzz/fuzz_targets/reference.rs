//! Any text as a reference: a clear error or a reference that can check
//! an article, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let Ok(reference) = factcheck::Reference::from_str(std::path::Path::new("fuzz.yaml"), s) else { return };
    let article = factcheck::Article::from_text("a.md", "More than 140 children were killed, Fomin said. “We will reduce activity,” he said.".into(), None).unwrap();
    let _ = factcheck::Checker::new(&reference).check(&article);
});
