//! The Rocket.Chat REST client: wire types, errors as types, the 2FA flows, and a complete,
//! cancellable fetch of every session whose paging logic is pure and tested natively.
//!
//! How the UI drives a load (see `ui::control` and `ui::fetcher`):
//!
//! ```text
//! let (generation, cancel) = slot.begin();   // FetchSlot: cancels the previous load
//! spawn_local(async move {
//!     let result = client.read_sessions_into(&opts, &second, &cancel,
//!         &|p| dispatch(Action::Progress(generation, p)), &on_limited, Some(&ask), sink).await;
//!     dispatch(Action::Loaded(generation, result));   // the reducer drops it unless current
//! });
//! ```
//!
//! A `TwoFactorRequired`/`TwoFactorInvalid` error carries the challenge: ask for the code
//! (or password) in place, build `SecondFactor::answer(&challenge.method, typed)`, and
//! repeat the same call with it. `Err(Cancelled)` is only ever the answer to a cancel.

pub mod auth;
pub mod classify;
pub mod client;
pub mod decode;
pub mod drive;
pub mod error;
pub mod fetch;
pub mod http;
pub mod outcome;
pub mod retry;
mod sanitize;
pub mod sink;
pub mod spans;
pub mod wire;

pub use auth::{password_code, Credentials, SecondFactor, TwoFactorChallenge, TwoFactorMethod};
pub use client::{Client, EmailCode};
pub use decode::decode_page;
pub use drive::{CancelHandle, FetchSlot, Generation};
pub use error::ApiError;
pub use fetch::FetchPlan;
pub use outcome::{
    CountDisagreement, FetchOptions, FetchResult, PageRequest, Progress, Shortfall,
    ShortfallReason, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_SESSIONS,
};
pub use retry::RetryPolicy;
pub use sink::{Collect, RowSink};
