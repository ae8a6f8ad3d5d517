//! Export of the filtered, sorted rows: CSV safe to open in a spreadsheet, and raw JSON.

use super::session::{RowRef, Sessions};
use super::time::format_iso8601;
use serde::Serialize;

/// Prepend to CSV bytes for Excel, which otherwise reads UTF-8 as the local code page.
pub const UTF8_BOM: &str = "\u{feff}";

const CSV_HEADER: [&str; 12] = [
    "Client",
    "Device type",
    "Version",
    "OS",
    "User",
    "Username",
    "User ID",
    "Last login",
    "Login at (UTC)",
    "Device ID",
    "IP",
    "Host",
];

/// RFC 4180 CSV (header row, CRLF line ends) of `rows` in the given order; indices of
/// absent rows are skipped. Times in "Last login" are local, as on screen.
pub fn to_csv(sessions: &Sessions, rows: &[u32]) -> String {
    let mut out = String::with_capacity(rows.len().saturating_mul(160) + 128);
    write_record(&mut out, CSV_HEADER);
    for row in rows.iter().filter_map(|&i| sessions.row(i)) {
        let iso = row.login_ms().map(format_iso8601).unwrap_or_default();
        let login = row.login_text();
        let os = row.os();
        write_record(
            &mut out,
            [
                row.client(),
                row.kind().label(),
                row.version(),
                &os,
                row.user_display(),
                row.username(),
                row.user_id(),
                &login,
                &iso,
                row.session_id(),
                row.ip(),
                row.host(),
            ],
        );
    }
    out
}

fn write_record<'a>(out: &mut String, cells: impl IntoIterator<Item = &'a str>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_csv_cell(out, cell);
    }
    out.push_str("\r\n");
}

/// Appends one CSV cell. A cell a spreadsheet would run as a formula (starting with `=`,
/// `+`, `-`, `@`, tab or CR — OWASP's list) gets a leading `'`; names and devices come
/// from users, and a username such as `=HYPERLINK(...)` must stay text. Cells holding a
/// comma, quote, CR or LF are quoted, with quotes doubled.
pub fn push_csv_cell(out: &mut String, cell: &str) {
    let guard = matches!(
        cell.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    );
    let quote = cell.contains([',', '"', '\r', '\n']);
    if quote {
        out.push('"');
    }
    if guard {
        out.push('\'');
    }
    if quote {
        for c in cell.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

/// One exported session; the keys are part of the export format and must not change.
#[derive(Serialize)]
struct Record<'a> {
    #[serde(rename = "sessionId")]
    session_id: Option<&'a str>,
    #[serde(rename = "userId")]
    user_id: Option<&'a str>,
    username: Option<&'a str>,
    name: Option<&'a str>,
    client: Option<&'a str>,
    #[serde(rename = "deviceType")]
    device_type: &'static str,
    version: Option<&'a str>,
    #[serde(rename = "longVersion")]
    long_version: Option<&'a str>,
    os: Option<&'a str>,
    #[serde(rename = "osVersion")]
    os_version: Option<&'a str>,
    ip: Option<&'a str>,
    host: Option<&'a str>,
    /// UTC, in the wire's format.
    #[serde(rename = "loginAt")]
    login_at: Option<String>,
    current: bool,
}

fn some(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

impl<'a> Record<'a> {
    fn new(r: &RowRef<'a>) -> Record<'a> {
        Record {
            session_id: some(r.session_id()),
            user_id: some(r.user_id()),
            username: some(r.username()),
            name: some(r.user_name()),
            client: some(r.client()),
            device_type: r.kind().key(),
            version: some(r.version()),
            long_version: some(r.long_version()),
            os: some(r.os_name()),
            os_version: some(r.os_version()),
            ip: some(r.ip()),
            host: some(r.host()),
            login_at: r.login_ms().map(format_iso8601),
            current: r.surely_current(),
        }
    }
}

/// A JSON array with one object per row, keys always present, `null` for missing values.
/// Raw data: no formula guard, since JSON is not opened by spreadsheets as formulas.
pub fn to_json(sessions: &Sessions, rows: &[u32]) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(rows.len().saturating_mul(300) + 4);
    out.push(b'[');
    let mut written = 0usize;
    for row in rows.iter().filter_map(|&i| sessions.row(i)) {
        // Writing into a Vec cannot fail and these fields always serialise; should it
        // ever fail, the row is left out rather than the page crashing.
        let mark = out.len();
        out.extend_from_slice(if written == 0 { b"\n" } else { b",\n" });
        if serde_json::to_writer(&mut out, &Record::new(&row)).is_ok() {
            written += 1;
        } else {
            out.truncate(mark);
        }
    }
    out.extend_from_slice(b"\n]\n");
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::tests::{load, Fx};

    fn cell(s: &str) -> String {
        let mut out = String::new();
        push_csv_cell(&mut out, s);
        out
    }

    #[test]
    fn every_formula_prefix_is_defused() {
        for (raw, want) in [
            ("=1+1", "'=1+1"),
            ("+49 30 1234", "'+49 30 1234"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
            (
                "=HYPERLINK(\"http://evil\",\"x\")",
                "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"",
            ),
        ] {
            assert_eq!(cell(raw), want, "{raw:?}");
        }
        for harmless in ["a=b", "1-2", "x@y", " =1", "Chrome", "", "'quoted"] {
            assert_eq!(cell(harmless), harmless);
        }
    }

    #[test]
    fn quotes_commas_and_newlines_are_quoted() {
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(cell("cr\r\nlf"), "\"cr\r\nlf\"");
        assert_eq!(cell("Ünïcødé ✓"), "Ünïcødé ✓");
    }

    #[test]
    fn csv_has_a_header_crlf_lines_and_the_given_order() {
        let s = load(vec![
            Fx::new("a").client("browser", "Chrome", "113.0").user(
                "u1",
                "=cmd",
                Some("O'Brien, Pat"),
            ),
            Fx::new("b")
                .client("mobile-app", "RC Mobile", "4.0")
                .os("iOS", "17")
                .ip("10.0.0.1")
                .login("2023-05-24T00:25:54.234Z"),
        ]);
        let csv = to_csv(&s, &[1, 0, 7]);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines.len(), 4, "{csv:?}");
        assert_eq!(lines[0], "Client,Device type,Version,OS,User,Username,User ID,Last login,Login at (UTC),Device ID,IP,Host");
        assert_eq!(lines[1], "RC Mobile,Mobile app,4.0,iOS 17,,,,2023-05-24 00:25,2023-05-24T00:25:54.234Z,b,10.0.0.1,");
        assert_eq!(
            lines[2],
            "Chrome,Browser,113.0,,\"O'Brien, Pat\",'=cmd,u1,,,a,,"
        );
        assert_eq!(lines[3], "");
        assert!(!csv.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn json_keeps_raw_values_and_stable_keys() {
        let s = load(vec![
            Fx::new("a")
                .client("browser", "=Chrome", "113.0")
                .login("2023-05-24T00:25:54.234Z"),
            Fx::new("b"),
        ]);
        let json = to_json(&s, &[1, 0]);
        let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        let rows = v.as_array().expect("array");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0]["sessionId"], "b");
        assert_eq!(rows[0]["client"], serde_json::Value::Null);
        assert_eq!(rows[0]["deviceType"], "other");
        assert_eq!(rows[1]["client"], "=Chrome");
        assert_eq!(rows[1]["loginAt"], "2023-05-24T00:25:54.234Z");
        let keys: Vec<&String> = rows[1].as_object().expect("object").keys().collect();
        let want = [
            "client",
            "current",
            "deviceType",
            "host",
            "ip",
            "loginAt",
            "longVersion",
            "name",
            "os",
            "osVersion",
            "sessionId",
            "userId",
            "username",
            "version",
        ];
        assert_eq!(keys, want);
        assert_eq!(to_json(&s, &[]), "[\n]\n");
        assert!(serde_json::from_str::<serde_json::Value>(&to_json(&s, &[]))
            .is_ok_and(|v| v.as_array().is_some_and(Vec::is_empty)));
    }
}
