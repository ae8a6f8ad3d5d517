//! Compiles the Fluent catalogues (`i18n/<lang>.ftl`) into Rust tables and fails the build
//! when a catalogue lacks a key of English or a message's variables differ from English's
//! (see `i18n/compile.rs`). The shipped app parses no Fluent at run time.

#[path = "i18n/compile.rs"]
mod compile;

const OTHERS: [&str; 2] = ["de", "ar"];

fn read(lang: &str) -> String {
    let path = format!("i18n/{lang}.ftl");
    println!("cargo:rerun-if-changed={path}");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn main() {
    println!("cargo:rerun-if-changed=i18n/compile.rs");
    let mut errors = Vec::new();
    let mut load = |lang: &str| {
        compile::compile(lang, &read(lang)).unwrap_or_else(|e| {
            errors.extend(e);
            Default::default()
        })
    };
    let en = load("en");
    let others: Vec<_> = OTHERS.iter().map(|l| (*l, load(l))).collect();
    for (lang, cat) in &others {
        errors.extend(compile::check(&en, lang, cat));
    }
    if !errors.is_empty() {
        for e in &errors {
            println!("cargo:warning={e}");
        }
        panic!("the catalogues do not agree:\n{}", errors.join("\n"));
    }
    let refs: Vec<_> = others.iter().map(|(l, c)| (*l, c)).collect();
    let code = compile::generate(&en, &refs);
    let out =
        std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("catalogue.rs");
    std::fs::write(out, code).expect("write catalogue.rs");
}
