//! The shell reducer, replayed action by action.

use super::*;
use crate::api::{Client, Credentials, TwoFactorChallenge};
use crate::ui::fixtures::result;
use crate::ui::words::worth_retrying;
use std::rc::Rc;

/// One action through the reducer, as the store applies it: true when the state changed.
fn apply(s: &mut Shell, action: Action) -> bool {
    match s.reduce(action) {
        Some(next) => {
            *s = next;
            true
        }
        None => false,
    }
}

fn account(user: &str) -> Account {
    Account {
        api: ApiCtx::new(Rc::new(Client::new(Credentials {
            server: String::new(),
            user_id: user.into(),
            auth_token: "tok-secret-123".into(),
        }))),
        user_id: user.into(),
        server: String::new(),
    }
}

fn start(s: &mut Shell, g: u64, user: &str) {
    assert!(apply(
        s,
        Action::FetchStarted {
            generation: Generation(g),
            account: account(user),
            narrowing: Narrowing::default(),
        }
    ));
}

fn ids(s: &Shell) -> Vec<String> {
    let data = s.data.as_ref().expect("data loaded");
    let s = data.sessions.get();
    s.live_indices()
        .into_iter()
        .filter_map(|i| Some(s.row(i)?.session_id().to_owned()))
        .collect()
}

#[test]
fn a_load_signs_in_and_hands_the_rows_over_with_a_new_load_id() {
    let mut s = Shell::default();
    start(&mut s, 1, "admin");
    assert!(s.busy() && s.account.is_none());
    let p = Progress {
        loaded: 100,
        target: Some(250),
        round: 1,
        requests: 1,
    };
    assert!(apply(&mut s, Action::Progress(Generation(1), p)));
    assert_eq!(s.running.as_ref().map(|r| r.progress), Some(p));
    assert!(apply(
        &mut s,
        Action::Loaded(Generation(1), result(&["a", "b"], 2), 5.0)
    ));
    assert!(!s.busy());
    assert_eq!(
        s.account.as_ref().map(|a| a.user_id.as_str()),
        Some("admin")
    );
    assert_eq!(ids(&s), ["a", "b"]);
    let first_id = s.data.as_ref().map(|d| d.load_id);
    start(&mut s, 2, "admin");
    assert_eq!(
        ids(&s),
        ["a", "b"],
        "a refresh keeps the rows while it runs"
    );
    assert!(apply(
        &mut s,
        Action::Loaded(Generation(2), result(&["c"], 1), 9.0)
    ));
    assert_ne!(s.data.as_ref().map(|d| d.load_id), first_id);
    assert_eq!(s.data.as_ref().map(|d| d.loaded_at_ms), Some(9.0));
}

#[test]
fn a_late_answer_of_a_replaced_fetch_never_overwrites_the_new_data() {
    let mut s = Shell::default();
    start(&mut s, 1, "admin");
    start(&mut s, 2, "admin");
    let before = s.clone();
    assert!(!apply(
        &mut s,
        Action::Progress(Generation(1), Progress::default())
    ));
    assert!(!apply(
        &mut s,
        Action::Loaded(Generation(1), result(&["old"], 1), 1.0)
    ));
    assert!(!apply(
        &mut s,
        Action::Failed(Generation(1), ApiError::Network)
    ));
    assert_eq!(s, before);
    assert!(apply(
        &mut s,
        Action::Loaded(Generation(2), result(&["new"], 1), 2.0)
    ));
    assert!(!apply(
        &mut s,
        Action::Loaded(Generation(1), result(&["old"], 1), 3.0)
    ));
    assert_eq!(ids(&s), ["new"]);
}

#[test]
fn cancel_keeps_what_was_loaded_before_and_drops_the_late_answer() {
    let mut s = Shell::default();
    start(&mut s, 1, "admin");
    apply(
        &mut s,
        Action::Loaded(Generation(1), result(&["a"], 1), 1.0),
    );
    start(&mut s, 2, "admin");
    assert!(apply(&mut s, Action::CancelRequested));
    assert!(!s.busy());
    assert_eq!(ids(&s), ["a"]);
    assert!(s.notice.as_deref().is_some_and(|n| n.contains("cancelled")));
    assert!(!apply(
        &mut s,
        Action::Loaded(Generation(2), result(&["b"], 1), 2.0)
    ));
    assert!(!apply(
        &mut s,
        Action::Failed(Generation(2), ApiError::Cancelled)
    ));
    assert_eq!(ids(&s), ["a"]);
    assert!(
        !apply(&mut s, Action::CancelRequested),
        "nothing left to cancel"
    );
}

#[test]
fn a_failed_refresh_shows_the_error_and_keeps_the_rows() {
    let mut s = Shell::default();
    start(&mut s, 1, "admin");
    apply(
        &mut s,
        Action::Loaded(Generation(1), result(&["a"], 1), 1.0),
    );
    start(&mut s, 2, "admin");
    assert!(apply(
        &mut s,
        Action::Failed(Generation(2), ApiError::Server { status: 503 })
    ));
    assert_eq!(s.error, Some(ApiError::Server { status: 503 }));
    assert_eq!(ids(&s), ["a"]);
    assert!(worth_retrying(s.error.as_ref().unwrap()));
    start(&mut s, 3, "admin");
    assert_eq!(s.error, None, "a new attempt clears the old error");
}

#[test]
fn a_failed_first_load_leaves_nobody_signed_in() {
    let mut s = Shell::default();
    start(&mut s, 1, "admin");
    apply(&mut s, Action::Failed(Generation(1), ApiError::NotLoggedIn));
    assert!(s.account.is_none() && s.data.is_none() && !s.busy());
    assert_eq!(s.error, Some(ApiError::NotLoggedIn));
    assert!(!worth_retrying(&ApiError::NotLoggedIn));
}

#[test]
fn the_rate_limit_pause_shows_until_the_next_page_arrives() {
    let mut s = Shell::default();
    start(&mut s, 1, "admin");
    assert!(apply(
        &mut s,
        Action::RateLimited(Generation(1), Some(42_000))
    ));
    assert_eq!(s.running.as_ref().unwrap().rate_wait_ms, Some(42_000));
    assert!(!apply(&mut s, Action::RateLimited(Generation(7), Some(1))));
    // The progress report of the refused page itself brings nothing new.
    apply(&mut s, Action::Progress(Generation(1), Progress::default()));
    assert_eq!(s.running.as_ref().unwrap().rate_wait_ms, Some(42_000));
    let more = Progress {
        loaded: 100,
        ..Progress::default()
    };
    apply(&mut s, Action::Progress(Generation(1), more));
    assert_eq!(s.running.as_ref().unwrap().rate_wait_ms, None);
}

#[test]
fn the_prompt_opens_only_for_a_challenge_and_closes_only_itself() {
    let mut s = Shell::default();
    assert!(!apply(
        &mut s,
        Action::PromptOpened {
            id: 1,
            error: ApiError::Network
        }
    ));
    assert!(s.prompt.is_none());
    let err = ApiError::TwoFactorRequired(TwoFactorChallenge {
        method: TwoFactorMethod::Email,
        available: vec![TwoFactorMethod::Email],
        code_generated: true,
        email_hint: Some("e***@example.com".into()),
    });
    assert!(apply(&mut s, Action::PromptOpened { id: 1, error: err }));
    let p = s.prompt.clone().unwrap();
    assert_eq!(p.method, TwoFactorMethod::Email);
    assert_eq!(p.email_hint.as_deref(), Some("e***@example.com"));
    // A wrong answer re-opens the same prompt with the new error.
    let wrong = ApiError::TwoFactorInvalid(TwoFactorChallenge {
        method: TwoFactorMethod::Email,
        available: vec![TwoFactorMethod::Email],
        ..TwoFactorChallenge::default()
    });
    apply(
        &mut s,
        Action::PromptOpened {
            id: 1,
            error: wrong.clone(),
        },
    );
    assert_eq!(s.prompt.as_ref().map(|p| &p.error), Some(&wrong));
    assert!(!apply(&mut s, Action::PromptClosed { id: 2 }));
    assert!(s.prompt.is_some());
    assert!(apply(&mut s, Action::PromptClosed { id: 1 }));
    assert!(s.prompt.is_none());
}

#[test]
fn reset_forgets_the_account_and_every_secret() {
    let mut s = Shell::default();
    apply(
        &mut s,
        Action::Prefill(Prefill {
            auth_token: "tok-secret-123".into(),
            user_id: "admin".into(),
            ..Prefill::default()
        }),
    );
    start(&mut s, 1, "admin");
    apply(
        &mut s,
        Action::Loaded(Generation(1), result(&["a"], 1), 1.0),
    );
    let id_before = s.data.as_ref().unwrap().load_id;
    let version = s.prefill.version;
    apply(
        &mut s,
        Action::Reset {
            prefill: Prefill {
                server: "https://chat.example.com".into(),
                ..Prefill::default()
            },
            notice: Some("Signed out.".into()),
        },
    );
    assert!(s.account.is_none() && s.data.is_none() && s.running.is_none());
    assert_eq!(s.prefill.auth_token, "");
    assert_eq!(s.prefill.server, "https://chat.example.com");
    assert!(s.prefill.version > version, "the form takes the new values");
    assert!(!format!("{s:?}").contains("tok-secret-123"));
    start(&mut s, 2, "admin");
    apply(
        &mut s,
        Action::Loaded(Generation(2), result(&["a"], 1), 2.0),
    );
    assert!(s.data.as_ref().unwrap().load_id > id_before);
}

#[test]
fn debug_output_never_shows_the_token() {
    let mut s = Shell::default();
    apply(
        &mut s,
        Action::Prefill(Prefill {
            auth_token: "tok-secret-123".into(),
            ..Prefill::default()
        }),
    );
    start(&mut s, 1, "admin");
    assert!(!format!("{s:?}").contains("tok-secret-123"));
}

#[test]
fn the_host_filter_applies_again_with_the_same_text() {
    let mut s = Shell::default();
    apply(&mut s, Action::ExternalSearch("ios".into()));
    let first = s.external_search.clone();
    apply(&mut s, Action::ExternalSearch("ios".into()));
    assert_ne!(s.external_search, first);
    assert_eq!(s.external_search.map(|(_, t)| t).as_deref(), Some("ios"));
}
