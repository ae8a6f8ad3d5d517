//! Component tests in headless Chromium (wasm-bindgen-test): what a person sees and can do.
#![cfg(target_arch = "wasm32")]

use rc_device_manager::api::wire::{Device, Os, Session, User};
use rc_device_manager::options::Options;
use rc_device_manager::ui::{table::Table, App, AppProps};
use std::rc::Rc;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the document to render into.
fn host() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Waits (on the browser's timers, bounded) until `ready` holds for the host.
async fn until(host: &Element, ready: impl Fn(&Element) -> bool) {
    for _ in 0..200 {
        if ready(host) {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    panic!("condition not met; host was: {}", host.inner_html());
}

fn texts(host: &Element, selector: &str) -> Vec<String> {
    let list = host.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}

#[wasm_bindgen_test]
async fn sign_in_form_has_labelled_inputs_and_a_load_button() {
    let root = host();
    let props = AppProps {
        options: Rc::new(Options::standalone()),
        host: None,
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    until(&root, |h| h.query_selector("form").ok().flatten().is_some()).await;
    let labels = texts(&root, "form label");
    for wanted in ["Server URL", "User ID", "Auth token", "2FA code"] {
        assert!(
            labels.iter().any(|l| l == wanted),
            "no label {wanted:?} in {labels:?}"
        );
    }
    assert_eq!(texts(&root, "form button[type=submit]"), ["Load sessions"]);
    // The token field never shows the secret on screen.
    let token = root
        .query_selector("input[name=auth-token]")
        .unwrap()
        .unwrap();
    assert_eq!(token.get_attribute("type").as_deref(), Some("password"));
}

#[wasm_bindgen_test]
async fn table_shows_the_contract_columns_and_renders_hostile_text_as_text() {
    let row = Session {
        id: Some("o94SveQp6fyPsoiNC".into()),
        device: Some(Device {
            name: Some("<img src=x onerror=alert(1)>".into()),
            version: Some("113.0.0".into()),
            os: Some(Os {
                name: Some("Windows".into()),
                version: Some("10".into()),
            }),
            ..Default::default()
        }),
        ip: Some("172.20.0.2".into()),
        user: Some(User {
            username: Some("testroxie".into()),
            name: Some("Test".into()),
        }),
        ..Default::default()
    };
    let root = host();
    yew::Renderer::<Table>::with_root_and_props(
        root.clone(),
        rc_device_manager::ui::table::Props {
            rows: Rc::new(vec![row]),
        },
    )
    .render();
    until(&root, |h| {
        h.query_selector("tbody tr").ok().flatten().is_some()
    })
    .await;
    assert_eq!(
        texts(&root, "thead th"),
        [
            "Client",
            "Version",
            "OS",
            "User",
            "Last login",
            "Device ID",
            "IP address"
        ]
    );
    let cells = texts(&root, "tbody td");
    assert_eq!(cells[0], "<img src=x onerror=alert(1)>");
    assert!(
        root.query_selector("tbody img").unwrap().is_none(),
        "markup from the server was injected"
    );
    assert!(cells.contains(&"o94SveQp6fyPsoiNC".to_owned()));
    assert!(cells.contains(&"Windows 10".to_owned()));
}
