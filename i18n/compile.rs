//! The catalogue compiler, run by build.rs (and by the native tests that prove its checks
//! fire): parses `i18n/<lang>.ftl` with `fluent-syntax`, checks every catalogue against the
//! English one (same keys, same variables per message) and writes Rust tables of pieces
//! that `src/i18n` formats at run time. Only what the app's catalogues use is accepted
//! (text, `{ $var }`, selectors on a variable, `{ -term }` and `{ message }` references);
//! anything else is a build error, never a silent gap.

use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// One compiled message: its variables and the Rust expression of its pieces.
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
    let mut code = String::from("&[");
    for el in &pat.elements {
        match el {
            ast::PatternElement::TextElement { value } => {
                let _ = write!(code, "P::T({value:?}),");
            }
            ast::PatternElement::Placeable { expression } => {
                code.push_str(&expression_code(expression, e, vars, stack)?);
            }
        }
    }
    code.push(']');
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
            let mut arms = String::from("&[");
            let mut default = None;
            for v in variants {
                let body = pattern(&v.value, e, vars, stack)?;
                if v.default {
                    default = Some(body.clone());
                }
                let key = match &v.key {
                    ast::VariantKey::Identifier { name } => *name,
                    ast::VariantKey::NumberLiteral { value } => *value,
                };
                let _ = write!(arms, "({key:?},{body}),");
            }
            arms.push(']');
            let default = default.ok_or("a selector needs a default variant")?;
            Ok(format!("P::S({:?},{arms},{default}),", id.name))
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
        ast::InlineExpression::StringLiteral { value } => Ok(format!("P::T({value:?}),")),
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
            Ok(format!("P::V({:?}),", id.name))
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
    // `&[a,b,]` spliced into the outer list.
    Ok(code[2..code.len() - 1].to_owned())
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

/// The generated tables: `k::NAME` keys, one row of pieces per language (English first;
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
        let mut s = format!("pub static {name}: [Option<&[P]>; COUNT] = [\n");
        for key in en.keys() {
            match cat.get(key) {
                Some(m) => {
                    let _ = writeln!(s, "    Some({}),", m.code);
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
