//! The sign-in form's values as one struct with one reducer, and the request they make.
//! Secrets (token, password, code) live here in memory only: no `Debug`, no storage.

use super::state::{Narrowing, Prefill};
use super::store::Reduce;

#[derive(Clone, PartialEq)]
pub enum Login {
    Token { user_id: String, auth_token: String },
    Password { user: String, password: String },
}

/// What the form hands to the app; secrets stay in memory only (no `Debug`).
#[derive(Clone, PartialEq)]
pub struct SignInRequest {
    pub server: String,
    pub login: Login,
    pub code: String,
    pub narrowing: Narrowing,
    pub remember: bool,
    /// The code came by e-mail (the admin asked for one with "Send code by email").
    pub code_by_email: bool,
}

/// A text field of the form.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Field {
    Server,
    UserId,
    Token,
    Username,
    Password,
    Code,
    Filter,
    Cap,
}

#[derive(Clone, PartialEq, Default)]
pub struct Form {
    /// Username and password instead of user ID and token.
    pub with_password: bool,
    pub server: String,
    pub user_id: String,
    pub token: String,
    pub username: String,
    /// Kept exactly as typed: a password may start or end with a space.
    pub password: String,
    pub code: String,
    pub filter: String,
    pub cap: String,
    pub remember: bool,
}

pub enum FormAction {
    Edit(Field, String),
    SwitchLogin,
    Remember(bool),
    /// A host's credentials, or what a sign-out leaves: they replace the fields.
    Prefill(Prefill),
}

impl Form {
    pub fn new(p: &Prefill) -> Form {
        Form {
            with_password: p.user_id.is_empty() && !p.username.is_empty(),
            ..Form::default()
        }
        .prefilled(p)
    }

    fn prefilled(mut self, p: &Prefill) -> Form {
        self.server = p.server.clone();
        self.user_id = p.user_id.clone();
        self.token = p.auth_token.clone();
        self.username = p.username.clone();
        self.remember = p.remember;
        self.password.clear();
        self.code.clear();
        if !p.user_id.is_empty() {
            self.with_password = false;
        }
        self
    }

    pub fn value(&self, field: Field) -> &str {
        match field {
            Field::Server => &self.server,
            Field::UserId => &self.user_id,
            Field::Token => &self.token,
            Field::Username => &self.username,
            Field::Password => &self.password,
            Field::Code => &self.code,
            Field::Filter => &self.filter,
            Field::Cap => &self.cap,
        }
    }

    fn slot(&mut self, field: Field) -> &mut String {
        match field {
            Field::Server => &mut self.server,
            Field::UserId => &mut self.user_id,
            Field::Token => &mut self.token,
            Field::Username => &mut self.username,
            Field::Password => &mut self.password,
            Field::Code => &mut self.code,
            Field::Filter => &mut self.filter,
            Field::Cap => &mut self.cap,
        }
    }

    /// What "Load sessions" (or "Send code by email") asks for; identifiers are trimmed,
    /// the password is not.
    pub fn request(&self, code_by_email: bool) -> SignInRequest {
        let login = if self.with_password {
            Login::Password {
                user: self.username.trim().to_owned(),
                password: self.password.clone(),
            }
        } else {
            Login::Token {
                user_id: self.user_id.trim().to_owned(),
                auth_token: self.token.trim().to_owned(),
            }
        };
        SignInRequest {
            server: self.server.trim().to_owned(),
            login,
            code: self.code.trim().to_owned(),
            narrowing: Narrowing {
                filter: self.filter.trim().to_owned(),
                cap: self.cap.trim().parse::<u64>().ok().filter(|&n| n > 0),
            },
            remember: self.remember,
            code_by_email,
        }
    }
}

impl Reduce for Form {
    type Action = FormAction;

    fn reduce(&self, action: FormAction) -> Option<Form> {
        let mut f = self.clone();
        match action {
            FormAction::Edit(field, text) => *f.slot(field) = text,
            FormAction::SwitchLogin => f.with_password = !f.with_password,
            FormAction::Remember(on) => f.remember = on,
            FormAction::Prefill(p) => f = f.prefilled(&p),
        }
        (f != *self).then_some(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fill(f: Form, edits: &[(Field, &str)]) -> Form {
        edits.iter().fold(f, |f, (field, text)| {
            f.reduce(FormAction::Edit(*field, (*text).to_owned()))
                .unwrap_or(f)
        })
    }

    #[test]
    fn a_token_request_trims_identifiers_and_reads_the_advanced_part() {
        let f = fill(
            Form::new(&Prefill::default()),
            &[
                (Field::Server, " https://chat.example "),
                (Field::UserId, " u1 "),
                (Field::Token, " t0k "),
                (Field::Code, " 123456 "),
                (Field::Filter, " chrome "),
                (Field::Cap, "0"),
            ],
        );
        let r = f.request(false);
        assert_eq!(r.server, "https://chat.example");
        assert!(
            r.login
                == Login::Token {
                    user_id: "u1".into(),
                    auth_token: "t0k".into()
                }
        );
        assert_eq!(
            (r.code.as_str(), r.narrowing.filter.as_str()),
            ("123456", "chrome")
        );
        assert_eq!(r.narrowing.cap, None, "0 is no cap");
        let f = fill(f, &[(Field::Cap, " 500 ")]);
        assert_eq!(f.request(true).narrowing.cap, Some(500));
        assert!(f.request(true).code_by_email);
    }

    #[test]
    fn a_password_is_sent_exactly_as_typed() {
        let f = Form::new(&Prefill::default())
            .reduce(FormAction::SwitchLogin)
            .expect("switched");
        let f = fill(f, &[(Field::Username, " ann "), (Field::Password, " pw ")]);
        assert!(
            f.request(false).login
                == Login::Password {
                    user: "ann".into(),
                    password: " pw ".into()
                }
        );
    }

    #[test]
    fn a_prefill_replaces_the_fields_and_clears_the_secrets_typed() {
        let remembered = Prefill {
            username: "ann".into(),
            remember: true,
            ..Prefill::default()
        };
        let f = Form::new(&remembered);
        assert!(
            f.with_password && f.remember,
            "a remembered username signs in by password"
        );
        let f = fill(f, &[(Field::Password, "secret"), (Field::Code, "1")]);
        let host = Prefill {
            server: "https://h".into(),
            user_id: "u".into(),
            auth_token: "t".into(),
            ..Prefill::default()
        };
        let f = f.reduce(FormAction::Prefill(host)).expect("changed");
        assert!(!f.with_password);
        assert_eq!((f.value(Field::Password), f.value(Field::Code)), ("", ""));
        assert_eq!((f.value(Field::UserId), f.value(Field::Token)), ("u", "t"));
        assert!(
            f.reduce(FormAction::Remember(false)).is_none(),
            "already off"
        );
    }
}
