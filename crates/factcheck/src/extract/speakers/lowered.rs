//! A mention's words read as names are looked up: lower case, straight
//! apostrophes, an article apart.

use crate::lexicon::grammar::ARTICLES;

/// A mention's words lower-cased with straight apostrophes, and whether
/// the first is an article ("the", "a").
pub(super) fn lowered(words: &[&str]) -> (Vec<String>, bool) {
    let lower: Vec<String> = words.iter().map(|w| lower_word(w).into_owned()).collect();
    let determiner = lower
        .first()
        .is_some_and(|w| ARTICLES.contains(&w.as_str()));
    (lower, determiner)
}

/// A word of a mention as [`lowered`] reads it: lower case, ’ as '.
#[inline]
pub(super) fn lower_word(w: &str) -> std::borrow::Cow<'_, str> {
    let w = crate::lang::lower(w);
    if w.contains('’') {
        std::borrow::Cow::Owned(w.replace('’', "'"))
    } else {
        w
    }
}

/// The words [`lowered`] gives after a determiner, joined by spaces, and
/// whether there was one: the key a known name is looked up by, without
/// a string per word.
pub(super) fn lowered_key(words: &[&str]) -> (String, bool) {
    let mut key = String::new();
    let mut determiner = false;
    for (i, w) in words.iter().enumerate() {
        let w = lower_word(w);
        if i == 0 && ARTICLES.contains(&w.as_ref()) {
            determiner = true;
            continue;
        }
        if i > usize::from(determiner) {
            key.push(' ');
        }
        key.push_str(&w);
    }
    (key, determiner)
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// The key is the lowered words after an article, joined by
        /// spaces, whatever the words (an article alone, none at all,
        /// capitals, typographic apostrophes).
        #[test]
        fn the_key_is_the_lowered_words_joined(
            words in proptest::collection::vec("The|the|A|an|Fomin|UN’s|ÉLAN|agency|x", 0..5),
        ) {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            let (lower, determiner) = super::lowered(&words);
            let want = lower[usize::from(determiner)..].join(" ");
            proptest::prop_assert_eq!(super::lowered_key(&words), (want, determiner));
        }
    }
}
