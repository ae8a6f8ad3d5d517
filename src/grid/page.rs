//! Pagination: the allowed page sizes, page arithmetic that never leaves the valid range, status text.

use crate::i18n::Lang;
use crate::tr;
use std::ops::Range;

/// The page sizes the pager offers; a size is a type so that no other value gets through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum PageSize {
    /// Rocket.Chat's own default.
    #[default]
    S25,
    S50,
    S100,
    S250,
}

impl PageSize {
    pub const ALL: [PageSize; 4] = [PageSize::S25, PageSize::S50, PageSize::S100, PageSize::S250];

    pub fn get(self) -> usize {
        match self {
            PageSize::S25 => 25,
            PageSize::S50 => 50,
            PageSize::S100 => 100,
            PageSize::S250 => 250,
        }
    }

    /// Exactly one of the allowed sizes, or `None`.
    pub fn from_usize(n: usize) -> Option<PageSize> {
        PageSize::ALL.into_iter().find(|s| s.get() == n)
    }

    /// The largest allowed size not above `n` (25 for anything smaller).
    pub fn clamped(n: usize) -> PageSize {
        PageSize::ALL
            .into_iter()
            .rev()
            .find(|s| s.get() <= n)
            .unwrap_or(PageSize::S25)
    }
}

/// A pager button or a typed page number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageNav {
    First,
    Prev,
    Next,
    Last,
    /// 1-based; clamped into range.
    To(usize),
}

/// Number of pages; never 0, so that "page 1 of 1" holds even for an empty table and
/// a page number is always valid.
pub fn page_count(matched: usize, size: PageSize) -> usize {
    matched.div_ceil(size.get()).max(1)
}

/// A 1-based page number brought into `1..=pages`.
pub fn clamp_page(page: usize, pages: usize) -> usize {
    page.clamp(1, pages.max(1))
}

/// The page a pager action leads to, from the current one.
pub fn navigate(page: usize, pages: usize, nav: PageNav) -> usize {
    let page = clamp_page(page, pages);
    let to = match nav {
        PageNav::First => 1,
        PageNav::Prev => page.saturating_sub(1),
        PageNav::Next => page.saturating_add(1),
        PageNav::Last => pages,
        PageNav::To(n) => n,
    };
    clamp_page(to, pages)
}

/// Positions (0-based, end exclusive) of a page's rows in the ordered list.
pub fn page_range(matched: usize, page: usize, size: PageSize) -> Range<usize> {
    let page = clamp_page(page, page_count(matched, size));
    let start = (page - 1).saturating_mul(size.get()).min(matched);
    start..start.saturating_add(size.get()).min(matched)
}

/// `26–50 of 12,345 (filtered from 50,000)`; `No sessions` when nothing is loaded and
/// `No matching sessions (filtered from 50,000)` when the filter leaves nothing.
pub fn status_text(lang: Lang, range: Range<usize>, matched: usize, total: usize) -> String {
    let filtered = matched != total;
    if total == 0 {
        return tr!(lang, STATUS_NONE);
    }
    if matched == 0 || range.is_empty() {
        return tr!(lang, STATUS_NO_MATCH, total = total);
    }
    let (from, to) = (range.start + 1, range.end);
    if filtered {
        tr!(
            lang,
            STATUS_FILTERED,
            from = from,
            to = to,
            matched = matched,
            total = total
        )
    } else {
        tr!(lang, STATUS_RANGE, from = from, to = to, matched = matched)
    }
}

/// `12345` → `12,345`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_four_sizes_exist() {
        let sizes: Vec<usize> = PageSize::ALL.iter().map(|s| s.get()).collect();
        assert_eq!(sizes, [25, 50, 100, 250]);
        assert_eq!(PageSize::from_usize(50), Some(PageSize::S50));
        for bad in [0, 1, 24, 26, 99, 251, 1000, usize::MAX] {
            assert_eq!(PageSize::from_usize(bad), None, "{bad}");
        }
        assert_eq!(PageSize::clamped(0), PageSize::S25);
        assert_eq!(PageSize::clamped(99), PageSize::S50);
        assert_eq!(PageSize::clamped(usize::MAX), PageSize::S250);
        assert_eq!(PageSize::default().get(), 25);
    }

    #[test]
    fn page_counts_and_ranges() {
        assert_eq!(page_count(0, PageSize::S25), 1);
        assert_eq!(page_count(25, PageSize::S25), 1);
        assert_eq!(page_count(26, PageSize::S25), 2);
        assert_eq!(page_count(12_345, PageSize::S100), 124);
        assert_eq!(page_range(60, 3, PageSize::S25), 50..60);
        assert_eq!(page_range(60, 99, PageSize::S25), 50..60);
        assert_eq!(page_range(60, 0, PageSize::S25), 0..25);
        assert_eq!(page_range(0, 5, PageSize::S25), 0..0);
        assert_eq!(
            page_range(usize::MAX, usize::MAX, PageSize::S250).len(),
            usize::MAX % 250
        );
    }

    #[test]
    fn navigation_stays_in_range() {
        assert_eq!(navigate(1, 5, PageNav::Prev), 1);
        assert_eq!(navigate(5, 5, PageNav::Next), 5);
        assert_eq!(navigate(2, 5, PageNav::Next), 3);
        assert_eq!(navigate(3, 5, PageNav::Prev), 2);
        assert_eq!(navigate(3, 5, PageNav::First), 1);
        assert_eq!(navigate(3, 5, PageNav::Last), 5);
        assert_eq!(navigate(3, 5, PageNav::To(0)), 1);
        assert_eq!(navigate(3, 5, PageNav::To(77)), 5);
        assert_eq!(navigate(9, 5, PageNav::Prev), 4);
        assert_eq!(navigate(1, 0, PageNav::Last), 1);
        assert_eq!(navigate(usize::MAX, usize::MAX, PageNav::Next), usize::MAX);
    }

    #[test]
    fn status_texts() {
        assert_eq!(
            status_text(Lang::En, 25..50, 12_345, 50_000),
            "26–50 of 12,345 (filtered from 50,000)"
        );
        assert_eq!(status_text(Lang::En, 0..25, 60, 60), "1–25 of 60");
        assert_eq!(status_text(Lang::En, 0..1, 1, 1), "1–1 of 1");
        assert_eq!(status_text(Lang::En, 0..0, 0, 0), "No sessions");
        assert_eq!(
            status_text(Lang::En, 0..0, 0, 7),
            "No matching sessions (filtered from 7)"
        );
        assert_eq!(
            status_text(Lang::En, 999_750..1_000_000, 1_000_000, 1_000_000),
            "999,751–1,000,000 of 1,000,000"
        );
    }

    #[test]
    fn thousands_separators() {
        let cases = [
            (0, "0"),
            (7, "7"),
            (999, "999"),
            (1000, "1,000"),
            (12_345, "12,345"),
        ];
        for (n, s) in cases {
            assert_eq!(thousands(n), s);
        }
        assert_eq!(thousands(123_456_789), "123,456,789");
    }
}
