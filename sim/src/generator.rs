//! Deterministic generator of realistic session rows (`--sessions N --seed S`).
//!
//! Device objects follow what Rocket.Chat derives from real user agents (ua-parser names,
//! `version` = first three numbers of `longVersion`, `os.version` missing on Linux), and a
//! small fixed share of rows carries hostile strings so the app's escaping is exercised.

use std::sync::Arc;

use crate::catalogue::{device_catalogue, hostile_strings, DISPLAY, FIRST, LAST};
use crate::json::Obj;
use crate::model::{raw, DeviceInfo, Session, UserView};
use crate::store::UserRec;

const DAY_MS: f64 = 86_400_000.0;

/// How old logins are on a live workspace, as (share, from days, to days) before `--now`:
/// many today and this week, then a long tail of stale tokens (Meteor keeps a login token
/// for 90 days by default, longer when the workspace raised it; some over a year).
const AGE_BANDS: [(f64, f64, f64); 6] = [
    (0.30, 0.0, 1.0),
    (0.25, 1.0, 7.0),
    (0.15, 7.0, 30.0),
    (0.12, 30.0, 90.0),
    (0.13, 90.0, 365.0),
    (0.05, 365.0, 800.0),
];

/// A login's age in milliseconds: a band by its share, then uniform inside it.
fn login_age_ms(rng: &mut Rng) -> i64 {
    let mut roll = rng.unit();
    let mut band = AGE_BANDS[AGE_BANDS.len() - 1];
    for b in AGE_BANDS {
        if roll < b.0 {
            band = b;
            break;
        }
        roll -= b.0;
    }
    let days = band.1 + rng.unit() * (band.2 - band.1);
    (days * DAY_MS) as i64
}

/// Share of logins that belong to the few heavy users (people with dozens of devices and
/// browsers, shared kiosk accounts, bots that log in again and again).
const HEAVY_SHARE: f64 = 0.15;

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

/// Builds `n` sessions from `seed`, all logged in before `now_ms` (`--now`); the same
/// arguments always give the same rows.
pub fn generate(n: usize, seed: u64, now_ms: i64) -> Generated {
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
    // The first ~2% of users (random ids, so nothing in the rows shows it) are the heavy ones.
    let heavy = (users.len() / 50).max(1);
    let mut sessions = Vec::with_capacity(n);
    for i in 0..n {
        let u = if rng.chance(HEAVY_SHARE) {
            &users[rng.below(heavy)]
        } else {
            &users[rng.below(users.len())]
        };
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
        let login_at = now_ms - login_age_ms(&mut rng) - 1 - rng.below(1000) as i64;
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

    const NOW: i64 = 1_764_547_200_000; // 2025-12-01T00:00:00Z

    #[test]
    fn deterministic_and_quirky() {
        let a = generate(3000, 7, NOW);
        let b = generate(3000, 7, NOW);
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
        assert_ne!(ser(&generate(3000, 8, NOW)), sa);
        // Another `now` moves the same logins in time.
        let c = generate(3000, 7, NOW + 86_400_000);
        assert!(a
            .sessions
            .iter()
            .zip(&c.sessions)
            .all(|(x, y)| y.login_at - x.login_at == 86_400_000 && *x.session_id == *y.session_id));
    }

    /// The shape of a real workspace: many recent logins, a long stale tail, heavy users.
    #[test]
    fn logins_spread_like_a_live_workspace() {
        let g = generate(20_000, 3, NOW);
        let day = 86_400_000i64;
        let ages: Vec<i64> = g.sessions.iter().map(|s| NOW - s.login_at).collect();
        assert!(ages.iter().all(|&a| a > 0), "all before now");
        let share = |f: &dyn Fn(i64) -> bool| {
            ages.iter().filter(|&&a| f(a)).count() as f64 / ages.len() as f64
        };
        let today = share(&|a| a < day);
        let week = share(&|a| a < 7 * day);
        let stale = share(&|a| a > 90 * day);
        let year = share(&|a| a > 365 * day);
        assert!((0.25..0.35).contains(&today), "today {today}");
        assert!((0.5..0.6).contains(&week), "week {week}");
        assert!((0.14..0.22).contains(&stale), "over 90 days {stale}");
        assert!((0.03..0.07).contains(&year), "over a year {year}");
        let mut per_user = std::collections::HashMap::<&str, usize>::new();
        for s in &g.sessions {
            *per_user.entry(&*s.user_id).or_default() += 1;
        }
        let max = per_user.values().max().copied().unwrap_or(0);
        assert!(max >= 24, "max sessions per user {max}");
        let dozens = per_user.values().filter(|&&n| n >= 24).count();
        assert!(dozens >= 3, "users with dozens of sessions: {dozens}");
        // Most users have a handful.
        let median = {
            let mut v: Vec<usize> = per_user.values().copied().collect();
            v.sort();
            v[v.len() / 2]
        };
        assert!(median < 12, "median {median}");
    }
}
