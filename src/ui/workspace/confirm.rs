//! The logout dialog: confirmation (twice for this page's own session), progress, and the
//! report of what failed. A real modal: `role=dialog`, `aria-modal`, focus kept inside,
//! Escape cancels, and focus goes back where it was.

use super::findings_text::RETRY_FAILURES;
use super::modal::use_modal;
use super::preview::preview;
use super::report;
use super::state::Dialog;
use crate::grid::preview::Preview;
use std::rc::Rc;
use yew::prelude::*;

/// Rocket.Chat's own words for it.
pub const LOGOUT_TEXT: &str = "Device will be logged out from workspace and current session will be ended. User will be able to log in again with the same device.";
pub const OWN_SESSION_TEXT: &str =
    "This is the session this page is signed in with; you will be signed out.";
/// The second question when the server does not say which session is the page's own.
pub const MAYBE_OWN_TEXT: &str = "This server does not say which session this page is signed in with (Rocket.Chat before 8.7 does not), so each of your own sessions may be it. They are logged out last, and if one of them is this page's, you will be signed out.";

#[derive(Properties, PartialEq)]
pub struct ConfirmProps {
    pub uid: String,
    pub dialog: Dialog,
    pub on_confirm: Callback<()>,
    pub on_cancel: Callback<()>,
    /// Where focus goes on close when the element that had it is gone (a logged-out row).
    pub fallback: NodeRef,
    /// The server said which session is the page's own (else every own session may be it).
    #[prop_or(true)]
    pub own_known: bool,
    /// Exactly which sessions will end (the first question only).
    #[prop_or_default]
    pub preview: Option<Rc<Preview>>,
    #[prop_or_default]
    pub tz_offset_minutes: i32,
    /// *Retry failures* in the report.
    #[prop_or_default]
    pub on_retry: Callback<()>,
}

/// A stable name for the step shown, so focus moves only when the step changes.
fn step(d: &Dialog) -> u8 {
    match d {
        Dialog::Confirm { again: false, .. } => 0,
        Dialog::Confirm { again: true, .. } => 1,
        Dialog::Running { .. } => 2,
        Dialog::Report { .. } => 3,
    }
}

#[function_component(Confirm)]
pub fn confirm(p: &ConfirmProps) -> Html {
    let root = use_node_ref();
    let busy = matches!(p.dialog, Dialog::Running { .. });
    let onkeydown = use_modal(&root, &p.fallback, step(&p.dialog), busy, &p.on_cancel);
    let title_id = format!("{}-dialog-title", p.uid);
    let text_id = format!("{}-dialog-text", p.uid);
    let cancel = p.on_cancel.reform(|_: MouseEvent| ());
    let confirm = p.on_confirm.reform(|_: MouseEvent| ());
    let (title, body, buttons) = match &p.dialog {
        Dialog::Confirm { targets, again } => {
            let n = targets.len();
            let title = match n {
                1 => "Log out device".to_owned(),
                n => format!("Log out {} devices", crate::grid::thousands(n)),
            };
            let (text, ok) = if *again {
                if p.own_known {
                    (OWN_SESSION_TEXT, "Log out and sign me out")
                } else {
                    (MAYBE_OWN_TEXT, "Log out, even if it signs me out")
                }
            } else {
                (LOGOUT_TEXT, "Log out")
            };
            let shown = p.preview.as_ref().filter(|_| !*again);
            (
                title,
                html! {
                    <>
                        <p id={text_id.clone()}>{ text }</p>
                        if let Some(pv) = shown { { preview(pv, p.tz_offset_minutes) } }
                    </>
                },
                html! {
                    <>
                        <button type="button" data-autofocus="" onclick={cancel}>{ "Cancel" }</button>
                        <button type="button" class="danger" onclick={confirm}>{ ok }</button>
                    </>
                },
            )
        }
        Dialog::Running { targets, done, .. } => (
            "Logging out…".to_owned(),
            html! {
                <p id={text_id.clone()}>
                    <progress max={targets.len().to_string()} value={done.to_string()}></progress>
                    { format!(" {done} of {}", targets.len()) }
                </p>
            },
            Html::default(),
        ),
        Dialog::Report {
            failed,
            results,
            verify,
            ..
        } => (
            "Logout results".to_owned(),
            report::body(&text_id, results, verify),
            html! {
                <>
                    if !failed.is_empty() {
                        <button type="button" onclick={p.on_retry.reform(|_: MouseEvent| ())}>{ RETRY_FAILURES }</button>
                    }
                    <button type="button" data-autofocus="" onclick={cancel}>{ "Close" }</button>
                </>
            },
        ),
    };
    html! {
        <div class="backdrop">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby={title_id.clone()}
                aria-describedby={text_id} aria-busy={busy.then_some("true")} tabindex="-1" ref={root} {onkeydown}>
                <h2 id={title_id}>{ title }</h2>
                { body }
                <div class="dialog-actions">{ buttons }</div>
            </div>
        </div>
    }
}
