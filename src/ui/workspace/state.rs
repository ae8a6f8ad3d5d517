//! The workspace state and its one reducer: every change the admin makes is a named [`Action`].
//!
//! The reducer is pure (no DOM, no network, no clock): effects in `effects.rs` start requests
//! when it asks for them (a details refresh, a logout run) and report back with more actions.
//! The rows themselves live in the shell's rows store, and what is computed from them in
//! `derive.rs` (see `store.rs`, which ties the three together).

use crate::api::wire::Session;
pub use crate::api::ApiError;
use crate::grid::findings::{Gone, Settings};
use crate::grid::record::{Entry, LogoutLog, Outcome};
pub use crate::grid::Chip;
use crate::grid::{Column, PageNav, PageSize, Query};
use crate::i18n::Said;
use crate::tr;
use crate::ui::store::Reduce;
use std::collections::BTreeSet;
use std::rc::Rc;

#[path = "state_logout.rs"]
mod logout;
#[cfg(test)]
#[path = "state_tests.rs"]
mod tests;

/// What the main area shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Table,
    Overview,
    Groups,
}

/// Who is looking, where and when: marks the admin's own rows, dates relative times and
/// turns login bounds into local days.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Me {
    pub user_id: String,
    /// Minute resolution, so that rows do not all re-render on every keystroke.
    pub now_ms: i64,
    /// The host's locale for absolute times (`None`: the language's).
    pub locale: Option<String>,
    /// The language the workspace speaks (labels, relative times, chips).
    pub lang: crate::i18n::Lang,
    /// Local time = UTC + this.
    pub tz_offset_minutes: i32,
}

impl Me {
    /// The locale of absolute dates: the host's `locale`, else the language's.
    pub fn date_locale(&self) -> Option<&str> {
        self.locale.as_deref().or(match self.lang {
            crate::i18n::Lang::Pseudo => None,
            lang => Some(lang.tag()),
        })
    }
}

/// A device the admin asked to log out, captured when asked: a reload in the meantime cannot
/// change which session is ended, since the request goes by session id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub index: u32,
    pub session_id: String,
    pub user_id: String,
    pub username: String,
    /// The session this page itself is signed in with.
    pub current: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    pub target: Target,
    pub reason: ApiError,
}

/// How one session of a run ended, and whether the verification found it still signed in.
#[derive(Clone, Debug, PartialEq)]
pub struct RowResult {
    pub target: Target,
    pub outcome: Outcome,
    /// Why the server refused, said in the language current when the report is shown (the
    /// outcome keeps the record's English sentence).
    pub reason: Option<ApiError>,
    pub survived: bool,
}

/// The re-read of the affected users' sessions after a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verify {
    /// Under way; the key ties the answer to this report.
    Running(u64),
    /// Read; survivors are marked in the report's results.
    Done,
    Failed(String),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// `again`: confirmed once, now asked about this page's own session.
    Confirm { targets: Rc<[Target]>, again: bool },
    /// Requests under way; `run` keys the effect that sends them.
    Running {
        run: u64,
        targets: Rc<[Target]>,
        done: usize,
        failed: Vec<Failure>,
        results: Vec<RowResult>,
    },
    /// What a run did: after a bulk run, or when something failed.
    Report {
        succeeded: usize,
        failed: Vec<Failure>,
        /// Every row's outcome, in the order the answers came.
        results: Rc<[RowResult]>,
        /// `None` when no session was reported ended (nothing to verify).
        verify: Option<Verify>,
    },
}

/// The details panel's refresh from `sessions/info.admin`.
#[derive(Clone, Debug, PartialEq)]
pub enum Fresh {
    Loading,
    Loaded(Rc<Session>),
    Failed(ApiError),
    /// 404 "Session not found": the device is no longer signed in.
    Gone,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Details {
    pub index: u32,
    pub session_id: String,
    /// Keys the refresh effect; an answer to an older request is dropped.
    pub request: u64,
    pub fresh: Fresh,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub id: u64,
    pub text: Said,
    pub error: bool,
}

const MAX_TOASTS: usize = 4;
/// Groups shown at first and added per "Show more" in the group-by-user view.
pub const GROUPS_STEP: usize = 50;

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The shell's load these indices belong to.
    pub load_id: u64,
    pub query: Query,
    pub mode: Mode,
    pub filters_open: bool,
    /// Row indices; shared so that a keystroke does not copy 100,000 selected rows.
    pub selection: Rc<BTreeSet<u32>>,
    /// The row that holds the table's single tab stop.
    pub active: Option<u32>,
    pub details: Option<Details>,
    pub dialog: Option<Dialog>,
    pub toasts: Vec<Toast>,
    /// Expanded users in the group view, by group key.
    pub expanded: BTreeSet<String>,
    pub groups_shown: usize,
    /// The columns shown, in order.
    pub columns: Rc<[Column]>,
    /// Who is looking, and the minute it is.
    pub me: Me,
    /// The rows are those read so far by a load still running.
    pub partial: bool,
    /// What the findings are computed with (panel, embed options, a settings file).
    pub settings: Rc<Settings>,
    pub findings_open: bool,
    /// Every logout made from this workspace, for its life.
    pub log: Rc<LogoutLog>,
    pub log_open: bool,
    /// Sessions that vanished between loads, the latest refresh's first, for the tab's life.
    pub gone: Rc<Vec<Gone>>,
    /// Session ids new in the latest refresh (marked in their rows).
    pub new_ids: Rc<BTreeSet<String>>,
    seq: u64,
}

impl State {
    pub fn new(load_id: u64, query: Query) -> State {
        State {
            load_id,
            query,
            mode: Mode::Table,
            filters_open: false,
            selection: Rc::default(),
            active: None,
            details: None,
            dialog: None,
            toasts: Vec::new(),
            expanded: BTreeSet::new(),
            groups_shown: GROUPS_STEP,
            columns: Column::VISIBLE.into(),
            me: Me::default(),
            partial: false,
            settings: Rc::default(),
            findings_open: false,
            log: Rc::default(),
            log_open: false,
            gone: Rc::default(),
            new_ids: Rc::default(),
            seq: 0,
        }
    }

    /// The run the logout effect must perform, if any.
    pub fn running(&self) -> Option<(u64, Rc<[Target]>)> {
        match &self.dialog {
            Some(Dialog::Running { run, targets, .. }) => Some((*run, targets.clone())),
            _ => None,
        }
    }

    fn next(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    fn toast(&mut self, text: Said, error: bool) {
        let id = self.next();
        self.toasts.push(Toast { id, text, error });
        let extra = self.toasts.len().saturating_sub(MAX_TOASTS);
        self.toasts.drain(..extra);
    }

    /// A change to what matches: the old selection would name rows the admin no longer sees,
    /// so it goes (a bulk logout must only ever hit rows on screen or counted in the view).
    fn query_edit(&mut self, edit: impl FnOnce(&mut Query)) {
        let before = (
            self.query.search.clone(),
            self.query.regex,
            self.query.filters.clone(),
        );
        edit(&mut self.query);
        if before
            != (
                self.query.search.clone(),
                self.query.regex,
                self.query.filters.clone(),
            )
        {
            self.selection = Rc::default();
            self.groups_shown = GROUPS_STEP;
        }
    }

    fn forget_rows(&mut self, indices: &[u32], session_ids: &[&str]) {
        if indices.iter().any(|i| self.selection.contains(i)) {
            let sel = Rc::make_mut(&mut self.selection);
            for i in indices {
                sel.remove(i);
            }
        }
        if self.details.as_ref().is_some_and(|d| {
            indices.contains(&d.index) || session_ids.contains(&d.session_id.as_str())
        }) {
            self.details = None;
        }
        if self.active.is_some_and(|a| indices.contains(&a)) {
            self.active = None;
        }
    }

    /// Search, filters, sort and paging.
    fn query_step(&mut self, action: Action) {
        match action {
            Action::SetSearch(text) => self.query_edit(|q| q.set_search(&text)),
            Action::SetRegex(on) => self.query_edit(|q| q.set_regex(on)),
            Action::AddChip(chip) => self.add_chip(chip),
            Action::RemoveChip(chip) => self.query_edit(|q| q.update_filters(|f| f.remove(&chip))),
            Action::SetLoginFrom(ms) => {
                self.query_edit(|q| q.update_filters(|f| f.login_from = ms))
            }
            Action::SetLoginTo(ms) => self.query_edit(|q| q.update_filters(|f| f.login_to = ms)),
            Action::ClearFilters => self.query_edit(|q| {
                q.set_search("");
                q.set_filters(Default::default());
            }),
            Action::Drill(chip) => {
                self.add_chip(chip);
                self.mode = Mode::Table;
            }
            Action::DrillDay { from, to } => {
                self.query_edit(|q| {
                    q.update_filters(|f| {
                        f.insert(Chip::From(from));
                        f.insert(Chip::To(to));
                    })
                });
                self.mode = Mode::Table;
            }
            Action::Sort { column, additive } => self.query.toggle_sort(column, additive),
            Action::Go(nav, pages) => self.query.go(nav, pages),
            Action::SetPageSize(size) => self.query.set_page_size(size),
            Action::Restore(query) => self.query_edit(|q| *q = query),
            _ => {}
        }
    }

    /// The details panel; `None` for an answer nobody waits for.
    fn details_step(&mut self, action: Action) -> Option<()> {
        match action {
            Action::OpenDetails { index, session_id } => {
                let request = self.next();
                self.active = Some(index);
                self.details = Some(Details {
                    index,
                    session_id,
                    request,
                    fresh: Fresh::Loading,
                });
            }
            Action::RefreshDetails => {
                let request = self.next();
                let d = self.details.as_mut()?;
                d.request = request;
                d.fresh = Fresh::Loading;
            }
            Action::DetailsAnswer { request, fresh } => {
                let d = self.details.as_mut().filter(|d| d.request == request)?;
                d.fresh = fresh;
            }
            Action::CloseDetails => self.details = None,
            _ => {}
        }
        Some(())
    }

    /// New settings; the findings in effect take its numbers (a stale of 90 days becomes one
    /// of the new days), so the chips say what the rows shown match.
    fn set_settings(&mut self, settings: Rc<Settings>) {
        let old = std::mem::replace(&mut self.settings, settings);
        if *old == *self.settings {
            return;
        }
        let new = self.settings.findings();
        self.query_edit(|q| {
            q.update_filters(|f| {
                for finding in &mut f.findings {
                    if let Some(n) = new.iter().find(|n| n.url_key() == finding.url_key()) {
                        *finding = *n;
                    }
                }
            })
        });
        // Lists (versions, networks) change what matches without changing a chip.
        self.selection = Rc::default();
    }

    fn add_chip(&mut self, chip: Chip) {
        self.query_edit(|q| q.update_filters(|f| f.insert(chip)));
    }
}

/// Everything that can happen to the workspace.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The shell delivered a new load; `details_index` is where the open panel's session
    /// sits in it, if it is still there.
    Loaded {
        load_id: u64,
        details_index: Option<u32>,
    },
    SetSearch(String),
    SetRegex(bool),
    AddChip(Chip),
    RemoveChip(Chip),
    /// Inclusive epoch-ms bounds of the login date range (`None` clears one).
    SetLoginFrom(Option<i64>),
    SetLoginTo(Option<i64>),
    /// Search and every column filter.
    ClearFilters,
    /// A chart bar: apply its filter and show the table.
    Drill(Chip),
    /// A day bar: that day's bounds, then the table.
    DrillDay {
        from: i64,
        to: i64,
    },
    Sort {
        column: Column,
        additive: bool,
    },
    /// A pager action; `pages` is the page count of the current view.
    Go(PageNav, usize),
    SetPageSize(PageSize),
    /// The URL changed (Back/Forward).
    Restore(Query),
    SetMode(Mode),
    ToggleFilters,
    ToggleFindings,
    /// New findings settings (the panel's fields, an imported file).
    SetSettings(Rc<Settings>),
    /// A logout's record entry (the effect stamps its time).
    Logged(Entry),
    ToggleLog,
    Select {
        index: u32,
        on: bool,
    },
    /// Every matching row (not only the page).
    SelectAll(Vec<u32>),
    ClearSelection,
    Activate(u32),
    OpenDetails {
        index: u32,
        session_id: String,
    },
    RefreshDetails,
    DetailsAnswer {
        request: u64,
        fresh: Fresh,
    },
    CloseDetails,
    AskLogout(Vec<Target>),
    ConfirmLogout,
    CloseDialog,
    /// One logout request ended (the row is already gone from the grid on success).
    LogoutResult {
        run: u64,
        target: Target,
        error: Option<ApiError>,
        /// The server no longer knew the session (it ended before the request).
        gone: bool,
    },
    /// Send the report's failures again, as a new run.
    RetryFailures,
    /// The verification's answer: the ended sessions still listed, or why it could not read.
    Verified {
        key: u64,
        result: Result<Vec<String>, String>,
    },
    /// Rows taken out of the grid without a logout (a session found to be gone).
    RowsRemoved(Vec<(u32, String)>),
    Toast {
        text: Said,
        error: bool,
    },
    DismissToast(u64),
    ToggleGroup(String),
    ShowMoreGroups,
    /// Who is looking, which columns show and whether the rows are a load's first part
    /// (from the props), or the clock's next minute.
    Context {
        me: Me,
        columns: Rc<[Column]>,
        partial: bool,
    },
}

impl Reduce for State {
    type Action = Action;

    fn reduce(&self, action: Action) -> Option<State> {
        reduce(self, action)
    }
}

/// The pure transition; `None` when nothing changes (no re-render).
pub fn reduce(state: &State, action: Action) -> Option<State> {
    let mut s = state.clone();
    match action {
        Action::Loaded {
            load_id,
            details_index,
        } => {
            if s.load_id == load_id {
                return None;
            }
            s.load_id = load_id;
            s.selection = Rc::default();
            s.active = None;
            s.expanded.clear();
            s.details = match (s.details.take(), details_index) {
                (Some(d), Some(index)) => Some(Details { index, ..d }),
                _ => None,
            };
        }
        a @ (Action::SetSearch(_)
        | Action::SetRegex(_)
        | Action::AddChip(_)
        | Action::RemoveChip(_)
        | Action::SetLoginFrom(_)
        | Action::SetLoginTo(_)
        | Action::ClearFilters
        | Action::Drill(_)
        | Action::DrillDay { .. }
        | Action::Sort { .. }
        | Action::Go(..)
        | Action::SetPageSize(_)
        | Action::Restore(_)) => s.query_step(a),
        Action::SetMode(mode) => s.mode = mode,
        Action::ToggleFilters => s.filters_open = !s.filters_open,
        Action::ToggleFindings => s.findings_open = !s.findings_open,
        Action::SetSettings(settings) => s.set_settings(settings),
        Action::Logged(entry) => Rc::make_mut(&mut s.log).push(entry),
        Action::ToggleLog => s.log_open = !s.log_open,
        Action::Select { index, on } => {
            let sel = Rc::make_mut(&mut s.selection);
            if on {
                sel.insert(index);
            } else {
                sel.remove(&index);
            }
        }
        Action::SelectAll(rows) => s.selection = Rc::new(rows.into_iter().collect()),
        Action::ClearSelection => s.selection = Rc::default(),
        Action::Activate(index) => s.active = Some(index),
        a @ (Action::OpenDetails { .. }
        | Action::RefreshDetails
        | Action::DetailsAnswer { .. }
        | Action::CloseDetails) => s.details_step(a)?,
        a @ (Action::AskLogout(_)
        | Action::ConfirmLogout
        | Action::CloseDialog
        | Action::LogoutResult { .. }
        | Action::RetryFailures
        | Action::Verified { .. }) => s.logout_step(a)?,
        Action::RowsRemoved(rows) => {
            let indices: Vec<u32> = rows.iter().map(|r| r.0).collect();
            let ids: Vec<&str> = rows.iter().map(|r| r.1.as_str()).collect();
            s.forget_rows(&indices, &ids);
        }
        Action::Toast { text, error } => s.toast(text, error),
        Action::DismissToast(id) => {
            let before = s.toasts.len();
            s.toasts.retain(|t| t.id != id);
            if s.toasts.len() == before {
                return None;
            }
        }
        Action::ToggleGroup(key) => {
            if !s.expanded.remove(&key) {
                s.expanded.insert(key);
            }
        }
        Action::ShowMoreGroups => s.groups_shown = s.groups_shown.saturating_add(GROUPS_STEP),
        Action::Context {
            me,
            columns,
            partial,
        } => {
            s.me = me;
            s.columns = columns;
            s.partial = partial;
        }
    }
    (s != *state).then_some(s)
}
