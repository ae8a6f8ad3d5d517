//! The sign-in form: server URL, user id, auth token and 2FA code.

use crate::api::ApiError;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the form hands to the app; secrets stay in memory only.
#[derive(Clone, PartialEq)]
pub struct SignInRequest {
    pub server: String,
    pub user_id: String,
    pub auth_token: String,
    pub code: String,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub error: Option<ApiError>,
    /// A request is under way: the button waits, the fields keep their values.
    pub busy: bool,
    pub on_submit: Callback<SignInRequest>,
}

#[function_component(SignIn)]
pub fn sign_in(props: &Props) -> Html {
    let server = use_node_ref();
    let user_id = use_node_ref();
    let token = use_node_ref();
    let code = use_node_ref();
    let onsubmit = {
        let (server, user_id, token, code) =
            (server.clone(), user_id.clone(), token.clone(), code.clone());
        let on_submit = props.on_submit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| {
                r.cast::<HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default()
            };
            on_submit.emit(SignInRequest {
                server: value(&server).trim().to_owned(),
                user_id: value(&user_id).trim().to_owned(),
                auth_token: value(&token).trim().to_owned(),
                code: value(&code).trim().to_owned(),
            });
        })
    };
    html! {
        <form class="sign-in" {onsubmit}>
            <label>{ "Server URL" }
                <input ref={server} type="url" name="server" placeholder="Same origin" autocomplete="url" />
            </label>
            <label>{ "User ID" }
                <input ref={user_id} name="user-id" required=true autocomplete="username" />
            </label>
            <label>{ "Auth token" }
                <input ref={token} type="password" name="auth-token" required=true autocomplete="off" />
            </label>
            <label>{ "2FA code" }
                <input ref={code} name="code" inputmode="numeric" autocomplete="one-time-code" />
            </label>
            if let Some(error) = &props.error {
                <p class="error" role="alert">{ error.to_string() }</p>
            }
            if props.busy {
                <p role="status">{ "Loading sessions…" }</p>
            }
            <button type="submit" disabled={props.busy}>{ "Load sessions" }</button>
        </form>
    }
}
