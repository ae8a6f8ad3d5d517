//! Loading session rows from JSON (`--fixture FILE.json` and the built-in example).
//!
//! Accepted shapes: `{"sessions":[...]}` (a saved list.all response works as is) or a plain
//! array of rows. Rows are served as given; `_user` is kept per row, and users named there
//! become searchable by the filter.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use crate::json::{parse_iso, Ordered};
use crate::model::{compact, device_obj, raw, DeviceInfo, Session, UserView};
use crate::store::UserRec;

/// The contract's example row (sim/fixtures/example.json), served when no data flag is given.
pub const EXAMPLE: &str = include_str!("../fixtures/example.json");

pub struct Loaded {
    pub sessions: Vec<Session>,
    pub users: Vec<UserRec>,
}

/// The device a server writes before it has parsed a user agent.
fn default_device() -> Box<RawValue> {
    raw(&device_obj("other", "", "", "", Some(""), ""))
}

fn login_at(v: &Value) -> Option<i64> {
    match v {
        Value::String(s) => parse_iso(s),
        Value::Number(n) => n.as_i64(),
        Value::Object(o) => o.get("$date").and_then(login_at),
        _ => None,
    }
}

/// `{"sessions":[...]}`; other keys (total, count, ...) of a saved response are ignored.
#[derive(Deserialize)]
struct Wrapped {
    sessions: Vec<Box<RawValue>>,
}

pub fn parse(text: &str) -> Result<Loaded, String> {
    // RawValue cannot sit inside an untagged enum, so the two shapes are tried in turn.
    let rows = match serde_json::from_str::<Vec<Box<RawValue>>>(text) {
        Ok(r) => r,
        Err(_) => match serde_json::from_str::<Wrapped>(text) {
            Ok(w) => w.sessions,
            Err(_) => {
                serde_json::from_str::<Value>(text)
                    .map_err(|e| format!("fixture is not JSON: {e}"))?;
                return Err("fixture must be an array or {\"sessions\":[...]}".into());
            }
        },
    };
    let mut sessions = Vec::with_capacity(rows.len());
    let mut users: HashMap<String, UserRec> = HashMap::new();
    let mut user_order = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        // Raw parts keep the fixture's text (and key order) exactly as served.
        let Ordered(fields) = serde_json::from_str::<Ordered<Box<RawValue>>>(row.get())
            .map_err(|_| format!("row {i} is not an object"))?;
        let get = |k: &str| fields.iter().find(|(x, _)| x == k).map(|(_, v)| v);
        let val = |k: &str| get(k).and_then(|r| serde_json::from_str::<Value>(r.get()).ok());
        let text = |k: &str| val(k).and_then(|v| v.as_str().map(str::to_string));
        let sid = text("sessionId")
            .or_else(|| text("_id"))
            .ok_or_else(|| format!("row {i} has no sessionId"))?;
        let uid = text("userId").unwrap_or_default();
        let at = val("loginAt")
            .as_ref()
            .and_then(login_at)
            .ok_or_else(|| format!("row {i} has no ISO-8601 loginAt"))?;
        let device = get("device").cloned().unwrap_or_else(default_device);
        let user = match (get("_user"), val("_user")) {
            (Some(r), Some(Value::Object(uo))) => {
                if let Some(un) = uo.get("username").and_then(|x| x.as_str()) {
                    if !users.contains_key(&uid) {
                        user_order.push(uid.clone());
                        users.insert(
                            uid.clone(),
                            UserRec {
                                id: uid.as_str().into(),
                                username: un.to_string(),
                                name: uo.get("name").and_then(|x| x.as_str()).map(str::to_string),
                                nickname: None,
                                active: true,
                            },
                        );
                    }
                }
                Some(Arc::new(UserView::from_raw(r.clone())))
            }
            _ => None,
        };
        let known = [
            "_id",
            "sessionId",
            "userId",
            "device",
            "host",
            "ip",
            "loginAt",
            "_user",
            "current",
        ];
        let extra: Vec<(String, Box<RawValue>)> = fields
            .iter()
            .filter(|(k, _)| !known.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), compact(v.clone())))
            .collect();
        sessions.push(Session {
            session_id: sid.as_str().into(),
            user_id: uid.as_str().into(),
            device: Arc::new(DeviceInfo::from_raw(device)),
            host: text("host").map(Arc::from),
            ip: text("ip").map(|s| s.as_str().into()),
            login_at: at,
            user,
            extra: (!extra.is_empty()).then(|| Box::new(extra)),
        });
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
