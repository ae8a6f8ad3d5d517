//! How the bench page measures and says what it measured: a clock, medians, wasm memory,
//! and `bench <name> <median> <unit>` lines in `<pre id="results">` and the console.

use wasm_bindgen::JsCast;

/// Milliseconds since the page started, as precise as the browser allows (Chromium: 0.1 ms
/// without cross-origin isolation, so anything shorter is timed in batches).
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// The median of the samples (the upper middle one for an even count); NaN for none.
pub fn median(samples: &[f64]) -> f64 {
    let mut v: Vec<f64> = samples.iter().copied().filter(|x| x.is_finite()).collect();
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// The size of the wasm linear memory in MB (it only ever grows).
pub fn wasm_memory_mb() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let buffer: js_sys::ArrayBuffer = memory.buffer().unchecked_into();
    f64::from(buffer.byte_length()) / 1e6
}

/// Lets the browser breathe between runs (GC, console, the runner's polling); never timed.
pub async fn pause() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Waits for the next animation frame (or returns at once where there is none).
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let ok = web_sys::window().map(|w| w.request_animation_frame(&resolve));
        if !matches!(ok, Some(Ok(_))) {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Yields to the microtask queue once (where Yew renders after an event).
pub async fn microtask() {
    let p = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// The page's result list. Every line also goes to the console so a runner sees progress.
pub struct Report {
    pre: Option<web_sys::Element>,
    text: String,
    failures: usize,
}

impl Report {
    pub fn new() -> Report {
        let document = web_sys::window().and_then(|w| w.document());
        let pre = document.as_ref().and_then(|d| {
            d.get_element_by_id("results").or_else(|| {
                let pre = d.create_element("pre").ok()?;
                pre.set_id("results");
                d.body()?.append_child(&pre).ok()?;
                Some(pre)
            })
        });
        Report {
            pre,
            text: String::new(),
            failures: 0,
        }
    }

    /// One figure: `bench <name> <value> <unit>`, with at least three decimals and four
    /// significant digits (a page change takes microseconds).
    pub fn figure(&mut self, name: &str, value: f64, unit: &str) {
        let decimals = if value.abs() >= 1.0 || value == 0.0 || !value.is_finite() {
            3
        } else {
            (3 - value.abs().log10().floor() as i32).clamp(3, 9) as usize
        };
        self.line(format!("bench {name} {value:.decimals$} {unit}"));
    }

    /// The median of timed samples in milliseconds.
    pub fn ms(&mut self, name: &str, samples: &[f64]) {
        self.figure(name, median(samples), "ms");
    }

    /// A part that could not run; the runner fails on these.
    pub fn error(&mut self, part: &str, message: &str) {
        self.failures += 1;
        self.line(format!("error {part}: {message}"));
    }

    /// A remark for whoever reads the console (sample counts, choices made).
    pub fn note(&self, message: &str) {
        web_sys::console::log_1(&format!("note {message}").into());
    }

    pub fn failures(&self) -> usize {
        self.failures
    }

    fn line(&mut self, line: String) {
        web_sys::console::log_1(&line.as_str().into());
        self.text.push_str(&line);
        self.text.push('\n');
        if let Some(pre) = &self.pre {
            pre.set_text_content(Some(&self.text));
        }
    }
}

/// Sets `data-<name>` on the body: how the page tells the runner where it is.
pub fn mark(name: &str, value: &str) {
    let body = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body());
    if let Some(body) = body {
        let _ = body.set_attribute(&format!("data-{name}"), value);
    }
}

/// A number from the page's query string (`?runs=5`), for quick runs while developing.
pub fn query_number(name: &str) -> Option<usize> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
        .and_then(|v| v.parse().ok())
}
