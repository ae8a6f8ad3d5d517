//! ApiError: one variant per outcome of the contract, each rendered as a sentence for a person.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// 401: the user id or auth token is wrong or expired.
    NotLoggedIn,
    /// A 2FA code is needed (`totp-required`).
    TwoFactorRequired,
    /// The 2FA code was rejected (`totp-invalid`).
    TwoFactorInvalid,
    /// The request never got an answer.
    Network,
    /// Any other answer, with the server's own words when it gave some.
    Other { status: u16, message: String },
}

impl ApiError {
    /// Classifies a non-success answer from its status and body.
    pub fn from_response(status: u16, body: &str) -> Self {
        let json: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
        let kind = json
            .get("errorType")
            .or_else(|| json.get("error"))
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        match (status, kind) {
            (401, "totp-required") | (400, "totp-required") => Self::TwoFactorRequired,
            (401, "totp-invalid") | (400, "totp-invalid") => Self::TwoFactorInvalid,
            (401, _) => Self::NotLoggedIn,
            _ => Self::Other {
                status,
                message: json
                    .get("error")
                    .or_else(|| json.get("message"))
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_owned(),
            },
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Self::NotLoggedIn => f.write_str(
                "The server did not accept this user ID and auth token. Check both and sign in again.",
            ),
            Self::TwoFactorRequired => {
                f.write_str("The server asks for a two-factor code. Enter the current code and try again.")
            }
            Self::TwoFactorInvalid => f.write_str(
                "The two-factor code was not accepted. Enter the current code from your authenticator app.",
            ),
            Self::Network => f.write_str(
                "The server could not be reached. Check the server URL and your connection, then retry.",
            ),
            Self::Other { status, message } if message.is_empty() => {
                write!(f, "The server answered with status {status}. Retry, or ask the server's administrator.")
            }
            Self::Other { status, message } => write!(f, "The server answered {status}: {message}"),
        }
    }
}
