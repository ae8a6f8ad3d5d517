//! Short notices ("Device logged out") in a polite live region; each leaves after a while or
//! when dismissed. The region is always there, so a screen reader hears each toast as it is
//! added, alone (not atomic: the ones still shown are not read again), and not its leaving.

use super::state::{Action, Toast};
use yew::prelude::*;

const SHOW_MS: u32 = 6_000;

#[derive(Properties, PartialEq)]
pub struct ToastsProps {
    pub toasts: Vec<Toast>,
    pub dispatch: Callback<Action>,
}

#[function_component(Toasts)]
pub fn toasts(p: &ToastsProps) -> Html {
    html! {
        <div class="toasts" role="status" aria-live="polite" aria-atomic="false" aria-relevant="additions text">
            { for p.toasts.iter().map(|t| html! {
                <ToastItem key={t.id} toast={t.clone()} dispatch={p.dispatch.clone()} />
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ItemProps {
    toast: Toast,
    dispatch: Callback<Action>,
}

#[function_component(ToastItem)]
fn toast_item(p: &ItemProps) -> Html {
    let lang = crate::ui::lang::use_lang();
    {
        let (dispatch, id) = (p.dispatch.clone(), p.toast.id);
        use_effect_with(id, move |_| {
            // Dropping the timeout (unmount) cancels it.
            let t = gloo_timers::callback::Timeout::new(SHOW_MS, move || {
                dispatch.emit(Action::DismissToast(id))
            });
            move || drop(t)
        });
    }
    let dismiss = {
        let (dispatch, id) = (p.dispatch.clone(), p.toast.id);
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::DismissToast(id)))
    };
    html! {
        <div class={classes!("toast", p.toast.error.then_some("error"))}>
            <span>{ p.toast.text.say(lang) }</span>
            <button type="button" class="close" aria-label={crate::tr!(lang, DISMISS)} onclick={dismiss}>{ "×" }</button>
        </div>
    }
}
