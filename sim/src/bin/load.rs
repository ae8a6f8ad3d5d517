//! rc-sim-load: the scale benchmark. Generates N sessions, serves them on loopback and runs a
//! bounded request loop (count and time capped) against list.all, then prints the figures.
//!
//! Run optimised, e.g.
//! `CARGO_PROFILE_RELEASE_OPT_LEVEL=3 cargo run --release -p rc-sim --bin rc-sim-load`.

use std::time::{Duration, Instant};

use clap::Parser;
use rc_sim::testclient::Conn;

#[derive(Parser, Debug)]
#[command(name = "rc-sim-load")]
struct Args {
    /// Sessions to generate.
    #[arg(long, default_value_t = 1_000_000)]
    sessions: usize,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Total list.all requests (the loop stops at this count or at --max-secs).
    #[arg(long, default_value_t = 60_000)]
    requests: usize,
    /// Concurrent keep-alive connections.
    #[arg(long, default_value_t = 8)]
    connections: usize,
    /// Page size asked for.
    #[arg(long, default_value_t = 100)]
    count: usize,
    /// Hard cap on the loop's duration, seconds.
    #[arg(long, default_value_t = 60)]
    max_secs: u64,
    /// Filter requests to time (each scans every row).
    #[arg(long, default_value_t = 20)]
    filter_requests: usize,
}

fn rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

const HEADERS: [(&str, &str); 2] = [
    ("X-User-Id", "rcsimAdminUser001"),
    ("X-Auth-Token", rc_sim::accounts::ADMIN_PAT),
];

#[tokio::main]
async fn main() {
    let a = Args::parse();
    let rss0 = rss_mib();
    let t = Instant::now();
    let g = rc_sim::generator::generate(a.sessions, a.seed, rc_sim::json::now_ms());
    let gen_s = t.elapsed().as_secs_f64();
    drop(g);
    let n = a.sessions.to_string();
    let seed = a.seed.to_string();
    let cfg = rc_sim::Config::from_args([
        "rc-sim",
        "--port",
        "0",
        "--sessions",
        &n,
        "--seed",
        &seed,
        "--print-totp",
        "off",
    ])
    .expect("flags");
    let t = Instant::now();
    let srv = rc_sim::start(cfg).await.expect("start");
    let startup_s = t.elapsed().as_secs_f64();
    let rss_loaded = rss_mib();
    println!("sessions: {}", a.sessions);
    println!("generate only: {gen_s:.2} s; generate + index + serve ready: {startup_s:.2} s");
    println!("RSS: {rss0:.0} MiB at start, {rss_loaded:.0} MiB with the data loaded");

    let total = a.sessions + 5;
    let deadline = Instant::now() + Duration::from_secs(a.max_secs);
    let per_conn = a.requests.div_ceil(a.connections.max(1));
    let t = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..a.connections.max(1) {
        let addr = srv.addr;
        let count = a.count;
        tasks.push(tokio::spawn(async move {
            let mut conn = Conn::connect(addr).await.expect("connect");
            let mut lat = Vec::with_capacity(per_conn);
            let mut rng = rc_sim::generator::Rng::new(c as u64);
            for _ in 0..per_conn {
                if Instant::now() > deadline {
                    break;
                }
                let offset = rng.below(total.saturating_sub(count).max(1));
                let path = format!("/api/v1/sessions/list.all?count={count}&offset={offset}");
                let t = Instant::now();
                let r = conn
                    .send("GET", &path, &HEADERS, None)
                    .await
                    .expect("response");
                assert_eq!(r.status, 200, "{}", r.text());
                lat.push(t.elapsed());
            }
            lat
        }));
    }
    let mut lat = Vec::new();
    for t in tasks {
        lat.extend(t.await.expect("task"));
    }
    let secs = t.elapsed().as_secs_f64();
    lat.sort();
    let pct = |p: f64| lat[((lat.len() as f64 * p) as usize).min(lat.len() - 1)];
    println!(
        "list.all count={}: {} requests over {} connections in {secs:.2} s = {:.0} req/s (p50 {:?}, p99 {:?})",
        a.count,
        lat.len(),
        a.connections,
        lat.len() as f64 / secs,
        pct(0.5),
        pct(0.99)
    );

    let mut conn = Conn::connect(srv.addr).await.expect("connect");
    let t = Instant::now();
    let mut matched = 0;
    for i in 0..a.filter_requests {
        let f = ["chrome", "RC Mobile", "anna", "xyzzy"][i % 4];
        let path = format!(
            "/api/v1/sessions/list.all?count=100&filter={}",
            f.replace(' ', "%20")
        );
        let r = conn
            .send("GET", &path, &HEADERS, None)
            .await
            .expect("response");
        matched = r.json()["total"].as_i64().unwrap_or(0);
    }
    if a.filter_requests > 0 {
        println!(
            "filtered list.all (full scan): {:.1} ms per request (last total {matched})",
            t.elapsed().as_secs_f64() * 1000.0 / a.filter_requests as f64
        );
    }
    println!("RSS after the run: {:.0} MiB", rss_mib());
    let _ = srv.stop().await;
}
