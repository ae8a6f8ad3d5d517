//! The query the UI edits (with TanStack's reset rules) and the memoised filter → sort → page pipeline.

use super::filter::{filter_rows, narrow, Filters, QueryError, Search};
use super::findings::{Context, Finding, Settings};
use super::page::{clamp_page, navigate, page_count, page_range, status_text, PageNav, PageSize};
use super::session::{Column, Sessions};
use super::sort::{sort_rows, SortKey};

/// Everything that decides what the table shows. It holds no secret, so it can live in the URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub search: String,
    pub regex: bool,
    pub filters: Filters,
    /// Most significant first; a column appears at most once.
    pub sort: Vec<SortKey>,
    /// 1-based; brought into range by every view.
    pub page: usize,
    pub page_size: PageSize,
}

impl Default for Query {
    fn default() -> Self {
        Query {
            search: String::new(),
            regex: false,
            filters: Filters::default(),
            sort: Vec::new(),
            page: 1,
            page_size: PageSize::default(),
        }
    }
}

/// Setters apply TanStack Table's rules: any change to what is matched or how it is
/// ordered sends the admin back to page 1, since page 7 of another result means nothing.
impl Query {
    pub fn set_search(&mut self, search: &str) {
        if self.search != search {
            search.clone_into(&mut self.search);
            self.page = 1;
        }
    }

    pub fn set_regex(&mut self, regex: bool) {
        if self.regex != regex {
            self.regex = regex;
            self.page = 1;
        }
    }

    pub fn set_filters(&mut self, filters: Filters) {
        if self.filters != filters {
            self.filters = filters;
            self.page = 1;
        }
    }

    /// Edits the filters in place, e.g. `q.update_filters(|f| { f.kinds.insert(k); })`.
    pub fn update_filters(&mut self, edit: impl FnOnce(&mut Filters)) {
        let mut f = self.filters.clone();
        edit(&mut f);
        self.set_filters(f);
    }

    /// A header click. Plain: sort by this column alone, cycling first direction → other
    /// direction → unsorted. Additive (shift-click): the same cycle for this column only,
    /// appended as the least significant key when new.
    pub fn toggle_sort(&mut self, column: Column, additive: bool) {
        let first = SortKey {
            column,
            desc: column.desc_first(),
        };
        let pos = self.sort.iter().position(|k| k.column == column);
        let next = |k: SortKey| {
            (k.desc == first.desc).then_some(SortKey {
                column,
                desc: !k.desc,
            })
        };
        let mut sort = self.sort.clone();
        match (additive, pos) {
            (true, Some(i)) => match sort.get(i).copied().and_then(next) {
                Some(k) => sort[i] = k,
                None => {
                    sort.remove(i);
                }
            },
            (true, None) => sort.push(first),
            (false, Some(_)) if sort.len() == 1 => {
                sort = sort.first().copied().and_then(next).into_iter().collect();
            }
            (false, _) => sort = vec![first],
        }
        self.set_sort(sort);
    }

    /// Replaces the sort keys; later duplicates of a column are dropped.
    pub fn set_sort(&mut self, mut keys: Vec<SortKey>) {
        let mut seen = Vec::with_capacity(keys.len());
        keys.retain(|k| {
            let new = !seen.contains(&k.column);
            seen.push(k.column);
            new
        });
        if self.sort != keys {
            self.sort = keys;
            self.page = 1;
        }
    }

    /// Where a column stands in the sort: (0-based position, descending).
    pub fn sort_of(&self, column: Column) -> Option<(usize, bool)> {
        self.sort
            .iter()
            .position(|k| k.column == column)
            .map(|i| (i, self.sort[i].desc))
    }

    /// Any page number; the next view clamps it into range.
    pub fn set_page(&mut self, page: usize) {
        self.page = page.max(1);
    }

    /// A pager action given the current page count (from the last [`View`]).
    pub fn go(&mut self, nav: PageNav, pages: usize) {
        self.page = navigate(self.page, pages, nav);
    }

    /// Keeps the first row of the current page on screen, as TanStack does.
    pub fn set_page_size(&mut self, size: PageSize) {
        let top = self
            .page
            .saturating_sub(1)
            .saturating_mul(self.page_size.get());
        self.page = top / size.get() + 1;
        self.page_size = size;
    }
}

/// What the table renders: the current page's row indices and the numbers around it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct View {
    /// Indices into `Sessions` for the current page only, in display order.
    pub rows: Vec<u32>,
    /// Rows passing search and filters.
    pub matched: usize,
    /// Rows loaded (and not removed).
    pub total: usize,
    /// 1-based, in `1..=pages`.
    pub page: usize,
    /// At least 1.
    pub pages: usize,
    pub page_size: PageSize,
    /// Position of `rows[0]` in the full ordered list.
    pub offset: usize,
}

impl View {
    /// E.g. `26–50 of 12,345 (filtered from 50,000)`.
    pub fn status(&self, lang: crate::i18n::Lang) -> String {
        status_text(
            lang,
            self.offset..self.offset + self.rows.len(),
            self.matched,
            self.total,
        )
    }
}

/// A query that could not run, with the view of the last query that could.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewError {
    pub error: QueryError,
    /// The last valid search and filters, ordered and paged by the current query.
    pub last_good: View,
}

/// Computes a view once, without memoisation (tests, one-off exports).
pub fn view(sessions: &Sessions, query: &Query) -> Result<View, QueryError> {
    Pipeline::default()
        .view(sessions, query)
        .map_err(|e| e.error)
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct FilterKey {
    search: String,
    regex: bool,
    filters: Filters,
    /// What the findings in effect were computed with: the settings while any is in
    /// effect, and "now" while stale is (so the clock's minute refilters only then).
    findings: Option<(Settings, i64)>,
}

impl FilterKey {
    fn new(search: &str, regex: bool, filters: &Filters, cx: &Context<'_>) -> FilterKey {
        let stale = filters
            .findings
            .iter()
            .any(|f| matches!(f, Finding::Stale { .. }));
        FilterKey {
            search: search.to_owned(),
            regex,
            filters: filters.clone(),
            findings: (!filters.findings.is_empty())
                .then(|| (cx.settings.clone(), if stale { cx.now_ms } else { 0 })),
        }
    }
}

/// The memoised pipeline, one per table. It keeps the filtered and the sorted index lists
/// with the inputs they came from, so a sort change does not refilter, a page change does
/// neither, a removal only drops rows, and a new load recomputes.
#[derive(Debug, Clone, Default)]
pub struct Pipeline {
    load: Option<(u64, u64)>,
    compiled: Option<(String, bool, Search)>,
    filter_key: Option<FilterKey>,
    filtered: Vec<u32>,
    sort_key: Option<Vec<SortKey>>,
    sorted: Vec<u32>,
    counts: Recomputes,
}

/// How often each stage really ran; lets tests prove the memoisation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Recomputes {
    pub filters: u64,
    pub narrowed: u64,
    pub sorts: u64,
}

impl Pipeline {
    /// The view with the default findings settings and no clock (no row is stale): for
    /// queries without findings.
    pub fn view(&mut self, sessions: &Sessions, query: &Query) -> Result<View, ViewError> {
        let settings = Settings::default();
        let cx = Context {
            settings: &settings,
            now_ms: 0,
        };
        self.view_with(sessions, query, &cx)
    }

    /// The view, the findings in `query.filters` computed with `cx`.
    pub fn view_with(
        &mut self,
        sessions: &Sessions,
        query: &Query,
        cx: &Context<'_>,
    ) -> Result<View, ViewError> {
        self.sync_load(sessions);
        let result = self.compile(&query.search, query.regex);
        let key = match &result {
            Ok(()) => FilterKey::new(&query.search, query.regex, &query.filters, cx),
            // Keep the last good filter; with nothing cached (a new load) fall back to
            // the column filters and findings alone.
            Err(_) => match &self.filter_key {
                Some(k) => k.clone(),
                None => FilterKey::new("", false, &query.filters, cx),
            },
        };
        if self.filter_key.as_ref() != Some(&key) {
            self.refilter(sessions, key, cx);
        }
        if self.sort_key.as_deref() != Some(query.sort.as_slice()) {
            self.sorted.clone_from(&self.filtered);
            sort_rows(sessions, &mut self.sorted, &query.sort);
            self.sort_key = Some(query.sort.clone());
            self.counts.sorts += 1;
        }
        let view = self.page(sessions, query);
        match result {
            Ok(()) => Ok(view),
            Err(error) => Err(ViewError {
                error,
                last_good: view,
            }),
        }
    }

    /// The whole filtered and sorted index list of the last view (export, select all).
    pub fn ordered(&self) -> &[u32] {
        &self.sorted
    }

    pub fn recomputes(&self) -> Recomputes {
        self.counts
    }

    fn sync_load(&mut self, sessions: &Sessions) {
        let now = (sessions.load_id(), sessions.version());
        match self.load {
            Some(was) if was == now => {}
            Some((load, _))
                if load == now.0
                    && !self
                        .filter_key
                        .as_ref()
                        .is_some_and(|k| k.filters.findings.iter().any(Finding::across_rows)) =>
            {
                // Only removals happened: they change neither matches nor order of the rest.
                self.filtered.retain(|&i| sessions.is_live(i));
                self.sorted.retain(|&i| sessions.is_live(i));
            }
            _ => {
                self.filter_key = None;
                self.sort_key = None;
            }
        }
        self.load = Some(now);
    }

    /// Compiles the search unless it is the one compiled last; a failure keeps that one.
    fn compile(&mut self, text: &str, regex: bool) -> Result<(), QueryError> {
        if !matches!(&self.compiled, Some((t, r, _)) if t == text && *r == regex) {
            let search = Search::compile(text, regex)?;
            self.compiled = Some((text.to_owned(), regex, search));
        }
        Ok(())
    }

    fn refilter(&mut self, sessions: &Sessions, key: FilterKey, cx: &Context<'_>) {
        let search = match &self.compiled {
            Some((t, r, s)) if *t == key.search && *r == key.regex => s.clone(),
            _ => Search::compile(&key.search, key.regex).unwrap_or_else(|_| Search::all()),
        };
        // Typing more of a plain search can only remove matches, so the sorted list only
        // loses rows and need not be sorted again. When few rows matched before, checking
        // them alone beats a scan (a row check costs ~4 times a row's share of a scan).
        let subset = self.filter_key.as_ref().is_some_and(|old| {
            !old.regex
                && !key.regex
                && old.filters == key.filters
                && old.findings == key.findings
                && search
                    .plain_needle()
                    .is_some_and(|n| n.contains(&super::text::fold(&old.search)))
        });
        if subset && self.filtered.len().saturating_mul(4) < sessions.len() {
            self.filtered = narrow(sessions, &search, &key.filters, &self.filtered);
            self.counts.narrowed += 1;
        } else {
            self.filtered = filter_rows(sessions, &search, &key.filters);
            // Each finding narrows the rest (the narrowing above starts from rows that
            // already passed the same findings).
            for f in &key.filters.findings {
                f.members(sessions, cx).retain_in(&mut self.filtered);
            }
            self.counts.filters += 1;
        }
        if subset {
            let mut keep = vec![false; sessions.slots()];
            for &i in &self.filtered {
                if let Some(k) = keep.get_mut(i as usize) {
                    *k = true;
                }
            }
            self.sorted
                .retain(|&i| keep.get(i as usize).copied().unwrap_or(false));
        } else {
            self.sort_key = None;
        }
        self.filter_key = Some(key);
    }

    fn page(&self, sessions: &Sessions, query: &Query) -> View {
        let matched = self.sorted.len();
        let pages = page_count(matched, query.page_size);
        let page = clamp_page(query.page, pages);
        let range = page_range(matched, page, query.page_size);
        View {
            rows: self.sorted.get(range.clone()).unwrap_or(&[]).to_vec(),
            matched,
            total: sessions.len(),
            page,
            pages,
            page_size: query.page_size,
            offset: range.start,
        }
    }
}

#[cfg(test)]
#[path = "view_tests.rs"]
mod tests;
