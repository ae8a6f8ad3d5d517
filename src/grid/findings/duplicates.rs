//! Duplicates: more than one session of the same user on the same client, OS and IP, and
//! "Keep the newest of each".
//!
//! Rows are grouped by user first (linear, see `per_user.rs`), then within a user by one
//! `u128` of the client, OS name, OS version and IP symbols: values compare as the table
//! shows them (trimmed, case kept), and no string is compared or hashed.

use super::per_user::{newest_first, ByUser};
use super::RowSet;
use crate::grid::session::{Field, Row, Sessions};

fn device_key(r: &Row) -> u128 {
    (u128::from(r.sym(Field::Client)) << 96)
        | (u128::from(r.sym(Field::OsName)) << 64)
        | (u128::from(r.sym(Field::OsVersion)) << 32)
        | u128::from(r.sym(Field::Ip))
}

/// Rows grouped by user, each with its device key.
pub(crate) fn by_user(sessions: &Sessions) -> ByUser<u128> {
    ByUser::with(sessions, device_key)
}

/// Calls `f` with every duplicate group (two rows or more), newest first within it when
/// `newest` is set, else ascending. Sorts each user's rows in place.
fn each_group(
    sessions: &Sessions,
    users: &mut ByUser<u128>,
    newest: bool,
    mut f: impl FnMut(&[(u128, u32)]),
) {
    users.each_mut(|g| {
        if g.len() < 2 {
            return;
        }
        g.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0).then_with(|| {
                if newest {
                    newest_first(sessions, a.1, b.1)
                } else {
                    a.1.cmp(&b.1)
                }
            })
        });
        for run in g.chunk_by(|a, b| a.0 == b.0) {
            if run.len() > 1 {
                f(run);
            }
        }
    });
}

/// Live rows that share user, client, OS and IP with another live row. Rows without a
/// user (no user id nor username) are never duplicates: nothing says they are one person.
pub fn duplicates(sessions: &Sessions) -> RowSet {
    let mut set = RowSet::with_slots(sessions.slots());
    each_group(sessions, &mut by_user(sessions), false, |run| {
        for &(_, i) in run {
            set.insert(i);
        }
    });
    set
}

/// Rows in duplicate groups, and how many of them "Keep the newest of each" would end.
pub(crate) fn count(sessions: &Sessions, users: &mut ByUser<u128>) -> (usize, usize) {
    let (mut rows, mut extra) = (0, 0);
    each_group(sessions, users, false, |run| {
        rows += run.len();
        extra += run.len() - 1;
    });
    (rows, extra)
}

/// The rows to log out so that each duplicate group keeps only its newest session (the
/// latest login; ties as in [`super::keep_newest`]), ascending.
pub fn keep_newest_of_each(sessions: &Sessions) -> Vec<u32> {
    let mut out = Vec::new();
    each_group(sessions, &mut by_user(sessions), true, |run| {
        out.extend(run.iter().skip(1).map(|&(_, i)| i));
    });
    out.sort_unstable();
    out
}
