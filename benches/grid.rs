//! Grid benchmarks (criterion): placeholder until the grid core lands.
fn main() {}
