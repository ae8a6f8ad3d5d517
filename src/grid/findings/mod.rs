//! Findings: filters that point at sessions that should not exist, for the Findings panel.
//!
//! Each [`Finding`] is a small value with its own parameters (days, a per-user limit); the
//! lists an admin sets once — minimum client versions and trusted networks — live in
//! [`Settings`] and reach a finding through a [`Context`]. A finding computes the set of
//! matching live rows ([`Finding::members`], a [`RowSet`] that a view can intersect with its
//! other filters) and says itself as a chip label and a URL key and value. [`count_all`]
//! counts every finding at once for the panel; [`diff()`] compares two loads.
//!
//! Everything is pure and linear in the rows (a few passes over `u32` symbols, per-value
//! work done once per distinct value), so each finding fits a frame at 100,000 sessions
//! (`benches/grid.rs`, `findings_*`).

mod cidr;
mod diff;
mod duplicates;
mod orphaned;
mod outdated;
mod per_user;
mod settings;
mod stale;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;
#[cfg(test)]
mod tests;

pub use cidr::{LineError, Network, NetworkError, Networks, MAX_NETWORKS};
pub use diff::{diff, Diff, Gone};
pub use duplicates::{duplicates, keep_newest_of_each};
pub use orphaned::orphaned;
pub use outdated::{outdated, ClientRule, MinVersions, VersionError};
pub use per_user::{keep_newest, too_many, users_over, UserCount, Whose};
pub use settings::{Settings, SettingsError};
pub use stale::stale;

use super::session::Sessions;
use std::fmt;

/// A day in milliseconds.
pub const DAY_MS: i64 = 86_400_000;
/// Stale: logins older than this many days, unless the admin says otherwise.
pub const DEFAULT_STALE_DAYS: u32 = 90;
/// Too many per user: more sessions than this, unless the admin says otherwise.
pub const DEFAULT_MAX_PER_USER: u32 = 10;
/// Bounds for the numbers a URL or a settings file may carry (a century; a million).
pub const MAX_STALE_DAYS: u32 = 36_500;
pub const MAX_PER_USER_LIMIT: u32 = 1_000_000;

/// A set of row indices over a [`Sessions`]' index space: one bit per slot, so membership
/// is a shift and a mask, and combining with another filter is a pass over that filter's rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowSet {
    words: Vec<u64>,
    len: usize,
}

impl RowSet {
    /// An empty set for indices below `slots` (see [`Sessions::slots`]).
    pub fn with_slots(slots: usize) -> RowSet {
        RowSet {
            words: vec![0; slots.div_ceil(64)],
            len: 0,
        }
    }

    /// Adds a row; indices beyond the slots given at creation are ignored.
    pub(crate) fn insert(&mut self, i: u32) {
        if let Some(w) = self.words.get_mut(i as usize / 64) {
            let bit = 1u64 << (i % 64);
            if *w & bit == 0 {
                *w |= bit;
                self.len += 1;
            }
        }
    }

    pub fn contains(&self, i: u32) -> bool {
        self.words
            .get(i as usize / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// How many rows are in the set.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The rows in ascending index order (the server's order).
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().enumerate().flat_map(|(k, &w)| {
            let mut w = w;
            std::iter::from_fn(move || {
                (w != 0).then(|| {
                    let bit = w.trailing_zeros();
                    w &= w - 1;
                    (k as u32) * 64 + bit
                })
            })
        })
    }

    pub fn to_vec(&self) -> Vec<u32> {
        let mut v = Vec::with_capacity(self.len);
        v.extend(self.iter());
        v
    }

    /// Keeps only the rows of `rows` in this set, in their order: how a view narrows its
    /// other filters' result by a finding.
    pub fn retain_in(&self, rows: &mut Vec<u32>) {
        rows.retain(|&i| self.contains(i));
    }
}

/// What a finding needs beyond its own parameters: the admin's lists and the clock.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub settings: &'a Settings,
    /// "Now" for [`Finding::Stale`], epoch ms (the caller's clock, so tests can fix it).
    pub now_ms: i64,
}

/// One finding, as a filter of the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Finding {
    /// Last login more than `days` days before now; rows without a login time are not judged.
    Stale { days: u32 },
    /// Every session of a user who has more than `max` (see [`too_many`]).
    TooMany { max: u32 },
    /// Sessions sharing user, client, OS and IP with another (see [`duplicates`]).
    Duplicates,
    /// The server sent no `_user`: the user is gone.
    Orphaned,
    /// A client below the minimum version set for it in [`Settings::min_versions`].
    Outdated,
    /// An IP in none of [`Settings::networks`]; off (nothing) while no network is set.
    Untrusted,
}

/// Why a URL key or value could not be read as a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindingError {
    /// Not one of [`Finding::URL_KEYS`].
    UnknownKey(String),
    /// A number out of range or not a whole number.
    BadNumber {
        key: &'static str,
        value: String,
        min: u32,
        max: u32,
    },
    /// A switch-like finding whose value is not `1`.
    NotOne { key: &'static str, value: String },
}

impl FindingError {
    /// The sentence for the admin, in `lang`. The pair is written as in the link
    /// (`stale=0`, one variable so it stays in order in right-to-left text) and the bounds
    /// as numbers to type there, not grouped.
    pub fn say(&self, lang: crate::i18n::Lang) -> String {
        use crate::tr;
        match self {
            FindingError::UnknownKey(key) => tr!(lang, FD_LINK_UNKNOWN, key = key),
            FindingError::BadNumber {
                key,
                value,
                min,
                max,
            } => tr!(
                lang,
                FD_LINK_BAD_NUMBER,
                pair = &format!("{key}={value}"),
                min = &min.to_string(),
                max = &max.to_string()
            ),
            FindingError::NotOne { key, value } => tr!(
                lang,
                FD_LINK_NOT_ONE,
                pair = &format!("{key}={value}"),
                fix = &format!("{key}=1")
            ),
        }
    }
}

impl fmt::Display for FindingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(crate::i18n::Lang::En))
    }
}

impl std::error::Error for FindingError {}

impl Finding {
    /// Every URL key a finding may use, in the panel's order.
    pub const URL_KEYS: [&'static str; 6] =
        ["stale", "many", "dup", "orphan", "outdated", "untrusted"];

    /// The key of this finding in the page URL.
    pub fn url_key(&self) -> &'static str {
        match self {
            Finding::Stale { .. } => "stale",
            Finding::TooMany { .. } => "many",
            Finding::Duplicates => "dup",
            Finding::Orphaned => "orphan",
            Finding::Outdated => "outdated",
            Finding::Untrusted => "untrusted",
        }
    }

    /// The value beside [`Finding::url_key`]: the number for stale and many, else `1`.
    /// Outdated and untrusted name the admin's lists (settings), which are too long for a
    /// URL; a shared link applies the receiving page's own lists.
    pub fn url_value(&self) -> String {
        match self {
            Finding::Stale { days } => days.to_string(),
            Finding::TooMany { max } => max.to_string(),
            _ => "1".to_owned(),
        }
    }

    /// Where this finding stands in the panel (and in a link).
    pub fn order(&self) -> usize {
        Finding::URL_KEYS
            .iter()
            .position(|k| *k == self.url_key())
            .unwrap_or(Finding::URL_KEYS.len())
    }

    /// Whether the rows it matches depend on other rows (a user's other sessions), so a
    /// removal can change them.
    pub fn across_rows(&self) -> bool {
        matches!(self, Finding::TooMany { .. } | Finding::Duplicates)
    }

    /// Whether `key` belongs to a finding (so a URL reader can route it here).
    pub fn is_url_key(key: &str) -> bool {
        Finding::URL_KEYS.contains(&key)
    }

    /// The finding a URL pair names; a bad value is explained, never guessed at.
    pub fn from_url(key: &str, value: &str) -> Result<Finding, FindingError> {
        let value = value.trim();
        match key {
            "stale" => {
                number("stale", value, 1, MAX_STALE_DAYS).map(|days| Finding::Stale { days })
            }
            "many" => {
                number("many", value, 1, MAX_PER_USER_LIMIT).map(|max| Finding::TooMany { max })
            }
            "dup" => one("dup", value, Finding::Duplicates),
            "orphan" => one("orphan", value, Finding::Orphaned),
            "outdated" => one("outdated", value, Finding::Outdated),
            "untrusted" => one("untrusted", value, Finding::Untrusted),
            other => Err(FindingError::UnknownKey(other.to_owned())),
        }
    }

    /// A short label for the chip and the panel, in `lang`.
    pub fn label(&self, lang: crate::i18n::Lang) -> String {
        use crate::tr;
        match *self {
            Finding::Stale { days } => tr!(lang, FD_LABEL_STALE, days = days),
            Finding::TooMany { max } => tr!(lang, FD_LABEL_MANY, max = max),
            Finding::Duplicates => tr!(lang, FD_LABEL_DUP),
            Finding::Orphaned => tr!(lang, FD_LABEL_ORPHAN),
            Finding::Outdated => tr!(lang, FD_LABEL_OUTDATED),
            Finding::Untrusted => tr!(lang, FD_LABEL_UNTRUSTED),
        }
    }

    /// The live rows this finding matches, as a set over the index space.
    pub fn members(&self, sessions: &Sessions, cx: &Context<'_>) -> RowSet {
        match *self {
            Finding::Stale { days } => stale(sessions, days, cx.now_ms),
            Finding::TooMany { max } => too_many(sessions, max),
            Finding::Duplicates => duplicates(sessions),
            Finding::Orphaned => orphaned(sessions),
            Finding::Outdated => outdated(sessions, &cx.settings.min_versions),
            Finding::Untrusted => cx.settings.networks.untrusted(sessions),
        }
    }

    /// The live rows this finding matches, ascending.
    pub fn rows(&self, sessions: &Sessions, cx: &Context<'_>) -> Vec<u32> {
        self.members(sessions, cx).to_vec()
    }
}

fn number(key: &'static str, value: &str, min: u32, max: u32) -> Result<u32, FindingError> {
    // Digits only: `u32::from_str` would also take a leading `+`.
    value
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| value.parse::<u32>().ok())
        .flatten()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| FindingError::BadNumber {
            key,
            value: value.to_owned(),
            min,
            max,
        })
}

fn one(key: &'static str, value: &str, f: Finding) -> Result<Finding, FindingError> {
    if value == "1" {
        Ok(f)
    } else {
        Err(FindingError::NotOne {
            key,
            value: value.to_owned(),
        })
    }
}

/// Every finding's count, for the Findings panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub stale: usize,
    /// Rows of users over the limit, and how many such users there are.
    pub too_many: usize,
    pub too_many_users: usize,
    /// Rows in a duplicate group, and how many of them "Keep the newest of each" would end.
    pub duplicates: usize,
    pub duplicates_extra: usize,
    pub orphaned: usize,
    pub outdated: usize,
    pub untrusted: usize,
}

impl Counts {
    /// The row count the panel shows beside a finding.
    pub fn of(&self, f: Finding) -> usize {
        match f {
            Finding::Stale { .. } => self.stale,
            Finding::TooMany { .. } => self.too_many,
            Finding::Duplicates => self.duplicates,
            Finding::Orphaned => self.orphaned,
            Finding::Outdated => self.outdated,
            Finding::Untrusted => self.untrusted,
        }
    }
}

/// Counts every finding of `settings` (see [`Settings::findings`]) over the live rows.
/// The user grouping is made once and shared by "too many" and "duplicates".
pub fn count_all(sessions: &Sessions, settings: &Settings, now_ms: i64) -> Counts {
    let mut groups = duplicates::by_user(sessions);
    let (too_many, too_many_users) = groups.over(settings.max_per_user);
    let (duplicates, duplicates_extra) = duplicates::count(sessions, &mut groups);
    Counts {
        stale: stale(sessions, settings.stale_days, now_ms).len(),
        too_many,
        too_many_users,
        duplicates,
        duplicates_extra,
        orphaned: orphaned(sessions).len(),
        outdated: outdated(sessions, &settings.min_versions).len(),
        untrusted: settings.networks.untrusted(sessions).len(),
    }
}
