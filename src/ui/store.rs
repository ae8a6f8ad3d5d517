//! Shared state with one way in: a [`Store`] holds an immutable snapshot that components and
//! effects read, and every change goes through [`Store::dispatch`] (a pure reducer) or a
//! write guard whose drop bumps the version and tells every subscriber. A change therefore
//! cannot forget to notify, and render never holds a borrow: it keeps an `Rc` of a snapshot.
//! (In the spirit of the Proxmox Yew widget toolkit's `Store`.)

use std::cell::{Cell, RefCell, RefMut};
use std::ops::{Deref, DerefMut};
use std::rc::{Rc, Weak};
use yew::prelude::*;

/// The one reducer shape of the app: a pure transition that says when nothing changed
/// (`None`: no new snapshot, no re-render). Tests replay lists of actions through it.
pub trait Reduce: Sized {
    type Action;
    fn reduce(&self, action: Self::Action) -> Option<Self>;
}

type Listener = Rc<dyn Fn()>;

struct Inner<T> {
    value: RefCell<Rc<T>>,
    version: Cell<u64>,
    listeners: RefCell<Vec<Weak<dyn Fn()>>>,
}

/// A handle to shared state; clones share it, and two handles are equal when they are the
/// same store (so a prop holding one does not re-render its component).
pub struct Store<T> {
    inner: Rc<Inner<T>>,
}

impl<T> Clone for Store<T> {
    fn clone(&self) -> Self {
        Store {
            inner: self.inner.clone(),
        }
    }
}

impl<T> PartialEq for Store<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

impl<T> std::fmt::Debug for Store<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Store(version {})", self.version())
    }
}

impl<T: Default> Default for Store<T> {
    fn default() -> Self {
        Store::new(T::default())
    }
}

/// Keeps a subscription alive; dropping it unsubscribes.
pub struct Subscription {
    _listener: Listener,
}

impl<T> Store<T> {
    pub fn new(value: T) -> Self {
        Store {
            inner: Rc::new(Inner {
                value: RefCell::new(Rc::new(value)),
                version: Cell::new(0),
                listeners: RefCell::new(Vec::new()),
            }),
        }
    }

    /// The current snapshot. It never changes under the holder: a write replaces it.
    pub fn get(&self) -> Rc<T> {
        self.inner.value.borrow().clone()
    }

    /// Bumped by every change.
    pub fn version(&self) -> u64 {
        self.inner.version.get()
    }

    /// Calls `f` after every change until the subscription is dropped.
    pub fn subscribe(&self, f: impl Fn() + 'static) -> Subscription {
        let listener: Listener = Rc::new(f);
        let mut list = self.inner.listeners.borrow_mut();
        list.retain(|l| l.strong_count() > 0);
        list.push(Rc::downgrade(&listener));
        Subscription {
            _listener: listener,
        }
    }

    /// Replaces the snapshot, bumps the version and notifies.
    pub fn set(&self, value: T) {
        *self.inner.value.borrow_mut() = Rc::new(value);
        self.inner.version.set(self.inner.version.get() + 1);
        self.notify();
    }

    fn notify(&self) {
        // Called outside any borrow of the value: a listener may read the store again.
        let live: Vec<Listener> = self
            .inner
            .listeners
            .borrow()
            .iter()
            .filter_map(Weak::upgrade)
            .collect();
        for l in live {
            l();
        }
    }
}

impl<T: Clone> Store<T> {
    /// A guard to change the value in place; its drop publishes the change. The value is
    /// copied only while a reader still holds the old snapshot. Never held across an await
    /// (clippy's `await_holding_refcell_ref` guards that).
    pub fn write(&self) -> Write<'_, T> {
        Write {
            store: self,
            value: Some(self.inner.value.borrow_mut()),
        }
    }
}

impl<T: Reduce> Store<T> {
    /// Runs the reducer; a new snapshot (and a notification) only when something changed.
    pub fn dispatch(&self, action: T::Action) {
        if let Some(next) = self.get().reduce(action) {
            self.set(next);
        }
    }

    /// A callback that dispatches, for props (the same store gives equal callbacks' targets).
    pub fn dispatcher(&self) -> Callback<T::Action>
    where
        T: 'static,
    {
        let store = self.clone();
        Callback::from(move |a| store.dispatch(a))
    }
}

/// See [`Store::write`].
pub struct Write<'a, T: Clone> {
    store: &'a Store<T>,
    value: Option<RefMut<'a, Rc<T>>>,
}

impl<T: Clone> Deref for Write<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        match &self.value {
            Some(v) => v,
            None => unreachable!("taken only in drop"),
        }
    }
}

impl<T: Clone> DerefMut for Write<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        match &mut self.value {
            Some(v) => Rc::make_mut(v),
            None => unreachable!("taken only in drop"),
        }
    }
}

impl<T: Clone> Drop for Write<'_, T> {
    fn drop(&mut self) {
        drop(self.value.take());
        self.store
            .inner
            .version
            .set(self.store.inner.version.get() + 1);
        self.store.notify();
    }
}

/// Re-renders the calling component whenever the store changes, and returns its snapshot.
/// Subscribes during the first render, not in an effect: a click that lands before the
/// effects run must still re-render.
#[hook]
pub fn use_store<T: 'static>(store: &Store<T>) -> Rc<T> {
    let update = use_force_update();
    let _subscription = use_memo(store.clone(), move |s| {
        s.subscribe(move || update.force_update())
    });
    store.get()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Debug, PartialEq)]
    struct Counter(i32);

    impl Reduce for Counter {
        type Action = i32;
        fn reduce(&self, by: i32) -> Option<Counter> {
            (by != 0).then(|| Counter(self.0 + by))
        }
    }

    fn counting<T>(store: &Store<T>) -> (Rc<Cell<u32>>, Subscription) {
        let heard = Rc::new(Cell::new(0));
        let h = heard.clone();
        let sub = store.subscribe(move || h.set(h.get() + 1));
        (heard, sub)
    }

    #[test]
    fn a_dispatch_that_changes_nothing_notifies_nobody() {
        let store = Store::new(Counter(0));
        let (heard, _sub) = counting(&store);
        store.dispatch(0);
        assert_eq!((heard.get(), store.version(), store.get().0), (0, 0, 0));
        store.dispatch(2);
        assert_eq!((heard.get(), store.version(), store.get().0), (1, 1, 2));
    }

    #[test]
    fn a_write_publishes_once_and_leaves_held_snapshots_alone() {
        let store = Store::new(vec![1, 2, 3]);
        let (heard, _sub) = counting(&store);
        let before = store.get();
        {
            let mut w = store.write();
            w.push(4);
            w.retain(|&x| x != 1);
        }
        assert_eq!(heard.get(), 1);
        assert_eq!(
            *before,
            [1, 2, 3],
            "a reader's snapshot never changes under it"
        );
        assert_eq!(*store.get(), [2, 3, 4]);
    }

    #[test]
    fn listeners_may_read_the_store_and_stop_when_dropped() {
        let store = Store::new(Counter(1));
        let seen = Rc::new(Cell::new(0));
        let (s, seen2) = (store.clone(), seen.clone());
        let sub = store.subscribe(move || seen2.set(s.get().0));
        store.dispatch(5);
        assert_eq!(seen.get(), 6);
        drop(sub);
        store.dispatch(1);
        assert_eq!(seen.get(), 6, "unsubscribed");
        assert!(store == store.clone() && store != Store::new(Counter(7)));
    }
}
