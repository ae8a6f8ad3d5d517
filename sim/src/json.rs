//! Small JSON and time helpers: ordered objects, ISO-8601 dates, JavaScript number semantics.
//!
//! serde_json's `Map` sorts keys unless `preserve_order` is on, and turning that feature on
//! would leak into the other workspace crates through feature unification; the wire bodies
//! here keep Rocket.Chat's key order, so they are built with [`Obj`] instead.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

/// A JSON object that serializes its keys in insertion order.
#[derive(Debug, Clone, Default)]
pub struct Obj(pub Vec<(String, OVal)>);

/// A value inside an [`Obj`]: either a plain JSON value or a nested ordered object.
#[derive(Debug, Clone)]
pub enum OVal {
    V(Value),
    O(Obj),
}

impl Obj {
    pub fn new() -> Self {
        Obj(Vec::new())
    }
    /// Appends a plain value.
    pub fn v(mut self, k: &str, v: impl Into<Value>) -> Self {
        self.0.push((k.to_string(), OVal::V(v.into())));
        self
    }
    /// Appends a nested ordered object.
    pub fn o(mut self, k: &str, o: Obj) -> Self {
        self.0.push((k.to_string(), OVal::O(o)));
        self
    }
    pub fn push(&mut self, k: &str, v: OVal) {
        self.0.push((k.to_string(), v));
    }
    pub fn render(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".into())
    }
}

impl Serialize for Obj {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl Serialize for OVal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            OVal::V(v) => v.serialize(s),
            OVal::O(o) => o.serialize(s),
        }
    }
}

/// A JSON object's entries in document order (as `JSON.parse` keeps them); a repeated key
/// keeps its first position and its last value, like JavaScript.
#[derive(Debug)]
pub struct Ordered<V>(pub Vec<(String, V)>);

impl<'de, V: serde::Deserialize<'de>> serde::Deserialize<'de> for Ordered<V> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Vis<V>(std::marker::PhantomData<V>);
        impl<'de, V: serde::Deserialize<'de>> serde::de::Visitor<'de> for Vis<V> {
            type Value = Ordered<V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<Ordered<V>, A::Error> {
                let mut out: Vec<(String, V)> = Vec::new();
                while let Some((k, v)) = m.next_entry::<String, V>()? {
                    match out.iter_mut().find(|(x, _)| *x == k) {
                        Some(slot) => slot.1 = v,
                        None => out.push((k, v)),
                    }
                }
                Ok(Ordered(out))
            }
        }
        d.deserialize_map(Vis(std::marker::PhantomData))
    }
}

/// Drops the whitespace between JSON tokens, keeping key order and string contents.
pub fn minify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_str, mut esc) = (false, false);
    for c in text.chars() {
        if in_str {
            out.push(c);
            if esc {
                esc = false;
            } else if c == '\\' {
                esc = true;
            } else if c == '"' {
                in_str = false;
            }
        } else if c == '"' {
            in_str = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Formats epoch milliseconds the way JavaScript's `Date.toISOString()` does.
pub fn iso_ms(ms: i64) -> String {
    let days = ms.div_euclid(86_400_000);
    let rem = ms.rem_euclid(86_400_000);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        y,
        m,
        d,
        rem / 3_600_000,
        rem / 60_000 % 60,
        rem / 1000 % 60,
        rem % 1000
    )
}

/// `iso_ms` without an allocation, for the hot path of serializing rows.
pub fn iso_ms_into(ms: i64, buf: &mut [u8; 24]) -> &str {
    let days = ms.div_euclid(86_400_000);
    let rem = ms.rem_euclid(86_400_000);
    let (y, m, d) = civil_from_days(days);
    if !(0..=9999).contains(&y) {
        let s = iso_ms(ms);
        let n = s.len().min(24);
        buf[..n].copy_from_slice(&s.as_bytes()[..n]);
        return std::str::from_utf8(&buf[..n]).unwrap_or("");
    }
    let put = |buf: &mut [u8; 24], at: usize, v: i64, w: usize| {
        let mut v = v;
        for i in (0..w).rev() {
            buf[at + i] = b'0' + (v % 10) as u8;
            v /= 10;
        }
    };
    *buf = *b"0000-00-00T00:00:00.000Z";
    put(buf, 0, y, 4);
    put(buf, 5, m, 2);
    put(buf, 8, d, 2);
    put(buf, 11, rem / 3_600_000, 2);
    put(buf, 14, rem / 60_000 % 60, 2);
    put(buf, 17, rem / 1000 % 60, 2);
    put(buf, 20, rem % 1000, 3);
    std::str::from_utf8(&buf[..]).unwrap_or("")
}

/// Parses `YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]` into epoch milliseconds.
pub fn parse_iso(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 19 || b[4] != b'-' || b[7] != b'-' || (b[10] != b'T' && b[10] != b' ') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> { s.get(r)?.parse::<i64>().ok() };
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (h, mi, se) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || se > 60 {
        return None;
    }
    let mut i = 19;
    let mut frac_ms = 0i64;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let digits = &s[start..i];
        let mut padded: String = digits.chars().take(3).collect();
        while padded.len() < 3 {
            padded.push('0');
        }
        frac_ms = padded.parse().ok()?;
    }
    let mut offset_min = 0i64;
    match s.get(i..) {
        Some("") | Some("Z") | Some("z") => {}
        Some(tz) if tz.len() == 6 && (tz.starts_with('+') || tz.starts_with('-')) => {
            let sign = if tz.starts_with('-') { -1 } else { 1 };
            let oh: i64 = tz.get(1..3)?.parse().ok()?;
            let om: i64 = tz.get(4..6)?.parse().ok()?;
            offset_min = sign * (oh * 60 + om);
        }
        _ => return None,
    }
    let days = days_from_civil(y, mo, d);
    Some(((days * 24 + h) * 60 + mi - offset_min) * 60_000 + se * 1000 + frac_ms)
}

/// Current time in epoch milliseconds.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// ajv's `coerceTypes` turns a query string into a number when `s == +s` in JavaScript;
/// this mirrors JavaScript's `Number(string)` for the strings a client can send.
pub fn js_number(s: &str) -> Option<f64> {
    if s.is_empty() {
        // `"" && ...` is falsy in ajv's coercion, so the empty string stays a string.
        return None;
    }
    let t = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if t.is_empty() {
        return Some(0.0);
    }
    let radix = |p: &str, r: u32| -> Option<f64> {
        if p.is_empty() {
            return None;
        }
        u128::from_str_radix(p, r).ok().map(|v| v as f64)
    };
    let lower = t.to_ascii_lowercase();
    if let Some(h) = lower.strip_prefix("0x") {
        return radix(h, 16);
    }
    if let Some(o) = lower.strip_prefix("0o") {
        return radix(o, 8);
    }
    if let Some(b) = lower.strip_prefix("0b") {
        return radix(b, 2);
    }
    match t {
        "Infinity" | "+Infinity" => return Some(f64::INFINITY),
        "-Infinity" => return Some(f64::NEG_INFINITY),
        _ => {}
    }
    // Rust accepts "inf"/"nan" spellings that JavaScript rejects.
    if !t
        .bytes()
        .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'))
    {
        return None;
    }
    t.parse::<f64>().ok()
}

/// JavaScript's `parseInt(String(n))` for a number, including its traps:
/// `String(1e99)` is `"1e+99"`, so the result is 1; non-finite values give `None` (NaN).
pub fn js_parse_int_of_number(n: f64) -> Option<i64> {
    if !n.is_finite() {
        return None;
    }
    let a = n.abs();
    if a >= 1e21 || (a != 0.0 && a < 1e-6) {
        // Exponent notation: parseInt stops at the '.' or 'e' of the mantissa.
        let e = format!("{:e}", a);
        let lead: String = e.chars().take_while(|c| c.is_ascii_digit()).collect();
        let v: i64 = lead.parse().unwrap_or(0);
        return Some(if n < 0.0 { -v } else { v });
    }
    Some(n.trunc() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_round_trip() {
        let ms = parse_iso("2023-05-24T00:25:54.234Z").unwrap();
        assert_eq!(iso_ms(ms), "2023-05-24T00:25:54.234Z");
        assert_eq!(iso_ms(0), "1970-01-01T00:00:00.000Z");
        let mut b = [0u8; 24];
        assert_eq!(iso_ms_into(ms, &mut b), "2023-05-24T00:25:54.234Z");
        assert_eq!(
            parse_iso("2024-02-29T12:00:00+01:00").map(iso_ms).unwrap(),
            "2024-02-29T11:00:00.000Z"
        );
        assert!(parse_iso("nope").is_none());
    }

    #[test]
    fn js_numbers() {
        assert_eq!(js_number("5"), Some(5.0));
        assert_eq!(js_number(" 5 "), Some(5.0));
        assert_eq!(js_number("1e99"), Some(1e99));
        assert_eq!(js_number("abc"), None);
        assert_eq!(js_number(""), None);
        assert_eq!(js_number("inf"), None);
        assert_eq!(js_number("0x10"), Some(16.0));
        assert_eq!(js_parse_int_of_number(1e99), Some(1));
        assert_eq!(js_parse_int_of_number(-5.7), Some(-5));
        assert_eq!(js_parse_int_of_number(2.5e-7), Some(2));
        assert_eq!(js_parse_int_of_number(f64::NAN), None);
    }
}
