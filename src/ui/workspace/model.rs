//! The workspace's model: its state (`state.rs`), the rows of the load it shows (the shell's
//! rows store) and what is derived from both (`derive.rs`), moved together by one reducer, so
//! a render always sees a state and the values computed for exactly that state.

use super::data::Me;
use super::derive::{Derive, Derived};
use super::state::{reduce, Action, State};
use crate::grid::findings::diff;
use crate::grid::{Column, Query, Sessions};
use crate::ui::store::{Reduce, Store};
use std::cell::RefCell;
use std::rc::Rc;

/// The loaded rows: one store per load, shared by the shell and the workspace; a logout
/// removes rows through its write guard, which tells the workspace.
pub type Rows = Store<Sessions>;

/// Vanished sessions kept for the Findings panel (the latest refreshes' first).
const MAX_GONE: usize = 10_000;

#[derive(Clone)]
pub struct Model {
    pub state: State,
    pub derived: Rc<Derived>,
    pub rows: Rows,
    /// The caches behind `derived`; borrowed only while reducing, never in render.
    derive: Rc<RefCell<Derive>>,
}

/// Equal when nothing a render reads differs (the derived values compare by identity: they
/// are recomputed only with new inputs).
impl PartialEq for Model {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
            && Rc::ptr_eq(&self.derived, &other.derived)
            && self.rows == other.rows
    }
}

/// Everything that moves the model.
#[derive(Debug)]
pub enum Input {
    /// The admin did something, or an effect reported back.
    Act(Action),
    /// The shell finished a load: its rows replace the ones shown.
    Load { load_id: u64, rows: Rows },
    /// The rows store changed (a logout removed rows).
    RowsChanged,
}

impl Model {
    pub fn new(load_id: u64, rows: Rows, query: Query, me: Me, columns: Rc<[Column]>) -> Model {
        let mut state = State::new(load_id, query);
        state.me = me;
        state.columns = columns;
        let mut derive = Derive::default();
        let derived = Rc::new(derive.update(&rows.get(), &state));
        let derive = Rc::new(RefCell::new(derive));
        Model {
            state,
            derived,
            rows,
            derive,
        }
    }

    /// Every matching row in display order (for select-all, export and bulk actions).
    pub fn ordered(&self) -> Vec<u32> {
        self.derive.borrow().ordered().to_vec()
    }

    /// Indices the state holds that no longer name a live row, with their session ids.
    fn gone(&self, set: &Sessions) -> Vec<(u32, String)> {
        let s = &self.state;
        let mut out: Vec<(u32, String)> = s
            .selection
            .iter()
            .chain(s.active.iter())
            .filter(|&&i| !set.is_live(i))
            .map(|&i| (i, String::new()))
            .collect();
        if let Some(d) = s.details.as_ref().filter(|d| !set.is_live(d.index)) {
            out.push((d.index, d.session_id.clone()));
        }
        out
    }
}

impl Reduce for Model {
    type Action = Input;

    fn reduce(&self, input: Input) -> Option<Model> {
        let (rows, state) = match input {
            // Only the state changed: with no new state there is nothing to derive.
            Input::Act(a) => (self.rows.clone(), reduce(&self.state, a)?),
            Input::Load { load_id, rows } => {
                let open = self.state.details.as_ref().map(|d| d.session_id.clone());
                let details_index = open.and_then(|id| rows.get().find(&id));
                let action = Action::Loaded {
                    load_id,
                    details_index,
                };
                let mut state = reduce(&self.state, action).unwrap_or_else(|| self.state.clone());
                // A refresh (a new rows store; a first load's rows grow in their own): what is
                // new and what vanished since the rows shown until now.
                if rows != self.rows && !self.state.partial {
                    let d = diff(&self.rows.get(), &rows.get());
                    let next = rows.get();
                    state.new_ids = Rc::new(
                        d.new
                            .iter()
                            .filter_map(|&i| next.row(i).map(|r| r.session_id().to_owned()))
                            .collect(),
                    );
                    if !d.gone.is_empty() {
                        let mut gone = d.gone;
                        gone.extend(self.state.gone.iter().take(MAX_GONE).cloned());
                        gone.truncate(MAX_GONE);
                        state.gone = Rc::new(gone);
                    }
                }
                (rows, state)
            }
            Input::RowsChanged => {
                let gone = self.gone(&self.rows.get());
                let state = match gone.is_empty() {
                    true => self.state.clone(),
                    false => reduce(&self.state, Action::RowsRemoved(gone))
                        .unwrap_or_else(|| self.state.clone()),
                };
                (self.rows.clone(), state)
            }
        };
        let derived = self.derive.borrow_mut().update(&rows.get(), &state);
        if state == self.state && rows == self.rows && derived == *self.derived {
            return None;
        }
        Some(Model {
            state,
            derived: Rc::new(derived),
            rows,
            derive: self.derive.clone(),
        })
    }
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;
