//! Conformance over real HTTP: contract §2 (error bodies, order of checks) and §3 (2FA).

mod common;
use common::*;
use serde_json::json;

const LIST: &str = "/api/v1/sessions/list.all";

/// §2 401 body for missing, bad or mismatched X-User-Id / X-Auth-Token.
#[tokio::test]
async fn s2_unauthorized_body() {
    let srv = sim(&[]).await;
    let want = j(
        r#"{"success":false,"error":"You must be logged in to do this.","status":"error","message":"You must be logged in to do this."}"#,
    );
    for h in [
        vec![],
        vec![("X-User-Id", ADMIN_ID)],
        vec![("X-User-Id", ADMIN_ID), ("X-Auth-Token", "wrong")],
        vec![("X-User-Id", PLAIN.0), ("X-Auth-Token", ADMIN_TOKEN)],
    ] {
        for path in [
            LIST,
            "/api/v1/sessions/info.admin?sessionId=x",
            "/api/v1/sessions/list",
            "/api/v1/me",
        ] {
            let r = get(&srv, path, &h).await;
            assert_eq!((r.status, r.json()), (401, want.clone()), "{path} {h:?}");
        }
    }
}

/// §2 403 body when the permission is missing (view and logout are separate).
#[tokio::test]
async fn s2_forbidden_body() {
    let srv = sim(&[]).await;
    let want = j(
        r#"{"success":false,"error":"User does not have the permissions required for this action [error-unauthorized]"}"#,
    );
    let r = get(&srv, LIST, &user(PLAIN)).await;
    assert_eq!((r.status, r.json()), (403, want.clone()));
    let r = get(
        &srv,
        "/api/v1/sessions/info.admin?sessionId=x",
        &user(PLAIN),
    )
    .await;
    assert_eq!(r.status, 403);
    let r = post(
        &srv,
        "/api/v1/sessions/logout",
        &user(VIEWER),
        r#"{"sessionId":"x"}"#,
    )
    .await;
    assert_eq!((r.status, r.json()), (403, want));
}

/// §2 licence without device-management: 400 error-action-not-allowed; switchable at runtime.
#[tokio::test]
async fn s2_licence_off_body() {
    let want = j(
        r#"{"success":false,"error":"This is an enterprise feature [error-action-not-allowed]","errorType":"error-action-not-allowed"}"#,
    );
    let srv = sim(&["--licence", "off"]).await;
    for (m, path, body) in [
        ("GET", LIST, None),
        ("GET", "/api/v1/sessions/info.admin?sessionId=x", None),
        (
            "POST",
            "/api/v1/sessions/logout",
            Some(r#"{"sessionId":"x"}"#),
        ),
        ("GET", "/api/v1/sessions/list", None),
    ] {
        let r = call(&srv, m, path, &pat(), body).await;
        assert_eq!((r.status, r.json()), (400, want.clone()), "{path}");
    }
    let srv = sim(&["--test-control"]).await;
    assert_eq!(get(&srv, LIST, &pat()).await.status, 200);
    post(&srv, "/_sim/licence", &[], r#"{"enabled":false}"#).await;
    assert_eq!(get(&srv, LIST, &pat()).await.json(), want);
    post(&srv, "/_sim/licence", &[], r#"{"enabled":true}"#).await;
    assert_eq!(get(&srv, LIST, &pat()).await.status, 200);
}

/// §2 order of checks on 8.x: auth → permission → licence → rate limit → params → 2FA → sort.
#[tokio::test]
async fn s2_order_of_checks() {
    let srv = sim(&["--licence", "off", "--rate-limit", "1"]).await;
    let bad = format!("{LIST}?_=1&sort=%7Bx");
    // No auth beats everything.
    assert_eq!(get(&srv, &bad, &[]).await.status, 401);
    // Permission before licence.
    assert_eq!(get(&srv, &bad, &user(PLAIN)).await.status, 403);
    // Licence before rate limit and params.
    let r = get(&srv, &bad, &user(NO2FA)).await;
    assert_eq!(r.json()["errorType"], "error-action-not-allowed");
    let srv = sim(&["--rate-limit", "1"]).await;
    // Rate limit (second call) before params.
    assert_eq!(
        get(&srv, &bad, &user(NO2FA)).await.json()["errorType"],
        "invalid-params"
    );
    assert_eq!(get(&srv, &bad, &user(NO2FA)).await.status, 429);
    // Params before 2FA, 2FA before sort.
    let srv = sim(&[]).await;
    assert_eq!(
        get(&srv, &bad, &user(NO2FA)).await.json()["errorType"],
        "invalid-params"
    );
    let sort_only = format!("{LIST}?sort=%7Bx");
    assert_eq!(
        get(&srv, &sort_only, &user(NO2FA)).await.json()["errorType"],
        "totp-required"
    );
    let code = sha256_hex("no2fa-password");
    let h = with(user(NO2FA), &[("x-2fa-code", &code)]);
    assert_eq!(
        get(&srv, &sort_only, &h).await.json()["errorType"],
        "error-invalid-sort"
    );
}

/// §2/§3 totp-required and totp-invalid bodies for the TOTP admin.
#[tokio::test]
async fn s3_totp_required_and_invalid_bodies() {
    let srv = sim(&[]).await;
    let r = get(&srv, LIST, &admin()).await;
    assert_eq!(r.status, 400);
    assert_eq!(
        r.json(),
        j(
            r#"{"success":false,"error":"TOTP Required [totp-required]","errorType":"totp-required","details":{"method":"totp","codeGenerated":false,"availableMethods":["totp"]}}"#
        )
    );
    let r = get(&srv, LIST, &with(admin(), &[("x-2fa-code", "000000")])).await;
    let v = r.json();
    assert_eq!(r.status, 400);
    assert_eq!(v["error"], "TOTP Invalid [totp-invalid]");
    assert_eq!(v["errorType"], "totp-invalid");
    assert_eq!(v["details"]["method"], "totp");
}

/// §3 TOTP: ±1 step window, reuse allowed, and 8-character single-use backup codes.
#[tokio::test]
async fn s3_totp_window_reuse_and_backup_codes() {
    let srv = sim(&["--remember-for", "0"]).await;
    away_from_step_edge().await;
    for steps in [-1, 0, 1] {
        let code = totp_at(steps);
        let r = get(&srv, LIST, &with(admin(), &[("x-2fa-code", &code)])).await;
        assert_eq!(r.status, 200, "step {steps}");
        // The same code again inside its window: accepted.
        let r = get(&srv, LIST, &with(admin(), &[("x-2fa-code", &code)])).await;
        assert_eq!(r.status, 200, "reuse step {steps}");
    }
    let old = totp_at(-3);
    if old != totp_at(-1) && old != totp() && old != totp_at(1) {
        let r = get(&srv, LIST, &with(admin(), &[("x-2fa-code", &old)])).await;
        assert_eq!(r.json()["errorType"], "totp-invalid");
    }
    let b = rc_sim::accounts::ADMIN_BACKUP_CODES[0];
    let h = with(admin(), &[("x-2fa-code", b)]);
    assert_eq!(get(&srv, LIST, &h).await.status, 200);
    assert_eq!(
        get(&srv, LIST, &h).await.json()["errorType"],
        "totp-invalid"
    );
}

/// §3 the remembered window: per token and client (IP + user agent); /_sim/expire-2fa ends it.
#[tokio::test]
async fn s3_remembered_window() {
    let srv = sim(&["--test-control"]).await;
    let code = totp();
    let ua = ("User-Agent", "browser-A");
    assert_eq!(
        get(&srv, LIST, &with(admin(), &[ua, ("x-2fa-code", &code)]))
            .await
            .status,
        200
    );
    assert_eq!(get(&srv, LIST, &with(admin(), &[ua])).await.status, 200);
    // Another client (user agent) on the same token must send a code.
    let r = get(&srv, LIST, &with(admin(), &[("User-Agent", "browser-B")])).await;
    assert_eq!(r.json()["errorType"], "totp-required");
    let r = post(&srv, "/_sim/expire-2fa", &[], "").await;
    assert_eq!(r.status, 200);
    assert_eq!(
        get(&srv, LIST, &with(admin(), &[ua])).await.json()["errorType"],
        "totp-required"
    );
    // --remember-for 0: every call needs a code.
    let srv = sim(&["--remember-for", "0"]).await;
    assert_eq!(
        get(&srv, LIST, &with(admin(), &[("x-2fa-code", &code)]))
            .await
            .status,
        200
    );
    assert_eq!(get(&srv, LIST, &admin()).await.status, 400);
}

/// §3 a personal access token made with "Ignore Two Factor Authentication" never needs a code.
#[tokio::test]
async fn s3_pat_bypasses_2fa() {
    let srv = sim(&["--remember-for", "0"]).await;
    for _ in 0..3 {
        assert_eq!(get(&srv, LIST, &pat()).await.status, 200);
    }
}

/// §3 password fallback: code = lower-case SHA-256 hex of the password, method "password".
#[tokio::test]
async fn s3_password_fallback() {
    let srv = sim(&[]).await;
    let r = get(&srv, LIST, &user(NO2FA)).await;
    assert_eq!(
        r.json(),
        j(
            r#"{"success":false,"error":"TOTP Required [totp-required]","errorType":"totp-required","details":{"method":"password","codeGenerated":false,"availableMethods":[]}}"#
        )
    );
    let wrong = sha256_hex("nope");
    assert_eq!(
        get(&srv, LIST, &with(user(NO2FA), &[("x-2fa-code", &wrong)]))
            .await
            .json()["errorType"],
        "totp-invalid"
    );
    let code = sha256_hex("no2fa-password").to_uppercase();
    let h = with(
        user(NO2FA),
        &[("x-2fa-code", &code), ("x-2fa-method", "password")],
    );
    assert_eq!(get(&srv, LIST, &h).await.status, 200);
}

/// §3 email 2FA: generated on a call without a code, single use, max attempts.
#[tokio::test]
async fn s3_email_codes() {
    let srv = sim(&["--test-control", "--remember-for", "0"]).await;
    let r = get(&srv, LIST, &user(EMAIL)).await;
    let v = r.json();
    assert_eq!(v["errorType"], "totp-required");
    assert_eq!(v["details"]["method"], "email");
    assert_eq!(v["details"]["codeGenerated"], true);
    assert_eq!(v["details"]["emailOrUsername"], "emailuser");
    assert_eq!(v["details"]["availableMethods"], json!(["email"]));
    // A pending code is not re-sent.
    let v = get(&srv, LIST, &user(EMAIL)).await.json();
    assert_eq!(v["details"]["codeGenerated"], false);
    assert!(v["details"]["codeExpires"].is_string());
    let codes = get(&srv, "/_sim/email-codes", &[]).await.json();
    let code = codes["codes"]["emailuser"].as_str().unwrap().to_string();
    // The mail shows "123-456"; non-digits are stripped.
    let dashed = format!("{}-{}", &code[..3], &code[3..]);
    let h = with(user(EMAIL), &[("x-2fa-code", &dashed)]);
    assert_eq!(get(&srv, LIST, &h).await.status, 200);
    // Single use: the spent code fails (and a new code is mailed).
    let v = get(&srv, LIST, &h).await.json();
    assert_eq!(
        (
            v["errorType"].as_str(),
            v["details"]["codeGenerated"].as_bool()
        ),
        (Some("totp-invalid"), Some(true))
    );
    // Wrong codes count against the pending code; the fifth wrong one is totp-max-attempts.
    // (The single-use check above already spent one attempt on a fresh code.)
    let mut seen = Vec::new();
    for _ in 0..5 {
        let v = get(&srv, LIST, &with(user(EMAIL), &[("x-2fa-code", "999999x")]))
            .await
            .json();
        seen.push(v["errorType"].as_str().unwrap().to_string());
    }
    assert_eq!(
        seen,
        [
            "totp-invalid",
            "totp-invalid",
            "totp-invalid",
            "totp-max-attempts",
            "totp-invalid"
        ]
    );
}

/// §3 POST login with 2FA: 401, error "totp-required", message, details, no errorType;
/// a login with `code` does not mark the token, the same code still works after.
#[tokio::test]
async fn s3_login_with_code() {
    let srv = sim(&[]).await;
    let r = post(
        &srv,
        "/api/v1/login",
        &[],
        r#"{"user":"admin","password":"admin-password"}"#,
    )
    .await;
    assert_eq!(r.status, 401);
    let v = r.json();
    assert_eq!(v["error"], "totp-required");
    assert_eq!(v["message"], "TOTP Required");
    assert_eq!(v["details"]["method"], "totp");
    assert!(v.get("errorType").is_none());
    let r = post(
        &srv,
        "/api/v1/login",
        &[],
        r#"{"user":"admin","password":"admin-password","code":"000000"}"#,
    )
    .await;
    assert_eq!(
        (r.status, r.json()["error"].clone()),
        (401, json!("totp-invalid"))
    );
    let code = totp();
    let body = format!(r#"{{"user":"admin","password":"admin-password","code":"{code}"}}"#);
    let v = post(&srv, "/api/v1/login", &[], &body).await.json();
    assert_eq!(v["status"], "success");
    let tok = v["data"]["authToken"].as_str().unwrap().to_string();
    let h = vec![("X-User-Id", ADMIN_ID), ("X-Auth-Token", tok.as_str())];
    assert_eq!(
        get(&srv, LIST, &h).await.json()["errorType"],
        "totp-required"
    );
    assert_eq!(
        get(&srv, LIST, &with(h.clone(), &[("x-2fa-code", &code)]))
            .await
            .status,
        200
    );
    assert_eq!(get(&srv, LIST, &h).await.status, 200, "now remembered");
}

/// §3 "0 or less turns remembering off, and then every call needs a fresh code (a TOTP code
/// may be reused inside its window, an e-mail code may not)".
#[tokio::test]
async fn s3_remember_off_every_call_needs_a_code() {
    for rf in ["0", "-5"] {
        let srv = sim(&["--test-control", "--remember-for", rf]).await;
        away_from_step_edge().await;
        let code = totp();
        let h = with(admin(), &[("x-2fa-code", &code)]);
        for _ in 0..3 {
            assert_eq!(get(&srv, LIST, &h).await.status, 200, "TOTP reuse, {rf}");
            let r = get(&srv, LIST, &admin()).await;
            assert_eq!(r.json()["errorType"], "totp-required", "{rf}");
        }
        // E-mail codes: each one works once, the next call needs a new one.
        for _ in 0..2 {
            let v = get(&srv, LIST, &user(EMAIL)).await.json();
            assert_eq!(v["errorType"], "totp-required");
            let codes = get(&srv, "/_sim/email-codes", &[]).await.json();
            let code = codes["codes"]["emailuser"].as_str().unwrap().to_string();
            let h = with(user(EMAIL), &[("x-2fa-code", &code)]);
            assert_eq!(get(&srv, LIST, &h).await.status, 200);
            assert_eq!(
                get(&srv, LIST, &h).await.json()["errorType"],
                "totp-invalid"
            );
            assert_eq!(
                get(&srv, LIST, &user(EMAIL)).await.json()["errorType"],
                "totp-required"
            );
            // Spend the freshly mailed code so the next round starts clean.
            let codes = get(&srv, "/_sim/email-codes", &[]).await.json();
            let code = codes["codes"]["emailuser"].as_str().unwrap().to_string();
            let h = with(user(EMAIL), &[("x-2fa-code", &code)]);
            assert_eq!(get(&srv, LIST, &h).await.status, 200);
        }
    }
}

/// §3 "2FA may also be off for the whole workspace (`Accounts_TwoFactorAuthentication_Enabled`):
/// then no call asks for a code" — checkCodeForUser returns before the method choice, so no
/// password fallback either, and a code sent anyway (even a wrong one) is ignored.
#[tokio::test]
async fn s3_twofa_off_never_asks() {
    let srv = sim(&["--twofa", "off", "--sessions", "20"]).await;
    for u in [admin(), user(EMAIL), user(NO2FA), user(VIEWER)] {
        assert_eq!(get(&srv, LIST, &u).await.status, 200);
        let h = with(
            u.clone(),
            &[("x-2fa-code", "000000"), ("x-2fa-method", "totp")],
        );
        assert_eq!(get(&srv, LIST, &h).await.status, 200);
        let h = with(u, &[("x-2fa-code", "not-a-code")]);
        let r = get(
            &srv,
            "/api/v1/sessions/info.admin?sessionId=rcsimAdminSessn01",
            &h,
        )
        .await;
        assert_eq!(r.status, 200);
    }
    let v = get(&srv, "/api/v1/sessions/list.all?count=1&offset=3", &pat())
        .await
        .json();
    let sid = v["sessions"][0]["_id"].as_str().unwrap().to_string();
    let body = format!(r#"{{"sessionId":"{sid}"}}"#);
    assert_eq!(
        post(&srv, "/api/v1/sessions/logout", &user(NO2FA), &body)
            .await
            .status,
        200
    );
    // POST login needs no code, and a wrong one is ignored.
    for body in [
        r#"{"user":"admin","password":"admin-password"}"#,
        r#"{"user":"admin","password":"admin-password","code":"000000"}"#,
        r#"{"user":"emailuser","password":"email-password"}"#,
    ] {
        let r = post(&srv, "/api/v1/login", &[], body).await;
        assert_eq!(r.status, 200, "{body}");
    }
    assert!(rc_sim::Config::from_args(["rc-sim", "--twofa", "maybe"]).is_err());
}

/// §3 the remembered fingerprint is user agent + *client* IP; behind proxies the server takes
/// the client IP from X-Forwarded-For (HTTP_FORWARDED_COUNT, remoteAddressMiddleware.ts), and
/// §4 rate limits count per that IP too.
#[tokio::test]
async fn s3_forwarded_clients_get_their_own_windows() {
    let srv = sim(&["--forwarded-count", "1"]).await;
    away_from_step_edge().await;
    let code = totp();
    let a = ("X-Forwarded-For", "198.51.100.1");
    let b = ("X-Forwarded-For", "198.51.100.2");
    assert_eq!(
        get(&srv, LIST, &with(admin(), &[a, ("x-2fa-code", &code)]))
            .await
            .status,
        200
    );
    assert_eq!(get(&srv, LIST, &with(admin(), &[a])).await.status, 200);
    // Same socket, same token, same user agent, another forwarded client: no window.
    let r = get(&srv, LIST, &with(admin(), &[b])).await;
    assert_eq!(r.json()["errorType"], "totp-required");
    // One trusted hop: the right-most entry is the client, whatever stands to its left.
    let ab = ("X-Forwarded-For", "198.51.100.2, 198.51.100.1");
    assert_eq!(get(&srv, LIST, &with(admin(), &[ab])).await.status, 200);
    assert_eq!(
        get(&srv, LIST, &with(admin(), &[b, ("x-2fa-code", &code)]))
            .await
            .status,
        200
    );
    assert_eq!(get(&srv, LIST, &with(admin(), &[b])).await.status, 200);
    // A login token holds one window (twoFactorAuthorizedUntil/Hash on the token object):
    // B's accepted code replaced A's.
    let r = get(&srv, LIST, &with(admin(), &[a])).await;
    assert_eq!(r.json()["errorType"], "totp-required");
    // --forwarded-count 0 (default): the header is ignored, the socket is the client.
    let srv = sim(&[]).await;
    let code = totp();
    let h = with(admin(), &[a, ("x-2fa-code", &code)]);
    assert_eq!(get(&srv, LIST, &h).await.status, 200);
    assert_eq!(get(&srv, LIST, &with(admin(), &[b])).await.status, 200);
    // Rate limits: per forwarded client.
    let srv = sim(&["--forwarded-count", "1", "--rate-limit", "2"]).await;
    let h = |x| with(user(NO2FA), &[x]);
    let me = "/api/v1/me";
    assert_eq!(get(&srv, me, &h(a)).await.status, 200);
    assert_eq!(get(&srv, me, &h(a)).await.status, 200);
    assert_eq!(get(&srv, me, &h(a)).await.status, 429);
    assert_eq!(get(&srv, me, &h(b)).await.status, 200);
}

/// §3 `x-2fa-method` naming a method the user does not have. Settled from the server's code
/// (apps/meteor/server/lib/2fa/code/index.ts, `getMethodByNameOrFirstActiveForUser`): a name
/// in `checkMethods` (`totp`, `email`) is used **unchecked**; any other name (`password`,
/// `TOTP`, `sms`) picks the user's first enabled method, else the password fallback. The
/// unchecked method's `verify` starts with `isEnabled(user)`, so the call can never succeed
/// (totp-invalid), and `email` still mails a code (`processInvalidCode`).
#[tokio::test]
async fn s3_named_method_the_user_lacks() {
    let srv = sim(&["--test-control", "--remember-for", "0"]).await;
    away_from_step_edge().await;
    let code = totp();
    // Admin (TOTP only) naming email: a code is mailed, nothing is ever accepted.
    let v = get(&srv, LIST, &with(admin(), &[("x-2fa-method", "email")]))
        .await
        .json();
    assert_eq!(v["errorType"], "totp-required");
    assert_eq!(v["details"]["method"], "email");
    assert_eq!(v["details"]["codeGenerated"], true);
    assert_eq!(v["details"]["emailOrUsername"], "admin");
    assert_eq!(v["details"]["availableMethods"], json!(["totp"]));
    let codes = get(&srv, "/_sim/email-codes", &[]).await.json();
    let mailed = codes["codes"]["admin"].as_str().unwrap().to_string();
    for c in [mailed.as_str(), code.as_str()] {
        let h = with(admin(), &[("x-2fa-method", "email"), ("x-2fa-code", c)]);
        let v = get(&srv, LIST, &h).await.json();
        assert_eq!(
            (v["errorType"].as_str(), v["details"]["method"].as_str()),
            (Some("totp-invalid"), Some("email"))
        );
    }
    // Names outside checkMethods fall to the user's first enabled method.
    for m in ["password", "TOTP", "sms", ""] {
        let h = with(admin(), &[("x-2fa-method", m), ("x-2fa-code", &code)]);
        assert_eq!(get(&srv, LIST, &h).await.status, 200, "method {m:?}");
    }
    // The e-mail user naming totp: codeGenerated false, never accepted.
    let h = with(user(EMAIL), &[("x-2fa-method", "totp")]);
    let v = get(&srv, LIST, &h).await.json();
    assert_eq!(
        v["details"],
        json!({"method":"totp","codeGenerated":false,"availableMethods":["email"]})
    );
    let h = with(
        user(EMAIL),
        &[("x-2fa-method", "totp"), ("x-2fa-code", &code)],
    );
    assert_eq!(
        get(&srv, LIST, &h).await.json()["errorType"],
        "totp-invalid"
    );
    // No method at all: naming totp or email skips the password fallback.
    let pw = sha256_hex("no2fa-password");
    for m in ["totp", "email"] {
        let h = with(user(NO2FA), &[("x-2fa-method", m), ("x-2fa-code", &pw)]);
        let v = get(&srv, LIST, &h).await.json();
        assert_eq!(
            (v["errorType"].as_str(), v["details"]["method"].as_str()),
            (Some("totp-invalid"), Some(m))
        );
    }
    let h = with(
        user(NO2FA),
        &[("x-2fa-method", "password"), ("x-2fa-code", &pw)],
    );
    assert_eq!(get(&srv, LIST, &h).await.status, 200);
}
