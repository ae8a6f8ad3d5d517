//! Search patterns compiled for the folded search text: parsed case-insensitively (see
//! `casefold`), stripped of the letters folding never leaves in the text, and built with the
//! row separator as the line terminator, on the regex crate's own engine (`regex-automata`'s
//! meta regex).
//!
//! Stripping is what keeps case-insensitive search fast: `(?i)chrome` means a class per letter
//! (`[cC][hH]…`, and `[sSſ]`, `[kKK]`), which hides the literal from the substring prefilter
//! and, in wasm, runs several times slower. The search text is folded (see `text::fold`), so
//! the upper-case half of each class can never match there; dropping it gives back the plain
//! literal `chrome`, and the answer on folded text is the same by construction.
//!
//! Per pattern, a strategy for the rows ([`RowAnchored`], asked row by row by `filter.rs`):
//! the DFA from a row's anchored end, a small literal set as one memchr search per literal,
//! or a Unicode word boundary on an ASCII-boundary DFA for the rows that are all ASCII.

use super::casefold;
use super::query_error::QueryError;
use super::session::SEPARATOR;
use super::text::fold;
use memchr::memmem::Finder;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::look::LookMatcher;
use regex_automata::util::prefilter::Prefilter;
use regex_automata::{Anchored, Input, MatchKind};
use regex_syntax::hir::literal::Extractor;
use regex_syntax::hir::{
    Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, Repetition,
};
use std::ops::Range;

/// Compiled-program limits: a pattern like `\w{1000}{1000}` is refused instead of eating the
/// tab's memory. The engine runs in linear time, so no pattern can hang.
const SIZE_LIMIT: usize = 2 << 20;
const DFA_CACHE: usize = 2 << 20;

/// Classes larger than this keep every member: checking them would cost more than it saves,
/// and keeping a letter that cannot occur never changes an answer.
const STRIP_LIMIT: u32 = 1024;

fn config() -> meta::Config {
    meta::Config::new()
        .nfa_size_limit(Some(SIZE_LIMIT))
        .hybrid_cache_capacity(DFA_CACHE)
        .dfa_size_limit(Some(DFA_CACHE))
        // Only whether and where a match ends is ever asked: no capture groups to track.
        .which_captures(WhichCaptures::Implicit)
        // `^`/`$` in multi-line mode match at every row boundary of the joined text.
        .line_terminator(SEPARATOR[0])
        .utf8_empty(false)
}

/// A regular expression, matched case-insensitively and per row (multi-line mode).
pub(crate) struct Compiled {
    pub re: Regex,
    /// The row-anchored form, when every match starts at a row's start or ends at its end.
    pub anchored: Option<Box<RowAnchored>>,
    /// Whether one scan of the joined text answers exactly like matching each row alone.
    pub joinable: bool,
    /// Whether the distinct values of each column answer like the rows (see `by_value.rs`),
    /// and no faster way is known for the pattern.
    pub by_value: bool,
}

pub(crate) fn compile(pattern: &str) -> Result<Compiled, QueryError> {
    let hir = casefold::parse(pattern).map_err(|detail| QueryError::BadPattern { detail })?;
    let hir = strip(hir);
    let re = meta::Builder::new()
        .configure(config())
        .build_from_hir(&hir)
        .map_err(|e| match e.size_limit() {
            Some(_) => QueryError::PatternTooBig,
            None => QueryError::BadPattern {
                detail: e.to_string(),
            },
        })?;
    let anchored = RowAnchored::build(&hir).map(Box::new);
    Ok(Compiled {
        re,
        by_value: anchored.is_none() && by_value(&hir),
        anchored,
        joinable: joinable(&hir),
    })
}

/// Whether `hir` matches a row iff it matches one of the row's values alone (see
/// `by_value.rs`): it cannot match a space, nor the empty string; its only look-arounds are
/// ASCII word boundaries (a Unicode one would send the scan of the values to the PikeVM at the
/// first non-ASCII letter); and it is joinable (it never matches the separator). Not for a
/// pattern that starts with a fast literal: the regex's prefilter skips along the joined text
/// faster than a DFA reads the values.
fn by_value(hir: &Hir) -> bool {
    let props = hir.properties();
    let looks = props.look_set();
    joinable(hir)
        && props.minimum_len().is_some_and(|n| n > 0)
        && only_word_looks(looks)
        && !looks.contains_word_unicode()
        && !can_match_space(hir)
        && !Prefilter::from_hir_prefix(MatchKind::LeftmostFirst, hir).is_some_and(|p| p.is_fast())
}

/// What tells the joined text from a row alone: text anchors (`\A`, `\z`, and `^`/`$` out of
/// multi-line mode) and CRLF mode's `^`/`$` do not take the 0xFF between rows for a row's
/// end; a pattern that can match invalid UTF-8 (`(?-u:…)`) could match that 0xFF; and
/// Unicode `\B`, `\b{start-half}` and `\b{end-half}` never match beside invalid UTF-8, so
/// not at a row's ends there.
fn joinable(hir: &Hir) -> bool {
    let props = hir.properties();
    let looks = props.look_set();
    props.is_utf8()
        && ![
            Look::Start,
            Look::End,
            Look::StartCRLF,
            Look::EndCRLF,
            Look::WordUnicodeNegate,
            Look::WordStartHalfUnicode,
            Look::WordEndHalfUnicode,
        ]
        .into_iter()
        .any(|look| looks.contains(look))
}

/// A pattern answered row by row with a lazy DFA, where that beats one scan of the joined
/// text:
///
/// - anchored at one end of every row, run from that end: `^rc mobile .*` forwards from each
///   row's start, `\d$` backwards from each row's end. Anchored there, it answers for most
///   rows after a few bytes, where an unanchored scan reads every byte (and, for `…$`, every
///   row to its end);
/// - with a Unicode word boundary (`\bana\b`, `\b[a-z]+\d\b`): a lazy DFA cannot judge
///   one beside a non-ASCII letter, so on the joined text it gives up at the first one and the
///   PikeVM reads the rest of the text (0.5 s natively at 100,000 rows, 1.5 s in wasm). On a
///   row that is all ASCII a Unicode and an ASCII word boundary are the same thing (the
///   separator before and after a row is a non-word byte either way), so such rows run a DFA
///   built with ASCII boundaries, and only rows with non-ASCII text ask the full regex.
#[derive(Debug, Clone)]
pub(crate) struct RowAnchored(Strategy);

#[derive(Debug, Clone)]
enum Strategy {
    Dfa(Box<RowDfa>),
    /// The literals every match starts with, and unless they are the whole pattern, the
    /// DFA that checks a row from the first place one of them occurs.
    Literals(Finders, Option<Box<DFA>>),
}

/// What one filtering pass keeps between rows: the DFA's cache, and for a literal set where
/// each literal next occurs (see [`RowAnchored::literals`]).
pub(crate) struct RowCache {
    dfa: Option<Cache>,
    /// Per literal: (where its last search started, where it next occurs or `usize::MAX`).
    next: Vec<(usize, usize)>,
}

#[derive(Debug, Clone)]
struct RowDfa {
    dfa: DFA,
    how: Run,
    /// With Unicode word boundaries: the DFA (ASCII boundaries) answers rows that are all
    /// ASCII; rows with non-ASCII text go to `words`, or to the caller's full regex.
    ascii_rows: bool,
    /// For a pattern that cannot match a space, the full regex run on each word (run of
    /// non-space bytes) with non-ASCII text, while the ASCII words between them go to the DFA.
    words: Option<Box<Regex>>,
    /// Literals every match starts with, or every match ends with (a few, none empty): a row
    /// with none of them cannot match, whatever its letters.
    needed: Option<Finders>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Run {
    FromStart,
    FromEnd,
    Unanchored,
}

impl RowAnchored {
    fn build(hir: &Hir) -> Option<RowAnchored> {
        if let Some((literals, verify)) = Self::literals(hir) {
            return Some(RowAnchored(Strategy::Literals(literals, verify)));
        }
        RowDfa::build(hir).map(|d| RowAnchored(Strategy::Dfa(Box::new(d))))
    }

    /// A pattern that is a small set of literals and nothing else (`windows|mac os`,
    /// `ana|bruno|carla`, `chrome 1[01]`): without a multi-literal prefilter (aho-corasick
    /// is left out, no faster in wasm) the regex reads every byte through its DFA, where
    /// memchr's SIMD substring finder, once per literal, skips along. Each literal's next
    /// occurrence is found once and kept until the rows pass it, so each literal costs one
    /// scan of the joined text however many rows there are. Exact: the pattern matches a row
    /// iff one of the literals occurs in it (no look-around; a literal never holds the 0xFF
    /// between rows).
    ///
    /// The same for a pattern every match of which starts with one of a few literals of 3
    /// bytes or more (`(?:chrome|firefox) 12\d`) and not anchored at a row's end: rows where
    /// none occurs are passed over, and a row where one does is checked by a DFA from the
    /// first occurrence on (the text before it is still seen by `^` and `\b`).
    fn literals(hir: &Hir) -> Option<(Finders, Option<Box<DFA>>)> {
        let props = hir.properties();
        let seq = Extractor::new().extract(hir);
        let literals = seq.literals()?;
        let exact = seq.is_exact() && props.look_set().is_empty();
        let shortest = if exact { 1 } else { 3 };
        // A pattern anchored at a row's end is answered by the row DFA from that end in a few
        // bytes per row, faster than any search for its literals (`^(chrome|firefox)
        // 1[0-2]\d`: 5.5 ms natively that way, 17 ms by its six literals).
        let row_anchored = props.look_set_prefix().contains(Look::StartLF)
            || props.look_set_suffix().contains(Look::EndLF);
        let usable = (2..=MAX_LITERALS).contains(&literals.len())
            && literals.iter().all(|l| l.as_bytes().len() >= shortest)
            && (exact || !(props.look_set().contains_word_unicode() || row_anchored));
        if !usable {
            return None;
        }
        let verify = if exact {
            None
        } else {
            Some(Box::new(row_dfa(hir, false)?))
        };
        let finders = literals
            .iter()
            .map(|l| Finder::new(l.as_bytes()).into_owned())
            .collect();
        Some((finders, verify))
    }

    pub(crate) fn cache(&self) -> RowCache {
        match &self.0 {
            Strategy::Dfa(d) => RowCache {
                dfa: Some(d.dfa.create_cache()),
                next: Vec::new(),
            },
            Strategy::Literals(l, verify) => RowCache {
                dfa: verify.as_ref().map(|d| d.create_cache()),
                next: vec![(usize::MAX, 0); l.len()],
            },
        }
    }

    /// Whether `row` (a range of `hay` between separators) has a match; `None` when this
    /// cannot tell, and the caller must ask the full regex. Rows come in ascending order (a
    /// row before the last one asked is answered too, only slower).
    pub(crate) fn matches(
        &self,
        cache: &mut RowCache,
        hay: &[u8],
        row: Range<usize>,
    ) -> Option<bool> {
        match &self.0 {
            Strategy::Dfa(d) => d.matches(cache.dfa.as_mut()?, hay, row),
            Strategy::Literals(finders, verify) => {
                let mut first = usize::MAX;
                for (finder, (from, next)) in finders.iter().zip(cache.next.iter_mut()) {
                    if *next < row.start || row.start < *from {
                        *from = row.start;
                        *next = finder
                            .find(hay.get(row.start..)?)
                            .map_or(usize::MAX, |at| row.start + at);
                    }
                    if *next < row.end {
                        if verify.is_none() {
                            return Some(true);
                        }
                        first = first.min(*next);
                    }
                }
                match (verify, cache.dfa.as_mut()) {
                    (Some(dfa), Some(dfa_cache)) if first < row.end => {
                        let input = Input::new(hay).range(first..row.end).earliest(true);
                        dfa.try_search_fwd(dfa_cache, &input)
                            .ok()
                            .map(|m| m.is_some())
                    }
                    _ => Some(false),
                }
            }
        }
    }
}

type Finders = Box<[Finder<'static>]>;

/// Literal sets larger than this run on the regex: each literal is a scan of its own.
const MAX_LITERALS: usize = 8;

impl RowDfa {
    fn build(hir: &Hir) -> Option<RowDfa> {
        let props = hir.properties();
        let unicode_words = props.look_set().contains_word_unicode();
        // From the start only when no fast literal leads the pattern: the unanchored scan
        // jumps between occurrences of `^rc mobile`'s literal faster than rows are visited.
        let literal_first = || {
            Prefilter::from_hir_prefix(MatchKind::LeftmostFirst, hir).is_some_and(|p| p.is_fast())
        };
        let how = if props.look_set_suffix().contains(Look::EndLF) {
            Run::FromEnd
        } else if props.look_set_prefix().contains(Look::StartLF)
            && (unicode_words || !literal_first())
        {
            Run::FromStart
        } else if unicode_words && !literal_first() {
            // With a fast literal to look for, the regex checks only the few places it occurs.
            Run::Unanchored
        } else {
            return None;
        };
        let original = hir;
        let ascii;
        let hir = if unicode_words {
            ascii = ascii_words(hir.clone());
            &ascii
        } else {
            hir
        };
        let dfa = row_dfa(hir, how == Run::FromEnd)?;
        // A match that holds no space lies inside one space-separated word of its row, and
        // what surrounds that word (a space, or the row's end) is a non-word character for
        // both kinds of boundary: the word alone answers as the row does. An empty match could
        // stand in a row without words, and a line anchor would see every word as a row.
        let by_words = unicode_words
            && how == Run::Unanchored
            && props.minimum_len().is_some_and(|n| n > 0)
            && only_word_looks(props.look_set())
            && !can_match_space(hir);
        let words = if by_words {
            let unicode = meta::Builder::new()
                .configure(config())
                .build_from_hir(original)
                .ok()?;
            Some(Box::new(unicode))
        } else {
            None
        };
        Some(RowDfa {
            dfa,
            how,
            ascii_rows: unicode_words,
            words,
            needed: if unicode_words {
                needed(original)
            } else {
                None
            },
        })
    }

    /// `None` when this cannot tell (a row with non-ASCII text for a pattern with Unicode
    /// word boundaries, or a DFA that gives up on a thrashing cache).
    fn matches(&self, cache: &mut Cache, hay: &[u8], row: Range<usize>) -> Option<bool> {
        if self.ascii_rows && !hay.get(row.clone())?.is_ascii() {
            return match self.words.as_deref() {
                Some(words) => self.by_words(words, cache, hay, row),
                None => self.ascii_ends(cache, hay, row),
            };
        }
        self.run(cache, hay, row)
    }

    /// A row with non-ASCII text, for a pattern whose match can span words: the ASCII words
    /// before the first non-ASCII one and after the last one are each asked of the DFA (the
    /// space that ends each part is seen by its boundaries, and is a non-word character for
    /// both kinds), so a match there is the row's. `None` when neither part has one: the
    /// match, if any, takes in non-ASCII text, and only the full regex can tell.
    /// (`.*\b.*\b.*x`: most rows with non-ASCII text match in their ASCII ends.)
    fn ascii_ends(&self, cache: &mut Cache, hay: &[u8], row: Range<usize>) -> Option<bool> {
        let text = hay.get(row.clone())?;
        let first = text.iter().position(|b| !b.is_ascii())?;
        let last = text.iter().rposition(|b| !b.is_ascii())?;
        if let Some(cut) = memchr::memrchr(b' ', text.get(..first)?) {
            if self.run(cache, hay, row.start..row.start + cut)? {
                return Some(true);
            }
        }
        if let Some(space) = memchr::memchr(b' ', text.get(last..)?) {
            let from = row.start + last + space + 1;
            if from < row.end && self.run(cache, hay, from..row.end)? {
                return Some(true);
            }
        }
        match &self.needed {
            Some(needed) if !needed.iter().any(|f| f.find(text).is_some()) => Some(false),
            _ => None,
        }
    }

    fn run(&self, cache: &mut Cache, hay: &[u8], row: Range<usize>) -> Option<bool> {
        let anchored = match self.how {
            Run::Unanchored => Anchored::No,
            Run::FromStart | Run::FromEnd => Anchored::Yes,
        };
        let input = Input::new(hay).range(row).anchored(anchored).earliest(true);
        let found = if self.how == Run::FromEnd {
            self.dfa.try_search_rev(cache, &input)
        } else {
            self.dfa.try_search_fwd(cache, &input)
        };
        found.ok().map(|m| m.is_some())
    }
}

impl RowDfa {
    /// A row with non-ASCII text, word by word (see `words`): each run of ASCII words in one
    /// DFA search, each word with non-ASCII text by the full regex on that word alone.
    fn by_words(
        &self,
        words: &Regex,
        cache: &mut Cache,
        hay: &[u8],
        row: Range<usize>,
    ) -> Option<bool> {
        let text = hay.get(row.clone())?;
        // The ASCII words since the last non-ASCII one, as a range of `text`.
        let mut ascii_from = 0;
        let mut start = 0;
        while start <= text.len() {
            let end = memchr::memchr(b' ', text.get(start..)?).map_or(text.len(), |i| start + i);
            let word = text.get(start..end)?;
            if !word.is_ascii() {
                if ascii_from < start
                    && self.run(cache, hay, row.start + ascii_from..row.start + start)?
                {
                    return Some(true);
                }
                if words.is_match(word) {
                    return Some(true);
                }
                ascii_from = end + 1;
            }
            start = end + 1;
        }
        if ascii_from < text.len() {
            return self.run(cache, hay, row.start + ascii_from..row.end);
        }
        Some(false)
    }
}

/// The literals every match of `hir` starts with, else those every match ends with, when
/// they are few and none is empty (see `RowDfa::needed`).
fn needed(hir: &Hir) -> Option<Finders> {
    use regex_syntax::hir::literal::ExtractKind;
    [ExtractKind::Prefix, ExtractKind::Suffix]
        .into_iter()
        .find_map(|kind| {
            let seq = Extractor::new().kind(kind).extract(hir);
            let literals = seq.literals()?;
            ((1..=MAX_LITERALS).contains(&literals.len())
                && literals.iter().all(|l| !l.as_bytes().is_empty()))
            .then(|| {
                literals
                    .iter()
                    .map(|l| Finder::new(l.as_bytes()).into_owned())
                    .collect()
            })
        })
}

/// Whether every look-around of a pattern is a word boundary (of either kind).
fn only_word_looks(looks: regex_syntax::hir::LookSet) -> bool {
    looks.iter().all(|look| {
        matches!(
            look,
            Look::WordAscii
                | Look::WordAsciiNegate
                | Look::WordUnicode
                | Look::WordUnicodeNegate
                | Look::WordStartAscii
                | Look::WordEndAscii
                | Look::WordStartUnicode
                | Look::WordEndUnicode
                | Look::WordStartHalfAscii
                | Look::WordEndHalfAscii
                | Look::WordStartHalfUnicode
                | Look::WordEndHalfUnicode
        )
    })
}

/// Whether any match of `hir` could hold a space (conservative: any literal or class with one).
fn can_match_space(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => false,
        HirKind::Literal(lit) => lit.0.contains(&b' '),
        HirKind::Class(Class::Unicode(c)) => c.iter().any(|r| r.start() <= ' ' && ' ' <= r.end()),
        HirKind::Class(Class::Bytes(c)) => c.iter().any(|r| r.start() <= b' ' && b' ' <= r.end()),
        HirKind::Repetition(r) => r.max != Some(0) && can_match_space(&r.sub),
        HirKind::Capture(c) => can_match_space(&c.sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().any(can_match_space),
    }
}

/// A lazy DFA for `hir` over rows (the separator is its line terminator), run backwards
/// when `reverse`; `None` past the size limit.
fn row_dfa(hir: &Hir, reverse: bool) -> Option<DFA> {
    let mut looks = LookMatcher::new();
    looks.set_line_terminator(SEPARATOR[0]);
    let nfa = thompson::Compiler::new()
        .configure(
            thompson::Config::new()
                .reverse(reverse)
                .which_captures(WhichCaptures::None)
                .look_matcher(looks)
                .nfa_size_limit(Some(SIZE_LIMIT)),
        )
        .build_from_hir(hir)
        .ok()?;
    DFA::builder()
        .configure(DFA::config().cache_capacity(DFA_CACHE))
        .build_from_nfa(nfa)
        .ok()
}

/// Rebuilds `hir` with `change` applied where it gives a new node (the one recursion of
/// `ascii_words` and `strip`).
fn map_hir(hir: Hir, change: &dyn Fn(&HirKind) -> Option<Hir>) -> Hir {
    if let Some(new) = change(hir.kind()) {
        return new;
    }
    match hir.into_kind() {
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            sub: Box::new(map_hir(*r.sub, change)),
            ..r
        }),
        HirKind::Capture(c) => Hir::capture(Capture {
            sub: Box::new(map_hir(*c.sub, change)),
            ..c
        }),
        HirKind::Concat(subs) => {
            Hir::concat(subs.into_iter().map(|h| map_hir(h, change)).collect())
        }
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.into_iter().map(|h| map_hir(h, change)).collect())
        }
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(lit) => Hir::literal(lit.0),
        HirKind::Class(class) => Hir::class(class),
        HirKind::Look(look) => Hir::look(look),
    }
}

/// `hir` with every Unicode word-boundary assertion made its ASCII one.
fn ascii_words(hir: Hir) -> Hir {
    map_hir(hir, &|kind| match kind {
        HirKind::Look(look) => Some(Hir::look(match *look {
            Look::WordUnicode => Look::WordAscii,
            Look::WordUnicodeNegate => Look::WordAsciiNegate,
            Look::WordStartUnicode => Look::WordStartAscii,
            Look::WordEndUnicode => Look::WordEndAscii,
            Look::WordStartHalfUnicode => Look::WordStartHalfAscii,
            Look::WordEndHalfUnicode => Look::WordEndHalfAscii,
            other => other,
        })),
        _ => None,
    })
}

/// Whether `c` can occur in folded text: folding leaves it as it is.
fn survives_folding(c: char) -> bool {
    let mut buf = [0u8; 4];
    fold(c.encode_utf8(&mut buf)).chars().eq([c])
}

/// `hir` without the class members folded text cannot hold.
fn strip(hir: Hir) -> Hir {
    map_hir(hir, &|kind| match kind {
        HirKind::Class(Class::Unicode(class)) => {
            Some(Hir::class(Class::Unicode(strip_class(class.clone()))))
        }
        _ => None,
    })
}

fn strip_class(class: ClassUnicode) -> ClassUnicode {
    let size: u32 = class
        .iter()
        .map(|r| u32::from(r.end()) - u32::from(r.start()) + 1)
        .sum();
    if size > STRIP_LIMIT {
        return class;
    }
    ClassUnicode::new(
        class
            .iter()
            .flat_map(|r| r.start()..=r.end())
            .filter(|&c| survives_folding(c))
            .map(|c| ClassUnicodeRange::new(c, c)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stripping is exact only if folding is idempotent: nothing folding writes is changed
    /// by folding again. Checked over every scalar value.
    #[test]
    fn folding_writes_only_what_survives_folding() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for d in fold(c.encode_utf8(&mut buf)).chars() {
                assert!(
                    survives_folding(d),
                    "{c:?} folds to {d:?}, which folds again"
                );
            }
        }
    }

    #[test]
    fn case_insensitive_literals_become_plain_literals_again() {
        let parse = |p: &str, ci: bool| {
            regex_syntax::ParserBuilder::new()
                .case_insensitive(ci)
                .build()
                .parse(p)
                .ok()
        };
        let stripped = |p: &str| casefold::parse(p).ok().map(strip);
        assert_eq!(stripped("Chrome"), Some(Hir::literal("chrome".as_bytes())));
        assert_eq!(stripped("MÜLLER"), Some(Hir::literal("müller".as_bytes())));
        // The Kelvin sign folds to 'k' and the long s to 's'.
        assert_eq!(stripped("ks"), Some(Hir::literal("ks".as_bytes())));
        assert_eq!(stripped("[A-C]x"), parse("[a-c]x", false));
        // Big classes are left alone.
        assert_eq!(stripped(r"\w"), parse(r"\w", true));
    }

    /// Unicode word boundaries without a fast literal run row by row (the joined scan's
    /// DFA would give up at the first non-ASCII letter), word by word when no match can hold
    /// a space; with a literal, the regex's own search stays.
    #[test]
    fn unicode_word_boundaries_choose_the_row_by_row_dfa() {
        let how = |p: &str| {
            compile(p).ok().map(|c| {
                c.anchored.and_then(|a| match a.0 {
                    Strategy::Dfa(d) => Some((d.how, d.ascii_rows, d.words.is_some())),
                    Strategy::Literals(..) => None,
                })
            })
        };
        assert_eq!(
            how(r"\b[a-z]+\d\b"),
            Some(Some((Run::Unanchored, true, true)))
        );
        assert_eq!(
            how(r".*\b.*\b.*x"),
            Some(Some((Run::Unanchored, true, false)))
        );
        assert_eq!(how(r"^\b\w"), Some(Some((Run::FromStart, true, false))));
        assert_eq!(how(r"\bana\b"), Some(None));
        assert_eq!(how(r"(?-u:\b)\d+"), Some(None));
    }

    /// Small sets of literals run as one substring search per literal; anything else, or a
    /// single literal (the regex's own prefilter finds it as fast), does not.
    #[test]
    fn literal_sets_choose_one_substring_search_per_literal() {
        let count = |p: &str| {
            compile(p).ok().map(|c| match c.anchored.map(|a| a.0) {
                Some(Strategy::Literals(l, None)) => l.len(),
                Some(Strategy::Literals(l, Some(_))) => 100 + l.len(),
                _ => 0,
            })
        };
        assert_eq!(count("windows|mac os"), Some(2));
        assert_eq!(count("Ana|Bruno|CARLA"), Some(3));
        assert_eq!(count("chrome 1[01]"), Some(2));
        // Inexact: every match starts with one of them, a DFA checks the rest (100 + n).
        assert_eq!(count(r"(?:chrome|firefox) 12\d"), Some(102));
        // Anchored at a row's start: the row DFA from there is faster.
        assert_eq!(count(r"^(Chrome|Firefox) 1[0-2]\d"), Some(0));
        assert_eq!(count(r"(?:chrome|firefox) 1\d$"), Some(0));
        assert_eq!(count(r"\b(?:chrome|firefox)\b"), Some(0));
        assert_eq!(count(r"(?:ch|fi)\d"), Some(0));
        // Only one branch is anchored: no row anchor for the whole pattern.
        assert_eq!(count("^ana|bruno"), Some(102));
        for p in [
            "chrome",
            r"\bana|bruno",
            "a|b|c|d|e|f|g|h|i|jj",
            r"ana|\d",
            "a*|b",
        ] {
            assert_eq!(count(p), Some(0), "{p}");
        }
    }

    /// A pattern that cannot match a space, with no faster way, asks each column's distinct
    /// values; one that can span fields, needs a row's ends, or has a fast literal does not.
    #[test]
    fn patterns_within_one_value_ask_the_distinct_values() {
        let by_value = |p: &str| compile(p).map(|c| c.by_value).ok();
        for p in [
            r"\d+\.\d+\.1\d\.",
            r"[a-f0-9]{6}",
            r"(?-u:\b)\d{3}(?-u:\b)",
            r"\S+@\S+",
        ] {
            assert_eq!(by_value(p), Some(true), "{p}");
        }
        for p in [
            // Can match a space, so can span two fields.
            r"\d+ \d+",
            r"a.b",
            r"[^x]{3}",
            // A row's start or end, or a Unicode word boundary.
            r"^\d+\.",
            r"\.\d$",
            r"\b\d+\b",
            // Empty matches; a fast literal first (the regex's prefilter); a literal set.
            r"\d*",
            r"chrome\d",
            r"ana|bruno",
        ] {
            assert_eq!(by_value(p), Some(false), "{p}");
        }
    }

    /// The joined scan is the fast path: ordinary patterns must keep it.
    #[test]
    fn only_what_tells_joined_text_from_a_row_runs_per_row() {
        let joins = |p: &str| compile(p).map(|c| c.joinable).ok();
        for p in [
            r"(?:chrome|firefox) 12\d",
            r"müller\s+\S+ s",
            r"\bios\b",
            r"^rc",
            r"\d$",
            r"(?-u:\b)x",
        ] {
            assert_eq!(joins(p), Some(true), "{p}");
        }
        for p in [
            r"\Arc",
            r"rc\z",
            r"(?-m)^rc",
            r"(?R)^rc",
            r"(?-u:[^z])",
            r"\B",
            r"\b{start-half}x",
            r"x\b{end-half}",
        ] {
            assert_eq!(joins(p), Some(false), "{p}");
        }
    }
}
