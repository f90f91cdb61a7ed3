//! The registry: how mentions join entities.

use super::*;

#[test]
fn surnames_titles_and_pronouns_join_one_person() {
    let lx = Lexicon::default_ref();
    let mut r = Registry::default();
    let a = r
        .mention(&["Deputy", "Defense", "Minister", "Alexander", "Fomin"], lx)
        .unwrap();
    assert_eq!(r.entities[a].canonical, "Alexander Fomin");
    assert_eq!(r.mention(&["fomin"], lx), Some(a));
    let p = r.mention(&["the", "Pentagon"], lx).unwrap();
    assert_eq!(r.entities[p].canonical, "Pentagon");
    assert_eq!(r.mention(&["the", "minister"], lx), Some(a));
    assert_eq!(r.pronoun("he", Lexicon::default_ref()), Some(a));
    assert_eq!(r.pronoun("it", Lexicon::default_ref()), Some(p));
}

#[test]
fn a_definite_description_points_back_to_its_head() {
    let lx = Lexicon::default_ref();
    let mut r = Registry::default();
    let ex = r
        .mention(&["The", "Tarsk", "Stock", "Exchange"], lx)
        .unwrap();
    let src = r.mention(&["a", "source", "at", "the", "Tarsk", "police"], lx);
    assert_eq!(r.mention(&["The", "source"], lx), src);
    assert_eq!(r.mention(&["the", "exchange"], lx), Some(ex));
    // the exchange is a body, so "it" is the exchange
    assert_eq!(r.pronoun("it", Lexicon::default_ref()), Some(ex));
    // the latest source, not the first
    let later = r.mention(&["a", "medical", "source", "at", "the", "clinic"], lx);
    assert_ne!(later, src);
    assert_eq!(r.mention(&["the", "source"], lx), later);
    assert_eq!(r.mention(&["the", "medical", "source"], lx), later);
}

#[test]
fn a_role_joins_only_the_person_who_holds_it() {
    let lx = Lexicon::default_ref();
    let mut r = Registry::default();
    let b = r
        .mention(&["health", "minister", "jorge", "brancho"], lx)
        .unwrap();
    assert_eq!(r.entities[b].canonical, "jorge brancho");
    let pm = r.mention(&["The", "prime", "minister"], lx).unwrap();
    assert_ne!(pm, b);
    assert_eq!(r.mention(&["the", "health", "minister"], lx), Some(b));
    let d = r
        .mention(&["Deputy", "Foreign", "Minister", "Ana", "Lind"], lx)
        .unwrap();
    assert_eq!(r.mention(&["the", "foreign", "minister"], lx), Some(d));
    assert_eq!(r.mention(&["the", "minister"], lx), Some(d));
}

#[test]
fn fuller_name_becomes_canonical() {
    let lx = Lexicon::default_ref();
    let mut r = Registry::default();
    let z = r.mention(&["Zelensky"], lx).unwrap();
    assert_eq!(
        r.mention(&["President", "Volodymyr", "Zelensky"], lx),
        Some(z)
    );
    assert_eq!(r.entities[z].canonical, "Volodymyr Zelensky");
}

#[test]
fn reference_aliases_win() {
    let lx = Lexicon::default_ref();
    let mut r = Registry::new(
        &[KnownSource {
            id: "unhcr".into(),
            name: "UNHCR".into(),
            aliases: vec!["the UN refugee agency".into()],
        }],
        lx,
    );
    let u = r.mention(&["the", "UN", "refugee", "agency"], lx).unwrap();
    assert_eq!(r.entities[u].canonical, "UNHCR");
    assert_eq!(r.entities[u].source.as_deref(), Some("unhcr"));
}

#[test]
fn reference_sources_are_people_or_groups_as_named() {
    let lx = Lexicon::default_ref();
    let source = |name: &str| KnownSource {
        id: "s".into(),
        name: name.into(),
        aliases: Vec::new(),
    };
    let r = Registry::new(&[source("Syria Civil Defence"), source("Talal Barazi")], lx);
    assert_eq!(r.entities[0].kind, EntityKind::Group);
    assert_eq!(r.entities[1].kind, EntityKind::Person);
}

#[test]
fn a_pronoun_skips_a_person_titled_the_other_gender() {
    let lx = Lexicon::default_ref();
    let mut r = Registry::default();
    let ruiz = r.mention(&["Ms", "Carla", "Ruiz"], lx).unwrap();
    let ade = r.mention(&["Mr", "Tunde", "Adeyemi"], lx).unwrap();
    assert_eq!(r.pronoun("she", lx), Some(ruiz));
    assert_eq!(r.pronoun("he", lx), Some(ade));
    // no title that tells: the latest person, whoever
    let kim = r.mention(&["Jo", "Kim"], lx).unwrap();
    assert_eq!(r.pronoun("she", lx), Some(kim));
    let spokeswoman = r
        .mention(&["police", "spokeswoman", "Ana", "Diaz"], lx)
        .unwrap();
    r.touch(ade);
    assert_eq!(r.pronoun("she", lx), Some(spokeswoman));
}

/// A name the reference gives is found however the mention is cased or
/// begun; a phrase that ends with no known name's last word is none, and a
/// registry with no sources knows no phrase (the cheap answers agree with
/// the look-up).
#[test]
fn known_names_are_found_by_their_last_word() {
    let lx = Lexicon::default_ref();
    let source = KnownSource {
        id: "cp".into(),
        name: "Valmora Civil Protection Agency".into(),
        aliases: vec!["civil protection".into(), "the coast guard".into()],
    };
    let r = Registry::new(&[source], lx);
    for named in [
        "Civil Protection",
        "civil protection",
        "Valmora Civil Protection Agency",
        "the Coast Guard",
        "Coast Guard",
    ] {
        assert!(r.names_surely(named), "{named}");
    }
    for other in ["Civil Defence", "Protection", "the guard", "Valmora", "the"] {
        assert!(!r.names_surely(other), "{other}");
    }
    assert!(r.may_end_a_name("protection") && r.may_end_a_name("guard"));
    assert!(!r.may_end_a_name("defence"));
    assert!(r.knows_phrase("civil protection") && r.knows_phrase("coast guard"));
    let empty = Registry::default();
    assert!(!empty.may_end_a_name("protection"));
    assert!(!empty.names_surely("Civil Protection"));
}
