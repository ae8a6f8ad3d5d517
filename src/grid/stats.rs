//! Summaries of a set of rows for the charts and facets, and the group-by-user view.

use super::session::{DeviceKind, Field, Sessions, NO_LOGIN};
use super::sort::sort_indices;
use super::text::cmp_folded;
use super::time::local_day;
use std::collections::HashMap;

/// The one map type of this module (days, and users as `id << 32 | username`): each key
/// type would be another copy of the hash table's code in the wasm.
type Counts = HashMap<u64, usize>;

/// Counts over a set of rows (typically the filtered view, or every live row for facets).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Stats {
    /// By client name, most sessions first (ties by name); `""` counts rows without one.
    pub clients: Vec<(String, usize)>,
    /// By OS name (without version), most first.
    pub oses: Vec<(String, usize)>,
    /// Every kind that occurs, most first.
    pub kinds: Vec<(DeviceKind, usize)>,
    /// Logins per local day (days since 1970-01-01, see `time::format_day`), oldest first.
    pub days: Vec<(i64, usize)>,
    /// Rows without a usable login time, left out of `days`.
    pub no_login: usize,
}

/// Counts the present rows among `rows`.
pub fn stats(sessions: &Sessions, rows: &[u32]) -> Stats {
    let pool_len = |f: Field| sessions.pools[f as usize].len();
    let mut clients = vec![0usize; pool_len(Field::Client)];
    let mut oses = vec![0usize; pool_len(Field::OsName)];
    let mut kinds = [0usize; 5];
    let mut days = Counts::new();
    let mut no_login = 0;
    let tz = sessions.tz_offset_minutes();
    for &i in rows {
        let Some(r) = sessions
            .rows
            .get(i as usize)
            .filter(|_| sessions.is_live(i))
        else {
            continue;
        };
        bump(&mut clients, r.sym(Field::Client));
        bump(&mut oses, r.sym(Field::OsName));
        if let Some(k) = kinds.get_mut(r.kind as usize) {
            *k += 1;
        }
        if r.login == NO_LOGIN {
            no_login += 1;
        } else {
            // Flipping the sign bit makes the u64 order the i64 order.
            *days
                .entry((local_day(r.login, tz) as u64) ^ (1 << 63))
                .or_default() += 1;
        }
    }
    let mut day_keys: Vec<u64> = days.keys().copied().collect();
    day_keys.sort_unstable();
    let days = day_keys
        .into_iter()
        .map(|k| ((k ^ (1 << 63)) as i64, days.get(&k).copied().unwrap_or(0)))
        .collect();
    // `DeviceKind::ALL` is in the kinds' own order, so the index breaks count ties.
    let count = |k: u32| kinds.get(k as usize).copied().unwrap_or(0);
    let mut order: Vec<u32> = (0..kinds.len() as u32).filter(|&k| count(k) > 0).collect();
    sort_indices(&mut order, &|a, b| count(b).cmp(&count(a)).then(a.cmp(&b)));
    let kinds = order
        .into_iter()
        .filter_map(|k| Some((*DeviceKind::ALL.get(k as usize)?, count(k))))
        .collect();
    Stats {
        clients: ranked(sessions, Field::Client, &clients),
        oses: ranked(sessions, Field::OsName, &oses),
        kinds,
        days,
        no_login,
    }
}

fn bump(counts: &mut [usize], sym: u32) {
    if let Some(c) = counts.get_mut(sym as usize) {
        *c += 1;
    }
}

fn ranked(sessions: &Sessions, field: Field, counts: &[usize]) -> Vec<(String, usize)> {
    let pool = &sessions.pools[field as usize];
    let count = |sym: u32| counts.get(sym as usize).copied().unwrap_or(0);
    let mut syms: Vec<u32> = (0..counts.len() as u32).filter(|&s| count(s) > 0).collect();
    sort_indices(&mut syms, &|a, b| {
        let (x, y) = (pool.get(a), pool.get(b));
        count(b)
            .cmp(&count(a))
            .then_with(|| cmp_folded(x, y))
            .then_with(|| x.cmp(y))
            .then(a.cmp(&b))
    });
    syms.into_iter()
        .map(|s| (pool.get(s).to_owned(), count(s)))
        .collect()
}

/// One user's sessions, for the "Group by user" view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserGroup {
    /// Empty when the server sent none; such rows group by username.
    pub user_id: String,
    pub name: String,
    pub username: String,
    /// Indices, in the order of the input (the view's order).
    pub rows: Vec<u32>,
}

impl UserGroup {
    pub fn count(&self) -> usize {
        self.rows.len()
    }
}

/// Groups the present rows among `rows` by user, groups ordered by their first row, so
/// the grouping follows the current sort.
pub fn group_by_user(sessions: &Sessions, rows: &[u32]) -> Vec<UserGroup> {
    let mut index = Counts::new();
    let mut groups: Vec<UserGroup> = Vec::new();
    for &i in rows {
        let Some(r) = sessions.row(i) else { continue };
        let Some(raw) = sessions.rows.get(i as usize) else {
            continue;
        };
        let id = raw.sym(Field::UserId);
        let key =
            (u64::from(id) << 32) | u64::from(if id == 0 { raw.sym(Field::Username) } else { 0 });
        let g = *index.entry(key).or_insert_with(|| {
            groups.push(UserGroup {
                user_id: r.user_id().to_owned(),
                name: r.user_name().to_owned(),
                username: r.username().to_owned(),
                rows: Vec::new(),
            });
            groups.len() - 1
        });
        if let Some(group) = groups.get_mut(g) {
            group.rows.push(i);
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::tests::{load, Fx};

    fn sample() -> Sessions {
        load(vec![
            Fx::new("a")
                .client("browser", "Chrome", "1")
                .os("Windows", "10")
                .user("u1", "ann", None)
                .login("2023-05-24T23:30:00Z"),
            Fx::new("b")
                .client("browser", "Firefox", "1")
                .os("Linux", "")
                .user("u2", "bob", Some("Bob"))
                .login("2023-05-25T00:30:00Z"),
            Fx::new("c")
                .client("browser", "Chrome", "2")
                .os("Windows", "11")
                .user("u1", "ann", None)
                .login("2023-05-23T12:00:00Z"),
            Fx::new("d")
                .client("mobile-app", "RC Mobile", "4")
                .os("iOS", "17")
                .user("u2", "bob", Some("Bob")),
            Fx::new("e")
                .client("", "", "")
                .user("", "ghost", None)
                .login("2023-05-25T08:00:00Z"),
        ])
    }

    #[test]
    fn counts_are_ordered_by_count_then_name() {
        let s = sample();
        let st = stats(&s, &s.live_indices());
        let owned = |v: &[(&str, usize)]| {
            v.iter()
                .map(|&(k, n)| (k.to_owned(), n))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            st.clients,
            owned(&[("Chrome", 2), ("", 1), ("Firefox", 1), ("RC Mobile", 1)])
        );
        assert_eq!(
            st.oses,
            owned(&[("Windows", 2), ("", 1), ("iOS", 1), ("Linux", 1)])
        );
        assert_eq!(
            st.kinds,
            [
                (DeviceKind::Browser, 3),
                (DeviceKind::MobileApp, 1),
                (DeviceKind::Other, 1)
            ]
        );
        let day = |d: &str| crate::grid::time::parse_day(d).expect("day");
        assert_eq!(
            st.days,
            [
                (day("2023-05-23"), 1),
                (day("2023-05-24"), 1),
                (day("2023-05-25"), 2)
            ]
        );
        assert_eq!(st.no_login, 1);
    }

    #[test]
    fn days_follow_the_local_offset_and_only_given_rows_count() {
        let rows = sample().live_indices();
        assert!(
            stats(&Sessions::default(), &rows).days.is_empty(),
            "indices of another set are ignored"
        );
        let local = {
            let mut v = Vec::new();
            for f in ["2023-05-24T23:30:00Z", "2023-05-25T00:30:00Z"] {
                v.push(Fx::new(f).login(f).0);
            }
            Sessions::from_wire(v, 60)
        };
        let day = crate::grid::time::parse_day("2023-05-25").expect("day");
        assert_eq!(stats(&local, &local.live_indices()).days, [(day, 2)]);
        let mut s = sample();
        s.remove(&["a"]);
        assert_eq!(stats(&s, &[0, 1]).clients, [("Firefox".to_owned(), 1)]);
    }

    #[test]
    fn groups_follow_the_given_order() {
        let s = sample();
        let g = group_by_user(&s, &[3, 0, 4, 1, 2]);
        let summary: Vec<(&str, &str, usize, &[u32])> = g
            .iter()
            .map(|g| {
                (
                    g.user_id.as_str(),
                    g.username.as_str(),
                    g.count(),
                    g.rows.as_slice(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("u2", "bob", 2, &[3, 1][..]),
                ("u1", "ann", 2, &[0, 2][..]),
                ("", "ghost", 1, &[4][..])
            ]
        );
        assert_eq!(g[0].name, "Bob");
    }
}
