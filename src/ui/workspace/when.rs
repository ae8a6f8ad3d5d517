//! Times as people read them: "3 h ago", and the absolute time in the browser's locale.

const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

/// `ms` relative to `now_ms`, coarse on purpose: "just now", "5 min ago", "3 h ago",
/// "12 d ago", "4 mo ago", "2 y ago"; a time ahead of the clock reads "in 3 h".
pub fn relative(ms: i64, now_ms: i64) -> String {
    let diff = now_ms.saturating_sub(ms);
    let (ago, d) = if diff >= 0 {
        (true, diff)
    } else {
        (false, diff.saturating_neg())
    };
    if d < MINUTE {
        return "just now".to_owned();
    }
    let amount = if d < HOUR {
        format!("{} min", d / MINUTE)
    } else if d < DAY {
        format!("{} h", d / HOUR)
    } else if d < 60 * DAY {
        format!("{} d", d / DAY)
    } else if d < 365 * DAY {
        format!("{} mo", d / (30 * DAY))
    } else {
        format!("{} y", d / (365 * DAY))
    };
    if ago {
        format!("{amount} ago")
    } else {
        format!("in {amount}")
    }
}

/// Local time minus UTC in minutes (JavaScript's `getTimezoneOffset` has the opposite sign).
pub fn tz_offset_minutes() -> i32 {
    #[cfg(target_arch = "wasm32")]
    {
        let js = js_sys::Date::new_0().get_timezone_offset();
        if js.is_finite() {
            return -(js as i32);
        }
    }
    0
}

/// Epoch ms now.
pub fn now_ms() -> i64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() as i64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0)
    }
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// One formatter for the page: `toLocaleString` builds a new one per call, which cost
    /// ~50 µs a row.
    static FORMAT: Option<js_sys::Function> = {
        let f = js_sys::Intl::DateTimeFormat::new(
            &js_sys::Array::new(),
            &{
                let o = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&o, &"dateStyle".into(), &"medium".into());
                let _ = js_sys::Reflect::set(&o, &"timeStyle".into(), &"medium".into());
                o
            },
        );
        Some(f.format())
    };
}

/// The absolute time in the browser's locale and zone (for a `title`).
pub fn absolute(ms: i64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
        let text = FORMAT.with(|f| {
            f.as_ref()
                .and_then(|f| f.call1(&wasm_bindgen::JsValue::NULL, &date).ok())
                .and_then(|v| v.as_string())
        });
        if let Some(t) = text {
            return t;
        }
    }
    crate::grid::format_iso8601(ms)
}

/// Today's local date as `YYYY-MM-DD` (file names).
pub fn today() -> String {
    let now = now_ms();
    crate::grid::format_day(crate::grid::local_day(now, tz_offset_minutes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_times_round_down_and_read_naturally() {
        let now = 1_700_000_000_000;
        let cases = [
            (now, "just now"),
            (now - 59_999, "just now"),
            (now - MINUTE, "1 min ago"),
            (now - 59 * MINUTE, "59 min ago"),
            (now - 3 * HOUR - 5 * MINUTE, "3 h ago"),
            (now - 2 * DAY, "2 d ago"),
            (now - 59 * DAY, "59 d ago"),
            (now - 90 * DAY, "3 mo ago"),
            (now - 800 * DAY, "2 y ago"),
            (now + 3 * HOUR, "in 3 h"),
        ];
        for (ms, want) in cases {
            assert_eq!(relative(ms, now), want, "{}", now - ms);
        }
        // Extremes do not overflow.
        assert_eq!(
            relative(i64::MIN, i64::MAX),
            format!("{} y ago", i64::MAX / (365 * DAY))
        );
        assert!(relative(i64::MAX, i64::MIN).starts_with("in "));
    }
}
