//! Orphaned sessions: the server sent no `_user`, so the user document is gone.

use super::RowSet;
use crate::grid::session::Sessions;

/// Live rows whose user no longer exists (the row's `orphan` flag, set at load).
pub fn orphaned(sessions: &Sessions) -> RowSet {
    let mut set = RowSet::with_slots(sessions.slots());
    for (i, r) in sessions.rows.iter().enumerate() {
        if r.orphan && sessions.is_live(i as u32) {
            set.insert(i as u32);
        }
    }
    set
}
