//! The in-browser benchmark page: the grid, the real workspace and the REST client measured
//! where they run (wasm in Chromium), each figure the median of many runs.
//!
//! `cargo xtask bench` builds it with Trunk (release-z, as shipped), serves it from rc-sim and
//! drives it with tests/e2e/bench-runner.mjs. The page writes `bench <name> <median> <unit>`
//! lines into `<pre id="results">` and the console, and `error <part>: …` for a part that could
//! not run; `data-done="1"` on the body says it has finished. The client part needs a TOTP
//! code for rc-sim's admin: the page sets `data-want-code="1"` and waits for
//! `wasmBindings.give_code(code)` (so the code never appears in a URL).
//!
//! Query parameters for quick runs by hand: `?runs=5&parts=grid,ui`. The `load` part (the
//! app's complete load beside a plain-JavaScript one) runs only when named, with `label=` for
//! the rc-sim it runs against (`?parts=load&label=latency50`); `parts=findings` gives the
//! findings lines alone, which the grid part otherwise ends with.

#[cfg(target_arch = "wasm32")]
mod client;
#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
mod findings;
#[cfg(target_arch = "wasm32")]
mod grid;
#[cfg(target_arch = "wasm32")]
mod load;
#[cfg(target_arch = "wasm32")]
mod report;
#[cfg(target_arch = "wasm32")]
mod ui;

#[cfg(target_arch = "wasm32")]
mod page {
    use crate::report::{self, mark, Report};
    use futures::channel::oneshot;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;

    thread_local! {
        static CODE: RefCell<Option<oneshot::Sender<String>>> = const { RefCell::new(None) };
    }

    /// The runner's answer to `data-want-code`: a current TOTP code for rc-sim's admin.
    #[wasm_bindgen]
    pub fn give_code(code: String) {
        if let Some(tx) = CODE.with(|c| c.borrow_mut().take()) {
            let _ = tx.send(code);
        }
    }

    async fn ask_code() -> Option<String> {
        let (tx, rx) = oneshot::channel();
        CODE.with(|c| *c.borrow_mut() = Some(tx));
        mark("want-code", "1");
        let code = rx.await.ok();
        mark("want-code", "0");
        code
    }

    fn param(name: &str) -> Option<String> {
        web_sys::window()
            .and_then(|w| w.location().search().ok())
            .and_then(|s| {
                s.trim_start_matches('?').split('&').find_map(|p| {
                    p.strip_prefix(name)
                        .and_then(|v| v.strip_prefix('='))
                        .map(str::to_owned)
                })
            })
    }

    fn wanted(part: &str) -> bool {
        param("parts").is_none_or(|p| p.split(',').any(|x| x == part))
    }

    pub async fn run() {
        let mut report = Report::new();
        let runs = report::query_number("runs").unwrap_or(21).max(1);
        report.note(&format!("{runs} runs per figure"));
        // The grid first, on a fresh page, so its memory figures see nothing else.
        if wanted("grid") {
            crate::grid::run(&mut report, runs).await;
        } else if wanted("findings") {
            crate::findings::run_alone(&mut report, runs).await;
        }
        if wanted("ui") {
            crate::ui::run(&mut report, runs).await;
        }
        if wanted("client") {
            match ask_code().await {
                Some(code) => crate::client::run(&mut report, runs, code).await,
                None => report.error("client", "no 2FA code was given"),
            }
        }
        // Not by default: the runner asks for it against each of its two rc-sims.
        if param("parts").is_some_and(|p| p.split(',').any(|x| x == "load")) {
            // `label=latency50` → names ending in `.latency50`.
            let label = param("label")
                .filter(|l| l.chars().all(|c| c.is_ascii_alphanumeric()))
                .map_or_else(String::new, |l| format!(".{l}"));
            match ask_code().await {
                Some(code) => crate::load::run(&mut report, runs, code, &label).await,
                None => report.error("load", "no 2FA code was given"),
            }
        }
        mark("failures", &report.failures().to_string());
        mark("done", "1");
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    wasm_bindgen_futures::spawn_local(page::run());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("rcdm-bench is a wasm page: run `cargo xtask bench`");
}
