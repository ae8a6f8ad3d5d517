//! Deterministic generator of realistic session rows (`--sessions N --seed S`).
//!
//! Device objects follow what Rocket.Chat derives from real user agents (ua-parser names,
//! `version` = first three numbers of `longVersion`, `os.version` missing on Linux), and a
//! small fixed share of rows carries hostile strings so the app's escaping is exercised.

use std::sync::Arc;

use crate::json::{parse_iso, Obj};
use crate::model::{device_obj, raw, DeviceInfo, Session, UserView};
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

/// Strings a user or client controls and a careless UI would execute or mangle.
pub fn hostile_strings() -> Vec<String> {
    vec![
        "<img src=x onerror=alert(1)>".into(),
        "=HYPERLINK(\"http://evil.example\",\"x\")".into(),
        "+cmd|' /C calc'!A0".into(),
        "\u{202e}nimda\u{202c} مدير النظام".into(),
        "שלום עולם 🚀🔥👩‍💻".into(),
        "\"><script>alert('x')</script>".into(),
        "-2+3+cmd|' /C calc'!A0".into(),
        "@SUM(1+1)*cmd|' /C calc'!A0".into(),
        format!("Long{}", "x".repeat(10_240)),
    ]
}

fn version3(long: &str) -> String {
    long.split('.').take(3).collect::<Vec<_>>().join(".")
}

fn device(dtype: &str, name: &str, long: &str, os: (&str, Option<&str>), version: &str) -> Obj {
    device_obj(dtype, name, long, os.0, os.1, version)
}

fn os<'a>(name: &'a str, version: Option<&'a str>) -> (&'a str, Option<&'a str>) {
    (name, version)
}

/// The device catalogue, weighted by how often each kind shows up on a real server.
fn device_catalogue(rng: &mut Rng) -> Vec<(u32, Obj)> {
    let mut out: Vec<(u32, Obj)> = Vec::new();
    for v in [109, 112, 113, 116, 119, 120, 122, 124, 126, 128, 130, 131] {
        let long = format!("{v}.0.0.0");
        let ver = version3(&long);
        out.push((
            6,
            device("browser", "Chrome", &long, os("Windows", Some("10")), &ver),
        ));
        out.push((
            3,
            device(
                "browser",
                "Chrome",
                &long,
                os("Mac OS", Some("10.15.7")),
                &ver,
            ),
        ));
        out.push((
            2,
            device("browser", "Chrome", &long, os("Linux", None), &ver),
        ));
        out.push((
            1,
            device(
                "browser",
                "Chrome",
                &long,
                os("Chromium OS", Some("14541.0.0")),
                &ver,
            ),
        ));
        let edge = format!("{v}.0.2277.{}", 83 + v % 40);
        out.push((
            2,
            device(
                "browser",
                "Edge",
                &edge,
                os("Windows", Some("10")),
                &version3(&edge),
            ),
        ));
        let android = format!("{v}.0.6099.{}", 100 + v);
        let phone = ["SM-G991B", "Pixel 7", "SM-A536B", "M2101K6G", "K"][(v % 5) as usize];
        out.push((
            3,
            device(
                "mobile",
                phone,
                &android,
                os("Android", Some(["10", "12", "13", "14"][(v % 4) as usize])),
                &version3(&android),
            ),
        ));
        out.push((
            1,
            device(
                "tablet",
                "SM-X700",
                &android,
                os("Android", Some("13")),
                &version3(&android),
            ),
        ));
    }
    for v in [102, 115, 118, 121, 125, 128, 131, 133] {
        let long = format!("{v}.0");
        out.push((
            2,
            device(
                "browser",
                "Firefox",
                &long,
                os("Windows", Some("10")),
                &long,
            ),
        ));
        out.push((
            1,
            device("browser", "Firefox", &long, os("Ubuntu", None), &long),
        ));
        out.push((
            1,
            device("browser", "Firefox", &long, os("Linux", None), &long),
        ));
        out.push((
            1,
            device(
                "browser",
                "Firefox",
                &long,
                os("Mac OS", Some("10.15")),
                &long,
            ),
        ));
    }
    for (safari, ios) in [
        ("16.5", "16.5"),
        ("16.6", "16.6.1"),
        ("17.1", "17.1.2"),
        ("17.4.1", "17.4.1"),
        ("18.0", "18.0"),
    ] {
        out.push((
            2,
            device(
                "browser",
                "Safari",
                safari,
                os("Mac OS", Some("10.15.7")),
                &version3(safari),
            ),
        ));
        out.push((
            2,
            device(
                "mobile",
                "iPhone",
                safari,
                os("iOS", Some(ios)),
                &version3(safari),
            ),
        ));
        out.push((
            1,
            device(
                "tablet",
                "iPad",
                safari,
                os("iOS", Some(ios)),
                &version3(safari),
            ),
        ));
    }
    for (app, build) in [
        ("4.39.0", 1234),
        ("4.44.2", 1377),
        ("4.48.0", 1502),
        ("4.50.1", 1555),
    ] {
        let long = format!("{app} ({build})");
        out.push((
            2,
            device(
                "mobile-app",
                "RC Mobile",
                &long,
                os("iOS", Some("17.4.1")),
                app,
            ),
        ));
        out.push((
            2,
            device(
                "mobile-app",
                "RC Mobile",
                &long,
                os("Android", Some("14")),
                app,
            ),
        ));
    }
    for app in ["3.9.14", "3.9.15", "4.0.2", "4.1.0"] {
        out.push((
            2,
            device(
                "desktop-app",
                "Rocket.Chat",
                app,
                os("Windows", Some("10")),
                app,
            ),
        ));
        out.push((
            1,
            device(
                "desktop-app",
                "Rocket.Chat",
                app,
                os("Mac OS", Some("14.4.1")),
                app,
            ),
        ));
        out.push((
            1,
            device("desktop-app", "Rocket.Chat", app, os("Linux", None), app),
        ));
    }
    // Unparsable agents (curl, bots, proxies) keep the server's initial shape.
    out.push((4, device("other", "", "", os("", Some("")), "")));
    out.push((1, device("other", "", "", os("Linux", None), "")));
    out.push((
        1,
        device(
            "browser",
            "Opera",
            "106.0.0.0",
            os("Windows", Some("10")),
            "106.0.0",
        ),
    ));
    out.push((
        1,
        device(
            "browser",
            "Samsung Browser",
            "23.0",
            os("Android", Some("13")),
            "23.0",
        ),
    ));
    // Client-controlled version strings are where hostile text reaches the device object.
    for h in hostile_strings().into_iter().take(8) {
        let n = rng.below(3);
        let d = match n {
            0 => device(
                "desktop-app",
                "Rocket.Chat",
                &h,
                os("Windows", Some("10")),
                "4.1.0",
            ),
            1 => device(
                "mobile-app",
                "RC Mobile",
                "4.48.0 (1502)",
                os("Android", Some(&h)),
                "4.48.0",
            ),
            _ => device("other", &h, "", os("", Some("")), ""),
        };
        out.push((0, d));
    }
    out
}

const FIRST: &[&str] = &[
    "anna", "ben", "carla", "dmitri", "emma", "farid", "greta", "hiro", "ines", "jonas", "kaito",
    "lena", "marco", "nadia", "olga", "pavel", "quinn", "rosa", "sven", "tariq", "uma", "victor",
    "wen", "xenia", "yusuf", "zoe", "test", "roxie",
];
const LAST: &[&str] = &[
    "smith", "müller", "garcia", "rossi", "kowalski", "nguyen", "tanaka", "silva", "dubois",
    "jensen", "novak", "ivanova", "okafor", "haddad", "cohen", "lee",
];
const DISPLAY: &[&str] = &[
    "José Müller",
    "李雷",
    "Дмитрий Иванов",
    "Ærø Jensen",
    "Zoë Ørsted",
    "محمد حداد",
    "Ngô Bảo Châu",
    "Søren Kierkegaard",
    "山田 太郎",
    "Łukasz Żółć",
    "Test",
    "O'Brien, Seán",
    "ﾃｽﾄ ﾕｰｻﾞｰ",
];

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
    pub sessions: Vec<Arc<Session>>,
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
        sessions.push(Arc::new(Session {
            session_id: meteor_id(&mut rng).into(),
            user_id: u.rec.id.clone(),
            device: dev,
            host: Some(host),
            ip: Some(gen_ip(&mut rng).into_boxed_str()),
            login_at,
            user: u.view.clone(),
            extra: None,
        }));
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
