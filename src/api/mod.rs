//! The Rocket.Chat REST client: wire types, errors as types, and the calls the app makes.

pub mod client;
pub mod error;
pub mod wire;

pub use client::{Client, Credentials};
pub use error::ApiError;
