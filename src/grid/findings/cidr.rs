//! Trusted networks: CIDR ranges with a label each, parsed from lines the admin types, the
//! label of the network an IP belongs to (the longest prefix wins), and the rows in none.
//!
//! Syntax, one range a line: `10.0.0.0/8 Office`, `2001:db8::/32 VPN`, or a bare address
//! for one host (`192.0.2.7 Gateway`, i.e. /32 or /128). The label is the rest of the line
//! (the range itself when there is none). Empty lines and lines starting with `#` are
//! skipped. A range with bits set after its prefix (`10.0.0.1/8`) is **rejected** with a
//! hint (`did you mean 10.0.0.0/8?`) rather than masked: it is usually a typo for a longer
//! prefix, and silently trusting a /8 instead of a /24 would trust too much.
//!
//! IPv4-mapped IPv6 is IPv4: `::ffff:10.1.2.3` in a row matches `10.0.0.0/8`, and a range
//! written as `::ffff:10.0.0.0/104` is `10.0.0.0/8`. `0.0.0.0/0` covers every IPv4 address
//! and `::/0` every IPv6 one; neither covers the other family. std's parsers are enough
//! here (the `ipnet` crate would add its own parser and types to the wasm for nothing).

use super::RowSet;
use crate::grid::session::{Field, Sessions};
use crate::grid::sort::parse_ip;
use crate::i18n::Lang;
use crate::tr;
use std::fmt;
use std::net::IpAddr;

/// The most ranges one list may hold, and the longest label.
pub const MAX_NETWORKS: usize = 1_000;
const MAX_LABEL: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Net {
    V4 { addr: u32, len: u8 },
    V6 { addr: u128, len: u8 },
}

fn mask4(len: u8) -> u32 {
    u32::MAX
        .checked_shl(32 - u32::from(len.min(32)))
        .unwrap_or(0)
}

fn mask6(len: u8) -> u128 {
    u128::MAX
        .checked_shl(128 - u32::from(len.min(128)))
        .unwrap_or(0)
}

impl Net {
    fn contains(self, ip: IpAddr) -> bool {
        match (self, ip) {
            (Net::V4 { addr, len }, IpAddr::V4(ip)) => u32::from(ip) & mask4(len) == addr,
            (Net::V6 { addr, len }, IpAddr::V6(ip)) => u128::from(ip) & mask6(len) == addr,
            _ => false,
        }
    }

    fn len(self) -> u8 {
        match self {
            Net::V4 { len, .. } | Net::V6 { len, .. } => len,
        }
    }
}

impl fmt::Display for Net {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Net::V4 { addr, len } => write!(f, "{}/{len}", std::net::Ipv4Addr::from(addr)),
            Net::V6 { addr, len } => write!(f, "{}/{len}", std::net::Ipv6Addr::from(addr)),
        }
    }
}

/// One trusted range and its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Network {
    net: Net,
    label: String,
}

impl Network {
    /// One line of the syntax in the module doc (not a comment nor empty).
    pub fn parse(line: &str) -> Result<Network, NetworkError> {
        let line = line.trim();
        let (range, label) = line
            .split_once(char::is_whitespace)
            .map_or((line, ""), |(r, l)| (r, l.trim()));
        let net = parse_range(range)?;
        if label.chars().count() > MAX_LABEL {
            return Err(NetworkError::LabelTooLong {
                net: net.to_string(),
            });
        }
        if label.chars().any(|c| c.is_control() && c != '\t') {
            return Err(NetworkError::Control {
                net: net.to_string(),
            });
        }
        Ok(Network {
            net,
            label: if label.is_empty() {
                net.to_string()
            } else {
                label.to_owned()
            },
        })
    }

    /// The range in canonical form, e.g. `10.0.0.0/8`.
    pub fn range(&self) -> String {
        self.net.to_string()
    }

    /// The admin's label, or the range when none was given.
    pub fn label(&self) -> &str {
        &self.label
    }

    pub fn prefix_len(&self) -> u8 {
        self.net.len()
    }

    /// Whether an address lies in this range (IPv4-mapped IPv6 counts as IPv4).
    pub fn contains(&self, ip: IpAddr) -> bool {
        self.net.contains(ip.to_canonical())
    }

    /// The line that parses back to this network.
    pub fn to_line(&self) -> String {
        let range = self.range();
        if self.label == range {
            range
        } else {
            format!("{range} {}", self.label)
        }
    }
}

fn parse_range(range: &str) -> Result<Net, NetworkError> {
    let (addr_text, len_text) = match range.split_once('/') {
        Some((a, l)) => (a, Some(l)),
        None => (range, None),
    };
    let addr: IpAddr = addr_text.parse().map_err(|_| NetworkError::NotRange {
        text: range.to_owned(),
    })?;
    let max = if addr.is_ipv4() { 32 } else { 128 };
    let len = match len_text {
        None => max,
        Some(l) => match l.parse::<u8>() {
            Ok(n) if !l.is_empty() && l.len() <= 3 && l.bytes().all(|b| b.is_ascii_digit()) => n,
            _ => {
                return Err(NetworkError::NotPrefix {
                    prefix: format!("/{l}"),
                })
            }
        },
    };
    if len > max {
        return Err(NetworkError::PrefixTooLong {
            text: range.to_owned(),
            v6: max == 128,
        });
    }
    let net = match addr {
        IpAddr::V4(a) => Net::V4 {
            addr: u32::from(a) & mask4(len),
            len,
        },
        IpAddr::V6(a) => match a.to_ipv4_mapped() {
            // `::ffff:10.0.0.0/104` is `10.0.0.0/8`: rows show mapped addresses as IPv4.
            Some(v4) if len >= 96 => Net::V4 {
                addr: u32::from(v4) & mask4(len - 96),
                len: len - 96,
            },
            _ => Net::V6 {
                addr: u128::from(a) & mask6(len),
                len,
            },
        },
    };
    let exact = match (net, addr) {
        (Net::V4 { addr: n, .. }, IpAddr::V4(a)) => n == u32::from(a),
        (Net::V4 { addr: n, .. }, IpAddr::V6(a)) => {
            a.to_ipv4_mapped().is_some_and(|v4| n == u32::from(v4))
        }
        (Net::V6 { addr: n, .. }, IpAddr::V6(a)) => n == u128::from(a),
        (Net::V6 { .. }, IpAddr::V4(_)) => false,
    };
    if !exact {
        let fixed = match (net, addr) {
            (Net::V4 { addr: n, len }, IpAddr::V6(_)) => {
                format!(
                    "{}/{}",
                    std::net::Ipv4Addr::from(n).to_ipv6_mapped(),
                    len + 96
                )
            }
            _ => net.to_string(),
        };
        return Err(NetworkError::HostBits {
            text: range.to_owned(),
            fixed,
        });
    }
    Ok(net)
}

/// Why a line is not a trusted network, with the offending text as data: said in the
/// admin's language by [`NetworkError::say`], in English by `Display` (console, options
/// warnings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetworkError {
    /// The label after the range `net` is longer than `MAX_LABEL` (100) characters.
    LabelTooLong { net: String },
    /// The label after the range `net` holds a control character.
    Control { net: String },
    /// `text` is not an address nor a range.
    NotRange { text: String },
    /// `prefix` (with its `/`) is not a prefix length.
    NotPrefix { prefix: String },
    /// The range `text` has a longer prefix than its family has bits.
    PrefixTooLong { text: String, v6: bool },
    /// The range `text` has bits set after its prefix; `fixed` is the range it likely meant.
    HostBits { text: String, fixed: String },
    /// The list already holds [`MAX_NETWORKS`] ranges.
    TooMany,
}

impl NetworkError {
    /// The sentence for the admin, in `lang`. Numbers are written as plain digits (`/32`,
    /// `1000`), as before the catalogues: formatting the limits per language cost 176 bytes
    /// brotli and changed nothing shown (all below 1,000 but this list's, and Chromium
    /// writes Arabic with Latin digits).
    pub fn say(&self, lang: Lang) -> String {
        match self {
            NetworkError::LabelTooLong { net } => {
                let max = MAX_LABEL.to_string();
                tr!(lang, FD_NET_LABEL_TOO_LONG, net = net, max = &max)
            }
            NetworkError::Control { net } => tr!(lang, FD_NET_LABEL_CONTROL, net = net),
            NetworkError::NotRange { text } => tr!(lang, FD_NET_NOT_RANGE, text = text),
            NetworkError::NotPrefix { prefix } => tr!(lang, FD_NET_NOT_PREFIX, prefix = prefix),
            NetworkError::PrefixTooLong { text, v6 } => {
                let (family, max) = if *v6 {
                    ("IPv6", "/128")
                } else {
                    ("IPv4", "/32")
                };
                tr!(
                    lang,
                    FD_NET_PREFIX_TOO_LONG,
                    text = text,
                    family = family,
                    max = max
                )
            }
            NetworkError::HostBits { text, fixed } => {
                tr!(lang, FD_NET_HOST_BITS, text = text, fixed = fixed)
            }
            NetworkError::TooMany => {
                tr!(lang, FD_NET_TOO_MANY, max = &MAX_NETWORKS.to_string())
            }
        }
    }
}

impl fmt::Display for NetworkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl std::error::Error for NetworkError {}

/// A bad line of a list the admin typed (networks, or minimum versions with
/// [`super::VersionError`]): its number (from 1) and what is wrong. The form shows the line
/// number as its own label beside [`LineError::error`]'s sentence; `Display` is English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError<E = NetworkError> {
    pub line: usize,
    pub error: E,
}

impl<E: fmt::Display> fmt::Display for LineError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Line {}: {}", self.line, self.error)
    }
}

/// The trusted networks, as entered, with an index for longest-prefix lookups: per prefix
/// length (longest first) a sorted list of ranges, so a lookup is at most one binary search
/// per length in use, whatever the number of ranges.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Networks {
    list: Vec<Network>,
    /// (prefix length, sorted (masked address, index into `list`)), longest prefix first.
    v4: Vec<(u8, Vec<(u32, u32)>)>,
    v6: Vec<(u8, Vec<(u128, u32)>)>,
}

impl Networks {
    /// Parses a list; good lines are kept and each bad one is reported, so an editor can
    /// show the errors inline while the rest keeps working.
    pub fn parse(text: &str) -> (Networks, Vec<LineError>) {
        let mut list = Vec::new();
        let mut errors = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let result = if list.len() >= MAX_NETWORKS {
                Err(NetworkError::TooMany)
            } else {
                Network::parse(line)
            };
            match result {
                Ok(net) => list.push(net),
                Err(error) => errors.push(LineError { line: n + 1, error }),
            }
        }
        (Networks::from_list(list), errors)
    }

    /// A list from networks already parsed (at most [`MAX_NETWORKS`] are kept).
    pub fn from_list(mut list: Vec<Network>) -> Networks {
        list.truncate(MAX_NETWORKS);
        let mut v4: Vec<(u8, Vec<(u32, u32)>)> = Vec::new();
        let mut v6: Vec<(u8, Vec<(u128, u32)>)> = Vec::new();
        for (k, n) in list.iter().enumerate() {
            match n.net {
                Net::V4 { addr, len } => push_at(&mut v4, len, (addr, k as u32)),
                Net::V6 { addr, len } => push_at(&mut v6, len, (addr, k as u32)),
            }
        }
        // Longest prefix first; within a length by address, then the first entered.
        v4.sort_unstable_by_key(|g| std::cmp::Reverse(g.0));
        v6.sort_unstable_by_key(|g| std::cmp::Reverse(g.0));
        v4.iter_mut().for_each(|(_, v)| v.sort_unstable());
        v6.iter_mut().for_each(|(_, v)| v.sort_unstable());
        Networks { list, v4, v6 }
    }

    /// The networks in the order entered.
    pub fn list(&self) -> &[Network] {
        &self.list
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// One line per network, parsing back to the same list.
    pub fn to_text(&self) -> String {
        self.list.iter().map(|n| n.to_line() + "\n").collect()
    }

    /// The most specific network holding `ip` (IPv4-mapped IPv6 as IPv4).
    pub fn lookup(&self, ip: IpAddr) -> Option<&Network> {
        let k = match ip.to_canonical() {
            IpAddr::V4(a) => {
                let a = u32::from(a);
                self.v4
                    .iter()
                    .find_map(|(len, v)| first_at(v, a & mask4(*len)))
            }
            IpAddr::V6(a) => {
                let a = u128::from(a);
                self.v6
                    .iter()
                    .find_map(|(len, v)| first_at(v, a & mask6(*len)))
            }
        }?;
        self.list.get(k as usize)
    }

    /// The label of the network a row's IP text lies in, read as the IP column reads it
    /// (the first of a forwarded-for list, brackets dropped); `None` for no network or no
    /// address.
    pub fn label_of(&self, ip: &str) -> Option<&str> {
        self.lookup(read_ip(ip)?).map(Network::label)
    }

    /// Live rows whose IP lies in no trusted network, including rows without a readable
    /// IP (nothing shows they are inside). Nothing at all while no network is set: the
    /// finding is off until the admin names one.
    pub fn untrusted(&self, sessions: &Sessions) -> RowSet {
        let mut set = RowSet::with_slots(sessions.slots());
        if self.is_empty() {
            return set;
        }
        // Per IP value, in one sequential pass over the distinct texts: in a network or not.
        let ips = &sessions.pools[Field::Ip as usize];
        let inside: Vec<bool> = (0..ips.len() as u32)
            .map(|sym| read_ip(ips.get(sym)).is_some_and(|ip| self.lookup(ip).is_some()))
            .collect();
        for (i, r) in sessions.rows.iter().enumerate() {
            let out = !inside
                .get(r.sym(Field::Ip) as usize)
                .copied()
                .unwrap_or(false);
            if out && sessions.is_live(i as u32) {
                set.insert(i as u32);
            }
        }
        set
    }
}

/// [`parse_ip`] with a fast path for the common plain dotted quad: std's parser tries
/// IPv4 and then IPv6 through a general reader, which was most of this finding's time at
/// 100,000 distinct addresses. The fast path answers only for four parts of 1 to 3 digits,
/// each at most 255 with no leading zero, and nothing else — exactly the texts std reads as
/// IPv4 — and hands anything else to `parse_ip`.
pub(crate) fn read_ip(text: &str) -> Option<IpAddr> {
    if text.contains(':') {
        return read_v6(text).map_or_else(
            || parse_ip(text),
            |a| Some(IpAddr::V6(a.into()).to_canonical()),
        );
    }
    let (mut addr, mut part, mut digits, mut dots) = (0u32, 0u32, 0u32, 0u32);
    for &c in text.as_bytes() {
        match c {
            b'0'..=b'9' if digits < 3 && !(digits == 1 && part == 0) => {
                part = part * 10 + u32::from(c - b'0');
                digits += 1;
            }
            b'.' if digits > 0 && part <= 255 && dots < 3 => {
                addr = addr << 8 | part;
                (part, digits, dots) = (0, 0, dots + 1);
            }
            _ => return parse_ip(text),
        }
    }
    if dots == 3 && digits > 0 && part <= 255 {
        Some(IpAddr::V4((addr << 8 | part).into()))
    } else {
        parse_ip(text)
    }
}

/// Plain IPv6 text (hex groups of 1 to 4 digits, at most one `::` standing for at least
/// one group, no embedded IPv4, no brackets or zone): its value, as std reads it. `None`
/// for anything else, which the caller hands to `parse_ip` — so only a text std agrees on
/// is ever answered here.
fn read_v6(text: &str) -> Option<u128> {
    fn groups(part: &str, out: &mut Vec<u16>) -> Option<()> {
        if part.is_empty() {
            return Some(());
        }
        for g in part.split(':') {
            if g.is_empty() || g.len() > 4 || !g.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            out.push(u16::from_str_radix(g, 16).ok()?);
        }
        Some(())
    }
    let (mut head, mut tail) = (Vec::with_capacity(8), Vec::with_capacity(8));
    let filled = match text.split_once("::") {
        Some((h, t)) => {
            if t.contains("::") {
                return None;
            }
            groups(h, &mut head)?;
            groups(t, &mut tail)?;
            head.len() + tail.len() <= 7
        }
        None => {
            groups(text, &mut head)?;
            head.len() == 8
        }
    };
    if !filled {
        return None;
    }
    let zeros = 8 - head.len() - tail.len();
    let all = head
        .iter()
        .chain(std::iter::repeat_n(&0, zeros))
        .chain(&tail);
    Some(all.fold(0u128, |a, &g| a << 16 | u128::from(g)))
}

fn push_at<T>(groups: &mut Vec<(u8, Vec<T>)>, len: u8, item: T) {
    match groups.iter_mut().find(|(l, _)| *l == len) {
        Some((_, v)) => v.push(item),
        None => groups.push((len, vec![item])),
    }
}

/// The first-entered network with exactly this masked address, in a sorted list.
fn first_at<A: Ord + Copy>(v: &[(A, u32)], addr: A) -> Option<u32> {
    let at = v.partition_point(|&(a, _)| a < addr);
    v.get(at).filter(|&&(a, _)| a == addr).map(|&(_, k)| k)
}
