//! Component tests in headless Chromium (wasm-bindgen-test): what a person sees and can do.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use web_sys::Element;

#[path = "browser/shell.rs"]
mod shell;
#[path = "browser/workspace.rs"]
mod workspace;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the document to render into.
pub fn host() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Waits (on the browser's timers, bounded) until `ready` holds for the host, reading the DOM
/// only once Yew's pending renders ran (so one component is never seen ahead of another).
pub async fn until(host: &Element, ready: impl Fn(&Element) -> bool) {
    for _ in 0..200 {
        yew::scheduler::flush().await;
        if ready(host) {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    panic!("condition not met; host was: {}", host.inner_html());
}

pub fn texts(host: &Element, selector: &str) -> Vec<String> {
    let list = host.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}
