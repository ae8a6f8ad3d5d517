//! The sentences of the findings features (panel, keep-newest actions, preview, report,
//! verification, logout record, new and gone) that are built from parts: each is one
//! catalogue message (`fd-*` in `i18n/*.ftl`) with its variables, so plurals and word order
//! are the language's. Messages without variables are used with `tr!` where they are shown.

use crate::i18n::Lang;
use crate::tr;

pub fn sessions(lang: Lang, n: usize) -> String {
    tr!(lang, FD_SESSIONS, n = n)
}

pub fn findings_button(lang: Lang, active: usize) -> String {
    match active {
        0 => tr!(lang, FD_FINDINGS),
        n => tr!(lang, FD_FINDINGS_ACTIVE, n = n),
    }
}

pub fn show_label(lang: Lang, finding: &str) -> String {
    tr!(lang, FD_SHOW_LABEL, finding = finding)
}

/// Beside "too many": the rows and how many users they belong to.
pub fn too_many_count(lang: Lang, rows: usize, of_users: usize) -> String {
    tr!(lang, FD_TOO_MANY_COUNT, rows = rows, users = of_users)
}

/// Beside duplicates: the rows, and what keeping the newest of each would end.
pub fn duplicates_count(lang: Lang, rows: usize, extra: usize) -> String {
    tr!(lang, FD_DUPLICATES_COUNT, rows = rows, extra = extra)
}

// Keep-newest actions.
pub fn keep_newest_user(lang: Lang, n: u32, user: &str, sessions_now: usize) -> String {
    tr!(
        lang,
        FD_KEEP_NEWEST_USER,
        n = n,
        user = user,
        now = sessions_now
    )
}

pub fn keep_newest_all(lang: Lang, n: u32, of_users: usize) -> String {
    tr!(lang, FD_KEEP_NEWEST_ALL, n = n, users = of_users)
}

pub fn keep_newest_of_each(lang: Lang, extra: usize) -> String {
    tr!(lang, FD_KEEP_NEWEST_OF_EACH, extra = extra)
}

pub fn more_users(lang: Lang, n: usize) -> String {
    tr!(lang, FD_MORE_USERS, n = n)
}

pub fn number_error(lang: Lang, min: u32, max: u32) -> String {
    tr!(lang, FD_NUMBER_ERROR, min = min, max = max)
}

pub fn embed_settings_refused(lang: Lang, why: &str) -> String {
    tr!(lang, FD_EMBED_REFUSED, why = why)
}

// The preview in the logout dialog.
pub fn preview_own(lang: Lang, n: usize) -> String {
    tr!(lang, FD_PREVIEW_OWN, n = n)
}

pub fn more_sessions(lang: Lang, n: usize) -> String {
    tr!(lang, FD_MORE_SESSIONS, n = n)
}

pub fn more_groups(lang: Lang, n: usize) -> String {
    tr!(lang, FD_MORE_GROUPS, n = n)
}

// The report after a run.
pub fn report_summary(lang: Lang, ended: usize, gone: usize, refused: usize) -> String {
    tr!(
        lang,
        FD_REPORT_SUMMARY,
        ended = ended,
        gone = gone,
        refused = refused
    )
}

pub fn verify_survivors(lang: Lang, n: usize) -> String {
    tr!(lang, FD_VERIFY_SURVIVORS, n = n)
}

pub fn verify_failed(lang: Lang, why: &str) -> String {
    tr!(lang, FD_VERIFY_FAILED, why = why)
}

// The logout record.
pub fn log_headers(lang: Lang) -> [String; 6] {
    [
        tr!(lang, FD_LOG_WHEN),
        tr!(lang, FD_LOG_WHOSE),
        tr!(lang, FD_LOG_SESSION),
        tr!(lang, FD_LOG_CLIENT),
        tr!(lang, FD_LOG_IP),
        tr!(lang, FD_LOG_RESULT),
    ]
}

pub fn log_button(lang: Lang, n: usize) -> String {
    match n {
        0 => tr!(lang, FD_LOG),
        n => tr!(lang, FD_LOG_COUNT, n = n),
    }
}

pub fn log_exported(lang: Lang, n: usize, file: &str) -> String {
    tr!(lang, FD_LOG_EXPORTED, n = n, file = file)
}

/// A record entry's result as the record view shows it (its CSV keeps `Outcome::key`).
pub fn outcome(lang: Lang, o: &crate::grid::record::Outcome) -> String {
    use crate::grid::record::Outcome;
    match o {
        Outcome::Ended => tr!(lang, FD_OUTCOME_ENDED),
        Outcome::AlreadyGone => tr!(lang, FD_OUTCOME_GONE),
        Outcome::Refused(_) => tr!(lang, FD_OUTCOME_REFUSED),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_the_number_in_each_language() {
        assert_eq!(sessions(Lang::En, 1), "1 session");
        assert_eq!(sessions(Lang::En, 1234), "1,234 sessions");
        assert_eq!(sessions(Lang::De, 2), "2 Sitzungen");
        assert_eq!(too_many_count(Lang::En, 12, 1), "12 sessions of 1 user");
        assert_eq!(preview_own(Lang::En, 1), "1 session of these is yours.");
        assert_eq!(preview_own(Lang::En, 2), "2 sessions of these are yours.");
        assert!(verify_survivors(Lang::En, 1).ends_with("end it."));
        assert!(verify_survivors(Lang::En, 3).ends_with("end them."));
        assert_eq!(log_button(Lang::En, 0), "Logout record");
        assert_eq!(log_button(Lang::En, 2), "Logout record (2)");
        assert_eq!(log_button(Lang::De, 0), "Abmeldeprotokoll");
        assert_ne!(
            sessions(Lang::Ar, 2),
            sessions(Lang::Ar, 3),
            "Arabic's dual"
        );
    }
}
