//! The pager: rows per page, first/previous/next/last, a page number to go to, and the status;
//! and the spoken count of matching sessions once the search or filters stop changing.

use super::state::Action;
use crate::grid::{PageNav, PageSize, View};
use crate::i18n::Lang;
use crate::tr;
use crate::ui::lang::use_lang;
use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// How long the count must stay the same before it is said: a screen reader would otherwise
/// read a count per keystroke and drown the typing.
pub const COUNT_SETTLE_MS: u32 = 1_000;

/// What a screen reader hears once the matching rows stop changing; worded apart from the
/// empty state's visible "No sessions match", so finding that by its text finds one element.
pub fn count_sentence(lang: Lang, matched: usize) -> String {
    tr!(lang, COUNT_MATCH, n = matched)
}

/// The count, said [`COUNT_SETTLE_MS`] after it last changed (a debounce: each change drops
/// the pending timer); not on the first render, where the load's own announcement speaks.
#[hook]
fn use_settled_count(lang: Lang, matched: usize, total: usize) -> String {
    let said = use_state(String::new);
    let first = use_mut_ref(|| true);
    {
        let said = said.clone();
        use_effect_with((matched, total, lang), move |_| {
            let timer = if std::mem::replace(&mut *first.borrow_mut(), false) {
                None
            } else {
                Some(Timeout::new(COUNT_SETTLE_MS, move || {
                    said.set(count_sentence(lang, matched))
                }))
            };
            // A newer count, or unmounting, cancels the pending one.
            move || drop(timer)
        });
    }
    (*said).clone()
}

#[derive(Properties, PartialEq)]
pub struct PagerProps {
    pub view: View,
    pub dispatch: Callback<Action>,
}

#[function_component(Pager)]
pub fn pager(p: &PagerProps) -> Html {
    let v = &p.view;
    let (page, pages) = (v.page, v.pages);
    let lang = use_lang();
    let said = use_settled_count(lang, v.matched, v.total);
    // `aria-disabled` instead of `disabled`: a button that disables itself under the
    // keyboard would drop focus to the page body.
    let nav = |label: String, text: &'static str, to: PageNav, off: bool| {
        let dispatch = p.dispatch.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            if !off {
                dispatch.emit(Action::Go(to, pages));
            }
        });
        html! {
            <button type="button" class="page-btn" aria-label={label.clone()} title={label}
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
        <nav class="pager" aria-label={tr!(lang, PAGES)}>
            // Not a live region: it changes with every key and page; the settled count is.
            <p class="status">{ v.status(lang) }</p>
            <p class="visually-hidden" role="status" data-announce="count">{ said }</p>
            <label class="page-size">{ tr!(lang, ROWS_PER_PAGE) }
                <select onchange={on_size}>
                    { for PageSize::ALL.iter().map(|s| html! {
                        <option value={s.get().to_string()} selected={*s == v.page_size}>{ s.get() }</option>
                    }) }
                </select>
            </label>
            <div class="page-nav">
                { nav(tr!(lang, FIRST_PAGE), "«", PageNav::First, page <= 1) }
                { nav(tr!(lang, PREVIOUS_PAGE), "‹", PageNav::Prev, page <= 1) }
                <label class="page-to">{ tr!(lang, PAGE) }
                    <input type="number" min="1" max={pages.to_string()} value={page.to_string()}
                        inputmode="numeric" onchange={on_page} />
                </label>
                <span class="page-of">{ tr!(lang, PAGE_OF, pages = pages) }</span>
                { nav(tr!(lang, NEXT_PAGE), "›", PageNav::Next, page >= pages) }
                { nav(tr!(lang, LAST_PAGE), "»", PageNav::Last, page >= pages) }
            </div>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::count_sentence;

    #[test]
    fn count_sentences() {
        assert_eq!(
            count_sentence(crate::i18n::Lang::En, 0),
            "None of the sessions match"
        );
        assert_eq!(
            count_sentence(crate::i18n::Lang::En, 1),
            "1 session matches"
        );
        assert_eq!(
            count_sentence(crate::i18n::Lang::En, 12_345),
            "12,345 sessions match"
        );
    }
}
