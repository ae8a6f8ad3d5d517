//! What the shell says, to people and to hosts: load progress, why sessions are missing,
//! which second factor to ask for, which errors deserve a Retry, and stable error names.

use crate::api::{
    ApiError, CountDisagreement, FetchResult, Progress, Shortfall, ShortfallReason,
    TwoFactorChallenge, TwoFactorMethod,
};
use crate::grid::Sessions;
use crate::i18n::{Lang, Said};
use crate::tr;

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

/// What the shortfall note says of a result: its numbers, without its rows.
#[derive(Clone)]
struct ShortfallNote {
    shown: usize,
    total: u64,
    shortfall: Option<Shortfall>,
    disagreement: Option<CountDisagreement>,
}

impl ShortfallNote {
    fn of(result: &FetchResult<Sessions>) -> Option<ShortfallNote> {
        if result.shortfall.is_none() && result.disagreement.is_none() {
            return None;
        }
        Some(ShortfallNote {
            shown: result.sessions.len(),
            total: result.total,
            shortfall: result.shortfall.clone(),
            disagreement: result.disagreement,
        })
    }

    fn text(&self, lang: Lang) -> String {
        let note = self.disagreement.map(|d| d.text(lang));
        let Some(s) = &self.shortfall else {
            return note.unwrap_or_default();
        };
        let text = self.shortfall_only(lang, s);
        match note {
            Some(note) => tr!(lang, TWO_NOTES, first = &note, second = &text),
            None => text,
        }
    }

    fn shortfall_only(&self, lang: Lang, s: &Shortfall) -> String {
        let only_cap = !s.reasons.is_empty()
            && s.reasons
                .iter()
                .all(|r| matches!(r, ShortfallReason::Capped { .. }));
        if only_cap {
            return tr!(lang, SHOWING_NEWEST, n = self.shown, total = self.total);
        }
        s.text(lang)
    }
}

/// The note shown above the table when not every session could be loaded.
pub fn shortfall_text(lang: Lang, result: &FetchResult<Sessions>) -> Option<String> {
    ShortfallNote::of(result).map(|n| n.text(lang))
}

/// The same note, kept in state and said in the language of the moment.
pub fn shortfall_said(result: &FetchResult<Sessions>) -> Option<Said> {
    let note = ShortfallNote::of(result)?;
    Some(Said::new(move |lang| note.text(lang)))
}

/// Above the rows a first load has read so far: "Loading… 12,000 of 100,000 — results so far".
pub fn partial_text(lang: Lang, p: &Progress) -> String {
    match p.target {
        Some(t) => tr!(lang, PARTIAL_OF, n = p.loaded, total = t),
        None => tr!(lang, PARTIAL, n = p.loaded),
    }
}

/// "Loaded 1,234 of 20,000 sessions", or what happens before the total is known.
pub fn progress_text(lang: Lang, p: &Progress) -> String {
    match p.target {
        None if p.loaded == 0 => tr!(lang, CONTACTING),
        // The server sent no usable count: the pages decide when the list ends.
        None => tr!(lang, PROGRESS_LOADED, n = p.loaded),
        Some(t) if p.round > 1 => tr!(lang, PROGRESS_AGAIN, n = p.loaded.min(t), total = t),
        Some(t) => tr!(lang, PROGRESS_OF, n = p.loaded.min(t), total = t),
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
