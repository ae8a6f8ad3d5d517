use super::*;

#[path = "../../i18n/compile.rs"]
#[allow(dead_code)]
mod compile;

#[test]
fn arabic_has_cldrs_six_categories() {
    let cat = |n: f64| plural::native_category(Lang::Ar, n);
    assert_eq!(cat(0.0), "zero");
    assert_eq!(cat(1.0), "one");
    assert_eq!(cat(2.0), "two");
    for n in 3..=10 {
        assert_eq!(cat(n as f64), "few", "{n}");
    }
    for n in 11..=99 {
        assert_eq!(cat(n as f64), "many", "{n}");
    }
    for n in 100..=102 {
        assert_eq!(cat(n as f64), "other", "{n}");
    }
    assert_eq!(
        (cat(103.0), cat(111.0), cat(1000.0)),
        ("few", "many", "other")
    );
}

#[test]
fn english_and_german_have_one_and_other() {
    for lang in [Lang::En, Lang::De] {
        let cat = |n: f64| plural::native_category(lang, n);
        assert_eq!(
            (cat(0.0), cat(1.0), cat(2.0), cat(21.0)),
            ("other", "one", "other", "other")
        );
        assert_eq!(cat(1.5), "other");
    }
}

#[test]
fn a_plural_message_picks_the_category_of_its_number() {
    assert_eq!(tr!(Lang::En, SESSION_COUNT, n = 1usize), "1 session");
    assert_eq!(
        tr!(Lang::En, SESSION_COUNT, n = 12345usize),
        "12,345 sessions"
    );
    assert_eq!(tr!(Lang::De, SESSION_COUNT, n = 1usize), "1 Sitzung");
    assert_eq!(
        tr!(Lang::De, SESSION_COUNT, n = 12345usize),
        "12.345 Sitzungen"
    );
    let ar: Vec<String> = [0usize, 1, 2, 5, 11, 100]
        .iter()
        .map(|&n| tr!(Lang::Ar, SESSION_COUNT, n = n))
        .collect();
    // Six different sentences for CLDR's six categories.
    let distinct: std::collections::BTreeSet<_> = ar.iter().collect();
    assert_eq!(distinct.len(), 6, "{ar:?}");
}

#[test]
fn a_message_missing_in_a_catalogue_falls_back_to_english_not_to_its_key() {
    static GERMAN: [Option<&str>; 2] = [Some("Hallo"), None];
    static ENGLISH: [Option<&str>; 2] = [Some("Hello"), Some("Goodbye")];
    let text = |k| lookup(&GERMAN, &ENGLISH, Key(k));
    assert_eq!((text(0), text(1)), ("Hallo", "Goodbye"));
    assert!(lookup(&GERMAN, &ENGLISH, Key(7)).is_empty());
}

#[test]
fn every_shipped_catalogue_has_every_message() {
    for (lang, table) in [("de", &DE), ("ar", &AR)] {
        let missing: Vec<_> = (0..COUNT)
            .filter(|&i| table[i].is_none())
            .map(|i| NAMES[i])
            .collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
    }
}

#[test]
fn arabic_isolates_its_variables_and_english_does_not() {
    let ar = tr!(
        Lang::Ar,
        HEADER_WHO,
        user = "admin",
        server = "https://chat.example.com"
    );
    assert!(
        ar.contains("\u{2068}https://chat.example.com\u{2069}"),
        "{ar}"
    );
    let en = tr!(
        Lang::En,
        HEADER_WHO,
        user = "admin",
        server = "https://chat.example.com"
    );
    assert_eq!(en, "Signed in as admin on https://chat.example.com");
}

#[test]
fn pseudo_wraps_every_message_in_markers() {
    let s = tr!(Lang::Pseudo, SESSION_COUNT, n = 3usize);
    assert_eq!(s, "⟦3 sessions⟧");
}

#[test]
fn the_language_is_the_first_tag_a_catalogue_speaks() {
    assert_eq!(Lang::choose(["fr-FR", "de-AT", "en"]), Lang::De);
    assert_eq!(Lang::choose(["AR_eg"]), Lang::Ar);
    assert_eq!(Lang::choose(["fr", "it"]), Lang::En);
    assert_eq!(Lang::choose([]), Lang::En);
    assert_eq!(Lang::parse("x-pseudo"), Some(Lang::Pseudo));
    assert_eq!(Lang::parse(""), None);
}

#[test]
fn the_option_wins_then_the_remembered_choice_then_the_page_then_the_browser() {
    let browser = ["ar-EG".to_owned(), "en".to_owned()];
    assert_eq!(
        Lang::pick(Some("de"), Some("ar"), Some("en"), &browser),
        Lang::De
    );
    assert_eq!(Lang::pick(None, Some("de"), Some("en"), &browser), Lang::De);
    assert_eq!(Lang::pick(None, None, Some("de-CH"), &browser), Lang::De);
    assert_eq!(Lang::pick(Some("fr"), None, None, &browser), Lang::Ar);
    assert_eq!(Lang::pick(None, None, None, &[]), Lang::En);
}

const EN: &str =
    "hello = Hello { $name }\ncount = { $n ->\n [one] one\n *[other] { $n } items\n}\n";

#[test]
fn the_check_passes_agreeing_catalogues() {
    let en = compile::compile("en", EN).expect("en");
    let de = compile::compile(
        "de",
        "hello = Hallo { $name }\ncount = { $n ->\n [one] eins\n *[other] { $n } Stück\n}\n",
    )
    .expect("de");
    assert!(compile::check(&en, "de", &de).is_empty());
}

#[test]
fn the_check_fires_on_a_missing_key_an_extra_key_and_other_variables() {
    let en = compile::compile("en", EN).expect("en");
    let de = compile::compile("de", "hello = Hallo { $user }\nextra = Mehr\n").expect("de");
    let errors = compile::check(&en, "de", &de);
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert!(
        errors.iter().any(|e| e.contains("lacks count")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.contains("hello has variables")),
        "{errors:?}"
    );
    assert!(errors.iter().any(|e| e.contains("has extra")), "{errors:?}");
}

#[test]
fn the_compiler_refuses_what_it_cannot_compile() {
    for bad in [
        "broken = { $n ->\n}\n",
        "fn = { NUMBER($n) }\n",
        "loop = { loop }\n",
        "twice = a\ntwice = b\n",
        "unknown = { nothing }\n",
    ] {
        assert!(compile::compile("xx", bad).is_err(), "{bad:?} compiled");
    }
}

#[test]
fn nested_selectors_pick_their_own_arms() {
    let cat = compile::compile(
        "en",
        "m = { $a ->\n [one] { $b ->\n [one] 1/1\n *[other] 1/{ $b }\n }\n *[other] { $a }/{ $b ->\n [one] 1\n *[other] n\n } end\n} tail\n",
    )
    .expect("en");
    let msg = cat["m"].code.clone();
    let say = |a: usize, b: usize| {
        let mut out = String::new();
        Lang::En.write(&msg, &[("a", Arg::from(a)), ("b", Arg::from(b))], &mut out);
        out
    };
    assert_eq!(say(1, 1), "1/1 tail");
    assert_eq!(say(1, 5), "1/5 tail");
    assert_eq!(say(3, 1), "3/1 end tail");
    assert_eq!(say(3, 4), "3/n end tail");
}

#[test]
fn references_are_inlined_with_their_variables() {
    let cat = compile::compile(
        "en",
        "-brand = Rocket.Chat\nm = On { -brand } as { who }\nwho = { $user }\n",
    )
    .expect("en");
    let m = &cat["m"];
    assert!(m.vars.contains("user"));
    assert!(m.code.contains("Rocket.Chat"));
}
