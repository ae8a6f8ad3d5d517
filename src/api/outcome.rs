//! What a fetch of every session is asked to do, what it asks the network for, how far it
//! got, and what it hands back — including, in words, why some sessions may be missing.

use super::error::ApiError;
use super::retry::RetryPolicy;
use super::wire::Session;
use crate::i18n::Lang;
use crate::tr;
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

impl CountDisagreement {
    /// The note above the table, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let n = self.received;
        match self.claimed {
            // The claimed count as the server sent it: it may be absurd, and it is quoted.
            Some(claimed) => tr!(
                lang,
                DISAGREE_CLAIMED,
                claimed = &claimed.to_string(),
                n = n
            ),
            None => tr!(lang, DISAGREE_NO_COUNT, n = n),
        }
    }
}

impl fmt::Display for CountDisagreement {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
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

impl ShortfallReason {
    /// One reason, as a clause of the shortfall sentence.
    fn text(&self, lang: Lang) -> String {
        let clause = |e: &ApiError| e.sentence(lang).trim_end_matches('.').to_owned();
        match self {
            Self::Capped { cap } => tr!(lang, REASON_CAPPED, cap = *cap),
            Self::MalformedRows { count } => tr!(lang, REASON_MALFORMED, count = *count),
            Self::PagesFailed { pages, last_error } => {
                tr!(
                    lang,
                    REASON_PAGES_FAILED,
                    pages = *pages,
                    error = &clause(last_error)
                )
            }
            Self::KeptShifting { rounds } => tr!(lang, REASON_KEPT_SHIFTING, rounds = *rounds),
            Self::TotalOvercounts => tr!(lang, REASON_TOTAL_OVERCOUNTS),
            Self::Interrupted { error } => tr!(lang, REASON_INTERRUPTED, error = &clause(error)),
            Self::Ceiling { sessions, requests } => {
                tr!(
                    lang,
                    REASON_CEILING,
                    sessions = *sessions,
                    requests = *requests
                )
            }
        }
    }
}

impl Shortfall {
    /// "750 sessions could not be loaded: …. Reload to try again." in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let n = self.missing;
        if self.reasons.is_empty() {
            return tr!(lang, SHORTFALL, n = n);
        }
        let reasons: Vec<String> = self.reasons.iter().map(|r| r.text(lang)).collect();
        let reasons = reasons.join(&tr!(lang, LIST_SEPARATOR));
        tr!(lang, SHORTFALL_BECAUSE, n = n, reasons = &reasons)
    }
}

impl fmt::Display for Shortfall {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}
