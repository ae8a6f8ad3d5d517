//! How fast the workspace answers with 100,000 sessions: keystroke, regex, sort and page
//! change until the DOM shows the result. Run on purpose (it builds 100,000 rows):
//! `cargo test --release --target wasm32-unknown-unknown --test browser -- --include-ignored perf`.

use super::{button, mount, one, props, status, type_into};
use rc_device_manager::grid::{testdata, view, Pipeline, Query, Sessions};
use rc_device_manager::options::Options;
use wasm_bindgen_test::*;
use web_sys::Element;

/// Yields to the microtask queue (where Yew renders) until `done`, and to a timer now and
/// then (Yew's scheduler continues on one after 16 ms of work); returns the ms taken.
async fn settle(root: &Element, start: f64, what: &str, done: impl Fn(&Element) -> bool) -> f64 {
    let perf = web_sys::window().unwrap().performance().unwrap();
    for i in 0..100_000 {
        if done(root) {
            return perf.now() - start;
        }
        if i % 64 == 63 {
            gloo_timers::future::TimeoutFuture::new(0).await;
        } else {
            let p = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
            wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
        }
    }
    panic!("never settled ({what}): {}", status(root));
}

fn tz() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

#[wasm_bindgen_test]
#[ignore]
async fn perf_100k() {
    let perf = web_sys::window().unwrap().performance().unwrap();
    let rows = testdata::sessions(100_000, 42);
    let t = perf.now();
    let root = mount(props(rows.clone(), Options::default())).await;
    let mount_ms = perf.now() - t;
    let search = one(&root, "input[type=search]");
    // Every prefix as typed (and erased); only keystrokes that change the status line can be
    // timed from outside, so the expected line comes from the grid itself.
    let sessions = Sessions::from_wire(rows, tz());
    let expect = |text: &str, regex: bool| {
        let mut q = Query::default();
        q.set_search(text);
        q.set_regex(regex);
        view(&sessions, &q)
            .map(|v| v.status(rc_device_manager::i18n::Lang::En))
            .unwrap_or_default()
    };
    let mut typed = Vec::new();
    let mut text = String::new();
    for c in "anna.mül"
        .chars()
        .chain(['\u{8}'; 8])
        .chain("10.12".chars())
    {
        if c == '\u{8}' {
            text.pop();
        } else {
            text.push(c);
        }
        typed.push(text.clone());
    }
    let mut plain = Vec::new();
    for text in typed {
        let (before, want) = (status(&root), expect(&text, false));
        let t = perf.now();
        type_into(&search, &text);
        let ms = settle(&root, t, &format!("{text:?} → {want}"), |r| {
            status(r) == want
        })
        .await;
        if want != before {
            plain.push(ms);
        }
    }
    let mut regex = Vec::new();
    one(&root, ".regex input").click();
    for pat in [
        "^chrome 12",
        "^chrome 120",
        "(firefox|edge) 1[12]",
        "\\d+\\.\\d+\\.1",
        "^(safari|opera) ",
        "müller .* 10\\.",
    ] {
        let (before, want) = (status(&root), expect(pat, true));
        let t = perf.now();
        type_into(&search, pat);
        let ms = settle(&root, t, &format!("{pat} → {want}"), |r| {
            status(r) == want
        })
        .await;
        // The grid's share: the same search on a pipeline that last showed the previous one.
        let mut q = Query::default();
        q.set_regex(true);
        q.set_search(pat);
        let mut fresh = Pipeline::default();
        let _ = fresh.view(&sessions, &Query::default());
        let g = perf.now();
        let _ = fresh.view(&sessions, &q);
        console_log!(
            "regex {pat}: {ms:.1} ms (grid alone {:.1} ms)",
            perf.now() - g
        );
        if want != before {
            regex.push(ms);
        }
    }
    type_into(&search, "");
    one(&root, ".regex input").click();
    let mut sorts = Vec::new();
    for n in [1, 4, 5, 3, 7] {
        let th = one(&root, &format!("thead th:nth-of-type({n}) button"));
        let t = perf.now();
        th.click();
        sorts.push(
            settle(&root, t, "sort", |r| {
                one(r, &format!("thead th:nth-of-type({n})"))
                    .get_attribute("aria-sort")
                    .as_deref()
                    != Some("none")
            })
            .await,
        );
    }
    let mut pages = Vec::new();
    for _ in 0..9 {
        let before = status(&root);
        let t = perf.now();
        button(&root, "Next page").click();
        pages.push(settle(&root, t, "page", |r| status(r) != before).await);
    }
    let line = format!(
        "perf 100k: mount {mount_ms:.0} ms; plain search median {:.1} ms (max {:.1}); regex median {:.1} ms; sort median {:.1} ms; page median {:.1} ms",
        median(plain.clone()),
        plain.iter().copied().fold(0.0, f64::max),
        median(regex.clone()),
        median(sorts.clone()),
        median(pages.clone())
    );
    web_sys::console::log_1(&line.clone().into());
    console_log!("{line}");
    if !cfg!(debug_assertions) {
        assert!(median(plain) <= 16.0, "{line}");
        assert!(median(regex) <= 30.0, "{line}");
        assert!(median(sorts) <= 30.0, "{line}");
        assert!(median(pages) <= 5.0, "{line}");
    }
}
