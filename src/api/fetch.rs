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
//!
//! Nothing the server sends sizes the work without a bound. The page size is what the first
//! answer granted, not what was asked. A page that comes back short marks where the list
//! ends, so a `total` that claims more than exists costs at most the pages already in
//! flight; answers that bring no new row end a pass the same way; a re-reading pass never
//! reaches past the rows seen plus the logins since. Under all of that sit two ceilings:
//! `MAX_SESSIONS` sessions and [`FetchPlan::request_ceiling`] requests per load.

use super::error::ApiError;
use super::outcome::{
    CountDisagreement, FetchOptions, FetchResult, PageRequest, Progress, Shortfall,
    ShortfallReason, MAX_PAGE_SIZE, MAX_SESSIONS,
};
use super::retry::{Jitter, RetryPolicy};
use super::sink::{Collect, RowSink};
use super::spans::Spans;
use super::wire::SessionsPage;
use std::collections::VecDeque;

/// The rows go into `K` as they arrive (see [`RowSink`]); by default the wire rows are kept.
pub struct FetchPlan<K = Collect> {
    /// Rows asked per page: the page size, or the cap when smaller; after the first answer,
    /// what the server granted.
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
    /// The first page's `total` was missing or not a whole number: read until the pages end.
    total_unknown: bool,
    /// A pass read every position up to the list's end while the list held still, yet the
    /// count says more: the count is wrong, not the rows.
    overcounted: bool,
    /// Why the load ended early, when a 2FA prompt or a ceiling ended it.
    stop: Option<ShortfallReason>,
    /// Answers that were errors: each may be retried, so each widens the request budget.
    failed_answers: u64,
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
    /// The first round position where a page came back short: nothing lies beyond it.
    end: Option<u64>,
    /// Answers in a row that brought no new row, and where the first of them started.
    dry: u32,
    dry_from: u64,
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
        let page = opts.page_size.clamp(1, MAX_PAGE_SIZE);
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
            total_unknown: false,
            overcounted: false,
            stop: None,
            failed_answers: 0,
        }
    }

    /// The most requests one load may send: two full passes over `MAX_SESSIONS` at the page
    /// size in use, plus room for retries. Reaching it ends the load with what it has.
    pub fn request_ceiling(&self) -> u32 {
        let pages = MAX_SESSIONS.div_ceil(self.count.max(1));
        u32::try_from(pages.saturating_mul(2).saturating_add(64)).unwrap_or(u32::MAX)
    }

    /// Rows asked per page now (after the first answer: the size the server granted).
    pub fn page_size(&self) -> u64 {
        self.count
    }

    /// The pages to send now, within the concurrency limit. Call after every answer.
    pub fn next_requests(&mut self) -> Vec<PageRequest> {
        let mut out = Vec::new();
        if !matches!(self.state, State::Running)
            || self.broken
            || self.stop.is_some()
            || self.complete()
        {
            return out;
        }
        // The first page goes alone: it carries the 2FA code and learns `total`.
        let limit = if self.round.base.is_none() {
            1
        } else {
            self.concurrency
        };
        while self.in_flight < limit {
            if self.over_budget() {
                // The count keeps promising rows the pages do not bring: what exists is read.
                self.overcounted = true;
                if self.in_flight == 0 {
                    self.state = State::Done;
                }
                break;
            }
            if self.requests >= self.request_ceiling() {
                self.halt(ShortfallReason::Ceiling {
                    sessions: MAX_SESSIONS,
                    requests: self.request_ceiling(),
                });
                break;
            }
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
            target: self
                .round
                .base
                .filter(|_| !self.total_unknown)
                .map(|_| self.target(self.latest_total)),
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
        let cap = self.cap;
        let mut len = self.distinct;
        // Newest first, as the server pages, so the cap keeps the most recent logins.
        let keep = cap.filter(|&c| c < self.latest_total || len > c);
        if let Some(c) = keep {
            len = len.min(c);
        }
        // A count that could not be read, or that every position up to the list's end
        // disproved, is replaced by the rows that exist, and said so in one sentence.
        let disproved = self.total_unknown
            || (self.overcounted && self.target(self.latest_total) > len && self.stop.is_none());
        let disagreement = disproved.then_some(CountDisagreement {
            claimed: (!self.total_unknown).then_some(self.latest_total),
            received: self.distinct,
        });
        let total = if disproved { len } else { self.latest_total };
        let target = self.target(total);
        let mut reasons = Vec::new();
        if let Some(c) = keep.filter(|&c| c < total) {
            reasons.push(ShortfallReason::Capped { cap: c });
        }
        let ceiling_hit = matches!(self.stop, Some(ShortfallReason::Ceiling { .. }));
        if total > MAX_SESSIONS && cap.is_none_or(|c| c > MAX_SESSIONS) && !ceiling_hit {
            reasons.push(ShortfallReason::Ceiling {
                sessions: MAX_SESSIONS,
                requests: self.request_ceiling(),
            });
        }
        if target > len {
            if let Some(stop) = self.stop.clone() {
                reasons.push(stop);
            }
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
            if reasons.iter().all(|r| {
                matches!(
                    r,
                    ShortfallReason::Capped { .. } | ShortfallReason::Ceiling { .. }
                )
            }) {
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
            disagreement,
        })
    }

    /// How many sessions a complete fetch holds: the server's total, or the cap, and never
    /// more than `MAX_SESSIONS`.
    fn target(&self, total: u64) -> u64 {
        self.cap.map_or(total, |c| total.min(c)).min(MAX_SESSIONS)
    }

    fn complete(&self) -> bool {
        self.round.base.is_some()
            && self.distinct + self.malformed.max(self.round.malformed)
                >= self.target(self.latest_total)
    }

    /// Ends the load early for `why`, keeping what was read: at once when nothing is in
    /// flight, else when the last answer is in.
    fn halt(&mut self, why: ShortfallReason) {
        self.stop.get_or_insert(why);
        if self.in_flight == 0 && matches!(self.state, State::Running) {
            self.state = State::Done;
        }
    }

    /// Whether the load has sent what the rows it found can justify: every pass may read
    /// each distinct session once more (`max_rounds + 1` in all), plus a few passes' worth
    /// of pages in flight, a constant, and every failed answer (each retried or counted).
    /// Pages that bring new sessions raise it; empty, repeated or id-less rows, as a lying
    /// count draws, do not.
    fn over_budget(&self) -> bool {
        let pages = self.distinct.div_ceil(self.count.max(1));
        let budget = pages
            .saturating_mul(u64::from(self.max_rounds) + 1)
            .saturating_add(8 * (self.concurrency as u64 + 1))
            .saturating_add(64)
            .saturating_add(self.failed_answers);
        u64::from(self.requests) >= budget
    }

    /// Answers without a new row after which a first pass stops going forward: a few more
    /// than can be in flight, so pages that merely overlap never trip it, and at least 64
    /// rows' worth, so a few repeated rows on tiny pages do not either.
    fn dry_limit(&self) -> u32 {
        let rows = u32::try_from(64u64.div_ceil(self.count.max(1))).unwrap_or(64);
        (self.concurrency as u32 + 2).max(rows)
    }

    /// The next needed position worth sending: before the list's end as far as this round
    /// has seen it (a short page, or on a first pass answers that keep bringing nothing new).
    fn upcoming(&self) -> Option<u64> {
        let start = self.round.need.first_from(self.round.cursor)?;
        match self.round.end {
            Some(end) if start >= end => None,
            _ => Some(start),
        }
    }

    /// The next needed position not yet sent. Pages overlap by a few rows while people log
    /// in: a login during a page's flight moves its rows one later than the offset assumed,
    /// and the overlap keeps that from opening a gap before the next page.
    fn next_start(&mut self) -> Option<u64> {
        let start = self.upcoming()?;
        let overlap = if self.growth == 0 || self.answers == 0 {
            0
        } else {
            let per_flight = self.growth as f64 / self.answers as f64 * self.concurrency as f64;
            // Saturating float-to-int: a wild login rate caps at half a page below.
            ((per_flight * 3.0).ceil() as u64).saturating_add(1)
        };
        self.round.cursor = start + self.count - overlap.min(self.count / 2);
        Some(start)
    }

    /// Where a round position is now: the rows added since the round began sit in front.
    fn offset_for(&self, start: u64) -> u64 {
        match self.round.base {
            Some(base) if self.latest_total > base => {
                start.saturating_add(self.latest_total - base)
            }
            _ => start,
        }
    }

    fn accept(&mut self, req: &PageRequest, page: SessionsPage) {
        self.failures_in_a_row = 0;
        let raw = (page.sessions.rows.len() + page.sessions.skipped) as u64;
        // Rows past what was asked (a server that repeats one, or ignores `count`) say
        // nothing about the positions after the page.
        let span = raw.min(req.count);
        match (self.round.base, page.total) {
            (None, total) => {
                // No usable count: read until the pages run out, within MAX_SESSIONS.
                self.total_unknown = total.is_none();
                let t = total.unwrap_or(MAX_SESSIONS);
                // A short first page is the server's page size, unless the list is that short.
                if raw > 0 && raw < self.count && raw < t {
                    self.count = raw;
                } else if raw == 0 {
                    self.end_at(0);
                }
                self.round.base = Some(t);
                self.latest_total = t;
                self.round.need = Spans::range(0, self.target(t));
                // Room for what one pass can bring, not for what the count claims.
                self.sink
                    .expect(self.target(t).min(self.count.saturating_mul(64)));
                self.round.covered.insert(0, span);
                self.round.full = true;
                self.round.cursor = span;
            }
            (Some(_), _) if self.total_unknown => {
                // The count was unreadable at first: positions hold as long as pages do.
                self.round
                    .covered
                    .insert(req.start, req.start.saturating_add(span));
                self.note_end(req, raw);
            }
            (Some(base), Some(t)) => {
                self.round.moved |= t != self.latest_total;
                self.growth = self
                    .growth
                    .saturating_add(t.saturating_sub(self.latest_total));
                self.latest_total = t;
                if t < base {
                    // Sessions ended: rows moved up by amounts we cannot locate.
                    self.round.unreliable = true;
                } else {
                    let shift = t - base;
                    let end = req.offset.saturating_add(span).saturating_sub(shift);
                    self.round
                        .covered
                        .insert(req.offset.saturating_sub(shift), end);
                }
                self.note_end(req, raw);
            }
            (Some(_), None) => self.round.unreliable = true,
        }
        self.answers += 1;
        self.round.malformed += page.sessions.skipped as u64;
        let before = self.distinct;
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
        self.sink.page_taken();
        if self.distinct > before {
            self.round.dry = 0;
        } else {
            if self.round.dry == 0 {
                self.round.dry_from = req.start;
            }
            self.round.dry += 1;
            if self.round.dry >= self.dry_limit() && self.round.number == 1 {
                // Page after page of rows already held on a first pass, which reads forward
                // through rows it has never seen: past here the list has nothing new. Later
                // passes repeat rows by design and are held to the request budget instead.
                self.end_at(self.round.dry_from);
            }
        }
    }

    /// A page shorter than asked shows where the list ends, from this round's view.
    fn note_end(&mut self, req: &PageRequest, raw: u64) {
        if raw < req.count {
            self.end_at(req.start.saturating_add(raw));
        }
    }

    /// Nothing lies at or past round position `end`.
    fn end_at(&mut self, end: u64) {
        self.round.end = Some(self.round.end.map_or(end, |e| e.min(end)));
    }

    fn reject(&mut self, req: &PageRequest, e: ApiError) {
        self.failed_answers += 1;
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
        // The first page, or a user-wide refusal (auth, licence): every page would fail.
        if self.round.base.is_none() {
            return self.fail(e);
        }
        // A 2FA challenge that could not be answered mid-load keeps the rows read before it.
        if e.is_two_factor() {
            return self.halt(ShortfallReason::Interrupted { error: e });
        }
        if e.stops_a_fetch() {
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
        if self.stop.is_some() {
            self.malformed = self.malformed.max(self.round.malformed);
            self.state = State::Done;
            return;
        }
        if self.over_budget() {
            self.malformed = self.malformed.max(self.round.malformed);
            self.last_round_moved = self.round.moved || self.round.unreliable;
            self.overcounted = true;
            self.state = State::Done;
            return;
        }
        let idle = self.upcoming().is_none() && self.round.retries.is_empty();
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
        let calm = !self.round.moved && !self.round.unreliable;
        // The positions the round still lacks, up to where the list was seen to end.
        let lacking = {
            let gaps = self.round.need.minus(&self.round.covered);
            match self.round.end {
                Some(end) => gaps.clipped(end),
                None => gaps,
            }
        };
        if calm && lacking.is_empty() && self.round.end.is_some() && self.round.failed == 0 {
            // Every position up to the list's end was read while the list held still: the
            // count says more than exists, and reading again would only repeat it.
            self.overcounted = true;
            self.state = State::Done;
            return;
        }
        // A re-reading pass reaches no further than the rows seen plus the logins since,
        // plus a pass's worth of pages: a count that only grows on paper buys nothing.
        let reach = (self.distinct + self.malformed)
            .saturating_add(total.saturating_sub(base))
            .saturating_add(self.count.saturating_mul(self.concurrency as u64 + 1));
        let everything = Spans::range(0, self.target(total).min(reach));
        let settled = calm && self.round.new_rows == 0;
        if settled && (self.round.full || self.round.failed > 0) {
            // The list held still and this round found nothing new: reading it again would
            // only repeat the same failures or the same overcounted total.
            self.state = State::Done;
            return;
        }
        let mut need = if self.round.unreliable || settled || self.total_unknown {
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
