//! The findings core on 100,000 generated sessions, in wasm: each finding's rows, the
//! panel's counts, the keep-newest actions and the diff after a refresh.
//!
//! Budgets (issue #14): each finding ≤ 16 ms, all counts ≤ 50 ms, the diff ≤ 50 ms.

use crate::report::{now, pause, Report};
use rc_device_manager::grid::findings::{self, Context, Settings, Whose};
use rc_device_manager::grid::{testdata, Sessions};
use std::hint::black_box;

const ROWS: usize = 100_000;
/// 2025-01-01, the test data's "now": its logins fall in the 90 days before.
const NOW_MS: i64 = 1_735_689_600_000;

/// As benches/grid.rs: minimums that flag some of each client, networks holding about half
/// the rows.
fn settings() -> Settings {
    let json = r#"{"staleDays": 30, "maxPerUser": 5,
        "minVersions": {"desktop-app": "4.0.0", "mobile-app": "4.44.2", "Chrome": "120",
                        "Firefox": "121", "Safari": "17.1", "Edge": "120"},
        "trustedNetworks": ["10.0.0.0/8 Office", "172.16.0.0/12 VPN", "2001:db8::/32 VPN6"]}"#;
    Settings::from_json(json).unwrap_or_default()
}

/// Milliseconds of `f`, the median of `runs` runs, each after a pause.
async fn time<T>(report: &mut Report, name: &str, runs: usize, mut f: impl FnMut() -> T) {
    let mut samples = Vec::new();
    for _ in 0..runs {
        let t = now();
        black_box(f());
        samples.push(now() - t);
        pause().await;
    }
    report.ms(name, &samples);
}

/// The findings over `s` (the grid part's set, or a fresh one when run alone).
pub async fn run(report: &mut Report, s: &Sessions, runs: usize) {
    let settings = settings();
    let cx = Context {
        settings: &settings,
        now_ms: NOW_MS,
    };
    for f in settings.findings() {
        let name = format!("findings.{}", f.url_key());
        time(report, &name, runs, || f.members(s, &cx).len()).await;
    }
    time(report, "findings.count_all", runs, || {
        findings::count_all(s, &settings, NOW_MS)
    })
    .await;
    time(report, "findings.keep_newest_all", runs, || {
        findings::keep_newest(s, 2, Whose::All).len()
    })
    .await;
    time(report, "findings.keep_newest_of_each", runs, || {
        findings::keep_newest_of_each(s).len()
    })
    .await;
    // A refresh: 1,000 sessions ended, 1,000 new logins.
    let mut wire = testdata::sessions(ROWS, 7);
    wire.drain(..1_000);
    wire.extend(testdata::sessions(1_000, 8));
    let next = Sessions::from_wire(wire, s.tz_offset_minutes());
    time(report, "findings.diff", runs, || {
        findings::diff(s, &next).new.len()
    })
    .await;
}

/// `?parts=findings`: the findings alone, on a set of their own.
pub async fn run_alone(report: &mut Report, runs: usize) {
    let s = Sessions::from_wire(testdata::stream(ROWS, 7), 0);
    run(report, &s, runs).await;
}
