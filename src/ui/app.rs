//! The app shell: signs in, loads the sessions, shows the table.

use super::host::HostLink;
use super::sign_in::{SignIn, SignInRequest};
use super::table::Table;
use crate::api::{wire::Session, ApiError, Client, Credentials};
use crate::options::Options;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
enum Phase {
    /// The form stays mounted while loading, so a failed attempt keeps what was typed.
    SignIn {
        error: Option<ApiError>,
        busy: bool,
    },
    Loaded(std::rc::Rc<Vec<Session>>),
}

/// The app's inputs: the options (standalone defaults, or a host page's) and, when embedded,
/// the link to the host element (commands in, events out).
#[derive(Properties, PartialEq)]
pub struct AppProps {
    #[prop_or_else(|| Rc::new(Options::standalone()))]
    pub options: Rc<Options>,
    #[prop_or_default]
    pub host: Option<HostLink>,
}

#[function_component(App)]
pub fn app(_props: &AppProps) -> Html {
    let phase = use_state(|| Phase::SignIn {
        error: None,
        busy: false,
    });
    let on_submit = {
        let phase = phase.clone();
        Callback::from(move |req: SignInRequest| {
            let phase = phase.clone();
            phase.set(Phase::SignIn {
                error: None,
                busy: true,
            });
            wasm_bindgen_futures::spawn_local(async move {
                let client = Client::new(Credentials {
                    server: req.server,
                    user_id: req.user_id,
                    auth_token: req.auth_token,
                });
                match client.list_page(0, 100, &req.code).await {
                    Ok(page) => phase.set(Phase::Loaded(std::rc::Rc::new(page.sessions.rows))),
                    Err(e) => phase.set(Phase::SignIn {
                        error: Some(e),
                        busy: false,
                    }),
                }
            });
        })
    };
    html! {
        <main class="rcdm">
            <h1>{ "Device management" }</h1>
            {
                match &*phase {
                    Phase::SignIn { error, busy } => html! {
                        <SignIn error={error.clone()} busy={*busy} on_submit={on_submit} />
                    },
                    Phase::Loaded(rows) => html! { <Table rows={rows.clone()} /> },
                }
            }
        </main>
    }
}
