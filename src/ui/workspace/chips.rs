//! The filters in effect as removable chips ("Client: Chrome ×"), and *Clear filters*. The
//! chips and their labels come from the grid (`grid::Chip`).

use super::state::{Action, Chip};
use crate::tr;
use crate::ui::lang::use_lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChipsProps {
    /// Each filter in effect with its label.
    pub chips: Rc<[(Chip, String)]>,
    /// A search is typed (Clear filters clears it too).
    pub searching: bool,
    pub dispatch: Callback<Action>,
}

#[function_component(Chips)]
pub fn chips_bar(p: &ChipsProps) -> Html {
    let lang = use_lang();
    if p.chips.is_empty() && !p.searching {
        return Html::default();
    }
    html! {
        <div class="chips" role="group" aria-label={tr!(lang, FILTERS_IN_EFFECT)}>
            { for p.chips.iter().map(|(chip, label)| {
                let chip = chip.clone();
                let onclick = p.dispatch.reform(move |_: MouseEvent| Action::RemoveChip(chip.clone()));
                html! {
                    <button type="button" class="chip" aria-label={tr!(lang, REMOVE_FILTER, filter = label)} {onclick}>
                        { label }<span class="x" aria-hidden="true">{ " ×" }</span>
                    </button>
                }
            }) }
            <button type="button" class="link clear" onclick={p.dispatch.reform(|_: MouseEvent| Action::ClearFilters)}>{ tr!(lang, CLEAR_FILTERS) }</button>
        </div>
    }
}
