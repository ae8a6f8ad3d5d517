//! Two-factor checks as in `checkCodeForUser` (contract §3): TOTP with backup codes,
//! single-use email codes, the password fallback and the remembered window.

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::accounts::{Account, Accounts, EmailCode};
use crate::generator::Rng;
use crate::json::{iso_ms, OVal, Obj};

/// Accounts_TwoFactorAuthentication_Max_Invalid_Email_Code_Attempts.
pub const MAX_EMAIL_ATTEMPTS: u32 = 5;
/// Accounts_TwoFactorAuthentication_By_Email_Code_Expiration, seconds.
pub const EMAIL_CODE_TTL_S: i64 = 3600;

/// A failed check: the Meteor error code, its reason, and the details object.
#[derive(Debug)]
pub struct TwoFaError {
    pub error: &'static str,
    pub reason: &'static str,
    pub details: Obj,
}

/// What identifies "the same client" for the remembered window: IP and user agent.
pub fn fingerprint(ip: &str, user_agent: &str) -> u64 {
    let h = Sha256::digest(format!("{user_agent}\u{0}{ip}").as_bytes());
    u64::from_le_bytes(h[..8].try_into().expect("8 bytes"))
}

pub fn sha256_hex(s: &str) -> String {
    Sha256::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Method {
    Totp,
    Email,
    Password,
}

impl Method {
    fn name(self) -> &'static str {
        match self {
            Method::Totp => "totp",
            Method::Email => "email",
            Method::Password => "password",
        }
    }
}

/// One 2FA check request.
pub struct Check<'a> {
    pub user_id: &'a str,
    /// The login token, when the call is authenticated (REST calls; not `POST login`).
    pub token: Option<&'a str>,
    pub code: Option<&'a str>,
    pub method: Option<&'a str>,
    pub fingerprint: u64,
    pub now_ms: i64,
    pub remember_for_s: i64,
    /// `POST login` passes `disablePasswordFallback: true`.
    pub disable_password_fallback: bool,
    /// Accounts_TwoFactorAuthentication_Enabled (`--twofa`).
    pub enabled: bool,
}

/// `processInvalidCode`: email generates (and "mails") a code when none is pending.
fn process_invalid_code(
    m: Method,
    u: &mut Account,
    outbox: &mut std::collections::HashMap<String, String>,
    now: i64,
    rng: &mut Rng,
) -> Vec<(&'static str, Value)> {
    if m != Method::Email {
        return vec![("codeGenerated", false.into())];
    }
    if u.email_code.as_ref().is_some_and(|c| c.expire_ms < now) {
        u.email_code = None;
    }
    let email_or_username = u.username.clone();
    if let Some(c) = &u.email_code {
        if c.expire_ms > now - 5 * 60_000 && c.attempts < MAX_EMAIL_ATTEMPTS {
            return vec![
                ("emailOrUsername", email_or_username.into()),
                ("codeGenerated", false.into()),
                ("codeExpires", iso_ms(c.expire_ms).into()),
            ];
        }
    }
    let code = format!("{:06}", rng.next_u64() % 1_000_000);
    println!(
        "rc-sim: email 2FA code for {} <{}>: {}-{}",
        u.username,
        u.email,
        &code[..3],
        &code[3..]
    );
    outbox.insert(u.username.clone(), code.clone());
    u.email_code = Some(EmailCode {
        code,
        expire_ms: now + EMAIL_CODE_TTL_S * 1000,
        attempts: 0,
    });
    vec![
        ("codeGenerated", true.into()),
        ("emailOrUsername", email_or_username.into()),
    ]
}

fn verify(m: Method, u: &mut Account, code: &str, now: i64) -> bool {
    match m {
        Method::Totp => {
            let Some(totp) = &u.totp else { return false };
            if code.len() == 8 {
                // 8 characters are a backup code, spent on use.
                return match u.backup_codes.iter().position(|c| c == code) {
                    Some(i) => {
                        u.backup_codes.remove(i);
                        true
                    }
                    None => false,
                };
            }
            totp.check(code, (now / 1000).max(0) as u64)
        }
        Method::Email => {
            if !u.email2fa {
                return false;
            }
            let Some(c) = &mut u.email_code else {
                return false;
            };
            let digits: String = code.chars().filter(|c| c.is_ascii_digit()).collect();
            if c.expire_ms < now {
                return false;
            }
            if digits == c.code {
                u.email_code = None;
                return true;
            }
            c.attempts += 1;
            false
        }
        Method::Password => sha256_hex(&u.password) == code.to_lowercase(),
    }
}

/// Runs the check; on success a token-bound call is remembered for `remember_for_s`.
pub fn check(accts: &mut Accounts, rng: &mut Rng, c: &Check) -> Result<(), TwoFaError> {
    // checkCodeForUser returns true before anything else when the workspace setting is off:
    // no user lookup, no password fallback, a code sent anyway is not even looked at
    // (apps/meteor/server/lib/2fa/code/index.ts).
    if !c.enabled {
        return Ok(());
    }
    if let Some(tok) = c.token.and_then(|t| accts.tokens.get(t)) {
        if tok.bypass_2fa {
            return Ok(());
        }
        if let Some((until, fp)) = tok.remembered {
            if until >= c.now_ms && fp == c.fingerprint {
                return Ok(());
            }
        }
    }
    let Accounts {
        users,
        email_outbox,
        tokens,
    } = accts;
    let Some(u) = users.iter_mut().find(|u| u.id == c.user_id) else {
        return Err(TwoFaError {
            error: "totp-user-not-found",
            reason: "TOTP User not found",
            details: Obj::new(),
        });
    };
    let available = u.available_methods();
    // getMethodByNameOrFirstActiveForUser (apps/meteor/server/lib/2fa/code/index.ts): a
    // name in checkMethods (totp, email; case-sensitive) is used without asking whether the
    // user has it; `verify` then fails (isEnabled) and email still mails a code. Any other
    // name is ignored: the first enabled method, else the password fallback.
    let method = match c.method {
        Some("totp") => Some(Method::Totp),
        Some("email") => Some(Method::Email),
        _ => match available.first() {
            Some(&"totp") => Some(Method::Totp),
            Some(_) => Some(Method::Email),
            None if !c.disable_password_fallback => Some(Method::Password),
            None => None,
        },
    };
    let Some(m) = method else { return Ok(()) };
    let data = process_invalid_code(m, u, email_outbox, c.now_ms, rng);
    let details = || {
        let mut d = Obj::new().v("method", m.name());
        for (k, v) in &data {
            d.push(k, OVal::V(v.clone()));
        }
        d.v("availableMethods", available.clone())
    };
    let code = c.code.unwrap_or("");
    if code.is_empty() {
        return Err(TwoFaError {
            error: "totp-required",
            reason: "TOTP Required",
            details: details(),
        });
    }
    if !verify(m, u, code, c.now_ms) {
        let max = m == Method::Email
            && u.email_code
                .as_ref()
                .is_some_and(|e| e.attempts >= MAX_EMAIL_ATTEMPTS);
        return Err(if max {
            TwoFaError {
                error: "totp-max-attempts",
                reason: "TOTP Maximun Failed Attempts Reached",
                details: details(),
            }
        } else {
            TwoFaError {
                error: "totp-invalid",
                reason: "TOTP Invalid",
                details: details(),
            }
        });
    }
    if c.remember_for_s > 0 {
        if let Some(tok) = c.token.and_then(|t| tokens.get_mut(t)) {
            tok.remembered = Some((c.now_ms + c.remember_for_s * 1000, c.fingerprint));
        }
    }
    Ok(())
}
