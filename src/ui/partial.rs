//! Rows on screen while a load goes on: a sink around the grid's builder that hands out the
//! rows read so far — after the first page, then after a page whenever they have doubled —
//! so the admin works with the newest sessions while the rest arrive. Doubling bounds the
//! extra work to about one more build of the whole set; a load that one page completes
//! shows nothing early. After the first, a snapshot also waits for [`MIN_GAP_MS`] since the
//! last: on a fast link the rows double every few pages, and each snapshot rebuilds the
//! workspace's views on the main thread the pages arrive on (the whole load of 100,000 on
//! loopback paid for ten of them), while an admin already searching the rows so far is
//! better served by a table that changes once a second than one that jumps. And none is
//! taken when the rest, at the pace so far, will be in within [`SOON_MS`]: the finished set
//! is about to replace it, and building it would only delay that.

use crate::api::wire::Session;
use crate::api::RowSink;
use crate::grid::{Sessions, SessionsBuilder};

/// Rows before the first snapshot: a table page's worth.
const FIRST: usize = 25;
/// The least time between two snapshots, ms.
pub const MIN_GAP_MS: f64 = 1000.0;
/// A later snapshot is worth building only if the rest of the load, at the pace so far, is
/// further away than this, ms.
pub const SOON_MS: f64 = 1500.0;

pub struct Publishing<'a> {
    inner: SessionsBuilder,
    /// `None`: nobody wants them (a refresh keeps the finished rows on screen).
    publish: Option<&'a dyn Fn(Sessions)>,
    next_at: usize,
    /// Rows the fetch aims for (0: not known yet).
    expected: u64,
    /// The time now, ms, and when the last snapshot went out.
    clock: fn() -> f64,
    last: Option<f64>,
    /// When the first snapshot went out and how many rows it had: the pace is measured from it.
    first: Option<(f64, usize)>,
}

impl<'a> Publishing<'a> {
    pub fn new(
        inner: SessionsBuilder,
        publish: Option<&'a dyn Fn(Sessions)>,
        clock: fn() -> f64,
    ) -> Self {
        Publishing {
            inner,
            publish,
            next_at: FIRST,
            expected: 0,
            clock,
            last: None,
            first: None,
        }
    }
}

impl RowSink for Publishing<'_> {
    type Output = Sessions;

    fn expect(&mut self, rows: u64) {
        self.expected = rows;
        self.inner.expect(rows);
    }

    fn take(&mut self, row: Session) -> bool {
        self.inner.take(row)
    }

    /// Publishes when enough new rows came, long enough after the last time, and more are
    /// to come.
    fn page_taken(&mut self) {
        let n = self.inner.len();
        let more = self.expected == 0 || (n as u64) < self.expected;
        let Some(publish) = self.publish.filter(|_| more && n >= self.next_at) else {
            return;
        };
        let now = (self.clock)();
        if self.last.is_some_and(|last| now - last < MIN_GAP_MS) || self.rest_is_near(n, now) {
            return;
        }
        self.next_at = n.saturating_mul(2);
        self.last = Some(now);
        self.first.get_or_insert((now, n));
        publish(self.inner.snapshot());
    }

    fn finish(self, keep_newest: Option<usize>) -> Sessions {
        RowSink::finish(self.inner, keep_newest)
    }
}

impl Publishing<'_> {
    /// Whether the rows still to come, at the pace since the first snapshot, arrive within
    /// [`SOON_MS`]. Unknown (no total yet, no pace yet) is not near.
    fn rest_is_near(&self, n: usize, now: f64) -> bool {
        let Some((t0, n0)) = self.first else {
            return false;
        };
        let (rows, ms) = (n.saturating_sub(n0) as f64, now - t0);
        if self.expected == 0 || rows <= 0.0 || ms <= 0.0 {
            return false;
        }
        let rest = (self.expected as f64 - n as f64).max(0.0);
        rest * ms / rows < SOON_MS
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::testdata;
    use std::cell::{Cell, RefCell};

    thread_local!(static NOW: Cell<f64> = const { Cell::new(0.0) });

    /// A clock the test moves: each reading is this far past the last.
    fn clock() -> f64 {
        NOW.with(|t| t.get())
    }

    fn advance(ms: f64) {
        NOW.with(|t| t.set(t.get() + ms));
    }

    #[test]
    fn snapshots_come_after_pages_double_and_agree_with_the_final_set() {
        let seen = RefCell::new(Vec::new());
        let publish = |s: Sessions| seen.borrow_mut().push(s);
        let mut sink = Publishing::new(SessionsBuilder::deduplicating(0), Some(&publish), clock);
        sink.expect(500);
        let rows = testdata::sessions(500, 9);
        // Pages of 30, a second apart; the last page repeats rows a shifted list brought again.
        for page in rows.chunks(30).chain(rows.chunks(40).take(1)) {
            for r in page {
                sink.take(r.clone());
            }
            advance(MIN_GAP_MS);
            sink.page_taken();
        }
        let last = sink.finish(None);
        let seen = seen.into_inner();
        let sizes: Vec<usize> = seen.iter().map(Sessions::len).collect();
        assert_eq!(
            sizes,
            [30, 60, 120, 240],
            "after a page, once rows doubled; not at 480, when the last 20 were 0.7 s away"
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

    #[test]
    fn a_load_one_page_completes_shows_nothing_early() {
        let seen = RefCell::new(0);
        let publish = |_: Sessions| *seen.borrow_mut() += 1;
        let mut sink = Publishing::new(SessionsBuilder::deduplicating(0), Some(&publish), clock);
        sink.expect(100);
        for r in testdata::sessions(100, 2) {
            sink.take(r);
        }
        sink.page_taken();
        assert_eq!(sink.finish(None).len(), 100);
        assert_eq!(*seen.borrow(), 0);
    }

    #[test]
    fn on_a_fast_link_snapshots_wait_a_second_after_the_first() {
        let seen = RefCell::new(Vec::new());
        let publish = |s: Sessions| seen.borrow_mut().push(s.len());
        let mut sink = Publishing::new(SessionsBuilder::deduplicating(0), Some(&publish), clock);
        sink.expect(30_000);
        // Pages of 100, 50 ms apart: the rows double far faster than once a second.
        for page in testdata::sessions(30_000, 4).chunks(100) {
            for r in page {
                sink.take(r.clone());
            }
            sink.page_taken();
            advance(50.0);
        }
        // At once after the first page; then at 2,100 rows (the first page that had doubled
        // them a second later); never more often than once a second.
        assert_eq!(*seen.borrow(), [100, 2_100, 4_200, 8_400, 16_800]);
        assert_eq!(sink.finish(None).len(), 30_000);
    }

    #[test]
    fn no_snapshot_when_the_rest_is_about_to_arrive() {
        // 3,000 rows in pages of 100, 50 ms apart: a second after the first page, 2,100 rows
        // are in and the other 900 are 0.45 s away; the finished set will replace any
        // snapshot before an admin could use it.
        let run = |expected: u64| {
            let seen = RefCell::new(Vec::new());
            let publish = |s: Sessions| seen.borrow_mut().push(s.len());
            let mut sink =
                Publishing::new(SessionsBuilder::deduplicating(0), Some(&publish), clock);
            sink.expect(expected);
            for page in testdata::sessions(3_000, 4).chunks(100) {
                for r in page {
                    sink.take(r.clone());
                }
                sink.page_taken();
                advance(50.0);
            }
            assert_eq!(sink.finish(None).len(), 3_000);
            seen.into_inner()
        };
        assert_eq!(run(3_000), [100]);
        // A server that gave no total: the rest could be anything, so the pace says nothing.
        assert_eq!(run(0), [100, 2_100]);
    }
}
