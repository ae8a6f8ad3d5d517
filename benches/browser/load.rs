//! A complete load of 100,000 sessions from rc-sim, side by side with the plain-JavaScript
//! baseline (baseline.js: `fetch` + `JSON.parse` of the same pages at the same concurrency),
//! and where the app's time goes: the network, serde's decode of the wire rows, and building
//! the grid's rows from them. The runner runs this part twice, against an rc-sim answering at
//! once and one with `--latency-ms 50` (names then end in `.latency50`).
//!
//! `load.app_*` is the fetch as the shell runs it (`load_sessions`, progress and the rows so far
//! to callbacks), at the app's default pages in flight, as is the baseline;
//! `load.shell_*` is the whole app: its sign-in form submitted, the load with its progress on
//! screen, until the table says "of 100,0…" — what an admin waits for.

use crate::client::{page_text, EXPECTED, TOKEN, USER_ID};
use crate::dom::{find, mount_root, status, type_into};
use crate::report::{median, next_frame, now, pause, Report};
use rc_device_manager::api::sink::RowSink;
use rc_device_manager::api::{
    decode_page, CancelHandle, Client, Credentials, FetchOptions, SecondFactor,
};
use rc_device_manager::grid::{Sessions, SessionsBuilder};
use rc_device_manager::options::Options;
use rc_device_manager::ui::fetcher;
use rc_device_manager::ui::{App, AppProps};
use std::hint::black_box;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/benches/browser/baseline.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = jsLoad)]
    async fn js_load(
        user_id: &str,
        auth_token: &str,
        concurrency: u32,
        parse: bool,
    ) -> Result<JsValue, JsValue>;
}

/// rc-sim's admin (sim/README.md); the runner hands the page a fresh TOTP code.
/// Pages read for the decode/build split (of the server's size), then scaled to 100,000 rows.
const SPLIT_PAGES: u64 = 100;

pub async fn run(report: &mut Report, runs: usize, code: String, label: &str) {
    if let Err(e) = measure(report, runs, code, label).await {
        report.error("load", &e);
    }
}

fn client() -> Client {
    Client::new(Credentials {
        server: String::new(),
        user_id: USER_ID.to_owned(),
        auth_token: TOKEN.to_owned(),
    })
}

/// One complete load through the app's own path (the shell's `load_sessions`, progress
/// reported as the shell's is); ms.
async fn app_load(
    client: &Client,
    concurrency: usize,
    second: &SecondFactor,
) -> Result<f64, String> {
    let opts = FetchOptions {
        concurrency,
        ..FetchOptions::default()
    };
    let progressed = std::cell::Cell::new(0u32);
    let t = now();
    let result = fetcher::load_sessions(
        client,
        &opts,
        second,
        &CancelHandle::new(),
        &fetcher::Hearing {
            on_progress: &|_| progressed.set(progressed.get() + 1),
            on_limited: &|_| {},
            ask: None,
            // The rows so far, as the shell takes them while the load goes on.
            on_rows: Some(&|so_far: Sessions| {
                black_box(so_far.len());
            }),
        },
    )
    .await
    .map_err(|e| format!("load_sessions: {e}"))?;
    let ms = now() - t;
    let got = result.sessions.len() as u64;
    if got < EXPECTED || got != result.total {
        return Err(format!(
            "loaded {got} of {} sessions, expected at least {EXPECTED} (is rc-sim running with --sessions 100000?)",
            result.total
        ));
    }
    black_box(progressed.get());
    Ok(ms)
}

async fn baseline(concurrency: u32, parse: bool) -> Result<f64, String> {
    let t = now();
    let amount = js_load(USER_ID, TOKEN, concurrency, parse)
        .await
        .map_err(|e| format!("the JS baseline failed: {e:?}"))?;
    let ms = now() - t;
    if parse && amount.as_f64().unwrap_or(0.0) < EXPECTED as f64 {
        return Err(format!("the JS baseline read {amount:?} rows"));
    }
    Ok(ms)
}

async fn measure(
    report: &mut Report,
    runs: usize,
    code: String,
    label: &str,
) -> Result<(), String> {
    let client = client();
    // The app's own pages in flight: the baseline reads at the same concurrency.
    let c = FetchOptions::default().concurrency;
    let js_c = u32::try_from(c).unwrap_or(u32::MAX);
    // The first load carries the code; rc-sim then remembers this client for 30 minutes.
    let warm = app_load(&client, c, &SecondFactor::Totp(code)).await?;
    report.note(&format!("load{label}: first (untimed) load {warm:.0} ms"));
    let none = SecondFactor::None;
    let (mut app, mut shell, mut js, mut text) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    // Interleaved, so a change in the machine's load hits all alike.
    for _ in 0..runs.clamp(1, 3) {
        app.push(app_load(&client, c, &none).await?);
        pause().await;
        shell.push(shell_load().await?);
        pause().await;
        js.push(baseline(js_c, true).await?);
        pause().await;
        text.push(baseline(js_c, false).await?);
        pause().await;
    }
    report.ms(&format!("load.app_100k{label}"), &app);
    report.ms(&format!("load.js_100k{label}"), &js);
    report.ms(&format!("load.js_text_only_100k{label}"), &text);
    report.figure(
        &format!("load.app_over_js{label}"),
        median(&app) / median(&js),
        "x",
    );
    report.ms(&format!("load.shell_100k{label}"), &shell);
    report.figure(
        &format!("load.shell_over_js{label}"),
        median(&shell) / median(&js),
        "x",
    );
    // Concurrency, by measurement: the app and the baseline at each.
    for c in [2usize, 4, 8] {
        let (mut a, mut j) = (Vec::new(), Vec::new());
        for _ in 0..runs.clamp(1, 2) {
            a.push(app_load(&client, c, &none).await?);
            pause().await;
            j.push(baseline(c as u32, true).await?);
            pause().await;
        }
        report.ms(&format!("load.app_100k.c{c}{label}"), &a);
        report.ms(&format!("load.js_100k.c{c}{label}"), &j);
    }
    if label.is_empty() {
        split(report, runs).await?;
    }
    Ok(())
}

/// Where the app's time goes, without the network: serde's decode of the wire rows, and
/// building the grid's rows from them (the fetch's sink), each timed alone over pages read
/// beforehand and scaled to 100,000 rows.
async fn split(report: &mut Report, runs: usize) -> Result<(), String> {
    let mut bodies = Vec::new();
    let mut offset = 0;
    for _ in 0..SPLIT_PAGES {
        let body = page_text(offset, 1000).await?;
        let rows = decode_page(&body)
            .map_err(|e| format!("decode_page: {e}"))?
            .sessions
            .rows
            .len() as u64;
        if rows == 0 {
            break;
        }
        offset += rows;
        bodies.push(body);
    }
    let scale = EXPECTED as f64 / offset.max(1) as f64;
    let (mut decode, mut build) = (Vec::new(), Vec::new());
    for _ in 0..runs.clamp(1, 7) {
        let t = now();
        let mut pages = Vec::with_capacity(bodies.len());
        for body in &bodies {
            pages.push(decode_page(body).map_err(|e| format!("decode_page: {e}"))?);
        }
        decode.push((now() - t) * scale);
        let t = now();
        let mut sink = SessionsBuilder::deduplicating(0);
        sink.expect(offset);
        for page in pages {
            for row in page.sessions.rows {
                sink.take(row);
            }
        }
        let sessions = RowSink::finish(sink, None);
        build.push((now() - t) * scale);
        black_box(sessions.len());
        pause().await;
    }
    report.ms("load.decode_100k", &decode);
    report.ms("load.build_100k", &build);
    Ok(())
}

/// The real app, mounted on this page: the sign-in form filled in (no code: rc-sim remembers
/// this client's by now) and submitted, timed until the table shows 100,000-odd rows; ms.
async fn shell_load() -> Result<f64, String> {
    let root = mount_root()?;
    let options = Options {
        url_state: false,
        ..Options::standalone()
    };
    let app = yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            options: Rc::new(options),
            host: None,
        },
    )
    .render();
    let result = async {
        let mut frames = 0;
        while root
            .query_selector("input[name=user-id]")
            .ok()
            .flatten()
            .is_none()
        {
            frames += 1;
            if frames > 600 {
                return Err("the sign-in form never showed".to_owned());
            }
            next_frame().await;
        }
        type_into(&find(&root, "input[name=user-id]")?, USER_ID)?;
        type_into(&find(&root, "input[name=auth-token]")?, TOKEN)?;
        next_frame().await;
        let submit = find(&root, "form.sign-in button[type=submit]")?;
        let t = now();
        submit.click();
        // Checked once a frame, as a person would see it; 100,000 at 50 ms a page takes ~20 s.
        while !status(&root).contains(" of 100,0") {
            if now() - t > 180_000.0 {
                // What the app shows instead (an error, a prompt), for whoever reads the log.
                let shown: String = root
                    .text_content()
                    .unwrap_or_default()
                    .chars()
                    .take(300)
                    .collect();
                return Err(format!(
                    "the table never showed 100,000 rows within 3 minutes; the app showed: {shown:?}"
                ));
            }
            next_frame().await;
        }
        Ok(now() - t)
    }
    .await;
    app.destroy();
    root.remove();
    result
}
