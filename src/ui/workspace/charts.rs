//! The overview: sessions per client, OS and device type, and logins per day, as small SVG bar
//! charts drawn here (no chart library). A bar is a button: it applies its filter.

use super::state::{Action, Chip};
use crate::grid::{day_bounds, format_day, none_text, Stats};
use crate::i18n::Lang;
use crate::tr;
use crate::ui::lang::use_lang;
use std::rc::Rc;
use yew::prelude::*;

/// Bars per category chart; the rest are summed into one bar that filters nothing.
const TOP: usize = 10;
/// Columns at most in the timeline; longer ranges group days.
const DAYS: usize = 120;

#[derive(Properties, PartialEq)]
pub struct ChartsProps {
    pub stats: Rc<Stats>,
    pub tz_offset_minutes: i32,
    pub dispatch: Callback<Action>,
}

struct Bar {
    label: String,
    count: usize,
    action: Option<Action>,
}

fn activate(
    dispatch: &Callback<Action>,
    action: Option<Action>,
) -> (Callback<MouseEvent>, Callback<KeyboardEvent>) {
    let on_click = {
        let (d, a) = (dispatch.clone(), action.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(a) = a.clone() {
                d.emit(a)
            }
        })
    };
    let on_key = {
        let d = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if matches!(e.key().as_str(), "Enter" | " ") {
                e.prevent_default();
                if let Some(a) = action.clone() {
                    d.emit(a)
                }
            }
        })
    };
    (on_click, on_key)
}

fn category(
    lang: Lang,
    values: &[(String, usize)],
    make: fn(String) -> Chip,
    rest_label: String,
) -> Vec<Bar> {
    let mut bars: Vec<Bar> = values
        .iter()
        .take(TOP)
        .map(|(v, n)| Bar {
            label: if v.is_empty() {
                none_text(lang)
            } else {
                v.clone()
            },
            count: *n,
            action: Some(Action::Drill(make(v.clone()))),
        })
        .collect();
    let rest: usize = values.iter().skip(TOP).map(|v| v.1).sum();
    if rest > 0 {
        bars.push(Bar {
            label: rest_label,
            count: rest,
            action: None,
        });
    }
    bars
}

/// A horizontal bar chart; `unit` names what is counted ("sessions").
fn hbars(lang: Lang, title: String, bars: Vec<Bar>, dispatch: &Callback<Action>) -> Html {
    const W: f64 = 360.0;
    const LABEL: f64 = 130.0;
    const COUNT: f64 = 56.0;
    const ROW: f64 = 22.0;
    let max = bars.iter().map(|b| b.count).max().unwrap_or(1).max(1) as f64;
    let height = (bars.len().max(1) as f64) * ROW;
    let rows = bars.into_iter().enumerate().map(|(i, b)| {
        let y = i as f64 * ROW;
        let width = ((W - LABEL - COUNT) * b.count as f64 / max).max(1.0);
        let truncated = b.label.chars().count() > 18;
        let short: String = if truncated {
            b.label.chars().take(17).chain(['…']).collect()
        } else {
            b.label.clone()
        };
        let name = bar_name(lang, &b.label, &short, b.count);
        let clickable = b.action.is_some();
        let (onclick, onkeydown) = activate(dispatch, b.action);
        html! {
            <g class={classes!("bar", clickable.then_some("clickable"))} role={clickable.then_some("button")}
                tabindex={clickable.then_some("0")} aria-label={name} {onclick} {onkeydown}>
                // No `<title>`: its text counts as visible and would no longer be inside the
                // name. The spaces keep the label and the count two words of the visible text
                // the accessible name must contain (WCAG 2.5.3).
                <text x="0" y={format!("{}", y + 15.0)} class="label">{ short }</text>{ " " }
                <rect x={LABEL.to_string()} y={format!("{}", y + 4.0)} width={format!("{width:.1}")} height="14" rx="2" />{ " " }
                <text x={format!("{:.1}", LABEL + width + 4.0)} y={format!("{}", y + 15.0)} class="count">{ lang.number(b.count as f64) }</text>
            </g>
        }
    });
    html! {
        <figure class="chart">
            <figcaption>{ title }</figcaption>
            <svg viewBox={format!("0 0 {W} {height}")} width="100%" preserveAspectRatio="xMinYMin meet">{ for rows }</svg>
        </figure>
    }
}

/// A bar's accessible name: it starts with what the bar shows (the label as drawn, the count),
/// so speech input can name it by its visible text (WCAG 2.5.3); a label cut short on screen
/// follows in full.
fn bar_name(lang: Lang, label: &str, shown: &str, count: usize) -> String {
    if label == shown {
        tr!(lang, BAR_NAME, label = label, n = count)
    } else {
        tr!(lang, BAR_NAME_CUT, shown = shown, n = count, label = label)
    }
}

/// Logins over time: one column per local day, or per run of days when the range is longer
/// than [`DAYS`] (the caption says which). A column filters to its days.
fn timeline(lang: Lang, days: &[(i64, usize)], tz: i32, dispatch: &Callback<Action>) -> Html {
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return html! {
            <figure class="chart"><figcaption>{ tr!(lang, LOGINS_PER_DAY) }</figcaption><p>{ tr!(lang, NO_LOGIN_TIMES) }</p></figure>
        };
    };
    let start = first.0;
    let span = (last.0 - start + 1).max(1) as usize;
    let step = span.div_ceil(DAYS).max(1);
    let mut counts = vec![0usize; span.div_ceil(step)];
    for &(d, n) in days {
        if let Some(c) = counts.get_mut((d - start) as usize / step) {
            *c += n;
        }
    }
    const H: f64 = 100.0;
    const COL: f64 = 6.0;
    let max = counts.iter().copied().max().unwrap_or(1).max(1) as f64;
    let width = counts.len() as f64 * COL;
    let bars = counts.iter().enumerate().filter(|(_, &n)| n > 0).map(|(i, &n)| {
        let (a, b) = (start + (i * step) as i64, start + ((i + 1) * step) as i64 - 1);
        let (from, to) = (day_bounds(a, tz).0, day_bounds(b.min(last.0), tz).1);
        let when = if step == 1 {
            format_day(a)
        } else {
            tr!(lang, DAY_RANGE, from = &format_day(a), to = &format_day(b.min(last.0)))
        };
        let h = (H * n as f64 / max).max(1.0);
        let name = tr!(lang, DAY_BAR_NAME, when = &when, n = n);
        let (onclick, onkeydown) = activate(dispatch, Some(Action::DrillDay { from, to }));
        html! {
            <g class="bar clickable" role="button" tabindex="0" aria-label={name.clone()} {onclick} {onkeydown}>
                <title>{ name }</title>
                <rect x={format!("{:.1}", i as f64 * COL + 0.5)} y={format!("{:.1}", H - h)} width={format!("{:.1}", COL - 1.0)} height={format!("{h:.1}")} />
            </g>
        }
    });
    let caption = match step {
        1 => tr!(lang, LOGINS_PER_DAY),
        7 => tr!(lang, LOGINS_PER_WEEK),
        n => tr!(lang, LOGINS_PER_DAYS, n = n),
    };
    html! {
        <figure class="chart days">
            <figcaption>{ caption }</figcaption>
            <svg viewBox={format!("0 0 {width} {H}")} width="100%" height="120" preserveAspectRatio="none">{ for bars }</svg>
            <div class="axis"><span>{ format_day(start) }</span><span>{ format_day(last.0) }</span></div>
        </figure>
    }
}

#[function_component(Charts)]
pub fn charts(p: &ChartsProps) -> Html {
    let lang = use_lang();
    let s = &p.stats;
    let kinds = s
        .kinds
        .iter()
        .map(|(k, n)| Bar {
            label: lang.t(k.key_text()),
            count: *n,
            action: Some(Action::Drill(Chip::Kind(*k))),
        })
        .collect();
    html! {
        <section class="overview" aria-label={tr!(lang, MODE_OVERVIEW)}>
            { hbars(lang, tr!(lang, CHART_CLIENTS), category(lang, &s.clients, Chip::Client, tr!(lang, OTHER_CLIENTS)), &p.dispatch) }
            { hbars(lang, tr!(lang, CHART_OSES), category(lang, &s.oses, Chip::Os, tr!(lang, OTHER_SYSTEMS)), &p.dispatch) }
            { hbars(lang, tr!(lang, CHART_KINDS), kinds, &p.dispatch) }
            { timeline(lang, &s.days, p.tz_offset_minutes, &p.dispatch) }
            if s.no_login > 0 {
                <p class="note">{ tr!(lang, NO_LOGIN_NOTE, n = s.no_login) }</p>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::bar_name;
    use crate::i18n::Lang::En;

    #[test]
    fn a_bar_is_named_by_what_it_shows() {
        assert_eq!(
            bar_name(En, "Safari", "Safari", 1234),
            "Safari: 1,234 sessions"
        );
        assert_eq!(bar_name(En, "iOS", "iOS", 1), "iOS: 1 session");
        let long = "Firefox Mobile Longname Edition";
        let shown: String = long.chars().take(17).chain(['…']).collect();
        assert_eq!(
            bar_name(En, long, &shown, 12),
            "Firefox Mobile Lo… 12 sessions (Firefox Mobile Longname Edition)"
        );
    }
}
