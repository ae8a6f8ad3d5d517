//! The in-place 2FA prompt: a modal dialog over whatever is shown (the sign-in form or the
//! loaded sessions, which stay as they are), asking for what the server's challenge wants.

use super::lang::use_lang;
use super::state::Prompt;
use crate::api::{ApiError, TwoFactorMethod};
use crate::i18n::{k, Lang};
use crate::tr;
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
fn wording(lang: Lang, method: &TwoFactorMethod) -> (String, String, String) {
    let keys = match method {
        TwoFactorMethod::Email => (
            k::PROMPT_EMAIL_TITLE,
            k::PROMPT_EMAIL_LABEL,
            k::PROMPT_EMAIL_WHAT,
        ),
        TwoFactorMethod::Password => (
            k::PROMPT_PASSWORD_TITLE,
            k::PROMPT_PASSWORD_LABEL,
            k::PROMPT_PASSWORD_WHAT,
        ),
        _ => (
            k::PROMPT_TOTP_TITLE,
            k::PROMPT_TOTP_LABEL,
            k::PROMPT_TOTP_WHAT,
        ),
    };
    (lang.t(keys.0), lang.t(keys.1), lang.t(keys.2))
}

#[function_component(CodePrompt)]
pub fn code_prompt(props: &Props) -> Html {
    let lang = use_lang();
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
    let (title, label, what) = wording(lang, method);
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
    let said = tr!(
        lang,
        ERROR_AND_NEXT_STEP,
        error = &error.sentence(lang),
        next = &what
    );
    let (kind, autocomplete) = match method {
        TwoFactorMethod::Password => ("password", "current-password"),
        _ => ("text", "one-time-code"),
    };
    html! {
        <div class="rcdm-overlay">
            <div class="rcdm-dialog" role="dialog" aria-modal="true" aria-label={title.clone()} {onkeydown}>
                <form {onsubmit}>
                    <h2>{ title }</h2>
                    if rejected {
                        <p class="error" role="alert">{ said }</p>
                    } else {
                        <p>{ said }</p>
                    }
                    if props.mid_session {
                        <p class="help">{ tr!(lang, PROMPT_MID_SESSION) }</p>
                    }
                    if let (TwoFactorMethod::Email, Some(to)) = (method, &props.prompt.email_hint) {
                        <p class="hint" role="status">{ tr!(lang, PROMPT_CODE_SENT, to = to) }</p>
                    }
                    <label>{ label }
                        <input ref={input} type={kind} name="prompt-code" autocomplete={autocomplete}
                            inputmode={if kind == "text" { "numeric" } else { "text" }}
                            required=true {oninput} />
                    </label>
                    <div class="row">
                        <button type="submit" class="primary">{ tr!(lang, CONTINUE) }</button>
                        if *method == TwoFactorMethod::Email && props.can_resend {
                            <button type="button" onclick={resend}>{ tr!(lang, SEND_NEW_CODE) }</button>
                        }
                        <button type="button" onclick={cancel}>{ tr!(lang, CANCEL) }</button>
                    </div>
                </form>
            </div>
        </div>
    }
}
