//! The shell's sentences and names.

use super::*;
use crate::api::{CountDisagreement, Shortfall};
use crate::i18n::Lang::En;
use crate::ui::fixtures::{required, result};

#[test]
fn the_prompt_asks_for_the_method_the_user_has() {
    use TwoFactorMethod::*;
    let ask = |e: ApiError| method_to_ask(e.challenge().unwrap());
    assert_eq!(ask(required(Totp, vec![Totp, Email])), Totp);
    assert_eq!(ask(required(Email, vec![Email])), Email);
    assert_eq!(ask(required(Password, vec![])), Password);
    // A code typed as TOTP for an e-mail user: ask for the e-mailed one.
    assert_eq!(ask(required(Totp, vec![Email])), Email);
    // No method of the user's own: the password fallback.
    assert_eq!(ask(required(Totp, vec![])), Password);
}

#[test]
fn sentences_for_progress_and_shortfall() {
    let p = Progress {
        loaded: 1234,
        target: Some(20_000),
        round: 1,
        requests: 13,
    };
    assert_eq!(progress_text(En, &p), "Loaded 1,234 of 20,000 sessions");
    assert!(progress_text(En, &Progress::default()).contains("Contacting"));
    let mut capped = result(&["a", "b"], 20_000);
    capped.shortfall = Some(Shortfall {
        missing: 19_998,
        reasons: vec![ShortfallReason::Capped { cap: 2 }],
    });
    let text = shortfall_text(En, &capped).unwrap();
    assert!(
        text.contains("newest 2 of 20,000") && text.contains("Load at most"),
        "{text}"
    );
    let mut failed = result(&["a"], 3);
    failed.shortfall = Some(Shortfall {
        missing: 2,
        reasons: vec![ShortfallReason::PagesFailed {
            pages: 1,
            last_error: ApiError::Server { status: 503 },
        }],
    });
    let text = shortfall_text(En, &failed).unwrap();
    assert!(text.starts_with("2 sessions could not be loaded"), "{text}");
    assert_eq!(shortfall_text(En, &result(&["a"], 1)), None);
}

#[test]
fn a_count_that_disagrees_with_the_rows_is_one_sentence_beside_any_shortfall() {
    let mut lied = result(&["a", "b"], 2);
    lied.disagreement = Some(CountDisagreement {
        claimed: Some(1_000_000_000_000),
        received: 2,
    });
    assert_eq!(
        shortfall_text(En, &lied).as_deref(),
        Some("The server's count of sessions (1000000000000) and the rows it sent disagree: it sent 2 sessions, and all of them are shown.")
    );
    let mut unreadable = result(&["a"], 1);
    unreadable.disagreement = Some(CountDisagreement {
        claimed: None,
        received: 1,
    });
    unreadable.shortfall = Some(Shortfall {
        missing: 1,
        reasons: vec![ShortfallReason::Interrupted {
            error: ApiError::CodeEveryCall,
        }],
    });
    let text = shortfall_text(En, &unreadable).unwrap();
    assert!(
        text.starts_with("The server sent no usable count of sessions: the one session it sent is shown. 1 session could not be loaded: loading stopped (This server asks for a new two-factor code on every call (remembering codes is off)"),
        "{text}"
    );
    let open_ended = Progress {
        loaded: 700,
        target: None,
        round: 1,
        requests: 7,
    };
    assert_eq!(progress_text(En, &open_ended), "Loaded 700 sessions");
}

#[test]
fn error_kinds_are_distinct_short_names() {
    let all = [
        ApiError::NotLoggedIn,
        ApiError::BadCredentials,
        ApiError::LoginBlocked,
        ApiError::Forbidden,
        ApiError::NoLicence,
        ApiError::InvalidParams { detail: "x".into() },
        required(TwoFactorMethod::Totp, vec![]),
        ApiError::TwoFactorInvalid(TwoFactorChallenge::default()),
        ApiError::TwoFactorMaxAttempts,
        ApiError::CodeEveryCall,
        ApiError::SessionNotFound,
        ApiError::WrongSession,
        ApiError::TooLarge { limit_mb: 64 },
        ApiError::EndpointMissing,
        ApiError::RateLimited { wait_ms: None },
        ApiError::InvalidSort,
        ApiError::InvalidSortKeys,
        ApiError::InvalidInput { what: "x" },
        ApiError::Network,
        ApiError::LikelyCors {
            server_origin: "a".into(),
            page_origin: "b".into(),
        },
        ApiError::Timeout { secs: 1 },
        ApiError::NotJson {
            status: 502,
            truncated: false,
        },
        ApiError::BadShape {
            status: 200,
            field: "x".into(),
        },
        ApiError::Server { status: 500 },
        ApiError::Cancelled,
        ApiError::Other {
            status: 418,
            message: "x".into(),
        },
    ];
    let kinds: std::collections::HashSet<_> = all.iter().map(error_kind).collect();
    assert_eq!(kinds.len(), all.len());
    assert!(kinds
        .iter()
        .all(|k| k.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
}
