//! `POST login`, `POST logout` and `GET me`; a login adds a session row like the server does.

use std::sync::Arc;

use axum::body::Bytes;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::Value;

use crate::accounts::TokenRec;
use crate::errors;
use crate::generator::{meteor_id, Rng};
use crate::guard::{header, Pipeline};
use crate::json::{now_ms, Obj};
use crate::model::{device_obj, raw, DeviceInfo, Session};
use crate::sessions::logout_session;
use crate::state::{lock, write, AppState};
use crate::twofa::{self, Check};

/// A rough ua-parser: enough to give new logins a believable `device`.
pub fn device_from_user_agent(ua: &str) -> Obj {
    let find_ver = |key: &str| -> String {
        ua.split(key)
            .nth(1)
            .map(|r| {
                r.chars()
                    .take_while(|c| c.is_ascii_digit() || *c == '.')
                    .collect::<String>()
            })
            .unwrap_or_default()
    };
    let ios_ver = find_ver("OS ").replace('_', ".");
    let android_ver = find_ver("Android ");
    let os: (&str, Option<&str>) = if ua.contains("Windows") {
        ("Windows", Some("10"))
    } else if ua.contains("iPhone") || ua.contains("iPad") || ua.contains("iOS") {
        ("iOS", Some(&ios_ver))
    } else if ua.contains("Android") {
        ("Android", Some(&android_ver))
    } else if ua.contains("Mac OS X") {
        ("Mac OS", Some("10.15.7"))
    } else if ua.contains("Linux") {
        ("Linux", None)
    } else {
        ("", Some(""))
    };
    let (dtype, name, long) = if ua.starts_with("RC Mobile") {
        ("mobile-app", "RC Mobile", find_ver("; v"))
    } else if ua.contains("Rocket.Chat/") || ua.contains("Electron/") {
        ("desktop-app", "Rocket.Chat", find_ver("Rocket.Chat/"))
    } else if ua.contains("Edg/") {
        ("browser", "Edge", find_ver("Edg/"))
    } else if ua.contains("Firefox/") {
        ("browser", "Firefox", find_ver("Firefox/"))
    } else if ua.contains("Chrome/") {
        ("browser", "Chrome", find_ver("Chrome/"))
    } else if ua.contains("Safari/") {
        ("browser", "Safari", find_ver("Version/"))
    } else {
        ("other", "", String::new())
    };
    let version = long.split('.').take(3).collect::<Vec<_>>().join(".");
    device_obj(dtype, name, &long, os.0, os.1, &version)
}

fn random_token(rng: &mut Rng) -> String {
    const C: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    (0..43).map(|_| C[rng.below(C.len())] as char).collect()
}

/// Adds a login for `user_id` (used by `POST login`, `--login-rate` and `/_sim/sessions`).
pub fn add_login(
    st: &AppState,
    user_id: &str,
    device: &Obj,
    ip: &str,
    host: &str,
    with_token: bool,
) -> (String, Option<String>) {
    let (sid, token, user) = {
        let mut rng = lock(&st.rng);
        let sid = meteor_id(&mut rng);
        let token = with_token.then(|| random_token(&mut rng));
        let accts = lock(&st.accounts);
        let user = accts.user(user_id).map(|a| a.user_view());
        (sid, token, user)
    };
    let mut store = write(&st.store);
    // Generated users: reuse the `_user` their other rows show.
    let user = user.or_else(|| store.view_of(user_id));
    let at = now_ms().max(store.newest_login_at().unwrap_or(0) + 1);
    store.insert(Session {
        session_id: sid.as_str().into(),
        user_id: user_id.into(),
        device: Arc::new(DeviceInfo::from_raw(raw(device))),
        host: Some(host.into()),
        ip: Some(ip.into()),
        login_at: at,
        user,
        extra: None,
    });
    drop(store);
    if let Some(t) = &token {
        lock(&st.accounts).tokens.insert(
            t.clone(),
            TokenRec {
                user_id: user_id.into(),
                session_id: Some(sid.clone()),
                bypass_2fa: false,
                remembered: None,
            },
        );
    }
    (sid, token)
}

fn unauthorized_login() -> Response {
    errors::login_failure("Unauthorized".into(), "Unauthorized", None)
}

pub fn login(p: &mut Pipeline, body: &Bytes) -> Result<Response, Response> {
    p.rate_limit(None)?;
    let v: Value = serde_json::from_slice(body).map_err(|_| unauthorized_login())?;
    let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
    let who = s("user").or_else(|| s("username")).or_else(|| s("email"));
    let password = s("password").or_else(|| {
        // `{digest, algorithm: "sha-256"}` is how Meteor clients send it.
        v.pointer("/password/digest")
            .and_then(|x| x.as_str())
            .map(|d| format!("sha256:{}", d.to_lowercase()))
    });
    // `bodyCode || request.headers.get('x-2fa-code')` (loginCompatibility in ApiClass.ts).
    let code = s("code")
        .filter(|c| !c.is_empty())
        .or_else(|| header(&p.req.headers, "x-2fa-code").filter(|c| !c.is_empty()));
    let (Some(who), Some(password)) = (who, password) else {
        return Err(unauthorized_login());
    };
    let user_id = {
        let accts = lock(&p.st.accounts);
        let u = accts
            .users
            .iter()
            .find(|u| u.username == who || u.email == who)
            .ok_or_else(unauthorized_login)?;
        let ok = match password.strip_prefix("sha256:") {
            Some(d) => twofa::sha256_hex(&u.password) == d,
            None => u.password == password,
        };
        if !ok {
            return Err(unauthorized_login());
        }
        u.id.clone()
    };
    {
        let mut accts = lock(&p.st.accounts);
        let mut rng = lock(&p.st.rng);
        // No token yet, so nothing is remembered: the first list.all still needs a code.
        let check = Check {
            user_id: &user_id,
            token: None,
            code: code.as_deref(),
            method: None,
            fingerprint: twofa::fingerprint(&p.req.ip, &p.req.user_agent),
            now_ms: now_ms(),
            remember_for_s: p.st.cfg.remember_for,
            disable_password_fallback: true,
            enabled: p.st.cfg.twofa,
        };
        if let Err(e) = twofa::check(&mut accts, &mut rng, &check) {
            return Err(errors::login_failure(
                e.error.into(),
                e.reason,
                Some(e.details),
            ));
        }
    }
    let host = header(&p.req.headers, "host").unwrap_or_default();
    let device = device_from_user_agent(&p.req.user_agent);
    let (_, token) = add_login(p.st, &user_id, &device, &p.req.ip, &host, true);
    let me = lock(&p.st.accounts)
        .user(&user_id)
        .map(|u| u.me_json())
        .unwrap_or(Value::Null);
    let body = Obj::new().v("status", "success").o(
        "data",
        Obj::new()
            .v("userId", user_id)
            .v("authToken", token.unwrap_or_default())
            .v("me", me),
    );
    Ok(errors::obj(StatusCode::OK, body))
}

pub fn logout(p: &mut Pipeline) -> Result<Response, Response> {
    let c = p.auth()?;
    p.rate_limit(Some(&c))?;
    lock(&p.st.accounts).tokens.remove(&c.token);
    if let Some(sid) = &c.session_id {
        logout_session(p.st, sid);
    }
    Ok(errors::obj(
        StatusCode::OK,
        Obj::new()
            .v("status", "success")
            .o("data", Obj::new().v("message", "You've been logged out!")),
    ))
}

pub fn me(p: &mut Pipeline) -> Result<Response, Response> {
    let c = p.auth()?;
    p.rate_limit(Some(&c))?;
    let me = lock(&p.st.accounts).user(&c.user_id).map(|u| u.me_json());
    let Some(Value::Object(mut m)) = me else {
        return Err(errors::unauthorized());
    };
    m.insert("success".into(), true.into());
    Ok(errors::json_response(
        StatusCode::OK,
        Value::Object(m).to_string(),
    ))
}
