//! The fetch of every session against a simulated server whose list shifts as people log
//! in mid-fetch, which repeats rows and fails transiently: the result is exactly the final
//! active set, or a shortfall whose number is right.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use rc_device_manager::api::wire::{Rows, Session, SessionsPage};
use rc_device_manager::api::{
    ApiError, FetchOptions, FetchPlan, FetchResult, PageRequest, RetryPolicy, ShortfallReason,
    TwoFactorChallenge,
};
use std::collections::HashSet;

/// The server's active sessions, newest login first, as list.all pages them.
struct Server {
    list: Vec<String>,
    logins: u64,
    /// Reported on top of the real count (a server whose total overcounts).
    extra_total: u64,
    /// The server's page size (`API_Upper_Count_Limit`).
    cap: u64,
}

impl Server {
    fn new(n: u64) -> Self {
        let mut s = Server {
            list: Vec::new(),
            logins: 0,
            extra_total: 0,
            cap: 100,
        };
        s.login(n);
        s
    }

    fn login(&mut self, n: u64) {
        for _ in 0..n {
            self.logins += 1;
            self.list.insert(0, format!("s{:07}", self.logins));
        }
    }

    fn serve(&self, offset: u64, count: u64, dup_of: Option<usize>) -> SessionsPage {
        let start = (offset as usize).min(self.list.len());
        let end = (start + count.min(self.cap) as usize).min(self.list.len());
        let mut rows: Vec<Session> = self.list[start..end].iter().map(|id| row(id)).collect();
        if let (Some(k), false) = (dup_of, self.list.is_empty()) {
            rows.push(row(&self.list[k % self.list.len()]));
        }
        SessionsPage {
            sessions: Rows { rows, skipped: 0 },
            total: Some(self.list.len() as u64 + self.extra_total),
            offset: Some(offset),
        }
    }
}

fn row(id: &str) -> Session {
    Session {
        id: Some(id.to_owned()),
        session_id: Some(id.to_owned()),
        // Ids count up with login time, so this sorts like the server's loginAt.
        login_at: Some(format!("2024-05-01T{id}")),
        ..Session::default()
    }
}

/// One scheduling decision: logins that happen before the next answer is served, which
/// request in flight is served, and whether it fails or repeats a row.
#[derive(Debug, Clone)]
struct Step {
    logins: u64,
    pick: usize,
    fault: u8,
    dup: Option<usize>,
}

fn fault_for(n: u8) -> ApiError {
    match n % 4 {
        0 => ApiError::Server { status: 503 },
        1 => ApiError::Network,
        2 => ApiError::Timeout { secs: 30 },
        _ => ApiError::RateLimited {
            wait_ms: Some(1_000),
        },
    }
}

struct Run {
    result: Result<FetchResult, ApiError>,
    server: Server,
    requests: Vec<PageRequest>,
    /// Pages whose last allowed attempt was failed on purpose.
    exhausted: u32,
    /// The list's length at the last successful answer: logins after it cannot be known.
    last_len: usize,
}

/// Runs a plan to the end against `server`, following `script`, then calm steps.
fn run(opts: &FetchOptions, mut server: Server, script: &[Step], fault_rate: u8) -> Run {
    let mut plan = FetchPlan::new(opts, 42);
    let mut pending: Vec<PageRequest> = Vec::new();
    let (mut requests, mut exhausted, mut last_len) = (Vec::new(), 0, 0);
    let calm = Step {
        logins: 0,
        pick: 0,
        fault: 255,
        dup: None,
    };
    for i in 0..200_000 {
        let reqs = plan.next_requests();
        requests.extend(reqs.iter().cloned());
        pending.extend(reqs);
        if pending.is_empty() {
            break;
        }
        let step = script.get(i).unwrap_or(&calm);
        server.login(step.logins);
        let req = pending.remove(step.pick % pending.len());
        let answer = if step.fault < fault_rate {
            exhausted += u32::from(req.attempt >= opts.retry.max_attempts);
            Err(fault_for(step.fault))
        } else {
            last_len = server.list.len();
            Ok(server.serve(req.offset, req.count, step.dup))
        };
        plan.on_page(&req, answer);
    }
    assert!(
        plan.is_done(),
        "the plan neither finished nor asked for more"
    );
    Run {
        result: plan.finish(),
        server,
        requests,
        exhausted,
        last_len,
    }
}

/// The honesty property every run must meet.
fn check_honest(r: &Run) -> Result<(), TestCaseError> {
    let res = match &r.result {
        Ok(res) => res,
        Err(e) => {
            // Only a first page that failed all its attempts may end a run with an error.
            prop_assert!(e.is_retryable(), "{e:?}");
            prop_assert!(r.exhausted >= 1 && r.requests.iter().all(|q| q.offset == 0));
            return Ok(());
        }
    };
    let ids: Vec<&str> = res
        .sessions
        .iter()
        .filter_map(|s| s.id.as_deref())
        .collect();
    let unique: HashSet<&str> = ids.iter().copied().collect();
    // Logins only ever add in front, so the list as of the last answer is a suffix.
    let then = &r.server.list[r.server.list.len() - r.last_len..];
    let active: HashSet<&str> = then.iter().map(String::as_str).collect();
    prop_assert_eq!(unique.len(), ids.len(), "duplicates in the result");
    prop_assert!(unique.is_subset(&active), "a session that was never active");
    prop_assert_eq!(res.total, active.len() as u64);
    match &res.shortfall {
        None => prop_assert_eq!(&unique, &active),
        Some(s) => {
            prop_assert_eq!(s.missing, active.len() as u64 - ids.len() as u64);
            prop_assert!(s.missing > 0 && !s.reasons.is_empty());
        }
    }
    prop_assert!(r.requests.iter().all(|q| q.count >= 1 && q.count <= 100));
    // The code goes with the first page and its retries only, never with a later page.
    let lead = r.requests.iter().take_while(|q| q.with_code).count();
    prop_assert!(lead >= 1 && r.requests[..lead].iter().all(|q| q.offset == 0));
    prop_assert!(r.requests[lead..].iter().all(|q| !q.with_code));
    Ok(())
}

fn opts(page: u64, concurrency: usize, max_rounds: u32) -> FetchOptions {
    FetchOptions {
        page_size: page,
        concurrency,
        max_rounds,
        ..FetchOptions::default()
    }
}

fn step_strategy(max_logins: u64) -> impl Strategy<Value = Step> {
    (
        prop_oneof![6 => Just(0u64), 2 => 1..=3u64, 1 => 0..=max_logins],
        any::<usize>(),
        any::<u8>(),
        prop::option::weighted(0.1, any::<usize>()),
    )
        .prop_map(|(logins, pick, fault, dup)| Step {
            logins,
            pick,
            fault,
            dup,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Any interleaving of logins, repeats and transient faults: exact, or honest about it.
    #[test]
    fn result_is_exact_or_an_honest_shortfall(
        n in 0u64..300, page in 1u64..=25, conc in 1usize..=6, rounds in 1u32..=6,
        fault_rate in prop_oneof![Just(0u8), 0u8..40, 0u8..160],
        script in prop::collection::vec(step_strategy(30), 0..400),
    ) {
        let r = run(&opts(page, conc, rounds), Server::new(n), &script, fault_rate);
        check_honest(&r)?;
    }

    /// Once logins stop, the fetch always completes (given rounds to spare and no page
    /// failing all its attempts).
    #[test]
    fn converges_once_logins_stop(
        n in 0u64..400, page in 1u64..=40, conc in 1usize..=6,
        fault_rate in prop_oneof![Just(0u8), 0u8..30],
        busy in prop::collection::vec(step_strategy(50), 0..8),
        rest in prop::collection::vec((any::<usize>(), any::<u8>(), prop::option::weighted(0.1, any::<usize>())), 0..300),
    ) {
        let mut script = busy;
        script.extend(rest.into_iter().map(|(pick, fault, dup)| Step { logins: 0, pick, fault, dup }));
        let r = run(&opts(page, conc, 14), Server::new(n), &script, fault_rate);
        check_honest(&r)?;
        if r.exhausted == 0 {
            let res = r.result.as_ref().map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            prop_assert_eq!(&res.shortfall, &None, "{} rounds, {} requests", res.rounds, res.requests);
        }
    }
}

fn calm_run(o: &FetchOptions, server: Server, script: &[Step]) -> Run {
    run(o, server, script, 0)
}

fn logins_at(step: usize, n: u64) -> Vec<Step> {
    let mut s: Vec<Step> = (0..=step)
        .map(|_| Step {
            logins: 0,
            pick: 0,
            fault: 255,
            dup: None,
        })
        .collect();
    s[step].logins = n;
    s
}

#[test]
fn a_still_list_takes_one_pass_with_no_extra_requests() {
    let r = calm_run(&opts(100, 4, 6), Server::new(1_000), &[]);
    let res = r.result.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (res.sessions.len(), res.requests, res.rounds, res.duplicates),
        (1_000, 10, 1, 0)
    );
    assert!(res.shortfall.is_none());
    assert!(r.requests[0].with_code && r.requests[1..].iter().all(|q| !q.with_code));
}

#[test]
fn logins_after_the_first_page_are_caught_up_by_reading_only_the_moved_rows() {
    // 250 rows; 5 logins land before page 2 is served: page 2 repeats 5 rows, and the rows
    // pushed past page 3's end plus the 5 new ones are what round 2 reads.
    let r = calm_run(&opts(100, 1, 6), Server::new(250), &logins_at(1, 5));
    let res = r.result.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((res.sessions.len(), res.total, res.rounds), (255, 255, 2));
    assert_eq!(res.duplicates, 5 + 95 + 50);
    assert_eq!(
        res.requests, 5,
        "3 pages, then the front and the one slipped range"
    );
}

#[test]
fn steady_logins_over_a_large_list_cost_little_extra() {
    // 20,000 sessions (200 pages), a login before every 5th page served, 4 pages in flight:
    // the overlap that adapts to the login rate keeps the cost within 10% of a still list.
    let script: Vec<Step> = (0..1_000)
        .map(|i| Step {
            logins: u64::from(i % 5 == 0),
            pick: i,
            fault: 255,
            dup: None,
        })
        .collect();
    let r = calm_run(&opts(100, 4, 6), Server::new(20_000), &script);
    let res = r.result.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(res.sessions.len() as u64, res.total);
    assert!(
        res.requests <= 220,
        "{} requests, {} rounds",
        res.requests,
        res.rounds
    );
}

#[test]
fn a_later_page_whose_2fa_challenge_goes_unanswered_keeps_the_rows_read() {
    let mut plan = FetchPlan::new(&FetchOptions::default(), 1);
    let server = Server::new(300);
    let first = plan.next_requests();
    plan.on_page(&first[0], Ok(server.serve(0, 100, None)));
    let rest = plan.next_requests();
    assert_eq!(rest.len(), 2);
    let challenge = ApiError::TwoFactorRequired(TwoFactorChallenge::default());
    plan.on_page(&rest[0], Err(challenge.clone()));
    assert!(
        plan.next_requests().is_empty(),
        "nothing new after the challenge"
    );
    assert!(!plan.is_done(), "the page in flight is still awaited");
    plan.on_page(&rest[1], Ok(server.serve(200, 100, None)));
    assert!(plan.is_done());
    let res = plan.finish().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(res.sessions.len(), 200);
    let s = res.shortfall.unwrap_or_else(|| panic!("no shortfall"));
    assert_eq!(
        (s.missing, s.reasons),
        (100, vec![ShortfallReason::Interrupted { error: challenge }])
    );
}

#[test]
fn a_refused_first_page_ends_at_once() {
    let mut plan = FetchPlan::new(&FetchOptions::default(), 1);
    let first = plan.next_requests();
    assert_eq!(first.len(), 1);
    plan.on_page(&first[0], Err(ApiError::NotLoggedIn));
    assert!(plan.next_requests().is_empty());
    assert_eq!(plan.finish(), Err(ApiError::NotLoggedIn));
}

#[test]
fn a_cap_keeps_the_newest_and_says_so() {
    let o = FetchOptions {
        cap: Some(250),
        ..FetchOptions::default()
    };
    let r = calm_run(&o, Server::new(1_000), &[]);
    let res = r.result.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((res.sessions.len(), res.requests), (250, 3));
    let newest: HashSet<_> = r.server.list[..250].iter().cloned().collect();
    assert!(res
        .sessions
        .iter()
        .all(|s| s.id.as_ref().is_some_and(|id| newest.contains(id))));
    let s = res.shortfall.unwrap_or_else(|| panic!("no shortfall"));
    assert_eq!(
        (s.missing, s.reasons.clone()),
        (750, vec![ShortfallReason::Capped { cap: 250 }])
    );
    assert!(s
        .to_string()
        .starts_with("750 sessions could not be loaded: loading stopped at the limit of 250"));
    let small = calm_run(
        &FetchOptions {
            cap: Some(10),
            ..FetchOptions::default()
        },
        Server::new(50),
        &[],
    );
    assert_eq!(small.requests[0].count, 10);
}

#[test]
fn an_overcounting_total_ends_where_the_pages_end() {
    let mut server = Server::new(230);
    server.extra_total = 5;
    let r = calm_run(&opts(100, 4, 6), server, &[]);
    let res = r.result.unwrap_or_else(|e| panic!("{e}"));
    // One pass: the short third page shows where the list ends while the count held still,
    // so reading again could only repeat it.
    assert_eq!((res.sessions.len(), res.rounds, res.requests), (230, 1, 3));
    assert_eq!((res.total, res.shortfall), (230, None));
    let d = res
        .disagreement
        .unwrap_or_else(|| panic!("no disagreement"));
    assert_eq!((d.claimed, d.received), (Some(235), 230));
    assert_eq!(
        d.to_string(),
        "The server's count of sessions (235) and the rows it sent disagree: it sent 230 \
         sessions, and all of them are shown."
    );
}

#[test]
fn a_server_going_down_mid_fetch_trips_the_breaker_and_keeps_what_was_read() {
    let o = FetchOptions {
        retry: RetryPolicy {
            max_attempts: 2,
            ..RetryPolicy::default()
        },
        ..opts(100, 4, 6)
    };
    let mut script = vec![Step {
        logins: 0,
        pick: 0,
        fault: 255,
        dup: None,
    }];
    script.extend((0..10_000).map(|_| Step {
        logins: 0,
        pick: 0,
        fault: 0,
        dup: None,
    }));
    let r = run(&o, Server::new(5_000), &script, 1);
    let res = r.result.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(res.sessions.len(), 100);
    assert!(res.requests <= 1 + 2 * (8 + 4), "{} requests", res.requests);
    let s = res.shortfall.unwrap_or_else(|| panic!("no shortfall"));
    assert_eq!(s.missing, 4_900);
    assert!(matches!(
        s.reasons[..],
        [ShortfallReason::PagesFailed {
            last_error: ApiError::Server { status: 503 },
            ..
        }]
    ));
}

#[test]
fn sessions_ending_mid_fetch_never_break_it() {
    let mut plan = FetchPlan::new(&opts(10, 2, 4), 3);
    let mut server = Server::new(60);
    let mut steps = 0;
    for _ in 0..1_000 {
        let reqs = plan.next_requests();
        if reqs.is_empty() {
            break;
        }
        for req in reqs {
            if steps % 3 == 0 && server.list.len() > 5 {
                server.list.remove(steps % 5);
            }
            plan.on_page(&req, Ok(server.serve(req.offset, req.count, None)));
            steps += 1;
        }
    }
    assert!(plan.is_done());
    let res = plan.finish().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(res.total, server.list.len() as u64);
    assert_eq!(
        res.surplus,
        (res.sessions.len() as u64).saturating_sub(res.total)
    );
}

#[test]
fn malformed_rows_are_named_in_the_shortfall() {
    let mut plan = FetchPlan::new(&FetchOptions::default(), 1);
    let first = plan.next_requests();
    let mut page = Server::new(3).serve(0, 100, None);
    page.total = Some(5);
    page.sessions.skipped = 2;
    plan.on_page(&first[0], Ok(page));
    let res = plan.finish().unwrap_or_else(|e| panic!("{e}"));
    let s = res.shortfall.unwrap_or_else(|| panic!("no shortfall"));
    assert_eq!(
        (s.missing, s.reasons),
        (2, vec![ShortfallReason::MalformedRows { count: 2 }])
    );
}
