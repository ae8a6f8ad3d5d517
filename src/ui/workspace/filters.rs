//! The column filter panel: device type, client, OS, user and a login date range. Each pick
//! adds a chip; the pickers reset so the same control can add a second value.

use super::chips::NONE;
use super::data::Facets;
use super::state::{Action, Chip};
use crate::grid::{day_bounds, format_day, local_day, parse_day, thousands, DeviceKind, Filters};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    pub uid: String,
    pub facets: Rc<Facets>,
    pub filters: Filters,
    pub tz_offset_minutes: i32,
    pub dispatch: Callback<Action>,
}

fn select_value(e: &Event) -> Option<(web_sys::HtmlSelectElement, String)> {
    let s = e.target_dyn_into::<web_sys::HtmlSelectElement>()?;
    let v = s.value();
    Some((s, v))
}

/// A picker whose options carry a `=` prefix, so that the empty value stays the placeholder
/// while an empty client or OS name can still be picked.
fn picker(
    label: &'static str,
    values: &[(String, usize)],
    make: fn(String) -> Chip,
    dispatch: &Callback<Action>,
) -> Html {
    let dispatch = dispatch.clone();
    let onchange = Callback::from(move |e: Event| {
        if let Some((select, v)) = select_value(&e) {
            if let Some(value) = v.strip_prefix('=') {
                dispatch.emit(Action::AddChip(make(value.to_owned())));
            }
            select.set_value("");
        }
    });
    html! {
        <label>{ label }
            <select {onchange}>
                <option value="" selected=true>{ "Any" }</option>
                { for values.iter().map(|(v, n)| html! {
                    <option value={format!("={v}")}>
                        { format!("{} ({})", if v.is_empty() { NONE } else { v }, thousands(*n)) }
                    </option>
                }) }
            </select>
        </label>
    }
}

#[function_component(FilterPanel)]
pub fn filter_panel(p: &FiltersProps) -> Html {
    let tz = p.tz_offset_minutes;
    let on_kind = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some((select, v)) = select_value(&e) {
                if let Some(k) = DeviceKind::from_key(&v) {
                    dispatch.emit(Action::AddChip(Chip::Kind(k)));
                }
                select.set_value("");
            }
        })
    };
    let on_user = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                let v = input.value().trim().to_owned();
                if !v.is_empty() {
                    dispatch.emit(Action::AddChip(Chip::User(v)));
                    input.set_value("");
                }
            }
        })
    };
    let on_day = |upper: bool| {
        let dispatch = p.dispatch.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let bounds = parse_day(&input.value()).map(|d| day_bounds(d, tz));
            dispatch.emit(match (upper, bounds) {
                (false, b) => Action::SetLoginFrom(b.map(|b| b.0)),
                (true, b) => Action::SetLoginTo(b.map(|b| b.1)),
            });
        })
    };
    let day_value = |ms: Option<i64>| {
        ms.map(|ms| format_day(local_day(ms, tz)))
            .unwrap_or_default()
    };
    let users_id = format!("{}-users", p.uid);
    html! {
        <fieldset class="filters" id={format!("{}-filters", p.uid)}>
            <legend>{ "Column filters" }</legend>
            <label>{ "Device type" }
                <select onchange={on_kind}>
                    <option value="" selected=true>{ "Any" }</option>
                    { for DeviceKind::ALL.iter().map(|k| html! {
                        <option value={k.key()}>{ k.label() }</option>
                    }) }
                </select>
            </label>
            { picker("Client", &p.facets.clients, Chip::Client, &p.dispatch) }
            { picker("OS", &p.facets.oses, Chip::Os, &p.dispatch) }
            <label>{ "User" }
                <input type="text" list={users_id.clone()} onchange={on_user} autocomplete="off"
                    placeholder="Username or name, then Enter" />
                <datalist id={users_id}>
                    { for p.facets.users.iter().map(|u| html! { <option value={u.clone()} /> }) }
                </datalist>
            </label>
            <label>{ "Logged in from" }
                <input type="date" value={day_value(p.filters.login_from)} onchange={on_day(false)} />
            </label>
            <label>{ "Logged in to" }
                <input type="date" value={day_value(p.filters.login_to)} onchange={on_day(true)} />
            </label>
        </fieldset>
    }
}
