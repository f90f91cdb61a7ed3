//! Names as keys: the one normal form in which a speaker's name, a
//! reference's source name and its aliases are compared.

/// Normalise a name for comparison: lower case, straight apostrophes, no
/// leading "the", single spaces — so "The  Kremlin’s office" and "kremlin's
/// office" are the same key.
pub fn normalise_name(s: &str) -> String {
    let lower = s.to_lowercase();
    let t = lower.trim();
    let t = t.strip_prefix("the ").unwrap_or(t);
    // (one pass, one string: it runs for every speaker of every claim)
    let mut out = String::with_capacity(t.len());
    for w in t.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().map(|c| if c == '’' { '\'' } else { c }));
    }
    out
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
