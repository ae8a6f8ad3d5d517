//! The runtime-agnostic driver: the fetch over a page source with progress, cancellation at
//! any moment, generations for stale fetches, and retries of single calls. Driven by a
//! minimal executor, since the `futures` crate is built without one.
#![cfg(not(target_arch = "wasm32"))]

use rc_device_manager::api::drive::{fetch_all, retrying, PageSource};
use rc_device_manager::api::wire::{Rows, Session, SessionsPage};
use rc_device_manager::api::{
    ApiError, CancelHandle, FetchOptions, FetchSlot, PageRequest, Progress, RetryPolicy,
};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::pin;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

/// Polls `fut` to the end on this thread. A future that stays pending with nobody left to
/// wake it is a bug (a lost wake-up or a hang), reported instead of blocking forever.
fn block_on<F: Future>(fut: F) -> F::Output {
    struct Flag(AtomicBool, std::thread::Thread);
    impl Wake for Flag {
        fn wake(self: Arc<Self>) {
            self.0.store(true, Ordering::SeqCst);
            self.1.unpark();
        }
    }
    let flag = Arc::new(Flag(AtomicBool::new(false), std::thread::current()));
    let waker = Waker::from(flag.clone());
    let mut cx = Context::from_waker(&waker);
    let mut fut = pin!(fut);
    loop {
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return v;
        }
        if !flag.0.swap(false, Ordering::SeqCst) {
            // Everything here is single-threaded: no wake by now means none will come.
            std::thread::park_timeout(Duration::from_millis(200));
            assert!(
                flag.0.swap(false, Ordering::SeqCst),
                "stuck: pending with no wake-up"
            );
        }
    }
}

fn row(id: u64) -> Session {
    Session {
        id: Some(format!("s{id}")),
        ..Session::default()
    }
}

/// A still list of `n` sessions; `on_call` may fail or cancel a given call number.
struct Source<'a> {
    n: u64,
    calls: Cell<u32>,
    slept: RefCell<Vec<u64>>,
    on_call: &'a dyn Fn(u32) -> Option<Result<SessionsPage, ApiError>>,
    /// Calls from this number on never answer (a hung connection).
    hang_from: u32,
}

impl PageSource for Source<'_> {
    async fn get_page(&self, req: &PageRequest) -> Result<SessionsPage, ApiError> {
        let call = self.calls.get() + 1;
        self.calls.set(call);
        if let Some(answer) = (self.on_call)(call) {
            return answer;
        }
        if call >= self.hang_from {
            std::future::pending::<()>().await;
        }
        // Rocket.Chat's default page cap (API_Upper_Count_Limit).
        let end = (req.offset + req.count.min(100)).min(self.n);
        Ok(SessionsPage {
            sessions: Rows {
                rows: (req.offset.min(end)..end).map(row).collect(),
                skipped: 0,
            },
            total: Some(self.n),
            offset: Some(req.offset),
        })
    }

    async fn sleep(&self, ms: u64) {
        self.slept.borrow_mut().push(ms);
    }
}

fn source(n: u64, on_call: &dyn Fn(u32) -> Option<Result<SessionsPage, ApiError>>) -> Source<'_> {
    Source {
        n,
        calls: Cell::new(0),
        slept: RefCell::new(Vec::new()),
        on_call,
        hang_from: u32::MAX,
    }
}

#[test]
fn fetches_everything_reporting_progress_after_each_page() {
    let src = source(1_234, &|_| None);
    let seen = RefCell::new(Vec::<Progress>::new());
    let cancel = CancelHandle::new();
    let on_progress = |p: Progress| seen.borrow_mut().push(p);
    let res = block_on(fetch_all(
        &src,
        &FetchOptions::default(),
        9,
        &cancel,
        &on_progress,
    ));
    let res = res.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((res.sessions.len(), res.requests), (1_234, 13));
    let seen = seen.into_inner();
    assert_eq!(seen.len(), 13);
    assert!(seen.windows(2).all(|w| w[0].loaded <= w[1].loaded));
    assert_eq!(
        seen.last().map(|p| (p.loaded, p.target)),
        Some((1_234, Some(1_234)))
    );
}

#[test]
fn transient_failures_back_off_through_the_source() {
    let src = source(250, &|call| {
        (call == 2 || call == 3).then_some(Err(ApiError::Server { status: 502 }))
    });
    let cancel = CancelHandle::new();
    let res = block_on(fetch_all(
        &src,
        &FetchOptions::default(),
        9,
        &cancel,
        &|_| {},
    ));
    assert_eq!(res.map(|r| r.sessions.len()), Ok(250));
    let slept = src.slept.into_inner();
    assert_eq!(slept.len(), 2, "{slept:?}");
    assert!(
        slept.iter().all(|&ms| (250..=500).contains(&ms)),
        "{slept:?}"
    );
}

#[test]
fn cancelling_mid_fetch_returns_at_once_even_with_requests_hanging() {
    let cancel = CancelHandle::new();
    let aborted = Arc::new(AtomicBool::new(false));
    let guard = {
        let aborted = aborted.clone();
        cancel.on_cancel(move || aborted.store(true, Ordering::SeqCst))
    };
    let canceller = cancel.clone();
    let on_call = move |call: u32| {
        if call == 3 {
            canceller.cancel();
        }
        None
    };
    let mut src = source(10_000, &on_call);
    src.hang_from = 3;
    let res = block_on(fetch_all(
        &src,
        &FetchOptions::default(),
        9,
        &cancel,
        &|_| {},
    ));
    assert_eq!(res.map(|r| r.sessions.len()), Err(ApiError::Cancelled));
    assert!(
        aborted.load(Ordering::SeqCst),
        "registered aborts run on cancel"
    );
    drop(guard);
}

#[test]
fn a_cancelled_handle_cancels_before_the_first_request() {
    let src = source(10, &|_| None);
    let cancel = CancelHandle::new();
    cancel.cancel();
    let res = block_on(fetch_all(
        &src,
        &FetchOptions::default(),
        9,
        &cancel,
        &|_| {},
    ));
    assert_eq!(res.map(|_| ()), Err(ApiError::Cancelled));
    assert_eq!(src.calls.get(), 0);
    // An abort registered after the fact runs at once.
    let ran = Rc::new(Cell::new(false));
    let r = ran.clone();
    let _guard = cancel.on_cancel(move || r.set(true));
    assert!(ran.get());
}

#[test]
fn a_dropped_guard_forgets_its_abort() {
    let cancel = CancelHandle::new();
    let ran = Rc::new(Cell::new(0));
    let (a, b) = (ran.clone(), ran.clone());
    let kept = cancel.on_cancel(move || a.set(a.get() + 1));
    drop(cancel.on_cancel(move || b.set(b.get() + 10)));
    cancel.cancel();
    cancel.cancel();
    assert_eq!(ran.get(), 1);
    drop(kept);
}

#[test]
fn a_new_fetch_cancels_the_old_and_makes_its_answers_stale() {
    let slot = FetchSlot::new();
    let (g1, c1) = slot.begin();
    assert!(slot.is_current(g1) && !c1.is_cancelled());
    let (g2, c2) = slot.begin();
    assert!(c1.is_cancelled() && !c2.is_cancelled());
    assert!(!slot.is_current(g1) && slot.is_current(g2) && g2 > g1);
    slot.cancel();
    assert!(c2.is_cancelled() && !slot.is_current(g2));
    assert_eq!(slot.current(), slot.current());
}

#[test]
fn retrying_repeats_transient_failures_only_within_the_policy() {
    let calls = Cell::new(0u32);
    let slept = RefCell::new(Vec::new());
    let sleep = |ms: u64| {
        slept.borrow_mut().push(ms);
        std::future::ready(())
    };
    let flaky = |attempt: u32| {
        calls.set(calls.get() + 1);
        std::future::ready(if attempt < 3 {
            Err(ApiError::Network)
        } else {
            Ok(attempt)
        })
    };
    assert_eq!(
        block_on(retrying(RetryPolicy::default(), 1, None, flaky, sleep)),
        Ok(3)
    );
    assert_eq!((calls.get(), slept.borrow().len()), (3, 2));

    calls.set(0);
    let refused = |_| {
        calls.set(calls.get() + 1);
        std::future::ready(Err::<(), _>(ApiError::SessionNotFound))
    };
    let res = block_on(retrying(RetryPolicy::default(), 1, None, refused, sleep));
    assert_eq!((res, calls.get()), (Err(ApiError::SessionNotFound), 1));

    calls.set(0);
    let down = |_| {
        calls.set(calls.get() + 1);
        std::future::ready(Err::<(), _>(ApiError::Server { status: 500 }))
    };
    let res = block_on(retrying(RetryPolicy::default(), 1, None, down, sleep));
    assert_eq!(
        (res, calls.get()),
        (Err(ApiError::Server { status: 500 }), 4)
    );
}

#[test]
fn retrying_stops_waiting_when_cancelled() {
    let cancel = CancelHandle::new();
    let c = cancel.clone();
    let fail_then_cancel = move |_| {
        c.cancel();
        std::future::ready(Err::<(), _>(ApiError::Timeout { secs: 30 }))
    };
    let never = |_| std::future::pending::<()>();
    let res = block_on(retrying(
        RetryPolicy::default(),
        1,
        Some(&cancel),
        fail_then_cancel,
        never,
    ));
    assert_eq!(res, Err(ApiError::Cancelled));
}
