//! Yew components; they render what the grid computed and dispatch named actions.

/// Mounts the app on `#app`.
pub fn mount_standalone() {}
