//! Shared helpers for the conformance tests: start rc-sim in-process on port 0, talk HTTP.
#![allow(dead_code)]

use std::time::Duration;

use rc_sim::testclient::{request, Resp};
use rc_sim::{Config, Server};
use serde_json::Value;

pub const ADMIN_ID: &str = "rcsimAdminUser001";
pub const ADMIN_TOKEN: &str = "rcsim-admin-token-0123456789abcdefghijklmn";
pub const ADMIN_SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
pub const PAT: &str = rc_sim::accounts::ADMIN_PAT;
pub const PLAIN: (&str, &str) = (
    "rcsimPlainUser001",
    "rcsim-plain-token-0123456789abcdefghijklmn",
);
pub const NO2FA: (&str, &str) = (
    "rcsimNo2faUser001",
    "rcsim-no2fa-token-0123456789abcdefghijklmn",
);
pub const EMAIL: (&str, &str) = (
    "rcsimEmailUser001",
    "rcsim-email-token-0123456789abcdefghijklmn",
);
pub const VIEWER: (&str, &str) = (
    "rcsimViewerUser01",
    "rcsim-viewer-token-0123456789abcdefghijklm",
);

pub async fn sim(args: &[&str]) -> Server {
    let mut all = vec!["rc-sim", "--port", "0", "--print-totp", "off"];
    all.extend_from_slice(args);
    let cfg = Config::from_args(all).expect("valid flags");
    rc_sim::start(cfg).await.expect("server starts")
}

/// The TOTP code for `now + steps * 30 s`.
pub fn totp_at(steps: i64) -> String {
    let t = rc_sim::accounts::totp_for(ADMIN_SECRET).unwrap();
    let now = rc_sim::json::now_ms() / 1000 + steps * 30;
    t.generate(now as u64)
}

/// Waits until the current 30 s TOTP step has at least 2 s left, so codes computed here
/// are judged by the server in the same step.
pub async fn away_from_step_edge() {
    eventually(5, || async {
        rc_sim::json::now_ms().rem_euclid(30_000) < 28_000
    })
    .await;
}

pub fn totp() -> String {
    totp_at(0)
}

pub async fn call(
    srv: &Server,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Resp {
    tokio::time::timeout(
        Duration::from_secs(30),
        request(srv.addr, method, path, headers, body.map(str::as_bytes)),
    )
    .await
    .expect("no hung connection")
    .expect("request completes")
}

pub async fn get(srv: &Server, path: &str, headers: &[(&str, &str)]) -> Resp {
    call(srv, "GET", path, headers, None).await
}

pub async fn post(srv: &Server, path: &str, headers: &[(&str, &str)], body: &str) -> Resp {
    let mut h = headers.to_vec();
    h.push(("Content-Type", "application/json"));
    call(srv, "POST", path, &h, Some(body)).await
}

/// Admin headers with the PAT: 2FA never asked, so tests of other rules stay focused.
pub fn pat() -> Vec<(&'static str, &'static str)> {
    vec![("X-User-Id", ADMIN_ID), ("X-Auth-Token", PAT)]
}

pub fn admin() -> Vec<(&'static str, &'static str)> {
    vec![("X-User-Id", ADMIN_ID), ("X-Auth-Token", ADMIN_TOKEN)]
}

pub fn user(u: (&'static str, &'static str)) -> Vec<(&'static str, &'static str)> {
    vec![("X-User-Id", u.0), ("X-Auth-Token", u.1)]
}

pub fn with<'a>(
    mut h: Vec<(&'a str, &'a str)>,
    extra: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    h.extend_from_slice(extra);
    h
}

pub fn j(s: &str) -> Value {
    serde_json::from_str(s).unwrap()
}

pub fn ids(v: &Value) -> Vec<String> {
    v["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["_id"].as_str().unwrap().to_string())
        .collect()
}

pub fn sha256_hex(s: &str) -> String {
    rc_sim::twofa::sha256_hex(s)
}

/// Waits for a condition without fixed sleeps: polls, gives up after `secs`.
pub async fn eventually<F, Fut>(secs: u64, mut f: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + Duration::from_secs(secs);
    while tokio::time::Instant::now() < deadline {
        if f().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("condition not met within {secs} s");
}
