//! The workspace: everything the admin does with loaded sessions — search, filter, sort, page,
//! details, logout, export, overview. Its model (`model.rs`) moves state, rows and derived
//! values together; this component only lays out what the model holds.
//!
//! CONTRACT with the shell (app.rs): the props below. The rows of a load live in a store the
//! shell creates (`LoadedData::sessions`); the workspace reads it and removes logged-out rows
//! through its write guard, so the shell and the workspace never disagree about them.

mod bulk;
mod charts;
mod chips;
mod confirm;
pub mod data;
pub mod derive;
mod details;
mod effects;
pub mod export;
mod filters;
mod findings;
mod findings_settings;
pub mod findings_text;
mod groups;
mod handlers;
mod hooks;
mod logout_log;
mod main_view;
mod modal;
pub mod model;
mod pager;
mod preview;
mod report;
pub mod state;
mod table;
mod toast;
mod toolbar;
pub mod url_state;
pub mod when;

use super::api_ctx::ApiCtx;
use super::host::HostLink;
use crate::options::Options;
use handlers::Handlers;
use model::Rows;
use state::Action;
use std::rc::Rc;
use yew::prelude::*;

/// One completed load, as the shell hands it over.
#[derive(Clone, PartialEq)]
pub struct LoadedData {
    /// Changes on every completed load; the workspace switches to its rows when it changes.
    pub load_id: u64,
    /// The rows, built while the pages arrived.
    pub sessions: Rows,
    /// How many sessions the load brought (logouts afterwards do not change it).
    pub loaded: usize,
    /// The server's `total` at the end of the fetch.
    pub total: u64,
    /// A sentence when not every session could be loaded (cap, failures), shown above the table.
    pub shortfall: Option<crate::i18n::Said>,
    /// Epoch ms when the load finished ("last updated").
    pub loaded_at_ms: f64,
    /// A first load is still reading: these are the rows so far (the newest sessions), and
    /// the finished set will replace them in the same store.
    pub partial: bool,
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

#[function_component(Workspace)]
pub fn workspace(props: &WorkspaceProps) -> Html {
    let lang = super::lang::use_lang();
    let uid = (*use_memo((), |_| next_uid())).clone();
    let (store, model, dispatch) = hooks::use_model(props);
    let table_ref = use_node_ref();
    let on = use_memo((), |_| Handlers::new(&store, table_ref.clone()));
    effects::use_warm_ranks(&props.data);
    effects::use_details_refresh(&model.state, props.api.clone(), dispatch.clone());
    effects::use_verification(&model.state, props.api.clone(), dispatch.clone());
    effects::use_logout_runner(
        &model.state,
        effects::Runner {
            api: props.api.clone(),
            model: store.clone(),
            host: props.host.clone(),
            on_own_session_ended: props.on_own_session_ended.clone(),
            on_run: props.on_logout_run.clone(),
        },
    );
    let (s, d) = (&model.state, &model.derived);
    let read_only = props.options.read_only;
    let details = d.details.as_ref().zip(s.details.as_ref()).map(|(vm, det)| {
        let target = vm.target.clone();
        html! {
            <details::Details uid={uid.clone()} fields={vm.fields.clone()} fresh={det.fresh.clone()}
                mine={vm.mine} {read_only} index={det.index}
                on_close={on.close_details.clone()} on_remove={on.remove_details.clone()}
                on_refresh={dispatch.reform(|_| Action::RefreshDetails)}
                on_logout={dispatch.reform(move |_| Action::AskLogout(target.clone().into_iter().collect()))} />
        }
    });
    html! {
        <section class="ws" aria-label={crate::tr!(lang, DEVICES)}>
            <toolbar::Toolbar uid={uid.clone()} search={s.query.search.clone()} regex={s.query.regex}
                error={d.error.clone()} filters_open={s.filters_open} filter_count={s.query.filters.count()}
                mode={s.mode} on_export={on.export.clone()} dispatch={dispatch.clone()}>
                { findings::toggles(lang, &uid, s.findings_open, s.query.filters.findings.len(), s.log_open, s.log.len(), &dispatch) }
            </toolbar::Toolbar>
            if let Some(vm) = &d.findings {
                <findings::FindingsPanel uid={uid.clone()} vm={vm.clone()} settings={s.settings.clone()}
                    active={s.query.filters.findings.clone()} gone={s.gone.clone()} {read_only}
                    tz_offset_minutes={s.me.tz_offset_minutes} on_keep={on.keep.clone()} dispatch={dispatch.clone()} />
            }
            if s.log_open {
                <logout_log::LogPanel uid={uid.clone()} log={s.log.clone()}
                    tz_offset_minutes={s.me.tz_offset_minutes} dispatch={dispatch.clone()} />
            }
            if let Some(facets) = &d.facets {
                <filters::FilterPanel uid={uid.clone()} facets={facets.clone()} filters={s.query.filters.clone()}
                    tz_offset_minutes={s.me.tz_offset_minutes} dispatch={dispatch.clone()} />
            }
            <chips::Chips chips={d.chips.clone()} searching={!s.query.search.is_empty()} dispatch={dispatch.clone()} />
            if let Some(note) = &props.data.shortfall {
                <p class="note shortfall" role="note">{ note.say(lang) }</p>
            }
            if !read_only {
                { bulk::bulk_bar(bulk::BulkProps {
                    selected: s.selection.len(),
                    partial: s.partial,
                    on_logout: &on.bulk,
                    dispatch: &dispatch,
                    lang,
                }) }
            }
            <div class={classes!("ws-body", details.is_some().then_some("with-details"))}>
                // While the shell refreshes, the rows stay usable; its header shows the progress.
                <div class="ws-main" aria-busy={props.refreshing.then_some("true")}>
                    <main_view::MainView model={model.clone()} {read_only} self_user_id={props.self_user_id.clone()}
                        locale={props.options.locale.clone()} table_ref={table_ref.clone()} on={on.clone()}
                        dispatch={dispatch.clone()} />
                </div>
                // `if`, not `for`: an iterable is spliced into the siblings, and Yew matches
                // unkeyed siblings from the end, which would rebuild the table beside it.
                if let Some(d) = details { { d } }
            </div>
            if let Some(dialog) = &s.dialog {
                <confirm::Confirm uid={uid.clone()} dialog={dialog.clone()} fallback={table_ref.clone()}
                    own_known={d.own_known} preview={d.preview.clone()} tz_offset_minutes={s.me.tz_offset_minutes}
                    on_retry={dispatch.reform(|_| Action::RetryFailures)}
                    on_confirm={dispatch.reform(|_| Action::ConfirmLogout)}
                    on_cancel={dispatch.reform(|_| Action::CloseDialog)} />
            }
            <toast::Toasts toasts={s.toasts.clone()} {dispatch} />
        </section>
    }
}
