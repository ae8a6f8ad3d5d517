//! `--serve-dir` serves the built app as deploy/nginx/device-manager.conf does: the
//! precompressed files `cargo xtask dist` writes, and Trunk's hashed files cached for a year.

mod common;
use common::*;

#[tokio::test]
async fn precompressed_files_and_the_cache_split() {
    let dir = std::env::temp_dir().join(format!("rc-sim-serve-dir-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let wasm = "app-0123456789abcdef_bg.wasm";
    std::fs::write(dir.join("index.html"), "<!doctype html><title>app</title>").unwrap();
    std::fs::write(dir.join(wasm), b"\0asm raw bytes").unwrap();
    std::fs::write(dir.join(format!("{wasm}.br")), b"brotli bytes").unwrap();
    std::fs::write(dir.join(format!("{wasm}.gz")), b"gzip bytes").unwrap();
    std::fs::write(dir.join("rc-device-manager.js"), "export {};").unwrap();
    let srv = sim(&["--serve-dir", dir.to_str().unwrap()]).await;

    let r = get(&srv, &format!("/{wasm}"), &[("Accept-Encoding", "br")]).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-encoding"), Some("br"));
    assert_eq!(r.header("content-type"), Some("application/wasm"));
    assert_eq!(r.body, b"brotli bytes");
    assert_eq!(r.header("vary"), Some("accept-encoding"));
    assert_eq!(
        r.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );

    let r = get(&srv, &format!("/{wasm}"), &[("Accept-Encoding", "gzip")]).await;
    assert_eq!(r.header("content-encoding"), Some("gzip"));
    let r = get(&srv, &format!("/{wasm}"), &[]).await;
    assert_eq!(r.header("content-encoding"), None);
    assert_eq!(r.body, b"\0asm raw bytes");

    // The loader and the page keep their names: revalidated on every visit.
    for path in ["/rc-device-manager.js", "/", "/index.html"] {
        let r = get(&srv, path, &[("Accept-Encoding", "br, gzip")]).await;
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("cache-control"), Some("no-cache"), "{path}");
    }
    // A hashed name that is not there gets the page (the SPA fallback), never cached.
    let r = get(&srv, "/app-fedcba9876543210.js", &[]).await;
    assert_eq!(r.header("cache-control"), Some("no-cache"));

    std::fs::remove_dir_all(&dir).ok();
}
