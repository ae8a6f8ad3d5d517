//! The commands: `dist` (the deployment build), `serve` (that build, then rc-sim serving it),
//! `test` (every stage, counted), and `bench` (criterion medians as
//! `bench <name> <median> <unit>` lines).

use crate::tools::{self, root, run, tool_env};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// The target for the shipped app (wasm + js + css, brotli). Not met yet: regex with
/// its fast engines costs ~150 KB alone (deploy/SIZE.md), so the stage reports the gap...
const SIZE_TARGET_BROTLI: u64 = 200_000;
/// ...and fails only past this guard, a few KB over today's build, so any growth is caught.
const SIZE_GUARD_BROTLI: u64 = 460_400;

fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.current_dir(root());
    tool_env(&mut cmd);
    cmd
}

fn dist() -> PathBuf {
    root().join("dist")
}

/// The deployment build into `dist/`: Trunk's release build (size profile, wasm-opt -Oz, SRI
/// hashes), then `.br` and `.gz` beside every wasm, js and css file. `dist`, `serve` and the
/// test's release-build stage all run this, so the tests see exactly what is deployed.
fn dist_build() -> Result<(), String> {
    trunk_build()?;
    let mut node = Command::new("node");
    tool_env(&mut node);
    run(node
        .current_dir(root())
        .arg(root().join("deploy").join("precompress.mjs"))
        .arg(dist()))
}

/// Trunk's release build of the app into `dist/`.
fn trunk_build() -> Result<(), String> {
    // Trunk runs `cargo build --offline` (Trunk.toml): the registry cache must be complete.
    run(cargo().args(["fetch", "--locked"]))?;
    tools::clear_stale_snippets()?;
    let mut trunk = Command::new("trunk");
    tool_env(&mut trunk);
    run(trunk
        .current_dir(root())
        .args(["build", "--release=true", "--dist"])
        .arg(dist()))
}

fn sim_binary() -> PathBuf {
    root().join("target").join("release").join("rc-sim")
}

/// `cargo xtask dist`: the build an admin deploys (README, "Deploying against a real
/// Rocket.Chat"); installs only the build tools, not Chromium or nginx.
pub fn dist_command() -> Result<(), String> {
    tools::ensure_build_tools()?;
    dist_build()?;
    println!("xtask: deployable build in {}", dist().display());
    Ok(())
}

pub fn serve(args: &[String]) -> Result<(), String> {
    let mut port = "3000".to_owned();
    let mut sessions = "5000".to_owned();
    let mut extra = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--port" => port = it.next().cloned().ok_or("--port needs a number")?,
            "--sessions" => sessions = it.next().cloned().ok_or("--sessions needs a number")?,
            "--" => extra.extend(it.by_ref().cloned()),
            other => {
                return Err(format!(
                    "unknown flag {other}; flags: --port N --sessions N -- <rc-sim flags>"
                ))
            }
        }
    }
    tools::ensure_build_tools()?;
    dist_build()?;
    run(cargo().args(["build", "--release", "-p", "rc-sim"]))?;
    println!("xtask: the app is served by rc-sim; open the URL below and sign in with the printed credentials");
    run(Command::new(sim_binary())
        .args([
            "--port",
            &port,
            "--sessions",
            &sessions,
            "--seed",
            "7",
            "--serve-dir",
        ])
        .arg(dist())
        .args(&extra))
}

/// One stage's outcome in the final tally.
struct Stage {
    name: &'static str,
    passed: u64,
    failed: u64,
    seconds: f64,
}

/// Runs a command, echoing its output live, and returns (success, all output).
pub(crate) fn run_tee(cmd: &mut Command) -> (bool, String) {
    let shown = format!("{cmd:?}");
    println!("$ {shown}");
    let child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => return (false, format!("could not start {shown}: {e}")),
    };
    let pump = |stream: Box<dyn Read + Send>, to_err: bool| {
        std::thread::spawn(move || {
            let mut seen = String::new();
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                if to_err {
                    eprintln!("{line}");
                } else {
                    println!("{line}");
                }
                seen.push_str(&line);
                seen.push('\n');
            }
            seen
        })
    };
    let out = child.stdout.take().map(|s| pump(Box::new(s), false));
    let err = child.stderr.take().map(|s| pump(Box::new(s), true));
    let mut text = String::new();
    for handle in [out, err].into_iter().flatten() {
        text.push_str(&handle.join().unwrap_or_default());
    }
    let ok = child.wait().map(|s| s.success()).unwrap_or(false);
    (ok, text)
}

/// Sums the pass/fail counts that cargo test (and wasm-bindgen-test-runner) and
/// `node --test` print. A failed command that printed no failure still counts as one.
pub(crate) fn count(ok: bool, text: &str) -> (u64, u64) {
    let (mut passed, mut failed) = (0, 0);
    for line in text.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("test result: ") {
            let num = |label: &str| {
                rest.split(';')
                    .find_map(|part| {
                        part.trim()
                            .strip_suffix(label)?
                            .trim()
                            .rsplit(' ')
                            .next()?
                            .parse::<u64>()
                            .ok()
                    })
                    .unwrap_or(0)
            };
            passed += num("passed");
            failed += num("failed");
        }
        let after = |prefixes: [&str; 2]| {
            prefixes
                .iter()
                .find_map(|p| line.strip_prefix(p)?.trim().parse::<u64>().ok())
                .unwrap_or(0)
        };
        passed += after(["# pass ", "ℹ pass "]);
        failed += after(["# fail ", "ℹ fail "]);
    }
    if !ok && failed == 0 {
        failed = 1;
    }
    (passed, failed)
}

/// A stage that is one check (format, lint, build): 1 passed or 1 failed.
fn check(name: &'static str, cmd: &mut Command) -> Stage {
    let start = Instant::now();
    let (ok, _) = run_tee(cmd);
    finish(name, if ok { (1, 0) } else { (0, 1) }, start)
}

/// A stage that runs tests: its own counts.
fn tests(name: &'static str, cmd: &mut Command) -> Stage {
    let start = Instant::now();
    let (ok, text) = run_tee(cmd);
    finish(name, count(ok, &text), start)
}

fn finish(name: &'static str, (passed, failed): (u64, u64), start: Instant) -> Stage {
    let stage = Stage {
        name,
        passed,
        failed,
        seconds: start.elapsed().as_secs_f64(),
    };
    println!(
        "== stage {}: {} ({} passed, {} failed, {:.0} s)",
        stage.name,
        if failed == 0 { "ok" } else { "FAILED" },
        passed,
        failed,
        stage.seconds
    );
    stage
}

/// Brotli size of what a browser downloads (wasm, js, css), computed by node's zlib, the
/// encoder of the shipped `.br` files (which the pattern skips, as it does the `.gz` ones).
/// The same bytes under two names (the loader and its hashed copy for the app's own page)
/// count once: no page downloads both.
fn shipped_brotli(dir: &Path) -> Result<u64, String> {
    let script = "const fs=require('fs'),path=require('path'),zlib=require('zlib'),crypto=require('crypto');\
        let total=0;const seen=new Set();for(const f of fs.readdirSync(process.argv[1])){if(/\\.(wasm|js|css)$/.test(f)){\
        const b=fs.readFileSync(path.join(process.argv[1],f));\
        const id=crypto.createHash('sha256').update(b).digest('hex');if(seen.has(id))continue;seen.add(id);\
        total+=zlib.brotliCompressSync(b,{params:{[zlib.constants.BROTLI_PARAM_QUALITY]:11}}).length;}}\
        console.log(total);";
    let out = Command::new("node")
        .args(["-e", script])
        .arg(dir)
        .output()
        .map_err(|e| format!("node: {e}"))?;
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .map_err(|_| {
            format!(
                "could not measure {}: {}",
                dir.display(),
                String::from_utf8_lossy(&out.stderr)
            )
        })
}

fn size_stage(built: bool) -> Stage {
    let start = Instant::now();
    let result = if built {
        shipped_brotli(&dist())
    } else {
        Err("no build to measure".into())
    };
    let ok = match result {
        Ok(bytes) => {
            println!("size shipped-brotli {bytes}");
            if bytes > SIZE_TARGET_BROTLI {
                println!(
                    "size: {} bytes over the {SIZE_TARGET_BROTLI}-byte target (see deploy/SIZE.md)",
                    bytes - SIZE_TARGET_BROTLI
                );
            }
            if bytes > SIZE_GUARD_BROTLI {
                println!(
                    "size: over the {SIZE_GUARD_BROTLI}-byte guard: something grew the bundle"
                );
            }
            bytes <= SIZE_GUARD_BROTLI
        }
        Err(e) => {
            println!("size: {e}");
            false
        }
    };
    finish("size", if ok { (1, 0) } else { (0, 1) }, start)
}

fn e2e_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(tools::e2e_dir())
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.to_string_lossy().ends_with(".test.mjs"));
    files.sort();
    files
}

pub fn test() -> Result<(), String> {
    let start = Instant::now();
    tools::ensure_build_tools()?;
    tools::ensure_apt()?;
    let wasm = "wasm32-unknown-unknown";
    let mut stages = vec![
        check("fmt", cargo().args(["fmt", "--all", "--check"])),
        check(
            "clippy-host",
            cargo().args([
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ]),
        ),
        check(
            "clippy-wasm",
            cargo().args([
                "clippy",
                "-p",
                "rc-device-manager",
                "--target",
                wasm,
                "--lib",
                "--bins",
                "--test",
                "browser",
                "--",
                "-D",
                "warnings",
            ]),
        ),
        tests("native", cargo().args(["test", "--workspace"])),
        tests(
            "browser",
            cargo()
                .args([
                    "test",
                    "-p",
                    "rc-device-manager",
                    "--target",
                    wasm,
                    "--test",
                    "browser",
                ])
                // The runner's default 20 s for the whole file (it takes 3-8 s here) would end a
                // slow run without its summary, naming no test; a failure should say its name.
                .env("WASM_BINDGEN_TEST_TIMEOUT", "180"),
        ),
    ];
    let trunk_start = Instant::now();
    let built = dist_build().is_ok();
    stages.push(finish(
        "release-build",
        if built { (1, 0) } else { (0, 1) },
        trunk_start,
    ));
    stages.push(size_stage(built));
    let sim_start = Instant::now();
    let sim = run(cargo().args(["build", "--release", "-p", "rc-sim"])).is_ok();
    stages.push(finish(
        "sim-build",
        if sim { (1, 0) } else { (0, 1) },
        sim_start,
    ));
    if built && sim {
        let mut node = Command::new("node");
        tool_env(&mut node);
        node.current_dir(tools::e2e_dir())
            // A stuck test fails after 3 minutes instead of holding CI until its limit.
            .args([
                "--test",
                "--test-reporter=spec",
                "--test-concurrency=1",
                "--test-timeout=180000",
            ])
            .args(e2e_files())
            .env("RCSIM_BIN", sim_binary())
            .env("RCDM_DIST", dist());
        stages.push(tests("e2e", &mut node));
    } else {
        println!("== stage e2e: FAILED (nothing to test: the build failed)");
        stages.push(Stage {
            name: "e2e",
            passed: 0,
            failed: 1,
            seconds: 0.0,
        });
    }
    println!("\n== summary ({:.0} s)", start.elapsed().as_secs_f64());
    for s in &stages {
        println!(
            "   {:<14} {:>5} passed {:>3} failed {:>6.0} s",
            s.name, s.passed, s.failed, s.seconds
        );
    }
    let passed: u64 = stages.iter().map(|s| s.passed).sum();
    let failed: u64 = stages.iter().map(|s| s.failed).sum();
    println!("{passed} passed, {failed} failed");
    if failed == 0 {
        Ok(())
    } else {
        Err(format!("{failed} failed"))
    }
}

/// Native criterion medians, then the in-browser bench page (see bench.rs): one
/// `bench <name> <median> <unit>` line per figure.
pub fn bench() -> Result<(), String> {
    bench_page::run_all()
}

#[path = "bench.rs"]
mod bench_page;

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn counts_cargo_and_node_summaries() {
        let text = "test result: ok. 12 passed; 0 failed; 1 ignored\n\
                    test result: FAILED. 3 passed; 2 failed; 0 ignored\n\
                    ℹ pass 4\nℹ fail 1\n";
        assert_eq!(count(false, text), (19, 3));
    }

    #[test]
    fn a_failed_command_without_counts_is_one_failure() {
        assert_eq!(count(false, "error[E0425]: cannot find value"), (0, 1));
        assert_eq!(count(true, "nothing to count"), (0, 0));
    }
}
