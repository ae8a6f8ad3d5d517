//! Too many sessions per user, and "Keep the newest N, log out the rest".
//!
//! A user is the user id; rows without one are grouped by username (as *Group by user*
//! does), and rows with neither belong to no user and are never counted here.

use super::RowSet;
use crate::grid::session::{Field, Row, Sessions};
use crate::grid::sort::sort_indices;
use std::cmp::Ordering;

/// Live rows grouped by user with a counting sort over the user symbols: linear, and each
/// group's rows come out in ascending index order. Each row carries a payload computed in
/// the same sequential pass (duplicates carry their device key), so later work on a group
/// reads contiguous memory instead of jumping through the row array.
pub(crate) struct ByUser<T = ()> {
    /// (payload, row index), user after user.
    items: Vec<(T, u32)>,
    /// Group g is `items[starts[g]..starts[g + 1]]`.
    starts: Vec<u32>,
}

/// A dense user key: the user id symbol, or past the ids the username symbol.
fn user_key(r: &Row, ids: usize) -> Option<usize> {
    match (r.sym(Field::UserId), r.sym(Field::Username)) {
        (0, 0) => None,
        (0, name) => Some(ids + name as usize),
        (id, _) => Some(id as usize),
    }
}

impl ByUser {
    pub(crate) fn new(sessions: &Sessions) -> ByUser {
        ByUser::with(sessions, |_| ())
    }
}

impl<T: Copy + Default> ByUser<T> {
    pub(crate) fn with(sessions: &Sessions, payload: impl Fn(&Row) -> T) -> ByUser<T> {
        let ids = sessions.pools[Field::UserId as usize].len();
        let keys = ids + sessions.pools[Field::Username as usize].len();
        let mut counts = vec![0u32; keys];
        let key = |i: usize, r: &Row| user_key(r, ids).filter(|_| sessions.is_live(i as u32));
        for (i, r) in sessions.rows.iter().enumerate() {
            if let Some(c) = key(i, r).and_then(|k| counts.get_mut(k)) {
                *c += 1;
            }
        }
        // Counts become each key's next free position in `items`.
        let mut starts = Vec::new();
        let mut at = 0u32;
        for c in &mut counts {
            if *c > 0 {
                starts.push(at);
                let n = *c;
                *c = at;
                at += n;
            }
        }
        starts.push(at);
        let mut items = vec![(T::default(), 0u32); at as usize];
        for (i, r) in sessions.rows.iter().enumerate() {
            if let Some(c) = key(i, r).and_then(|k| counts.get_mut(k)) {
                if let Some(slot) = items.get_mut(*c as usize) {
                    *slot = (payload(r), i as u32);
                }
                *c += 1;
            }
        }
        ByUser { items, starts }
    }

    fn range(&self, g: usize) -> Option<std::ops::Range<usize>> {
        let (&a, &b) = (self.starts.get(g)?, self.starts.get(g + 1)?);
        Some(a as usize..b as usize)
    }

    /// Each user's rows with their payloads, ascending.
    pub(crate) fn groups(&self) -> impl Iterator<Item = &[(T, u32)]> + '_ {
        (0..self.starts.len().saturating_sub(1)).filter_map(|g| self.items.get(self.range(g)?))
    }

    /// Calls `f` with each user's rows, which it may reorder.
    pub(crate) fn each_mut(&mut self, mut f: impl FnMut(&mut [(T, u32)])) {
        for g in 0..self.starts.len().saturating_sub(1) {
            if let Some(group) = self.range(g).and_then(|r| self.items.get_mut(r)) {
                f(group);
            }
        }
    }

    /// Rows of users with more than `max` sessions, and how many such users.
    pub(crate) fn over(&self, max: u32) -> (usize, usize) {
        self.groups()
            .filter(|g| g.len() > max as usize)
            .fold((0, 0), |(rows, users), g| (rows + g.len(), users + 1))
    }
}

/// Every live session of the users who have more than `max`.
pub fn too_many(sessions: &Sessions, max: u32) -> RowSet {
    let mut set = RowSet::with_slots(sessions.slots());
    for g in ByUser::new(sessions).groups() {
        if g.len() > max as usize {
            for &(_, i) in g {
                set.insert(i);
            }
        }
    }
    set
}

/// A user with their session count, for the panel's per-user actions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserCount {
    /// Empty when the rows have none (then `username` names the user).
    pub user_id: String,
    pub username: String,
    /// The display name (name, else username), as the User column shows it.
    pub name: String,
    pub sessions: usize,
}

/// The users with more than `max` sessions, most sessions first (ties by user id, then
/// username, so the list is stable across loads).
pub fn users_over(sessions: &Sessions, max: u32) -> Vec<UserCount> {
    let mut out: Vec<UserCount> = ByUser::new(sessions)
        .groups()
        .filter(|g| g.len() > max as usize)
        .filter_map(|g| {
            let r = sessions.row(g.first()?.1)?;
            Some(UserCount {
                user_id: r.user_id().to_owned(),
                username: r.username().to_owned(),
                name: r.user_display().to_owned(),
                sessions: g.len(),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.sessions
            .cmp(&a.sessions)
            .then_with(|| a.user_id.cmp(&b.user_id))
            .then_with(|| a.username.cmp(&b.username))
    });
    out
}

/// Whose sessions "Keep the newest N" acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whose<'a> {
    /// One user: a user id, or for rows without one, their username (see the module doc).
    User(&'a str),
    /// Every user (only those over N lose anything).
    All,
}

/// Newest first: the later login, then (equal or missing logins) the smaller session id,
/// then the smaller index. Session ids make the order the same on every load, so a preview
/// and the action after a refresh pick the same sessions. A missing login counts as oldest.
pub(crate) fn newest_first(sessions: &Sessions, a: u32, b: u32) -> Ordering {
    let (Some(x), Some(y)) = (sessions.rows.get(a as usize), sessions.rows.get(b as usize)) else {
        return a.cmp(&b);
    };
    y.login
        .cmp(&x.login)
        .then_with(|| {
            let id = |r| sessions.text(r, Field::SessionId);
            id(x).cmp(id(y))
        })
        .then(a.cmp(&b))
}

/// The rows to log out so that each chosen user keeps only their `n` newest sessions
/// (see [`newest_first`] for ties), ascending. `n = 0` ends every session of the chosen users.
pub fn keep_newest(sessions: &Sessions, n: u32, whose: Whose<'_>) -> Vec<u32> {
    let mut out = Vec::new();
    let mut trim = |group: &mut Vec<u32>| {
        if group.len() > n as usize {
            sort_indices(group, &|a, b| newest_first(sessions, a, b));
            out.extend(group.iter().skip(n as usize));
        }
    };
    match whose {
        Whose::User(key) => {
            let key = key.trim();
            if key.is_empty() {
                return out;
            }
            let mut group: Vec<u32> = (0..sessions.slots() as u32)
                .filter(|&i| {
                    sessions.row(i).is_some_and(|r| {
                        r.user_id() == key || (r.user_id().is_empty() && r.username() == key)
                    })
                })
                .collect();
            trim(&mut group);
        }
        Whose::All => {
            let mut group = Vec::new();
            for g in ByUser::new(sessions).groups() {
                group.clear();
                group.extend(g.iter().map(|&(_, i)| i));
                trim(&mut group);
            }
        }
    }
    out.sort_unstable();
    out
}
