//! Conformance over real HTTP: contract §1 (endpoints, row shape, pagination, sort, filter).

mod common;
use common::*;
use serde_json::{json, Value};

const EXAMPLE_ROW: &str = r#"{ "_id": "o94SveQp6fyPsoiNC", "sessionId": "o94SveQp6fyPsoiNC", "userId": "2tTEqR7ZNMJ4HGGNa",
  "device": { "type": "browser", "name": "Chrome", "longVersion": "113.0.0.0",
              "os": { "name": "Windows", "version": "10" }, "version": "113.0.0" },
  "host": "localhost:3000", "ip": "172.20.0.2", "loginAt": "2023-05-24T00:25:54.234Z",
  "_user": { "username": "testroxie", "name": "Test" } }"#;

/// §1 "A session row S": the contract's example row round-trips equal in content.
#[tokio::test]
async fn s1_example_row_round_trips() {
    let srv = sim(&[]).await;
    let r = get(
        &srv,
        "/api/v1/sessions/list.all?filter=o94SveQp6fyPsoiNC",
        &pat(),
    )
    .await;
    assert_eq!(r.status, 200);
    let body = r.json();
    assert_eq!(body["sessions"][0], j(EXAMPLE_ROW));
    assert_eq!(body["total"], 1);
    // info.admin: S fields at top level + success:true.
    let r = get(
        &srv,
        "/api/v1/sessions/info.admin?sessionId=o94SveQp6fyPsoiNC",
        &pat(),
    )
    .await;
    let mut want = j(EXAMPLE_ROW);
    want["success"] = json!(true);
    assert_eq!(r.json(), want);
    // The shipped fixture file is the contract's row.
    let file: Value = j(include_str!("../fixtures/example.json"));
    assert_eq!(file["sessions"][0], j(EXAMPLE_ROW));
}

/// §1 list.all success body `{sessions:[S], total, count, offset, success:true}`; `_id` = sessionId.
#[tokio::test]
async fn s1_list_all_shape() {
    let srv = sim(&["--sessions", "300", "--seed", "3"]).await;
    let r = get(&srv, "/api/v1/sessions/list.all", &pat()).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/json"));
    let v = r.json();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
    for k in ["sessions", "total", "count", "offset", "success"] {
        assert!(keys.contains(&k), "{k} missing");
    }
    assert_eq!(v["success"], true);
    for row in v["sessions"].as_array().unwrap() {
        assert_eq!(row["_id"], row["sessionId"]);
        let at = row["loginAt"].as_str().unwrap();
        assert!(at.len() == 24 && at.ends_with('Z'), "{at}");
    }
}

/// §1 `_user` may lack `name`, or be absent when the user is gone; rows carry the quirks.
#[tokio::test]
async fn s1_generated_rows_have_the_real_quirks() {
    let srv = sim(&["--sessions", "5000", "--seed", "2"]).await;
    let mut rows = Vec::new();
    for off in (0..5005).step_by(100) {
        let v = get(
            &srv,
            &format!("/api/v1/sessions/list.all?count=100&offset={off}"),
            &pat(),
        )
        .await
        .json();
        rows.extend(v["sessions"].as_array().unwrap().clone());
    }
    assert!(rows.iter().any(|r| r.get("_user").is_none()));
    assert!(rows
        .iter()
        .any(|r| r["_user"].is_object() && r["_user"].get("name").is_none()));
    assert!(rows
        .iter()
        .any(|r| r["device"]["os"].get("version").is_none()));
    assert!(rows
        .iter()
        .any(|r| r["device"]["type"] == "desktop-app" && r["device"]["name"] == "Rocket.Chat"));
    assert!(rows
        .iter()
        .any(|r| r["device"]["type"] == "mobile-app" && r["device"]["name"] == "RC Mobile"));
    assert!(rows.iter().any(|r| r["device"]["type"] == "tablet"));
    assert!(rows
        .iter()
        .any(|r| r["device"]["type"] == "other" && r["device"]["name"] == ""));
    assert!(rows.iter().any(|r| r["ip"].as_str().unwrap().contains(':')));
    assert!(rows
        .iter()
        .any(|r| r["host"].as_str().unwrap().contains(":3000")));
    let text = serde_json::to_string(&rows).unwrap();
    assert!(text.contains("<img src=x onerror=alert(1)>"));
    assert!(text.contains("=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")"));
    assert!(text.contains("+cmd|' /C calc'!A0"));
    assert!(text.contains("李雷"));
    assert!(rows.iter().any(|r| r["_user"]["name"]
        .as_str()
        .is_some_and(|n| n.len() > 10_000)));
}

/// §1 "`current: true` (8.7+) marks the caller's own session only in `sessions/list`, never
/// in `list.all` rows" (nor info.admin); `--mark-current off` (before 8.7): no `current` at all.
#[tokio::test]
async fn s1_current_only_in_sessions_list() {
    let srv = sim(&[]).await;
    let code = totp();
    let h = with(admin(), &[("x-2fa-code", &code)]);
    let v = get(&srv, "/api/v1/sessions/list.all", &h).await.json();
    let rows = v["sessions"].as_array().unwrap();
    assert!(rows.iter().any(|r| r["_id"] == "rcsimAdminSessn01"));
    assert!(rows.iter().all(|r| r.get("current").is_none()), "{v}");
    let v = get(
        &srv,
        "/api/v1/sessions/info.admin?sessionId=rcsimAdminSessn01",
        &h,
    )
    .await
    .json();
    assert_eq!(v["_id"], "rcsimAdminSessn01");
    assert!(v.get("current").is_none(), "{v}");
    let v = get(&srv, "/api/v1/sessions/list", &admin()).await.json();
    let own: Vec<&Value> = v["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["current"] == true)
        .collect();
    assert_eq!(own.len(), 1, "{v}");
    assert_eq!(own[0]["_id"], "rcsimAdminSessn01");
    let srv2 = sim(&["--mark-current", "off"]).await;
    for path in ["/api/v1/sessions/list", "/api/v1/sessions/list.all"] {
        let v = get(&srv2, path, &h).await.json();
        assert!(v["sessions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r.get("current").is_none()));
    }
}

/// §1 sessions/logout: `{sessionId, success:true}`, the row leaves later lists; 404 if unknown.
#[tokio::test]
async fn s1_logout_removes_the_session() {
    let srv = sim(&["--sessions", "30"]).await;
    let v = get(&srv, "/api/v1/sessions/list.all?count=5&offset=10", &pat())
        .await
        .json();
    let sid = v["sessions"][0]["_id"].as_str().unwrap().to_string();
    let r = post(
        &srv,
        "/api/v1/sessions/logout",
        &pat(),
        &format!(r#"{{"sessionId":"{sid}"}}"#),
    )
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json(), json!({"sessionId": sid, "success": true}));
    let v = get(&srv, "/api/v1/sessions/list.all?count=100", &pat())
        .await
        .json();
    assert_eq!(v["total"], 34);
    assert!(!ids(&v).contains(&sid));
    let r = get(
        &srv,
        &format!("/api/v1/sessions/info.admin?sessionId={sid}"),
        &pat(),
    )
    .await;
    assert_eq!(r.status, 404);
    let r = post(
        &srv,
        "/api/v1/sessions/logout",
        &pat(),
        r#"{"sessionId":"nope"}"#,
    )
    .await;
    assert_eq!(
        (r.status, r.json()),
        (404, j(r#"{"success":false,"error":"Session not found"}"#))
    );
}

/// §1 Logging out the session of a token ends that token: its next call is 401.
#[tokio::test]
async fn s1_logout_of_a_token_session_ends_the_token() {
    let srv = sim(&[]).await;
    let r = post(
        &srv,
        "/api/v1/sessions/logout",
        &pat(),
        r#"{"sessionId":"rcsimPlainSessn01"}"#,
    )
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(get(&srv, "/api/v1/me", &user(PLAIN)).await.status, 401);
}

/// §1 info.admin treats sessionId as a case-insensitive regex over the searchTerm.
#[tokio::test]
async fn s1_info_admin_sessionid_is_a_regex() {
    let srv = sim(&[]).await;
    let v = get(
        &srv,
        "/api/v1/sessions/info.admin?sessionId=O94SVEQ.6FY",
        &pat(),
    )
    .await
    .json();
    assert_eq!(v["_id"], "o94SveQp6fyPsoiNC");
    let r = get(
        &srv,
        "/api/v1/sessions/info.admin?sessionId=%28unclosed",
        &pat(),
    )
    .await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["success"], false);
    let huge = format!(
        "/api/v1/sessions/info.admin?sessionId=%28a%7B1000%7D%29%7B1000%7D{}",
        ""
    );
    let r = get(&srv, &huge, &pat()).await;
    assert_eq!(r.status, 400);
    let r = get(&srv, "/api/v1/sessions/info.admin", &pat()).await;
    assert_eq!(
        r.json()["error"],
        "must have required property 'sessionId' [invalid-params]"
    );
}

/// §1 sessions/list: own sessions only, rows without `_user`, no permission, no 2FA.
#[tokio::test]
async fn s1_sessions_list_own() {
    let srv = sim(&["--sessions", "100"]).await;
    let v = get(&srv, "/api/v1/sessions/list", &user(PLAIN))
        .await
        .json();
    assert_eq!(v["total"], 1);
    let row = &v["sessions"][0];
    assert_eq!(row["userId"], PLAIN.0);
    assert!(row.get("_user").is_none());
    assert_eq!(v["success"], true);
}

/// §1 login / me / logout bodies.
#[tokio::test]
async fn s1_login_me_logout() {
    let srv = sim(&[]).await;
    let r = post(
        &srv,
        "/api/v1/login",
        &[],
        r#"{"user":"no2fa","password":"no2fa-password"}"#,
    )
    .await;
    assert_eq!(r.status, 200);
    let v = r.json();
    assert_eq!(v["status"], "success");
    let uid = v["data"]["userId"].as_str().unwrap().to_string();
    let tok = v["data"]["authToken"].as_str().unwrap().to_string();
    assert_eq!(v["data"]["me"]["username"], "no2fa");
    let h = vec![("X-User-Id", uid.as_str()), ("X-Auth-Token", tok.as_str())];
    let me = get(&srv, "/api/v1/me", &h).await.json();
    for k in ["_id", "username", "name", "roles"] {
        assert!(me.get(k).is_some(), "{k}");
    }
    assert_eq!(me["success"], true);
    // The login is a new session, newest first.
    let v = get(&srv, "/api/v1/sessions/list.all?count=1", &pat())
        .await
        .json();
    assert_eq!(v["sessions"][0]["userId"], uid);
    let r = post(&srv, "/api/v1/logout", &h, "").await;
    assert_eq!(
        r.json(),
        j(r#"{"status":"success","data":{"message":"You've been logged out!"}}"#)
    );
    assert_eq!(get(&srv, "/api/v1/me", &h).await.status, 401);
    let r = post(
        &srv,
        "/api/v1/login",
        &[],
        r#"{"user":"no2fa","password":"wrong"}"#,
    )
    .await;
    assert_eq!(r.status, 401);
}

/// §1 strict query validation: any other param, e.g. a cache-buster, is 400 invalid-params.
#[tokio::test]
async fn s1_strict_query_params() {
    let srv = sim(&[]).await;
    let want = j(
        r#"{"success":false,"error":"must NOT have additional properties [invalid-params]","errorType":"invalid-params"}"#,
    );
    for q in ["_=123", "fields=%7B%7D", "query=%7B%7D", "count=5&x=1"] {
        let r = get(&srv, &format!("/api/v1/sessions/list.all?{q}"), &pat()).await;
        assert_eq!((r.status, r.json()), (400, want.clone()), "{q}");
    }
    let r = get(&srv, "/api/v1/sessions/list?_=1", &user(PLAIN)).await;
    assert_eq!(r.status, 400);
}

/// §1 POST bodies: bad JSON or a wrong shape is a clear 400, not a panic.
#[tokio::test]
async fn s1_bad_bodies() {
    let srv = sim(&[]).await;
    for body in ["{", "[]", "42", r#"{"sessionId":"x","more":1}"#, "{}"] {
        let r = post(&srv, "/api/v1/sessions/logout", &pat(), body).await;
        assert_eq!(r.status, 400, "{body}");
        assert_eq!(r.json()["errorType"], "invalid-params", "{body}");
    }
    let r = post(&srv, "/api/v1/login", &[], "{not json").await;
    assert_eq!(r.status, 401);
    let r = get(&srv, "/api/v1/nope", &pat()).await;
    assert_eq!(r.status, 404);
}

/// §1 `--fixture FILE.json`: rows served as given (plain array here), `_user` may be absent,
/// unknown fields are kept; a broken file is a clear start-up error.
#[tokio::test]
async fn s1_fixture_rows_as_given() {
    let dir = std::env::temp_dir().join(format!("rc-sim-fixture-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("rows.json");
    std::fs::write(
        &file,
        r#"[
  {"_id": "gone1", "sessionId": "gone1", "userId": "deletedUser1",
   "device": {"type": "other", "name": "", "longVersion": "", "os": {"name": ""}, "version": ""},
   "host": "", "ip": "::1", "loginAt": "2024-01-02T03:04:05.006Z", "instanceId": "i-1"},
  {"_id": "new1", "sessionId": "new1", "userId": "u2", "device": {"type": "tablet", "name": "iPad"},
   "ip": "10.0.0.1", "loginAt": "2024-02-02T03:04:05.006Z", "_user": {"username": "zoë"}}
]"#,
    )
    .unwrap();
    let f = file.to_string_lossy().to_string();
    let srv = sim(&["--fixture", &f]).await;
    let v = get(&srv, "/api/v1/sessions/list.all?filter=gone1", &pat())
        .await
        .json();
    assert_eq!(
        v["sessions"][0],
        j(
            r#"{"_id":"gone1","sessionId":"gone1","userId":"deletedUser1","device":{"type":"other","name":"","longVersion":"","os":{"name":""},"version":""},"host":"","ip":"::1","loginAt":"2024-01-02T03:04:05.006Z","instanceId":"i-1"}"#
        )
    );
    let v = get(&srv, "/api/v1/sessions/list.all?filter=ZOË", &pat())
        .await
        .json();
    assert_eq!(ids(&v), vec!["new1"]);
    std::fs::write(&file, "{\"nope\": 1}").unwrap();
    let cfg = rc_sim::Config::from_args(["rc-sim", "--port", "0", "--fixture", &f]).unwrap();
    assert!(rc_sim::start(cfg).await.is_err());
    let _ = std::fs::remove_dir_all(&dir);
}

/// §1 "Paging always follows `loginAt` descending": generated data is the same for the same
/// `--seed` and `--now`, and every generated login lies before `--now` (README "Generated data").
#[tokio::test]
async fn generated_rows_fixed_by_seed_and_now() {
    let args = [
        "--sessions",
        "2000",
        "--seed",
        "9",
        "--now",
        "2025-12-01T09:00:00Z",
    ];
    let (a, b) = (sim(&args).await, sim(&args).await);
    for off in ["0", "1000", "1900"] {
        let path = format!("/api/v1/sessions/list.all?count=100&offset={off}");
        // The built-in tokens' rows are at the real clock; generated ones before --now.
        let generated = |v: serde_json::Value| -> Vec<Value> {
            v["sessions"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|r| !r["_id"].as_str().unwrap().starts_with("rcsim"))
                .cloned()
                .collect()
        };
        let ra = generated(get(&a, &path, &pat()).await.json());
        let rb = generated(get(&b, &path, &pat()).await.json());
        assert_eq!(ra, rb, "offset {off}");
        assert!(ra.len() >= 95);
        for r in &ra {
            let at = r["loginAt"].as_str().unwrap();
            assert!(at < "2025-12-01T09:00:00.000Z", "{at}");
        }
    }
    let last = get(&a, "/api/v1/sessions/list.all?count=1&offset=2004", &pat())
        .await
        .json();
    assert!(last["sessions"][0]["loginAt"].as_str().unwrap() < "2025-01-01");
    assert!(rc_sim::Config::from_args(["rc-sim", "--now", "yesterday"]).is_err());
}
