//! What the shell says, to people and to hosts: load progress, why sessions are missing,
//! which second factor to ask for, which errors deserve a Retry, and stable error names.

use crate::api::{
    ApiError, FetchResult, Progress, ShortfallReason, TwoFactorChallenge, TwoFactorMethod,
};
use crate::grid::{thousands, Sessions};

/// What the prompt asks for. The server's `method` decides, except when it names a method
/// the user does not have (a code typed as TOTP for an e-mail user): then the user's own one.
pub fn method_to_ask(c: &TwoFactorChallenge) -> TwoFactorMethod {
    if c.method == TwoFactorMethod::Password || c.available.contains(&c.method) {
        return c.method.clone();
    }
    match c.available.first() {
        Some(m) => m.clone(),
        // No method of its own: the password fallback.
        None if c.method == TwoFactorMethod::Totp => TwoFactorMethod::Password,
        None => c.method.clone(),
    }
}

/// The note shown above the table when not every session could be loaded.
pub fn shortfall_text(result: &FetchResult<Sessions>) -> Option<String> {
    let note = match (&result.shortfall, &result.disagreement) {
        (None, None) => return None,
        (None, Some(d)) => return Some(d.to_string()),
        (Some(_), Some(d)) => Some(d.to_string()),
        (Some(_), None) => None,
    };
    let s = result.shortfall.as_ref()?;
    let text = shortfall_only(result, s);
    Some(match note {
        Some(note) => format!("{note} {text}"),
        None => text,
    })
}

fn shortfall_only(result: &FetchResult<Sessions>, s: &crate::api::Shortfall) -> String {
    let only_cap = !s.reasons.is_empty()
        && s.reasons
            .iter()
            .all(|r| matches!(r, ShortfallReason::Capped { .. }));
    if only_cap {
        return format!(
            "Showing the newest {} of {} sessions: loading stopped at the \"Load at most\" limit.",
            thousands(result.sessions.len()),
            thousands(usize::try_from(result.total).unwrap_or(usize::MAX))
        );
    }
    s.to_string()
}

/// Above the rows a first load has read so far: "Loading… 12,000 of 100,000 — results so far".
pub fn partial_text(p: &Progress) -> String {
    let n = |v: u64| thousands(usize::try_from(v).unwrap_or(usize::MAX));
    match p.target {
        Some(t) => format!("Loading… {} of {} — results so far", n(p.loaded), n(t)),
        None => format!("Loading… {} so far — results so far", n(p.loaded)),
    }
}

/// "Loaded 1,234 of 20,000 sessions", or what happens before the total is known.
pub fn progress_text(p: &Progress) -> String {
    let n = |v: u64| thousands(usize::try_from(v).unwrap_or(usize::MAX));
    match p.target {
        None if p.loaded == 0 => "Contacting the server…".into(),
        // The server sent no usable count: the pages decide when the list ends.
        None => format!("Loaded {} sessions", n(p.loaded)),
        Some(t) if p.round > 1 => format!(
            "Loaded {} of {} sessions (reading again: new logins moved the list)",
            n(p.loaded.min(t)),
            n(t)
        ),
        Some(t) => format!("Loaded {} of {} sessions", n(p.loaded.min(t)), n(t)),
    }
}

/// A stable short name of an error, for the host's `rcdm:error` event.
pub fn error_kind(e: &ApiError) -> &'static str {
    match e {
        ApiError::NotLoggedIn => "not-logged-in",
        ApiError::BadCredentials => "bad-credentials",
        ApiError::LoginBlocked => "login-blocked",
        ApiError::Forbidden => "forbidden",
        ApiError::NoLicence => "no-licence",
        ApiError::InvalidParams { .. } => "invalid-params",
        ApiError::TwoFactorRequired(_) => "two-factor-required",
        ApiError::TwoFactorInvalid(_) => "two-factor-invalid",
        ApiError::TwoFactorMaxAttempts => "two-factor-max-attempts",
        ApiError::SessionNotFound => "session-not-found",
        ApiError::CodeEveryCall => "two-factor-every-call",
        ApiError::WrongSession => "wrong-session",
        ApiError::TooLarge { .. } => "too-large",
        ApiError::EndpointMissing => "endpoint-missing",
        ApiError::RateLimited { .. } => "rate-limited",
        ApiError::InvalidSort => "invalid-sort",
        ApiError::InvalidSortKeys => "invalid-sort-keys",
        ApiError::InvalidInput { .. } => "invalid-input",
        ApiError::Network => "network",
        ApiError::LikelyCors { .. } => "likely-cors",
        ApiError::Timeout { .. } => "timeout",
        ApiError::NotJson { .. } => "not-json",
        ApiError::BadShape { .. } => "bad-shape",
        ApiError::Server { .. } => "server",
        ApiError::Cancelled => "cancelled",
        ApiError::Other { .. } => "other",
    }
}

/// Retrying the same request can help (as opposed to fixing what was typed).
pub fn worth_retrying(e: &ApiError) -> bool {
    e.is_retryable()
        || matches!(
            e,
            ApiError::NotJson { .. }
                | ApiError::TwoFactorRequired(_)
                | ApiError::TwoFactorInvalid(_)
                | ApiError::TwoFactorMaxAttempts
                | ApiError::TooLarge { .. }
                | ApiError::Other { .. }
        )
}

#[cfg(test)]
#[path = "words_tests.rs"]
mod tests;
