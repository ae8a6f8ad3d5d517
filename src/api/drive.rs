//! Runs calls without knowing the runtime: the fetch plan over any page source with bounded
//! concurrency, retries of single calls, cancellation, and generations that keep a stale
//! fetch from overwriting a newer one. Native tests drive it with a toy executor.

use super::error::ApiError;
use super::fetch::FetchPlan;
use super::outcome::{FetchOptions, FetchResult, PageRequest, Progress};
use super::retry::{Jitter, RetryPolicy};
use super::sink::{Collect, RowSink};
use super::wire::SessionsPage;
use futures::future::{self, Either};
use futures::stream::{FuturesUnordered, StreamExt};
use std::cell::{Cell, RefCell};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// Where pages come from: the HTTP client in the browser, a simulated server in tests.
// The app is single-threaded wasm: a `Send` bound on these futures would only get in the way.
#[allow(async_fn_in_trait)]
pub trait PageSource {
    async fn get_page(&self, req: &PageRequest) -> Result<SessionsPage, ApiError>;
    async fn sleep(&self, ms: u64);
}

/// Reads every session through `source` (see `FetchPlan`), reporting progress after each
/// page. Cancelling `cancel` ends it at once with `ApiError::Cancelled`, even mid-backoff.
pub async fn fetch_all<S: PageSource>(
    source: &S,
    opts: &FetchOptions,
    seed: u64,
    cancel: &CancelHandle,
    on_progress: &dyn Fn(Progress),
) -> Result<FetchResult, ApiError> {
    fetch_into(source, opts, seed, cancel, on_progress, Collect::default()).await
}

/// [`fetch_all`] with the rows handed to `sink` page by page instead of kept as wire rows.
pub async fn fetch_into<S: PageSource, K: RowSink>(
    source: &S,
    opts: &FetchOptions,
    seed: u64,
    cancel: &CancelHandle,
    on_progress: &dyn Fn(Progress),
    sink: K,
) -> Result<FetchResult<K::Output>, ApiError> {
    let mut plan = FetchPlan::with_sink(opts, seed, sink);
    let mut pending = FuturesUnordered::new();
    loop {
        if cancel.is_cancelled() {
            return Err(ApiError::Cancelled);
        }
        for req in plan.next_requests() {
            pending.push(async move {
                if req.delay_ms > 0 {
                    source.sleep(req.delay_ms).await;
                }
                let result = source.get_page(&req).await;
                (req, result)
            });
        }
        match future::select(pending.next(), cancel.cancelled()).await {
            Either::Left((Some((req, result)), _)) => {
                plan.on_page(&req, result);
                on_progress(plan.progress());
            }
            Either::Left((None, _)) => break,
            Either::Right(_) => return Err(ApiError::Cancelled),
        }
    }
    plan.finish()
}

/// Runs `call(attempt)` until it succeeds, fails for good, or `policy` gives up.
pub async fn retrying<T, C, F, S, SF>(
    policy: RetryPolicy,
    seed: u64,
    cancel: Option<&CancelHandle>,
    mut call: C,
    sleep: S,
) -> Result<T, ApiError>
where
    C: FnMut(u32) -> F,
    F: Future<Output = Result<T, ApiError>>,
    S: Fn(u64) -> SF,
    SF: Future<Output = ()>,
{
    let mut jitter = Jitter::new(seed);
    let mut attempt = 1;
    loop {
        let err = match call(attempt).await {
            Ok(v) => return Ok(v),
            Err(e) => e,
        };
        let Some(delay) = policy.after_failure(attempt, &err, jitter.next_f64()) else {
            return Err(err);
        };
        match cancel {
            Some(c) => {
                if let Either::Right(_) =
                    future::select(Box::pin(sleep(delay)), c.cancelled()).await
                {
                    return Err(ApiError::Cancelled);
                }
            }
            None => sleep(delay).await,
        }
        attempt += 1;
    }
}

/// Cancels calls in flight: sets a flag, runs the registered aborts (the browser's
/// `AbortController`s) and wakes whoever waits on `cancelled()`. Clones share one state.
#[derive(Clone, Default)]
pub struct CancelHandle(Rc<CancelState>);

type Abort = Box<dyn FnOnce()>;

#[derive(Default)]
struct CancelState {
    cancelled: Cell<bool>,
    next_id: Cell<u64>,
    aborts: RefCell<Vec<(u64, Abort)>>,
    wakers: RefCell<Vec<Waker>>,
}

impl CancelHandle {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn cancel(&self) {
        if self.0.cancelled.replace(true) {
            return;
        }
        // Taken out first: an abort may drop guards, which borrow the list again.
        let aborts = std::mem::take(&mut *self.0.aborts.borrow_mut());
        for (_, abort) in aborts {
            abort();
        }
        let wakers = std::mem::take(&mut *self.0.wakers.borrow_mut());
        for waker in wakers {
            waker.wake();
        }
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.cancelled.get()
    }

    /// Runs `abort` on cancellation (at once if already cancelled) unless the guard is
    /// dropped first.
    pub fn on_cancel(&self, abort: impl FnOnce() + 'static) -> CancelGuard {
        if self.is_cancelled() {
            abort();
            return CancelGuard(None);
        }
        let id = self.0.next_id.get();
        self.0.next_id.set(id + 1);
        self.0.aborts.borrow_mut().push((id, Box::new(abort)));
        CancelGuard(Some((self.clone(), id)))
    }

    /// Resolves when `cancel` is called.
    pub fn cancelled(&self) -> Cancelled {
        Cancelled(self.clone())
    }
}

impl PartialEq for CancelHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for CancelHandle {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "CancelHandle(cancelled: {})", self.is_cancelled())
    }
}

/// Forgets its abort when dropped, so finished requests do not pile up in the handle.
pub struct CancelGuard(Option<(CancelHandle, u64)>);

impl Drop for CancelGuard {
    fn drop(&mut self) {
        if let Some((handle, id)) = self.0.take() {
            if let Ok(mut aborts) = handle.0.aborts.try_borrow_mut() {
                aborts.retain(|(i, _)| *i != id);
            }
        }
    }
}

pub struct Cancelled(CancelHandle);

impl Future for Cancelled {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0.is_cancelled() {
            return Poll::Ready(());
        }
        let mut wakers = self.0 .0.wakers.borrow_mut();
        if !wakers.iter().any(|w| w.will_wake(cx.waker())) {
            wakers.push(cx.waker().clone());
        }
        Poll::Pending
    }
}

/// Which fetch a message belongs to. The UI keeps the current one in its state and drops
/// progress or results carrying another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Generation(pub u64);

/// Hands out generations; starting a fetch cancels the one before it.
#[derive(Debug, Default)]
pub struct FetchSlot {
    current: Cell<u64>,
    cancel: RefCell<Option<CancelHandle>>,
}

impl FetchSlot {
    pub fn new() -> Self {
        Self::default()
    }

    /// Cancels the running fetch, if any, and opens the next generation.
    pub fn begin(&self) -> (Generation, CancelHandle) {
        self.cancel();
        let generation = self.current.get() + 1;
        self.current.set(generation);
        let handle = CancelHandle::new();
        *self.cancel.borrow_mut() = Some(handle.clone());
        (Generation(generation), handle)
    }

    /// Cancels the running fetch; its late answers are then stale too.
    pub fn cancel(&self) {
        let previous = self.cancel.borrow_mut().take();
        if let Some(handle) = previous {
            handle.cancel();
            self.current.set(self.current.get() + 1);
        }
    }

    pub fn current(&self) -> Generation {
        Generation(self.current.get())
    }

    pub fn is_current(&self, generation: Generation) -> bool {
        generation.0 == self.current.get()
    }
}
