//! One HTTP exchange through gloo-net (browser only), with a time limit and cancellation,
//! plus the pure URL and origin rules it relies on.

use super::auth::header_safe;
use super::drive::CancelHandle;
use super::error::ApiError;
use gloo_net::http::Request;
use std::cell::Cell;
use std::rc::Rc;

/// `https://chat.example.com/` → `https://chat.example.com/api/v1/{path}`; empty → same
/// origin. A bare host gets `https://` (otherwise fetch would treat it as a relative path),
/// and a pasted `/api` or `/api/v1` suffix is dropped.
pub fn api_url(server: &str, path: &str) -> String {
    let mut base = server.trim().trim_end_matches('/').to_owned();
    for suffix in ["/api/v1", "/api"] {
        if let Some(stripped) = base.strip_suffix(suffix) {
            base = stripped.to_owned();
            break;
        }
    }
    if !base.is_empty() && !base.contains("://") && !base.starts_with('/') {
        base = format!("https://{base}");
    }
    format!("{base}/api/v1/{path}")
}

/// `scheme://host[:port]`, lower-cased, default port dropped; `None` for a relative URL.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.trim().split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit('@').next().unwrap_or_default();
    let host_port = host_port.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "https" => ":443",
        "http" => ":80",
        _ => "",
    };
    let host_port = match host_port.strip_suffix(default_port) {
        Some(h) if !default_port.is_empty() => h,
        _ => host_port.as_str(),
    };
    (!host_port.is_empty()).then(|| format!("{scheme}://{host_port}"))
}

/// The server's origin when it differs from the page's, i.e. when CORS applies.
pub fn cross_origin(server: &str, page_origin: &str) -> Option<String> {
    let target = origin_of(&api_url(server, ""))?;
    let page = origin_of(page_origin)?;
    (target != page).then_some(target)
}

/// The query of `sessions/list.all`. Only these keys: the server rejects any other one.
pub fn list_query(offset: u64, count: u64, filter: &str) -> Vec<(&'static str, String)> {
    let mut q = vec![
        ("offset", offset.to_string()),
        ("count", count.max(1).to_string()),
    ];
    if !filter.trim().is_empty() {
        q.push(("filter", filter.trim().to_owned()));
    }
    q
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    Get,
    Post,
}

/// What to send. `headers` may hold secrets: no `Debug`.
pub(crate) struct Call {
    pub method: Method,
    pub url: String,
    pub query: Vec<(&'static str, String)>,
    pub headers: Vec<(&'static str, String)>,
    pub json_body: Option<String>,
    pub timeout_ms: u32,
    /// `(server origin, page origin)` when they differ.
    pub cross_origin: Option<(String, String)>,
}

/// The largest answer read: a page of 1,000 sessions is about 0.5 MB, so anything near
/// this is not Rocket.Chat talking, and holding it would only exhaust the tab's memory.
pub const MAX_BODY_BYTES: usize = 64 << 20;

/// What came back, whatever the status.
pub(crate) struct Answer {
    pub status: u16,
    pub content_type: Option<String>,
    /// `X-RateLimit-Reset`, readable on the same origin only.
    pub rate_limit_reset: Option<String>,
    /// `Retry-After` (seconds or an HTTP date), as proxies send with a 429 or 503.
    pub retry_after: Option<String>,
    pub body: String,
}

/// The page's origin, e.g. `https://portal.example.com`.
pub(crate) fn page_origin() -> Option<String> {
    web_sys::window().and_then(|w| w.location().origin().ok())
}

/// Sends `call` once. Failures before any answer become `Cancelled`, `Timeout`,
/// `LikelyCors` or `Network`, in that order of certainty.
pub(crate) async fn exchange(
    call: &Call,
    cancel: Option<&CancelHandle>,
) -> Result<Answer, ApiError> {
    let controller = web_sys::AbortController::new().map_err(|_| ApiError::Network)?;
    let timed_out = Rc::new(Cell::new(false));
    let _timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        gloo_timers::callback::Timeout::new(call.timeout_ms, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let _abort_on_cancel = cancel.map(|c| {
        let controller = controller.clone();
        c.on_cancel(move || controller.abort())
    });
    let failed = |answered: bool| {
        if cancel.is_some_and(CancelHandle::is_cancelled) {
            ApiError::Cancelled
        } else if timed_out.get() {
            ApiError::Timeout {
                secs: call.timeout_ms.div_ceil(1000),
            }
        } else if let (false, Some((server_origin, page_origin))) = (answered, &call.cross_origin) {
            ApiError::LikelyCors {
                server_origin: server_origin.clone(),
                page_origin: page_origin.clone(),
            }
        } else {
            ApiError::Network
        }
    };
    // Built by hand because gloo-net's own header setter panics on a value fetch rejects.
    let headers = web_sys::Headers::new().map_err(|_| ApiError::Network)?;
    for (name, value) in &call.headers {
        if !header_safe(value) {
            return Err(ApiError::InvalidInput {
                what: input_name(name),
            });
        }
        headers
            .set(name, value)
            .map_err(|_| ApiError::InvalidInput {
                what: input_name(name),
            })?;
    }
    let builder = match call.method {
        Method::Get => Request::get(&call.url),
        Method::Post => Request::post(&call.url),
    }
    .query(call.query.iter().map(|(k, v)| (*k, v.as_str())))
    .headers(gloo_net::http::Headers::from_raw(headers))
    .abort_signal(Some(&controller.signal()));
    let request = match &call.json_body {
        Some(body) => builder.body(body.as_str()),
        None => builder.build(),
    }
    .map_err(|_| ApiError::InvalidInput { what: "server URL" })?;
    let response = request.send().await.map_err(|_| failed(false))?;
    let headers = response.headers();
    let status = response.status();
    let content_type = headers.get("content-type");
    let rate_limit_reset = headers.get("x-ratelimit-reset");
    let retry_after = headers.get("retry-after");
    let too_large = ApiError::TooLarge {
        limit_mb: (MAX_BODY_BYTES >> 20) as u32,
    };
    // A declared length over the cap is refused before a byte is read.
    if headers
        .get("content-length")
        .and_then(|n| n.trim().parse::<u64>().ok())
        .is_some_and(|n| n > MAX_BODY_BYTES as u64)
    {
        return Err(too_large);
    }
    let body = match response.body() {
        // Counted as it streams in (a compressed or chunked answer declares no true length).
        Some(stream) => read_capped(stream, MAX_BODY_BYTES)
            .await
            .map_err(|e| e.unwrap_or_else(|| failed(true)))?
            .ok_or(too_large)?,
        None => String::new(),
    };
    Ok(Answer {
        status,
        content_type,
        rate_limit_reset,
        retry_after,
        body,
    })
}

/// Reads a body to its end as text, or `Ok(None)` (the stream cancelled) once it passes
/// `cap` bytes. `Err(None)` is a read that failed (a dropped connection, an abort).
async fn read_capped(
    stream: web_sys::ReadableStream,
    cap: usize,
) -> Result<Option<String>, Option<ApiError>> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let reader: web_sys::ReadableStreamDefaultReader =
        stream.get_reader().dyn_into().map_err(|_| None)?;
    let mut bytes: Vec<u8> = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| None)?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .map(|d| d.is_truthy())
            .unwrap_or(true);
        if done {
            break;
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into()).map_err(|_| None)?;
        let Ok(part) = value.dyn_into::<js_sys::Uint8Array>() else {
            continue;
        };
        let len = part.length() as usize;
        if bytes.len().saturating_add(len) > cap {
            let _ = reader.cancel();
            return Ok(None);
        }
        let at = bytes.len();
        bytes.resize(at + len, 0);
        part.copy_to(&mut bytes[at..]);
    }
    // JSON is UTF-8: a body that is not cannot decode, and an error page in another
    // encoding is classified by its status alone.
    Ok(Some(String::from_utf8(bytes).unwrap_or_default()))
}

fn input_name(header: &str) -> &'static str {
    match header {
        "X-User-Id" => "user ID",
        "X-Auth-Token" => "auth token",
        _ => "two-factor code",
    }
}
