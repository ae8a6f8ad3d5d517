//! The device table: a real `<table>` with sortable headers (`aria-sort`), one tab stop that
//! arrow keys move between rows, Enter/Space for details, and only the current page in the DOM.

use super::data::{header, RowVm};
use super::state::Action;
use crate::grid::{Column, SortKey};
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub columns: Rc<[Column]>,
    pub rows: Rc<Vec<RowVm>>,
    pub sort: Vec<SortKey>,
    pub selection: Rc<BTreeSet<u32>>,
    pub active: Option<u32>,
    pub read_only: bool,
    /// Rows matching the query (what "select all" selects).
    pub matched: usize,
    pub dispatch: Callback<Action>,
    /// Checked: select every matching row; unchecked: clear.
    pub on_select_all: Callback<bool>,
    pub table_ref: NodeRef,
}

#[function_component(Table)]
pub fn table(p: &TableProps) -> Html {
    let selected = p.selection.len();
    let all = p.matched > 0 && selected >= p.matched;
    let select_all_ref = use_node_ref();
    {
        // `indeterminate` is a property only, not an attribute.
        let r = select_all_ref.clone();
        let some = selected > 0 && !all;
        use_effect_with(some, move |&some| {
            if let Some(input) = r.cast::<web_sys::HtmlInputElement>() {
                input.set_indeterminate(some);
            }
        });
    }
    let on_all = {
        let cb = p.on_select_all.clone();
        Callback::from(move |e: Event| {
            let on = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|i| i.checked());
            cb.emit(on);
        })
    };
    let tab_stop = p
        .active
        .filter(|a| p.rows.iter().any(|r| r.index == *a))
        .or_else(|| p.rows.first().map(|r| r.index));
    let heads = p.columns.iter().map(|&c| {
        let sorted = p.sort.iter().position(|k| k.column == c);
        let desc = sorted.and_then(|i| p.sort.get(i)).is_some_and(|k| k.desc);
        // ARIA wants one sorted header; the others show their rank through the indicator.
        let aria_sort = match sorted {
            Some(0) if desc => "descending",
            Some(0) => "ascending",
            _ => "none",
        };
        let mark = sorted.map(|i| {
            let arrow = if desc { "▼" } else { "▲" };
            if p.sort.len() > 1 {
                format!("{arrow}{}", i + 1)
            } else {
                arrow.to_owned()
            }
        });
        let title = sorted.map(|i| {
            format!(
                "Sort key {} of {}, {}. Shift-click to add or change a secondary key.",
                i + 1,
                p.sort.len(),
                if desc { "descending" } else { "ascending" }
            )
        });
        let dispatch = p.dispatch.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            dispatch.emit(Action::Sort {
                column: c,
                additive: e.shift_key(),
            })
        });
        html! {
            <th scope="col" aria-sort={aria_sort} class={classes!("col", c.key())}>
                <button type="button" class="sort" data-sort={mark} {title} {onclick}>{ header(c) }</button>
            </th>
        }
    });
    html! {
        <table class="devices" ref={p.table_ref.clone()}>
            <thead>
                <tr>
                    if !p.read_only {
                        // `td`, not `th`: the column headers are exactly the data columns.
                        <td class="sel">
                            <input type="checkbox" ref={select_all_ref}
                                aria-label={format!("Select all {} matching devices", crate::grid::thousands(p.matched))}
                                checked={all} disabled={p.matched == 0} onchange={on_all} />
                        </td>
                    }
                    { for heads }
                    if !p.read_only { <td class="act"></td> }
                </tr>
            </thead>
            <tbody>
                { for p.rows.iter().map(|vm| html! {
                    <Row key={vm.index} vm={vm.clone()} columns={p.columns.clone()}
                        selected={p.selection.contains(&vm.index)} tab_stop={tab_stop == Some(vm.index)}
                        read_only={p.read_only} dispatch={p.dispatch.clone()} />
                }) }
            </tbody>
        </table>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    vm: RowVm,
    columns: Rc<[Column]>,
    selected: bool,
    tab_stop: bool,
    read_only: bool,
    dispatch: Callback<Action>,
}

/// Moves focus to another row of the same body.
fn focus_row(from: &Element, key: &str) -> bool {
    let target = match key {
        "ArrowDown" => from.next_element_sibling(),
        "ArrowUp" => from.previous_element_sibling(),
        "Home" => from.parent_element().and_then(|b| b.first_element_child()),
        "End" => from.parent_element().and_then(|b| b.last_element_child()),
        _ => return false,
    };
    if let Some(el) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
    true
}

/// Whether an event came from a control inside the row rather than the row itself.
fn from_control(e: &Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest("button, input, a, select, label").ok().flatten())
        .is_some()
}

#[function_component(Row)]
fn row(p: &RowProps) -> Html {
    let vm = &p.vm;
    let open = {
        let (dispatch, index, id) = (p.dispatch.clone(), vm.index, vm.target.session_id.clone());
        move || {
            dispatch.emit(Action::OpenDetails {
                index,
                session_id: id.clone(),
            })
        }
    };
    let onclick = {
        let open = open.clone();
        Callback::from(move |e: MouseEvent| {
            if !from_control(&e) {
                open();
            }
        })
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        // Yew delegates events, so `current_target` is not the row: the row is the target
        // when it has focus itself (not one of its controls).
        let Some(row) = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .filter(|t| t.tag_name().eq_ignore_ascii_case("tr"))
        else {
            return;
        };
        let key = e.key();
        if matches!(key.as_str(), "Enter" | " ") {
            e.prevent_default();
            open();
        } else if focus_row(&row, &key) {
            e.prevent_default();
        }
    });
    let onfocusin = {
        let (dispatch, index) = (p.dispatch.clone(), vm.index);
        Callback::from(move |_: FocusEvent| dispatch.emit(Action::Activate(index)))
    };
    let tabindex = if p.tab_stop { "0" } else { "-1" };
    let badge = if vm.mine || vm.current {
        let title = if vm.current {
            "Your session: the one this page is signed in with"
        } else {
            "One of your own sessions"
        };
        html! { <span class="badge" {title}>{ "You" }</span> }
    } else {
        Html::default()
    };
    let badge_col = p
        .columns
        .iter()
        .position(|c| *c == Column::User)
        .unwrap_or(0);
    let cells = p
        .columns
        .iter()
        .zip(vm.cells.iter())
        .enumerate()
        .map(|(i, (c, text))| {
            let badge = if i == badge_col {
                badge.clone()
            } else {
                Html::default()
            };
            if *c == Column::LastLogin && !text.is_empty() {
                html! {
                    <td class={classes!("col", c.key())} title={vm.login_title.clone()}>
                        { text.clone() }<span class="rel">{ vm.login_rel.clone() }</span>
                    </td>
                }
            } else {
                let long = (text.len() > 40).then_some("long");
                html! { <td class={classes!("col", c.key(), long)}>{ text.clone() }{ badge }</td> }
            }
        });
    let onchange = {
        let (dispatch, index) = (p.dispatch.clone(), vm.index);
        Callback::from(move |e: Event| {
            let on = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|i| i.checked());
            dispatch.emit(Action::Select { index, on });
        })
    };
    let logout = {
        let (dispatch, target) = (p.dispatch.clone(), vm.target.clone());
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::AskLogout(vec![target.clone()])))
    };
    html! {
        <tr {tabindex} data-index={vm.index.to_string()}
            class={classes!(p.selected.then_some("selected"), (vm.mine || vm.current).then_some("mine"))}
            {onclick} {onkeydown} {onfocusin}>
            if !p.read_only {
                <td class="sel">
                    <input type="checkbox" {tabindex} checked={p.selected} {onchange}
                        aria-label={format!("Select device {}", vm.target.session_id)} />
                </td>
            }
            { for cells }
            if !p.read_only {
                <td class="act">
                    <button type="button" class="icon danger" {tabindex} aria-label="Log out device" title="Log out device" onclick={logout}>
                        { "Log out" }
                    </button>
                </td>
            }
        </tr>
    }
}
