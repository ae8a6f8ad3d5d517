//! The shell's effects: signing in (token or password), the complete fetch with its 2FA
//! prompt and generations, Cancel, Refresh, sign-out and the host's commands and events.
//! Every change of what is shown goes through the reducer (`state.rs`) as a named action.

use super::api_ctx::{answering, ApiCtx, PromptHub};
use super::fetcher;
use super::host::{events, HostCommand, HostLink};
use super::remember::{self, Remembered};
use super::sign_in::{Login, SignInRequest};
use super::state::{error_kind, shortfall_text, Account, Action, Narrowing, Prefill, Shell};
use crate::api::client::validate;
use crate::api::{
    ApiError, CancelHandle, Client, Credentials, FetchOptions, FetchSlot, SecondFactor,
    TwoFactorMethod,
};
use crate::options::Options;
use serde_json::json;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::{Callback, UseReducerDispatcher};

pub struct Controller {
    dispatch: UseReducerDispatcher<Shell>,
    host: Option<HostLink>,
    slot: FetchSlot,
    prompts: Rc<PromptHub>,
    /// The signed-in account's client (after its first load), with what narrows its loads.
    current: RefCell<Option<(ApiCtx, Narrowing)>>,
    /// The client of the fetch under way, for "Send a new code" while it waits on a prompt.
    pending: RefCell<Option<Rc<Client>>>,
    running: Cell<bool>,
    /// Stable callbacks for props (a new closure each render would re-render children).
    pub refresh_cb: Callback<()>,
}

impl Controller {
    pub fn new(dispatch: UseReducerDispatcher<Shell>, host: Option<HostLink>) -> Rc<Self> {
        let prompts = {
            let (open, close) = (dispatch.clone(), dispatch.clone());
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
                dispatch,
                host,
                slot: FetchSlot::new(),
                prompts,
                current: RefCell::new(None),
                pending: RefCell::new(None),
                running: Cell::new(false),
                refresh_cb: Callback::from(move |()| {
                    if let Some(me) = me.upgrade() {
                        me.refresh();
                    }
                }),
            }
        })
    }

    fn emit(&self, name: &str, detail: serde_json::Value) {
        if let Some(host) = &self.host {
            host.emit(name, &detail);
        }
    }

    fn emit_error(&self, e: &ApiError) {
        // The sentence only: ApiError never holds a secret, and the next step is for people.
        self.emit(
            events::ERROR,
            json!({ "kind": error_kind(e), "message": e.sentence() }),
        );
    }

    fn fail_sign_in(&self, e: ApiError) {
        self.emit_error(&e);
        self.dispatch.dispatch(Action::SignInFailed(e));
    }

    /// The form's "Load sessions".
    pub fn submit(self: &Rc<Self>, req: SignInRequest) {
        if req.remember {
            let (user_id, username) = match &req.login {
                Login::Token { user_id, .. } => (user_id.clone(), String::new()),
                Login::Password { user, .. } => (String::new(), user.clone()),
            };
            remember::save(&Remembered {
                server: req.server.clone(),
                user_id,
                username,
            });
        } else {
            remember::forget();
        }
        match req.login {
            Login::Token {
                user_id,
                auth_token,
            } => {
                let method = if req.code.is_empty() {
                    None
                } else if req.code_by_email {
                    Some(TwoFactorMethod::Email)
                } else {
                    Some(TwoFactorMethod::Totp)
                };
                let first = method.map_or(SecondFactor::None, |m| {
                    SecondFactor::answer(&m, req.code.clone())
                });
                let creds = Credentials {
                    server: req.server,
                    user_id,
                    auth_token,
                };
                self.sign_in_with(creds, first, req.narrowing);
            }
            Login::Password { user, password } => {
                self.login(req.server, user, password, req.code, req.narrowing)
            }
        }
    }

    /// Signs in with a user ID and token: a first load, asking for a code only if needed.
    pub fn sign_in_with(self: &Rc<Self>, creds: Credentials, first: SecondFactor, n: Narrowing) {
        if let Err(e) = validate(&creds) {
            return self.fail_sign_in(e);
        }
        let api = ApiCtx::with_prompts(Rc::new(Client::new(creds)), self.prompts.clone());
        self.start(api, first, None, n);
    }

    fn login(
        self: &Rc<Self>,
        server: String,
        user: String,
        pw: String,
        code: String,
        n: Narrowing,
    ) {
        self.dispatch.dispatch(Action::LoginStarted);
        let this = self.clone();
        spawn_local(async move {
            let first = if code.is_empty() {
                SecondFactor::None
            } else {
                SecondFactor::Totp(code)
            };
            let result = answering(Some(&this.prompts), first, None, None, |second| {
                let (server, user, pw) = (&server, &user, &pw);
                async move { Client::login(server, user, pw, &second).await }
            })
            .await;
            match result {
                Ok(((client, _me), used)) => {
                    // The new token is not 2FA-remembered yet: a TOTP code works once more
                    // inside its step; the password answers the password fallback.
                    let again = match used {
                        SecondFactor::Totp(c) => SecondFactor::Totp(c),
                        _ => SecondFactor::None,
                    };
                    let api = ApiCtx::with_prompts(Rc::new(client), this.prompts.clone());
                    this.start(api, again, Some(pw.clone()), n);
                }
                Err(e) => this.fail_sign_in(e),
            }
        });
    }

    /// "Send code by email" on the form: makes the server mail a code to the token's user.
    pub fn request_email(self: &Rc<Self>, req: SignInRequest) {
        let Login::Token {
            user_id,
            auth_token,
        } = req.login
        else {
            return;
        };
        let creds = Credentials {
            server: req.server,
            user_id,
            auth_token,
        };
        if let Err(e) = validate(&creds) {
            return self.fail_sign_in(e);
        }
        self.dispatch.dispatch(Action::EmailRequested);
        let this = self.clone();
        spawn_local(async move {
            match Client::new(creds).request_email_code().await {
                Ok(answer) => this.dispatch.dispatch(Action::EmailAnswered(answer)),
                Err(e) => this.fail_sign_in(e),
            }
        });
    }

    /// Starts a complete load with `api`'s client; the one before it is cancelled and its
    /// late answers are dropped (generations).
    fn start(
        self: &Rc<Self>,
        api: ApiCtx,
        first: SecondFactor,
        password: Option<String>,
        narrowing: Narrowing,
    ) {
        let (generation, cancel) = self.slot.begin();
        self.running.set(true);
        *self.pending.borrow_mut() = Some(api.client_rc());
        let creds = api.client().credentials();
        self.dispatch.dispatch(Action::FetchStarted {
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
            if current {
                this.running.set(false);
                this.pending.borrow_mut().take();
            }
            match result {
                Ok(r) => {
                    if current {
                        *this.current.borrow_mut() = Some((api, narrowing));
                        let shortfall = shortfall_text(&r);
                        this.emit(
                            events::LOADED,
                            json!({
                                "loaded": r.sessions.len(),
                                "total": r.total,
                                "shortfall": shortfall,
                            }),
                        );
                    }
                    let at = js_sys::Date::now();
                    this.dispatch.dispatch(Action::Loaded(generation, r, at));
                }
                Err(e) => {
                    if current && e != ApiError::Cancelled {
                        this.emit_error(&e);
                    }
                    this.dispatch.dispatch(Action::Failed(generation, e));
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
    ) -> Result<crate::api::FetchResult, ApiError> {
        let opts = FetchOptions {
            filter: narrowing.filter.clone(),
            cap: narrowing.cap,
            ..FetchOptions::default()
        };
        let (d1, d2) = (self.dispatch.clone(), self.dispatch.clone());
        let on_progress = move |p| d1.dispatch(Action::Progress(generation, p));
        let on_limited = move |w| d2.dispatch(Action::RateLimited(generation, w));
        let client = api.client();
        answering(
            Some(&self.prompts),
            first,
            Some(cancel),
            password,
            |second| {
                let (opts, on_progress, on_limited) = (&opts, &on_progress, &on_limited);
                async move {
                    fetcher::fetch_all(client, opts, &second, cancel, on_progress, on_limited).await
                }
            },
        )
        .await
        .map(|(r, _)| r)
    }

    /// Reloads every session of the signed-in account (Refresh, Retry, the host, the timer).
    pub fn refresh(self: &Rc<Self>) {
        let current = self.current.borrow().clone();
        if let Some((api, narrowing)) = current {
            self.start(api, SecondFactor::None, None, narrowing);
        }
    }

    /// The timer's refresh: never over a running load or an open prompt.
    pub fn auto_refresh(self: &Rc<Self>) {
        if !self.running.get() && self.prompts.open_id().is_none() {
            self.refresh();
        }
    }

    pub fn cancel(&self) {
        self.slot.cancel();
        self.running.set(false);
        self.pending.borrow_mut().take();
        self.dispatch.dispatch(Action::CancelRequested);
    }

    pub fn answer_prompt(&self, typed: Option<String>) {
        self.prompts.answer(typed);
    }

    pub fn can_resend(&self) -> bool {
        self.pending.borrow().is_some() || self.current.borrow().is_some()
    }

    /// "Send a new code" in the prompt.
    pub fn resend_email(self: &Rc<Self>) {
        let client = self
            .pending
            .borrow()
            .clone()
            .or_else(|| self.current.borrow().as_ref().map(|(a, _)| a.client_rc()));
        let (Some(client), Some(id)) = (client, self.prompts.open_id()) else {
            return;
        };
        let this = self.clone();
        spawn_local(async move {
            let action = match client.request_email_code().await {
                Ok(crate::api::EmailCode::Sent { to, .. }) => {
                    Action::PromptHint { id, email_hint: to }
                }
                Ok(crate::api::EmailCode::NotNeeded) => Action::Notice(Some(
                    "No code is needed any more; answer with any code or cancel.".into(),
                )),
                Err(e) => Action::Notice(Some(e.to_string())),
            };
            this.dispatch.dispatch(action);
        });
    }

    /// Stops everything and forgets the account; `prefill` is what the form shows next.
    fn reset(&self, prefill: Prefill, notice: Option<String>) -> Option<ApiCtx> {
        self.slot.cancel();
        self.running.set(false);
        self.pending.borrow_mut().take();
        self.prompts.answer(None);
        let old = self.current.borrow_mut().take().map(|(api, _)| api);
        self.dispatch.dispatch(Action::Reset { prefill, notice });
        old
    }

    /// Ends a login token on the server (only one from our own login), in the background.
    fn end_on_server(self: &Rc<Self>, old: Option<ApiCtx>) {
        let Some(api) = old else { return };
        let this = self.clone();
        spawn_local(async move {
            if let Err(e) = api.client().sign_out().await {
                this.dispatch.dispatch(Action::Notice(Some(format!(
                    "Signed out here, but the server did not confirm that the login token ended: {e}"
                ))));
            }
        });
    }

    pub fn sign_out(self: &Rc<Self>) {
        let old = self.reset(
            remembered_prefill(),
            Some("Signed out. Nothing of that session is kept here.".into()),
        );
        self.end_on_server(old);
        self.emit(events::SIGNED_OUT, json!({}));
    }

    pub fn command(self: &Rc<Self>, command: HostCommand) {
        match command {
            HostCommand::SetCredentials {
                server_url,
                user_id,
                auth_token,
            } => {
                let server = server_url.unwrap_or_default().trim().to_owned();
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
            HostCommand::SetFilter(text) => self.dispatch.dispatch(Action::ExternalSearch(text)),
        }
    }

    /// On unmount: nothing keeps running for an app that is gone.
    pub fn shut_down(&self) {
        self.slot.cancel();
        self.prompts.answer(None);
    }
}

/// What the form starts with on this device: the host's options, else what was remembered.
pub fn initial_prefill(options: &Options) -> Prefill {
    if !options.user_id.is_empty() || !options.server_url.is_empty() {
        return Prefill {
            server: options.server_url.clone(),
            user_id: options.user_id.clone(),
            auth_token: options.auth_token.clone(),
            ..Prefill::default()
        };
    }
    remembered_prefill()
}

fn remembered_prefill() -> Prefill {
    match remember::load() {
        Some(r) => Prefill {
            server: r.server,
            user_id: r.user_id,
            username: r.username,
            remember: true,
            ..Prefill::default()
        },
        None => Prefill::default(),
    }
}
