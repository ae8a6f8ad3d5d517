//! Text helpers shared by the grid: case folding, an interning string pool, version order.

use std::cmp::Ordering;

/// Between rows in the joined haystack: one 0xFF byte, which never occurs in UTF-8. Search
/// regexes take it as their line terminator, so (multi-line) `^` and `$` match at the start
/// and end of every row, and as a regex in Unicode mode cannot match it, no match can take in
/// a byte of another row: one scan of the joined text answers for every row.
/// (Between values in `by_value.rs` too.)
pub(crate) const SEPARATOR: &[u8] = b"\xff";

/// Appends `s` lower-cased one char at a time.
///
/// Char-wise rather than `str::to_lowercase` on purpose: the latter turns a word-final
/// 'Σ' into 'ς' depending on its neighbours, so a query and the text it came from could
/// fold differently. Control chars become spaces so that '\n' can separate rows in the
/// joined search haystack without ever occurring inside one.
pub(crate) fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        // Most values are ASCII; this path is a third of the per-char loop's cost.
        out.extend(s.bytes().map(|b| {
            if b.is_ascii_control() {
                ' '
            } else {
                char::from(b.to_ascii_lowercase())
            }
        }));
        return;
    }
    for c in s.chars() {
        if c.is_control() {
            out.push(' ');
        } else if c == 'ſ' {
            // The long s folds to 's' (as the Kelvin sign's lower case is 'k'), so
            // ASCII patterns can match the folded text case-sensitively (see filter.rs).
            out.push('s');
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// `s` folded like the search text is (see [`fold_into`]).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Orders two texts case-insensitively (by their folded forms).
pub(crate) fn cmp_folded(a: &str, b: &str) -> Ordering {
    let mut x = a.chars().flat_map(char::to_lowercase);
    let mut y = b.chars().flat_map(char::to_lowercase);
    loop {
        match (x.next(), y.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(p), Some(q)) if p != q => return p.cmp(&q),
            _ => {}
        }
    }
}

/// Orders version strings so that `113.0.10` comes after `113.0.9`.
///
/// The strings are cut into runs of ASCII digits and runs of anything else; digit runs
/// compare as numbers of any length (no overflow: leading zeros dropped, then length, then
/// digits), other runs case-insensitively, and a digit run sorts before a text run.
pub fn cmp_version(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        match (next_chunk(a), next_chunk(b)) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some((ca, ra)), Some((cb, rb))) => {
                let ord = match (is_digits(ca), is_digits(cb)) {
                    (true, true) => cmp_digits(ca, cb),
                    (true, false) => Ordering::Less,
                    (false, true) => Ordering::Greater,
                    (false, false) => cmp_folded(ca, cb),
                };
                if ord != Ordering::Equal {
                    return ord;
                }
                a = ra;
                b = rb;
            }
        }
    }
}

fn is_digits(s: &str) -> bool {
    s.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// Splits off the leading run of digits or of non-digits.
fn next_chunk(s: &str) -> Option<(&str, &str)> {
    let first = *s.as_bytes().first()?;
    let digit = first.is_ascii_digit();
    let end = s
        .bytes()
        .position(|c| c.is_ascii_digit() != digit)
        .unwrap_or(s.len());
    // `end` sits at an ASCII byte or the end, so it is a char boundary.
    Some((s.get(..end)?, s.get(end..)?))
}

fn cmp_digits(a: &str, b: &str) -> Ordering {
    let a = a.trim_start_matches('0');
    let b = b.trim_start_matches('0');
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// An interning pool: each distinct string is stored once and named by a `u32` symbol.
///
/// Most columns repeat a handful of values (clients, OS names, users with many devices),
/// so a row holds symbols instead of owned strings; this is what keeps 100,000 rows small
/// and lets per-value work (ranking, facet counts) run over distinct values only.
#[derive(Debug, Clone)]
pub(crate) struct Pool {
    text: String,
    /// End offset of each symbol in `text`; symbol 0 is always the empty string.
    ends: Vec<u32>,
}

impl Default for Pool {
    fn default() -> Self {
        Pool {
            text: String::new(),
            ends: vec![0],
        }
    }
}

impl Pool {
    pub(crate) fn get(&self, sym: u32) -> &str {
        let i = sym as usize;
        let start = match i.checked_sub(1) {
            Some(p) => self.ends.get(p).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(i).copied().unwrap_or(start);
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    /// Number of symbols, including the empty string at 0.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.ends.capacity() * 4
    }
}

/// Builds a [`Pool`]. The lookup table is open addressing over symbols, comparing against
/// the pool's own text: std's `HashMap<Box<str>, u32>` cost a second copy and an
/// allocation per distinct value and SipHash per lookup, which was most of the load time.
#[derive(Default, Clone)]
pub(crate) struct PoolBuilder {
    pool: Pool,
    /// Symbols by hash slot; 0 marks an empty slot. Length is 0 or a power of two.
    slots: Vec<u32>,
    /// Off for values known to be unique (session ids): no table at all.
    unique: bool,
}

impl PoolBuilder {
    /// A builder that does not look for duplicates.
    pub(crate) fn unique() -> PoolBuilder {
        PoolBuilder {
            unique: true,
            ..PoolBuilder::default()
        }
    }

    pub(crate) fn intern(&mut self, s: &str) -> u32 {
        if s.is_empty() {
            return 0;
        }
        if self.unique {
            return self.push(s);
        }
        if self.pool.ends.len() * 2 >= self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = hash(s) & mask;
        loop {
            match self.slots.get(i).copied() {
                Some(0) => {
                    let sym = self.push(s);
                    if let Some(slot) = self.slots.get_mut(i) {
                        *slot = sym;
                    }
                    return sym;
                }
                Some(sym) if self.pool.get(sym) == s => return sym,
                Some(_) => i = (i + 1) & mask,
                None => return self.push(s),
            }
        }
    }

    /// Symbols so far, the empty string's included: a symbol at least this is new.
    pub(crate) fn len(&self) -> usize {
        self.pool.len()
    }

    fn push(&mut self, s: &str) -> u32 {
        let next_end = self.pool.text.len() + s.len();
        let (Ok(sym), Ok(end)) = (u32::try_from(self.pool.ends.len()), u32::try_from(next_end))
        else {
            // Beyond 4 GiB of text nothing fits in a browser anyway; degrade to "missing".
            return 0;
        };
        self.pool.text.push_str(s);
        self.pool.ends.push(end);
        sym
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(64);
        let mask = size - 1;
        let mut slots = vec![0u32; size];
        for sym in 1..self.pool.ends.len() as u32 {
            let mut i = hash(self.pool.get(sym)) & mask;
            while let Some(slot) = slots.get_mut(i) {
                if *slot == 0 {
                    *slot = sym;
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        self.slots = slots;
    }

    pub(crate) fn finish(self) -> Pool {
        let mut pool = self.pool;
        pool.text.shrink_to_fit();
        pool.ends.shrink_to_fit();
        pool
    }
}

/// FxHash-style word hash; its top bits are folded down because the table masks low bits.
fn hash(s: &str) -> usize {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = s.len() as u64;
    let mut chunks = s.as_bytes().chunks_exact(8);
    for c in &mut chunks {
        let w = <[u8; 8]>::try_from(c).map_or(0, u64::from_le_bytes);
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    for &b in chunks.remainder() {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
    }
    (h ^ (h >> 29) ^ (h >> 47)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare_numerically_part_by_part() {
        let mut v = vec![
            "113.0.10",
            "113.0.9",
            "2.0",
            "10.0",
            "113.0",
            "113.0.9a",
            "beta",
            "",
            "1.2.3-rc1",
            "1.2.3",
        ];
        v.sort_by(|a, b| cmp_version(a, b));
        assert_eq!(
            v,
            [
                "",
                "1.2.3",
                "1.2.3-rc1",
                "2.0",
                "10.0",
                "113.0",
                "113.0.9",
                "113.0.9a",
                "113.0.10",
                "beta"
            ]
        );
    }

    #[test]
    fn huge_version_numbers_do_not_overflow_and_leading_zeros_are_equal() {
        let big = "99999999999999999999999999.1";
        assert_eq!(cmp_version(big, "9.1"), Ordering::Greater);
        assert_eq!(cmp_version("1.01", "1.1"), Ordering::Equal);
        assert_eq!(cmp_version("1.A", "1.a"), Ordering::Equal);
    }

    #[test]
    fn folding_is_per_char_and_removes_control_chars() {
        assert_eq!(fold("ΟΔΟΣ"), "οδοσ");
        assert_eq!(fold("Ab\nC\td"), "ab c d");
        assert_eq!(fold("ÄÖÜ Straße"), "äöü straße");
        assert_eq!(fold("\u{212a}elvin Maſs"), "kelvin mass");
        assert_eq!(cmp_folded("chrome", "Chrome"), Ordering::Equal);
        assert_eq!(cmp_folded("Edge", "chrome"), Ordering::Greater);
    }

    #[test]
    fn pool_interns_once_and_zero_is_empty() {
        let mut b = PoolBuilder::default();
        let a = b.intern("alpha");
        assert_eq!(b.intern(""), 0);
        let c = b.intern("beta");
        assert_eq!(b.intern("alpha"), a);
        let p = b.finish();
        assert_eq!(
            (p.get(0), p.get(a), p.get(c), p.get(99)),
            ("", "alpha", "beta", "")
        );
        assert_eq!(p.len(), 3);
        let mut many = PoolBuilder::default();
        let syms: Vec<u32> = (0..5000)
            .map(|i| many.intern(&format!("v{}", i % 1700)))
            .collect();
        let p = many.finish();
        assert_eq!(p.len(), 1701);
        for (i, &sym) in syms.iter().enumerate() {
            assert_eq!(p.get(sym), format!("v{}", i % 1700));
        }
        let mut u = PoolBuilder::unique();
        assert_ne!(u.intern("same"), u.intern("same"));
    }
}
