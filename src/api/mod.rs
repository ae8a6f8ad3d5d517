//! The Rocket.Chat REST client: wire types, errors as types, the 2FA flows, and a complete,
//! cancellable fetch of every session whose paging logic is pure and tested natively.

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
pub mod spans;
pub mod wire;

pub use auth::{password_code, Credentials, SecondFactor, TwoFactorChallenge, TwoFactorMethod};
pub use client::{Client, EmailCode};
pub use decode::decode_page;
pub use drive::{CancelHandle, FetchSlot, Generation};
pub use error::ApiError;
pub use fetch::FetchPlan;
pub use outcome::{
    FetchOptions, FetchResult, PageRequest, Progress, Shortfall, ShortfallReason, FILTER_HELP,
    PAGE_CAP,
};
pub use retry::RetryPolicy;
