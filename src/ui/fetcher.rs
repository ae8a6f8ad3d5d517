//! The shell's complete fetch: `Client::fetch_into` with each page's rows built into the
//! grid's compact set as it arrives (the wire rows of a load are never all alive at once),
//! plus a report of every 429 so the screen can say why loading pauses instead of sitting
//! still for a minute.

use crate::api::drive::CancelHandle;
use crate::api::{ApiError, Client, FetchOptions, FetchResult, Progress, SecondFactor};
use crate::grid::{Sessions, SessionsBuilder};

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
    let sink = SessionsBuilder::deduplicating(super::workspace::when::tz_offset_minutes());
    client
        .fetch_into(opts, second, cancel, on_progress, on_limited, sink)
        .await
}
