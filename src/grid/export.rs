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

/// One CSV line of these cells, each through the formula guard.
pub(crate) fn write_record<'a>(out: &mut String, cells: impl IntoIterator<Item = &'a str>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_csv_cell(out, cell);
    }
    out.push_str("\r\n");
}

/// Bytes that make a spreadsheet read a cell as a formula when they come first (OWASP's
/// list: `=`, `+`, `-`, `@`, tab, CR), plus NUL, which some readers drop before looking.
fn formula_start(b: u8) -> bool {
    matches!(b, b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r' | 0)
}

/// Bytes at which some reader starts a new cell or record: the separators of every locale
/// (`,` and `;`, tab) and line ends. A locale whose separator is `;` reads our `,` file
/// ignoring its quotes, so `x;=1+1` would put `=1+1` at the start of a cell there.
fn splits(b: u8) -> bool {
    matches!(b, b',' | b';' | b'\t' | b'\r' | b'\n')
}

/// Appends one CSV cell. Wherever a cell could start in some reader — at the cell's start,
/// and after a separator or line end inside it — a formula character (after any `"`s, which
/// such a reader may drop) gets a `'` before it, so it stays text: names and devices come
/// from users, and a username such as `=HYPERLINK(...)` or `x;=cmd` must not run. Cells
/// holding a separator, quote, CR or LF are quoted, with quotes doubled. Every byte looked
/// at is ASCII, so the cell is copied in slices cut at character boundaries.
pub fn push_csv_cell(out: &mut String, cell: &str) {
    let bytes = cell.as_bytes();
    let quote = bytes.iter().any(|&b| b == b'"' || splits(b));
    if quote {
        out.push('"');
    }
    // True where a reader may start a cell (quotes do not end that place).
    let mut at_start = true;
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let guard = at_start && formula_start(b);
        if guard || b == b'"' {
            out.push_str(cell.get(from..i).unwrap_or(""));
            out.push(if guard { '\'' } else { '"' });
            from = i;
        }
        at_start = splits(b) || (at_start && b == b'"');
    }
    out.push_str(cell.get(from..).unwrap_or(""));
    if quote {
        out.push('"');
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
            ("\tx", "\"'\tx\""),
            ("\0x", "'\0x"),
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

    /// Cells as a reader that ignores quotes sees them: split at every separator of any
    /// locale and at line ends, leading quotes dropped (as a quoted field's would be).
    fn fragments(csv: &str) -> Vec<String> {
        csv.split([',', ';', '\t', '\r', '\n'])
            .map(|f| f.trim_start_matches('"').to_owned())
            .collect()
    }

    fn starts_formula(f: &str) -> bool {
        f.starts_with(['=', '+', '-', '@', '\t', '\r', '\0'])
    }

    #[test]
    fn a_separator_then_a_formula_character_is_defused_in_every_locale() {
        for (raw, want) in [
            ("x;=1+1", "\"x;'=1+1\""),
            ("x,=1+1", "\"x,'=1+1\""),
            ("x\t=1", "\"x\t'=1\""),
            ("a\n@SUM(1)", "\"a\n'@SUM(1)\""),
            ("a\r\n-1", "\"a\r\n'-1\""),
            ("x;\"=1", "\"x;\"\"'=1\""),
            ("\"=1", "\"\"\"'=1\""),
            ("x;+1;-2", "\"x;'+1;'-2\""),
        ] {
            let out = cell(raw);
            assert_eq!(out, want, "{raw:?}");
            for f in fragments(&out) {
                assert!(
                    !starts_formula(&f),
                    "{raw:?} gives a formula cell {f:?} in {out:?}"
                );
            }
        }
        // A separator alone is only quoted; a space before the formula character keeps it text.
        assert_eq!(cell("a;b"), "\"a;b\"");
        assert_eq!(cell("x; =1"), "\"x; =1\"");
        assert_eq!(
            cell("Mozilla/5.0 (X11; Linux)"),
            "\"Mozilla/5.0 (X11; Linux)\""
        );
    }

    #[test]
    fn a_semicolon_locale_sees_no_formula_in_a_whole_export() {
        let s = load(vec![
            Fx::new("a")
                .client("browser", "x;=1+1", "1;@2")
                .user("u;-1", "n,=2", Some("p\t=3")),
            Fx::new("b").ip("::1;=HYPERLINK(1)").host("\0=x"),
        ]);
        let csv = to_csv(&s, &[0, 1]);
        for f in fragments(&csv) {
            assert!(!starts_formula(&f), "formula cell {f:?} in {csv:?}");
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
