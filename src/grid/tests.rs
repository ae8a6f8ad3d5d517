//! Unit tests of the row model, sorting, filtering and the pipeline, plus shared fixtures.

use super::*;
use crate::api::wire;

/// A wire row built field by field, like the JSON a server would send.
#[derive(Clone)]
pub(crate) struct Fx(pub(crate) wire::Session);

impl Fx {
    pub(crate) fn new(id: &str) -> Fx {
        Fx(wire::Session {
            id: Some(id.into()),
            session_id: Some(id.into()),
            ..Default::default()
        })
    }
    fn device(&mut self) -> &mut wire::Device {
        self.0.device.get_or_insert_with(Default::default)
    }
    pub(crate) fn client(mut self, kind: &str, name: &str, version: &str) -> Fx {
        let d = self.device();
        d.kind = Some(kind.into());
        d.name = Some(name.into());
        d.version = Some(version.into());
        self
    }
    pub(crate) fn os(mut self, name: &str, version: &str) -> Fx {
        self.device().os = Some(wire::Os {
            name: Some(name.into()),
            version: Some(version.into()),
        });
        self
    }
    pub(crate) fn user(mut self, user_id: &str, username: &str, name: Option<&str>) -> Fx {
        self.0.user_id = Some(user_id.into());
        self.0.user = Some(wire::User {
            username: Some(username.into()),
            name: name.map(Into::into),
        });
        self
    }
    pub(crate) fn ip(mut self, ip: &str) -> Fx {
        self.0.ip = Some(ip.into());
        self
    }
    pub(crate) fn host(mut self, host: &str) -> Fx {
        self.0.host = Some(host.into());
        self
    }
    pub(crate) fn login(mut self, at: &str) -> Fx {
        self.0.login_at = Some(at.into());
        self
    }
}

pub(crate) fn load(rows: Vec<Fx>) -> Sessions {
    Sessions::from_wire(rows.into_iter().map(|f| f.0), 0)
}

/// Ids of the rows in order, to compare orders readably.
pub(crate) fn ids(s: &Sessions, rows: &[u32]) -> Vec<String> {
    rows.iter()
        .filter_map(|&i| s.row(i))
        .map(|r| r.session_id().to_owned())
        .collect()
}

/// Sorted ids of one column's values, one row per value.
fn sorted_by(column: Column, values: &[&str], desc: bool) -> Vec<String> {
    let rows = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let f = Fx::new(&format!("r{i}"));
            match column {
                Column::Version => f.client("browser", "Chrome", v),
                Column::Ip => f.ip(v),
                Column::Client => f.client("browser", v, ""),
                Column::LastLogin => f.login(v),
                _ => f.host(v),
            }
        })
        .collect();
    let s = load(rows);
    let mut idx = s.live_indices();
    sort_rows(&s, &mut idx, &[SortKey { column, desc }]);
    idx.iter()
        .filter_map(|&i| s.row(i))
        .map(|r| r.cell(column).into_owned())
        .collect()
}

#[test]
fn versions_sort_numerically_and_missing_stays_last() {
    let v = ["113.0.9", "", "113.0.10", "2.0", "113.0"];
    assert_eq!(
        sorted_by(Column::Version, &v, false),
        ["2.0", "113.0", "113.0.9", "113.0.10", ""]
    );
    assert_eq!(
        sorted_by(Column::Version, &v, true),
        ["113.0.10", "113.0.9", "113.0", "2.0", ""]
    );
}

#[test]
fn ips_sort_as_addresses_with_unparsable_and_missing_last() {
    let v = [
        "10.0.0.10",
        "",
        "::1",
        "unknown",
        "10.0.0.9",
        "2001:db8::1",
        "::ffff:10.0.0.1",
        "9.255.255.255",
    ];
    assert_eq!(
        sorted_by(Column::Ip, &v, false),
        [
            "9.255.255.255",
            "::ffff:10.0.0.1",
            "10.0.0.9",
            "10.0.0.10",
            "::1",
            "2001:db8::1",
            "unknown",
            ""
        ]
    );
    assert_eq!(
        sorted_by(Column::Ip, &v, true),
        [
            "2001:db8::1",
            "::1",
            "10.0.0.10",
            "10.0.0.9",
            "::ffff:10.0.0.1",
            "9.255.255.255",
            "unknown",
            ""
        ]
    );
}

#[test]
fn text_sorts_case_insensitively_and_ties_keep_server_order_both_ways() {
    let s = load(
        ["chrome", "Edge", "Chrome", "edge", ""]
            .iter()
            .enumerate()
            .map(|(i, c)| Fx::new(&format!("r{i}")).client("browser", c, ""))
            .collect(),
    );
    let mut idx = s.live_indices();
    sort_rows(&s, &mut idx, &[SortKey::asc(Column::Client)]);
    assert_eq!(idx, [0, 2, 1, 3, 4]);
    sort_rows(&s, &mut idx, &[SortKey::desc(Column::Client)]);
    assert_eq!(idx, [1, 3, 0, 2, 4]);
}

#[test]
fn logins_sort_by_instant_not_text() {
    let v = [
        "2023-05-24T10:00:00Z",
        "garbage",
        "2023-05-24T09:00:00-02:00",
        "2023-05-24T10:30:00+01:00",
    ];
    // 10:00Z, 11:00Z and 09:30Z; the garbage row has no time and goes last.
    assert_eq!(
        sorted_by(Column::LastLogin, &v, false),
        [
            "2023-05-24 09:30",
            "2023-05-24 10:00",
            "2023-05-24 11:00",
            ""
        ]
    );
    assert_eq!(
        sorted_by(Column::LastLogin, &v, true),
        [
            "2023-05-24 11:00",
            "2023-05-24 10:00",
            "2023-05-24 09:30",
            ""
        ]
    );
}

#[test]
fn multi_key_sorts_and_compound_columns() {
    let s = load(vec![
        Fx::new("a")
            .user("u1", "zed", Some("Bob"))
            .os("Windows", "10")
            .login("2023-01-02"),
        Fx::new("b")
            .user("u2", "amy", None)
            .os("windows", "9")
            .login("2023-01-01"),
        Fx::new("c")
            .user("u3", "bob", None)
            .os("Android", "14")
            .login("2023-01-03"),
        Fx::new("d").os("", "").login("2023-01-04"),
        Fx::new("e")
            .user("u1", "zed", Some("Bob"))
            .os("Windows", "11")
            .login("2023-01-05"),
    ]);
    let mut idx = s.live_indices();
    sort_rows(&s, &mut idx, &[SortKey::asc(Column::User)]);
    // amy; then "Bob" (name) and "bob" (username) tie on display, broken by username.
    assert_eq!(ids(&s, &idx), ["b", "c", "a", "e", "d"]);
    sort_rows(
        &s,
        &mut idx,
        &[SortKey::asc(Column::User), SortKey::desc(Column::LastLogin)],
    );
    assert_eq!(ids(&s, &idx), ["b", "c", "e", "a", "d"]);
    sort_rows(&s, &mut idx, &[SortKey::asc(Column::Os)]);
    assert_eq!(ids(&s, &idx), ["c", "b", "a", "e", "d"]);
    sort_rows(&s, &mut idx, &[SortKey::desc(Column::Os)]);
    assert_eq!(ids(&s, &idx), ["e", "a", "b", "c", "d"]);
}

#[test]
fn rows_are_normalised_once() {
    let mut raw = Fx::new(" x1 ")
        .client("Tablet", " Chrome Mobile ", "120.0")
        .os("Android", "14")
        .user("U9", "Kübra", Some("KÜBRA Yılmaz"))
        .ip(" 10.1.2.3 ")
        .host("chat.example.com")
        .login("2023-05-24T00:25:54.234Z");
    raw.0.current = Some(true);
    let bare = wire::Session {
        id: Some(String::new()),
        session_id: Some("only-session-id".into()),
        ..Default::default()
    };
    let s = Sessions::from_wire(vec![raw.0, bare, Fx::new("g").login("yesterday").0], 120);
    let r = s.row(0).expect("row 0");
    assert_eq!(
        (r.session_id(), r.client(), r.kind(), r.ip()),
        (
            "x1",
            "Chrome Mobile",
            DeviceKind::MobileOrTablet,
            "10.1.2.3"
        )
    );
    assert_eq!(
        (r.os().as_ref(), r.user_display(), r.login_text().as_str()),
        ("Android 14", "KÜBRA Yılmaz", "2023-05-24 02:25")
    );
    assert!(r.current());
    assert_eq!(
        r.search_text(),
        "chrome mobile 120.0 android 14 kübra yılmaz kübra x1 u9 10.1.2.3 chat.example.com 2023-05-24 02:25"
    );
    let b = s.row(1).expect("row 1");
    assert_eq!(
        (
            b.session_id(),
            b.client(),
            b.kind(),
            b.user_display(),
            b.login_ms()
        ),
        ("only-session-id", "", DeviceKind::Other, "", None)
    );
    assert!(!b.current());
    assert_eq!(s.row(2).and_then(|r| r.login_ms()), None);
    assert!(s.row(3).is_none());
    for kind in [
        "mobile", "tablet", "wearable", "smarttv", "console", "embedded",
    ] {
        assert_eq!(DeviceKind::from_wire(kind), DeviceKind::MobileOrTablet);
    }
    assert_eq!(DeviceKind::from_wire("desktop-app"), DeviceKind::DesktopApp);
    assert_eq!(DeviceKind::from_wire("mobile-app"), DeviceKind::MobileApp);
    assert_eq!(DeviceKind::from_wire(""), DeviceKind::Other);
    for c in Column::ALL {
        assert_eq!(Column::from_key(c.key()), Some(c));
    }
}

#[test]
fn removal_keeps_indices_and_bumps_the_version() {
    let mut s = load(vec![Fx::new("a"), Fx::new("b"), Fx::new("c"), Fx::new("b")]);
    let v0 = s.version();
    assert_eq!(s.remove(&["nope", ""]), 0);
    assert_eq!(s.version(), v0);
    assert_eq!(s.remove(&["b"]), 2);
    assert_ne!(s.version(), v0);
    assert_eq!((s.len(), s.slots()), (2, 4));
    assert_eq!(s.live_indices(), [0, 2]);
    assert!(s.row(1).is_none() && s.row(3).is_none());
    assert_eq!(s.row(2).map(|r| r.session_id()), Some("c"));
    assert_eq!((s.find("c"), s.find("b")), (Some(2), None));
    assert_eq!(s.remove(&[String::from("b")]), 0);
    let other = load(vec![Fx::new("a")]);
    assert_ne!(other.version(), s.version());
    assert_ne!(other.load_id(), s.load_id());
}

fn demo() -> Sessions {
    load(vec![
        Fx::new("s1")
            .client("browser", "Chrome", "113.0.0")
            .os("Windows", "10")
            .user("u1", "testroxie", Some("Roxie Müller"))
            .ip("172.20.0.2")
            .host("localhost:3000")
            .login("2023-05-24T00:25:54.234Z"),
        Fx::new("s2")
            .client("desktop-app", "Rocket.Chat", "3.9.11")
            .os("Mac OS", "14.2")
            .user("u2", "bob", None)
            .ip("2001:db8::7")
            .host("chat.example.com")
            .login("2023-05-25T10:00:00Z"),
        Fx::new("s3")
            .client("mobile-app", "RC Mobile", "4.44.2")
            .os("iOS", "17.1.2")
            .user("u1", "testroxie", Some("Roxie Müller"))
            .ip("10.0.0.1")
            .login("2023-05-26T23:59:59.999Z"),
        Fx::new("s4")
            .client("tablet", "Chrome Mobile", "120.0")
            .os("Android", "14")
            .user("u3", "σοφία", Some("ΣΟΦΊΑ"))
            .ip("10.0.0.2")
            .login("2023-05-27T00:00:00Z"),
        Fx::new("s5").client("", "", "").ip("unknown"),
    ])
}

fn search(s: &Sessions, text: &str, regex: bool) -> Vec<String> {
    let found = Search::compile(text, regex).map(|q| filter_rows(s, &q, &Filters::default()));
    ids(s, &found.unwrap_or_else(|e| panic!("{text:?}: {e}")))
}

#[test]
fn plain_search_covers_every_column_case_insensitively() {
    let s = demo();
    assert_eq!(search(&s, "CHROME", false), ["s1", "s4"]);
    assert_eq!(search(&s, "müller", false), ["s1", "s3"]);
    assert_eq!(search(&s, "MÜLLER", false), ["s1", "s3"]);
    assert_eq!(search(&s, "Σοφία", false), ["s4"]);
    assert_eq!(search(&s, "windows 10", false), ["s1"]);
    for (q, id) in [
        ("172.20", "s1"),
        ("db8::7", "s2"),
        ("example.com", "s2"),
        ("u3", "s4"),
        ("S5", "s5"),
        ("2023-05-25 10:00", "s2"),
        ("17.1.2", "s3"),
        ("unknown", "s5"),
    ] {
        assert_eq!(search(&s, q, false), [id], "{q}");
    }
    assert_eq!(search(&s, "", false).len(), 5);
    assert!(search(&s, "nothing like this", false).is_empty());
    // Control chars fold to spaces on both sides, so a pasted newline acts as a space.
    assert_eq!(search(&s, "chrome\nm", false), ["s4"]);
}

#[test]
fn regex_search_is_per_row_case_insensitive_and_safe() {
    let s = demo();
    assert_eq!(search(&s, "^chrome", true), ["s1", "s4"]);
    assert_eq!(search(&s, r"^RC\s", true), ["s3"]);
    assert_eq!(
        search(&s, r"\d+\.\d+\.\d+\.\d+\s", true),
        ["s1", "s3", "s4"]
    );
    assert_eq!(search(&s, "unknown$", true), ["s5"]);
    assert_eq!(search(&s, "CHROME|bob", true), ["s1", "s2", "s4"]);
    // Patterns that can match across the '\n' between rows, and text anchors.
    assert_eq!(search(&s, r"\s+s5", true), Vec::<String>::new());
    assert_eq!(search(&s, r"00[^z]*rc", true), Vec::<String>::new());
    assert_eq!(search(&s, r"m[^z]*2023", true), ["s1", "s2", "s3", "s4"]);
    assert_eq!(search(&s, r"\Arc mobile", true), ["s3"]);
    assert_eq!(search(&s, r"(?-m)^rc mobile", true), ["s3"]);
    assert_eq!(search(&s, r"10:00\z", true), ["s2"]);
    // Without Unicode a pattern could match the 0xFF between rows; it runs per row.
    assert_eq!(search(&s, r"(?-u:\xff)", true), Vec::<String>::new());
    assert_eq!(search(&s, r"(?-u:[^z])00\z", true), ["s2", "s4"]);
    let bad = Search::compile("(chrome", true).err();
    assert!(
        matches!(&bad, Some(QueryError::BadPattern { detail }) if detail.contains("unclosed")),
        "{bad:?}"
    );
    assert_eq!(
        Search::compile(r"(?:\w{500}){50}", true).err(),
        Some(QueryError::PatternTooBig)
    );
    assert!(Search::compile("(chrome", false).is_ok());
    assert_eq!(search(&s, "(chrome", false), Vec::<String>::new());
}

#[test]
fn regex_case_insensitivity_survives_stripping_upper_case_letters() {
    let s = load(vec![
        Fx::new("r1").client("browser", "Maſs", ""),
        Fx::new("r2").client("browser", "\u{212a}ELVIN", ""),
        Fx::new("r3").client("browser", "plain", ""),
    ]);
    for (pattern, want) in [
        ("mas", &["r1"][..]),
        ("MAS", &["r1"]),
        ("kel", &["r2"]),
        (r"\x4bel", &["r2"]),
        (r"\x{4B}EL", &["r2"]),
        (r"[[:upper:]]lain", &["r3"]),
        (r"\S+in", &["r2", "r3"]),
        (r"(?-i)PLAIN", &[]),
    ] {
        assert_eq!(search(&s, pattern, true), want, "{pattern}");
    }
}

#[test]
fn column_filters_and_within_or_across() {
    let s = demo();
    let run = |f: &Filters| ids(&s, &filter_rows(&s, &Search::all(), f));
    let mut f = Filters::default();
    f.kinds
        .extend([DeviceKind::Browser, DeviceKind::MobileOrTablet]);
    assert_eq!(run(&f), ["s1", "s4"]);
    f.oses.insert("Android".into());
    assert_eq!(run(&f), ["s4"]);
    let mut f = Filters::default();
    f.users
        .extend(["Roxie Müller".to_owned(), "bob".to_owned()]);
    assert_eq!(run(&f), ["s1", "s2", "s3"]);
    f.users = ["testroxie".to_owned()].into();
    assert_eq!(run(&f), ["s1", "s3"]);
    f.users = ["".to_owned()].into();
    assert_eq!(run(&f), ["s5"]);
    let mut f = Filters::default();
    f.clients.extend(["Chrome".to_owned(), "".to_owned()]);
    assert_eq!(run(&f), ["s1", "s5"]);
    let day = |d: &str| parse_day(d).map(|d| day_bounds(d, 0)).expect("day");
    let mut f = Filters {
        login_from: Some(day("2023-05-25").0),
        login_to: Some(day("2023-05-26").1),
        ..Filters::default()
    };
    assert_eq!(run(&f), ["s2", "s3"]);
    f.login_to = None;
    assert_eq!(run(&f), ["s2", "s3", "s4"]);
    f.kinds.insert(DeviceKind::MobileApp);
    assert_eq!(
        ids(
            &s,
            &filter_rows(&s, &Search::compile("rox", false).expect("plain"), &f)
        ),
        ["s3"]
    );
}

#[test]
fn the_pages_own_session_is_marked_by_id_or_when_unknown_every_session_of_its_user() {
    let rows = || {
        vec![
            Fx::new("a").user("me", "admin", None).0,
            Fx::new("b").user("other", "bob", None).0,
            Fx::new("c").user("me", "admin", None).0,
        ]
    };
    let current = |s: &Sessions| -> Vec<bool> {
        (0..3)
            .map(|i| s.row(i).is_some_and(|r| r.current()))
            .collect()
    };
    let mut known = Sessions::from_wire(rows(), 0);
    let before = known.version();
    assert_eq!(known.mark_own(Own::Session("c")), 1);
    assert_eq!(current(&known), [false, false, true]);
    assert!(known.own_known() && known.version() != before);
    let mut unknown = Sessions::from_wire(rows(), 0);
    assert_eq!(unknown.mark_own(Own::AnyOfUser("me")), 2);
    assert_eq!(current(&unknown), [true, false, true]);
    assert!(!unknown.own_known());
    let mut nobody = Sessions::from_wire(rows(), 0);
    assert_eq!(nobody.mark_own(Own::AnyOfUser(" ")), 0);
    assert_eq!(current(&nobody), [false, false, false]);
}

#[test]
fn a_column_is_ranked_once_on_first_use_and_idle_warming_ranks_each_once() {
    let s = Sessions::from_wire(testdata::sessions(2_000, 5), 0);
    let bare = s.heap_bytes();
    // A sort ranks its column on demand; the idle warm-up then skips it.
    let mut by_ip = s.live_indices();
    sort_rows(&s, &mut by_ip, &[SortKey::asc(Column::Ip)]);
    assert_eq!(
        s.heap_bytes(),
        bare + 2_000 * 4,
        "one column's ranks, not nine"
    );
    let mut warmed = 0;
    while s.warm_ranks() {
        warmed += 1;
        assert!(warmed <= Column::ALL.len(), "warming ends");
    }
    assert_eq!(warmed, Column::ALL.len() - 1, "every other column, once");
    // Ranked up front or on demand, every sort gives the same order.
    let cold = Sessions::from_wire(testdata::sessions(2_000, 5), 0);
    for column in Column::ALL {
        for desc in [false, true] {
            let (mut a, mut b) = (s.live_indices(), cold.live_indices());
            let keys = [SortKey { column, desc }, SortKey::asc(Column::User)];
            sort_rows(&s, &mut a, &keys);
            sort_rows(&cold, &mut b, &keys);
            assert_eq!(a, b, "{column:?} desc={desc}");
        }
    }
}
