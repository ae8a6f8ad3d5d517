//! The app shell: sign-in, the complete load with progress and Cancel, the in-place 2FA
//! prompt, the header (who, last updated, Refresh, Sign out), errors with Retry, the host's
//! commands and the auto-refresh timer; the workspace once sessions are loaded.

use super::api_ctx::ApiCtx;
use super::control::Controller;
use super::host::HostLink;
use super::progress::{use_load_announcement, LoadProgress, Skeleton};
use super::prompt::CodePrompt;
use super::sign_in::{SignIn, SignInRequest};
use super::signing::initial_prefill;
use super::state::Shell;
use super::words::worth_retrying;
use super::workspace::{LoadedData, Workspace};
use crate::api::Credentials;
use crate::grid::thousands;
use crate::options::Options;
use std::rc::Rc;
use yew::prelude::*;

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
pub fn app(props: &AppProps) -> Html {
    let options = props.options.clone();
    let state = use_reducer({
        let options = options.clone();
        move || Shell::with_prefill(initial_prefill(&options))
    });
    let ctl = use_state({
        let (dispatch, host) = (state.dispatcher(), props.host.clone());
        let server = options.server_url.clone();
        move || Controller::new(dispatch, host, server)
    });
    let ctl: Rc<Controller> = (*ctl).clone();
    use_host_commands(&ctl, props.host.clone());
    {
        // Credentials given at mount: try at once (the server may still ask for a code).
        let (ctl, options) = (ctl.clone(), options.clone());
        use_effect_with((), move |_| {
            if !options.user_id.is_empty() && !options.auth_token.is_empty() {
                ctl.sign_in_with(
                    Credentials {
                        server: options.server_url.clone(),
                        user_id: options.user_id.clone(),
                        auth_token: options.auth_token.clone(),
                    },
                    crate::api::SecondFactor::None,
                    Default::default(),
                );
            }
            move || ctl.shut_down()
        });
    }
    {
        let ctl = ctl.clone();
        use_effect_with(options.auto_refresh_seconds, move |&secs| {
            let timer = (secs > 0).then(|| {
                gloo_timers::callback::Interval::new(secs.saturating_mul(1000), move || {
                    ctl.auto_refresh()
                })
            });
            move || drop(timer)
        });
    }
    let s = &*state;
    let heard = use_load_announcement(
        s.running.as_ref().map(|r| r.progress),
        s.data.as_ref().map(|d| (d.load_id, d.loaded, d.total)),
    );
    let on_cancel = {
        let ctl = ctl.clone();
        Callback::from(move |()| ctl.cancel())
    };
    // Every optional part is exactly one node (empty or not): Yew matches unkeyed children
    // from the end, so a part that vanished would remount its siblings (and lose the form).
    let progress = s
        .running
        .as_ref()
        .map(|r| html! { <LoadProgress running={r.clone()} on_cancel={on_cancel.clone()} /> })
        .unwrap_or_default();
    let notice = s
        .notice
        .as_ref()
        .map(|n| html! { <p class="note" role="status">{ n }</p> })
        .unwrap_or_default();
    let body = match (&s.account, &s.data) {
        (Some(account), Some(data)) => {
            let error = s
                .error
                .as_ref()
                .map(|e| {
                    let retry = {
                        let ctl = ctl.clone();
                        Callback::from(move |_: MouseEvent| ctl.refresh())
                    };
                    html! {
                        <div class="error" role="alert">
                            <p>{ e.to_string() }</p>
                            if worth_retrying(e) {
                                <button type="button" onclick={retry}>{ "Retry" }</button>
                            }
                        </div>
                    }
                })
                .unwrap_or_default();
            let filter_note = if s.narrowing.filter.is_empty() {
                Html::default()
            } else {
                html! {
                    <p class="note">{ format!(
                        "Server filter \"{}\": only sessions matching it were loaded.",
                        s.narrowing.filter
                    ) }</p>
                }
            };
            html! {
                <>
                    <Header data={data.clone()} user_id={account.user_id.clone()}
                        server={account.server.clone()} busy={s.running.is_some()}
                        on_refresh={ctl.refresh_cb.clone()}
                        on_sign_out={{ let ctl = ctl.clone(); Callback::from(move |()| ctl.sign_out()) }} />
                    { progress }
                    { error }
                    { notice }
                    { filter_note }
                    <ContextProvider<ApiCtx> context={account.api.clone()}>
                        <Workspace data={data.clone()} api={account.api.clone()}
                            options={options.clone()} self_user_id={account.user_id.clone()}
                            external_search={s.external_search.clone()}
                            refreshing={s.running.is_some()}
                            on_own_session_ended={{ let ctl = ctl.clone(); Callback::from(move |()| ctl.own_session_ended()) }}
                            on_logout_run={ctl.logout_run_cb.clone()}
                            host={props.host.clone()} />
                    </ContextProvider<ApiCtx>>
                </>
            }
        }
        _ => {
            let on_submit = {
                let ctl = ctl.clone();
                Callback::from(move |req: SignInRequest| ctl.submit(req))
            };
            let on_email = {
                let ctl = ctl.clone();
                Callback::from(move |req: SignInRequest| ctl.request_email(req))
            };
            html! {
                <>
                    <h1>{ "Device management" }</h1>
                    { notice }
                    <SignIn error={s.error.clone()} busy={s.busy()} prefill={s.prefill.clone()}
                        email={s.email.clone()} {on_submit} {on_email} />
                    if s.signing_in {
                        <p class="note" role="status">{ "Signing in…" }</p>
                    }
                    { progress }
                    if s.running.is_some() {
                        <Skeleton />
                    }
                </>
            }
        }
    };
    let prompt = s
        .prompt
        .as_ref()
        .map(|p| {
            let on_answer = {
                let ctl = ctl.clone();
                Callback::from(move |typed: Option<String>| ctl.answer_prompt(typed))
            };
            let on_resend = {
                let ctl = ctl.clone();
                Callback::from(move |()| ctl.resend_email())
            };
            html! {
                <CodePrompt prompt={p.clone()} mid_session={s.data.is_some()}
                    can_resend={ctl.can_resend()} {on_answer} {on_resend} />
            }
        })
        .unwrap_or_default();
    html! {
        <div class="rcdm" data-theme={options.theme.as_str()}>
            { body }
            { prompt }
            // Mounted for the widget's life: what a screen reader hears of loads.
            <p class="visually-hidden" role="status" data-announce="load">{ heard }</p>
        </div>
    }
}

/// Registers the host's command callback while mounted; a late command after unmount is
/// then a no-op.
#[hook]
fn use_host_commands(ctl: &Rc<Controller>, host: Option<HostLink>) {
    let ctl = ctl.clone();
    use_effect_with(host, move |host| {
        if let Some(h) = host {
            h.commands
                .register(Callback::from(move |cmd| ctl.command(cmd)));
        }
        let host = host.clone();
        move || {
            if let Some(h) = host {
                h.commands.clear();
            }
        }
    });
}

#[derive(Properties, PartialEq)]
struct HeaderProps {
    data: LoadedData,
    user_id: String,
    server: String,
    busy: bool,
    on_refresh: Callback<()>,
    on_sign_out: Callback<()>,
}

#[function_component(Header)]
fn header(props: &HeaderProps) -> Html {
    let d = &props.data;
    let n = d.loaded;
    let total = usize::try_from(d.total).unwrap_or(usize::MAX);
    let noun = if n == 1 && total <= 1 {
        "session"
    } else {
        "sessions"
    };
    let count = if n >= total {
        format!("{} {noun} loaded", thousands(n))
    } else {
        format!("{} of {} {noun} loaded", thousands(n), thousands(total))
    };
    let server = if props.server.is_empty() {
        "this server".to_owned()
    } else {
        props.server.clone()
    };
    let refresh = {
        let cb = props.on_refresh.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let sign_out = {
        let cb = props.on_sign_out.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <header class="rcdm-bar">
            <h1>{ "Device management" }</h1>
            <p class="who">{ format!("Signed in as {} on {server}", props.user_id) }</p>
            <p class="loaded">
                { count }{ " · Last updated " }{ hh_mm(d.loaded_at_ms) }
            </p>
            <div class="actions">
                <button type="button" onclick={refresh} disabled={props.busy}>{ "Refresh" }</button>
                <button type="button" onclick={sign_out}>{ "Sign out" }</button>
            </div>
        </header>
    }
}

/// Local wall-clock time of an epoch-ms instant.
fn hh_mm(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}
