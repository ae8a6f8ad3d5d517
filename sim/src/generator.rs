//! Deterministic generator of realistic session rows (`--sessions N --seed S`).
//!
//! Device objects follow what Rocket.Chat derives from real user agents (ua-parser names,
//! `version` = first three numbers of `longVersion`, `os.version` missing on Linux), and a
//! small fixed share of rows carries hostile strings so the app's escaping is exercised.

use std::sync::Arc;

use crate::catalogue::{device_catalogue, hostile_strings, DISPLAY, FIRST, LAST};
use crate::json::{parse_iso, Obj};
use crate::model::{raw, DeviceInfo, Session, UserView};
use crate::store::UserRec;

/// All generated loginAt values lie before this instant, so a seed always yields the same rows.
pub const ANCHOR: &str = "2025-11-01T00:00:00.000Z";
const SPREAD_MS: f64 = 200.0 * 86_400_000.0;

/// splitmix64: tiny, fast and good enough for test data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % n.max(1) as u64) as usize
    }
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// Meteor's `Random.id()` alphabet: the shape of real sessionIds and user ids.
const ID_CHARS: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz";

pub fn meteor_id(rng: &mut Rng) -> String {
    (0..17)
        .map(|_| ID_CHARS[rng.below(ID_CHARS.len())] as char)
        .collect()
}

/// Users for the generated sessions; about 3% are "deleted" (sessions keep their userId).
pub struct GenUser {
    pub rec: UserRec,
    pub view: Option<Arc<UserView>>,
}

fn gen_users(rng: &mut Rng, n: usize) -> Vec<GenUser> {
    let hostile = hostile_strings();
    (0..n)
        .map(|i| {
            let id: Arc<str> = meteor_id(rng).into();
            let first = *rng.pick(FIRST);
            let last = *rng.pick(LAST);
            let username = match rng.below(3) {
                0 => format!("{first}.{last}"),
                1 => format!("{first}{}", rng.below(1000)),
                _ => format!("{first}_{last}{i}"),
            };
            // A small deterministic share of users picked hostile display names.
            let name = if i % 53 == 7 {
                Some(hostile[(i / 53) % hostile.len()].clone())
            } else if rng.chance(0.12) {
                None
            } else if rng.chance(0.35) {
                Some(rng.pick(DISPLAY).to_string())
            } else {
                Some(format!("{} {}", capitalize(first), capitalize(last)))
            };
            let nickname = rng.chance(0.15).then(|| format!("{first}-nick"));
            let active = !rng.chance(0.05);
            let deleted = rng.chance(0.03);
            let mut v = Obj::new().v("username", username.as_str());
            if let Some(n) = &name {
                v = v.v("name", n.as_str());
            }
            if rng.chance(0.3) {
                v = v
                    .v("avatarOrigin", "upload")
                    .v("avatarETag", meteor_id(rng));
            }
            let view = (!deleted).then(|| Arc::new(UserView::from_raw(raw(&v))));
            GenUser {
                rec: UserRec {
                    id,
                    username,
                    name,
                    nickname,
                    active,
                },
                view,
            }
        })
        .collect()
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn gen_ip(rng: &mut Rng) -> String {
    match rng.below(10) {
        0..=3 => format!(
            "172.{}.{}.{}",
            16 + rng.below(16),
            rng.below(256),
            1 + rng.below(254)
        ),
        4 | 5 => format!(
            "10.{}.{}.{}",
            rng.below(256),
            rng.below(256),
            1 + rng.below(254)
        ),
        6 => format!("203.0.113.{}", 1 + rng.below(254)),
        7 => format!("::ffff:192.168.{}.{}", rng.below(256), 1 + rng.below(254)),
        8 => format!(
            "2001:db8:{:x}:{:x}::{:x}",
            rng.below(65536),
            rng.below(65536),
            1 + rng.below(65535)
        ),
        _ => format!("fe80::{:x}:{:x}", rng.below(65536), rng.below(65536)),
    }
}

/// The generated data set: sessions (not yet sorted) and the users the filter searches.
pub struct Generated {
    pub sessions: Vec<Session>,
    pub users: Vec<UserRec>,
}

/// Builds `n` sessions from `seed`; the same arguments always give the same rows.
pub fn generate(n: usize, seed: u64) -> Generated {
    let mut rng = Rng::new(seed);
    let catalogue = device_catalogue(&mut rng);
    let devices: Vec<Arc<DeviceInfo>> = catalogue
        .iter()
        .map(|(_, v)| Arc::new(DeviceInfo::from_raw(raw(v))))
        .collect();
    // Weighted choice through a flat table of indices; hostile devices (weight 0) are
    // chosen separately at a fixed small rate.
    let mut table = Vec::new();
    let mut hostile_devices = Vec::new();
    for (i, (w, _)) in catalogue.iter().enumerate() {
        if *w == 0 {
            hostile_devices.push(i);
        }
        table.extend(std::iter::repeat_n(i, *w as usize));
    }
    let hostile = hostile_strings();
    let mut hosts: Vec<Arc<str>> = [
        "chat.example.com",
        "chat.example.com:3000",
        "localhost:3000",
        "rocket.internal:443",
        "10.0.0.5:3000",
        "[2001:db8::1]:3000",
        "",
    ]
    .into_iter()
    .map(Arc::from)
    .collect();
    let common_hosts = hosts.len();
    hosts.extend(hostile.iter().take(3).map(|h| Arc::from(h.as_str())));

    let n_users = (n / 8).clamp(25, 200_000);
    let users = gen_users(&mut rng, n_users);
    let anchor = parse_iso(ANCHOR).expect("anchor is valid");
    let mut sessions = Vec::with_capacity(n);
    for i in 0..n {
        let u = &users[rng.below(users.len())];
        let dev = if i % 211 == 17 {
            devices[hostile_devices[rng.below(hostile_devices.len())]].clone()
        } else {
            devices[table[rng.below(table.len())]].clone()
        };
        let host = if i % 307 == 29 {
            hosts[common_hosts + rng.below(hosts.len() - common_hosts)].clone()
        } else {
            hosts[rng.below(common_hosts)].clone()
        };
        // Squaring skews logins toward the recent end, as on a live server.
        let age = rng.unit();
        let login_at = anchor - (age * age * SPREAD_MS) as i64 - rng.below(1000) as i64;
        sessions.push(Session {
            session_id: meteor_id(&mut rng).as_str().into(),
            user_id: (&*u.rec.id).into(),
            device: dev,
            host: Some(host),
            ip: Some(gen_ip(&mut rng).as_str().into()),
            login_at,
            user: u.view.clone(),
            extra: None,
        });
    }
    let users = users
        .into_iter()
        .filter(|u| u.view.is_some())
        .map(|u| u.rec)
        .collect();
    Generated { sessions, users }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RowOut;

    #[test]
    fn deterministic_and_quirky() {
        let a = generate(3000, 7);
        let b = generate(3000, 7);
        let ser = |g: &Generated| {
            g.sessions
                .iter()
                .map(|s| {
                    serde_json::to_string(&RowOut {
                        s,
                        with_user: true,
                        current: false,
                        success: false,
                    })
                    .unwrap()
                })
                .collect::<Vec<_>>()
        };
        let (sa, sb) = (ser(&a), ser(&b));
        assert_eq!(sa, sb);
        // The hand-written writer gives the same bytes as the Serialize impl.
        for (s, want) in a.sessions.iter().zip(&sa) {
            let mut out = Vec::new();
            RowOut {
                s,
                with_user: true,
                current: false,
                success: false,
            }
            .write_json(&mut out);
            assert_eq!(std::str::from_utf8(&out).unwrap(), want);
        }
        let all = sa.join("\n");
        assert!(all.contains("onerror=alert(1)"));
        assert!(all.contains("=HYPERLINK("));
        assert!(all.contains("\"type\":\"desktop-app\",\"name\":\"Rocket.Chat\""));
        assert!(all.contains("\"name\":\"RC Mobile\""));
        assert!(all.contains("\"type\":\"tablet\""));
        assert!(all.contains("\"os\":{\"name\":\"Linux\"}"));
        assert!(a.sessions.iter().any(|s| s.user.is_none()));
        assert!(a
            .sessions
            .iter()
            .any(|s| s.ip.as_deref().unwrap().contains(':')));
        assert_ne!(ser(&generate(3000, 8)), sa);
    }
}
