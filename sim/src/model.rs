//! The session row and how it is written on the wire (list.all, info.admin, list).
//!
//! Rows share their device and user parts through `Arc`s: a million sessions use a few
//! hundred distinct devices, and sharing keeps memory well under the 1 GB budget.

use std::cmp::Ordering;
use std::sync::Arc;

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::value::RawValue;
use serde_json::Value;

use crate::json::iso_ms_into;

/// A `device` object as served, plus the fields the server sorts and searches on.
#[derive(Debug)]
pub struct DeviceInfo {
    pub raw: Box<RawValue>,
    pub name: Option<String>,
    pub dtype: Option<String>,
    pub os_name: Option<String>,
    pub os_version: Option<String>,
}

impl DeviceInfo {
    /// Keeps the object's text exactly as given; `device` has no fixed schema on the server.
    pub fn from_raw(raw: Box<RawValue>) -> Self {
        let raw = compact(raw);
        let v: Value = serde_json::from_str(raw.get()).unwrap_or(Value::Null);
        let s = |p: &str| v.pointer(p).and_then(|x| x.as_str()).map(str::to_string);
        DeviceInfo {
            raw,
            name: s("/name"),
            dtype: s("/type"),
            os_name: s("/os/name"),
            os_version: s("/os/version"),
        }
    }
}

/// Fixture text may be pretty-printed; the wire form is compact, as from the server.
pub fn compact(r: Box<RawValue>) -> Box<RawValue> {
    if !r.get().contains(char::is_whitespace) {
        return r;
    }
    RawValue::from_string(crate::json::minify(r.get())).unwrap_or(r)
}

/// Raw JSON from an ordered object (keys stay in the server's order).
pub fn raw(o: &crate::json::Obj) -> Box<RawValue> {
    RawValue::from_string(o.render()).expect("rendered JSON is valid")
}

/// A `device` object in the key order the server writes it.
pub fn device_obj(
    dtype: &str,
    name: &str,
    long: &str,
    os_name: &str,
    os_version: Option<&str>,
    version: &str,
) -> crate::json::Obj {
    let mut os = crate::json::Obj::new().v("name", os_name);
    if let Some(v) = os_version {
        os = os.v("version", v);
    }
    crate::json::Obj::new()
        .v("type", dtype)
        .v("name", name)
        .v("longVersion", long)
        .o("os", os)
        .v("version", version)
}

/// The `_user` projection of a user document (name, username, avatarETag, avatarOrigin).
#[derive(Debug)]
pub struct UserView {
    pub raw: Box<RawValue>,
    pub name: Option<String>,
    pub username: Option<String>,
}

impl UserView {
    pub fn from_raw(raw: Box<RawValue>) -> Self {
        let raw = compact(raw);
        let v: Value = serde_json::from_str(raw.get()).unwrap_or(Value::Null);
        let s = |p: &str| v.get(p).and_then(|x| x.as_str()).map(str::to_string);
        UserView {
            raw,
            name: s("name"),
            username: s("username"),
        }
    }
}

/// A string kept inside the row when short (ids, IPs): a page of rows then reads one
/// contiguous stretch of memory instead of chasing a pointer per field, which is what
/// keeps 1M-row pages fast.
#[derive(Clone)]
pub enum SmallStr {
    Inline { len: u8, buf: [u8; 30] },
    Heap(Box<str>),
}

impl SmallStr {
    pub fn new(s: &str) -> Self {
        if s.len() <= 30 {
            let mut buf = [0u8; 30];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            SmallStr::Inline {
                len: s.len() as u8,
                buf,
            }
        } else {
            SmallStr::Heap(s.into())
        }
    }
}

impl std::ops::Deref for SmallStr {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            // SAFETY: the bytes were copied whole from a `&str` and cut at its length.
            SmallStr::Inline { len, buf } => unsafe {
                std::str::from_utf8_unchecked(&buf[..*len as usize])
            },
            SmallStr::Heap(b) => b,
        }
    }
}

impl std::fmt::Debug for SmallStr {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

impl From<&str> for SmallStr {
    fn from(s: &str) -> Self {
        SmallStr::new(s)
    }
}

/// Top-level fields a fixture row carried beyond the known ones, in their order.
pub type Extra = Vec<(String, Box<RawValue>)>;

/// One active login (one login token, its newest session document).
#[derive(Debug, Clone)]
pub struct Session {
    pub session_id: SmallStr,
    pub user_id: SmallStr,
    pub device: Arc<DeviceInfo>,
    pub host: Option<Arc<str>>,
    pub ip: Option<SmallStr>,
    pub login_at: i64,
    /// `None` when the user document is gone: the `$lookup` then yields no `_user`.
    pub user: Option<Arc<UserView>>,
    /// Fields a fixture carried that the generator never writes; served as given.
    pub extra: Option<Box<Extra>>,
}

impl Session {
    /// Appends the hidden `searchTerm` the server stores: device.name + device.type + os.name
    /// + sessionId + userId, run together without a separator.
    pub fn search_term_into(&self, buf: &mut String) {
        buf.clear();
        for part in [&self.device.name, &self.device.dtype, &self.device.os_name]
            .into_iter()
            .flatten()
        {
            buf.push_str(part);
        }
        buf.push_str(&self.session_id);
        buf.push_str(&self.user_id);
    }
}

/// A row ready to serialize, with the per-request parts (projection and `current`).
pub struct RowOut<'a> {
    pub s: &'a Session,
    pub with_user: bool,
    pub current: bool,
    /// info.admin puts the row's fields at the top level next to `success: true`.
    pub success: bool,
}

impl Serialize for RowOut<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let s = self.s;
        let mut m = ser.serialize_map(None)?;
        m.serialize_entry("_id", &*s.session_id)?;
        m.serialize_entry("sessionId", &*s.session_id)?;
        m.serialize_entry("userId", &*s.user_id)?;
        m.serialize_entry("device", &s.device.raw)?;
        if let Some(h) = &s.host {
            m.serialize_entry("host", &**h)?;
        }
        if let Some(ip) = &s.ip {
            m.serialize_entry("ip", &**ip)?;
        }
        let mut at = [0u8; 24];
        m.serialize_entry("loginAt", iso_ms_into(s.login_at, &mut at))?;
        if self.with_user {
            if let Some(u) = &s.user {
                m.serialize_entry("_user", &u.raw)?;
            }
        }
        if let Some(extra) = &s.extra {
            for (k, v) in extra.iter() {
                m.serialize_entry(k, v)?;
            }
        }
        if self.current {
            m.serialize_entry("current", &true)?;
        }
        if self.success {
            m.serialize_entry("success", &true)?;
        }
        m.end()
    }
}

/// Appends `s` as a JSON string; plain text (the usual case) is copied without escaping.
pub fn write_json_str(out: &mut Vec<u8>, s: &str) {
    if s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    } else {
        let _ = serde_json::to_writer(&mut *out, s);
    }
}

impl RowOut<'_> {
    /// The same bytes as the `Serialize` impl, written by hand: list.all pages are the hot
    /// path, and keys known in advance need no escaping.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        let s = self.s;
        out.extend_from_slice(b"{\"_id\":");
        write_json_str(out, &s.session_id);
        out.extend_from_slice(b",\"sessionId\":");
        write_json_str(out, &s.session_id);
        out.extend_from_slice(b",\"userId\":");
        write_json_str(out, &s.user_id);
        out.extend_from_slice(b",\"device\":");
        out.extend_from_slice(s.device.raw.get().as_bytes());
        if let Some(h) = &s.host {
            out.extend_from_slice(b",\"host\":");
            write_json_str(out, h);
        }
        if let Some(ip) = &s.ip {
            out.extend_from_slice(b",\"ip\":");
            write_json_str(out, ip);
        }
        let mut at = [0u8; 24];
        out.extend_from_slice(b",\"loginAt\":");
        write_json_str(out, iso_ms_into(s.login_at, &mut at));
        if self.with_user {
            if let Some(u) = &s.user {
                out.extend_from_slice(b",\"_user\":");
                out.extend_from_slice(u.raw.get().as_bytes());
            }
        }
        if let Some(extra) = &s.extra {
            for (k, v) in extra.iter() {
                out.push(b',');
                write_json_str(out, k);
                out.push(b':');
                out.extend_from_slice(v.get().as_bytes());
            }
        }
        if self.current {
            out.extend_from_slice(b",\"current\":true");
        }
        if self.success {
            out.extend_from_slice(b",\"success\":true");
        }
        out.push(b'}');
    }
}

/// The sort keys the server accepts (`validateSortKeys`).
pub const SORT_KEYS: [&str; 6] = [
    "loginAt",
    "device.name",
    "device.os.name",
    "device.os.version",
    "_user.name",
    "_user.username",
];

/// MongoDB orders a missing field before any string; strings compare by bytes.
fn key_of<'a>(s: &'a Session, key: &str, with_user: bool) -> Option<&'a str> {
    match key {
        "device.name" => s.device.name.as_deref(),
        "device.os.name" => s.device.os_name.as_deref(),
        "device.os.version" => s.device.os_version.as_deref(),
        "_user.name" if with_user => s.user.as_ref().and_then(|u| u.name.as_deref()),
        "_user.username" if with_user => s.user.as_ref().and_then(|u| u.username.as_deref()),
        _ => None,
    }
}

/// The trap: the custom `$sort` runs after `$skip`/`$limit`, so only the page is reordered.
pub fn sort_page(rows: &mut [&Session], spec: &[(String, i32)], with_user: bool) {
    if spec.is_empty() {
        return;
    }
    rows.sort_by(|a, b| {
        for (key, dir) in spec {
            let ord = if key == "loginAt" {
                a.login_at.cmp(&b.login_at)
            } else {
                key_of(a, key, with_user).cmp(&key_of(b, key, with_user))
            };
            let ord = if *dir < 0 { ord.reverse() } else { ord };
            if ord != Ordering::Equal {
                return ord;
            }
        }
        Ordering::Equal
    });
}

#[cfg(test)]
mod tests {
    use super::SmallStr;

    #[test]
    fn small_str_inline_and_heap() {
        for s in [
            "",
            "o94SveQp6fyPsoiNC",
            "2001:db8:ffff:ffff:ffff::ffff:1",
            &"é".repeat(40),
        ] {
            assert_eq!(&*SmallStr::new(s), s);
        }
        assert!(matches!(
            SmallStr::new("x".repeat(31).as_str()),
            SmallStr::Heap(_)
        ));
    }
}
