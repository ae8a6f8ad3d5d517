//! The bar that appears with a selection: how many are selected, log them out, clear.

use super::state::Action;
use crate::i18n::Lang;
use crate::tr;
use yew::prelude::*;

/// What the bar shows; a plain function, not a component (each component costs the bundle a
/// copy of Yew's view machinery).
pub struct BulkProps<'a> {
    pub selected: usize,
    /// The rows are those read so far by a load still running.
    pub partial: bool,
    pub on_logout: &'a Callback<MouseEvent>,
    pub dispatch: &'a Callback<Action>,
    pub lang: Lang,
}

pub fn bulk_bar(p: BulkProps) -> Html {
    if p.selected == 0 {
        return Html::default();
    }
    let lang = p.lang;
    let label = tr!(lang, BULK_LOGOUT, n = p.selected);
    html! {
        <div class="bulk" role="group" aria-label={tr!(lang, SELECTED_DEVICES)}>
            <span>{ tr!(lang, SELECTED_COUNT, n = p.selected) }</span>
            if p.partial {
                <span class="note">{ tr!(lang, SELECTED_PARTIAL) }</span>
            }
            <button type="button" class="danger" onclick={p.on_logout.clone()}>{ label }</button>
            <button type="button" onclick={p.dispatch.reform(|_: MouseEvent| Action::ClearSelection)}>{ tr!(lang, CLEAR_SELECTION) }</button>
        </div>
    }
}
