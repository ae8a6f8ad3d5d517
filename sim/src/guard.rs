//! The checks every endpoint runs, in the 8.x order of contract §2:
//! auth (401) → permission (403) → licence (400) → rate limit (429) → params (400) → 2FA (400).

use std::collections::HashMap;
use std::net::SocketAddr;

use axum::http::HeaderMap;
use axum::response::Response;

use crate::errors;
use crate::json::{js_number, now_ms};
use crate::ratelimit::Verdict;
use crate::state::{lock, AppState};
use crate::twofa::{self, Check};

/// What a handler needs from the request besides its body.
pub struct Req {
    pub ip: String,
    pub user_agent: String,
    pub headers: HeaderMap,
    pub query: String,
}

impl Req {
    pub fn new(addr: SocketAddr, headers: HeaderMap, query: Option<&str>) -> Self {
        let user_agent = header(&headers, "user-agent").unwrap_or_default();
        Req {
            ip: addr.ip().to_canonical().to_string(),
            user_agent,
            headers,
            query: query.unwrap_or("").to_string(),
        }
    }
}

pub fn header(h: &HeaderMap, name: &str) -> Option<String> {
    h.get(name)
        .and_then(|v| v.to_str().ok())
        .map(|s| s.trim().to_string())
}

/// The authenticated user behind X-User-Id / X-Auth-Token.
#[derive(Debug, Clone)]
pub struct Caller {
    pub user_id: String,
    pub token: String,
    pub is_admin: bool,
    pub session_id: Option<String>,
}

pub struct Pipeline<'a> {
    pub st: &'a AppState,
    pub req: &'a Req,
    route: &'static str,
    rate: Option<Verdict>,
}

impl<'a> Pipeline<'a> {
    pub fn new(st: &'a AppState, req: &'a Req, route: &'static str) -> Self {
        Pipeline {
            st,
            req,
            route,
            rate: None,
        }
    }

    pub fn auth(&self) -> Result<Caller, Response> {
        let uid = header(&self.req.headers, "x-user-id").unwrap_or_default();
        let token = header(&self.req.headers, "x-auth-token").unwrap_or_default();
        if uid.is_empty() || token.is_empty() {
            return Err(errors::unauthorized());
        }
        let accts = lock(&self.st.accounts);
        match accts.tokens.get(&token) {
            Some(t) if t.user_id == uid => {
                let is_admin = accts.user(&uid).is_some_and(|u| u.is_admin());
                Ok(Caller {
                    user_id: uid,
                    token,
                    is_admin,
                    session_id: t.session_id.clone(),
                })
            }
            _ => Err(errors::unauthorized()),
        }
    }

    pub fn permission(&self, c: &Caller, perm: &str) -> Result<(), Response> {
        let accts = lock(&self.st.accounts);
        match accts.user(&c.user_id) {
            Some(u) if u.has(perm) => Ok(()),
            _ => Err(errors::forbidden()),
        }
    }

    pub fn licence(&self) -> Result<(), Response> {
        if self.st.licensed() {
            Ok(())
        } else {
            Err(errors::licence())
        }
    }

    /// Admins hold `api-bypass-rate-limit` and skip the limiter (and its headers).
    pub fn rate_limit(&mut self, c: Option<&Caller>) -> Result<(), Response> {
        let limit = self.st.cfg.rate_limit;
        if limit == 0 || (c.is_some_and(|c| c.is_admin) && !self.st.cfg.rate_limit_admins) {
            return Ok(());
        }
        let v = lock(&self.st.rate).check(self.route, &self.req.ip, limit, now_ms());
        self.rate = Some(v);
        if v.allowed {
            Ok(())
        } else {
            Err(errors::too_many_requests(v.wait_s))
        }
    }

    pub fn two_factor(&self, c: &Caller) -> Result<(), Response> {
        let code = header(&self.req.headers, "x-2fa-code");
        let method = header(&self.req.headers, "x-2fa-method");
        let mut accts = lock(&self.st.accounts);
        let mut rng = lock(&self.st.rng);
        let check = Check {
            user_id: &c.user_id,
            token: Some(&c.token),
            code: code.as_deref(),
            method: method.as_deref(),
            fingerprint: twofa::fingerprint(&self.req.ip, &self.req.user_agent),
            now_ms: now_ms(),
            remember_for_s: self.st.cfg.remember_for,
            disable_password_fallback: false,
            enabled: self.st.cfg.twofa,
        };
        twofa::check(&mut accts, &mut rng, &check)
            .map_err(|e| errors::meteor(e.error, e.reason, Some(e.details)))
    }

    /// Adds the X-RateLimit-* headers to whatever answer the call ended with.
    pub fn finish(&self, r: Result<Response, Response>) -> Response {
        let mut r = r.unwrap_or_else(|e| e);
        if let Some(v) = &self.rate {
            v.apply(r.headers_mut());
        }
        r
    }
}

/// A query or body parameter after ajv's `coerceTypes`.
#[derive(Debug, Clone)]
pub enum Param {
    Number(f64),
    Str(String),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Number,
    Str,
}

/// ajv with `additionalProperties: false`: required, then unknown keys, then types, each
/// failing with ajv's own message.
pub fn validate(
    pairs: Vec<(String, Option<String>)>,
    schema: &[(&str, Kind)],
    required: &[&str],
) -> Result<HashMap<String, Param>, Response> {
    let mut grouped: Vec<(String, Vec<Option<String>>)> = Vec::new();
    for (k, v) in pairs {
        match grouped.iter_mut().find(|(g, _)| *g == k) {
            Some((_, vs)) => vs.push(v),
            None => grouped.push((k, vec![v])),
        }
    }
    for r in required {
        if !grouped.iter().any(|(k, _)| k == r) {
            return Err(errors::invalid_params(&format!(
                "must have required property '{r}'"
            )));
        }
    }
    if grouped
        .iter()
        .any(|(k, _)| !schema.iter().any(|(s, _)| s == k))
    {
        return Err(errors::invalid_params(
            "must NOT have additional properties",
        ));
    }
    let mut out = HashMap::new();
    for (name, kind) in schema {
        let Some((_, vals)) = grouped.iter().find(|(k, _)| k == name) else {
            continue;
        };
        // A repeated key arrives as an array, which no scalar type accepts.
        let v = match vals.as_slice() {
            [v] => v.clone(),
            _ => None,
        };
        let ok = match (kind, v) {
            (Kind::Str, Some(s)) => Some(Param::Str(s)),
            (Kind::Number, Some(s)) => js_number(&s).map(Param::Number),
            _ => None,
        };
        match ok {
            Some(p) => {
                out.insert(name.to_string(), p);
            }
            None => {
                return Err(errors::invalid_params(match kind {
                    Kind::Number => "must be number",
                    Kind::Str => "must be string",
                }))
            }
        }
    }
    Ok(out)
}

/// Query pairs as Express hands them over (`form_urlencoded`, `+` as space).
pub fn query_pairs(q: &str) -> Vec<(String, Option<String>)> {
    form_urlencoded::parse(q.as_bytes())
        .map(|(k, v)| (k.into_owned(), Some(v.into_owned())))
        .collect()
}
