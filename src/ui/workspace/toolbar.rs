//! The toolbar: search (plain or regex, errors inline), the filter panel toggle, the view
//! switch and export. Refresh, "last updated" and the load progress are the shell's header's:
//! a second set here would put two "Refresh" buttons on the page.

use super::export::Format;
use super::state::{Action, Mode};
use crate::grid::QueryError;
use crate::tr;
use crate::ui::lang::use_lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// Prefix for the ids that tie labels and descriptions together in this instance.
    pub uid: String,
    pub search: String,
    pub regex: bool,
    pub error: Option<QueryError>,
    pub filters_open: bool,
    /// Column filters in effect (shown on the toggle).
    pub filter_count: usize,
    pub mode: Mode,
    pub on_export: Callback<Format>,
    pub dispatch: Callback<Action>,
    /// More buttons for the actions row (the Findings panel's and the logout record's).
    #[prop_or_default]
    pub children: Html,
}

#[function_component(Toolbar)]
pub fn toolbar(p: &ToolbarProps) -> Html {
    let lang = use_lang();
    let error_id = format!("{}-search-error", p.uid);
    let oninput = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                dispatch.emit(Action::SetSearch(input.value()));
            }
        })
    };
    let on_regex = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |e: Event| {
            let on = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|i| i.checked());
            dispatch.emit(Action::SetRegex(on));
        })
    };
    let error = p.error.as_ref().map(|e| {
        let detail = match e {
            QueryError::BadPattern { detail } => {
                html! { <pre class="detail">{ detail.clone() }</pre> }
            }
            QueryError::PatternTooBig => Html::default(),
        };
        html! {
            <div id={error_id.clone()} class="search-error error" role="alert">
                <p>{ e.text(lang) }</p>
                { detail }
            </div>
        }
    });
    let mode_button = |mode: Mode, label: String| {
        let dispatch = p.dispatch.clone();
        html! {
            <button type="button" class="mode" aria-pressed={(p.mode == mode).to_string()}
                onclick={Callback::from(move |_: MouseEvent| dispatch.emit(Action::SetMode(mode)))}>
                { label }
            </button>
        }
    };
    let export = |format: Format, label: String| {
        let cb = p.on_export.clone();
        html! {
            <button type="button" onclick={Callback::from(move |_: MouseEvent| cb.emit(format))}>{ label }</button>
        }
    };
    let toggle_filters = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::ToggleFilters))
    };
    let filters_label = match p.filter_count {
        0 => tr!(lang, FILTERS),
        n => tr!(lang, FILTERS_COUNT, n = n),
    };
    html! {
        <div class="toolbar">
            <div class="search-row">
                <label class="search">
                    <span class="label">{ tr!(lang, SEARCH) }</span>
                    <input type="search" value={p.search.clone()} {oninput} autocomplete="off" spellcheck="false"
                        placeholder={if p.regex { tr!(lang, SEARCH_REGEX_PLACEHOLDER) } else { tr!(lang, SEARCH_PLACEHOLDER) }}
                        aria-invalid={p.error.is_some().then_some("true")}
                        aria-describedby={p.error.is_some().then(|| error_id.clone())} />
                </label>
                <label class="regex">
                    <input type="checkbox" checked={p.regex} onchange={on_regex} />{ tr!(lang, REGEX) }
                </label>
                <button type="button" class="filters-toggle" aria-expanded={p.filters_open.to_string()}
                    aria-controls={format!("{}-filters", p.uid)} onclick={toggle_filters}>{ filters_label }</button>
                <div class="modes" role="group" aria-label={tr!(lang, VIEW)}>
                    { mode_button(Mode::Table, tr!(lang, MODE_TABLE)) }
                    { mode_button(Mode::Overview, tr!(lang, MODE_OVERVIEW)) }
                    { mode_button(Mode::Groups, tr!(lang, MODE_GROUPS)) }
                </div>
            </div>
            if let Some(e) = error { { e } }
            <div class="actions-row">
                { export(Format::Csv, tr!(lang, EXPORT_CSV)) }
                { export(Format::Json, tr!(lang, EXPORT_JSON)) }
                { p.children.clone() }
            </div>
        </div>
    }
}
