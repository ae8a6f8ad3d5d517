use super::*;
use crate::grid::{testdata, PageNav};
use crate::ui::workspace::state::Mode;

fn model(n: usize) -> (Model, Vec<String>) {
    let wire = testdata::sessions(n, 4);
    let ids = wire
        .iter()
        .map(|s| s.id.clone().unwrap_or_default())
        .collect();
    let rows = Rows::new(Sessions::from_wire(wire, 0));
    let m = Model::new(
        1,
        rows,
        Query::default(),
        Me::default(),
        Column::VISIBLE.into(),
    );
    (m, ids)
}

/// Applies inputs as the store would: a `None` keeps the model.
fn feed(m: Model, inputs: impl IntoIterator<Item = Input>) -> Model {
    inputs.into_iter().fold(m, |m, i| m.reduce(i).unwrap_or(m))
}

fn act(a: Action) -> Input {
    Input::Act(a)
}

#[test]
fn a_row_removed_through_the_store_leaves_every_view() {
    let (m, ids) = model(60);
    assert_eq!((m.derived.view.total, m.derived.rows.len()), (60, 25));
    let m = feed(
        m,
        [
            act(Action::Select { index: 3, on: true }),
            act(Action::Select { index: 4, on: true }),
            act(Action::OpenDetails {
                index: 3,
                session_id: ids[3].clone(),
            }),
        ],
    );
    assert!(m.derived.details.is_some());
    assert_eq!(m.rows.write().remove(&[ids[3].as_str()]), 1);
    let m = feed(m, [Input::RowsChanged]);
    assert_eq!(m.derived.view.total, 59);
    assert!(m.derived.rows.iter().all(|r| r.index != 3));
    assert_eq!(m.state.selection.iter().copied().collect::<Vec<_>>(), [4]);
    assert!(m.state.details.is_none() && m.derived.details.is_none());
    assert_eq!(m.state.active, None);
    assert!(!m.ordered().contains(&3));
}

#[test]
fn nothing_changed_is_no_new_model() {
    let (m, _) = model(30);
    assert!(m.reduce(act(Action::DismissToast(42))).is_none());
    assert!(m.reduce(Input::RowsChanged).is_none(), "no write happened");
    let load = Input::Load {
        load_id: 1,
        rows: m.rows.clone(),
    };
    assert!(m.reduce(load).is_none(), "the same load again");
}

#[test]
fn each_derived_value_is_recomputed_only_when_its_inputs_change() {
    let (m, _) = model(120);
    let runs = |m: &Model| {
        let d = m.derive.borrow();
        (d.rows.runs, d.stats.runs, d.groups.runs, d.facets.runs)
    };
    assert_eq!(runs(&m), (1, 0, 0, 0), "the table needs only its page");
    let m = feed(m, [act(Action::SetMode(Mode::Overview))]);
    assert_eq!(runs(&m), (1, 1, 0, 0));
    let stats = m.derived.stats.clone().expect("overview counts");
    // A page flip changes the page's rows, not what matches.
    let m = feed(m, [act(Action::Go(PageNav::Next, 5))]);
    assert_eq!(runs(&m), (2, 1, 0, 0));
    assert!(Rc::ptr_eq(&stats, m.derived.stats.as_ref().expect("kept")));
    // A search changes what matches: the counts follow; the facets are of every row.
    let m = feed(
        m,
        [
            act(Action::ToggleFilters),
            act(Action::SetSearch("a".into())),
        ],
    );
    let (_, stats_runs, _, facet_runs) = runs(&m);
    assert_eq!((stats_runs, facet_runs), (2, 1));
    let m = feed(m, [act(Action::SetSearch("ab".into()))]);
    assert_eq!(runs(&m).3, 1, "typing does not recount the filter choices");
    let m = feed(m, [act(Action::SetMode(Mode::Groups))]);
    assert_eq!(runs(&m).2, 1);
    assert!(
        m.derived.stats.is_none(),
        "nothing computed for a hidden mode"
    );
}

#[test]
fn a_new_load_keeps_the_query_and_follows_the_open_panel() {
    let (m, ids) = model(40);
    let m = feed(
        m,
        [
            act(Action::SetSearch("e".into())),
            act(Action::OpenDetails {
                index: 2,
                session_id: ids[2].clone(),
            }),
        ],
    );
    let mut wire = testdata::sessions(40, 4);
    wire.reverse();
    let rows = Rows::new(Sessions::from_wire(wire, 0));
    let m = feed(m, [Input::Load { load_id: 2, rows }]);
    assert_eq!(m.state.query.search, "e");
    let open = m.state.details.as_ref().expect("still open");
    assert_eq!(
        (open.index, open.session_id.as_str()),
        (37, ids[2].as_str())
    );
    let shown = m.derived.details.as_ref().expect("fields");
    assert_eq!(shown.target.as_ref().map(|t| t.index), Some(37));
}

#[test]
fn a_refresh_marks_new_rows_and_keeps_the_vanished_ones() {
    let (m, ids) = model(30);
    // The next load: rows 0 and 1 gone (ended elsewhere), two new sessions.
    let mut wire: Vec<_> = testdata::sessions(30, 4).into_iter().skip(2).collect();
    let extra = testdata::sessions(2, 99);
    let new_ids: Vec<String> = extra.iter().filter_map(|s| s.id.clone()).collect();
    wire.extend(extra);
    let next = Rows::new(Sessions::from_wire(wire, 0));
    let m = feed(
        m,
        [Input::Load {
            load_id: 2,
            rows: next,
        }],
    );
    let mut marked: Vec<String> = m.state.new_ids.iter().cloned().collect();
    marked.sort();
    let mut want = new_ids.clone();
    want.sort();
    assert_eq!(marked, want);
    let gone: Vec<&str> = m
        .state
        .gone
        .iter()
        .map(|g| g.line.session_id.as_str())
        .collect();
    assert_eq!(gone, [ids[0].as_str(), ids[1].as_str()]);
    // The same rows again: nothing new, and the vanished ones are still listed.
    let same = m.rows.clone();
    let m = feed(
        m,
        [Input::Load {
            load_id: 3,
            rows: Rows::new((*same.get()).clone()),
        }],
    );
    assert!(m.state.new_ids.is_empty());
    assert_eq!(m.state.gone.len(), 2);
}

#[test]
fn details_name_the_rows_network_once_networks_are_set() {
    use crate::grid::findings::{Networks, Settings};
    let (m, ids) = model(10);
    let ip = m
        .rows
        .get()
        .row(2)
        .map(|r| r.ip().to_owned())
        .unwrap_or_default();
    let open = act(Action::OpenDetails {
        index: 2,
        session_id: ids[2].clone(),
    });
    let m = feed(m, [open]);
    let network = |m: &Model| {
        m.derived.details.as_ref().and_then(|d| {
            d.fields
                .iter()
                .find(|f| f.label == crate::i18n::k::FD_NETWORK)
                .map(|f| f.value.clone())
        })
    };
    assert_eq!(network(&m), None, "no networks set: no field");
    let settings = |lines: &str| Settings {
        networks: Networks::parse(lines).0,
        ..Settings::default()
    };
    let inside = format!("{ip}/{} Lab", if ip.contains(':') { 128 } else { 32 });
    let m = feed(m, [act(Action::SetSettings(Rc::new(settings(&inside))))]);
    assert_eq!(network(&m).as_deref(), Some("Lab"), "{ip}");
    let m = feed(
        m,
        [act(Action::SetSettings(Rc::new(settings(
            "192.0.2.0/32 Far",
        ))))],
    );
    assert_eq!(
        network(&m).as_deref(),
        Some("(none of the trusted networks)")
    );
}
