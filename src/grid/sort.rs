//! Sorting: per-column ranks computed once per set, then multi-key stable sorts of index lists.
//!
//! Comparing strings 1.7 million times per click is what makes big tables slow; instead
//! each column is ranked once (equal values share a rank) and a sort compares `u32`s. A
//! column is ranked the first time something sorts by it (or [`Sessions::warm_ranks`] gets to
//! it while the page is idle), not at load: a load's snapshots and its final set would
//! otherwise rank all nine columns each, on the main thread the pages arrive on.

use super::session::{Column, Field, Row, Sessions, FIELDS, NO_LOGIN};
use super::text::{cmp_version, Pool};
use std::cell::OnceCell;
use std::cmp::Ordering;
use std::net::IpAddr;

/// One sort criterion; a query holds them most significant first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SortKey {
    pub column: Column,
    pub desc: bool,
}

impl SortKey {
    pub fn asc(column: Column) -> SortKey {
        SortKey {
            column,
            desc: false,
        }
    }
    pub fn desc(column: Column) -> SortKey {
        SortKey { column, desc: true }
    }
}

/// Rank of a missing value: after everything, in both directions.
pub(crate) const MISSING: u32 = u32::MAX;

/// Dense ranks per column and row, each column's built on first use; ranks at or above a
/// column's `trailing` always sort last, ascending (missing values, and IPs that do not parse).
#[derive(Debug, Clone, Default)]
pub(crate) struct Ranks {
    by_column: [OnceCell<ColumnRanks>; Column::ALL.len()],
}

/// One column's rank per row, and where its trailing ranks start.
#[derive(Debug, Clone)]
pub(crate) struct ColumnRanks {
    ranks: Vec<u32>,
    trailing: u32,
}

impl ColumnRanks {
    fn get(&self, row: u32) -> u32 {
        self.ranks.get(row as usize).copied().unwrap_or(MISSING)
    }

    /// The rank turned so that an ascending sort on it gives the key's order.
    fn directed(&self, desc: bool, row: u32) -> u32 {
        let (r, t) = (self.get(row), self.trailing);
        if desc && r < t {
            t - 1 - r
        } else {
            r
        }
    }
}

impl Ranks {
    /// `column`'s ranks, built from the set's rows and pools the first time they are asked.
    pub(crate) fn column(
        &self,
        column: Column,
        rows: &[Row],
        pools: &[Pool; FIELDS],
    ) -> &ColumnRanks {
        // In bounds: one cell per column, `Column::ALL.len()` of them.
        let cell = &self.by_column[column.index()];
        cell.get_or_init(|| {
            let (ranks, trailing) = column_ranks(column, rows, pools);
            ColumnRanks { ranks, trailing }
        })
    }

    /// Whether `column` is ranked yet.
    pub(crate) fn has(&self, column: Column) -> bool {
        self.by_column[column.index()].get().is_some()
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.by_column
            .iter()
            .filter_map(OnceCell::get)
            .map(|c| c.ranks.capacity() * 4)
            .sum()
    }
}

/// Sorts `rows` by `keys` (most significant first). Stable in the sense that matters:
/// rows equal on every key end up in ascending index order, i.e. the server's order.
///
/// One pass per key from the least significant, each an unstable sort of
/// `rank << 32 | tie` where `tie` is the row index in the first pass and the position
/// from the previous pass afterwards; this is an LSD sort on plain `u64`s.
pub fn sort_rows(sessions: &Sessions, rows: &mut [u32], keys: &[SortKey]) {
    let mut buf: Vec<u64> = Vec::with_capacity(rows.len());
    let mut prev: Vec<u32> = Vec::new();
    for (pass, &key) in keys.iter().rev().enumerate() {
        let ranks = sessions.column_ranks(key.column);
        buf.clear();
        buf.extend(rows.iter().enumerate().map(|(pos, &row)| {
            let tie = if pass == 0 { row } else { pos as u32 };
            (u64::from(ranks.directed(key.desc, row)) << 32) | u64::from(tie)
        }));
        buf.sort_unstable();
        if pass == 0 {
            for (slot, v) in rows.iter_mut().zip(&buf) {
                *slot = *v as u32;
            }
        } else {
            prev.clear();
            prev.extend_from_slice(rows);
            for (slot, v) in rows.iter_mut().zip(&buf) {
                *slot = prev.get(*v as u32 as usize).copied().unwrap_or(*slot);
            }
        }
    }
}

/// An IP as the IP column orders it (IPv4 before IPv6, numerically, IPv4-mapped IPv6 as
/// IPv4); `None` sorts after every address.
pub fn parse_ip(s: &str) -> Option<IpAddr> {
    let s = s.trim();
    // A proxy may report a forwarded-for list; the first address is the client's.
    let first = s.split(',').next().unwrap_or(s).trim();
    let bare = first
        .strip_prefix('[')
        .and_then(|r| r.split(']').next())
        .unwrap_or(first);
    bare.parse::<IpAddr>().ok().map(|ip| ip.to_canonical())
}

/// One column's ranks per row and its trailing start (see [`Ranks`]).
fn column_ranks(column: Column, rows: &[Row], pools: &[Pool; FIELDS]) -> (Vec<u32>, u32) {
    let pool = |f: Field| &pools[f as usize];
    match column {
        Column::Client => text_ranks(rows, pool(Field::Client), Field::Client),
        Column::Version => {
            let (table, n) = symbol_ranks(pool(Field::Version), cmp_version);
            (per_row(rows, Field::Version, &table), n)
        }
        Column::Os => {
            let (names, _) = text_symbol_ranks(pool(Field::OsName));
            let (vers, _) = symbol_ranks(pool(Field::OsVersion), cmp_version);
            pair_ranks(rows, |r| {
                let (n, v) = (r.sym(Field::OsName), r.sym(Field::OsVersion));
                (n != 0 || v != 0)
                    .then(|| (u64::from(lookup(&names, n)) << 32) | u64::from(lookup(&vers, v)))
            })
        }
        Column::User => user_ranks(rows, pool(Field::UserName), pool(Field::Username)),
        Column::LastLogin => pair_ranks(rows, |r| {
            // Flipping the sign bit makes the u64 order the i64 order.
            (r.login != NO_LOGIN).then_some((r.login as u64) ^ (1 << 63))
        }),
        Column::DeviceId => text_ranks(rows, pool(Field::SessionId), Field::SessionId),
        Column::Ip => ip_ranks(rows, pool(Field::Ip)),
        Column::Host => text_ranks(rows, pool(Field::Host), Field::Host),
        Column::UserId => text_ranks(rows, pool(Field::UserId), Field::UserId),
    }
}

fn lookup(table: &[u32], sym: u32) -> u32 {
    table.get(sym as usize).copied().unwrap_or(MISSING)
}

fn per_row(rows: &[Row], field: Field, table: &[u32]) -> Vec<u32> {
    rows.iter().map(|r| lookup(table, r.sym(field))).collect()
}

fn text_ranks(rows: &[Row], pool: &Pool, field: Field) -> (Vec<u32>, u32) {
    let (table, n) = text_symbol_ranks(pool);
    (per_row(rows, field, &table), n)
}

/// Sorts indices under `cmp`, which must order them totally (callers break ties, by index
/// when order among equals matters). Every grid sort that is not on plain `u64`s goes
/// through this one copy of std's sort: a generic sort per element type and call site
/// cost ~4 KB of wasm each.
pub fn sort_indices(v: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    v.sort_unstable_by(|&a, &b| cmp(a, b));
}

/// Case-insensitive ranks of a pool's symbols; lower-casing each value once beats doing
/// it inside every comparison (the id pools hold one value per row).
fn text_symbol_ranks(pool: &Pool) -> (Vec<u32>, u32) {
    let keys: Vec<String> = (0..pool.len() as u32).map(|s| lower(pool.get(s))).collect();
    let key = |s: u32| keys.get(s as usize).map_or("", String::as_str);
    symbol_ranks_with(pool.len(), &|a, b| key(a).cmp(key(b)))
}

fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.chars().flat_map(char::to_lowercase).collect()
    }
}

fn symbol_ranks(pool: &Pool, cmp: fn(&str, &str) -> Ordering) -> (Vec<u32>, u32) {
    symbol_ranks_with(pool.len(), &|a, b| cmp(pool.get(a), pool.get(b)))
}

/// Dense ranks of symbols `1..n` under `cmp` (equal symbols share a rank); symbol 0 (the
/// empty string) is missing.
fn symbol_ranks_with(n: usize, cmp: &dyn Fn(u32, u32) -> Ordering) -> (Vec<u32>, u32) {
    let mut syms: Vec<u32> = (1..n as u32).collect();
    sort_indices(&mut syms, cmp);
    let mut table = vec![MISSING; n];
    let mut rank = 0u32;
    for (i, &s) in syms.iter().enumerate() {
        if i > 0
            && syms
                .get(i - 1)
                .is_some_and(|&p| cmp(p, s) != Ordering::Equal)
        {
            rank += 1;
        }
        if let Some(slot) = table.get_mut(s as usize) {
            *slot = rank;
        }
    }
    (table, if syms.is_empty() { 0 } else { rank + 1 })
}

/// Dense ranks of a per-row `u64` code whose numeric order is the wanted order.
fn pair_ranks(rows: &[Row], code: impl Fn(&Row) -> Option<u64>) -> (Vec<u32>, u32) {
    let codes: Vec<Option<u64>> = rows.iter().map(&code).collect();
    let mut distinct: Vec<u64> = codes.iter().flatten().copied().collect();
    distinct.sort_unstable();
    distinct.dedup();
    let ranks = codes
        .iter()
        .map(|c| match c {
            Some(c) => distinct.binary_search(c).map_or(MISSING, |r| r as u32),
            None => MISSING,
        })
        .collect();
    (ranks, distinct.len() as u32)
}

/// By display name (the name, else the username), then username, case-insensitively.
fn user_ranks(rows: &[Row], names: &Pool, usernames: &Pool) -> (Vec<u32>, u32) {
    let code =
        |r: &Row| (u64::from(r.sym(Field::UserName)) << 32) | u64::from(r.sym(Field::Username));
    let mut distinct: Vec<u64> = rows.iter().map(code).filter(|&c| c != 0).collect();
    distinct.sort_unstable();
    distinct.dedup();
    // Key `i` belongs to symbol `i + 1`: symbol 0 is the row without a user.
    let keys: Vec<(String, String)> = distinct
        .iter()
        .map(|&c| {
            let (name, user) = (names.get((c >> 32) as u32), usernames.get(c as u32));
            let display = if name.is_empty() { user } else { name };
            (lower(display), lower(user))
        })
        .collect();
    let key = |s: u32| s.checked_sub(1).and_then(|i| keys.get(i as usize));
    let (table, n) = symbol_ranks_with(distinct.len() + 1, &|a, b| key(a).cmp(&key(b)));
    let ranks = rows
        .iter()
        .map(|r| match distinct.binary_search(&code(r)) {
            Ok(i) => lookup(&table, i as u32 + 1),
            Err(_) => MISSING,
        })
        .collect();
    (ranks, n)
}

/// An IP column value: parsed addresses order before any unparsable text.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum IpKey {
    Addr(IpAddr),
    Text(String),
}

/// Parsed addresses first (numeric order), then unparsable text (case-insensitive), which
/// is made "trailing" so that it stays after the addresses when the order is reversed.
fn ip_ranks(rows: &[Row], pool: &Pool) -> (Vec<u32>, u32) {
    let keys: Vec<IpKey> = (0..pool.len() as u32)
        .map(|s| {
            let text = pool.get(s);
            match parse_ip(text) {
                Some(ip) => IpKey::Addr(ip),
                None => IpKey::Text(lower(text)),
            }
        })
        .collect();
    let key = |s: u32| keys.get(s as usize);
    let (table, _) = symbol_ranks_with(pool.len(), &|a, b| key(a).cmp(&key(b)));
    // Addresses take the lowest ranks, so the distinct ones are the ranks below the
    // highest address rank.
    let addresses = keys
        .iter()
        .zip(&table)
        .filter(|(k, &r)| matches!(k, IpKey::Addr(_)) && r != MISSING)
        .map(|(_, &r)| r + 1)
        .max()
        .unwrap_or(0);
    (per_row(rows, Field::Ip, &table), addresses)
}
