//! The HTTP client: auth headers, the 2FA header, and the calls of the contract.

use super::error::ApiError;
use super::wire::SessionsPage;
use gloo_net::http::Request;

/// What the admin typed to sign in. Held in memory only; `Debug` never shows a secret.
#[derive(Clone, PartialEq, Default)]
pub struct Credentials {
    /// Empty means the page's own origin.
    pub server: String,
    pub user_id: String,
    pub auth_token: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("server", &self.server)
            .field("user_id", &self.user_id)
            .field("auth_token", &"<redacted>")
            .finish()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Client {
    creds: Credentials,
}

impl Client {
    pub fn new(creds: Credentials) -> Self {
        Self { creds }
    }

    fn url(&self, path: &str) -> String {
        format!("{}/api/v1/{path}", self.creds.server.trim_end_matches('/'))
    }

    /// One page of `sessions/list.all`; `code` is the 2FA code, sent only when not empty.
    pub async fn list_page(&self, offset: u64, count: u64, code: &str) -> Result<SessionsPage, ApiError> {
        let mut req = Request::get(&self.url("sessions/list.all"))
            .query([("offset", offset.to_string()), ("count", count.to_string())])
            .header("X-User-Id", &self.creds.user_id)
            .header("X-Auth-Token", &self.creds.auth_token);
        if !code.is_empty() {
            req = req.header("x-2fa-code", code);
        }
        let resp = req.send().await.map_err(|_| ApiError::Network)?;
        let status = resp.status();
        let body = resp.text().await.map_err(|_| ApiError::Network)?;
        if !(200..300).contains(&status) {
            return Err(ApiError::from_response(status, &body));
        }
        serde_json::from_str(&body).map_err(|e| ApiError::Other {
            status,
            message: format!("the answer was not a sessions list ({e})"),
        })
    }
}
