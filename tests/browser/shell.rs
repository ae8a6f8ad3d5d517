//! The shell: the sign-in form, the in-place 2FA prompt, errors, host commands and events.

use super::{host, texts, until};
use rc_device_manager::api::{ApiError, TwoFactorChallenge, TwoFactorMethod};
use rc_device_manager::i18n::{k, Lang};
use rc_device_manager::options::{Options, Theme};
use rc_device_manager::ui::host::{CommandSlot, HostCommand, HostLink};
use rc_device_manager::ui::prompt::{CodePrompt, Props as PromptProps};
use rc_device_manager::ui::state::Prompt;
use rc_device_manager::ui::{App, AppProps};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::Callback;

fn mount(options: Options, link: Option<HostLink>) -> (Element, yew::AppHandle<App>) {
    let root = host();
    let props = AppProps {
        options: Rc::new(options),
        host: link,
    };
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    (root, handle)
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// Types like a person: sets the value and fires a bubbling `input` event.
fn type_into(root: &Element, selector: &str, text: &str) {
    let input: HtmlInputElement = find(root, selector).unwrap().dyn_into().unwrap();
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
}

fn button_named(root: &Element, name: &str) -> Option<HtmlElement> {
    let list = root.query_selector_all("button").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .find(|b| b.text_content().unwrap_or_default().trim() == name)
}

#[wasm_bindgen_test]
async fn sign_in_form_has_labelled_inputs_and_a_load_button() {
    let (root, _app) = mount(Options::standalone(), None);
    until(&root, |h| find(h, "form").is_some()).await;
    let labels = texts(&root, "form label");
    for wanted in [
        "Server URL",
        "User ID",
        "Auth token",
        "2FA code",
        "Server filter",
        "Load at most",
        "Remember server and user ID on this device",
    ] {
        assert!(
            labels.iter().any(|l| l == wanted),
            "no label {wanted:?} in {labels:?}"
        );
    }
    assert_eq!(texts(&root, "form button[type=submit]"), ["Load sessions"]);
    assert!(button_named(&root, "Send code by email").is_some());
    assert!(texts(&root, "details.advanced p").contains(&Lang::En.t(k::FILTER_HELP)));
    // The token field never shows the secret on screen.
    let token = find(&root, "input[name=auth-token]").unwrap();
    assert_eq!(token.get_attribute("type").as_deref(), Some("password"));
    // The code is optional: a personal access token needs none.
    let code = find(&root, "input[name=code]").unwrap();
    assert!(!code.has_attribute("required"));

    button_named(&root, "Use a username and password instead")
        .unwrap()
        .click();
    until(&root, |h| find(h, "input[name=password]").is_some()).await;
    let labels = texts(&root, "form label");
    assert!(
        labels.contains(&"Username or e-mail".to_owned()),
        "{labels:?}"
    );
    assert!(labels.contains(&"Password".to_owned()), "{labels:?}");
    assert!(find(&root, "input[name=auth-token]").is_none());
}

fn prompt_props(
    error: ApiError,
    hint: Option<&str>,
    answers: Rc<RefCell<Vec<Option<String>>>>,
) -> PromptProps {
    let method = rc_device_manager::ui::words::method_to_ask(error.challenge().unwrap());
    PromptProps {
        prompt: Prompt {
            id: 1,
            error,
            method,
            email_hint: hint.map(str::to_owned),
        },
        mid_session: true,
        can_resend: true,
        on_answer: Callback::from(move |a| answers.borrow_mut().push(a)),
        on_resend: Callback::noop(),
    }
}

#[wasm_bindgen_test]
async fn the_code_prompt_asks_for_the_e_mailed_code_and_hands_back_the_answer() {
    let challenge = TwoFactorChallenge {
        method: TwoFactorMethod::Email,
        available: vec![TwoFactorMethod::Email],
        code_generated: true,
        email_hint: Some("emailuser".into()),
    };
    let answers = Rc::new(RefCell::new(Vec::new()));
    let root = host();
    yew::Renderer::<CodePrompt>::with_root_and_props(
        root.clone(),
        prompt_props(
            ApiError::TwoFactorRequired(challenge),
            Some("emailuser"),
            answers.clone(),
        ),
    )
    .render();
    until(&root, |h| find(h, "[role=dialog]").is_some()).await;
    assert_eq!(texts(&root, "label"), ["Code from the e-mail"]);
    assert!(texts(&root, "[role=status]").contains(&"Code sent to emailuser.".to_owned()));
    assert!(button_named(&root, "Send a new code").is_some());
    // Mid-session, the prompt says that what is loaded stays.
    assert!(root.text_content().unwrap().contains("already loaded stay"));
    type_into(&root, "input", " 123456 ");
    button_named(&root, "Continue").unwrap().click();
    until(&root, |_| !answers.borrow().is_empty()).await;
    button_named(&root, "Cancel").unwrap().click();
    until(&root, |_| answers.borrow().len() == 2).await;
    assert_eq!(*answers.borrow(), [Some("123456".to_owned()), None]);
}

#[wasm_bindgen_test]
async fn a_rejected_password_is_asked_again_with_an_alert_and_a_hidden_field() {
    let challenge = TwoFactorChallenge {
        method: TwoFactorMethod::Password,
        available: vec![],
        code_generated: false,
        email_hint: None,
    };
    let answers = Rc::new(RefCell::new(Vec::new()));
    let root = host();
    yew::Renderer::<CodePrompt>::with_root_and_props(
        root.clone(),
        prompt_props(ApiError::TwoFactorInvalid(challenge), None, answers.clone()),
    )
    .render();
    until(&root, |h| find(h, "[role=alert]").is_some()).await;
    assert_eq!(texts(&root, "[role=alert]").len(), 1);
    assert!(texts(&root, "[role=alert]")[0].contains("did not accept the password"));
    assert_eq!(texts(&root, "label"), ["Account password"]);
    let input = find(&root, "input").unwrap();
    assert_eq!(input.get_attribute("type").as_deref(), Some("password"));
    assert!(button_named(&root, "Send a new code").is_none());
    // An empty answer is not sent.
    button_named(&root, "Continue").unwrap().click();
    assert!(answers.borrow().is_empty());
    // A password is sent exactly as typed: its spaces are part of it.
    type_into(&root, "input", "  pass word ");
    button_named(&root, "Continue").unwrap().click();
    until(&root, |_| !answers.borrow().is_empty()).await;
    assert_eq!(*answers.borrow(), [Some("  pass word ".to_owned())]);
}

#[wasm_bindgen_test]
async fn credentials_from_the_host_are_tried_at_once_and_a_failure_is_told_without_the_token() {
    let element = host();
    let events = Rc::new(RefCell::new(Vec::<String>::new()));
    let listener = {
        let events = events.clone();
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            let json = js_sys::JSON::stringify(&e.detail())
                .map(String::from)
                .unwrap_or_default();
            events.borrow_mut().push(json);
        })
    };
    element
        .add_event_listener_with_callback("rcdm:error", listener.as_ref().unchecked_ref())
        .unwrap();
    let options = Options {
        // Nothing listens on port 9: the call fails before any answer, across origins.
        server_url: "http://127.0.0.1:9".into(),
        user_id: "someone".into(),
        auth_token: "secret-token-from-host-0123".into(),
        theme: Theme::Dark,
        ..Options::default()
    };
    let link = HostLink {
        element: element.clone(),
        commands: CommandSlot::default(),
    };
    let (root, _app) = mount(options, Some(link));
    until(&root, |h| find(h, "[role=alert]").is_some()).await;
    let alert = texts(&root, "[role=alert]").join(" ");
    assert!(
        alert.contains("most likely blocked by the browser"),
        "{alert}"
    );
    assert!(!root.inner_html().contains("secret-token-from-host-0123"));
    // The form shows what the host gave, so Retry needs nothing typed.
    let user: HtmlInputElement = find(&root, "input[name=user-id]")
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(user.value(), "someone");
    assert_eq!(
        find(&root, ".rcdm")
            .and_then(|e| e.get_attribute("data-theme"))
            .as_deref(),
        Some("dark")
    );
    until(&root, |_| !events.borrow().is_empty()).await;
    let detail = events.borrow()[0].clone();
    assert!(detail.contains("\"kind\":\"likely-cors\""), "{detail}");
    assert!(!detail.contains("secret-token"), "{detail}");
    drop(listener);
}

#[wasm_bindgen_test]
async fn host_commands_reach_the_app_only_while_it_is_mounted() {
    let commands = CommandSlot::default();
    let link = HostLink {
        element: host(),
        commands: commands.clone(),
    };
    let (root, app) = mount(Options::default(), Some(link));
    until(&root, |h| find(h, "form").is_some()).await;
    // The app listens once its first render's effects ran (the embed layer retries for a
    // host that calls sooner); Refresh on the sign-in form does nothing.
    until(&root, |_| commands.send(HostCommand::Refresh)).await;
    // New credentials from the host go into the form and are tried (and fail here: no server).
    assert!(commands.send(HostCommand::SetCredentials {
        server_url: Some("http://127.0.0.1:9".into()),
        user_id: "from-host".into(),
        auth_token: "t0ken-from-host-xyz".into(),
    }));
    until(&root, |h| find(h, "[role=alert]").is_some()).await;
    let user: HtmlInputElement = find(&root, "input[name=user-id]")
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(user.value(), "from-host");
    app.destroy();
    // Destroying is scheduled; once done, a command finds nobody listening.
    until(&root, |_| {
        !commands.send(HostCommand::SetFilter(String::new()))
    })
    .await;
}
