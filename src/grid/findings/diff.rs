//! New and gone since the last load: which rows of a refresh are new, and what the rows
//! that vanished looked like.
//!
//! Sessions are matched by session id. The previous ids go into an interning pool (the
//! grid's own open-addressing table): looking a new id up either finds a previous symbol
//! (still there) or makes a new one (new), with no second set of strings.

use crate::grid::session::{Field, Sessions};
use crate::grid::text::PoolBuilder;

/// The last known fields of a session that vanished, owned so they outlive the old set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gone {
    pub session_id: String,
    pub user_id: String,
    /// As the User column showed it (the name, else the username).
    pub user: String,
    pub client: String,
    /// OS name and version, e.g. `Windows 10`.
    pub os: String,
    pub ip: String,
    pub login_ms: Option<i64>,
}

/// What changed between two loads.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Diff {
    /// Indices into the new set of rows whose session id the previous set did not have,
    /// ascending.
    pub new: Vec<u32>,
    /// Rows of the previous set whose session id the new set lacks, in the previous order.
    pub gone: Vec<Gone>,
}

/// Compares the live rows of two loads. Rows without a session id are neither new nor gone
/// (nothing identifies them); a first load (an empty `prev`) makes every row new.
pub fn diff(prev: &Sessions, next: &Sessions) -> Diff {
    let prev_ids = &prev.pools[Field::SessionId as usize];
    let next_ids = &next.pools[Field::SessionId as usize];
    let mut pool = PoolBuilder::default();
    // The previous rows' symbols in the new pool (0: no id or not live).
    let prev_syms: Vec<u32> = prev
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            if prev.is_live(i as u32) {
                pool.intern(prev_ids.get(r.sym(Field::SessionId)))
            } else {
                0
            }
        })
        .collect();
    let known = pool.len();
    let mut seen = vec![false; known];
    let mut new = Vec::new();
    for (i, r) in next.rows.iter().enumerate() {
        if !next.is_live(i as u32) {
            continue;
        }
        let sym = pool.intern(next_ids.get(r.sym(Field::SessionId)));
        if sym == 0 {
            continue;
        }
        match seen.get_mut(sym as usize) {
            Some(s) => *s = true,
            None => new.push(i as u32),
        }
    }
    let gone = prev_syms
        .iter()
        .enumerate()
        .filter(|&(_, &sym)| sym != 0 && !seen.get(sym as usize).copied().unwrap_or(true))
        .filter_map(|(i, _)| {
            let r = prev.row(i as u32)?;
            Some(Gone {
                session_id: r.session_id().to_owned(),
                user_id: r.user_id().to_owned(),
                user: r.user_display().to_owned(),
                client: r.client().to_owned(),
                os: r.os().into_owned(),
                ip: r.ip().to_owned(),
                login_ms: r.login_ms(),
            })
        })
        .collect();
    Diff { new, gone }
}
