//! The plain values the components render from the rows: a page's rows, the details
//! fields, the filter panel's choices (only the current page is ever turned into strings).

pub use super::state::Me;
use super::state::Target;
use super::when;
use crate::api::wire::Session;
use crate::grid::{group_by_user, sort_indices, stats, Column, RowRef, Sessions};
use crate::i18n::{k, Key, Lang};
use crate::tr;
use std::rc::Rc;

/// The values the column filters offer, from every row present (not only matching ones).
#[derive(Debug, Default, PartialEq)]
pub struct Facets {
    pub clients: Vec<(String, usize)>,
    pub oses: Vec<(String, usize)>,
    pub users: Vec<String>,
}

impl Facets {
    /// From every live row of the set.
    pub fn of(sessions: &Sessions) -> Facets {
        let live = sessions.live_indices();
        let st = stats(sessions, &live);
        let mut users: Vec<String> = group_by_user(sessions, &live)
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
        Facets {
            clients: st.clients,
            oses: st.oses,
            users,
        }
    }
}

/// Display rows for these indices.
pub fn rows(sessions: &Sessions, indices: &[u32], columns: &[Column], me: &Me) -> Vec<RowVm> {
    indices
        .iter()
        .filter_map(|&i| sessions.row(i))
        .map(|r| RowVm::new(&r, columns, me))
        .collect()
}

/// What a logout of these rows needs to know.
pub fn targets(sessions: &Sessions, indices: &[u32]) -> Vec<Target> {
    indices
        .iter()
        .filter_map(|&i| sessions.row(i))
        .map(|r| target(&r))
        .collect()
}

pub fn target(r: &RowRef) -> Target {
    Target {
        index: r.index(),
        session_id: r.session_id().to_owned(),
        user_id: r.user_id().to_owned(),
        username: r.username().to_owned(),
        current: r.current(),
    }
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
    pub target: Target,
}

impl RowVm {
    pub fn new(r: &RowRef, columns: &[Column], me: &Me) -> RowVm {
        let cells: Vec<String> = columns.iter().map(|&c| cell(r, c)).collect();
        let login_ms = r.login_ms();
        let login_rel = login_ms
            .map(|ms| when::relative(me.lang, ms, me.now_ms))
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
pub fn header(lang: Lang, c: Column) -> String {
    lang.t(c.header())
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
    pub label: Key,
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
            label: k::COL_LAST_LOGIN,
            value: tr!(
                me.lang,
                LOGIN_WITH_AGE,
                time = &r.login_text(),
                age = &when::relative(me.lang, ms, me.now_ms)
            ),
            title: when::absolute(ms, me.date_locale()),
        },
        None => f(k::COL_LAST_LOGIN, ""),
    };
    vec![
        f(k::COL_CLIENT, r.client()),
        f(k::FIELD_DEVICE_TYPE, &me.lang.t(r.kind().key_text())),
        f(k::COL_VERSION, r.version()),
        f(k::FIELD_LONG_VERSION, r.long_version()),
        f(k::COL_OS, &r.os()),
        f(k::COL_USER, r.user_name()),
        f(k::FIELD_USERNAME, r.username()),
        f(k::COL_USER_ID, r.user_id()),
        login,
        f(k::COL_DEVICE_ID, r.session_id()),
        f(k::COL_IP, r.ip()),
        f(k::COL_HOST, r.host()),
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
        let heads: Vec<String> = Column::ALL.iter().map(|&c| header(Lang::En, c)).collect();
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
        let set = Sessions::from_wire(rows.clone(), 0);
        let view = crate::grid::view(&set, &crate::grid::Query::default()).expect("view");
        let first_user = rows[0].user_id.clone().unwrap_or_default();
        let me = Me {
            user_id: first_user.clone(),
            now_ms: 1_735_689_600_000,
            ..Me::default()
        };
        let vms = super::rows(&set, &view.rows, &[Column::DeviceId, Column::UserId], &me);
        assert_eq!(vms.len(), 25);
        for vm in &vms {
            assert_eq!(vm.cells[0], vm.target.session_id);
            assert_eq!(vm.mine, vm.cells[1] == first_user);
            assert!(vm.login_rel.ends_with("ago"), "{}", vm.login_rel);
        }
        assert!(vms.iter().any(|v| v.mine));
        let targets = targets(&set, &view.rows[..3]);
        let want: Vec<Target> = vms[..3].iter().map(|v| v.target.clone()).collect();
        assert_eq!(targets, want);
    }

    #[test]
    fn fresh_fields_match_the_tables_fields() {
        let rows = testdata::sessions(3, 1);
        let set = Sessions::from_wire(rows.clone(), 60);
        let me = Me::default();
        let from_grid = set.row(1).map(|r| fields(&r, &me)).unwrap_or_default();
        assert_eq!(fresh_fields(&rows[1], 60, &me), from_grid);
        let labels: Vec<String> = from_grid.iter().map(|f| Lang::En.t(f.label)).collect();
        for want in ["Long version", "User ID", "Device ID", "Host", "IP address"] {
            assert!(labels.iter().any(|l| l == want), "{want}");
        }
    }

    #[test]
    fn facets_offer_every_live_rows_values_once_in_order() {
        let rows = testdata::sessions(60, 3);
        let mut set = Sessions::from_wire(rows.clone(), 0);
        let f = Facets::of(&set);
        assert_eq!(f.clients.iter().map(|c| c.1).sum::<usize>(), 60);
        let folded: Vec<String> = f.users.iter().map(|u| crate::grid::fold(u)).collect();
        let mut sorted = folded.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(folded, sorted, "sorted case-insensitively, no repeats");
        let id = rows[0].id.clone().unwrap_or_default();
        assert_eq!(set.remove(&[id]), 1);
        assert_eq!(
            Facets::of(&set).clients.iter().map(|c| c.1).sum::<usize>(),
            59
        );
    }
}
