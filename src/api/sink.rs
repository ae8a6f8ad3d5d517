//! Where a fetch puts the rows it accepts, page by page: the caller decides what they become
//! (the grid builds its compact set as they arrive), so the wire rows of a load are never all
//! alive at once.

use super::wire::Session;
use std::collections::HashSet;

/// Takes the rows of a fetch as they arrive, deduplicated by `_id`.
pub trait RowSink {
    type Output;

    /// How many rows the fetch aims for, once the first page said so: room can be made once.
    fn expect(&mut self, _rows: u64) {}

    /// Takes a row whose `_id` is not blank; false (and the row is dropped) when a row with
    /// the same `_id`, trimmed, was taken already.
    fn take(&mut self, row: Session) -> bool;

    /// A page's rows have all been offered (a sink that shows rows early shows them here).
    fn page_taken(&mut self) {}

    /// Ends the fetch. With `keep_newest`, the output holds at most that many rows, the most
    /// recent logins first (ties in the order they came); otherwise every row in that order.
    fn finish(self, keep_newest: Option<usize>) -> Self::Output;
}

/// Keeps the wire rows themselves (tests, tools and `Client::fetch_all`).
#[derive(Default)]
pub struct Collect {
    ids: HashSet<String>,
    rows: Vec<Session>,
}

impl RowSink for Collect {
    type Output = Vec<Session>;

    fn take(&mut self, row: Session) -> bool {
        let id = row.id.as_deref().unwrap_or_default().trim();
        if !self.ids.insert(id.to_owned()) {
            return false;
        }
        self.rows.push(row);
        true
    }

    fn finish(self, keep_newest: Option<usize>) -> Vec<Session> {
        let mut rows = self.rows;
        if let Some(keep) = keep_newest {
            // The server's `loginAt` is ISO 8601 in UTC, so text order is time order.
            rows.sort_by(|a, b| b.login_at.cmp(&a.login_at));
            rows.truncate(keep);
        }
        rows
    }
}
