//! The fetch against servers configured unlike rc-sim's defaults and servers that lie: the
//! page size is whatever the workspace's cap grants, and a `total` that is huge, negative,
//! fractional, missing or jumping never makes the plan size anything or send a storm of
//! requests. Answers go through the real decoder as JSON text, as in the browser.
#![cfg(not(target_arch = "wasm32"))]

use rc_device_manager::api::{decode_page, FetchOptions, FetchPlan, FetchResult, MAX_SESSIONS};

/// A list.all that pages `rows` real sessions at `cap` per page and reports `total` as the
/// given JSON text (`None` = the true count).
struct Lying {
    rows: u64,
    cap: u64,
    total: Box<dyn FnMut(u64) -> Option<String>>,
    /// Every page repeats the first rows instead of paging (ids never new).
    repeats: bool,
}

impl Lying {
    fn honest(rows: u64, cap: u64) -> Self {
        Self::claiming(rows, cap, |_| None)
    }

    fn claiming(rows: u64, cap: u64, total: impl FnMut(u64) -> Option<String> + 'static) -> Self {
        Self {
            rows,
            cap,
            total: Box::new(total),
            repeats: false,
        }
    }

    fn page(&mut self, n: u64, offset: u64, count: u64) -> String {
        let size = count.min(self.cap);
        let start = if self.repeats { 0 } else { offset };
        let end = (start + size).min(self.rows);
        let rows: Vec<String> = (start.min(end)..end)
            .map(|i| format!(r#"{{"_id":"s{i:08}","loginAt":"2025-01-01T00:00:00.000Z"}}"#))
            .collect();
        let total = (self.total)(n).unwrap_or_else(|| self.rows.to_string());
        format!(
            r#"{{"sessions":[{}],"total":{total},"count":{size},"offset":{offset},"success":true}}"#,
            rows.join(",")
        )
    }
}

/// Runs the plan to its end, answering requests in order; panics on a plan that never ends.
fn run(opts: &FetchOptions, server: &mut Lying) -> (FetchResult, Vec<u64>) {
    let mut plan = FetchPlan::new(opts, 7);
    let mut pending = std::collections::VecDeque::new();
    let mut counts = Vec::new();
    for n in 0..3_000_000u64 {
        for req in plan.next_requests() {
            counts.push(req.count);
            pending.push_back(req);
        }
        let Some(req) = pending.pop_front() else {
            break;
        };
        assert!(
            plan.progress().requests <= plan.request_ceiling(),
            "past the ceiling"
        );
        let body = server.page(n, req.offset, req.count);
        plan.on_page(&req, decode_page(&body));
    }
    assert!(
        plan.is_done(),
        "the plan neither finished nor asked for more"
    );
    (plan.finish().unwrap_or_else(|e| panic!("{e}")), counts)
}

/// Pages the plan keeps in flight by default: what can still be on the wire when a page
/// shows the end.
fn in_flight() -> u32 {
    FetchOptions::default().concurrency as u32
}

fn opts(page_size: u64) -> FetchOptions {
    FetchOptions {
        page_size,
        ..FetchOptions::default()
    }
}

#[test]
fn every_page_size_a_workspace_may_set_loads_completely_in_the_fewest_pages() {
    for cap in [1u64, 7, 25, 100, 1_000] {
        for rows in [0u64, 1, cap - 1, cap, cap + 1, 3 * cap + 2, 250] {
            let (res, counts) = run(&opts(1_000), &mut Lying::honest(rows, cap));
            assert_eq!(
                (res.sessions.len() as u64, res.total, &res.shortfall),
                (rows, rows, &None),
                "cap {cap}, {rows} rows"
            );
            assert_eq!(res.disagreement, None);
            // The first page asks for 1,000 and learns the cap; the rest ask for the cap.
            assert!(
                counts[1..].iter().all(|&c| c == cap.min(1_000)),
                "cap {cap}"
            );
            let pages = rows.div_ceil(cap).max(1);
            assert!(
                u64::from(res.requests) <= pages + 1,
                "cap {cap}, {rows} rows: {} requests for {pages} pages",
                res.requests
            );
        }
    }
}

#[test]
fn a_huge_total_shows_the_rows_that_exist_in_a_bounded_number_of_requests() {
    for claim in ["1000000000000", "5000000", "18446744073709551615", "1e300"] {
        let claimed = claim.to_owned();
        let (res, _) = run(
            &FetchOptions::default(),
            &mut Lying::claiming(500, 100, move |_| Some(claimed.clone())),
        );
        assert_eq!(res.sessions.len(), 500, "total {claim}");
        // Five full pages, the short one that shows the end, and what was in flight then.
        assert!(
            res.requests <= 5 + 1 + in_flight(),
            "total {claim}: {} requests",
            res.requests
        );
        let d = res
            .disagreement
            .unwrap_or_else(|| panic!("no sentence for {claim}"));
        assert_eq!(d.received, 500);
        assert_eq!(res.total, 500, "the header counts the rows that exist");
    }
}

#[test]
fn a_negative_fractional_or_missing_total_reads_until_the_pages_end() {
    for claim in ["-5", "1.5", "null", "\"many\"", "[]"] {
        let claimed = claim.to_owned();
        let (res, _) = run(
            &FetchOptions::default(),
            &mut Lying::claiming(730, 100, move |_| Some(claimed.clone())),
        );
        assert_eq!((res.sessions.len(), res.total), (730, 730), "total {claim}");
        assert_eq!(res.shortfall, None);
        let d = res
            .disagreement
            .unwrap_or_else(|| panic!("no sentence for {claim}"));
        assert_eq!((d.claimed, d.received), (None, 730));
        assert!(
            res.requests <= 8 + in_flight(),
            "total {claim}: {} requests",
            res.requests
        );
    }
}

#[test]
fn a_total_that_jumps_up_and_down_mid_fetch_stays_bounded() {
    for jump in [1u64, 50, 10_000, 1_000_000_000_000] {
        let (res, _) = run(
            &FetchOptions::default(),
            &mut Lying::claiming(600, 100, move |n| {
                Some(
                    if n % 2 == 1 {
                        600 + jump
                    } else {
                        600u64.saturating_sub(jump.min(599))
                    }
                    .to_string(),
                )
            }),
        );
        assert!(res.sessions.len() <= 600);
        // Six rounds at most, each bounded by the rows that exist plus a pass of pages.
        assert!(
            res.requests <= 6 * (6 + 5 + 1) + 2 * in_flight(),
            "jump {jump}: {} requests",
            res.requests
        );
    }
}

#[test]
fn empty_pages_while_the_total_says_more_end_the_load_with_what_exists() {
    let (res, _) = run(
        &FetchOptions::default(),
        &mut Lying::claiming(0, 100, |_| Some("5000000".into())),
    );
    assert_eq!((res.sessions.len(), res.requests), (0, 1));
    assert_eq!(res.disagreement.map(|d| d.claimed), Some(Some(5_000_000)));
}

#[test]
fn pages_that_repeat_the_same_rows_forever_are_not_read_forever() {
    let mut server = Lying::claiming(1_000, 100, |_| Some("1000000000".into()));
    server.repeats = true;
    let (res, _) = run(&FetchOptions::default(), &mut server);
    assert_eq!(res.sessions.len(), 100);
    assert!(
        res.requests <= 1 + in_flight() + 2 + in_flight(),
        "{} requests",
        res.requests
    );
}

#[test]
fn the_request_ceiling_is_two_passes_over_the_session_ceiling() {
    let mut plan = FetchPlan::new(&opts(100), 1);
    assert_eq!(plan.request_ceiling(), 20_064);
    let first = plan.next_requests();
    // A workspace capped at 7 rows a page: the ceiling follows the size it granted.
    plan.on_page(
        &first[0],
        decode_page(&Lying::honest(50, 7).page(0, 0, 100)),
    );
    assert_eq!(plan.page_size(), 7);
    assert_eq!(
        u64::from(plan.request_ceiling()),
        2 * MAX_SESSIONS.div_ceil(7) + 64
    );
}
