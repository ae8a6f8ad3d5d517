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

/// The client address the server uses for rate limits and the 2FA fingerprint, as
/// `getRemoteAddress` in apps/meteor/app/api/server/middlewares/remoteAddressMiddleware.ts
/// computes it: `X-Real-IP` (any value) or the socket address; with HTTP_FORWARDED_COUNT
/// N > 0 and an `X-Forwarded-For` of at least N entries (split on commas, trimmed), the Nth
/// entry from the right; fewer entries fall back to `X-Real-IP` / the socket.
pub fn client_address(socket: SocketAddr, headers: &HeaderMap, forwarded_count: u32) -> String {
    let remote = header(headers, "x-real-ip")
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| socket.ip().to_canonical().to_string());
    if forwarded_count == 0 {
        return remote;
    }
    // Repeated headers arrive joined with ", " (Fetch `Headers.get`).
    let forwarded: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    if forwarded.is_empty() {
        return remote;
    }
    let joined = forwarded.join(", ");
    let ips: Vec<&str> = joined.trim().split(',').map(str::trim).collect();
    let n = forwarded_count as usize;
    if n > ips.len() {
        return remote;
    }
    ips[ips.len() - n].to_string()
}

impl Req {
    pub fn new(
        addr: SocketAddr,
        headers: HeaderMap,
        query: Option<&str>,
        forwarded_count: u32,
    ) -> Self {
        let user_agent = header(&headers, "user-agent").unwrap_or_default();
        Req {
            ip: client_address(addr, &headers, forwarded_count),
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

#[cfg(test)]
mod tests {
    use super::client_address;
    use axum::http::HeaderMap;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn client_address_follows_remote_address_middleware() {
        let sock = "10.0.0.9:5555".parse().unwrap();
        let xff = ("x-forwarded-for", "198.51.100.1, 203.0.113.7 ,10.0.0.2");
        assert_eq!(client_address(sock, &headers(&[xff]), 0), "10.0.0.9");
        assert_eq!(client_address(sock, &headers(&[xff]), 1), "10.0.0.2");
        assert_eq!(client_address(sock, &headers(&[xff]), 2), "203.0.113.7");
        assert_eq!(client_address(sock, &headers(&[xff]), 3), "198.51.100.1");
        // More hops configured than listed: the socket (or X-Real-IP).
        assert_eq!(client_address(sock, &headers(&[xff]), 4), "10.0.0.9");
        let real = ("x-real-ip", "192.0.2.44");
        assert_eq!(client_address(sock, &headers(&[real]), 0), "192.0.2.44");
        assert_eq!(
            client_address(sock, &headers(&[real, xff]), 4),
            "192.0.2.44"
        );
        assert_eq!(client_address(sock, &headers(&[real, xff]), 1), "10.0.0.2");
        assert_eq!(client_address(sock, &headers(&[]), 1), "10.0.0.9");
        // Repeated headers count as one list.
        let h = headers(&[
            ("x-forwarded-for", "1.1.1.1"),
            ("x-forwarded-for", "2.2.2.2"),
        ]);
        assert_eq!(client_address(sock, &h, 2), "1.1.1.1");
        let v6 = "[::ffff:127.0.0.1]:80".parse().unwrap();
        assert_eq!(client_address(v6, &headers(&[]), 0), "127.0.0.1");
    }
}
