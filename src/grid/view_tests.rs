//! Unit tests of the query rules (TanStack's resets, sort toggling) and the pipeline's memoisation.

use super::*;
use crate::grid::tests::{ids, load, Fx};
use crate::grid::{DeviceKind, PageNav};

fn sixty() -> Sessions {
    load(
        (0..60)
            .map(|i| {
                let client = ["Chrome", "Firefox", "Safari"][i % 3];
                Fx::new(&format!("s{i:02}"))
                    .client("browser", client, &format!("1.{i}"))
                    .login(&format!("2023-05-{:02}T10:00:00Z", i % 28 + 1))
            })
            .collect(),
    )
}

#[test]
fn changes_to_what_matches_or_its_order_reset_the_page() {
    let mut q = Query {
        page: 3,
        ..Query::default()
    };
    q.set_search("");
    assert_eq!(q.page, 3, "an unchanged search keeps the page");
    q.set_search("chr");
    assert_eq!(q.page, 1);
    q.page = 3;
    q.set_regex(true);
    assert_eq!(q.page, 1);
    q.page = 3;
    q.update_filters(|_| {});
    assert_eq!(q.page, 3, "an unchanged filter keeps the page");
    q.update_filters(|f| {
        f.kinds.insert(DeviceKind::Browser);
    });
    assert_eq!(q.page, 1);
    q.page = 3;
    q.toggle_sort(Column::Ip, false);
    assert_eq!(q.page, 1);
    q.set_page(0);
    assert_eq!(q.page, 1);
    q.set_page(4);
    assert_eq!(q.page, 4);
    q.go(PageNav::Next, 4);
    assert_eq!(q.page, 4);
    q.go(PageNav::Prev, 4);
    assert_eq!(q.page, 3);
}

#[test]
fn page_size_change_keeps_the_top_row_visible() {
    let mut q = Query {
        page: 5,
        ..Query::default()
    };
    // Page 5 of 25 starts at row 100; with 50 per page that row is on page 3.
    q.set_page_size(PageSize::S50);
    assert_eq!((q.page, q.page_size), (3, PageSize::S50));
    q.set_page_size(PageSize::S250);
    assert_eq!(q.page, 1);
    q.set_page_size(PageSize::S25);
    assert_eq!(q.page, 1);
}

#[test]
fn header_clicks_cycle_like_tanstack() {
    let mut q = Query::default();
    let asc = SortKey::asc;
    let desc = SortKey::desc;
    q.toggle_sort(Column::Client, false);
    assert_eq!(q.sort, [asc(Column::Client)]);
    q.toggle_sort(Column::Client, false);
    assert_eq!(q.sort, [desc(Column::Client)]);
    q.toggle_sort(Column::Client, false);
    assert_eq!(q.sort, []);
    q.toggle_sort(Column::LastLogin, false);
    assert_eq!(
        q.sort,
        [desc(Column::LastLogin)],
        "newest first on the first click"
    );
    q.toggle_sort(Column::Client, true);
    q.toggle_sort(Column::Ip, true);
    assert_eq!(
        q.sort,
        [
            desc(Column::LastLogin),
            asc(Column::Client),
            asc(Column::Ip)
        ]
    );
    q.toggle_sort(Column::Client, true);
    assert_eq!(
        q.sort,
        [
            desc(Column::LastLogin),
            desc(Column::Client),
            asc(Column::Ip)
        ]
    );
    q.toggle_sort(Column::Client, true);
    assert_eq!(q.sort, [desc(Column::LastLogin), asc(Column::Ip)]);
    assert_eq!(q.sort_of(Column::Ip), Some((1, false)));
    q.toggle_sort(Column::Ip, false);
    assert_eq!(
        q.sort,
        [asc(Column::Ip)],
        "a plain click on a secondary key makes it the only one"
    );
    q.set_sort(vec![asc(Column::Os), desc(Column::Os), asc(Column::Host)]);
    assert_eq!(q.sort, [asc(Column::Os), asc(Column::Host)]);
}

#[test]
fn pipeline_recomputes_only_what_changed() {
    let s = sixty();
    let mut p = Pipeline::default();
    let mut q = Query::default();
    let v = p.view(&s, &q).expect("view");
    assert_eq!((v.matched, v.total, v.pages, v.rows.len()), (60, 60, 3, 25));
    assert_eq!(
        p.recomputes(),
        Recomputes {
            filters: 1,
            narrowed: 0,
            sorts: 1
        }
    );

    q.set_page(2);
    let v = p.view(&s, &q).expect("view");
    assert_eq!(v.rows.first(), Some(&25));
    assert_eq!(
        p.recomputes(),
        Recomputes {
            filters: 1,
            narrowed: 0,
            sorts: 1
        },
        "a page change recomputes nothing"
    );

    q.toggle_sort(Column::Version, false);
    let v = p.view(&s, &q).expect("view");
    assert_eq!(
        p.recomputes(),
        Recomputes {
            filters: 1,
            narrowed: 0,
            sorts: 2
        },
        "a sort change does not refilter"
    );
    assert_eq!(ids(&s, &v.rows[..3]), ["s00", "s01", "s02"]);

    q.set_search("fire");
    let v = p.view(&s, &q).expect("view");
    assert_eq!((v.matched, v.page), (20, 1));
    assert_eq!(
        p.recomputes(),
        Recomputes {
            filters: 2,
            narrowed: 0,
            sorts: 2
        },
        "a search from empty only drops rows from the sorted list"
    );
    q.set_search("firef");
    let more = p.view(&s, &q).expect("view");
    assert_eq!(
        p.recomputes(),
        Recomputes {
            filters: 3,
            narrowed: 0,
            sorts: 2
        },
        "typing on too"
    );
    assert_eq!(more, view(&s, &q).expect("fresh"));
    q.set_search("s0");
    assert_eq!(p.view(&s, &q).expect("view").matched, 10);
    q.set_search("s00");
    let narrowed = p.view(&s, &q).expect("view");
    assert_eq!(
        p.recomputes(),
        Recomputes {
            filters: 4,
            narrowed: 1,
            sorts: 3
        }
    );
    assert_eq!(
        narrowed,
        view(&s, &q).expect("fresh"),
        "narrowing gives what a fresh run gives"
    );
    assert_eq!(ids(&s, &narrowed.rows), ["s00"]);

    let reload = sixty();
    p.view(&reload, &q).expect("view");
    assert_eq!(p.recomputes().filters, 5, "a new load recomputes");
}

#[test]
fn removals_drop_rows_and_keep_the_page_valid() {
    let mut s = sixty();
    let mut p = Pipeline::default();
    let mut q = Query::default();
    q.toggle_sort(Column::DeviceId, false);
    q.set_page(3);
    let v = p.view(&s, &q).expect("view");
    assert_eq!(
        (v.page, v.rows.len(), v.status(crate::i18n::Lang::En)),
        (3, 10, "51–60 of 60".to_owned())
    );
    let gone: Vec<String> = (50..60).map(|i| format!("s{i}")).collect();
    assert_eq!(s.remove(&gone), 10);
    let before = p.recomputes();
    let v = p.view(&s, &q).expect("view");
    assert_eq!(p.recomputes(), before, "a removal only drops rows");
    assert_eq!((v.page, v.pages, v.rows.len(), v.total), (2, 2, 25, 50));
    assert_eq!(v.status(crate::i18n::Lang::En), "26–50 of 50");
    assert_eq!(p.ordered().len(), 50);
    assert_eq!(v, view(&s, &q).expect("fresh"));
}

#[test]
fn a_bad_regex_keeps_the_last_good_view() {
    let s = sixty();
    let mut p = Pipeline::default();
    let mut q = Query::default();
    q.set_search("safari");
    let good = p.view(&s, &q).expect("view");
    assert_eq!(good.matched, 20);
    q.set_regex(true);
    q.set_search("safari|(");
    let err = p.view(&s, &q).expect_err("bad pattern");
    assert!(matches!(err.error, QueryError::BadPattern { .. }));
    assert_eq!(err.last_good, good);
    assert!(err
        .error
        .to_string()
        .contains("not a valid regular expression"));
    // Sorting still works on the last good rows while the pattern is being fixed.
    q.toggle_sort(Column::Version, false);
    let err = p.view(&s, &q).expect_err("still bad");
    assert_eq!(err.last_good.matched, 20);
    assert_eq!(ids(&s, &err.last_good.rows[..2]), ["s02", "s05"]);
    q.set_search("safari|chrome");
    assert_eq!(p.view(&s, &q).expect("fixed").matched, 40);
    // On a fresh load there is no last good search: the column filters alone apply.
    let mut fresh = Pipeline::default();
    q.set_search("(");
    let err = fresh.view(&s, &q).expect_err("bad pattern");
    assert_eq!(err.last_good.matched, 60);
}

#[test]
fn status_texts_of_views() {
    let s = sixty();
    let mut q = Query::default();
    q.set_search("chrome");
    assert_eq!(
        view(&s, &q).expect("view").status(crate::i18n::Lang::En),
        "1–20 of 20 (filtered from 60)"
    );
    q.set_search("no such thing");
    let v = view(&s, &q).expect("view");
    assert_eq!(
        (v.status(crate::i18n::Lang::En).as_str(), v.pages, v.page),
        ("No matching sessions (filtered from 60)", 1, 1)
    );
    let empty = Sessions::default();
    assert_eq!(
        view(&empty, &Query::default())
            .expect("view")
            .status(crate::i18n::Lang::En),
        "No sessions"
    );
}

/// u1 has 3 sessions (two from 10.1.x), u2 one; s4 has no user.
fn with_users() -> Sessions {
    load(vec![
        Fx::new("s1")
            .user("u1", "ann", None)
            .client("browser", "Chrome", "1")
            .ip("10.1.0.1")
            .login("2023-05-01T10:00:00Z"),
        Fx::new("s2")
            .user("u1", "ann", None)
            .client("browser", "Firefox", "1")
            .ip("10.1.0.2")
            .login("2023-06-01T10:00:00Z"),
        Fx::new("s3")
            .user("u1", "ann", None)
            .client("browser", "Chrome", "1")
            .ip("192.0.2.1")
            .login("2023-07-01T10:00:00Z"),
        Fx::new("s4")
            .client("browser", "Chrome", "1")
            .ip("10.1.0.3")
            .login("2023-07-01T10:00:00Z"),
        Fx::new("s5")
            .user("u2", "bob", None)
            .client("browser", "Chrome", "1")
            .ip("192.0.2.9")
            .login("2023-07-02T10:00:00Z"),
    ])
}

#[test]
fn findings_filter_the_view_with_search_and_columns() {
    use crate::grid::findings::{Context, Finding, Networks, Settings};
    use crate::grid::Chip;
    let s = with_users();
    let mut settings = Settings {
        max_per_user: 2,
        ..Settings::default()
    };
    settings.networks = Networks::parse("10.0.0.0/8 Office").0;
    let now = crate::grid::parse_iso8601("2023-07-03T10:00:00Z").expect("now");
    let cx = Context {
        settings: &settings,
        now_ms: now,
    };
    let mut p = Pipeline::default();
    let mut q = Query::default();
    q.toggle_sort(Column::DeviceId, false);
    q.update_filters(|f| f.insert(Chip::Finding(Finding::TooMany { max: 2 })));
    let run = |p: &mut Pipeline, s: &Sessions, q: &Query, cx: &Context| {
        let v = p.view_with(s, q, cx).expect("view");
        ids(s, &v.rows)
    };
    assert_eq!(run(&mut p, &s, &q, &cx), ["s1", "s2", "s3"]);
    q.update_filters(|f| f.insert(Chip::Finding(Finding::Untrusted)));
    assert_eq!(run(&mut p, &s, &q, &cx), ["s3"], "findings AND together");
    q.update_filters(|f| f.remove(&Chip::Finding(Finding::TooMany { max: 2 })));
    assert_eq!(run(&mut p, &s, &q, &cx), ["s3", "s5"]);
    q.set_search("bob");
    assert_eq!(run(&mut p, &s, &q, &cx), ["s5"], "and with the search");
    q.set_search("");
    q.update_filters(|f| {
        f.remove(&Chip::Finding(Finding::Untrusted));
        f.insert(Chip::Finding(Finding::Stale { days: 30 }));
        f.insert(Chip::Client("Chrome".into()));
    });
    assert_eq!(run(&mut p, &s, &q, &cx), ["s1"], "and with a column filter");
    let later = Context {
        settings: &settings,
        now_ms: now + 40 * crate::grid::findings::DAY_MS,
    };
    assert_eq!(
        run(&mut p, &s, &q, &later),
        ["s1", "s3", "s4", "s5"],
        "a later clock refilters a stale finding"
    );
}

#[test]
fn a_removal_recomputes_findings_that_depend_on_other_rows() {
    use crate::grid::findings::{Context, Finding, Settings};
    use crate::grid::Chip;
    let mut s = with_users();
    let settings = Settings::default();
    let cx = Context {
        settings: &settings,
        now_ms: 0,
    };
    let mut p = Pipeline::default();
    let mut q = Query::default();
    q.toggle_sort(Column::DeviceId, false);
    q.update_filters(|f| f.insert(Chip::Finding(Finding::TooMany { max: 2 })));
    assert_eq!(p.view_with(&s, &q, &cx).expect("view").matched, 3);
    assert_eq!(s.remove(&["s1".to_owned()]), 1);
    let v = p.view_with(&s, &q, &cx).expect("view");
    assert_eq!(
        v.matched, 0,
        "ann is down to 2 sessions: no longer too many"
    );
}
