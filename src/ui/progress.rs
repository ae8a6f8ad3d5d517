//! How far a load has got — "Loaded 1,234 of 20,000 sessions" over a progress bar — why it
//! pauses when the server asks to slow down, and the Cancel button; the skeleton rows shown
//! while nothing is loaded yet; and what a screen reader hears of a load (throttled).

use super::state::Running;
use super::words::progress_text;
use crate::api::Progress;
use crate::grid::thousands;
use yew::prelude::*;

/// A load's progress is said at most this often: the visible text changes with every page,
/// which read out would be a stream of numbers drowning everything else.
pub const ANNOUNCE_EVERY_MS: u32 = 3_000;

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
            // Not live: it changes with every page; `LoadAnnouncer` speaks for it.
            <p class="progress-text">{ text }</p>
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

/// What a screen reader hears of loads, for a polite live region mounted for the widget's
/// whole life (a region that appears with its text is not reliably read): the first progress
/// sentence at once, then the newest one when a page arrives at least [`ANNOUNCE_EVERY_MS`]
/// after the last one said, and once at the end how many sessions were loaded. A load that
/// fails or is cancelled says nothing more here; its error is an alert of its own.
/// `progress` is the running load's (`None` while none runs); `finished` the last completed
/// load's id (new on every load), sessions loaded and server total.
///
/// Worked out while rendering (the shell renders on every progress step): no timer, no state
/// of its own to set, one small allocation per widget.
#[hook]
pub fn use_load_announcement(
    progress: Option<Progress>,
    finished: Option<(u64, usize, u64)>,
) -> String {
    let voice = use_mut_ref(Voice::default);
    let mut v = voice.borrow_mut();
    let now = js_sys::Date::now();
    let done = finished.map(|f| f.0);
    if let Some(p) = &progress {
        if now - v.at_ms >= f64::from(ANNOUNCE_EVERY_MS) {
            v.said = spoken_progress(p);
            v.at_ms = now;
        }
    } else if done != v.done {
        // Only once no load runs: the new set may come a render before the load's end.
        v.done = done;
        if let Some((_, loaded, total)) = finished {
            v.said = end_sentence(loaded, total);
        }
    }
    v.said.clone()
}

/// The load announcement's memory between renders.
#[derive(Default)]
struct Voice {
    said: String,
    /// When the last progress sentence was said (epoch ms).
    at_ms: f64,
    /// The id of the last completed load seen.
    done: Option<u64>,
}

/// A progress sentence as said. Worded apart from the texts on screen ("Loaded 1,234 of …",
/// "5,000 sessions loaded"), so that finding those by their text never finds this hidden copy.
pub fn spoken_progress(p: &Progress) -> String {
    let n = |v: u64| thousands(usize::try_from(v).unwrap_or(usize::MAX));
    match p.target {
        None if p.loaded == 0 => "Loading: contacting the server".into(),
        None => format!("Loading: {} sessions so far", n(p.loaded)),
        Some(t) => format!("Loading: {} of {} sessions", n(p.loaded.min(t)), n(t)),
    }
}

/// What is said once when a load has completed.
pub fn end_sentence(loaded: usize, total: u64) -> String {
    let total = usize::try_from(total).unwrap_or(usize::MAX);
    let noun = if loaded == 1 && total <= 1 {
        "session"
    } else {
        "sessions"
    };
    if loaded >= total {
        format!("Loading done: {} {noun}.", thousands(loaded))
    } else {
        format!(
            "Loading done: {} of {} {noun}.",
            thousands(loaded),
            thousands(total)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::{end_sentence, spoken_progress};
    use crate::api::Progress;

    #[test]
    fn end_sentences() {
        assert_eq!(end_sentence(5_000, 5_000), "Loading done: 5,000 sessions.");
        assert_eq!(end_sentence(1, 1), "Loading done: 1 session.");
        assert_eq!(end_sentence(0, 0), "Loading done: 0 sessions.");
        assert_eq!(
            end_sentence(4_990, 5_000),
            "Loading done: 4,990 of 5,000 sessions."
        );
        let max = crate::grid::thousands(usize::MAX);
        assert_eq!(
            end_sentence(10, u64::MAX),
            format!("Loading done: 10 of {max} sessions.")
        );
    }

    #[test]
    fn spoken_progress_is_worded_apart_from_the_screen() {
        let p = |loaded, target| Progress {
            loaded,
            target,
            round: 1,
            requests: 1,
        };
        assert_eq!(
            spoken_progress(&p(0, None)),
            "Loading: contacting the server"
        );
        assert_eq!(
            spoken_progress(&p(300, None)),
            "Loading: 300 sessions so far"
        );
        assert_eq!(
            spoken_progress(&p(1_234, Some(5_000))),
            "Loading: 1,234 of 5,000 sessions"
        );
        assert_eq!(
            spoken_progress(&p(5_010, Some(5_000))),
            "Loading: 5,000 of 5,000 sessions"
        );
    }
}
