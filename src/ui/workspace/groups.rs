//! Group by user: the matching sessions per user, most active order kept from the view,
//! expandable, with *Log out all devices* for one user (one confirmation, the bulk path).

use super::data::RowVm;
use super::state::Action;
use crate::grid::UserGroup;
use crate::tr;
use crate::ui::lang::use_lang;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// How a group is named in state (expanded set) and callbacks.
pub fn group_key(g: &UserGroup) -> String {
    if g.user_id.is_empty() {
        format!("@{}", g.username)
    } else {
        g.user_id.clone()
    }
}

#[derive(Properties, PartialEq)]
pub struct GroupsProps {
    pub groups: Rc<Vec<UserGroup>>,
    pub shown: usize,
    pub expanded: BTreeSet<String>,
    /// The rows of the expanded groups, by group key.
    pub rows: Rc<Vec<(String, Vec<RowVm>)>>,
    pub read_only: bool,
    pub self_user_id: String,
    pub dispatch: Callback<Action>,
    /// Asks to log out every session of the group with this key.
    pub on_logout_group: Callback<String>,
}

#[function_component(Groups)]
pub fn groups(p: &GroupsProps) -> Html {
    let lang = use_lang();
    let total = p.groups.len();
    let items = p.groups.iter().take(p.shown).map(|g| {
        let key = group_key(g);
        let open = p.expanded.contains(&key);
        let who = match (g.username.as_str(), g.name.as_str()) {
            ("", "") => tr!(lang, UNKNOWN_USER, id = &g.user_id),
            (u, "") => u.to_owned(),
            ("", n) => n.to_owned(),
            (u, n) => tr!(lang, NAME_AND_USERNAME, name = n, username = u),
        };
        let toggle = {
            let k = key.clone();
            p.dispatch.reform(move |_: MouseEvent| Action::ToggleGroup(k.clone()))
        };
        let logout = {
            let k = key.clone();
            p.on_logout_group.reform(move |_: MouseEvent| k.clone())
        };
        let mine = !p.self_user_id.is_empty() && g.user_id == p.self_user_id;
        let rows = p.rows.iter().find(|(k, _)| *k == key).map(|(_, r)| r.as_slice()).unwrap_or(&[]);
        let count = tr!(lang, SESSION_COUNT, n = g.count());
        html! {
            <li class="group">
                <div class="group-head">
                    <button type="button" class="expander" aria-expanded={open.to_string()} onclick={toggle}>
                        <span class="who">{ who.clone() }</span>
                        if mine { <span class="badge">{ tr!(lang, YOU) }</span> }
                        <span class="count">{ count }</span>
                    </button>
                    if !p.read_only {
                        <button type="button" class="danger" aria-label={tr!(lang, LOG_OUT_ALL_OF, who = &who)} onclick={logout}>
                            { tr!(lang, LOG_OUT_ALL) }
                        </button>
                    }
                </div>
                if open {
                    <ul class="group-rows">
                        { for rows.iter().map(|r| html! {
                            <li>{ r.cells.iter().filter(|c| !c.is_empty()).cloned().collect::<Vec<_>>().join(" · ") }</li>
                        }) }
                    </ul>
                }
            </li>
        }
    });
    let more = total.saturating_sub(p.shown);
    let show_more = {
        let d = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::ShowMoreGroups))
    };
    html! {
        <section class="groups" aria-label={tr!(lang, SESSIONS_BY_USER)}>
            <p class="status">{ tr!(lang, USER_COUNT, n = total) }</p>
            <ul class="group-list">{ for items }</ul>
            if more > 0 {
                <button type="button" onclick={show_more}>{ tr!(lang, SHOW_MORE_USERS, n = more) }</button>
            }
        </section>
    }
}
