//! Sets of half-open position ranges: which rows of the session list a fetch round has read
//! and which it still has to read.

/// Sorted, disjoint, non-touching, non-empty `[start, end)` ranges.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spans(Vec<(u64, u64)>);

impl Spans {
    pub fn range(start: u64, end: u64) -> Self {
        let mut s = Self::default();
        s.insert(start, end);
        s
    }

    pub fn insert(&mut self, start: u64, end: u64) {
        if start >= end {
            return;
        }
        let (mut start, mut end) = (start, end);
        // Everything touching or overlapping [start, end) merges into it.
        let first = self.0.partition_point(|&(_, e)| e < start);
        let last = self.0.partition_point(|&(s, _)| s <= end);
        if first < last {
            start = start.min(self.0[first].0);
            end = end.max(self.0[last - 1].1);
        }
        self.0.splice(first..last, [(start, end)]);
    }

    pub fn union(&self, other: &Spans) -> Spans {
        let mut out = self.clone();
        for &(s, e) in &other.0 {
            out.insert(s, e);
        }
        out
    }

    /// The positions of `self` not in `other`.
    pub fn minus(&self, other: &Spans) -> Spans {
        let mut out = Vec::new();
        for &(s, e) in &self.0 {
            let mut cur = s;
            for &(os, oe) in &other.0 {
                if oe <= cur || os >= e {
                    continue;
                }
                if os > cur {
                    out.push((cur, os));
                }
                cur = cur.max(oe);
                if cur >= e {
                    break;
                }
            }
            if cur < e {
                out.push((cur, e));
            }
        }
        Spans(out)
    }

    /// The same rows after `by` new rows were put in front of them.
    pub fn shifted(&self, by: u64) -> Spans {
        Spans(
            self.0
                .iter()
                .map(|&(s, e)| (s.saturating_add(by), e.saturating_add(by)))
                .collect(),
        )
    }

    /// Only the positions below `limit`.
    pub fn clipped(&self, limit: u64) -> Spans {
        Spans(
            self.0
                .iter()
                .filter(|&&(s, _)| s < limit)
                .map(|&(s, e)| (s, e.min(limit)))
                .collect(),
        )
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many positions the set holds.
    pub fn len(&self) -> u64 {
        self.0.iter().map(|&(s, e)| e - s).sum()
    }

    pub fn contains(&self, pos: u64) -> bool {
        let i = self.0.partition_point(|&(_, e)| e <= pos);
        self.0.get(i).is_some_and(|&(s, _)| s <= pos)
    }

    /// The first position of the set at or after `pos`.
    pub fn first_from(&self, pos: u64) -> Option<u64> {
        let i = self.0.partition_point(|&(_, e)| e <= pos);
        self.0.get(i).map(|&(s, _)| s.max(pos))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_merges_overlapping_and_touching_ranges() {
        let mut s = Spans::default();
        s.insert(10, 20);
        s.insert(30, 40);
        s.insert(20, 25);
        assert_eq!(s, Spans(vec![(10, 25), (30, 40)]));
        s.insert(5, 35);
        assert_eq!(s, Spans(vec![(5, 40)]));
        s.insert(7, 7);
        assert_eq!(s.len(), 35);
    }

    #[test]
    fn minus_leaves_the_gaps() {
        let need = Spans::range(0, 100);
        let mut got = Spans::default();
        got.insert(0, 10);
        got.insert(20, 30);
        got.insert(90, 120);
        assert_eq!(need.minus(&got), Spans(vec![(10, 20), (30, 90)]));
        assert_eq!(need.minus(&Spans::default()), need);
        assert!(need.minus(&Spans::range(0, 100)).is_empty());
    }

    #[test]
    fn shift_clip_contains_and_first_from() {
        let s = Spans(vec![(0, 5), (150, 260)]).shifted(10).clipped(200);
        assert_eq!(s, Spans(vec![(10, 15), (160, 200)]));
        assert!(s.contains(10) && s.contains(199) && !s.contains(15) && !s.contains(200));
        assert_eq!(
            (
                s.first_from(0),
                s.first_from(12),
                s.first_from(15),
                s.first_from(200)
            ),
            (Some(10), Some(12), Some(160), None)
        );
    }

    #[test]
    fn matches_a_naive_bitmap() {
        // A small exhaustive-ish check against a plain bool array.
        let ops = [
            (3u64, 9u64),
            (12, 14),
            (8, 13),
            (20, 30),
            (0, 1),
            (29, 31),
            (40, 41),
        ];
        let mut s = Spans::default();
        let mut bits = [false; 64];
        for (i, &(a, b)) in ops.iter().enumerate() {
            s.insert(a, b);
            bits[a as usize..b as usize]
                .iter_mut()
                .for_each(|x| *x = true);
            let cut = Spans::range(i as u64 * 3, i as u64 * 3 + 10);
            let rest = Spans::range(0, 64).minus(&s);
            for p in 0..64u64 {
                assert_eq!(s.contains(p), bits[p as usize], "pos {p}");
                assert_eq!(rest.contains(p), !bits[p as usize], "pos {p}");
                assert_eq!(
                    s.union(&cut).contains(p),
                    bits[p as usize] || cut.contains(p)
                );
            }
        }
    }
}
