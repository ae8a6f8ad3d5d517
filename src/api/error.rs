//! ApiError: one variant per outcome of the contract, each rendered as a sentence for a person
//! followed by what to do next.
//!
//! Nothing here ever holds the auth token, a 2FA code or a password: the variants carry only
//! what the server said (sanitised) and what the client observed.

use super::auth::{TwoFactorChallenge, TwoFactorMethod};
pub(crate) use super::sanitize::sanitize;
use crate::i18n::{k, Lang};
use crate::tr;
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// 401: the user id or auth token is wrong or expired.
    NotLoggedIn,
    /// `POST login` refused the username/email and password.
    BadCredentials,
    /// `POST login` is blocked for this user or address after failed attempts.
    LoginBlocked,
    /// 403: the account lacks `view-device-management` / `logout-device-management`.
    Forbidden,
    /// The licence lacks `device-management` (8.x 400 `error-action-not-allowed`,
    /// 5.x/6.x 401 `{"error":"unauthorized"}`).
    NoLicence,
    /// 400 `invalid-params`: the request carried a parameter the server does not accept.
    InvalidParams { detail: String },
    /// A second factor is needed (`totp-required`).
    TwoFactorRequired(TwoFactorChallenge),
    /// The second factor was rejected (`totp-invalid`).
    TwoFactorInvalid(TwoFactorChallenge),
    /// Too many wrong e-mailed codes (`totp-max-attempts`).
    TwoFactorMaxAttempts,
    /// The server asks for a fresh code on every call (its remembered-2FA window is off), and
    /// an e-mailed code works only once, so a load of many pages cannot go on.
    CodeEveryCall,
    /// 404 from `sessions/info.admin` or `sessions/logout`.
    SessionNotFound,
    /// `sessions/info.admin` answered with another session than the one asked for (the
    /// server reads `sessionId` as a pattern).
    WrongSession,
    /// The answer was larger than a client should hold; it was refused before being read.
    TooLarge { limit_mb: u32 },
    /// Any other 404 with a JSON body: the route does not exist on this server.
    EndpointMissing,
    /// 429; `wait_ms` is known from `X-RateLimit-Reset` or the body's "wait N seconds".
    RateLimited { wait_ms: Option<u64> },
    /// 400 `error-invalid-sort`: the sort parameter was not valid JSON.
    InvalidSort,
    /// 400 `error-invalid-sort-keys`: a sort key outside the allowed list.
    InvalidSortKeys,
    /// Something typed in cannot be put in a request (e.g. a line break in the token).
    InvalidInput { what: &'static str },
    /// The request failed before any answer, on the page's own origin: a dropped connection.
    Network,
    /// A request to another origin failed before any answer: most likely CORS.
    LikelyCors {
        server_origin: String,
        page_origin: String,
    },
    /// No answer within the per-request time limit.
    Timeout { secs: u32 },
    /// The body was not JSON (an HTML error page from a proxy, a cut-off answer).
    NotJson { status: u16, truncated: bool },
    /// JSON, but a field the client needs is missing or of the wrong type.
    BadShape { status: u16, field: String },
    /// 5xx.
    Server { status: u16 },
    /// The caller cancelled the call.
    Cancelled,
    /// An answer this client does not recognise, with the server's own (sanitised) words.
    Other { status: u16, message: String },
}

impl ApiError {
    /// The 2FA challenge the UI should answer, when this error is one.
    pub fn challenge(&self) -> Option<&TwoFactorChallenge> {
        match self {
            Self::TwoFactorRequired(c) | Self::TwoFactorInvalid(c) => Some(c),
            _ => None,
        }
    }

    /// Worth trying the same request again after a pause.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            Self::Server { .. }
                | Self::Network
                | Self::Timeout { .. }
                | Self::RateLimited { .. }
                // A body cut short is a dropped connection that happened to send headers.
                | Self::NotJson {
                    truncated: true,
                    ..
                }
        )
    }

    /// A 2FA challenge or refusal: the admin, not the page, has to act.
    pub fn is_two_factor(&self) -> bool {
        matches!(
            self,
            Self::TwoFactorRequired(_)
                | Self::TwoFactorInvalid(_)
                | Self::TwoFactorMaxAttempts
                | Self::CodeEveryCall
        )
    }

    /// True when the error concerns the signed-in user or the request's form rather than
    /// one page, so every other page would fail the same way and a fetch must stop.
    pub fn stops_a_fetch(&self) -> bool {
        match self {
            Self::Other { status, .. } => (400..500).contains(status),
            Self::Server { .. }
            | Self::Network
            | Self::Timeout { .. }
            | Self::RateLimited { .. }
            | Self::NotJson { .. }
            | Self::BadShape { .. }
            | Self::SessionNotFound => false,
            _ => true,
        }
    }

    /// Replaces any of `secrets` that a hostile or buggy server echoed back into the text
    /// this error carries, so it can never reach the screen or a log.
    pub fn scrub(mut self, secrets: &[&str]) -> Self {
        let clean = |s: &mut String| {
            for secret in secrets.iter().filter(|s| s.len() >= 4) {
                if s.contains(secret) {
                    *s = s.replace(secret, "…");
                }
            }
        };
        match &mut self {
            Self::InvalidParams { detail } => clean(detail),
            Self::Other { message, .. } => clean(message),
            Self::BadShape { field, .. } => clean(field),
            Self::TwoFactorRequired(c) | Self::TwoFactorInvalid(c) => {
                // An unknown method's name is shown too ("method \"…\"").
                let methods = std::iter::once(&mut c.method).chain(c.available.iter_mut());
                for method in methods {
                    if let TwoFactorMethod::Other(name) = method {
                        clean(name)
                    }
                }
                if let Some(hint) = &mut c.email_hint {
                    clean(hint)
                }
            }
            _ => {}
        }
        self
    }

    /// What the person should do next, as one sentence.
    pub fn next_step(&self, lang: Lang) -> String {
        let key = match self {
            Self::NotLoggedIn => k::NEXT_NOT_LOGGED_IN,
            Self::BadCredentials => k::NEXT_BAD_CREDENTIALS,
            Self::LoginBlocked => k::NEXT_LOGIN_BLOCKED,
            Self::Forbidden => k::NEXT_FORBIDDEN,
            Self::NoLicence => k::NEXT_NO_LICENCE,
            Self::InvalidParams { .. } | Self::InvalidSort | Self::InvalidSortKeys => {
                k::NEXT_RELOAD_AND_REPORT
            }
            Self::TwoFactorRequired(c) => match (&c.method, c.code_generated) {
                (TwoFactorMethod::Email, true) => k::NEXT_EMAIL_CODE_SENT,
                (TwoFactorMethod::Email, false) => k::NEXT_EMAIL_CODE_LATEST,
                (TwoFactorMethod::Password, _) => k::NEXT_PASSWORD,
                _ => k::NEXT_TOTP,
            },
            Self::TwoFactorInvalid(c) => match c.method {
                TwoFactorMethod::Email => k::NEXT_EMAIL_CODE_LATEST,
                TwoFactorMethod::Password => k::NEXT_PASSWORD_CHECK,
                _ => k::NEXT_TOTP_CHECK_CLOCK,
            },
            Self::TwoFactorMaxAttempts => k::NEXT_MAX_ATTEMPTS,
            Self::CodeEveryCall => k::NEXT_CODE_EVERY_CALL,
            Self::WrongSession => k::NEXT_WRONG_SESSION,
            Self::TooLarge { .. } => k::NEXT_TOO_LARGE,
            Self::SessionNotFound => k::NEXT_SESSION_NOT_FOUND,
            Self::EndpointMissing => k::NEXT_ENDPOINT_MISSING,
            Self::RateLimited { wait_ms: Some(ms) } => {
                let secs = ms.div_ceil(1000).max(1);
                return if secs < 120 {
                    tr!(lang, NEXT_WAIT_SECONDS, n = secs)
                } else {
                    tr!(lang, NEXT_WAIT_MINUTES, n = secs.div_ceil(60))
                };
            }
            Self::RateLimited { wait_ms: None } => k::NEXT_RATE_LIMITED,
            Self::InvalidInput { .. } => k::NEXT_INVALID_INPUT,
            Self::Network => k::NEXT_NETWORK,
            Self::LikelyCors { .. } => k::NEXT_LIKELY_CORS,
            Self::Timeout { .. } => k::NEXT_TIMEOUT,
            Self::NotJson {
                truncated: true, ..
            } => k::NEXT_NOT_JSON_TRUNCATED,
            Self::NotJson { .. } => k::NEXT_NOT_JSON,
            Self::BadShape { .. } => k::NEXT_BAD_SHAPE,
            Self::Server { .. } => k::NEXT_SERVER,
            Self::Cancelled => k::NEXT_CANCELLED,
            Self::Other { .. } => k::NEXT_OTHER,
        };
        lang.t(key)
    }

    /// What happened, as one sentence for a person.
    pub fn sentence(&self, lang: Lang) -> String {
        match self {
            Self::NotLoggedIn => tr!(lang, ERR_NOT_LOGGED_IN),
            Self::BadCredentials => tr!(lang, ERR_BAD_CREDENTIALS),
            Self::LoginBlocked => tr!(lang, ERR_LOGIN_BLOCKED),
            Self::Forbidden => tr!(lang, ERR_FORBIDDEN),
            Self::NoLicence => tr!(lang, ERR_NO_LICENCE),
            Self::InvalidParams { detail } if detail.is_empty() => tr!(lang, ERR_INVALID_PARAMS),
            Self::InvalidParams { detail } => tr!(lang, ERR_INVALID_PARAMS_DETAIL, detail = detail),
            Self::TwoFactorRequired(c) => match (&c.method, c.code_generated, &c.email_hint) {
                (TwoFactorMethod::Email, true, Some(to)) => tr!(lang, ERR_EMAILED_TO, to = to),
                (TwoFactorMethod::Email, true, None) => tr!(lang, ERR_EMAILED),
                (TwoFactorMethod::Email, false, _) => tr!(lang, ERR_ASKS_EMAILED),
                (TwoFactorMethod::Password, ..) => tr!(lang, ERR_ASKS_PASSWORD),
                (TwoFactorMethod::Other(m), ..) => tr!(lang, ERR_ASKS_METHOD, method = m),
                (TwoFactorMethod::Totp, ..) => tr!(lang, ERR_ASKS_TOTP),
            },
            Self::TwoFactorInvalid(c) if c.method == TwoFactorMethod::Password => {
                tr!(lang, ERR_PASSWORD_REJECTED)
            }
            Self::TwoFactorInvalid(_) => tr!(lang, ERR_CODE_REJECTED),
            Self::TwoFactorMaxAttempts => tr!(lang, ERR_MAX_ATTEMPTS),
            Self::CodeEveryCall => tr!(lang, ERR_CODE_EVERY_CALL),
            Self::WrongSession => tr!(lang, ERR_WRONG_SESSION),
            Self::TooLarge { limit_mb } => tr!(lang, ERR_TOO_LARGE, mb = *limit_mb),
            Self::SessionNotFound => tr!(lang, ERR_SESSION_NOT_FOUND),
            Self::EndpointMissing => tr!(lang, ERR_ENDPOINT_MISSING),
            Self::RateLimited { .. } => tr!(lang, ERR_RATE_LIMITED),
            Self::InvalidSort => tr!(lang, ERR_INVALID_SORT),
            Self::InvalidSortKeys => tr!(lang, ERR_INVALID_SORT_KEYS),
            Self::InvalidInput { what } => {
                tr!(lang, ERR_INVALID_INPUT, what = &lang.t(input_key(what)))
            }
            Self::Network => tr!(lang, ERR_NETWORK),
            Self::LikelyCors {
                server_origin,
                page_origin,
            } => tr!(
                lang,
                ERR_LIKELY_CORS,
                server = server_origin,
                page = page_origin
            ),
            Self::Timeout { secs } => tr!(lang, ERR_TIMEOUT, n = *secs),
            Self::NotJson {
                status,
                truncated: true,
            } => tr!(lang, ERR_NOT_JSON_TRUNCATED, status = &status_text(*status)),
            Self::NotJson { status, .. } => tr!(lang, ERR_NOT_JSON, status = &status_text(*status)),
            Self::BadShape { status, field } => {
                tr!(
                    lang,
                    ERR_BAD_SHAPE,
                    status = &status_text(*status),
                    field = field
                )
            }
            Self::Server { status } => tr!(lang, ERR_SERVER, status = &status_text(*status)),
            Self::Cancelled => tr!(lang, ERR_CANCELLED),
            Self::Other { status, message } if message.is_empty() => {
                tr!(lang, ERR_OTHER, status = &status_text(*status))
            }
            Self::Other { status, message } => tr!(
                lang,
                ERR_OTHER_MESSAGE,
                status = &status_text(*status),
                message = message
            ),
        }
    }

    /// What happened and what to do next, for the screen.
    pub fn message(&self, lang: Lang) -> String {
        tr!(
            lang,
            ERROR_AND_NEXT_STEP,
            error = &self.sentence(lang),
            next = &self.next_step(lang)
        )
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ApiError {}

/// The catalogue's name of a field that `InvalidInput` names.
fn input_key(what: &str) -> crate::i18n::Key {
    match what {
        "password" => k::INPUT_PASSWORD,
        "user ID" => k::INPUT_USER_ID,
        "auth token" => k::INPUT_AUTH_TOKEN,
        "server URL" => k::INPUT_SERVER_URL,
        _ => k::INPUT_CODE,
    }
}

/// An HTTP status is a code, not a quantity: never grouped or in another script's digits.
fn status_text(status: u16) -> String {
    status.to_string()
}
