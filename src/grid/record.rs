//! The record of logouts made from the page: one entry per session the admin tried to end,
//! kept in memory for the page's life and exported as CSV (formula-safe) or JSON.
//!
//! It holds ids, names, client, IP, time and outcome: nothing secret (no token, no 2FA
//! code, no password). A refusal's reason is the sentence the page showed, cut to
//! [`MAX_REASON`] characters.

use super::export::write_record;
use super::session::RowRef;
use super::time::format_iso8601;
use serde::Serialize;

/// The longest reason kept.
pub const MAX_REASON: usize = 300;

/// How one logout ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The server ended the session.
    Ended,
    /// The session no longer existed when asked to end it.
    AlreadyGone,
    /// The server (or the page) refused; the reason as a sentence.
    Refused(String),
}

impl Outcome {
    /// Stable key for exports and events.
    pub fn key(&self) -> &'static str {
        match self {
            Outcome::Ended => "ended",
            Outcome::AlreadyGone => "already-gone",
            Outcome::Refused(_) => "refused",
        }
    }

    /// For people.
    pub fn label(&self) -> &'static str {
        match self {
            Outcome::Ended => "Ended",
            Outcome::AlreadyGone => "Already gone",
            Outcome::Refused(_) => "Refused",
        }
    }

    pub fn reason(&self) -> Option<&str> {
        match self {
            Outcome::Refused(r) => Some(r),
            _ => None,
        }
    }
}

/// One logout: who ended which session, whose it was, and how it went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The signed-in admin's user id.
    pub admin_id: String,
    pub session_id: String,
    pub user_id: String,
    pub username: String,
    pub client: String,
    pub ip: String,
    /// When the answer came, epoch ms.
    pub at_ms: i64,
    pub outcome: Outcome,
}

impl Entry {
    /// The entry for a row of the table (its fields as loaded).
    pub fn for_row(admin_id: &str, row: &RowRef<'_>, at_ms: i64, outcome: Outcome) -> Entry {
        Entry {
            admin_id: admin_id.to_owned(),
            session_id: row.session_id().to_owned(),
            user_id: row.user_id().to_owned(),
            username: row.username().to_owned(),
            client: row.client().to_owned(),
            ip: row.ip().to_owned(),
            at_ms,
            outcome,
        }
        .clipped()
    }

    fn clipped(mut self) -> Entry {
        self.outcome = clip(self.outcome);
        self
    }

    /// The entry as one JSON object (the `rcdm:logout` event's detail and a line of the
    /// JSON export); the keys are part of the format.
    pub fn to_json(&self) -> String {
        // Plain strings and numbers always serialise.
        serde_json::to_string(&JsonEntry::new(self)).unwrap_or_else(|_| "{}".to_owned())
    }
}

fn clip(outcome: Outcome) -> Outcome {
    match outcome {
        Outcome::Refused(r) if r.chars().count() > MAX_REASON => {
            Outcome::Refused(r.chars().take(MAX_REASON).collect())
        }
        o => o,
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonEntry<'a> {
    at: String,
    admin_id: &'a str,
    session_id: &'a str,
    user_id: &'a str,
    username: &'a str,
    client: &'a str,
    ip: &'a str,
    result: &'static str,
    reason: Option<&'a str>,
}

impl<'a> JsonEntry<'a> {
    fn new(e: &'a Entry) -> JsonEntry<'a> {
        JsonEntry {
            at: format_iso8601(e.at_ms),
            admin_id: &e.admin_id,
            session_id: &e.session_id,
            user_id: &e.user_id,
            username: &e.username,
            client: &e.client,
            ip: &e.ip,
            result: e.outcome.key(),
            reason: e.outcome.reason(),
        }
    }
}

const CSV_HEADER: [&str; 9] = [
    "When (UTC)",
    "Admin user ID",
    "Device ID",
    "User ID",
    "Username",
    "Client",
    "IP",
    "Result",
    "Reason",
];

/// The page's logout record, oldest first; it only grows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogoutLog {
    entries: Vec<Entry>,
}

impl LogoutLog {
    pub fn push(&mut self, entry: Entry) {
        self.entries.push(entry.clipped());
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// RFC 4180 CSV with a header and CRLF line ends, every cell through the export's
    /// formula guard.
    pub fn to_csv(&self) -> String {
        let mut out = String::with_capacity(self.entries.len() * 120 + 100);
        write_record(&mut out, CSV_HEADER);
        for e in &self.entries {
            let at = format_iso8601(e.at_ms);
            write_record(
                &mut out,
                [
                    at.as_str(),
                    &e.admin_id,
                    &e.session_id,
                    &e.user_id,
                    &e.username,
                    &e.client,
                    &e.ip,
                    e.outcome.label(),
                    e.outcome.reason().unwrap_or(""),
                ],
            );
        }
        out
    }

    /// A JSON array of [`Entry::to_json`] objects.
    pub fn to_json(&self) -> String {
        let mut out = String::from("[");
        for (k, e) in self.entries.iter().enumerate() {
            out.push_str(if k == 0 { "\n" } else { ",\n" });
            out.push_str(&e.to_json());
        }
        out.push_str("\n]\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::tests::{load, Fx};

    fn entry(outcome: Outcome) -> Entry {
        let s = load(vec![Fx::new("s1")
            .client("browser", "=Chrome", "120")
            .user("u1", "-ann", None)
            .ip("10.0.0.1")]);
        let row = s.row(0).expect("row 0");
        Entry::for_row("admin1", &row, 1_735_689_600_000, outcome)
    }

    #[test]
    fn an_entry_takes_the_rows_fields() {
        let e = entry(Outcome::Ended);
        assert_eq!(
            (
                e.session_id.as_str(),
                e.user_id.as_str(),
                e.username.as_str()
            ),
            ("s1", "u1", "-ann")
        );
        assert_eq!((e.client.as_str(), e.ip.as_str()), ("=Chrome", "10.0.0.1"));
        assert_eq!(e.admin_id, "admin1");
    }

    #[test]
    fn the_log_appends_and_exports_csv_through_the_formula_guard() {
        let mut log = LogoutLog::default();
        assert!(log.is_empty());
        log.push(entry(Outcome::Ended));
        log.push(entry(Outcome::AlreadyGone));
        log.push(entry(Outcome::Refused("Not allowed;=no".into())));
        assert_eq!(log.len(), 3);
        let csv = log.to_csv();
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines.len(), 5, "{csv:?}");
        assert_eq!(
            lines[0],
            "When (UTC),Admin user ID,Device ID,User ID,Username,Client,IP,Result,Reason"
        );
        assert_eq!(
            lines[1],
            "2025-01-01T00:00:00.000Z,admin1,s1,u1,'-ann,'=Chrome,10.0.0.1,Ended,"
        );
        assert!(lines[2].ends_with(",Already gone,"), "{}", lines[2]);
        assert!(
            lines[3].ends_with(",Refused,\"Not allowed;'=no\""),
            "{}",
            lines[3]
        );
    }

    #[test]
    fn json_export_has_stable_keys_raw_values_and_the_reason() {
        let mut log = LogoutLog::default();
        log.push(entry(Outcome::Refused("x".repeat(MAX_REASON + 50))));
        log.push(entry(Outcome::Ended));
        let v: serde_json::Value = serde_json::from_str(&log.to_json()).expect("valid JSON");
        let rows = v.as_array().expect("array");
        assert_eq!(rows.len(), 2);
        let keys: Vec<&String> = rows[0].as_object().expect("object").keys().collect();
        assert_eq!(
            keys,
            [
                "adminId",
                "at",
                "client",
                "ip",
                "reason",
                "result",
                "sessionId",
                "userId",
                "username"
            ]
        );
        assert_eq!(rows[0]["result"], "refused");
        assert_eq!(
            rows[0]["reason"].as_str().map(|r| r.chars().count()),
            Some(MAX_REASON)
        );
        assert_eq!(rows[1]["result"], "ended");
        assert_eq!(rows[1]["reason"], serde_json::Value::Null);
        assert_eq!(rows[1]["client"], "=Chrome");
        assert_eq!(rows[1]["at"], "2025-01-01T00:00:00.000Z");
        assert_eq!(LogoutLog::default().to_json(), "[\n]\n");
    }

    #[test]
    fn nothing_secret_is_in_an_entry() {
        // The only admin data an entry can hold is the user id: no token field exists, and
        // the JSON keys are exactly those listed (checked above).
        let json = entry(Outcome::Ended).to_json();
        for word in ["token", "password", "2fa", "code"] {
            assert!(!json.to_ascii_lowercase().contains(word), "{json}");
        }
    }
}
