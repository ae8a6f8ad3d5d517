//! The built-in users, their login tokens and per-token 2FA memory.
//!
//! Each user stands for one case the app must handle: an admin with TOTP, a user without the
//! permission, a user with no 2FA method (password fallback), a user with email 2FA, a viewer
//! who may look but not log devices out, and a personal access token that skips 2FA.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::json;
use totp_rs::{Algorithm, Secret, TOTP};

use crate::config::Config;
use crate::json::Obj;
use crate::model::{device_obj, raw, DeviceInfo, Session, UserView};
use crate::store::UserRec;

pub const VIEW: &str = "view-device-management";
pub const LOGOUT: &str = "logout-device-management";

/// The admin's single-use 8-character backup codes.
pub const ADMIN_BACKUP_CODES: [&str; 6] = [
    "a1b2c3d4", "e5f6a7b8", "c9d0e1f2", "a3b4c5d6", "e7f8a9b0", "b1c2d3e4",
];
/// A personal access token of the admin created with "Ignore Two Factor Authentication".
pub const ADMIN_PAT: &str = "rcsim-pat-admin-bypass2fa-0123456789abcdef";

#[derive(Debug, Clone)]
pub struct EmailCode {
    pub code: String,
    pub expire_ms: i64,
    pub attempts: u32,
}

#[derive(Debug, Clone)]
pub struct Account {
    pub id: String,
    pub username: String,
    pub name: String,
    pub password: String,
    pub email: String,
    pub roles: Vec<&'static str>,
    pub perms: Vec<&'static str>,
    pub totp: Option<TOTP>,
    pub backup_codes: Vec<String>,
    pub email2fa: bool,
    pub email_code: Option<EmailCode>,
    /// The token this user is "logged in" with from the start.
    pub token: String,
    pub session_id: String,
}

impl Account {
    pub fn is_admin(&self) -> bool {
        self.roles.contains(&"admin")
    }
    pub fn has(&self, perm: &str) -> bool {
        self.perms.contains(&perm)
    }
    /// The `getAvailableMethodNames` order: totp, then email.
    pub fn available_methods(&self) -> Vec<&'static str> {
        let mut m = Vec::new();
        if self.totp.is_some() {
            m.push("totp");
        }
        if self.email2fa {
            m.push("email");
        }
        m
    }
    pub fn me_json(&self) -> serde_json::Value {
        json!({
            "_id": self.id, "username": self.username, "name": self.name,
            "emails": [{"address": self.email, "verified": true}],
            "status": "online", "active": true, "roles": self.roles, "type": "user",
            "utcOffset": 0, "statusConnection": "online",
        })
    }
    pub fn user_view(&self) -> Arc<UserView> {
        Arc::new(UserView::from_raw(raw(&Obj::new()
            .v("username", self.username.as_str())
            .v("name", self.name.as_str()))))
    }
    pub fn user_rec(&self) -> UserRec {
        UserRec {
            id: self.id.as_str().into(),
            username: self.username.clone(),
            name: Some(self.name.clone()),
            nickname: None,
            active: true,
        }
    }
}

/// A login token: who it belongs to, its session, and its remembered 2FA window.
#[derive(Debug, Clone)]
pub struct TokenRec {
    pub user_id: String,
    pub session_id: Option<String>,
    pub bypass_2fa: bool,
    /// (authorized until, epoch ms; fingerprint of IP + user agent).
    pub remembered: Option<(i64, u64)>,
}

#[derive(Debug, Clone)]
pub struct Accounts {
    pub users: Vec<Account>,
    pub tokens: HashMap<String, TokenRec>,
    /// Latest email code per username, for the log and `GET /_sim/email-codes`.
    pub email_outbox: HashMap<String, String>,
}

pub fn totp_for(secret_b32: &str) -> Result<TOTP, String> {
    let bytes = Secret::Encoded(secret_b32.trim().to_uppercase())
        .to_bytes()
        .map_err(|e| format!("--admin-totp-secret is not base32: {e:?}"))?;
    if bytes.is_empty() {
        return Err("--admin-totp-secret is empty".into());
    }
    Ok(TOTP::new_unchecked(Algorithm::SHA1, 6, 1, 30, bytes))
}

#[allow(clippy::too_many_arguments)]
fn account(
    id: &str,
    username: &str,
    name: &str,
    password: &str,
    roles: Vec<&'static str>,
    perms: Vec<&'static str>,
    token: &str,
    session_id: &str,
) -> Account {
    Account {
        id: id.into(),
        username: username.into(),
        name: name.into(),
        password: password.into(),
        email: format!("{username}@rcsim.example"),
        roles,
        perms,
        totp: None,
        backup_codes: Vec::new(),
        email2fa: false,
        email_code: None,
        token: token.into(),
        session_id: session_id.into(),
    }
}

impl Accounts {
    pub fn builtin(cfg: &Config) -> Result<Self, String> {
        let mut admin = account(
            &cfg.admin_user_id,
            "admin",
            "Administrator",
            "admin-password",
            vec!["admin", "user"],
            vec![VIEW, LOGOUT, "api-bypass-rate-limit"],
            &cfg.admin_token,
            "rcsimAdminSessn01",
        );
        admin.totp = Some(totp_for(&cfg.admin_totp_secret)?);
        admin.backup_codes = ADMIN_BACKUP_CODES.iter().map(|s| s.to_string()).collect();
        let plain = account(
            "rcsimPlainUser001",
            "plain",
            "Plain User",
            "plain-password",
            vec!["user"],
            vec![],
            "rcsim-plain-token-0123456789abcdefghijklmn",
            "rcsimPlainSessn01",
        );
        let no2fa = account(
            "rcsimNo2faUser001",
            "no2fa",
            "No Twofactor",
            "no2fa-password",
            vec!["user", "device-admin"],
            vec![VIEW, LOGOUT],
            "rcsim-no2fa-token-0123456789abcdefghijklmn",
            "rcsimNo2faSessn01",
        );
        let mut email = account(
            "rcsimEmailUser001",
            "emailuser",
            "Email Twofactor",
            "email-password",
            vec!["user", "device-admin"],
            vec![VIEW, LOGOUT],
            "rcsim-email-token-0123456789abcdefghijklmn",
            "rcsimEmailSessn01",
        );
        email.email2fa = true;
        let viewer = account(
            "rcsimViewerUser01",
            "viewer",
            "Device Viewer",
            "viewer-password",
            vec!["user", "device-viewer"],
            vec![VIEW],
            "rcsim-viewer-token-0123456789abcdefghijklm",
            "rcsimViewerSess01",
        );
        let users = vec![admin, plain, no2fa, email, viewer];
        let mut tokens = HashMap::new();
        for u in &users {
            tokens.insert(
                u.token.clone(),
                TokenRec {
                    user_id: u.id.clone(),
                    session_id: Some(u.session_id.clone()),
                    bypass_2fa: false,
                    remembered: None,
                },
            );
        }
        tokens.insert(
            ADMIN_PAT.into(),
            TokenRec {
                user_id: cfg.admin_user_id.clone(),
                session_id: None,
                bypass_2fa: true,
                remembered: None,
            },
        );
        Ok(Accounts {
            users,
            tokens,
            email_outbox: HashMap::new(),
        })
    }

    pub fn user(&self, id: &str) -> Option<&Account> {
        self.users.iter().find(|u| u.id == id)
    }

    pub fn user_mut(&mut self, id: &str) -> Option<&mut Account> {
        self.users.iter_mut().find(|u| u.id == id)
    }

    /// The session rows of the built-in logins, so "own session" exists in every data set.
    pub fn own_sessions(&self, now_ms: i64) -> Vec<Session> {
        let dev = Arc::new(DeviceInfo::from_raw(raw(&device_obj(
            "browser",
            "Chrome",
            "131.0.0.0",
            "Linux",
            None,
            "131.0.0",
        ))));
        self.users
            .iter()
            .enumerate()
            .map(|(i, u)| Session {
                session_id: u.session_id.as_str().into(),
                user_id: u.id.as_str().into(),
                device: dev.clone(),
                host: Some("localhost:3000".into()),
                ip: Some("127.0.0.1".into()),
                login_at: now_ms - 60_000 * (i as i64 + 1),
                user: Some(u.user_view()),
                extra: None,
            })
            .collect()
    }
}
