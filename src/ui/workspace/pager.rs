//! The pager: rows per page, first/previous/next/last, a page number to go to, and the status.

use super::state::Action;
use crate::grid::{thousands, PageNav, PageSize, View};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PagerProps {
    pub view: View,
    pub dispatch: Callback<Action>,
}

#[function_component(Pager)]
pub fn pager(p: &PagerProps) -> Html {
    let v = &p.view;
    let (page, pages) = (v.page, v.pages);
    // `aria-disabled` instead of `disabled`: a button that disables itself under the
    // keyboard would drop focus to the page body.
    let nav = |label: &'static str, text: &'static str, to: PageNav, off: bool| {
        let dispatch = p.dispatch.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            if !off {
                dispatch.emit(Action::Go(to, pages));
            }
        });
        html! {
            <button type="button" class="page-btn" aria-label={label} title={label}
                aria-disabled={off.to_string()} {onclick}>{ text }</button>
        }
    };
    let on_size = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            if let Some(size) = value.parse().ok().and_then(PageSize::from_usize) {
                dispatch.emit(Action::SetPageSize(size));
            }
        })
    };
    let on_page = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                match input.value().trim().parse::<usize>() {
                    Ok(n) => {
                        // Shown clamped even when the page does not change (no re-render).
                        let n = n.clamp(1, pages.max(1));
                        input.set_value(&n.to_string());
                        dispatch.emit(Action::Go(PageNav::To(n), pages));
                    }
                    // Not a number: show the current page again.
                    Err(_) => input.set_value(&page.to_string()),
                }
            }
        })
    };
    html! {
        <nav class="pager" aria-label="Pages">
            <p class="status" aria-live="polite">{ v.status() }</p>
            <label class="page-size">{ "Rows per page" }
                <select onchange={on_size}>
                    { for PageSize::ALL.iter().map(|s| html! {
                        <option value={s.get().to_string()} selected={*s == v.page_size}>{ s.get() }</option>
                    }) }
                </select>
            </label>
            <div class="page-nav">
                { nav("First page", "«", PageNav::First, page <= 1) }
                { nav("Previous page", "‹", PageNav::Prev, page <= 1) }
                <label class="page-to">{ "Page" }
                    <input type="number" min="1" max={pages.to_string()} value={page.to_string()}
                        inputmode="numeric" onchange={on_page} />
                </label>
                <span class="page-of">{ format!("of {}", thousands(pages)) }</span>
                { nav("Next page", "›", PageNav::Next, page >= pages) }
                { nav("Last page", "»", PageNav::Last, page >= pages) }
            </div>
        </nav>
    }
}
