//! Every sentence the findings features show (panel, keep-newest actions, preview, report,
//! verification, logout record, new and gone), in one file: the translation catalogue can take
//! them in one step. Plurals are decided here, never by the caller.

use crate::grid::thousands;

/// "1 session", "1,234 sessions".
fn count(n: usize, one: &str, many: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        n => format!("{} {many}", thousands(n)),
    }
}

pub fn sessions(n: usize) -> String {
    count(n, "session", "sessions")
}

fn users(n: usize) -> String {
    count(n, "user", "users")
}

// The toolbar and the panel.
pub const FINDINGS: &str = "Findings";
pub const LOG: &str = "Logout record";
pub const SHOW: &str = "Show";
pub const PANEL_NOTE: &str =
    "Each finding is a filter: Show adds it as a chip, combined with the search and the other filters.";

pub fn findings_button(active: usize) -> String {
    match active {
        0 => FINDINGS.to_owned(),
        n => format!("{FINDINGS} ({n})"),
    }
}

pub fn show_label(finding: &str) -> String {
    format!("Show: {finding}")
}

/// Beside "too many": the rows and how many users they belong to.
pub fn too_many_count(rows: usize, of_users: usize) -> String {
    format!("{} of {}", sessions(rows), users(of_users))
}

/// Beside duplicates: the rows, and what keeping the newest of each would end.
pub fn duplicates_count(rows: usize, extra: usize) -> String {
    format!(
        "{} ({} beyond the newest)",
        sessions(rows),
        thousands(extra)
    )
}

pub const UNTRUSTED_OFF: &str = "Set trusted networks below to use this finding.";
pub const OUTDATED_OFF: &str = "Set minimum versions below to use this finding.";

// Keep-newest actions.
pub fn keep_newest_user(n: u32, user: &str, sessions_now: usize) -> String {
    format!("Keep the newest {n} of {user} ({sessions_now}), log out the rest")
}

pub fn keep_newest_all(n: u32, of_users: usize) -> String {
    format!(
        "Keep the newest {n} of each of these {}, log out the rest",
        users(of_users)
    )
}

pub fn keep_newest_of_each(extra: usize) -> String {
    format!(
        "Keep the newest of each duplicate group, log out the other {}",
        thousands(extra)
    )
}

pub fn more_users(n: usize) -> String {
    format!("and {} more", users(n))
}

pub const NOTHING_TO_END: &str = "Nothing to log out: no user has more than that.";

// Settings.
pub const SETTINGS: &str = "Settings";
pub const STALE_DAYS: &str = "Stale after (days)";
pub const MAX_PER_USER: &str = "Too many: more sessions than";
pub const MIN_VERSIONS: &str = "Minimum versions";
pub const MIN_VERSIONS_HINT: &str =
    "One per line: a client and its version, e.g. desktop-app 4.0.0, mobile-app 4.44.0, Chrome 120.";
pub const NETWORKS: &str = "Trusted networks";
pub const NETWORKS_HINT: &str =
    "One per line: a range and its label, e.g. 10.0.0.0/8 Office, 2001:db8::/32 VPN.";
pub const APPLY: &str = "Apply";
pub const EXPORT_SETTINGS: &str = "Export settings";
pub const IMPORT_SETTINGS: &str = "Import settings";
pub const SETTINGS_FILE: &str = "rcdm-findings-settings.json";

pub fn line_error(line: usize, message: &str) -> String {
    format!("Line {line}: {message}")
}

pub fn number_error(min: u32, max: u32) -> String {
    format!(
        "Use a whole number from {} to {}.",
        thousands(min as usize),
        thousands(max as usize)
    )
}

pub const SETTINGS_IMPORTED: &str = "Findings settings imported.";
pub const SETTINGS_EXPORTED: &str = "Findings settings exported.";
pub const FILE_UNREADABLE: &str = "The browser could not read this file.";

pub fn embed_settings_refused(why: &str) -> String {
    format!("The findings settings given by the page were not used: {why}")
}

// The details panel.
pub const NETWORK: &str = "Network";
pub const NO_NETWORK: &str = "(none of the trusted networks)";

// The preview in the logout dialog.
pub const PREVIEW_USERS: &str = "Per user";
pub const PREVIEW_CLIENTS: &str = "Per client";
pub const PREVIEW_FIRST: &str = "First sessions";

pub fn preview_own(n: usize) -> String {
    format!(
        "{} of these {} yours.",
        sessions(n),
        if n == 1 { "is" } else { "are" }
    )
}

pub fn preview_more(n: usize) -> String {
    format!("and {} more", sessions(n))
}

pub fn preview_more_groups(n: usize) -> String {
    format!("and {} more", thousands(n))
}

// The report after a run.
pub fn report_summary(ended: usize, gone: usize, refused: usize) -> String {
    format!(
        "{} ended, {} already gone, {} refused.",
        thousands(ended),
        thousands(gone),
        thousands(refused)
    )
}

pub const RETRY_FAILURES: &str = "Retry failures";
pub const VERIFY_RUNNING: &str = "Verifying: reading these users' sessions again…";
pub const VERIFY_OK: &str = "Verified: none of the ended sessions is still signed in.";

pub fn verify_survivors(n: usize) -> String {
    format!(
        "{} still signed in after the server said it ended: the server did not end {}.",
        sessions(n),
        if n == 1 { "it" } else { "them" }
    )
}

pub fn verify_failed(why: &str) -> String {
    format!("Could not verify: {why}")
}

pub const SURVIVED: &str = "still signed in";

// The logout record.
pub const LOG_EMPTY: &str = "No logout has been made from this page yet.";
pub const LOG_NOTE: &str = "Kept in this page's memory only; it holds no password or token.";
pub const EXPORT_CSV: &str = "Export CSV";
pub const EXPORT_JSON: &str = "Export JSON";
pub const LOG_HEADERS: [&str; 6] = ["When", "Whose", "Session", "Client", "IP", "Result"];

pub fn log_button(n: usize) -> String {
    match n {
        0 => LOG.to_owned(),
        n => format!("{LOG} ({})", thousands(n)),
    }
}

pub fn log_exported(n: usize, file: &str) -> String {
    format!("Exported {} to {file}", count(n, "logout", "logouts"))
}

// New and gone since the last load.
pub const NEW: &str = "new";
pub const NEW_TITLE: &str = "New since the last load";
pub const GONE: &str = "Gone since the last load";
pub const GONE_NONE: &str = "No session has vanished since this page was opened.";

pub fn gone_more(n: usize) -> String {
    format!("and {} more", sessions(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_the_number() {
        assert_eq!(sessions(1), "1 session");
        assert_eq!(sessions(1234), "1,234 sessions");
        assert_eq!(too_many_count(12, 1), "12 sessions of 1 user");
        assert_eq!(preview_own(1), "1 session of these is yours.");
        assert_eq!(preview_own(2), "2 sessions of these are yours.");
        assert!(verify_survivors(1).ends_with("end it."));
        assert!(verify_survivors(3).ends_with("end them."));
        assert_eq!(log_button(0), "Logout record");
        assert_eq!(log_button(2), "Logout record (2)");
    }
}
