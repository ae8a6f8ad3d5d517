//! The report after a logout run: each row's result (ended, already gone, refused and why),
//! the verification that re-read the affected users' sessions, and *Retry failures*.

use super::findings_text as text;
use super::state::{RowResult, Verify};
use crate::grid::record::Outcome;
use crate::i18n::Lang;
use crate::tr;
use yew::prelude::*;

/// Rows listed (failures and survivors first, so they are never cut off).
const ROWS_SHOWN: usize = 200;

fn who(r: &RowResult) -> &str {
    match r.target.username.as_str() {
        "" => r.target.user_id.as_str(),
        name => name,
    }
}

fn row(lang: Lang, r: &RowResult) -> Html {
    let why = r
        .reason
        .as_ref()
        .map(|e| format!(": {}", e.message(lang)))
        .unwrap_or_default();
    html! {
        <li class={classes!("result", r.outcome.key(), r.survived.then_some("survived-row"))}
            data-session={r.target.session_id.clone()}>
            <span class="who">{ format!("{} · {}", who(r), r.target.session_id) }</span>
            { " — " }<span class="outcome">{ text::outcome(lang, &r.outcome) }</span><span class="why">{ why }</span>
            if r.survived { { " — " }<span class="survived">{ tr!(lang, FD_SURVIVED) }</span> }
        </li>
    }
}

fn verification(lang: Lang, v: &Option<Verify>, survivors: usize) -> Html {
    let (line, alert) = match v {
        None => return Html::default(),
        Some(Verify::Running(_)) => (tr!(lang, FD_VERIFY_RUNNING), false),
        Some(Verify::Done) if survivors == 0 => (tr!(lang, FD_VERIFY_OK), false),
        Some(Verify::Done) => (text::verify_survivors(lang, survivors), true),
        Some(Verify::Failed(why)) => (text::verify_failed(lang, why), true),
    };
    html! {
        <p class={classes!("verify", alert.then_some("error"))} role={if alert { "alert" } else { "status" }}>{ line }</p>
    }
}

/// The report's body (under `text_id`).
pub fn body(lang: Lang, text_id: &str, results: &[RowResult], verify: &Option<Verify>) -> Html {
    let count = |o: &str| results.iter().filter(|r| r.outcome.key() == o).count();
    let refused = count(Outcome::Refused(String::new()).key());
    let summary = text::report_summary(
        lang,
        count(Outcome::Ended.key()),
        count(Outcome::AlreadyGone.key()),
        refused,
    );
    let survivors = results.iter().filter(|r| r.survived).count();
    let first = results
        .iter()
        .filter(|r| r.survived || r.outcome.reason().is_some());
    let rest = results
        .iter()
        .filter(|r| !(r.survived || r.outcome.reason().is_some()));
    html! {
        <div id={text_id.to_owned()}>
            <p class="summary">{ summary }</p>
            { verification(lang, verify, survivors) }
            <ul class="results">{ for first.chain(rest).take(ROWS_SHOWN).map(|r| row(lang, r)) }</ul>
        </div>
    }
}
