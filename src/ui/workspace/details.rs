//! The details panel of one device: every field with a copy button, refreshed from the server
//! (`sessions/info.admin`), and the logout action.

use super::data::Field;
use super::state::Fresh;
use crate::i18n::Key;
use crate::tr;
use crate::ui::lang::use_lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DetailsProps {
    pub uid: String,
    pub fields: Vec<Field>,
    pub fresh: Fresh,
    pub mine: bool,
    pub read_only: bool,
    pub on_close: Callback<()>,
    pub on_refresh: Callback<()>,
    pub on_logout: Callback<()>,
    /// Takes a row the server no longer knows out of the table.
    pub on_remove: Callback<()>,
    /// Changes when another row is shown (moves focus into the panel).
    pub index: u32,
}

/// Copies text with the async clipboard API; false when the browser refuses.
async fn copy(text: String) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    // Absent outside secure contexts; calling through `undefined` would throw.
    let present = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !present {
        return false;
    }
    let promise = navigator.clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

#[function_component(Details)]
pub fn details(p: &DetailsProps) -> Html {
    let lang = use_lang();
    // Which field was copied last, and whether it worked: the button says so.
    let copied = use_state(|| None::<(Key, bool)>);
    let heading = use_node_ref();
    {
        let (heading, copied) = (heading.clone(), copied.clone());
        use_effect_with(p.index, move |_| {
            copied.set(None);
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let title_id = format!("{}-details-title", p.uid);
    let onkeydown = {
        let close = p.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                close.emit(());
            }
        })
    };
    let status = match &p.fresh {
        Fresh::Loading => {
            html! { <p class="refreshing" role="status">{ tr!(lang, DETAILS_REFRESHING) }</p> }
        }
        Fresh::Loaded(_) => {
            html! { <p class="refreshed" role="status">{ tr!(lang, DETAILS_UP_TO_DATE) }</p> }
        }
        Fresh::Failed(e) => html! {
            <div class="error" role="alert">
                <p>{ tr!(lang, DETAILS_REFRESH_FAILED, error = &e.message(lang)) }</p>
                <button type="button" onclick={p.on_refresh.reform(|_: MouseEvent| ())}>{ tr!(lang, TRY_AGAIN) }</button>
            </div>
        },
        Fresh::Gone => html! {
            <div class="error gone" role="alert">
                <p>{ tr!(lang, DETAILS_GONE) }</p>
                <button type="button" onclick={p.on_remove.reform(|_: MouseEvent| ())}>{ tr!(lang, REMOVE_FROM_TABLE) }</button>
            </div>
        },
    };
    let rows = p.fields.iter().map(|f| {
        let key = f.label;
        let label = lang.t(key);
        let state = copied.as_ref().filter(|c| c.0 == key).map(|c| c.1);
        let onclick = {
            let (text, copied) = (f.value.clone(), copied.clone());
            Callback::from(move |_: MouseEvent| {
                let (text, copied) = (text.clone(), copied.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let ok = copy(text).await;
                    copied.set(Some((key, ok)));
                });
            })
        };
        let text = match state {
            Some(true) => tr!(lang, COPIED),
            Some(false) => tr!(lang, COPY_FAILED),
            None => tr!(lang, COPY),
        };
        html! {
            <div class="field">
                <dt>{ label.clone() }</dt>
                <dd title={(!f.title.is_empty()).then(|| f.title.clone())}>
                    <bdi class="value">{ f.value.clone() }</bdi>
                    if !f.value.is_empty() {
                        <button type="button" class="copy" aria-label={tr!(lang, COPY_FIELD, field = &label)} {onclick}>{ text }</button>
                    }
                </dd>
            </div>
        }
    });
    let announce = copied.as_ref().map(|(key, ok)| {
        let field = lang.t(*key);
        if *ok {
            tr!(lang, COPIED_FIELD, field = &field)
        } else {
            tr!(lang, COPY_REFUSED, field = &field)
        }
    });
    html! {
        <aside class="details" aria-labelledby={title_id.clone()} {onkeydown}>
            <header>
                <h2 id={title_id} tabindex="-1" ref={heading}>{ tr!(lang, DEVICE_DETAILS) }</h2>
                if p.mine { <span class="badge">{ tr!(lang, YOU) }</span> }
                <button type="button" class="close" aria-label={tr!(lang, CLOSE_DETAILS)} onclick={p.on_close.reform(|_: MouseEvent| ())}>{ "×" }</button>
            </header>
            { status }
            <dl>{ for rows }</dl>
            <p class="visually-hidden" role="status">{ announce.unwrap_or_default() }</p>
            <div class="panel-actions">
                <button type="button" onclick={p.on_refresh.reform(|_: MouseEvent| ())}>{ tr!(lang, REFRESH_DETAILS) }</button>
                if !p.read_only && p.fresh != Fresh::Gone {
                    <button type="button" class="danger" onclick={p.on_logout.reform(|_: MouseEvent| ())}>{ tr!(lang, LOG_OUT_DEVICE) }</button>
                }
            </div>
        </aside>
    }
}
