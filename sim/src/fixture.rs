//! Loading session rows from JSON (`--fixture FILE.json` and the built-in example).
//!
//! Accepted shapes: `{"sessions":[...]}` (a saved list.all response works as is) or a plain
//! array of rows. Rows are served as given; `_user` is kept per row, and users named there
//! become searchable by the filter.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::value::RawValue;
use serde_json::{json, Value};

use crate::json::parse_iso;
use crate::model::{DeviceInfo, Session, UserView};
use crate::store::UserRec;

/// The contract's example row (sim/fixtures/example.json), served when no data flag is given.
pub const EXAMPLE: &str = include_str!("../fixtures/example.json");

pub struct Loaded {
    pub sessions: Vec<Arc<Session>>,
    pub users: Vec<UserRec>,
}

/// The device a server writes before it has parsed a user agent.
fn default_device() -> Value {
    json!({"type": "other", "name": "", "longVersion": "", "os": {"name": "", "version": ""}, "version": ""})
}

fn login_at(v: &Value) -> Option<i64> {
    match v {
        Value::String(s) => parse_iso(s),
        Value::Number(n) => n.as_i64(),
        Value::Object(o) => o.get("$date").and_then(login_at),
        _ => None,
    }
}

pub fn parse(text: &str) -> Result<Loaded, String> {
    let v: Value = serde_json::from_str(text).map_err(|e| format!("fixture is not JSON: {e}"))?;
    let rows = match &v {
        Value::Array(a) => a.clone(),
        Value::Object(o) => match o.get("sessions") {
            Some(Value::Array(a)) => a.clone(),
            _ => return Err("fixture object has no \"sessions\" array".into()),
        },
        _ => return Err("fixture must be an array or {\"sessions\":[...]}".into()),
    };
    let mut sessions = Vec::with_capacity(rows.len());
    let mut users: HashMap<String, UserRec> = HashMap::new();
    let mut user_order = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let o = row
            .as_object()
            .ok_or_else(|| format!("row {i} is not an object"))?;
        let sid = o
            .get("sessionId")
            .or_else(|| o.get("_id"))
            .and_then(|x| x.as_str())
            .ok_or_else(|| format!("row {i} has no sessionId"))?;
        let uid = o.get("userId").and_then(|x| x.as_str()).unwrap_or("");
        let at = o
            .get("loginAt")
            .and_then(login_at)
            .ok_or_else(|| format!("row {i} has no ISO-8601 loginAt"))?;
        let device = o.get("device").cloned().unwrap_or_else(default_device);
        let user = match o.get("_user") {
            Some(u @ Value::Object(uo)) => {
                if let Some(un) = uo.get("username").and_then(|x| x.as_str()) {
                    if !users.contains_key(uid) {
                        user_order.push(uid.to_string());
                        users.insert(
                            uid.to_string(),
                            UserRec {
                                id: uid.into(),
                                username: un.to_string(),
                                name: uo.get("name").and_then(|x| x.as_str()).map(str::to_string),
                                nickname: None,
                                active: true,
                            },
                        );
                    }
                }
                Some(Arc::new(UserView::from_value(u)))
            }
            _ => None,
        };
        let known = [
            "_id", "sessionId", "userId", "device", "host", "ip", "loginAt", "_user", "current",
        ];
        let extra: Vec<(String, Box<RawValue>)> = o
            .iter()
            .filter(|(k, _)| !known.contains(&k.as_str()))
            .map(|(k, v)| {
                (
                    k.clone(),
                    RawValue::from_string(v.to_string()).expect("valid JSON"),
                )
            })
            .collect();
        let text = |k: &str| o.get(k).and_then(|x| x.as_str()).map(str::to_string);
        sessions.push(Arc::new(Session {
            session_id: sid.into(),
            user_id: uid.into(),
            device: Arc::new(DeviceInfo::from_value(&device)),
            host: text("host").map(Arc::from),
            ip: text("ip").map(String::into_boxed_str),
            login_at: at,
            user,
            extra: (!extra.is_empty()).then(|| Box::new(extra)),
        }));
    }
    let users = user_order
        .into_iter()
        .filter_map(|id| users.remove(&id))
        .collect();
    Ok(Loaded { sessions, users })
}

pub fn load_file(path: &std::path::Path) -> Result<Loaded, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read fixture {}: {e}", path.display()))?;
    parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}
