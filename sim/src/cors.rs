//! CORS on /api/ as in contract §5 (API_Enable_CORS, API_CORS_Origin).
//!
//! The allowed headers are fixed and leave out x-2fa-code and x-2fa-method, and nothing is
//! exposed: a page on another origin can neither send a 2FA code nor read X-RateLimit-*.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::config::Cors;
use crate::guard::header as get_header;
use crate::state::AppState;

pub const ALLOW_HEADERS: &str =
    "Origin, X-Requested-With, Content-Type, Accept, X-User-Id, X-Auth-Token, x-visitor-token, Authorization";
pub const ALLOW_METHODS: &str = "GET, POST, PUT, DELETE, HEAD, PATCH";
pub const NOT_ENABLED: &str =
    "CORS not enabled. Go to \"Admin > General > REST Api\" to enable it.";

fn text(status: StatusCode, body: &'static str) -> Response {
    let mut r = (status, body).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}

fn allow(h: &mut HeaderMap, origin: &str) {
    if let Ok(v) = HeaderValue::from_str(origin) {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, v);
    }
    h.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static(ALLOW_METHODS),
    );
    h.insert(
        header::ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static(ALLOW_HEADERS),
    );
    if origin != "*" {
        h.insert(header::VARY, HeaderValue::from_static("Origin"));
    }
}

/// A request is same-origin when it has no Origin or the Origin names this server.
fn same_origin(h: &HeaderMap) -> Option<String> {
    let origin = get_header(h, "origin")?;
    let host = get_header(h, "host").unwrap_or_default();
    let o = origin.to_lowercase();
    let own = [
        format!("http://{}", host.to_lowercase()),
        format!("https://{}", host.to_lowercase()),
    ];
    if own.contains(&o) {
        None
    } else {
        Some(origin)
    }
}

pub async fn layer(State(st): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let Some(origin) = same_origin(req.headers()) else {
        return next.run(req).await;
    };
    let preflight = req.method() == Method::OPTIONS;
    let allowed = match &st.cfg.cors {
        Cors::Off => {
            return if preflight {
                text(StatusCode::METHOD_NOT_ALLOWED, NOT_ENABLED)
            } else {
                // Served as usual; without CORS headers the browser hides the answer.
                next.run(req).await
            };
        }
        Cors::Any => "*".to_string(),
        Cors::List(list) => {
            if !list.contains(&origin.to_lowercase()) {
                return text(StatusCode::FORBIDDEN, "Invalid origin");
            }
            origin
        }
    };
    let mut r = if preflight {
        StatusCode::OK.into_response()
    } else {
        next.run(req).await
    };
    allow(r.headers_mut(), &allowed);
    r
}
