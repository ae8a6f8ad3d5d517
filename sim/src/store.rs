//! The in-memory sessions collection: active rows kept sorted by loginAt, plus the users
//! the filter searches.
//!
//! Rows stay sorted (oldest first, so a new login is a push), which makes a page by loginAt
//! descending a slice instead of a sort per request: the 1M-row target needs that.

use std::collections::HashMap;
use std::sync::Arc;

use regex::Regex;

use crate::model::{Session, UserView};

/// The user fields the server's filter looks at (`findActiveByUsernameOrNameRegex...`).
#[derive(Debug, Clone)]
pub struct UserRec {
    pub id: Arc<str>,
    pub username: String,
    pub name: Option<String>,
    pub nickname: Option<String>,
    pub active: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Store {
    /// Active sessions by value, ascending by (loginAt, insertion order).
    rows: Vec<Session>,
    /// Logged-out rows: the document keeps its loginToken, so a second logout still succeeds.
    logged_out: HashMap<String, Session>,
    pub users: Vec<UserRec>,
    /// `_user` of each user seen in the rows, so a new login of theirs shows the same one.
    views: HashMap<String, Arc<UserView>>,
}

impl Store {
    pub fn new(mut rows: Vec<Session>, users: Vec<UserRec>) -> Self {
        rows.sort_by_key(|s| s.login_at);
        let mut views = HashMap::new();
        for s in &rows {
            if let Some(u) = &s.user {
                views
                    .entry(s.user_id.to_string())
                    .or_insert_with(|| u.clone());
            }
        }
        Store {
            rows,
            logged_out: HashMap::new(),
            users,
            views,
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Adds a login; it lands at the top of loginAt-descending pages.
    pub fn insert(&mut self, s: Session) {
        let pos = self.rows.partition_point(|r| r.login_at <= s.login_at);
        self.rows.insert(pos, s);
    }

    pub fn add_user(&mut self, u: UserRec) {
        if !self.users.iter().any(|x| x.id == u.id) {
            self.users.push(u);
        }
    }

    /// A scan: logouts are rare, and an index would cost memory on every row.
    fn position(&self, session_id: &str) -> Option<usize> {
        self.rows.iter().rposition(|r| &*r.session_id == session_id)
    }

    /// Another active row next to `session_id` in loginAt order (the next older one, else the
    /// next newer), for `--info-wrong-id`; `None` when it is the only row.
    pub fn neighbour(&self, session_id: &str) -> Option<&Session> {
        let i = self.position(session_id)?;
        match i {
            0 => self.rows.get(1),
            _ => self.rows.get(i - 1),
        }
    }

    /// `findOneBySessionId`: active or already logged out.
    pub fn find_any(&self, session_id: &str) -> Option<Session> {
        self.position(session_id)
            .map(|i| self.rows[i].clone())
            .or_else(|| self.logged_out.get(session_id).cloned())
    }

    /// Marks the session logged out; it leaves every later list.
    pub fn logout(&mut self, session_id: &str) -> Option<Session> {
        let i = self.position(session_id)?;
        let s = self.rows.remove(i);
        self.logged_out.insert(s.session_id.to_string(), s.clone());
        Some(s)
    }

    /// A loginAt-descending page of the rows matching `pred`, and how many match in all.
    /// Borrowed rows: the caller serializes under the read lock instead of cloning `Arc`s.
    pub fn page(
        &self,
        mut pred: Option<&mut dyn FnMut(&Session) -> bool>,
        offset: usize,
        count: usize,
    ) -> (Vec<&Session>, usize) {
        match pred.as_mut() {
            None => {
                let total = self.rows.len();
                let out = self.rows.iter().rev().skip(offset).take(count).collect();
                (out, total)
            }
            Some(p) => {
                let mut total = 0usize;
                let mut out = Vec::new();
                for r in self.rows.iter().rev() {
                    if p(r) {
                        if total >= offset && out.len() < count {
                            out.push(r);
                        }
                        total += 1;
                    }
                }
                (out, total)
            }
        }
    }

    /// Ids of up to five active users whose username, name or nickname matches.
    pub fn matching_user_ids(&self, re: &Regex) -> Vec<Arc<str>> {
        self.users
            .iter()
            .filter(|u| u.active)
            .filter(|u| {
                re.is_match(&u.username)
                    || u.name.as_deref().is_some_and(|n| re.is_match(n))
                    || u.nickname.as_deref().is_some_and(|n| re.is_match(n))
            })
            .take(5)
            .map(|u| u.id.clone())
            .collect()
    }

    pub fn view_of(&self, user_id: &str) -> Option<Arc<UserView>> {
        self.views.get(user_id).cloned()
    }

    /// The newest login, so `--login-rate` can keep loginAt strictly increasing.
    pub fn newest_login_at(&self) -> Option<i64> {
        self.rows.last().map(|r| r.login_at)
    }
}
