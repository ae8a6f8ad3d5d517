//! The command line: every flag of rc-sim, parsed by clap (unknown flags exit with code 2).

use clap::{Args, Parser};
use serde::{Deserialize, Serialize};

/// Which CORS policy the simulated `API_Enable_CORS` / `API_CORS_Origin` settings give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cors {
    Off,
    Any,
    List(Vec<String>),
}

fn parse_cors(s: &str) -> Result<Cors, String> {
    match s.trim() {
        "off" | "" => Ok(Cors::Off),
        "*" => Ok(Cors::Any),
        list => Ok(Cors::List(
            list.split(',')
                .map(|o| o.trim().to_lowercase())
                .filter(|o| !o.is_empty())
                .collect(),
        )),
    }
}

fn parse_switch(s: &str) -> Result<bool, String> {
    match s {
        "on" | "true" | "1" | "yes" => Ok(true),
        "off" | "false" | "0" | "no" => Ok(false),
        _ => Err(format!("expected on|off, got {s:?}")),
    }
}

fn parse_now(s: &str) -> Result<i64, String> {
    crate::json::parse_iso(s.trim())
        .ok_or_else(|| format!("expected an ISO-8601 instant like 2025-12-01T09:00:00Z, got {s:?}"))
}

fn parse_rate(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|_| format!("not a number: {s:?}"))?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err("a share between 0 and 1".into())
    }
}

/// The longest delay a fault may ask for (latency, jitter, trickle): one hour. Longer values
/// are refused (clap error, or 400 from `POST /_sim/faults`) instead of hanging or overflowing.
pub const MAX_DELAY_MS: u64 = 3_600_000;
/// The largest `--pad-bytes`: 256 MiB, far past any client's body cap, short of exhausting memory.
pub const MAX_PAD_BYTES: u64 = 256 << 20;

fn parse_delay(s: &str) -> Result<u64, String> {
    let v: u64 = s
        .parse()
        .map_err(|_| format!("not a whole number: {s:?}"))?;
    if v <= MAX_DELAY_MS {
        Ok(v)
    } else {
        Err(format!("at most {MAX_DELAY_MS} ms"))
    }
}

fn parse_pad(s: &str) -> Result<u64, String> {
    let v: u64 = s
        .parse()
        .map_err(|_| format!("not a whole number: {s:?}"))?;
    if v <= MAX_PAD_BYTES {
        Ok(v)
    } else {
        Err(format!("at most {MAX_PAD_BYTES} bytes"))
    }
}

/// The text of a JSON number (RFC 8259 grammar), kept verbatim: `--lying-total` emits it as is,
/// so `1e300`, `-5` or `1.5` reach the client exactly as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JsonNumber(pub String);

impl JsonNumber {
    pub fn parse(s: &str) -> Result<Self, String> {
        let b = s.as_bytes();
        let mut i = 0;
        let digits = |i: &mut usize| {
            let start = *i;
            while *i < b.len() && b[*i].is_ascii_digit() {
                *i += 1;
            }
            *i - start
        };
        if b.get(i) == Some(&b'-') {
            i += 1;
        }
        let int_start = i;
        let n = digits(&mut i);
        let ok_int = n == 1 || (n > 1 && b[int_start] != b'0');
        let mut ok = ok_int;
        if ok && b.get(i) == Some(&b'.') {
            i += 1;
            ok = digits(&mut i) > 0;
        }
        if ok && matches!(b.get(i), Some(b'e' | b'E')) {
            i += 1;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            ok = digits(&mut i) > 0;
        }
        if ok && i == b.len() && s.len() <= 1000 {
            Ok(JsonNumber(s.to_string()))
        } else {
            Err(format!("not a JSON number: {s:?}"))
        }
    }
}

impl<'de> Deserialize<'de> for JsonNumber {
    /// `"1e300"` (any JSON number text) or a JSON number.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match serde_json::Value::deserialize(d)? {
            serde_json::Value::Number(n) => Ok(JsonNumber(n.to_string())),
            serde_json::Value::String(s) => JsonNumber::parse(&s).map_err(serde::de::Error::custom),
            other => Err(serde::de::Error::custom(format!(
                "expected a JSON number or its text, got {other}"
            ))),
        }
    }
}

/// Fault injection settings; `POST /_sim/faults` takes the same names as JSON.
#[derive(Debug, Clone, Args, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Faults {
    /// Fixed delay added to every /api/ response, in milliseconds (at most 3600000).
    #[arg(long = "latency-ms", default_value_t = 0, value_parser = parse_delay)]
    pub latency_ms: u64,
    /// Extra random delay between 0 and this many milliseconds (at most 3600000).
    #[arg(long = "jitter-ms", default_value_t = 0, value_parser = parse_delay)]
    pub jitter_ms: u64,
    /// Share of /api/ requests answered 500 with an HTML body.
    #[arg(long = "fail-500", default_value_t = 0.0, value_parser = parse_rate)]
    pub fail_500: f64,
    /// Share answered 502 Bad Gateway (as from a reverse proxy).
    #[arg(long = "fail-502", default_value_t = 0.0, value_parser = parse_rate)]
    pub fail_502: f64,
    /// Share answered 503 Service Unavailable.
    #[arg(long = "fail-503", default_value_t = 0.0, value_parser = parse_rate)]
    pub fail_503: f64,
    /// Share of requests whose connection is dropped without a complete response.
    #[arg(long = "drop", default_value_t = 0.0, value_parser = parse_rate)]
    pub drop: f64,
    /// Share of JSON responses cut in half (a complete HTTP response with broken JSON).
    #[arg(long = "truncate", default_value_t = 0.0, value_parser = parse_rate)]
    pub truncate: f64,
    /// Share of responses sent with `Content-Type: text/html`.
    #[arg(long = "wrong-content-type", default_value_t = 0.0, value_parser = parse_rate)]
    pub wrong_content_type: f64,
    /// Send bodies in 64-byte chunks with this many milliseconds between chunks (0 = off).
    #[arg(long = "trickle-ms", default_value_t = 0, value_parser = parse_delay)]
    pub trickle_ms: u64,
    /// list.all answers `"total": T` verbatim (any JSON number text), whatever the real count.
    #[arg(long = "lying-total", allow_hyphen_values = true, value_parser = JsonNumber::parse)]
    pub lying_total: Option<JsonNumber>,
    /// list.all's total jumps by +N on odd-numbered list.all answers and by -N on even ones.
    #[arg(
        long = "total-jump",
        default_value_t = 0,
        allow_negative_numbers = true
    )]
    pub total_jump: i64,
    /// sessions/info.admin answers with another session row than the one asked for.
    #[arg(long = "info-wrong-id")]
    pub info_wrong_id: bool,
    /// Share of /api/ requests answered 429 by a "reverse proxy" (HTML, Retry-After, no X-RateLimit-*).
    #[arg(long = "proxy-429", default_value_t = 0.0, value_parser = parse_rate)]
    pub proxy_429: f64,
    /// The Retry-After seconds of `--proxy-429` answers.
    #[arg(long = "retry-after-secs", default_value_t = 2)]
    pub retry_after_secs: u64,
    /// Pad list.all bodies with an ignored field of this many bytes (at most 268435456).
    #[arg(long = "pad-bytes", default_value_t = 0, value_parser = parse_pad)]
    pub pad_bytes: u64,
    /// sessions/logout answers success but keeps the session (and its token).
    #[arg(long = "logout-ignored")]
    pub logout_ignored: bool,
}

impl Default for Faults {
    fn default() -> Self {
        Faults {
            latency_ms: 0,
            jitter_ms: 0,
            fail_500: 0.0,
            fail_502: 0.0,
            fail_503: 0.0,
            drop: 0.0,
            truncate: 0.0,
            wrong_content_type: 0.0,
            trickle_ms: 0,
            lying_total: None,
            total_jump: 0,
            info_wrong_id: false,
            proxy_429: 0.0,
            retry_after_secs: 2,
            pad_bytes: 0,
            logout_ignored: false,
        }
    }
}

impl Faults {
    /// The same limits as the command line, for values that arrive as JSON.
    pub fn validate(&self) -> Result<(), String> {
        for (name, v) in [
            ("latency_ms", self.latency_ms),
            ("jitter_ms", self.jitter_ms),
            ("trickle_ms", self.trickle_ms),
        ] {
            if v > MAX_DELAY_MS {
                return Err(format!("{name}: at most {MAX_DELAY_MS}"));
            }
        }
        for (name, v) in [
            ("fail_500", self.fail_500),
            ("fail_502", self.fail_502),
            ("fail_503", self.fail_503),
            ("drop", self.drop),
            ("truncate", self.truncate),
            ("wrong_content_type", self.wrong_content_type),
            ("proxy_429", self.proxy_429),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return Err(format!("{name}: a share between 0 and 1"));
            }
        }
        if self.pad_bytes > MAX_PAD_BYTES {
            return Err(format!("pad_bytes: at most {MAX_PAD_BYTES}"));
        }
        Ok(())
    }
}

/// rc-sim: a faithful Rocket.Chat REST API simulator (device management endpoints).
#[derive(Debug, Clone, Parser)]
#[command(name = "rc-sim", version, about)]
pub struct Config {
    /// Port to listen on (0 = any free port).
    #[arg(long, default_value_t = 3000)]
    pub port: u16,
    /// Address to bind.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Generate this many sessions (deterministic with --seed) instead of the example fixture.
    #[arg(long)]
    pub sessions: Option<usize>,
    /// Seed for --sessions.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The instant generated logins are spread before (ISO-8601, e.g. 2025-12-01T09:00:00Z);
    /// default: the clock at start. Pass it for rows that do not move from run to run.
    #[arg(long, value_parser = parse_now)]
    pub now: Option<i64>,
    /// Load session rows from a JSON file: `{"sessions":[...]}` or a plain array.
    #[arg(long, conflicts_with = "sessions")]
    pub fixture: Option<std::path::PathBuf>,
    /// Add `current: true` to the caller's own session row (8.7+ servers).
    #[arg(long = "mark-current", default_value = "on", value_parser = parse_switch, num_args = 0..=1, default_missing_value = "on")]
    pub mark_current: bool,
    /// New logins per second while serving (shifts pages under a multi-page fetch).
    #[arg(long = "login-rate", default_value_t = 0.0)]
    pub login_rate: f64,
    /// API_Upper_Count_Limit: a larger `count` is silently reduced to this (N >= 1).
    #[arg(long = "count-cap", default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..))]
    pub count_cap: u32,
    /// API_Default_Count: the page size when `count` is missing, then capped (N >= 1).
    #[arg(long = "default-count", default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..))]
    pub default_count: u32,
    /// Seconds a 2FA-authorized token stays authorized (Accounts_TwoFactorAuthentication_RememberFor);
    /// 0 or less turns remembering off.
    #[arg(
        long = "remember-for",
        default_value_t = 1800,
        allow_negative_numbers = true
    )]
    pub remember_for: i64,
    /// Accounts_TwoFactorAuthentication_Enabled: off = no call ever asks for a code.
    #[arg(long = "twofa", default_value = "on", value_parser = parse_switch, action = clap::ArgAction::Set)]
    pub twofa: bool,
    /// Enterprise licence with the device-management module: on|off.
    #[arg(long, default_value = "on", value_parser = parse_switch, action = clap::ArgAction::Set)]
    pub licence: bool,
    /// CORS: off, *, or a comma list of allowed origins.
    #[arg(long, default_value = "off", value_parser = parse_cors)]
    pub cors: Cors,
    /// Calls allowed per 60 s per route and client IP (0 = rate limiter off).
    #[arg(long = "rate-limit", default_value_t = 0)]
    pub rate_limit: u32,
    /// Also rate-limit admins (normally exempt through api-bypass-rate-limit).
    #[arg(long = "rate-limit-admins")]
    pub rate_limit_admins: bool,
    /// HTTP_FORWARDED_COUNT: proxies in front; the client address is the Nth X-Forwarded-For
    /// entry from the right (0 = the socket address, or X-Real-IP).
    #[arg(long = "forwarded-count", default_value_t = 0)]
    pub forwarded_count: u32,
    /// Close a connection whose request head has not fully arrived after this many seconds.
    #[arg(long = "header-timeout-secs", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub header_timeout_secs: u64,
    /// Mount the test-only control endpoints under /_sim/.
    #[arg(long = "test-control")]
    pub test_control: bool,
    /// Serve this directory at / (SPA fallback to index.html).
    #[arg(long = "serve-dir")]
    pub serve_dir: Option<std::path::PathBuf>,
    /// The admin's user id.
    #[arg(long = "admin-user-id", default_value = "rcsimAdminUser001")]
    pub admin_user_id: String,
    /// The admin's auth token (X-Auth-Token).
    #[arg(
        long = "admin-token",
        default_value = "rcsim-admin-token-0123456789abcdefghijklmn"
    )]
    pub admin_token: String,
    /// The admin's TOTP secret, base32.
    #[arg(
        long = "admin-totp-secret",
        default_value = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    )]
    pub admin_totp_secret: String,
    /// Print the admin's current TOTP code every 30 s: on|off.
    #[arg(long = "print-totp", default_value = "on", value_parser = parse_switch, num_args = 0..=1, default_missing_value = "on")]
    pub print_totp: bool,
    #[command(flatten)]
    pub faults: Faults,
}

impl Config {
    /// Parses a command line given as words (the first is the program name).
    pub fn from_args<I, T>(args: I) -> Result<Self, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        Config::try_parse_from(args)
    }
}
