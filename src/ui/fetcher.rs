//! The shell's complete fetch: `Client::read_sessions_into` with each page's rows built into the
//! grid's compact set as it arrives (the wire rows of a load are never all alive at once),
//! a report of every 429 so the screen can say why loading pauses instead of sitting still
//! for a minute, and the page's own session marked among the rows.

use crate::api::client::AskCode;
use crate::api::drive::CancelHandle;
use crate::api::{ApiError, Client, FetchOptions, FetchResult, Progress, SecondFactor};
use crate::grid::{Own, Sessions, SessionsBuilder};

/// Every session (see `Client::read_sessions_into`) as the grid's set, its search text in the
/// browser's time zone; `on_limited` hears each 429 and its wait, and `ask` answers a 2FA
/// challenge that comes after the first page.
pub async fn load_sessions(
    client: &Client,
    opts: &FetchOptions,
    second: &SecondFactor,
    cancel: &CancelHandle,
    on_progress: &dyn Fn(Progress),
    on_limited: &dyn Fn(Option<u64>),
    ask: Option<&AskCode>,
) -> Result<FetchResult<Sessions>, ApiError> {
    let sink = SessionsBuilder::deduplicating(super::workspace::when::tz_offset_minutes());
    let load = client.read_sessions_into(opts, second, cancel, on_progress, on_limited, ask, sink);
    // list.all rows never say which session is the caller's: `sessions/list` does (8.7+).
    let (loaded, own) = futures::join!(load, client.own_session(Some(cancel)));
    let mut result = loaded?;
    match own {
        Ok(Some(id)) => result.sessions.mark_own(Own::Session(&id)),
        // An older server, or one that would not say: any session of this user may be it.
        _ => result
            .sessions
            .mark_own(Own::AnyOfUser(&client.credentials().user_id)),
    };
    Ok(result)
}
