//! RC Device Manager: a Rocket.Chat device-management page and embeddable widget.
//!
//! Data flows one way: `api` (HTTP, wire types) → `grid` (pure, indexed, natively tested) → `ui`.

pub mod api;
pub mod options;
pub mod grid;
pub mod ui;

/// Mounts the app on the page's `#app` element (the standalone page's entry point).
pub fn start() {
    ui::mount_standalone();
}
