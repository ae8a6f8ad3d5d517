//! RC Device Manager: a Rocket.Chat device-management page and embeddable widget.
//!
//! Data flows one way: `api` (HTTP, wire types) → `grid` (pure, indexed, natively tested) → `ui`.
//! `embed` is the host pages' way in: `mount(element, options)` and its handle.

pub mod api;
pub mod embed;
pub mod grid;
pub mod i18n;
pub mod options;
pub mod ui;

/// Mounts the standalone app on the page's `#app` element, but only when that element says it
/// wants it (`data-rcdm-standalone`, as in index.html): a portal that loads the wasm to embed
/// the widget may well have an `#app` of its own.
pub fn start() {
    let standalone = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .is_some_and(|el| el.has_attribute("data-rcdm-standalone"));
    if standalone {
        ui::mount_standalone();
    }
}
