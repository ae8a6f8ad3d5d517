//! Times as people read them: "3 h ago", and the absolute time in the browser's locale.

use crate::i18n::{k, Arg, Lang};
use crate::tr;

const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

/// `ms` relative to `now_ms`, coarse on purpose: "just now", "5 min ago", "3 h ago",
/// "12 d ago", "4 mo ago", "2 y ago"; a time ahead of the clock reads "in 3 h".
pub fn relative(lang: Lang, ms: i64, now_ms: i64) -> String {
    let diff = now_ms.saturating_sub(ms);
    let (ago, d) = if diff >= 0 {
        (true, diff)
    } else {
        (false, diff.saturating_neg())
    };
    if d < MINUTE {
        return tr!(lang, REL_NOW);
    }
    let (n, ago_key, in_key) = if d < HOUR {
        (d / MINUTE, k::REL_MIN_AGO, k::REL_MIN_IN)
    } else if d < DAY {
        (d / HOUR, k::REL_H_AGO, k::REL_H_IN)
    } else if d < 60 * DAY {
        (d / DAY, k::REL_D_AGO, k::REL_D_IN)
    } else if d < 365 * DAY {
        (d / (30 * DAY), k::REL_MO_AGO, k::REL_MO_IN)
    } else {
        (d / (365 * DAY), k::REL_Y_AGO, k::REL_Y_IN)
    };
    let key = if ago { ago_key } else { in_key };
    lang.f(key, &[("n", Arg::from(n))])
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
    /// One formatter per locale for the page: `toLocaleString` builds a new one per call,
    /// which cost ~50 µs a row.
    static FORMATS: std::cell::RefCell<Vec<(Option<String>, Option<js_sys::Function>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// `Intl.DateTimeFormat(locale, {dateStyle, timeStyle: "medium"}).format`, or `None` when the
/// browser refuses the locale (a host's typo must not throw through the wasm).
#[cfg(target_arch = "wasm32")]
fn formatter(locale: Option<&str>) -> Option<js_sys::Function> {
    use wasm_bindgen::JsCast;
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let ctor: js_sys::Function = js_sys::Reflect::get(&intl, &"DateTimeFormat".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let locales = js_sys::Array::new();
    if let Some(l) = locale {
        locales.push(&l.into());
    }
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into()).ok()?;
    js_sys::Reflect::set(&options, &"timeStyle".into(), &"medium".into()).ok()?;
    let f = js_sys::Reflect::construct(&ctor, &js_sys::Array::of2(&locales, &options)).ok()?;
    js_sys::Reflect::get(&f, &"format".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// The absolute time in the browser's zone and the host's locale (else the browser's), for
/// a `title`; ISO 8601 when the browser cannot format it.
pub fn absolute(ms: i64, locale: Option<&str>) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let format = FORMATS.with(|cache| {
            let mut cache = cache.borrow_mut();
            if let Some((_, f)) = cache.iter().find(|(l, _)| l.as_deref() == locale) {
                return f.clone();
            }
            let f = formatter(locale).or_else(|| formatter(None));
            cache.push((locale.map(str::to_owned), f.clone()));
            f
        });
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
        if let Some(text) = format
            .and_then(|f| f.call1(&wasm_bindgen::JsValue::NULL, &date).ok())
            .and_then(|v| v.as_string())
        {
            return text;
        }
    }
    let _ = locale;
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
            assert_eq!(relative(Lang::En, ms, now), want, "{}", now - ms);
        }
        // Extremes do not overflow.
        assert_eq!(
            relative(Lang::En, i64::MIN, i64::MAX),
            format!("{} y ago", Lang::En.number((i64::MAX / (365 * DAY)) as f64))
        );
        assert!(relative(Lang::En, i64::MAX, i64::MIN).starts_with("in "));
        assert_eq!(relative(Lang::De, now - 3 * HOUR, now), "vor 3 Std.");
    }
}
