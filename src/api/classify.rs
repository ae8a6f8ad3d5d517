//! Turns a non-success HTTP answer (status, content type, body) into an `ApiError`: a pure
//! function, so every error body of the contract can be checked natively.

use super::auth::{TwoFactorChallenge, TwoFactorMethod};
use super::error::{sanitize, ApiError};
use serde_json::Value;

impl ApiError {
    /// Classifies an answer whose status is not 2xx. `header_wait_ms` is the wait derived from
    /// `X-RateLimit-Reset` when the browser let us read it (same origin only).
    pub fn from_response(
        status: u16,
        content_type: Option<&str>,
        body: &str,
        header_wait_ms: Option<u64>,
    ) -> Self {
        // A gateway's 502/504 page is as much a server failure as Rocket.Chat's own 500.
        if status >= 500 {
            return Self::Server { status };
        }
        let json: Option<Value> = serde_json::from_str(body).ok();
        let Some(Value::Object(obj)) = json else {
            if status == 429 {
                return Self::RateLimited {
                    wait_ms: header_wait_ms.or_else(|| wait_from_text(body)),
                };
            }
            return Self::NotJson {
                status,
                truncated: looks_truncated(content_type, body),
            };
        };
        let text = |key: &str| obj.get(key).and_then(Value::as_str).unwrap_or_default();
        let error = text("error");
        let message = text("message");
        let code = error_code(text("errorType"), error);
        match code {
            "totp-required" => return Self::TwoFactorRequired(challenge(obj.get("details"))),
            "totp-invalid" => return Self::TwoFactorInvalid(challenge(obj.get("details"))),
            "totp-max-attempts" => return Self::TwoFactorMaxAttempts,
            "error-action-not-allowed" => return Self::NoLicence,
            "invalid-params" => {
                return Self::InvalidParams {
                    detail: sanitize(strip_code(error), 160),
                }
            }
            "error-invalid-sort" => return Self::InvalidSort,
            "error-invalid-sort-keys" => return Self::InvalidSortKeys,
            "error-too-many-requests" => {
                return Self::RateLimited {
                    wait_ms: header_wait_ms.or_else(|| wait_from_text(error)),
                }
            }
            c if c.starts_with("error-login-blocked") => return Self::LoginBlocked,
            _ => {}
        }
        match status {
            // 5.x/6.x answered a missing licence this way, lower-case and alone.
            401 if error == "unauthorized" => Self::NoLicence,
            // Newer bodies carry `error`, older ones only `status` + `message`.
            401 => Self::NotLoggedIn,
            403 => Self::Forbidden,
            404 if error == "Session not found" || message == "Session not found" => {
                Self::SessionNotFound
            }
            404 => Self::EndpointMissing,
            429 => Self::RateLimited {
                wait_ms: header_wait_ms
                    .or_else(|| wait_from_text(error))
                    .or_else(|| wait_from_text(message)),
            },
            _ => Self::Other {
                status,
                message: sanitize(if error.is_empty() { message } else { error }, 160),
            },
        }
    }
}

/// The machine-readable code: `errorType` when present, else `error` when it is a bare code
/// (login's 2FA answers), else the `[code]` that Meteor errors append to their text.
fn error_code<'a>(error_type: &'a str, error: &'a str) -> &'a str {
    if !error_type.is_empty() {
        return error_type;
    }
    if !error.is_empty() && !error.contains(' ') {
        return error;
    }
    match (error.rfind('['), error.strip_suffix(']')) {
        (Some(open), Some(_)) if open + 1 < error.len() - 1 => &error[open + 1..error.len() - 1],
        _ => "",
    }
}

/// "must NOT have additional properties [invalid-params]" → "must NOT have additional properties".
fn strip_code(error: &str) -> &str {
    match error.rfind(" [") {
        Some(i) if error.ends_with(']') => &error[..i],
        _ => error,
    }
}

fn challenge(details: Option<&Value>) -> TwoFactorChallenge {
    let Some(d) = details.and_then(Value::as_object) else {
        return TwoFactorChallenge::default();
    };
    let method = d
        .get("method")
        .and_then(Value::as_str)
        .map(TwoFactorMethod::parse)
        .unwrap_or(TwoFactorMethod::Totp);
    let available = d
        .get("availableMethods")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(Value::as_str)
                .take(8)
                .map(TwoFactorMethod::parse)
                .collect()
        })
        .unwrap_or_default();
    TwoFactorChallenge {
        method,
        available,
        code_generated: d.get("codeGenerated").and_then(Value::as_bool) == Some(true),
        email_hint: d
            .get("emailOrUsername")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(|s| sanitize(s, 120)),
    }
}

/// The rate limiter's "You must wait N seconds before trying this endpoint again".
pub fn wait_from_text(text: &str) -> Option<u64> {
    let rest = &text[text.find("wait ")? + 5..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let secs: u64 = digits.parse().ok()?;
    rest[digits.len()..]
        .trim_start()
        .starts_with("second")
        .then(|| secs.saturating_mul(1000))
}

/// The wait until `X-RateLimit-Reset` (absolute epoch milliseconds), when readable.
pub fn wait_from_reset_header(value: Option<&str>, now_ms: f64) -> Option<u64> {
    let reset = decimal(value?.trim())?;
    if !reset.is_finite() || !now_ms.is_finite() {
        return None;
    }
    Some((reset - now_ms).clamp(0.0, 86_400_000.0) as u64)
}

/// The wait a `Retry-After` header asks for, in milliseconds: whole seconds, or an HTTP date
/// (`Sun, 06 Nov 1994 08:49:37 GMT`) measured from `now_ms`. Reverse proxies send it with
/// their own 429s, where Rocket.Chat's `X-RateLimit-Reset` is absent. At most a day.
pub fn wait_from_retry_after(value: Option<&str>, now_ms: f64) -> Option<u64> {
    const DAY_MS: u64 = 86_400_000;
    let value = value?.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        let secs = value.get(..value.len().min(9))?;
        let secs: u64 = if value.len() > 9 {
            DAY_MS
        } else {
            secs.parse().ok()?
        };
        return Some(secs.saturating_mul(1000).min(DAY_MS));
    }
    let at = http_date_ms(value)?;
    if !now_ms.is_finite() {
        return None;
    }
    Some((at - now_ms).clamp(0.0, DAY_MS as f64) as u64)
}

/// An IMF-fixdate (RFC 9110 §5.6.7) as epoch milliseconds.
fn http_date_ms(s: &str) -> Option<f64> {
    let mut parts = s.split_ascii_whitespace();
    let (_weekday, day, month, year, time, zone) = (
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
    );
    if zone != "GMT" || parts.next().is_some() {
        return None;
    }
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS.iter().position(|m| *m == month)? as i64 + 1;
    let num = |t: &str, max: i64| -> Option<i64> {
        let ok = !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| t.parse().ok()).flatten().filter(|&v| v <= max)
    };
    let (day, year) = (num(day, 31)?, num(year, 9999)?);
    let mut hms = time.split(':');
    let (h, m, sec) = (
        num(hms.next()?, 23)?,
        num(hms.next()?, 59)?,
        num(hms.next()?, 60)?,
    );
    if day == 0 || hms.next().is_some() {
        return None;
    }
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(((days * 86_400 + h * 3_600 + m * 60 + sec) * 1000) as f64)
}

/// A plain decimal number (`[+-]digits[.digits]`, the form the header takes) read without
/// `f64::from_str`, whose exact-parsing code and tables cost the wasm ~14 KB brotli for this
/// one header. Exact for the integers the server sends (up to 2^53); a fraction is within an
/// ulp, which the whole-millisecond wait never shows.
fn decimal(s: &str) -> Option<f64> {
    let (negative, s) = match s.as_bytes().first()? {
        b'-' => (true, s.get(1..)?),
        b'+' => (false, s.get(1..)?),
        _ => (false, s),
    };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) {
        return None;
    }
    let value = |t: &str| t.bytes().fold(0.0, |v, b| v * 10.0 + f64::from(b - b'0'));
    // Digits past the 18th cannot move an f64 fraction (and 10^400 would overflow).
    let frac = frac.get(..frac.len().min(18)).unwrap_or("");
    let mut x = value(int) + value(frac) / 10f64.powi(frac.len() as i32);
    if negative {
        x = -x;
    }
    Some(x)
}

/// A JSON content type with a body that stops mid-value: a proxy or connection cut it short.
fn looks_truncated(content_type: Option<&str>, body: &str) -> bool {
    let json_type = content_type.is_some_and(|t| t.contains("json"));
    let starts_like_json = matches!(body.trim_start().chars().next(), Some('{' | '['));
    (json_type || starts_like_json)
        && serde_json::from_str::<serde::de::IgnoredAny>(body)
            .err()
            .is_some_and(|e| e.is_eof())
}
