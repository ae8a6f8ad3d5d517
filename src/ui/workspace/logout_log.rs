//! The logout record: every logout made from this workspace (who, which session, whose,
//! client, IP, when, result), viewable here and exported as CSV or JSON through the
//! export's download path. It lives in memory for the workspace's life.

use super::export::{download, ExportFile, Format};
use super::findings_text as text;
use super::state::Action;
use super::when;
use crate::grid::format_login;
use crate::grid::record::{Entry, LogoutLog};
use crate::grid::UTF8_BOM;
use crate::i18n::{Lang, Said};
use crate::tr;
use crate::ui::lang::use_lang;
use std::rc::Rc;
use yew::prelude::*;

/// Entries shown, newest first (the export has them all).
const SHOWN: usize = 500;

/// The record as a file of `format`, named by local `day`.
pub fn file(log: &LogoutLog, format: Format, day: &str) -> ExportFile {
    match format {
        Format::Csv => ExportFile {
            name: format!("logouts-{day}.csv"),
            mime: "text/csv;charset=utf-8",
            content: format!("{UTF8_BOM}{}", log.to_csv()),
        },
        Format::Json => ExportFile {
            name: format!("logouts-{day}.json"),
            mime: "application/json",
            content: log.to_json(),
        },
    }
}

fn entry_row(lang: Lang, e: &Entry, tz: i32) -> Html {
    let whose = if e.username.is_empty() {
        &e.user_id
    } else {
        &e.username
    };
    let result = match e.outcome.reason() {
        Some(why) => format!("{}: {why}", text::outcome(lang, &e.outcome)),
        None => text::outcome(lang, &e.outcome),
    };
    html! {
        <tr>
            <td>{ format_login(e.at_ms, tz) }</td><td>{ whose.clone() }</td>
            <td><code>{ e.session_id.clone() }</code></td><td>{ e.client.clone() }</td>
            <td>{ e.ip.clone() }</td><td>{ result }</td>
        </tr>
    }
}

#[derive(Properties, PartialEq)]
pub struct LogProps {
    pub uid: String,
    pub log: Rc<LogoutLog>,
    pub tz_offset_minutes: i32,
    pub dispatch: Callback<Action>,
}

#[function_component(LogPanel)]
pub fn log_panel(p: &LogProps) -> Html {
    let lang = use_lang();
    let title_id = format!("{}-log-title", p.uid);
    let export = |format: Format, label: String| {
        let (log, dispatch) = (p.log.clone(), p.dispatch.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            let f = file(&log, format, &when::today());
            let (text, error) = match download(&f) {
                Ok(()) => {
                    let (n, name) = (log.len(), f.name.clone());
                    (Said::new(move |l| text::log_exported(l, n, &name)), false)
                }
                Err(e) => (Said::key(e), true),
            };
            dispatch.emit(Action::Toast { text, error });
        });
        html! { <button type="button" {onclick} disabled={p.log.is_empty()}>{ label }</button> }
    };
    html! {
        <section class="logout-log" id={format!("{}-log", p.uid)} aria-labelledby={title_id.clone()}>
            <h2 id={title_id.clone()}>{ tr!(lang, FD_LOG) }</h2>
            <p class="note">{ tr!(lang, FD_LOG_NOTE) }</p>
            <div class="settings-actions">
                { export(Format::Csv, tr!(lang, EXPORT_CSV)) }
                { export(Format::Json, tr!(lang, EXPORT_JSON)) }
            </div>
            if p.log.is_empty() {
                <p class="note">{ tr!(lang, FD_LOG_EMPTY) }</p>
            } else {
                // Scrolls within the panel on a narrow screen instead of widening the page.
                <div class="log-scroll">
                    <table class="log" aria-labelledby={title_id}>
                        <thead><tr>{ for text::log_headers(lang).into_iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                        <tbody>{ for p.log.entries().iter().rev().take(SHOWN).map(|e| entry_row(lang, e, p.tz_offset_minutes)) }</tbody>
                    </table>
                </div>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::record::Outcome;

    #[test]
    fn the_record_exports_as_guarded_csv_and_as_json() {
        let mut log = LogoutLog::default();
        log.push(Entry {
            admin_id: "admin".into(),
            session_id: "s1".into(),
            user_id: "u1".into(),
            username: "=cmd".into(),
            client: "Chrome".into(),
            ip: "10.0.0.1".into(),
            at_ms: 0,
            outcome: Outcome::Refused("x;=1+1".into()),
        });
        let csv = file(&log, Format::Csv, "2026-12-03");
        assert_eq!(csv.name, "logouts-2026-12-03.csv");
        let body = csv.content.strip_prefix(UTF8_BOM).expect("BOM");
        assert!(body.contains("'=cmd") && !body.contains(",=cmd"), "{body}");
        assert!(!body.contains(";=1+1"), "{body}");
        let json = file(&log, Format::Json, "2026-12-03");
        let v: serde_json::Value = serde_json::from_str(&json.content).expect("json");
        assert_eq!(v[0]["result"], "refused");
        assert_eq!(v[0]["username"], "=cmd", "JSON keeps the text as it is");
    }
}
