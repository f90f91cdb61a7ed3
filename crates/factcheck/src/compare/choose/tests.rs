//! How a figure's subject fits a fact's, and whole-word context matching.

use super::*;
use crate::lexicon::Lexicon;

#[test]
fn context_words_are_whole_words() {
    assert!(contains_word("the strike on aleppo killed 14", "aleppo"));
    assert!(contains_word("in east aleppo, 14 died", "east aleppo"));
    assert!(!contains_word("aleppos", "aleppo"));
}

#[test]
fn a_figure_without_a_subject_is_about_people() {
    let lx = Lexicon::default_ref();
    assert_eq!(subject_fit(lx, None, Some("people")), 2);
    assert_eq!(subject_fit(lx, None, None), 2);
    assert_eq!(subject_fit(lx, None, Some("children")), 0);
    assert_eq!(subject_fit(lx, Some("children"), Some("children")), 3);
    assert_eq!(subject_fit(lx, Some("soldier"), Some("soldiers")), 3);
    // plurals in -men
    assert_eq!(subject_fit(lx, Some("men"), Some("man")), 3);
    assert_eq!(subject_fit(lx, Some("policewomen"), Some("policewoman")), 3);
    assert_eq!(subject_fit(lx, Some("kids"), Some("children")), 2);
    assert_eq!(subject_fit(lx, Some("children"), None), 1);
    assert_eq!(subject_fit(lx, Some("people"), None), 2);
    assert_eq!(subject_fit(lx, Some("people"), Some("persons")), 2);
    // "person" and "persons" are people in general: neither fact wins
    // by its subject, the value decides
    assert_eq!(subject_fit(lx, Some("persons"), Some("person")), 2);
    assert_eq!(subject_fit(lx, Some("persons"), Some("persons")), 2);
    assert_eq!(subject_fit(lx, Some("malawian people"), Some("people")), 2);
    assert_eq!(subject_fit(lx, Some("rebel fighters"), Some("fighters")), 2);
    assert_eq!(subject_fit(lx, Some("rebel fighters"), Some("children")), 0);
    assert_eq!(subject_fit(lx, Some("syrian"), Some("syrian refugees")), 2);
    // a fact about a list of groups fits a figure naming one of them
    assert_eq!(
        subject_fit(
            lx,
            Some("policemen"),
            Some("policemen, soldiers and guards")
        ),
        2
    );
    assert_eq!(
        subject_fit(lx, Some("syrian children"), Some("children")),
        2
    );
}
