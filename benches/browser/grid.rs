//! The grid core on 100,000 generated sessions, in wasm as the app runs it: load, keystrokes,
//! regex, sorts, paging, CSV export and the memory the loaded set takes.

use crate::report::{now, pause, wasm_memory_mb, Report};
use rc_device_manager::grid::{testdata, to_csv, Column, Pipeline, Query, Sessions, SortKey};
use std::hint::black_box;

pub const ROWS: usize = 100_000;
const SEED: u64 = 7;

/// Regex searches worth timing, as in benches/grid.rs: an alternation with a literal tail,
/// an IP shape, a non-ASCII literal, an anchored prefix, and a pattern with no literal to
/// look for that matches every row (the slow shape); then the shapes of issue #13 and the
/// worst cases, those of the ui part (`ui::SHAPES`).
const PATTERNS: [(&str, &str); 5] = [
    ("alternation", r"(?:chrome|firefox) 12\d"),
    ("ip_shape", r"^rc mobile .* 10\.\d+\.1\d\."),
    ("non_ascii", r"müller\s+\S+ s"),
    ("prefix", r"^rc mobile"),
    ("no_literal", r"\d$"),
];

fn query(search: &str, regex: bool, sort: &[SortKey]) -> Query {
    let mut q = Query::default();
    q.set_search(search);
    q.set_regex(regex);
    q.set_sort(sort.to_vec());
    q
}

/// A pipeline that has shown `q`, so its caches hold `q`'s results (as after the last keystroke).
fn primed(s: &Sessions, q: &Query) -> Pipeline {
    let mut p = Pipeline::default();
    let _ = p.view(s, q);
    p
}

/// Milliseconds one `view` takes after the pipeline showed `from`.
fn time_view(s: &Sessions, ready: &Pipeline, to: &Query) -> f64 {
    let mut p = ready.clone();
    let t = now();
    let ok = black_box(p.view(s, to)).is_ok();
    let ms = now() - t;
    black_box(ok);
    ms
}

pub async fn run(report: &mut Report, runs: usize) {
    let tz = 0;
    // Memory first, on a fresh page: nothing else has grown the wasm memory yet.
    let before = wasm_memory_mb();
    // Built row by row as pages arrive (the app's way): the wire rows are never all alive.
    let sessions = Sessions::from_wire(testdata::stream(ROWS, SEED), tz);
    let loaded = wasm_memory_mb();
    report.figure(
        "grid.memory_loaded",
        sessions.heap_bytes() as f64 / 1e6,
        "MB",
    );
    report.figure("grid.wasm_memory_before_load", before, "MB");
    report.figure("grid.wasm_memory_after_load", loaded, "MB");
    let wire = testdata::sessions(ROWS, SEED);
    // What 100,000 decoded wire rows would add if they were all kept (they are not).
    report.figure(
        "grid.wasm_memory_wire_rows",
        wasm_memory_mb() - loaded,
        "MB",
    );
    if sessions.len() != ROWS {
        report.error("grid", &format!("loaded {} rows of {ROWS}", sessions.len()));
        return;
    }
    pause().await;

    let mut loads = Vec::new();
    for _ in 0..runs.clamp(1, 11) {
        let copy = wire.clone();
        let t = now();
        let s = Sessions::from_wire(copy, tz);
        loads.push(now() - t);
        black_box(s.len());
        pause().await;
    }
    drop(wire);
    report.ms("grid.load_100k", &loads);

    keystrokes(report, &sessions, runs).await;
    searches(report, &sessions, runs).await;
    sorts(report, &sessions, runs).await;
    paging(report, &sessions, runs).await;
    export(report, &sessions, runs).await;
    crate::findings::run(report, &sessions, runs).await;
}

/// Typing "c" → "ch" → "chr" with the memoising pipeline: each keystroke extends the last
/// search, so only the earlier matches are checked again.
async fn keystrokes(report: &mut Report, s: &Sessions, runs: usize) {
    let login_desc = [SortKey::desc(Column::LastLogin)];
    for (name, sort) in [
        ("grid.keystroke.plain", &[][..]),
        ("grid.keystroke.plain_sorted", &login_desc[..]),
    ] {
        let mut samples = Vec::new();
        for _ in 0..runs {
            let mut p = primed(s, &query("", false, sort));
            for text in ["c", "ch", "chr"] {
                let q = query(text, false, sort);
                let t = now();
                let ok = black_box(p.view(s, &q)).is_ok();
                samples.push(now() - t);
                black_box(ok);
            }
            pause().await;
        }
        report.ms(name, &samples);
    }
}

/// Searches that cannot reuse the last result: a fresh plain search and the regex shapes.
async fn searches(report: &mut Report, s: &Sessions, runs: usize) {
    let empty = primed(s, &Query::default());
    let mut fresh = Vec::new();
    for _ in 0..runs {
        fresh.push(time_view(s, &empty, &query("chr", false, &[])));
        pause().await;
    }
    report.ms("grid.search.fresh", &fresh);
    for (name, pattern) in PATTERNS.into_iter().chain(crate::ui::SHAPES) {
        let q = query(pattern, true, &[]);
        let mut samples = Vec::new();
        for _ in 0..runs {
            samples.push(time_view(s, &empty, &q));
            pause().await;
        }
        report.ms(&format!("grid.regex.{name}"), &samples);
    }
}

/// Every visible column, both ways, from an unsorted view of all rows; then three keys.
async fn sorts(report: &mut Report, s: &Sessions, runs: usize) {
    let empty = primed(s, &Query::default());
    for column in Column::VISIBLE {
        for (dir, key) in [
            ("asc", SortKey::asc(column)),
            ("desc", SortKey::desc(column)),
        ] {
            let q = query("", false, &[key]);
            let mut samples = Vec::new();
            for _ in 0..runs {
                samples.push(time_view(s, &empty, &q));
                pause().await;
            }
            report.ms(&format!("grid.sort.{}.{dir}", column.key()), &samples);
        }
    }
    let multi = [
        SortKey::asc(Column::User),
        SortKey::desc(Column::LastLogin),
        SortKey::asc(Column::Client),
    ];
    let q = query("", false, &multi);
    let mut samples = Vec::new();
    for _ in 0..runs {
        samples.push(time_view(s, &empty, &q));
        pause().await;
    }
    report.ms("grid.sort.multi3", &samples);
}

/// A page change on a sorted view: a slice of the cached order, far below the clock's 0.1 ms,
/// so 20,000 of them (over the 4,000 pages) are timed together and divided.
async fn paging(report: &mut Report, s: &Sessions, runs: usize) {
    const BATCH: usize = 20_000;
    let mut q = query("", false, &[SortKey::desc(Column::LastLogin)]);
    let mut p = primed(s, &q);
    let mut samples = Vec::new();
    for _ in 0..runs {
        let t = now();
        for k in 0..BATCH {
            q.set_page(2 + k % 3_000);
            black_box(p.view(s, &q).map(|v| v.rows.len()).unwrap_or(0));
        }
        samples.push((now() - t) / BATCH as f64);
        q.set_page(1);
        let _ = p.view(s, &q);
        pause().await;
    }
    report.ms("grid.page_change", &samples);
}

/// "Export CSV" of every row in the current order.
async fn export(report: &mut Report, s: &Sessions, runs: usize) {
    let p = primed(s, &query("", false, &[SortKey::desc(Column::LastLogin)]));
    let mut samples = Vec::new();
    let mut bytes = 0;
    for _ in 0..runs.min(11) {
        let t = now();
        let csv = to_csv(s, p.ordered());
        samples.push(now() - t);
        bytes = csv.len();
        drop(black_box(csv));
        pause().await;
    }
    report.ms("grid.export.csv", &samples);
    report.figure("grid.export.csv_size", bytes as f64 / 1e6, "MB");
}
