//! The device-management endpoints: sessions/list.all, info.admin, logout and list (§1).

use std::collections::HashMap;
use std::sync::atomic::Ordering;

use axum::body::Bytes;
use axum::http::StatusCode;
use axum::response::Response;
use regex::{Regex, RegexBuilder};
use serde::Serialize;
use serde_json::Value;

use crate::accounts::{LOGOUT, VIEW};
use crate::errors;
use crate::guard::{query_pairs, validate, Caller, Kind, Param, Pipeline};
use crate::json::{js_parse_int_of_number, Obj, Ordered};
use crate::model::{sort_page, RowOut, Session, SORT_KEYS};
use crate::state::{lock, read, write};

/// API_Default_Count and API_Upper_Count_Limit as shipped (`--default-count`, `--count-cap`).
pub const DEFAULT_COUNT: i64 = 50;
pub const UPPER_COUNT: i64 = 100;

const PAGINATE: [(&str, Kind); 4] = [
    ("offset", Kind::Number),
    ("count", Kind::Number),
    ("filter", Kind::Str),
    ("sort", Kind::Str),
];

/// MongoDB's answer when the pipeline gets `$limit` ≤ 0 (count=0, negative, NaN).
const LIMIT_ERROR: &str = "the limit must be positive";

/// `getPaginationItems` (apps/meteor/app/api/server/helpers/getPaginationItems.ts), with
/// JavaScript's parseInt(String(n)) quirks kept: `count` is the given one or the default,
/// then anything above the cap becomes the cap (so a default above the cap is capped too).
/// `None` stands for NaN, which JSON.stringify writes as null.
fn pagination(q: &HashMap<String, Param>, cap: i64, default: i64) -> (Option<i64>, Option<i64>) {
    let num = |k: &str| match q.get(k) {
        Some(Param::Number(n)) => Some(*n),
        _ => None,
    };
    let offset = match num("offset") {
        Some(n) if n != 0.0 => js_parse_int_of_number(n),
        _ => Some(0),
    };
    let count = match num("count") {
        None => Some(default),
        Some(n) => js_parse_int_of_number(n),
    };
    // `if (count > hardUpperLimit) count = hardUpperLimit` (NaN > n is false: NaN stays).
    let count = count.map(|c| c.min(cap));
    (offset, count)
}

enum Sort {
    /// No custom `$sort` stage (sort absent gives `{loginAt:-1}`, same order as the page).
    Keys(Vec<(String, i32)>),
    Nothing,
    /// The pipeline is rejected by MongoDB with this message.
    Mongo(&'static str),
}

/// `parseJsonQuery` then `validateSortKeys`, reproducing what JavaScript does with odd JSON.
fn parse_sort(raw: Option<&str>) -> Result<Sort, Response> {
    let Some(raw) = raw.filter(|s| !s.is_empty()) else {
        return Ok(Sort::Keys(vec![("loginAt".into(), -1)]));
    };
    let invalid = || {
        errors::meteor(
            "error-invalid-sort",
            &format!("Invalid sort parameter provided: \"{raw}\""),
            Some(Obj::new().v("helperMethod", "parseJsonQuery")),
        )
    };
    let v: Value = serde_json::from_str(raw).map_err(|_| invalid())?;
    let one = |v: &Value| v.as_f64().is_some_and(|f| f == 1.0 || f == -1.0);
    let entries: Vec<(String, Value)> = match &v {
        Value::Null => return Err(invalid()),
        Value::Object(_) => {
            serde_json::from_str::<Ordered<Value>>(raw)
                .map_err(|_| invalid())?
                .0
        }
        Value::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, x)| (i.to_string(), x.clone()))
            .collect(),
        Value::String(s) => s
            .chars()
            .enumerate()
            .map(|(i, c)| (i.to_string(), Value::String(c.to_string())))
            .collect(),
        _ => vec![],
    };
    if !entries.iter().all(|(_, x)| one(x)) {
        return Err(invalid());
    }
    if !entries.iter().all(|(k, _)| SORT_KEYS.contains(&k.as_str())) {
        return Err(errors::failure("error-invalid-sort-keys"));
    }
    let truthy = match &v {
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        _ => true,
    };
    Ok(match (&v, truthy) {
        (_, false) => Sort::Nothing,
        (Value::Object(_), _) if entries.is_empty() => {
            Sort::Mongo("$sort stage must have at least one sort key")
        }
        (Value::Object(_), _) => Sort::Keys(
            entries
                .into_iter()
                .map(|(k, x)| (k, if x.as_f64() == Some(1.0) { 1 } else { -1 }))
                .collect(),
        ),
        _ => Sort::Mongo("the $sort key specification must be an object"),
    })
}

fn ok_json<T: Serialize>(v: &T) -> Response {
    errors::json_response(
        StatusCode::OK,
        serde_json::to_string(v).unwrap_or_else(|_| "{}".into()),
    )
}

/// Case-insensitive regex over the escaped filter (`escapeRegExp` + `$options: 'i'`).
fn literal_ci(s: &str) -> Option<Regex> {
    RegexBuilder::new(&regex::escape(s))
        .case_insensitive(true)
        .build()
        .ok()
}

/// Shared by list.all (all users, with `_user`) and list (own sessions only).
fn list(p: &Pipeline, c: &Caller, q: &HashMap<String, Param>, own_only: bool) -> Response {
    let cfg = &p.st.cfg;
    let (offset, count) = pagination(q, cfg.count_cap.into(), cfg.default_count.into());
    let sort = match parse_sort(match q.get("sort") {
        Some(Param::Str(s)) => Some(s.as_str()),
        _ => None,
    }) {
        Ok(s) => s,
        Err(r) => return r,
    };
    let count_n = match count {
        Some(n) if n >= 1 => n as usize,
        _ => return errors::failure(LIMIT_ERROR),
    };
    if let Sort::Mongo(m) = sort {
        return errors::failure(m);
    }
    let filter = match q.get("filter") {
        Some(Param::Str(s)) => s.clone(),
        _ => String::new(),
    };
    let store = read(&p.st.store);
    // The server searches `searchTerm` with `filter|uid1|uid2...` (ids of matching users).
    let search = if filter.is_empty() {
        None
    } else {
        let Some(lit) = literal_ci(&filter) else {
            return errors::failure("filter too large");
        };
        let mut alts = vec![regex::escape(&filter)];
        if !own_only {
            alts.extend(
                store
                    .matching_user_ids(&lit)
                    .iter()
                    .map(|id| regex::escape(id)),
            );
        }
        match RegexBuilder::new(&alts.join("|"))
            .case_insensitive(true)
            .build()
        {
            Ok(r) => Some(r),
            Err(_) => return errors::failure("filter too large"),
        }
    };
    let mut buf = String::new();
    let mut pred = |s: &Session| {
        if own_only && *s.user_id != *c.user_id {
            return false;
        }
        match &search {
            None => true,
            Some(re) => {
                s.search_term_into(&mut buf);
                re.is_match(&buf)
            }
        }
    };
    let skip = offset.unwrap_or(0).max(0) as usize;
    let (mut rows, total) = if own_only || search.is_some() {
        store.page(Some(&mut pred), skip, count_n)
    } else {
        store.page(None, skip, count_n)
    };
    match &sort {
        // The page is already in the default `{loginAt: -1}` order.
        Sort::Keys(spec) if !(spec.len() == 1 && spec[0] == ("loginAt".to_string(), -1)) => {
            sort_page(&mut rows, spec, !own_only)
        }
        _ => {}
    }
    // `current` only in sessions/list: the server passes the caller's login token to the
    // per-user aggregation only (contract §1), so list.all rows never carry it.
    let mark = own_only && p.st.cfg.mark_current;
    // Rows run ~450 bytes: sizing the buffer up front avoids regrowing it.
    let mut out = Vec::with_capacity(256 + rows.len() * 512);
    out.extend_from_slice(b"{\"sessions\":[");
    for (i, s) in rows.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        RowOut {
            s,
            with_user: !own_only,
            current: mark && c.session_id.as_deref() == Some(&*s.session_id),
            success: false,
        }
        .write_json(&mut out);
    }
    drop(rows);
    drop(store);
    let num = |v: Option<i64>| v.map_or("null".to_string(), |n| n.to_string());
    let (total, pad) = if own_only {
        (total.to_string(), 0)
    } else {
        let f = read(&p.st.faults);
        (reported_total(p.st, &f, total), f.pad_bytes)
    };
    out.extend_from_slice(
        format!(
            "],\"total\":{total},\"count\":{},\"offset\":{},\"success\":true",
            num(count),
            num(offset)
        )
        .as_bytes(),
    );
    if pad > 0 {
        // `--pad-bytes`: an extra field a client must ignore, N bytes of value.
        out.extend_from_slice(b",\"rcsimPadding\":\"");
        out.resize(out.len() + pad as usize, b'x');
        out.push(b'"');
    }
    out.push(b'}');
    let body = String::from_utf8(out).unwrap_or_default();
    errors::json_response(StatusCode::OK, body)
}

/// The `total` list.all reports under the lying-server faults: `--lying-total` verbatim,
/// `--total-jump N` +N on odd-numbered answers and -N on even ones (never below 0 unless
/// added to an integer `--lying-total`).
fn reported_total(st: &crate::state::AppState, f: &crate::config::Faults, real: usize) -> String {
    let k = st.list_all_calls.fetch_add(1, Ordering::SeqCst) + 1;
    let delta = match f.total_jump {
        0 => 0i128,
        n if k % 2 == 1 => n as i128,
        n => -(n as i128),
    };
    match &f.lying_total {
        Some(t) if delta != 0 => match t.0.parse::<i64>() {
            Ok(v) => (v as i128 + delta).to_string(),
            Err(_) => t.0.clone(),
        },
        Some(t) => t.0.clone(),
        None => (real as i128 + delta).max(0).to_string(),
    }
}

pub fn list_all(p: &mut Pipeline) -> Result<Response, Response> {
    let c = p.auth()?;
    p.permission(&c, VIEW)?;
    p.licence()?;
    p.rate_limit(Some(&c))?;
    let q = validate(query_pairs(&p.req.query), &PAGINATE, &[])?;
    p.two_factor(&c)?;
    Ok(list(p, &c, &q, false))
}

pub fn list_own(p: &mut Pipeline) -> Result<Response, Response> {
    let c = p.auth()?;
    p.licence()?;
    p.rate_limit(Some(&c))?;
    let q = validate(query_pairs(&p.req.query), &PAGINATE, &[])?;
    Ok(list(p, &c, &q, true))
}

pub fn info_admin(p: &mut Pipeline) -> Result<Response, Response> {
    let c = p.auth()?;
    p.permission(&c, VIEW)?;
    p.licence()?;
    p.rate_limit(Some(&c))?;
    let q = validate(
        query_pairs(&p.req.query),
        &[("sessionId", Kind::Str)],
        &["sessionId"],
    )?;
    p.two_factor(&c)?;
    let sid = match q.get("sessionId") {
        Some(Param::Str(s)) => s.clone(),
        _ => String::new(),
    };
    // The trap: sessionId goes to `$regex` unescaped, and an empty one matches everything.
    let re = if sid.is_empty() {
        None
    } else {
        match RegexBuilder::new(&sid)
            .case_insensitive(true)
            .size_limit(1 << 20)
            .dfa_size_limit(1 << 20)
            .build()
        {
            Ok(r) => Some(r),
            Err(e) => {
                let msg = e.to_string();
                let first = msg.lines().last().unwrap_or("invalid").trim();
                return Ok(errors::failure(&format!(
                    "Regular expression is invalid: {first}"
                )));
            }
        }
    };
    let store = read(&p.st.store);
    let mut buf = String::new();
    let mut pred = |s: &Session| match &re {
        None => true,
        Some(re) => {
            s.search_term_into(&mut buf);
            re.is_match(&buf)
        }
    };
    let (rows, _) = store.page(Some(&mut pred), 0, 1);
    let Some(mut s) = rows.first().copied() else {
        return Ok(errors::not_found("Session not found"));
    };
    if read(&p.st.faults).info_wrong_id {
        // `--info-wrong-id`: another row than the one asked for, as the regex lookup can give.
        s = store.neighbour(&s.session_id).unwrap_or(s);
    }
    // info.admin never marks `current` (contract §1: only sessions/list does).
    Ok(ok_json(&RowOut {
        s,
        with_user: true,
        current: false,
        success: true,
    }))
}

/// Body params as the server sees them: a JSON object (an empty body is `{}`).
pub fn body_pairs(body: &Bytes) -> Result<Vec<(String, Option<String>)>, Response> {
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return Ok(vec![]);
    }
    let v: Value =
        serde_json::from_slice(body).map_err(|_| errors::invalid_params("must be object"))?;
    let Value::Object(o) = v else {
        return Err(errors::invalid_params("must be object"));
    };
    // ajv coerces numbers and booleans to strings; objects, arrays and null stay wrong.
    Ok(o.into_iter()
        .map(|(k, v)| {
            let s = match v {
                Value::String(s) => Some(s),
                Value::Number(n) => Some(n.to_string()),
                Value::Bool(b) => Some(b.to_string()),
                _ => None,
            };
            (k, s)
        })
        .collect())
}

pub fn logout(p: &mut Pipeline, body: &Bytes) -> Result<Response, Response> {
    let c = p.auth()?;
    p.permission(&c, LOGOUT)?;
    p.licence()?;
    p.rate_limit(Some(&c))?;
    let q = validate(
        body_pairs(body)?,
        &[("sessionId", Kind::Str)],
        &["sessionId"],
    )?;
    p.two_factor(&c)?;
    let Some(Param::Str(sid)) = q.get("sessionId") else {
        return Ok(errors::not_found("Session not found"));
    };
    let ignored = read(&p.st.faults).logout_ignored;
    let found = if ignored {
        // `--logout-ignored`: success for a known session, which stays logged in.
        read(&p.st.store).find_any(sid).is_some()
    } else {
        logout_session(p.st, sid).is_some()
    };
    if !found {
        return Ok(errors::not_found("Session not found"));
    }
    Ok(errors::obj(
        StatusCode::OK,
        Obj::new().v("sessionId", sid.as_str()).v("success", true),
    ))
}

/// Ends a session and the login token behind it (that token then gets 401).
pub fn logout_session(st: &crate::state::AppState, sid: &str) -> Option<Session> {
    let s = {
        let mut store = write(&st.store);
        let found = store.find_any(sid)?;
        store.logout(sid);
        found
    };
    lock(&st.accounts)
        .tokens
        .retain(|_, t| t.session_id.as_deref() != Some(sid));
    Some(s)
}
