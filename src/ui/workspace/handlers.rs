//! The workspace's callbacks that act on the rows (select all, export, bulk and group
//! logouts, the details panel's close and remove). Built once per workspace: they read the
//! store when called, so their props never change and no child re-renders for them.

use super::data::targets;
use super::export::{self, Format};
use super::findings::Keep;
use super::groups::group_key;
use super::model::{Input, Model};
use super::state::Action;
use super::when;
use crate::grid::findings::{keep_newest, keep_newest_of_each, Whose};
use crate::i18n::Said;
use crate::tr;
use crate::ui::store::Store;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct Handlers {
    pub select_all: Callback<bool>,
    pub export: Callback<Format>,
    pub bulk: Callback<MouseEvent>,
    pub logout_group: Callback<String>,
    /// A keep-newest action of the Findings panel: its sessions go to the logout dialog.
    pub keep: Callback<Keep>,
    pub close_details: Callback<()>,
    pub remove_details: Callback<()>,
}

/// One callback that reads the model when called.
fn with_model<T: 'static>(
    store: &Store<Model>,
    f: impl Fn(&Model, T) -> Option<Action> + 'static,
) -> Callback<T> {
    let store = store.clone();
    Callback::from(move |x| {
        let action = f(&store.get(), x);
        if let Some(a) = action {
            store.dispatch(Input::Act(a));
        }
    })
}

impl Handlers {
    pub fn new(store: &Store<Model>, table: NodeRef) -> Handlers {
        Handlers {
            select_all: with_model(store, |m, on: bool| {
                Some(match on {
                    true => Action::SelectAll(m.ordered()),
                    false => Action::ClearSelection,
                })
            }),
            export: with_model(store, |m, format| Some(export_file(m, format))),
            bulk: with_model(store, |m, _: MouseEvent| {
                let indices: Vec<u32> = m.state.selection.iter().copied().collect();
                Some(Action::AskLogout(targets(&m.rows.get(), &indices)))
            }),
            logout_group: with_model(store, |m, key: String| {
                let groups = m.derived.groups.as_ref()?;
                let group = groups.iter().find(|g| group_key(g) == key)?;
                Some(Action::AskLogout(targets(&m.rows.get(), &group.rows)))
            }),
            keep: with_model(store, |m, keep: Keep| {
                let rows = m.rows.get();
                let n = m.state.settings.max_per_user;
                let end = match &keep {
                    Keep::User(key) => keep_newest(&rows, n, Whose::User(key)),
                    Keep::All => keep_newest(&rows, n, Whose::All),
                    Keep::Duplicates => keep_newest_of_each(&rows),
                };
                Some(match end.is_empty() {
                    true => Action::Toast {
                        text: Said::key(crate::i18n::k::FD_NOTHING_TO_END),
                        error: false,
                    },
                    false => Action::AskLogout(targets(&rows, &end)),
                })
            }),
            close_details: with_model(store, move |m, ()| {
                let index = m.state.details.as_ref()?.index;
                if let Some(place) = m.derived.rows.iter().position(|r| r.index == index) {
                    focus_row(&table, place);
                }
                Some(Action::CloseDetails)
            }),
            remove_details: {
                // The session is gone on the server: the row leaves the rows store, whose
                // change closes the panel and forgets the row in the model.
                let store = store.clone();
                Callback::from(move |()| {
                    let m = store.get();
                    if let Some(d) = &m.state.details {
                        m.rows.write().remove(&[d.session_id.as_str()]);
                    }
                })
            },
        }
    }
}

/// Downloads every matching row in display order, and says how it went.
fn export_file(m: &Model, format: Format) -> Action {
    let ordered = m.ordered();
    let lang = m.state.me.lang;
    let file = export::build(lang, format, &m.rows.get(), &ordered, &when::today());
    let (n, name, partial) = (ordered.len(), file.name.clone(), m.state.partial);
    let (text, error) = match export::download(&file) {
        Ok(()) if partial => (
            Said::new(move |l| tr!(l, EXPORTED_PARTIAL, n = n, file = &name)),
            false,
        ),
        Ok(()) => (
            Said::new(move |l| tr!(l, EXPORTED, n = n, file = &name)),
            false,
        ),
        Err(key) => (Said::key(key), true),
    };
    Action::Toast { text, error }
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
