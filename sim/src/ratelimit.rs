//! The REST rate limiter (contract §4): N calls per 60 s per route and client IP.
//!
//! Like Meteor's DDPRateLimiter it counts in fixed windows that start at the first call.

use std::collections::HashMap;

use axum::http::{HeaderMap, HeaderValue};

pub const WINDOW_MS: i64 = 60_000;

/// What the X-RateLimit-* headers say after a call.
#[derive(Debug, Clone, Copy)]
pub struct Verdict {
    pub limit: u32,
    pub remaining: u32,
    /// Absolute epoch milliseconds.
    pub reset_ms: i64,
    pub allowed: bool,
    /// Seconds to wait, as the 429 message gives it (`Math.ceil(timeToReset / 1000)`).
    pub wait_s: i64,
}

impl Verdict {
    pub fn apply(&self, h: &mut HeaderMap) {
        let set = |h: &mut HeaderMap, k: &'static str, v: String| {
            if let Ok(v) = HeaderValue::from_str(&v) {
                h.insert(k, v);
            }
        };
        set(h, "x-ratelimit-limit", self.limit.to_string());
        set(h, "x-ratelimit-remaining", self.remaining.to_string());
        set(h, "x-ratelimit-reset", self.reset_ms.to_string());
    }
}

#[derive(Debug, Default)]
pub struct RateLimiter {
    windows: HashMap<(String, String), (i64, u32)>,
}

impl RateLimiter {
    pub fn check(&mut self, route: &str, ip: &str, limit: u32, now: i64) -> Verdict {
        if self.windows.len() > 100_000 {
            self.windows
                .retain(|_, (start, _)| now - *start < WINDOW_MS);
        }
        let w = self
            .windows
            .entry((route.to_string(), ip.to_string()))
            .or_insert((now, 0));
        if now - w.0 >= WINDOW_MS {
            *w = (now, 0);
        }
        w.1 += 1;
        let time_to_reset = (w.0 + WINDOW_MS - now).max(0);
        Verdict {
            limit,
            remaining: limit.saturating_sub(w.1),
            reset_ms: now + time_to_reset,
            allowed: w.1 <= limit,
            wait_s: (time_to_reset + 999) / 1000,
        }
    }
}
