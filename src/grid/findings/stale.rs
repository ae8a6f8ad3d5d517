//! Stale sessions: the last login lies more than N days before now.

use super::{RowSet, DAY_MS};
use crate::grid::session::{Sessions, NO_LOGIN};

/// Live rows whose login is older than `days` days before `now_ms` (strictly: a login
/// exactly `days` days ago is not stale yet). Rows without a login time are left out: an
/// unknown age is not evidence of staleness.
pub fn stale(sessions: &Sessions, days: u32, now_ms: i64) -> RowSet {
    let cutoff = now_ms.saturating_sub(i64::from(days).saturating_mul(DAY_MS));
    let mut set = RowSet::with_slots(sessions.slots());
    for (i, r) in sessions.rows.iter().enumerate() {
        if r.login != NO_LOGIN && r.login < cutoff && sessions.is_live(i as u32) {
            set.insert(i as u32);
        }
    }
    set
}
