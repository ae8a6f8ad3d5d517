//! The sign-in form: server URL, then a user ID + auth token or a username + password, an
//! optional 2FA code (typed, or e-mailed on request), and an "Advanced" part that narrows
//! the load on the server. The fields are controlled, so a failed attempt keeps them.

use super::state::{EmailStatus, Narrowing, Prefill};
use crate::api::{ApiError, EmailCode, FILTER_HELP};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub enum Login {
    Token { user_id: String, auth_token: String },
    Password { user: String, password: String },
}

/// What the form hands to the app; secrets stay in memory only (no `Debug`).
#[derive(Clone, PartialEq)]
pub struct SignInRequest {
    pub server: String,
    pub login: Login,
    pub code: String,
    pub narrowing: Narrowing,
    pub remember: bool,
    /// The code came by e-mail (the admin asked for one with "Send code by email").
    pub code_by_email: bool,
}

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

fn bind(field: &UseStateHandle<String>) -> Callback<InputEvent> {
    let field = field.clone();
    Callback::from(move |e: InputEvent| {
        if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
            field.set(input.value());
        }
    })
}

#[function_component(SignIn)]
pub fn sign_in(props: &Props) -> Html {
    let p = &props.prefill;
    let with_password = use_state(|| p.user_id.is_empty() && !p.username.is_empty());
    let server = use_state(|| p.server.clone());
    let user_id = use_state(|| p.user_id.clone());
    let token = use_state(|| p.auth_token.clone());
    let username = use_state(|| p.username.clone());
    let password = use_state(String::new);
    let code = use_state(String::new);
    let filter = use_state(String::new);
    let cap = use_state(String::new);
    let remember = use_state(|| p.remember);
    {
        // A host's credentials (or a sign-out) replace what the fields hold.
        let (server, user_id, token, username, remember, with_password) = (
            server.clone(),
            user_id.clone(),
            token.clone(),
            username.clone(),
            remember.clone(),
            with_password.clone(),
        );
        let (password, code) = (password.clone(), code.clone());
        use_effect_with(p.clone(), move |p| {
            server.set(p.server.clone());
            user_id.set(p.user_id.clone());
            token.set(p.auth_token.clone());
            username.set(p.username.clone());
            remember.set(p.remember);
            password.set(String::new());
            code.set(String::new());
            if !p.user_id.is_empty() {
                with_password.set(false);
            }
        });
    }
    let request = {
        let (server, user_id, token, username, password, code, filter, cap, remember, mode) = (
            server.clone(),
            user_id.clone(),
            token.clone(),
            username.clone(),
            password.clone(),
            code.clone(),
            filter.clone(),
            cap.clone(),
            remember.clone(),
            with_password.clone(),
        );
        move || SignInRequest {
            server: server.trim().to_owned(),
            login: if *mode {
                Login::Password {
                    user: username.trim().to_owned(),
                    password: (*password).clone(),
                }
            } else {
                Login::Token {
                    user_id: user_id.trim().to_owned(),
                    auth_token: token.trim().to_owned(),
                }
            },
            code: code.trim().to_owned(),
            narrowing: Narrowing {
                filter: filter.trim().to_owned(),
                cap: cap.trim().parse::<u64>().ok().filter(|&n| n > 0),
            },
            remember: *remember,
            code_by_email: false,
        }
    };
    let onsubmit = {
        let (request, on_submit) = (request.clone(), props.on_submit.clone());
        let code_by_email = matches!(props.email, Some(EmailStatus::Sent(EmailCode::Sent { .. })));
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_submit.emit(SignInRequest {
                code_by_email,
                ..request()
            });
        })
    };
    let on_email = {
        let (request, on_email) = (request.clone(), props.on_email.clone());
        Callback::from(move |_: MouseEvent| on_email.emit(request()))
    };
    let switch = {
        let with_password = with_password.clone();
        Callback::from(move |_: MouseEvent| with_password.set(!*with_password))
    };
    let on_remember = {
        let remember = remember.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                remember.set(input.checked());
            }
        })
    };
    let sending = props.email == Some(EmailStatus::Sending);
    html! {
        <form class="sign-in" {onsubmit} aria-busy={props.busy.to_string()}>
            <fieldset disabled={props.busy}>
                <label>{ "Server URL" }
                    // Text, not `type="url"`: the browser would refuse a bare host name or a
                    // path on this origin (`/chat`), both of which the client understands.
                    <input type="text" inputmode="url" spellcheck="false" autocapitalize="off"
                        name="server" placeholder="Same origin" autocomplete="url"
                        value={(*server).clone()} oninput={bind(&server)} />
                </label>
                if *with_password {
                    <label>{ "Username or e-mail" }
                        <input name="username" required=true autocomplete="username"
                            value={(*username).clone()} oninput={bind(&username)} />
                    </label>
                    <label>{ "Password" }
                        <input type="password" name="password" required=true autocomplete="current-password"
                            value={(*password).clone()} oninput={bind(&password)} />
                    </label>
                } else {
                    <label>{ "User ID" }
                        <input name="user-id" required=true autocomplete="username"
                            value={(*user_id).clone()} oninput={bind(&user_id)} />
                    </label>
                    <label>{ "Auth token" }
                        <input type="password" name="auth-token" required=true autocomplete="off"
                            value={(*token).clone()} oninput={bind(&token)} />
                    </label>
                }
                <label>{ "2FA code" }
                    <input name="code" inputmode="numeric" autocomplete="one-time-code"
                        value={(*code).clone()} oninput={bind(&code)} />
                </label>
                <p class="help">
                    { "Optional: leave it empty for a personal access token that skips two-factor checks, or when you confirmed a code here recently. The server asks if it needs one." }
                </p>
                if !*with_password {
                    <div class="row">
                        <button type="button" onclick={on_email} disabled={sending}>{ "Send code by email" }</button>
                        { email_hint(props.email.as_ref()) }
                    </div>
                }
                <details class="advanced">
                    <summary>{ "Advanced" }</summary>
                    <label>{ "Server filter" }
                        <input name="server-filter" value={(*filter).clone()} oninput={bind(&filter)} />
                    </label>
                    <p class="help">{ FILTER_HELP }</p>
                    <label>{ "Load at most" }
                        <input type="number" name="cap" min="1" step="1" placeholder="All sessions"
                            value={(*cap).clone()} oninput={bind(&cap)} />
                    </label>
                    <p class="help">{ "The newest sessions first; leave it empty to load every session." }</p>
                </details>
                <label class="check">
                    <input type="checkbox" name="remember" checked={*remember} onchange={on_remember} />
                    { "Remember server and user ID on this device" }
                </label>
                if let Some(error) = &props.error {
                    <div class="error" role="alert">
                        <p>{ error.to_string() }</p>
                        if super::words::worth_retrying(error) {
                            <button type="submit">{ "Retry" }</button>
                        }
                    </div>
                }
                <div class="row">
                    <button type="submit" class="primary">{ "Load sessions" }</button>
                    <button type="button" class="link" onclick={switch}>
                        { if *with_password { "Use a user ID and auth token instead" } else { "Use a username and password instead" } }
                    </button>
                </div>
            </fieldset>
        </form>
    }
}

fn email_hint(status: Option<&EmailStatus>) -> Html {
    let text = match status {
        None => return Html::default(),
        Some(EmailStatus::Sending) => "Asking the server to e-mail a code…".to_owned(),
        Some(EmailStatus::Sent(EmailCode::Sent { to, fresh })) => {
            let to = to.as_deref().unwrap_or("your e-mail address");
            if *fresh {
                format!("Code sent to {to}. Enter it as the 2FA code.")
            } else {
                format!("A code sent to {to} a few minutes ago is still valid; enter that one.")
            }
        }
        Some(EmailStatus::Sent(EmailCode::NotNeeded)) => {
            "No code is needed right now: this token skips two-factor checks or confirmed one recently.".to_owned()
        }
    };
    html! { <p class="hint" role="status">{ text }</p> }
}
