//! The link between the app and the page that hosts it: commands in, DOM events out.
//!
//! The standalone page has no host link; an embedded widget gets one from `embed::mount`.

use serde_json::Value;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};
use yew::Callback;

/// What a host page can ask of a mounted widget (through the JS handle).
#[derive(Clone, PartialEq)]
pub enum HostCommand {
    /// New credentials: sign in with them (asking only for a 2FA code if the server wants one).
    SetCredentials {
        server_url: Option<String>,
        user_id: String,
        auth_token: String,
    },
    /// Reload every session.
    Refresh,
    /// Put this text in the search box.
    SetFilter(String),
}

impl std::fmt::Debug for HostCommand {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Self::SetCredentials {
                server_url,
                user_id,
                ..
            } => f
                .debug_struct("SetCredentials")
                .field("server_url", server_url)
                .field("user_id", user_id)
                .field("auth_token", &"<redacted>")
                .finish(),
            Self::Refresh => f.write_str("Refresh"),
            Self::SetFilter(s) => f.debug_tuple("SetFilter").field(s).finish(),
        }
    }
}

/// Shared between the JS handle and the mounted app: the app registers its command
/// callback on mount and clears it on unmount, so a late call after `destroy` is a no-op;
/// and it says when the admin signed out, so the handle stops holding their credentials.
#[derive(Clone, Default)]
pub struct CommandSlot(
    Rc<RefCell<Option<Callback<HostCommand>>>>,
    Rc<std::cell::Cell<bool>>,
);

impl CommandSlot {
    /// The admin signed out inside the widget (or the host signed in again: `false`).
    pub fn set_signed_out(&self, signed_out: bool) {
        self.1.set(signed_out);
    }

    /// Whether the widget signed out since the host last gave credentials; resets it.
    pub fn take_signed_out(&self) -> bool {
        self.1.replace(false)
    }

    pub fn register(&self, callback: Callback<HostCommand>) {
        *self.0.borrow_mut() = Some(callback);
    }

    pub fn clear(&self) {
        self.0.borrow_mut().take();
    }

    /// Delivers a command; false when no app listens (not mounted yet, or destroyed).
    pub fn send(&self, command: HostCommand) -> bool {
        let callback = self.0.borrow().clone();
        match callback {
            Some(cb) => {
                cb.emit(command);
                true
            }
            None => false,
        }
    }
}

/// The host element and the command slot of one widget instance.
#[derive(Clone)]
pub struct HostLink {
    pub element: Element,
    pub commands: CommandSlot,
}

impl PartialEq for HostLink {
    fn eq(&self, other: &Self) -> bool {
        self.element == other.element && Rc::ptr_eq(&self.commands.0, &other.commands.0)
    }
}

/// Event names the widget dispatches on its host element (documented in README.md).
pub mod events {
    /// detail: `{ loaded, total, shortfall }`.
    pub const LOADED: &str = "rcdm:loaded";
    /// detail: `{ sessionId, userId, username }`.
    pub const DEVICE_LOGGED_OUT: &str = "rcdm:device-logged-out";
    /// detail: one logout record entry `{ at, adminId, sessionId, userId, username, client,
    /// ip, result, reason }` — never a secret.
    pub const LOGOUT: &str = "rcdm:logout";
    /// detail: `{ kind, message }` — never a secret.
    pub const ERROR: &str = "rcdm:error";
    /// detail: `{}`.
    pub const SIGNED_OUT: &str = "rcdm:signed-out";
}

impl HostLink {
    /// Dispatches a bubbling, composed `CustomEvent` on the host element.
    pub fn emit(&self, name: &str, detail: &Value) {
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        // JSON-compatible: objects become plain JS objects, not Maps.
        let detail =
            serde::Serialize::serialize(detail, &serde_wasm_bindgen::Serializer::json_compatible())
                .unwrap_or(JsValue::NULL);
        init.set_detail(&detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = self.element.dispatch_event(&event);
        }
    }
}
