//! A quick look at decoding 100,000 sessions natively (not a timed test: it prints figures).
//! Run: `cargo test --release --test api_decode_perf -- --ignored --nocapture`.
#![cfg(not(target_arch = "wasm32"))]

use rc_device_manager::api::wire::SessionsPage;
use rc_device_manager::api::{decode_page, FetchOptions, FetchPlan};
use std::time::Instant;

fn row(i: usize) -> String {
    let (kind, name, os) = match i % 4 {
        0 => ("browser", "Chrome", "Windows"),
        1 => ("mobile-app", "RC Mobile", "iOS"),
        2 => ("desktop-app", "Rocket.Chat", "macOS"),
        _ => ("other", "", ""),
    };
    format!(
        r#"{{"_id":"id{i:017}","sessionId":"id{i:017}","userId":"u{:016}","device":{{"type":"{kind}","name":"{name}","longVersion":"113.0.{i}","os":{{"name":"{os}","version":"10"}},"version":"113.0.0"}},"host":"chat.example.com","ip":"10.{}.{}.{}","loginAt":"2024-05-{:02}T{:02}:{:02}:{:02}.{:03}Z","_user":{{"username":"user{}","name":"User {}"}}}}"#,
        i % 5_000,
        i % 256,
        (i / 256) % 256,
        i % 7,
        1 + i % 28,
        i % 24,
        i % 60,
        (i / 60) % 60,
        i % 1000,
        i % 5_000,
        i % 5_000
    )
}

fn page(from: usize, n: usize, total: usize) -> String {
    let rows: Vec<String> = (from..from + n).map(row).collect();
    format!(
        r#"{{"sessions":[{}],"total":{total},"count":100,"offset":{from},"success":true}}"#,
        rows.join(",")
    )
}

#[test]
#[ignore = "prints timings; run by hand with --release"]
fn decode_100k_sessions() {
    const N: usize = 100_000;
    let pages: Vec<String> = (0..N / 100).map(|p| page(p * 100, 100, N)).collect();
    let bytes: usize = pages.iter().map(String::len).sum();
    let one = page(0, N, N);

    for _ in 0..2 {
        let t = Instant::now();
        let rows: usize = pages
            .iter()
            .map(|p| decode_page(p).map_or(0, |pg| pg.sessions.rows.len()))
            .sum();
        let per_page = t.elapsed();

        let t = Instant::now();
        let big = decode_page(&one).map_or(0, |pg| pg.sessions.rows.len());
        let single = t.elapsed();

        let t = Instant::now();
        let mut plan = FetchPlan::new(&FetchOptions::default(), 1);
        let mut decoded = 0;
        loop {
            let reqs = plan.next_requests();
            if reqs.is_empty() {
                break;
            }
            for req in reqs {
                let body = &pages[(req.offset / 100) as usize];
                let parsed: Result<SessionsPage, _> = decode_page(body);
                decoded += 1;
                plan.on_page(&req, parsed);
            }
        }
        let res = plan.finish().map(|r| r.sessions.len());
        let whole = t.elapsed();

        println!(
            "{rows} rows in {} pages ({:.1} MB): decode {per_page:?} ({:.2} µs/row); \
             one {:.1} MB body: {big} rows in {single:?}; \
             fetch plan + decode + dedup: {decoded} pages → {res:?} in {whole:?}",
            pages.len(),
            bytes as f64 / 1e6,
            per_page.as_secs_f64() * 1e6 / rows as f64,
            one.len() as f64 / 1e6,
        );
        assert_eq!((rows, big), (N, N));
    }
}
