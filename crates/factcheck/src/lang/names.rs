//! Names as keys: the one normal form in which a speaker's name, a
//! reference's source name and its aliases are compared.

/// Normalise a name for comparison: lower case, straight apostrophes, no
/// leading "the", single spaces — so "The  Kremlin’s office" and "kremlin's
/// office" are the same key.
pub fn normalise_name(s: &str) -> String {
    let s = s.replace('’', "'").to_lowercase();
    let s = s.trim();
    let s = s.strip_prefix("the ").unwrap_or(s);
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_apostrophes_article_and_spaces() {
        assert_eq!(
            normalise_name(" The  Kremlin’s office "),
            "kremlin's office"
        );
    }
}
