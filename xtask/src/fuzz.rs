//! `cargo xtask fuzz --cases N [-- <test args>]`: the properties of tests/fuzz_server.rs,
//! N cases each, optimised. The profile is release with overflow checks and debug
//! assertions turned back on (defined here with `--config`, built under target/fuzz): an
//! integer overflow is a panic in the debug `cargo test` run, and plain `--release` would
//! wrap it silently and let a million cases pass over the bug.

use crate::tools::{root, tool_env};
use std::process::Command;
use std::time::Instant;

const USAGE: &str = "usage: cargo xtask fuzz --cases N [-- <test binary args, e.g. --ignored>]";

pub fn run(args: &[String]) -> Result<(), String> {
    let mut cases: Option<u32> = None;
    let mut extra = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--cases" => {
                let n = it.next().ok_or("--cases needs a number")?;
                let n = n.replace(['_', ','], "");
                cases = Some(
                    n.parse()
                        .map_err(|_| format!("--cases {n}: not a number up to {}", u32::MAX))?,
                );
            }
            "--" => extra.extend(it.by_ref().cloned()),
            other => return Err(format!("unknown flag {other}; {USAGE}")),
        }
    }
    let cases = cases.ok_or(USAGE)?;
    let start = Instant::now();
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    tool_env(&mut cmd);
    cmd.current_dir(root())
        .args(["test", "-p", "rc-device-manager", "--test", "fuzz_server"])
        .args(["--profile", "fuzz"])
        .args(["--config", "profile.fuzz.inherits=\"release\""])
        .args(["--config", "profile.fuzz.overflow-checks=true"])
        .args(["--config", "profile.fuzz.debug-assertions=true"])
        .arg("--")
        .args(&extra)
        .env("RCDM_FUZZ_CASES", cases.to_string())
        // Every case proptest shrinks through would print a backtrace; the counter-example
        // it ends with is what matters.
        .env("RUST_BACKTRACE", "0");
    let (ok, text) = crate::stages::run_tee(&mut cmd);
    // The harness's own `test result:` line, as every test stage counts it.
    let (passed, failures) = crate::stages::count(ok, &text);
    println!(
        "fuzz: {cases} cases per property, {} properties, {failures} failures in {:.0} s",
        passed + failures,
        start.elapsed().as_secs_f64()
    );
    if failures == 0 {
        Ok(())
    } else {
        Err(format!("{failures} fuzz properties failed"))
    }
}
