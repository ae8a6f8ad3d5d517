//! Property tests: every finding against a naive reference over the wire rows.
//!
//! The reference works on the wire rows directly (trimmed strings, `HashMap`s of owned
//! keys, plain sorts, CIDR membership by comparing bit strings). It shares only the leaf
//! functions `parse_iso8601`, `parse_ip` and `cmp_version` with the code under test; those
//! have example tests of their own.

use super::*;
use crate::api::wire;
use crate::grid::session::Sessions;
use crate::grid::sort::parse_ip;
use crate::grid::text::cmp_version;
use crate::grid::time::{format_iso8601, parse_iso8601};
use proptest::prelude::*;
use proptest::sample::select;
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::net::IpAddr;

const NOW: i64 = 1_735_689_600_000;
const IDS: &[&str] = &["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", ""];
const USER_IDS: &[&str] = &["u1", "u2", "u3", "", " u1 "];
const USERNAMES: &[&str] = &["ann", "bob", ""];
const KINDS: &[&str] = &["browser", "desktop-app", "mobile-app", "tablet", ""];
const CLIENTS: &[&str] = &["Chrome", "chrome", "Firefox", "Mobile Safari", ""];
const VERSIONS: &[&str] = &["1", "1.10", "1.9", "2", "", "113.0.9", "113.0.10", "beta"];
const OS_NAMES: &[&str] = &["Windows", "Mac OS", ""];
const OS_VERSIONS: &[&str] = &["10", "11", ""];
const IPS: &[&str] = &[
    "10.0.0.1",
    "10.1.2.3",
    "::ffff:10.0.0.1",
    "192.168.1.1",
    "2001:db8::1",
    "2001:db8:1::1",
    "2001:db9::1",
    "unknown",
    "",
    "10.1.2.3, 1.2.3.4",
    "0.0.0.0",
    "255.255.255.255",
];
const RANGES: &[&str] = &[
    "10.0.0.0/8",
    "10.1.0.0/16",
    "10.1.2.3/32",
    "0.0.0.0/0",
    "::/0",
    "2001:db8::/32",
    "2001:db8:1::/48",
    "::ffff:10.0.0.0/104",
    "192.168.0.0/16",
    "2001:db8::1/128",
    "255.255.255.255",
];
const RULE_CLIENTS: &[&str] = &[
    "desktop-app",
    "mobile-app",
    "Chrome",
    "firefox",
    "Mobile Safari",
];

fn opt(values: &'static [&'static str]) -> impl Strategy<Value = Option<String>> {
    proptest::option::weighted(0.9, select(values).prop_map(String::from))
}

fn session() -> impl Strategy<Value = wire::Session> {
    (
        (select(IDS), opt(USER_IDS), opt(USERNAMES), any::<bool>()),
        (
            opt(KINDS),
            opt(CLIENTS),
            opt(VERSIONS),
            opt(OS_NAMES),
            opt(OS_VERSIONS),
        ),
        (opt(IPS), proptest::option::weighted(0.85, 0i64..400)),
    )
        .prop_map(
            |((id, uid, un, has_user), (kind, name, version, os, osv), (ip, half_days))| {
                wire::Session {
                    id: Some(id.to_owned()),
                    session_id: Some(id.to_owned()),
                    user_id: uid,
                    device: Some(wire::Device {
                        kind,
                        name,
                        long_version: None,
                        os: Some(wire::Os {
                            name: os,
                            version: osv,
                        }),
                        version,
                    }),
                    host: None,
                    ip,
                    login_at: half_days.map(|h| format_iso8601(NOW - h * DAY_MS / 2)),
                    current: None,
                    user: has_user.then_some(wire::User {
                        username: un,
                        name: None,
                    }),
                }
            },
        )
}

/// Rows, and ids to log out before the findings run.
fn rows() -> impl Strategy<Value = (Vec<wire::Session>, Vec<&'static str>)> {
    (
        proptest::collection::vec(session(), 0..40),
        proptest::collection::vec(select(IDS), 0..3),
    )
}

fn t(s: &Option<String>) -> String {
    s.as_deref().map(str::trim).unwrap_or("").to_owned()
}

/// The reference's row: trimmed fields, liveness by removed ids.
#[derive(Clone)]
struct R {
    index: u32,
    id: String,
    uid: String,
    username: String,
    orphan: bool,
    kind: String,
    client: String,
    version: String,
    os: String,
    osv: String,
    ip: String,
    login: Option<i64>,
}

fn reference(rows: &[wire::Session], removed: &[&str]) -> Vec<R> {
    rows.iter()
        .enumerate()
        .map(|(i, s)| {
            let d = s.device.clone().unwrap_or_default();
            let os = d.os.clone().unwrap_or_default();
            let u = s.user.clone().unwrap_or_default();
            R {
                index: i as u32,
                id: t(&s.id),
                uid: t(&s.user_id),
                username: t(&u.username),
                orphan: s.user.is_none(),
                kind: t(&d.kind),
                client: t(&d.name),
                version: t(&d.version),
                os: t(&os.name),
                osv: t(&os.version),
                ip: t(&s.ip),
                login: parse_iso8601(&t(&s.login_at)),
            }
        })
        .filter(|r| r.id.is_empty() || !removed.contains(&r.id.as_str()))
        .collect()
}

fn load(rows: &[wire::Session], removed: &[&str]) -> Sessions {
    let mut s = Sessions::from_wire(rows.to_vec(), 0);
    s.remove(removed);
    s
}

fn user_key(r: &R) -> Option<(bool, String)> {
    match (r.uid.is_empty(), r.username.is_empty()) {
        (false, _) => Some((true, r.uid.clone())),
        (true, false) => Some((false, r.username.clone())),
        (true, true) => None,
    }
}

fn indices<'a>(rows: impl IntoIterator<Item = &'a R>) -> Vec<u32> {
    let mut v: Vec<u32> = rows.into_iter().map(|r| r.index).collect();
    v.sort_unstable();
    v
}

/// Newest first: later login, missing last; then session id; then index.
fn newest(a: &R, b: &R) -> Ordering {
    let l = |r: &R| r.login.map_or(i128::MIN, i128::from);
    l(b).cmp(&l(a))
        .then_with(|| a.id.cmp(&b.id))
        .then(a.index.cmp(&b.index))
}

fn drop_newest(mut group: Vec<R>, keep: usize) -> Vec<R> {
    group.sort_by(newest);
    group.into_iter().skip(keep).collect()
}

fn groups<K: std::hash::Hash + Eq>(rows: &[R], key: impl Fn(&R) -> Option<K>) -> Vec<Vec<R>> {
    let mut map: HashMap<K, Vec<R>> = HashMap::new();
    for r in rows {
        if let Some(k) = key(r) {
            map.entry(k).or_default().push(r.clone());
        }
    }
    map.into_values().collect()
}

fn dup_key(r: &R) -> Option<(bool, String, String, String, String, String)> {
    let (by_id, user) = user_key(r)?;
    Some((
        by_id,
        user,
        r.client.clone(),
        r.os.clone(),
        r.osv.clone(),
        r.ip.clone(),
    ))
}

/// Membership by bit strings: the written range's first `len` bits equal the address's.
fn naive_contains(range: &str, ip: IpAddr) -> Option<u8> {
    let (addr, len) = range.split_once('/').unwrap_or((range, ""));
    let addr: IpAddr = addr.parse().ok()?;
    let mut len: u32 = if len.is_empty() {
        if addr.is_ipv4() {
            32
        } else {
            128
        }
    } else {
        len.parse().ok()?
    };
    let mut addr = addr;
    if let IpAddr::V6(a) = addr {
        if let (Some(v4), true) = (a.to_ipv4_mapped(), len >= 96) {
            addr = IpAddr::V4(v4);
            len -= 96;
        }
    }
    let bits = |ip: IpAddr| match ip {
        IpAddr::V4(a) => format!("4{:032b}", u32::from(a)),
        IpAddr::V6(a) => format!("6{:0128b}", u128::from(a)),
    };
    let (a, b) = (bits(addr), bits(ip.to_canonical()));
    let n = len as usize + 1;
    (a.get(..n)? == b.get(..n)?).then_some(len as u8)
}

proptest! {
    #[test]
    fn stale_matches_the_reference((rows, removed) in rows(), days in 0u32..250) {
        let s = load(&rows, &removed);
        let cutoff = NOW - i64::from(days) * DAY_MS;
        let want = indices(reference(&rows, &removed).iter().filter(|r| r.login.is_some_and(|l| l < cutoff)));
        prop_assert_eq!(stale(&s, days, NOW).to_vec(), want);
    }

    #[test]
    fn orphaned_matches_the_reference((rows, removed) in rows()) {
        let s = load(&rows, &removed);
        let want = indices(reference(&rows, &removed).iter().filter(|r| r.orphan));
        prop_assert_eq!(orphaned(&s).to_vec(), want);
    }

    #[test]
    fn too_many_and_keep_newest_match_the_reference((rows, removed) in rows(), max in 0u32..6, pick in select(USER_IDS)) {
        let s = load(&rows, &removed);
        let live = reference(&rows, &removed);
        let by_user = groups(&live, user_key);
        let want = indices(by_user.iter().filter(|g| g.len() > max as usize).flatten());
        prop_assert_eq!(too_many(&s, max).to_vec(), want);
        let mut over: Vec<usize> = by_user.iter().map(Vec::len).filter(|&n| n > max as usize).collect();
        over.sort_unstable_by(|a, b| b.cmp(a));
        prop_assert_eq!(users_over(&s, max).iter().map(|u| u.sessions).collect::<Vec<_>>(), over);
        let all: Vec<R> = by_user.iter().flat_map(|g| drop_newest(g.clone(), max as usize)).collect();
        prop_assert_eq!(keep_newest(&s, max, Whose::All), indices(&all));
        let pick = pick.trim();
        let one: Vec<R> = live.iter().filter(|r| !pick.is_empty() && (r.uid == pick || (r.uid.is_empty() && r.username == pick))).cloned().collect();
        prop_assert_eq!(keep_newest(&s, max, Whose::User(pick)), indices(&drop_newest(one, max as usize)));
    }

    #[test]
    fn duplicates_match_the_reference((rows, removed) in rows()) {
        let s = load(&rows, &removed);
        let live = reference(&rows, &removed);
        let dups: Vec<Vec<R>> = groups(&live, dup_key).into_iter().filter(|g| g.len() > 1).collect();
        prop_assert_eq!(duplicates(&s).to_vec(), indices(dups.iter().flatten()));
        let extra: Vec<R> = dups.iter().flat_map(|g| drop_newest(g.clone(), 1)).collect();
        prop_assert_eq!(keep_newest_of_each(&s), indices(&extra));
    }

    #[test]
    fn outdated_matches_the_reference(
        (rows, removed) in rows(),
        rules in proptest::collection::vec((select(RULE_CLIENTS), select(&VERSIONS[..4])), 0..5),
    ) {
        let s = load(&rows, &removed);
        let mut min = MinVersions::default();
        let mut naive: Vec<(String, String)> = Vec::new();
        for (c, v) in &rules {
            min.set(c, v).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let key = c.to_lowercase();
            naive.retain(|(k, _)| *k != key);
            naive.push((key, (*v).to_owned()));
        }
        let rule = |r: &R| {
            let key = match r.kind.as_str() {
                "desktop-app" | "mobile-app" => r.kind.clone(),
                _ => r.client.to_lowercase(),
            };
            naive.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone())
        };
        let want = indices(reference(&rows, &removed).iter().filter(|r| {
            !r.version.is_empty() && rule(r).is_some_and(|m| cmp_version(&r.version, &m) == Ordering::Less)
        }));
        prop_assert_eq!(outdated(&s, &min).to_vec(), want);
    }

    #[test]
    fn networks_match_the_reference(
        (rows, removed) in rows(),
        ranges in proptest::collection::vec(select(RANGES), 0..5),
    ) {
        let s = load(&rows, &removed);
        let text: String = ranges.iter().enumerate().map(|(k, r)| format!("{r} L{k}\n")).collect();
        let (nets, errors) = Networks::parse(&text);
        prop_assert!(errors.is_empty(), "{:?}", errors);
        let label = |ip: &str| -> Option<String> {
            let ip = parse_ip(ip)?;
            let mut best: Option<(u8, usize)> = None;
            for (k, r) in ranges.iter().enumerate() {
                if let Some(len) = naive_contains(r, ip) {
                    if best.is_none_or(|(b, _)| len > b) {
                        best = Some((len, k));
                    }
                }
            }
            best.map(|(_, k)| format!("L{k}"))
        };
        let live = reference(&rows, &removed);
        for r in &live {
            prop_assert_eq!(nets.label_of(&r.ip).map(str::to_owned), label(&r.ip), "ip {:?}", r.ip);
        }
        let want = if ranges.is_empty() { Vec::new() } else { indices(live.iter().filter(|r| label(&r.ip).is_none())) };
        prop_assert_eq!(nets.untrusted(&s).to_vec(), want);
    }

    #[test]
    fn count_all_counts_what_each_finding_matches(
        (rows, removed) in rows(),
        days in 1u32..250,
        max in 1u32..5,
        ranges in proptest::collection::vec(select(RANGES), 0..3),
    ) {
        let s = load(&rows, &removed);
        let mut settings = Settings { stale_days: days, max_per_user: max, ..Settings::default() };
        settings.min_versions.set("Chrome", "1.10").map_err(|e| TestCaseError::fail(e.to_string()))?;
        settings.networks = Networks::parse(&ranges.join("\n")).0;
        let counts = count_all(&s, &settings, NOW);
        let cx = Context { settings: &settings, now_ms: NOW };
        for f in settings.findings() {
            prop_assert_eq!(counts.of(f), f.members(&s, &cx).len(), "{:?}", f);
        }
        prop_assert_eq!(counts.duplicates_extra, keep_newest_of_each(&s).len());
        prop_assert_eq!(counts.too_many_users, users_over(&s, max).len());
    }

    #[test]
    fn the_diff_matches_the_reference(
        (prev, prev_removed) in rows(),
        (next, next_removed) in rows(),
    ) {
        let (a, b) = (load(&prev, &prev_removed), load(&next, &next_removed));
        let (ra, rb) = (reference(&prev, &prev_removed), reference(&next, &next_removed));
        let ids = |rows: &[R]| rows.iter().map(|r| r.id.clone()).collect::<HashSet<String>>();
        let (before, after) = (ids(&ra), ids(&rb));
        let new = indices(rb.iter().filter(|r| !r.id.is_empty() && !before.contains(&r.id)));
        let gone: Vec<String> = ra.iter().filter(|r| !r.id.is_empty() && !after.contains(&r.id)).map(|r| r.id.clone()).collect();
        let d = diff(&a, &b);
        prop_assert_eq!(d.new, new);
        prop_assert_eq!(d.gone.into_iter().map(|g| g.line.session_id).collect::<Vec<_>>(), gone);
    }

    #[test]
    fn network_lines_never_panic_and_good_ones_round_trip(line in "\\PC{0,30}|[0-9a-f:./ ]{0,24}") {
        let (nets, errors) = Networks::parse(&line);
        prop_assert!(nets.len() + errors.len() <= 1);
        let (again, none) = Networks::parse(&nets.to_text());
        prop_assert!(none.is_empty());
        prop_assert_eq!(again, nets);
    }

    #[test]
    fn url_values_never_panic_and_accepted_ones_round_trip(key in select(&Finding::URL_KEYS[..]), value in "\\PC{0,8}|[0-9]{1,12}") {
        if let Ok(f) = Finding::from_url(key, &value) {
            prop_assert_eq!(Finding::from_url(f.url_key(), &f.url_value()), Ok(f));
        }
    }

    #[test]
    fn settings_files_never_panic(text in "\\PC{0,60}|\\{\"(staleDays|maxPerUser|minVersions|trustedNetworks)\": ?[0-9\\[\\]{}\"a-z./: ,]{0,30}\\}") {
        if let Ok(s) = Settings::from_json(&text) {
            prop_assert_eq!(Settings::from_json(&s.to_json()), Ok(s));
        }
    }
}

proptest! {
    #[test]
    fn the_fast_address_reader_answers_as_parse_ip(text in "([0-9a-fA-F]{1,4}:){0,8}:?(:[0-9a-fA-F]{1,4}){0,8}|([0-9a-fA-F]{0,5}:{1,3}){0,9}[0-9a-fA-F]{0,5}|[0-9.]{0,18}|[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-f:., ]{0,20}|0{0,2}[0-9]{1,4}(\\.0{0,2}[0-9]{1,4}){2,4}") {
        prop_assert_eq!(cidr::read_ip(&text), parse_ip(&text));
    }
}
