//! The Findings panel: every finding with its count, one click to apply it as a chip; the
//! keep-newest actions; the settings (see `findings_settings.rs`); and what vanished since
//! the last load.

use super::derive::FindingsVm;
use super::findings_settings::FindingsSettings;
use super::findings_text as text;
use super::preview::row_line;
use super::state::{Action, Chip};
use crate::grid::findings::{Finding, Gone, Settings};
use crate::i18n::Lang;
use crate::tr;
use crate::ui::lang::use_lang;
use std::rc::Rc;
use yew::prelude::*;

/// A keep-newest action the panel asks for; the workspace turns it into a logout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Keep {
    /// One user (their user id, else their username) keeps their newest N.
    User(String),
    /// Every user over the limit keeps their newest N.
    All,
    /// Each duplicate group keeps its newest.
    Duplicates,
}

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub uid: String,
    pub vm: Rc<FindingsVm>,
    pub settings: Rc<Settings>,
    /// The findings in effect (their buttons show as pressed).
    pub active: Vec<Finding>,
    /// Sessions that vanished between loads, newest load first.
    pub gone: Rc<Vec<Gone>>,
    pub read_only: bool,
    pub tz_offset_minutes: i32,
    pub on_keep: Callback<Keep>,
    pub dispatch: Callback<Action>,
}

/// The toolbar's buttons for the Findings panel and the logout record.
pub fn toggles(
    lang: Lang,
    uid: &str,
    findings_open: bool,
    active: usize,
    log_open: bool,
    logged: usize,
    dispatch: &Callback<Action>,
) -> Html {
    html! {
        <>
            <button type="button" class="findings-toggle" aria-expanded={findings_open.to_string()}
                aria-controls={format!("{uid}-findings")} onclick={dispatch.reform(|_: MouseEvent| Action::ToggleFindings)}>
                { text::findings_button(lang, active) }
            </button>
            <button type="button" class="log-toggle" aria-expanded={log_open.to_string()}
                aria-controls={format!("{uid}-log")} onclick={dispatch.reform(|_: MouseEvent| Action::ToggleLog)}>
                { text::log_button(lang, logged) }
            </button>
        </>
    }
}

/// Rows of the "gone" list shown (the rest are counted).
const GONE_SHOWN: usize = 50;

#[function_component(FindingsPanel)]
pub fn findings_panel(p: &FindingsProps) -> Html {
    let lang = use_lang();
    let title_id = format!("{}-findings-title", p.uid);
    html! {
        <section class="findings" id={format!("{}-findings", p.uid)} aria-labelledby={title_id.clone()}>
            <h2 id={title_id}>{ tr!(lang, FD_FINDINGS) }</h2>
            <p class="note">{ tr!(lang, FD_PANEL_NOTE) }</p>
            <ul class="finding-list">
                { for p.settings.findings().into_iter().map(|f| finding_item(lang, p, f)) }
            </ul>
            if !p.read_only { { keep_actions(lang, p) } }
            <FindingsSettings uid={p.uid.clone()} settings={p.settings.clone()} dispatch={p.dispatch.clone()} />
            { gone_list(lang, &p.gone, p.tz_offset_minutes) }
        </section>
    }
}

fn finding_item(lang: Lang, p: &FindingsProps, f: Finding) -> Html {
    let c = &p.vm.counts;
    let count = match f {
        Finding::TooMany { .. } => text::too_many_count(lang, c.too_many, c.too_many_users),
        Finding::Duplicates => text::duplicates_count(lang, c.duplicates, c.duplicates_extra),
        f => text::sessions(lang, c.of(f)),
    };
    let off = match f {
        Finding::Untrusted if p.settings.networks.is_empty() => Some(tr!(lang, FD_UNTRUSTED_OFF)),
        Finding::Outdated if p.settings.min_versions.is_empty() => Some(tr!(lang, FD_OUTDATED_OFF)),
        _ => None,
    };
    let label = f.label(lang);
    let pressed = p.active.contains(&f);
    let onclick = p
        .dispatch
        .reform(move |_: MouseEvent| Action::AddChip(Chip::Finding(f)));
    html! {
        <li data-finding={f.url_key()}>
            <span class="finding-name">{ label.clone() }</span>
            <span class="count">{ count }</span>
            <button type="button" aria-pressed={pressed.to_string()} aria-label={text::show_label(lang, &label)}
                {onclick}>{ tr!(lang, FD_SHOW) }</button>
            if let Some(off) = off { <span class="note">{ off }</span> }
        </li>
    }
}

fn keep_actions(lang: Lang, p: &FindingsProps) -> Html {
    let (c, n) = (&p.vm.counts, p.settings.max_per_user);
    let keep = |k: Keep| p.on_keep.reform(move |_: MouseEvent| k.clone());
    let users = p.vm.over.iter().map(|u| {
        let key = if u.user_id.is_empty() {
            u.username.clone()
        } else {
            u.user_id.clone()
        };
        html! {
            <li>
                <button type="button" class="danger" onclick={keep(Keep::User(key))}>
                    { text::keep_newest_user(lang, n, &u.name, u.sessions) }
                </button>
            </li>
        }
    });
    let more = c.too_many_users.saturating_sub(p.vm.over.len());
    html! {
        <div class="keep-actions">
            if c.too_many_users > 0 {
                <ul class="keep-users">
                    { for users }
                    if more > 0 { <li class="note">{ text::more_users(lang, more) }</li> }
                </ul>
                <button type="button" class="danger" data-keep="all" onclick={keep(Keep::All)}>
                    { text::keep_newest_all(lang, n, c.too_many_users) }
                </button>
            }
            if c.duplicates_extra > 0 {
                <button type="button" class="danger" data-keep="duplicates" onclick={keep(Keep::Duplicates)}>
                    { text::keep_newest_of_each(lang, c.duplicates_extra) }
                </button>
            }
        </div>
    }
}

fn gone_list(lang: Lang, gone: &[Gone], tz: i32) -> Html {
    let item = |g: &Gone| html! { <li>{ row_line(&g.line, tz) }</li> };
    let more = gone.len().saturating_sub(GONE_SHOWN);
    html! {
        <div class="gone">
            <h3>{ tr!(lang, FD_GONE) }</h3>
            if gone.is_empty() {
                <p class="note">{ tr!(lang, FD_GONE_NONE) }</p>
            } else {
                <ul class="gone-list">
                    { for gone.iter().take(GONE_SHOWN).map(item) }
                    if more > 0 { <li class="note">{ text::more_sessions(lang, more) }</li> }
                </ul>
            }
        </div>
    }
}
