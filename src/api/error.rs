//! ApiError: one variant per outcome of the contract, each rendered as a sentence for a person
//! followed by what to do next.
//!
//! Nothing here ever holds the auth token, a 2FA code or a password: the variants carry only
//! what the server said (sanitised) and what the client observed.

use super::auth::{TwoFactorChallenge, TwoFactorMethod};
pub(crate) use super::sanitize::sanitize;
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
    pub fn next_step(&self) -> String {
        let s = match self {
            Self::NotLoggedIn => "Check the user ID and auth token (or sign in with your password) and try again.",
            Self::BadCredentials => "Check the username or e-mail and the password, then sign in again.",
            Self::LoginBlocked => "Wait a few minutes before signing in again, or ask an administrator to unblock the account.",
            Self::Forbidden => "Ask a Rocket.Chat administrator to grant that permission to one of your roles.",
            Self::NoLicence => "Ask the workspace owner for an Enterprise licence that includes Device Management.",
            Self::InvalidParams { .. } | Self::InvalidSort | Self::InvalidSortKeys => {
                "Reload the page; if it happens again, report it together with the server's version."
            }
            Self::TwoFactorRequired(c) => match (&c.method, c.code_generated) {
                (TwoFactorMethod::Email, true) => "Enter the code from that e-mail and retry.",
                (TwoFactorMethod::Email, false) => {
                    "Enter the code from the latest e-mail, or ask for a new one."
                }
                (TwoFactorMethod::Password, _) => "Enter your account password and retry.",
                _ => "Enter the current code from your authenticator app and retry.",
            },
            Self::TwoFactorInvalid(c) => match c.method {
                TwoFactorMethod::Email => "Enter the code from the latest e-mail, or ask for a new one.",
                TwoFactorMethod::Password => "Check your password and retry.",
                _ => "Enter the current code (check that the device's clock is right) and retry.",
            },
            Self::TwoFactorMaxAttempts => "Ask for a new e-mailed code and enter that one.",
            Self::CodeEveryCall => {
                "Sign in that way, or ask for \"Remember for\" (Accounts → Two Factor Authentication) above 0."
            }
            Self::WrongSession => "The details below are those from the list; reload it to see the session's latest state.",
            Self::TooLarge { .. } => {
                "Narrow the load (Advanced → filter or \"Load at most\"), or check that no proxy answers in the server's place."
            }
            Self::SessionNotFound => "Reload the list to see the sessions that are still active.",
            Self::EndpointMissing => {
                "Check that the server URL is the Rocket.Chat address (without /api) and that the server runs version 5 or later."
            }
            Self::RateLimited { wait_ms: Some(ms) } => {
                return format!("Wait {} and retry.", seconds(*ms));
            }
            Self::RateLimited { wait_ms: None } => {
                "Wait a minute and retry, or ask for the api-bypass-rate-limit permission."
            }
            Self::InvalidInput { .. } => "Paste it again without spaces or line breaks.",
            Self::Network => "Check the server URL and your connection, then retry.",
            Self::LikelyCors { .. } => {
                "Open RC Device Manager from the Rocket.Chat server's own address, or have the portal proxy /api/ to Rocket.Chat; across origins only a token that skips two-factor checks can work, and only where this page's Content-Security-Policy allows connecting to that server."
            }
            Self::Timeout { .. } => {
                "Retry; if it keeps happening, narrow the list with a filter or check the server's load."
            }
            Self::NotJson { truncated: true, .. } => {
                "Retry; if it happens again, a proxy in front of Rocket.Chat may be cutting answers short."
            }
            Self::NotJson { .. } => {
                "Check that the server URL points at Rocket.Chat and that no proxy or sign-on page answers in its place."
            }
            Self::BadShape { .. } => {
                "Check that the server URL points at Rocket.Chat 5 or later; if it does, report this with the server's version."
            }
            Self::Server { .. } => "Retry in a moment; if it persists, check the Rocket.Chat server's logs.",
            Self::Cancelled => "Start again when you are ready.",
            Self::Other { .. } => "Retry, or ask the server's administrator.",
        };
        s.to_owned()
    }

    /// What happened, as one sentence for a person.
    pub fn sentence(&self) -> String {
        match self {
            Self::NotLoggedIn => "The server did not accept this user ID and auth token.".into(),
            Self::BadCredentials => "The server did not accept this username or password.".into(),
            Self::LoginBlocked => "The server has blocked sign-in for a while after failed attempts.".into(),
            Self::Forbidden => "Your account lacks the permission for this (view-device-management to list devices, logout-device-management to log them out).".into(),
            Self::NoLicence => "This server's licence does not include Device Management, an Enterprise feature.".into(),
            Self::InvalidParams { detail } if detail.is_empty() => {
                "The server rejected the request's parameters.".into()
            }
            Self::InvalidParams { detail } => {
                format!("The server rejected the request's parameters ({detail}).")
            }
            Self::TwoFactorRequired(c) => match (&c.method, c.code_generated, &c.email_hint) {
                (TwoFactorMethod::Email, true, Some(to)) => {
                    format!("The server has e-mailed a two-factor code for {to}.")
                }
                (TwoFactorMethod::Email, true, None) => {
                    "The server has e-mailed you a two-factor code.".into()
                }
                (TwoFactorMethod::Email, false, _) => {
                    "The server asks for the two-factor code it e-mailed you.".into()
                }
                (TwoFactorMethod::Password, ..) => {
                    "The server asks you to confirm your password for this action.".into()
                }
                (TwoFactorMethod::Other(m), ..) => {
                    format!("The server asks for a two-factor code (method \"{m}\").")
                }
                (TwoFactorMethod::Totp, ..) => {
                    "The server asks for a two-factor code from your authenticator app.".into()
                }
            },
            Self::TwoFactorInvalid(c) if c.method == TwoFactorMethod::Password => {
                "The server did not accept the password.".into()
            }
            Self::TwoFactorInvalid(_) => "The two-factor code was not accepted.".into(),
            Self::TwoFactorMaxAttempts => "Too many wrong two-factor codes have been tried.".into(),
            Self::CodeEveryCall => "This server asks for a new two-factor code on every call (remembering codes is off) and an e-mailed code works only once: a full load needs an authenticator app or a token that bypasses two-factor checks.".into(),
            Self::WrongSession => "The server answered with another session's details than the one asked for, so they are not shown.".into(),
            Self::TooLarge { limit_mb } => format!("The server's answer was larger than {limit_mb} MB, so it was refused before being read."),
            Self::SessionNotFound => "That session no longer exists; it has probably been logged out already.".into(),
            Self::EndpointMissing => "This server has no such API endpoint.".into(),
            Self::RateLimited { .. } => "The server is limiting how often this can be called.".into(),
            Self::InvalidSort => "The server rejected the sort order.".into(),
            Self::InvalidSortKeys => "The server rejected a sort key.".into(),
            Self::InvalidInput { what } => {
                format!("The {what} contains characters that cannot be sent in a request.")
            }
            Self::Network => "The server could not be reached.".into(),
            Self::LikelyCors { server_origin, page_origin } => format!(
                "The call to {server_origin} failed before any answer, most likely blocked by the browser: this page comes from {page_origin}, and either the page's Content-Security-Policy forbids connecting elsewhere or Rocket.Chat's CORS settings refuse the call (they never allow the x-2fa-code header)."
            ),
            Self::Timeout { secs } => format!("The server did not answer within {secs} seconds."),
            Self::NotJson { status, truncated: true } => {
                format!("The server's answer (status {status}) ended before its JSON was complete.")
            }
            Self::NotJson { status, .. } => format!(
                "The server answered with status {status}, but the body was not JSON (probably an error page from a proxy, or the wrong URL)."
            ),
            Self::BadShape { status, field } => format!(
                "The server's answer (status {status}) is JSON, but its \"{field}\" field is missing or of the wrong type."
            ),
            Self::Server { status } => format!("The server failed with status {status}."),
            Self::Cancelled => "Loading was cancelled.".into(),
            Self::Other { status, message } if message.is_empty() => {
                format!("The server answered with status {status}.")
            }
            Self::Other { status, message } => {
                format!("The server answered with status {status}: {message}.")
            }
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{} {}", self.sentence(), self.next_step())
    }
}

impl std::error::Error for ApiError {}

/// "45 seconds" / "3 minutes", rounded up so the person never retries too early.
fn seconds(ms: u64) -> String {
    let secs = ms.div_ceil(1000).max(1);
    match secs {
        1 => "1 second".into(),
        s if s < 120 => format!("{s} seconds"),
        s => format!("{} minutes", s.div_ceil(60)),
    }
}
