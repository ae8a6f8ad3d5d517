//! Injected faults on /api/ (latency, 5xx, dropped connections, broken bodies), set by
//! flags or `POST /_sim/faults`, so the app's error paths can be tested.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use futures_util::stream;

use crate::config::Faults;
use crate::state::{lock, read, AppState};

const CHUNK: usize = 64;

fn html(status: StatusCode, body: String) -> Response {
    let mut r = (status, body).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r
}

/// The gateway pages a reverse proxy in front of Rocket.Chat sends.
fn proxy_page(code: u16, reason: &str) -> String {
    format!(
        "<html>\r\n<head><title>{code} {reason}</title></head>\r\n<body>\r\n<center><h1>{code} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    )
}

/// A body that fails at once: hyper then closes the connection without a complete answer.
fn dropped() -> Response {
    let s = stream::once(async {
        Err::<Bytes, std::io::Error>(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "rc-sim: injected dropped connection",
        ))
    });
    let mut r = Response::new(Body::from_stream(s));
    r.headers_mut()
        .insert(header::CONTENT_LENGTH, HeaderValue::from_static("1024"));
    r
}

fn trickle(bytes: Bytes, delay: Duration) -> Body {
    let chunks: Vec<Bytes> = (0..bytes.len())
        .step_by(CHUNK)
        .map(|i| bytes.slice(i..(i + CHUNK).min(bytes.len())))
        .collect();
    let s = stream::unfold(
        (chunks.into_iter(), true),
        move |(mut it, first)| async move {
            let c = it.next()?;
            if !first {
                tokio::time::sleep(delay).await;
            }
            Some((Ok::<Bytes, std::io::Error>(c), (it, false)))
        },
    );
    Body::from_stream(s)
}

pub async fn layer(State(st): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let f: Faults = read(&st.faults).clone();
    if f == Faults::default() {
        return next.run(req).await;
    }
    let (jitter, roll, roll2, roll3) = {
        let mut rng = lock(&st.rng);
        // Saturating: `jitter_ms + 1` must not wrap to 0 (a modulo by zero panics).
        let j = if f.jitter_ms > 0 {
            rng.next_u64() % f.jitter_ms.saturating_add(1)
        } else {
            0
        };
        (j, rng.unit(), rng.unit(), rng.unit())
    };
    let delay = f.latency_ms.saturating_add(jitter);
    if delay > 0 {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    let mut edge = 0.0;
    for (share, what) in [
        (f.drop, 0u16),
        (f.fail_500, 500),
        (f.fail_502, 502),
        (f.fail_503, 503),
        (f.proxy_429, 429),
    ] {
        edge += share;
        if roll < edge {
            return match what {
                0 => dropped(),
                500 => html(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "<!DOCTYPE html>\n<html><head><title>Error</title></head><body><pre>Internal Server Error</pre></body></html>\n".into(),
                ),
                502 => html(StatusCode::BAD_GATEWAY, proxy_page(502, "Bad Gateway")),
                // A proxy's own limit (nginx limit_req): HTML, Retry-After, no X-RateLimit-*.
                429 => {
                    let mut r = html(
                        StatusCode::TOO_MANY_REQUESTS,
                        proxy_page(429, "Too Many Requests"),
                    );
                    r.headers_mut()
                        .insert(header::RETRY_AFTER, f.retry_after_secs.into());
                    r
                }
                _ => html(
                    StatusCode::SERVICE_UNAVAILABLE,
                    proxy_page(503, "Service Temporarily Unavailable"),
                ),
            };
        }
    }
    let resp = next.run(req).await;
    let truncate = roll2 < f.truncate;
    let wrong_type = roll3 < f.wrong_content_type;
    if !truncate && !wrong_type && f.trickle_ms == 0 {
        return resp;
    }
    let (mut parts, body) = resp.into_parts();
    let Ok(mut bytes) = axum::body::to_bytes(body, 64 << 20).await else {
        return dropped();
    };
    if truncate {
        bytes = bytes.slice(..bytes.len() / 2);
    }
    if wrong_type {
        parts.headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
    }
    parts.headers.remove(header::CONTENT_LENGTH);
    let body = if f.trickle_ms > 0 {
        parts
            .headers
            .insert(header::CONTENT_LENGTH, bytes.len().into());
        trickle(bytes, Duration::from_millis(f.trickle_ms))
    } else {
        Body::from(bytes)
    };
    Response::from_parts(parts, body)
}
