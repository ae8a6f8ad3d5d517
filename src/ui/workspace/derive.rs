//! Every value the workspace renders that is computed from the rows, in one place: each is a
//! [`Memo`] that names the exact inputs it reads (TanStack Table's `memo(deps, fn)`), so a
//! keystroke recomputes the view and the page's rows, and nothing else.

use super::data::{self, Facets, Field, Me, RowVm};
use super::groups::group_key;
use super::state::{Dialog, Fresh, Mode, State, Target};
use crate::grid::findings::{count_all, users_over, Context, Counts, Settings, UserCount};
use crate::grid::preview::{preview, Preview};
use crate::grid::{
    group_by_user, stats, Chip, Column, Filters, Pipeline, QueryError, Recomputes, Sessions, Stats,
    UserGroup, View,
};
use crate::i18n::Lang;
use std::rc::Rc;

/// A value and the inputs it was computed from; computed again only when they differ.
pub struct Memo<K, V> {
    last: Option<(K, V)>,
    /// How often `fn` really ran (tests prove the memoisation with it).
    pub runs: u64,
}

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Memo {
            last: None,
            runs: 0,
        }
    }
}

impl<K: PartialEq, V: Clone> Memo<K, V> {
    pub fn get(&mut self, deps: K, f: impl FnOnce(&K) -> V) -> V {
        match &self.last {
            Some((k, v)) if *k == deps => v.clone(),
            _ => {
                self.runs += 1;
                let v = f(&deps);
                self.last = Some((deps, v.clone()));
                v
            }
        }
    }
}

/// The rows' version and the pipeline's work counters: they change exactly when the matching
/// rows or their order do.
type Ordered = (u64, Recomputes);

/// The named inputs of each memo below.
/// The page: the rows' version, the page's indices, the columns, who looks and when.
type PageDeps = (u64, Vec<u32>, Rc<[Column]>, Me);
/// The expanded groups: the order, how many groups show, columns, who looks, which are open.
type GroupDeps = (Ordered, usize, Rc<[Column]>, Me, Vec<String>);
/// The chips: the filters and the time zone their days are read in.
type ChipDeps = (Filters, i32, Lang);
/// The details panel: the rows' version, the open row and its refresh, who looks.
type DetailsDeps = (u64, Option<(u32, Fresh)>, Me, Rc<Settings>);
/// The Findings panel: the rows' version, the settings and the minute (for stale).
type FindingsDeps = (u64, Rc<Settings>, i64);
/// The logout preview: the rows' version, the asked-for rows, who looks.
type PreviewDeps = (u64, Vec<u32>, String);

type PageRows = Rc<Vec<RowVm>>;
type OpenGroups = Rc<Vec<(String, Vec<RowVm>)>>;
type Labelled = Rc<[(Chip, String)]>;

/// What the open details panel shows.
#[derive(Clone, Debug, PartialEq)]
pub struct DetailsVm {
    pub fields: Vec<Field>,
    /// The admin's own session (or possibly the page's own).
    pub mine: bool,
    pub target: Option<Target>,
}

/// What the Findings panel shows: every count, and the users over the per-user limit.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct FindingsVm {
    pub counts: Counts,
    /// The first [`USERS_SHOWN`] users over the limit, most sessions first.
    pub over: Vec<UserCount>,
}

/// Users listed with their own "Keep the newest N" action.
pub const USERS_SHOWN: usize = 10;

/// Everything the workspace renders from the rows, for one state.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Derived {
    pub view: View,
    /// Why the search cannot run (the view is then the last valid one).
    pub error: Option<QueryError>,
    /// The current page, ready to render.
    pub rows: PageRows,
    /// The overview's counts (in that mode only).
    pub stats: Option<Rc<Stats>>,
    /// The matching rows by user (in that mode only), and the expanded groups' rows.
    pub groups: Option<Rc<Vec<UserGroup>>>,
    pub open_groups: OpenGroups,
    /// What the filter panel offers (while it is open).
    pub facets: Option<Rc<Facets>>,
    /// The filters in effect, labelled.
    pub chips: Labelled,
    pub details: Option<Rc<DetailsVm>>,
    /// The Findings panel's counts (while it is open).
    pub findings: Option<Rc<FindingsVm>>,
    /// What the logout being confirmed will end.
    pub preview: Option<Rc<Preview>>,
    /// The server said which session is the page's own.
    pub own_known: bool,
}

/// The caches behind [`Derived`]; lives beside the workspace's store, never in render.
#[derive(Default)]
pub struct Derive {
    pipeline: Pipeline,
    pub rows: Memo<PageDeps, PageRows>,
    pub stats: Memo<Ordered, Rc<Stats>>,
    pub groups: Memo<Ordered, Rc<Vec<UserGroup>>>,
    open_groups: Memo<GroupDeps, OpenGroups>,
    pub facets: Memo<u64, Rc<Facets>>,
    chips: Memo<ChipDeps, Labelled>,
    details: Memo<DetailsDeps, Option<Rc<DetailsVm>>>,
    pub findings: Memo<FindingsDeps, Rc<FindingsVm>>,
    preview: Memo<PreviewDeps, Rc<Preview>>,
}

/// Rows the logout preview lists.
const PREVIEW_ROWS: usize = 10;

/// Rows shown per expanded group (the rest are a click on the user away).
const GROUP_ROWS: usize = 250;

impl Derive {
    /// The values for `state` over `sessions`; what did not change comes from the caches.
    pub fn update(&mut self, sessions: &Sessions, s: &State) -> Derived {
        let cx = Context {
            settings: &s.settings,
            now_ms: s.me.now_ms,
        };
        let (view, error) = match self.pipeline.view_with(sessions, &s.query, &cx) {
            Ok(v) => (v, None),
            Err(e) => (e.last_good, Some(e.error)),
        };
        let version = sessions.version();
        let ordered: Ordered = (version, self.pipeline.recomputes());
        let pipeline = &self.pipeline;
        let rows = self.rows.get(
            (version, view.rows.clone(), s.columns.clone(), s.me.clone()),
            |(_, idx, cols, me)| Rc::new(data::rows(sessions, idx, cols, me)),
        );
        let stats = (s.mode == Mode::Overview).then(|| {
            self.stats
                .get(ordered, |_| Rc::new(stats(sessions, pipeline.ordered())))
        });
        let groups = (s.mode == Mode::Groups).then(|| {
            self.groups.get(ordered, |_| {
                Rc::new(group_by_user(sessions, pipeline.ordered()))
            })
        });
        let open_groups = match &groups {
            Some(all) => {
                let expanded: Vec<String> = s.expanded.iter().cloned().collect();
                let deps = (
                    ordered,
                    s.groups_shown,
                    s.columns.clone(),
                    s.me.clone(),
                    expanded,
                );
                self.open_groups
                    .get(deps, |(_, shown, cols, me, expanded)| {
                        let open = all.iter().take(*shown).filter_map(|g| {
                            let key = group_key(g);
                            expanded.contains(&key).then(|| {
                                let idx = &g.rows[..g.rows.len().min(GROUP_ROWS)];
                                (key, data::rows(sessions, idx, cols, me))
                            })
                        });
                        Rc::new(open.collect())
                    })
            }
            None => Rc::default(),
        };
        let facets = s
            .filters_open
            .then(|| self.facets.get(version, |_| Rc::new(Facets::of(sessions))));
        let chips = self.chips.get(
            (s.query.filters.clone(), s.me.tz_offset_minutes, s.me.lang),
            |(f, tz, lang)| {
                f.chips()
                    .into_iter()
                    .map(|c| (c.clone(), c.label(*lang, *tz)))
                    .collect()
            },
        );
        let open = s.details.as_ref().map(|d| (d.index, d.fresh.clone()));
        let details = self.details.get(
            (version, open, s.me.clone(), s.settings.clone()),
            |(_, open, me, settings)| {
                let (index, fresh) = open.as_ref()?;
                Some(Rc::new(details(sessions, *index, fresh, me, settings)))
            },
        );
        let (findings, preview) = self.hygiene(sessions, s);
        Derived {
            view,
            preview,
            error,
            rows,
            stats,
            groups,
            open_groups,
            facets,
            chips,
            details,
            findings,
            own_known: sessions.own_known(),
        }
    }

    /// The Findings panel's counts (while it is open) and the logout preview (while a
    /// confirmation is open).
    fn hygiene(
        &mut self,
        sessions: &Sessions,
        s: &State,
    ) -> (Option<Rc<FindingsVm>>, Option<Rc<Preview>>) {
        let version = sessions.version();
        let findings = s.findings_open.then(|| {
            self.findings.get(
                (version, s.settings.clone(), s.me.now_ms),
                |(_, settings, now)| {
                    let mut over = users_over(sessions, settings.max_per_user);
                    over.truncate(USERS_SHOWN);
                    Rc::new(FindingsVm {
                        counts: count_all(sessions, settings, *now),
                        over,
                    })
                },
            )
        });
        let preview = match &s.dialog {
            Some(Dialog::Confirm { targets, .. }) => {
                let rows: Vec<u32> = targets.iter().map(|t| t.index).collect();
                Some(
                    self.preview
                        .get((version, rows, s.me.user_id.clone()), |(_, rows, me)| {
                            Rc::new(preview(sessions, rows, me, PREVIEW_ROWS))
                        }),
                )
            }
            _ => None,
        };
        (findings, preview)
    }

    /// Every matching row in display order, as of the last [`Derive::update`].
    pub fn ordered(&self) -> &[u32] {
        self.pipeline.ordered()
    }
}

fn details(
    sessions: &Sessions,
    index: u32,
    fresh: &Fresh,
    me: &Me,
    settings: &Settings,
) -> DetailsVm {
    let row = sessions.row(index);
    let mut fields = match (fresh, &row) {
        (Fresh::Loaded(s), _) => data::fresh_fields(s, sessions.tz_offset_minutes(), me),
        (_, Some(r)) => data::fields(r, me),
        _ => Vec::new(),
    };
    // Every row's network label, once the admin has named networks.
    if let Some(r) = row.as_ref().filter(|_| !settings.networks.is_empty()) {
        fields.push(Field {
            label: crate::i18n::k::FD_NETWORK,
            value: match settings.networks.label_of(r.ip()) {
                Some(label) => label.to_owned(),
                None => me.lang.t(crate::i18n::k::FD_NO_NETWORK),
            },
            title: String::new(),
        });
    }
    let mine = row
        .as_ref()
        .is_some_and(|r| r.current() || (!me.user_id.is_empty() && r.user_id() == me.user_id));
    DetailsVm {
        fields,
        mine,
        target: row.as_ref().map(data::target),
    }
}
