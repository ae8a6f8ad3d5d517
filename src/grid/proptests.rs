//! Property tests: the whole pipeline against a naive reference model, and round trips.
//!
//! The reference works on the wire rows directly: it builds each row's text by hand,
//! filters by substring, sorts with `sort_by` (stable) using plain comparisons, and slices.
//! It shares only the leaf comparisons `cmp_version`, `parse_ip` and the date functions
//! with the code under test; those have example-based tests of their own.

use super::*;
use crate::api::wire;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;
use std::cmp::Ordering;

const KINDS: &[&str] = &[
    "browser",
    "mobile-app",
    "desktop-app",
    "tablet",
    "other",
    "",
    "weird",
];
const CLIENTS: &[&str] = &[
    "Chrome",
    "chrome",
    "Firefox",
    "",
    " Édge ",
    "ΣΟΦΊΑ",
    "RC Mobile",
    "a,b",
    "=x",
];
const VERSIONS: &[&str] = &["1.10", "1.9", "1.09", "", "2", "a1", "1.10a", "10"];
const OS_NAMES: &[&str] = &["Windows", "windows", "Mac OS", "", "iOS"];
const OS_VERSIONS: &[&str] = &["10", "9", "", "10.0", "x"];
const NAMES: &[&str] = &[
    "Ann",
    "ann",
    "Bob",
    "",
    "Σοφία",
    "Zoë",
    "ΌΣΟΣ",
    "İlker Ǆemal",
    "Straße ẞ ﬀ ı",
];
const USERNAMES: &[&str] = &["ann", "bob", "", "zed", "Bob"];
const USER_IDS: &[&str] = &["u1", "U1", "u2", ""];
const HOSTS: &[&str] = &["h", "H", "example.com", "", "Kiosk.Maſs"];
const IPS: &[&str] = &[
    "10.0.0.1",
    "10.0.0.10",
    "9.1.1.1",
    "::1",
    "::ffff:10.0.0.1",
    "bad",
    "Bad",
    "",
    "2001:db8::",
];
const LOGINS: &[&str] = &[
    "2023-05-24T00:25:54.234Z",
    "2023-05-24T00:25:54.235Z",
    "2023-05-23T23:59:00+01:00",
    "garbage",
    "",
    "2024-02-29T12:00:00Z",
    "1999-12-31T23:59:59.999Z",
];
const IDS: &[&str] = &["a1", "A1", "b2", "B2", "c3", "x", "y", "z", "q"];

fn opt(values: &'static [&'static str]) -> impl Strategy<Value = Option<String>> {
    proptest::option::weighted(0.9, select(values).prop_map(String::from))
}

fn session() -> impl Strategy<Value = wire::Session> {
    (
        (
            opt(KINDS),
            opt(CLIENTS),
            opt(VERSIONS),
            opt(OS_NAMES),
            opt(OS_VERSIONS),
        ),
        (
            opt(NAMES),
            opt(USERNAMES),
            opt(USER_IDS),
            opt(HOSTS),
            opt(IPS),
            opt(LOGINS),
        ),
        (select(IDS), any::<bool>(), any::<bool>()),
    )
        .prop_map(
            |(
                (kind, name, version, os_name, os_version),
                (n, un, uid, host, ip, login),
                (id, dev, usr),
            )| wire::Session {
                id: Some(id.to_owned()),
                session_id: Some(id.to_owned()),
                user_id: uid,
                device: dev.then_some(wire::Device {
                    kind,
                    name,
                    long_version: None,
                    os: Some(wire::Os {
                        name: os_name,
                        version: os_version,
                    }),
                    version,
                }),
                host,
                ip,
                login_at: login,
                current: None,
                user: usr.then_some(wire::User {
                    username: un,
                    name: n,
                }),
            },
        )
}

fn filters() -> impl Strategy<Value = Filters> {
    let set = |v: &'static [&'static str]| {
        proptest::collection::btree_set(select(v).prop_map(|s| s.trim().to_owned()), 0..3)
    };
    let bound = proptest::option::of(select(
        &[
            0i64,
            1_684_886_000_000,
            1_684_887_954_234,
            1_684_888_000_000,
            1_709_208_000_000,
        ][..],
    ));
    (
        proptest::collection::btree_set(select(&DeviceKind::ALL[..]), 0..3),
        set(CLIENTS),
        set(OS_NAMES),
        set(NAMES),
        set(USERNAMES),
        bound.clone(),
        bound,
    )
        .prop_map(
            |(kinds, clients, oses, names, usernames, from, to)| Filters {
                kinds,
                clients,
                oses,
                users: names.into_iter().chain(usernames).collect(),
                login_from: from,
                login_to: to,
                findings: Vec::new(),
            },
        )
}

fn query() -> impl Strategy<Value = Query> {
    let filters = prop_oneof![2 => Just(Filters::default()), 1 => filters()];
    let sort = proptest::collection::vec((select(&Column::ALL[..]), any::<bool>()), 0..4);
    (
        "[ch1.0 éÉσΣab,=:-]{0,3}",
        filters,
        sort,
        0usize..6,
        select(&PageSize::ALL[..]),
    )
        .prop_map(|(search, filters, sort, page, page_size)| {
            let mut q = Query {
                search,
                filters,
                page,
                page_size,
                ..Query::default()
            };
            q.set_sort(
                sort.into_iter()
                    .map(|(column, desc)| SortKey { column, desc })
                    .collect(),
            );
            q
        })
}

/// The reference's view of a wire row: trimmed strings and a parsed login.
struct RefRow {
    f: [String; 10],
    kind: DeviceKind,
    login: Option<i64>,
}

const CLIENT: usize = 0;
const VERSION: usize = 1;
const OS: usize = 2;
const OSV: usize = 3;
const NAME: usize = 4;
const USERNAME: usize = 5;
const ID: usize = 6;
const UID: usize = 7;
const IP: usize = 8;
const HOST: usize = 9;

fn reference_rows(rows: &[wire::Session]) -> Vec<RefRow> {
    let t = |s: &Option<String>| s.as_deref().unwrap_or("").trim().to_owned();
    rows.iter()
        .map(|s| {
            let d = s.device.clone().unwrap_or_default();
            let os = d.os.clone().unwrap_or_default();
            let u = s.user.clone().unwrap_or_default();
            RefRow {
                f: [
                    t(&d.name),
                    t(&d.version),
                    t(&os.name),
                    t(&os.version),
                    t(&u.name),
                    t(&u.username),
                    t(&s.id),
                    t(&s.user_id),
                    t(&s.ip),
                    t(&s.host),
                ],
                kind: DeviceKind::from_wire(&t(&d.kind)),
                login: parse_iso8601(&t(&s.login_at)),
            }
        })
        .collect()
}

fn lower(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

fn ref_text(r: &RefRow, tz: i32) -> String {
    let mut parts: Vec<String> =
        r.f.iter()
            .filter(|s| !s.is_empty())
            .map(|s| lower(s))
            .collect();
    parts.extend(r.login.map(|ms| format_login(ms, tz)));
    parts.join(" ")
}

fn display(r: &RefRow) -> &str {
    if r.f[NAME].is_empty() {
        &r.f[USERNAME]
    } else {
        &r.f[NAME]
    }
}

fn ref_passes(r: &RefRow, f: &Filters) -> bool {
    let users = f.users.is_empty()
        || f.users.contains(display(r))
        || (!r.f[USERNAME].is_empty() && f.users.contains(&r.f[USERNAME]));
    let dated = f.login_from.is_none() && f.login_to.is_none()
        || r.login.is_some_and(|ms| {
            f.login_from.is_none_or(|a| a <= ms) && f.login_to.is_none_or(|b| ms <= b)
        });
    (f.kinds.is_empty() || f.kinds.contains(&r.kind))
        && (f.clients.is_empty() || f.clients.contains(&r.f[CLIENT]))
        && (f.oses.is_empty() || f.oses.contains(&r.f[OS]))
        && users
        && dated
}

fn ci(a: &str, b: &str) -> Ordering {
    lower(a).cmp(&lower(b))
}

/// 0 present, 1 present but unusable (unparsable IP), 2 missing: classes 1 and 2 stay
/// last in both directions.
fn class(c: Column, r: &RefRow) -> u8 {
    let empty = match c {
        Column::Client => r.f[CLIENT].is_empty(),
        Column::Version => r.f[VERSION].is_empty(),
        Column::Os => r.f[OS].is_empty() && r.f[OSV].is_empty(),
        Column::User => display(r).is_empty(),
        Column::LastLogin => r.login.is_none(),
        Column::DeviceId => r.f[ID].is_empty(),
        Column::Ip => r.f[IP].is_empty(),
        Column::Host => r.f[HOST].is_empty(),
        Column::UserId => r.f[UID].is_empty(),
    };
    if empty {
        2
    } else if c == Column::Ip && parse_ip(&r.f[IP]).is_none() {
        1
    } else {
        0
    }
}

fn ref_cmp(k: SortKey, a: &RefRow, b: &RefRow) -> Ordering {
    let (ca, cb) = (class(k.column, a), class(k.column, b));
    if ca != cb || ca == 2 {
        return ca.cmp(&cb);
    }
    if ca == 1 {
        return ci(&a.f[IP], &b.f[IP]);
    }
    let empty_last = |x: &str, y: &str| x.is_empty().cmp(&y.is_empty());
    let ord = match k.column {
        Column::Client => ci(&a.f[CLIENT], &b.f[CLIENT]),
        Column::Version => cmp_version(&a.f[VERSION], &b.f[VERSION]),
        Column::Os => empty_last(&a.f[OS], &b.f[OS])
            .then_with(|| ci(&a.f[OS], &b.f[OS]))
            .then_with(|| empty_last(&a.f[OSV], &b.f[OSV]))
            .then_with(|| cmp_version(&a.f[OSV], &b.f[OSV])),
        Column::User => ci(display(a), display(b)).then_with(|| ci(&a.f[USERNAME], &b.f[USERNAME])),
        Column::LastLogin => a.login.cmp(&b.login),
        Column::DeviceId => ci(&a.f[ID], &b.f[ID]),
        Column::Ip => parse_ip(&a.f[IP]).cmp(&parse_ip(&b.f[IP])),
        Column::Host => ci(&a.f[HOST], &b.f[HOST]),
        Column::UserId => ci(&a.f[UID], &b.f[UID]),
    };
    if k.desc {
        ord.reverse()
    } else {
        ord
    }
}

/// The naive pipeline: (full ordered list, page rows, page, pages).
fn reference(
    rows: &[wire::Session],
    removed: &[String],
    q: &Query,
    tz: i32,
) -> (Vec<u32>, Vec<u32>, usize, usize) {
    let refs = reference_rows(rows);
    let needle = lower(&q.search);
    let mut idx: Vec<u32> = (0..refs.len() as u32)
        .filter(|&i| {
            let r = &refs[i as usize];
            !removed.contains(&r.f[ID])
                && ref_text(r, tz).contains(&needle)
                && ref_passes(r, &q.filters)
        })
        .collect();
    idx.sort_by(|&a, &b| {
        q.sort.iter().fold(Ordering::Equal, |acc, &k| {
            acc.then_with(|| ref_cmp(k, &refs[a as usize], &refs[b as usize]))
        })
    });
    let size = q.page_size.get();
    let pages = idx.len().div_ceil(size).max(1);
    let page = q.page.clamp(1, pages);
    let rows = idx
        .iter()
        .skip((page - 1) * size)
        .take(size)
        .copied()
        .collect();
    (idx, rows, page, pages)
}

fn check(
    p: &mut Pipeline,
    s: &Sessions,
    rows: &[wire::Session],
    removed: &[String],
    q: &Query,
) -> Result<(), TestCaseError> {
    let v = p
        .view(s, q)
        .map_err(|e| TestCaseError::fail(e.error.to_string()))?;
    let (all, page_rows, page, pages) = reference(rows, removed, q, s.tz_offset_minutes());
    prop_assert_eq!(p.ordered(), &all[..], "ordered list for {:?}", q);
    prop_assert_eq!(&v.rows, &page_rows);
    prop_assert_eq!((v.matched, v.page, v.pages), (all.len(), page, pages));
    prop_assert_eq!(
        v.total,
        rows.len()
            - rows
                .iter()
                .filter(|r| r.id.as_ref().is_some_and(|id| removed.contains(id)))
                .count()
    );
    Ok(())
}

#[derive(Debug, Clone)]
enum Step {
    Type(char),
    Backspace,
    Query(Query),
    Remove(&'static str),
    Sort(Column, bool),
    Page(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => select(&['c', 'h', '1', '.', 'a', ' ', 'É'][..]).prop_map(Step::Type),
        1 => Just(Step::Backspace),
        1 => query().prop_map(Step::Query),
        1 => select(IDS).prop_map(Step::Remove),
        2 => (select(&Column::ALL[..]), any::<bool>()).prop_map(|(c, a)| Step::Sort(c, a)),
        1 => (0usize..5).prop_map(Step::Page),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 384, ..ProptestConfig::default() })]

    #[test]
    fn one_view_matches_the_reference(
        rows in proptest::collection::vec(session(), 0..40),
        removed in proptest::collection::vec(select(IDS).prop_map(String::from), 0..3),
        q in query(),
        tz in select(&[-600, 0, 60, 330][..]),
    ) {
        let mut s = Sessions::from_wire(rows.clone(), tz);
        s.remove(&removed);
        check(&mut Pipeline::default(), &s, &rows, &removed, &q)?;
    }

    #[test]
    fn a_reused_pipeline_matches_the_reference_at_every_step(
        rows in proptest::collection::vec(session(), 0..40),
        steps in proptest::collection::vec(step(), 1..12),
    ) {
        let mut s = Sessions::from_wire(rows.clone(), 0);
        let mut p = Pipeline::default();
        let mut q = Query::default();
        let mut removed: Vec<String> = Vec::new();
        for st in steps {
            match st {
                Step::Type(c) => { let t = format!("{}{c}", q.search); q.set_search(&t) }
                Step::Backspace => { let mut t = q.search.clone(); t.pop(); q.set_search(&t) }
                Step::Query(new) => q = new,
                Step::Remove(id) => { s.remove(&[id]); removed.push(id.to_owned()) }
                Step::Sort(c, additive) => q.toggle_sort(c, additive),
                Step::Page(n) => q.set_page(n),
            }
            check(&mut p, &s, &rows, &removed, &q)?;
        }
    }

    #[test]
    fn the_joined_regex_scan_answers_like_each_row_alone(
        rows in proptest::collection::vec(session(), 0..30),
        pattern in proptest::collection::vec(select(&["c", "h", "1", r"\.", ".", r"\s", "[^z]", "^", "$", "*", "+", "?", "|", "(", ")", r"\A", r"\z", r"\b", "(?-m)", "(?-u:[^z])", "(?R)", "(?s).", r"\n", r"\B", r"(?-u:\B)", "0", " "][..]), 0..6),
    ) {
        let pattern = pattern.concat();
        let s = Sessions::from_wire(rows, 0);
        if let Ok(search) = Search::compile(&pattern, true) {
            let naive: Vec<u32> = s.live_indices().into_iter().filter(|&i| search.is_match(s.search_text(i))).collect();
            prop_assert_eq!(filter_rows(&s, &search, &Filters::default()), naive, "pattern {:?}", pattern);
        }
    }

    #[test]
    fn stripped_patterns_agree_with_case_insensitive_matching(
        rows in proptest::collection::vec(session(), 0..30),
        pattern in proptest::collection::vec(select(&["k", "s", "K", "S", "ms", "as", "aſ", r"\S", r"\x4b", r"\x73", "[a-z]", "[A-Z]", "[[:upper:]]", "(?-i)", "(?i)", r"\\", "e", "ſ", "m", "a", " ", "[^k]", ".", "σ", "Σ", "ς", "ö", "Ö", "ë", "İ", "i", "ǅ", "ǆ", "[Ά-Ω]", r"\w", "ß", "ẞ", "ı", "I", "ﬀ", "[^A]", r"\p{Lu}", "(?-u:K)"][..]), 1..5),
    ) {
        agrees_with_the_regex_crate(rows, &pattern.concat())?;
    }

    /// Unicode word boundaries run row by row: an ASCII-boundary DFA on rows that are all
    /// ASCII, word by word on the others (see `pattern::RowAnchored`). Against the regex crate.
    #[test]
    fn word_boundary_patterns_agree_with_the_regex_crate(
        rows in proptest::collection::vec(session(), 0..30),
        pattern in proptest::collection::vec(select(&[r"\b", r"\B", r"\b{start}", r"\b{end}", r"\b{start-half}", r"\b{end-half}", r"(?-u:\b)", r"\w", r"\w+", r"[a-z]+", r"\d", r"\d+", r"\.", "a", "o", "ö", "σ", "ς", "ï", "ë", "É", "ß", "1", " ", ".", ".*", "+", "?", "|", "(", ")", "^", "$", r"\S+", r"[^ ]"][..]), 1..7),
    ) {
        agrees_with_the_regex_crate(rows, &pattern.concat())?;
    }

    /// Patterns that cannot match a space ask each column's distinct values and the login's
    /// day and time (see `by_value.rs`), with rows removed and others filtered out. Against
    /// the regex crate on each row's whole text.
    #[test]
    fn value_by_value_patterns_agree_with_the_regex_crate(
        rows in proptest::collection::vec(session(), 0..30),
        pattern in proptest::collection::vec(select(&[r"\d", r"\d+", r"\.", "1", "0", ":", "-", "a", "o", "ö", "[a-z]+", r"\w", r"\S", r"(?-u:\b)", r"(?-u:\B)", "+", "?", "|", "(", ")", "{2}", r"[^ ]", "[0-9a-f]"][..]), 1..7),
        filters in prop_oneof![2 => Just(Filters::default()), 1 => filters()],
        remove in proptest::collection::vec(any::<proptest::sample::Index>(), 0..3),
    ) {
        let pattern = pattern.concat();
        let mut s = Sessions::from_wire(rows.clone(), 0);
        let ids: Vec<String> = remove.iter().filter_map(|i| rows.get(i.index(rows.len().max(1))).and_then(|r| r.id.clone())).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        s.remove(&ids);
        let reference = regex::bytes::RegexBuilder::new(&pattern).case_insensitive(true).multi_line(true).build();
        if let (Ok(search), Ok(re)) = (Search::compile(&pattern, true), reference) {
            let passing = filter_rows(&s, &Search::all(), &filters);
            let naive: Vec<u32> = passing.into_iter().filter(|&i| re.is_match(s.search_text(i).as_bytes())).collect();
            prop_assert_eq!(filter_rows(&s, &search, &filters), naive, "pattern {:?}", pattern);
        }
    }

    /// Small literal sets run as one substring search per literal (see
    /// `pattern::RowAnchored::literals`), the rows in ascending order with some skipped by the
    /// column filters. Against the regex crate.
    #[test]
    fn literal_set_patterns_agree_with_the_regex_crate(
        rows in proptest::collection::vec(session(), 0..30),
        words in proptest::collection::vec(select(&["chrome", "Ann", "mac os", "windows", "10.0", "1.1", "σοφία", "ΣΟΦΊΑ", "ß", "ss", "a", "b2", "[ab]", "1[09]", "x"][..]), 1..6),
        tail in select(&["", r"\d", r"\d+", "$", r"\b", r"\s*\S", "[^ ]*a", "(?-u:\\b)"][..]),
        head in select(&["", "^", r"\b", "(?:", "x?"][..]),
        filters in prop_oneof![2 => Just(Filters::default()), 1 => filters()],
    ) {
        // Bare, or with a head and a tail: then every match starts with a literal and a DFA
        // checks the rest of the row.
        let pattern = match head {
            "" => format!("{}{tail}", words.join("|")),
            "(?:" => format!("(?:{}){tail}", words.join("|")),
            _ => format!("{head}(?:{}){tail}", words.join("|")),
        };
        let s = Sessions::from_wire(rows.clone(), 0);
        let reference = regex::bytes::RegexBuilder::new(&pattern).case_insensitive(true).multi_line(true).build();
        if let (Ok(search), Ok(re)) = (Search::compile(&pattern, true), reference) {
            let passing: Vec<u32> = filter_rows(&s, &Search::all(), &filters);
            let naive: Vec<u32> = passing.into_iter().filter(|&i| re.is_match(s.search_text(i).as_bytes())).collect();
            prop_assert_eq!(filter_rows(&s, &search, &filters), naive, "pattern {:?}", pattern);
        }
    }

    #[test]
    fn queries_round_trip_through_the_url(q in query(), regex in any::<bool>(), search in "\\PC{0,8}") {
        let q = Query { regex, search, page: q.page.max(1), ..q };
        prop_assert_eq!(decode_query(&encode_query(&q)), q);
    }

    #[test]
    fn any_query_string_decodes_without_panic(s in "\\PC{0,40}") {
        let q = decode_query(&s);
        prop_assert!(q.page >= 1);
    }

    #[test]
    fn csv_cells_parse_back_to_the_value_with_the_guard(value in "\\PC{0,12}|[=+@\t\r\n\0\";,-]{1,4}[a\";=]{0,3}") {
        let mut out = String::new();
        export::push_csv_cell(&mut out, &value);
        let parsed = match out.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
            Some(inner) => {
                prop_assert!(!inner.replace("\"\"", "").contains('"'));
                inner.replace("\"\"", "\"")
            }
            None => {
                prop_assert!(!out.contains([',', ';', '"', '\t', '\r', '\n']));
                out.clone()
            }
        };
        // The guard only ever adds `'`s, and only where a formula character follows.
        prop_assert_eq!(parsed.replace('\'', ""), value.replace('\'', ""));
        prop_assert!(parsed.len() >= value.len());
        // A reader that ignores quotes and splits at any locale's separator or a line end
        // never sees a cell starting with a formula character.
        for f in out.split([',', ';', '\t', '\r', '\n']) {
            let f = f.trim_start_matches('"');
            prop_assert!(!f.starts_with(['=', '+', '-', '@', '\0']), "{:?} in {:?}", f, out);
        }
        let formula_first = value.trim_start_matches('"').starts_with(['=', '+', '-', '@', '\t', '\r', '\0']);
        prop_assert_eq!(parsed.trim_start_matches('"').starts_with('\''), formula_first || value.trim_start_matches('"').starts_with('\''));
    }
}

/// Regex search over these rows finds exactly the rows the `regex` crate matches,
/// case-insensitively, one row a line (both sides skip a pattern either refuses).
fn agrees_with_the_regex_crate(
    rows: Vec<wire::Session>,
    pattern: &str,
) -> Result<(), TestCaseError> {
    let s = Sessions::from_wire(rows, 0);
    let reference = regex::bytes::RegexBuilder::new(pattern)
        .case_insensitive(true)
        .multi_line(true)
        .build();
    if let (Ok(search), Ok(re)) = (Search::compile(pattern, true), reference) {
        let naive: Vec<u32> = s
            .live_indices()
            .into_iter()
            .filter(|&i| re.is_match(s.search_text(i).as_bytes()))
            .collect();
        prop_assert_eq!(
            filter_rows(&s, &search, &Filters::default()),
            naive,
            "pattern {:?}",
            pattern
        );
    }
    Ok(())
}
