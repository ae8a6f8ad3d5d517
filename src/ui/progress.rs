//! How far a load has got — "Loaded 1,234 of 20,000 sessions" over a progress bar — why it
//! pauses when the server asks to slow down, and the Cancel button; the skeleton rows shown
//! while nothing is loaded yet; and what a screen reader hears of a load (throttled).

use super::lang::use_lang;
use super::state::Running;
use super::words::progress_text;
use crate::api::Progress;
use crate::i18n::Lang;
use crate::tr;
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
    let lang = use_lang();
    let p = &props.running.progress;
    let text = progress_text(lang, p);
    let label = tr!(lang, LOADING_SESSIONS);
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    let bar = match p.target {
        Some(t) => {
            let now = p.loaded.min(t);
            html! {
                <progress role="progressbar" aria-label={label} max={t.max(1).to_string()}
                    value={now.to_string()} aria-valuemin="0" aria-valuemax={t.to_string()}
                    aria-valuenow={now.to_string()} aria-valuetext={text.clone()} />
            }
        }
        // Not known yet: an indeterminate bar.
        None => html! {
            <progress role="progressbar" aria-label={label} aria-valuetext={text.clone()} />
        },
    };
    let waiting = props.running.rate_wait_ms.map(|ms| {
        let secs = ms.div_ceil(1000);
        if secs > 0 {
            tr!(lang, SLOW_DOWN_SECONDS, n = secs)
        } else {
            tr!(lang, SLOW_DOWN)
        }
    });
    html! {
        <section class="load-progress" aria-label={tr!(lang, LOADING)}>
            // Not live: it changes with every page; `LoadAnnouncer` speaks for it.
            <p class="progress-text">{ text }</p>
            { bar }
            if let Some(w) = waiting {
                <p class="note" role="status">{ w }</p>
            }
            <button type="button" onclick={cancel}>{ tr!(lang, CANCEL) }</button>
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
    lang: Lang,
    progress: Option<Progress>,
    finished: Option<(u64, usize, u64)>,
) -> String {
    let voice = use_mut_ref(Voice::default);
    let mut v = voice.borrow_mut();
    let now = js_sys::Date::now();
    let done = finished.map(|f| f.0);
    if let Some(p) = &progress {
        if now - v.at_ms >= f64::from(ANNOUNCE_EVERY_MS) {
            v.said = spoken_progress(lang, p);
            v.at_ms = now;
        }
    } else if done != v.done {
        // Only once no load runs: the new set may come a render before the load's end.
        v.done = done;
        if let Some((_, loaded, total)) = finished {
            v.said = end_sentence(lang, loaded, total);
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
pub fn spoken_progress(lang: Lang, p: &Progress) -> String {
    match p.target {
        None if p.loaded == 0 => tr!(lang, SPOKEN_CONTACTING),
        None => tr!(lang, SPOKEN_SO_FAR, n = p.loaded),
        Some(t) => tr!(lang, SPOKEN_OF, n = p.loaded.min(t), total = t),
    }
}

/// What is said once when a load has completed.
pub fn end_sentence(lang: Lang, loaded: usize, total: u64) -> String {
    if loaded as u64 >= total {
        tr!(lang, SPOKEN_DONE, n = loaded)
    } else {
        tr!(lang, SPOKEN_DONE_OF, n = loaded, total = total)
    }
}

#[cfg(test)]
mod tests {
    use super::{end_sentence, spoken_progress};
    use crate::api::Progress;
    use crate::i18n::Lang::{self, En};

    #[test]
    fn end_sentences() {
        assert_eq!(
            end_sentence(En, 5_000, 5_000),
            "Loading done: 5,000 sessions."
        );
        assert_eq!(end_sentence(En, 1, 1), "Loading done: 1 session.");
        assert_eq!(end_sentence(En, 0, 0), "Loading done: 0 sessions.");
        assert_eq!(
            end_sentence(En, 4_990, 5_000),
            "Loading done: 4,990 of 5,000 sessions."
        );
        assert_eq!(
            end_sentence(En, 10, 1_000_000_000_000),
            "Loading done: 10 of 1,000,000,000,000 sessions."
        );
        assert_eq!(
            end_sentence(Lang::De, 1, 1),
            "Laden abgeschlossen: 1 Sitzung."
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
            spoken_progress(En, &p(0, None)),
            "Loading: contacting the server"
        );
        assert_eq!(
            spoken_progress(En, &p(300, None)),
            "Loading: 300 sessions so far"
        );
        assert_eq!(
            spoken_progress(En, &p(1_234, Some(5_000))),
            "Loading: 1,234 of 5,000 sessions"
        );
        assert_eq!(
            spoken_progress(En, &p(5_010, Some(5_000))),
            "Loading: 5,000 of 5,000 sessions"
        );
    }
}
