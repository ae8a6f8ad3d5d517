//! `cargo xtask fuzz --cases N [-- <test args>]`: the properties of tests/fuzz_server.rs,
//! N cases each, optimised. The profile is release with overflow checks and debug
//! assertions turned back on (defined here with `--config`, built under target/fuzz): an
//! integer overflow is a panic in the debug `cargo test` run, and plain `--release` would
//! wrap it silently and let a million cases pass over the bug.

use crate::tools::{root, tool_env};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::thread;
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
    let (ok, text) = run_streamed(&mut cmd)?;
    let (passed, failed) = tally(&text);
    let failures = if ok { failed } else { failed.max(1) };
    println!(
        "fuzz: {cases} cases per property, {} properties, {failures} failures in {:.0} s",
        passed + failed,
        start.elapsed().as_secs_f64()
    );
    if failures == 0 {
        Ok(())
    } else {
        Err(format!("{failures} fuzz properties failed"))
    }
}

/// Runs `cmd`, echoing its output live; returns success and everything it printed.
fn run_streamed(cmd: &mut Command) -> Result<(bool, String), String> {
    let shown = format!("{cmd:?}");
    println!("$ {shown}");
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    let out = child.stdout.take().map(|s| pump(s, false));
    let err = child.stderr.take().map(|s| pump(s, true));
    let mut text = String::new();
    for handle in [out, err].into_iter().flatten() {
        text.push_str(&handle.join().unwrap_or_default());
    }
    let status = child.wait().map_err(|e| format!("{shown}: {e}"))?;
    Ok((status.success(), text))
}

fn pump(stream: impl std::io::Read + Send + 'static, to_err: bool) -> thread::JoinHandle<String> {
    thread::spawn(move || {
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
}

/// Properties passed and failed, from the harness's `test result:` line.
fn tally(text: &str) -> (u64, u64) {
    let (mut passed, mut failed) = (0, 0);
    for rest in text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("test result: "))
    {
        for part in rest.split(';') {
            let mut words = part.split_whitespace().rev();
            let (label, n) = (
                words.next(),
                words.next().and_then(|n| n.parse::<u64>().ok()),
            );
            match (label, n) {
                (Some("passed"), Some(n)) => passed += n,
                (Some("failed"), Some(n)) => failed += n,
                _ => {}
            }
        }
    }
    (passed, failed)
}

#[cfg(test)]
mod tests {
    use super::tally;

    #[test]
    fn tallies_the_harness_summary() {
        let text = "test a ... ok\n\
                    test result: FAILED. 5 passed; 1 failed; 4 ignored; 0 measured; 0 filtered out; finished in 3.1s\n";
        assert_eq!(tally(text), (5, 1));
        assert_eq!(tally("error[E0425]: cannot find value"), (0, 0));
    }
}
