//! The logout confirmation's preview: exactly which sessions will end (per user, per client,
//! the admin's own called out, the first rows). A plain function, not a component.

use super::findings_text as text;
use crate::grid::preview::{Preview, PreviewRow};
use crate::grid::{format_login, RowLine};
use crate::i18n::Lang;
use crate::tr;
use yew::prelude::*;

/// Groups listed per user or client before "and N more".
const GROUPS_SHOWN: usize = 8;

fn counts(lang: Lang, title: String, list: &[(String, usize)], class: &'static str) -> Html {
    let more = list.len().saturating_sub(GROUPS_SHOWN);
    html! {
        <div class={class}>
            <h3>{ title }</h3>
            <ul>
                { for list.iter().take(GROUPS_SHOWN).map(|(name, n)| html! {
                    <li>{ format!("{}: {}", if name.is_empty() { crate::grid::none_text(lang) } else { name.clone() }, lang.number(*n as f64)) }</li>
                }) }
                if more > 0 { <li class="note">{ text::more_groups(lang, more) }</li> }
            </ul>
        </div>
    }
}

fn row(r: &PreviewRow, tz: i32) -> Html {
    html! {
        <li class={classes!(r.own.then_some("own"))}>{ row_line(&r.line, tz) }</li>
    }
}

/// A session on one line, "user · client · OS · IP · login · id": the preview's rows and the
/// Findings panel's rows gone since the last load.
pub fn row_line(line: &RowLine, tz: i32) -> Html {
    let login = line
        .login_ms
        .map(|ms| format_login(ms, tz))
        .unwrap_or_default();
    html! {
        <>
            <span class="who">{ line.user.clone() }</span>
            { format!(" · {} · {} · {} · {login} · ", line.client, line.os, line.ip) }
            <code>{ line.session_id.clone() }</code>
        </>
    }
}

pub fn preview(lang: Lang, p: &Preview, tz: i32) -> Html {
    let more = p.total.saturating_sub(p.first.len());
    html! {
        <div class="preview">
            if p.own > 0 { <p class="own-note" role="note"><strong>{ text::preview_own(lang, p.own) }</strong></p> }
            { counts(lang, tr!(lang, FD_PREVIEW_USERS), &p.per_user, "per-user") }
            { counts(lang, tr!(lang, FD_PREVIEW_CLIENTS), &p.per_client, "per-client") }
            <h3>{ tr!(lang, FD_PREVIEW_FIRST) }</h3>
            <ul class="first-rows">
                { for p.first.iter().map(|r| row(r, tz)) }
                if more > 0 { <li class="note">{ text::more_sessions(lang, more) }</li> }
            </ul>
        </div>
    }
}
