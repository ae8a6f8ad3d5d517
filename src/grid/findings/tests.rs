//! Example tests of the findings: each finding's edges, CIDR parsing and matching, URL
//! keys, the settings file and the diff.

use super::*;
use crate::grid::session::Row;
use crate::grid::tests::{load, Fx};
use crate::i18n::Lang;
use std::net::IpAddr;

const NOW: i64 = 1_735_689_600_000; // 2025-01-01T00:00:00Z

fn iso(ms: i64) -> String {
    crate::grid::time::format_iso8601(ms)
}

fn ids(s: &Sessions, rows: impl IntoIterator<Item = u32>) -> Vec<String> {
    rows.into_iter()
        .filter_map(|i| s.row(i).map(|r| r.session_id().to_owned()))
        .collect()
}

fn cx(settings: &Settings) -> Context<'_> {
    Context {
        settings,
        now_ms: NOW,
    }
}

fn nets(text: &str) -> Networks {
    let (n, errors) = Networks::parse(text);
    assert!(errors.is_empty(), "{errors:?}");
    n
}

fn ip(s: &str) -> IpAddr {
    s.parse().expect("test address")
}

#[test]
fn the_orphan_flag_costs_no_memory() {
    assert_eq!(std::mem::size_of::<Row>(), 56);
}

#[test]
fn row_sets_iterate_in_order_and_narrow_other_results() {
    let mut set = RowSet::with_slots(200);
    for i in [130, 3, 64, 63, 3, 999] {
        set.insert(i);
    }
    assert_eq!(set.to_vec(), [3, 63, 64, 130]);
    assert_eq!(set.len(), 4);
    assert!(set.contains(64) && !set.contains(65) && !set.contains(999));
    let mut rows = vec![130, 5, 3, 7, 64];
    set.retain_in(&mut rows);
    assert_eq!(rows, [130, 3, 64]);
    assert!(RowSet::default().is_empty());
}

#[test]
fn stale_is_strictly_older_than_n_days_and_ignores_unknown_logins() {
    let mut s = load(vec![
        Fx::new("exact").login(&iso(NOW - 90 * DAY_MS)),
        Fx::new("older").login(&iso(NOW - 90 * DAY_MS - 1)),
        Fx::new("new").login(&iso(NOW - DAY_MS)),
        Fx::new("none"),
        Fx::new("bad").login("yesterday"),
        Fx::new("gone").login(&iso(NOW - 400 * DAY_MS)),
    ]);
    s.remove(&["gone"]);
    assert_eq!(ids(&s, stale(&s, 90, NOW).iter()), ["older"]);
    assert_eq!(ids(&s, stale(&s, 1, NOW).iter()), ["exact", "older"]);
    // Extreme inputs saturate instead of overflowing.
    assert!(stale(&s, u32::MAX, i64::MIN).is_empty());
    assert_eq!(stale(&s, 0, i64::MAX).len(), 3);
}

fn user_rows() -> Vec<Fx> {
    let at = |d: i64| iso(NOW - d * DAY_MS);
    vec![
        Fx::new("a1").user("ua", "ann", None).login(&at(5)),
        Fx::new("a2").user("ua", "ann", None).login(&at(1)),
        Fx::new("a4").user("ua", "ann", None).login(&at(3)),
        Fx::new("a3").user("ua", "ann", None).login(&at(3)),
        Fx::new("a5").user("ua", "ann", None),
        Fx::new("b1").user("ub", "bob", None).login(&at(1)),
        Fx::new("b2").user("ub", "bob", None).login(&at(2)),
        // No user id: grouped by username.
        Fx::new("c1").user("", "cy", None).login(&at(1)),
        Fx::new("c2").user("", "cy", None).login(&at(2)),
        Fx::new("c3").user("", "cy", None).login(&at(3)),
        // No user at all: never counted.
        Fx::new("n1"),
        Fx::new("n2"),
        Fx::new("n3"),
    ]
}

#[test]
fn too_many_counts_users_by_id_then_username_and_never_the_userless() {
    let s = load(user_rows());
    assert_eq!(
        ids(&s, too_many(&s, 2).iter()),
        ["a1", "a2", "a4", "a3", "a5", "c1", "c2", "c3"]
    );
    assert_eq!(
        ids(&s, too_many(&s, 3).iter()),
        ["a1", "a2", "a4", "a3", "a5"]
    );
    assert!(too_many(&s, 5).is_empty());
    let over = users_over(&s, 2);
    assert_eq!(
        over.iter()
            .map(|u| (u.user_id.as_str(), u.username.as_str(), u.sessions))
            .collect::<Vec<_>>(),
        [("ua", "ann", 5), ("", "cy", 3)]
    );
}

#[test]
fn keep_newest_keeps_the_latest_logins_and_breaks_ties_by_session_id() {
    let s = load(user_rows());
    // ann: a2 (1 day), then a3/a4 (3 days, tie: a3 first by id), a1 (5), a5 (no login).
    assert_eq!(
        ids(&s, keep_newest(&s, 2, Whose::User("ua"))),
        ["a1", "a4", "a5"]
    );
    assert_eq!(ids(&s, keep_newest(&s, 3, Whose::User("ua"))), ["a1", "a5"]);
    assert_eq!(ids(&s, keep_newest(&s, 1, Whose::User("cy"))), ["c2", "c3"]);
    assert!(keep_newest(&s, 1, Whose::User("nobody")).is_empty());
    assert!(keep_newest(&s, 1, Whose::User("")).is_empty());
    assert_eq!(
        ids(&s, keep_newest(&s, 2, Whose::All)),
        ["a1", "a4", "a5", "c3"]
    );
    assert_eq!(keep_newest(&s, 0, Whose::User("ub")).len(), 2);
    assert!(keep_newest(&s, 10, Whose::All).is_empty());
}

#[test]
fn duplicates_share_user_client_os_and_ip_and_the_newest_of_each_stays() {
    let at = |d: i64| iso(NOW - d * DAY_MS);
    let dev = |f: Fx| {
        f.client("browser", "Chrome", "120")
            .os("Windows", "10")
            .ip("10.0.0.1")
    };
    let mut s = load(vec![
        dev(Fx::new("d1").user("u1", "ann", None).login(&at(3))),
        dev(Fx::new("d2").user("u1", "ann", None).login(&at(1))),
        dev(Fx::new("d3").user("u1", "ann", None).login(&at(2))),
        // Another IP, another OS version, another user, another client: not duplicates.
        dev(Fx::new("x1").user("u1", "ann", None)).ip("10.0.0.2"),
        dev(Fx::new("x2").user("u1", "ann", None)).os("Windows", "11"),
        dev(Fx::new("x3").user("u2", "bob", None)),
        dev(Fx::new("x4").user("u1", "ann", None)).client("browser", "Firefox", "120"),
        // The version is not part of the key: an update does not make a new device.
        dev(Fx::new("e1").user("u3", "cy", None)).client("browser", "Chrome", "119"),
        dev(Fx::new("e2").user("u3", "cy", None)),
        // No user: never duplicates.
        dev(Fx::new("n1")),
        dev(Fx::new("n2")),
    ]);
    assert_eq!(
        ids(&s, duplicates(&s).iter()),
        ["d1", "d2", "d3", "e1", "e2"]
    );
    assert_eq!(ids(&s, keep_newest_of_each(&s)), ["d1", "d3", "e2"]);
    let settings = Settings::default();
    let counts = count_all(&s, &settings, NOW);
    assert_eq!((counts.duplicates, counts.duplicates_extra), (5, 3));
    s.remove(&["d2", "e1"]);
    assert_eq!(ids(&s, duplicates(&s).iter()), ["d1", "d3"]);
    assert_eq!(ids(&s, keep_newest_of_each(&s)), ["d1"]);
}

#[test]
fn orphaned_rows_are_those_without_user_on_the_wire() {
    let body = r#"[
        {"_id": "a", "userId": "u1", "_user": {"username": "ann"}},
        {"_id": "b", "userId": "u2"},
        {"_id": "c", "userId": "u3", "_user": null},
        {"_id": "d", "userId": "u4", "_user": {}}
    ]"#;
    let rows: Vec<crate::api::wire::Session> = serde_json::from_str(body).expect("rows");
    let s = Sessions::from_wire(rows, 0);
    assert_eq!(ids(&s, orphaned(&s).iter()), ["b", "c"]);
    assert!(s.row(1).is_some_and(|r| r.orphaned()));
    assert!(s.row(3).is_some_and(|r| !r.orphaned()));
}

#[test]
fn outdated_compares_versions_numerically_per_client() {
    let s = load(vec![
        Fx::new("c-old").client("browser", "Chrome", "113.0.9"),
        Fx::new("c-new").client("browser", "chrome", "113.0.10"),
        Fx::new("c-eq").client("browser", "Chrome", "113.0.10"),
        Fx::new("c-none").client("browser", "Chrome", ""),
        Fx::new("cm").client("tablet", "Chrome Mobile", "1"),
        Fx::new("ms").client("mobile", "Mobile Safari", "16.6"),
        Fx::new("d-old").client("desktop-app", "Rocket.Chat", "3.9.11"),
        Fx::new("d-new").client("desktop-app", "Rocket.Chat", "4.0.0"),
        Fx::new("m-old").client("mobile-app", "RC Mobile", "4.9.0"),
        Fx::new("m-new").client("mobile-app", "RC Mobile", "4.44.2"),
        Fx::new("ff").client("browser", "Firefox", "1"),
    ]);
    let mut min = MinVersions::default();
    assert!(outdated(&s, &min).is_empty());
    min.set("CHROME", "113.0.10").expect("rule");
    min.set("desktop-app", "4.0").expect("rule");
    min.set("mobile-app", "4.10").expect("rule");
    min.set("Mobile Safari", "17").expect("rule");
    assert_eq!(
        ids(&s, outdated(&s, &min).iter()),
        ["c-old", "ms", "d-old", "m-old"]
    );
    assert_eq!(
        min.minimum_for(crate::grid::DeviceKind::Browser, "chrome"),
        Some("113.0.10")
    );
    // Setting again replaces; removing switches the client off.
    min.set("chrome", "200").expect("rule");
    assert_eq!(min.rules().len(), 4);
    assert!(min.remove("Mobile Safari"));
    assert!(!min.remove("Mobile Safari"));
    assert_eq!(
        ids(&s, outdated(&s, &min).iter()),
        ["c-old", "c-new", "c-eq", "d-old", "m-old"]
    );
}

#[test]
fn a_bad_minimum_version_is_explained() {
    let mut min = MinVersions::default();
    for (client, version) in [
        ("", "1"),
        ("Chrome", ""),
        ("Chrome", "beta"),
        ("Chrome", "1 2"),
        ("a\u{7}", "1"),
    ] {
        let e = min.set(client, version).expect_err("refused").to_string();
        assert!(e.ends_with('.'), "{e}");
    }
    for k in 0..MAX_RULES_FOR_TEST {
        min.set(&format!("b{k}"), "1").expect("room");
    }
    assert!(min.set("one-more", "1").is_err());
}

const MAX_RULES_FOR_TEST: usize = 64;

#[test]
fn cidr_edges_slash_0_32_128_and_mapped_addresses() {
    let n = nets("0.0.0.0/0 Any4\n::/0 Any6\n10.1.2.3/32 Host\n2001:db8::1/128 Host6");
    assert_eq!(n.label_of("8.8.8.8"), Some("Any4"));
    assert_eq!(n.label_of("10.1.2.3"), Some("Host"));
    assert_eq!(n.label_of("10.1.2.4"), Some("Any4"));
    assert_eq!(n.label_of("2001:db8::1"), Some("Host6"));
    assert_eq!(n.label_of("2001:db8::2"), Some("Any6"));
    // IPv4-mapped IPv6 is IPv4, both in rows and in ranges.
    assert_eq!(n.label_of("::ffff:10.1.2.3"), Some("Host"));
    let only4 = nets("0.0.0.0/0");
    assert_eq!(only4.label_of("::1"), None);
    assert_eq!(only4.label_of("::ffff:1.2.3.4"), Some("0.0.0.0/0"));
    let only6 = nets("::/0");
    assert_eq!(only6.label_of("1.2.3.4"), None);
    let mapped = nets("::ffff:10.0.0.0/104 Office");
    assert_eq!(mapped.list()[0].range(), "10.0.0.0/8");
    assert_eq!(mapped.label_of("10.200.0.1"), Some("Office"));
    assert_eq!(mapped.label_of("11.0.0.1"), None);
    // A bare address is one host.
    let host = nets("192.0.2.7 Gateway\n2001:db8::7");
    assert_eq!(host.list()[0].prefix_len(), 32);
    assert_eq!(host.list()[1].prefix_len(), 128);
    assert_eq!(host.label_of("192.0.2.7"), Some("Gateway"));
    assert_eq!(host.label_of("192.0.2.8"), None);
    assert!(Network::parse("10.0.0.0/8").is_ok_and(|n| n.contains(ip("::ffff:10.9.9.9"))));
}

#[test]
fn the_longest_prefix_wins_and_rows_show_the_forwarded_client() {
    let n = nets("# offices\n10.0.0.0/8 Corp\n\n10.1.0.0/16 Berlin\n10.1.2.0/24 Berlin lab\n10.1.0.0/16 Dup\n2001:db8::/32 VPN\n2001:db8:1::/48 VPN admin");
    assert_eq!(n.len(), 6);
    assert_eq!(n.label_of("10.1.2.9"), Some("Berlin lab"));
    assert_eq!(
        n.label_of("10.1.3.9"),
        Some("Berlin"),
        "the first of equal ranges wins"
    );
    assert_eq!(n.label_of("10.2.0.1"), Some("Corp"));
    assert_eq!(n.label_of("2001:db8:1::5"), Some("VPN admin"));
    assert_eq!(n.label_of("2001:db8:2::5"), Some("VPN"));
    assert_eq!(n.label_of("[2001:db8::5]"), Some("VPN"));
    assert_eq!(n.label_of("10.1.2.3, 203.0.113.9"), Some("Berlin lab"));
    assert_eq!(n.label_of("unknown"), None);
    assert_eq!(n.label_of(""), None);
    assert_eq!(n.label_of("11.0.0.1"), None);
    let again = nets(&n.to_text());
    assert_eq!(again, n);
}

#[test]
fn bad_network_lines_get_their_line_number_and_a_sentence() {
    let text = "10.0.0.0/8 Office\n10.0.0.0/33\n10.0.0.1/8 Typo\ngarbage\n\n# fine\n2001:db8::/129\n10.0.0.0/\n10.0.0.0/+8\n::ffff:10.0.0.1/104\n1.2.3.4/8/9\nfe80::1%eth0/64\n10.0.0.0/008";
    let (n, errors) = Networks::parse(text);
    assert_eq!(n.len(), 2);
    let got: Vec<(usize, String)> = errors
        .iter()
        .map(|e| (e.line, e.error.to_string()))
        .collect();
    let got: Vec<(usize, &str)> = got.iter().map(|(l, m)| (*l, m.as_str())).collect();
    assert_eq!(
        got,
        [
            (2, "“10.0.0.0/33”: an IPv4 prefix is at most /32."),
            (3, "“10.0.0.1/8” has bits set after the prefix: did you mean 10.0.0.0/8?"),
            (4, "“garbage” is not an IP range: write it as 10.0.0.0/8 or 2001:db8::/32."),
            (7, "“2001:db8::/129”: an IPv6 prefix is at most /128."),
            (8, "“/” is not a prefix length: write a number such as /24."),
            (9, "“/+8” is not a prefix length: write a number such as /24."),
            (10, "“::ffff:10.0.0.1/104” has bits set after the prefix: did you mean ::ffff:10.0.0.0/104?"),
            (11, "“/8/9” is not a prefix length: write a number such as /24."),
            (12, "“fe80::1%eth0/64” is not an IP range: write it as 10.0.0.0/8 or 2001:db8::/32."),
        ]
    );
    assert_eq!(
        errors[0].to_string(),
        "Line 2: “10.0.0.0/33”: an IPv4 prefix is at most /32."
    );
    // Leading zeros in the prefix are still a number (008 is /8, which fits).
    assert!(!errors.iter().any(|e| e.line == 13));
    let (empty, none) = Networks::parse("\n  \n# only comments\n");
    assert!(empty.is_empty() && none.is_empty());
    let long = format!("10.0.0.0/8 {}", "x".repeat(101));
    assert!(Network::parse(&long).is_err());
}

#[test]
fn untrusted_is_off_without_networks_and_counts_unreadable_addresses() {
    let s = load(vec![
        Fx::new("in").ip("10.1.2.3"),
        Fx::new("mapped").ip("::ffff:10.9.9.9"),
        Fx::new("out").ip("203.0.113.5"),
        Fx::new("v6").ip("2001:db8::1"),
        Fx::new("none"),
        Fx::new("junk").ip("unknown"),
    ]);
    assert!(Networks::default().untrusted(&s).is_empty());
    let n = nets("10.0.0.0/8 Office\n2001:db8::/32 VPN");
    assert_eq!(ids(&s, n.untrusted(&s).iter()), ["out", "none", "junk"]);
}

#[test]
fn findings_round_trip_through_url_keys_and_say_themselves() {
    let all = [
        Finding::Stale { days: 90 },
        Finding::TooMany { max: 10 },
        Finding::Duplicates,
        Finding::Orphaned,
        Finding::Outdated,
        Finding::Untrusted,
    ];
    assert_eq!(Settings::default().findings(), all);
    for f in all {
        assert!(Finding::is_url_key(f.url_key()));
        assert_eq!(Finding::from_url(f.url_key(), &f.url_value()), Ok(f));
        assert!(!f.label(crate::i18n::Lang::En).is_empty());
    }
    assert_eq!(
        all.map(|f| format!("{}={}", f.url_key(), f.url_value())),
        [
            "stale=90",
            "many=10",
            "dup=1",
            "orphan=1",
            "outdated=1",
            "untrusted=1"
        ]
    );
    assert_eq!(
        all[0].label(crate::i18n::Lang::En),
        "Stale: last login over 90 days ago"
    );
    assert_eq!(
        Finding::Stale { days: 1 }.label(crate::i18n::Lang::En),
        "Stale: last login over 1 day ago"
    );
    assert_eq!(
        Finding::from_url("stale", " 30 "),
        Ok(Finding::Stale { days: 30 })
    );
}

#[test]
fn bad_url_values_are_explained_not_guessed() {
    for (k, v) in [
        ("stale", "0"),
        ("stale", "abc"),
        ("stale", "+5"),
        ("stale", "36501"),
        ("stale", "99999999999999999999"),
        ("stale", ""),
        ("many", "-1"),
        ("many", "1.5"),
        ("dup", "2"),
        ("orphan", "yes"),
        ("outdated", ""),
        ("untrusted", "0"),
        ("q", "1"),
    ] {
        let e = Finding::from_url(k, v).expect_err("refused");
        let text = e.to_string();
        assert!(text.ends_with('.'), "{text}");
        assert!(text.contains(k), "{text}");
    }
    assert_eq!(
        Finding::from_url("stale", "0").map_err(|e| e.to_string()),
        Err("stale=0 is not valid: use a whole number from 1 to 36500.".to_owned())
    );
}

#[test]
fn members_match_the_free_functions_and_count_all_counts_each() {
    let mut rows = user_rows();
    rows.push(
        Fx::new("o1")
            .ip("203.0.113.1")
            .client("browser", "Chrome", "1"),
    );
    let s = load(rows);
    let mut settings = Settings {
        max_per_user: 2,
        stale_days: 2,
        ..Settings::default()
    };
    settings.min_versions.set("Chrome", "100").expect("rule");
    settings.networks = nets("10.0.0.0/8");
    let c = cx(&settings);
    let counts = count_all(&s, &settings, NOW);
    for f in settings.findings() {
        let set = f.members(&s, &c);
        assert_eq!(counts.of(f), set.len(), "{f:?}");
        assert_eq!(f.rows(&s, &c), set.to_vec());
    }
    assert_eq!(counts.too_many_users, 2);
    assert_eq!(counts.stale, 4);
    assert_eq!(counts.outdated, 1);
    assert_eq!(counts.orphaned, 4);
    assert_eq!(counts.untrusted, s.len());
}

#[test]
fn settings_export_and_import_round_trip_with_defaults() {
    let mut s = Settings {
        stale_days: 30,
        max_per_user: 3,
        ..Settings::default()
    };
    s.min_versions.set("desktop-app", "4.0.0").expect("rule");
    s.min_versions.set("Chrome", "120").expect("rule");
    s.networks = nets("10.0.0.0/8 Office\n2001:db8::/32 VPN\n192.0.2.1");
    let json = s.to_json();
    assert_eq!(Settings::from_json(&json), Ok(s));
    assert_eq!(Settings::from_json("{}"), Ok(Settings::default()));
    let v: serde_json::Value = serde_json::from_str(&Settings::default().to_json()).expect("json");
    assert_eq!(v["staleDays"], 90);
    assert_eq!(v["maxPerUser"], 10);
}

#[test]
fn a_bad_settings_file_is_refused_whole_with_a_sentence() {
    for (text, says) in [
        ("not json", "This is not a settings file"),
        ("[]", "This is not a settings file"),
        (r#"{"authToken": "x"}"#, "unknown field `authToken`"),
        (r#"{"staleDays": "90"}"#, "invalid type"),
        (
            r#"{"staleDays": 0}"#,
            "staleDays is 0: it must be a whole number from 1 to 36500.",
        ),
        (r#"{"staleDays": -1}"#, "invalid value"),
        (r#"{"maxPerUser": 1000001}"#, "maxPerUser is 1000001"),
        (
            r#"{"minVersions": {"Chrome": "new"}}"#,
            "minVersions: “new” is not a version",
        ),
        (
            r#"{"minVersions": {"Chrome": "1", "chrome": "2"}}"#,
            "the same client twice",
        ),
        (
            r#"{"trustedNetworks": ["10.0.0.0/8", "10.0.0.1/8 x"]}"#,
            "trustedNetworks entry 2: “10.0.0.1/8” has bits set",
        ),
        (
            r#"{"trustedNetworks": ["10.0.0.0/8\n11.0.0.0/8"]}"#,
            "one network per entry",
        ),
    ] {
        let e = Settings::from_json(text).expect_err(text).to_string();
        assert!(e.contains(says), "{text}: {e}");
    }
    let huge = format!(r#"{{"trustedNetworks": ["{}"]}}"#, "1".repeat(300 * 1024));
    assert_eq!(Settings::from_json(&huge), Err(SettingsError::TooLarge));
    assert!(SettingsError::TooLarge.to_string().contains("too large"));
}

#[test]
fn the_diff_marks_new_rows_and_keeps_the_gone_ones_fields() {
    let prev = load(vec![
        Fx::new("keep").user("u1", "ann", Some("Ann")),
        Fx::new("went")
            .user("u2", "bob", None)
            .client("browser", "Chrome", "120")
            .os("Windows", "10")
            .ip("10.0.0.1")
            .login("2024-12-31T10:00:00Z"),
        Fx::new("also-keep"),
    ]);
    let mut next = load(vec![
        Fx::new("fresh"),
        Fx::new("also-keep"),
        Fx::new("keep"),
        Fx::new("removed-later"),
    ]);
    next.remove(&["removed-later"]);
    let d = diff(&prev, &next);
    assert_eq!(ids(&next, d.new.iter().copied()), ["fresh"]);
    assert_eq!(
        d.gone,
        [Gone {
            line: crate::grid::RowLine {
                session_id: "went".into(),
                user: "bob".into(),
                client: "Chrome".into(),
                os: "Windows 10".into(),
                ip: "10.0.0.1".into(),
                login_ms: crate::grid::parse_iso8601("2024-12-31T10:00:00Z"),
            },
            user_id: "u2".into(),
        }]
    );
    assert_eq!(diff(&next, &next), Diff::default());
    assert_eq!(diff(&Sessions::default(), &next).new, next.live_indices());
    // A row logged out from the page (removed) before the refresh is not "gone" again.
    let mut prev2 = prev.clone();
    prev2.remove(&["went"]);
    assert!(diff(&prev2, &next).gone.is_empty());
}

#[test]
fn the_fast_address_reader_agrees_with_parse_ip_on_tricky_texts() {
    use crate::grid::sort::parse_ip;
    for text in [
        "1:2:3:4:5:6:7::8",
        "1:2:3:4:5:6:7:8::",
        "::1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6::7",
        "1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7",
        "1:2:3:4:5:6:7:8:9",
        "::",
        "::1",
        "1::",
        ":1::",
        "1:::2",
        "1::2::3",
        "12345::1",
        "g::1",
        "::ffff:a00:1",
        "::ffff:10.0.0.1",
        "fe80::1%eth0",
        "FE80::ABCD",
        "0:0:0:0:0:0:0:0",
        "1.2.3.4",
        "1.2.3",
        "256.1.1.1",
        "01.1.1.1",
        "0.0.0.0",
        "1.2.3.4.",
        ".1.2.3.4",
        "1..2.3",
    ] {
        assert_eq!(cidr::read_ip(text), parse_ip(text), "{text}");
    }
    assert_eq!(cidr::read_ip("::ffff:a00:1"), Some(ip("10.0.0.1")));
}

#[test]
fn minimum_versions_read_from_lines_with_each_bad_line_named() {
    let (m, errors) = MinVersions::parse_lines(
        "desktop-app 4.0.0\n\n  Mobile Safari 17.1 \nChrome\nFirefox x1\n",
    );
    assert_eq!(m.to_text(), "desktop-app 4.0.0\nMobile Safari 17.1");
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [4, 5], "{errors:?}");
    let (again, none) = MinVersions::parse_lines(&m.to_text());
    assert_eq!((again, none.len()), (m, 0));
}

/// An error's name, the texts its sentence has to show, and how it is said.
type Case = (String, Vec<String>, Box<dyn Fn(Lang) -> String>);

/// Every typed error of the findings settings, made by the parsers that raise it.
fn every_settings_error() -> Vec<Case> {
    fn net(line: &str) -> NetworkError {
        let (_, mut errors) = Networks::parse(line);
        assert_eq!(errors.len(), 1, "{line}");
        errors.remove(0).error
    }
    fn ver(client: &str, version: &str) -> VersionError {
        MinVersions::default()
            .set(client, version)
            .expect_err("refused")
    }
    fn file(text: &str) -> SettingsError {
        Settings::from_json(text).expect_err(text)
    }
    let mut full = MinVersions::default();
    for k in 0..MAX_RULES_FOR_TEST {
        full.set(&format!("b{k}"), "1").expect("room");
    }
    let too_many_rules = full.set("one-more", "1").expect_err("full");
    let too_many_nets = Networks::parse(&"10.0.0.0/8\n".repeat(MAX_NETWORKS + 1)).1;
    let long_name = "n".repeat(65);
    let mut out: Vec<Case> = Vec::new();
    let mut add = |name: &str, values: &[&str], say: Box<dyn Fn(Lang) -> String>| {
        let values = values.iter().map(|v| v.to_string()).collect();
        out.push((name.to_owned(), values, say));
    };
    for (line, values) in [
        (
            format!("10.0.0.0/8 {}", "x".repeat(101)),
            vec!["10.0.0.0/8", "100"],
        ),
        ("10.0.0.0/8 a\u{1}b".to_owned(), vec!["10.0.0.0/8"]),
        ("garbage".to_owned(), vec!["garbage"]),
        ("10.0.0.0/+8".to_owned(), vec!["/+8"]),
        ("10.0.0.0/33".to_owned(), vec!["10.0.0.0/33", "IPv4", "/32"]),
        (
            "2001:db8::/129".to_owned(),
            vec!["2001:db8::/129", "IPv6", "/128"],
        ),
        ("10.0.0.1/8".to_owned(), vec!["10.0.0.1/8", "10.0.0.0/8"]),
    ] {
        let e = net(&line);
        add(&format!("{e:?}"), &values, Box::new(move |l| e.say(l)));
    }
    let e = too_many_nets.last().expect("one too many").error.clone();
    add("network TooMany", &["1000"], Box::new(move |l| e.say(l)));
    for (client, version, values) in [
        ("", "1", vec![]),
        (long_name.as_str(), "1", vec![long_name.as_str(), "64"]),
        ("Chrome", "beta", vec!["beta", "Chrome"]),
    ] {
        let e = ver(client, version);
        add(&format!("{e:?}"), &values, Box::new(move |l| e.say(l)));
    }
    add(
        "version TooMany",
        &["64"],
        Box::new(move |l| too_many_rules.say(l)),
    );
    let huge = format!(r#"{{"x": "{}"}}"#, "1".repeat(300 * 1024));
    for (text, values) in [
        (huge.as_str(), vec!["256"]),
        ("[]", vec![]),
        (r#"{"authToken": "x"}"#, vec!["unknown field `authToken`"]),
        (r#"{"staleDays": 0}"#, vec!["staleDays", "0", "36500"]),
        (
            r#"{"minVersions": {"Chrome": "new"}}"#,
            vec!["minVersions", "new", "Chrome"],
        ),
        (
            r#"{"minVersions": {"Chrome": "1", "chrome": "2"}}"#,
            vec!["minVersions"],
        ),
        (r#"{"trustedNetworks": ["a\nb"]}"#, vec!["trustedNetworks"]),
        (
            r#"{"trustedNetworks": ["10.0.0.0/8", "10.0.0.1/8 x"]}"#,
            vec!["trustedNetworks", "2", "10.0.0.1/8", "10.0.0.0/8"],
        ),
    ] {
        let e = file(text);
        add(&format!("{e:?}"), &values, Box::new(move |l| e.say(l)));
    }
    for (key, value, values) in [
        ("stale", "0", vec!["stale=0", "36500"]),
        ("many", "+5", vec!["many=+5", "1000000"]),
        ("dup", "yes", vec!["dup=yes", "dup=1"]),
    ] {
        let e = Finding::from_url(key, value).expect_err(value);
        add(&format!("{e:?}"), &values, Box::new(move |l| e.say(l)));
    }
    let e = FindingError::UnknownKey("zap".into());
    add("link UnknownKey", &["zap"], Box::new(move |l| e.say(l)));
    out
}

#[test]
fn every_settings_error_is_said_in_german_and_arabic_with_its_value() {
    let all = every_settings_error();
    assert_eq!(all.len(), 24, "every variant, and each way one is raised");
    for (name, values, say) in &all {
        let english = say(Lang::En);
        for lang in [Lang::De, Lang::Ar] {
            let said = say(lang);
            assert_ne!(said, english, "{name} in {lang:?}");
            assert!(
                !said.contains(['\u{1}', '\u{3}']),
                "{name}: a marker left: {said}"
            );
            for v in values {
                assert!(
                    said.contains(v.as_str()),
                    "{name} in {lang:?} lacks {v}: {said}"
                );
            }
        }
        // Arabic says it in Arabic, and each value in it keeps its own direction.
        let arabic = say(Lang::Ar);
        assert!(
            arabic.chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c)),
            "{name}: {arabic}"
        );
        // (The file's key names are words of the message itself, not variables.)
        for v in values
            .iter()
            .filter(|v| !["minVersions", "trustedNetworks"].contains(&v.as_str()))
        {
            assert!(
                arabic.contains(&format!("\u{2068}{v}")),
                "{name}: {v} not isolated in {arabic}"
            );
        }
        // The pseudo-locale marks it, so the e2e check finds one said without the catalogue.
        assert!(say(Lang::Pseudo).starts_with('⟦'), "{name}");
    }
}

#[test]
fn the_english_sentences_are_the_ones_said_before_the_catalogue() {
    let said = |r: Result<(), VersionError>| r.expect_err("refused").to_string();
    let mut min = MinVersions::default();
    assert_eq!(
        said(min.set("Chrome", "beta")),
        "“beta” is not a version for Chrome: write a number such as 120 or 4.44.2."
    );
    assert_eq!(
        said(min.set(" ", "1")),
        "Name a client: desktop-app, mobile-app or a browser such as Chrome."
    );
    let (_, errors) = MinVersions::parse_lines("desktop-app 4\nFirefox x1");
    assert_eq!(
        errors[0].to_string(),
        "Line 2: “x1” is not a version for Firefox: write a number such as 120 or 4.44.2."
    );
    let file = |t: &str| Settings::from_json(t).expect_err(t).to_string();
    assert_eq!(
        file(&format!(r#"{{"x": "{}"}}"#, "1".repeat(300 * 1024))),
        "This file is too large to be a settings file (over 256 KB)."
    );
    assert_eq!(
        file(r#"{"minVersions": {"Chrome": "new"}}"#),
        "minVersions: “new” is not a version for Chrome: write a number such as 120 or 4.44.2."
    );
    assert_eq!(
        file(r#"{"maxPerUser": 1000001}"#),
        "maxPerUser is 1000001: it must be a whole number from 1 to 1000000."
    );
    assert_eq!(
        file(r#"{"trustedNetworks": ["10.0.0.0/8 a\u0001"]}"#),
        "trustedNetworks entry 1: The label of 10.0.0.0/8 holds a control character."
    );
    assert_eq!(
        Networks::parse(&"10.0.0.0/8\n".repeat(1001)).1[0].to_string(),
        "Line 1001: At most 1000 networks can be trusted."
    );
}
