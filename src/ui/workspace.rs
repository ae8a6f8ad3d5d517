//! The workspace: everything the admin does with loaded sessions — search, filter, sort, page,
//! details, logout, export, overview. It owns the grid state; the shell hands it the data.
//!
//! CONTRACT with the shell (app.rs): the props below. The workspace builds and owns its
//! `grid::Sessions` from `data` (rebuilt when `data.load_id` changes) so removals after a
//! device logout stay local and cheap.

use super::api_ctx::ApiCtx;
use super::host::HostLink;
use crate::api::wire::Session;
use crate::options::Options;
use std::rc::Rc;
use yew::prelude::*;

/// One completed load, as the shell hands it over.
#[derive(Clone, PartialEq)]
pub struct LoadedData {
    /// Changes on every completed load; the workspace rebuilds its grid when it changes.
    pub load_id: u64,
    pub rows: Rc<Vec<Session>>,
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
    pub on_refresh: Callback<()>,
    /// When embedded: dispatch `rcdm:device-logged-out` here after each successful logout.
    #[prop_or_default]
    pub host: Option<HostLink>,
}

#[function_component(Workspace)]
pub fn workspace(props: &WorkspaceProps) -> Html {
    html! { <super::table::Table rows={props.data.rows.clone()} /> }
}
