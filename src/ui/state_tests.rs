//! The shell reducer, replayed action by action, and the prompt-and-retry loop driven by a
//! minimal executor (the `futures` crate is built without one).

use super::*;
use crate::api::wire::Session;
use crate::api::{Client, Credentials, SecondFactor, Shortfall};
use crate::ui::api_ctx::{answering, PromptHub};
use std::cell::RefCell;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

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

fn result(ids: &[&str], total: u64) -> FetchResult {
    FetchResult {
        sessions: ids
            .iter()
            .map(|id| Session {
                id: Some((*id).into()),
                ..Session::default()
            })
            .collect(),
        total,
        shortfall: None,
        surplus: 0,
        malformed_rows: 0,
        duplicates: 0,
        rounds: 1,
        requests: 1,
    }
}

fn start(s: &mut Shell, g: u64, user: &str) {
    assert!(s.apply(Action::FetchStarted {
        generation: Generation(g),
        account: account(user),
        narrowing: Narrowing::default(),
    }));
}

fn ids(s: &Shell) -> Vec<String> {
    let data = s.data.as_ref().expect("data loaded");
    data.rows.iter().filter_map(|r| r.id.clone()).collect()
}

fn required(method: TwoFactorMethod, available: Vec<TwoFactorMethod>) -> ApiError {
    ApiError::TwoFactorRequired(TwoFactorChallenge {
        method,
        available,
        code_generated: false,
        email_hint: None,
    })
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
    assert!(s.apply(Action::Progress(Generation(1), p)));
    assert_eq!(s.running.as_ref().map(|r| r.progress), Some(p));
    assert!(s.apply(Action::Loaded(Generation(1), result(&["a", "b"], 2), 5.0)));
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
    assert!(s.apply(Action::Loaded(Generation(2), result(&["c"], 1), 9.0)));
    assert_ne!(s.data.as_ref().map(|d| d.load_id), first_id);
    assert_eq!(s.data.as_ref().map(|d| d.loaded_at_ms), Some(9.0));
}

#[test]
fn a_late_answer_of_a_replaced_fetch_never_overwrites_the_new_data() {
    let mut s = Shell::default();
    start(&mut s, 1, "admin");
    start(&mut s, 2, "admin");
    let before = s.clone();
    assert!(!s.apply(Action::Progress(Generation(1), Progress::default())));
    assert!(!s.apply(Action::Loaded(Generation(1), result(&["old"], 1), 1.0)));
    assert!(!s.apply(Action::Failed(Generation(1), ApiError::Network)));
    assert_eq!(s, before);
    assert!(s.apply(Action::Loaded(Generation(2), result(&["new"], 1), 2.0)));
    assert!(!s.apply(Action::Loaded(Generation(1), result(&["old"], 1), 3.0)));
    assert_eq!(ids(&s), ["new"]);
}

#[test]
fn cancel_keeps_what_was_loaded_before_and_drops_the_late_answer() {
    let mut s = Shell::default();
    start(&mut s, 1, "admin");
    s.apply(Action::Loaded(Generation(1), result(&["a"], 1), 1.0));
    start(&mut s, 2, "admin");
    assert!(s.apply(Action::CancelRequested));
    assert!(!s.busy());
    assert_eq!(ids(&s), ["a"]);
    assert!(s.notice.as_deref().is_some_and(|n| n.contains("cancelled")));
    assert!(!s.apply(Action::Loaded(Generation(2), result(&["b"], 1), 2.0)));
    assert!(!s.apply(Action::Failed(Generation(2), ApiError::Cancelled)));
    assert_eq!(ids(&s), ["a"]);
    assert!(!s.apply(Action::CancelRequested), "nothing left to cancel");
}

#[test]
fn a_failed_refresh_shows_the_error_and_keeps_the_rows() {
    let mut s = Shell::default();
    start(&mut s, 1, "admin");
    s.apply(Action::Loaded(Generation(1), result(&["a"], 1), 1.0));
    start(&mut s, 2, "admin");
    assert!(s.apply(Action::Failed(
        Generation(2),
        ApiError::Server { status: 503 }
    )));
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
    s.apply(Action::Failed(Generation(1), ApiError::NotLoggedIn));
    assert!(s.account.is_none() && s.data.is_none() && !s.busy());
    assert_eq!(s.error, Some(ApiError::NotLoggedIn));
    assert!(!worth_retrying(&ApiError::NotLoggedIn));
}

#[test]
fn the_rate_limit_pause_shows_until_the_next_page_arrives() {
    let mut s = Shell::default();
    start(&mut s, 1, "admin");
    assert!(s.apply(Action::RateLimited(Generation(1), Some(42_000))));
    assert_eq!(s.running.as_ref().unwrap().rate_wait_ms, Some(42_000));
    assert!(!s.apply(Action::RateLimited(Generation(7), Some(1))));
    // The progress report of the refused page itself brings nothing new.
    s.apply(Action::Progress(Generation(1), Progress::default()));
    assert_eq!(s.running.as_ref().unwrap().rate_wait_ms, Some(42_000));
    let more = Progress {
        loaded: 100,
        ..Progress::default()
    };
    s.apply(Action::Progress(Generation(1), more));
    assert_eq!(s.running.as_ref().unwrap().rate_wait_ms, None);
}

#[test]
fn the_prompt_opens_only_for_a_challenge_and_closes_only_itself() {
    let mut s = Shell::default();
    assert!(!s.apply(Action::PromptOpened {
        id: 1,
        error: ApiError::Network
    }));
    assert!(s.prompt.is_none());
    let err = ApiError::TwoFactorRequired(TwoFactorChallenge {
        method: TwoFactorMethod::Email,
        available: vec![TwoFactorMethod::Email],
        code_generated: true,
        email_hint: Some("e***@example.com".into()),
    });
    assert!(s.apply(Action::PromptOpened { id: 1, error: err }));
    let p = s.prompt.clone().unwrap();
    assert_eq!(p.method, TwoFactorMethod::Email);
    assert_eq!(p.email_hint.as_deref(), Some("e***@example.com"));
    // A wrong answer re-opens the same prompt with the new error.
    let wrong = ApiError::TwoFactorInvalid(TwoFactorChallenge {
        method: TwoFactorMethod::Email,
        available: vec![TwoFactorMethod::Email],
        ..TwoFactorChallenge::default()
    });
    s.apply(Action::PromptOpened {
        id: 1,
        error: wrong.clone(),
    });
    assert_eq!(s.prompt.as_ref().map(|p| &p.error), Some(&wrong));
    assert!(!s.apply(Action::PromptClosed { id: 2 }));
    assert!(s.prompt.is_some());
    assert!(s.apply(Action::PromptClosed { id: 1 }));
    assert!(s.prompt.is_none());
}

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
fn reset_forgets_the_account_and_every_secret() {
    let mut s = Shell::default();
    s.apply(Action::Prefill(Prefill {
        auth_token: "tok-secret-123".into(),
        user_id: "admin".into(),
        ..Prefill::default()
    }));
    start(&mut s, 1, "admin");
    s.apply(Action::Loaded(Generation(1), result(&["a"], 1), 1.0));
    let id_before = s.data.as_ref().unwrap().load_id;
    let version = s.prefill.version;
    s.apply(Action::Reset {
        prefill: Prefill {
            server: "https://chat.example.com".into(),
            ..Prefill::default()
        },
        notice: Some("Signed out.".into()),
    });
    assert!(s.account.is_none() && s.data.is_none() && s.running.is_none());
    assert_eq!(s.prefill.auth_token, "");
    assert_eq!(s.prefill.server, "https://chat.example.com");
    assert!(s.prefill.version > version, "the form takes the new values");
    assert!(!format!("{s:?}").contains("tok-secret-123"));
    start(&mut s, 2, "admin");
    s.apply(Action::Loaded(Generation(2), result(&["a"], 1), 2.0));
    assert!(s.data.as_ref().unwrap().load_id > id_before);
}

#[test]
fn debug_output_never_shows_the_token() {
    let mut s = Shell::default();
    s.apply(Action::Prefill(Prefill {
        auth_token: "tok-secret-123".into(),
        ..Prefill::default()
    }));
    start(&mut s, 1, "admin");
    assert!(!format!("{s:?}").contains("tok-secret-123"));
}

#[test]
fn the_host_filter_applies_again_with_the_same_text() {
    let mut s = Shell::default();
    s.apply(Action::ExternalSearch("ios".into()));
    let first = s.external_search.clone();
    s.apply(Action::ExternalSearch("ios".into()));
    assert_ne!(s.external_search, first);
    assert_eq!(s.external_search.map(|(_, t)| t).as_deref(), Some("ios"));
}

#[test]
fn sentences_for_progress_and_shortfall() {
    let p = Progress {
        loaded: 1234,
        target: Some(20_000),
        round: 1,
        requests: 13,
    };
    assert_eq!(progress_text(&p), "Loaded 1,234 of 20,000 sessions");
    assert!(progress_text(&Progress::default()).contains("Contacting"));
    let mut capped = result(&["a", "b"], 20_000);
    capped.shortfall = Some(Shortfall {
        missing: 19_998,
        reasons: vec![ShortfallReason::Capped { cap: 2 }],
    });
    let text = shortfall_text(&capped).unwrap();
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
    let text = shortfall_text(&failed).unwrap();
    assert!(text.starts_with("2 sessions could not be loaded"), "{text}");
    assert_eq!(shortfall_text(&result(&["a"], 1)), None);
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
        ApiError::SessionNotFound,
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

/// Polls to the end; every wake-up here happens synchronously inside a poll.
fn block_on<F: Future>(fut: F) -> F::Output {
    let mut cx = Context::from_waker(Waker::noop());
    let mut fut = pin!(fut);
    for _ in 0..100 {
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return v;
        }
    }
    panic!("stuck: still pending after 100 polls");
}

/// A hub whose "person" answers each prompt at once with the next of `answers`.
fn answering_hub(
    answers: Vec<Option<&'static str>>,
) -> (Rc<PromptHub>, Rc<RefCell<Vec<ApiError>>>) {
    let shown = Rc::new(RefCell::new(Vec::new()));
    let answers = Rc::new(RefCell::new(answers.into_iter()));
    let hub = Rc::new_cyclic(|me: &std::rc::Weak<PromptHub>| {
        let (me, shown) = (me.clone(), shown.clone());
        PromptHub::new(
            yew::Callback::from(move |(_, e): (u64, ApiError)| {
                shown.borrow_mut().push(e);
                let next = answers.borrow_mut().next().flatten().map(str::to_owned);
                if let Some(hub) = me.upgrade() {
                    hub.answer(next);
                }
            }),
            yew::Callback::from(|_| {}),
        )
    });
    (hub, shown)
}

#[test]
fn a_challenge_is_answered_in_place_and_the_same_call_repeated() {
    let (hub, shown) = answering_hub(vec![Some("000000"), Some("123456")]);
    let sent = RefCell::new(Vec::new());
    let out = block_on(answering(
        Some(&hub),
        SecondFactor::None,
        None,
        None,
        |second| {
            sent.borrow_mut().push(second.clone());
            let n = sent.borrow().len();
            async move {
                match n {
                    1 => Err(required(TwoFactorMethod::Totp, vec![TwoFactorMethod::Totp])),
                    2 => Err(ApiError::TwoFactorInvalid(TwoFactorChallenge::default())),
                    _ => Ok("rows"),
                }
            }
        },
    ));
    assert_eq!(out, Ok(("rows", SecondFactor::Totp("123456".into()))));
    assert_eq!(
        *sent.borrow(),
        [
            SecondFactor::None,
            SecondFactor::Totp("000000".into()),
            SecondFactor::Totp("123456".into())
        ]
    );
    assert_eq!(
        shown.borrow().len(),
        2,
        "the wrong code was shown in the prompt"
    );
    assert_eq!(hub.open_id(), None);
}

#[test]
fn cancelling_the_prompt_returns_the_original_error() {
    let (hub, _) = answering_hub(vec![None]);
    let err = required(TwoFactorMethod::Totp, vec![TwoFactorMethod::Totp]);
    let calls = RefCell::new(0);
    let out: Result<((), SecondFactor), ApiError> = block_on(answering(
        Some(&hub),
        SecondFactor::None,
        None,
        None,
        |_| {
            *calls.borrow_mut() += 1;
            let err = err.clone();
            async move { Err(err) }
        },
    ));
    assert_eq!(out, Err(err));
    assert_eq!(*calls.borrow(), 1);
}

#[test]
fn the_sign_in_password_answers_the_password_fallback_once() {
    let (hub, shown) = answering_hub(vec![Some("typed-again")]);
    let sent = RefCell::new(Vec::new());
    let out = block_on(answering(
        Some(&hub),
        SecondFactor::None,
        None,
        Some("pw".into()),
        |second| {
            sent.borrow_mut().push(second);
            let n = sent.borrow().len();
            async move {
                match n {
                    1 => Err(required(TwoFactorMethod::Password, vec![])),
                    2 => Err(ApiError::TwoFactorInvalid(TwoFactorChallenge {
                        method: TwoFactorMethod::Password,
                        available: vec![],
                        ..TwoFactorChallenge::default()
                    })),
                    _ => Ok(()),
                }
            }
        },
    ));
    assert!(out.is_ok());
    assert_eq!(sent.borrow()[1], SecondFactor::Password("pw".into()));
    assert_eq!(
        sent.borrow()[2],
        SecondFactor::Password("typed-again".into())
    );
    assert_eq!(
        shown.borrow().len(),
        1,
        "asked only after the stored password failed"
    );
}

#[test]
fn without_a_prompt_the_challenge_is_the_answer() {
    let err = required(TwoFactorMethod::Totp, vec![TwoFactorMethod::Totp]);
    let out: Result<((), SecondFactor), ApiError> =
        block_on(answering(None, SecondFactor::None, None, None, |_| {
            let err = err.clone();
            async move { Err(err) }
        }));
    assert_eq!(out, Err(err));
}
