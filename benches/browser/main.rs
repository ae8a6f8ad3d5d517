//! In-browser benchmark page (placeholder until it lands).
fn main() {}
