//! "Remember server and user ID on this device": the only thing the app ever writes to
//! storage, and only when the admin ticks the box. Never a token, code or password. And what
//! the sign-in form starts with on this device.

use super::state::Prefill;
use crate::options::Options;
use serde::{Deserialize, Serialize};

const KEY: &str = "rcdm:remember";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remembered {
    #[serde(default)]
    pub server: String,
    #[serde(default, rename = "userId")]
    pub user_id: String,
    #[serde(default)]
    pub username: String,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What was remembered; nothing when storage is off or holds something unreadable.
pub fn load() -> Option<Remembered> {
    let text = storage()?.get_item(KEY).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

pub fn save(r: &Remembered) {
    if let (Some(s), Ok(text)) = (storage(), serde_json::to_string(r)) {
        // Full or blocked storage: the convenience is lost, nothing else.
        let _ = s.set_item(KEY, &text);
    }
}

pub fn forget() {
    if let Some(s) = storage() {
        let _ = s.remove_item(KEY);
    }
}

/// What the form starts with on this device: the host's options, else what was remembered.
pub fn initial_prefill(options: &Options) -> Prefill {
    if !options.user_id.is_empty() || !options.server_url.is_empty() {
        return Prefill {
            server: options.server_url.clone(),
            user_id: options.user_id.clone(),
            auth_token: options.auth_token.clone(),
            ..Prefill::default()
        };
    }
    remembered_prefill()
}

pub fn remembered_prefill() -> Prefill {
    match load() {
        Some(r) => Prefill {
            server: r.server,
            user_id: r.user_id,
            username: r.username,
            remember: true,
            ..Prefill::default()
        },
        None => Prefill::default(),
    }
}
