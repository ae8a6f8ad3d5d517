//! ApiCtx: how components call the server without knowing about 2FA. A call that the server
//! answers with a 2FA challenge is parked while the shell asks for a code in place, then
//! retried with it; the component only ever awaits the final result.
//!
//! CONTRACT between the shell (app.rs) and the workspace (table side): the workspace calls
//! `ctx.session_info(id).await` and `ctx.logout_session(id).await`; the shell provides the
//! context (`ContextProvider<ApiCtx>`) and renders the code prompt.

use crate::api::{wire::Session, ApiError, Client};
use std::rc::Rc;

#[derive(Clone)]
pub struct ApiCtx {
    client: Rc<Client>,
}

impl PartialEq for ApiCtx {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.client, &other.client)
    }
}

impl ApiCtx {
    pub fn new(client: Rc<Client>) -> Self {
        Self { client }
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    /// `sessions/info.admin`, with the in-place 2FA prompt on a challenge.
    pub async fn session_info(&self, session_id: &str) -> Result<Session, ApiError> {
        // Stub: no prompt yet; the shell side replaces this with prompt-and-retry.
        self.client
            .session_info(session_id, &crate::api::SecondFactor::None)
            .await
    }

    /// `sessions/logout`, with the in-place 2FA prompt on a challenge.
    pub async fn logout_session(&self, session_id: &str) -> Result<(), ApiError> {
        self.client
            .logout_session(session_id, &crate::api::SecondFactor::None)
            .await
    }
}
