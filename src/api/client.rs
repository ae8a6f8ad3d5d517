//! The calls of the contract: auth headers and the 2FA headers on each, classification of
//! every answer, retries, and the complete fetch of `sessions/list.all`.

use super::auth::{header_safe, Credentials, LoginBody, SecondFactor, TwoFactorMethod};
use super::classify::{wait_from_reset_header, wait_from_retry_after};
use super::decode::{decode_ack, decode_login, decode_me, decode_page, decode_session};
use super::drive::{self, CancelHandle, PageSource};
use super::error::ApiError;
use super::http::{self, Answer, Call, Method};
use super::outcome::{FetchOptions, FetchResult, PageRequest, Progress};
use super::retry::RetryPolicy;
use super::sink::RowSink;
use super::wire::{Me, Session, SessionsPage};
use futures::future::LocalBoxFuture;
use std::cell::{Cell, RefCell};

/// Asks the admin for a second factor when the server wants one in the middle of a load
/// (its remembered window ran out, or remembering is off): `None` when they cancel.
pub type AskCode = dyn Fn(ApiError) -> LocalBoxFuture<'static, Option<SecondFactor>>;

/// Pages of `sessions/list` read at most to find the page's own session.
const OWN_PAGES: u64 = 10;

/// The per-request time limit unless set otherwise.
pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;

/// A signed-in client. Cheap to clone; holds the credentials in memory only.
#[derive(Clone, Debug, PartialEq)]
pub struct Client {
    creds: Credentials,
    from_login: bool,
    timeout_ms: u32,
    retry: RetryPolicy,
    census: Census,
}

thread_local! {
    static LIVE_CLIENTS: Cell<u32> = const { Cell::new(0) };
}

/// How many `Client`s (each holding a token) are alive on this page: the embed layer's leak
/// tests check that sign-out and `destroy()` leave none behind.
pub fn live_clients() -> u32 {
    LIVE_CLIENTS.with(Cell::get)
}

/// Counts itself in [`live_clients`] while it lives.
#[derive(Debug)]
struct Census;

impl Census {
    fn new() -> Self {
        LIVE_CLIENTS.with(|n| n.set(n.get().saturating_add(1)));
        Census
    }
}

impl Clone for Census {
    fn clone(&self) -> Self {
        Census::new()
    }
}

impl Drop for Census {
    fn drop(&mut self) {
        LIVE_CLIENTS.with(|n| n.set(n.get().saturating_sub(1)));
    }
}

impl PartialEq for Census {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// What asking for an e-mailed code did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmailCode {
    /// A code is on its way (`fresh`), or one mailed earlier is still valid (`!fresh`).
    Sent { to: Option<String>, fresh: bool },
    /// No code is needed now: the token is inside a remembered 2FA window or bypasses 2FA.
    NotNeeded,
}

impl Client {
    pub fn new(creds: Credentials) -> Self {
        Self {
            creds,
            from_login: false,
            timeout_ms: DEFAULT_TIMEOUT_MS,
            retry: RetryPolicy::default(),
            census: Census::new(),
        }
    }

    pub fn credentials(&self) -> &Credentials {
        &self.creds
    }

    /// `POST login` with a username or e-mail and password. A 2FA challenge comes back as
    /// `TwoFactorRequired`/`TwoFactorInvalid`; call again with the code. The new token is not
    /// yet 2FA-remembered: the first `fetch_all` needs a code too (a TOTP code may be reused
    /// within its 30 s step; an e-mailed one is spent, so the server will mail another).
    pub async fn login(
        server: &str,
        user: &str,
        password: &str,
        second: &SecondFactor,
    ) -> Result<(Client, Option<Me>), ApiError> {
        let code = second.login_code();
        let body = serde_json::to_string(&LoginBody {
            user: user.trim(),
            password,
            code: code.clone(),
        })
        .map_err(|_| ApiError::InvalidInput { what: "password" })?;
        let call = Call {
            method: Method::Post,
            url: http::api_url(server, "login"),
            query: Vec::new(),
            headers: vec![("Content-Type", "application/json".into())],
            json_body: Some(body),
            timeout_ms: DEFAULT_TIMEOUT_MS,
            cross_origin: cross_origin_of(server),
        };
        let secrets = [
            password,
            second.secret(),
            code.as_deref().unwrap_or_default(),
        ];
        let answer = match http::exchange(&call, None).await {
            Ok(a) => check(a, &secrets),
            Err(e) => Err(e),
        };
        // Login answers a wrong password with 401, which elsewhere means a bad token.
        let answer = answer.map_err(|e| match e {
            ApiError::NotLoggedIn | ApiError::NoLicence => ApiError::BadCredentials,
            other => other,
        })?;
        let (user_id, auth_token, me) = decode_login(answer.status, &answer.body)?;
        let client = Client {
            creds: Credentials {
                server: server.trim().to_owned(),
                user_id,
                auth_token,
            },
            from_login: true,
            timeout_ms: DEFAULT_TIMEOUT_MS,
            retry: RetryPolicy::default(),
            census: Census::new(),
        };
        Ok((client, me))
    }

    /// Signs out: ends the token on the server when it came from `login`; a token the admin
    /// pasted (their browser session or a personal access token) is left alone.
    pub async fn sign_out(&self) -> Result<(), ApiError> {
        if !self.from_login {
            return Ok(());
        }
        match self
            .once(
                Method::Post,
                "logout",
                Vec::new(),
                None,
                &SecondFactor::None,
                None,
            )
            .await
        {
            Ok(a) => decode_ack(a.status, &a.body),
            // Already ended on the server: signed out either way.
            Err(ApiError::NotLoggedIn) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// `GET me`: who the token belongs to.
    pub async fn me(&self) -> Result<Me, ApiError> {
        let a = self
            .with_retries(None, |_| {
                self.once(
                    Method::Get,
                    "me",
                    Vec::new(),
                    None,
                    &SecondFactor::None,
                    None,
                )
            })
            .await?;
        decode_me(a.status, &a.body)
    }

    /// Makes the server mail a 2FA code, with a cheap 2FA-checked call sent without a code.
    pub async fn request_email_code(&self) -> Result<EmailCode, ApiError> {
        let probe = self.list_call(0, 1, "", &SecondFactor::None, Some("email"));
        match http::exchange(&probe, None)
            .await
            .and_then(|a| check(a, &self.secrets(&SecondFactor::None)))
        {
            Ok(_) => Ok(EmailCode::NotNeeded),
            Err(ApiError::TwoFactorRequired(c)) if c.method == TwoFactorMethod::Email => {
                Ok(EmailCode::Sent {
                    to: c.email_hint,
                    fresh: c.code_generated,
                })
            }
            Err(e) => Err(e),
        }
    }

    /// One page, one attempt (the fetch plan does its own retries).
    pub async fn list_page(
        &self,
        offset: u64,
        count: u64,
        filter: &str,
        second: &SecondFactor,
        cancel: Option<&CancelHandle>,
    ) -> Result<SessionsPage, ApiError> {
        let call = self.list_call(offset, count, filter, second, None);
        let a = http::exchange(&call, cancel)
            .await
            .and_then(|a| check(a, &self.secrets(second)))?;
        decode_page(&a.body).map_err(|e| with_status(e, a.status))
    }

    /// Every session of `sessions/list.all` (see `FetchPlan` for how shifting pages are
    /// handled), each page's rows handed to `sink` as they arrive, every 429 told to
    /// `on_limited` with its wait (so a screen can say why loading pauses), and a 2FA
    /// challenge after the first page answered in place through `ask` (see [`Pages`]).
    /// `second` goes with the first page; `cancel` stops it at any point.
    #[allow(clippy::too_many_arguments)]
    pub async fn read_sessions_into<K: RowSink>(
        &self,
        opts: &FetchOptions,
        second: &SecondFactor,
        cancel: &CancelHandle,
        on_progress: &dyn Fn(Progress),
        on_limited: &dyn Fn(Option<u64>),
        ask: Option<&AskCode>,
        sink: K,
    ) -> Result<FetchResult<K::Output>, ApiError> {
        let source = Pages {
            client: self,
            filter: &opts.filter,
            codes: Codes::new(second.clone()),
            cancel,
            on_limited,
            ask,
        };
        drive::fetch_into(&source, opts, seed(), cancel, on_progress, sink).await
    }

    /// The id of the session this client's token belongs to, as `sessions/list` (the
    /// caller's own devices) marks it with `current: true` on Rocket.Chat 8.7+. `None` when
    /// the server marks none: then any session of this user may be the page's own.
    pub async fn own_session(
        &self,
        cancel: Option<&CancelHandle>,
    ) -> Result<Option<String>, ApiError> {
        let none = SecondFactor::None;
        let mut offset = 0u64;
        for _ in 0..OWN_PAGES {
            let query = http::list_query(offset, 100, "");
            let call = self.call(Method::Get, "sessions/list", query, &none, None);
            let a = http::exchange(&call, cancel)
                .await
                .and_then(|a| check(a, &self.secrets(&none)))?;
            let page = decode_page(&a.body).map_err(|e| with_status(e, a.status))?;
            if let Some(own) = page.sessions.rows.iter().find(|s| s.current == Some(true)) {
                return Ok(own.id.clone());
            }
            let got = (page.sessions.rows.len() + page.sessions.skipped) as u64;
            offset = offset.saturating_add(got);
            if got == 0 || page.total.is_none_or(|t| offset >= t) {
                break;
            }
        }
        Ok(None)
    }

    /// `sessions/info.admin` for the details panel.
    pub async fn session_info(
        &self,
        session_id: &str,
        second: &SecondFactor,
    ) -> Result<Session, ApiError> {
        let query = vec![("sessionId", session_id.to_owned())];
        let a = self
            .with_retries(None, |_| {
                self.once(
                    Method::Get,
                    "sessions/info.admin",
                    query.clone(),
                    None,
                    second,
                    None,
                )
            })
            .await?;
        let s = decode_session(a.status, &a.body)?;
        // The server reads `sessionId` as a pattern: another session may answer for it.
        if s.id.as_deref().map(str::trim) != Some(session_id.trim()) {
            return Err(ApiError::WrongSession);
        }
        Ok(s)
    }

    /// `sessions/logout`: ends another device's session.
    pub async fn logout_session(
        &self,
        session_id: &str,
        second: &SecondFactor,
    ) -> Result<(), ApiError> {
        let body = serde_json::json!({ "sessionId": session_id }).to_string();
        let result = self
            .with_retries(None, |attempt| {
                let body = body.clone();
                async move {
                    match self
                        .once(
                            Method::Post,
                            "sessions/logout",
                            Vec::new(),
                            Some(body),
                            second,
                            None,
                        )
                        .await
                    {
                        // A retry after a lost answer finds the session already gone: done.
                        Err(ApiError::SessionNotFound) if attempt > 1 => Ok(None),
                        other => other.map(Some),
                    }
                }
            })
            .await?;
        match result {
            Some(a) => decode_ack(a.status, &a.body),
            None => Ok(()),
        }
    }

    async fn with_retries<T, C, F>(
        &self,
        cancel: Option<&CancelHandle>,
        call: C,
    ) -> Result<T, ApiError>
    where
        C: FnMut(u32) -> F,
        F: std::future::Future<Output = Result<T, ApiError>>,
    {
        drive::retrying(self.retry, seed(), cancel, call, sleep).await
    }

    /// One authenticated call, classified.
    async fn once(
        &self,
        method: Method,
        path: &str,
        query: Vec<(&'static str, String)>,
        json_body: Option<String>,
        second: &SecondFactor,
        cancel: Option<&CancelHandle>,
    ) -> Result<Answer, ApiError> {
        let mut call = self.call(method, path, query, second, None);
        if let Some(body) = json_body {
            call.headers
                .push(("Content-Type", "application/json".into()));
            call.json_body = Some(body);
        }
        let a = http::exchange(&call, cancel).await?;
        check(a, &self.secrets(second))
    }

    fn list_call(
        &self,
        offset: u64,
        count: u64,
        filter: &str,
        second: &SecondFactor,
        method_only: Option<&'static str>,
    ) -> Call {
        let query = http::list_query(offset, count, filter);
        self.call(Method::Get, "sessions/list.all", query, second, method_only)
    }

    fn call(
        &self,
        method: Method,
        path: &str,
        query: Vec<(&'static str, String)>,
        second: &SecondFactor,
        method_only: Option<&'static str>,
    ) -> Call {
        let mut headers = vec![
            ("X-User-Id", self.creds.user_id.trim().to_owned()),
            ("X-Auth-Token", self.creds.auth_token.trim().to_owned()),
        ];
        if let Some((code, m)) = second.headers() {
            headers.push(("x-2fa-code", code));
            headers.push(("x-2fa-method", m.to_owned()));
        } else if let Some(m) = method_only {
            headers.push(("x-2fa-method", m.to_owned()));
        }
        Call {
            method,
            url: http::api_url(&self.creds.server, path),
            query,
            headers,
            json_body: None,
            timeout_ms: self.timeout_ms,
            cross_origin: cross_origin_of(&self.creds.server),
        }
    }

    fn secrets<'a>(&'a self, second: &'a SecondFactor) -> [&'a str; 2] {
        [self.creds.auth_token.as_str(), second.secret()]
    }
}

/// The browser source of pages for the fetch plan. The first page carries the code the admin
/// gave; later pages ride the server's remembered 2FA window. When the server asks again
/// mid-load (its window ran out, or remembering is off so every call needs a code), the page
/// is answered in place and the plan never sees it: a code that can be used again (TOTP
/// inside its step, the password fallback) is sent with every page from then on, a fresh one
/// is asked for only when the server refuses the one held, and an e-mailed code, which
/// works once, ends the load with what it has (`CodeEveryCall`) instead of a prompt per page.
struct Pages<'a> {
    client: &'a Client,
    filter: &'a str,
    codes: Codes,
    cancel: &'a CancelHandle,
    on_limited: &'a dyn Fn(Option<u64>),
    ask: Option<&'a AskCode>,
}

/// The second factor a load holds, shared by its pages in flight.
struct Codes {
    held: RefCell<SecondFactor>,
    /// Bumped whenever a new factor is held, so a page can tell a newer one from its own.
    version: Cell<u32>,
    /// The server asked again after the first page: send the held factor with every page.
    every_page: Cell<bool>,
    /// A call carrying a code succeeded in this load (the server then should remember it).
    accepted: Cell<bool>,
}

impl Codes {
    fn new(first: SecondFactor) -> Self {
        Self {
            held: RefCell::new(first),
            version: Cell::new(0),
            every_page: Cell::new(false),
            accepted: Cell::new(false),
        }
    }

    fn hold(&self, factor: SecondFactor) {
        *self.held.borrow_mut() = factor;
        self.version.set(self.version.get() + 1);
    }
}

/// A page asks for a fresh factor this many times at most before giving up.
const ASKS_PER_PAGE: u32 = 5;

impl Pages<'_> {
    async fn once(
        &self,
        req: &PageRequest,
        second: &SecondFactor,
    ) -> Result<SessionsPage, ApiError> {
        let result = self
            .client
            .list_page(
                req.offset,
                req.count,
                self.filter,
                second,
                Some(self.cancel),
            )
            .await;
        match &result {
            Err(ApiError::RateLimited { wait_ms }) => (self.on_limited)(*wait_ms),
            Ok(_) if second.headers().is_some() => self.codes.accepted.set(true),
            _ => {}
        }
        result
    }
}

impl PageSource for Pages<'_> {
    async fn get_page(&self, req: &PageRequest) -> Result<SessionsPage, ApiError> {
        let codes = &self.codes;
        let (mut asks, mut force, mut bare_tried) = (0, false, false);
        loop {
            let send = req.with_code || codes.every_page.get() || std::mem::take(&mut force);
            let sent = send.then(|| codes.version.get());
            let second = match sent {
                Some(_) => codes.held.borrow().clone(),
                None => SecondFactor::None,
            };
            let err = match self.once(req, &second).await {
                Err(e @ (ApiError::TwoFactorRequired(_) | ApiError::TwoFactorInvalid(_)))
                    if !req.with_code =>
                {
                    e
                }
                // The first page's challenge goes to the caller, which asks before any row.
                other => return other,
            };
            let held = codes.held.borrow().clone();
            let newer = sent.is_none_or(|v| v != codes.version.get());
            match held {
                // Another page got a fresh factor meanwhile, or this page sent none while one
                // that can be reused is held: send it, and with every page from now on.
                SecondFactor::Totp(_) | SecondFactor::Password(_) if newer => {
                    codes.every_page.set(true);
                    continue;
                }
                // An e-mailed code was accepted in this load: once more without one, in case
                // the server remembers the token now; if it still asks, every call needs a
                // new e-mail, which a load of many pages cannot wait for.
                SecondFactor::Email(_) if codes.accepted.get() => {
                    if bare_tried {
                        return Err(ApiError::CodeEveryCall);
                    }
                    bare_tried = true;
                    continue;
                }
                _ => {}
            }
            // Nothing held can pass: ask the admin, keeping every row read so far.
            let Some(ask) = self.ask.filter(|_| asks < ASKS_PER_PAGE) else {
                return Err(err);
            };
            asks += 1;
            let Some(fresh) = ask(err.clone()).await else {
                return Err(err);
            };
            // A reusable factor goes with every page; an e-mailed one with this page only.
            match fresh {
                SecondFactor::Email(_) => force = true,
                _ => codes.every_page.set(true),
            }
            codes.hold(fresh);
        }
    }

    async fn sleep(&self, ms: u64) {
        sleep(ms).await
    }
}

/// Classifies a non-2xx answer, scrubbed of anything secret a server might echo back.
fn check(a: Answer, secrets: &[&str]) -> Result<Answer, ApiError> {
    if (200..300).contains(&a.status) {
        return Ok(a);
    }
    let now = js_sys::Date::now();
    let wait = wait_from_reset_header(a.rate_limit_reset.as_deref(), now)
        .or_else(|| wait_from_retry_after(a.retry_after.as_deref(), now));
    Err(ApiError::from_response(a.status, a.content_type.as_deref(), &a.body, wait).scrub(secrets))
}

fn with_status(e: ApiError, status: u16) -> ApiError {
    match e {
        ApiError::NotJson { truncated, .. } => ApiError::NotJson { status, truncated },
        ApiError::BadShape { field, .. } => ApiError::BadShape { status, field },
        other => other,
    }
}

fn cross_origin_of(server: &str) -> Option<(String, String)> {
    let page = http::page_origin()?;
    http::cross_origin(server, &page).map(|target| (target, page))
}

async fn sleep(ms: u64) {
    gloo_timers::future::TimeoutFuture::new(u32::try_from(ms).unwrap_or(u32::MAX)).await
}

fn seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}

/// Rejects a user id or token that no header could carry, before any request is made.
pub fn validate(creds: &Credentials) -> Result<(), ApiError> {
    if !header_safe(creds.user_id.trim()) {
        return Err(ApiError::InvalidInput { what: "user ID" });
    }
    if !header_safe(creds.auth_token.trim()) {
        return Err(ApiError::InvalidInput { what: "auth token" });
    }
    Ok(())
}
