//! `cargo xtask bench`: the native criterion medians, then the in-browser bench page built as
//! shipped (Trunk, release-z) and run in headless Chromium against rc-sim. Every figure is one
//! `bench <name> <median> <unit>` line; a target missed is a number, not a failure.

use super::cargo;
use crate::tools::{self, root, run, tool_env};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

/// Where cargo puts its output: `CARGO_TARGET_DIR` when set (criterion and rc-sim follow it).
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { root().join(p) })
        .unwrap_or_else(|| root().join("target"))
}

fn dist_bench() -> PathBuf {
    root().join("dist-bench")
}

/// The machine's load, printed beside the figures: timings on a busy machine run long.
fn print_load(when: &str) {
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    if let Some(one_minute) = load.split_whitespace().next() {
        println!("xtask: load average {one_minute} on {cores} cores {when}");
    }
}

pub fn run_all() -> Result<(), String> {
    tools::ensure_build_tools()?;
    tools::ensure_apt()?;
    let mut failures = Vec::new();
    print_load("before the native benches");
    if let Err(e) = native() {
        failures.push(e);
    }
    if let Err(e) = browser() {
        failures.push(e);
    }
    print_load("at the end");
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("; "))
    }
}

/// Criterion's medians of benches/grid.rs, from this run only (older result folders stay
/// on disk when a benchmark is renamed).
fn native() -> Result<(), String> {
    let started = SystemTime::now();
    run(cargo().args([
        "bench",
        "-p",
        "rc-device-manager",
        "--bench",
        "grid",
        "--",
        "--warm-up-time",
        "1",
        "--measurement-time",
        "3",
    ]))?;
    let dir = target_dir().join("criterion");
    let mut found = Vec::new();
    collect_medians(&dir, &dir, started, &mut found);
    found.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, ns) in &found {
        println!("bench native.{name} {} ms", decimals(ns / 1e6));
    }
    if found.is_empty() {
        return Err("no criterion results were found".into());
    }
    Ok(())
}

/// Three decimals, or four significant digits below 1 (a page change takes nanoseconds).
fn decimals(value: f64) -> String {
    let places = if value.abs() >= 1.0 || value == 0.0 || !value.is_finite() {
        3
    } else {
        (3 - value.abs().log10().floor() as i32).clamp(3, 12) as usize
    };
    format!("{value:.places$}")
}

fn collect_medians(base: &Path, dir: &Path, since: SystemTime, out: &mut Vec<(String, f64)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.ends_with("new") {
            let file = path.join("estimates.json");
            let fresh = std::fs::metadata(&file)
                .and_then(|m| m.modified())
                .is_ok_and(|t| t >= since);
            let text = if fresh {
                std::fs::read_to_string(&file).unwrap_or_default()
            } else {
                String::new()
            };
            let median = text
                .split("\"median\"")
                .nth(1)
                .and_then(|rest| rest.split("\"point_estimate\":").nth(1))
                .and_then(|rest| rest.split([',', '}']).next())
                .and_then(|n| n.trim().parse::<f64>().ok());
            if let (Some(ns), Some(parent)) = (median, path.parent()) {
                let name = parent
                    .strip_prefix(base)
                    .unwrap_or(parent)
                    .to_string_lossy()
                    .replace('/', ".");
                out.push((name, ns));
            }
        } else if path.is_dir() && !path.ends_with("report") {
            collect_medians(base, &path, since, out);
        }
    }
}

/// The bench page: built as shipped, served by rc-sim (same origin as the API it fetches),
/// driven by tests/e2e/bench-runner.mjs, which prints the page's lines.
fn browser() -> Result<(), String> {
    // Trunk runs `cargo build --offline` (its config says so): the registry cache must be complete.
    run(cargo().args(["fetch", "--locked"]))?;
    tools::clear_stale_snippets()?;
    let mut trunk = Command::new("trunk");
    tool_env(&mut trunk);
    // Its own config: the app's Trunk.toml would add the app's loader and SRI hook. With
    // --config, Trunk resolves the target (index.html) relative to that folder.
    run(trunk
        .current_dir(root())
        .args([
            "--config",
            "benches/browser/Trunk.toml",
            "build",
            "--release=true",
            "--dist",
        ])
        .arg(dist_bench()))?;
    run(cargo().args(["build", "--release", "-p", "rc-sim"]))?;
    print_load("before the bench page");
    let mut node = Command::new("node");
    tool_env(&mut node);
    run(node
        .current_dir(tools::e2e_dir())
        .arg("bench-runner.mjs")
        .env("RCSIM_BIN", target_dir().join("release").join("rc-sim"))
        .env("RCDM_DIST", dist_bench()))
}
