//! Text helpers shared by the grid: case folding, an interning string pool, version order.

use std::cmp::Ordering;
use std::collections::HashMap;

/// Appends `s` lower-cased one char at a time.
///
/// Char-wise rather than `str::to_lowercase` on purpose: the latter turns a word-final
/// 'Σ' into 'ς' depending on its neighbours, so a query and the text it came from could
/// fold differently. Control chars become spaces so that '\n' can separate rows in the
/// joined search haystack without ever occurring inside one.
pub(crate) fn fold_into(s: &str, out: &mut String) {
    for c in s.chars() {
        if c.is_control() {
            out.push(' ');
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

/// Builds a [`Pool`]; the lookup map lives only while rows are loaded.
#[derive(Default)]
pub(crate) struct PoolBuilder {
    pool: Pool,
    map: HashMap<Box<str>, u32>,
}

impl PoolBuilder {
    pub(crate) fn intern(&mut self, s: &str) -> u32 {
        if s.is_empty() {
            return 0;
        }
        if let Some(&sym) = self.map.get(s) {
            return sym;
        }
        let next_end = self.pool.text.len() + s.len();
        let (Ok(sym), Ok(end)) = (u32::try_from(self.pool.ends.len()), u32::try_from(next_end))
        else {
            // Beyond 4 GiB of text nothing fits in a browser anyway; degrade to "missing".
            return 0;
        };
        self.pool.text.push_str(s);
        self.pool.ends.push(end);
        self.map.insert(s.into(), sym);
        sym
    }

    pub(crate) fn finish(self) -> Pool {
        let mut pool = self.pool;
        pool.text.shrink_to_fit();
        pool.ends.shrink_to_fit();
        pool
    }
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
    }
}
