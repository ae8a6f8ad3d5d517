//! The shell reducer, replayed action by action.

use super::*;
use crate::api::{Client, Credentials, TwoFactorChallenge};
use crate::i18n::{k, Lang, Said};
use crate::ui::fixtures::result;
use crate::ui::store::Store;
use crate::ui::words::worth_retrying;
use crate::ui::workspace::model::Rows;
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

/// A completed load of these ids, in a store of its own.
fn done(ids: &[&str], total: u64) -> Finished {
    Finished::new(*result(ids, total), None)
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
        Action::Loaded(Generation(1), done(&["a", "b"], 2), 5.0)
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
        Action::Loaded(Generation(2), done(&["c"], 1), 9.0)
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
        Action::Loaded(Generation(1), done(&["old"], 1), 1.0)
    ));
    assert!(!apply(
        &mut s,
        Action::Failed(Generation(1), ApiError::Network)
    ));
    assert_eq!(s, before);
    assert!(apply(
        &mut s,
        Action::Loaded(Generation(2), done(&["new"], 1), 2.0)
    ));
    assert!(!apply(
        &mut s,
        Action::Loaded(Generation(1), done(&["old"], 1), 3.0)
    ));
    assert_eq!(ids(&s), ["new"]);
}

#[test]
fn cancel_keeps_what_was_loaded_before_and_drops_the_late_answer() {
    let mut s = Shell::default();
    start(&mut s, 1, "admin");
    apply(&mut s, Action::Loaded(Generation(1), done(&["a"], 1), 1.0));
    start(&mut s, 2, "admin");
    assert!(apply(&mut s, Action::CancelRequested));
    assert!(!s.busy());
    assert_eq!(ids(&s), ["a"]);
    assert!(s
        .notice
        .as_ref()
        .is_some_and(|n| n.say(Lang::En).contains("cancelled")));
    assert!(!apply(
        &mut s,
        Action::Loaded(Generation(2), done(&["b"], 1), 2.0)
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
    apply(&mut s, Action::Loaded(Generation(1), done(&["a"], 1), 1.0));
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
    apply(&mut s, Action::Loaded(Generation(1), done(&["a"], 1), 1.0));
    let id_before = s.data.as_ref().unwrap().load_id;
    let version = s.prefill.version;
    apply(
        &mut s,
        Action::Reset {
            prefill: Prefill {
                server: "https://chat.example.com".into(),
                ..Prefill::default()
            },
            notice: Some(Said::key(k::SIGNED_OUT)),
        },
    );
    assert!(s.account.is_none() && s.data.is_none() && s.running.is_none());
    assert_eq!(s.prefill.auth_token, "");
    assert_eq!(s.prefill.server, "https://chat.example.com");
    assert!(s.prefill.version > version, "the form takes the new values");
    assert!(!format!("{s:?}").contains("tok-secret-123"));
    start(&mut s, 2, "admin");
    apply(&mut s, Action::Loaded(Generation(2), done(&["a"], 1), 2.0));
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

fn rows(ids: &[&str]) -> Rows {
    Store::new(result(ids, 0).sessions)
}

fn progress(loaded: u64, target: u64) -> Progress {
    Progress {
        loaded,
        target: Some(target),
        ..Progress::default()
    }
}

#[test]
fn a_first_load_shows_the_rows_read_so_far_and_ends_in_the_same_store() {
    let mut s = Shell::default();
    start(&mut s, 1, "me");
    assert!(apply(
        &mut s,
        Action::Progress(Generation(1), progress(2, 100))
    ));
    let so_far = rows(&["a", "b"]);
    assert!(apply(
        &mut s,
        Action::Partial(Generation(1), so_far.clone(), 1.0)
    ));
    let data = s.data.clone().expect("rows on screen");
    assert!(data.partial && data.loaded == 2 && data.total == 100);
    assert!(s.account.is_some(), "signed in from the first page");
    assert!(s.running.is_some(), "still loading");
    // More rows, same store: the workspace keeps its load, query and selection.
    so_far.set(result(&["a", "b", "c"], 0).sessions);
    assert!(apply(
        &mut s,
        Action::Partial(Generation(1), so_far.clone(), 2.0)
    ));
    let again = s.data.clone().expect("rows");
    assert_eq!((again.load_id, again.loaded), (data.load_id, 3));
    let end = Finished::new(*result(&["a", "b", "c", "d"], 4), Some(so_far.clone()));
    assert!(apply(&mut s, Action::Loaded(Generation(1), end, 3.0)));
    let last = s.data.clone().expect("rows");
    assert_eq!(
        (last.load_id, last.loaded, last.partial),
        (data.load_id, 4, false)
    );
    assert!(last.sessions == so_far && so_far.get().len() == 4);
    assert!(s.running.is_none());
}

#[test]
fn a_refresh_keeps_the_finished_rows_and_a_new_set_is_a_new_load() {
    let mut s = Shell::default();
    start(&mut s, 1, "me");
    assert!(apply(
        &mut s,
        Action::Loaded(Generation(1), done(&["a"], 1), 1.0)
    ));
    let before = s.data.as_ref().map(|d| d.load_id);
    start(&mut s, 2, "me");
    assert!(!apply(
        &mut s,
        Action::Partial(Generation(2), rows(&["x"]), 2.0)
    ));
    assert_eq!(ids(&s), ["a"]);
    assert!(apply(
        &mut s,
        Action::Loaded(Generation(2), done(&["x"], 1), 3.0)
    ));
    assert_ne!(s.data.as_ref().map(|d| d.load_id), before);
    // Rows of a stale generation never show.
    start(&mut s, 3, "me");
    assert!(!apply(
        &mut s,
        Action::Partial(Generation(9), rows(&["y"]), 4.0)
    ));
}

#[test]
fn a_first_load_stopped_early_keeps_its_rows_and_says_how_many() {
    for stop in [
        Action::CancelRequested,
        Action::Failed(Generation(1), ApiError::Cancelled),
    ] {
        let mut s = Shell::default();
        start(&mut s, 1, "me");
        // The rows can show before the count arrives.
        let so_far = Action::Partial(Generation(1), rows(&["a", "b"]), 1.0);
        assert!(apply(&mut s, so_far));
        let count = Action::Progress(Generation(1), progress(2, 1500));
        assert!(apply(&mut s, count));
        assert!(apply(&mut s, stop));
        let data = s.data.as_ref().expect("kept");
        assert!(!data.partial);
        assert_eq!(
            data.shortfall.as_ref().map(|n| n.say(Lang::En)).as_deref(),
            Some("Loading stopped before the end: 2 of 1,500 sessions are shown.")
        );
        assert_eq!(
            s.notice.as_ref().map(|n| n.say(Lang::En)).as_deref(),
            Some("Loading was cancelled; the sessions read until then are shown.")
        );
        assert!(s.account.is_some() && s.running.is_none());
    }
}
