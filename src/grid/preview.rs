//! What a bulk logout will end, for its confirmation: how many sessions per user and per
//! client, how many are the admin's own, and the first of them.

use super::session::{RowLine, Sessions};
use std::collections::HashMap;

/// One session as the preview lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewRow {
    pub line: RowLine,
    /// The admin's own (their user id, or the page's own session).
    pub own: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Preview {
    /// Sessions that will end (rows already gone are not counted).
    pub total: usize,
    /// (user, sessions), most first, then by name.
    pub per_user: Vec<(String, usize)>,
    /// (client, sessions), most first, then by name.
    pub per_client: Vec<(String, usize)>,
    /// The admin's own sessions among them.
    pub own: usize,
    /// The first rows, in the order given.
    pub first: Vec<PreviewRow>,
}

fn ranked(counts: HashMap<&str, usize>) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = counts.into_iter().map(|(k, n)| (k.to_owned(), n)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

/// The preview of ending `rows` (indices into `sessions`), listing the first `first` rows;
/// `self_user_id` is the signed-in admin's (empty: unknown).
pub fn preview(sessions: &Sessions, rows: &[u32], self_user_id: &str, first: usize) -> Preview {
    let mut users: HashMap<&str, usize> = HashMap::new();
    let mut clients: HashMap<&str, usize> = HashMap::new();
    let mut out = Preview::default();
    for r in rows.iter().filter_map(|&i| sessions.row(i)) {
        let own = r.current() || (!self_user_id.is_empty() && r.user_id() == self_user_id);
        out.total += 1;
        out.own += usize::from(own);
        *users.entry(r.user_display()).or_default() += 1;
        *clients.entry(r.client()).or_default() += 1;
        if out.first.len() < first {
            out.first.push(PreviewRow {
                line: r.line(),
                own,
            });
        }
    }
    out.per_user = ranked(users);
    out.per_client = ranked(clients);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::tests::{load, Fx};

    #[test]
    fn counts_per_user_and_client_and_calls_out_the_admins_own() {
        let s = load(vec![
            Fx::new("s1")
                .user("u1", "ann", None)
                .client("browser", "Chrome", "1"),
            Fx::new("s2")
                .user("u1", "ann", None)
                .client("browser", "Firefox", "1"),
            Fx::new("s3")
                .user("me", "admin", None)
                .client("browser", "Chrome", "1"),
            Fx::new("s4")
                .user("u2", "bob", None)
                .client("browser", "Chrome", "1"),
        ]);
        let p = preview(&s, &[0, 1, 2, 3, 99], "me", 2);
        assert_eq!(p.total, 4, "an index with no row is not counted");
        assert_eq!(
            p.per_user,
            [
                ("ann".to_owned(), 2),
                ("admin".to_owned(), 1),
                ("bob".to_owned(), 1)
            ]
        );
        assert_eq!(
            p.per_client,
            [("Chrome".to_owned(), 3), ("Firefox".to_owned(), 1)]
        );
        assert_eq!(p.own, 1);
        let ids: Vec<&str> = p.first.iter().map(|r| r.line.session_id.as_str()).collect();
        assert_eq!(ids, ["s1", "s2"]);
        assert_eq!(
            preview(&s, &[2], "", 5).own,
            0,
            "no admin id: none known as own"
        );
    }
}
