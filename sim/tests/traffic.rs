//! Conformance over real HTTP: contract §4 (rate limiting), §5 (CORS), plus faults, the
//! /_sim/ control endpoints, static files and the command line.

mod common;
use common::*;

const LIST: &str = "/api/v1/sessions/list.all";

/// §4 headers on rate-checked responses and the exact 429 body with the real wait.
#[tokio::test]
async fn s4_rate_limit_headers_and_429() {
    let srv = sim(&["--rate-limit", "3"]).await;
    let h = user(PLAIN);
    let before = rc_sim::json::now_ms();
    let mut last = None;
    for i in 0..3 {
        let r = get(&srv, "/api/v1/me", &h).await;
        assert_eq!(r.status, 200);
        assert_eq!(r.header("x-ratelimit-limit"), Some("3"));
        assert_eq!(
            r.header("x-ratelimit-remaining"),
            Some((2 - i).to_string().as_str())
        );
        let reset: i64 = r.header("x-ratelimit-reset").unwrap().parse().unwrap();
        assert!(
            reset >= before + 59_000 && reset <= before + 61_000,
            "epoch ms"
        );
        last = Some(r);
    }
    let _ = last;
    let r = get(&srv, "/api/v1/me", &h).await;
    assert_eq!(r.status, 429);
    let msg = r.json()["error"].as_str().unwrap().to_string();
    let want_prefix = "Error, too many requests. Please slow down. You must wait ";
    assert!(msg.starts_with(want_prefix), "{msg}");
    assert!(msg.ends_with(" seconds before trying this endpoint again. [error-too-many-requests]"));
    let n: i64 = msg[want_prefix.len()..]
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!((58..=60).contains(&n), "{n}");
    assert_eq!(r.json().as_object().unwrap().len(), 2);
    assert_eq!(r.header("x-ratelimit-remaining"), Some("0"));
    // Per route: another endpoint still has its own budget.
    assert_eq!(get(&srv, "/api/v1/sessions/list", &h).await.status, 200);
}

/// §4 admins hold api-bypass-rate-limit: no limit, no headers (unless --rate-limit-admins).
#[tokio::test]
async fn s4_admins_are_exempt() {
    let srv = sim(&["--rate-limit", "2"]).await;
    for _ in 0..5 {
        let r = get(&srv, LIST, &pat()).await;
        assert_eq!(r.status, 200);
        assert!(r.header("x-ratelimit-limit").is_none());
    }
    let srv = sim(&["--rate-limit", "2", "--rate-limit-admins"]).await;
    get(&srv, LIST, &pat()).await;
    get(&srv, LIST, &pat()).await;
    assert_eq!(get(&srv, LIST, &pat()).await.status, 429);
}

/// §5 CORS off (default): a preflight gets 405 and the fixed text.
#[tokio::test]
async fn s5_preflight_when_cors_is_off() {
    let srv = sim(&[]).await;
    let h = [
        ("Origin", "https://portal.example"),
        ("Access-Control-Request-Method", "GET"),
    ];
    let r = call(&srv, "OPTIONS", LIST, &h, None).await;
    assert_eq!(r.status, 405);
    assert_eq!(
        r.text(),
        "CORS not enabled. Go to \"Admin > General > REST Api\" to enable it."
    );
    // A plain cross-origin call is served, without CORS headers (the browser hides it).
    let r = get(
        &srv,
        LIST,
        &with(pat(), &[("Origin", "https://portal.example")]),
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(r.header("access-control-allow-origin").is_none());
}

/// §5 an origin list: a foreign origin gets 403 `Invalid origin`; a listed one the fixed headers.
#[tokio::test]
async fn s5_origin_list() {
    let srv = sim(&["--cors", "https://portal.example, https://other.example"]).await;
    let pre = |o: &'static str| {
        [
            ("Origin", o),
            ("Access-Control-Request-Method", "GET"),
            ("Access-Control-Request-Headers", "x-auth-token"),
        ]
    };
    let r = call(&srv, "OPTIONS", LIST, &pre("https://evil.example"), None).await;
    assert_eq!((r.status, r.text()), (403, "Invalid origin".to_string()));
    let r = call(&srv, "OPTIONS", LIST, &pre("https://Portal.example"), None).await;
    assert_eq!(r.status, 200);
    assert_eq!(
        r.header("access-control-allow-origin"),
        Some("https://Portal.example")
    );
    let allow = r.header("access-control-allow-headers").unwrap();
    assert_eq!(allow, "Origin, X-Requested-With, Content-Type, Accept, X-User-Id, X-Auth-Token, x-visitor-token, Authorization");
    assert!(!allow.to_lowercase().contains("x-2fa"));
    assert!(r.header("access-control-expose-headers").is_none());
    let r = get(
        &srv,
        LIST,
        &with(pat(), &[("Origin", "https://evil.example")]),
    )
    .await;
    assert_eq!(r.status, 403);
}

/// §5 `*`: Access-Control-Allow-Origin: * on plain responses, never Expose-Headers;
/// same-origin requests are unaffected.
#[tokio::test]
async fn s5_any_origin_and_same_origin() {
    let srv = sim(&["--cors", "*", "--rate-limit", "5"]).await;
    let r = get(
        &srv,
        "/api/v1/me",
        &with(user(PLAIN), &[("Origin", "https://portal.example")]),
    )
    .await;
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert!(r.header("access-control-expose-headers").is_none());
    assert!(
        r.header("x-ratelimit-limit").is_some(),
        "sent, just not exposed"
    );
    let own = format!("http://{}", srv.addr);
    let r = get(
        &srv,
        "/api/v1/me",
        &with(user(PLAIN), &[("Origin", own.as_str())]),
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(r.header("access-control-allow-origin").is_none());
    let srv = sim(&["--cors", "https://portal.example"]).await;
    let own = format!("http://{}", srv.addr);
    assert_eq!(
        get(
            &srv,
            "/api/v1/me",
            &with(pat(), &[("Origin", own.as_str())])
        )
        .await
        .status,
        200
    );
}

/// Faults: 500 with HTML, 502, 503 — on /api/ only, not on /_sim/.
#[tokio::test]
async fn faults_status_codes() {
    let srv = sim(&["--test-control", "--fail-500", "1"]).await;
    let r = get(&srv, LIST, &pat()).await;
    assert_eq!(r.status, 500);
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    assert!(r.text().contains("<html>"));
    assert_eq!(get(&srv, "/_sim/faults", &[]).await.status, 200);
    for (k, code) in [("fail_502", 502), ("fail_503", 503)] {
        let r = post(&srv, "/_sim/faults", &[], &format!(r#"{{"{k}":1.0}}"#)).await;
        assert_eq!(r.status, 200);
        assert_eq!(get(&srv, LIST, &pat()).await.status, code);
    }
    post(&srv, "/_sim/faults", &[], "{}").await;
    assert_eq!(get(&srv, LIST, &pat()).await.status, 200);
    let r = post(&srv, "/_sim/faults", &[], r#"{"nope":1}"#).await;
    assert_eq!(r.status, 400);
}

/// Faults: dropped connections, truncated JSON, wrong content type, trickled bodies, latency.
#[tokio::test]
async fn faults_broken_transport() {
    let srv = sim(&["--test-control", "--drop", "1"]).await;
    let r = rc_sim::testclient::request(srv.addr, "GET", LIST, &pat(), None).await;
    assert!(r.is_err(), "connection dropped");
    post(&srv, "/_sim/faults", &[], r#"{"truncate":1.0}"#).await;
    let r = get(&srv, LIST, &pat()).await;
    assert_eq!(r.status, 200);
    assert!(serde_json::from_slice::<serde_json::Value>(&r.body).is_err());
    post(&srv, "/_sim/faults", &[], r#"{"wrong_content_type":1.0}"#).await;
    let r = get(&srv, LIST, &pat()).await;
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    assert_eq!(r.json()["success"], true);
    post(
        &srv,
        "/_sim/faults",
        &[],
        r#"{"trickle_ms":5,"latency_ms":50,"jitter_ms":10}"#,
    )
    .await;
    let t = std::time::Instant::now();
    let r = get(&srv, LIST, &pat()).await;
    assert_eq!(r.json()["success"], true);
    assert!(t.elapsed() >= std::time::Duration::from_millis(50));
}

/// /_sim/reset restores data, tokens and switches; /_sim/sessions adds logins.
#[tokio::test]
async fn control_reset_and_add_sessions() {
    let srv = sim(&["--test-control"]).await;
    let r = post(
        &srv,
        "/_sim/sessions",
        &[],
        r#"{"count":4,"userId":"rcsimPlainUser001"}"#,
    )
    .await;
    assert_eq!(r.json()["added"].as_array().unwrap().len(), 4);
    assert_eq!(get(&srv, LIST, &pat()).await.json()["total"], 10);
    post(
        &srv,
        "/api/v1/sessions/logout",
        &pat(),
        r#"{"sessionId":"rcsimPlainSessn01"}"#,
    )
    .await;
    post(&srv, "/_sim/licence", &[], r#"{"enabled":false}"#).await;
    assert_eq!(post(&srv, "/_sim/reset", &[], "").await.status, 200);
    let v = get(&srv, LIST, &pat()).await.json();
    assert_eq!(v["total"], 6);
    assert_eq!(get(&srv, "/api/v1/me", &user(PLAIN)).await.status, 200);
    let totp = get(&srv, "/_sim/totp", &[]).await.json();
    assert_eq!(totp["code"].as_str().unwrap().len(), 6);
    // Without --test-control nothing is mounted.
    let srv = sim(&[]).await;
    assert_eq!(post(&srv, "/_sim/reset", &[], "").await.status, 404);
}

/// --serve-dir: the app at / on the same origin, SPA paths fall back to index.html.
#[tokio::test]
async fn static_files_and_spa_fallback() {
    let dir = std::env::temp_dir().join(format!("rc-sim-static-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>app</title>").unwrap();
    std::fs::write(dir.join("portal.html"), "<p>portal</p>").unwrap();
    let d = dir.to_string_lossy().to_string();
    let srv = sim(&["--serve-dir", &d, "--fail-500", "1"]).await;
    let r = get(&srv, "/", &[]).await;
    assert_eq!(
        (r.status, r.text().contains("<title>app</title>")),
        (200, true)
    );
    let r = get(&srv, "/devices/some/spa/path", &[]).await;
    assert_eq!(
        (r.status, r.text().contains("<title>app</title>")),
        (200, true)
    );
    assert_eq!(get(&srv, "/portal.html", &[]).await.text(), "<p>portal</p>");
    // Faults hit /api/ only.
    assert_eq!(get(&srv, LIST, &pat()).await.status, 500);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The command line: unknown flags are a clap error with exit code 2.
#[test]
fn cli_unknown_flag_exits_2() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rc-sim"))
        .arg("--no-such-flag")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rc-sim"))
        .args(["--port", "0", "--cors", "*", "--rate-limit", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// The command line prints `listening on http://127.0.0.1:PORT` first and serves pages.
#[test]
fn cli_prints_listening_line_and_serves() {
    use std::io::{BufRead, BufReader};
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rc-sim"))
        .args(["--port", "0", "--sessions", "5000", "--seed", "1"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .trim()
        .strip_prefix("listening on http://127.0.0.1:")
        .map(str::to_string);
    let port: u16 = url.expect("listening line").parse().unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let r = rt.block_on(rc_sim::testclient::request(
        ([127, 0, 0, 1], port).into(),
        "GET",
        "/api/v1/sessions/list.all?count=100",
        &pat(),
        None,
    ));
    let _ = child.kill();
    let _ = child.wait();
    let v = r.unwrap().json();
    assert_eq!(v["total"], 5005);
    assert_eq!(v["sessions"].as_array().unwrap().len(), 100);
}

/// Slow clients cannot hold connections: half a request line is closed after
/// `--header-timeout-secs` (hyper's header_read_timeout); complete requests are unaffected.
#[tokio::test]
async fn half_request_line_is_disconnected() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let srv = sim(&["--header-timeout-secs", "1"]).await;
    let mut s = tokio::net::TcpStream::connect(srv.addr).await.unwrap();
    let t = std::time::Instant::now();
    s.write_all(b"GET /api/v1/me HT").await.unwrap();
    let mut buf = [0u8; 1024];
    // Bounded wait for the close: EOF (maybe after a 408 head) or a reset.
    let closed = tokio::time::timeout(std::time::Duration::from_secs(15), async {
        loop {
            match s.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(_) => continue,
            }
        }
    })
    .await;
    assert!(closed.is_ok(), "connection still open after 15 s");
    assert!(t.elapsed() >= std::time::Duration::from_millis(900));
    assert_eq!(get(&srv, "/api/v1/me", &pat()).await.status, 200);
    assert!(rc_sim::Config::from_args(["rc-sim", "--header-timeout-secs", "0"]).is_err());
}
