//! The loaded rows and the memoised pipeline over them, and the plain values the components
//! render from them (only the current page is ever turned into strings).

use super::{when, LoadedData};
use crate::api::wire::Session;
use crate::grid::{
    group_by_user, sort_indices, stats, Column, Pipeline, Query, QueryError, Recomputes, RowRef,
    Sessions, Stats, UserGroup, View,
};
use std::cell::RefCell;
use std::fmt;
use std::rc::{Rc, Weak};

/// What a derived value was computed from: the rows' version and the pipeline's work counters,
/// which change whenever the filtered or sorted list does.
type Stamp = (u64, Recomputes);

/// The rows of one load (minus logouts) and the caches over them. Lives in a `RefCell` beside
/// the reducer: a logout removes a row in place instead of copying the set.
pub struct Grid {
    pub sessions: Sessions,
    /// Where the set came from: it goes back there if this grid goes while the load is current.
    source: Weak<Handoff>,
    pipeline: Pipeline,
    /// The shell's `load_id` this set was built from.
    pub load_id: u64,
    stats: Option<(Stamp, Rc<Stats>)>,
    groups: Option<(Stamp, Rc<Vec<UserGroup>>)>,
    facets: Option<(u64, Rc<Facets>)>,
}

/// The values the column filters offer, from every row present (not only matching ones).
#[derive(Debug, Default, PartialEq)]
pub struct Facets {
    pub clients: Vec<(String, usize)>,
    pub oses: Vec<(String, usize)>,
    pub users: Vec<String>,
}

/// Hands a load's set from the shell to the workspace without a copy: the workspace takes it
/// (a logout then removes rows in place) and puts it back when it unmounts. Two handoffs are
/// equal only when they are the same one.
#[derive(Default)]
pub struct Handoff(RefCell<Option<Sessions>>);

impl Handoff {
    pub fn new(sessions: Sessions) -> Rc<Handoff> {
        Rc::new(Handoff(RefCell::new(Some(sessions))))
    }

    fn take(&self) -> Option<Sessions> {
        self.0.borrow_mut().take()
    }

    /// Looks at the set while nobody has taken it (`None` while a workspace holds it).
    pub fn peek<R>(&self, f: impl FnOnce(Option<&Sessions>) -> R) -> R {
        match self.0.try_borrow() {
            Ok(s) => f(s.as_ref()),
            Err(_) => f(None),
        }
    }
}

impl PartialEq for Handoff {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl fmt::Debug for Handoff {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.0.try_borrow().as_deref() {
            Ok(Some(s)) => write!(f, "Handoff({} rows)", s.len()),
            Ok(None) => f.write_str("Handoff(taken)"),
            Err(_) => f.write_str("Handoff(busy)"),
        }
    }
}

impl Grid {
    /// Takes the load's set (see [`Handoff`]).
    pub fn new(data: &LoadedData) -> Grid {
        let mut grid = Grid::from_sessions(data.sessions.take().unwrap_or_default(), data.load_id);
        grid.source = Rc::downgrade(&data.sessions);
        grid
    }

    pub fn from_sessions(sessions: Sessions, load_id: u64) -> Grid {
        Grid {
            sessions,
            source: Weak::new(),
            pipeline: Pipeline::default(),
            load_id,
            stats: None,
            groups: None,
            facets: None,
        }
    }

    /// The view of a query, and the error when the search cannot run (the view is then the
    /// last valid result, ordered and paged by the current query).
    pub fn view(&mut self, query: &Query) -> (View, Option<QueryError>) {
        match self.pipeline.view(&self.sessions, query) {
            Ok(v) => (v, None),
            Err(e) => (e.last_good, Some(e.error)),
        }
    }

    /// Every matching row in display order, as of the last [`Grid::view`].
    pub fn ordered(&self) -> &[u32] {
        self.pipeline.ordered()
    }

    fn stamp(&self) -> Stamp {
        (self.sessions.version(), self.pipeline.recomputes())
    }

    /// Counts over the matching rows (the overview charts).
    pub fn stats(&mut self) -> Rc<Stats> {
        let stamp = self.stamp();
        match &self.stats {
            Some((s, v)) if *s == stamp => v.clone(),
            _ => {
                let v = Rc::new(stats(&self.sessions, self.pipeline.ordered()));
                self.stats = Some((stamp, v.clone()));
                v
            }
        }
    }

    /// The matching rows by user, in display order.
    pub fn groups(&mut self) -> Rc<Vec<UserGroup>> {
        let stamp = self.stamp();
        match &self.groups {
            Some((s, v)) if *s == stamp => v.clone(),
            _ => {
                let v = Rc::new(group_by_user(&self.sessions, self.pipeline.ordered()));
                self.groups = Some((stamp, v.clone()));
                v
            }
        }
    }

    pub fn facets(&mut self) -> Rc<Facets> {
        let version = self.sessions.version();
        if let Some((v, f)) = &self.facets {
            if *v == version {
                return f.clone();
            }
        }
        let live = self.sessions.live_indices();
        let st = stats(&self.sessions, &live);
        let mut users: Vec<String> = group_by_user(&self.sessions, &live)
            .into_iter()
            .map(|g| {
                if g.username.is_empty() {
                    g.name
                } else {
                    g.username
                }
            })
            .filter(|u| !u.is_empty())
            .collect();
        // Through the grid's shared index sort (no std sort copy of its own); ties keep
        // their first-seen order, as a stable sort would.
        let keys: Vec<String> = users.iter().map(|u| crate::grid::fold(u)).collect();
        let key = |i: u32| keys.get(i as usize).map_or("", String::as_str);
        let mut order: Vec<u32> = (0..users.len() as u32).collect();
        sort_indices(&mut order, &|a, b| key(a).cmp(key(b)).then(a.cmp(&b)));
        let mut users: Vec<String> = order
            .iter()
            .filter_map(|&i| users.get_mut(i as usize).map(std::mem::take))
            .collect();
        users.dedup();
        let f = Rc::new(Facets {
            clients: st.clients.clone(),
            oses: st.oses.clone(),
            users,
        });
        self.facets = Some((version, f.clone()));
        f
    }

    /// Display rows for these indices.
    pub fn rows(&self, indices: &[u32], columns: &[Column], me: &Me) -> Vec<RowVm> {
        indices
            .iter()
            .filter_map(|&i| self.sessions.row(i))
            .map(|r| RowVm::new(&r, columns, me))
            .collect()
    }

    /// What a logout of these rows needs to know.
    pub fn targets(&self, indices: &[u32]) -> Vec<super::state::Target> {
        indices
            .iter()
            .filter_map(|&i| self.sessions.row(i))
            .map(|r| target(&r))
            .collect()
    }
}

impl Drop for Grid {
    fn drop(&mut self) {
        if let Some(source) = self.source.upgrade() {
            if let Ok(mut slot) = source.0.try_borrow_mut() {
                *slot = Some(std::mem::take(&mut self.sessions));
            }
        }
    }
}

pub fn target(r: &RowRef) -> super::state::Target {
    super::state::Target {
        index: r.index(),
        session_id: r.session_id().to_owned(),
        user_id: r.user_id().to_owned(),
        username: r.username().to_owned(),
        current: r.current(),
    }
}

/// Who is looking, and when: marks the admin's own rows and dates relative times.
#[derive(Clone, PartialEq)]
pub struct Me {
    pub user_id: String,
    /// Minute resolution, so that rows do not all re-render on every keystroke.
    pub now_ms: i64,
    /// The host's locale for absolute times (`None`: the browser's).
    pub locale: Option<String>,
}

/// One table row as it is rendered.
#[derive(Clone, Debug, PartialEq)]
pub struct RowVm {
    pub index: u32,
    /// One text per column, in the order of the columns shown.
    pub cells: Rc<[String]>,
    /// "3 h ago".
    pub login_rel: String,
    /// The login time, whose absolute form in the host's locale the table writes on hover
    /// only: a `title` per row cost a locale format and an attribute write on every page flip.
    pub login_ms: Option<i64>,
    /// The admin's own session (their user id).
    pub mine: bool,
    /// The session this page is signed in with.
    pub current: bool,
    pub target: super::state::Target,
}

impl RowVm {
    pub fn new(r: &RowRef, columns: &[Column], me: &Me) -> RowVm {
        let cells: Vec<String> = columns.iter().map(|&c| cell(r, c)).collect();
        let login_ms = r.login_ms();
        let login_rel = login_ms
            .map(|ms| when::relative(ms, me.now_ms))
            .unwrap_or_default();
        RowVm {
            index: r.index(),
            cells: cells.into(),
            login_rel,
            login_ms,
            mine: !me.user_id.is_empty() && r.user_id() == me.user_id,
            current: r.surely_current(),
            target: target(r),
        }
    }
}

/// A column's text for a row, as shown and as searched.
pub fn cell(r: &RowRef, c: Column) -> String {
    match c {
        Column::Client => r.client().to_owned(),
        Column::Version => r.version().to_owned(),
        Column::Os => r.os().into_owned(),
        Column::User => r.user_display().to_owned(),
        Column::LastLogin => r.login_text(),
        Column::DeviceId => r.session_id().to_owned(),
        Column::Ip => r.ip().to_owned(),
        Column::Host => r.host().to_owned(),
        Column::UserId => r.user_id().to_owned(),
    }
}

/// Headers exactly as the contract and the e2e tests name them.
pub fn header(c: Column) -> &'static str {
    match c {
        Column::Ip => "IP address",
        other => other.label(),
    }
}

/// The columns the options ask for, in their order; unknown keys are skipped and an empty
/// list falls back to Rocket.Chat's own set.
pub fn columns(keys: &[String]) -> Vec<Column> {
    let mut out: Vec<Column> = Vec::new();
    for c in keys.iter().filter_map(|k| Column::from_key(k)) {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    if out.is_empty() {
        out = Column::VISIBLE.to_vec();
    }
    out
}

/// One labelled value of the details panel.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub label: &'static str,
    pub value: String,
    /// Hover text (the absolute login time).
    pub title: String,
}

/// Every field of a row, for the details panel.
pub fn fields(r: &RowRef, me: &Me) -> Vec<Field> {
    let f = |label, value: &str| Field {
        label,
        value: value.to_owned(),
        title: String::new(),
    };
    let login = match r.login_ms() {
        Some(ms) => Field {
            label: "Last login",
            value: format!("{} ({})", r.login_text(), when::relative(ms, me.now_ms)),
            title: when::absolute(ms, me.locale.as_deref()),
        },
        None => f("Last login", ""),
    };
    vec![
        f("Client", r.client()),
        f("Device type", r.kind().label()),
        f("Version", r.version()),
        f("Long version", r.long_version()),
        f("OS", &r.os()),
        f("User", r.user_name()),
        f("Username", r.username()),
        f("User ID", r.user_id()),
        login,
        f("Device ID", r.session_id()),
        f("IP address", r.ip()),
        f("Host", r.host()),
    ]
}

/// The fields of a session as `info.admin` returned it, normalised like the table's rows.
pub fn fresh_fields(s: &Session, tz_offset_minutes: i32, me: &Me) -> Vec<Field> {
    let one = Sessions::from_wire([s.clone()], tz_offset_minutes);
    one.row(0).map(|r| fields(&r, me)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::testdata;

    #[test]
    fn columns_follow_the_options_and_fall_back() {
        let keys = |k: &[&str]| k.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            columns(&keys(&["user", "ip", "bogus", "user", "host"])),
            [Column::User, Column::Ip, Column::Host]
        );
        assert_eq!(columns(&keys(&["nope"])), Column::VISIBLE);
        let heads: Vec<&str> = Column::ALL.iter().map(|&c| header(c)).collect();
        assert_eq!(
            heads,
            [
                "Client",
                "Version",
                "OS",
                "User",
                "Last login",
                "Device ID",
                "IP address",
                "Host",
                "User ID"
            ]
        );
    }

    #[test]
    fn page_rows_mark_the_admin_and_carry_their_cells() {
        let rows = testdata::sessions(50, 7);
        let mut g = Grid::from_sessions(Sessions::from_wire(rows.clone(), 0), 1);
        let (view, err) = g.view(&Query::default());
        assert!(err.is_none());
        let first_user = rows[0].user_id.clone().unwrap_or_default();
        let me = Me {
            user_id: first_user.clone(),
            now_ms: 1_735_689_600_000,
            locale: None,
        };
        let vms = g.rows(&view.rows, &[Column::DeviceId, Column::UserId], &me);
        assert_eq!(vms.len(), 25);
        for vm in &vms {
            assert_eq!(vm.cells[0], vm.target.session_id);
            assert_eq!(vm.mine, vm.cells[1] == first_user);
            assert!(vm.login_rel.ends_with("ago"), "{}", vm.login_rel);
        }
        assert!(vms.iter().any(|v| v.mine));
    }

    #[test]
    fn fresh_fields_match_the_tables_fields() {
        let rows = testdata::sessions(3, 1);
        let g = Grid::from_sessions(Sessions::from_wire(rows.clone(), 60), 1);
        let me = Me {
            user_id: String::new(),
            now_ms: 0,
            locale: None,
        };
        let from_grid = g
            .sessions
            .row(1)
            .map(|r| fields(&r, &me))
            .unwrap_or_default();
        assert_eq!(fresh_fields(&rows[1], 60, &me), from_grid);
        let labels: Vec<&str> = from_grid.iter().map(|f| f.label).collect();
        for want in ["Long version", "User ID", "Device ID", "Host", "IP address"] {
            assert!(labels.contains(&want), "{want}");
        }
    }

    #[test]
    fn the_workspace_takes_the_loaded_set_and_gives_it_back_with_its_removals() {
        let rows = testdata::sessions(20, 5);
        let data = LoadedData {
            load_id: 3,
            sessions: Handoff::new(Sessions::from_wire(rows.clone(), 0)),
            loaded: 20,
            total: 20,
            shortfall: None,
            loaded_at_ms: 0.0,
        };
        let mut g = Grid::new(&data);
        assert_eq!((g.sessions.len(), g.load_id), (20, 3));
        assert!(data.sessions.peek(|s| s.is_none()), "taken, not copied");
        let id = rows[4].id.clone().unwrap_or_default();
        assert_eq!(g.sessions.remove(&[id.as_str()]), 1);
        drop(g);
        // Mounted again (same load): the set comes back as the admin left it.
        let g = Grid::new(&data);
        assert_eq!(g.sessions.len(), 19);
        assert_eq!(g.sessions.find(&id), None);
        assert!(data.clone() == data, "a handoff equals itself");
        let other = LoadedData {
            sessions: Handoff::new(Sessions::default()),
            ..data.clone()
        };
        assert!(other != data);
    }

    #[test]
    fn derived_values_follow_removals() {
        let rows = testdata::sessions(40, 2);
        let mut g = Grid::from_sessions(Sessions::from_wire(rows.clone(), 0), 1);
        g.view(&Query::default());
        let before = g.stats();
        let total: usize = before.clients.iter().map(|c| c.1).sum();
        assert_eq!(total, 40);
        let id = rows[0].id.clone().unwrap_or_default();
        assert_eq!(g.sessions.remove(&[id]), 1);
        g.view(&Query::default());
        let after: usize = g.stats().clients.iter().map(|c| c.1).sum();
        assert_eq!(after, 39);
        assert_eq!(g.groups().iter().map(UserGroup::count).sum::<usize>(), 39);
        assert!(!g.facets().users.is_empty());
    }
}
