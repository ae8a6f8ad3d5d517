//! Conformance over real HTTP: contract §1 pagination, sort and filter traps.

mod common;
use common::*;

/// §1 Pagination trap: count defaults to 50, capped at 100, and `count` echoes the page size.
#[tokio::test]
async fn s1_count_default_cap_and_echo() {
    let srv = sim(&["--sessions", "300"]).await;
    let v = get(&srv, "/api/v1/sessions/list.all", &pat()).await.json();
    assert_eq!(
        (v["count"].as_i64(), v["sessions"].as_array().unwrap().len()),
        (Some(50), 50)
    );
    let v = get(&srv, "/api/v1/sessions/list.all?count=500", &pat())
        .await
        .json();
    assert_eq!(
        (v["count"].as_i64(), v["sessions"].as_array().unwrap().len()),
        (Some(100), 100)
    );
    assert_eq!(v["total"], 305);
    // The docs' `total: 13, count: 50`: count is the page size, not the rows returned.
    let v = get(
        &srv,
        "/api/v1/sessions/list.all?offset=290&count=50",
        &pat(),
    )
    .await
    .json();
    assert_eq!(v["count"], 50);
    assert_eq!(v["offset"], 290);
    assert_eq!(v["sessions"].as_array().unwrap().len(), 15);
}

/// §1 Pagination: "Both are admin settings: a workspace may cap at 25 or at 1,000, and a
/// larger request is silently reduced, never refused. Read the page size from the answer."
/// `--count-cap` (API_Upper_Count_Limit) and `--default-count` (API_Default_Count).
#[tokio::test]
async fn s1_count_cap_and_default_are_settings() {
    let page = |v: &serde_json::Value| (v["count"].as_i64().unwrap(), ids(v).len() as i64);
    for cap in [1i64, 7, 25, 100, 1000] {
        let c = cap.to_string();
        let srv = sim(&["--sessions", "1200", "--count-cap", &c]).await;
        let v = get(&srv, "/api/v1/sessions/list.all", &pat()).await.json();
        let want = cap.min(50);
        assert_eq!(page(&v), (want, want), "cap {cap}, no count");
        for asked in [cap, cap + 1, 5000] {
            let v = get(
                &srv,
                &format!("/api/v1/sessions/list.all?count={asked}"),
                &pat(),
            )
            .await
            .json();
            assert_eq!(page(&v), (cap, cap), "cap {cap}, count={asked}");
        }
        // sessions/list pages the same way (the caller's own rows: fewer than the page).
        let v = get(&srv, "/api/v1/sessions/list?count=5000", &pat())
            .await
            .json();
        assert_eq!(v["count"].as_i64(), Some(cap));
        srv.stop().await.unwrap();
    }
    // A default above the cap is capped like any count (getPaginationItems order).
    let srv = sim(&[
        "--sessions",
        "300",
        "--default-count",
        "200",
        "--count-cap",
        "25",
    ])
    .await;
    let v = get(&srv, "/api/v1/sessions/list.all", &pat()).await.json();
    assert_eq!(page(&v), (25, 25));
    let srv = sim(&["--sessions", "300", "--default-count", "10"]).await;
    let v = get(&srv, "/api/v1/sessions/list.all", &pat()).await.json();
    assert_eq!(page(&v), (10, 10));
    let v = get(&srv, "/api/v1/sessions/list.all?count=100", &pat())
        .await
        .json();
    assert_eq!(page(&v), (100, 100));
    // N >= 1: zero is refused when the flags are parsed.
    for flag in ["--count-cap", "--default-count"] {
        assert!(rc_sim::Config::from_args(["rc-sim", flag, "0"]).is_err());
        assert!(rc_sim::Config::from_args(["rc-sim", flag, "1"]).is_ok());
    }
}

/// §1 Paging always follows loginAt descending; `total` counts all matches.
#[tokio::test]
async fn s1_paging_is_login_at_descending() {
    let srv = sim(&["--sessions", "250", "--seed", "9"]).await;
    let mut all = Vec::new();
    for off in (0..255).step_by(100) {
        let v = get(
            &srv,
            &format!("/api/v1/sessions/list.all?count=100&offset={off}"),
            &pat(),
        )
        .await
        .json();
        for r in v["sessions"].as_array().unwrap() {
            all.push((
                r["loginAt"].as_str().unwrap().to_string(),
                r["_id"].as_str().unwrap().to_string(),
            ));
        }
    }
    assert_eq!(all.len(), 255);
    assert!(all.windows(2).all(|w| w[0].0 >= w[1].0));
    let mut uniq: Vec<_> = all.iter().map(|x| x.1.clone()).collect();
    uniq.sort();
    uniq.dedup();
    assert_eq!(uniq.len(), 255);
}

/// §1 New logins during a multi-page fetch shift rows: a naive fetch sees a duplicate.
#[tokio::test]
async fn s1_new_logins_shift_pages() {
    let srv = sim(&["--sessions", "100", "--test-control"]).await;
    let p1 = get(&srv, "/api/v1/sessions/list.all?count=10", &pat())
        .await
        .json();
    let r = post(&srv, "/_sim/sessions", &[], r#"{"count":3}"#).await;
    assert_eq!(r.status, 200);
    let p2 = get(&srv, "/api/v1/sessions/list.all?count=10&offset=10", &pat())
        .await
        .json();
    assert_eq!(p2["total"], 108);
    let (a, b) = (ids(&p1), ids(&p2));
    assert_eq!(
        &b[..3],
        &a[7..],
        "the last rows of page 1 come again on page 2"
    );
}

/// §1 `--login-rate` keeps adding newest logins while serving.
#[tokio::test]
async fn s1_login_rate_makes_a_busy_server() {
    let srv = sim(&["--sessions", "50", "--login-rate", "50"]).await;
    let first = get(&srv, "/api/v1/sessions/list.all?count=1", &pat())
        .await
        .json();
    let t0 = first["total"].as_i64().unwrap();
    eventually(10, || async {
        let v = get(&srv, "/api/v1/sessions/list.all?count=1", &pat())
            .await
            .json();
        v["total"].as_i64().unwrap() > t0 && v["sessions"][0]["_id"] != first["sessions"][0]["_id"]
    })
    .await;
}

/// §1 sort trap: applied after skip/limit, so it reorders only the returned page.
#[tokio::test]
async fn s1_sort_applies_inside_the_page_only() {
    let srv = sim(&["--sessions", "400", "--seed", "5"]).await;
    let plain = get(&srv, "/api/v1/sessions/list.all?count=20&offset=40", &pat())
        .await
        .json();
    let sorted = get(
        &srv,
        "/api/v1/sessions/list.all?count=20&offset=40&sort=%7B%22device.name%22%3A1%2C%22loginAt%22%3A-1%7D",
        &pat(),
    )
    .await
    .json();
    let (mut a, b) = (ids(&plain), ids(&sorted));
    assert_ne!(a, b);
    a.sort();
    let mut b2 = b.clone();
    b2.sort();
    assert_eq!(a, b2, "same rows, different order");
    let names: Vec<String> = sorted["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["device"]["name"].as_str().unwrap_or("").to_string())
        .collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
}

/// §1 sort keys whitelist and both errors (§2 body for bad keys).
#[tokio::test]
async fn s1_sort_errors() {
    let srv = sim(&[]).await;
    let r = get(&srv, "/api/v1/sessions/list.all?sort=%7Bbad", &pat()).await;
    assert_eq!(r.status, 400);
    let v = r.json();
    assert_eq!(v["errorType"], "error-invalid-sort");
    assert_eq!(
        v["error"],
        "Invalid sort parameter provided: \"{bad\" [error-invalid-sort]"
    );
    let r = get(
        &srv,
        "/api/v1/sessions/list.all?sort=%7B%22ip%22%3A1%7D",
        &pat(),
    )
    .await;
    assert_eq!(r.status, 400);
    assert_eq!(
        r.json(),
        j(r#"{"success":false,"error":"error-invalid-sort-keys"}"#)
    );
    // Values other than 1 / -1 are a bad sort, not a bad key.
    let r = get(
        &srv,
        "/api/v1/sessions/list.all?sort=%7B%22loginAt%22%3A2%7D",
        &pat(),
    )
    .await;
    assert_eq!(r.json()["errorType"], "error-invalid-sort");
    for key in [
        "loginAt",
        "device.name",
        "device.os.name",
        "device.os.version",
        "_user.name",
        "_user.username",
    ] {
        let q = format!("/api/v1/sessions/list.all?sort=%7B%22{key}%22%3A-1%7D");
        assert_eq!(get(&srv, &q, &pat()).await.status, 200, "{key}");
    }
}

/// §1 filter trap: an escaped, case-insensitive literal over the searchTerm.
#[tokio::test]
async fn s1_filter_is_a_literal_case_insensitive_substring() {
    let srv = sim(&["--sessions", "2000", "--seed", "11"]).await;
    let v = get(
        &srv,
        "/api/v1/sessions/list.all?filter=rc%20mobile&count=100",
        &pat(),
    )
    .await
    .json();
    assert!(v["total"].as_i64().unwrap() > 0);
    for r in v["sessions"].as_array().unwrap() {
        assert_eq!(r["device"]["name"], "RC Mobile");
    }
    // "." is not a wildcard, "Chr.me" matches nothing.
    let v = get(&srv, "/api/v1/sessions/list.all?filter=Chr.me", &pat())
        .await
        .json();
    assert_eq!(v["total"], 0);
    // A regex-looking filter must not error.
    let r = get(&srv, "/api/v1/sessions/list.all?filter=%28%5B", &pat()).await;
    assert_eq!(r.status, 200);
    // IP, host, versions and dates are not searchable.
    let v = get(&srv, "/api/v1/sessions/list.all?filter=127.0.0.1", &pat())
        .await
        .json();
    assert_eq!(v["total"], 0);
    // device.type + os.name run together without a separator.
    let v = get(
        &srv,
        "/api/v1/sessions/list.all?filter=desktop-appwindows&count=1",
        &pat(),
    )
    .await
    .json();
    assert!(v["total"].as_i64().unwrap() > 0);
}

/// §1 filter or-ed with the ids of up to five active users whose username/name matches.
#[tokio::test]
async fn s1_filter_matches_users_by_name() {
    let srv = sim(&[]).await;
    // "Test" is testroxie's display name: not in the searchTerm, found through her user id.
    let v = get(&srv, "/api/v1/sessions/list.all?filter=testrox", &pat())
        .await
        .json();
    assert_eq!(ids(&v), vec!["o94SveQp6fyPsoiNC"]);
    let v = get(
        &srv,
        "/api/v1/sessions/list.all?filter=administrator",
        &pat(),
    )
    .await
    .json();
    assert_eq!(ids(&v), vec!["rcsimAdminSessn01"]);
}

/// §1 bad numbers: never a panic; non-numbers are invalid-params, JS parseInt quirks kept.
#[tokio::test]
async fn s1_absurd_numbers() {
    let srv = sim(&["--sessions", "20"]).await;
    let r = get(&srv, "/api/v1/sessions/list.all?count=abc", &pat()).await;
    assert_eq!(r.json()["error"], "must be number [invalid-params]");
    let r = get(&srv, "/api/v1/sessions/list.all?count=", &pat()).await;
    assert_eq!(r.status, 400);
    // String(1e99) is "1e+99": parseInt gives 1.
    let v = get(
        &srv,
        "/api/v1/sessions/list.all?offset=1e99&count=1e99",
        &pat(),
    )
    .await
    .json();
    assert_eq!(
        (v["offset"].as_i64(), v["count"].as_i64()),
        (Some(1), Some(1))
    );
    // Negative offset: no $skip, echoed as given.
    let v = get(&srv, "/api/v1/sessions/list.all?offset=-5&count=3", &pat())
        .await
        .json();
    assert_eq!(
        (
            v["offset"].as_i64(),
            v["sessions"].as_array().unwrap().len()
        ),
        (Some(-5), 3)
    );
    for c in ["-5", "0"] {
        let r = get(
            &srv,
            &format!("/api/v1/sessions/list.all?count={c}"),
            &pat(),
        )
        .await;
        assert_eq!(
            r.json(),
            j(r#"{"success":false,"error":"the limit must be positive"}"#),
            "{c}"
        );
    }
    let r = get(&srv, "/api/v1/sessions/list.all?count=2&count=3", &pat()).await;
    assert_eq!(r.status, 400);
}
