//! Replays of reducer actions: what the admin does and what must follow.

use super::*;
use crate::grid::DeviceKind;
use crate::grid::{Column, Filters, PageNav, PageSize, SortKey};

fn start() -> State {
    State::new(1, Query::default())
}

fn run(state: State, actions: impl IntoIterator<Item = Action>) -> State {
    actions
        .into_iter()
        .fold(state, |s, a| reduce(&s, a).unwrap_or(s))
}

fn target(index: u32, current: bool) -> Target {
    Target {
        index,
        session_id: format!("s{index}"),
        user_id: format!("u{index}"),
        username: format!("user{index}"),
        current,
    }
}

#[test]
fn typing_resets_the_page_and_the_selection_but_paging_keeps_them() {
    let s = run(
        start(),
        [
            Action::Go(PageNav::To(4), 10),
            Action::SelectAll(vec![1, 2, 3]),
            Action::Go(PageNav::Next, 10),
        ],
    );
    assert_eq!(s.query.page, 5);
    assert_eq!(s.selection.len(), 3, "paging keeps the selection");
    let s = run(s, [Action::SetSearch("chr".into())]);
    assert_eq!(s.query.page, 1);
    assert!(s.selection.is_empty(), "a new search drops the selection");
    let s = run(
        s,
        [
            Action::Select { index: 9, on: true },
            Action::Sort {
                column: Column::Client,
                additive: false,
            },
        ],
    );
    assert_eq!(s.selection.len(), 1, "sorting keeps the selection");
    assert_eq!(s.query.sort, [SortKey::asc(Column::Client)]);
}

#[test]
fn nothing_changes_gives_no_new_state() {
    let s = start();
    assert!(reduce(&s, Action::SetSearch(String::new())).is_none());
    assert!(reduce(&s, Action::CloseDialog).is_none());
    assert!(reduce(&s, Action::DismissToast(42)).is_none());
    assert!(reduce(&s, Action::ConfirmLogout).is_none());
    assert!(reduce(&s, Action::AskLogout(vec![])).is_none());
    let s = run(s, [Action::Activate(3)]);
    assert!(reduce(&s, Action::Activate(3)).is_none());
}

#[test]
fn chips_add_remove_and_clear_with_the_search() {
    let s = run(
        start(),
        [
            Action::SetSearch("x".into()),
            Action::AddChip(Chip::Client("Chrome".into())),
            Action::AddChip(Chip::Kind(DeviceKind::Browser)),
            Action::SetLoginFrom(Some(10)),
            Action::SetLoginTo(Some(20)),
        ],
    );
    assert!(s.query.filters.clients.contains("Chrome"));
    assert_eq!(s.query.filters.login_from, Some(10));
    let s = run(
        s,
        [
            Action::RemoveChip(Chip::Client("Chrome".into())),
            Action::RemoveChip(Chip::From(0)),
        ],
    );
    assert!(s.query.filters.clients.is_empty());
    assert_eq!(s.query.filters.login_from, None);
    assert_eq!(s.query.filters.login_to, Some(20));
    let s = run(s, [Action::ClearFilters]);
    assert_eq!(s.query.filters, Filters::default());
    assert_eq!(s.query.search, "");
}

#[test]
fn a_chart_bar_filters_and_shows_the_table() {
    let s = run(
        start(),
        [
            Action::SetMode(Mode::Overview),
            Action::Drill(Chip::Os("iOS".into())),
        ],
    );
    assert_eq!(s.mode, Mode::Table);
    assert!(s.query.filters.oses.contains("iOS"));
    let s = run(
        s,
        [
            Action::SetMode(Mode::Overview),
            Action::DrillDay { from: 5, to: 9 },
        ],
    );
    assert_eq!(
        (s.query.filters.login_from, s.query.filters.login_to),
        (Some(5), Some(9))
    );
    assert_eq!(s.mode, Mode::Table);
}

#[test]
fn page_size_keeps_the_top_row_and_restore_replaces_the_query() {
    let s = run(
        start(),
        [
            Action::Go(PageNav::To(3), 9),
            Action::SetPageSize(PageSize::S50),
        ],
    );
    assert_eq!((s.query.page, s.query.page_size), (2, PageSize::S50));
    let mut q = Query::default();
    q.set_search("ios");
    let s = run(s, [Action::SelectAll(vec![1]), Action::Restore(q.clone())]);
    assert_eq!(s.query, q);
    assert!(s.selection.is_empty());
}

#[test]
fn details_take_only_the_answer_to_their_latest_request() {
    let s = run(
        start(),
        [Action::OpenDetails {
            index: 4,
            session_id: "s4".into(),
        }],
    );
    let first = s.details.as_ref().map(|d| d.request).unwrap_or_default();
    assert_eq!(s.active, Some(4));
    let s = run(s, [Action::RefreshDetails]);
    let second = s.details.as_ref().map(|d| d.request).unwrap_or_default();
    assert_ne!(first, second);
    let stale = reduce(
        &s,
        Action::DetailsAnswer {
            request: first,
            fresh: Fresh::Gone,
        },
    );
    assert!(stale.is_none(), "an older answer is dropped");
    let s = run(
        s,
        [Action::DetailsAnswer {
            request: second,
            fresh: Fresh::Gone,
        }],
    );
    assert_eq!(s.details.as_ref().map(|d| &d.fresh), Some(&Fresh::Gone));
    let s = run(s, [Action::RowsRemoved(vec![(4, "s4".into())])]);
    assert!(s.details.is_none(), "a removed row's panel closes");
    assert_eq!(s.active, None);
}

#[test]
fn a_single_logout_confirms_runs_removes_and_toasts() {
    let s = run(
        start(),
        [
            Action::Select { index: 1, on: true },
            Action::OpenDetails {
                index: 1,
                session_id: "s1".into(),
            },
            Action::AskLogout(vec![target(1, false)]),
        ],
    );
    assert!(matches!(
        s.dialog,
        Some(Dialog::Confirm { again: false, .. })
    ));
    assert!(s.running().is_none());
    let s = run(s, [Action::ConfirmLogout]);
    let (run_id, targets) = s.running().expect("running");
    assert_eq!(targets.len(), 1);
    let s = run(
        s,
        [Action::LogoutResult {
            run: run_id,
            target: target(1, false),
            error: None,
            gone: false,
        }],
    );
    assert!(s.dialog.is_none());
    assert!(s.details.is_none());
    assert!(s.selection.is_empty());
    assert_eq!(
        s.toasts
            .last()
            .map(|t| t.text.say(crate::i18n::Lang::En))
            .as_deref(),
        Some("Device logged out")
    );
}

#[test]
fn a_failed_logout_is_reported_and_keeps_the_row() {
    let s = run(
        start(),
        [
            Action::Select { index: 1, on: true },
            Action::AskLogout(vec![target(1, false)]),
            Action::ConfirmLogout,
        ],
    );
    let (run_id, _) = s.running().expect("running");
    let s = run(
        s,
        [Action::LogoutResult {
            run: run_id,
            target: target(1, false),
            error: Some(ApiError::Forbidden),
            gone: false,
        }],
    );
    match &s.dialog {
        Some(Dialog::Report {
            succeeded: 0,
            failed,
            ..
        }) => assert_eq!(failed[0].reason, ApiError::Forbidden),
        other => panic!("{other:?}"),
    }
    assert_eq!(s.selection.len(), 1, "nothing is lost");
    assert!(reduce(&s, Action::CloseDialog).is_some_and(|s| s.dialog.is_none()));
}

#[test]
fn own_session_asks_once_more_and_goes_last() {
    let s = run(
        start(),
        [Action::AskLogout(vec![
            target(7, true),
            target(2, false),
            target(3, false),
        ])],
    );
    let Some(Dialog::Confirm { targets, .. }) = &s.dialog else {
        panic!()
    };
    assert_eq!(
        targets.iter().map(|t| t.index).collect::<Vec<_>>(),
        [2, 3, 7]
    );
    let s = run(s, [Action::ConfirmLogout]);
    assert!(matches!(
        s.dialog,
        Some(Dialog::Confirm { again: true, .. })
    ));
    assert!(s.running().is_none());
    let s = run(s, [Action::ConfirmLogout]);
    assert!(s.running().is_some());
    // The run cannot be dismissed half-way, nor a second one started.
    assert!(reduce(&s, Action::CloseDialog).is_none());
    assert!(reduce(&s, Action::AskLogout(vec![target(9, false)])).is_none());
}

#[test]
fn a_bulk_run_counts_results_and_reports_failures() {
    let all: Vec<Target> = (0..5).map(|i| target(i, false)).collect();
    let s = run(
        start(),
        [
            Action::SelectAll((0..5).collect()),
            Action::AskLogout(all.clone()),
            Action::ConfirmLogout,
        ],
    );
    let (run_id, _) = s.running().expect("running");
    let s = run(
        s,
        all.iter().enumerate().map(|(i, t)| Action::LogoutResult {
            run: run_id,
            target: t.clone(),
            error: (i % 2 == 1).then_some(ApiError::RateLimited { wait_ms: None }),
            gone: false,
        }),
    );
    match &s.dialog {
        Some(Dialog::Report {
            succeeded, failed, ..
        }) => {
            assert_eq!(*succeeded, 3);
            assert_eq!(
                failed.iter().map(|f| f.target.index).collect::<Vec<_>>(),
                [1, 3]
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        s.selection.iter().copied().collect::<Vec<_>>(),
        [1, 3],
        "failed rows stay selected"
    );
}

#[test]
fn a_run_that_ended_the_pages_own_session_is_not_verified() {
    // The page is signed out by it: a re-read could only answer 401.
    let all: Vec<Target> = (0..3).map(|i| target(i, i == 1)).collect();
    let s = run(
        start(),
        [
            Action::AskLogout(all.clone()),
            Action::ConfirmLogout,
            Action::ConfirmLogout,
        ],
    );
    let (run_id, _) = s.running().expect("running");
    let results = all.iter().map(|t| Action::LogoutResult {
        run: run_id,
        target: t.clone(),
        error: None,
        gone: false,
    });
    let s = run(s, results);
    assert!(
        matches!(s.dialog, Some(Dialog::Report { verify: None, .. })),
        "{:?}",
        s.dialog
    );
    assert!(s.verifying().is_none());
}

#[test]
fn a_bulk_run_reports_each_row_and_verifies_the_ended_ones() {
    let all: Vec<Target> = (0..3).map(|i| target(i, false)).collect();
    let s = run(
        start(),
        [Action::AskLogout(all.clone()), Action::ConfirmLogout],
    );
    let (run_id, _) = s.running().expect("running");
    let results = all.iter().enumerate().map(|(i, t)| Action::LogoutResult {
        run: run_id,
        target: t.clone(),
        error: None,
        gone: i == 2,
    });
    let s = run(s, results);
    let Some(Dialog::Report {
        results, verify, ..
    }) = &s.dialog
    else {
        panic!("{:?}", s.dialog)
    };
    assert_eq!(
        s.toasts
            .last()
            .map(|t| t.text.say(crate::i18n::Lang::En))
            .as_deref(),
        Some("3 devices logged out")
    );
    let outcomes: Vec<&str> = results.iter().map(|r| r.outcome.key()).collect();
    assert_eq!(outcomes, ["ended", "ended", "already-gone"]);
    let Some(Verify::Running(key)) = verify.clone() else {
        panic!("{verify:?}")
    };
    let (k, ended) = s.verifying().expect("verifying");
    assert_eq!(k, key);
    assert_eq!(
        ended.iter().map(|t| t.index).collect::<Vec<_>>(),
        [0, 1],
        "only sessions reported ended are looked for"
    );
    assert!(reduce(
        &s,
        Action::Verified {
            key: key + 1,
            result: Ok(vec![])
        }
    )
    .is_none());
    let survivor = all[1].session_id.clone();
    let s = run(
        s,
        [Action::Verified {
            key,
            result: Ok(vec![survivor]),
        }],
    );
    let Some(Dialog::Report {
        results, verify, ..
    }) = &s.dialog
    else {
        panic!()
    };
    assert_eq!(*verify, Some(Verify::Done));
    let survived: Vec<u32> = results
        .iter()
        .filter(|r| r.survived)
        .map(|r| r.target.index)
        .collect();
    assert_eq!(survived, [1]);
    assert!(s.verifying().is_none());
    // An answer of an old run leaves dialogs alone.
    let s = run(
        s,
        [Action::LogoutResult {
            run: 999,
            target: target(8, false),
            error: None,
            gone: false,
        }],
    );
    assert!(matches!(s.dialog, Some(Dialog::Report { .. })));
}

#[test]
fn retry_failures_runs_only_the_failed_rows_again() {
    let all: Vec<Target> = (0..3).map(|i| target(i, false)).collect();
    let s = run(
        start(),
        [Action::AskLogout(all.clone()), Action::ConfirmLogout],
    );
    let (run_id, _) = s.running().expect("running");
    let s = run(
        s,
        all.iter().enumerate().map(|(i, t)| Action::LogoutResult {
            run: run_id,
            target: t.clone(),
            error: (i == 0).then_some(ApiError::RateLimited { wait_ms: None }),
            gone: false,
        }),
    );
    let s = run(s, [Action::RetryFailures]);
    let (again, targets) = s.running().expect("a new run");
    assert_ne!(again, run_id);
    assert_eq!(targets.iter().map(|t| t.index).collect::<Vec<_>>(), [0]);
}

#[test]
fn one_device_ended_is_a_toast_and_a_refused_one_a_report_without_verification() {
    let s = run(
        start(),
        [
            Action::AskLogout(vec![target(1, false)]),
            Action::ConfirmLogout,
        ],
    );
    let (run_id, _) = s.running().expect("running");
    let ok = run(
        s.clone(),
        [Action::LogoutResult {
            run: run_id,
            target: target(1, false),
            error: None,
            gone: false,
        }],
    );
    assert!(ok.dialog.is_none());
    assert_eq!(
        ok.toasts
            .last()
            .map(|t| t.text.say(crate::i18n::Lang::En))
            .as_deref(),
        Some("Device logged out")
    );
    let refused = run(
        s,
        [Action::LogoutResult {
            run: run_id,
            target: target(1, false),
            error: Some(ApiError::Forbidden),
            gone: false,
        }],
    );
    assert!(matches!(
        refused.dialog,
        Some(Dialog::Report { verify: None, .. })
    ));
}

#[test]
fn a_new_load_forgets_indices_but_follows_the_open_panel() {
    let s = run(
        start(),
        [
            Action::SelectAll(vec![1, 2]),
            Action::Activate(2),
            Action::OpenDetails {
                index: 2,
                session_id: "s2".into(),
            },
        ],
    );
    let s = run(
        s,
        [Action::Loaded {
            load_id: 2,
            details_index: Some(40),
        }],
    );
    assert!(s.selection.is_empty());
    assert_eq!(s.active, None);
    assert_eq!(
        s.details.as_ref().map(|d| (d.index, d.session_id.as_str())),
        Some((40, "s2"))
    );
    let s = run(
        s,
        [Action::Loaded {
            load_id: 3,
            details_index: None,
        }],
    );
    assert!(s.details.is_none());
    assert!(reduce(
        &s,
        Action::Loaded {
            load_id: 3,
            details_index: None
        }
    )
    .is_none());
}

#[test]
fn toasts_are_capped_and_dismissed_by_id() {
    let s = run(
        start(),
        (0..6).map(|i| Action::Toast {
            text: crate::i18n::Said::new(move |_| format!("t{i}")),
            error: false,
        }),
    );
    let texts: Vec<String> = s
        .toasts
        .iter()
        .map(|t| t.text.say(crate::i18n::Lang::En))
        .collect();
    assert_eq!(texts, ["t2", "t3", "t4", "t5"]);
    let id = s.toasts[0].id;
    let s = run(s, [Action::DismissToast(id)]);
    assert_eq!(s.toasts.len(), 3);
}

#[test]
fn groups_expand_and_page() {
    let s = run(
        start(),
        [
            Action::ToggleGroup("u1".into()),
            Action::ToggleGroup("u2".into()),
            Action::ToggleGroup("u1".into()),
            Action::ShowMoreGroups,
        ],
    );
    assert_eq!(s.expanded.iter().collect::<Vec<_>>(), ["u2"]);
    assert_eq!(s.groups_shown, 2 * GROUPS_STEP);
    let s = run(s, [Action::SetSearch("a".into())]);
    assert_eq!(s.groups_shown, GROUPS_STEP);
}

#[test]
fn new_settings_carry_their_numbers_into_the_findings_in_effect() {
    use crate::grid::findings::{Finding, Settings};
    let s = run(
        start(),
        [
            Action::AddChip(Chip::Finding(Finding::Stale { days: 90 })),
            Action::AddChip(Chip::Finding(Finding::Duplicates)),
            Action::SelectAll(vec![1, 2]),
        ],
    );
    let settings = Settings {
        stale_days: 30,
        ..Settings::default()
    };
    let s = run(s, [Action::SetSettings(Rc::new(settings.clone()))]);
    assert_eq!(
        s.query.filters.findings,
        [Finding::Stale { days: 30 }, Finding::Duplicates]
    );
    assert!(
        s.selection.is_empty(),
        "what matches changed: the selection goes"
    );
    assert!(
        reduce(&s, Action::SetSettings(Rc::new(settings))).is_none(),
        "the same settings change nothing"
    );
}
