//! How far a load has got — "Loaded 1,234 of 20,000 sessions" over a progress bar — why it
//! pauses when the server asks to slow down, and the Cancel button; plus the skeleton rows
//! shown while nothing is loaded yet.

use super::state::Running;
use super::words::progress_text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub running: Running,
    pub on_cancel: Callback<()>,
}

#[function_component(LoadProgress)]
pub fn load_progress(props: &Props) -> Html {
    let p = &props.running.progress;
    let text = progress_text(p);
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    let bar = match p.target {
        Some(t) => {
            let now = p.loaded.min(t);
            html! {
                <progress role="progressbar" aria-label="Loading sessions" max={t.max(1).to_string()}
                    value={now.to_string()} aria-valuemin="0" aria-valuemax={t.to_string()}
                    aria-valuenow={now.to_string()} aria-valuetext={text.clone()} />
            }
        }
        // Not known yet: an indeterminate bar.
        None => html! {
            <progress role="progressbar" aria-label="Loading sessions" aria-valuetext={text.clone()} />
        },
    };
    let waiting = props.running.rate_wait_ms.map(|ms| {
        let secs = ms.div_ceil(1000);
        if secs > 0 {
            format!("The server asked to slow down (too many requests): loading goes on by itself in about {secs} seconds.")
        } else {
            "The server asked to slow down (too many requests): loading goes on by itself after a short pause.".to_owned()
        }
    });
    html! {
        <section class="load-progress" aria-label="Loading">
            <p class="progress-text" aria-live="polite">{ text }</p>
            { bar }
            if let Some(w) = waiting {
                <p class="note" role="status">{ w }</p>
            }
            <button type="button" onclick={cancel}>{ "Cancel" }</button>
        </section>
    }
}

/// Placeholder rows while the first page is on its way.
#[function_component(Skeleton)]
pub fn skeleton() -> Html {
    html! {
        <div class="skeleton" aria-hidden="true">
            { for (0..6).map(|_| html! { <div class="skeleton-row"></div> }) }
        </div>
    }
}
