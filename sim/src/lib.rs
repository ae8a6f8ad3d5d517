//! rc-sim: a faithful Rocket.Chat REST API simulator (device management), for tests,
//! demos and portal developers. `start` runs it in-process; `main.rs` is the thin CLI.

// Handlers return `Result<_, Response>` so each check can end the request with `?`; the
// error is the answer itself, produced once per request, so boxing it would buy nothing.
#![allow(clippy::result_large_err)]

pub mod accounts;
pub mod auth;
pub mod catalogue;
pub mod config;
pub mod control;
pub mod cors;
pub mod errors;
pub mod faults;
pub mod fixture;
pub mod generator;
pub mod guard;
pub mod json;
pub mod model;
pub mod ratelimit;
pub mod sessions;
pub mod state;
pub mod store;
pub mod testclient;
pub mod twofa;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tower_http::services::{ServeDir, ServeFile};

pub use config::{Config, Cors, Faults};
pub use state::AppState;

use crate::guard::{Pipeline, Req};
use crate::json::{now_ms, Obj};

/// The admin's TOTP code for the current 30 s step.
pub fn admin_totp_code(st: &AppState) -> String {
    let a = state::lock(&st.accounts);
    a.user(&st.cfg.admin_user_id)
        .and_then(|u| u.totp.as_ref())
        .map(|t| t.generate((now_ms() / 1000) as u64))
        .unwrap_or_default()
}

fn api_not_found() -> Response {
    errors::obj(
        StatusCode::NOT_FOUND,
        Obj::new()
            .v("status", "error")
            .v("message", "API endpoint does not exist"),
    )
}

/// One entry for all of /api/: the route table is small, and a single dispatcher keeps
/// wrong methods answering like the server (404 JSON) instead of axum's empty 405.
async fn api(
    State(st): State<Arc<AppState>>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let req = Req::new(addr, headers, uri.query(), st.cfg.forwarded_count);
    let path = uri.path().trim_end_matches('/');
    let route: &'static str = match (method.as_str(), path) {
        ("GET", "/api/v1/sessions/list.all") => "sessions/list.all",
        ("GET", "/api/v1/sessions/info.admin") => "sessions/info.admin",
        ("POST", "/api/v1/sessions/logout") => "sessions/logout",
        ("GET", "/api/v1/sessions/list") => "sessions/list",
        ("POST", "/api/v1/login") => "login",
        ("POST", "/api/v1/logout") => "logout",
        ("GET", "/api/v1/me") => "me",
        _ => return api_not_found(),
    };
    let mut p = Pipeline::new(&st, &req, route);
    let r = match route {
        "sessions/list.all" => sessions::list_all(&mut p),
        "sessions/info.admin" => sessions::info_admin(&mut p),
        "sessions/logout" => sessions::logout(&mut p, &body),
        "sessions/list" => sessions::list_own(&mut p),
        "login" => auth::login(&mut p, &body),
        "logout" => auth::logout(&mut p),
        _ => auth::me(&mut p),
    };
    p.finish(r)
}

/// The whole application: /api/ (with faults and CORS), /_sim/ when enabled, static files.
pub fn app(st: Arc<AppState>) -> Router {
    let api_routes = Router::new()
        .route("/api/{*rest}", any(api))
        .layer(from_fn_with_state(st.clone(), faults::layer))
        .layer(from_fn_with_state(st.clone(), cors::layer))
        .with_state(st.clone());
    let mut app = api_routes;
    if st.cfg.test_control {
        app = app.merge(control::router(st.clone()));
    }
    match &st.cfg.serve_dir {
        Some(dir) => {
            let index = ServeFile::new(dir.join("index.html"));
            // As deploy/nginx/device-manager.conf serves it: the .br/.gz that `cargo xtask
            // dist` writes beside the wasm, js and css, and the same Cache-Control split.
            let files = ServeDir::new(dir)
                .precompressed_br()
                .precompressed_gzip()
                .fallback(index);
            let cache = axum::middleware::from_fn_with_state(Arc::new(dir.clone()), cache_control);
            app.fallback_service(tower::Layer::layer(&cache, files))
        }
        None => app.fallback(|| async { (StatusCode::NOT_FOUND, "Not Found").into_response() }),
    }
}

/// Trunk's hashed files (`name-<hex hash>[_bg].wasm|js|css`) never change under their
/// name: a year, immutable. The pages and the loader keep their names: revalidate. A hashed
/// name that is not in the folder (answered with index.html) is not cached either.
async fn cache_control(
    State(dir): State<Arc<std::path::PathBuf>>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    use axum::http::{header, HeaderValue};
    let path = req.uri().path().trim_start_matches('/');
    let hashed = is_hashed(path) && !path.contains("..") && dir.join(path).is_file();
    let precompressed = [".wasm", ".js", ".css"].iter().any(|e| path.ends_with(e));
    let mut res = next.run(req).await;
    if res.status().is_success() || res.status() == StatusCode::NOT_MODIFIED {
        let value = if hashed {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        let headers = res.headers_mut();
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
        if precompressed {
            // Which bytes came depends on Accept-Encoding; caches must know (nginx says so too).
            headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
    }
    res
}

fn is_hashed(path: &str) -> bool {
    let Some((stem, ext)) = path.rsplit_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    // Trunk writes the 64-bit hash in hex without leading zeros: up to 16 digits, rarely
    // fewer (1 build in 16 has 15).
    let Some((_, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    matches!(ext, "wasm" | "js" | "css")
        && (8..=16).contains(&hash.len())
        && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `--login-rate`: a busy server, so pages shift under a multi-page fetch.
async fn login_ticker(st: Arc<AppState>) {
    let rate = st.cfg.login_rate;
    if rate <= 0.0 {
        return;
    }
    let tick = Duration::from_millis(100);
    let mut due = 0.0f64;
    let mut iv = tokio::time::interval(tick);
    let device = auth::device_from_user_agent(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    );
    loop {
        iv.tick().await;
        due += rate * tick.as_secs_f64();
        while due >= 1.0 {
            due -= 1.0;
            let uid = control::random_user(&st);
            auth::add_login(
                &st,
                &uid,
                &device,
                "203.0.113.50",
                "chat.example.com",
                false,
            );
        }
    }
}

/// A running server; dropping it does not stop it, `stop` does.
pub struct Server {
    pub addr: SocketAddr,
    pub state: Arc<AppState>,
    shutdown: Option<oneshot::Sender<()>>,
    handle: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Server {
    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Graceful stop: in-flight requests finish.
    pub async fn stop(mut self) -> std::io::Result<()> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        (&mut self.handle)
            .await
            .unwrap_or_else(|e| Err(std::io::Error::other(e)))
    }
}

/// Serves on `listener` until `shutdown` resolves; in-flight requests then finish.
///
/// hyper's HTTP/1 connection is driven directly (axum::serve has no knob for it) so that
/// `header_read_timeout` closes connections whose request head does not arrive in
/// `--header-timeout-secs`: a slow or stalled client cannot hold a connection forever.
pub async fn serve(
    st: Arc<AppState>,
    listener: TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use hyper_util::server::graceful::GracefulShutdown;
    use hyper_util::service::TowerToHyperService;
    use tower::ServiceExt;

    let ticker = tokio::spawn(login_ticker(st.clone()));
    let header_timeout = Duration::from_secs(st.cfg.header_timeout_secs);
    let router = app(st);
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, addr) = tokio::select! {
            r = listener.accept() => match r {
                Ok(c) => c,
                // Out of file descriptors and the like: wait a little rather than spin.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = &mut shutdown => break,
        };
        let svc = router.clone().map_request(
            move |mut req: axum::extract::Request<hyper::body::Incoming>| {
                req.extensions_mut().insert(ConnectInfo(addr));
                req
            },
        );
        let conn = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(header_timeout)
            .serve_connection(TokioIo::new(stream), TowerToHyperService::new(svc));
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            let _ = conn.await;
        });
    }
    drop(listener);
    graceful.shutdown().await;
    ticker.abort();
    Ok(())
}

/// Builds the state from `cfg`, binds `--host`/`--port` (0 = any free port) and serves in
/// the background. Tests use this with port 0.
pub async fn start(cfg: Config) -> Result<Server, String> {
    let bind = format!("{}:{}", cfg.host, cfg.port);
    let st = AppState::new(cfg)?;
    let listener = TcpListener::bind(&bind)
        .await
        .map_err(|e| format!("cannot listen on {bind}: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let (tx, rx) = oneshot::channel::<()>();
    let handle = tokio::spawn(serve(st.clone(), listener, async {
        let _ = rx.await;
    }));
    Ok(Server {
        addr,
        state: st,
        shutdown: Some(tx),
        handle,
    })
}
