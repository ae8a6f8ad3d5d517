//! Every error body of the contract (rocketchat-api.md §2, §3, §5), verbatim, classified.

use rc_device_manager::api::{ApiError, TwoFactorChallenge, TwoFactorMethod};
use rc_device_manager::i18n::Lang;

const JSON: Option<&str> = Some("application/json");

fn classify(status: u16, body: &str) -> ApiError {
    ApiError::from_response(status, JSON, body, None)
}

#[test]
fn not_logged_in_new_and_old_shapes() {
    let new = r#"{"success":false,"error":"You must be logged in to do this.","status":"error","message":"You must be logged in to do this."}"#;
    let old = r#"{"status":"error","message":"You must be logged in to do this."}"#;
    assert_eq!(classify(401, new), ApiError::NotLoggedIn);
    assert_eq!(classify(401, old), ApiError::NotLoggedIn);
}

#[test]
fn forbidden() {
    let body = r#"{"success":false,"error":"User does not have the permissions required for this action [error-unauthorized]"}"#;
    assert_eq!(classify(403, body), ApiError::Forbidden);
}

#[test]
fn no_licence_on_8x_and_on_5x_6x() {
    let v8 = r#"{"success":false,"error":"This is an enterprise feature [error-action-not-allowed]","errorType":"error-action-not-allowed"}"#;
    let v5 = r#"{"success":false,"error":"unauthorized"}"#;
    assert_eq!(classify(400, v8), ApiError::NoLicence);
    assert_eq!(classify(401, v5), ApiError::NoLicence);
}

#[test]
fn invalid_params_keeps_the_servers_reason_without_the_code() {
    let body = r#"{"success":false,"error":"must NOT have additional properties [invalid-params]","errorType":"invalid-params"}"#;
    assert_eq!(
        classify(400, body),
        ApiError::InvalidParams {
            detail: "must NOT have additional properties".into()
        }
    );
}

#[test]
fn totp_required_and_invalid_carry_method_and_available_methods() {
    let required = r#"{"success":false,"error":"TOTP Required [totp-required]","errorType":"totp-required","details":{"method":"totp","codeGenerated":false,"availableMethods":["totp"]}}"#;
    let invalid = r#"{"success":false,"error":"TOTP Invalid [totp-invalid]","errorType":"totp-invalid","details":{"method":"totp","codeGenerated":false,"availableMethods":["totp"]}}"#;
    let challenge = TwoFactorChallenge {
        method: TwoFactorMethod::Totp,
        available: vec![TwoFactorMethod::Totp],
        code_generated: false,
        email_hint: None,
    };
    assert_eq!(
        classify(400, required),
        ApiError::TwoFactorRequired(challenge.clone())
    );
    assert_eq!(
        classify(400, invalid),
        ApiError::TwoFactorInvalid(challenge)
    );
}

#[test]
fn email_code_generated_exposes_the_hint() {
    let body = r#"{"success":false,"error":"TOTP Required [totp-required]","errorType":"totp-required","details":{"method":"email","codeGenerated":true,"emailOrUsername":"admin@example.com","availableMethods":["totp","email"]}}"#;
    let e = classify(400, body);
    let c = e.challenge().cloned().unwrap_or_default();
    assert_eq!(c.method, TwoFactorMethod::Email);
    assert!(c.code_generated);
    assert_eq!(c.email_hint.as_deref(), Some("admin@example.com"));
    assert_eq!(c.available, [TwoFactorMethod::Totp, TwoFactorMethod::Email]);
    assert!(e.to_string().contains("admin@example.com"), "{e}");
}

#[test]
fn password_fallback_has_no_available_methods() {
    let body = r#"{"success":false,"error":"TOTP Required [totp-required]","errorType":"totp-required","details":{"method":"password","codeGenerated":false,"availableMethods":[]}}"#;
    let e = classify(400, body);
    assert_eq!(
        e,
        ApiError::TwoFactorRequired(TwoFactorChallenge {
            method: TwoFactorMethod::Password,
            available: vec![],
            code_generated: false,
            email_hint: None,
        })
    );
    assert!(e.to_string().contains("password"), "{e}");
}

#[test]
fn max_attempts() {
    let body = r#"{"success":false,"error":"Max attempts reached [totp-max-attempts]","errorType":"totp-max-attempts"}"#;
    assert_eq!(classify(400, body), ApiError::TwoFactorMaxAttempts);
}

#[test]
fn login_2fa_errors_come_as_401_without_error_type() {
    let required = r#"{"status":"error","error":"totp-required","message":"TOTP Required","details":{"method":"email","codeGenerated":true,"emailOrUsername":"roxie","availableMethods":["email"]}}"#;
    let invalid = r#"{"status":"error","error":"totp-invalid","message":"TOTP Invalid","details":{"method":"totp","availableMethods":["totp"]}}"#;
    assert!(matches!(
        classify(401, required),
        ApiError::TwoFactorRequired(TwoFactorChallenge {
            method: TwoFactorMethod::Email,
            code_generated: true,
            ..
        })
    ));
    assert!(matches!(
        classify(401, invalid),
        ApiError::TwoFactorInvalid(TwoFactorChallenge {
            method: TwoFactorMethod::Totp,
            ..
        })
    ));
}

#[test]
fn session_not_found_and_other_404s() {
    assert_eq!(
        classify(404, r#"{"success":false,"error":"Session not found"}"#),
        ApiError::SessionNotFound
    );
    let route =
        r#"{"status":"error","message":"API endpoint \"/api/v1/sessions/list.all\" not found"}"#;
    assert_eq!(classify(404, route), ApiError::EndpointMissing);
}

#[test]
fn rate_limited_reads_the_wait_from_header_or_body() {
    let body = r#"{"success":false,"error":"Error, too many requests. Please slow down. You must wait 42 seconds before trying this endpoint again. [error-too-many-requests]"}"#;
    assert_eq!(
        classify(429, body),
        ApiError::RateLimited {
            wait_ms: Some(42_000)
        }
    );
    assert_eq!(
        ApiError::from_response(429, JSON, body, Some(7_500)),
        ApiError::RateLimited {
            wait_ms: Some(7_500)
        }
    );
    // A proxy's own 429 page: no JSON, no wait unless the header said so.
    assert_eq!(
        ApiError::from_response(429, Some("text/html"), "<h1>429</h1>", None),
        ApiError::RateLimited { wait_ms: None }
    );
}

#[test]
fn invalid_sort_and_sort_keys() {
    let sort = r#"{"success":false,"error":"Invalid sort parameter [error-invalid-sort]","errorType":"error-invalid-sort"}"#;
    let keys = r#"{"success":false,"error":"error-invalid-sort-keys"}"#;
    assert_eq!(classify(400, sort), ApiError::InvalidSort);
    assert_eq!(classify(400, keys), ApiError::InvalidSortKeys);
}

#[test]
fn non_json_answers_say_which_status() {
    let cors = r#"CORS not enabled. Go to "Admin > General > REST Api" to enable it."#;
    assert_eq!(
        ApiError::from_response(405, Some("text/plain"), cors, None),
        ApiError::NotJson {
            status: 405,
            truncated: false
        }
    );
    assert_eq!(
        ApiError::from_response(403, Some("text/plain"), "Invalid origin", None),
        ApiError::NotJson {
            status: 403,
            truncated: false
        }
    );
    let e = ApiError::from_response(404, Some("text/html"), "<html>Not Found</html>", None);
    assert_eq!(
        e,
        ApiError::NotJson {
            status: 404,
            truncated: false
        }
    );
    assert!(e.to_string().contains("404") && e.to_string().contains("not JSON"));
}

#[test]
fn truncated_json_is_reported_as_cut_short() {
    let cut = r#"{"success":false,"error":"TOTP Requ"#;
    assert_eq!(
        classify(400, cut),
        ApiError::NotJson {
            status: 400,
            truncated: true
        }
    );
}

#[test]
fn every_5xx_is_a_server_error_whatever_the_body() {
    for (status, body) in [
        (500, r#"{"success":false,"error":"Internal server error"}"#),
        (502, "<html><body>Bad Gateway</body></html>"),
        (503, ""),
        (504, "upstream timed out"),
    ] {
        let e = ApiError::from_response(status, Some("text/html"), body, None);
        assert_eq!(e, ApiError::Server { status });
        assert!(e.is_retryable() && !e.stops_a_fetch());
    }
}

#[test]
fn unknown_answers_keep_sanitised_server_words() {
    let e = classify(
        400,
        "{\"success\":false,\"error\":\"Something\\nodd\\u0007 happened.\"}",
    );
    assert_eq!(
        e,
        ApiError::Other {
            status: 400,
            message: "Something odd  happened".into()
        }
    );
    let long = format!("{{\"error\":\"{}\"}}", "x".repeat(5000));
    assert!(classify(400, &long).to_string().len() < 600);
}

#[test]
fn error_text_never_carries_a_secret_the_server_echoed() {
    let token = "Vx9-secret-token-Q";
    let body = format!(r#"{{"success":false,"error":"bad token {token} given"}}"#);
    let e = classify(400, &body).scrub(&[token, "123456"]);
    assert!(!e.to_string().contains(token), "{e}");
    let body = format!(
        r#"{{"errorType":"totp-required","details":{{"method":"email","emailOrUsername":"{token}"}}}}"#
    );
    let e = classify(400, &body).scrub(&[token]);
    assert!(!format!("{e} {e:?}").contains(token));
}

#[test]
fn only_user_wide_errors_stop_a_fetch() {
    let stops = [
        ApiError::NotLoggedIn,
        ApiError::Forbidden,
        ApiError::NoLicence,
        ApiError::TwoFactorRequired(TwoFactorChallenge::default()),
        ApiError::TwoFactorMaxAttempts,
        ApiError::InvalidParams {
            detail: String::new(),
        },
        ApiError::LikelyCors {
            server_origin: "https://a".into(),
            page_origin: "https://b".into(),
        },
        ApiError::Other {
            status: 400,
            message: String::new(),
        },
    ];
    let page_only = [
        ApiError::Network,
        ApiError::Timeout { secs: 30 },
        ApiError::NotJson {
            status: 200,
            truncated: true,
        },
        ApiError::RateLimited { wait_ms: None },
    ];
    assert!(stops.iter().all(ApiError::stops_a_fetch));
    assert!(!page_only.iter().any(ApiError::stops_a_fetch));
    assert!(!stops.iter().any(ApiError::is_retryable));
}

#[test]
fn cors_failure_explains_the_header_and_the_fix() {
    let e = ApiError::LikelyCors {
        server_origin: "https://chat.example.com".into(),
        page_origin: "https://portal.example.com".into(),
    };
    let text = e.to_string();
    for needle in [
        "x-2fa-code",
        "https://chat.example.com",
        "https://portal.example.com",
        "/api/",
    ] {
        assert!(text.contains(needle), "{needle} missing from: {text}");
    }
}

#[test]
fn every_variant_reads_as_a_sentence_and_a_next_step() {
    let all = [
        ApiError::NotLoggedIn,
        ApiError::BadCredentials,
        ApiError::LoginBlocked,
        ApiError::Forbidden,
        ApiError::NoLicence,
        ApiError::InvalidParams { detail: "x".into() },
        ApiError::TwoFactorRequired(TwoFactorChallenge::default()),
        ApiError::TwoFactorInvalid(TwoFactorChallenge::default()),
        ApiError::TwoFactorMaxAttempts,
        ApiError::SessionNotFound,
        ApiError::EndpointMissing,
        ApiError::RateLimited {
            wait_ms: Some(61_000),
        },
        ApiError::RateLimited { wait_ms: None },
        ApiError::InvalidSort,
        ApiError::InvalidSortKeys,
        ApiError::InvalidInput { what: "auth token" },
        ApiError::Network,
        ApiError::Timeout { secs: 30 },
        ApiError::NotJson {
            status: 200,
            truncated: false,
        },
        ApiError::BadShape {
            status: 200,
            field: "sessions".into(),
        },
        ApiError::Server { status: 503 },
        ApiError::Cancelled,
        ApiError::Other {
            status: 418,
            message: String::new(),
        },
    ];
    for e in all {
        let (s, n) = (e.sentence(Lang::En), e.next_step(Lang::En));
        assert!(s.ends_with('.') && n.ends_with('.'), "{e:?}: {s} | {n}");
        assert!(s.chars().next().is_some_and(char::is_uppercase), "{s}");
        assert_eq!(e.to_string(), format!("{s} {n}"));
        // German and Arabic say it too, in other words than English.
        for lang in [Lang::De, Lang::Ar] {
            let (ls, ln) = (e.sentence(lang), e.next_step(lang));
            assert!(
                !ls.is_empty() && ls != s && ln != n,
                "{lang:?} {e:?}: {ls} | {ln}"
            );
        }
    }
    assert!(ApiError::RateLimited {
        wait_ms: Some(61_000)
    }
    .to_string()
    .contains("61 seconds"));
}
