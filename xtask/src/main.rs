//! `cargo xtask dist | serve | test | bench | fuzz`: installs the missing tools, then builds,
//! serves and tests.
//!
//! Std only, so the first `cargo xtask` compiles in seconds on a cold machine.

mod fuzz;
mod stages;
mod tools;

use std::process::ExitCode;

const USAGE: &str =
    "usage: cargo xtask <dist | serve [--port N] [--sessions N] | test | bench | fuzz --cases N>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("dist") => stages::dist_command(),
        Some("serve") => stages::serve(&args[1..]),
        Some("test") => stages::test(),
        Some("bench") => stages::bench(),
        Some("fuzz") => fuzz::run(&args[1..]),
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
