//! The column filter panel: device type, client, OS, user and a login date range. Each pick
//! adds a chip; the pickers reset so the same control can add a second value.

use super::data::Facets;
use super::state::{Action, Chip};
use crate::grid::{day_bounds, format_day, local_day, none_text, parse_day, DeviceKind, Filters};
use crate::i18n::Lang;
use crate::tr;
use crate::ui::lang::use_lang;
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
    lang: Lang,
    label: String,
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
                <option value="" selected=true>{ tr!(lang, ANY) }</option>
                { for values.iter().map(|(v, n)| {
                    let shown = if v.is_empty() { none_text(lang) } else { v.clone() };
                    html! {
                        <option value={format!("={v}")}>{ tr!(lang, FACET_OPTION, value = &shown, n = *n) }</option>
                    }
                }) }
            </select>
        </label>
    }
}

#[function_component(FilterPanel)]
pub fn filter_panel(p: &FiltersProps) -> Html {
    let lang = use_lang();
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
            <legend>{ tr!(lang, COLUMN_FILTERS) }</legend>
            <label>{ tr!(lang, FIELD_DEVICE_TYPE) }
                <select onchange={on_kind}>
                    <option value="" selected=true>{ tr!(lang, ANY) }</option>
                    { for DeviceKind::ALL.iter().map(|k| html! {
                        <option value={k.key()}>{ lang.t(k.key_text()) }</option>
                    }) }
                </select>
            </label>
            { picker(lang, tr!(lang, COL_CLIENT), &p.facets.clients, Chip::Client, &p.dispatch) }
            { picker(lang, tr!(lang, COL_OS), &p.facets.oses, Chip::Os, &p.dispatch) }
            <label>{ tr!(lang, COL_USER) }
                <input type="text" list={users_id.clone()} onchange={on_user} autocomplete="off"
                    placeholder={tr!(lang, USER_FILTER_PLACEHOLDER)} />
                <datalist id={users_id}>
                    { for p.facets.users.iter().map(|u| html! { <option value={u.clone()} /> }) }
                </datalist>
            </label>
            <label>{ tr!(lang, LOGGED_IN_FROM) }
                <input type="date" value={day_value(p.filters.login_from)} onchange={on_day(false)} />
            </label>
            <label>{ tr!(lang, LOGGED_IN_TO) }
                <input type="date" value={day_value(p.filters.login_to)} onchange={on_day(true)} />
            </label>
        </fieldset>
    }
}
