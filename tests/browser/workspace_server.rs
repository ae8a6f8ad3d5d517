//! The workspace against a stand-in server: `window.fetch` answers like Rocket.Chat, so the
//! successful paths run (logout, bulk with failures, details refresh, a gone session).

use super::until;
use super::{button, mount, one, props, status};
use crate::texts;
use rc_device_manager::api::wire::Session;
use rc_device_manager::grid::testdata;
use rc_device_manager::options::Options;
use rc_device_manager::ui::host::{CommandSlot, HostLink};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

/// Replaces `fetch`: `sessions/logout` fails (403) for ids in `fail` and answers after 20 ms
/// (so requests overlap), `sessions/info.admin` answers 404 for ids in `gone` and otherwise
/// the row with IP 198.51.100.7. In-flight logouts are counted (`__rcdmMaxInFlight`).
fn stub_server(fail: &[&str], gone: &[&str]) {
    let list = |ids: &[&str]| serde_json::to_string(ids).unwrap();
    let script = format!(
        r#"(() => {{
  window.__rcdmRealFetch = window.__rcdmRealFetch || window.fetch;
  const fail = {fail}, gone = {gone};
  window.__rcdmInFlight = 0; window.__rcdmMaxInFlight = 0; window.__rcdmEvents = [];
  const json = (status, body) => new Response(JSON.stringify(body), {{ status, headers: {{ 'Content-Type': 'application/json' }} }});
  window.fetch = async (input, init) => {{
    const req = input instanceof Request ? input : new Request(input, init);
    const url = new URL(req.url, location.href);
    if (url.pathname.endsWith('/sessions/logout')) {{
      const {{ sessionId }} = JSON.parse(await req.clone().text());
      window.__rcdmInFlight++; window.__rcdmMaxInFlight = Math.max(window.__rcdmMaxInFlight, window.__rcdmInFlight);
      await new Promise((r) => setTimeout(r, 20));
      window.__rcdmInFlight--;
      if (fail.includes(sessionId)) return json(403, {{ success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' }});
      return json(200, {{ sessionId, success: true }});
    }}
    if (url.pathname.endsWith('/sessions/info.admin')) {{
      const id = url.searchParams.get('sessionId');
      if (gone.includes(id)) return json(404, {{ success: false, error: 'Session not found' }});
      return json(200, {{ _id: id, sessionId: id, userId: 'u', ip: '198.51.100.7', device: {{ name: 'Chrome', type: 'browser' }}, loginAt: '2024-12-01T10:00:00.000Z', success: true }});
    }}
    return window.__rcdmRealFetch(input, init);
  }};
}})()"#,
        fail = list(fail),
        gone = list(gone)
    );
    js_sys::eval(&script).unwrap();
}

fn restore_fetch() {
    js_sys::eval("window.fetch = window.__rcdmRealFetch || window.fetch").unwrap();
}

fn js_number(expr: &str) -> f64 {
    js_sys::eval(expr).unwrap().as_f64().unwrap_or(-1.0)
}

fn ids(rows: &[Session]) -> Vec<String> {
    rows.iter().map(|r| r.id.clone().unwrap()).collect()
}

fn row_of(root: &Element, id: &str) -> Option<Element> {
    let list = root.query_selector_all("tbody tr").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .find(|tr| tr.text_content().unwrap_or_default().contains(id))
}

#[wasm_bindgen_test]
async fn a_logout_removes_the_row_toasts_and_tells_the_host() {
    let rows = testdata::sessions(30, 21);
    let id = ids(&rows)[2].clone();
    stub_server(&[], &[]);
    let host_el = crate::host();
    js_sys::Reflect::set(&js_sys::global(), &"__rcdmHost".into(), &host_el).unwrap();
    js_sys::eval("window.__rcdmHost.addEventListener('rcdm:device-logged-out', (e) => window.__rcdmEvents.push(e.detail))").unwrap();
    let mut p = props(rows.clone(), Options::default());
    p.host = Some(HostLink {
        element: host_el.clone(),
        commands: CommandSlot::default(),
    });
    let root = mount(p).await;
    let row = row_of(&root, &id).expect("row");
    one(&row, "button[aria-label='Log out device']").click();
    until(&root, |r| {
        r.query_selector("[role=dialog]").ok().flatten().is_some()
    })
    .await;
    button(&one(&root, "[role=dialog]"), "Log out").click();
    until(&root, |r| row_of(r, &id).is_none()).await;
    until(&root, |r| texts(r, ".toast span") == ["Device logged out"]).await;
    assert_eq!(status(&root), "1–25 of 29");
    let events = js_sys::eval("JSON.stringify(window.__rcdmEvents)")
        .unwrap()
        .as_string()
        .unwrap();
    let events: serde_json::Value = serde_json::from_str(&events).unwrap();
    assert_eq!(events[0]["sessionId"], id.as_str());
    assert_eq!(
        events[0]["userId"],
        rows[2].user_id.clone().unwrap().as_str()
    );
    assert_eq!(events.as_array().map(Vec::len), Some(1));
    restore_fetch();
}

#[wasm_bindgen_test]
async fn a_bulk_logout_reports_each_failure_and_keeps_those_rows() {
    let rows = testdata::sessions(40, 22);
    let all = ids(&rows);
    let picked: Vec<&str> = all[..9].iter().map(String::as_str).collect();
    stub_server(&[picked[1], picked[4]], &[]);
    let root = mount(props(rows.clone(), Options::default())).await;
    for id in &picked {
        let row = row_of(&root, id).expect("row");
        one(&row, "input[type=checkbox]").click();
    }
    until(&root, |r| texts(r, ".bulk span") == ["9 selected"]).await;
    button(&root, "Log out 9 devices").click();
    until(&root, |r| {
        texts(r, "[role=dialog] h2") == ["Log out 9 devices"]
    })
    .await;
    button(&one(&root, "[role=dialog]"), "Log out").click();
    until(&root, |r| {
        texts(r, "[role=dialog] h2") == ["Logout results"]
    })
    .await;
    let report = texts(&root, "[role=dialog]").join(" ");
    assert!(
        report.contains("7 ended, 0 already gone, 2 refused."),
        "{report}"
    );
    let reasons = texts(&root, "[role=dialog] .results li.refused .why");
    assert_eq!(reasons.len(), 2);
    assert!(
        reasons.iter().all(|r| r.contains("permission")),
        "{reasons:?}"
    );
    let max = js_number("window.__rcdmMaxInFlight");
    assert!((2.0..=4.0).contains(&max), "in flight at once: {max}");
    button(&root, "Close").click();
    until(&root, |r| {
        r.query_selector("[role=dialog]").ok().flatten().is_none()
    })
    .await;
    assert_eq!(status(&root), "1–25 of 33");
    assert!(row_of(&root, picked[1]).is_some() && row_of(&root, picked[4]).is_some());
    assert!(row_of(&root, picked[0]).is_none());
    assert_eq!(
        texts(&root, ".bulk span"),
        ["2 selected"],
        "the failed rows stay selected"
    );
    restore_fetch();
}

#[wasm_bindgen_test]
async fn details_refresh_from_the_server_and_a_gone_session_can_be_removed() {
    let rows = testdata::sessions(30, 23);
    let all = ids(&rows);
    stub_server(&[], &[all[1].as_str()]);
    let root = mount(props(rows.clone(), Options::default())).await;
    row_of(&root, &all[0])
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    until(&root, |r| {
        texts(r, "aside.details .refreshed") == ["Up to date"]
    })
    .await;
    assert!(
        texts(&root, "aside.details dd .value").contains(&"198.51.100.7".to_owned()),
        "the fresh answer is shown"
    );
    row_of(&root, &all[1])
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    until(&root, |r| {
        texts(r, "aside.details [role=alert] p")
            .iter()
            .any(|t| t.contains("no longer signed in"))
    })
    .await;
    button(&root, "Remove from table").click();
    until(&root, |r| row_of(r, &all[1]).is_none()).await;
    assert!(root.query_selector("aside.details").unwrap().is_none());
    assert_eq!(status(&root), "1–25 of 29");
    restore_fetch();
}
