//! The shell: sign-in and loading.

use super::{host, texts, until};
use rc_device_manager::options::Options;
use rc_device_manager::ui::{App, AppProps};
use std::rc::Rc;
use wasm_bindgen_test::*;

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
