//! The rewrite against regex-syntax's own case-insensitive translation (its `unicode-case`
//! table is compiled into test builds through the `regex` dev-dependency).

use super::*;
use proptest::prelude::*;
use proptest::sample::select;
use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};
use std::collections::BTreeSet;

/// What the shipped code replaced: regex-syntax parsing case-insensitively with its table.
fn reference(pattern: &str) -> Result<Hir, String> {
    regex_syntax::ParserBuilder::new()
        .utf8(false)
        .case_insensitive(true)
        .multi_line(true)
        .build()
        .parse(pattern)
        .map_err(|e| e.to_string())
}

fn same_as_reference(pattern: &str) -> Result<(), String> {
    match (parse(pattern), reference(pattern)) {
        (Ok(a), Ok(b)) if a == b => Ok(()),
        (Err(_), Err(_)) => Ok(()),
        (a, b) => Err(format!("{pattern:?}: rewritten {a:?}, reference {b:?}")),
    }
}

fn table_class(c: char) -> BTreeSet<char> {
    let mut cls = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
    cls.case_fold_simple();
    cls.iter().flat_map(|r| r.start()..=r.end()).collect()
}

#[test]
fn variants_are_simple_case_folding_for_every_scalar_value() {
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        let mut ours: BTreeSet<char> = variants(&[(c, c)]).into_iter().map(|r| r.0).collect();
        ours.insert(c);
        assert_eq!(ours, table_class(c), "{c:?} U+{:04X}", c as u32);
    }
}

/// Every char with a case variant (and every Latin-1 char), alone, in a class and negated.
#[test]
fn every_cased_char_translates_as_before() {
    let cased = (0..=0x10FFFF)
        .filter_map(char::from_u32)
        .filter(|&c| c < '\u{300}' || table_class(c).len() > 1);
    for c in cased {
        let lit = regex_syntax::escape(&c.to_string());
        for p in [
            lit.clone(),
            format!("[{lit}]"),
            format!("[^{lit}]"),
            format!("x{lit}+"),
        ] {
            if let Err(e) = same_as_reference(&p) {
                panic!("{e}");
            }
        }
    }
}

#[test]
fn special_letters_and_classes_translate_as_before() {
    for p in [
        "ß",
        "ẞ",
        "[ßẞ]",
        "İ",
        "ı",
        "[İı]",
        "[^ı]",
        "i",
        "I",
        "σ",
        "Σ",
        "ς",
        "[^ς]",
        "\u{212A}",
        "k",
        "[^k]",
        "ﬀ",
        "ﬅ",
        "ﬆ",
        "ΐ",
        "ǅ",
        "[ǅ-ǉ]",
        "[^a]",
        r"\S+",
        ".",
        r"\w",
        r"\W",
        r"\p{Lu}",
        r"\P{Lu}",
        r"[\p{Lu}]",
        r"[^\P{Ll}]",
        r"\p{Greek}",
        r"\p{scx!=Greek}",
        r"\P{scx!=Greek}",
        r"[\p{Lu}&&[^A-M]]",
        r"[a-z--k]",
        r"[k~~s]",
        r"[[:upper:]]",
        r"[[:^lower:]x]",
        r"[\x{0}-\x{10FFFF}]",
        r"[^\x{0}-\x{10FFFF}]",
        "(?-i)Ab(?i)Cd",
        "a(?-i:B)c",
        "(?i-u)K",
        "(?-u)[a-fK-Z]",
        r"(?-u)[[:upper:]][[:^lower:]]\w",
        r"(?-u)\x4B\xFF",
        "(?-u:é)",
        r"(?-u)\p{Lu}",
        r"\p{Nope}",
        "(?x) A b # c",
    ] {
        if let Err(e) = same_as_reference(p) {
            panic!("{e}");
        }
    }
}

/// The shipped regex-syntax has no case folding table: the translator must never be asked to
/// fold, so no `i` flag may survive the rewrite.
#[test]
fn no_case_insensitive_flag_reaches_the_translator() {
    for p in ["(?i)a(?-i:b)", "(?iu)c(?i-u:d)", "(?-i)e", "(?i:(?-i)f)g"] {
        let mut ast = ast::parse::ParserBuilder::new()
            .build()
            .parse(p)
            .unwrap_or_else(|e| panic!("{e}"));
        rewrite(
            &mut ast,
            &mut Mode {
                fold: true,
                unicode: true,
            },
        );
        let printed = ast.to_string();
        assert!(!printed.contains('i'), "{p} became {printed}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn random_patterns_translate_as_before(
        parts in proptest::collection::vec(select(&[
            "a", "K", "k", "s", "S", "ſ", "\u{212A}", "ß", "ẞ", "İ", "ı", "σ", "ς", "Σ", "ǅ",
            "ﬀ", "Ö", "1", " ", ".", r"\w", r"\S", r"\p{Lu}", r"\P{Ll}", "[", "[^", "]", "-",
            "&&", "--", "~~", "[:upper:]", "[:^alpha:]", "(", "(?:", ")", "|", "*", "+", "?",
            "(?i)", "(?-i)", "(?-u)", "(?u)", "(?i-u:", "^", "$", r"\b", r"\x{3A3}", r"\xFF",
        ][..]), 1..8),
    ) {
        let pattern = parts.concat();
        prop_assert!(same_as_reference(&pattern).is_ok(), "{}", same_as_reference(&pattern).err().unwrap_or_default());
    }

    #[test]
    fn random_ranges_translate_as_before(
        a in 0u32..0x20000,
        len in prop_oneof![0u32..64, 0u32..0x20000],
        negated in any::<bool>(),
    ) {
        let b = (a + len).min(0x10FFFF);
        let pattern = format!(r"[{}\x{{{a:X}}}-\x{{{b:X}}}]", if negated { "^" } else { "" });
        prop_assert!(same_as_reference(&pattern).is_ok(), "{}", pattern);
    }
}
