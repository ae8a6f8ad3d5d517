//! The calls of the contract: auth headers and the 2FA headers on each, classification of
//! every answer, retries, and the complete fetch of `sessions/list.all`.

use super::auth::{header_safe, Credentials, LoginBody, SecondFactor, TwoFactorMethod};
use super::classify::wait_from_reset_header;
use super::decode::{decode_ack, decode_login, decode_me, decode_page, decode_session};
use super::drive::{self, CancelHandle, PageSource};
use super::error::ApiError;
use super::http::{self, Answer, Call, Method};
use super::outcome::{FetchOptions, FetchResult, PageRequest, Progress};
use super::retry::RetryPolicy;
use super::sink::{Collect, RowSink};
use super::wire::{Me, Session, SessionsPage};

/// The per-request time limit unless set otherwise.
pub const DEFAULT_TIMEOUT_MS: u32 = 30_000;

/// A signed-in client. Cheap to clone; holds the credentials in memory only.
#[derive(Clone, Debug, PartialEq)]
pub struct Client {
    creds: Credentials,
    from_login: bool,
    timeout_ms: u32,
    retry: RetryPolicy,
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
        }
    }

    pub fn with_timeout_ms(mut self, ms: u32) -> Self {
        self.timeout_ms = ms.max(1);
        self
    }

    pub fn with_retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    pub fn credentials(&self) -> &Credentials {
        &self.creds
    }

    /// True when the token came from `login`, so signing out should end it on the server.
    pub fn token_from_login(&self) -> bool {
        self.from_login
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

    /// One page of `sessions/list.all`, kept for the first UI slice: `code` is sent only when
    /// not empty, and without a method, so the server checks it against the user's own one.
    pub async fn list_page(
        &self,
        offset: u64,
        count: u64,
        code: &str,
    ) -> Result<SessionsPage, ApiError> {
        let second = SecondFactor::Totp(code.to_owned());
        let mut call = self.list_call(offset, count, "", &second, None);
        call.headers.retain(|(name, _)| *name != "x-2fa-method");
        let a = http::exchange(&call, None)
            .await
            .and_then(|a| check(a, &self.secrets(&second)))?;
        decode_page(&a.body).map_err(|e| with_status(e, a.status))
    }

    /// One page, one attempt (the fetch plan does its own retries).
    pub async fn list_page_with(
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
    /// handled). `second` goes with the first page only. Progress is reported after each page;
    /// `cancel` stops it at any point. A 2FA error means: ask, then call again with the code.
    pub async fn fetch_all(
        &self,
        opts: &FetchOptions,
        second: &SecondFactor,
        cancel: &CancelHandle,
        on_progress: impl Fn(Progress),
    ) -> Result<FetchResult, ApiError> {
        self.fetch_into(
            opts,
            second,
            cancel,
            &on_progress,
            &|_| {},
            Collect::default(),
        )
        .await
    }

    /// [`Client::fetch_all`] with each page's rows handed to `sink` as they arrive, and every
    /// 429 told to `on_limited` with its wait (so a screen can say why loading pauses).
    pub async fn fetch_into<K: RowSink>(
        &self,
        opts: &FetchOptions,
        second: &SecondFactor,
        cancel: &CancelHandle,
        on_progress: &dyn Fn(Progress),
        on_limited: &dyn Fn(Option<u64>),
        sink: K,
    ) -> Result<FetchResult<K::Output>, ApiError> {
        let source = Pages {
            client: self,
            filter: &opts.filter,
            second,
            cancel,
            on_limited,
        };
        drive::fetch_into(&source, opts, seed(), cancel, on_progress, sink).await
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
        decode_session(a.status, &a.body)
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

/// The browser source of pages for the fetch plan.
struct Pages<'a> {
    client: &'a Client,
    filter: &'a str,
    second: &'a SecondFactor,
    cancel: &'a CancelHandle,
    on_limited: &'a dyn Fn(Option<u64>),
}

impl PageSource for Pages<'_> {
    async fn get_page(&self, req: &PageRequest) -> Result<SessionsPage, ApiError> {
        // Only the first page carries the code: an e-mailed one is single use.
        let none = SecondFactor::None;
        let second = if req.with_code { self.second } else { &none };
        let result = self
            .client
            .list_page_with(
                req.offset,
                req.count,
                self.filter,
                second,
                Some(self.cancel),
            )
            .await;
        if let Err(ApiError::RateLimited { wait_ms }) = &result {
            (self.on_limited)(*wait_ms);
        }
        result
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
    let wait = wait_from_reset_header(a.rate_limit_reset.as_deref(), js_sys::Date::now());
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
