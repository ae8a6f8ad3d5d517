//! Which language the widget speaks (see `Lang::pick`), the language switch of the
//! standalone page, and the hook through which a component reads the language: a context
//! fed by the app's `Store<Lang>`, so a switch re-renders every component that speaks.

use super::store::Store;
use crate::i18n::{Lang, LANGS};
use crate::options::Options;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// localStorage key of the standalone page's language choice (a tag, nothing secret).
pub const LANG_KEY: &str = "rcdm.lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn remembered() -> Option<String> {
    storage()?.get_item(LANG_KEY).ok().flatten()
}

/// The host page's `<html lang>`.
fn page_lang() -> Option<String> {
    let root = web_sys::window()?.document()?.document_element()?;
    root.get_attribute("lang")
}

fn browser_langs() -> Vec<String> {
    let Some(w) = web_sys::window() else {
        return Vec::new();
    };
    w.navigator()
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect()
}

/// The language at mount. The standalone page's own `<html lang>` is this app's, not a
/// host's, so there the remembered switch and then the browser decide.
pub fn initial_lang(options: &Options, standalone: bool) -> Lang {
    let (remembered, page) = if standalone {
        (remembered(), None)
    } else {
        (None, page_lang())
    };
    Lang::pick(
        options.lang.as_deref(),
        remembered.as_deref(),
        page.as_deref(),
        &browser_langs(),
    )
}

/// The language components speak; English outside an app (tests of a lone component).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// The standalone page: its document speaks the chosen language too (screen readers, the
/// browser's own translation offer, the tab's title).
pub fn mark_document(lang: Lang) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
    document.set_title(&crate::tr!(lang, PAGE_TITLE));
}

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    pub store: Store<Lang>,
}

/// The standalone page's language switch; the choice is remembered on this device.
#[function_component(LangSwitch)]
pub fn lang_switch(props: &LangSwitchProps) -> Html {
    let lang = use_lang();
    let onchange = {
        let store = props.store.clone();
        Callback::from(move |e: Event| {
            let select = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok());
            let Some(chosen) = select.and_then(|s| Lang::parse(&s.value())) else {
                return;
            };
            if let Some(s) = storage() {
                let _ = s.set_item(LANG_KEY, chosen.tag());
            }
            store.set(chosen);
        })
    };
    html! {
        <select class="lang-switch" {onchange} aria-label={crate::tr!(lang, LANGUAGE)}>
            { for LANGS.iter().map(|l| html! {
                <option value={l.tag()} lang={l.tag()} selected={*l == lang}>{ own_name(lang, *l) }</option>
            }) }
        </select>
    }
}

/// A language's name in itself (the same in every catalogue, so a reader finds their own).
fn own_name(speaking: Lang, named: Lang) -> String {
    match named {
        Lang::De => crate::tr!(speaking, LANGUAGE_DE),
        Lang::Ar => crate::tr!(speaking, LANGUAGE_AR),
        Lang::En | Lang::Pseudo => crate::tr!(speaking, LANGUAGE_EN),
    }
}
