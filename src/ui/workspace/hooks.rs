//! Ties the workspace's model to the component's life: one store per mounted workspace, fed
//! by the shell's loads, the rows store, the props, the clock, the URL and the host.

use super::data::{self, Me};
use super::model::{Input, Model};
use super::state::Action;
use super::{url_state, when, WorkspaceProps};
use crate::grid::Column;
use crate::i18n::Lang;
use crate::ui::lang::use_lang;
use crate::ui::store::{use_store, Store};
use gloo_timers::callback::Interval;
use std::rc::Rc;
use yew::prelude::*;

/// The minute it is, so relative times ("3 min ago") move on while the admin reads.
fn this_minute() -> i64 {
    let now = when::now_ms();
    now - now.rem_euclid(60_000)
}

fn me(props: &WorkspaceProps, lang: Lang) -> Me {
    Me {
        user_id: props.self_user_id.clone(),
        now_ms: this_minute(),
        locale: props.options.locale.clone(),
        lang,
        tz_offset_minutes: when::tz_offset_minutes(),
    }
}

/// The workspace's store and its current snapshot; `dispatch` is one callback for the
/// workspace's life (a new one per render would re-render every child on each keystroke).
#[hook]
pub fn use_model(props: &WorkspaceProps) -> (Store<Model>, Rc<Model>, Callback<Action>) {
    let lang = use_lang();
    let columns = use_memo(props.options.columns.clone(), |keys| {
        Rc::<[Column]>::from(data::columns(keys))
    });
    let store = (*use_memo((), |_| {
        let query = url_state::initial_query(&props.options);
        let rows = props.data.sessions.clone();
        let model = Model::new(
            props.data.load_id,
            rows,
            query,
            me(props, lang),
            (*columns).clone(),
        );
        Store::new(model)
    }))
    .clone();
    let dispatch = (*use_memo((), |_| store.dispatcher().reform(Input::Act))).clone();
    let model = use_store(&store);

    // A new load from the shell: its rows replace these; the query and open panel stay.
    {
        let (store, data) = (store.clone(), props.data.clone());
        use_effect_with(data.load_id, move |&load_id| {
            let rows = data.sessions;
            store.dispatch(Input::Load { load_id, rows });
        });
    }
    // Rows removed by a logout: the model hears it from the rows store itself.
    {
        let store = store.clone();
        use_effect_with(model.rows.clone(), move |rows| {
            let sub = rows.subscribe(move || store.dispatch(Input::RowsChanged));
            move || drop(sub)
        });
    }
    // Who is looking and what is shown, and the clock's minute.
    {
        let (d, me, partial) = (dispatch.clone(), me(props, lang), props.data.partial);
        let me_now = Me { now_ms: 0, ..me };
        use_effect_with(
            (me_now, columns.clone(), partial),
            move |(me, columns, partial)| {
                let (me, columns, partial) = (me.clone(), (**columns).clone(), *partial);
                let context = move |now_ms| Action::Context {
                    me: Me {
                        now_ms,
                        ..me.clone()
                    },
                    columns: columns.clone(),
                    partial,
                };
                d.emit(context(this_minute()));
                let tick = Interval::new(60_000, move || d.emit(context(this_minute())));
                move || drop(tick)
            },
        );
    }
    {
        // Findings settings from the host's options or the element's attributes.
        let d = dispatch.clone();
        use_effect_with(props.options.findings.clone(), move |findings| {
            if let Some(s) = findings {
                d.emit(Action::SetSettings(Rc::new(s.clone())));
            }
        });
    }
    {
        // A link's finding with a bad value is left out, and said so.
        let (d, enabled) = (dispatch.clone(), props.options.url_state);
        use_effect_with((), move |_| {
            if enabled {
                // The finding's own sentence, in the language current when it is shown.
                for why in crate::grid::finding_errors(&url_state::location_search()) {
                    let text = crate::i18n::Said::new(move |lang| why.say(lang));
                    d.emit(Action::Toast { text, error: true });
                }
            }
        });
    }
    url_state::use_url_state(
        props.options.url_state,
        &model.state.query,
        dispatch.clone(),
    );
    {
        // Remember a page size the admin chose, not the one a bookmark brought.
        let first = use_mut_ref(|| true);
        use_effect_with(model.state.query.page_size, move |&size| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                url_state::store_page_size(size);
            }
        });
    }
    {
        let (d, ext) = (dispatch.clone(), props.external_search.clone());
        use_effect_with(ext.as_ref().map(|e| e.0), move |_| {
            if let Some((_, text)) = ext {
                d.emit(Action::SetSearch(text));
            }
        });
    }
    (store, model, dispatch)
}
