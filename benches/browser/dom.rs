//! Driving and watching the DOM for the UI part: find elements, type and click as a person
//! does, and time an action until the page shows its result.

use crate::report::{median, microtask, next_frame, now, pause, Report};
use rc_device_manager::grid::Column;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, HtmlInputElement};

/// A fresh `.rcdm` element at the end of the page's body, to mount an app or workspace on
/// (`.rcdm` carries the theme's custom properties, as in the app).
pub fn mount_root() -> Result<Element, String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let root = document.create_element("div").map_err(|_| "no div")?;
    root.set_class_name("rcdm");
    document
        .body()
        .ok_or("no body")?
        .append_child(&root)
        .map_err(|_| "cannot append")?;
    Ok(root)
}

pub fn find(root: &Element, selector: &str) -> Result<HtmlElement, String> {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .ok_or_else(|| format!("the workspace has no {selector}"))
}

/// The pager's status line ("1–25 of 12,345 (filtered from 100,000)").
pub fn status(root: &Element) -> String {
    root.query_selector(".pager .status")
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

pub fn aria_sort(root: &Element, column: Column) -> String {
    root.query_selector(&format!("thead th.col.{}", column.key()))
        .ok()
        .flatten()
        .and_then(|th| th.get_attribute("aria-sort"))
        .unwrap_or_default()
}

/// Types into an input the way a person does: its value, then a bubbling `input` event
/// (built by its JS constructor: the `EventInit` dictionary is not among the app's features).
pub fn type_into(input: &HtmlElement, value: &str) -> Result<(), String> {
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

/// One action's clocks, in ms from the event: the DOM changed; the DOM changed and its
/// layout is done; the next animation frame came.
pub struct Clocks {
    dom: f64,
    table: f64,
    frame: f64,
}

#[derive(Default)]
pub struct Samples {
    dom: Vec<f64>,
    table: Vec<f64>,
    frame: Vec<f64>,
}

impl Samples {
    pub fn push(&mut self, c: Clocks) {
        self.dom.push(c.dom);
        self.table.push(c.table);
        self.frame.push(c.frame);
    }

    /// `<name>_to_table<suffix>` and `<name>_to_next_frame<suffix>`; the samples and how
    /// much of it was layout go to the console.
    pub fn report(&self, report: &mut Report, name: &str, suffix: &str) {
        report.ms(&format!("{name}_to_table{suffix}"), &self.table);
        report.ms(&format!("{name}_to_next_frame{suffix}"), &self.frame);
        report.note(&format!(
            "{name}{suffix}: {} samples; DOM changed, before layout: median {:.1} ms; to table: {:?}",
            self.table.len(),
            median(&self.dom),
            self.table
                .iter()
                .map(|x| (x * 10.0).round() / 10.0)
                .collect::<Vec<_>>()
        ));
    }
}

/// Runs `act`, then waits until `changed` holds: first on microtasks (where Yew renders
/// after an event), then on animation frames. None when nothing changed within about 5 s.
///
/// Three clocks: the DOM changed; then its style and layout are done (forced by reading a
/// size, so the figure does not depend on where in a frame the event fell); then the next
/// animation frame came (when the browser would paint: up to one frame more by nature).
pub async fn timed(
    root: &Element,
    act: impl FnOnce(),
    changed: impl Fn(&Element) -> bool,
) -> Option<Clocks> {
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
    let dom = now() - t;
    let _ = root.unchecked_ref::<HtmlElement>().offset_height();
    let table = now() - t;
    next_frame().await;
    let frame = now() - t;
    // Let the frame finish painting before the next action.
    next_frame().await;
    pause().await;
    Some(Clocks { dom, table, frame })
}
