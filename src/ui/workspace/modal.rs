//! What makes a dialog modal: focus moves to each step's safe choice, Tab stays inside,
//! Escape cancels (unless busy), and focus goes back where it was when the dialog closes.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

const FOCUSABLE: &str = "button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex='-1'])";

fn focusables(root: &Element) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .collect()
}

fn active_element() -> Option<Element> {
    web_sys::window()?.document()?.active_element()
}

/// The modal's behaviour for the dialog element `root`; `step` names the step shown (focus
/// moves only when it changes). Returns the dialog's keydown handler.
#[hook]
pub fn use_modal(
    root: &NodeRef,
    fallback: &NodeRef,
    step: u8,
    busy: bool,
    on_cancel: &Callback<()>,
) -> Callback<KeyboardEvent> {
    {
        // Remember who had focus on open; give it back on close.
        let fallback = fallback.clone();
        use_effect_with((), move |_| {
            let before = active_element();
            move || {
                // After the render that closes the dialog: a row it logged out is gone by
                // then, and the table's tab stop has moved to a row that exists.
                gloo_timers::callback::Timeout::new(0, move || {
                    let back = before
                        .filter(|e| e.is_connected())
                        .or_else(|| {
                            let table = fallback.cast::<Element>()?;
                            table
                                .query_selector("tbody tr[tabindex='0']")
                                .ok()
                                .flatten()
                        })
                        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
                    if let Some(el) = back {
                        let _ = el.focus();
                    }
                })
                .forget();
            }
        });
    }
    {
        // Each step focuses its safe choice: Cancel, Close, or the dialog itself while busy.
        let root = root.clone();
        use_effect_with(step, move |_| {
            if let Some(el) = root.cast::<Element>() {
                let target = el
                    .query_selector("[data-autofocus]")
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<HtmlElement>().ok())
                    .or_else(|| el.dyn_into::<HtmlElement>().ok());
                if let Some(t) = target {
                    let _ = t.focus();
                }
            }
        });
    }
    {
        let (root, cancel) = (root.clone(), on_cancel.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => {
                e.prevent_default();
                if !busy {
                    cancel.emit(());
                }
            }
            "Tab" => {
                let Some(el) = root.cast::<Element>() else {
                    return;
                };
                let items = focusables(&el);
                let current = active_element();
                let (Some(first), Some(last)) = (items.first(), items.last()) else {
                    e.prevent_default();
                    return;
                };
                let at = |x: &HtmlElement| {
                    current
                        .as_ref()
                        .is_some_and(|c| c == x.unchecked_ref::<Element>())
                };
                let inside = current.as_ref().is_some_and(|c| el.contains(Some(c)));
                if e.shift_key() && (at(first) || !inside || current.as_ref() == Some(&el)) {
                    e.prevent_default();
                    let _ = last.focus();
                } else if !e.shift_key() && (at(last) || !inside) {
                    e.prevent_default();
                    let _ = first.focus();
                }
            }
            _ => {}
        })
    }
}
