//! Test-only control endpoints under /_sim/ (mounted with `--test-control`): faults, reset,
//! email codes, licence, forgetting 2FA windows, adding logins, the current TOTP code.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::auth::add_login;
use crate::config::Faults;
use crate::errors::json_response;
use crate::state::{lock, read, write, AppState};

fn ok(v: Value) -> Response {
    json_response(StatusCode::OK, v.to_string())
}

fn bad(msg: String) -> Response {
    json_response(
        StatusCode::BAD_REQUEST,
        json!({"success": false, "error": msg}).to_string(),
    )
}

fn parse<T: for<'de> Deserialize<'de> + Default>(body: &Bytes) -> Result<T, Response> {
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return Ok(T::default());
    }
    serde_json::from_slice(body).map_err(|e| bad(format!("bad JSON body: {e}")))
}

async fn set_faults(State(st): State<Arc<AppState>>, body: Bytes) -> Response {
    match parse::<Faults>(&body) {
        // Absurd values (a day-long delay, u64::MAX) are refused, never stored: no fault
        // value may panic or wedge the server.
        Ok(f) if f.validate().is_err() => bad(f.validate().err().unwrap_or_default()),
        Ok(f) => {
            st.list_all_calls.store(0, Ordering::SeqCst);
            let v = serde_json::to_value(&f).unwrap_or(Value::Null);
            *write(&st.faults) = f;
            ok(json!({"success": true, "faults": v}))
        }
        Err(r) => r,
    }
}

async fn get_faults(State(st): State<Arc<AppState>>) -> Response {
    let f = read(&st.faults).clone();
    ok(json!({"success": true, "faults": f}))
}

async fn reset(State(st): State<Arc<AppState>>) -> Response {
    st.reset();
    ok(json!({"success": true}))
}

async fn email_codes(State(st): State<Arc<AppState>>) -> Response {
    let codes = lock(&st.accounts).email_outbox.clone();
    ok(json!({"success": true, "codes": codes}))
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Licence {
    enabled: Option<bool>,
}

async fn licence(State(st): State<Arc<AppState>>, body: Bytes) -> Response {
    match parse::<Licence>(&body) {
        Ok(Licence { enabled: Some(e) }) => {
            st.licence.store(e, Ordering::SeqCst);
            ok(json!({"success": true, "enabled": e}))
        }
        Ok(_) => bad("expected {\"enabled\": true|false}".into()),
        Err(r) => r,
    }
}

async fn expire_2fa(State(st): State<Arc<AppState>>) -> Response {
    let mut a = lock(&st.accounts);
    let mut n = 0;
    for t in a.tokens.values_mut() {
        if t.remembered.take().is_some() {
            n += 1;
        }
    }
    ok(json!({"success": true, "forgotten": n}))
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
struct AddSessions {
    count: Option<usize>,
    user_id: Option<String>,
    user_agent: Option<String>,
    ip: Option<String>,
    host: Option<String>,
}

async fn add_sessions(State(st): State<Arc<AppState>>, body: Bytes) -> Response {
    let req = match parse::<AddSessions>(&body) {
        Ok(r) => r,
        Err(r) => return r,
    };
    let n = req.count.unwrap_or(1).min(100_000);
    let ua = req.user_agent.unwrap_or_else(|| {
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36".into()
    });
    let device = crate::auth::device_from_user_agent(&ua);
    let mut added = Vec::with_capacity(n);
    for _ in 0..n {
        let uid = match &req.user_id {
            Some(u) => u.clone(),
            None => random_user(&st),
        };
        let ip = req.ip.clone().unwrap_or_else(|| "198.51.100.7".into());
        let host = req.host.clone().unwrap_or_else(|| "localhost:3000".into());
        added.push(add_login(&st, &uid, &device, &ip, &host, false).0);
    }
    let total = read(&st.store).len();
    ok(json!({"success": true, "added": added, "total": total}))
}

/// Any known user: new logins look like the existing population.
pub fn random_user(st: &AppState) -> String {
    let store = read(&st.store);
    let n = store.users.len();
    if n == 0 {
        return st.cfg.admin_user_id.clone();
    }
    let i = lock(&st.rng).below(n);
    store.users[i].id.to_string()
}

async fn totp(State(st): State<Arc<AppState>>) -> Response {
    let code = crate::admin_totp_code(&st);
    ok(json!({"success": true, "code": code}))
}

pub fn router(st: Arc<AppState>) -> Router {
    Router::new()
        .route("/_sim/faults", post(set_faults).get(get_faults))
        .route("/_sim/reset", post(reset))
        .route("/_sim/email-codes", get(email_codes))
        .route("/_sim/licence", post(licence))
        .route("/_sim/expire-2fa", post(expire_2fa))
        .route("/_sim/sessions", post(add_sessions))
        .route("/_sim/totp", get(totp))
        .with_state(st)
}
