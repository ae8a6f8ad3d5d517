//! Who the client is to the server — credentials, the second factor, and what the server
//! says when it asks for one. Secrets are held in memory only and every `Debug` here
//! redacts them, so a stray `{:?}` cannot leak one.

use super::sanitize::sanitize;
use sha2::{Digest, Sha256};
use std::fmt;

/// What the admin typed to sign in, or what `POST login` returned.
#[derive(Clone, PartialEq, Default)]
pub struct Credentials {
    /// Empty means the page's own origin.
    pub server: String,
    pub user_id: String,
    /// A login token or a personal access token.
    pub auth_token: String,
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("server", &self.server)
            .field("user_id", &self.user_id)
            .field("auth_token", &"<redacted>")
            .finish()
    }
}

/// The second factor to send with one call. Built fresh for each attempt from what the person
/// typed; the client never stores it.
#[derive(Clone, PartialEq, Eq, Default)]
pub enum SecondFactor {
    #[default]
    None,
    /// A code from an authenticator app (or an 8-character backup code).
    Totp(String),
    /// The code the server e-mailed.
    Email(String),
    /// The account password, for users without 2FA; sent as its SHA-256.
    Password(String),
}

impl fmt::Debug for SecondFactor {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(match self {
            Self::None => "SecondFactor::None",
            Self::Totp(_) => "SecondFactor::Totp(<redacted>)",
            Self::Email(_) => "SecondFactor::Email(<redacted>)",
            Self::Password(_) => "SecondFactor::Password(<redacted>)",
        })
    }
}

impl SecondFactor {
    /// The answer to a challenge for `method`, from what the person typed. An unknown method
    /// is sent as a TOTP-style code: the server decides what it accepts.
    pub fn answer(method: &TwoFactorMethod, typed: String) -> Self {
        match method {
            TwoFactorMethod::Email => Self::Email(typed),
            TwoFactorMethod::Password => Self::Password(typed),
            TwoFactorMethod::Totp | TwoFactorMethod::Other(_) => Self::Totp(typed),
        }
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Self::None)
    }

    /// `(x-2fa-code, x-2fa-method)` for a REST call, or `None` when nothing is to be sent.
    pub fn headers(&self) -> Option<(String, &'static str)> {
        match self {
            Self::None => None,
            Self::Totp(code) => non_empty(typed_code(code)).map(|c| (c, "totp")),
            Self::Email(code) => non_empty(typed_code(code)).map(|c| (c, "email")),
            Self::Password(p) if p.is_empty() => None,
            Self::Password(p) => Some((password_code(p), "password")),
        }
    }

    /// The `code` of a `POST login` body: login checks the user's own 2FA method there and
    /// never the password fallback (the password is already in the body).
    pub fn login_code(&self) -> Option<String> {
        match self {
            Self::Totp(code) | Self::Email(code) => non_empty(typed_code(code)),
            Self::None | Self::Password(_) => None,
        }
    }

    /// The secret as typed, so error text can be scrubbed of it.
    pub(crate) fn secret(&self) -> &str {
        match self {
            Self::None => "",
            Self::Totp(s) | Self::Email(s) | Self::Password(s) => s,
        }
    }
}

/// People paste codes as "123 456" or with a trailing newline; the server wants the digits.
fn typed_code(code: &str) -> String {
    code.chars().filter(|c| !c.is_whitespace()).collect()
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// The password fallback's code: the lower-case hex SHA-256 of the password (contract §3).
pub fn password_code(password: &str) -> String {
    Sha256::digest(password.as_bytes())
        .iter()
        .fold(String::with_capacity(64), |mut hex, byte| {
            hex.push(char::from(HEX[usize::from(byte >> 4)]));
            hex.push(char::from(HEX[usize::from(byte & 0x0f)]));
            hex
        })
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// The body of `POST login`. No `Debug`: it holds the password.
#[derive(serde::Serialize)]
pub(crate) struct LoginBody<'a> {
    pub user: &'a str,
    pub password: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// Whether a header can carry `value`: the fetch API throws on anything outside visible
/// ASCII and spaces, and a throw inside gloo-net would abort the whole app.
pub(crate) fn header_safe(value: &str) -> bool {
    value.bytes().all(|b| (0x20..0x7f).contains(&b))
}

/// A second-factor method as the server names it in `details.method` / `availableMethods`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TwoFactorMethod {
    /// An authenticator app (RFC 6238 code).
    Totp,
    /// A code the server mails.
    Email,
    /// The fallback for users without 2FA: the password itself, sent hashed.
    Password,
    /// A method this client does not know (a newer server); the name is sanitised.
    Other(String),
}

impl TwoFactorMethod {
    pub fn parse(name: &str) -> Self {
        match name {
            "totp" => Self::Totp,
            "email" => Self::Email,
            "password" => Self::Password,
            other => Self::Other(sanitize(other, 32)),
        }
    }

    /// The value for the `x-2fa-method` header.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Totp => "totp",
            Self::Email => "email",
            Self::Password => "password",
            Self::Other(name) => name,
        }
    }
}

/// What the server said when it asked for (or refused) a second factor, so the UI can ask
/// for the right thing in place and retry the failed call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TwoFactorChallenge {
    /// The method the server will check the next code against.
    pub method: TwoFactorMethod,
    /// Every method the user could use instead (empty for the password fallback).
    pub available: Vec<TwoFactorMethod>,
    /// True when this very answer made the server mail a fresh code.
    pub code_generated: bool,
    /// Where the code was mailed (`details.emailOrUsername`), for "sent to …".
    pub email_hint: Option<String>,
}

impl Default for TwoFactorChallenge {
    fn default() -> Self {
        Self {
            method: TwoFactorMethod::Totp,
            available: vec![TwoFactorMethod::Totp],
            code_generated: false,
            email_hint: None,
        }
    }
}
