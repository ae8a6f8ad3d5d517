//! Grid benchmarks on 100,000 generated sessions: load, search keystrokes, regex, sorts, paging, export.
//!
//! Budgets are for wasm in a browser (keystroke → view ≤ 16 ms, regex ≤ 30 ms, sort ≤ 30 ms,
//! page change ≤ 5 ms, loaded set ≤ 60 MB); native numbers should sit far below them.
//! Run: `cargo bench --bench grid -- --warm-up-time 1 --measurement-time 3`.

use criterion::measurement::WallTime;
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkGroup, Criterion};
use rc_device_manager::grid::{
    filter_rows, testdata, to_csv, Chip, Column, Filters, Pipeline, Query, Search, Sessions,
    SortKey,
};
use std::hint::black_box;

const ROWS: usize = 100_000;

fn load() -> Sessions {
    let s = Sessions::from_wire(testdata::sessions(ROWS, 7), 0);
    eprintln!(
        "loaded {} rows: heap {:.1} MB, {} B/row (Sessions::heap_bytes)",
        s.len(),
        s.heap_bytes() as f64 / 1e6,
        s.heap_bytes() / s.len().max(1)
    );
    s
}

/// A pipeline that has shown `q` (so its caches hold `q`'s results).
fn primed(s: &Sessions, q: &Query) -> Pipeline {
    let mut p = Pipeline::default();
    let _ = p.view(s, q);
    p
}

fn query(search: &str, sort: &[SortKey]) -> Query {
    let mut q = Query::default();
    q.set_search(search);
    q.set_sort(sort.to_vec());
    q
}

/// One view of `q` by a pipeline that last showed something else (`ready`, cloned per run so
/// its caches are as they were).
fn bench_view(
    g: &mut BenchmarkGroup<WallTime>,
    name: &str,
    s: &Sessions,
    ready: &Pipeline,
    q: &Query,
) {
    g.bench_function(name, |b| {
        b.iter_batched(
            || ready.clone(),
            |mut p| black_box(p.view(s, q)).is_ok(),
            BatchSize::LargeInput,
        )
    });
}

fn build(c: &mut Criterion) {
    let wire = testdata::sessions(ROWS, 7);
    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    g.bench_function("from_wire_100k", |b| {
        b.iter_batched(
            || wire.clone(),
            |w| Sessions::from_wire(w, 0),
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

fn search(c: &mut Criterion) {
    let s = load();
    let mut g = c.benchmark_group("search");
    let login_desc = [SortKey::desc(Column::LastLogin)];
    for (name, from, to, sort) in [
        ("keystroke_ch_to_chr", "ch", "chr", &[][..]),
        ("keystroke_ch_to_chr_sorted", "ch", "chr", &login_desc[..]),
        ("fresh_chr", "", "chr", &[][..]),
        ("fresh_c_sorted", "", "c", &login_desc[..]),
        ("fresh_rare_10.1.2", "", "10.1.2", &[][..]),
        ("backspace_chr_to_ch_sorted", "chr", "ch", &login_desc[..]),
        // Not an extension of the previous search: scan and sort again.
        (
            "unrelated_firefox_to_chr_sorted",
            "firefox",
            "chr",
            &login_desc[..],
        ),
        // An extension with few previous matches (8%): only those rows are checked.
        (
            "narrow_muller_to_muller_t_sorted",
            "müller",
            "müller t",
            &login_desc[..],
        ),
    ] {
        let p = primed(&s, &query(from, sort));
        let q = query(to, sort);
        bench_view(&mut g, name, &s, &p, &q);
    }
    for (name, pattern) in [
        ("regex_alternation", r"(?:chrome|firefox) 12\d"),
        ("regex_ip_shape", r"^rc mobile .* 10\.\d+\.1\d\."),
        ("regex_non_ascii", r"müller\s+\S+ s"),
        // No literal to look for, a match in every row: the regex crate's worst shape here.
        ("regex_no_literal", r"\d$"),
        // The shapes admins type (issue #13): word alternations, an anchored prefix with
        // classes, an IP shape.
        ("regex_words", r"windows|mac os"),
        ("regex_names", r"ana|bruno|carla"),
        ("regex_anchored_classes", r"^(chrome|firefox) 1[0-2]\d"),
        ("regex_ip_digits", r"\d+\.\d+\.1\d\."),
        // The worst cases: Unicode word boundaries (the lazy DFA gives up on them beside a
        // non-ASCII letter) with a literal, without one, and around text that spans words;
        // and a pattern whose DFA overflows its cache (2^10 states).
        ("regex_worst_word_literal", r"\bana\b"),
        ("regex_worst_word", r"\b[a-z]+\d\b"),
        ("regex_worst_word_spanning", r".*\b.*\b.*x"),
        ("regex_worst_cache", r"(?:[0-9]|\.)*1(?:[0-9]|\.){10}9"),
    ] {
        let p = primed(&s, &Query::default());
        let mut q = query(pattern, &[]);
        q.set_regex(true);
        bench_view(&mut g, name, &s, &p, &q);
    }
    g.finish();
}

/// Three ways to find rows containing a needle, to justify the one `filter.rs` uses.
fn plain_scan(c: &mut Criterion) {
    let s = load();
    let idx = s.live_indices();
    let joined: String = idx
        .iter()
        .map(|&i| s.search_text(i))
        .collect::<Vec<_>>()
        .join("\n");
    let mut g = c.benchmark_group("plain_scan");
    for needle in ["ch", "chr", "10.1.2", "zzq"] {
        let compiled = Search::compile(needle, false).ok();
        let Some(search) = compiled else { continue };
        g.bench_function(format!("joined_memmem_{needle}"), |b| {
            b.iter(|| filter_rows(&s, &search, &Filters::default()).len())
        });
        g.bench_function(format!("joined_str_find_{needle}"), |b| {
            b.iter(|| {
                let (mut pos, mut n) = (0, 0);
                while let Some(at) = joined.get(pos..).and_then(|h| h.find(needle)) {
                    n += 1;
                    pos = joined[pos + at..]
                        .find('\n')
                        .map_or(usize::MAX, |e| pos + at + e + 1);
                }
                n
            })
        });
        g.bench_function(format!("per_row_contains_{needle}"), |b| {
            b.iter(|| {
                idx.iter()
                    .filter(|&&i| s.search_text(i).contains(needle))
                    .count()
            })
        });
    }
    g.finish();
}

fn sort(c: &mut Criterion) {
    let s = load();
    let p = primed(&s, &Query::default());
    let mut g = c.benchmark_group("sort");
    let mut cases: Vec<(String, Vec<SortKey>)> = Column::ALL
        .iter()
        .map(|&col| (format!("by_{}", col.key()), vec![SortKey::asc(col)]))
        .collect();
    cases.push((
        "by_login_desc".into(),
        vec![SortKey::desc(Column::LastLogin)],
    ));
    cases.push((
        "multi_client_os_login".into(),
        vec![
            SortKey::asc(Column::Client),
            SortKey::asc(Column::Os),
            SortKey::desc(Column::LastLogin),
        ],
    ));
    for (name, keys) in cases {
        let q = query("", &keys);
        bench_view(&mut g, &name, &s, &p, &q);
    }
    g.finish();
}

fn page_and_export(c: &mut Criterion) {
    let s = load();
    let mut q = query("", &[SortKey::desc(Column::LastLogin)]);
    let mut p = primed(&s, &q);
    let mut g = c.benchmark_group("page");
    let mut page = 1;
    g.bench_function("page_change", |b| {
        b.iter(|| {
            page = page % 40 + 1;
            q.set_page(page);
            black_box(p.view(&s, &q)).is_ok()
        })
    });
    g.finish();
    let mut g = c.benchmark_group("export");
    g.sample_size(10);
    let ordered = p.ordered().to_vec();
    g.bench_function("csv_100k", |b| b.iter(|| to_csv(&s, &ordered).len()));
    g.finish();
}

/// Findings at 100,000 rows (budgets in wasm: each ≤ 16 ms, all counts ≤ 50 ms, diff ≤ 50 ms).
mod findings_bench {
    use super::*;
    use rc_device_manager::grid::findings::{self, Context, Settings, Whose};

    /// 2025-01-01, the test data's "now": its logins fall in the 90 days before.
    pub const NOW_MS: i64 = 1_735_689_600_000;

    /// Minimums that flag some of each client, and networks holding about half the rows.
    pub fn settings() -> Settings {
        let json = r#"{"staleDays": 30, "maxPerUser": 5,
            "minVersions": {"desktop-app": "4.0.0", "mobile-app": "4.44.2", "Chrome": "120",
                            "Firefox": "121", "Safari": "17.1", "Edge": "120"},
            "trustedNetworks": ["10.0.0.0/8 Office", "172.16.0.0/12 VPN", "2001:db8::/32 VPN6"]}"#;
        Settings::from_json(json).unwrap_or_default()
    }

    pub fn run(c: &mut Criterion) {
        let s = load();
        let settings = settings();
        let cx = Context {
            settings: &settings,
            now_ms: NOW_MS,
        };
        let mut g = c.benchmark_group("findings");
        for f in settings.findings() {
            let name = format!("findings_{}", f.url_key());
            g.bench_function(name, |b| b.iter(|| f.members(&s, &cx).len()));
        }
        g.bench_function("findings_count_all", |b| {
            b.iter(|| findings::count_all(&s, &settings, NOW_MS))
        });
        g.bench_function("findings_keep_newest_all", |b| {
            b.iter(|| findings::keep_newest(&s, 2, Whose::All).len())
        });
        g.bench_function("findings_keep_newest_of_each", |b| {
            b.iter(|| findings::keep_newest_of_each(&s).len())
        });
        // The table with a finding's chip in effect (#14): a fresh pipeline each time, so
        // the search, the finding's members and the sort all run.
        let mut q = Query::default();
        q.update_filters(|f| {
            f.insert(Chip::Finding(findings::Finding::Untrusted));
            f.insert(Chip::Finding(findings::Finding::Stale { days: 30 }));
        });
        q.set_search("chrome");
        g.bench_function("findings_view_with_chips", |b| {
            b.iter(|| {
                Pipeline::default()
                    .view_with(&s, &q, &cx)
                    .map(|v| v.matched)
                    .unwrap_or(0)
            })
        });
        // A refresh: 1,000 sessions ended, 1,000 new logins.
        let mut wire = testdata::sessions(ROWS, 7);
        wire.drain(..1_000);
        wire.extend(testdata::sessions(1_000, 8));
        let next = Sessions::from_wire(wire, 0);
        g.bench_function("findings_diff", |b| {
            b.iter(|| findings::diff(&s, &next).new.len())
        });
        g.finish();
    }
}

criterion_group!(
    benches,
    build,
    search,
    plain_scan,
    sort,
    page_and_export,
    findings_bench::run
);
criterion_main!(benches);
