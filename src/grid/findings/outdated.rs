//! Outdated clients: a minimum version per client, compared as the Version column sorts.
//!
//! A rule names `desktop-app` (every Desktop app row), `mobile-app` (every Mobile app row)
//! or a client name as the Client column shows it (`Chrome`, `Firefox`, `Mobile Safari`;
//! case-insensitive), which applies to every other row of that name. A row is outdated
//! when its version sorts below the rule's minimum under `cmp_version` (numeric part by
//! part: `113.0.9` < `113.0.10`); a row without a version is not judged.

use super::{LineError, RowSet};
use crate::grid::column::DeviceKind;
use crate::grid::session::{Field, Sessions};
use crate::grid::text::{cmp_version, fold};
use crate::i18n::Lang;
use crate::tr;
use std::cmp::Ordering;
use std::fmt;

/// The most rules a settings file may hold, and the longest name or version.
pub const MAX_RULES: usize = 64;
const MAX_TEXT: usize = 64;

/// Why a minimum version was refused, with the offending text as data: said in the admin's
/// language by [`VersionError::say`], in English by `Display`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionError {
    /// No client name before the version.
    NoClient,
    /// `client` is too long or holds a control character.
    BadName { client: String },
    /// `version` does not start with a digit, is too long or holds a space or control.
    BadVersion { version: String, client: String },
    /// [`MAX_RULES`] clients already have a minimum.
    TooMany,
}

impl VersionError {
    /// The sentence for the admin, in `lang` (limits as plain digits, see `NetworkError::say`).
    pub fn say(&self, lang: Lang) -> String {
        match self {
            VersionError::NoClient => tr!(lang, FD_VER_NO_CLIENT),
            VersionError::BadName { client } => {
                let max = MAX_TEXT.to_string();
                tr!(lang, FD_VER_BAD_NAME, client = client, max = &max)
            }
            VersionError::BadVersion { version, client } => {
                tr!(lang, FD_VER_BAD_VERSION, version = version, client = client)
            }
            VersionError::TooMany => tr!(lang, FD_VER_TOO_MANY, max = &MAX_RULES.to_string()),
        }
    }
}

impl fmt::Display for VersionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl std::error::Error for VersionError {}

/// One minimum: which client, and the lowest version that is not outdated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientRule {
    /// `desktop-app`, `mobile-app` or a client name, as the admin wrote it (trimmed).
    pub client: String,
    pub version: String,
}

/// Minimum versions per client; empty means the finding is off.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MinVersions {
    rules: Vec<ClientRule>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Target {
    Desktop,
    Mobile,
    /// A folded client name.
    Named(String),
}

fn target(client: &str) -> Target {
    match client.trim().to_ascii_lowercase().as_str() {
        "desktop-app" => Target::Desktop,
        "mobile-app" => Target::Mobile,
        _ => Target::Named(fold(client.trim())),
    }
}

impl MinVersions {
    /// The rules: desktop app, mobile app, then clients by name.
    pub fn rules(&self) -> &[ClientRule] {
        &self.rules
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Sets (or replaces) the minimum for a client; a bad name or version is explained.
    pub fn set(&mut self, client: &str, version: &str) -> Result<(), VersionError> {
        let (client, version) = (client.trim(), version.trim());
        if client.is_empty() {
            return Err(VersionError::NoClient);
        }
        if client.chars().count() > MAX_TEXT || client.chars().any(char::is_control) {
            return Err(VersionError::BadName {
                client: client.to_owned(),
            });
        }
        if !version.starts_with(|c: char| c.is_ascii_digit())
            || version.chars().count() > MAX_TEXT
            || version.chars().any(|c| c.is_control() || c.is_whitespace())
        {
            return Err(VersionError::BadVersion {
                version: version.to_owned(),
                client: client.to_owned(),
            });
        }
        let t = target(client);
        let full = self.rules.len() >= MAX_RULES;
        match self.rules.iter_mut().find(|r| target(&r.client) == t) {
            Some(r) => r.version = version.to_owned(),
            None if full => return Err(VersionError::TooMany),
            None => {
                self.rules.push(ClientRule {
                    client: client.to_owned(),
                    version: version.to_owned(),
                });
                // One order whatever the order of setting: desktop, mobile, then by name.
                self.rules.sort_by_cached_key(|r| target(&r.client));
            }
        }
        Ok(())
    }

    /// Reads the panel's text, one `client version` per line (the version is the last word,
    /// so a client name may hold spaces); blank lines are skipped. Each bad line is explained
    /// with its 1-based number.
    pub fn parse_lines(text: &str) -> (MinVersions, Vec<LineError<VersionError>>) {
        let mut out = MinVersions::default();
        let mut errors = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let (client, version) = line.rsplit_once(char::is_whitespace).unwrap_or(("", line));
            if let Err(error) = out.set(client, version) {
                errors.push(LineError { line: i + 1, error });
            }
        }
        (out, errors)
    }

    /// The rules as [`MinVersions::parse_lines`] reads them.
    pub fn to_text(&self) -> String {
        let lines: Vec<String> = self
            .rules
            .iter()
            .map(|r| format!("{} {}", r.client, r.version))
            .collect();
        lines.join("\n")
    }

    /// Drops the minimum for a client; false when there was none.
    pub fn remove(&mut self, client: &str) -> bool {
        let t = target(client);
        let before = self.rules.len();
        self.rules.retain(|r| target(&r.client) != t);
        self.rules.len() != before
    }

    /// The minimum that applies to a row of this kind and client name, if any.
    pub fn minimum_for(&self, kind: DeviceKind, client: &str) -> Option<&str> {
        let want = match kind {
            DeviceKind::DesktopApp => Target::Desktop,
            DeviceKind::MobileApp => Target::Mobile,
            _ => Target::Named(fold(client.trim())),
        };
        self.rules
            .iter()
            .find(|r| target(&r.client) == want)
            .map(|r| r.version.as_str())
    }
}

/// Live rows whose version is below the minimum set for their client.
pub fn outdated(sessions: &Sessions, min: &MinVersions) -> RowSet {
    let mut set = RowSet::with_slots(sessions.slots());
    if min.is_empty() {
        return set;
    }
    let targets: Vec<Target> = min.rules.iter().map(|r| target(&r.client)).collect();
    let find = |t: &Target| {
        targets
            .iter()
            .position(|x| x == t)
            .map_or(0, |p| p as u32 + 1)
    };
    let (desktop, mobile) = (find(&Target::Desktop), find(&Target::Mobile));
    // Rule (+1, 0 for none) per client name, folded once per distinct name.
    let clients = &sessions.pools[Field::Client as usize];
    let named = targets.iter().any(|t| matches!(t, Target::Named(_)));
    let by_client: Vec<u32> = if named {
        (0..clients.len() as u32)
            .map(|s| find(&Target::Named(fold(clients.get(s)))))
            .collect()
    } else {
        Vec::new()
    };
    // Verdict per version symbol for the last rule asked: `rule << 1 | below`, 0 unknown.
    // One slot per version (not per rule and version): a version nearly always belongs to
    // one client, and a miss only costs a comparison.
    let versions = &sessions.pools[Field::Version as usize];
    let mut verdict = vec![0u32; versions.len()];
    for (i, r) in sessions.rows.iter().enumerate() {
        let v = r.sym(Field::Version);
        if v == 0 || !sessions.is_live(i as u32) {
            continue;
        }
        let rule = match r.kind {
            DeviceKind::DesktopApp => desktop,
            DeviceKind::MobileApp => mobile,
            _ => by_client
                .get(r.sym(Field::Client) as usize)
                .copied()
                .unwrap_or(0),
        };
        if rule == 0 {
            continue;
        }
        let Some(slot) = verdict.get_mut(v as usize) else {
            continue;
        };
        if *slot >> 1 != rule {
            let minimum = min
                .rules
                .get(rule as usize - 1)
                .map_or("", |r| r.version.as_str());
            let below = cmp_version(versions.get(v), minimum) == Ordering::Less;
            *slot = (rule << 1) | u32::from(below);
        }
        if *slot & 1 == 1 {
            set.insert(i as u32);
        }
    }
    set
}
