//! Fetching every session as a sans-io state machine: it says which pages to read, is told
//! what came back, and ends with exactly the server's set of sessions or an honest shortfall.
//!
//! The list is paged by `loginAt` descending, so a login during the fetch puts a row in
//! front and pushes every row one position further: pages read after it overlap the ones
//! before (duplicates) and rows slip past page boundaries (misses), while `total` grows.
//! Each round therefore works in the positions the list had when the round began: an answer
//! at `offset` with `total` T covers positions `offset - (T - base)` onward, because the
//! T - base rows added since were all put in front. Positions no answer covered, plus the
//! new rows at the front, are what the next round reads. Counting distinct `_id`s against
//! the latest `total` decides when the set is complete; when removals or odd answers make
//! positions untrustworthy, a round re-reads everything from the front.

use super::error::ApiError;
use super::outcome::{
    FetchOptions, FetchResult, PageRequest, Progress, Shortfall, ShortfallReason, PAGE_CAP,
};
use super::retry::{Jitter, RetryPolicy};
use super::sink::{Collect, RowSink};
use super::spans::Spans;
use super::wire::SessionsPage;
use std::collections::VecDeque;

/// The rows go into `K` as they arrive (see [`RowSink`]); by default the wire rows are kept.
pub struct FetchPlan<K = Collect> {
    /// Rows asked per page: the page size, or the cap when smaller.
    count: u64,
    cap: Option<u64>,
    concurrency: usize,
    max_rounds: u32,
    retry: RetryPolicy,
    jitter: Jitter,
    /// Failed pages in a row, with no success between, after which the server is taken to be
    /// down and the fetch ends with what it has.
    breaker: u32,
    state: State,
    seq: u64,
    requests: u32,
    in_flight: usize,
    round: Round,
    sink: K,
    /// Distinct `_id`s the sink took.
    distinct: u64,
    malformed: u64,
    duplicates: u64,
    failed_pages: u32,
    last_failure: Option<ApiError>,
    failures_in_a_row: u32,
    broken: bool,
    latest_total: u64,
    last_round_moved: bool,
    /// Rows added in front, and answers, since the first page: the login rate that sets
    /// how much consecutive pages overlap.
    growth: u64,
    answers: u64,
}

enum State {
    Running,
    Done,
    Failed(ApiError),
}

/// One pass over the positions still needed.
#[derive(Default)]
struct Round {
    number: u32,
    /// `total` when the round began; `None` until the first page has answered.
    base: Option<u64>,
    need: Spans,
    covered: Spans,
    /// Needed positions below this have been sent.
    cursor: u64,
    first_sent: bool,
    retries: VecDeque<PageRequest>,
    full: bool,
    moved: bool,
    unreliable: bool,
    new_rows: u64,
    malformed: u64,
    failed: u32,
}

impl FetchPlan<Collect> {
    /// `seed` feeds the retry jitter only.
    pub fn new(opts: &FetchOptions, seed: u64) -> Self {
        Self::with_sink(opts, seed, Collect::default())
    }
}

impl<K: RowSink> FetchPlan<K> {
    /// A plan that hands each new row to `sink` as its page arrives.
    pub fn with_sink(opts: &FetchOptions, seed: u64, sink: K) -> Self {
        let page = opts.page_size.clamp(1, PAGE_CAP);
        let cap = opts.cap.map(|c| c.max(1));
        let concurrency = opts.concurrency.max(1);
        Self {
            // Never 0: `count=0` reaches the server's aggregation as `$limit: 0`.
            count: cap.map_or(page, |c| c.min(page)),
            cap,
            concurrency,
            max_rounds: opts.max_rounds.max(1),
            retry: opts.retry,
            jitter: Jitter::new(seed),
            breaker: (2 * concurrency as u32).max(4),
            state: State::Running,
            seq: 0,
            requests: 0,
            in_flight: 0,
            round: Round {
                number: 1,
                ..Round::default()
            },
            sink,
            distinct: 0,
            malformed: 0,
            duplicates: 0,
            failed_pages: 0,
            last_failure: None,
            failures_in_a_row: 0,
            broken: false,
            latest_total: 0,
            last_round_moved: false,
            growth: 0,
            answers: 0,
        }
    }

    /// The pages to send now, within the concurrency limit. Call after every answer.
    pub fn next_requests(&mut self) -> Vec<PageRequest> {
        let mut out = Vec::new();
        if !matches!(self.state, State::Running) || self.broken || self.complete() {
            return out;
        }
        // The first page goes alone: it carries the 2FA code and learns `total`.
        let limit = if self.round.base.is_none() {
            1
        } else {
            self.concurrency
        };
        while self.in_flight < limit {
            let req = if let Some(mut r) = self.round.retries.pop_front() {
                r.offset = self.offset_for(r.start);
                r
            } else if self.round.base.is_none() {
                if self.round.first_sent {
                    break;
                }
                self.round.first_sent = true;
                PageRequest {
                    seq: 0,
                    offset: 0,
                    count: self.count,
                    with_code: true,
                    delay_ms: 0,
                    attempt: 1,
                    round: 1,
                    start: 0,
                }
            } else if let Some(start) = self.next_start() {
                PageRequest {
                    seq: 0,
                    offset: self.offset_for(start),
                    count: self.count,
                    with_code: false,
                    delay_ms: 0,
                    attempt: 1,
                    round: self.round.number,
                    start,
                }
            } else {
                break;
            };
            self.seq += 1;
            self.requests += 1;
            self.in_flight += 1;
            out.push(PageRequest {
                seq: self.seq,
                ..req
            });
        }
        out
    }

    /// Feeds the answer to a request from `next_requests`.
    pub fn on_page(&mut self, req: &PageRequest, result: Result<SessionsPage, ApiError>) {
        self.in_flight = self.in_flight.saturating_sub(1);
        if !matches!(self.state, State::Running) || req.round != self.round.number {
            return;
        }
        match result {
            Ok(page) => self.accept(req, page),
            Err(e) => self.reject(req, e),
        }
        self.settle();
    }

    pub fn is_done(&self) -> bool {
        !matches!(self.state, State::Running)
    }

    pub fn in_flight(&self) -> usize {
        self.in_flight
    }

    pub fn progress(&self) -> Progress {
        Progress {
            loaded: self.distinct,
            target: self.round.base.map(|_| self.target(self.latest_total)),
            round: self.round.number,
            requests: self.requests,
        }
    }

    /// The outcome: an error that stopped the fetch, or the sessions with any shortfall.
    pub fn finish(self) -> Result<FetchResult<K::Output>, ApiError> {
        if let State::Failed(e) = self.state {
            return Err(e);
        }
        if self.round.base.is_none() {
            return Err(ApiError::Cancelled);
        }
        let total = self.latest_total;
        let target = self.target(total);
        let cap = self.cap;
        let mut reasons = Vec::new();
        let mut len = self.distinct;
        // Newest first, as the server pages, so the cap keeps the most recent logins.
        let keep = cap.filter(|&c| c < total || len > c);
        if let Some(cap) = keep {
            len = len.min(cap);
            if cap < total {
                reasons.push(ShortfallReason::Capped { cap });
            }
        }
        if target > len {
            if let (true, Some(last_error)) = (self.failed_pages > 0, self.last_failure) {
                reasons.push(ShortfallReason::PagesFailed {
                    pages: self.failed_pages,
                    last_error,
                });
            }
            if self.last_round_moved {
                reasons.push(ShortfallReason::KeptShifting {
                    rounds: self.round.number,
                });
            }
            if self.malformed > 0 {
                reasons.push(ShortfallReason::MalformedRows {
                    count: self.malformed,
                });
            }
            if reasons
                .iter()
                .all(|r| matches!(r, ShortfallReason::Capped { .. }))
            {
                reasons.push(ShortfallReason::TotalOvercounts);
            }
        }
        let missing = total.saturating_sub(len);
        let sessions = self
            .sink
            .finish(keep.map(|c| usize::try_from(c).unwrap_or(usize::MAX)));
        Ok(FetchResult {
            sessions,
            total,
            shortfall: (missing > 0).then_some(Shortfall { missing, reasons }),
            surplus: if cap.is_some_and(|c| c <= len) {
                0
            } else {
                len.saturating_sub(total)
            },
            malformed_rows: self.malformed,
            duplicates: self.duplicates,
            rounds: self.round.number,
            requests: self.requests,
        })
    }

    /// How many sessions a complete fetch holds: the server's total, or the cap.
    fn target(&self, total: u64) -> u64 {
        self.cap.map_or(total, |c| total.min(c))
    }

    fn complete(&self) -> bool {
        self.round.base.is_some()
            && self.distinct + self.malformed.max(self.round.malformed)
                >= self.target(self.latest_total)
    }

    /// The next needed position not yet sent. Pages overlap by a few rows while people log
    /// in: a login during a page's flight moves its rows one later than the offset assumed,
    /// and the overlap keeps that from opening a gap before the next page.
    fn next_start(&mut self) -> Option<u64> {
        let start = self.round.need.first_from(self.round.cursor)?;
        let overlap = if self.growth == 0 || self.answers == 0 {
            0
        } else {
            let per_flight = self.growth as f64 / self.answers as f64 * self.concurrency as f64;
            (per_flight * 3.0).ceil() as u64 + 1
        };
        self.round.cursor = start + self.count - overlap.min(self.count / 2);
        Some(start)
    }

    /// Where a round position is now: the rows added since the round began sit in front.
    fn offset_for(&self, start: u64) -> u64 {
        match self.round.base {
            Some(base) if self.latest_total > base => start + (self.latest_total - base),
            _ => start,
        }
    }

    fn accept(&mut self, req: &PageRequest, page: SessionsPage) {
        self.failures_in_a_row = 0;
        let raw = (page.sessions.rows.len() + page.sessions.skipped) as u64;
        match (self.round.base, page.total) {
            (None, None) => {
                return self.fail(ApiError::BadShape {
                    status: 200,
                    field: "total".into(),
                })
            }
            (None, Some(t)) => {
                self.round.base = Some(t);
                self.latest_total = t;
                self.round.need = Spans::range(0, self.target(t));
                self.sink.expect(self.target(t));
                self.round.covered.insert(0, raw);
                self.round.full = true;
                self.round.cursor = raw;
            }
            (Some(base), Some(t)) => {
                self.round.moved |= t != self.latest_total;
                self.growth += t.saturating_sub(self.latest_total);
                self.latest_total = t;
                if t < base {
                    // Sessions ended: rows moved up by amounts we cannot locate.
                    self.round.unreliable = true;
                } else {
                    let shift = t - base;
                    let end = (req.offset + raw).saturating_sub(shift);
                    self.round
                        .covered
                        .insert(req.offset.saturating_sub(shift), end);
                }
            }
            (Some(_), None) => self.round.unreliable = true,
        }
        self.answers += 1;
        self.round.malformed += page.sessions.skipped as u64;
        for s in page.sessions.rows {
            if s.id.as_deref().is_none_or(|id| id.trim().is_empty()) {
                self.round.malformed += 1;
                continue;
            }
            if self.sink.take(s) {
                self.distinct += 1;
                self.round.new_rows += 1;
            } else {
                self.duplicates += 1;
            }
        }
    }

    fn reject(&mut self, req: &PageRequest, e: ApiError) {
        if let Some(delay_ms) = self
            .retry
            .after_failure(req.attempt, &e, self.jitter.next_f64())
        {
            self.round.retries.push_back(PageRequest {
                attempt: req.attempt + 1,
                delay_ms,
                ..req.clone()
            });
            return;
        }
        // The first page or a user-wide refusal (2FA, auth, licence): every page would fail.
        if self.round.base.is_none() || e.stops_a_fetch() {
            return self.fail(e);
        }
        self.round.failed += 1;
        self.failed_pages += 1;
        self.last_failure = Some(e);
        self.failures_in_a_row += 1;
        if self.failures_in_a_row >= self.breaker {
            self.broken = true;
        }
    }

    fn fail(&mut self, e: ApiError) {
        self.state = State::Failed(e);
    }

    /// Ends the round once nothing is in flight and nothing more is worth sending.
    fn settle(&mut self) {
        if !matches!(self.state, State::Running) || self.in_flight > 0 {
            return;
        }
        let idle = self.round.need.first_from(self.round.cursor).is_none()
            && self.round.retries.is_empty();
        if self.round.base.is_none() || !(idle || self.complete() || self.broken) {
            return;
        }
        self.malformed = self.malformed.max(self.round.malformed);
        self.last_round_moved = self.round.moved || self.round.unreliable;
        if self.complete() || self.broken || self.round.number >= self.max_rounds {
            self.state = State::Done;
            return;
        }
        let Some(base) = self.round.base else { return };
        let total = self.latest_total;
        let everything = Spans::range(0, self.target(total));
        let settled = !self.round.moved && !self.round.unreliable && self.round.new_rows == 0;
        if settled && (self.round.full || self.round.failed > 0) {
            // The list held still and this round found nothing new: reading it again would
            // only repeat the same failures or the same overcounted total.
            self.state = State::Done;
            return;
        }
        let mut need = if self.round.unreliable || settled {
            everything.clone()
        } else {
            let shift = total.saturating_sub(base);
            let gaps = self.round.need.minus(&self.round.covered);
            Spans::range(0, shift)
                .union(&gaps.shifted(shift))
                .clipped(self.target(total))
        };
        if need.is_empty() {
            // The positions say all was read but the count disagrees: trust the count.
            need = everything.clone();
        }
        self.round = Round {
            number: self.round.number + 1,
            base: Some(total),
            first_sent: true,
            full: need == everything,
            need,
            ..Round::default()
        };
    }
}
