//! Signing in: a user ID and token (with a typed or e-mailed code), or a username and
//! password through `POST login`, each ending in the first complete load; and what the form
//! starts with on this device.

use super::api_ctx::{answering, ApiCtx};
use super::control::Controller;
use super::remember::{self, Remembered};
use super::sign_in::{Login, SignInRequest};
use super::state::{Action, Narrowing};
use crate::api::client::validate;
use crate::api::{Client, Credentials, SecondFactor, TwoFactorMethod};
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;

impl Controller {
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
        self.dispatch(Action::LoginStarted);
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
        self.dispatch(Action::EmailRequested);
        let this = self.clone();
        spawn_local(async move {
            match Client::new(creds).request_email_code().await {
                Ok(answer) => this.dispatch(Action::EmailAnswered(answer)),
                Err(e) => this.fail_sign_in(e),
            }
        });
    }
}
