//! The catalogue compiler, run by build.rs (and by the native tests that prove its checks
//! fire): parses `i18n/<lang>.ftl` with `fluent-syntax`, checks every catalogue against the
//! English one (same keys, same variables per message) and writes one string per message in
//! a compact form that `src/i18n` formats at run time (see [`VAR`]): a table of strings
//! compresses far better than one of pointers to pieces. Only what the app's catalogues use is accepted
//! (text, `{ $var }`, selectors on a variable, `{ -term }` and `{ message }` references);
//! anything else is a build error, never a silent gap.

use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// `VAR name VAR_END` is a variable; `SEL name (ARM key BODY text)* SEL_END` a selector whose
/// default arm's key starts with `*`. Catalogue text may not hold these characters.
pub const VAR: char = '\u{1}';
pub const VAR_END: char = '\u{2}';
pub const SEL: char = '\u{3}';
pub const ARM: char = '\u{4}';
pub const BODY: char = '\u{5}';
pub const SEL_END: char = '\u{6}';

/// One compiled message: its variables and its encoded text.
#[derive(Debug, Clone, PartialEq)]
pub struct Compiled {
    pub vars: BTreeSet<String>,
    pub code: String,
}

pub type Catalogue = BTreeMap<String, Compiled>;

type Pat<'s> = ast::Pattern<&'s str>;

struct Entries<'s> {
    messages: BTreeMap<String, &'s Pat<'s>>,
    terms: BTreeMap<String, &'s Pat<'s>>,
}

/// Parses and compiles one catalogue; every problem is named in the error.
pub fn compile(lang: &str, src: &str) -> Result<Catalogue, Vec<String>> {
    let res = match fluent_syntax::parser::parse(src) {
        Ok(r) => r,
        Err((_, errs)) => {
            return Err(errs
                .iter()
                .map(|e| format!("{lang}.ftl: syntax error {:?} at {:?}", e.kind, e.pos))
                .collect())
        }
    };
    let mut entries = Entries {
        messages: BTreeMap::new(),
        terms: BTreeMap::new(),
    };
    let mut errors = Vec::new();
    for entry in &res.body {
        match entry {
            ast::Entry::Message(m) => {
                if let Some(v) = &m.value {
                    insert(
                        &mut entries.messages,
                        m.id.name.to_owned(),
                        v,
                        lang,
                        &mut errors,
                    );
                }
                for a in &m.attributes {
                    let key = format!("{}.{}", m.id.name, a.id.name);
                    insert(&mut entries.messages, key, &a.value, lang, &mut errors);
                }
            }
            ast::Entry::Term(t) => {
                insert(
                    &mut entries.terms,
                    t.id.name.to_owned(),
                    &t.value,
                    lang,
                    &mut errors,
                );
            }
            ast::Entry::Junk { content } => errors.push(format!("{lang}.ftl: junk: {content}")),
            _ => {}
        }
    }
    let mut out = Catalogue::new();
    for (key, pat) in &entries.messages {
        let mut vars = BTreeSet::new();
        let mut stack = vec![key.clone()];
        match pattern(pat, &entries, &mut vars, &mut stack) {
            Ok(code) => {
                out.insert(key.clone(), Compiled { vars, code });
            }
            Err(e) => errors.push(format!("{lang}.ftl: {key}: {e}")),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

fn insert<'s>(
    map: &mut BTreeMap<String, &'s Pat<'s>>,
    key: String,
    pat: &'s Pat<'s>,
    lang: &str,
    errors: &mut Vec<String>,
) {
    if map.insert(key.clone(), pat).is_some() {
        errors.push(format!("{lang}.ftl: {key} is defined twice"));
    }
}

fn pattern(
    pat: &Pat<'_>,
    e: &Entries<'_>,
    vars: &mut BTreeSet<String>,
    stack: &mut Vec<String>,
) -> Result<String, String> {
    let mut code = String::new();
    for el in &pat.elements {
        match el {
            ast::PatternElement::TextElement { value } => code.push_str(&text(value)?),
            ast::PatternElement::Placeable { expression } => {
                code.push_str(&expression_code(expression, e, vars, stack)?);
            }
        }
    }
    Ok(code)
}

fn expression_code(
    expr: &ast::Expression<&str>,
    e: &Entries<'_>,
    vars: &mut BTreeSet<String>,
    stack: &mut Vec<String>,
) -> Result<String, String> {
    match expr {
        ast::Expression::Select { selector, variants } => {
            let ast::InlineExpression::VariableReference { id } = selector else {
                return Err("a selector must be a variable".into());
            };
            vars.insert(id.name.to_owned());
            let mut code = format!("{SEL}{}", id.name);
            for v in variants {
                let body = pattern(&v.value, e, vars, stack)?;
                let key = match &v.key {
                    ast::VariantKey::Identifier { name } => *name,
                    ast::VariantKey::NumberLiteral { value } => *value,
                };
                let star = if v.default { "*" } else { "" };
                let _ = write!(code, "{ARM}{star}{key}{BODY}{body}");
            }
            if !variants.iter().any(|v| v.default) {
                return Err("a selector needs a default variant".into());
            }
            code.push(SEL_END);
            Ok(code)
        }
        ast::Expression::Inline(inline) => inline_code(inline, e, vars, stack),
    }
}

fn inline_code(
    inline: &ast::InlineExpression<&str>,
    e: &Entries<'_>,
    vars: &mut BTreeSet<String>,
    stack: &mut Vec<String>,
) -> Result<String, String> {
    match inline {
        ast::InlineExpression::StringLiteral { value } => text(value),
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
            Ok(format!("{VAR}{}{VAR_END}", id.name))
        }
        ast::InlineExpression::MessageReference { id, attribute } => {
            let key = match attribute {
                Some(a) => format!("{}.{}", id.name, a.name),
                None => id.name.to_owned(),
            };
            reference(&key, e.messages.get(&key), e, vars, stack)
        }
        ast::InlineExpression::TermReference {
            id,
            attribute: None,
            arguments: None,
        } => {
            let key = format!("-{}", id.name);
            reference(&key, e.terms.get(id.name), e, vars, stack)
        }
        ast::InlineExpression::Placeable { expression } => {
            expression_code(expression, e, vars, stack)
        }
        other => Err(format!("unsupported expression {other:?}")),
    }
}

/// A reference is inlined: its pieces become the referring message's.
fn reference(
    key: &str,
    pat: Option<&&Pat<'_>>,
    e: &Entries<'_>,
    vars: &mut BTreeSet<String>,
    stack: &mut Vec<String>,
) -> Result<String, String> {
    let pat = pat.ok_or_else(|| format!("unknown reference {key}"))?;
    if stack.iter().any(|k| k == key) {
        return Err(format!("cyclic reference {key}"));
    }
    stack.push(key.to_owned());
    let code = pattern(pat, e, vars, stack)?;
    stack.pop();
    Ok(code)
}

/// Text as it is, refused when it holds one of the encoding's characters.
fn text(value: &str) -> Result<String, String> {
    match value.chars().find(|c| (VAR..=SEL_END).contains(c)) {
        Some(c) => Err(format!("control character {c:?} in text")),
        None => Ok(value.to_owned()),
    }
}

/// Every message of English must be in `other` with the same variables, and `other` may
/// hold nothing English lacks.
pub fn check(en: &Catalogue, lang: &str, other: &Catalogue) -> Vec<String> {
    let mut errors = Vec::new();
    for (key, m) in en {
        match other.get(key) {
            None => errors.push(format!("{lang}.ftl lacks {key}")),
            Some(o) if o.vars != m.vars => errors.push(format!(
                "{lang}.ftl: {key} has variables {:?}, en.ftl has {:?}",
                o.vars, m.vars
            )),
            Some(_) => {}
        }
    }
    for key in other.keys().filter(|k| !en.contains_key(*k)) {
        errors.push(format!("{lang}.ftl has {key}, which en.ftl lacks"));
    }
    errors
}

/// The Rust name of a key: `sign-in.placeholder` → `SIGN_IN__PLACEHOLDER`.
pub fn const_name(key: &str) -> String {
    key.replace('.', "__").replace('-', "_").to_uppercase()
}

/// The generated tables: `k::NAME` keys, one row of messages per language (English first;
/// `None` where a catalogue lacks the message, which the lookup fills from English).
pub fn generate(en: &Catalogue, others: &[(&str, &Catalogue)]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "pub const COUNT: usize = {};", en.len());
    out.push_str("/// One constant per catalogue key.\n#[allow(dead_code)]\npub mod k {\n    use super::Key;\n");
    for (i, key) in en.keys().enumerate() {
        let _ = writeln!(out, "    pub const {}: Key = Key({i});", const_name(key));
    }
    out.push_str("}\n");
    let _ = writeln!(
        out,
        "pub static NAMES: [&str; COUNT] = {:?};",
        en.keys().collect::<Vec<_>>()
    );
    let table = |name: &str, cat: &Catalogue| {
        let mut s = format!("pub static {name}: [Option<&str>; COUNT] = [\n");
        for key in en.keys() {
            match cat.get(key) {
                Some(m) => {
                    let _ = writeln!(s, "    Some({:?}),", m.code);
                }
                None => s.push_str("    None,\n"),
            }
        }
        s.push_str("];\n");
        s
    };
    out.push_str(&table("EN", en));
    for (lang, cat) in others {
        out.push_str(&table(&lang.to_uppercase(), cat));
    }
    out
}
