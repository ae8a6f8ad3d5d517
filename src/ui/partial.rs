//! Rows on screen while a load goes on: a sink around the grid's builder that hands out the
//! rows read so far — after the first rows, then whenever they have doubled — so the admin
//! works with the newest sessions while the rest arrive. Doubling bounds the extra work to
//! about one more build of the whole set.

use crate::api::wire::Session;
use crate::api::RowSink;
use crate::grid::{Sessions, SessionsBuilder};

/// Rows before the first snapshot: a table page's worth.
const FIRST: usize = 25;

pub struct Publishing<'a> {
    inner: SessionsBuilder,
    /// `None`: nobody wants them (a refresh keeps the finished rows on screen).
    publish: Option<&'a dyn Fn(Sessions)>,
    next_at: usize,
}

impl<'a> Publishing<'a> {
    pub fn new(inner: SessionsBuilder, publish: Option<&'a dyn Fn(Sessions)>) -> Self {
        Publishing {
            inner,
            publish,
            next_at: FIRST,
        }
    }

    /// Called after each page's rows: publishes when enough new rows came.
    fn maybe_publish(&mut self) {
        let n = self.inner.len();
        if let Some(publish) = self.publish.filter(|_| n >= self.next_at) {
            self.next_at = n.saturating_mul(2);
            publish(self.inner.snapshot());
        }
    }
}

impl RowSink for Publishing<'_> {
    type Output = Sessions;

    fn expect(&mut self, rows: u64) {
        self.inner.expect(rows);
    }

    fn take(&mut self, row: Session) -> bool {
        let taken = self.inner.take(row);
        if taken {
            self.maybe_publish();
        }
        taken
    }

    fn finish(self, keep_newest: Option<usize>) -> Sessions {
        RowSink::finish(self.inner, keep_newest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::testdata;
    use std::cell::RefCell;

    #[test]
    fn snapshots_start_early_double_and_agree_with_the_final_set() {
        let seen = RefCell::new(Vec::new());
        let publish = |s: Sessions| seen.borrow_mut().push(s);
        let mut sink = Publishing::new(SessionsBuilder::deduplicating(0), Some(&publish));
        let rows = testdata::sessions(500, 9);
        for r in rows.iter().cloned().chain(rows.iter().take(40).cloned()) {
            sink.take(r);
        }
        let last = sink.finish(None);
        let seen = seen.into_inner();
        let sizes: Vec<usize> = seen.iter().map(Sessions::len).collect();
        assert_eq!(
            sizes,
            [25, 50, 100, 200, 400],
            "first rows at once, then doubling"
        );
        assert_eq!(last.len(), 500, "repeated rows are not counted twice");
        for s in &seen {
            for i in 0..s.len() as u32 {
                let (a, b) = (s.row(i), last.row(i));
                let ids = (a.map(|r| r.session_id()), b.map(|r| r.session_id()));
                assert_eq!(ids.0, ids.1, "row {i} keeps its place");
            }
        }
    }
}
