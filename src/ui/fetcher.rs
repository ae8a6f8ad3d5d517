//! The shell's complete fetch: the api's fetch plan and driver over the client's pages, as
//! `Client::fetch_all` runs them, with each page's rows built into the grid's compact set as
//! it arrives (the wire rows of a load are never all alive at once), plus a report of every
//! 429 so the screen can say why loading pauses instead of sitting still for a minute.

use crate::api::drive::{self, CancelHandle, PageSource};
use crate::api::wire::SessionsPage;
use crate::api::{
    ApiError, Client, FetchOptions, FetchResult, PageRequest, Progress, SecondFactor,
};
use crate::grid::{Sessions, SessionsBuilder};

struct Pages<'a> {
    client: &'a Client,
    filter: &'a str,
    second: &'a SecondFactor,
    cancel: &'a CancelHandle,
    on_limited: &'a dyn Fn(Option<u64>),
}

impl PageSource for Pages<'_> {
    async fn get_page(&self, req: &PageRequest) -> Result<SessionsPage, ApiError> {
        // Only the first page carries the code: an e-mailed one is single use.
        let none = SecondFactor::None;
        let second = if req.with_code { self.second } else { &none };
        let result = self
            .client
            .list_page_with(
                req.offset,
                req.count,
                self.filter,
                second,
                Some(self.cancel),
            )
            .await;
        if let Err(ApiError::RateLimited { wait_ms }) = &result {
            (self.on_limited)(*wait_ms);
        }
        result
    }

    async fn sleep(&self, ms: u64) {
        gloo_timers::future::TimeoutFuture::new(u32::try_from(ms).unwrap_or(u32::MAX)).await
    }
}

/// Every session (see `Client::fetch_all`) as the grid's set, its search text in the
/// browser's time zone; `on_limited` hears each 429 and its wait.
pub async fn fetch_all(
    client: &Client,
    opts: &FetchOptions,
    second: &SecondFactor,
    cancel: &CancelHandle,
    on_progress: &dyn Fn(Progress),
    on_limited: &dyn Fn(Option<u64>),
) -> Result<FetchResult<Sessions>, ApiError> {
    let source = Pages {
        client,
        filter: &opts.filter,
        second,
        cancel,
        on_limited,
    };
    let seed = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
    let sink = SessionsBuilder::deduplicating(super::workspace::when::tz_offset_minutes());
    drive::fetch_into(&source, opts, seed, cancel, on_progress, sink).await
}
