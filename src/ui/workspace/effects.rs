//! The workspace's effects: requests the reducer asked for (a details refresh, a logout run),
//! answered with actions. Only here does the workspace touch the network.

use super::model::{Input, Model};
use super::state::{Action, Fresh, State, Target};
use super::when;
use crate::api::ApiError;
use crate::grid::record::{Entry, Outcome};
use crate::ui::api_ctx::ApiCtx;
use crate::ui::host::{events, HostLink};
use crate::ui::store::Store;
use futures::StreamExt;
use std::rc::Rc;
use yew::prelude::*;

/// Logout requests in flight at once: enough to finish a few hundred quickly, few enough not
/// to trip a server's rate limit for non-admins.
pub const LOGOUT_CONCURRENCY: usize = 4;

/// Refreshes the open details panel from `sessions/info.admin` whenever it asks.
#[hook]
pub fn use_details_refresh(state: &State, api: ApiCtx, dispatch: Callback<Action>) {
    let wanted = state
        .details
        .as_ref()
        .filter(|d| d.fresh == Fresh::Loading)
        .map(|d| (d.request, d.session_id.clone()));
    use_effect_with(wanted, move |wanted| {
        if let Some((request, id)) = wanted.clone() {
            wasm_bindgen_futures::spawn_local(async move {
                let fresh = match api.session_info(&id).await {
                    Ok(s) => Fresh::Loaded(Rc::new(s)),
                    Err(ApiError::SessionNotFound) => Fresh::Gone,
                    Err(e) => Fresh::Failed(e),
                };
                dispatch.emit(Action::DetailsAnswer { request, fresh });
            });
        }
    });
}

/// Everything a logout run needs besides its targets.
#[derive(Clone)]
pub struct Runner {
    pub api: ApiCtx,
    pub model: Store<Model>,
    pub host: Option<HostLink>,
    pub on_own_session_ended: Callback<()>,
    /// Told `true` when a run starts and `false` when it ends, so the shell holds a refresh
    /// until then (a list read mid-run would bring logged-out rows back).
    pub on_run: Callback<bool>,
}

/// Says `false` to `on_run` however a run ends.
struct RunGuard(Callback<bool>);

impl Drop for RunGuard {
    fn drop(&mut self) {
        self.0.emit(false);
    }
}

impl Runner {
    /// One target's outcome: on success the row leaves the grid, the host hears of it, and
    /// the reducer is told. A session the server no longer knows is gone already, which is
    /// what the admin wanted: it leaves the table too, without an event.
    fn finish(&self, run: u64, target: Target, result: Result<(), ApiError>) {
        let gone = result == Err(ApiError::SessionNotFound);
        self.record(&target, &result);
        let error = match result {
            Ok(()) => {
                if let Some(host) = &self.host {
                    host.emit(
                        events::DEVICE_LOGGED_OUT,
                        &serde_json::json!({
                            "sessionId": target.session_id,
                            "userId": target.user_id,
                            "username": target.username,
                        }),
                    );
                }
                None
            }
            Err(ApiError::SessionNotFound) => None,
            Err(e) => Some(e),
        };
        if error.is_none() {
            // The rows store tells the model, which forgets the row everywhere.
            let rows = self.model.get().rows.clone();
            rows.write().remove(&[target.session_id.as_str()]);
        }
        let result = Action::LogoutResult {
            run,
            target,
            error,
            gone,
        };
        self.model.dispatch(Input::Act(result));
    }

    /// The logout record's entry for this answer, kept by the model and told to the host as
    /// `rcdm:logout` (ids, names, client, IP, time and result: nothing secret).
    fn record(&self, target: &Target, result: &Result<(), ApiError>) {
        let outcome = match result {
            Ok(()) => Outcome::Ended,
            Err(ApiError::SessionNotFound) => Outcome::AlreadyGone,
            Err(e) => Outcome::Refused(e.to_string()),
        };
        let model = self.model.get();
        let admin = model.state.me.user_id.clone();
        let at = when::now_ms();
        let rows = model.rows.get();
        let entry = match rows
            .row(target.index)
            .filter(|r| r.session_id() == target.session_id)
        {
            Some(row) => Entry::for_row(&admin, &row, at, outcome),
            None => Entry {
                admin_id: admin,
                session_id: target.session_id.clone(),
                user_id: target.user_id.clone(),
                username: target.username.clone(),
                client: String::new(),
                ip: String::new(),
                at_ms: at,
                outcome,
            },
        };
        drop(rows);
        if let Some(host) = &self.host {
            if let Ok(detail) = serde_json::from_str(&entry.to_json()) {
                host.emit(events::LOGOUT, &detail);
            }
        }
        self.model.dispatch(Input::Act(Action::Logged(entry)));
    }

    async fn run(self, run: u64, targets: Rc<[Target]>) {
        // This page's own session last and alone: ending it first would sign the page out
        // before the other requests are sent.
        let (own, others): (Vec<Target>, Vec<Target>) =
            targets.iter().cloned().partition(|t| t.current);
        self.on_run.emit(true);
        let _guard = RunGuard(self.on_run.clone());
        let api = self.api.clone();
        let mut results = futures::stream::iter(others)
            .map(|t| {
                let api = api.clone();
                async move {
                    let r = api.logout_session(&t.session_id).await;
                    (t, r)
                }
            })
            .buffer_unordered(LOGOUT_CONCURRENCY);
        while let Some((t, r)) = results.next().await {
            if r == Err(ApiError::Cancelled) {
                // The account's scope ended (sign-out, new credentials, destroy): stop here.
                return;
            }
            self.finish(run, t, r);
        }
        // Rocket.Chat 8.7+ says which session is the page's own; an older server does not,
        // and each of the admin's sessions is then a candidate: after ending one, a cheap
        // `me` tells whether this page's token went with it.
        let known = self.model.get().derived.own_known;
        for t in own {
            let r = api.logout_session(&t.session_id).await;
            if r == Err(ApiError::Cancelled) {
                return;
            }
            let lost = r == Err(ApiError::NotLoggedIn);
            let ended = r.is_ok();
            self.finish(run, t, r);
            let gone =
                lost || (ended && (known || api.client().me().await == Err(ApiError::NotLoggedIn)));
            if gone {
                // Signed out cleanly here, before any later call meets a 401.
                self.on_own_session_ended.emit(());
                return;
            }
        }
    }
}

/// Sends the logout requests of the run the reducer started.
#[hook]
pub fn use_logout_runner(state: &State, runner: Runner) {
    let running = state.running();
    use_effect_with(running.as_ref().map(|r| r.0), move |_| {
        if let Some((run, targets)) = running {
            wasm_bindgen_futures::spawn_local(runner.run(run, targets));
        }
    });
}

/// Re-reads the affected users' sessions after a run, and says which of the sessions the
/// server reported ended are still listed (a server that answered success and kept them).
#[hook]
pub fn use_verification(state: &State, api: ApiCtx, dispatch: Callback<Action>) {
    let wanted = state.verifying();
    use_effect_with(wanted.as_ref().map(|w| w.0), move |_| {
        if let Some((key, ended)) = wanted {
            wasm_bindgen_futures::spawn_local(async move {
                let result = survivors(&api, &ended).await.map_err(|e| e.to_string());
                dispatch.emit(Action::Verified { key, result });
            });
        }
    });
}

/// The sessions of `wanted` that `list.all` still lists for this filter (a user id).
async fn still_listed(
    api: &ApiCtx,
    key: &str,
    wanted: &std::collections::HashSet<&str>,
) -> Result<Vec<String>, ApiError> {
    let mut out = Vec::new();
    let mut offset = 0u64;
    for _ in 0..VERIFY_PAGES {
        let page = api.list_page(offset, 100, key).await?;
        let got = (page.sessions.rows.len() + page.sessions.skipped) as u64;
        out.extend(
            page.sessions
                .rows
                .into_iter()
                .filter_map(|s| s.id)
                .filter(|id| wanted.contains(id.as_str())),
        );
        offset = offset.saturating_add(got);
        if got == 0 || page.total.is_none_or(|t| offset >= t) {
            break;
        }
    }
    Ok(out)
}

/// Pages read per user at most (100 sessions each).
const VERIFY_PAGES: u64 = 50;

/// The ended sessions still listed by `sessions/list.all`, read per user (the server's
/// filter matches the user id; a row without one is looked up by its session id).
async fn survivors(api: &ApiCtx, ended: &[Target]) -> Result<Vec<String>, ApiError> {
    let mut keys: Vec<&str> = ended
        .iter()
        .map(|t| match t.user_id.as_str() {
            "" => t.session_id.as_str(),
            id => id,
        })
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let wanted: std::collections::HashSet<&str> =
        ended.iter().map(|t| t.session_id.as_str()).collect();
    // A few users at a time, as the logouts went.
    let mut reads = futures::stream::iter(keys)
        .map(|key| still_listed(api, key, &wanted))
        .buffer_unordered(LOGOUT_CONCURRENCY);
    let mut out = Vec::new();
    while let Some(found) = reads.next().await {
        out.extend(found?);
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// Time between two columns ranked while idle, ms: a frame for whatever else waits.
const WARM_GAP_MS: u32 = 50;

/// Ranks a finished load's columns one by one while the page is idle (see
/// `Sessions::warm_ranks`), so the first click on a header sorts at once without the load
/// paying for nine columns on the thread its pages arrive on. Stops when the load is
/// replaced or the workspace goes.
#[hook]
pub fn use_warm_ranks(data: &crate::ui::workspace::LoadedData) {
    let finished = (!data.partial).then_some(data.load_id);
    let rows = data.sessions.clone();
    use_effect_with(finished, move |finished| {
        let stop = Rc::new(std::cell::Cell::new(false));
        if finished.is_some() {
            let stop = stop.clone();
            wasm_bindgen_futures::spawn_local(async move {
                loop {
                    gloo_timers::future::TimeoutFuture::new(WARM_GAP_MS).await;
                    if stop.get() || !rows.get().warm_ranks() {
                        break;
                    }
                }
            });
        }
        move || stop.set(true)
    });
}
