//! The bar that appears with a selection: how many are selected, log them out, clear.

use super::state::Action;
use crate::grid::thousands;
use yew::prelude::*;

/// What the bar shows; a plain function, not a component (each component costs the bundle a
/// copy of Yew's view machinery).
pub struct BulkProps<'a> {
    pub selected: usize,
    /// The rows are those read so far by a load still running.
    pub partial: bool,
    pub on_logout: &'a Callback<MouseEvent>,
    pub dispatch: &'a Callback<Action>,
}

pub fn bulk_bar(p: BulkProps) -> Html {
    if p.selected == 0 {
        return Html::default();
    }
    let label = match p.selected {
        1 => "Log out 1 device".to_owned(),
        n => format!("Log out {} devices", thousands(n)),
    };
    html! {
        <div class="bulk" role="group" aria-label="Selected devices">
            <span>{ format!("{} selected", thousands(p.selected)) }</span>
            if p.partial {
                <span class="note">{ "of the sessions read so far; loading goes on" }</span>
            }
            <button type="button" class="danger" onclick={p.on_logout.clone()}>{ label }</button>
            <button type="button" onclick={p.dispatch.reform(|_: MouseEvent| Action::ClearSelection)}>{ "Clear selection" }</button>
        </div>
    }
}
