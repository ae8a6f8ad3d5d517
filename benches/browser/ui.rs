//! The real `Workspace` with 100,000 rows: the wasm memory of loading them page by page as the
//! app does, and how long from a keystroke, a header click or a page button until the table in
//! the DOM shows the result (clocks in dom.rs).

use crate::dom::{aria_sort, find, mount_root, status, timed, type_into, Samples};
use crate::report::{next_frame, now, wasm_memory_mb, Report};
use rc_device_manager::api::drive::{fetch_into, CancelHandle, PageSource};
use rc_device_manager::api::wire::{Rows, Session, SessionsPage};
use rc_device_manager::api::{ApiError, Client, Credentials, FetchOptions, PageRequest};
use rc_device_manager::grid::{testdata, view, Column, Query, Sessions, SessionsBuilder};
use rc_device_manager::options::Options;
use rc_device_manager::ui::api_ctx::ApiCtx;
use rc_device_manager::ui::store::Store;
use rc_device_manager::ui::workspace::{when, LoadedData, Workspace, WorkspaceProps};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use web_sys::{Element, HtmlElement};
use yew::Callback;

const ROWS: usize = 100_000;
const SEED: u64 = 42;

/// Plain searches typed a key at a time; regex patterns pasted whole (the shapes the grid
/// part times, and one with a non-ASCII literal).
const TYPED: [&str; 2] = ["chr", "fir"];
const PATTERNS: [(&str, &str); 4] = [
    ("alternation", r"(?:chrome|firefox) 12\d"),
    ("prefix", r"^rc mobile"),
    ("no_literal", r"\d$"),
    ("non_ascii", r"müller\s+\S+ s"),
];

/// The shapes admins type (issue #13), each reported as `ui.regex_<shape>_to_table`: word
/// alternations, an anchored prefix with classes, an IP shape; then the worst cases (Unicode
/// word boundaries without a literal to look for, one around text spanning words, and a
/// pattern whose lazy DFA overflows its cache), which must stay under 250 ms.
pub const SHAPES: [(&str, &str); 7] = [
    ("words", r"windows|mac os"),
    ("names", r"ana|bruno|carla"),
    ("anchored_classes", r"^(chrome|firefox) 1[0-2]\d"),
    ("ip", r"\d+\.\d+\.1\d\."),
    ("worst_word", r"\b[a-z]+\d\b"),
    ("worst_word_spanning", r".*\b.*\b.*x"),
    ("worst_cache", r"(?:[0-9]|\.)*1(?:[0-9]|\.){10}9"),
];

/// The generated rows served as `sessions/list.all` pages, made only when asked for (a server
/// sends them over the network; here nothing else holds them either).
struct Generated {
    rows: RefCell<Box<dyn Iterator<Item = Session>>>,
    served: Cell<u64>,
}

impl PageSource for Generated {
    async fn get_page(&self, req: &PageRequest) -> Result<SessionsPage, ApiError> {
        // One page at a time (concurrency 1), so pages are asked for in order.
        if req.offset != self.served.get() {
            return Err(ApiError::BadShape {
                status: 200,
                field: "offset".into(),
            });
        }
        let count = usize::try_from(req.count).unwrap_or(usize::MAX);
        let rows: Vec<Session> = self.rows.borrow_mut().by_ref().take(count).collect();
        self.served.set(req.offset + rows.len() as u64);
        Ok(SessionsPage {
            sessions: Rows { rows, skipped: 0 },
            total: Some(ROWS as u64),
            offset: Some(req.offset),
        })
    }

    async fn sleep(&self, _ms: u64) {}
}

/// The rows loaded as the shell loads them: the fetch plan hands each page to the grid's
/// builder, in the browser's time zone.
async fn load() -> Result<Sessions, String> {
    let source = Generated {
        rows: RefCell::new(Box::new(testdata::stream(ROWS, SEED))),
        served: Cell::new(0),
    };
    let opts = FetchOptions {
        concurrency: 1,
        ..FetchOptions::default()
    };
    let sink = SessionsBuilder::deduplicating(when::tz_offset_minutes());
    let result = fetch_into(&source, &opts, 1, &CancelHandle::new(), &|_| {}, sink)
        .await
        .map_err(|e| format!("loading failed: {e}"))?;
    Ok(result.sessions)
}

fn props(sessions: Sessions) -> WorkspaceProps {
    WorkspaceProps {
        data: LoadedData {
            load_id: 1,
            total: ROWS as u64,
            loaded: sessions.len(),
            sessions: Store::new(sessions),
            shortfall: None,
            loaded_at_ms: js_sys::Date::now(),
            partial: false,
        },
        api: ApiCtx::new(Rc::new(Client::new(Credentials::default()))),
        options: Rc::new(Options::default()),
        self_user_id: String::new(),
        external_search: None,
        refreshing: false,
        on_own_session_ended: Callback::noop(),
        on_logout_run: Callback::noop(),
        host: None,
    }
}

/// What is typed into the search box, and which bucket times it (None: untimed).
type Step = (String, Option<usize>);

/// Matched counts of the searches, as the workspace will compute them, so only steps that
/// change the status line are timed (the status is how the page sees the table change).
fn counts(sessions: &Sessions, steps: &[Step], regex: bool) -> Vec<Option<usize>> {
    steps
        .iter()
        .map(|(text, _)| {
            let mut q = Query::default();
            q.set_search(text);
            q.set_regex(regex);
            view(sessions, &q).ok().map(|v| v.matched)
        })
        .collect()
}

pub async fn run(report: &mut Report, runs: usize) {
    if let Err(e) = measure(report, runs).await {
        report.error("ui", &e);
    }
}

async fn mount(report: &mut Report) -> Result<Element, String> {
    let t = now();
    let sessions = load().await?;
    // Generating the pages here (no network, no JSON) plus the fetch plan, dedup and build.
    report.figure("ui.load_100k", now() - t, "ms");
    // The app's share with 100,000 rows loaded, on a page that ran nothing else.
    report.figure("ui.wasm_memory_loaded", wasm_memory_mb(), "MB");
    let root = mount_root()?;
    let t = now();
    yew::Renderer::<Workspace>::with_root_and_props(root.clone(), props(sessions)).render();
    let mut frames = 0;
    while !status(&root).contains("100,000") {
        frames += 1;
        if frames > 600 {
            return Err(format!(
                "the table never showed 100,000 rows: {}",
                status(&root)
            ));
        }
        next_frame().await;
    }
    report.figure("ui.mount_100k", now() - t, "ms");
    // And with the workspace showing them (the grid is the loaded set, taken over, not copied).
    report.figure("ui.wasm_memory_mounted", wasm_memory_mb(), "MB");
    // A refresh keeps the table on screen while the next set builds: both live at once.
    let next = load().await?;
    report.figure("ui.wasm_memory_refreshing", wasm_memory_mb(), "MB");
    drop(next);
    Ok(root)
}

async fn measure(report: &mut Report, runs: usize) -> Result<(), String> {
    let root = mount(report).await?;
    let reference = Sessions::from_wire(testdata::stream(ROWS, SEED), when::tz_offset_minutes());
    let search = find(&root, "input[type=search]")?;

    // Plain: a word typed a key at a time into an empty box; the clears are not timed.
    let mut steps: Vec<Step> = vec![(String::new(), None)];
    for word in TYPED {
        for n in 1..=word.len() {
            steps.push((word[..n].to_owned(), Some(0)));
        }
        steps.push((String::new(), None));
    }
    let plain = rounds(
        &root,
        &search,
        &steps,
        &reference,
        false,
        runs.div_ceil(2),
        1,
    )
    .await?;
    plain[0].report(report, "ui.keystroke", "");

    // Regex: each pattern pasted into an empty box, timed per pattern and all together. A
    // pattern that matches every row starts from one that matches none instead, so that the
    // status line changes.
    find(&root, ".regex input")?.click();
    let mut steps: Vec<Step> = Vec::new();
    for (i, (_, pattern)) in PATTERNS.iter().enumerate() {
        let pair = |from: &str| vec![(from.to_owned(), None), ((*pattern).to_owned(), Some(i))];
        let c = counts(&reference, &pair(""), true);
        steps.extend(pair(if c[0] == c[1] { "^$" } else { "" }));
    }
    steps.push((String::new(), None));
    let regex = rounds(
        &root,
        &search,
        &steps,
        &reference,
        true,
        runs,
        PATTERNS.len(),
    )
    .await?;
    for ((name, _), samples) in PATTERNS.iter().zip(&regex) {
        samples.report(report, "ui.keystroke", &format!(".regex.{name}"));
    }
    let mut steps: Vec<Step> = Vec::new();
    for (i, (_, pattern)) in SHAPES.iter().enumerate() {
        let pair = |from: &str| vec![(from.to_owned(), None), ((*pattern).to_owned(), Some(i))];
        let c = counts(&reference, &pair(""), true);
        steps.extend(pair(if c[0] == c[1] { "^$" } else { "" }));
    }
    steps.push((String::new(), None));
    let shapes = rounds(&root, &search, &steps, &reference, true, runs, SHAPES.len()).await?;
    for ((name, _), samples) in SHAPES.iter().zip(&shapes) {
        samples.report(report, &format!("ui.regex_{name}"), "");
    }
    drop(reference);
    find(&root, ".regex input")?.click();

    let mut sorts = Samples::default();
    // The first round is the untimed warm-up.
    for round in 0..=runs.div_ceil(7).max(2) {
        for column in Column::VISIBLE {
            let button = find(&root, &format!("thead th.col.{} button", column.key()))?;
            // Two clicks: one direction, then the other (a third would unsort).
            for _ in 0..2 {
                let before = aria_sort(&root, column);
                let clocks = timed(&root, || button.click(), |r| aria_sort(r, column) != before)
                    .await
                    .ok_or_else(|| format!("sorting by {} did not show", column.key()))?;
                if round > 0 {
                    sorts.push(clocks);
                }
            }
        }
    }
    sorts.report(report, "ui.sort", "");

    let next = find(&root, "button[aria-label='Next page']")?;
    let mut pages = Samples::default();
    for i in 0..runs.max(5) + 5 {
        let before = status(&root);
        let clocks = timed(&root, || next.click(), |r| status(r) != before)
            .await
            .ok_or("Next page did not change the page")?;
        // The first five are the warm-up.
        if i >= 5 {
            pages.push(clocks);
        }
    }
    pages.report(report, "ui.page_change", "");
    root.set_inner_html("");
    Ok(())
}

/// Types the steps once untimed, then `rounds` times timed. The untimed round lets the
/// browser compile the hot wasm functions again, optimised, as it does after a few calls
/// (an admin types more than one word).
async fn rounds(
    root: &Element,
    search: &HtmlElement,
    steps: &[Step],
    reference: &Sessions,
    regex: bool,
    rounds: usize,
    buckets: usize,
) -> Result<Vec<Samples>, String> {
    let counts = counts(reference, steps, regex);
    let mut warm: Vec<Samples> = (0..buckets).map(|_| Samples::default()).collect();
    type_steps(root, search, steps, &counts, &mut warm).await?;
    let mut out: Vec<Samples> = (0..buckets).map(|_| Samples::default()).collect();
    for _ in 0..rounds {
        type_steps(root, search, steps, &counts, &mut out).await?;
    }
    Ok(out)
}

/// Types the steps in order; a step is timed when its matched count differs from the one
/// before it (otherwise the page could not see when the table is done).
async fn type_steps(
    root: &Element,
    search: &HtmlElement,
    steps: &[Step],
    counts: &[Option<usize>],
    buckets: &mut [Samples],
) -> Result<(), String> {
    for (i, (value, bucket)) in steps.iter().enumerate() {
        let distinct = i > 0 && counts[i].is_some() && counts[i] != counts[i - 1];
        let before = status(root);
        let mut failed = None;
        let clocks = timed(
            root,
            || failed = type_into(search, value).err(),
            |r| !distinct || status(r) != before,
        )
        .await;
        if let Some(e) = failed {
            return Err(e);
        }
        match (clocks, bucket.and_then(|b| buckets.get_mut(b))) {
            (None, _) => return Err(format!("searching {value:?} did not update the table")),
            (Some(c), Some(samples)) if distinct => samples.push(c),
            _ => {}
        }
    }
    Ok(())
}
