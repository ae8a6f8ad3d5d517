//! Workspace flows: details, logout (with a server that is not there), selection, filters,
//! overview, groups and the URL.

use super::{button, cells_of, js_event, key, mount, one, props, status, type_into, until};
use crate::texts;
use rc_device_manager::grid::testdata;
use rc_device_manager::options::Options;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

fn active() -> Option<Element> {
    web_sys::window()?.document()?.active_element()
}

fn change(el: &HtmlElement) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn enter_on_a_row_opens_its_details_and_escape_returns_focus() {
    let rows = testdata::sessions(40, 8);
    let root = mount(props(rows.clone(), Options::default())).await;
    let first = one(&root, "tbody tr");
    assert_eq!(
        first.get_attribute("tabindex").as_deref(),
        Some("0"),
        "the first row is the tab stop"
    );
    first.focus().unwrap();
    key(&first, "ArrowDown");
    let second = one(&root, "tbody tr:nth-child(2)");
    assert_eq!(active().as_ref(), Some(second.unchecked_ref::<Element>()));
    until(&root, |r| {
        one(r, "tbody tr:nth-child(2)")
            .get_attribute("tabindex")
            .as_deref()
            == Some("0")
    })
    .await;
    key(&second, "Enter");
    until(&root, |r| {
        r.query_selector("aside.details").ok().flatten().is_some()
    })
    .await;
    let id = rows[1].id.clone().unwrap();
    let values = texts(&root, "aside.details dd .value");
    assert!(values.contains(&id), "{values:?}");
    let labels = texts(&root, "aside.details dt");
    for want in ["Long version", "User ID", "Device ID", "Host", "IP address"] {
        assert!(labels.iter().any(|l| l == want), "{want} in {labels:?}");
    }
    // No server here: the refresh fails and says so in place, the fields stay.
    until(&root, |r| {
        !texts(r, "aside.details .refreshing")
            .iter()
            .any(|t| t == "refreshing…")
    })
    .await;
    assert!(texts(&root, "aside.details [role=alert]")
        .join(" ")
        .contains("Could not refresh"));
    assert_eq!(
        one(&root, "aside.details h2").id(),
        active().unwrap().id(),
        "focus moves into the panel"
    );
    key(&one(&root, "aside.details h2"), "Escape");
    let was = active().unwrap();
    until(&root, |r| {
        r.query_selector("aside.details").ok().flatten().is_none()
    })
    .await;
    assert!(was.is_connected(), "the table was rebuilt");
    assert_eq!(
        active().as_ref(),
        Some(one(&root, "tbody tr:nth-child(2)").unchecked_ref::<Element>())
    );
}

#[wasm_bindgen_test]
async fn a_failed_logout_is_reported_and_the_row_stays() {
    let rows = testdata::sessions(30, 9);
    let root = mount(props(rows.clone(), Options::default())).await;
    let row = one(&root, "tbody tr");
    let logout = one(&row, "button[aria-label='Log out device']");
    logout.focus().unwrap();
    logout.click();
    until(&root, |r| {
        r.query_selector("[role=dialog]").ok().flatten().is_some()
    })
    .await;
    let dialog = one(&root, "[role=dialog]");
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    assert!(dialog
        .text_content()
        .unwrap()
        .contains("Device will be logged out from workspace"));
    // The safe choice gets focus once the dialog's render is done (an effect; under load
    // the dialog can be in the DOM a turn before).
    let cancel_has_focus =
        |_: &Element| active().and_then(|a| a.text_content()).as_deref() == Some("Cancel");
    until(&root, cancel_has_focus).await;
    // Escape cancels and gives focus back.
    key(&dialog, "Escape");
    until(&root, |r| {
        r.query_selector("[role=dialog]").ok().flatten().is_none()
    })
    .await;
    // Focus comes back once the closing render is done.
    until(&root, |_| {
        active().as_ref() == Some(logout.unchecked_ref::<Element>())
    })
    .await;
    // Tab stays inside.
    logout.click();
    until(&root, |r| {
        r.query_selector("[role=dialog]").ok().flatten().is_some()
    })
    .await;
    until(&root, cancel_has_focus).await;
    let dialog = one(&root, "[role=dialog]");
    let confirm = button(&dialog, "Log out");
    confirm.focus().unwrap();
    key(&confirm, "Tab");
    assert_eq!(active().unwrap().text_content().as_deref(), Some("Cancel"));
    confirm.click();
    until(&root, |r| {
        texts(r, "[role=dialog] h2") == ["Logout results"]
    })
    .await;
    let report = texts(&root, "[role=dialog]").join(" ");
    assert!(
        report.contains("0 ended, 0 already gone, 1 refused."),
        "{report}"
    );
    assert!(report.contains(rows[0].id.as_deref().unwrap()));
    button(&root, "Close").click();
    until(&root, |r| {
        r.query_selector("[role=dialog]").ok().flatten().is_none()
    })
    .await;
    assert_eq!(status(&root), "1–25 of 30", "nothing lost");
}

#[wasm_bindgen_test]
async fn select_all_takes_every_matching_row_not_only_the_page() {
    let root = mount(props(testdata::sessions(300, 10), Options::default())).await;
    type_into(&one(&root, "input[type=search]"), "chrome");
    until(&root, |r| status(r).contains("filtered from 300")).await;
    let matched: String = status(&root)
        .split(" of ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .to_owned();
    one(&root, "thead input[type=checkbox]").click();
    until(&root, |r| {
        r.query_selector(".bulk").ok().flatten().is_some()
    })
    .await;
    assert_eq!(texts(&root, ".bulk span"), [format!("{matched} selected")]);
    assert!(button(&root, &format!("Log out {matched} devices")).is_connected());
    type_into(&one(&root, "input[type=search]"), "chrome 1");
    until(&root, |r| {
        r.query_selector(".bulk").ok().flatten().is_none()
    })
    .await;
}

#[wasm_bindgen_test]
async fn filters_become_chips_and_clear() {
    let root = mount(props(testdata::sessions(200, 11), Options::default())).await;
    button(&root, "Filters").click();
    until(&root, |r| {
        r.query_selector("fieldset.filters")
            .ok()
            .flatten()
            .is_some()
    })
    .await;
    let client: web_sys::HtmlSelectElement =
        one(&root, "fieldset.filters label:nth-of-type(2) select").unchecked_into();
    client.set_value("=Firefox");
    change(client.unchecked_ref());
    until(&root, |r| {
        texts(r, ".chip")
            .iter()
            .any(|c| c.starts_with("Client: Firefox"))
    })
    .await;
    assert!(cells_of(&root, "client").iter().all(|c| c == "Firefox"));
    type_into(&one(&root, "input[type=search]"), "zzzz-no-such-thing");
    until(&root, |r| texts(r, ".empty p") == ["No sessions match"]).await;
    button(&one(&root, ".empty"), "Clear filters").click();
    until(&root, |r| status(r) == "1–25 of 200").await;
    assert!(texts(&root, ".chip").is_empty());
}

#[wasm_bindgen_test]
async fn a_chart_bar_filters_the_table_and_groups_list_users() {
    let root = mount(props(testdata::sessions(200, 12), Options::default())).await;
    button(&root, "Overview").click();
    until(&root, |r| {
        r.query_selector("section.overview svg")
            .ok()
            .flatten()
            .is_some()
    })
    .await;
    let captions = texts(&root, "figcaption");
    assert_eq!(
        captions,
        [
            "Sessions per client",
            "Sessions per OS",
            "Sessions per device type",
            "Logins per day"
        ]
    );
    let bar = root
        .query_selector("section.overview g.bar.clickable")
        .unwrap()
        .expect("a clickable bar");
    let label = bar.get_attribute("aria-label").unwrap();
    let client = label.split(':').next().unwrap().to_owned();
    key(&bar, "Enter");
    until(&root, |r| {
        r.query_selector("table").ok().flatten().is_some()
    })
    .await;
    assert_eq!(
        texts(&root, ".chip")
            .first()
            .map(|c| c.trim_end_matches(" ×").to_owned()),
        Some(format!("Client: {client}"))
    );
    assert!(cells_of(&root, "client").iter().all(|c| *c == client));
    button(&root, "Group by user").click();
    until(&root, |r| {
        r.query_selector(".group-list").ok().flatten().is_some()
    })
    .await;
    let first = one(&root, ".group .expander");
    assert_eq!(
        first.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    first.click();
    until(&root, |r| {
        r.query_selector(".group-rows li").ok().flatten().is_some()
    })
    .await;
    assert!(texts(&root, ".group-rows li")[0].contains(&client));
}

#[wasm_bindgen_test]
async fn the_url_holds_the_view_and_back_restores_it() {
    let history = web_sys::window().unwrap().history().unwrap();
    let original = web_sys::window().unwrap().location().href().unwrap();
    let options = Options {
        url_state: true,
        ..Options::default()
    };
    history
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some("?q=firefox&sort=-client"),
        )
        .unwrap();
    let root = mount(props(testdata::sessions(200, 13), options)).await;
    let search: web_sys::HtmlInputElement = one(&root, "input[type=search]").unchecked_into();
    assert_eq!(search.value(), "firefox", "a bookmark reopens its view");
    assert_eq!(
        one(&root, "thead th").get_attribute("aria-sort").as_deref(),
        Some("descending")
    );
    type_into(search.unchecked_ref(), "chrome");
    let loc = || web_sys::window().unwrap().location().search().unwrap();
    until(&root, |_| loc().contains("q=chrome")).await;
    assert!(!loc().contains("token"));
    button(&root, "Next page").click();
    until(&root, |_| loc().contains("page=2")).await;
    history.back().unwrap();
    until(&root, |r| status(r).starts_with("1–")).await;
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("?q=edge"))
        .unwrap();
    let pop = web_sys::Event::new("popstate").unwrap();
    web_sys::window().unwrap().dispatch_event(&pop).unwrap();
    until(&root, |_| search.value() == "edge").await;
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&original))
        .unwrap();
}

/// What the pointer does on reaching an element (the table writes the hover text then).
fn hover(el: &Element) {
    el.dispatch_event(&js_event("MouseEvent", "mouseover", &[]))
        .unwrap();
}

#[wasm_bindgen_test]
async fn login_times_show_relative_text_and_the_hosts_locale_on_hover() {
    let options = Options {
        locale: Some("de-DE".into()),
        ..Options::default()
    };
    let root = mount(props(testdata::sessions(60, 14), options)).await;
    let cell = one(&root, "tbody td.col.login");
    assert!(cell.text_content().unwrap().ends_with(" ago"));
    // Reaching the relative line inside the cell counts as reaching the cell.
    hover(&one(&root, "tbody td.col.login .rel"));
    let title = cell.get_attribute("title").unwrap();
    assert!(
        title.len() >= 10 && title.as_bytes()[2] == b'.' && title.as_bytes()[5] == b'.',
        "German date in {title:?}"
    );
    // The cell shows another row after a page flip: its old hover text must not stay.
    let before = status(&root);
    button(&root, "Next page").click();
    until(&root, |r| status(r) != before).await;
    assert_ne!(cell.get_attribute("title"), Some(title.clone()));
    hover(&cell);
    let next = cell.get_attribute("title").unwrap();
    assert!(
        next.as_bytes().get(2) == Some(&b'.') && next != title,
        "{next:?} after {title:?}"
    );

    // A locale the browser refuses falls back instead of failing the render.
    let options = Options {
        locale: Some("not a locale!".into()),
        ..Options::default()
    };
    let root = mount(props(testdata::sessions(5, 14), options)).await;
    let cell = one(&root, "tbody td.col.login");
    hover(&cell);
    assert!(!cell.get_attribute("title").unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn after_a_page_flip_a_rows_click_and_checkbox_act_on_the_row_shown_there() {
    // Rows are reused across pages (keyed by place): the listeners must find the session
    // now shown, not the one the element showed before.
    let root = mount(props(testdata::sessions(60, 15), Options::default())).await;
    let first_page = cells_of(&root, "id");
    button(&root, "Next page").click();
    until(&root, |r| status(r) == "26–50 of 60").await;
    let ids = cells_of(&root, "id");
    assert_ne!(ids[0], first_page[0]);
    one(&root, "tbody tr:nth-child(1) td.col.client").click();
    until(&root, |r| {
        texts(r, "aside.details dd .value").contains(&ids[0])
    })
    .await;
    let boxed = one(&root, "tbody tr:nth-child(2) td.sel input");
    assert!(boxed
        .get_attribute("aria-label")
        .is_some_and(|l| l.ends_with(&ids[1])));
    boxed
        .unchecked_ref::<web_sys::HtmlInputElement>()
        .set_checked(true);
    change(&boxed);
    until(&root, |r| {
        r.query_selector("tbody tr.selected td.col.id")
            .ok()
            .flatten()
            .and_then(|td| td.text_content())
            .is_some_and(|t| t.trim() == ids[1])
    })
    .await;
    assert_eq!(
        root.query_selector_all("tbody tr.selected")
            .unwrap()
            .length(),
        1
    );
}
