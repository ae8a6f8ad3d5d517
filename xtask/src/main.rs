//! xtask: tool bootstrap and orchestration (placeholder).
fn main() {}
