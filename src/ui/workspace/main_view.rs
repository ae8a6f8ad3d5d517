//! The workspace's main area in its three modes: the table (with its empty state and pager),
//! the overview charts, and the sessions grouped by user.

use super::handlers::Handlers;
use super::model::Model;
use super::state::{Action, Mode};
use super::{charts, groups, pager, table};
use crate::tr;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MainProps {
    pub model: Rc<Model>,
    pub read_only: bool,
    pub self_user_id: String,
    pub locale: Option<String>,
    pub table_ref: NodeRef,
    pub on: Rc<Handlers>,
    pub dispatch: Callback<Action>,
}

#[function_component(MainView)]
pub fn main_view(p: &MainProps) -> Html {
    let (s, d) = (&p.model.state, &p.model.derived);
    let lang = s.me.lang;
    let dispatch = p.dispatch.clone();
    match s.mode {
        Mode::Table => html! {
            <>
                <table::Table columns={s.columns.clone()} rows={d.rows.clone()} sort={s.query.sort.clone()}
                    selection={s.selection.clone()} active={s.active} read_only={p.read_only}
                    matched={d.view.matched} partial={s.partial} dispatch={dispatch.clone()} on_select_all={p.on.select_all.clone()}
                    table_ref={p.table_ref.clone()} locale={s.me.date_locale().map(str::to_owned)} new_ids={s.new_ids.clone()} />
                if d.view.matched == 0 {
                    <div class="empty">
                        if d.view.total == 0 {
                            <p>{ tr!(lang, EMPTY_NONE) }</p>
                        } else {
                            <p>{ tr!(lang, EMPTY_NO_MATCH) }</p>
                            <button type="button" onclick={dispatch.reform(|_: MouseEvent| Action::ClearFilters)}>{ tr!(lang, CLEAR_FILTERS) }</button>
                        }
                    </div>
                }
                <pager::Pager view={d.view.clone()} {dispatch} />
            </>
        },
        Mode::Overview => match &d.stats {
            Some(stats) => html! {
                <charts::Charts stats={stats.clone()} tz_offset_minutes={s.me.tz_offset_minutes} {dispatch} />
            },
            None => Html::default(),
        },
        Mode::Groups => match &d.groups {
            Some(all) => html! {
                <groups::Groups groups={all.clone()} shown={s.groups_shown} expanded={s.expanded.clone()}
                    rows={d.open_groups.clone()} read_only={p.read_only} self_user_id={p.self_user_id.clone()}
                    {dispatch} on_logout_group={p.on.logout_group.clone()} />
            },
            None => Html::default(),
        },
    }
}
