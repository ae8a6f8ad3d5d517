//! Yew components; they render what the grid computed and dispatch named actions.

pub mod api_ctx;
pub mod app;
pub mod control;
pub mod fetcher;
#[cfg(test)]
mod fixtures;
pub mod host;
pub mod lang;
pub mod partial;
pub mod progress;
pub mod prompt;
pub mod remember;
pub mod sign_in;
pub mod sign_in_form;
pub mod signing;
pub mod state;
pub mod store;
pub mod words;
pub mod workspace;

pub use app::{App, AppProps};

/// Mounts the standalone app on `#app`. A page without one (a portal that only wants
/// the widget through `mount`) gets nothing mounted by itself.
pub fn mount_standalone() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    if let Some(root) = root {
        let props = AppProps {
            options: std::rc::Rc::new(crate::options::Options::standalone()),
            host: None,
        };
        yew::Renderer::<App>::with_root_and_props(root, props).render();
    }
}
