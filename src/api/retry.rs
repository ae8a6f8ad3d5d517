//! When to try a failed request again and how long to wait first: a pure policy, so the
//! schedule is tested natively and the same rule serves single calls and the page fetch.

use super::error::ApiError;

/// Bounded exponential backoff with jitter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included (1 = never retry).
    pub max_attempts: u32,
    /// The backoff before the second attempt, before jitter.
    pub base_ms: u64,
    /// The backoff never grows beyond this.
    pub max_backoff_ms: u64,
    /// A 429 asking for a longer wait than this is not waited out but reported.
    pub max_rate_wait_ms: u64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 4,
            base_ms: 500,
            max_backoff_ms: 8_000,
            max_rate_wait_ms: 120_000,
        }
    }
}

impl RetryPolicy {
    /// A policy that reports the first failure: for calls that must not run twice.
    pub fn never() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// After attempt number `attempt` (1-based) failed with `err`: the pause before the next
    /// attempt, or `None` to give up. `jitter` is uniform in [0, 1).
    pub fn after_failure(&self, attempt: u32, err: &ApiError, jitter: f64) -> Option<u64> {
        if attempt >= self.max_attempts || !err.is_retryable() {
            return None;
        }
        let jitter = if jitter.is_finite() {
            jitter.clamp(0.0, 1.0)
        } else {
            0.5
        };
        if let ApiError::RateLimited {
            wait_ms: Some(wait),
        } = err
        {
            if *wait > self.max_rate_wait_ms {
                return None;
            }
            // A little past the reset, spread so parallel pages do not return in one burst.
            return Some(wait + 100 + (jitter * 400.0) as u64);
        }
        let exp = self
            .base_ms
            .saturating_mul(1u64 << attempt.saturating_sub(1).min(20))
            .min(self.max_backoff_ms);
        // A limiter that did not say how long gets at least a couple of seconds.
        let exp = match err {
            ApiError::RateLimited { .. } => exp.max(2_000),
            _ => exp,
        };
        // "Equal jitter": at least half the backoff, so retries never stampede at zero.
        Some(exp / 2 + (jitter * (exp / 2) as f64) as u64)
    }
}

/// A small deterministic generator for jitter (SplitMix64): seeded from the clock in the
/// browser and from a constant in tests.
#[derive(Debug, Clone)]
pub struct Jitter(u64);

impl Jitter {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// Uniform in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}
