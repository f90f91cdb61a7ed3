//! Any bytes as an article: loading never panics, and extraction's spans
//! lie on character boundaries inside the text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(article) = factcheck::Article::from_bytes("fuzz.txt", data.to_vec()) else { return };
    let claims = factcheck::Extractor::default().extract(&article);
    for c in &claims.claims {
        assert!(c.span.start <= c.span.end && c.span.end <= article.text.len());
        assert!(article.text.is_char_boundary(c.span.start) && article.text.is_char_boundary(c.span.end));
    }
});
