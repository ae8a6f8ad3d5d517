//! The shell's complete fetch: `Client::read_sessions_into` with each page's rows built into the
//! grid's compact set as it arrives (the wire rows of a load are never all alive at once),
//! a report of every 429 so the screen can say why loading pauses instead of sitting still
//! for a minute, and the page's own session marked among the rows. Progress reaches the screen
//! at most ten times a second: a page of 100 rows comes every few milliseconds, each report
//! re-renders the shell, and a count that changes faster than that cannot be read anyway.

use super::partial::Publishing;
use crate::api::client::AskCode;
use crate::api::drive::CancelHandle;
use crate::api::{ApiError, Client, FetchOptions, FetchResult, Progress, SecondFactor};
use crate::grid::{Own, Sessions, SessionsBuilder};
use std::cell::{Cell, RefCell};

/// Who hears about a load while it runs.
#[derive(Clone, Copy)]
pub struct Hearing<'a> {
    pub on_progress: &'a dyn Fn(Progress),
    pub on_limited: &'a dyn Fn(Option<u64>),
    pub ask: Option<&'a AskCode>,
    pub on_rows: Option<&'a dyn Fn(Sessions)>,
}

/// Every session (see `Client::read_sessions_into`) as the grid's set, its search text in the
/// browser's time zone; `on_limited` hears each 429 and its wait, `ask` answers a 2FA
/// challenge that comes after the first page, and `on_rows` gets the rows read so far while
/// the load goes on (see `partial.rs`).
pub async fn load_sessions(
    client: &Client,
    opts: &FetchOptions,
    second: &SecondFactor,
    cancel: &CancelHandle,
    hear: &Hearing<'_>,
) -> Result<FetchResult<Sessions>, ApiError> {
    let Hearing {
        on_progress,
        on_limited,
        ask,
        on_rows,
    } = *hear;
    let user_id = &client.credentials().user_id;
    // Before the end, `sessions/list` has not said which session is the page's own.
    let publish = |mut so_far: Sessions| {
        so_far.mark_own(Own::AnyOfUser(user_id));
        if let Some(f) = on_rows {
            f(so_far);
        }
    };
    let builder = SessionsBuilder::deduplicating(super::workspace::when::tz_offset_minutes());
    let publish: Option<&dyn Fn(Sessions)> = on_rows.map(|_| &publish as &dyn Fn(Sessions));
    let sink = Publishing::new(builder, publish, now_ms);
    let frames = PerFrame::new(on_progress);
    let on_progress = &|p| frames.progress(p);
    let on_limited = &|wait| {
        // The count on screen is the latest before the pause is explained.
        frames.flush();
        on_limited(wait)
    };
    let load = client.read_sessions_into(opts, second, cancel, on_progress, on_limited, ask, sink);
    // list.all rows never say which session is the caller's: `sessions/list` does (8.7+).
    let (loaded, own) = futures::join!(load, client.own_session(Some(cancel)));
    let mut result = loaded?;
    match own {
        Ok(Some(id)) => result.sessions.mark_own(Own::Session(&id)),
        // An older server, or one that would not say: any session of this user may be it.
        _ => result.sessions.mark_own(Own::AnyOfUser(user_id)),
    };
    Ok(result)
}

/// Progress closer together than this (ms) is held back. Once per frame (16 ms) re-rendered
/// the shell ~300 times in a 5-second load on loopback, a sixth of the main thread's time;
/// six frames apart the bar still moves smoothly and the count stays readable.
const FRAME_MS: f64 = 100.0;

/// Passes on at most one progress report per [`FRAME_MS`]: a report sooner than that after
/// the last one passed on is held, and the next report (the fetch sends one after every
/// answer) or a 429 passes on the newest. The last rows of a load need no report: the result
/// replaces it.
struct PerFrame<'a> {
    to: &'a dyn Fn(Progress),
    last: Cell<f64>,
    held: RefCell<Option<Progress>>,
}

impl<'a> PerFrame<'a> {
    fn new(to: &'a dyn Fn(Progress)) -> Self {
        PerFrame {
            to,
            last: Cell::new(f64::NEG_INFINITY),
            held: RefCell::new(None),
        }
    }

    fn progress(&self, p: Progress) {
        let now = now_ms();
        if now - self.last.get() >= FRAME_MS {
            self.last.set(now);
            self.held.replace(None);
            (self.to)(p);
        } else {
            self.held.replace(Some(p));
        }
    }

    fn flush(&self) {
        let held = self.held.replace(None);
        if let Some(p) = held {
            self.last.set(now_ms());
            (self.to)(p);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Natively (tests) there is no screen: every report passes.
#[cfg(not(target_arch = "wasm32"))]
fn now_ms() -> f64 {
    thread_local!(static TICK: Cell<f64> = const { Cell::new(0.0) });
    TICK.with(|t| {
        t.set(t.get() + FRAME_MS);
        t.get()
    })
}
