//! The row model: sessions normalised once at load into interned fields, search text and sort ranks.

use super::by_value::Values;
pub use super::column::{Column, DeviceKind};
use super::sort::{ColumnRanks, Ranks};
pub(crate) use super::text::SEPARATOR;
use super::text::{fold_into, Pool};
use super::time::{format_login, push_login};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashSet;
use std::ops::Range;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

/// The stored string fields of a row, each interned in a pool of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Client,
    Version,
    LongVersion,
    OsName,
    OsVersion,
    UserName,
    Username,
    UserId,
    SessionId,
    Host,
    Ip,
}

pub(crate) const FIELDS: usize = 11;

/// One normalised row: a symbol per field, so a row costs 56 bytes plus its unique text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row {
    pub(crate) f: [u32; FIELDS],
    /// Epoch ms; [`NO_LOGIN`] when missing or unparsable.
    pub(crate) login: i64,
    pub(crate) kind: DeviceKind,
    pub(crate) current: bool,
    /// `_user` was absent: the user document is gone. Sits in the padding: no extra bytes.
    pub(crate) orphan: bool,
}

pub(crate) const NO_LOGIN: i64 = i64::MIN;

impl Row {
    pub(crate) fn sym(&self, field: Field) -> u32 {
        self.f[field as usize]
    }
}

/// Versions are drawn from one process-wide counter so that a freshly loaded set never
/// shares a version with the set it replaces, and a memoised view can trust equality.
static NEXT_VERSION: AtomicU64 = AtomicU64::new(1);

fn next_version() -> u64 {
    NEXT_VERSION.fetch_add(1, Ordering::Relaxed)
}

/// Every session the server listed, normalised once; rows are addressed by `u32` index
/// (the server's order) and never move, so views are index lists (see `view.rs`).
#[derive(Debug, Clone)]
pub struct Sessions {
    pub(crate) rows: Vec<Row>,
    pub(crate) pools: [Pool; FIELDS],
    /// Every row's folded search text joined by [`SEPARATOR`], so one scan searches all rows.
    pub(crate) hay: Vec<u8>,
    /// Row i's text starts at `starts[i]` and ends where its separator starts, at
    /// `starts[i + 1] - SEPARATOR.len()`.
    pub(crate) starts: Vec<u32>,
    pub(crate) ranks: Ranks,
    /// Tombstones of logged-out rows: removing one must not renumber the others.
    dead: Vec<u64>,
    live: usize,
    /// Identifies the load; `version` also changes on removal.
    load_id: u64,
    version: u64,
    tz_offset_minutes: i32,
    /// False when the server did not say which session is the page's own, so every row of
    /// the signed-in user is marked as possibly being it (see [`Sessions::mark_own`]).
    own_known: bool,
    /// Each column's distinct values as search text, built the first time a pattern needs
    /// them (see `by_value.rs`); the pools never change after a build, removals included.
    values: OnceCell<Rc<Values>>,
}

/// How the page's own session is recognised among the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Own<'a> {
    /// The session id `sessions/list` marked `current` (Rocket.Chat 8.7+).
    Session(&'a str),
    /// The server does not mark it: any session of this user id may be the page's own.
    AnyOfUser(&'a str),
}

impl Default for Sessions {
    fn default() -> Self {
        Sessions::from_wire(Vec::new(), 0)
    }
}

pub(crate) fn clean(s: &Option<String>) -> &str {
    s.as_deref().map(str::trim).unwrap_or("")
}

impl Sessions {
    /// The set from what `SessionsBuilder` gathered: `starts` holds one start per row.
    pub(crate) fn from_parts(
        rows: Vec<Row>,
        pools: [Pool; FIELDS],
        hay: Vec<u8>,
        mut starts: Vec<u32>,
        tz_offset_minutes: i32,
    ) -> Sessions {
        let end = hay.len().saturating_add(SEPARATOR.len());
        starts.push(u32::try_from(end).unwrap_or(u32::MAX));
        let version = next_version();
        Sessions {
            dead: vec![0; rows.len().div_ceil(64)],
            live: rows.len(),
            rows,
            pools,
            hay,
            starts,
            ranks: Ranks::default(),
            load_id: version,
            version,
            tz_offset_minutes,
            own_known: true,
            values: OnceCell::new(),
        }
    }

    /// `column`'s sort ranks, built the first time they are asked (see `sort.rs`).
    pub(crate) fn column_ranks(&self, column: Column) -> &ColumnRanks {
        self.ranks.column(column, &self.rows, &self.pools)
    }

    /// Ranks the first column not ranked yet, so that a first sort by it need not; `false`
    /// once every column is. The page calls it while idle after a load.
    pub fn warm_ranks(&self) -> bool {
        match Column::ALL.into_iter().find(|&c| !self.ranks.has(c)) {
            Some(c) => {
                self.column_ranks(c);
                true
            }
            None => false,
        }
    }

    /// Each column's distinct values as search text (see `by_value.rs`), built on first use.
    pub(crate) fn values(&self) -> Rc<Values> {
        Rc::clone(self.values.get_or_init(|| {
            Rc::new(Values::of(
                SEARCHED.iter().map(|&f| &self.pools[f as usize]),
                self.rows
                    .iter()
                    .map(|r| (r.login != NO_LOGIN).then_some(r.login)),
                self.tz_offset_minutes,
            ))
        }))
    }

    /// Marks the rows that are (or, when the server does not say, may be) the session this
    /// page signs in with; `current()` then answers true for them. Returns how many.
    pub fn mark_own(&mut self, own: Own<'_>) -> usize {
        let (field, id) = match own {
            Own::Session(id) => (Field::SessionId, id),
            Own::AnyOfUser(id) => (Field::UserId, id),
        };
        if matches!(own, Own::AnyOfUser(_)) && self.rows.iter().any(|r| r.current) {
            // A server that marks its own rows of list.all is believed.
            return 0;
        }
        self.own_known = matches!(own, Own::Session(_));
        if id.trim().is_empty() {
            return 0;
        }
        let pool = &self.pools[field as usize];
        let mut marked = 0;
        for row in &mut self.rows {
            if pool.get(row.sym(field)) == id.trim() {
                row.current = true;
                marked += 1;
            }
        }
        if marked > 0 {
            self.version = next_version();
        }
        marked
    }

    /// Whether the server said which session is this page's own (see [`Sessions::mark_own`]).
    pub fn own_known(&self) -> bool {
        self.own_known
    }

    /// Changes whenever the rows change (a new load or a removal).
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Stays the same across removals, so a view can drop removed rows instead of recomputing.
    pub fn load_id(&self) -> u64 {
        self.load_id
    }

    pub fn tz_offset_minutes(&self) -> i32 {
        self.tz_offset_minutes
    }

    /// Rows not removed.
    pub fn len(&self) -> usize {
        self.live
    }

    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// Size of the index space: every row ever loaded, removed ones included.
    pub fn slots(&self) -> usize {
        self.rows.len()
    }

    pub fn is_live(&self, index: u32) -> bool {
        let i = index as usize;
        i < self.rows.len()
            && self
                .dead
                .get(i / 64)
                .is_some_and(|w| w & (1 << (i % 64)) == 0)
    }

    /// A row by index; `None` when out of range or removed.
    pub fn row(&self, index: u32) -> Option<RowRef<'_>> {
        let row = self.rows.get(index as usize)?;
        self.is_live(index).then_some(RowRef {
            sessions: self,
            index,
            row,
        })
    }

    /// Indices of all rows still present, in the server's order.
    pub fn live_indices(&self) -> Vec<u32> {
        (0..self.rows.len() as u32)
            .filter(|&i| self.is_live(i))
            .collect()
    }

    /// The index of a present row with this session id.
    pub fn find(&self, session_id: &str) -> Option<u32> {
        let pool = &self.pools[Field::SessionId as usize];
        (0..self.rows.len() as u32).find(|&i| {
            self.is_live(i) && pool.get(self.rows[i as usize].sym(Field::SessionId)) == session_id
        })
    }

    /// Removes the rows with these session ids (after a logout) and returns how many went.
    /// Indices of other rows do not change; the version changes when anything was removed.
    pub fn remove<S: AsRef<str>>(&mut self, session_ids: &[S]) -> usize {
        let targets: HashSet<&str> = session_ids
            .iter()
            .map(AsRef::as_ref)
            .filter(|s| !s.is_empty())
            .collect();
        if targets.is_empty() {
            return 0;
        }
        let pool = &self.pools[Field::SessionId as usize];
        let mut removed = 0;
        for (i, row) in self.rows.iter().enumerate() {
            let word = self.dead.get_mut(i / 64);
            let Some(word) = word else { break };
            let bit = 1u64 << (i % 64);
            if *word & bit == 0 && targets.contains(pool.get(row.sym(Field::SessionId))) {
                *word |= bit;
                removed += 1;
            }
        }
        if removed > 0 {
            self.live -= removed;
            self.version = next_version();
        }
        removed
    }

    /// The folded text the search runs over, for a row (also removed ones).
    pub fn search_text(&self, index: u32) -> &str {
        std::str::from_utf8(self.row_bytes(index)).unwrap_or("")
    }

    pub(crate) fn row_bytes(&self, index: u32) -> &[u8] {
        row_span(&self.hay, &self.starts, index as usize)
            .and_then(|r| self.hay.get(r))
            .unwrap_or(&[])
    }

    /// An estimate of the heap this set holds, for the memory budget.
    pub fn heap_bytes(&self) -> usize {
        self.rows.capacity() * std::mem::size_of::<Row>()
            + self.pools.iter().map(Pool::heap_bytes).sum::<usize>()
            + self.hay.capacity()
            + self.starts.capacity() * 4
            + self.ranks.heap_bytes()
            + self.dead.capacity() * 8
            + self.values.get().map_or(0, |v| v.heap_bytes())
    }

    pub(crate) fn text(&self, row: &Row, field: Field) -> &str {
        self.pools[field as usize].get(row.sym(field))
    }
}

/// Row `i`'s text in the joined haystack: from its start to where the next row's separator
/// starts, or to the haystack's end for a builder's last row (its end entry comes at finish).
/// `None` for a row that is not there.
pub(crate) fn row_span(hay: &[u8], starts: &[u32], i: usize) -> Option<Range<usize>> {
    let start = *starts.get(i)? as usize;
    let end = starts
        .get(i + 1)
        .map_or(hay.len(), |&e| (e as usize).saturating_sub(SEPARATOR.len()));
    (start <= end && end <= hay.len()).then_some(start..end)
}

/// The fields in the search text, in its order.
pub(crate) const SEARCHED: [Field; 10] = {
    use Field::*;
    [
        Client, Version, OsName, OsVersion, UserName, Username, SessionId, UserId, Ip, Host,
    ]
};

/// The folded, non-empty fields in column order, space-separated, then the login as shown.
pub(crate) fn push_search_text(
    hay: &mut String,
    v: &[&str; FIELDS],
    login: i64,
    tz_offset_minutes: i32,
) {
    let mut first = true;
    for f in SEARCHED {
        let s = v[f as usize];
        if !s.is_empty() {
            if !first {
                hay.push(' ');
            }
            fold_into(s, hay);
            first = false;
        }
    }
    if login != NO_LOGIN {
        if !first {
            hay.push(' ');
        }
        push_login(hay, login, tz_offset_minutes);
    }
}

/// A session as one short line shows it (a bulk logout's preview, the rows gone since the
/// last load): its fields owned, so the line outlives the set it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowLine {
    pub session_id: String,
    /// As the User column shows it (the name, else the username).
    pub user: String,
    pub client: String,
    /// OS name and version, e.g. `Windows 10`.
    pub os: String,
    pub ip: String,
    pub login_ms: Option<i64>,
}

/// A borrowed view of one present row, with its fields as the table shows them.
#[derive(Debug, Clone, Copy)]
pub struct RowRef<'a> {
    sessions: &'a Sessions,
    index: u32,
    row: &'a Row,
}

impl<'a> RowRef<'a> {
    fn get(&self, f: Field) -> &'a str {
        self.sessions.text(self.row, f)
    }
    pub fn index(&self) -> u32 {
        self.index
    }
    pub fn session_id(&self) -> &'a str {
        self.get(Field::SessionId)
    }
    pub fn user_id(&self) -> &'a str {
        self.get(Field::UserId)
    }
    pub fn client(&self) -> &'a str {
        self.get(Field::Client)
    }
    pub fn kind(&self) -> DeviceKind {
        self.row.kind
    }
    pub fn version(&self) -> &'a str {
        self.get(Field::Version)
    }
    pub fn long_version(&self) -> &'a str {
        self.get(Field::LongVersion)
    }
    pub fn os_name(&self) -> &'a str {
        self.get(Field::OsName)
    }
    pub fn os_version(&self) -> &'a str {
        self.get(Field::OsVersion)
    }
    /// OS name and version, e.g. `Windows 10`.
    pub fn os(&self) -> Cow<'a, str> {
        match (self.os_name(), self.os_version()) {
            (n, "") => Cow::Borrowed(n),
            ("", v) => Cow::Borrowed(v),
            (n, v) => Cow::Owned(format!("{n} {v}")),
        }
    }
    /// The user's full name; often absent on the wire.
    pub fn user_name(&self) -> &'a str {
        self.get(Field::UserName)
    }
    pub fn username(&self) -> &'a str {
        self.get(Field::Username)
    }
    /// The name when there is one, else the username (what the User column shows).
    pub fn user_display(&self) -> &'a str {
        match self.user_name() {
            "" => self.username(),
            n => n,
        }
    }
    pub fn host(&self) -> &'a str {
        self.get(Field::Host)
    }
    pub fn ip(&self) -> &'a str {
        self.get(Field::Ip)
    }
    pub fn login_ms(&self) -> Option<i64> {
        (self.row.login != NO_LOGIN).then_some(self.row.login)
    }
    /// The row's fields for a short line of its own (see [`RowLine`]).
    pub fn line(&self) -> RowLine {
        RowLine {
            session_id: self.session_id().to_owned(),
            user: self.user_display().to_owned(),
            client: self.client().to_owned(),
            os: self.os().into_owned(),
            ip: self.ip().to_owned(),
            login_ms: self.login_ms(),
        }
    }
    /// The login as the table shows it (`YYYY-MM-DD HH:MM`), empty when unknown.
    pub fn login_text(&self) -> String {
        self.login_ms()
            .map(|ms| format_login(ms, self.sessions.tz_offset_minutes))
            .unwrap_or_default()
    }
    /// The admin's own session (8.7+ servers mark it): logging it out ends this page's session.
    /// The page's own session, or, when the server does not say which that is, one of the
    /// signed-in user's sessions (see [`Sessions::mark_own`]).
    pub fn current(&self) -> bool {
        self.row.current
    }
    /// The server sent no `_user`: the user behind the session no longer exists.
    pub fn orphaned(&self) -> bool {
        self.row.orphan
    }
    /// Known for certain to be the session this page is signed in with.
    pub fn surely_current(&self) -> bool {
        self.row.current && self.sessions.own_known
    }
    pub fn search_text(&self) -> &'a str {
        self.sessions.search_text(self.index)
    }
    /// The cell text of a column, as displayed and exported.
    pub fn cell(&self, column: Column) -> Cow<'a, str> {
        match column {
            Column::Client => Cow::Borrowed(self.client()),
            Column::Version => Cow::Borrowed(self.version()),
            Column::Os => self.os(),
            Column::User => Cow::Borrowed(self.user_display()),
            Column::LastLogin => Cow::Owned(self.login_text()),
            Column::DeviceId => Cow::Borrowed(self.session_id()),
            Column::Ip => Cow::Borrowed(self.ip()),
            Column::Host => Cow::Borrowed(self.host()),
            Column::UserId => Cow::Borrowed(self.user_id()),
        }
    }
}
