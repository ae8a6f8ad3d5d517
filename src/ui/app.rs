//! The app shell: sign-in, the complete load with progress and Cancel, the in-place 2FA
//! prompt, the header (who, last updated, Refresh, Sign out), errors with Retry, the host's
//! commands and the auto-refresh timer; the workspace once sessions are loaded.

use super::api_ctx::ApiCtx;
use super::control::Controller;
use super::host::HostLink;
use super::lang::{initial_lang, mark_document, use_lang, LangSwitch};
use super::progress::{use_load_announcement, LoadProgress, Skeleton};
use super::prompt::CodePrompt;
use super::remember::initial_prefill;
use super::sign_in::SignIn;
use super::state::{Account, Shell};
use super::store::{use_store, Store};
use super::words::{partial_text, worth_retrying};
use super::workspace::{LoadedData, Workspace};
use crate::api::Credentials;
use crate::i18n::Lang;
use crate::options::Options;
use crate::tr;
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
    let ctl = use_state(|| {
        let store = Store::new(Shell::with_prefill(initial_prefill(&options)));
        Controller::new(store, props.host.clone(), options.server_url.clone())
    });
    let ctl: Rc<Controller> = (*ctl).clone();
    let state = use_store(&ctl.store);
    let standalone = props.host.is_none();
    let lang_store = use_state(|| Store::new(initial_lang(&options, standalone)));
    let lang = *use_store(&lang_store);
    use_lang_option(&lang_store, options.lang.clone());
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
    // A first load's rows so far are not its end: the end is announced once, when finished.
    let heard = use_load_announcement(
        lang,
        state.running.as_ref().map(|r| r.progress),
        state
            .data
            .as_ref()
            .filter(|d| !d.partial)
            .map(|d| (d.load_id, d.loaded, d.total)),
    );
    let view = ShellView {
        s: &state,
        ctl: &ctl,
        options: &options,
        host: props.host.as_ref(),
        lang,
    };
    // Once per language, not per render: the shell renders on every progress step of a load,
    // and an attribute set on <html>, even to the value it has, makes the browser recompute
    // the style of the whole page (360 times in a load of 100,000 on loopback).
    use_effect_with((lang, standalone), |&(lang, standalone)| {
        if standalone {
            mark_document(lang);
        }
    });
    let switch = standalone.then(|| html! { <LangSwitch store={(*lang_store).clone()} /> });
    html! {
        <ContextProvider<Lang> context={lang}>
            <div class="rcdm" data-theme={options.theme.as_str()} lang={lang.tag()} dir={lang.dir()}>
                { switch.unwrap_or_default() }
                { view.body() }
                { view.prompt() }
                // Mounted for the widget's life: what a screen reader hears of loads.
                <p class="visually-hidden" role="status" data-announce="load">{ heard }</p>
            </div>
        </ContextProvider<Lang>>
    }
}

/// What the shell renders from one state; plain functions over the snapshot, no hooks.
struct ShellView<'a> {
    s: &'a Shell,
    ctl: &'a Rc<Controller>,
    options: &'a Rc<Options>,
    host: Option<&'a HostLink>,
    lang: Lang,
}

impl ShellView<'_> {
    /// A callback that calls the controller.
    fn on<T: 'static>(&self, f: impl Fn(&Rc<Controller>, T) + 'static) -> Callback<T> {
        let ctl = self.ctl.clone();
        Callback::from(move |x| f(&ctl, x))
    }

    // Every optional part is exactly one node (empty or not): Yew matches unkeyed children
    // from the end, so a part that vanished would remount its siblings (and lose the form).
    fn progress(&self) -> Html {
        let on_cancel = self.on(|c, ()| c.cancel());
        let running = self.s.running.as_ref();
        running
            .map(|r| html! { <LoadProgress running={r.clone()} {on_cancel} /> })
            .unwrap_or_default()
    }

    fn notice(&self) -> Html {
        let notice = self.s.notice.as_ref();
        notice
            .map(|n| html! { <p class="note" role="status">{ n.say(self.lang) }</p> })
            .unwrap_or_default()
    }

    fn body(&self) -> Html {
        match (&self.s.account, &self.s.data) {
            (Some(account), Some(data)) => self.signed_in(account, data),
            _ => self.signing_in(),
        }
    }

    fn signing_in(&self) -> Html {
        let s = self.s;
        html! {
            <>
                <h1>{ tr!(self.lang, APP_TITLE) }</h1>
                { self.notice() }
                <SignIn error={s.error.clone()} busy={s.busy()} prefill={s.prefill.clone()}
                    email={s.email.clone()} on_submit={self.on(|c, req| c.submit(req))}
                    on_email={self.on(|c, req| c.request_email(req))} />
                if s.signing_in {
                    <p class="note" role="status">{ tr!(self.lang, SIGNING_IN) }</p>
                }
                { self.progress() }
                if s.running.is_some() {
                    <Skeleton />
                }
            </>
        }
    }

    fn error(&self) -> Html {
        let Some(e) = &self.s.error else {
            return Html::default();
        };
        html! {
            <div class="error" role="alert">
                <p>{ e.message(self.lang) }</p>
                if worth_retrying(e) {
                    <button type="button" onclick={self.on(|c, _: MouseEvent| c.refresh())}>{ tr!(self.lang, RETRY) }</button>
                }
            </div>
        }
    }

    fn signed_in(&self, account: &Account, data: &LoadedData) -> Html {
        let s = self.s;
        let filter_note = match s.narrowing.filter.as_str() {
            "" => Html::default(),
            f => html! {
                <p class="note">{ tr!(self.lang, SERVER_FILTER_NOTE, filter = f) }</p>
            },
        };
        let partial = match (&s.running, data.partial) {
            (Some(r), true) => html! {
                <p class="note partial" role="status">{ partial_text(self.lang, &r.progress) }</p>
            },
            _ => Html::default(),
        };
        html! {
            <>
                <Header data={data.clone()} user_id={account.user_id.clone()}
                    server={account.server.clone()} busy={s.running.is_some()}
                    on_refresh={self.ctl.refresh_cb.clone()}
                    on_sign_out={self.on(|c, ()| c.sign_out())} />
                { self.progress() }
                { self.error() }
                { self.notice() }
                { filter_note }
                { partial }
                <ContextProvider<ApiCtx> context={account.api.clone()}>
                    <Workspace data={data.clone()} api={account.api.clone()}
                        options={self.options.clone()} self_user_id={account.user_id.clone()}
                        external_search={s.external_search.clone()}
                        refreshing={s.running.is_some()}
                        on_own_session_ended={self.on(|c, ()| c.own_session_ended())}
                        on_logout_run={self.ctl.logout_run_cb.clone()}
                        host={self.host.cloned()} />
                </ContextProvider<ApiCtx>>
            </>
        }
    }

    fn prompt(&self) -> Html {
        let Some(p) = &self.s.prompt else {
            return Html::default();
        };
        html! {
            <CodePrompt prompt={p.clone()} mid_session={self.s.data.is_some()}
                can_resend={self.ctl.can_resend()}
                on_answer={self.on(|c, typed: Option<String>| c.answer_prompt(typed))}
                on_resend={self.on(|c, ()| c.resend_email())} />
        }
    }
}

/// A host's `setOptions` (or `lang` attribute) with a new language switches in place.
#[hook]
fn use_lang_option(store: &Store<Lang>, option: Option<String>) {
    let store = store.clone();
    use_effect_with(option, move |option| {
        if let Some(lang) = option.as_deref().and_then(Lang::parse) {
            if *store.get() != lang {
                store.set(lang);
            }
        }
    });
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
    let lang = use_lang();
    let d = &props.data;
    let (n, total) = (d.loaded, usize::try_from(d.total).unwrap_or(usize::MAX));
    let count = if n >= total {
        tr!(lang, HEADER_LOADED, n = n)
    } else {
        tr!(lang, HEADER_LOADED_OF, n = n, total = total)
    };
    let who = if props.server.is_empty() {
        tr!(lang, HEADER_WHO_HERE, user = &props.user_id)
    } else {
        tr!(
            lang,
            HEADER_WHO,
            user = &props.user_id,
            server = &props.server
        )
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
            <h1>{ tr!(lang, APP_TITLE) }</h1>
            <p class="who">{ who }</p>
            <p class="loaded">
                if d.partial {
                    { tr!(lang, HEADER_LOADING) }
                } else {
                    { tr!(lang, HEADER_UPDATED, count = &count, time = &hh_mm(d.loaded_at_ms)) }
                }
            </p>
            <div class="actions">
                <button type="button" onclick={refresh} disabled={props.busy}>{ tr!(lang, REFRESH) }</button>
                <button type="button" onclick={sign_out}>{ tr!(lang, SIGN_OUT) }</button>
            </div>
        </header>
    }
}

/// Local wall-clock time of an epoch-ms instant.
fn hh_mm(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}
