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
    /// Active sessions, ascending by (loginAt, insertion order).
    rows: Vec<Arc<Session>>,
    /// sessionId → loginAt of the active row, to find it by binary search.
    index: HashMap<Arc<str>, i64>,
    /// Logged-out rows: the document keeps its loginToken, so a second logout still succeeds.
    logged_out: HashMap<Arc<str>, Arc<Session>>,
    pub users: Vec<UserRec>,
    /// `_user` of each user seen in the rows, so a new login of theirs shows the same one.
    views: HashMap<Arc<str>, Arc<UserView>>,
}

impl Store {
    pub fn new(mut rows: Vec<Arc<Session>>, users: Vec<UserRec>) -> Self {
        rows.sort_by_key(|s| s.login_at);
        let index = rows
            .iter()
            .map(|s| (s.session_id.clone(), s.login_at))
            .collect();
        let mut views = HashMap::new();
        for s in &rows {
            if let Some(u) = &s.user {
                views.entry(s.user_id.clone()).or_insert_with(|| u.clone());
            }
        }
        Store {
            rows,
            index,
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
    pub fn insert(&mut self, s: Arc<Session>) {
        self.index.insert(s.session_id.clone(), s.login_at);
        let pos = self.rows.partition_point(|r| r.login_at <= s.login_at);
        self.rows.insert(pos, s);
    }

    pub fn add_user(&mut self, u: UserRec) {
        if !self.users.iter().any(|x| x.id == u.id) {
            self.users.push(u);
        }
    }

    fn position(&self, session_id: &str) -> Option<usize> {
        let at = *self.index.get(session_id)?;
        let start = self.rows.partition_point(|r| r.login_at < at);
        (start..self.rows.len())
            .take_while(|&i| self.rows[i].login_at == at)
            .find(|&i| &*self.rows[i].session_id == session_id)
            .or_else(|| self.rows.iter().position(|r| &*r.session_id == session_id))
    }

    /// An active row by exact sessionId.
    pub fn get(&self, session_id: &str) -> Option<Arc<Session>> {
        self.position(session_id).map(|i| self.rows[i].clone())
    }

    /// `findOneBySessionId`: active or already logged out.
    pub fn find_any(&self, session_id: &str) -> Option<Arc<Session>> {
        self.get(session_id)
            .or_else(|| self.logged_out.get(session_id).cloned())
    }

    /// Marks the session logged out; it leaves every later list.
    pub fn logout(&mut self, session_id: &str) -> Option<Arc<Session>> {
        let i = self.position(session_id)?;
        let s = self.rows.remove(i);
        self.index.remove(session_id);
        self.logged_out.insert(s.session_id.clone(), s.clone());
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
                let out = self
                    .rows
                    .iter()
                    .rev()
                    .skip(offset)
                    .take(count)
                    .map(|r| &**r)
                    .collect();
                (out, total)
            }
            Some(p) => {
                let mut total = 0usize;
                let mut out = Vec::new();
                for r in self.rows.iter().rev() {
                    if p(r) {
                        if total >= offset && out.len() < count {
                            out.push(&**r);
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
