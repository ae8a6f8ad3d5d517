//! Success bodies → wire types, or the `ApiError` that says what was wrong with them. The page
//! decoder is one function so it can be swapped (say, for `JSON.parse` + serde-wasm-bindgen)
//! once a browser benchmark shows it is faster.

use super::error::{sanitize, ApiError};
use super::wire::{LoginAnswer, Me, Session, SessionsPage};
use serde::de::DeserializeOwned;

/// One page of `sessions/list.all`.
pub fn decode_page(body: &str) -> Result<SessionsPage, ApiError> {
    decode(200, body, "sessions")
}

/// `sessions/info.admin`: the session's fields at the top level.
pub fn decode_session(status: u16, body: &str) -> Result<Session, ApiError> {
    let s: Session = decode(status, body, "_id")?;
    match s.id.as_deref() {
        Some(id) if !id.is_empty() => Ok(s),
        _ => Err(bad_shape(status, "_id")),
    }
}

/// `GET me`.
pub fn decode_me(status: u16, body: &str) -> Result<Me, ApiError> {
    let me: Me = decode(status, body, "_id")?;
    match me.id.as_deref() {
        Some(id) if !id.is_empty() => Ok(me),
        _ => Err(bad_shape(status, "_id")),
    }
}

/// `POST login`: the new user id and token, and the user when the server sent it.
pub fn decode_login(status: u16, body: &str) -> Result<(String, String, Option<Me>), ApiError> {
    let answer: LoginAnswer = decode(status, body, "data")?;
    let data = answer.data;
    let user_id = data.user_id.filter(|s| !s.is_empty());
    let token = data.auth_token.filter(|s| !s.is_empty());
    match (user_id, token) {
        (Some(u), Some(t)) => Ok((u, t, data.me)),
        (None, _) => Err(bad_shape(status, "data.userId")),
        (_, None) => Err(bad_shape(status, "data.authToken")),
    }
}

/// A body that only has to be JSON with `success` not false (`sessions/logout`, `logout`).
pub fn decode_ack(status: u16, body: &str) -> Result<(), ApiError> {
    let v: serde_json::Value = decode(status, body, "success")?;
    match v.get("success").and_then(serde_json::Value::as_bool) {
        Some(false) => Err(bad_shape(status, "success")),
        _ => Ok(()),
    }
}

fn decode<T: DeserializeOwned>(status: u16, body: &str, main_field: &str) -> Result<T, ApiError> {
    serde_json::from_str(body).map_err(|e| {
        if e.is_eof() || e.is_syntax() {
            return ApiError::NotJson {
                status,
                truncated: e.is_eof() && !body.trim().is_empty(),
            };
        }
        // serde names the field only when it is missing; otherwise it is the main one.
        let msg = e.to_string();
        let field = msg
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next())
            .unwrap_or(main_field);
        bad_shape(status, field)
    })
}

fn bad_shape(status: u16, field: &str) -> ApiError {
    ApiError::BadShape {
        status,
        field: sanitize(field, 40),
    }
}
