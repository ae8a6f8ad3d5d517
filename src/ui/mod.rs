//! Yew components; they render what the grid computed and dispatch named actions.

pub mod app;
pub mod sign_in;
pub mod table;

pub use app::App;

/// Mounts the app on `#app`, or on `<body>` when the page has no such element.
pub fn mount_standalone() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    match document.get_element_by_id("app") {
        Some(root) => {
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
