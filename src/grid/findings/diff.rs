//! New and gone since the last load: which rows of a refresh are new, and what the rows
//! that vanished looked like.
//!
//! Sessions are matched by session id, through a table of the previous ids made for this
//! one comparison: open addressing over id symbols tagged with their hash, sized once,
//! comparing against the set's own interned text, so no id is copied.

use crate::grid::session::{Field, RowLine, Sessions};

/// The last known fields of a session that vanished, owned so they outlive the old set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gone {
    pub line: RowLine,
    pub user_id: String,
}

/// What changed between two loads.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Diff {
    /// Indices into the new set of rows whose session id the previous set did not have,
    /// ascending.
    pub new: Vec<u32>,
    /// Rows of the previous set whose session id the new set lacks, in the previous order.
    pub gone: Vec<Gone>,
}

/// Compares the live rows of two loads. Rows without a session id are neither new nor gone
/// (nothing identifies them); a first load (an empty `prev`) makes every row new.
pub fn diff(prev: &Sessions, next: &Sessions) -> Diff {
    let prev_ids = &prev.pools[Field::SessionId as usize];
    let next_ids = &next.pools[Field::SessionId as usize];
    // Slots hold `hash << 32 | symbol` of a previous id (0: empty), at most half full; the
    // hash half settles most probes without touching the text.
    let size = (prev.len() * 2).next_power_of_two().max(16);
    let mask = size - 1;
    let mut slots = vec![0u64; size];
    let find = |slots: &[u64], id: &str| -> (usize, Option<u32>) {
        let h = hash(id.as_bytes());
        let tag = h >> 32 << 32;
        let mut at = h as usize & mask;
        loop {
            match slots.get(at).copied() {
                Some(0) | None => return (at, None),
                Some(v) if v >> 32 << 32 == tag && prev_ids.get(v as u32) == id => {
                    return (at, Some(v as u32))
                }
                Some(_) => at = (at + 1) & mask,
            }
        }
    };
    // For each previous row, the symbol of the first previous row with its id (0: none or
    // not live): rows of a set built without de-duplication may repeat an id.
    let mut first = vec![0u32; prev.rows.len()];
    for (i, r) in prev.rows.iter().enumerate() {
        let sym = r.sym(Field::SessionId);
        if sym == 0 || !prev.is_live(i as u32) {
            continue;
        }
        let id = prev_ids.get(sym);
        let (at, found) = find(&slots, id);
        if found.is_none() {
            if let Some(slot) = slots.get_mut(at) {
                *slot = hash(id.as_bytes()) >> 32 << 32 | u64::from(sym);
            }
        }
        if let Some(f) = first.get_mut(i) {
            *f = found.unwrap_or(sym);
        }
    }
    let mut seen = vec![false; prev_ids.len()];
    let mut new = Vec::new();
    for (i, r) in next.rows.iter().enumerate() {
        let id = next_ids.get(r.sym(Field::SessionId));
        if id.is_empty() || !next.is_live(i as u32) {
            continue;
        }
        match find(&slots, id).1 {
            Some(k) => {
                if let Some(s) = seen.get_mut(k as usize) {
                    *s = true;
                }
            }
            None => new.push(i as u32),
        }
    }
    let gone = first
        .iter()
        .enumerate()
        .filter(|&(_, &k)| k != 0 && !seen.get(k as usize).copied().unwrap_or(true))
        .filter_map(|(i, _)| {
            let r = prev.row(i as u32)?;
            Some(Gone {
                line: r.line(),
                user_id: r.user_id().to_owned(),
            })
        })
        .collect();
    Diff { new, gone }
}

/// FxHash-style, over 8-byte words (session ids are 17 ASCII characters).
fn hash(b: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = b.len() as u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let w = <[u8; 8]>::try_from(c).map_or(0, u64::from_le_bytes);
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    for &x in chunks.remainder() {
        h = (h.rotate_left(5) ^ u64::from(x)).wrapping_mul(K);
    }
    h ^ (h >> 29) ^ (h >> 47)
}
