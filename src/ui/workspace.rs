//! The workspace: everything the admin does with loaded sessions — search, filter, sort, page,
//! details, logout, export, overview. It owns the grid state; the shell hands it the data.
//!
//! CONTRACT with the shell (app.rs): the props below. The workspace takes the load's
//! `grid::Sessions` out of `data` (built by the fetch as pages arrived; taken again when
//! `data.load_id` changes) and owns it, so removals after a device logout stay local and cheap.

mod charts;
mod chips;
mod confirm;
pub mod data;
mod details;
mod effects;
pub mod export;
mod filters;
mod groups;
mod pager;
pub mod state;
mod table;
mod toast;
mod toolbar;
pub mod url_state;
pub mod when;

use super::api_ctx::ApiCtx;
use super::host::HostLink;
use crate::grid::{thousands, Column};
use crate::options::Options;
use data::{Grid, Handoff, Me};
use state::{Action, Fresh, Mode, State};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// One completed load, as the shell hands it over.
#[derive(Clone, PartialEq)]
pub struct LoadedData {
    /// Changes on every completed load; the workspace rebuilds its grid when it changes.
    pub load_id: u64,
    /// The set, built while the pages arrived; the workspace takes it (see [`Handoff`]).
    pub sessions: Rc<Handoff>,
    /// How many sessions the load brought (logouts afterwards do not change it).
    pub loaded: usize,
    /// The server's `total` at the end of the fetch.
    pub total: u64,
    /// A sentence when not every session could be loaded (cap, failures), shown above the table.
    pub shortfall: Option<String>,
    /// Epoch ms when the load finished ("last updated").
    pub loaded_at_ms: f64,
}

#[derive(Properties, PartialEq)]
pub struct WorkspaceProps {
    pub data: LoadedData,
    pub api: ApiCtx,
    pub options: Rc<Options>,
    /// The signed-in admin's user id: their sessions are marked, and logging out the one this
    /// app uses asks once more.
    pub self_user_id: String,
    /// Set by the host's `setFilter` (a counter makes a repeated text still apply).
    #[prop_or_default]
    pub external_search: Option<(u64, String)>,
    /// A fetch is running (refresh): show its progress, keep the current rows.
    #[prop_or_default]
    pub refreshing: bool,
    /// The session this page uses was logged out from the table: the shell signs out.
    #[prop_or_default]
    pub on_own_session_ended: Callback<()>,
    /// A bulk or single logout run started (`true`) or ended (`false`).
    #[prop_or_default]
    pub on_logout_run: Callback<bool>,
    /// When embedded: dispatch `rcdm:device-logged-out` here after each successful logout.
    #[prop_or_default]
    pub host: Option<HostLink>,
}

thread_local! {
    static NEXT_UID: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// A prefix for element ids, unique per mounted workspace (a portal may mount several).
fn next_uid() -> String {
    NEXT_UID.with(|n| {
        n.set(n.get().wrapping_add(1));
        format!("rcdm-ws{}", n.get())
    })
}

/// Focuses the table row at this place on the page.
fn focus_row(table: &NodeRef, place: usize) {
    let row = table
        .cast::<web_sys::Element>()
        .and_then(|t| {
            t.query_selector(&format!("tbody > tr:nth-child({})", place + 1))
                .ok()
                .flatten()
        })
        .and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(r) = row {
        let _ = r.focus();
    }
}

#[function_component(Workspace)]
pub fn workspace(props: &WorkspaceProps) -> Html {
    let uid = (*use_memo((), |_| next_uid())).clone();
    let tz = *use_memo((), |_| when::tz_offset_minutes());
    let grid = use_mut_ref(|| Grid::new(&props.data));
    let state =
        use_reducer(|| State::new(props.data.load_id, url_state::initial_query(&props.options)));
    let dispatcher = state.dispatcher();
    // One callback for the workspace's life: a new one per render would differ from the last
    // and re-render every child (toolbar, chips, every row) on each keystroke or page flip.
    let dispatch = (*use_memo((), {
        let d = dispatcher.clone();
        move |_| d.to_callback()
    }))
    .clone();
    let columns = use_memo(props.options.columns.clone(), |keys| {
        Rc::<[Column]>::from(data::columns(keys))
    });
    let table_ref = use_node_ref();
    let read_only = props.options.read_only;

    // A new load from the shell: rebuild the rows, keep the query and the open panel.
    {
        let (grid, d, data) = (grid.clone(), dispatcher.clone(), props.data.clone());
        let open = state.details.as_ref().map(|x| x.session_id.clone());
        use_effect_with(props.data.load_id, move |&load_id| {
            if grid.borrow().load_id != load_id {
                *grid.borrow_mut() = Grid::new(&data);
                let details_index = open.and_then(|id| grid.borrow().sessions.find(&id));
                d.dispatch(Action::Loaded {
                    load_id,
                    details_index,
                });
            }
        });
    }
    url_state::use_url_state(props.options.url_state, &state.query, dispatcher.clone());
    {
        // Remember a page size the admin chose, not the one a bookmark brought.
        let first = use_mut_ref(|| true);
        use_effect_with(state.query.page_size, move |&size| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                url_state::store_page_size(size);
            }
        });
    }
    {
        let d = dispatcher.clone();
        let ext = props.external_search.clone();
        use_effect_with(ext.as_ref().map(|e| e.0), move |_| {
            if let Some((_, text)) = ext {
                d.dispatch(Action::SetSearch(text));
            }
        });
    }
    effects::use_details_refresh(&state, props.api.clone(), dispatcher.clone());
    effects::use_logout_runner(
        &state,
        effects::Runner {
            api: props.api.clone(),
            grid: grid.clone(),
            host: props.host.clone(),
            dispatch: dispatcher.clone(),
            on_own_session_ended: props.on_own_session_ended.clone(),
            on_run: props.on_logout_run.clone(),
        },
    );

    let (view, error) = grid.borrow_mut().view(&state.query);
    let now_ms = when::now_ms();
    let me = Me {
        user_id: props.self_user_id.clone(),
        now_ms: now_ms - now_ms.rem_euclid(60_000),
        locale: props.options.locale.clone(),
    };
    let rows = Rc::new(grid.borrow().rows(&view.rows, &columns, &me));

    // Both read the grid when called, so they never change (props stay equal).
    let on_select_all = (*use_memo((), {
        let (grid, d) = (grid.clone(), dispatch.clone());
        move |_| {
            Callback::from(move |on: bool| {
                d.emit(if on {
                    Action::SelectAll(grid.borrow().ordered().to_vec())
                } else {
                    Action::ClearSelection
                })
            })
        }
    }))
    .clone();
    let on_export = (*use_memo((), {
        let (grid, d) = (grid.clone(), dispatch.clone());
        move |_| {
            Callback::from(move |format| {
                let g = grid.borrow();
                let file = export::build(format, &g.sessions, g.ordered(), &when::today());
                let (text, error) = match export::download(&file) {
                    Ok(()) => (
                        format!(
                            "Exported {} devices to {}",
                            thousands(g.ordered().len()),
                            file.name
                        ),
                        false,
                    ),
                    Err(e) => (e, true),
                };
                d.emit(Action::Toast { text, error });
            })
        }
    }))
    .clone();
    let on_bulk = {
        let (grid, d, sel) = (grid.clone(), dispatch.clone(), state.selection.clone());
        Callback::from(move |_: MouseEvent| {
            let indices: Vec<u32> = sel.iter().copied().collect();
            d.emit(Action::AskLogout(grid.borrow().targets(&indices)));
        })
    };
    let clear_filters = dispatch.reform(|_: MouseEvent| Action::ClearFilters);

    let details = state.details.as_ref().map(|det| {
        let g = grid.borrow();
        let row = g.sessions.row(det.index);
        let fields = match (&det.fresh, &row) {
            (Fresh::Loaded(s), _) => data::fresh_fields(s, tz, &me),
            (_, Some(r)) => data::fields(r, &me),
            _ => Vec::new(),
        };
        let mine = row.as_ref().is_some_and(|r| {
            r.current() || (!props.self_user_id.is_empty() && r.user_id() == props.self_user_id)
        });
        let target = row.as_ref().map(data::target);
        let (index, id) = (det.index, det.session_id.clone());
        let on_close = {
            let (d, t) = (dispatch.clone(), table_ref.clone());
            let place = rows.iter().position(|r| r.index == index);
            Callback::from(move |_| {
                d.emit(Action::CloseDetails);
                if let Some(place) = place {
                    focus_row(&t, place);
                }
            })
        };
        let on_remove = {
            let (d, grid) = (dispatch.clone(), grid.clone());
            Callback::from(move |_| {
                grid.borrow_mut().sessions.remove(&[id.as_str()]);
                d.emit(Action::RowsRemoved(vec![(index, id.clone())]));
            })
        };
        html! {
            <details::Details uid={uid.clone()} {fields} fresh={det.fresh.clone()} {mine} {read_only} {index}
                {on_close} {on_remove}
                on_refresh={dispatch.reform(|_| Action::RefreshDetails)}
                on_logout={dispatch.reform(move |_| Action::AskLogout(target.clone().into_iter().collect()))} />
        }
    });

    let main = match state.mode {
        Mode::Table => html! {
            <>
                <table::Table columns={(*columns).clone()} rows={rows} sort={state.query.sort.clone()}
                    selection={state.selection.clone()} active={state.active} {read_only}
                    matched={view.matched} dispatch={dispatch.clone()} {on_select_all} table_ref={table_ref.clone()}
                    locale={props.options.locale.clone()} />
                if view.matched == 0 {
                    <div class="empty">
                        if view.total == 0 {
                            <p>{ "No sessions" }</p>
                        } else {
                            <p>{ "No sessions match" }</p>
                            <button type="button" onclick={clear_filters.clone()}>{ "Clear filters" }</button>
                        }
                    </div>
                }
                <pager::Pager view={view.clone()} dispatch={dispatch.clone()} />
            </>
        },
        Mode::Overview => {
            let stats = grid.borrow_mut().stats();
            html! { <charts::Charts {stats} tz_offset_minutes={tz} dispatch={dispatch.clone()} /> }
        }
        Mode::Groups => {
            let groups = grid.borrow_mut().groups();
            let g = grid.borrow();
            let open: Vec<(String, Vec<data::RowVm>)> = groups
                .iter()
                .take(state.groups_shown)
                .filter_map(|x| {
                    let key = groups::group_key(x);
                    state.expanded.contains(&key).then(|| {
                        let idx = &x.rows[..x.rows.len().min(250)];
                        (key, g.rows(idx, &columns, &me))
                    })
                })
                .collect();
            let on_logout_group = {
                let (grid, d, groups) = (grid.clone(), dispatch.clone(), groups.clone());
                Callback::from(move |key: String| {
                    if let Some(x) = groups.iter().find(|x| groups::group_key(x) == key) {
                        d.emit(Action::AskLogout(grid.borrow().targets(&x.rows)));
                    }
                })
            };
            html! {
                <groups::Groups {groups} shown={state.groups_shown} expanded={state.expanded.clone()}
                    rows={Rc::new(open)} {read_only} self_user_id={props.self_user_id.clone()}
                    dispatch={dispatch.clone()} {on_logout_group} />
            }
        }
    };

    let n_sel = state.selection.len();
    let filters = &state.query.filters;
    let filter_count = filters.kinds.len()
        + filters.clients.len()
        + filters.oses.len()
        + filters.users.len()
        + usize::from(filters.login_from.is_some())
        + usize::from(filters.login_to.is_some());
    html! {
        <section class="ws" aria-label="Devices">
            <toolbar::Toolbar uid={uid.clone()} search={state.query.search.clone()} regex={state.query.regex}
                error={error} filters_open={state.filters_open} {filter_count} mode={state.mode}
                {on_export} dispatch={dispatch.clone()} />
            if state.filters_open {
                <filters::FilterPanel uid={uid.clone()} facets={grid.borrow_mut().facets()} filters={filters.clone()}
                    tz_offset_minutes={tz} dispatch={dispatch.clone()} />
            }
            <chips::Chips filters={filters.clone()} searching={!state.query.search.is_empty()}
                tz_offset_minutes={tz} dispatch={dispatch.clone()} />
            if let Some(note) = &props.data.shortfall {
                <p class="note shortfall" role="note">{ note.clone() }</p>
            }
            if !read_only && n_sel > 0 {
                <div class="bulk" role="group" aria-label="Selected devices">
                    <span>{ format!("{} selected", thousands(n_sel)) }</span>
                    <button type="button" class="danger" onclick={on_bulk}>
                        { if n_sel == 1 { "Log out 1 device".to_owned() } else { format!("Log out {} devices", thousands(n_sel)) } }
                    </button>
                    <button type="button" onclick={dispatch.reform(|_: MouseEvent| Action::ClearSelection)}>{ "Clear selection" }</button>
                </div>
            }
            <div class={classes!("ws-body", details.is_some().then_some("with-details"))}>
                // While the shell refreshes, the rows stay usable; its header shows the progress.
                <div class="ws-main" aria-busy={props.refreshing.then_some("true")}>{ main }</div>
                // `if`, not `for`: an iterable is spliced into the siblings, and Yew matches
                // unkeyed siblings from the end, which would rebuild the table beside it.
                if let Some(d) = details { { d } }
            </div>
            if let Some(dialog) = &state.dialog {
                <confirm::Confirm uid={uid.clone()} dialog={dialog.clone()} fallback={table_ref.clone()}
                    own_known={grid.borrow().sessions.own_known()}
                    on_confirm={dispatch.reform(|_| Action::ConfirmLogout)}
                    on_cancel={dispatch.reform(|_| Action::CloseDialog)} />
            }
            <toast::Toasts toasts={state.toasts.clone()} dispatch={dispatch.clone()} />
        </section>
    }
}
