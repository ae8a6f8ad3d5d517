//! rc-sim: placeholder entry until the simulator lands.
fn main() {}
