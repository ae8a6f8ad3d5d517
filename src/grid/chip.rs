//! The column filters as removable chips: each kind of filter says here how it is added,
//! removed, labelled and written in a link, so a new kind is one edit in this file.

use super::column::DeviceKind;
use super::filter::Filters;
use super::findings::Finding;
use super::time::{format_day, local_day};
use crate::i18n::Lang;
use crate::tr;

/// What an empty value (a row without a client, say) is called on screen.
pub fn none_text(lang: Lang) -> String {
    tr!(lang, NONE_VALUE)
}

/// One part of the filters in effect ("Client: Chrome ×"); also what a chart bar applies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chip {
    Kind(DeviceKind),
    Client(String),
    Os(String),
    User(String),
    /// The inclusive lower / upper login bound, epoch ms.
    From(i64),
    To(i64),
    /// A finding (stale, too many per user, …): one of each kind at a time.
    Finding(Finding),
}

fn shown(lang: Lang, v: &str) -> String {
    if v.is_empty() {
        none_text(lang)
    } else {
        v.to_owned()
    }
}

impl Chip {
    /// "Client: Chrome"; login bounds as local days at this offset from UTC.
    pub fn label(&self, lang: Lang, tz_offset_minutes: i32) -> String {
        let day = |ms: i64| format_day(local_day(ms, tz_offset_minutes));
        match self {
            Chip::Kind(k) => tr!(lang, CHIP_KIND, value = &lang.t(k.key_text())),
            Chip::Client(c) => tr!(lang, CHIP_CLIENT, value = &shown(lang, c)),
            Chip::Os(o) => tr!(lang, CHIP_OS, value = &shown(lang, o)),
            Chip::User(u) => tr!(lang, CHIP_USER, value = &shown(lang, u)),
            Chip::From(ms) => tr!(lang, CHIP_FROM, day = &day(*ms)),
            Chip::To(ms) => tr!(lang, CHIP_TO, day = &day(*ms)),
            Chip::Finding(f) => f.label(lang),
        }
    }

    /// The link's key and value (`client=Chrome`); see [`Chip::from_url`].
    pub fn url(&self) -> (&'static str, String) {
        match self {
            Chip::Kind(k) => ("kind", k.key().to_owned()),
            Chip::Client(c) => ("client", c.clone()),
            Chip::Os(o) => ("os", o.clone()),
            Chip::User(u) => ("user", u.clone()),
            Chip::From(ms) => ("from", ms.to_string()),
            Chip::To(ms) => ("to", ms.to_string()),
            Chip::Finding(f) => (f.url_key(), f.url_value()),
        }
    }

    /// `None` for a key that is not a filter's or a value that cannot be one (a finding's
    /// bad value is explained by [`Finding::from_url`]).
    pub fn from_url(key: &str, value: &str) -> Option<Chip> {
        Some(match key {
            "kind" => Chip::Kind(DeviceKind::from_key(value)?),
            "client" => Chip::Client(value.to_owned()),
            "os" => Chip::Os(value.to_owned()),
            "user" => Chip::User(value.to_owned()),
            "from" => Chip::From(value.trim().parse().ok()?),
            "to" => Chip::To(value.trim().parse().ok()?),
            k if Finding::is_url_key(k) => Chip::Finding(Finding::from_url(k, value).ok()?),
            _ => return None,
        })
    }

    /// Whether [`Chip::from_url`] reads this key (a bad value of it is then dropped).
    pub fn is_url_key(key: &str) -> bool {
        matches!(key, "kind" | "client" | "os" | "user" | "from" | "to") || Finding::is_url_key(key)
    }
}

impl Filters {
    /// Adds a chip's filter (a login bound replaces the one in effect).
    pub fn insert(&mut self, chip: Chip) {
        match chip {
            Chip::Kind(k) => {
                self.kinds.insert(k);
            }
            Chip::Client(c) => {
                self.clients.insert(c);
            }
            Chip::Os(o) => {
                self.oses.insert(o);
            }
            Chip::User(u) => {
                self.users.insert(u);
            }
            Chip::From(ms) => self.login_from = Some(ms),
            Chip::To(ms) => self.login_to = Some(ms),
            Chip::Finding(f) => {
                // One of each kind: a stale of other days replaces the one in effect.
                self.findings.retain(|g| g.url_key() != f.url_key());
                self.findings.push(f);
                self.findings.sort_by_key(Finding::order);
            }
        }
    }

    /// Takes a chip's filter away (a login bound goes whatever its value).
    pub fn remove(&mut self, chip: &Chip) {
        match chip {
            Chip::Kind(k) => {
                self.kinds.remove(k);
            }
            Chip::Client(c) => {
                self.clients.remove(c);
            }
            Chip::Os(o) => {
                self.oses.remove(o);
            }
            Chip::User(u) => {
                self.users.remove(u);
            }
            Chip::From(_) => self.login_from = None,
            Chip::To(_) => self.login_to = None,
            Chip::Finding(f) => self.findings.retain(|g| g.url_key() != f.url_key()),
        }
    }

    /// Every filter in effect, in a stable order: the chips, and what a link holds.
    pub fn chips(&self) -> Vec<Chip> {
        let mut out: Vec<Chip> = self.kinds.iter().map(|k| Chip::Kind(*k)).collect();
        out.extend(self.clients.iter().cloned().map(Chip::Client));
        out.extend(self.oses.iter().cloned().map(Chip::Os));
        out.extend(self.users.iter().cloned().map(Chip::User));
        out.extend(self.login_from.map(Chip::From));
        out.extend(self.login_to.map(Chip::To));
        out.extend(self.findings.iter().copied().map(Chip::Finding));
        out
    }

    /// How many filters are in effect (the toolbar's badge).
    pub fn count(&self) -> usize {
        self.kinds.len()
            + self.clients.len()
            + self.oses.len()
            + self.users.len()
            + usize::from(self.login_from.is_some())
            + usize::from(self.login_to.is_some())
            + self.findings.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::{day_bounds, parse_day};

    fn every_kind() -> Filters {
        let mut f = Filters::default();
        f.clients.insert("Chrome".into());
        f.clients.insert(String::new());
        f.kinds.insert(DeviceKind::MobileApp);
        f.oses.insert("iOS".into());
        f.users.insert("<b>ann</b>".into());
        let day = parse_day("2024-12-01").expect("day");
        let (from, to) = day_bounds(day, 120);
        f.login_from = Some(from);
        f.login_to = Some(to);
        f.insert(Chip::Finding(Finding::Orphaned));
        f.insert(Chip::Finding(Finding::Stale { days: 30 }));
        f
    }

    #[test]
    fn chips_name_each_filter_and_the_local_days() {
        let f = every_kind();
        let labels: Vec<String> = f.chips().iter().map(|c| c.label(Lang::En, 120)).collect();
        assert_eq!(
            labels,
            [
                "Device type: Mobile app",
                "Client: (none)",
                "Client: Chrome",
                "OS: iOS",
                "User: <b>ann</b>",
                "Logged in from: 2024-12-01",
                "Logged in to: 2024-12-01",
                "Stale: last login over 30 days ago",
                "Orphaned: the user is gone"
            ]
        );
        assert_eq!(f.count(), 9);
        assert!(Filters::default().chips().is_empty());
        assert_eq!(Filters::default().count(), 0);
    }

    #[test]
    fn chips_rebuild_the_filters_and_removing_each_empties_them() {
        let f = every_kind();
        let mut rebuilt = Filters::default();
        for chip in f.chips() {
            rebuilt.insert(chip);
        }
        assert_eq!(rebuilt, f);
        for chip in f.chips() {
            let (key, value) = chip.url();
            assert!(Chip::is_url_key(key));
            assert_eq!(
                Chip::from_url(key, &value),
                Some(chip.clone()),
                "{key}={value}"
            );
            rebuilt.remove(&chip);
        }
        assert!(rebuilt.is_empty());
    }

    #[test]
    fn bad_link_values_are_no_chip() {
        assert_eq!(Chip::from_url("kind", "laptop"), None);
        assert_eq!(Chip::from_url("from", "soon"), None);
        assert_eq!(Chip::from_url("q", "x"), None);
        assert!(!Chip::is_url_key("q"));
        assert_eq!(Chip::from_url("to", " 5 "), Some(Chip::To(5)));
        assert_eq!(Chip::from_url("stale", "0"), None);
        assert_eq!(Chip::from_url("dup", "yes"), None);
        assert!(Chip::is_url_key("untrusted"));
    }

    #[test]
    fn a_finding_of_the_same_kind_replaces_the_one_in_effect() {
        let mut f = Filters::default();
        f.insert(Chip::Finding(Finding::Untrusted));
        f.insert(Chip::Finding(Finding::Stale { days: 30 }));
        f.insert(Chip::Finding(Finding::Stale { days: 7 }));
        assert_eq!(
            f.findings,
            [Finding::Stale { days: 7 }, Finding::Untrusted],
            "one stale, in the panel's order"
        );
        f.remove(&Chip::Finding(Finding::Stale { days: 1 }));
        assert_eq!(f.findings, [Finding::Untrusted]);
    }
}
