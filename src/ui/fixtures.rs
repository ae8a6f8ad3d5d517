//! Fixtures shared by the shell's native tests: a fetch result and a 2FA challenge.

use crate::api::wire::Session;
use crate::api::{ApiError, FetchResult, TwoFactorChallenge, TwoFactorMethod};
use crate::grid::Sessions;

/// A complete fetch of these session ids, out of `total`.
pub fn result(ids: &[&str], total: u64) -> Box<FetchResult<Sessions>> {
    let rows = ids.iter().map(|id| Session {
        id: Some((*id).into()),
        ..Session::default()
    });
    Box::new(FetchResult {
        sessions: Sessions::from_wire(rows, 0),
        total,
        shortfall: None,
        surplus: 0,
        malformed_rows: 0,
        duplicates: 0,
        rounds: 1,
        requests: 1,
        disagreement: None,
    })
}

/// The server asking for a code by `method`.
pub fn required(method: TwoFactorMethod, available: Vec<TwoFactorMethod>) -> ApiError {
    ApiError::TwoFactorRequired(TwoFactorChallenge {
        method,
        available,
        code_generated: false,
        email_hint: None,
    })
}
