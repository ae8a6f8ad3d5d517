//! The real `Workspace` with 100,000 rows: how long from a keystroke, a header click or a page
//! button until the table in the DOM shows the result.
//!
//! Two clocks per action: until the DOM holds the new table and its layout is done (forced by
//! reading a size, so the figure does not depend on where in a frame the event fell), and
//! until the next animation frame after it (when the browser would paint it; up to one frame
//! more by nature).

use crate::report::{microtask, next_frame, now, pause, wasm_memory_mb, Report};
use rc_device_manager::api::{wire::Session, Client, Credentials};
use rc_device_manager::grid::{testdata, view, Column, Query, Sessions};
use rc_device_manager::options::Options;
use rc_device_manager::ui::api_ctx::ApiCtx;
use rc_device_manager::ui::workspace::{when, LoadedData, Workspace, WorkspaceProps};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::Callback;

const ROWS: usize = 100_000;

/// Plain searches typed a key at a time; regex patterns pasted whole.
const TYPED: [&str; 2] = ["chr", "fir"];
const PATTERNS: [&str; 4] = [
    r"^rc mobile",
    r"(?:chrome|firefox) 12\d",
    r"\d$",
    r"müller\s+\S+ s",
];

fn props(rows: Vec<Session>) -> WorkspaceProps {
    WorkspaceProps {
        data: LoadedData {
            load_id: 1,
            total: rows.len() as u64,
            rows: Rc::new(rows),
            shortfall: None,
            loaded_at_ms: js_sys::Date::now(),
        },
        api: ApiCtx::new(Rc::new(Client::new(Credentials::default()))),
        options: Rc::new(Options::default()),
        self_user_id: String::new(),
        external_search: None,
        refreshing: false,
        on_refresh: Callback::noop(),
        host: None,
    }
}

fn find(root: &Element, selector: &str) -> Result<HtmlElement, String> {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .ok_or_else(|| format!("the workspace has no {selector}"))
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn status(root: &Element) -> String {
    text(root, ".pager .status")
}

fn aria_sort(root: &Element, column: Column) -> String {
    root.query_selector(&format!("thead th.col.{}", column.key()))
        .ok()
        .flatten()
        .and_then(|th| th.get_attribute("aria-sort"))
        .unwrap_or_default()
}

/// Types into an input the way a person does: its value, then a bubbling `input` event
/// (built by its JS constructor: the `EventInit` dictionary is not among the app's features).
fn type_into(input: &HtmlElement, value: &str) -> Result<(), String> {
    input.unchecked_ref::<HtmlInputElement>().set_value(value);
    let ctor: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &"Event".into())
        .map_err(|_| "no Event constructor".to_owned())?
        .unchecked_into();
    let init = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&init, &"bubbles".into(), &JsValue::TRUE);
    let event: web_sys::Event =
        js_sys::Reflect::construct(&ctor, &js_sys::Array::of2(&"input".into(), &init))
            .map_err(|_| "could not build an input event".to_owned())?
            .unchecked_into();
    input
        .dispatch_event(&event)
        .map(|_| ())
        .map_err(|_| "the input event was refused".to_owned())
}

/// Runs `act`, then waits until `changed` holds: first on microtasks (where Yew renders
/// after an event), then on animation frames. Returns (DOM updated and laid out, next frame)
/// in ms, or None when nothing changed within about 5 s.
async fn timed(
    root: &Element,
    act: impl FnOnce(),
    changed: impl Fn(&Element) -> bool,
) -> Option<(f64, f64)> {
    let t = now();
    act();
    let mut turns = 0;
    while !changed(root) {
        turns += 1;
        if turns < 1_000 {
            microtask().await;
        } else if turns < 1_300 {
            next_frame().await;
        } else {
            return None;
        }
    }
    // Reading a size forces style and layout of the new rows now.
    let _ = root.unchecked_ref::<HtmlElement>().offset_height();
    let dom = now() - t;
    next_frame().await;
    let frame = now() - t;
    // Let the frame finish painting before the next action.
    next_frame().await;
    pause().await;
    Some((dom, frame))
}

/// Matched counts of the searches, as the workspace will compute them, so only keystrokes
/// that change the status line are timed (the status is how the page sees the table change).
fn counts(sessions: &Sessions, texts: &[String], regex: bool) -> Vec<Option<usize>> {
    texts
        .iter()
        .map(|t| {
            let mut q = Query::default();
            q.set_search(t);
            q.set_regex(regex);
            view(sessions, &q).ok().map(|v| v.matched)
        })
        .collect()
}

pub async fn run(report: &mut Report, runs: usize) {
    if let Err(e) = measure(report, runs).await {
        report.error("ui", &e);
    }
}

async fn measure(report: &mut Report, runs: usize) -> Result<(), String> {
    let rows = testdata::sessions(ROWS, 42);
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    // `.rcdm` carries the theme's custom properties, as in the app.
    let root = document.create_element("div").map_err(|_| "no div")?;
    root.set_class_name("rcdm");
    document
        .body()
        .ok_or("no body")?
        .append_child(&root)
        .map_err(|_| "cannot append")?;

    let t = now();
    yew::Renderer::<Workspace>::with_root_and_props(root.clone(), props(rows)).render();
    let mut frames = 0;
    while !status(&root).contains("100,000") {
        frames += 1;
        if frames > 600 {
            return Err(format!(
                "the table never showed 100,000 rows: {}",
                status(&root)
            ));
        }
        next_frame().await;
    }
    report.figure("ui.mount_100k", now() - t, "ms");
    // The whole app's share with 100,000 rows: the wire rows the shell hands over (kept in
    // the props) and the workspace's grid, on a page that ran nothing else.
    report.figure("ui.wasm_memory_mounted", wasm_memory_mb(), "MB");
    let reference = Sessions::from_wire(testdata::sessions(ROWS, 42), when::tz_offset_minutes());

    let search = find(&root, "input[type=search]")?;
    let mut plain = (Vec::new(), Vec::new());
    let mut sequence = vec![String::new()];
    for word in TYPED {
        for n in 1..=word.len() {
            sequence.push(word[..n].to_owned());
        }
        sequence.push(String::new());
    }
    let plain_counts = counts(&reference, &sequence, false);
    // One round untimed first: the browser compiles hot wasm functions again, optimised,
    // after a few calls, and an admin types more than one word.
    keystrokes(
        &root,
        &search,
        &sequence,
        &plain_counts,
        &mut (Vec::new(), Vec::new()),
    )
    .await?;
    for _ in 0..runs.div_ceil(2) {
        keystrokes(&root, &search, &sequence, &plain_counts, &mut plain).await?;
    }
    report.note(&format!(
        "ui: {} plain keystrokes timed: {:?}",
        plain.0.len(),
        rounded(&plain.0)
    ));
    report.ms("ui.keystroke_to_table", &plain.0);
    report.ms("ui.keystroke_to_next_frame", &plain.1);

    find(&root, ".regex input")?.click();
    let mut sequence: Vec<String> = PATTERNS.iter().map(|p| (*p).to_owned()).collect();
    sequence.push(String::new());
    let regex_counts = counts(&reference, &sequence, true);
    let mut regex = (Vec::new(), Vec::new());
    keystrokes(
        &root,
        &search,
        &sequence,
        &regex_counts,
        &mut (Vec::new(), Vec::new()),
    )
    .await?;
    for _ in 0..runs.div_ceil(2) {
        keystrokes(&root, &search, &sequence, &regex_counts, &mut regex).await?;
    }
    report.note(&format!(
        "ui: {} regex searches timed: {:?}",
        regex.0.len(),
        rounded(&regex.0)
    ));
    report.ms("ui.keystroke_to_table.regex", &regex.0);
    report.ms("ui.keystroke_to_next_frame.regex", &regex.1);
    find(&root, ".regex input")?.click();
    drop(reference);

    let mut sorts = (Vec::new(), Vec::new());
    // The first round is the untimed warm-up.
    for round in 0..=runs.div_ceil(7).max(2) {
        for column in Column::VISIBLE {
            let button = find(&root, &format!("thead th.col.{} button", column.key()))?;
            // Two clicks: one direction, then the other (a third would unsort).
            for _ in 0..2 {
                let before = aria_sort(&root, column);
                let (dom, frame) =
                    timed(&root, || button.click(), |r| aria_sort(r, column) != before)
                        .await
                        .ok_or_else(|| format!("sorting by {} did not show", column.label()))?;
                if round > 0 {
                    sorts.0.push(dom);
                    sorts.1.push(frame);
                }
            }
        }
    }
    report.ms("ui.sort_to_table", &sorts.0);
    report.ms("ui.sort_to_next_frame", &sorts.1);

    let next = find(&root, "button[aria-label='Next page']")?;
    let mut pages = (Vec::new(), Vec::new());
    for i in 0..runs.max(5) + 2 {
        let before = status(&root);
        let (dom, frame) = timed(&root, || next.click(), |r| status(r) != before)
            .await
            .ok_or("Next page did not change the page")?;
        // The first two are the warm-up.
        if i >= 2 {
            pages.0.push(dom);
            pages.1.push(frame);
        }
    }
    report.ms("ui.page_change_to_table", &pages.0);
    report.ms("ui.page_change_to_next_frame", &pages.1);
    root.set_inner_html("");
    Ok(())
}

fn rounded(samples: &[f64]) -> Vec<f64> {
    samples.iter().map(|x| (x * 10.0).round() / 10.0).collect()
}

/// Types `sequence` in order, timing each entry whose matched count differs from the one
/// before it.
async fn keystrokes(
    root: &Element,
    search: &HtmlElement,
    sequence: &[String],
    counts: &[Option<usize>],
    out: &mut (Vec<f64>, Vec<f64>),
) -> Result<(), String> {
    for i in 1..sequence.len() {
        let value = &sequence[i];
        let distinct = counts[i].is_some() && counts[i] != counts[i - 1];
        let before = status(root);
        let mut failed = None;
        let result = timed(
            root,
            || failed = type_into(search, value).err(),
            |r| !distinct || status(r) != before,
        )
        .await;
        if let Some(e) = failed {
            return Err(e);
        }
        match result {
            Some((dom, frame)) if distinct => {
                out.0.push(dom);
                out.1.push(frame);
            }
            Some(_) => {}
            None => return Err(format!("searching {value:?} did not update the table")),
        }
    }
    Ok(())
}
