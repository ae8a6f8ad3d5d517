//! The query in the URL's query string, so a view can be bookmarked and shared.
//!
//! Only the [`Query`] goes there, and it holds nothing secret. Decoding is forgiving: a
//! hand-edited or truncated link yields the defaults for what it gets wrong, never a panic.

use super::chip::Chip;
use super::findings::{Finding, FindingError};
use super::page::PageSize;
use super::session::Column;
use super::sort::SortKey;
use super::view::Query;

/// `q=chr&re=1&kind=browser&client=Chrome&sort=-login,client&page=2&size=50`, without
/// the `?`; defaults are left out, so the default query encodes as `""`.
pub fn encode_query(q: &Query) -> String {
    let mut out = String::new();
    let mut put = |key: &str, value: &str| {
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(key);
        out.push('=');
        percent_encode(value, &mut out);
    };
    if !q.search.is_empty() {
        put("q", &q.search);
    }
    if q.regex {
        put("re", "1");
    }
    for chip in q.filters.chips() {
        let (key, value) = chip.url();
        put(key, &value);
    }
    if !q.sort.is_empty() {
        let keys: Vec<String> = q
            .sort
            .iter()
            .map(|k| format!("{}{}", if k.desc { "-" } else { "" }, k.column.key()))
            .collect();
        put("sort", &keys.join(","));
    }
    if q.page > 1 {
        put("page", &q.page.to_string());
    }
    if q.page_size != PageSize::default() {
        put("size", &q.page_size.get().to_string());
    }
    out
}

/// Reads a query string (with or without `?`, or a whole `#`-free URL tail). Unknown keys
/// and bad values are ignored.
pub fn decode_query(s: &str) -> Query {
    let s = s.trim_start_matches('?');
    let mut q = Query::default();
    for pair in s.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let (k, v) = (percent_decode(k), percent_decode(v));
        match k.as_str() {
            "q" => q.search = v,
            "re" => q.regex = matches!(v.as_str(), "1" | "true" | "yes" | "on"),
            "sort" => {
                // `set_sort` dedups, but its page reset must not undo a `page` read earlier.
                let page = q.page;
                q.set_sort(decode_sort(&v));
                q.page = page;
            }
            "page" => q.page = v.trim().parse().ok().filter(|&p| p >= 1).unwrap_or(1),
            "size" => {
                q.page_size = v
                    .trim()
                    .parse()
                    .ok()
                    .and_then(PageSize::from_usize)
                    .unwrap_or_default()
            }
            key => {
                if let Some(chip) = Chip::from_url(key, &v) {
                    q.filters.insert(chip);
                }
            }
        }
    }
    q
}

/// Why each finding in a link was left out (a bad number, a value other than `1`): one
/// error per bad pair, for the page to say (in its language) instead of silently showing
/// every row.
pub fn finding_errors(s: &str) -> Vec<FindingError> {
    s.trim_start_matches('?')
        .split('&')
        .filter_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let k = percent_decode(k);
            Finding::is_url_key(&k)
                .then(|| Finding::from_url(&k, &percent_decode(v)).err())
                .flatten()
        })
        .collect()
}

fn decode_sort(v: &str) -> Vec<SortKey> {
    v.split(',')
        .filter_map(|item| {
            let item = item.trim();
            let (desc, key) = match item.strip_prefix('-') {
                Some(rest) => (true, rest),
                None => (false, item),
            };
            Column::from_key(key).map(|column| SortKey { column, desc })
        })
        .collect()
}

/// Everything but RFC 3986's unreserved characters becomes `%XX` of its UTF-8 bytes.
pub fn percent_encode(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

/// `%XX` to bytes and `+` to a space (form encoding, as browsers write it); a broken
/// escape stays literal and invalid UTF-8 becomes U+FFFD.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b'+' => out.push(b' '),
            b'%' => match (b.get(i + 1).and_then(hex), b.get(i + 2).and_then(hex)) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(c: &u8) -> Option<u8> {
    char::from(*c).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::DeviceKind;

    #[test]
    fn the_default_query_is_an_empty_string() {
        assert_eq!(encode_query(&Query::default()), "");
        assert_eq!(decode_query(""), Query::default());
        assert_eq!(decode_query("?"), Query::default());
    }

    #[test]
    fn a_full_query_round_trips() {
        let mut q = Query {
            search: "Müller & co = 100% \"ok\"?#+".into(),
            regex: true,
            page: 7,
            page_size: PageSize::S100,
            ..Query::default()
        };
        q.filters
            .kinds
            .extend([DeviceKind::MobileApp, DeviceKind::Other]);
        q.filters
            .clients
            .extend(["Chrome".to_owned(), "A,B&C".to_owned(), String::new()]);
        q.filters.oses.insert("Mac OS".into());
        q.filters.users.insert("σοφία".into());
        q.filters.login_from = Some(-5);
        q.filters.login_to = Some(1_700_000_000_000);
        q.sort = vec![
            SortKey::desc(Column::LastLogin),
            SortKey::asc(Column::UserId),
        ];
        let s = encode_query(&q);
        assert!(s.contains("sort=-login%2Cuserid"), "{s}");
        assert!(!s.contains(' ') && !s.contains('#'), "{s}");
        assert_eq!(decode_query(&s), q);
        assert_eq!(decode_query(&format!("?{s}")), q);
    }

    #[test]
    fn findings_round_trip_and_a_bad_value_is_explained() {
        let q = decode_query("stale=30&untrusted=1&many=5&dup=1&orphan=1&outdated=1");
        assert_eq!(q.filters.findings.len(), 6);
        assert_eq!(decode_query(&encode_query(&q)), q);
        assert!(finding_errors(&encode_query(&q)).is_empty());
        let q = decode_query("stale=0&many=%2B5&dup=yes&client=x&orphan");
        assert!(q.filters.findings.is_empty(), "{q:?}");
        let said: Vec<String> = finding_errors("stale=0&many=%2B5&dup=yes&client=x&orphan")
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            said,
            [
                "stale=0 is not valid: use a whole number from 1 to 36500.",
                "many=+5 is not valid: use a whole number from 1 to 1000000.",
                "dup=yes is not valid: use dup=1.",
                "orphan= is not valid: use orphan=1.",
            ]
        );
        for junk in [
            "stale=99999999999999999999",
            "stale=%",
            "many=-1",
            "stale=1e3",
        ] {
            assert!(decode_query(junk).filters.findings.is_empty(), "{junk}");
            assert_eq!(finding_errors(junk).len(), 1, "{junk}");
        }
    }

    #[test]
    fn decoding_ignores_what_it_does_not_understand() {
        let q = decode_query("page=4&sort=bogus,-client,client,ip&size=33&kind=laptop&kind=browser&re=maybe&x=1&from=soon&q=a+b%2");
        assert_eq!(q.page, 4, "a sort after the page does not reset it");
        assert_eq!(
            q.sort,
            [SortKey::desc(Column::Client), SortKey::asc(Column::Ip)]
        );
        assert_eq!(q.page_size, PageSize::S25);
        assert_eq!(
            q.filters.kinds.iter().copied().collect::<Vec<_>>(),
            [DeviceKind::Browser]
        );
        assert!(!q.regex);
        assert_eq!(q.filters.login_from, None);
        assert_eq!(q.search, "a b%2");
        assert_eq!(decode_query("page=0").page, 1);
        assert_eq!(decode_query("page=-3&size=250").page, 1);
        assert_eq!(decode_query("size=250").page_size, PageSize::S250);
        assert_eq!(decode_query("q=%FF%FEx").search, "\u{fffd}\u{fffd}x");
        assert_eq!(decode_query("q=%e2%9c%93").search, "✓");
        for junk in [
            "&&&",
            "=",
            "==&=",
            "%",
            "q=%",
            "q=%4",
            "sort=",
            "sort=-",
            "page=99999999999999999999999",
        ] {
            let _ = decode_query(junk);
        }
    }
}
