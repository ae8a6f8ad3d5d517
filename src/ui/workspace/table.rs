//! The device table: a real `<table>` with sortable headers (`aria-sort`), one tab stop that
//! arrow keys move between rows, Enter/Space for details, and only the current page in the DOM.

use super::data::{header, RowVm};
use super::state::Action;
use crate::grid::{Column, SortKey};
use crate::i18n::Lang;
use crate::tr;
use crate::ui::lang::use_lang;
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
    /// The rows are those read so far by a load still running: select-all says so.
    #[prop_or_default]
    pub partial: bool,
    pub dispatch: Callback<Action>,
    /// Checked: select every matching row; unchecked: clear.
    pub on_select_all: Callback<bool>,
    pub table_ref: NodeRef,
    /// The host's locale for the login time's hover text (`None`: the browser's).
    pub locale: Option<String>,
    /// Session ids new since the last load (marked in their rows).
    #[prop_or_default]
    pub new_ids: Rc<BTreeSet<String>>,
}

#[function_component(Table)]
pub fn table(p: &TableProps) -> Html {
    let lang = use_lang();
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
    let hovered = use_mut_ref(|| None::<Element>);
    {
        // A page flip under a resting pointer: the cell it rests on now shows another row.
        let (hovered, rows, locale) = (hovered.clone(), p.rows.clone(), p.locale.clone());
        use_effect(move || {
            let cell = hovered.borrow_mut().take();
            if let Some(cell) = cell {
                if cell.matches(":hover").unwrap_or(false) {
                    title_login_cell(&cell, &rows, locale.as_deref());
                    *hovered.borrow_mut() = Some(cell);
                } else {
                    let _ = cell.remove_attribute("title");
                }
            }
        });
    }
    let body = body_listeners(p, &hovered);
    let texts = use_memo(lang, |&lang| RowTexts::new(lang));
    html! {
        <table class="devices" ref={p.table_ref.clone()}>
            <thead>
                <tr>
                    if !p.read_only {
                        // `td`, not `th`: the column headers are exactly the data columns.
                        <td class="sel">
                            <input type="checkbox" ref={select_all_ref}
                                aria-label={if p.partial {
                                    tr!(lang, SELECT_ALL_PARTIAL, n = p.matched)
                                } else {
                                    tr!(lang, SELECT_ALL, n = p.matched)
                                }}
                                checked={all} disabled={p.matched == 0} onchange={on_all} />
                        </td>
                    }
                    <Heads columns={p.columns.clone()} sort={p.sort.clone()} dispatch={p.dispatch.clone()} />
                    if !p.read_only { <td class="act"></td> }
                </tr>
            </thead>
            // Rows are keyed by their place on the page, not by session: a page flip then
            // rewrites the texts of the rows already in the DOM instead of building new ones
            // (their layout objects, checkbox and button stay), which halves its cost.
            <tbody onclick={body.click} onkeydown={body.keydown} onfocusin={body.focusin}
                onchange={body.change} onmouseover={body.mouseover}>
                { for p.rows.iter().enumerate().map(|(place, vm)| html! {
                    <Row key={place} vm={vm.clone()} columns={p.columns.clone()}
                        selected={p.selection.contains(&vm.index)} tab_stop={tab_stop == Some(vm.index)}
                        read_only={p.read_only} new={p.new_ids.contains(&vm.target.session_id)} texts={texts.clone()} />
                }) }
            </tbody>
        </table>
    }
}

#[derive(Properties, PartialEq)]
struct HeadsProps {
    columns: Rc<[Column]>,
    sort: Vec<SortKey>,
    dispatch: Callback<Action>,
}

/// The sortable headers, a component of their own so that a page flip or a selection does
/// not rebuild them.
#[function_component(Heads)]
fn heads(p: &HeadsProps) -> Html {
    let lang = use_lang();
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
            let (rank, of) = (i + 1, p.sort.len());
            if desc {
                tr!(lang, SORT_KEY_DESC, rank = rank, of = of)
            } else {
                tr!(lang, SORT_KEY_ASC, rank = rank, of = of)
            }
        });
        let dispatch = p.dispatch.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            dispatch.emit(Action::Sort {
                column: c,
                additive: e.shift_key(),
            })
        });
        html! {
            <th scope="col" aria-sort={aria_sort} class={cell_class(c, false)}>
                <button type="button" class="sort" data-sort={mark} {title} {onclick}>{ header(lang, c) }</button>
            </th>
        }
    });
    html! { <>{ for heads }</> }
}

/// The body's listeners. One set for the page, not one per row: they find their row by its
/// place in the body, so a page flip creates no closures, registers no listeners and writes
/// no per-row attribute for them.
struct BodyListeners {
    click: Callback<MouseEvent>,
    keydown: Callback<KeyboardEvent>,
    focusin: Callback<FocusEvent>,
    change: Callback<Event>,
    mouseover: Callback<MouseEvent>,
}

/// The element an event started on.
fn target_element(e: &Event) -> Option<Element> {
    e.target().and_then(|t| t.dyn_into::<Element>().ok())
}

/// The body row an element is in, and its place on the page (rows are keyed by place).
fn row_of(el: &Element) -> Option<(Element, usize)> {
    let row = el.closest("tr").ok().flatten()?;
    let place = row
        .dyn_ref::<web_sys::HtmlTableRowElement>()?
        .section_row_index();
    Some((row, usize::try_from(place).ok()?))
}

/// The row shown at the place of the row an element is in.
fn vm_of<'a>(rows: &'a [RowVm], el: &Element) -> Option<&'a RowVm> {
    row_of(el).and_then(|(_, place)| rows.get(place))
}

/// Writes the login time in the host's locale as the hover text of a login cell, computed
/// when the pointer reaches it rather than for every row of every page.
fn title_login_cell(cell: &Element, rows: &[RowVm], locale: Option<&str>) {
    match vm_of(rows, cell).and_then(|vm| vm.login_ms) {
        Some(ms) => {
            let _ = cell.set_attribute("title", &super::when::absolute(ms, locale));
        }
        None => {
            let _ = cell.remove_attribute("title");
        }
    }
}

fn body_listeners(
    p: &TableProps,
    hovered: &Rc<std::cell::RefCell<Option<Element>>>,
) -> BodyListeners {
    let open = {
        let dispatch = p.dispatch.clone();
        move |vm: &RowVm| {
            dispatch.emit(Action::OpenDetails {
                index: vm.index,
                session_id: vm.target.session_id.clone(),
            })
        }
    };
    let click = {
        let (dispatch, rows, open) = (p.dispatch.clone(), p.rows.clone(), open.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(el) = target_element(&e) else { return };
            let Some(vm) = vm_of(&rows, &el) else {
                return;
            };
            let control = el.closest("button, input, a, select, label").ok().flatten();
            match control {
                Some(c) if c.matches("button.logout").unwrap_or(false) => {
                    dispatch.emit(Action::AskLogout(vec![vm.target.clone()]));
                }
                Some(_) => {}
                None => open(vm),
            }
        })
    };
    let keydown = {
        let rows = p.rows.clone();
        Callback::from(move |e: KeyboardEvent| {
            // Only when the row itself has focus, not one of its controls.
            let Some(row) = target_element(&e).filter(|t| t.tag_name().eq_ignore_ascii_case("tr"))
            else {
                return;
            };
            let key = e.key();
            if matches!(key.as_str(), "Enter" | " ") {
                e.prevent_default();
                if let Some(vm) = vm_of(&rows, &row) {
                    open(vm);
                }
            } else if focus_row(&row, &key) {
                e.prevent_default();
            }
        })
    };
    let focusin = {
        let (dispatch, rows) = (p.dispatch.clone(), p.rows.clone());
        Callback::from(move |e: FocusEvent| {
            if let Some(index) =
                target_element(&e).and_then(|el| vm_of(&rows, &el).map(|vm| vm.index))
            {
                dispatch.emit(Action::Activate(index));
            }
        })
    };
    let change = {
        let (dispatch, rows) = (p.dispatch.clone(), p.rows.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            if let Some(vm) = vm_of(&rows, &input) {
                dispatch.emit(Action::Select {
                    index: vm.index,
                    on: input.checked(),
                });
            }
        })
    };
    let mouseover = {
        let (rows, locale, hovered) = (p.rows.clone(), p.locale.clone(), hovered.clone());
        Callback::from(move |e: MouseEvent| {
            let cell = target_element(&e).and_then(|el| el.closest("td.col.login").ok().flatten());
            if let Some(cell) = cell {
                if hovered.borrow().as_ref() != Some(&cell) {
                    title_login_cell(&cell, &rows, locale.as_deref());
                    *hovered.borrow_mut() = Some(cell);
                }
            }
        })
    };
    BodyListeners {
        click,
        keydown,
        focusin,
        change,
        mouseover,
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    vm: RowVm,
    columns: Rc<[Column]>,
    selected: bool,
    tab_stop: bool,
    read_only: bool,
    /// New since the last load.
    new: bool,
    texts: Rc<RowTexts>,
}

/// What every row says the same way, said once per language for all rows (a page flip then
/// builds no sentence but the checkbox's).
#[derive(PartialEq)]
struct RowTexts {
    lang: Lang,
    you: String,
    current: String,
    mine: String,
    log_out: String,
    log_out_device: String,
    new: String,
    new_title: String,
}

impl RowTexts {
    fn new(lang: Lang) -> RowTexts {
        RowTexts {
            lang,
            you: tr!(lang, YOU),
            current: tr!(lang, BADGE_CURRENT),
            mine: tr!(lang, BADGE_MINE),
            log_out: tr!(lang, LOGOUT_OK),
            log_out_device: tr!(lang, LOG_OUT_DEVICE),
            new: tr!(lang, FD_NEW),
            new_title: tr!(lang, FD_NEW_TITLE),
        }
    }
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

/// A cell's classes as one static string: `classes!` builds a hashed set per cell, which was
/// a tenth of a page flip's script time.
fn cell_class(c: Column, long: bool) -> &'static str {
    match (c, long) {
        (Column::Client, false) => "col client",
        (Column::Client, true) => "col client long",
        (Column::Version, false) => "col version",
        (Column::Version, true) => "col version long",
        (Column::Os, false) => "col os",
        (Column::Os, true) => "col os long",
        (Column::User, false) => "col user",
        (Column::User, true) => "col user long",
        (Column::LastLogin, false) => "col login",
        (Column::LastLogin, true) => "col login long",
        (Column::DeviceId, false) => "col id",
        (Column::DeviceId, true) => "col id long",
        (Column::Ip, false) => "col ip",
        (Column::Ip, true) => "col ip long",
        (Column::Host, false) => "col host",
        (Column::Host, true) => "col host long",
        (Column::UserId, false) => "col userid",
        (Column::UserId, true) => "col userid long",
    }
}

fn row_class(selected: bool, mine: bool) -> Option<&'static str> {
    match (selected, mine) {
        (true, true) => Some("selected mine"),
        (true, false) => Some("selected"),
        (false, true) => Some("mine"),
        (false, false) => None,
    }
}

fn new_badge(t: &RowTexts, new: bool) -> Html {
    match new {
        true => {
            html! { <span class="badge-new" title={t.new_title.clone()}>{ t.new.clone() }</span> }
        }
        false => Html::default(),
    }
}

#[function_component(Row)]
fn row(p: &RowProps) -> Html {
    let t = &p.texts;
    let vm = &p.vm;
    let tabindex = if p.tab_stop { "0" } else { "-1" };
    let badge = if vm.mine || vm.current {
        let title = if vm.current {
            t.current.clone()
        } else {
            t.mine.clone()
        };
        html! { <span class="badge" {title}>{ t.you.clone() }</span> }
    } else {
        Html::default()
    };
    let badge = html! { <>{ badge }{ new_badge(t, p.new) }</> };
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
                    <td class={cell_class(*c, false)}>
                        { text.clone() }<span class="rel">{ vm.login_rel.clone() }</span>
                    </td>
                }
            } else {
                html! { <td class={cell_class(*c, text.len() > 40)}>{ text.clone() }{ badge }</td> }
            }
        });
    html! {
        <tr {tabindex} class={row_class(p.selected, vm.mine || vm.current)}>
            if !p.read_only {
                <td class="sel">
                    <input type="checkbox" {tabindex} checked={p.selected}
                        aria-label={tr!(t.lang, SELECT_DEVICE, id = &vm.target.session_id)} />
                </td>
            }
            { for cells }
            if !p.read_only {
                <td class="act">
                    <button type="button" class="icon danger logout" {tabindex} aria-label={t.log_out_device.clone()} title={t.log_out_device.clone()}>
                        { t.log_out.clone() }
                    </button>
                </td>
            }
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_classes_name_the_column_by_its_key() {
        for c in Column::ALL {
            assert_eq!(cell_class(c, false), format!("col {}", c.key()));
            assert_eq!(cell_class(c, true), format!("col {} long", c.key()));
        }
    }
}
