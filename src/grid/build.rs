//! Building the compact set one row at a time, as pages arrive: a load never holds all of
//! its wire rows at once, and wasm memory, which never shrinks, only has to fit the set.

use super::column::DeviceKind;
use super::session::{
    clean, push_search_text, row_span, Field, Row, Sessions, FIELDS, NO_LOGIN, SEPARATOR,
};
use super::sort::sort_indices;
use super::text::PoolBuilder;
use super::time::parse_iso8601;
use crate::api::{wire, RowSink};

/// Rows whose text sets the estimate of the haystack's size.
const SAMPLE_ROWS: usize = 64;

/// Gathers rows into the parts of a [`Sessions`]: interned fields, the joined search text
/// and its row starts. [`Sessions::from_wire`] is this over an iterator.
#[derive(Clone)]
pub struct SessionsBuilder {
    pools: [PoolBuilder; FIELDS],
    rows: Vec<Row>,
    hay: Vec<u8>,
    starts: Vec<u32>,
    /// Scratch for one row's search text.
    text: String,
    /// Rows the caller said will come (0: unknown), so buffers grow once, not by doubling.
    expected: usize,
    dedup: bool,
    tz_offset_minutes: i32,
}

impl SessionsBuilder {
    /// Keeps every row pushed, duplicates too (as [`Sessions::from_wire`] does).
    pub fn new(tz_offset_minutes: i32) -> Self {
        Self::with(false, tz_offset_minutes)
    }

    /// Drops a row whose session id was pushed already: the session-id pool's own lookup
    /// table answers "seen?", so a fetch needs no second set of ids.
    pub fn deduplicating(tz_offset_minutes: i32) -> Self {
        Self::with(true, tz_offset_minutes)
    }

    fn with(dedup: bool, tz_offset_minutes: i32) -> Self {
        SessionsBuilder {
            pools: std::array::from_fn(|f| {
                if f == Field::SessionId as usize && !dedup {
                    PoolBuilder::unique()
                } else {
                    PoolBuilder::default()
                }
            }),
            rows: Vec::new(),
            hay: Vec::new(),
            starts: Vec::new(),
            text: String::new(),
            expected: 0,
            dedup,
            tz_offset_minutes,
        }
    }

    /// Makes room for about `rows` rows in all.
    pub fn reserve(&mut self, rows: usize) {
        self.expected = self.expected.max(rows);
        let more = rows.saturating_sub(self.rows.len());
        self.rows.reserve_exact(more);
        // One more: the end of the last row.
        self.starts.reserve_exact(more.saturating_add(1));
    }

    /// Rows taken so far.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Normalises one row; false when deduplicating and its session id was already taken.
    pub fn push(&mut self, s: wire::Session) -> bool {
        let device = s.device.unwrap_or_default();
        let os = device.os.unwrap_or_default();
        let orphan = s.user.is_none();
        let user = s.user.unwrap_or_default();
        let id = match clean(&s.id) {
            "" => clean(&s.session_id),
            id => id,
        };
        let ids = &mut self.pools[Field::SessionId as usize];
        let before = ids.len();
        let id_sym = ids.intern(id);
        if self.dedup && id_sym != 0 && (id_sym as usize) < before {
            return false;
        }
        let values: [&str; FIELDS] = [
            clean(&device.name),
            clean(&device.version),
            clean(&device.long_version),
            clean(&os.name),
            clean(&os.version),
            clean(&user.name),
            clean(&user.username),
            clean(&s.user_id),
            id,
            clean(&s.host),
            clean(&s.ip),
        ];
        let mut f = [0u32; FIELDS];
        for (i, (sym, (b, v))) in f
            .iter_mut()
            .zip(self.pools.iter_mut().zip(values))
            .enumerate()
        {
            *sym = if i == Field::SessionId as usize {
                id_sym
            } else {
                b.intern(v)
            };
        }
        let login = parse_iso8601(clean(&s.login_at)).unwrap_or(NO_LOGIN);
        let mut text = std::mem::take(&mut self.text);
        text.clear();
        push_search_text(&mut text, &values, login, self.tz_offset_minutes);
        self.append(text.as_bytes());
        self.text = text;
        if self.rows.len() == self.rows.capacity() {
            // More rows than expected (logins during the fetch): a quarter more, not double.
            self.rows.reserve_exact(self.rows.len() / 4 + 64);
        }
        self.rows.push(Row {
            f,
            login,
            kind: DeviceKind::from_wire(clean(&device.kind)),
            current: s.current == Some(true),
            orphan,
        });
        true
    }

    /// Adds a row's search text to the haystack, after a separator unless it is the first.
    fn append(&mut self, text: &[u8]) {
        let sep = if self.starts.is_empty() {
            0
        } else {
            SEPARATOR.len()
        };
        self.room(sep + text.len());
        if self.starts.len() + 1 >= self.starts.capacity() {
            self.starts.reserve_exact(self.starts.len() / 4 + 64);
        }
        if sep > 0 {
            self.hay.extend_from_slice(SEPARATOR);
        }
        self.starts
            .push(u32::try_from(self.hay.len()).unwrap_or(u32::MAX));
        self.hay.extend_from_slice(text);
    }

    /// Grows the haystack to an estimate of the whole set's, not by doubling: a doubled
    /// 13 MB haystack would leave a 26 MB block (and the old one) in memory for good. The
    /// estimate waits for a page of rows, so it is the data's own bytes per row.
    fn room(&mut self, more: usize) {
        let need = self.hay.len().saturating_add(more);
        if need <= self.hay.capacity() {
            return;
        }
        let done = self.rows.len();
        let target = if done < SAMPLE_ROWS {
            need.saturating_mul(2)
        } else if self.expected > done {
            let per_row = need / (done + 1) + 1;
            per_row.saturating_mul(self.expected) / 10 * 11
        } else {
            need + need / 4
        };
        self.hay
            .reserve_exact(target.max(need).saturating_sub(self.hay.len()));
    }

    /// The set of the rows pushed so far, while more are coming (rows on screen during a
    /// load): the same rows in the same order as the start of what [`Self::finish`] gives.
    pub fn snapshot(&self) -> Sessions {
        self.clone().finish()
    }

    /// The set, rows in the order pushed.
    pub fn finish(mut self) -> Sessions {
        self.rows.shrink_to_fit();
        self.hay.shrink_to_fit();
        // Room for the end of the last row, which `from_parts` adds.
        self.starts.shrink_to(self.starts.len() + 1);
        let pools = self.pools.map(PoolBuilder::finish);
        Sessions::from_parts(
            self.rows,
            pools,
            self.hay,
            self.starts,
            self.tz_offset_minutes,
        )
    }

    /// The set with at most `keep` rows, the most recent logins first (a capped fetch keeps
    /// the newest); rows with the same login keep the order they were pushed in.
    pub fn finish_newest(mut self, keep: usize) -> Sessions {
        let mut order: Vec<u32> = (0..self.rows.len() as u32).collect();
        let login = |i: u32| self.rows.get(i as usize).map_or(NO_LOGIN, |r| r.login);
        sort_indices(&mut order, &|a, b| login(b).cmp(&login(a)).then(a.cmp(&b)));
        order.truncate(keep);
        let in_place = order.iter().enumerate().all(|(k, &i)| k == i as usize);
        if !in_place {
            let hay = std::mem::take(&mut self.hay);
            let starts = std::mem::take(&mut self.starts);
            let rows = std::mem::take(&mut self.rows);
            let text = |i: usize| {
                row_span(&hay, &starts, i)
                    .and_then(|r| hay.get(r))
                    .unwrap_or(&[])
            };
            let bytes: usize = order.iter().map(|&i| text(i as usize).len()).sum();
            self.hay
                .reserve_exact(bytes + order.len().saturating_sub(1) * SEPARATOR.len());
            self.rows.reserve_exact(order.len());
            self.starts.reserve_exact(order.len() + 1);
            for &i in &order {
                self.append(text(i as usize));
                if let Some(&row) = rows.get(i as usize) {
                    self.rows.push(row);
                }
            }
        } else if let Some(&end) = self.starts.get(keep) {
            // Already newest first: only the oldest rows go.
            self.hay
                .truncate((end as usize).saturating_sub(SEPARATOR.len()));
            self.rows.truncate(keep);
            self.starts.truncate(keep);
        }
        self.finish()
    }
}

impl RowSink for SessionsBuilder {
    type Output = Sessions;

    fn expect(&mut self, rows: u64) {
        self.reserve(usize::try_from(rows).unwrap_or(usize::MAX));
    }

    fn take(&mut self, row: wire::Session) -> bool {
        self.push(row)
    }

    fn finish(self, keep_newest: Option<usize>) -> Sessions {
        match keep_newest {
            Some(keep) => self.finish_newest(keep),
            None => SessionsBuilder::finish(self),
        }
    }
}

impl Sessions {
    /// Normalises the rows once. `tz_offset_minutes` (local = UTC + offset) decides how
    /// login times are shown and searched; changing it means building the set again.
    /// Keeps every row, duplicates too; a fetch builds with [`SessionsBuilder`] instead.
    pub fn from_wire<I: IntoIterator<Item = wire::Session>>(
        rows: I,
        tz_offset_minutes: i32,
    ) -> Sessions {
        let rows = rows.into_iter();
        let mut b = SessionsBuilder::new(tz_offset_minutes);
        b.reserve(rows.size_hint().0);
        for s in rows {
            b.push(s);
        }
        b.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::testdata;

    fn ids(s: &Sessions) -> Vec<String> {
        (0..s.slots() as u32)
            .filter_map(|i| s.row(i).map(|r| r.session_id().to_owned()))
            .collect()
    }

    #[test]
    fn a_set_built_row_by_row_equals_one_built_at_once() {
        let rows = testdata::sessions(300, 9);
        let whole = Sessions::from_wire(rows.clone(), 90);
        let mut b = SessionsBuilder::deduplicating(90);
        for page in rows.chunks(100) {
            for s in page {
                assert!(b.push(s.clone()));
            }
        }
        let built = SessionsBuilder::finish(b);
        assert_eq!(ids(&built), ids(&whole));
        for i in 0..300 {
            assert_eq!(built.search_text(i), whole.search_text(i));
        }
        assert_eq!(built.hay, whole.hay);
        assert_eq!(built.starts, whole.starts);
    }

    #[test]
    fn deduplicating_drops_a_repeated_session_id_and_plain_keeps_it() {
        let rows = testdata::sessions(5, 3);
        let mut again = rows[2].clone();
        again.id = again.id.map(|id| format!(" {id} "));
        let mut b = SessionsBuilder::deduplicating(0);
        let mut plain = SessionsBuilder::new(0);
        for s in rows.iter().chain([&again]) {
            b.push(s.clone());
            plain.push(s.clone());
        }
        let (b, plain) = (SessionsBuilder::finish(b), SessionsBuilder::finish(plain));
        assert_eq!(ids(&b), ids(&Sessions::from_wire(rows, 0)));
        assert_eq!(plain.len(), 6);
    }

    #[test]
    fn finish_newest_keeps_the_latest_logins_first_and_their_text() {
        let mut rows = testdata::sessions(50, 4);
        rows.reverse();
        rows[10].login_at = None;
        let whole = Sessions::from_wire(rows.clone(), 0);
        let mut b = SessionsBuilder::deduplicating(0);
        b.reserve(50);
        for s in rows {
            b.push(s);
        }
        let kept = b.finish_newest(20);
        assert_eq!(kept.len(), 20);
        let logins: Vec<i64> = (0..20).filter_map(|i| kept.row(i)?.login_ms()).collect();
        assert_eq!(logins.len(), 20);
        assert!(logins.windows(2).all(|w| w[0] >= w[1]), "{logins:?}");
        let newest = (0..50)
            .filter_map(|i| whole.row(i)?.login_ms())
            .max()
            .unwrap_or_default();
        assert_eq!(logins[0], newest);
        for i in 0..20 {
            let id = kept.row(i).map(|r| r.session_id().to_owned());
            let there = id.and_then(|id| whole.find(&id)).unwrap_or(u32::MAX);
            assert_eq!(kept.search_text(i), whole.search_text(there));
        }
        let all = {
            let mut b = SessionsBuilder::new(0);
            for s in testdata::sessions(3, 1) {
                b.push(s);
            }
            b.finish_newest(10)
        };
        assert_eq!(all.len(), 3);
        assert_eq!(
            all.search_text(2),
            Sessions::from_wire(testdata::sessions(3, 1), 0).search_text(2)
        );
    }
}
