//! The shell's effects: the complete fetch with its 2FA prompt and generations, Cancel,
//! Refresh, sign-out and the host's commands and events (signing in is in `signing.rs`).
//! Every change of what is shown goes through the reducer (`state.rs`) as a named action.

use super::api_ctx::{answering, ApiCtx, PromptHub};
use super::fetcher;
use super::host::{events, HostCommand, HostLink};
use super::remember::remembered_prefill;
use super::state::{Account, Action, Finished, Narrowing, Prefill, Shell};
use super::store::Store;
use super::words::{error_kind, method_to_ask, shortfall_text};
use super::workspace::model::Rows;
use crate::api::client::AskCode;
use crate::api::{
    ApiError, CancelHandle, Client, Credentials, FetchOptions, FetchSlot, SecondFactor,
};
use crate::grid::Sessions;
use crate::i18n::{k, Said};
use crate::tr;
use futures::future::LocalBoxFuture;
use serde_json::json;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::Callback;

/// The shell's effects around its store: the store holds every fact (who is signed in,
/// what is loading); the controller reads it when it acts and only adds what no render
/// shows (the fetch slot, the prompt hub, a refresh held back during a logout run).
pub struct Controller {
    pub store: Store<Shell>,
    pub(super) host: Option<HostLink>,
    /// The server the host configured (`serverUrl`, `server-url`): where credentials given
    /// without one go, never the portal's own origin by default.
    pub(super) server: String,
    pub(super) slot: FetchSlot,
    pub(super) prompts: Rc<PromptHub>,
    /// A logout run is under way in the workspace; a refresh asked for meanwhile waits.
    logout_running: Cell<bool>,
    refresh_waiting: Cell<bool>,
    /// Stable callbacks for props (a new closure each render would re-render children).
    pub refresh_cb: Callback<()>,
    pub logout_run_cb: Callback<bool>,
}

impl Controller {
    pub fn new(store: Store<Shell>, host: Option<HostLink>, server: String) -> Rc<Self> {
        let prompts = {
            let (open, close) = (store.clone(), store.clone());
            Rc::new(PromptHub::new(
                Callback::from(move |(id, error)| {
                    open.dispatch(Action::PromptOpened { id, error })
                }),
                Callback::from(move |id| close.dispatch(Action::PromptClosed { id })),
            ))
        };
        Rc::new_cyclic(|me: &std::rc::Weak<Self>| {
            let me = me.clone();
            Self {
                store,
                host,
                server,
                slot: FetchSlot::new(),
                prompts,
                logout_running: Cell::new(false),
                refresh_waiting: Cell::new(false),
                refresh_cb: {
                    let me = me.clone();
                    Callback::from(move |()| {
                        if let Some(me) = me.upgrade() {
                            me.refresh();
                        }
                    })
                },
                logout_run_cb: Callback::from(move |running| {
                    if let Some(me) = me.upgrade() {
                        me.logout_run(running);
                    }
                }),
            }
        })
    }

    pub(super) fn dispatch(&self, action: Action) {
        self.store.dispatch(action);
    }

    /// The signed-in account's context (after its first load), with what narrows its loads.
    fn current(&self) -> Option<(ApiCtx, Narrowing)> {
        let s = self.store.get();
        let account = s.account.as_ref()?;
        Some((account.api.clone(), s.narrowing.clone()))
    }

    /// The client of the fetch under way, for "Send a new code" while it waits on a prompt.
    fn pending(&self) -> Option<Rc<Client>> {
        let s = self.store.get();
        s.running.as_ref().map(|r| r.account.api.client_rc())
    }

    pub(super) fn emit(&self, name: &str, detail: serde_json::Value) {
        if let Some(host) = &self.host {
            host.emit(name, &detail);
        }
    }

    pub(super) fn emit_error(&self, e: &ApiError) {
        // The sentence only: ApiError never holds a secret, and the next step is for people.
        self.emit(
            events::ERROR,
            json!({ "kind": error_kind(e), "message": e.sentence(crate::i18n::Lang::En) }),
        );
    }

    pub(super) fn fail_sign_in(&self, e: ApiError) {
        self.emit_error(&e);
        self.dispatch(Action::SignInFailed(e));
    }

    /// Starts a complete load with `api`'s client; the one before it is cancelled and its
    /// late answers are dropped (generations).
    pub(super) fn start(
        self: &Rc<Self>,
        api: ApiCtx,
        first: SecondFactor,
        password: Option<String>,
        narrowing: Narrowing,
    ) {
        let (generation, cancel) = self.slot.begin();
        let creds = api.client().credentials();
        self.dispatch(Action::FetchStarted {
            generation,
            account: Account {
                user_id: creds.user_id.trim().to_owned(),
                server: creds.server.trim().to_owned(),
                api: api.clone(),
            },
            narrowing: narrowing.clone(),
        });
        let this = self.clone();
        spawn_local(async move {
            let result = this
                .fetch(&api, &narrowing, first, password, &cancel, generation)
                .await;
            this.prompts.prune();
            let current = this.slot.is_current(generation);
            match result {
                Ok(r) => {
                    if current {
                        let shortfall = shortfall_text(crate::i18n::Lang::En, &r);
                        this.emit(
                            events::LOADED,
                            json!({
                                "loaded": r.sessions.len(),
                                "total": r.total,
                                "shortfall": shortfall,
                            }),
                        );
                    }
                    // The rows read so far were shown from a store: the finished set goes
                    // into it, so the view, selection and focus stay. A capped load keeps
                    // the newest rows, in another order: that is a new set.
                    let into = this
                        .partial_rows(generation)
                        .filter(|_| narrowing.cap.is_none());
                    let done = Finished::new(r, into);
                    this.dispatch(Action::Loaded(generation, done, js_sys::Date::now()));
                }
                Err(e) => {
                    if current && e != ApiError::Cancelled {
                        this.emit_error(&e);
                    }
                    this.dispatch(Action::Failed(generation, e));
                }
            }
        });
    }

    async fn fetch(
        &self,
        api: &ApiCtx,
        narrowing: &Narrowing,
        first: SecondFactor,
        password: Option<String>,
        cancel: &CancelHandle,
        generation: crate::api::Generation,
    ) -> Result<crate::api::FetchResult<Sessions>, ApiError> {
        let opts = FetchOptions {
            filter: narrowing.filter.clone(),
            cap: narrowing.cap,
            ..FetchOptions::default()
        };
        let (d1, d2) = (self.store.clone(), self.store.clone());
        let on_progress = move |p| d1.dispatch(Action::Progress(generation, p));
        let on_limited = move |w| d2.dispatch(Action::RateLimited(generation, w));
        let client = api.client();
        // A first load shows the rows read so far (a refresh keeps the finished ones).
        let first_load = self.store.get().data.is_none();
        let show = |so_far: Sessions| self.show_partial(generation, so_far);
        let on_rows = first_load.then_some(&show as &dyn Fn(Sessions));
        // A challenge after the first page is asked in place; the load keeps its rows.
        let prompts = self.prompts.clone();
        let ask = move |e: ApiError| -> LocalBoxFuture<'static, Option<SecondFactor>> {
            let prompts = prompts.clone();
            Box::pin(async move {
                let method = e.challenge().map(method_to_ask)?;
                let typed = prompts.ask(&e).await?;
                Some(SecondFactor::answer(&method, typed))
            })
        };
        answering(
            Some(&self.prompts),
            first,
            Some(cancel),
            password,
            |second| {
                let (opts, on_progress, on_limited) = (&opts, &on_progress, &on_limited);
                let ask: &AskCode = &ask;
                async move {
                    let hear = fetcher::Hearing {
                        on_progress,
                        on_limited,
                        ask: Some(ask),
                        on_rows,
                    };
                    fetcher::load_sessions(client, opts, &second, cancel, &hear).await
                }
            },
        )
        .await
        .map(|(r, _)| r)
    }

    /// The store the rows read so far by this load are shown from, if any.
    fn partial_rows(&self, generation: crate::api::Generation) -> Option<Rows> {
        let s = self.store.get();
        let ours = s
            .running
            .as_ref()
            .is_some_and(|r| r.generation == generation);
        let data = s.data.as_ref().filter(|d| ours && d.partial)?;
        Some(data.sessions.clone())
    }

    /// Shows the rows read so far: in the store already on screen, else in a new one.
    fn show_partial(&self, generation: crate::api::Generation, so_far: Sessions) {
        let rows = match self.partial_rows(generation) {
            Some(rows) => {
                rows.set(so_far);
                rows
            }
            None => Store::new(so_far),
        };
        self.dispatch(Action::Partial(generation, rows, js_sys::Date::now()));
    }

    /// A logout run started or ended; a refresh held back while it ran goes now.
    fn logout_run(self: &Rc<Self>, running: bool) {
        self.logout_running.set(running);
        if !running && self.refresh_waiting.replace(false) {
            self.refresh();
        }
    }

    /// Reloads every session of the signed-in account (Refresh, Retry, the host, the timer).
    /// During a logout run it waits for the run's end: a list read while sessions are being
    /// ended would bring rows back that the run has just removed.
    pub fn refresh(self: &Rc<Self>) {
        if self.logout_running.get() {
            self.refresh_waiting.set(true);
            return;
        }
        if let Some((api, narrowing)) = self.current() {
            self.start(api, SecondFactor::None, None, narrowing);
        }
    }

    /// The timer's refresh: never over a running load or an open prompt.
    pub fn auto_refresh(self: &Rc<Self>) {
        if self.store.get().running.is_none() && self.prompts.open_id().is_none() {
            self.refresh();
        }
    }

    pub fn cancel(&self) {
        self.slot.cancel();
        self.dispatch(Action::CancelRequested);
    }

    pub fn answer_prompt(&self, typed: Option<String>) {
        self.prompts.answer(typed);
    }

    pub fn can_resend(&self) -> bool {
        self.pending().is_some() || self.current().is_some()
    }

    /// "Send a new code" in the prompt.
    pub fn resend_email(self: &Rc<Self>) {
        let client = self
            .pending()
            .or_else(|| self.current().map(|(a, _)| a.client_rc()));
        let (Some(client), Some(id)) = (client, self.prompts.open_id()) else {
            return;
        };
        let this = self.clone();
        spawn_local(async move {
            let action = match client.request_email_code().await {
                Ok(crate::api::EmailCode::Sent { to, .. }) => {
                    Action::PromptHint { id, email_hint: to }
                }
                Ok(crate::api::EmailCode::NotNeeded) => {
                    Action::Notice(Some(Said::key(k::NO_CODE_NEEDED)))
                }
                Err(e) => Action::Notice(Some(Said::new(move |l| e.message(l)))),
            };
            this.dispatch(action);
        });
    }

    /// Stops everything and forgets the account; `prefill` is what the form shows next.
    pub(super) fn reset(&self, prefill: Prefill, notice: Option<Said>) -> Option<ApiCtx> {
        self.slot.cancel();
        self.prompts.answer(None);
        let old = self.current().map(|(api, _)| api);
        // Logouts, details refreshes and prompts of the old account end with it.
        if let Some(api) = &old {
            api.end();
        }
        self.dispatch(Action::Reset { prefill, notice });
        old
    }

    /// Ends a login token on the server (only one from our own login), in the background.
    fn end_on_server(self: &Rc<Self>, old: Option<ApiCtx>) {
        let Some(api) = old else { return };
        let this = self.clone();
        spawn_local(async move {
            if let Err(e) = api.client().sign_out().await {
                let said = Said::new(move |l| tr!(l, SIGN_OUT_UNCONFIRMED, error = &e.message(l)));
                this.dispatch(Action::Notice(Some(said)));
            }
        });
    }

    /// Tells the embed layer to forget the credentials it holds: a later `setOptions` or
    /// attribute change starts the widget signed out, until the host or the admin signs in.
    fn forget_host_credentials(&self) {
        if let Some(host) = &self.host {
            host.commands.set_signed_out(true);
        }
    }

    pub fn sign_out(self: &Rc<Self>) {
        self.forget_host_credentials();
        let old = self.reset(remembered_prefill(), Some(Said::key(k::SIGNED_OUT)));
        self.end_on_server(old);
        self.emit(events::SIGNED_OUT, json!({}));
    }

    /// The admin logged out the session this page itself used: the server has ended the
    /// token already, so the page signs out here too instead of failing on its next call.
    pub fn own_session_ended(self: &Rc<Self>) {
        self.forget_host_credentials();
        self.reset(remembered_prefill(), Some(Said::key(k::OWN_SESSION_ENDED)));
        self.emit(
            events::SIGNED_OUT,
            json!({ "reason": "own-session-logged-out" }),
        );
    }

    pub fn command(self: &Rc<Self>, command: HostCommand) {
        match command {
            HostCommand::SetCredentials {
                server_url,
                user_id,
                auth_token,
            } => {
                let server = server_url
                    .filter(|s| !s.trim().is_empty())
                    .unwrap_or_else(|| self.server.clone())
                    .trim()
                    .to_owned();
                let old = self.reset(
                    Prefill {
                        server: server.clone(),
                        user_id: user_id.trim().to_owned(),
                        auth_token: auth_token.trim().to_owned(),
                        ..Prefill::default()
                    },
                    None,
                );
                self.end_on_server(old);
                let creds = Credentials {
                    server,
                    user_id,
                    auth_token,
                };
                self.sign_in_with(creds, SecondFactor::None, Narrowing::default());
            }
            HostCommand::Refresh => self.refresh(),
            HostCommand::SetFilter(text) => self.dispatch(Action::ExternalSearch(text)),
        }
    }

    /// On unmount: nothing keeps running for an app that is gone.
    pub fn shut_down(&self) {
        self.slot.cancel();
        self.prompts.detach();
        if let Some((api, _)) = self.current() {
            api.end();
        }
    }
}
