//! The view in the URL (search, regex, filters, sort, page, page size), so that a view can be
//! bookmarked and Back/Forward work; and the remembered page size. Nothing secret goes in
//! either: the query holds no credential, and storage holds one number.

use super::state::Action;
use crate::grid::{decode_query, encode_query, PageSize, Query};
use crate::options::Options;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use yew::prelude::*;

/// localStorage key of the rows-per-page choice (only the number is stored).
pub const PAGE_SIZE_KEY: &str = "rcdm.rowsPerPage";

pub fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// `localStorage`; absent (or throwing) in sandboxed frames and some privacy modes, which
/// must only cost the remembered choice.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn stored_page_size() -> Option<PageSize> {
    let v = storage()?.get_item(PAGE_SIZE_KEY).ok().flatten()?;
    PageSize::from_usize(v.trim().parse().ok()?)
}

pub fn store_page_size(size: PageSize) {
    if let Some(s) = storage() {
        let _ = s.set_item(PAGE_SIZE_KEY, &size.get().to_string());
    }
}

/// The query to start with: a URL that carries a view wins whole (a bookmark must reopen
/// as saved); otherwise the remembered page size, else the host's.
pub fn initial_query(options: &Options) -> Query {
    let search = location_search();
    if options.url_state && search.trim_start_matches('?').contains('=') {
        return decode_query(&search);
    }
    Query {
        page_size: stored_page_size()
            .or_else(|| PageSize::from_usize(options.page_size))
            .unwrap_or_default(),
        ..Query::default()
    }
}

/// Mirrors the query into the URL and follows Back/Forward, when `enabled`.
#[hook]
pub fn use_url_state(enabled: bool, query: &Query, dispatch: Callback<Action>) {
    let written = use_mut_ref(|| None::<Query>);
    use_effect_with((enabled, query.clone()), move |(enabled, query)| {
        if *enabled {
            write(query, &mut written.borrow_mut());
        }
    });
    use_effect_with(enabled, move |&enabled| {
        let listener = enabled.then(|| {
            let cb = Closure::<dyn Fn()>::new(move || {
                dispatch.emit(Action::Restore(decode_query(&location_search())));
            });
            if let Some(w) = web_sys::window() {
                let _ = w.add_event_listener_with_callback("popstate", cb.as_ref().unchecked_ref());
            }
            cb
        });
        move || {
            if let (Some(cb), Some(w)) = (listener, web_sys::window()) {
                let _ =
                    w.remove_event_listener_with_callback("popstate", cb.as_ref().unchecked_ref());
            }
        }
    });
}

/// A new page or sort is a step Back can return to; typing and filtering replace the entry.
fn write(query: &Query, written: &mut Option<Query>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let encoded = encode_query(query);
    let current = location_search();
    if current.trim_start_matches('?') == encoded {
        *written = Some(query.clone());
        return;
    }
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = if encoded.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{encoded}{hash}")
    };
    let step = written.as_ref().is_some_and(|w| {
        let same_match =
            w.search == query.search && w.regex == query.regex && w.filters == query.filters;
        same_match && (w.page != query.page || w.sort != query.sort)
    });
    if let Ok(history) = window.history() {
        let _ = if step {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
    *written = Some(query.clone());
}
