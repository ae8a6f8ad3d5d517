//! The filters in effect as removable chips ("Client: Chrome ×"), and *Clear filters*.

use super::state::{Action, Chip};
use crate::grid::{format_day, local_day, Filters};
use yew::prelude::*;

/// What an empty value (a row without a client, say) is called on screen.
pub const NONE: &str = "(none)";

fn shown(v: &str) -> &str {
    if v.is_empty() {
        NONE
    } else {
        v
    }
}

/// Every column filter in effect, with its label, in a stable order.
pub fn chips(f: &Filters, tz_offset_minutes: i32) -> Vec<(Chip, String)> {
    let mut out = Vec::new();
    for k in &f.kinds {
        out.push((Chip::Kind(*k), format!("Device type: {}", k.label())));
    }
    for c in &f.clients {
        out.push((Chip::Client(c.clone()), format!("Client: {}", shown(c))));
    }
    for o in &f.oses {
        out.push((Chip::Os(o.clone()), format!("OS: {}", shown(o))));
    }
    for u in &f.users {
        out.push((Chip::User(u.clone()), format!("User: {}", shown(u))));
    }
    let day = |ms: i64| format_day(local_day(ms, tz_offset_minutes));
    if let Some(ms) = f.login_from {
        out.push((Chip::From, format!("Logged in from: {}", day(ms))));
    }
    if let Some(ms) = f.login_to {
        out.push((Chip::To, format!("Logged in to: {}", day(ms))));
    }
    out
}

#[derive(Properties, PartialEq)]
pub struct ChipsProps {
    pub filters: Filters,
    /// A search is typed (Clear filters clears it too).
    pub searching: bool,
    pub tz_offset_minutes: i32,
    pub dispatch: Callback<Action>,
}

#[function_component(Chips)]
pub fn chips_bar(p: &ChipsProps) -> Html {
    let list = chips(&p.filters, p.tz_offset_minutes);
    if list.is_empty() && !p.searching {
        return Html::default();
    }
    let clear = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::ClearFilters))
    };
    html! {
        <div class="chips" role="group" aria-label="Filters in effect">
            { for list.into_iter().map(|(chip, label)| {
                let dispatch = p.dispatch.clone();
                let aria = format!("Remove filter {label}");
                let onclick = Callback::from(move |_: MouseEvent| dispatch.emit(Action::RemoveChip(chip.clone())));
                html! {
                    <button type="button" class="chip" aria-label={aria} {onclick}>
                        { label }<span class="x" aria-hidden="true">{ " ×" }</span>
                    </button>
                }
            }) }
            <button type="button" class="link clear" onclick={clear}>{ "Clear filters" }</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::{day_bounds, parse_day, DeviceKind};

    #[test]
    fn chips_name_each_filter_and_the_local_days() {
        let mut f = Filters::default();
        f.clients.insert("Chrome".into());
        f.clients.insert(String::new());
        f.kinds.insert(DeviceKind::MobileApp);
        f.users.insert("<b>ann</b>".into());
        let day = parse_day("2024-12-01").expect("day");
        let (from, to) = day_bounds(day, 120);
        f.login_from = Some(from);
        f.login_to = Some(to);
        let labels: Vec<String> = chips(&f, 120).into_iter().map(|c| c.1).collect();
        assert_eq!(
            labels,
            [
                "Device type: Mobile app",
                "Client: (none)",
                "Client: Chrome",
                "User: <b>ann</b>",
                "Logged in from: 2024-12-01",
                "Logged in to: 2024-12-01"
            ]
        );
        assert!(chips(&Filters::default(), 0).is_empty());
    }
}
