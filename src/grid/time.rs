//! Login times: ISO-8601 parsing to epoch milliseconds and the one display format, no date crate.
//!
//! `tz_offset_minutes` is what to add to UTC to get local time (+120 in Berlin in summer).
//! Note that JavaScript's `Date.getTimezoneOffset()` has the opposite sign.

const MS_PER_DAY: i64 = 86_400_000;

/// Parses `2023-05-24T00:25:54.234Z` and the variants real servers and people write:
/// `t` or a space for `T`, no seconds, any number of fraction digits (`.` or `,`), `Z`,
/// `+02:00`, `+0200`, `+02`, no zone (read as UTC, as the server stores UTC), or a date
/// alone (midnight UTC). Anything else, including impossible dates, is `None`.
pub fn parse_iso8601(s: &str) -> Option<i64> {
    let b = s.trim().as_bytes();
    let year = digits(b, 0, 4)?;
    let month = digits(b, 5, 2)?;
    let day = digits(b, 8, 2)?;
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let date_ms = days_from_civil(year, month, day) * MS_PER_DAY;
    if b.len() == 10 {
        return Some(date_ms);
    }
    if !matches!(b.get(10), Some(b'T' | b't' | b' ')) || b.get(13) != Some(&b':') {
        return None;
    }
    let hour = digits(b, 11, 2)?;
    let minute = digits(b, 14, 2)?;
    let mut i = 16;
    let mut second = 0;
    let mut millis = 0;
    if b.get(i) == Some(&b':') {
        second = digits(b, i + 1, 2)?;
        i += 3;
        if matches!(b.get(i), Some(b'.' | b',')) {
            let start = i + 1;
            i = start;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                if i - start < 3 {
                    millis = millis * 10 + i64::from(b[i] - b'0');
                }
                i += 1;
            }
            let n = i - start;
            if n == 0 {
                return None;
            }
            for _ in n..3 {
                millis *= 10;
            }
        }
    }
    // A leap second (:60) is accepted and read as the last instant of its minute.
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let offset_min = match b.get(i..)? {
        [] | [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), rest @ ..] => {
            let (h, m) = match rest {
                [_, _] => (digits(rest, 0, 2)?, 0),
                [_, _, _, _] => (digits(rest, 0, 2)?, digits(rest, 2, 2)?),
                [_, _, b':', _, _] => (digits(rest, 0, 2)?, digits(rest, 3, 2)?),
                _ => return None,
            };
            if h > 23 || m > 59 {
                return None;
            }
            let v = h * 60 + m;
            if *sign == b'-' {
                -v
            } else {
                v
            }
        }
        _ => return None,
    };
    let (second, millis) = if second == 60 {
        (59, 999)
    } else {
        (second, millis)
    };
    let time_ms = ((hour * 60 + minute) * 60 + second) * 1000 + millis;
    Some(date_ms + time_ms - offset_min * 60_000)
}

/// The login time exactly as the table shows it: `YYYY-MM-DD HH:MM` in local time.
pub fn format_login(ms: i64, tz_offset_minutes: i32) -> String {
    let mut out = String::with_capacity(16);
    push_login(&mut out, ms, tz_offset_minutes);
    out
}

/// [`format_login`] into a buffer; loading writes 100,000 of these, and `format!` made
/// that a visible part of the load time.
pub(crate) fn push_login(out: &mut String, ms: i64, tz_offset_minutes: i32) {
    let local = ms.saturating_add(i64::from(tz_offset_minutes) * 60_000);
    let (y, mo, d) = civil_from_days(local.div_euclid(MS_PER_DAY));
    let minutes = local.rem_euclid(MS_PER_DAY) / 60_000;
    if (0..=9999).contains(&y) {
        push_digits(out, y, 4);
    } else {
        out.push_str(&y.to_string());
    }
    for (sep, v) in [
        ('-', mo),
        ('-', d),
        (' ', minutes / 60),
        (':', minutes % 60),
    ] {
        out.push(sep);
        push_digits(out, v, 2);
    }
}

/// `v` (0 ≤ v < 10^width) zero-padded to `width` digits.
fn push_digits(out: &mut String, v: i64, width: u32) {
    for p in (0..width).rev() {
        let digit = (v / 10i64.pow(p)).rem_euclid(10) as u8;
        out.push(char::from(b'0' + digit));
    }
}

/// The UTC instant in the wire's own format, `2023-05-24T00:25:54.234Z` (for JSON export).
pub fn format_iso8601(ms: i64) -> String {
    let (y, mo, d) = civil_from_days(ms.div_euclid(MS_PER_DAY));
    let t = ms.rem_euclid(MS_PER_DAY);
    let (s, milli) = (t / 1000, t % 1000);
    format!(
        "{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}.{milli:03}Z",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// The local calendar day of an instant, as days since 1970-01-01.
pub fn local_day(ms: i64, tz_offset_minutes: i32) -> i64 {
    ms.saturating_add(i64::from(tz_offset_minutes) * 60_000)
        .div_euclid(MS_PER_DAY)
}

/// `YYYY-MM-DD` for a day number from [`local_day`].
pub fn format_day(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Parses `YYYY-MM-DD` (an `<input type=date>` value) to a day number.
pub fn parse_day(s: &str) -> Option<i64> {
    let s = s.trim();
    if s.len() != 10 {
        return None;
    }
    parse_iso8601(s).map(|ms| ms.div_euclid(MS_PER_DAY))
}

/// The first and last millisecond of a local day: inclusive bounds for a date-range filter.
pub fn day_bounds(day: i64, tz_offset_minutes: i32) -> (i64, i64) {
    let start = day
        .saturating_mul(MS_PER_DAY)
        .saturating_sub(i64::from(tz_offset_minutes) * 60_000);
    (start, start.saturating_add(MS_PER_DAY - 1))
}

fn digits(b: &[u8], at: usize, n: usize) -> Option<i64> {
    let part = b.get(at..at.checked_add(n)?)?;
    part.iter().try_fold(0i64, |acc, c| {
        c.is_ascii_digit().then(|| acc * 10 + i64::from(c - b'0'))
    })
}

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z.saturating_add(719_468);
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe.saturating_add(era.saturating_mul(400));
    (if m <= 2 { y.saturating_add(1) } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2023-05-24T00:25:54.234Z, computed by hand: 19501 days since the epoch
    // (53 years incl. 13 leap days = 19358, + 143 days to May 24) plus 1554.234 s.
    const EXAMPLE_MS: i64 = 19_501 * 86_400_000 + 1_554_234;

    #[test]
    fn parses_the_contract_example_and_its_variants() {
        assert_eq!(parse_iso8601("2023-05-24T00:25:54.234Z"), Some(EXAMPLE_MS));
        assert_eq!(
            parse_iso8601(" 2023-05-24t00:25:54.234z "),
            Some(EXAMPLE_MS)
        );
        assert_eq!(
            parse_iso8601("2023-05-24 02:25:54.234+02:00"),
            Some(EXAMPLE_MS)
        );
        assert_eq!(
            parse_iso8601("2023-05-23T22:25:54.234-0200"),
            Some(EXAMPLE_MS)
        );
        assert_eq!(
            parse_iso8601("2023-05-24T01:25:54.234+01"),
            Some(EXAMPLE_MS)
        );
        assert_eq!(
            parse_iso8601("2023-05-24T00:25:54.2345678Z"),
            Some(EXAMPLE_MS)
        );
        assert_eq!(
            parse_iso8601("2023-05-24T00:25:54.2Z"),
            Some(EXAMPLE_MS - 34)
        );
        assert_eq!(
            parse_iso8601("2023-05-24T00:25Z"),
            Some(EXAMPLE_MS - 54_234)
        );
        assert_eq!(parse_iso8601("2023-05-24"), Some(19_501 * 86_400_000));
        assert_eq!(parse_iso8601("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_iso8601("1969-12-31T23:59:59.999Z"), Some(-1));
        assert_eq!(
            parse_iso8601("2016-12-31T23:59:60Z"),
            parse_iso8601("2016-12-31T23:59:59.999Z")
        );
    }

    #[test]
    fn rejects_garbage_and_impossible_dates() {
        for bad in [
            "",
            "yesterday",
            "2023-5-24",
            "2023-05-24T",
            "2023-05-24T00",
            "2023-02-29T00:00Z",
            "2023-13-01",
            "2023-00-10",
            "2023-04-31",
            "2023-05-24T24:00Z",
            "2023-05-24T00:60Z",
            "2023-05-24T00:25:54.Z",
            "2023-05-24T00:25:54.234ZZ",
            "2023-05-24T00:25:54+2",
            "2023-05-24T00:25:54+25:00",
            "２０２３-05-24",
            "2023/05/24",
            "-023-05-24",
            "2023-05-24T00:25:54.234Z\u{0}",
            "2023-05-24X00:25",
        ] {
            assert_eq!(parse_iso8601(bad), None, "{bad:?}");
        }
        assert!(parse_iso8601("2024-02-29T00:00Z").is_some());
        assert!(parse_iso8601("2000-02-29").is_some());
        assert_eq!(parse_iso8601("1900-02-29"), None);
    }

    #[test]
    fn formats_local_time_with_the_offset() {
        assert_eq!(format_login(EXAMPLE_MS, 0), "2023-05-24 00:25");
        assert_eq!(format_login(EXAMPLE_MS, 120), "2023-05-24 02:25");
        assert_eq!(format_login(EXAMPLE_MS, -60), "2023-05-23 23:25");
        assert_eq!(format_login(-1, 0), "1969-12-31 23:59");
        assert_eq!(format_login(951_782_400_000, 0), "2000-02-29 00:00");
        assert_eq!(format_iso8601(EXAMPLE_MS), "2023-05-24T00:25:54.234Z");
        assert_eq!(format_iso8601(-1), "1969-12-31T23:59:59.999Z");
        // Extremes must not panic.
        let _ = format_login(i64::MAX, i32::MAX);
        let _ = format_login(i64::MIN, i32::MIN);
        let _ = format_iso8601(i64::MIN);
        let _ = day_bounds(i64::MAX, i32::MIN);
    }

    #[test]
    fn days_round_trip_and_bound_a_local_day() {
        assert_eq!(parse_day("2023-05-24"), Some(19_501));
        assert_eq!(parse_day("2023-05-24T00:00"), None);
        assert_eq!(format_day(19_501), "2023-05-24");
        assert_eq!(local_day(EXAMPLE_MS, -60), 19_500);
        let (start, end) = day_bounds(19_501, 120);
        assert_eq!(format_login(start, 120), "2023-05-24 00:00");
        assert_eq!(format_login(end, 120), "2023-05-24 23:59");
        assert_eq!(local_day(start, 120), 19_501);
        assert_eq!(local_day(end, 120), 19_501);
        assert_eq!(local_day(end + 1, 120), 19_502);
        // Every 997th day from 0000-01-01 to 9999-12-31, the range the parser accepts.
        for day in (-719_528..2_932_897).step_by(997) {
            assert_eq!(parse_day(&format_day(day)), Some(day), "day {day}");
        }
    }
}
