//! Faults for testing a server that lies or a proxy that interferes (README "Faults"), and
//! the rule that no fault value may panic or wedge the server.

mod common;
use common::*;

const LIST: &str = "/api/v1/sessions/list.all";

/// The `total` text exactly as sent, before any JSON parsing rounds it.
fn raw_total(body: &str) -> String {
    let at = body.find("\"total\":").expect("total present") + 8;
    body[at..].split([',', '}']).next().unwrap().to_string()
}

/// §1 "check the end result against `total`": a server whose `total` lies, verbatim.
#[tokio::test]
async fn lying_total_is_emitted_verbatim() {
    for t in ["1000000000000", "-5", "1.5", "1e300", "0"] {
        let srv = sim(&["--lying-total", t]).await;
        let r = get(&srv, LIST, &pat()).await;
        assert_eq!(raw_total(&r.text()), t);
        assert_eq!(r.json()["sessions"].as_array().unwrap().len(), 6);
        // sessions/list is not list.all: its total stays true.
        let v = get(&srv, "/api/v1/sessions/list", &pat()).await.json();
        assert_eq!(v["total"], 1);
    }
    for bad in ["abc", "01", "1.", "--5", ""] {
        assert!(rc_sim::Config::from_args(["rc-sim", "--lying-total", bad]).is_err());
    }
    let srv = sim(&["--test-control"]).await;
    for (body, want) in [
        (r#"{"lying_total":"1e300"}"#, "1e300"),
        (r#"{"lying_total":42}"#, "42"),
        (r#"{"lying_total":-7}"#, "-7"),
    ] {
        assert_eq!(post(&srv, "/_sim/faults", &[], body).await.status, 200);
        assert_eq!(raw_total(&get(&srv, LIST, &pat()).await.text()), want);
    }
    for body in [r#"{"lying_total":"abc"}"#, r#"{"lying_total":true}"#] {
        assert_eq!(post(&srv, "/_sim/faults", &[], body).await.status, 400);
    }
}

/// §1 "check the end result against `total`": a total that changes mid-fetch.
#[tokio::test]
async fn total_jumps_between_requests() {
    let srv = sim(&["--test-control", "--sessions", "100", "--total-jump", "7"]).await;
    let mut seen = Vec::new();
    for _ in 0..4 {
        seen.push(
            get(&srv, LIST, &pat()).await.json()["total"]
                .as_i64()
                .unwrap(),
        );
    }
    assert_eq!(seen, [112, 98, 112, 98]);
    // Never below 0 on its own; numbering restarts when faults are set.
    post(&srv, "/_sim/faults", &[], r#"{"total_jump":200}"#).await;
    let a = get(&srv, LIST, &pat()).await.json()["total"].clone();
    let b = get(&srv, LIST, &pat()).await.json()["total"].clone();
    assert_eq!((a.as_i64(), b.as_i64()), (Some(305), Some(0)));
    // Added to an integer lying total, it may go below 0.
    post(
        &srv,
        "/_sim/faults",
        &[],
        r#"{"total_jump":-3,"lying_total":"-5"}"#,
    )
    .await;
    let a = raw_total(&get(&srv, LIST, &pat()).await.text());
    let b = raw_total(&get(&srv, LIST, &pat()).await.text());
    assert_eq!((a.as_str(), b.as_str()), ("-8", "-2"));
    // Extremes saturate instead of overflowing.
    post(
        &srv,
        "/_sim/faults",
        &[],
        r#"{"total_jump":-9223372036854775808}"#,
    )
    .await;
    for _ in 0..2 {
        assert_eq!(get(&srv, LIST, &pat()).await.status, 200);
    }
    assert!(rc_sim::Config::from_args(["rc-sim", "--total-jump", "-4"]).is_ok());
}

/// §1 info.admin's `sessionId` is a regex on the server, so it can answer another row.
#[tokio::test]
async fn info_admin_answers_another_row() {
    let path = "/api/v1/sessions/info.admin?sessionId=rcsimAdminSessn01";
    let srv = sim(&["--test-control", "--sessions", "20"]).await;
    assert_eq!(
        get(&srv, path, &pat()).await.json()["_id"],
        "rcsimAdminSessn01"
    );
    post(&srv, "/_sim/faults", &[], r#"{"info_wrong_id":true}"#).await;
    let v = get(&srv, path, &pat()).await.json();
    assert_eq!(v["success"], true);
    assert!(v["_id"].is_string());
    assert_ne!(v["_id"], "rcsimAdminSessn01");
    let srv = sim(&["--info-wrong-id"]).await;
    assert_ne!(
        get(&srv, path, &pat()).await.json()["_id"],
        "rcsimAdminSessn01"
    );
}

/// §4 a 429 that does not come from Rocket.Chat: a reverse proxy's page, `Retry-After`,
/// no X-RateLimit-* headers.
#[tokio::test]
async fn proxy_429_with_retry_after() {
    let srv = sim(&[
        "--test-control",
        "--proxy-429",
        "1",
        "--retry-after-secs",
        "7",
    ])
    .await;
    let r = get(&srv, LIST, &user(NO2FA)).await;
    assert_eq!(r.status, 429);
    assert_eq!(r.header("retry-after"), Some("7"));
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    assert!(r.text().contains("429 Too Many Requests"));
    assert!(r.header("x-ratelimit-limit").is_none());
    post(&srv, "/_sim/faults", &[], r#"{"proxy_429":1.0}"#).await;
    let r = get(&srv, "/api/v1/me", &pat()).await;
    assert_eq!((r.status, r.header("retry-after")), (429, Some("2")));
    post(&srv, "/_sim/faults", &[], "{}").await;
    assert_eq!(get(&srv, LIST, &pat()).await.status, 200);
}

/// Bodies larger than a client's cap: list.all padded with an ignored field.
#[tokio::test]
async fn padded_list_all_bodies() {
    let srv = sim(&["--pad-bytes", "300000"]).await;
    let r = get(&srv, LIST, &pat()).await;
    assert!(r.body.len() > 300_000, "{}", r.body.len());
    let v = r.json();
    assert_eq!(v["sessions"].as_array().unwrap().len(), 6);
    assert_eq!(v["total"], 6);
    assert_eq!(v["success"], true);
    assert!(get(&srv, "/api/v1/sessions/list", &pat()).await.body.len() < 10_000);
    assert!(rc_sim::Config::from_args(["rc-sim", "--pad-bytes", "999999999999"]).is_err());
}

/// §1 sessions/logout answering success while the server kept the session.
#[tokio::test]
async fn logout_ignored_keeps_the_session() {
    let srv = sim(&["--logout-ignored"]).await;
    let body = r#"{"sessionId":"rcsimPlainSessn01"}"#;
    let r = post(&srv, "/api/v1/sessions/logout", &pat(), body).await;
    assert_eq!(r.status, 200);
    assert_eq!(
        r.json(),
        j(r#"{"sessionId":"rcsimPlainSessn01","success":true}"#)
    );
    assert!(ids(&get(&srv, LIST, &pat()).await.json()).contains(&"rcsimPlainSessn01".into()));
    assert_eq!(get(&srv, "/api/v1/me", &user(PLAIN)).await.status, 200);
    let r = post(
        &srv,
        "/api/v1/sessions/logout",
        &pat(),
        r#"{"sessionId":"nope"}"#,
    )
    .await;
    assert_eq!(r.status, 404);
}

/// No fault value may panic the server: absurd numbers are refused (400 / clap error), and
/// the server keeps answering afterwards.
#[tokio::test]
async fn absurd_fault_values_are_refused() {
    let srv = sim(&["--test-control"]).await;
    for body in [
        r#"{"jitter_ms":18446744073709551615}"#,
        r#"{"latency_ms":18446744073709551615}"#,
        r#"{"trickle_ms":3600001}"#,
        r#"{"pad_bytes":18446744073709551615}"#,
        r#"{"fail_500":2.0}"#,
        r#"{"proxy_429":-1}"#,
        r#"{"jitter_ms":-1}"#,
        r#"{"latency_ms":1.5}"#,
    ] {
        let r = post(&srv, "/_sim/faults", &[], body).await;
        assert_eq!(r.status, 400, "{body}");
        assert_eq!(get(&srv, LIST, &pat()).await.status, 200, "after {body}");
    }
    let f = get(&srv, "/_sim/faults", &[]).await.json();
    assert_eq!(f["faults"]["jitter_ms"], 0);
    // Large but allowed values do not overflow either.
    let r = post(
        &srv,
        "/_sim/faults",
        &[],
        r#"{"retry_after_secs":18446744073709551615,"proxy_429":1.0}"#,
    )
    .await;
    assert_eq!(r.status, 200);
    let r = get(&srv, LIST, &pat()).await;
    assert_eq!(r.header("retry-after"), Some("18446744073709551615"));
    post(&srv, "/_sim/faults", &[], r#"{"jitter_ms":3600000}"#).await;
    post(&srv, "/_sim/faults", &[], "{}").await;
    assert_eq!(get(&srv, LIST, &pat()).await.status, 200);
    for (flag, v) in [
        ("--jitter-ms", "18446744073709551615"),
        ("--latency-ms", "3600001"),
        ("--trickle-ms", "99999999"),
    ] {
        assert!(
            rc_sim::Config::from_args(["rc-sim", flag, v]).is_err(),
            "{flag}"
        );
    }
}
