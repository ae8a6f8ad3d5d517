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
            current: r.current(),
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
