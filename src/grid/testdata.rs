//! Deterministic, realistic session rows for benchmarks and tests (native and in-browser).

use crate::api::wire::{Device, Os, Session, User};

/// SplitMix64: tiny, seedable, and the same on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform-ish in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len() as u64) as usize)
    }

    /// A Meteor-style 17-character id.
    pub fn id(&mut self) -> String {
        const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz";
        (0..17)
            .map(|_| char::from(*self.pick(ALPHABET).unwrap_or(&b'x')))
            .collect()
    }
}

const FIRST: [&str; 16] = [
    "Anna",
    "Bruno",
    "Chloé",
    "Dmitri",
    "Emma",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jonas",
    "Kübra",
    "Liam",
    "Maria",
    "Nikos",
    "Olga",
    "Σοφία",
];
const LAST: [&str; 12] = [
    "Müller", "Smith", "García", "Rossi", "Nowak", "Yılmaz", "Dubois", "Tanaka", "Silva", "Olsen",
    "Kowalski", "O'Brien",
];

/// (weight, type, name, versions, oses)
type Client = (
    u64,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [(&'static str, &'static str)],
);

const DESKTOP_OS: &[(&str, &str)] = &[
    ("Windows", "10"),
    ("Windows", "11"),
    ("Mac OS", "10.15.7"),
    ("Mac OS", "14.2"),
    ("Linux", ""),
    ("Ubuntu", "22.04"),
];
const MOBILE_OS: &[(&str, &str)] = &[
    ("iOS", "17.1.2"),
    ("iOS", "16.6"),
    ("Android", "14"),
    ("Android", "13"),
    ("Android", "9"),
];

const CLIENTS: &[Client] = &[
    (
        34,
        "browser",
        "Chrome",
        &["113.0.0", "119.0.6045", "120.0.6099", "120.0.10", "120.0.9"],
        DESKTOP_OS,
    ),
    (
        12,
        "browser",
        "Firefox",
        &["115.0", "120.0.1", "121.0"],
        DESKTOP_OS,
    ),
    (
        7,
        "browser",
        "Safari",
        &["16.6", "17.1", "17.2.1"],
        &[("Mac OS", "14.2"), ("Mac OS", "13.6")],
    ),
    (
        8,
        "browser",
        "Edge",
        &["119.0.2151", "120.0.2210"],
        &[("Windows", "10"), ("Windows", "11")],
    ),
    (
        15,
        "desktop-app",
        "Rocket.Chat",
        &["3.9.11", "3.9.9", "4.0.0"],
        DESKTOP_OS,
    ),
    (
        15,
        "mobile-app",
        "RC Mobile",
        &["4.44.2", "4.45.0", "4.9.0"],
        MOBILE_OS,
    ),
    (
        4,
        "mobile",
        "Mobile Safari",
        &["17.1", "16.6"],
        &[("iOS", "17.1.2"), ("iOS", "16.6")],
    ),
    (
        2,
        "tablet",
        "Chrome Mobile",
        &["120.0.6099"],
        &[("Android", "14")],
    ),
    (1, "browser", "Opera", &["105.0.0"], DESKTOP_OS),
    (2, "other", "", &[""], &[("", "")]),
];

const HOSTS: [&str; 4] = [
    "chat.example.com",
    "chat.example.com",
    "open.rocket.chat",
    "localhost:3000",
];

/// 2025-01-01T00:00:00Z; logins fall in the 90 days before it.
const NOW_MS: i64 = 1_735_689_600_000;
const SPAN_MS: u64 = 90 * 86_400_000;

/// `n` sessions of about `n / 4` users, in the server's order (login descending).
pub fn sessions(n: usize, seed: u64) -> Vec<Session> {
    stream(n, seed).collect()
}

/// The rows of [`sessions`], made one at a time, as pages of a server would bring them.
pub fn stream(n: usize, seed: u64) -> impl Iterator<Item = Session> {
    let mut rng = Rng::new(seed);
    let users: Vec<(String, Option<User>)> = (0..(n / 4).max(1))
        .map(|i| {
            let first = rng.pick(&FIRST).copied().unwrap_or("Ann");
            let last = rng.pick(&LAST).copied().unwrap_or("Lee");
            let username = format!("{}.{}{}", first, last, i)
                .to_lowercase()
                .replace('\'', "");
            let user = match rng.below(20) {
                0 => None, // the user document is gone
                1..=6 => Some(User {
                    username: Some(username),
                    name: None,
                }),
                _ => Some(User {
                    username: Some(username),
                    name: Some(format!("{first} {last}")),
                }),
            };
            (rng.id(), user)
        })
        .collect();
    let total: u64 = CLIENTS.iter().map(|c| c.0).sum();
    let mut logins: Vec<i64> = (0..n).map(|_| NOW_MS - rng.below(SPAN_MS) as i64).collect();
    logins.sort_unstable_by(|a, b| b.cmp(a));
    logins.into_iter().enumerate().map(move |(i, login)| {
        let mut w = rng.below(total);
        let client = CLIENTS
            .iter()
            .find(|c| {
                let hit = w < c.0;
                w = w.saturating_sub(c.0);
                hit
            })
            .unwrap_or(&CLIENTS[0]);
        let (_, kind, name, versions, oses) = *client;
        let version = rng.pick(versions).copied().unwrap_or("");
        let (os_name, os_version) = rng.pick(oses).copied().unwrap_or(("", ""));
        let (user_id, user) = rng.pick(&users).cloned().unwrap_or_default();
        let id = rng.id();
        Session {
            id: Some(id.clone()),
            session_id: Some(id),
            user_id: Some(user_id),
            device: Some(Device {
                kind: Some(kind.to_owned()),
                name: Some(name.to_owned()),
                long_version: Some(if version.is_empty() {
                    String::new()
                } else {
                    format!("{version}.0")
                }),
                os: Some(Os {
                    name: Some(os_name.to_owned()),
                    version: (!os_version.is_empty()).then(|| os_version.to_owned()),
                }),
                version: Some(version.to_owned()),
            }),
            host: rng.pick(&HOSTS).map(|h| (*h).to_owned()),
            ip: Some(ip(&mut rng)),
            login_at: Some(crate::grid::time::format_iso8601(login)),
            current: (i == n / 2).then_some(true),
            user,
        }
    })
}

fn ip(rng: &mut Rng) -> String {
    let r = rng.next_u64();
    let b = |k: u32| (r >> (8 * k)) as u8;
    match rng.below(100) {
        0..=39 => format!("10.{}.{}.{}", b(0), b(1), b(2)),
        40..=59 => format!("172.20.{}.{}", b(0), b(1)),
        60..=84 => format!("{}.{}.{}.{}", b(0) % 223 + 1, b(1), b(2), b(3)),
        85..=94 => format!("2001:db8:{:x}:{:x}::{:x}", b(0), b(1), r >> 48),
        95..=96 => format!("::ffff:192.168.{}.{}", b(0), b(1)),
        97 => "unknown".to_owned(),
        _ => String::new(),
    }
}
