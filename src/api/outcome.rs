//! What a fetch of every session is asked to do, what it asks the network for, how far it
//! got, and what it hands back — including, in words, why some sessions may be missing.

use super::error::ApiError;
use super::retry::RetryPolicy;
use super::wire::Session;
use std::fmt;

/// Rows asked per page unless set otherwise. The server's page size is a setting
/// (`API_Upper_Count_Limit`, 100 by default, any number in a workspace): it silently serves
/// fewer, and the fetch takes the size it was granted from the first answer.
pub const DEFAULT_PAGE_SIZE: u64 = MAX_PAGE_SIZE;

/// The most rows one page may be asked for.
pub const MAX_PAGE_SIZE: u64 = 1_000;

/// The most sessions one load reads, whatever the server's `total` claims: a number a server
/// sends never sizes anything without this bound.
pub const MAX_SESSIONS: u64 = 1_000_000;

/// What the server's `filter` does, for the UI to show beside the box (contract §1).
pub const FILTER_HELP: &str = "Narrows what is downloaded. The server matches the text literally \
(not as a pattern), ignoring case, against the device name, device type, OS name, session ID and \
user ID, and against the sessions of users whose username or name contains it. IP addresses, \
hosts, versions and dates are not searched on the server; search those in the table.";

#[derive(Debug, Clone, PartialEq)]
pub struct FetchOptions {
    /// The server's literal filter; empty sends none.
    pub filter: String,
    /// Load at most this many sessions (the newest first).
    pub cap: Option<u64>,
    /// Pages in flight at once after the first.
    pub concurrency: usize,
    /// Rows asked per page (at most `MAX_PAGE_SIZE`); a server whose cap is lower serves
    /// fewer, and the fetch goes on at the size it was granted.
    pub page_size: u64,
    /// Rounds of re-reading when the list shifts under the fetch.
    pub max_rounds: u32,
    pub retry: RetryPolicy,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            filter: String::new(),
            cap: None,
            concurrency: 6,
            page_size: DEFAULT_PAGE_SIZE,
            max_rounds: 6,
            retry: RetryPolicy::default(),
        }
    }
}

/// One page to read. The driver waits `delay_ms` (a retry's backoff) before sending it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRequest {
    /// Unique within a fetch, so answers can be matched to requests.
    pub seq: u64,
    pub offset: u64,
    pub count: u64,
    /// Only the very first page carries the 2FA code; later pages ride the remembered window
    /// so a single-use e-mailed code is never spent twice.
    pub with_code: bool,
    pub delay_ms: u64,
    /// 1 for the first try of this page.
    pub attempt: u32,
    pub(crate) round: u32,
    /// The position the page starts at in the list as it was when its round began.
    pub(crate) start: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Distinct sessions held so far.
    pub loaded: u64,
    /// How many the fetch aims for (the server's total, or the cap), once known.
    pub target: Option<u64>,
    /// 1 for the first pass; more when the list shifted and is being re-read.
    pub round: u32,
    pub requests: u32,
}

/// `T` is what the fetch's `RowSink` made of the rows: the wire rows by default.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchResult<T = Vec<Session>> {
    /// Distinct by `_id`; newest first when capped, otherwise in the order they were read.
    pub sessions: T,
    /// The server's count of matching sessions, as last reported; the rows received when
    /// that count was unreadable or proved wrong (see `disagreement`).
    pub total: u64,
    /// Why `sessions.len()` is below `total`, when it is.
    pub shortfall: Option<Shortfall>,
    /// More sessions than `total`: some probably ended while the list was loading.
    pub surplus: u64,
    /// Rows the server sent that had no usable `_id`.
    pub malformed_rows: u64,
    /// Rows seen twice (page boundaries moved, or the server repeated one).
    pub duplicates: u64,
    pub rounds: u32,
    pub requests: u32,
    /// The server's count and the rows it actually has disagree (a lying or broken count).
    pub disagreement: Option<CountDisagreement>,
}

/// The server's `total` said one thing and its pages another: every row that exists was read
/// (the pages ran out before the count did), or the count could not be read at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountDisagreement {
    /// What the server claimed; `None` when its `total` was missing, negative or not a
    /// whole number.
    pub claimed: Option<u64>,
    /// The distinct sessions it actually sent.
    pub received: u64,
}

impl fmt::Display for CountDisagreement {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let n = self.received;
        let noun = if n == 1 { "session" } else { "sessions" };
        match self.claimed {
            Some(claimed) => write!(
                f,
                "The server's count of sessions ({claimed}) and the rows it sent disagree: it \
                 sent {n} {noun}, and all of them are shown."
            ),
            None if n == 1 => f.write_str(
                "The server sent no usable count of sessions: the one session it sent is shown.",
            ),
            None => write!(
                f,
                "The server sent no usable count of sessions: all {n} {noun} it sent are shown."
            ),
        }
    }
}

/// How many sessions are missing from a result, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Shortfall {
    /// `total - sessions.len()`.
    pub missing: u64,
    pub reasons: Vec<ShortfallReason>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ShortfallReason {
    /// The fetch stopped at the requested cap.
    Capped { cap: u64 },
    /// Rows without an `_id` cannot be shown.
    MalformedRows { count: u64 },
    /// Pages kept failing after their retries.
    PagesFailed { pages: u32, last_error: ApiError },
    /// New logins kept moving rows between pages through every re-reading round.
    KeptShifting { rounds: u32 },
    /// The server's total stayed above the rows it would return.
    TotalOvercounts,
    /// A 2FA challenge mid-load that could not be answered (the prompt was cancelled, or an
    /// e-mailed code cannot be reused): the rows read before it are kept.
    Interrupted { error: ApiError },
    /// The load reached the most requests or sessions one load may take.
    Ceiling { sessions: u64, requests: u32 },
}

impl fmt::Display for Shortfall {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let n = self.missing;
        write!(
            f,
            "{n} session{} could not be loaded",
            if n == 1 { "" } else { "s" }
        )?;
        for (i, reason) in self.reasons.iter().enumerate() {
            f.write_str(if i == 0 { ": " } else { "; " })?;
            match reason {
                ShortfallReason::Capped { cap } => {
                    write!(f, "loading stopped at the limit of {cap}")?
                }
                ShortfallReason::MalformedRows { count } => {
                    write!(f, "{count} row(s) from the server had no session ID")?
                }
                ShortfallReason::PagesFailed { pages, last_error } => write!(
                    f,
                    "{pages} page(s) kept failing ({})",
                    last_error.sentence().trim_end_matches('.')
                )?,
                ShortfallReason::KeptShifting { rounds } => write!(
                    f,
                    "new logins kept shifting the list through {rounds} reading rounds"
                )?,
                ShortfallReason::TotalOvercounts => {
                    f.write_str("the server counts more sessions than it returns")?
                }
                ShortfallReason::Interrupted { error } => write!(
                    f,
                    "loading stopped ({})",
                    error.sentence().trim_end_matches('.')
                )?,
                ShortfallReason::Ceiling { sessions, requests } => write!(
                    f,
                    "a load stops at {sessions} sessions or {requests} requests"
                )?,
            }
        }
        f.write_str(". Reload to try again.")
    }
}
