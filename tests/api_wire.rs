//! Decoding success bodies: the contract's example, hostile strings, truncated and
//! wrong-shaped bodies (errors, never panics), and the other endpoints' answers.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use rc_device_manager::api::decode::{decode_ack, decode_login, decode_me, decode_session};
use rc_device_manager::api::{decode_page, ApiError};

/// Contract §1's row, verbatim, in a list.all envelope (`count` echoes the page size).
const EXAMPLE: &str = r#"{"sessions":[{ "_id": "o94SveQp6fyPsoiNC", "sessionId": "o94SveQp6fyPsoiNC", "userId": "2tTEqR7ZNMJ4HGGNa",
  "device": { "type": "browser", "name": "Chrome", "longVersion": "113.0.0.0",
              "os": { "name": "Windows", "version": "10" }, "version": "113.0.0" },
  "host": "localhost:3000", "ip": "172.20.0.2", "loginAt": "2023-05-24T00:25:54.234Z",
  "_user": { "username": "testroxie", "name": "Test" } }],"total":13,"count":50,"offset":0,"success":true}"#;

/// Every error body of contract §2, verbatim: JSON, but not a page.
const ERROR_BODIES: &[&str] = &[
    r#"{"success":false,"error":"You must be logged in to do this.","status":"error","message":"You must be logged in to do this."}"#,
    r#"{"status":"error","message":"You must be logged in to do this."}"#,
    r#"{"success":false,"error":"User does not have the permissions required for this action [error-unauthorized]"}"#,
    r#"{"success":false,"error":"This is an enterprise feature [error-action-not-allowed]","errorType":"error-action-not-allowed"}"#,
    r#"{"success":false,"error":"unauthorized"}"#,
    r#"{"success":false,"error":"must NOT have additional properties [invalid-params]","errorType":"invalid-params"}"#,
    r#"{"success":false,"error":"TOTP Required [totp-required]","errorType":"totp-required","details":{"method":"totp","codeGenerated":false,"availableMethods":["totp"]}}"#,
    r#"{"success":false,"error":"TOTP Invalid [totp-invalid]","errorType":"totp-invalid","details":{"method":"totp","codeGenerated":false,"availableMethods":["totp"]}}"#,
    r#"{"success":false,"error":"Session not found"}"#,
    r#"{"success":false,"error":"Error, too many requests. Please slow down. You must wait 12 seconds before trying this endpoint again. [error-too-many-requests]"}"#,
    r#"{"success":false,"error":"error-invalid-sort-keys"}"#,
];

#[test]
fn the_contract_example_decodes_and_count_is_not_trusted() {
    let page = decode_page(EXAMPLE).unwrap_or_default();
    assert_eq!(page.total, Some(13));
    assert_eq!(page.offset, Some(0));
    assert_eq!(page.sessions.rows.len(), 1);
    let s = &page.sessions.rows[0];
    assert_eq!(s.id.as_deref(), Some("o94SveQp6fyPsoiNC"));
    assert_eq!(s.session_id, s.id);
    assert_eq!(s.ip.as_deref(), Some("172.20.0.2"));
    assert_eq!(s.host.as_deref(), Some("localhost:3000"));
    let d = s.device.clone().unwrap_or_default();
    assert_eq!(
        (d.kind.as_deref(), d.long_version.as_deref()),
        (Some("browser"), Some("113.0.0.0"))
    );
    assert_eq!(
        s.user.clone().unwrap_or_default().name.as_deref(),
        Some("Test")
    );
}

#[test]
fn a_page_of_error_bodies_is_a_shape_error_naming_sessions() {
    for body in ERROR_BODIES {
        assert_eq!(
            decode_page(body),
            Err(ApiError::BadShape {
                status: 200,
                field: "sessions".into()
            }),
            "{body}"
        );
    }
}

#[test]
fn wrong_shapes_name_the_field() {
    for body in [
        r#"{"sessions":null,"total":1}"#,
        r#"{"sessions":{"0":{}},"total":1}"#,
        r#"[{"_id":"a"}]"#,
        r#""sessions""#,
        "42",
    ] {
        assert!(
            matches!(decode_page(body), Err(ApiError::BadShape { ref field, .. }) if field == "sessions"),
            "{body}: {:?}",
            decode_page(body)
        );
    }
}

#[test]
fn html_and_empty_bodies_are_not_json() {
    for body in ["<!doctype html><h1>Sign in</h1>", "", "   ", "OK"] {
        assert_eq!(
            decode_page(body),
            Err(ApiError::NotJson {
                status: 200,
                truncated: false
            }),
            "{body:?}"
        );
    }
}

#[test]
fn every_truncation_of_the_example_is_an_error_not_a_panic() {
    for cut in (1..EXAMPLE.len()).filter(|&i| EXAMPLE.is_char_boundary(i)) {
        match decode_page(&EXAMPLE[..cut]) {
            Err(ApiError::NotJson { .. } | ApiError::BadShape { .. }) => {}
            other => panic!("cut at {cut}: {other:?}"),
        }
    }
}

#[test]
fn hostile_strings_are_kept_as_data() {
    let body = r#"{"sessions":[
        {"_id":"<script>alert(1)</script>","device":{"name":"\u0000\u202e\ud83d\ude00 Chrome","os":{"name":"\"; DROP TABLE"}},
         "ip":"1.1.1.1\r\nX-Injected: 1","_user":{"username":"__proto__","name":"constructor"}},
        {"_id":"n","loginAt":12345678901234567890,"host":1e308,"device":{"type":{"$gt":""}}},
        {"_id":"deep","device":{"os":{"name":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}}
    ],"total":3,"success":true}"#;
    let page = decode_page(body).unwrap_or_default();
    let ids: Vec<_> = page
        .sessions
        .rows
        .iter()
        .filter_map(|s| s.id.clone())
        .collect();
    assert_eq!(ids, ["<script>alert(1)</script>", "n", "deep"]);
    let first = &page.sessions.rows[0];
    assert_eq!(
        first.device.clone().unwrap_or_default().name.as_deref(),
        Some("\u{0}\u{202e}😀 Chrome")
    );
    assert_eq!(first.ip.as_deref(), Some("1.1.1.1\r\nX-Injected: 1"));
    let n = &page.sessions.rows[1];
    assert_eq!(n.login_at.as_deref(), Some("12345678901234567890"));
    assert_eq!(n.device.clone().unwrap_or_default().kind, None);
}

#[test]
fn a_huge_nesting_neither_overflows_the_stack_nor_loses_the_page() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    // An unknown field is skipped without recursion: the row stays.
    let body = format!(r#"{{"sessions":[{{"_id":"a","x":{deep}}}],"total":1}}"#);
    assert_eq!(decode_page(&body).map(|p| p.sessions.rows.len()), Ok(1));
    // A known object field that is not an object is dropped, the row kept.
    let body = format!(r#"{{"sessions":[{{"_id":"a","device":{deep}}}],"total":1}}"#);
    let page = decode_page(&body).unwrap_or_default();
    assert_eq!(page.sessions.rows.len(), 1);
    assert_eq!(page.sessions.rows[0].device, None);
}

#[test]
fn info_admin_me_login_and_acks() {
    let info = r#"{"_id":"o94SveQp6fyPsoiNC","sessionId":"o94SveQp6fyPsoiNC","userId":"2tTEqR7ZNMJ4HGGNa","device":{"type":"browser","name":"Chrome"},"ip":"172.20.0.2","success":true}"#;
    assert_eq!(
        decode_session(200, info).map(|s| s.id),
        Ok(Some("o94SveQp6fyPsoiNC".into()))
    );
    assert_eq!(
        decode_session(200, r#"{"success":true}"#),
        Err(ApiError::BadShape {
            status: 200,
            field: "_id".into()
        })
    );
    let me = r#"{"_id":"u1","username":"admin","name":"Admin","roles":["admin","user"],"emails":[{"address":"a@b"}],"success":true}"#;
    let me = decode_me(200, me).unwrap_or_default();
    assert_eq!(
        (
            me.id.as_deref(),
            me.username.as_deref(),
            me.roles.unwrap_or_default().len()
        ),
        (Some("u1"), Some("admin"), 2)
    );
    let login = r#"{"status":"success","data":{"userId":"u1","authToken":"t0k","me":{"_id":"u1","username":"admin"}}}"#;
    let (user, token, me) = decode_login(200, login).unwrap_or_default();
    assert_eq!((user.as_str(), token.as_str()), ("u1", "t0k"));
    assert_eq!(me.and_then(|m| m.username).as_deref(), Some("admin"));
    assert_eq!(
        decode_login(200, r#"{"status":"success","data":{"userId":"u1"}}"#).map(|_| ()),
        Err(ApiError::BadShape {
            status: 200,
            field: "data.authToken".into()
        })
    );
    assert_eq!(
        decode_ack(200, r#"{"sessionId":"s","success":true}"#),
        Ok(())
    );
    assert_eq!(
        decode_ack(
            200,
            r#"{"status":"success","data":{"message":"You've been logged out!"}}"#
        ),
        Ok(())
    );
    assert!(decode_ack(200, r#"{"success":false}"#).is_err());
    assert!(matches!(
        decode_ack(200, "<html>"),
        Err(ApiError::NotJson { .. })
    ));
}

proptest! {
    /// Arbitrary bytes in, an answer out: the decoder never panics.
    #[test]
    fn any_text_decodes_or_errors(body in ".{0,400}") {
        let _ = decode_page(&body);
        let _ = decode_session(200, &body);
    }

    /// Any JSON value in any field of a row keeps the row, as long as `_id` is a string.
    #[test]
    fn any_field_value_keeps_the_row(v in json_value(), field in prop::sample::select(vec!["device", "ip", "loginAt", "_user", "current", "host", "userId", "extra"])) {
        let body = format!(r#"{{"sessions":[{{"_id":"a","{field}":{v}}}],"total":1}}"#);
        let page = decode_page(&body);
        prop_assert!(page.as_ref().is_ok_and(|p| p.sessions.rows.len() == 1), "{body}: {page:?}");
    }
}

fn json_value() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_owned()),
        any::<bool>().prop_map(|b| b.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| format!("{f:e}")),
        ".{0,12}".prop_map(|s| serde_json::to_string(&s).unwrap_or_default()),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(|v| format!("[{}]", v.join(","))),
            prop::collection::vec(("[a-z]{1,4}", inner), 0..4).prop_map(|kv| {
                let fields: Vec<String> = kv
                    .into_iter()
                    .map(|(k, v)| format!("\"{k}\":{v}"))
                    .collect();
                format!("{{{}}}", fields.join(","))
            }),
        ]
    })
}
