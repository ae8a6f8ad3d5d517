//! ApiCtx: how components call the server without knowing about 2FA. A call that the server
//! answers with a 2FA challenge is parked while the shell asks for a code in place, then
//! retried with it; the component only ever awaits the final result.
//!
//! CONTRACT between the shell (app.rs) and the workspace (table side): the workspace calls
//! `ctx.session_info(id).await` and `ctx.logout_session(id).await`; the shell provides the
//! context (`ContextProvider<ApiCtx>`) and renders the code prompt.

use crate::api::{wire::Session, ApiError, CancelHandle, Client, SecondFactor, TwoFactorMethod};
use futures::channel::oneshot;
use futures::future::{self, Either};
use std::cell::{Cell, RefCell};
use std::fmt;
use std::future::Future;
use std::rc::Rc;
use yew::Callback;

/// One signed-in account's calls. `end()` (sign-out, new credentials, unmount) cancels every
/// call made through it, a prompt it waits on included, so nothing keeps the token alive.
#[derive(Clone)]
pub struct ApiCtx {
    client: Rc<Client>,
    prompts: Option<Rc<PromptHub>>,
    scope: CancelHandle,
}

impl PartialEq for ApiCtx {
    fn eq(&self, other: &Self) -> bool {
        let same_prompts = match (&self.prompts, &other.prompts) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        Rc::ptr_eq(&self.client, &other.client) && same_prompts
    }
}

impl fmt::Debug for ApiCtx {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("ApiCtx")
            .field("client", &self.client)
            .finish_non_exhaustive()
    }
}

impl ApiCtx {
    /// Without a prompt: a 2FA challenge comes back as the error (tests, tools).
    pub fn new(client: Rc<Client>) -> Self {
        Self {
            client,
            prompts: None,
            scope: CancelHandle::new(),
        }
    }

    /// With the shell's prompt: a challenge is answered in place and the call repeated.
    pub fn with_prompts(client: Rc<Client>, prompts: Rc<PromptHub>) -> Self {
        Self {
            client,
            prompts: Some(prompts),
            scope: CancelHandle::new(),
        }
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    pub fn client_rc(&self) -> Rc<Client> {
        self.client.clone()
    }

    /// `sessions/info.admin`, with the in-place 2FA prompt on a challenge.
    pub async fn session_info(&self, session_id: &str) -> Result<Session, ApiError> {
        let client = &*self.client;
        self.prompted(|second| async move { client.session_info(session_id, &second).await })
            .await
    }

    /// `sessions/logout`, with the in-place 2FA prompt on a challenge.
    pub async fn logout_session(&self, session_id: &str) -> Result<(), ApiError> {
        let client = &*self.client;
        self.prompted(|second| async move { client.logout_session(session_id, &second).await })
            .await
    }

    /// One page of `sessions/list.all` with the server's `filter`, with the in-place 2FA prompt
    /// on a challenge (the logout report's verification).
    pub async fn list_page(
        &self,
        offset: u64,
        count: u64,
        filter: &str,
    ) -> Result<crate::api::wire::SessionsPage, ApiError> {
        let client = &*self.client;
        let scope = &self.scope;
        self.prompted(|second| async move {
            client
                .list_page(offset, count, filter, &second, Some(scope))
                .await
        })
        .await
    }

    /// `call` without a second factor first, then with whatever the admin answers a challenge
    /// with in the prompt.
    async fn prompted<T, F, Fut>(&self, call: F) -> Result<T, ApiError>
    where
        F: FnMut(SecondFactor) -> Fut,
        Fut: Future<Output = Result<T, ApiError>>,
    {
        let work = answering(
            self.prompts.as_deref(),
            SecondFactor::None,
            Some(&self.scope),
            None,
            call,
        );
        match future::select(Box::pin(work), self.scope.cancelled()).await {
            Either::Left((result, _)) => result.map(|(value, _)| value),
            Either::Right(_) => Err(ApiError::Cancelled),
        }
    }

    /// Ends the account's scope: every call through it answers `Cancelled` at once and sends
    /// nothing more.
    pub fn end(&self) {
        self.scope.cancel();
    }

    pub fn is_ended(&self) -> bool {
        self.scope.is_cancelled()
    }
}

/// Runs `call` with `first`; on a 2FA challenge asks `prompts` (or, once, answers a password
/// challenge with `password` typed at sign-in) and calls again with the answer. Returns the
/// result and the second factor that was accepted. Cancelling the prompt returns the
/// challenge's own error; cancelling `cancel` returns `Cancelled`.
pub async fn answering<T, F, Fut>(
    prompts: Option<&PromptHub>,
    first: SecondFactor,
    cancel: Option<&CancelHandle>,
    mut password: Option<String>,
    mut call: F,
) -> Result<(T, SecondFactor), ApiError>
where
    F: FnMut(SecondFactor) -> Fut,
    Fut: Future<Output = Result<T, ApiError>>,
{
    let mut second = first;
    loop {
        let err = match call(second.clone()).await {
            Ok(v) => return Ok((v, second)),
            Err(e) => e,
        };
        let Some(challenge) = err.challenge() else {
            return Err(err);
        };
        let method = super::words::method_to_ask(challenge);
        if method == TwoFactorMethod::Password {
            if let Some(p) = password.take() {
                second = SecondFactor::Password(p);
                continue;
            }
        }
        let Some(prompts) = prompts else {
            return Err(err);
        };
        let typed = match cancel {
            Some(c) => match future::select(Box::pin(prompts.ask(&err)), c.cancelled()).await {
                Either::Left((typed, _)) => typed,
                Either::Right(_) => return Err(ApiError::Cancelled),
            },
            None => prompts.ask(&err).await,
        };
        match typed {
            Some(typed) => second = SecondFactor::answer(&method, typed),
            None => return Err(err),
        }
    }
}

/// The one place a code is asked for. Callers waiting at the same time share one prompt
/// (one TOTP code serves them all); the answer, or the cancel, goes to each of them.
pub struct PromptHub {
    next_id: Cell<u64>,
    open_id: Cell<Option<u64>>,
    waiters: RefCell<Vec<oneshot::Sender<Option<String>>>>,
    /// `(id, the error to answer)`: the shell shows the prompt.
    on_open: RefCell<Callback<(u64, ApiError)>>,
    /// The shell hides prompt `id`.
    on_close: RefCell<Callback<u64>>,
}

impl PromptHub {
    pub fn new(on_open: Callback<(u64, ApiError)>, on_close: Callback<u64>) -> Self {
        Self {
            next_id: Cell::new(0),
            open_id: Cell::new(None),
            waiters: RefCell::new(Vec::new()),
            on_open: RefCell::new(on_open),
            on_close: RefCell::new(on_close),
        }
    }

    /// Shows the prompt for `error` and waits for the answer (`None` = cancelled).
    pub fn ask(&self, error: &ApiError) -> impl Future<Output = Option<String>> {
        let (tx, rx) = oneshot::channel();
        self.waiters.borrow_mut().push(tx);
        let id = match self.open_id.get() {
            Some(id) => id,
            None => {
                let id = self.next_id.get() + 1;
                self.next_id.set(id);
                self.open_id.set(Some(id));
                id
            }
        };
        // Re-sent when already open: the latest error (a wrong code) is what to show.
        let on_open = self.on_open.borrow().clone();
        on_open.emit((id, error.clone()));
        async move { rx.await.ok().flatten() }
    }

    /// Cancels any prompt and lets go of the shell: its callbacks hold the shell's state,
    /// which holds every account's `ApiCtx`, which holds this hub — a cycle that would keep
    /// an unmounted widget's client (its token) and rows alive for the page's life.
    pub fn detach(&self) {
        self.answer(None);
        *self.on_open.borrow_mut() = Callback::noop();
        *self.on_close.borrow_mut() = Callback::noop();
    }

    /// The id of the prompt on screen, if any.
    pub fn open_id(&self) -> Option<u64> {
        self.open_id.get()
    }

    /// Hands `typed` (or the cancel) to everyone waiting and hides the prompt.
    pub fn answer(&self, typed: Option<String>) {
        let waiters = std::mem::take(&mut *self.waiters.borrow_mut());
        for w in waiters {
            let _ = w.send(typed.clone());
        }
        if let Some(id) = self.open_id.take() {
            let on_close = self.on_close.borrow().clone();
            on_close.emit(id);
        }
    }

    /// Hides the prompt when nobody waits on it any more (their calls were cancelled).
    pub fn prune(&self) {
        let empty = {
            let mut waiters = self.waiters.borrow_mut();
            waiters.retain(|w| !w.is_canceled());
            waiters.is_empty()
        };
        if empty {
            if let Some(id) = self.open_id.take() {
                let on_close = self.on_close.borrow().clone();
                on_close.emit(id);
            }
        }
    }
}

#[cfg(test)]
#[path = "api_ctx_tests.rs"]
mod tests;
