//! Filtering: the search box (plain or regex, case-insensitive) and the column filters.

use super::by_value::Joined;
use super::findings::Finding;
use super::pattern::{self, RowAnchored};
pub use super::query_error::QueryError;
use super::session::{row_span, DeviceKind, Field, Row, Sessions, SEARCHED};
use super::text::{fold, Pool};
use memchr::memmem::Finder;
use regex_automata::meta::Regex;
use regex_automata::Input;
use std::collections::BTreeSet;

/// Column filters: AND across kinds of filter, OR within a set. Empty sets do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Filters {
    pub kinds: BTreeSet<DeviceKind>,
    /// Exact client names (`""` selects rows without one).
    pub clients: BTreeSet<String>,
    /// Exact OS names, without version.
    pub oses: BTreeSet<String>,
    /// Usernames or display names.
    pub users: BTreeSet<String>,
    /// Inclusive bounds in epoch ms; see `time::day_bounds` for whole local days.
    /// Rows without a login time never pass a set bound.
    pub login_from: Option<i64>,
    pub login_to: Option<i64>,
    /// Findings in effect (AND with the rest), at most one of each kind, in the panel's
    /// order; the pipeline applies them with a findings `Context` (see `view::Pipeline`).
    pub findings: Vec<Finding>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self == &Filters::default()
    }
}

/// The search box, compiled once per change of text or mode.
#[derive(Debug, Clone)]
pub struct Search(Mode);

#[derive(Debug, Clone)]
enum Mode {
    All,
    /// The folded needle, and memchr's substring finder for it (SIMD in wasm too; called once
    /// per row when narrowing, where a regex's per-call set-up would cost more than the search).
    Plain(String, Box<Finder<'static>>),
    /// `joined`: whether one scan of the joined haystack gives per-row answers (see `scan`);
    /// `anchored`: the pattern run from one end of each row, when it is anchored there.
    /// `by_value`: whether to search each column's distinct values (see `by_value.rs`).
    Regex {
        re: Regex,
        joined: bool,
        anchored: Option<Box<RowAnchored>>,
        by_value: bool,
    },
}

impl Search {
    pub fn compile(text: &str, regex: bool) -> Result<Search, QueryError> {
        if text.is_empty() {
            return Ok(Search(Mode::All));
        }
        if !regex {
            let needle = fold(text);
            let finder = Box::new(Finder::new(needle.as_bytes()).into_owned());
            return Ok(Search(Mode::Plain(needle, finder)));
        }
        let c = pattern::compile(text)?;
        Ok(Search(Mode::Regex {
            re: c.re,
            joined: c.joinable,
            anchored: c.anchored,
            by_value: c.by_value,
        }))
    }

    /// Matches every row.
    pub fn all() -> Search {
        Search(Mode::All)
    }

    /// Whether a row's search text matches (the per-row definition the scans must agree with).
    pub fn is_match(&self, row_text: &str) -> bool {
        self.is_match_bytes(row_text.as_bytes())
    }

    fn is_match_bytes(&self, row: &[u8]) -> bool {
        match &self.0 {
            Mode::All => true,
            Mode::Plain(_, finder) => finder.find(row).is_some(),
            Mode::Regex { re, .. } => re.is_match(row),
        }
    }

    pub fn is_all(&self) -> bool {
        matches!(self.0, Mode::All)
    }

    /// The folded needle of a plain search, used to narrow incrementally as the admin types.
    pub(crate) fn plain_needle(&self) -> Option<&str> {
        match &self.0 {
            Mode::Plain(n, _) => Some(n),
            Mode::All => Some(""),
            Mode::Regex { .. } => None,
        }
    }
}

/// Indices of present rows that match both the search and the column filters, ascending.
pub fn filter_rows(sessions: &Sessions, search: &Search, filters: &Filters) -> Vec<u32> {
    let columns = ColumnFilter::new(sessions, filters);
    let keep = |i: u32| {
        sessions.is_live(i)
            && sessions
                .rows
                .get(i as usize)
                .is_some_and(|r| columns.passes(r))
    };
    let all = 0..sessions.rows.len() as u32;
    match &search.0 {
        Mode::All => all.filter(|&i| keep(i)).collect(),
        Mode::Regex {
            re, by_value: true, ..
        } => by_values(sessions, re, keep),
        Mode::Regex {
            re,
            joined: true,
            anchored: Some(anchored),
            ..
        } => per_row(sessions, re, anchored, keep),
        Mode::Plain(_, finder) => scan(sessions, keep, |hay, pos| {
            let start = finder.find(hay.get(pos..)?)?;
            Some(pos + start + finder.needle().len())
        }),
        Mode::Regex {
            re, joined: true, ..
        } => scan(sessions, keep, |hay, pos| {
            let input = Input::new(hay).range(pos..).earliest(true);
            re.search_half(&input).map(|m| m.offset())
        }),
        Mode::Regex { joined: false, .. } => all
            .filter(|&i| keep(i) && search.is_match_bytes(sessions.row_bytes(i)))
            .collect(),
    }
}

/// Like [`filter_rows`], limited to `candidates` (ascending): when the new plain search
/// contains the previous one, only the previous matches can still match. Checking a row alone
/// costs several times what the joined scan spends per row, so with many candidates (the
/// first letters typed) the scan of every row is the quicker way to the same answer.
pub(crate) fn narrow(
    sessions: &Sessions,
    search: &Search,
    filters: &Filters,
    candidates: &[u32],
) -> Vec<u32> {
    if candidates.len().saturating_mul(4) > sessions.rows.len() {
        return filter_rows(sessions, search, filters);
    }
    let columns = ColumnFilter::new(sessions, filters);
    candidates
        .iter()
        .copied()
        .filter(|&i| {
            sessions.is_live(i)
                && sessions
                    .rows
                    .get(i as usize)
                    .is_some_and(|r| columns.passes(r))
                && search.is_match_bytes(sessions.row_bytes(i))
        })
        .collect()
}

/// One scan over the joined haystack instead of a call per row. The scan asks only where
/// the earliest match ends (no second, backwards pass for its start): no match spans the
/// separator, so its end names its row, and the scan resumes at the next row. Rows are found
/// by walking forward from the last one (linear overall; a binary search per match cost more).
fn scan(
    sessions: &Sessions,
    keep: impl Fn(u32) -> bool,
    earliest_end: impl Fn(&[u8], usize) -> Option<usize>,
) -> Vec<u32> {
    let rows = sessions.rows.len();
    scan_in(&sessions.hay, &sessions.starts, rows, keep, earliest_end)
}

/// [`scan`] over any text of `rows` parts joined by the separator, part `i` starting at
/// `starts[i]`.
fn scan_in(
    hay: &[u8],
    starts: &[u32],
    rows: usize,
    keep: impl Fn(u32) -> bool,
    earliest_end: impl Fn(&[u8], usize) -> Option<usize>,
) -> Vec<u32> {
    let mut out = Vec::new();
    let (mut pos, mut row) = (0usize, 0usize);
    while row < rows {
        let Some(end) = earliest_end(hay, pos) else {
            break;
        };
        while starts.get(row + 1).is_some_and(|&s| s as usize <= end) {
            row += 1;
        }
        if keep(row as u32) {
            out.push(row as u32);
        }
        row += 1;
        pos = starts.get(row).map_or(usize::MAX, |&s| s as usize);
        if pos > hay.len() {
            break;
        }
    }
    out
}

/// The regex asked once per distinct value of each column (see `by_value.rs`): a row matches
/// when one of its values does.
fn by_values(sessions: &Sessions, re: &Regex, keep: impl Fn(u32) -> bool) -> Vec<u32> {
    let values = sessions.values();
    let marks = |j: &Joined| {
        let mut marks = vec![false; j.len()];
        let found = scan_in(
            &j.hay,
            &j.starts,
            j.len(),
            |_| true,
            |hay, pos| {
                let input = Input::new(hay).range(pos..).earliest(true);
                re.search_half(&input).map(|m| m.offset())
            },
        );
        for v in found {
            if let Some(m) = marks.get_mut(v as usize) {
                *m = true;
            }
        }
        marks
    };
    let fields: Vec<(Field, Vec<bool>)> = SEARCHED
        .iter()
        .zip(&values.fields)
        .map(|(&f, j)| (f, marks(j)))
        .filter(|(_, m)| m.contains(&true))
        .collect();
    let logins = marks(&values.logins);
    let marked = |m: &[bool], sym: u32| m.get(sym as usize).copied().unwrap_or(false);
    (0..sessions.rows.len() as u32)
        .filter(|&i| {
            keep(i)
                && (sessions
                    .rows
                    .get(i as usize)
                    .is_some_and(|r| fields.iter().any(|(f, m)| marked(m, r.sym(*f))))
                    || values
                        .login_syms
                        .get(i as usize)
                        .is_some_and(|&[day, time]| marked(&logins, day) || marked(&logins, time)))
        })
        .collect()
}

/// Each kept row asked from the end the pattern is anchored at (see [`RowAnchored`]), in the
/// joined haystack so that `^`, `$` and `\b` see the separators as the row alone sees its ends.
fn per_row(
    sessions: &Sessions,
    re: &Regex,
    anchored: &RowAnchored,
    keep: impl Fn(u32) -> bool,
) -> Vec<u32> {
    let (hay, starts) = (sessions.hay.as_slice(), sessions.starts.as_slice());
    let mut cache = anchored.cache();
    (0..sessions.rows.len() as u32)
        .filter(|&i| keep(i))
        .filter(|&i| {
            row_span(hay, starts, i as usize)
                .and_then(|row| anchored.matches(&mut cache, hay, row))
                .unwrap_or_else(|| re.is_match(sessions.row_bytes(i)))
        })
        .collect()
}

/// Column filters turned into lookups by symbol, so a row is checked without touching text.
struct ColumnFilter {
    kinds: Option<[bool; 5]>,
    clients: Option<Vec<bool>>,
    oses: Option<Vec<bool>>,
    /// Marks over the name pool and the username pool.
    users: Option<(Vec<bool>, Vec<bool>)>,
    from: i64,
    to: i64,
    dated: bool,
}

fn marks(pool: &Pool, set: &BTreeSet<String>) -> Option<Vec<bool>> {
    (!set.is_empty()).then(|| {
        (0..pool.len() as u32)
            .map(|s| set.contains(pool.get(s)))
            .collect()
    })
}

fn marked(marks: &[bool], sym: u32) -> bool {
    marks.get(sym as usize).copied().unwrap_or(false)
}

impl ColumnFilter {
    fn new(s: &Sessions, f: &Filters) -> ColumnFilter {
        let pool = |field: Field| &s.pools[field as usize];
        ColumnFilter {
            kinds: (!f.kinds.is_empty()).then(|| DeviceKind::ALL.map(|k| f.kinds.contains(&k))),
            clients: marks(pool(Field::Client), &f.clients),
            oses: marks(pool(Field::OsName), &f.oses),
            users: marks(pool(Field::UserName), &f.users)
                .zip(marks(pool(Field::Username), &f.users)),
            from: f.login_from.unwrap_or(i64::MIN),
            to: f.login_to.unwrap_or(i64::MAX),
            dated: f.login_from.is_some() || f.login_to.is_some(),
        }
    }

    fn passes(&self, r: &Row) -> bool {
        if let Some(k) = &self.kinds {
            if !k.get(r.kind as usize).copied().unwrap_or(false) {
                return false;
            }
        }
        if let Some(m) = &self.clients {
            if !marked(m, r.sym(Field::Client)) {
                return false;
            }
        }
        if let Some(m) = &self.oses {
            if !marked(m, r.sym(Field::OsName)) {
                return false;
            }
        }
        if let Some((names, usernames)) = &self.users {
            let (n, u) = (r.sym(Field::UserName), r.sym(Field::Username));
            // The display name is the name, else the username; an empty username only
            // counts when it is also what is displayed.
            let display = if n != 0 {
                marked(names, n)
            } else {
                marked(usernames, u)
            };
            if !(display || (u != 0 && marked(usernames, u))) {
                return false;
            }
        }
        !self.dated
            || (r.login != super::session::NO_LOGIN && self.from <= r.login && r.login <= self.to)
    }
}
