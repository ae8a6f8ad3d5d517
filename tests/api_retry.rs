//! The backoff policy: what is retried, how long it waits, and when it gives up.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use rc_device_manager::api::classify::{
    wait_from_reset_header, wait_from_retry_after, wait_from_text,
};
use rc_device_manager::api::retry::Jitter;
use rc_device_manager::api::{ApiError, RetryPolicy, TwoFactorChallenge};

fn policy() -> RetryPolicy {
    RetryPolicy::default()
}

#[test]
fn four_xx_other_than_429_are_never_retried() {
    for e in [
        ApiError::NotLoggedIn,
        ApiError::Forbidden,
        ApiError::NoLicence,
        ApiError::TwoFactorRequired(TwoFactorChallenge::default()),
        ApiError::SessionNotFound,
        ApiError::InvalidParams {
            detail: String::new(),
        },
        ApiError::NotJson {
            status: 404,
            truncated: false,
        },
        ApiError::LikelyCors {
            server_origin: "https://a".into(),
            page_origin: "https://b".into(),
        },
        ApiError::Cancelled,
    ] {
        assert_eq!(policy().after_failure(1, &e, 0.5), None, "{e:?}");
    }
}

#[test]
fn transient_failures_back_off_exponentially_within_bounds() {
    let p = policy();
    for e in [
        ApiError::Server { status: 503 },
        ApiError::Network,
        ApiError::Timeout { secs: 30 },
    ] {
        // Attempt n waits between half and all of base * 2^(n-1).
        let lows: Vec<_> = (1..4).map(|n| p.after_failure(n, &e, 0.0)).collect();
        let highs: Vec<_> = (1..4).map(|n| p.after_failure(n, &e, 0.999_999)).collect();
        assert_eq!(lows, [Some(250), Some(500), Some(1_000)], "{e:?}");
        assert_eq!(highs, [Some(499), Some(999), Some(1_999)], "{e:?}");
        assert_eq!(
            p.after_failure(4, &e, 0.5),
            None,
            "gives up after 4 attempts"
        );
    }
    let long = RetryPolicy {
        max_attempts: 30,
        ..p
    };
    let d = long.after_failure(25, &ApiError::Network, 0.999);
    assert!(d.is_some_and(|d| (4_000..=8_000).contains(&d)), "{d:?}");
}

#[test]
fn rate_limits_wait_for_the_reset_or_back_off_longer() {
    let p = policy();
    let known = ApiError::RateLimited {
        wait_ms: Some(12_000),
    };
    assert!(p
        .after_failure(1, &known, 0.3)
        .is_some_and(|d| (12_000..12_600).contains(&d)));
    let unknown = ApiError::RateLimited { wait_ms: None };
    assert!(p
        .after_failure(1, &unknown, 0.0)
        .is_some_and(|d| d >= 1_000));
    let too_long = ApiError::RateLimited {
        wait_ms: Some(10 * 60_000),
    };
    assert_eq!(p.after_failure(1, &too_long, 0.5), None);
    assert_eq!(RetryPolicy::never().after_failure(1, &known, 0.5), None);
}

#[test]
fn wait_parsers() {
    let body = "Error, too many requests. Please slow down. You must wait 17 seconds before trying this endpoint again. [error-too-many-requests]";
    assert_eq!(wait_from_text(body), Some(17_000));
    assert_eq!(wait_from_text("wait 1 second"), Some(1_000));
    assert_eq!(wait_from_text("please wait a moment"), None);
    assert_eq!(wait_from_text("wait 5 minutes"), None);
    assert_eq!(
        wait_from_reset_header(Some("1700000012000"), 1_700_000_000_000.0),
        Some(12_000)
    );
    assert_eq!(
        wait_from_reset_header(Some("1699999990000"), 1_700_000_000_000.0),
        Some(0)
    );
    assert_eq!(wait_from_reset_header(Some("soon"), 0.0), None);
    assert_eq!(wait_from_reset_header(None, 0.0), None);
}

/// The header is read without `f64::from_str` (its tables are large in wasm), but every
/// plain decimal gives the wait a float parse gives.
#[test]
fn reset_header_waits_as_a_float_parse_would() {
    let reference = |v: &str, now: f64| {
        let reset: f64 = v.trim().parse().ok()?;
        reset
            .is_finite()
            .then(|| (reset - now).clamp(0.0, 86_400_000.0) as u64)
    };
    for v in [
        "1700000012000",
        " 1700000012000 ",
        "1700000012000.9",
        "+1700000012000",
        "1700000000000.25",
        "1700000086400001",
        ".5",
        "5.",
        "-5",
        "0",
        "",
        ".",
        "+",
        "-",
        "1.2.3",
        "12a",
        "inf",
        "NaN",
        "99999999999999999999",
        &format!("1700000012000.{}", "9".repeat(400)),
        &format!("1700000012000.{}1", "0".repeat(400)),
    ] {
        for now in [0.0, 1_700_000_000_000.0, 1_700_000_000_000.5] {
            assert_eq!(
                wait_from_reset_header(Some(v), now),
                reference(v, now),
                "{v:?} at {now}"
            );
        }
    }
    // Exponent notation, which the server never sends, is not read.
    assert_eq!(wait_from_reset_header(Some("1.7e12"), 0.0), None);
}

#[test]
fn jitter_is_uniform_enough_and_deterministic() {
    let mut a = Jitter::new(7);
    let mut b = Jitter::new(7);
    let xs: Vec<f64> = (0..10_000).map(|_| a.next_f64()).collect();
    assert!(xs.iter().all(|x| (0.0..1.0).contains(x)));
    assert_eq!(
        xs[..5],
        (0..5).map(|_| b.next_f64()).collect::<Vec<_>>()[..]
    );
    let low = xs.iter().filter(|&&x| x < 0.5).count();
    assert!((4_500..5_500).contains(&low), "{low}");
}

proptest! {
    #[test]
    fn delays_are_bounded_for_any_input(attempt in 1u32..100, jitter in any::<f64>(), wait in proptest::option::of(0u64..1_000_000), status in 500u16..600) {
        let p = policy();
        for e in [ApiError::RateLimited { wait_ms: wait }, ApiError::Server { status }, ApiError::Network] {
            if let Some(d) = p.after_failure(attempt, &e, jitter) {
                prop_assert!(attempt < p.max_attempts);
                prop_assert!(d <= p.max_rate_wait_ms + 500);
                prop_assert!(d >= 1);
            }
        }
    }
}

#[test]
fn retry_after_is_read_as_seconds_or_an_http_date_and_bounded() {
    let now = 784_111_777_000.0; // Sun, 06 Nov 1994 08:49:37 GMT
    assert_eq!(wait_from_retry_after(Some("2"), now), Some(2_000));
    assert_eq!(wait_from_retry_after(Some(" 120 "), now), Some(120_000));
    assert_eq!(
        wait_from_retry_after(Some("Sun, 06 Nov 1994 08:50:07 GMT"), now),
        Some(30_000)
    );
    // Past dates mean now; absurd waits are held to a day.
    assert_eq!(
        wait_from_retry_after(Some("Sun, 06 Nov 1994 08:00:00 GMT"), now),
        Some(0)
    );
    assert_eq!(
        wait_from_retry_after(Some("99999999999999999999999"), now),
        Some(86_400_000)
    );
    for bad in [
        "",
        "-1",
        "1.5",
        "soon",
        "Sun, 06 Nov 1994 25:00:00 GMT",
        "Sun, 06 Foo 1994 08:49:37 GMT",
    ] {
        assert_eq!(wait_from_retry_after(Some(bad), now), None, "{bad:?}");
    }
    assert_eq!(wait_from_retry_after(None, now), None);
}

#[test]
fn a_truncated_body_is_retried_like_a_dropped_connection() {
    let policy = RetryPolicy::default();
    let cut = ApiError::NotJson {
        status: 200,
        truncated: true,
    };
    assert!(policy.after_failure(1, &cut, 0.5).is_some());
    let html = ApiError::NotJson {
        status: 200,
        truncated: false,
    };
    assert_eq!(policy.after_failure(1, &html, 0.5), None);
}
