//! The fetch building the grid's set page by page (what the app does) ends with exactly the
//! rows, order and counts of a fetch that keeps the wire rows, whatever the server does: logins
//! mid-fetch, repeated rows, rows without an `_id`, a cap.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use rc_device_manager::api::wire::{Rows, Session, SessionsPage};
use rc_device_manager::api::{FetchOptions, FetchPlan, FetchResult, RowSink};
use rc_device_manager::grid::{format_iso8601, Sessions, SessionsBuilder};

/// Login `k` (1-based) happened `k` seconds after this instant; ids count up with it.
const T0: i64 = 1_714_521_600_000;

/// The server's list, newest login first, as list.all pages it.
struct Server {
    list: Vec<u64>,
    logins: u64,
}

impl Server {
    fn new(n: u64) -> Self {
        let mut s = Server {
            list: Vec::new(),
            logins: 0,
        };
        s.login(n);
        s
    }

    fn login(&mut self, n: u64) {
        for _ in 0..n {
            self.logins += 1;
            self.list.insert(0, self.logins);
        }
    }

    /// A page, with a repeat of an earlier row and a row without `_id` when asked.
    fn serve(&self, offset: u64, count: u64, extra: u8) -> SessionsPage {
        let start = (offset as usize).min(self.list.len());
        let end = (start + count.min(100) as usize).min(self.list.len());
        let mut rows: Vec<Session> = self.list[start..end].iter().map(|&k| row(k)).collect();
        if extra % 7 == 1 && !self.list.is_empty() {
            rows.push(row(self.list[usize::from(extra) % self.list.len()]));
        }
        if extra % 11 == 2 {
            rows.push(Session {
                id: Some("  ".into()),
                ..row(1)
            });
        }
        SessionsPage {
            sessions: Rows { rows, skipped: 0 },
            total: Some(self.list.len() as u64),
            offset: Some(offset),
        }
    }
}

fn row(k: u64) -> Session {
    let id = format!("s{k:07}");
    Session {
        id: Some(id.clone()),
        session_id: Some(id),
        user_id: Some(format!("u{}", k % 13)),
        // Every fifth login shares its second with the one before: ties keep the list's order.
        login_at: Some(format_iso8601(T0 + (k - k % 5 / 4) as i64 * 1_000)),
        ..Session::default()
    }
}

/// Runs one plan with `sink`, serving in-flight requests in the order `picks` says.
fn run<K: RowSink>(
    opts: &FetchOptions,
    n: u64,
    script: &[(u64, usize, u8)],
    sink: K,
) -> FetchResult<K::Output> {
    let mut server = Server::new(n);
    let mut plan = FetchPlan::with_sink(opts, 7, sink);
    let mut pending = Vec::new();
    for i in 0..100_000 {
        pending.extend(plan.next_requests());
        if pending.is_empty() {
            break;
        }
        let (logins, pick, extra) = script.get(i).copied().unwrap_or((0, 0, 0));
        server.login(logins);
        let req = pending.remove(pick % pending.len());
        let page = server.serve(req.offset, req.count, extra);
        plan.on_page(&req, Ok(page));
    }
    plan.finish().unwrap_or_else(|e| panic!("{e}"))
}

fn ids(s: &Sessions) -> Vec<String> {
    s.live_indices()
        .into_iter()
        .filter_map(|i| Some(s.row(i)?.session_id().to_owned()))
        .collect()
}

fn same(opts: &FetchOptions, n: u64, script: &[(u64, usize, u8)]) -> Result<(), TestCaseError> {
    let wire = run(opts, n, script, rc_device_manager::api::Collect::default());
    let grid = run(opts, n, script, SessionsBuilder::deduplicating(0));
    let want: Vec<String> = wire.sessions.iter().filter_map(|s| s.id.clone()).collect();
    prop_assert_eq!(ids(&grid.sessions), want);
    // The same rows, normalised alike: the set built at once from the kept wire rows.
    let whole = Sessions::from_wire(wire.sessions.clone(), 0);
    for i in 0..whole.len() as u32 {
        prop_assert_eq!(grid.sessions.search_text(i), whole.search_text(i));
    }
    prop_assert_eq!(
        (
            grid.total,
            &grid.shortfall,
            grid.surplus,
            grid.malformed_rows
        ),
        (
            wire.total,
            &wire.shortfall,
            wire.surplus,
            wire.malformed_rows
        )
    );
    prop_assert_eq!(
        (grid.duplicates, grid.rounds, grid.requests),
        (wire.duplicates, wire.rounds, wire.requests)
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn building_the_grid_as_pages_arrive_equals_keeping_the_wire_rows(
        n in 0u64..400, page in 1u64..=30, conc in 1usize..=5,
        cap in prop::option::weighted(0.4, 1u64..450),
        script in prop::collection::vec((prop_oneof![5 => Just(0u64), 1 => 1..=4u64], any::<usize>(), any::<u8>()), 0..300),
    ) {
        let opts = FetchOptions { page_size: page, concurrency: conc, cap, ..FetchOptions::default() };
        same(&opts, n, &script)?;
    }
}

#[test]
fn a_capped_grid_keeps_the_newest_logins_newest_first() {
    let opts = FetchOptions {
        cap: Some(150),
        concurrency: 3,
        ..FetchOptions::default()
    };
    // Logins while the pages fly: the newest rows arrive last, in a later round.
    let script: Vec<(u64, usize, u8)> = (0..40).map(|i| (u64::from(i % 3 == 0), i, 0)).collect();
    let res = run(&opts, 1_000, &script, SessionsBuilder::deduplicating(0));
    let s = &res.sessions;
    assert_eq!(s.len(), 150);
    let logins: Vec<i64> = (0..150).filter_map(|i| s.row(i)?.login_ms()).collect();
    assert_eq!(logins.len(), 150);
    assert!(logins.windows(2).all(|w| w[0] >= w[1]));
    same(&opts, 1_000, &script).unwrap_or_else(|e| panic!("{e}"));
}
