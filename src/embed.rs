//! The JS mount API for host pages: `mount(element, options)` returns a handle with
//! `setCredentials`, `refresh`, `setFilter`, `setOptions` and `destroy`.
//!
//! Yew 0.23 keeps the event-delegation closures of every root it creates for the life of the
//! page (`HostHandlers::add_listener` forgets them). A portal that mounts and destroys widgets
//! as its admins move around would leak a root per mount, so each mount borrows a root from a
//! small pool instead: `destroy` unmounts the app inside it (every hook cleans up), takes its
//! container out of the host page and keeps it, detached, for the next `mount`. The pool never
//! holds more roots than the most widgets ever alive at once, and no app state lives in it:
//! each mount renders a fresh, keyed `App`.

use crate::options::Options;
use crate::ui::host::{CommandSlot, HostCommand, HostLink};
use crate::ui::App;
use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::prelude::*;
use yew::AppHandle;

/// More idle roots than this are destroyed instead of kept (a page that once showed many
/// widgets at once should not hold them all forever).
const POOL_MAX: usize = 8;

/// Yew 0.23 renders in a microtask, so an app registers for commands only after `mount` (or a
/// re-mount) has returned: a command sent before then waits this many event-loop turns.
const COMMAND_WAIT_TURNS: u32 = 250;

/// What one mounted widget renders: a fresh `App` per key.
#[derive(Clone, PartialEq)]
struct Mounted {
    key: u64,
    options: Rc<Options>,
    host: HostLink,
}

#[derive(Properties, PartialEq)]
struct RootProps {
    mounted: Option<Mounted>,
}

/// The pooled root: renders the mounted app, or nothing while idle in the pool.
#[function_component(Root)]
fn root(props: &RootProps) -> Html {
    match &props.mounted {
        Some(m) => html! {
            <App key={m.key} options={m.options.clone()} host={Some(m.host.clone())} />
        },
        None => Html::default(),
    }
}

struct PooledRoot {
    container: Element,
    app: AppHandle<Root>,
}

struct Live {
    root: PooledRoot,
    element: Element,
    commands: CommandSlot,
    options: Rc<Options>,
    key: u64,
    /// The last credentials the host passed, so a re-mount for new options signs in again.
    /// Memory only, dropped on destroy.
    credentials: Option<HostCommand>,
}

thread_local! {
    static POOL: RefCell<Vec<PooledRoot>> = const { RefCell::new(Vec::new()) };
    static LIVE: RefCell<HashMap<u32, Live>> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    static NEXT_KEY: Cell<u64> = const { Cell::new(1) };
}

fn next_key() -> u64 {
    NEXT_KEY.with(|k| {
        let key = k.get();
        k.set(key.wrapping_add(1));
        key
    })
}

fn report(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(&format!("RC Device Manager: {message}")));
}

/// Reads a host's options object; every unknown or mistyped option is named on the console
/// (never its value: it may be a secret) and keeps its default.
fn read_options(options: JsValue) -> Options {
    let value = match serde_wasm_bindgen::from_value::<Value>(options) {
        Ok(v) => v,
        Err(_) => {
            report("the options could not be read as a plain object (only strings, numbers, booleans and arrays are allowed); all defaults are used");
            Value::Null
        }
    };
    let (options, warnings) = Options::from_json(&value);
    for w in warnings {
        report(&w);
    }
    options
}

/// The credentials object of `setCredentials`: `{ userId, authToken, serverUrl? }`.
fn read_credentials(value: JsValue) -> Result<HostCommand, String> {
    let value: Value = serde_wasm_bindgen::from_value(value)
        .map_err(|_| "setCredentials needs a plain object { userId, authToken, serverUrl? }")?;
    let map = value
        .as_object()
        .ok_or("setCredentials needs an object { userId, authToken, serverUrl? }")?;
    let mut problems = Vec::new();
    for key in map.keys() {
        if !matches!(key.as_str(), "userId" | "authToken" | "serverUrl") {
            problems.push(format!(
                "unknown credential \"{key}\" (known: userId, authToken, serverUrl)"
            ));
        }
    }
    let text = |key: &str, problems: &mut Vec<String>, required: bool| match map.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        None if !required => None,
        _ => {
            problems.push(format!("credential \"{key}\" must be a non-empty string"));
            None
        }
    };
    let user_id = text("userId", &mut problems, true);
    let auth_token = text("authToken", &mut problems, true);
    let server_url = text("serverUrl", &mut problems, false);
    match (user_id, auth_token, problems.is_empty()) {
        (Some(user_id), Some(auth_token), true) => Ok(HostCommand::SetCredentials {
            server_url,
            user_id,
            auth_token,
        }),
        _ => Err(format!(
            "{}; the credentials were not used",
            problems.join("; ")
        )),
    }
}

fn take_pooled_or_new(container_parent: &Element, props: RootProps) -> Option<PooledRoot> {
    if let Some(mut pooled) = POOL.with(|p| p.borrow_mut().pop()) {
        container_parent.append_child(&pooled.container).ok()?;
        pooled.app.update(props);
        return Some(pooled);
    }
    let document = container_parent.owner_document()?;
    let container = document.create_element("div").ok()?;
    container.set_attribute("data-rcdm-mount", "").ok()?;
    container_parent.append_child(&container).ok()?;
    let app = yew::Renderer::<Root>::with_root_and_props(container.clone(), props).render();
    Some(PooledRoot { container, app })
}

/// A mounted widget, as the host page holds it. Every method is a no-op after `destroy`.
#[wasm_bindgen]
pub struct Handle {
    id: u32,
}

/// Mounts a widget inside `element` (appended; the element's other children are left alone)
/// and returns its handle. Events (`rcdm:*`) are dispatched on `element`.
#[wasm_bindgen]
pub fn mount(element: Element, options: JsValue) -> Handle {
    let options = Rc::new(read_options(options));
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1).max(1));
        id
    });
    let commands = CommandSlot::default();
    let key = next_key();
    let props = RootProps {
        mounted: Some(Mounted {
            key,
            options: options.clone(),
            host: HostLink {
                element: element.clone(),
                commands: commands.clone(),
            },
        }),
    };
    match take_pooled_or_new(&element, props) {
        Some(root) => LIVE.with(|l| {
            l.borrow_mut().insert(
                id,
                Live {
                    root,
                    element,
                    commands,
                    options,
                    key,
                    credentials: None,
                },
            )
        }),
        None => {
            report("the widget could not be mounted: the element is not in a document");
            None
        }
    };
    Handle { id }
}

/// Which options an app reads only when it starts: changing them starts it afresh.
fn needs_remount(old: &Options, new: &Options) -> bool {
    old.server_url != new.server_url
        || old.user_id != new.user_id
        || old.auth_token != new.auth_token
        || old.page_size != new.page_size
        || old.columns != new.columns
        || old.auto_refresh_seconds != new.auto_refresh_seconds
        || old.url_state != new.url_state
}

fn live_slot(id: u32) -> Option<CommandSlot> {
    LIVE.with(|l| l.borrow().get(&id).map(|live| live.commands.clone()))
}

/// Sends a command to widget `id`, or, when its app has not registered yet, keeps trying for a
/// few event-loop turns. False only when the widget is gone.
fn deliver(id: u32, command: HostCommand) -> bool {
    let Some(slot) = live_slot(id) else {
        return false;
    };
    if slot.send(command.clone()) {
        return true;
    }
    wasm_bindgen_futures::spawn_local(async move {
        for _ in 0..COMMAND_WAIT_TURNS {
            gloo_timers::future::TimeoutFuture::new(0).await;
            match live_slot(id) {
                None => return,
                Some(slot) if slot.send(command.clone()) => return,
                Some(_) => {}
            }
        }
        report("the widget did not start in time to take a command; call again once it shows");
    });
    true
}

#[wasm_bindgen]
impl Handle {
    /// Signs in with credentials the host already holds: `{ userId, authToken, serverUrl? }`.
    /// Returns false (and says why on the console) when they are malformed or the widget is gone.
    /// Like every command, it reaches an app that is still starting as soon as it has started.
    #[wasm_bindgen(js_name = setCredentials)]
    pub fn set_credentials(&self, credentials: JsValue) -> bool {
        let command = match read_credentials(credentials) {
            Ok(c) => c,
            Err(e) => {
                report(&e);
                return false;
            }
        };
        LIVE.with(|l| {
            if let Some(live) = l.borrow_mut().get_mut(&self.id) {
                live.credentials = Some(command.clone());
                // Signed in by the host again: a sign-out before this no longer holds.
                live.commands.set_signed_out(false);
            }
        });
        deliver(self.id, command)
    }

    /// Reloads every session.
    pub fn refresh(&self) -> bool {
        deliver(self.id, HostCommand::Refresh)
    }

    /// Puts `text` in the search box.
    #[wasm_bindgen(js_name = setFilter)]
    pub fn set_filter(&self, text: String) -> bool {
        deliver(self.id, HostCommand::SetFilter(text))
    }

    /// Applies new options. Theme, locale and read-only apply in place; the others start the
    /// app afresh, signed in again with the last credentials given to `setCredentials`.
    /// Credentials left out of `options` keep their previous values.
    #[wasm_bindgen(js_name = setOptions)]
    pub fn set_options(&self, options: JsValue) {
        let mut new = read_options(options);
        // Out of the table while the app re-renders: a host listener that calls back into this
        // handle during the render then finds nothing instead of a borrowed table.
        let Some(mut live) = LIVE.with(|l| l.borrow_mut().remove(&self.id)) else {
            return;
        };
        if live.commands.take_signed_out() {
            // The admin signed out inside the widget: that sticks until the host (or the
            // admin) signs in again, so nothing held here signs a restarted app back in.
            live.credentials = None;
            let mut kept = (*live.options).clone();
            kept.user_id.clear();
            kept.auth_token.clear();
            live.options = Rc::new(kept);
            if new.user_id.is_empty() && new.auth_token.is_empty() {
                live.commands.set_signed_out(true);
            }
        } else if new.user_id.is_empty() && new.auth_token.is_empty() {
            new.user_id = live.options.user_id.clone();
            new.auth_token = live.options.auth_token.clone();
        }
        let remount = new != *live.options && needs_remount(&live.options, &new);
        if new != *live.options {
            if remount {
                live.commands.clear();
                live.key = next_key();
            }
            live.options = Rc::new(new);
            let props = RootProps {
                mounted: Some(Mounted {
                    key: live.key,
                    options: live.options.clone(),
                    host: HostLink {
                        element: live.element.clone(),
                        commands: live.commands.clone(),
                    },
                }),
            };
            live.root.app.update(props);
        }
        let resend = remount.then(|| live.credentials.clone()).flatten();
        LIVE.with(|l| l.borrow_mut().insert(self.id, live));
        if let Some(credentials) = resend {
            deliver(self.id, credentials);
        }
    }

    /// Unmounts the widget: its app, timers and listeners go, its DOM leaves `element`, and
    /// every later call on this handle does nothing. Calling it twice is harmless.
    pub fn destroy(&self) {
        let Some(live) = LIVE.with(|l| l.borrow_mut().remove(&self.id)) else {
            return;
        };
        let Live {
            mut root, commands, ..
        } = live;
        commands.clear();
        root.app.update(RootProps { mounted: None });
        root.container.remove();
        POOL.with(|p| {
            let mut pool = p.borrow_mut();
            if pool.len() < POOL_MAX {
                pool.push(root);
            } else {
                root.app.destroy();
            }
        });
    }

    /// False once destroyed.
    #[wasm_bindgen(getter)]
    pub fn alive(&self) -> bool {
        LIVE.with(|l| l.borrow().contains_key(&self.id))
    }
}

/// Live API clients (each holds a token) on this page, for leak tests.
#[wasm_bindgen(js_name = liveClients)]
pub fn live_clients() -> u32 {
    crate::api::client::live_clients()
}

/// Live widgets and idle pooled roots on this page: `[live, pooled]` (for leak tests).
#[wasm_bindgen(js_name = instanceCounts)]
pub fn instance_counts() -> Vec<u32> {
    let live = LIVE.with(|l| l.borrow().len());
    let pooled = POOL.with(|p| p.borrow().len());
    vec![live as u32, pooled as u32]
}
