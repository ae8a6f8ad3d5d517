//! The in-place 2FA prompt: a modal dialog over whatever is shown (the sign-in form or the
//! loaded sessions, which stay as they are), asking for what the server's challenge wants.

use super::state::Prompt;
use crate::api::{ApiError, TwoFactorMethod};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub prompt: Prompt,
    /// Sessions are loaded: the prompt says they stay while it waits.
    #[prop_or_default]
    pub mid_session: bool,
    /// A new e-mailed code can be asked for.
    #[prop_or_default]
    pub can_resend: bool,
    /// `Some(typed)`, or `None` for Cancel.
    pub on_answer: Callback<Option<String>>,
    #[prop_or_default]
    pub on_resend: Callback<()>,
}

/// (dialog title, field label, what to do) for a method.
fn wording(method: &TwoFactorMethod) -> (&'static str, &'static str, &'static str) {
    match method {
        TwoFactorMethod::Email => (
            "Two-factor code by e-mail",
            "Code from the e-mail",
            "Enter the code the server e-mailed you.",
        ),
        TwoFactorMethod::Password => (
            "Confirm your password",
            "Account password",
            "This account has no two-factor method, so the server asks for its password instead (it is sent hashed).",
        ),
        _ => (
            "Two-factor code",
            "Code from your authenticator app",
            "Enter the current 6-digit code from your authenticator app (or an 8-character backup code).",
        ),
    }
}

#[function_component(CodePrompt)]
pub fn code_prompt(props: &Props) -> Html {
    let input = use_node_ref();
    let typed = use_state(String::new);
    {
        // Each new question (and each wrong answer) starts with an empty, focused field.
        let (input, typed) = (input.clone(), typed.clone());
        use_effect_with(props.prompt.clone(), move |_| {
            typed.set(String::new());
            if let Some(i) = input.cast::<HtmlInputElement>() {
                i.set_value("");
                let _ = i.focus();
            }
        });
    }
    let method = &props.prompt.method;
    let (title, label, what) = wording(method);
    let onsubmit = {
        let (typed, on_answer) = (typed.clone(), props.on_answer.clone());
        // A password is hashed exactly as typed (spaces are part of it); codes are trimmed.
        let exact = *method == TwoFactorMethod::Password;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = if exact {
                (*typed).clone()
            } else {
                (*typed).trim().to_owned()
            };
            if !value.is_empty() {
                on_answer.emit(Some(value));
            }
        })
    };
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                typed.set(i.value());
            }
        })
    };
    let cancel = {
        let on_answer = props.on_answer.clone();
        Callback::from(move |_: MouseEvent| on_answer.emit(None))
    };
    let onkeydown = {
        let on_answer = props.on_answer.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                on_answer.emit(None);
            }
        })
    };
    let resend = {
        let on_resend = props.on_resend.clone();
        Callback::from(move |_: MouseEvent| on_resend.emit(()))
    };
    let error = &props.prompt.error;
    let rejected = matches!(error, ApiError::TwoFactorInvalid(_));
    let (kind, autocomplete) = match method {
        TwoFactorMethod::Password => ("password", "current-password"),
        _ => ("text", "one-time-code"),
    };
    html! {
        <div class="rcdm-overlay">
            <div class="rcdm-dialog" role="dialog" aria-modal="true" aria-label={title} {onkeydown}>
                <form {onsubmit}>
                    <h2>{ title }</h2>
                    if rejected {
                        <p class="error" role="alert">{ error.sentence() }{ " " }{ what }</p>
                    } else {
                        <p>{ error.sentence() }{ " " }{ what }</p>
                    }
                    if props.mid_session {
                        <p class="help">{ "The server's two-factor confirmation for this session has run out. The sessions already loaded stay as they are; the request goes on once you answer." }</p>
                    }
                    if let (TwoFactorMethod::Email, Some(to)) = (method, &props.prompt.email_hint) {
                        <p class="hint" role="status">{ format!("Code sent to {to}.") }</p>
                    }
                    <label>{ label }
                        <input ref={input} type={kind} name="prompt-code" autocomplete={autocomplete}
                            inputmode={if kind == "text" { "numeric" } else { "text" }}
                            required=true {oninput} />
                    </label>
                    <div class="row">
                        <button type="submit" class="primary">{ "Continue" }</button>
                        if *method == TwoFactorMethod::Email && props.can_resend {
                            <button type="button" onclick={resend}>{ "Send a new code" }</button>
                        }
                        <button type="button" onclick={cancel}>{ "Cancel" }</button>
                    </div>
                </form>
            </div>
        </div>
    }
}
