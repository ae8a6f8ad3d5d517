//! The workspace: the device table and what the admin does with it, rendered in Chromium
//! with generated rows and an API context that has no server behind it.

use super::{host, texts};
use rc_device_manager::api::wire::{Device, Os, Session, User};
use rc_device_manager::api::{Client, Credentials};
use rc_device_manager::grid::{testdata, view, Column, Query, Sessions, SortKey, UTF8_BOM};
use rc_device_manager::options::Options;
use rc_device_manager::ui::api_ctx::ApiCtx;
use rc_device_manager::ui::store::Store;
use rc_device_manager::ui::workspace::export::{build, Format};
use rc_device_manager::ui::workspace::{when, LoadedData, Workspace, WorkspaceProps};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::Callback;

#[path = "workspace_flows.rs"]
mod flows;
#[path = "workspace_perf.rs"]
mod perf;
#[path = "workspace_server.rs"]
mod server;

/// The workspace as the shell mounts it: the set built in the browser's time zone.
pub fn props(rows: Vec<Session>, options: Options) -> WorkspaceProps {
    let total = rows.len() as u64;
    let sessions = Sessions::from_wire(rows, when::tz_offset_minutes());
    WorkspaceProps {
        data: LoadedData {
            load_id: 1,
            total,
            loaded: sessions.len(),
            sessions: Store::new(sessions),
            shortfall: None,
            loaded_at_ms: js_sys::Date::now(),
            partial: false,
        },
        api: ApiCtx::new(Rc::new(Client::new(Credentials::default()))),
        options: Rc::new(options),
        self_user_id: String::new(),
        external_search: None,
        refreshing: false,
        on_own_session_ended: Callback::noop(),
        on_logout_run: Callback::noop(),
        host: None,
    }
}

/// Waits (bounded) until `ready` holds; on failure names `what` and shows the status line
/// instead of the whole page.
pub async fn until(root: &Element, ready: impl Fn(&Element) -> bool) {
    for _ in 0..300 {
        yew::scheduler::flush().await;
        if ready(root) {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    let html = root.inner_html();
    let cut: String = html.chars().take(1500).collect();
    panic!(
        "condition not met; status {:?}; start of page: {cut}",
        status(root)
    );
}

/// Renders a workspace and waits for its first rows.
pub async fn mount(p: WorkspaceProps) -> Element {
    let root = host();
    yew::Renderer::<Workspace>::with_root_and_props(root.clone(), p).render();
    until(&root, |h| {
        h.query_selector("table").ok().flatten().is_some()
    })
    .await;
    root
}

pub fn one(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
        .unwrap_or_else(|| panic!("no {selector} in {}", root.inner_html()))
}

/// The first button whose text or aria-label is `name`.
pub fn button(root: &Element, name: &str) -> HtmlElement {
    let list = root.query_selector_all("button").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .find(|b| {
            b.get_attribute("aria-label").as_deref() == Some(name)
                || b.text_content().unwrap_or_default().trim() == name
        })
        .unwrap_or_else(|| panic!("no button {name:?}"))
}

/// Types into an input the way a person does: value, then a bubbling `input` event.
pub fn type_into(input: &HtmlElement, text: &str) {
    let input: &HtmlInputElement = input.unchecked_ref();
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let e = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&e).unwrap();
}

/// An event built by its JS constructor (the `*EventInit` dictionaries need web-sys features
/// the app does not use).
pub fn js_event(ctor: &str, kind: &str, init: &[(&str, wasm_bindgen::JsValue)]) -> web_sys::Event {
    let c: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &ctor.into())
        .unwrap()
        .unchecked_into();
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"bubbles".into(), &true.into()).unwrap();
    js_sys::Reflect::set(&o, &"cancelable".into(), &true.into()).unwrap();
    for (k, v) in init {
        js_sys::Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    js_sys::Reflect::construct(&c, &js_sys::Array::of2(&kind.into(), &o))
        .unwrap()
        .unchecked_into()
}

pub fn key(target: &Element, key: &str) {
    let e = js_event("KeyboardEvent", "keydown", &[("key", key.into())]);
    target.dispatch_event(&e).unwrap();
}

pub fn status(root: &Element) -> String {
    texts(root, ".pager .status").join("")
}

pub fn cells_of(root: &Element, col: &str) -> Vec<String> {
    texts(root, &format!("tbody td.col.{col}"))
}

fn hostile_row() -> Session {
    Session {
        id: Some("o94SveQp6fyPsoiNC".into()),
        user_id: Some("2tTEqR7ZNMJ4HGGNa".into()),
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
        login_at: Some("2023-05-24T00:25:54.234Z".into()),
        user: Some(User {
            username: Some("testroxie".into()),
            name: Some("\"><script>window.pwned=1</script>".into()),
        }),
        ..Default::default()
    }
}

#[wasm_bindgen_test]
async fn table_shows_the_contract_columns_and_renders_hostile_text_as_text() {
    let mut rows = testdata::sessions(30, 1);
    rows.insert(0, hostile_row());
    let root = mount(props(rows, Options::default())).await;
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
    let rows = root.query_selector_all("tbody tr").unwrap();
    let row = (0..rows.length())
        .filter_map(|i| rows.item(i))
        .filter_map(|r| r.dyn_into::<Element>().ok())
        .find(|r| r.text_content().unwrap_or_default().contains("<img"))
        .expect("the hostile row is on the first page");
    let cells = texts(&row, "td.col");
    assert_eq!(cells[0], "<img src=x onerror=alert(1)>");
    assert!(cells[3].starts_with("\"><script>"), "{cells:?}");
    assert!(
        root.query_selector("tbody img, tbody script")
            .unwrap()
            .is_none(),
        "markup was injected"
    );
    assert!(cells.contains(&"o94SveQp6fyPsoiNC".to_owned()));
    assert!(cells.contains(&"Windows 10".to_owned()));
    assert_eq!(
        root.query_selector_all("tbody tr").unwrap().length(),
        25,
        "only one page in the DOM"
    );
    assert_eq!(status(&root), "1–25 of 31");
}

#[wasm_bindgen_test]
async fn columns_follow_the_options() {
    let options = Options {
        columns: ["user", "host", "userid"].map(String::from).to_vec(),
        read_only: true,
        ..Options::default()
    };
    let root = mount(props(testdata::sessions(5, 2), options)).await;
    assert_eq!(texts(&root, "thead th"), ["User", "Host", "User ID"]);
    assert!(
        root.query_selector("table input[type=checkbox]")
            .unwrap()
            .is_none(),
        "read-only has no selection"
    );
    assert!(texts(&root, "button")
        .iter()
        .all(|b| !b.contains("Log out")));
}

#[wasm_bindgen_test]
async fn typing_in_search_narrows_the_rows() {
    let rows = testdata::sessions(400, 3);
    let want = view(&Sessions::from_wire(rows.clone(), 0), &{
        let mut q = Query::default();
        q.set_search("firefox");
        q
    })
    .unwrap()
    .matched;
    assert!(want > 0 && want < 400);
    let root = mount(props(rows, Options::default())).await;
    let search = one(&root, "input[type=search]");
    type_into(&search, "firefox");
    let expected = format!("of {want} (filtered from 400)");
    until(&root, |r| status(r).contains(&expected)).await;
    assert!(cells_of(&root, "client").iter().all(|c| c == "Firefox"));
}

#[wasm_bindgen_test]
async fn a_bad_regex_is_explained_inline_and_keeps_the_last_rows() {
    let root = mount(props(testdata::sessions(200, 4), Options::default())).await;
    let search = one(&root, "input[type=search]");
    type_into(&search, "safari");
    until(&root, |r| status(r).contains("filtered")).await;
    let cells = cells_of(&root, "client");
    assert!(
        cells.iter().all(|c| c.contains("Safari")),
        "status {:?}; clients {cells:?}; search {:?}",
        status(&root),
        search.unchecked_ref::<web_sys::HtmlInputElement>().value()
    );
    let before = status(&root);
    one(&root, ".regex input").click();
    type_into(&search, "safari(");
    until(&root, |r| {
        r.query_selector("[role=alert]").ok().flatten().is_some()
    })
    .await;
    let alert = one(&root, "[role=alert]");
    assert!(alert
        .text_content()
        .unwrap_or_default()
        .contains("not a valid regular expression"));
    assert_eq!(
        search.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(search.get_attribute("aria-describedby"), Some(alert.id()));
    assert_eq!(status(&root), before, "the last valid result stays");
    type_into(&search, "^(safari|edge) ");
    until(&root, |r| {
        r.query_selector("[role=alert]").ok().flatten().is_none()
    })
    .await;
    let cells = cells_of(&root, "client");
    assert!(
        cells.iter().all(|c| c == "Safari" || c == "Edge"),
        "status {:?}; clients {cells:?}; search {:?}; html {}",
        status(&root),
        search.unchecked_ref::<web_sys::HtmlInputElement>().value(),
        root.inner_html().chars().take(3000).collect::<String>()
    );
}

#[wasm_bindgen_test]
async fn header_clicks_sort_and_shift_adds_a_second_key() {
    let rows = testdata::sessions(300, 5);
    let root = mount(props(rows.clone(), Options::default())).await;
    let th = |r: &Element, n: usize| one(r, &format!("thead th:nth-of-type({n})"));
    one(&th(&root, 1), "button").click();
    until(&root, |r| {
        th(r, 1).get_attribute("aria-sort").as_deref() == Some("ascending")
    })
    .await;
    let shown = cells_of(&root, "client");
    let mut sorted = shown.clone();
    sorted.sort_by_key(|c| c.to_lowercase());
    assert_eq!(shown, sorted);
    one(&th(&root, 1), "button").click();
    until(&root, |r| {
        th(r, 1).get_attribute("aria-sort").as_deref() == Some("descending")
    })
    .await;
    // Shift-click on OS adds a secondary key, marked 2.
    let click = js_event("MouseEvent", "click", &[("shiftKey", true.into())]);
    one(&th(&root, 3), "button").dispatch_event(&click).unwrap();
    until(&root, |r| {
        one(&th(r, 3), "button")
            .get_attribute("data-sort")
            .as_deref()
            == Some("▲2")
    })
    .await;
    assert_eq!(
        one(&th(&root, 1), "button")
            .get_attribute("data-sort")
            .as_deref(),
        Some("▼1")
    );
    let mut q = Query::default();
    q.set_sort(vec![
        SortKey::desc(Column::Client),
        SortKey::asc(Column::Os),
    ]);
    let s = Sessions::from_wire(rows, 0);
    let want: Vec<String> = view(&s, &q)
        .unwrap()
        .rows
        .iter()
        .map(|&i| s.row(i).unwrap().session_id().to_owned())
        .collect();
    assert_eq!(cells_of(&root, "id"), want);
}

#[wasm_bindgen_test]
async fn the_pager_moves_and_remembers_the_page_size() {
    let root = mount(props(testdata::sessions(120, 6), Options::default())).await;
    assert_eq!(status(&root), "1–25 of 120");
    button(&root, "Next page").click();
    until(&root, |r| status(r) == "26–50 of 120").await;
    button(&root, "Last page").click();
    until(&root, |r| status(r) == "101–120 of 120").await;
    assert_eq!(root.query_selector_all("tbody tr").unwrap().length(), 20);
    assert_eq!(
        button(&root, "Next page")
            .get_attribute("aria-disabled")
            .as_deref(),
        Some("true")
    );
    let page: HtmlInputElement = one(&root, ".page-to input").unchecked_into();
    page.set_value("2");
    page.dispatch_event(
        &web_sys::Event::new_with_event_init_dict("change", &{
            let i = web_sys::EventInit::new();
            i.set_bubbles(true);
            i
        })
        .unwrap(),
    )
    .unwrap();
    until(&root, |r| status(r) == "26–50 of 120").await;
    let select: web_sys::HtmlSelectElement = one(&root, ".page-size select").unchecked_into();
    select.set_value("50");
    select
        .dispatch_event(
            &web_sys::Event::new_with_event_init_dict("change", &{
                let i = web_sys::EventInit::new();
                i.set_bubbles(true);
                i
            })
            .unwrap(),
        )
        .unwrap();
    until(&root, |r| status(r) == "1–50 of 120").await;
    let stored = || {
        js_sys::eval("localStorage.getItem('rcdm.rowsPerPage')")
            .unwrap()
            .as_string()
    };
    for _ in 0..100 {
        if stored().is_some() {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    let value = stored();
    // Other tests expect the default size.
    js_sys::eval("localStorage.removeItem('rcdm.rowsPerPage')").unwrap();
    assert_eq!(value.as_deref(), Some("50"));
}

#[wasm_bindgen_test]
fn csv_export_holds_the_sorted_filtered_rows_and_defuses_formulas() {
    let mut rows = testdata::sessions(60, 7);
    rows[3].user = Some(User {
        username: Some("=HYPERLINK(\"http://x\")".into()),
        name: None,
    });
    let s = Sessions::from_wire(rows, 0);
    let mut q = Query::default();
    q.set_sort(vec![SortKey::asc(Column::User)]);
    q.set_search("hyperlink");
    let mut p = rc_device_manager::grid::Pipeline::default();
    p.view(&s, &q).unwrap();
    let file = build(
        rc_device_manager::i18n::Lang::En,
        Format::Csv,
        &s,
        p.ordered(),
        "2026-11-28",
    );
    assert_eq!(file.name, "devices-2026-11-28.csv");
    let body = file.content.strip_prefix(UTF8_BOM).unwrap();
    let lines: Vec<&str> = body.split("\r\n").collect();
    assert!(lines[0].starts_with("Client,Device type,Version,OS,User,"));
    assert_eq!(lines.len(), 3, "{body}");
    assert!(
        lines[1].contains(",\"'=HYPERLINK(\"\"http://x\"\")\","),
        "{}",
        lines[1]
    );
}
