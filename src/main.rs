//! Wasm entry point of the standalone page.
fn main() {
    rc_device_manager::start();
}
