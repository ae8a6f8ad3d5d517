//! The REST client against rc-sim on loopback: a complete fetch of 100,000 sessions into the
//! grid's set as the app loads them, and what decoding a page costs three ways — serde_json
//! from the text (what the app does), `JSON.parse` alone, and `JSON.parse` +
//! serde-wasm-bindgen.

use crate::report::{now, pause, wasm_memory_mb, Report};
use rc_device_manager::api::{
    decode_page, wire::SessionsPage, CancelHandle, Client, Credentials, FetchOptions, SecondFactor,
};
use rc_device_manager::ui::fetcher;
use std::hint::black_box;

/// rc-sim's admin (sim/README.md); the runner hands the page a fresh TOTP code.
pub const USER_ID: &str = "rcsimAdminUser001";
pub const TOKEN: &str = "rcsim-admin-token-0123456789abcdefghijklmn";
/// rc-sim runs with `--sessions 100000`; it adds one row per built-in user's own token.
pub const EXPECTED: u64 = 100_000;
/// Raw pages of 100 rows, each decoded `REPEAT` times per timed sample: one page takes about
/// the clock's resolution.
const PAGES: u64 = 10;
const REPEAT: usize = 5;

fn client() -> Client {
    Client::new(Credentials {
        server: String::new(),
        user_id: USER_ID.to_owned(),
        auth_token: TOKEN.to_owned(),
    })
}

pub async fn run(report: &mut Report, runs: usize, code: String) {
    if let Err(e) = measure(report, runs, code).await {
        report.error("client", &e);
    }
}

async fn measure(report: &mut Report, runs: usize, code: String) -> Result<(), String> {
    let client = client();
    let mut second = SecondFactor::Totp(code);
    let mut fetches = Vec::new();
    for _ in 0..runs.clamp(1, 3) {
        let cancel = CancelHandle::new();
        let t = now();
        // The app's own path: each page's rows go into the grid's set as they arrive.
        let result = fetcher::load_sessions(
            &client,
            &FetchOptions::default(),
            &second,
            &cancel,
            &fetcher::Hearing {
                on_progress: &|_| {},
                on_limited: &|_| {},
                ask: None,
                on_rows: None,
            },
        )
        .await
        .map_err(|e| format!("fetch_all: {e}"))?;
        fetches.push(now() - t);
        let got = result.sessions.len() as u64;
        if got < EXPECTED || got != result.total {
            return Err(format!(
                "fetch_all loaded {got} of {} sessions, expected at least {EXPECTED} (is rc-sim running with --sessions 100000?)",
                result.total
            ));
        }
        if fetches.len() == 1 {
            report.figure("client.wasm_memory_after_fetch", wasm_memory_mb(), "MB");
        }
        drop(result);
        // The code was accepted: rc-sim remembers this client for 30 minutes.
        second = SecondFactor::None;
        pause().await;
    }
    report.figure(
        "client.fetch_100k",
        crate::report::median(&fetches) / 1e3,
        "s",
    );

    let bodies = raw_pages().await?;
    let bytes: usize = bodies.iter().map(String::len).sum();
    report.note(&format!(
        "client: {} raw pages, {bytes} bytes",
        bodies.len()
    ));
    let per_page =
        |samples: &[f64]| crate::report::median(samples) / (bodies.len() * REPEAT) as f64;

    let mut serde = Vec::new();
    let mut parse = Vec::new();
    let mut swb = Vec::new();
    for _ in 0..runs.max(5) {
        let t = now();
        let mut rows = 0;
        for body in bodies.iter().cycle().take(bodies.len() * REPEAT) {
            let page = decode_page(body).map_err(|e| format!("decode_page: {e}"))?;
            rows += page.sessions.rows.len();
        }
        serde.push(now() - t);
        black_box(rows);
        pause().await;

        let t = now();
        for body in bodies.iter().cycle().take(bodies.len() * REPEAT) {
            black_box(js_sys::JSON::parse(body).map_err(|_| "JSON.parse failed")?);
        }
        parse.push(now() - t);
        pause().await;

        let t = now();
        let mut swb_rows = 0;
        for body in bodies.iter().cycle().take(bodies.len() * REPEAT) {
            let value = js_sys::JSON::parse(body).map_err(|_| "JSON.parse failed")?;
            let page: SessionsPage = serde_wasm_bindgen::from_value(value)
                .map_err(|e| format!("serde-wasm-bindgen: {e}"))?;
            swb_rows += page.sessions.rows.len();
        }
        swb.push(now() - t);
        if swb_rows != rows {
            return Err(format!(
                "the decoders disagree: serde_json {rows} rows, serde-wasm-bindgen {swb_rows}"
            ));
        }
        pause().await;
    }
    let (a, b, c) = (per_page(&serde), per_page(&parse), per_page(&swb));
    report.figure("client.decode.serde_json", a, "ms/page");
    report.figure("client.decode.json_parse", b, "ms/page");
    report.figure("client.decode.json_parse_swb", c, "ms/page");
    report.figure("client.decode.ratio", a / b, "x");
    report.figure("client.decode.ratio_swb", c / b, "x");
    Ok(())
}

/// One `list.all` page as the server sends it (the 2FA window is open by now).
pub async fn page_text(offset: u64, count: u64) -> Result<String, String> {
    let url = format!("/api/v1/sessions/list.all?offset={offset}&count={count}");
    let response = gloo_net::http::Request::get(&url)
        .header("X-User-Id", USER_ID)
        .header("X-Auth-Token", TOKEN)
        .send()
        .await
        .map_err(|e| format!("GET {url}: {e}"))?;
    if !response.ok() {
        return Err(format!("GET {url}: HTTP {}", response.status()));
    }
    response.text().await.map_err(|e| format!("GET {url}: {e}"))
}

/// A few `list.all` pages of 100 as the server sends them.
async fn raw_pages() -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for page in 0..PAGES {
        out.push(page_text(page * 100, 100).await?);
    }
    Ok(out)
}
