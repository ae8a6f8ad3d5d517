//! Tool bootstrap: installs only what is missing, from crates.io, npm and Debian's apt alone.

use std::path::{Path, PathBuf};
use std::process::Command;

pub const TRUNK_VERSION: &str = "0.22.1";

/// The workspace root (the parent of this crate's folder).
pub fn root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(Path::to_path_buf).unwrap_or(here)
}

/// Forgets the JS snippets wasm-bindgen left from the last Trunk build. The app and the bench
/// page are binaries of one package built with one profile, so they share wasm-bindgen's out
/// dir, and Trunk copies its whole `snippets/` into the dist: without this, a deployment build
/// made after the bench page shipped the bench's `baseline.js` with a modulepreload for it.
pub fn clear_stale_snippets() -> Result<(), String> {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"));
    let dir = target.join("wasm-bindgen").join("release").join("snippets");
    match std::fs::remove_dir_all(&dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("cannot clear {}: {e}", dir.display()))
        }
        _ => Ok(()),
    }
}

pub fn e2e_dir() -> PathBuf {
    root().join("tests").join("e2e")
}

/// Runs a command, streaming its output; an error names the command.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let shown = format!("{cmd:?}");
    let status = cmd
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// A command's trimmed stdout, or None when it cannot run or fails.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// The exact wasm-bindgen version Cargo.lock pins: Trunk and the CLI must both match it.
pub fn locked_wasm_bindgen() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_owned());
            }
        }
    }
    Err("Cargo.lock pins no wasm-bindgen".to_owned())
}

/// The environment every Trunk and test run needs: npm's wasm-opt first on PATH, no update
/// checks against the crates.io web API (unreachable here).
pub fn tool_env(cmd: &mut Command) -> &mut Command {
    let bin = e2e_dir().join("node_modules").join(".bin");
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|p| p.join("bin"));
    let mut paths = vec![bin];
    paths.extend(cargo_bin);
    paths.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let path = std::env::join_paths(paths).unwrap_or_default();
    cmd.env("PATH", path)
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        .env("CHROMEDRIVER", "/usr/bin/chromedriver")
}

fn has_wasm_target() -> bool {
    output("rustup", &["target", "list", "--installed"])
        .is_some_and(|t| t.lines().any(|l| l.trim() == "wasm32-unknown-unknown"))
}

fn version_of(program: &str) -> Option<String> {
    let mut cmd = Command::new(program);
    tool_env(&mut cmd);
    let out = cmd.arg("--version").output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// Everything a build needs: wasm target, Trunk, wasm-bindgen-cli, npm packages (wasm-opt).
pub fn ensure_build_tools() -> Result<(), String> {
    if !has_wasm_target() {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    if version_of("trunk").as_deref() != Some(&format!("trunk {TRUNK_VERSION}")) {
        eprintln!("xtask: installing trunk {TRUNK_VERSION} (about 15 minutes on a cold machine)");
        // Trunk 0.22.1 declares rustc 1.96.1 but builds and works on 1.95.
        run(Command::new("cargo").args([
            "install",
            "trunk",
            "--version",
            TRUNK_VERSION,
            "--locked",
            "--ignore-rust-version",
        ]))?;
    }
    let bindgen = locked_wasm_bindgen()?;
    if version_of("wasm-bindgen").as_deref() != Some(&format!("wasm-bindgen {bindgen}")) {
        eprintln!("xtask: installing wasm-bindgen-cli {bindgen}");
        // Not --locked: its lockfile pins a webpki-roots the registry here lacks.
        run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &bindgen]))?;
    }
    ensure_npm()
}

/// npm packages of the e2e folder: playwright-core, axe-core (the accessibility suite) and
/// binaryen@132 (wasm-opt). Each is checked by name, so a folder installed before one was
/// added is brought up to the lock file.
pub fn ensure_npm() -> Result<(), String> {
    let dir = e2e_dir();
    let ready = dir.join("node_modules/.bin/wasm-opt").exists()
        && dir.join("node_modules/playwright-core").exists()
        && dir.join("node_modules/axe-core/axe.min.js").exists()
        && newer(
            &dir.join("node_modules/.package-lock.json"),
            &dir.join("package-lock.json"),
        );
    if !ready {
        run(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir))?;
    }
    Ok(())
}

fn newer(a: &Path, b: &Path) -> bool {
    let m = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((m(a), m(b)), (Some(a), Some(b)) if a >= b)
}

/// Debian's Chromium and ChromeDriver (browser tests), and nginx with its brotli_static
/// module (deployment test; deploy/nginx/device-manager.conf serves the `.br` files).
pub fn ensure_apt() -> Result<(), String> {
    let wanted = [
        ("/usr/bin/chromium", "chromium"),
        ("/usr/bin/chromedriver", "chromium-driver"),
        ("/usr/sbin/nginx", "nginx"),
        (
            "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so",
            "libnginx-mod-http-brotli-static",
        ),
    ];
    let missing: Vec<&str> = wanted
        .iter()
        .filter(|(path, _)| !Path::new(path).exists())
        .map(|(_, pkg)| *pkg)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    eprintln!("xtask: installing {} from apt", missing.join(", "));
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "--no-install-recommends"])
        .args(&missing)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}
