//! The logout dialog: confirmation (twice for this page's own session), progress, and the
//! report of what failed. A real modal: `role=dialog`, `aria-modal`, focus kept inside,
//! Escape cancels, and focus goes back where it was.

use super::modal::use_modal;
use super::preview::preview;
use super::report;
use super::state::Dialog;
use crate::grid::preview::Preview;
use crate::i18n::k;
use crate::tr;
use crate::ui::lang::use_lang;
use std::rc::Rc;
use yew::prelude::*;

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
    let lang = use_lang();
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
            let title = tr!(lang, LOGOUT_TITLE, n = n);
            // The first text is Rocket.Chat's own words for it.
            let (text, ok) = match (*again, p.own_known) {
                (true, true) => (k::LOGOUT_OWN_TEXT, k::LOGOUT_OWN_OK),
                (true, false) => (k::LOGOUT_MAYBE_OWN_TEXT, k::LOGOUT_MAYBE_OWN_OK),
                (false, _) => (k::LOGOUT_TEXT, k::LOGOUT_OK),
            };
            let shown = p.preview.as_ref().filter(|_| !*again);
            let (text, ok) = (lang.t(text), lang.t(ok));
            (
                title,
                html! {
                    <>
                        <p id={text_id.clone()}>{ text }</p>
                        if let Some(pv) = shown { { preview(lang, pv, p.tz_offset_minutes) } }
                    </>
                },
                html! {
                    <>
                        <button type="button" data-autofocus="" onclick={cancel}>{ tr!(lang, CANCEL) }</button>
                        <button type="button" class="danger" onclick={confirm}>{ ok }</button>
                    </>
                },
            )
        }
        Dialog::Running { targets, done, .. } => (
            tr!(lang, LOGGING_OUT),
            html! {
                <p id={text_id.clone()}>
                    <progress max={targets.len().to_string()} value={done.to_string()}></progress>
                    { " " }{ tr!(lang, DONE_OF, n = *done, total = targets.len()) }
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
            tr!(lang, LOGOUT_RESULTS),
            report::body(lang, &text_id, results, verify),
            html! {
                <>
                    if !failed.is_empty() {
                        <button type="button" onclick={p.on_retry.reform(|_: MouseEvent| ())}>{ tr!(lang, FD_RETRY_FAILURES) }</button>
                    }
                    <button type="button" data-autofocus="" onclick={cancel}>{ tr!(lang, CLOSE) }</button>
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
