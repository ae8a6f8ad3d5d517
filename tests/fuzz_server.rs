//! Fuzzing everything a Rocket.Chat server can send: every body decoder, the error classifier,
//! the rate-limit header, and the fetch plan driven by a hostile simulated server. The goal is
//! zero panics and zero hangs, whatever the server answers.
//!
//! Why proptest and not cargo-fuzz: cargo-fuzz (libFuzzer) needs a nightly toolchain, which
//! this machine cannot install, while proptest runs on the stable toolchain the project pins
//! and shrinks every failure to a small counter-example. Coverage comes from structure
//! instead: generated JSON that is hostile in type, size, number form, nesting, escapes and
//! truncation, and scripted servers that lie about `total`, repeat and blank rows, and fail
//! in every way a page can.
//!
//! `RCDM_FUZZ_CASES` sets the cases per property (default 256, a few seconds in the normal
//! `cargo test`); `cargo xtask fuzz --cases N` runs it optimised with overflow checks on.
//!
//! What it found, each fixed and its property kept: a total the pages never fill made the
//! plan read every claimed position (293 requests for 1 row; with 10^12, a hang); overflow
//! in the page overlap and the login growth under overflow checks; a secret echoed as an
//! unknown 2FA method's name survived `scrub`; an id-less row added to every page grew the
//! request budget without end. The cost property checks the bound README.md documents:
//! (max_rounds + 1) x the pages of rows returned + 8 x (concurrency + 1) + 64 + failed answers.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::sample::select;
use rc_device_manager::api::classify::{wait_from_reset_header, wait_from_text};
use rc_device_manager::api::decode::{
    decode_ack, decode_login, decode_me, decode_page, decode_session,
};
use rc_device_manager::api::wire::SessionsPage;
use rc_device_manager::api::{
    ApiError, FetchOptions, FetchPlan, PageRequest, RetryPolicy, TwoFactorChallenge,
    TwoFactorMethod, MAX_PAGE_SIZE,
};
use std::collections::HashSet;
use std::fmt::Write as _;

/// Cases per property: `RCDM_FUZZ_CASES`, or a small default for the normal test run.
fn cases() -> u32 {
    std::env::var("RCDM_FUZZ_CASES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(256)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        // A failure prints its shrunk counter-example; nothing is written to the tree.
        failure_persistence: None,
        max_shrink_iters: 4_096,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------
// Hostile JSON, as text.
// ---------------------------------------------------------------------------------------

/// A JSON-ish value kept as text pieces, so numbers and strings can be what serde_json's
/// `Value` cannot hold: 10^400, lone surrogates, invalid escapes, raw control characters.
#[derive(Debug, Clone)]
enum J {
    Null,
    Bool(bool),
    /// The number's text as sent (possibly not a valid JSON number).
    Num(String),
    /// The string's content between the quotes, escapes as sent.
    Str(String),
    Arr(Vec<J>),
    /// Keys may repeat.
    Obj(Vec<(String, J)>),
}

impl J {
    fn render(&self, out: &mut String) {
        match self {
            J::Null => out.push_str("null"),
            J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            J::Num(n) => out.push_str(n),
            J::Str(s) => {
                out.push('"');
                out.push_str(s);
                out.push('"');
            }
            J::Arr(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.render(out);
                }
                out.push(']');
            }
            J::Obj(pairs) => {
                out.push('{');
                for (i, (k, v)) in pairs.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push('"');
                    out.push_str(k);
                    out.push_str("\":");
                    v.render(out);
                }
                out.push('}');
            }
        }
    }

    fn text(&self) -> String {
        let mut s = String::new();
        self.render(&mut s);
        s
    }
}

fn obj(pairs: Vec<(&str, J)>) -> J {
    J::Obj(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

/// Every key any decoder or the classifier reads, so random objects hit real fields.
const KEYS: &[&str] = &[
    "sessions",
    "total",
    "count",
    "offset",
    "success",
    "_id",
    "sessionId",
    "userId",
    "device",
    "type",
    "name",
    "longVersion",
    "os",
    "version",
    "host",
    "ip",
    "loginAt",
    "current",
    "_user",
    "username",
    "roles",
    "data",
    "authToken",
    "me",
    "status",
    "error",
    "errorType",
    "message",
    "details",
    "method",
    "availableMethods",
    "codeGenerated",
    "emailOrUsername",
];

const ROW_KEYS: &[&str] = &[
    "_id",
    "sessionId",
    "userId",
    "device",
    "host",
    "ip",
    "loginAt",
    "current",
    "_user",
];

/// Number texts at and past every edge: i64/u64/f64 limits, exponents, fractions, `-0`,
/// and forms JSON forbids.
fn num_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<i64>().prop_map(|n| n.to_string()),
        2 => any::<u64>().prop_map(|n| n.to_string()),
        2 => any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| format!("{f:e}")),
        1 => any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| format!("{f:?}")),
        4 => select(vec![
            "0", "-0", "1", "-1", "0.5", "1.5", "12.0", "1e3", "1E12", "1e-7", "-1e3",
            "1000000000000", "4294967296", "9007199254740993",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808",
            "-9223372036854775809", "18446744073709551615", "18446744073709551616",
            "1e308", "1e309", "-1e309", "1E-400", "2.2250738585072011e-308",
            "0.00000000000000000000000000000000000000000000001",
            "99999999999999999999999999999999999999999999999999",
            // Not JSON:
            "01", "+1", ".5", "1.", "1e", "-", "NaN", "Infinity", "-Infinity", "0x10", "1_000",
        ])
        .prop_map(str::to_owned),
        1 => "-?[0-9]{1,400}",
        1 => "-?[0-9]{1,20}\\.[0-9]{1,40}([eE][+-]?[0-9]{1,5})?",
    ]
}

/// String contents with every kind of escape, valid or not, and raw characters JSON forbids.
fn str_body() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[a-zA-Z0-9 _.:@-]{1,6}",
        1 => select(vec![
            "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\b", "\\u0000", "\\u001f", "\\u00e9",
            "\\ud800", "\\udfff", "\\ud83d\\ude00", "\\uDBFF\\uDFFF", "\\ud800\\u0041",
            "\\uZZZZ", "\\u12", "\\x41", "\\", "\\'", "\u{1}", "\u{7f}", "\n", "é",
            "\u{feff}", "\u{10ffff}", "\u{202e}", "…", " [invalid-params]", "wait 5 seconds",
            "[totp-required]",
        ])
        .prop_map(str::to_owned),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    prop_oneof![
        6 => "[a-zA-Z0-9 _.:-]{0,12}",
        3 => prop::collection::vec(piece, 0..8).prop_map(|p| p.concat()),
        1 => ("[a-z\\\\é ]{1,3}", 200usize..4_000).prop_map(|(s, n)| s.repeat(n)),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        5 => select(KEYS).prop_map(str::to_owned),
        1 => str_body(),
    ]
}

fn leaf() -> impl Strategy<Value = J> {
    prop_oneof![
        1 => Just(J::Null),
        1 => any::<bool>().prop_map(J::Bool),
        3 => num_text().prop_map(J::Num),
        4 => str_body().prop_map(J::Str),
    ]
}

/// Any JSON-ish tree, nesting bounded (deeper nesting is generated as text below).
fn tree() -> impl Strategy<Value = J> {
    leaf().prop_recursive(6, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(J::Arr),
            prop::collection::vec((key(), inner), 0..6).prop_map(J::Obj),
        ]
    })
}

/// A field's value: mostly a leaf of any type, sometimes a whole tree.
fn val() -> impl Strategy<Value = J> {
    prop_oneof![4 => leaf(), 1 => tree()]
}

/// An object with the given keys (each may be missing, repeated or joined by a random one).
fn shaped(keys: &'static [&'static str], value: BoxedStrategy<J>) -> BoxedStrategy<J> {
    prop::collection::vec(
        prop_oneof![
            6 => (select(keys).prop_map(str::to_owned), value.clone()),
            1 => (key(), value),
        ],
        0..(keys.len() + 3),
    )
    .prop_map(J::Obj)
    .boxed()
}

fn row_shape() -> BoxedStrategy<J> {
    let os = shaped(&["name", "version"], val().boxed());
    let device = shaped(
        &["type", "name", "longVersion", "os", "version"],
        prop_oneof![3 => val(), 1 => os].boxed(),
    );
    let user = shaped(&["username", "name"], val().boxed());
    shaped(
        ROW_KEYS,
        prop_oneof![4 => val(), 1 => device, 1 => user].boxed(),
    )
}

fn page_shape() -> BoxedStrategy<J> {
    let rows = prop::collection::vec(prop_oneof![5 => row_shape(), 1 => val()], 0..10);
    (
        prop_oneof![5 => rows.prop_map(J::Arr), 1 => val()],
        prop::option::of(val()),
        prop::collection::vec((key(), val()), 0..3),
    )
        .prop_map(|(sessions, total, extra)| {
            let mut pairs = vec![("sessions".to_owned(), sessions)];
            pairs.extend(total.map(|t| ("total".to_owned(), t)));
            pairs.extend(extra);
            J::Obj(pairs)
        })
        .boxed()
}

fn me_shape() -> BoxedStrategy<J> {
    shaped(
        &["_id", "username", "name", "roles"],
        prop_oneof![
            4 => val(),
            1 => prop::collection::vec(val(), 0..4).prop_map(J::Arr),
        ]
        .boxed(),
    )
}

fn login_shape() -> BoxedStrategy<J> {
    let data = shaped(
        &["userId", "authToken", "me"],
        prop_oneof![3 => val(), 1 => me_shape()].boxed(),
    );
    shaped(
        &["status", "data", "success"],
        prop_oneof![1 => val(), 2 => data].boxed(),
    )
}

/// The codes the classifier knows, as `errorType`/`error` values.
const CODES: &[&str] = &[
    "totp-required",
    "totp-invalid",
    "totp-max-attempts",
    "error-action-not-allowed",
    "invalid-params",
    "error-invalid-sort",
    "error-invalid-sort-keys",
    "error-too-many-requests",
    "error-login-blocked-for-user",
    "error-login-blocked-for-ip",
    "unauthorized",
    "Session not found",
];

fn error_shape() -> BoxedStrategy<J> {
    let code = prop_oneof![
        2 => select(CODES).prop_map(|c| J::Str(c.to_owned())),
        1 => (str_body(), select(CODES)).prop_map(|(t, c)| J::Str(format!("{t} [{c}]"))),
        1 => "[a-z ]{0,10}wait [0-9]{1,25} seconds?[a-z ]{0,5}".prop_map(J::Str),
        2 => val(),
    ]
    .boxed();
    let method = prop_oneof![
        2 => select(vec!["totp", "email", "password", "webauthn", ""]).prop_map(|m| J::Str(m.to_owned())),
        1 => val(),
    ];
    let details = shaped(
        &[
            "method",
            "availableMethods",
            "codeGenerated",
            "emailOrUsername",
        ],
        prop_oneof![
            2 => method.clone(),
            1 => prop::collection::vec(method, 0..12).prop_map(J::Arr),
            1 => val(),
        ]
        .boxed(),
    );
    shaped(
        &[
            "error",
            "errorType",
            "message",
            "details",
            "status",
            "success",
        ],
        prop_oneof![3 => code, 1 => details].boxed(),
    )
}

/// Nesting far past serde_json's recursion limit (128), as text: `[[{"a":[...`.
fn deep_text() -> impl Strategy<Value = String> {
    (prop::collection::vec(any::<bool>(), 1..300), any::<bool>()).prop_map(|(levels, close)| {
        let mut s = String::from("{\"sessions\":");
        for &arr in &levels {
            s.push_str(if arr { "[" } else { "{\"_id\":" });
        }
        s.push('1');
        if close {
            for &arr in levels.iter().rev() {
                s.push(if arr { ']' } else { '}' });
            }
            s.push_str(",\"total\":1}");
        }
        s
    })
}

/// Cut a body short at `at` (a proxy dropping the connection), on a character boundary.
fn cut(mut s: String, at: Option<usize>) -> String {
    if let Some(at) = at {
        let mut i = at % (s.len() + 1);
        while !s.is_char_boundary(i) {
            i -= 1;
        }
        s.truncate(i);
    }
    s
}

/// Bodies that are JSON-shaped for some decoder, perhaps truncated, or deeply nested.
fn hostile_body() -> impl Strategy<Value = String> {
    let json = prop_oneof![
        2 => tree(),
        3 => page_shape(),
        1 => row_shape(),
        1 => me_shape(),
        1 => login_shape(),
        2 => error_shape(),
    ];
    prop_oneof![
        12 => (json, prop::option::weighted(0.15, any::<usize>()))
            .prop_map(|(j, at)| cut(j.text(), at)),
        1 => deep_text(),
        // One huge string where the decoder keeps it: a row id.
        1 => (1_000usize..200_000).prop_map(|n| {
            format!("{{\"sessions\":[{{\"_id\":\"{}\"}}],\"total\":1}}", "x".repeat(n))
        }),
    ]
}

/// Bytes and text with no structure at all, and text from JSON's own alphabet.
fn random_body() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => prop::collection::vec(any::<u8>(), 0..256)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        2 => any::<String>(),
        3 => "[{}\\[\\]\":,0-9.eE+\\- truefalsnu\\\\_id]{0,200}",
        1 => select(vec![
            "", " ", "null", "true", "0", "[]", "{}", "\"\"", "<html><body>502 Bad Gateway</body></html>",
            "{\"sessions\":null}", "{\"sessions\":[],\"total\":-1}", "{\"sessions\":[null,1,\"\",[],{}]}",
            "\u{feff}{}", "{\"sessions\":[]}garbage", "{\"sessions\":[]}\n{\"sessions\":[]}",
        ])
        .prop_map(str::to_owned),
    ]
}

fn content_type() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        3 => select(vec![
            "application/json",
            "application/json; charset=utf-8",
            "text/html",
            "text/plain",
            "",
            "JSON",
            "application/problem+json",
        ])
        .prop_map(|s| Some(s.to_owned())),
        1 => Just(None),
        1 => any::<String>().prop_map(Some),
    ]
}

fn status() -> impl Strategy<Value = u16> {
    prop_oneof![
        2 => select(vec![200u16, 400, 401, 403, 404, 429, 500, 502, 503, 504]),
        1 => 0u16..=999,
    ]
}

/// Uses every view of an error a person or a log could see.
fn show(e: &ApiError) -> String {
    let _ = (
        e.is_retryable(),
        e.stops_a_fetch(),
        e.challenge(),
        e.next_step(rc_device_manager::i18n::Lang::En),
    );
    let _ = format!("{e:?}");
    e.to_string()
}

/// A hostile body cannot flood the screen: every server text in an error is bounded.
const MAX_ERROR_CHARS: usize = 1_000;

/// Every decoder and the classifier on one body.
fn all_decoders(
    status: u16,
    content_type: Option<&str>,
    body: &str,
    wait: Option<u64>,
) -> Result<(), TestCaseError> {
    let id_ok = |id: &Option<String>| id.as_deref().is_some_and(|i| !i.is_empty());
    match decode_page(body) {
        Ok(page) => prop_assert!(page.sessions.rows.iter().all(|s| id_ok(&s.id))),
        Err(e) => prop_assert!(show(&e).chars().count() <= MAX_ERROR_CHARS),
    }
    match decode_session(status, body) {
        Ok(s) => prop_assert!(id_ok(&s.id)),
        Err(e) => prop_assert!(show(&e).chars().count() <= MAX_ERROR_CHARS),
    }
    match decode_me(status, body) {
        Ok(me) => prop_assert!(id_ok(&me.id)),
        Err(e) => prop_assert!(show(&e).chars().count() <= MAX_ERROR_CHARS),
    }
    match decode_login(status, body) {
        Ok((user, token, _)) => prop_assert!(!user.is_empty() && !token.is_empty()),
        Err(e) => prop_assert!(show(&e).chars().count() <= MAX_ERROR_CHARS),
    }
    if let Err(e) = decode_ack(status, body) {
        prop_assert!(show(&e).chars().count() <= MAX_ERROR_CHARS);
    }
    let e = ApiError::from_response(status, content_type, body, wait);
    let shown = show(&e);
    prop_assert!(
        shown.chars().count() <= MAX_ERROR_CHARS,
        "{} chars: {shown}",
        shown.chars().count()
    );
    if status >= 500 {
        prop_assert_eq!(e, ApiError::Server { status });
    }
    if let Some(ms) = wait_from_text(body) {
        prop_assert!(ms % 1000 == 0 || ms == u64::MAX);
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Secrets echoed back.
// ---------------------------------------------------------------------------------------

/// A secret no fixed sentence contains (the `QX` prefix appears in none).
fn secret() -> impl Strategy<Value = String> {
    "QX[a-z0-9]{2,22}"
}

/// Server text that may carry the secret, alone or inside other text.
fn echoed(secret: &str, how: u8, noise: &str) -> J {
    match how % 6 {
        0 => J::Str(secret.to_owned()),
        1 => J::Str(format!("{noise}{secret}")),
        2 => J::Str(format!("{secret}{noise}")),
        3 => J::Str(format!("{noise} {secret} [invalid-params]")),
        4 => J::Str(format!("{noise}{secret}{noise}{secret}")),
        _ => J::Str(noise.to_owned()),
    }
}

/// An error body with the secret in the fields the classifier turns into text.
fn echo_body(
    secret: &str,
    hows: &[u8],
    noise: &str,
    code: Option<&str>,
    in_method: bool,
) -> String {
    let h = |i: usize| hows.get(i).copied().unwrap_or(5);
    let method = if in_method {
        echoed(secret, h(3), noise)
    } else {
        J::Str(["totp", "email", "password"][usize::from(h(3)) % 3].to_owned())
    };
    let mut pairs = vec![
        ("error", echoed(secret, h(0), noise)),
        ("message", echoed(secret, h(1), noise)),
        (
            "details",
            obj(vec![
                ("method", method.clone()),
                ("availableMethods", J::Arr(vec![method])),
                ("codeGenerated", J::Bool(h(4) % 2 == 0)),
                ("emailOrUsername", echoed(secret, h(2), noise)),
            ]),
        ),
    ];
    if let Some(code) = code {
        pairs.push(("errorType", J::Str(code.to_owned())));
    }
    obj(pairs).text()
}

fn echo_status() -> impl Strategy<Value = u16> {
    prop_oneof![
        3 => select(vec![400u16, 401, 403, 404, 409, 429]),
        1 => 0u16..500,
    ]
}

fn echo_code() -> impl Strategy<Value = Option<&'static str>> {
    prop_oneof![1 => Just(None), 2 => select(CODES).prop_map(Some)]
}

// ---------------------------------------------------------------------------------------
// The hostile server for the fetch plan.
// ---------------------------------------------------------------------------------------

/// Answers after which a plan that has not finished is taken to hang.
const STEP_LIMIT: u64 = 200_000;

/// What `drive` fails a case for.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Check {
    /// Panics, hangs, requests past the ceiling, and the result's own invariants.
    Everything,
    /// Panics and the result's invariants only: a run still going after `PANIC_WINDOW`
    /// answers is stopped and passes, so a panic shrinks to its own counter-example.
    PanicsOnly,
}

const PANIC_WINDOW: u64 = 20_000;

/// What a page says its `total` is.
#[derive(Debug, Clone)]
enum Total {
    /// The real length of the list.
    Honest,
    /// The real length plus this (a server that overcounts).
    Plus(u64),
    /// The real length minus this, not below 0.
    Minus(u64),
    Exact(u64),
    /// The text as sent: negative, fractional, exponent, string, `null`, huge...
    Raw(&'static str),
    Missing,
}

/// Lies the current plan is expected to survive: modest overcounts, and every form that
/// decodes to "no total".
fn modest_total() -> impl Strategy<Value = Total> {
    prop_oneof![
        8 => Just(Total::Honest),
        2 => prop_oneof![4 => 1u64..=5, 1 => 1u64..=500].prop_map(Total::Plus),
        2 => prop_oneof![4 => 1u64..=5, 1 => 1u64..=500].prop_map(Total::Minus),
        1 => (0u64..=600).prop_map(Total::Exact),
        1 => select(vec![
            "-1", "-9223372036854775808", "12.5", "1e3", "1E2", "0.0", "\"12\"", "null",
            "true", "[]", "{}", "18446744073709551616", "1e400",
        ])
        .prop_map(Total::Raw),
        1 => Just(Total::Missing),
    ]
}

/// Also the huge lies: 10^12 and u64::MAX-ish.
fn any_total() -> impl Strategy<Value = Total> {
    prop_oneof![
        6 => modest_total(),
        1 => select(vec![
            "1000000000000", "18446744073709551615", "18446744073709551614",
            "9223372036854775807", "9223372036854775808", "4294967296", "4294967295",
        ])
        .prop_map(Total::Raw),
        1 => (1u64..=1_000_000_000_000).prop_map(Total::Exact),
    ]
}

/// Which rows a page holds.
#[derive(Debug, Clone)]
enum Source {
    /// The requested window of the list.
    Window,
    Empty,
    /// A fixed window, whatever was asked (a server ignoring `offset`).
    From(u64),
    /// The requested window moved by this many positions (logins or logouts in between).
    Shifted(i64),
    /// More rows than asked.
    Over(u8),
    /// Fewer rows than asked.
    Under(u8),
}

#[derive(Debug, Clone)]
struct Page {
    source: Source,
    total: Total,
    /// Rows repeated from the list (by index).
    dups: Vec<u16>,
    /// Rows whose `_id` is blank, whitespace or not a string.
    blank: u8,
    /// Array elements that are not rows at all.
    malformed: u8,
    /// Ids sent with padding (`" s0001 "`): the same session as far as the sink is concerned.
    padded: bool,
}

#[derive(Debug, Clone)]
enum Answer {
    Page(Page),
    /// The page's JSON cut short at this byte (through `decode_page`: usually `NotJson`).
    Cut(Page, u16),
    /// A 2xx body that is not a page (through `decode_page`).
    Body(&'static str),
    /// A failure as the client reports it.
    Fail(ApiError),
    /// A non-2xx answer through the real classifier.
    Classified(u16, &'static str),
}

fn page(total: BoxedStrategy<Total>) -> impl Strategy<Value = Page> {
    let source = prop_oneof![
        12 => Just(Source::Window),
        2 => Just(Source::Empty),
        1 => (0u64..400).prop_map(Source::From),
        1 => (-30i64..=30).prop_map(Source::Shifted),
        1 => (1u8..=120).prop_map(Source::Over),
        1 => (1u8..=100).prop_map(Source::Under),
    ];
    let small = || prop_oneof![6 => Just(0u8), 1 => 1u8..=4];
    (
        source,
        total,
        prop_oneof![6 => Just(vec![]), 1 => prop::collection::vec(any::<u16>(), 1..4)],
        small(),
        small(),
        prop::bool::weighted(0.05),
    )
        .prop_map(|(source, total, dups, blank, malformed, padded)| Page {
            source,
            total,
            dups,
            blank,
            malformed,
            padded,
        })
}

fn fail() -> impl Strategy<Value = ApiError> {
    let challenge = (
        select(vec![
            TwoFactorMethod::Totp,
            TwoFactorMethod::Email,
            TwoFactorMethod::Password,
            TwoFactorMethod::Other("webauthn".into()),
        ]),
        any::<bool>(),
    )
        .prop_map(|(method, code_generated)| TwoFactorChallenge {
            method,
            code_generated,
            ..TwoFactorChallenge::default()
        });
    prop_oneof![
        4 => prop_oneof![
            3 => (0u64..5_000).prop_map(Some),
            1 => any::<u64>().prop_map(Some),
            1 => Just(None),
        ]
        .prop_map(|wait_ms| ApiError::RateLimited { wait_ms }),
        4 => (500u16..=599).prop_map(|status| ApiError::Server { status }),
        3 => any::<u32>().prop_map(|secs| ApiError::Timeout { secs }),
        3 => Just(ApiError::Network),
        2 => (status(), any::<bool>()).prop_map(|(status, truncated)| ApiError::NotJson { status, truncated }),
        1 => (status(), "[a-z.]{0,10}").prop_map(|(status, field)| ApiError::BadShape { status, field }),
        1 => challenge.clone().prop_map(ApiError::TwoFactorRequired),
        1 => challenge.prop_map(ApiError::TwoFactorInvalid),
        1 => select(vec![
            ApiError::NotLoggedIn,
            ApiError::BadCredentials,
            ApiError::LoginBlocked,
            ApiError::Forbidden,
            ApiError::NoLicence,
            ApiError::InvalidParams { detail: "must NOT have additional properties".into() },
            ApiError::TwoFactorMaxAttempts,
            ApiError::SessionNotFound,
            ApiError::EndpointMissing,
            ApiError::InvalidSort,
            ApiError::InvalidSortKeys,
            ApiError::InvalidInput { what: "auth token" },
            ApiError::LikelyCors { server_origin: "https://a".into(), page_origin: "https://b".into() },
            ApiError::Cancelled,
        ]),
        1 => (0u16..=999, "[a-z ]{0,8}").prop_map(|(status, message)| ApiError::Other { status, message }),
    ]
}

/// Non-2xx bodies for the classifier.
const ERROR_BODIES: &[&str] = &[
    "",
    "<html>502</html>",
    "{\"success\":false,\"error\":\"You must wait 3 seconds before trying this endpoint again. [error-too-many-requests]\"}",
    "{\"success\":false,\"error\":\"Too many requests\",\"errorType\":\"error-too-many-requests\"}",
    "{\"status\":\"error\",\"message\":\"You must be logged in to do this.\"}",
    "{\"success\":false,\"error\":\"unauthorized\"}",
    "{\"success\":false,\"error\":\"TOTP Required [totp-required]\",\"errorType\":\"totp-required\",\"details\":{\"method\":\"email\",\"codeGenerated\":true,\"emailOrUsername\":\"a@b\"}}",
    "{\"success\":false,\"errorType\":\"totp-invalid\",\"details\":{\"method\":\"password\"}}",
    "{\"success\":false,\"error\":\"must NOT have additional properties [invalid-params]\",\"errorType\":\"invalid-params\"}",
    "{\"success\":false,\"error\":\"Session not found\"}",
    "{\"success\":false,\"error\":\"error-action-not-allowed\"}",
    "{\"success\":false",
    "{\"success\":false,\"error\":\"Something [x]\"}",
];

fn answer(total: BoxedStrategy<Total>) -> impl Strategy<Value = Answer> {
    prop_oneof![
        14 => page(total.clone()).prop_map(Answer::Page),
        1 => (page(total), any::<u16>()).prop_map(|(p, at)| Answer::Cut(p, at)),
        1 => select(vec![
            "", "null", "[]", "{}", "<html>", "{\"success\":true}", "{\"sessions\":5,\"total\":3}",
            "{\"sessions\":{},\"total\":1}", "{\"sessions\":[],\"total\":1}garbage",
        ])
        .prop_map(Answer::Body),
        3 => fail().prop_map(Answer::Fail),
        1 => (0u16..=999, select(ERROR_BODIES)).prop_map(|(s, b)| Answer::Classified(s, b)),
    ]
}

/// What the server does once the script has run out.
#[derive(Debug, Clone, Copy)]
enum After {
    /// Plays the script again from the start: a server that never stops misbehaving.
    Cycle,
    /// Answers honestly.
    Honest,
    /// Answers every page with no rows and the real total.
    Empty,
}

#[derive(Debug, Clone)]
struct Case {
    /// Sessions the server really holds.
    n: u64,
    opts: FetchOptions,
    seed: u64,
    /// One answer per request served, and which request in flight it answers.
    script: Vec<(Answer, usize)>,
    after: After,
}

fn options() -> impl Strategy<Value = FetchOptions> {
    (
        select(vec![1u64, 7, 25, 100, 1000]),
        prop_oneof![
            4 => Just(None),
            1 => select(vec![0u64, 1, 2, 10, 99, 100, 101, 250, u64::MAX]).prop_map(Some),
            1 => (0u64..500).prop_map(Some),
        ],
        1usize..=8,
        prop_oneof![4 => Just(6u32), 1 => 0u32..=10],
        prop_oneof![
            4 => Just(RetryPolicy::default()),
            1 => (0u32..=5, 0u64..1_000, 0u64..20_000, 0u64..200_000).prop_map(
                |(max_attempts, base_ms, max_backoff_ms, max_rate_wait_ms)| RetryPolicy {
                    max_attempts,
                    base_ms,
                    max_backoff_ms,
                    max_rate_wait_ms,
                }
            ),
        ],
    )
        .prop_map(
            |(page_size, cap, concurrency, max_rounds, retry)| FetchOptions {
                page_size,
                cap,
                concurrency,
                max_rounds,
                retry,
                ..FetchOptions::default()
            },
        )
}

fn case(total: BoxedStrategy<Total>) -> impl Strategy<Value = Case> {
    (
        prop_oneof![3 => 0u64..=20, 2 => 0u64..=300],
        options(),
        any::<u64>(),
        prop::collection::vec((answer(total), any::<usize>()), 1..40),
        select(vec![After::Cycle, After::Honest, After::Empty]),
    )
        .prop_map(|(n, opts, seed, script, after)| Case {
            n,
            opts,
            seed,
            script,
            after,
        })
}

fn id(i: u64) -> String {
    format!("s{i:05}")
}

fn push_row(out: &mut String, i: u64, padded: bool) {
    let id = id(i);
    if padded {
        let _ = write!(
            out,
            "{{\"_id\":\" {id} \",\"loginAt\":\"t{:07}\"}},",
            9_999_999 - i
        );
    } else {
        let _ = write!(
            out,
            "{{\"_id\":\"{id}\",\"loginAt\":\"t{:07}\"}},",
            9_999_999 - i
        );
    }
}

/// The scripted server's page size (Rocket.Chat's default `API_Upper_Count_Limit`).
const SERVER_CAP: u64 = 100;

/// The page's JSON text, as the server would send it.
fn render_page(n: u64, req: &PageRequest, p: &Page) -> String {
    let count = req.count.min(SERVER_CAP);
    let window = |start: u64, len: u64| (start.min(n), start.saturating_add(len).min(n));
    let (start, end) = match p.source {
        Source::Window => window(req.offset, count),
        Source::Empty => (0, 0),
        Source::From(o) => window(o, count),
        Source::Shifted(d) => window(req.offset.saturating_add_signed(d), count),
        Source::Over(k) => window(req.offset, count + u64::from(k)),
        Source::Under(k) => window(req.offset, count.saturating_sub(u64::from(k))),
    };
    let mut out = String::with_capacity(64 + 48 * (end - start) as usize);
    out.push_str("{\"sessions\":[");
    for i in start..end {
        push_row(&mut out, i, p.padded && i % 3 == 0);
    }
    for &d in &p.dups {
        if n > 0 {
            push_row(&mut out, u64::from(d) % n, false);
        }
    }
    for b in 0..p.blank {
        out.push_str(
            [
                "{\"_id\":\"\"},",
                "{\"_id\":\"   \"},",
                "{\"_id\":null,\"sessionId\":\"x\"},",
                "{\"_id\":[\"s00000\"]},",
                "{\"loginAt\":\"t\"},",
            ][usize::from(b) % 5],
        );
    }
    for m in 0..p.malformed {
        out.push_str(["42,", "\"s00001\",", "null,", "[1,2],", "true,"][usize::from(m) % 5]);
    }
    if out.ends_with(',') {
        out.pop();
    }
    out.push(']');
    let total = match &p.total {
        Total::Honest => Some(n.to_string()),
        Total::Plus(d) => Some(n.saturating_add(*d).to_string()),
        Total::Minus(d) => Some(n.saturating_sub(*d).to_string()),
        Total::Exact(t) => Some(t.to_string()),
        Total::Raw(t) => Some((*t).to_owned()),
        Total::Missing => None,
    };
    if let Some(t) = total {
        let _ = write!(out, ",\"total\":{t}");
    }
    let _ = write!(
        out,
        ",\"count\":{},\"offset\":{},\"success\":true}}",
        req.count, req.offset
    );
    out
}

fn serve(n: u64, req: &PageRequest, a: &Answer) -> Result<SessionsPage, ApiError> {
    match a {
        Answer::Page(p) => decode_page(&render_page(n, req, p)),
        Answer::Cut(p, at) => decode_page(&cut(render_page(n, req, p), Some(usize::from(*at)))),
        Answer::Body(b) => decode_page(b),
        Answer::Fail(e) => Err(e.clone()),
        Answer::Classified(status, body) => Err(ApiError::from_response(
            *status,
            Some("application/json"),
            body,
            None,
        )),
    }
}

/// What a run of the plan against a scripted server came to.
#[derive(Debug)]
struct Run {
    sent: u64,
    answered: u64,
    /// Answers that were errors (including bodies the decoder refused).
    errors: u64,
    /// Rows in the pages that decoded, malformed ones included.
    rows_returned: u64,
    /// Rows asked per page.
    count: u64,
    ceiling: u32,
}

const HONEST: Answer = Answer::Page(Page {
    source: Source::Window,
    total: Total::Honest,
    dups: Vec::new(),
    blank: 0,
    malformed: 0,
    padded: false,
});

const EMPTY: Answer = Answer::Page(Page {
    source: Source::Empty,
    total: Total::Honest,
    dups: Vec::new(),
    blank: 0,
    malformed: 0,
    padded: false,
});

/// Drives the plan through its sans-io API, answering requests in flight in the order the
/// script picks (delays are ignored), and checks what must hold whatever the server does:
/// no panic, an end within `STEP_LIMIT` answers, at most `request_ceiling()` requests.
fn drive(c: &Case, check: Check) -> Result<Run, TestCaseError> {
    let mut plan = FetchPlan::new(&c.opts, c.seed);
    let mut pool: Vec<PageRequest> = Vec::new();
    let (mut sent, mut answered, mut errors, mut rows_returned) = (0u64, 0u64, 0u64, 0u64);
    let (mut count, mut first_count): (Option<u64>, Option<u64>) = (None, None);
    loop {
        let reqs = plan.next_requests();
        for r in &reqs {
            prop_assert!(
                r.count >= 1 && r.count <= MAX_PAGE_SIZE,
                "count {}",
                r.count
            );
            // The page size the plan learned from the first answer: never more than asked.
            let first = *first_count.get_or_insert(r.count);
            prop_assert!(r.count <= first, "count {} after asking {first}", r.count);
            count = Some(r.count);
        }
        sent += reqs.len() as u64;
        pool.extend(reqs);
        let ceiling = plan.request_ceiling();
        prop_assert!(
            check == Check::PanicsOnly || sent <= u64::from(ceiling),
            "{sent} requests sent, past request_ceiling() = {ceiling} ({answered} answered)"
        );
        prop_assert_eq!(u64::from(plan.progress().requests), sent);
        if pool.is_empty() {
            break;
        }
        if check == Check::PanicsOnly && answered >= PANIC_WINDOW {
            return Ok(Run {
                sent,
                answered,
                errors,
                rows_returned,
                count: count.unwrap_or(1),
                ceiling,
            });
        }
        prop_assert!(
            answered < STEP_LIMIT,
            "hang: {answered} answers and not finished ({sent} sent, progress {:?})",
            plan.progress()
        );
        let (a, pick) = match (c.script.get(answered as usize), c.after) {
            (Some((a, pick)), _) => (a, *pick),
            (None, After::Cycle) => {
                let (a, pick) = &c.script[answered as usize % c.script.len()];
                (a, *pick)
            }
            (None, After::Honest) => (&HONEST, 0),
            (None, After::Empty) => (&EMPTY, 0),
        };
        let req = pool.remove(pick % pool.len());
        let result = serve(c.n, &req, a);
        match &result {
            Ok(p) => rows_returned += (p.sessions.rows.len() + p.sessions.skipped) as u64,
            Err(_) => errors += 1,
        }
        plan.on_page(&req, result);
        answered += 1;
    }
    prop_assert!(
        plan.is_done(),
        "the plan neither finished nor asked for more"
    );
    prop_assert!(plan.next_requests().is_empty());
    let ceiling = plan.request_ceiling();
    prop_assert!(sent <= u64::from(ceiling));
    match plan.finish() {
        Ok(res) => {
            prop_assert_eq!(u64::from(res.requests), sent);
            let mut ids = HashSet::new();
            for s in &res.sessions {
                let id = s.id.as_deref().unwrap_or_default().trim();
                prop_assert!(!id.is_empty(), "a blank id in the result");
                prop_assert!(ids.insert(id.to_owned()), "{id} twice in the result");
            }
            if let Some(cap) = c.opts.cap {
                prop_assert!(res.sessions.len() as u64 <= cap.max(1));
            }
            if let Some(s) = &res.shortfall {
                let _ = s.to_string();
            }
        }
        Err(e) => {
            let _ = show(&e);
        }
    }
    Ok(Run {
        sent,
        answered,
        errors,
        rows_returned,
        count: count.unwrap_or(1),
        ceiling,
    })
}

/// The cost a load may have, from what the server actually sent: three reads of every page
/// of rows it returned, a fixed allowance, and one request per error answer.
fn check_cost(c: &Case, r: &Run) -> Result<(), TestCaseError> {
    // The bound README.md documents: each pass may read every row the server returned once
    // more, plus a few passes' worth of pages in flight, a constant, and the failed answers.
    let passes = u64::from(c.opts.max_rounds.max(1)) + 1;
    let in_flight = 8 * (c.opts.concurrency.max(1) as u64 + 1);
    let bound = passes * r.rows_returned.div_ceil(r.count) + in_flight + 64 + r.errors;
    prop_assert!(
        r.sent <= bound,
        "{} requests > {passes} x ceil({} rows / {} per page) + {in_flight} + 64 + {} errors = {bound}\n\
         ({} answered, ceiling {}; n = {}, opts = {:?}, after = {:?}, script = {:?})",
        r.sent,
        r.rows_returned,
        r.count,
        r.errors,
        r.answered,
        r.ceiling,
        c.n,
        c.opts,
        c.after,
        c.script
    );
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    /// Bytes and text with no structure, through every decoder and the classifier.
    #[test]
    fn decoders_survive_random_bodies(
        status in status(), ct in content_type(), body in random_body(),
        wait in prop::option::of(any::<u64>()),
    ) {
        all_decoders(status, ct.as_deref(), &body, wait)?;
    }

    /// Structured but hostile JSON: wrong types, edge numbers, escapes, duplicate keys,
    /// nesting past the parser's limit, huge strings, truncation.
    #[test]
    fn decoders_survive_hostile_json(
        status in status(), ct in content_type(), body in hostile_body(),
        wait in prop::option::of(any::<u64>()),
    ) {
        all_decoders(status, ct.as_deref(), &body, wait)?;
    }

    /// Whatever the server echoes into an error, a scrubbed secret never reaches its text,
    /// from the fields the classifier keeps: `error`, `message`, `details.emailOrUsername`.
    #[test]
    fn scrubbed_secrets_never_reach_the_error_text(
        secret in secret(), other in secret(), status in echo_status(), code in echo_code(),
        hows in prop::collection::vec(any::<u8>(), 5), noise in str_body(),
    ) {
        let body = echo_body(&secret, &hows, &noise, code, false);
        let e = ApiError::from_response(status, Some("application/json"), &body, None)
            .scrub(&[&other, &secret]);
        let shown = show(&e);
        prop_assert!(!shown.contains(&secret), "{shown}\n{e:?}\n{body}");
    }

    /// The same with the secret also in `details.method`, which names an unknown method in
    /// the sentence ("method \"...\"").
    #[test]
    fn scrubbed_secrets_never_reach_the_error_text_via_the_method(
        secret in secret(), status in echo_status(), code in echo_code(),
        hows in prop::collection::vec(any::<u8>(), 5), noise in str_body(),
    ) {
        let body = echo_body(&secret, &hows, &noise, code, true);
        let e = ApiError::from_response(status, Some("application/json"), &body, None)
            .scrub(&[&secret]);
        let shown = show(&e);
        prop_assert!(!shown.contains(&secret), "{shown}\n{e:?}\n{body}");
    }

    /// `X-RateLimit-Reset` as any text, against any clock (NaN, infinities, negative).
    #[test]
    fn the_reset_header_never_panics(
        header in prop_oneof![
            2 => any::<String>(),
            3 => "[ \t]?[+-]?[0-9]{0,400}(\\.[0-9]{0,400})?[ \t]?",
            1 => "[+-.0-9eE ]{0,12}",
        ],
        now in prop_oneof![
            3 => any::<f64>(),
            1 => select(vec![f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0, -1.0, f64::MAX, f64::MIN, 1.7e12]),
        ],
    ) {
        let wait = wait_from_reset_header(Some(&header), now);
        prop_assert!(wait.is_none_or(|w| w <= 86_400_000));
        if !now.is_finite() {
            prop_assert_eq!(wait, None);
        }
        prop_assert_eq!(wait_from_reset_header(None, now), None);
    }

    /// Where the header is an ordinary number the wait is the clamped difference, to the ms.
    #[test]
    fn the_reset_header_reads_plain_numbers_right(
        int in "[0-9]{1,15}", frac in prop::option::of("[0-9]{1,6}"), minus in any::<bool>(),
        now in -1e15f64..1e15,
    ) {
        let text = format!("{}{int}{}", if minus { "-" } else { "" }, frac.map(|f| format!(".{f}")).unwrap_or_default());
        let reset: f64 = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        let expect = (reset - now).clamp(0.0, 86_400_000.0) as u64;
        let got = wait_from_reset_header(Some(&format!(" {text} ")), now);
        prop_assert!(got.is_some_and(|g| g.abs_diff(expect) <= 1), "{text} at {now}: {got:?}, not {expect}");
    }

    /// The plan against a hostile server (modest lies about `total`): no panic, no hang, no
    /// more requests than `request_ceiling()`.
    #[test]
    fn plan_survives_a_hostile_server(c in case(modest_total().boxed())) {
        drive(&c, Check::Everything)?;
    }

    /// Huge lies (10^12, u64::MAX and its neighbours, totals jumping between them): no
    /// panic, whether or not the load would end.
    #[test]
    fn plan_never_panics_on_huge_totals(c in case(any_total().boxed())) {
        drive(&c, Check::PanicsOnly)?;
    }

    /// Huge lies: the load still ends, within `request_ceiling()` requests.
    #[test]
    fn plan_finishes_on_huge_totals(c in case(any_total().boxed())) {
        drive(&c, Check::Everything)?;
    }

    /// The requests a load sends are bounded by the rows the server actually returned.
    #[test]
    fn plan_cost_follows_the_rows_returned(c in case(any_total().boxed())) {
        let r = drive(&c, Check::Everything)?;
        check_cost(&c, &r)?;
    }
}
