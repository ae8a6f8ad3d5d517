//! The shell's state and its named actions: one pure reducer (sign-in, fetch, 2FA prompt,
//! sign-out), tested natively. Effects live in `control.rs`; this file only decides.

use super::api_ctx::ApiCtx;
use super::store::{Reduce, Store};
use super::words::{method_to_ask, shortfall_said};
use super::workspace::model::Rows;
use super::workspace::LoadedData;
use crate::api::{ApiError, EmailCode, FetchResult, Generation, Progress, TwoFactorMethod};
use crate::grid::Sessions;
use crate::i18n::{k, Said};
use crate::tr;
use std::fmt;

/// Who is signed in: set by the first successful load with these credentials.
#[derive(Clone, PartialEq, Debug)]
pub struct Account {
    pub api: ApiCtx,
    pub user_id: String,
    /// As typed; empty = the page's own origin.
    pub server: String,
}

/// What narrows a load on the server (the sign-in form's "Advanced" part).
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Narrowing {
    pub filter: String,
    pub cap: Option<u64>,
}

/// The fetch under way. Messages of any other generation are stale and dropped.
#[derive(Clone, PartialEq, Debug)]
pub struct Running {
    pub generation: Generation,
    pub progress: Progress,
    /// The server asked to slow down (429): the pause before loading goes on, in ms.
    pub rate_wait_ms: Option<u64>,
    /// Becomes the signed-in account when this fetch completes.
    pub account: Account,
    pub narrowing: Narrowing,
}

/// The in-place 2FA prompt: what the server said, and how to ask for the answer.
#[derive(Clone, PartialEq, Debug)]
pub struct Prompt {
    pub id: u64,
    pub error: ApiError,
    /// What to ask for (see `method_to_ask`).
    pub method: TwoFactorMethod,
    /// Where an e-mailed code went, for "Code sent to …".
    pub email_hint: Option<String>,
}

/// Values a host or this device puts into the sign-in form. `version` changes on each.
#[derive(Clone, PartialEq, Default)]
pub struct Prefill {
    pub version: u64,
    pub server: String,
    pub user_id: String,
    /// Memory only (a host's `authToken`); never stored.
    pub auth_token: String,
    pub username: String,
    pub remember: bool,
}

impl fmt::Debug for Prefill {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("Prefill")
            .field("version", &self.version)
            .field("server", &self.server)
            .field("user_id", &self.user_id)
            .field("auth_token", &"<redacted>")
            .field("username", &self.username)
            .field("remember", &self.remember)
            .finish()
    }
}

/// A completed load as the reducer takes it: the rows already in their store (the one the
/// rows read so far were shown from, so the view, selection and focus stay), and the words
/// about it.
#[derive(Clone)]
pub struct Finished {
    pub rows: Rows,
    pub loaded: usize,
    pub total: u64,
    pub shortfall: Option<Said>,
}

impl Finished {
    /// A fetch's result; its rows go into `into` when given, else into a new store.
    pub fn new(result: FetchResult<Sessions>, into: Option<Rows>) -> Finished {
        let shortfall = shortfall_said(&result);
        let loaded = result.sessions.len();
        let rows = match into {
            Some(rows) => {
                rows.set(result.sessions);
                rows
            }
            None => Store::new(result.sessions),
        };
        Finished {
            rows,
            loaded,
            total: result.total,
            shortfall,
        }
    }
}

/// What asking for an e-mailed code from the sign-in form did.
#[derive(Clone, PartialEq, Debug)]
pub enum EmailStatus {
    Sending,
    Sent(EmailCode),
}

#[derive(Clone, PartialEq, Default)]
pub struct Shell {
    pub account: Option<Account>,
    pub data: Option<LoadedData>,
    /// How the loaded data was narrowed on the server.
    pub narrowing: Narrowing,
    pub running: Option<Running>,
    /// `POST login` is under way (before any fetch).
    pub signing_in: bool,
    pub error: Option<ApiError>,
    /// A plain remark that is not an error (a cancelled load, a sign-out hiccup).
    pub notice: Option<Said>,
    pub prompt: Option<Prompt>,
    pub email: Option<EmailStatus>,
    pub prefill: Prefill,
    /// The host's `setFilter`; the counter makes a repeated text apply again.
    pub external_search: Option<(u64, String)>,
    next_load_id: u64,
}

impl fmt::Debug for Shell {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let data = self.data.as_ref().map(|d| (d.load_id, d.loaded, d.total));
        f.debug_struct("Shell")
            .field("account", &self.account)
            .field("data (id, rows, total)", &data)
            .field("running", &self.running)
            .field("signing_in", &self.signing_in)
            .field("error", &self.error)
            .field("notice", &self.notice)
            .field("prompt", &self.prompt)
            .field("email", &self.email)
            .field("prefill", &self.prefill)
            .finish_non_exhaustive()
    }
}

pub enum Action {
    /// Credentials or remembered values for the sign-in form.
    Prefill(Prefill),
    LoginStarted,
    /// A sign-in step outside a fetch failed (login, bad input, asking for an e-mail).
    SignInFailed(ApiError),
    EmailRequested,
    EmailAnswered(EmailCode),
    FetchStarted {
        generation: Generation,
        account: Account,
        narrowing: Narrowing,
    },
    Progress(Generation, Progress),
    RateLimited(Generation, Option<u64>),
    /// The rows read so far by a first load (see `partial.rs`), and when (epoch ms).
    Partial(Generation, Rows, f64),
    /// `at_ms`: when it finished (epoch ms), passed in so the reducer stays pure.
    Loaded(Generation, Finished, f64),
    Failed(Generation, ApiError),
    /// The person pressed Cancel: the late answer of that fetch is then stale.
    CancelRequested,
    PromptOpened {
        id: u64,
        error: ApiError,
    },
    PromptHint {
        id: u64,
        email_hint: Option<String>,
    },
    PromptClosed {
        id: u64,
    },
    ExternalSearch(String),
    Notice(Option<Said>),
    /// Forget everything (sign-out, new credentials from the host); `prefill` is what the
    /// form shows next: what the admin asked this device to remember, or the host's values.
    Reset {
        prefill: Prefill,
        notice: Option<Said>,
    },
}

impl Reduce for Shell {
    type Action = Action;

    fn reduce(&self, action: Action) -> Option<Shell> {
        let mut next = self.clone();
        next.step(action).then_some(next)
    }
}

impl Shell {
    pub fn with_prefill(prefill: Prefill) -> Self {
        Self {
            prefill,
            ..Self::default()
        }
    }

    /// Applies one action to a copy; false when it changed nothing (a stale message), so
    /// nothing re-renders.
    fn step(&mut self, action: Action) -> bool {
        match action {
            Action::Prefill(p) => {
                self.prefill = Prefill {
                    version: self.prefill.version + 1,
                    ..p
                };
            }
            Action::LoginStarted => {
                self.signing_in = true;
                self.error = None;
                self.notice = None;
            }
            Action::SignInFailed(e) => {
                self.signing_in = false;
                if self.email == Some(EmailStatus::Sending) {
                    self.email = None;
                }
                self.error = Some(e);
            }
            Action::EmailRequested => {
                self.email = Some(EmailStatus::Sending);
                self.error = None;
            }
            Action::EmailAnswered(answer) => self.email = Some(EmailStatus::Sent(answer)),
            a @ (Action::FetchStarted { .. }
            | Action::Progress(..)
            | Action::RateLimited(..)
            | Action::Partial(..)
            | Action::Loaded(..)
            | Action::Failed(..)
            | Action::CancelRequested) => return self.fetch_step(a),
            a @ (Action::PromptOpened { .. }
            | Action::PromptHint { .. }
            | Action::PromptClosed { .. }) => return self.prompt_step(a),
            Action::ExternalSearch(text) => {
                let n = self.external_search.as_ref().map_or(1, |(n, _)| n + 1);
                self.external_search = Some((n, text));
            }
            Action::Notice(n) => self.notice = n,
            Action::Reset { prefill, notice } => {
                let version = self.prefill.version + 1;
                *self = Self {
                    prefill: Prefill { version, ..prefill },
                    next_load_id: self.next_load_id,
                    notice,
                    ..Self::default()
                };
            }
        }
        true
    }

    /// A load: its start, progress, end, failure or cancel; stale generations change nothing.
    fn fetch_step(&mut self, action: Action) -> bool {
        match action {
            Action::FetchStarted {
                generation,
                account,
                narrowing,
            } => {
                self.running = Some(Running {
                    generation,
                    progress: Progress::default(),
                    rate_wait_ms: None,
                    account,
                    narrowing,
                });
                self.signing_in = false;
                self.error = None;
                self.notice = None;
            }
            Action::Progress(g, p) => match self.running_mut(g) {
                Some(r) => {
                    // Progress follows every answer, the 429 too: only new rows end the pause.
                    if p.loaded > r.progress.loaded {
                        r.rate_wait_ms = None;
                    }
                    r.progress = p;
                }
                None => return false,
            },
            Action::RateLimited(g, wait) => match self.running_mut(g) {
                Some(r) => r.rate_wait_ms = Some(wait.unwrap_or(0)),
                None => return false,
            },
            Action::Partial(g, rows, at_ms) => {
                // Only a first load shows rows early; a refresh keeps the finished rows.
                if self.data.as_ref().is_some_and(|d| !d.partial) {
                    return false;
                }
                let Some(running) = self.running_mut(g) else {
                    return false;
                };
                let (account, total) = (running.account.clone(), running.progress.target);
                let loaded = rows.get().len();
                let load_id = match &self.data {
                    Some(d) if d.sessions == rows => d.load_id,
                    _ => {
                        self.next_load_id += 1;
                        self.next_load_id
                    }
                };
                self.data = Some(LoadedData {
                    load_id,
                    sessions: rows,
                    loaded,
                    total: total.unwrap_or(loaded as u64),
                    shortfall: None,
                    loaded_at_ms: at_ms,
                    partial: true,
                });
                // The credentials work: whoever signs in is signed in from the first page.
                self.account = Some(account);
            }
            Action::Loaded(g, done, at_ms) => {
                let Some(running) = self.take_running(g) else {
                    return false;
                };
                let load_id = match &self.data {
                    Some(d) if d.partial && d.sessions == done.rows => d.load_id,
                    _ => {
                        self.next_load_id += 1;
                        self.next_load_id
                    }
                };
                self.data = Some(LoadedData {
                    load_id,
                    total: done.total,
                    shortfall: done.shortfall,
                    loaded: done.loaded,
                    sessions: done.rows,
                    loaded_at_ms: at_ms,
                    partial: false,
                });
                self.account = Some(running.account);
                self.narrowing = running.narrowing;
                self.email = None;
                self.error = None;
            }
            Action::Failed(g, e) => {
                let Some(running) = self.take_running(g) else {
                    return false;
                };
                let partial = self.end_early(running);
                if e == ApiError::Cancelled {
                    self.notice = Some(cancelled_text(self.data.is_some(), partial));
                } else {
                    self.error = Some(e);
                }
            }
            Action::CancelRequested => {
                let Some(running) = self.running.take() else {
                    return false;
                };
                let partial = self.end_early(running);
                self.notice = Some(cancelled_text(self.data.is_some(), partial));
            }
            _ => return false,
        }
        true
    }

    /// The in-place 2FA prompt.
    fn prompt_step(&mut self, action: Action) -> bool {
        match action {
            Action::PromptOpened { id, error } => {
                let Some(challenge) = error.challenge() else {
                    return false;
                };
                let hint = challenge.email_hint.clone().or_else(|| {
                    // Asked for an e-mail from the form: that address still applies.
                    match &self.email {
                        Some(EmailStatus::Sent(EmailCode::Sent { to, .. })) => to.clone(),
                        _ => None,
                    }
                });
                self.prompt = Some(Prompt {
                    id,
                    method: method_to_ask(challenge),
                    email_hint: hint,
                    error,
                });
            }
            Action::PromptHint { id, email_hint } => match &mut self.prompt {
                Some(p) if p.id == id => p.email_hint = email_hint.or(p.email_hint.take()),
                _ => return false,
            },
            Action::PromptClosed { id } => match &self.prompt {
                Some(p) if p.id == id => self.prompt = None,
                _ => return false,
            },
            _ => return false,
        }
        true
    }

    /// The form may be used: nothing is being loaded or signed in.
    pub fn busy(&self) -> bool {
        self.signing_in || self.running.is_some()
    }

    /// The 2FA code typed into the sign-in form is an e-mailed one.
    pub fn email_code_requested(&self) -> bool {
        matches!(self.email, Some(EmailStatus::Sent(EmailCode::Sent { .. })))
    }

    /// A first load that ended before its end: the rows read so far stay, said to be partial.
    /// True when there were such rows.
    fn end_early(&mut self, running: Running) -> bool {
        let Some(d) = self.data.as_mut().filter(|d| d.partial) else {
            return false;
        };
        d.partial = false;
        // The count may have come after the last rows shown.
        d.total = running
            .progress
            .target
            .unwrap_or(d.total)
            .max(d.loaded as u64);
        let (n, total) = (d.loaded, d.total);
        d.shortfall = Some(Said::new(move |l| {
            tr!(l, STOPPED_BEFORE_END, n = n, total = total)
        }));
        self.narrowing = running.narrowing;
        true
    }

    fn running_mut(&mut self, g: Generation) -> Option<&mut Running> {
        self.running.as_mut().filter(|r| r.generation == g)
    }

    fn take_running(&mut self, g: Generation) -> Option<Running> {
        match &self.running {
            Some(r) if r.generation == g => self.running.take(),
            _ => None,
        }
    }
}

fn cancelled_text(kept: bool, partial: bool) -> Said {
    Said::key(if partial {
        k::CANCELLED_PARTIAL
    } else if kept {
        k::CANCELLED_KEPT
    } else {
        k::ERR_CANCELLED
    })
}

#[cfg(test)]
#[path = "state_tests.rs"]
mod tests;
