//! The sign-in form: server URL, then a user ID + auth token or a username + password, an
//! optional 2FA code (typed, or e-mailed on request), and an "Advanced" part that narrows
//! the load on the server. The fields are controlled, so a failed attempt keeps them.

use super::lang::use_lang;
use super::sign_in_form::{Field, Form, FormAction};
pub use super::sign_in_form::{Login, SignInRequest};
use super::state::{EmailStatus, Prefill};
use super::store::{use_store, Store};
use crate::api::{ApiError, EmailCode};
use crate::i18n::Lang;
use crate::tr;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub error: Option<ApiError>,
    /// A request is under way: the fields wait, and keep their values.
    pub busy: bool,
    pub prefill: Prefill,
    #[prop_or_default]
    pub email: Option<EmailStatus>,
    pub on_submit: Callback<SignInRequest>,
    /// "Send code by email" (token sign-in only).
    pub on_email: Callback<SignInRequest>,
}

/// Typing into an input edits this field.
fn edit(d: &Callback<FormAction>, field: Field) -> Callback<InputEvent> {
    d.reform(move |e: InputEvent| {
        let value = e
            .target_dyn_into::<HtmlInputElement>()
            .map(|i| i.value())
            .unwrap_or_default();
        FormAction::Edit(field, value)
    })
}

/// A required credential input bound to a field of the form.
fn input(
    form: &Form,
    d: &Callback<FormAction>,
    field: Field,
    attrs: (&'static str, &'static str),
) -> Html {
    let (name, autocomplete) = attrs;
    let oninput = edit(d, field);
    let secret = matches!(field, Field::Password | Field::Token);
    html! {
        <input type={if secret { "password" } else { "text" }} {name} required=true
            {autocomplete} value={form.value(field).to_owned()} {oninput} />
    }
}

#[function_component(SignIn)]
pub fn sign_in(props: &Props) -> Html {
    let lang = use_lang();
    let store = use_memo((), |_| Store::new(Form::new(&props.prefill)));
    let form = use_store(&store);
    let d = use_memo((), |_| store.dispatcher());
    {
        // A host's credentials (or a sign-out) replace what the fields hold.
        let d = d.clone();
        use_effect_with(props.prefill.clone(), move |p| {
            d.emit(FormAction::Prefill(p.clone()))
        });
    }
    let onsubmit = {
        let (store, on_submit) = (store.clone(), props.on_submit.clone());
        let by_email = matches!(props.email, Some(EmailStatus::Sent(EmailCode::Sent { .. })));
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_submit.emit(store.get().request(by_email));
        })
    };
    let on_email = {
        let (store, on_email) = (store.clone(), props.on_email.clone());
        Callback::from(move |_: MouseEvent| on_email.emit(store.get().request(false)))
    };
    let on_remember = d.reform(|e: Event| {
        FormAction::Remember(
            e.target_dyn_into::<HtmlInputElement>()
                .is_some_and(|i| i.checked()),
        )
    });
    let sending = props.email == Some(EmailStatus::Sending);
    html! {
        <form class="sign-in" {onsubmit} aria-busy={props.busy.to_string()}>
            <fieldset disabled={props.busy}>
                { credentials(lang, &form, &d) }
                if !form.with_password {
                    <div class="row">
                        <button type="button" onclick={on_email} disabled={sending}>{ tr!(lang, SEND_CODE_BY_EMAIL) }</button>
                        { email_hint(lang, props.email.as_ref()) }
                    </div>
                }
                { advanced(lang, &form, &d) }
                <label class="check">
                    <input type="checkbox" name="remember" checked={form.remember} onchange={on_remember} />
                    { tr!(lang, REMEMBER_ON_DEVICE) }
                </label>
                if let Some(error) = &props.error {
                    <div class="error" role="alert">
                        <p>{ error.message(lang) }</p>
                        if super::words::worth_retrying(error) {
                            <button type="submit">{ tr!(lang, RETRY) }</button>
                        }
                    </div>
                }
                <div class="row">
                    <button type="submit" class="primary">{ tr!(lang, LOAD_SESSIONS) }</button>
                    <button type="button" class="link" onclick={d.reform(|_: MouseEvent| FormAction::SwitchLogin)}>
                        { if form.with_password { tr!(lang, USE_TOKEN_INSTEAD) } else { tr!(lang, USE_PASSWORD_INSTEAD) } }
                    </button>
                </div>
            </fieldset>
        </form>
    }
}

/// Server, the two ways to sign in, and the 2FA code.
fn credentials(lang: Lang, form: &Form, d: &Callback<FormAction>) -> Html {
    html! {
        <>
            <label>{ tr!(lang, SERVER_URL) }
                // Text, not `type="url"`: the browser would refuse a bare host name or a
                // path on this origin (`/chat`), both of which the client understands.
                <input type="text" inputmode="url" spellcheck="false" autocapitalize="off"
                    name="server" placeholder={tr!(lang, SAME_ORIGIN)} autocomplete="url"
                    value={form.server.clone()} oninput={edit(d, Field::Server)} />
            </label>
            if form.with_password {
                <label>{ tr!(lang, USERNAME_OR_EMAIL) }{ input(form, d, Field::Username, ("username", "username")) }</label>
                <label>{ tr!(lang, PASSWORD) }{ input(form, d, Field::Password, ("password", "current-password")) }</label>
            } else {
                <label>{ tr!(lang, USER_ID) }{ input(form, d, Field::UserId, ("user-id", "username")) }</label>
                <label>{ tr!(lang, AUTH_TOKEN) }{ input(form, d, Field::Token, ("auth-token", "off")) }</label>
            }
            <label>{ tr!(lang, TWO_FA_CODE) }
                <input name="code" inputmode="numeric" autocomplete="one-time-code"
                    value={form.code.clone()} oninput={edit(d, Field::Code)} />
            </label>
            <p class="help">
                { tr!(lang, TWO_FA_CODE_HELP) }
            </p>
        </>
    }
}

/// What narrows the load on the server.
fn advanced(lang: Lang, form: &Form, d: &Callback<FormAction>) -> Html {
    html! {
        <details class="advanced">
            <summary>{ tr!(lang, ADVANCED) }</summary>
            <label>{ tr!(lang, SERVER_FILTER) }
                <input name="server-filter" value={form.filter.clone()} oninput={edit(d, Field::Filter)} />
            </label>
            <p class="help">{ tr!(lang, FILTER_HELP) }</p>
            <label>{ tr!(lang, LOAD_AT_MOST) }
                <input type="number" name="cap" min="1" step="1" placeholder={tr!(lang, ALL_SESSIONS)}
                    value={form.cap.clone()} oninput={edit(d, Field::Cap)} />
            </label>
            <p class="help">{ tr!(lang, LOAD_AT_MOST_HELP) }</p>
        </details>
    }
}

fn email_hint(lang: Lang, status: Option<&EmailStatus>) -> Html {
    let text = match status {
        None => return Html::default(),
        Some(EmailStatus::Sending) => tr!(lang, EMAIL_ASKING),
        Some(EmailStatus::Sent(EmailCode::Sent { to, fresh })) => match (to, fresh) {
            (Some(to), true) => tr!(lang, EMAIL_SENT_TO, to = to),
            (None, true) => tr!(lang, EMAIL_SENT),
            (Some(to), false) => tr!(lang, EMAIL_STILL_VALID_TO, to = to),
            (None, false) => tr!(lang, EMAIL_STILL_VALID),
        },
        Some(EmailStatus::Sent(EmailCode::NotNeeded)) => tr!(lang, EMAIL_NOT_NEEDED),
    };
    html! { <p class="hint" role="status">{ text }</p> }
}
