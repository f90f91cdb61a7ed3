//! Names as keys: the one normal form in which a speaker's name, a
//! reference's source name and its aliases are compared.

/// Normalise a name for comparison: lower case, straight apostrophes, no
/// leading "the", single spaces — so "The  Kremlin’s office" and "kremlin's
/// office" are the same key; accents composed (NFC: "Zoë" typed as "o" and
/// a combining diaeresis is "zoë") and characters no reader sees dropped.
pub fn normalise_name(s: &str) -> String {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    // (most names are ASCII: no case table, no copy before the key)
    if s.is_ascii() {
        let t = s.trim();
        let t = match t.get(..4) {
            Some(the) if the.eq_ignore_ascii_case("the ") => &t[4..],
            _ => t,
        };
        let mut out = String::with_capacity(t.len());
        for w in t.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
        out.make_ascii_lowercase();
        return out;
    }
    let composed: String;
    let s = if s.is_ascii() {
        s
    } else {
        let plain = s.chars().filter(|&c| !super::unseen(c));
        composed = if is_nfc_quick(s.chars()) == IsNormalized::Yes {
            plain.collect()
        } else {
            plain.nfc().collect()
        };
        &composed
    };
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
        assert_eq!(normalise_name("Zoe\u{308} Mu\u{308}ller"), "zoë müller");
        assert_eq!(normalise_name("Zo\u{200b}ë"), "zoë");
    }
}
