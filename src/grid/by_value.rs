//! Regex search over each column's distinct values, for a pattern that cannot match a space.
//!
//! A row's search text is its fields, folded, joined by spaces, then the login as shown
//! ("2025-11-30 14:22"). A match that holds no space lies inside one space-free run of that
//! text, so inside one field or one half of the login; and what surrounds a field there (a
//! space, or the row's end) is a non-word character, as the separator around a value is here.
//! So such a pattern matches a row iff it matches one of the row's values alone, and each
//! distinct value needs asking once: most columns repeat a handful of values, and the 13.6 MB
//! joined text of 100,000 generated rows is 4 MB of distinct values (session ids and IPs are
//! most of it). `\d+\.\d+\.1\d\.` went from one scan of the joined text to one scan of the
//! values (see README, "Issue #13").
//!
//! The values' text is built on first use and kept with the rows (`Sessions::values`).

use super::text::{fold_into, Pool, PoolBuilder, SEPARATOR};
use super::time::push_login;

/// Distinct values joined by [`SEPARATOR`]; value `i` (a pool symbol) starts at `starts[i]`,
/// and `starts` ends with one past the text's end, so a scan can name the value a match is in.
#[derive(Debug, Default)]
pub(crate) struct Joined {
    pub hay: Vec<u8>,
    pub starts: Vec<u32>,
}

impl Joined {
    fn push(&mut self, value: &str, folded: bool) {
        self.starts
            .push(u32::try_from(self.hay.len()).unwrap_or(u32::MAX));
        if folded {
            let mut text = String::with_capacity(value.len());
            fold_into(value, &mut text);
            self.hay.extend_from_slice(text.as_bytes());
        } else {
            self.hay.extend_from_slice(value.as_bytes());
        }
        self.hay.extend_from_slice(SEPARATOR);
    }

    fn close(&mut self) {
        self.starts
            .push(u32::try_from(self.hay.len()).unwrap_or(u32::MAX));
    }

    /// Values in this text.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }
}

/// Every searched column's distinct values, folded as the search text is, and the login's
/// day and time of day as values of their own.
#[derive(Debug, Default)]
pub(crate) struct Values {
    /// One per searched field (`session::SEARCHED`), indexed by the field's pool symbols.
    pub fields: Vec<Joined>,
    /// The days and times of day the logins show, and each row's symbols for both (0 is the
    /// empty value: a row without a login).
    pub logins: Joined,
    pub login_syms: Vec<[u32; 2]>,
}

impl Values {
    /// From the searched fields' pools, in the search text's order, and each row's login (epoch
    /// ms) shown at this offset from UTC.
    pub fn of<'a>(
        pools: impl Iterator<Item = &'a Pool>,
        logins: impl Iterator<Item = Option<i64>>,
        tz_offset_minutes: i32,
    ) -> Values {
        let fields = pools
            .map(|pool| {
                let mut j = Joined::default();
                for sym in 0..pool.len() as u32 {
                    j.push(pool.get(sym), true);
                }
                j.close();
                j
            })
            .collect();
        // The login as shown splits at its one space into a day and a time of day, each a
        // value (a few hundred days, at most 1,440 times) of one pool.
        let mut halves = PoolBuilder::default();
        let mut shown = String::new();
        let login_syms = logins
            .map(|login| {
                let Some(ms) = login else {
                    return [0, 0];
                };
                shown.clear();
                push_login(&mut shown, ms, tz_offset_minutes);
                let (day, time) = shown.split_once(' ').unwrap_or((&shown, ""));
                [halves.intern(day), halves.intern(time)]
            })
            .collect();
        let pool = halves.finish();
        let mut logins = Joined::default();
        for sym in 0..pool.len() as u32 {
            logins.push(pool.get(sym), false);
        }
        logins.close();
        Values {
            fields,
            logins,
            login_syms,
        }
    }

    pub fn heap_bytes(&self) -> usize {
        self.fields
            .iter()
            .chain([&self.logins])
            .map(|j| j.hay.capacity() + j.starts.capacity() * 4)
            .sum::<usize>()
            + self.login_syms.capacity() * 8
    }
}
