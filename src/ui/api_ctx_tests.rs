//! The prompt-and-retry loop, driven by a minimal executor (the `futures` crate is built
//! without one); the "person" answering the prompt is a callback.

use super::*;
use crate::api::{TwoFactorChallenge, TwoFactorMethod};
use crate::ui::fixtures::required;
use std::cell::RefCell;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

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
