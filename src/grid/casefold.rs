//! Case-insensitive parsing without regex-syntax's case-folding table (`unicode-case`): the
//! parsed pattern's case-insensitive parts list each letter's case variants themselves, found
//! through std's case mapping (already in the binary for folding the text), and the rewritten
//! pattern is translated case-sensitively.
//!
//! The result is the very HIR that regex-syntax's own case-insensitive translation gives (the
//! tests compare both, and the variants for every scalar value): every literal, range and class
//! is closed under simple case folding at the leaves, before any negation or set operation, so
//! `[^k]` still excludes `K` and the Kelvin sign, as the translator's fold-then-negate does.

use super::sort::sort_indices;
use regex_syntax::ast::{
    self, Ast, ClassBracketed, ClassSet, ClassSetItem, ClassSetRange, ClassSetUnion,
    ClassUnicodeKind, ClassUnicodeOpKind, Flag, FlagsItemKind, GroupKind, Literal, LiteralKind,
    Span,
};
use regex_syntax::hir::{translate::TranslatorBuilder, Class, Hir, HirKind};
use std::sync::OnceLock;

/// Parses `pattern` case-insensitively (unless it says `(?-i)`), in multi-line mode, allowing
/// patterns that match invalid UTF-8 (they may be refused later, as before). The error is the
/// parser's own explanation.
pub(crate) fn parse(pattern: &str) -> Result<Hir, String> {
    let mut ast = ast::parse::ParserBuilder::new()
        .build()
        .parse(pattern)
        .map_err(|e| e.to_string())?;
    rewrite(
        &mut ast,
        &mut Mode {
            fold: true,
            unicode: true,
        },
    );
    TranslatorBuilder::new()
        .utf8(false)
        .multi_line(true)
        .build()
        .translate(pattern, &ast)
        .map_err(|e| e.to_string())
}

/// The flags the translator would be in at a node: `i` and `u`.
#[derive(Clone, Copy)]
struct Mode {
    fold: bool,
    unicode: bool,
}

/// Rewrites the case-insensitive leaves of `ast` into classes of their case variants, and
/// drops every `i` flag (the translator never folds: without the table it cannot).
fn rewrite(ast: &mut Ast, mode: &mut Mode) {
    let replacement = match ast {
        Ast::Flags(set) => {
            apply_flags(&mut set.flags, mode);
            None
        }
        Ast::Group(g) => {
            // A group's flags hold inside it only; `(?i)` alone holds to the group's end.
            let outer = *mode;
            if let GroupKind::NonCapturing(flags) = &mut g.kind {
                apply_flags(flags, mode);
            }
            rewrite(&mut g.ast, mode);
            *mode = outer;
            None
        }
        Ast::Concat(c) => {
            c.asts.iter_mut().for_each(|a| rewrite(a, mode));
            None
        }
        Ast::Alternation(a) => {
            a.asts.iter_mut().for_each(|a| rewrite(a, mode));
            None
        }
        Ast::Repetition(r) => {
            rewrite(&mut r.ast, mode);
            None
        }
        Ast::Literal(lit) if mode.fold => fold_leaf(ClassSetItem::Literal((**lit).clone()), mode),
        Ast::ClassUnicode(cls) if mode.fold => {
            fold_leaf(ClassSetItem::Unicode((**cls).clone()), mode)
        }
        Ast::ClassBracketed(b) if mode.fold => {
            rewrite_set(&mut b.kind, mode);
            None
        }
        // `.` and the Perl classes (`\w`, `\S`…) are not folded: they are closed already.
        _ => None,
    };
    if let Some(b) = replacement {
        *ast = Ast::ClassBracketed(Box::new(b));
    }
}

fn apply_flags(flags: &mut ast::Flags, mode: &mut Mode) {
    let mut enable = true;
    for item in &flags.items {
        match item.kind {
            FlagsItemKind::Negation => enable = false,
            FlagsItemKind::Flag(Flag::CaseInsensitive) => mode.fold = enable,
            FlagsItemKind::Flag(Flag::Unicode) => mode.unicode = enable,
            FlagsItemKind::Flag(_) => {}
        }
    }
    flags
        .items
        .retain(|item| item.kind != FlagsItemKind::Flag(Flag::CaseInsensitive));
}

fn rewrite_set(set: &mut ClassSet, mode: &Mode) {
    match set {
        ClassSet::Item(item) => rewrite_item(item, mode),
        ClassSet::BinaryOp(op) => {
            rewrite_set(&mut op.lhs, mode);
            rewrite_set(&mut op.rhs, mode);
        }
    }
}

fn rewrite_item(item: &mut ClassSetItem, mode: &Mode) {
    let replacement = match &mut *item {
        ClassSetItem::Bracketed(b) => {
            rewrite_set(&mut b.kind, mode);
            None
        }
        ClassSetItem::Union(u) => {
            u.items.iter_mut().for_each(|i| rewrite_item(i, mode));
            None
        }
        ClassSetItem::Empty(_) | ClassSetItem::Perl(_) => None,
        leaf => fold_leaf(leaf.clone(), mode),
    };
    if let Some(b) = replacement {
        *item = ClassSetItem::Bracketed(Box::new(b));
    }
}

/// A literal, range or named class as a bracket of itself and its members' case variants
/// (Unicode simple folding, or ASCII folding in `(?-u)` mode), negated after folding as the
/// translator does; `None` when nothing has a variant, or it does not translate (the real
/// translation then reports the error).
fn fold_leaf(mut item: ClassSetItem, mode: &Mode) -> Option<ClassBracketed> {
    let negated = match &mut item {
        ClassSetItem::Ascii(cls) => std::mem::take(&mut cls.negated),
        ClassSetItem::Unicode(cls) => {
            let negated = cls.is_negated();
            cls.negated = false;
            if let ClassUnicodeKind::NamedValue { op, .. } = &mut cls.kind {
                if *op == ClassUnicodeOpKind::NotEqual {
                    *op = ClassUnicodeOpKind::Equal;
                }
            }
            negated
        }
        _ => false,
    };
    let span = *item.span();
    // A literal or range is its own members (a byte in `(?-u)` mode takes the translator's
    // reading): no translation for every letter of a pattern.
    let plain = match (&item, mode.unicode) {
        (ClassSetItem::Literal(lit), true) => Some(vec![(lit.c, lit.c)]),
        (ClassSetItem::Range(r), true) => Some(vec![(r.start.c, r.end.c)]),
        _ => None,
    };
    let mut alone = Ast::ClassBracketed(Box::new(bracket(span, false, vec![item])));
    let members = match plain {
        Some(members) => members,
        None => members(&alone, mode.unicode)?,
    };
    let extra: Vec<(char, char)> = if mode.unicode {
        // Only variants outside the class: `\p{L}` has nearly all of its own already.
        let inside = |c: char| {
            let i = members.partition_point(|&(_, end)| end < c);
            members.get(i).is_some_and(|&(start, _)| start <= c)
        };
        variants(&members)
            .into_iter()
            .filter(|&(c, _)| !inside(c))
            .collect()
    } else {
        members.into_iter().flat_map(ascii_variants).collect()
    };
    if extra.is_empty() {
        return None;
    }
    let Ast::ClassBracketed(b) = &mut alone else {
        return None;
    };
    let mut b = std::mem::replace(&mut **b, bracket(span, false, Vec::new()));
    if let ClassSet::Item(ClassSetItem::Union(u)) = &mut b.kind {
        u.items
            .extend(extra.into_iter().map(|(s, e)| range(span, s, e)));
    }
    b.negated = negated;
    Some(b)
}

/// The members of a one-item bracket, translated case-sensitively.
fn members(alone: &Ast, unicode: bool) -> Option<Vec<(char, char)>> {
    let hir = TranslatorBuilder::new()
        .utf8(false)
        .unicode(unicode)
        .build()
        .translate("", alone)
        .ok()?;
    Some(match hir.kind() {
        HirKind::Class(Class::Unicode(c)) => c.iter().map(|r| (r.start(), r.end())).collect(),
        HirKind::Class(Class::Bytes(c)) => c
            .iter()
            .map(|r| (char::from(r.start()), char::from(r.end())))
            .collect(),
        HirKind::Literal(lit) if unicode => std::str::from_utf8(&lit.0)
            .ok()?
            .chars()
            .map(|c| (c, c))
            .collect(),
        HirKind::Literal(lit) => lit
            .0
            .iter()
            .map(|&b| (char::from(b), char::from(b)))
            .collect(),
        _ => return None,
    })
}

/// ASCII case folding of a byte range, as regex-syntax's byte classes fold.
fn ascii_variants((start, end): (char, char)) -> Vec<(char, char)> {
    let swap = |c: char| char::from(c as u8 ^ 0x20);
    let mut out = Vec::new();
    for (lo, hi) in [('A', 'Z'), ('a', 'z')] {
        let (s, e) = (start.max(lo), end.min(hi));
        if s <= e {
            out.push((swap(s), swap(e)));
        }
    }
    out
}

fn range(span: Span, start: char, end: char) -> ClassSetItem {
    let literal = |c| Literal {
        span,
        kind: LiteralKind::Verbatim,
        c,
    };
    ClassSetItem::Range(ClassSetRange {
        span,
        start: literal(start),
        end: literal(end),
    })
}

fn bracket(span: Span, negated: bool, items: Vec<ClassSetItem>) -> ClassBracketed {
    ClassBracketed {
        span,
        negated,
        kind: ClassSet::Item(ClassSetItem::Union(ClassSetUnion { span, items })),
    }
}

/// Where std's case mapping changes a char, found by scanning every scalar value (a test
/// checks that nothing outside changes). Letters std knows as cased but regex-syntax's older
/// Unicode tables do not (U+A7CE–A7CF, U+A7D2–A7D5, U+16EA0–16ED3, new in Unicode 17) are
/// left out, so a pattern matches exactly what it did with regex-syntax's own folding.
const CASED: [(u32, u32); 21] = [
    (0x41, 0x29E),
    (0x345, 0x587),
    (0x10A0, 0x10FF),
    (0x13A0, 0x13FD),
    (0x1C80, 0x1CBF),
    (0x1D79, 0x1FFC),
    (0x2126, 0x2184),
    (0x24B6, 0x24E9),
    (0x2C00, 0x2D2D),
    (0xA640, 0xA69B),
    (0xA722, 0xA7CD),
    (0xA7D0, 0xA7D1),
    (0xA7D6, 0xA7F6),
    (0xAB53, 0xABBF),
    (0xFB00, 0xFB17),
    (0xFF21, 0xFF5A),
    (0x10400, 0x105BC),
    (0x10C80, 0x10D85),
    (0x118A0, 0x118DF),
    (0x16E40, 0x16E9F),
    (0x1E900, 0x1E943),
];

/// Chars whose simple case folding is not their lower case, with a member of their class:
/// the symbol and final forms of Greek letters, the long s, Cyrillic rounded forms, and pairs
/// that fold together only through full case mappings. Sorted by char.
const KEYS: [(char, char); 25] = [
    ('\u{B5}', '\u{3BC}'),
    ('\u{17F}', 's'),
    ('\u{345}', '\u{3B9}'),
    ('\u{390}', '\u{1FD3}'),
    ('\u{3B0}', '\u{1FE3}'),
    ('\u{3C2}', '\u{3C3}'),
    ('\u{3D0}', '\u{3B2}'),
    ('\u{3D1}', '\u{3B8}'),
    ('\u{3D5}', '\u{3C6}'),
    ('\u{3D6}', '\u{3C0}'),
    ('\u{3F0}', '\u{3BA}'),
    ('\u{3F1}', '\u{3C1}'),
    ('\u{3F5}', '\u{3B5}'),
    ('\u{1C80}', '\u{432}'),
    ('\u{1C81}', '\u{434}'),
    ('\u{1C82}', '\u{43E}'),
    ('\u{1C83}', '\u{441}'),
    ('\u{1C84}', '\u{442}'),
    ('\u{1C85}', '\u{442}'),
    ('\u{1C86}', '\u{44A}'),
    ('\u{1C87}', '\u{463}'),
    ('\u{1C88}', '\u{A64B}'),
    ('\u{1E9B}', '\u{1E61}'),
    ('\u{1FBE}', '\u{3B9}'),
    ('\u{FB05}', '\u{FB06}'),
];

/// A char's simple-case-folding class, named by one member: its lower case where that is
/// one char (std's mapping, which folding the text links anyway; its upper case would link
/// a second table), else itself, but for [`KEYS`].
fn class_key(c: char) -> char {
    if let Ok(i) = KEYS.binary_search_by_key(&c, |&(k, _)| k) {
        return KEYS.get(i).map_or(c, |&(_, key)| key);
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// The simple-case-folding classes of two or more chars.
struct Classes {
    /// Every char with a case variant and its class, by char.
    by_char: Vec<(char, u32)>,
    /// The members of each class, class after class: class `k` is `starts[k]..starts[k + 1]`.
    members: Vec<char>,
    starts: Vec<u32>,
}

/// Built once, at the first case-insensitive pattern (a few thousand chars looked up).
fn classes() -> &'static Classes {
    static CLASSES: OnceLock<Classes> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let all: Vec<(char, char)> = CASED
            .iter()
            .flat_map(|&(s, e)| (s..=e).filter_map(char::from_u32))
            .map(|c| (c, class_key(c)))
            .collect();
        let key = |i: u32| all.get(i as usize).map_or('\0', |p| p.1);
        let mut order: Vec<u32> = (0..all.len() as u32).collect();
        // The grid's shared index sort: no sort code of its own.
        sort_indices(&mut order, &|a, b| key(a).cmp(&key(b)).then(a.cmp(&b)));
        let mut class_of = vec![u32::MAX; all.len()];
        let (mut members, mut starts) = (Vec::new(), Vec::new());
        for group in order.chunk_by(|&a, &b| key(a) == key(b)) {
            if group.len() < 2 {
                continue;
            }
            let id = starts.len() as u32;
            starts.push(members.len() as u32);
            for &i in group {
                members.extend(all.get(i as usize).map(|p| p.0));
                if let Some(slot) = class_of.get_mut(i as usize) {
                    *slot = id;
                }
            }
        }
        starts.push(members.len() as u32);
        let by_char = all
            .iter()
            .zip(class_of)
            .filter(|&(_, id)| id != u32::MAX)
            .map(|(p, id)| (p.0, id))
            .collect();
        Classes {
            by_char,
            members,
            starts,
        }
    })
}

/// The case variants of the members of `ranges` (members included where they have variants;
/// empty if none has any), as one-char ranges.
fn variants(ranges: &[(char, char)]) -> Vec<(char, char)> {
    let cls = classes();
    let mut seen = vec![false; cls.starts.len()];
    let mut out: Vec<(char, char)> = Vec::new();
    for &(start, end) in ranges {
        let from = cls.by_char.partition_point(|&(c, _)| c < start);
        let within = cls.by_char.get(from..).unwrap_or(&[]);
        for &(_, id) in within.iter().take_while(|&&(c, _)| c <= end) {
            let Some(slot) = seen.get_mut(id as usize).filter(|s| !**s) else {
                continue;
            };
            *slot = true;
            let at = |k: u32| cls.starts.get(k as usize).map_or(0, |&s| s as usize);
            let class = cls.members.get(at(id)..at(id + 1)).unwrap_or(&[]);
            out.extend(class.iter().map(|&m| (m, m)));
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "casefold_tests.rs"]
mod tests;
