//! The admin's findings settings, and their small JSON file (export and import).
//!
//! ```json
//! { "staleDays": 90, "maxPerUser": 10,
//!   "minVersions": { "desktop-app": "4.0.0", "mobile-app": "4.44.0", "Chrome": "120" },
//!   "trustedNetworks": ["10.0.0.0/8 Office", "2001:db8::/32 VPN"] }
//! ```
//! Every key is optional (a missing one takes its default); an unknown key, a wrong type,
//! a number out of range, a bad version or a bad network line rejects the whole file with
//! one sentence, so a half-read file never applies. Nothing in it is secret: it holds no
//! server, no user and no token, and an unknown key (say `authToken`) is refused.

use super::cidr::{Network, NetworkError, Networks};
use super::outdated::{MinVersions, VersionError};
use super::{
    Finding, DEFAULT_MAX_PER_USER, DEFAULT_STALE_DAYS, MAX_PER_USER_LIMIT, MAX_STALE_DAYS,
};
use crate::i18n::Lang;
use crate::tr;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Files larger than this are not settings files.
const MAX_FILE_BYTES: usize = 256 * 1024;

/// What the findings are computed with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Stale: last login more than this many days ago (1 to 36,500).
    pub stale_days: u32,
    /// Too many per user: more sessions than this (1 to 1,000,000).
    pub max_per_user: u32,
    pub min_versions: MinVersions,
    pub networks: Networks,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            stale_days: DEFAULT_STALE_DAYS,
            max_per_user: DEFAULT_MAX_PER_USER,
            min_versions: MinVersions::default(),
            networks: Networks::default(),
        }
    }
}

/// Why a settings file was refused, with the offending part as data: said in the admin's
/// language by [`SettingsError::say`], in English by `Display` (console, options warnings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsError {
    /// Over 256 KB (`MAX_FILE_BYTES`).
    TooLarge,
    /// Not a JSON object at all.
    NotObject,
    /// The JSON parser's own explanation (English: it is serde's text).
    NotSettings { detail: String },
    /// `staleDays` or `maxPerUser` out of 1..=`max`.
    BadNumber {
        key: &'static str,
        value: u64,
        max: u32,
    },
    /// A bad `minVersions` entry.
    MinVersion(VersionError),
    /// Two `minVersions` names that differ only in case.
    SameClientTwice,
    /// A `trustedNetworks` entry holding a line break.
    OnePerEntry,
    /// A bad `trustedNetworks` entry (numbered from 1).
    Network { entry: usize, error: NetworkError },
}

impl SettingsError {
    /// The sentence for the admin, in `lang`.
    pub fn say(&self, lang: Lang) -> String {
        match self {
            SettingsError::TooLarge => {
                let kb = (MAX_FILE_BYTES / 1024).to_string();
                tr!(lang, FD_FILE_TOO_LARGE, kb = &kb)
            }
            SettingsError::NotObject => tr!(lang, FD_FILE_NOT_OBJECT),
            SettingsError::NotSettings { detail } => {
                tr!(lang, FD_FILE_NOT_SETTINGS, detail = detail)
            }
            SettingsError::BadNumber { key, value, max } => tr!(
                lang,
                FD_FILE_BAD_NUMBER,
                key = *key,
                value = &value.to_string(),
                max = &max.to_string()
            ),
            SettingsError::MinVersion(e) => tr!(lang, FD_FILE_MIN_VERSION, why = &e.say(lang)),
            SettingsError::SameClientTwice => tr!(lang, FD_FILE_SAME_CLIENT),
            SettingsError::OnePerEntry => tr!(lang, FD_FILE_ONE_PER_ENTRY),
            SettingsError::Network { entry, error } => tr!(
                lang,
                FD_FILE_NETWORK,
                entry = &entry.to_string(),
                why = &error.say(lang)
            ),
        }
    }
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl std::error::Error for SettingsError {}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct File {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    stale_days: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max_per_user: Option<u64>,
    #[serde(default)]
    min_versions: BTreeMap<String, String>,
    #[serde(default)]
    trusted_networks: Vec<String>,
}

impl Settings {
    /// The six findings as the panel lists them, with these settings' numbers.
    pub fn findings(&self) -> [Finding; 6] {
        [
            Finding::Stale {
                days: self.stale_days,
            },
            Finding::TooMany {
                max: self.max_per_user,
            },
            Finding::Duplicates,
            Finding::Orphaned,
            Finding::Outdated,
            Finding::Untrusted,
        ]
    }

    /// The settings file, pretty-printed.
    pub fn to_json(&self) -> String {
        let file = File {
            stale_days: Some(u64::from(self.stale_days)),
            max_per_user: Some(u64::from(self.max_per_user)),
            min_versions: self
                .min_versions
                .rules()
                .iter()
                .map(|r| (r.client.clone(), r.version.clone()))
                .collect(),
            trusted_networks: self.networks.list().iter().map(Network::to_line).collect(),
        };
        // A struct of strings and numbers always serialises; the fallback is never used.
        serde_json::to_string_pretty(&file).unwrap_or_else(|_| "{}".to_owned())
    }

    /// Reads a settings file; see the module doc for what is refused.
    pub fn from_json(text: &str) -> Result<Settings, SettingsError> {
        if text.len() > MAX_FILE_BYTES {
            return Err(SettingsError::TooLarge);
        }
        if !text.trim_start().starts_with('{') {
            return Err(SettingsError::NotObject);
        }
        let file: File = serde_json::from_str(text).map_err(|e| SettingsError::NotSettings {
            detail: e.to_string(),
        })?;
        let number = |v: Option<u64>, key: &'static str, default: u32, max: u32| match v {
            None => Ok(default),
            Some(n) if (1..=u64::from(max)).contains(&n) => Ok(n as u32),
            Some(value) => Err(SettingsError::BadNumber { key, value, max }),
        };
        let stale_days = number(
            file.stale_days,
            "staleDays",
            DEFAULT_STALE_DAYS,
            MAX_STALE_DAYS,
        )?;
        let max_per_user = number(
            file.max_per_user,
            "maxPerUser",
            DEFAULT_MAX_PER_USER,
            MAX_PER_USER_LIMIT,
        )?;
        let mut min_versions = MinVersions::default();
        for (client, version) in &file.min_versions {
            min_versions
                .set(client, version)
                .map_err(SettingsError::MinVersion)?;
        }
        if min_versions.rules().len() != file.min_versions.len() {
            return Err(SettingsError::SameClientTwice);
        }
        if file
            .trusted_networks
            .iter()
            .any(|l| l.contains(['\n', '\r']))
        {
            return Err(SettingsError::OnePerEntry);
        }
        // One entry per line, so a line number is the entry's number. More than
        // MAX_NETWORKS entries is an error of the first one past it.
        let (networks, errors) = Networks::parse(&file.trusted_networks.join("\n"));
        if let Some(e) = errors.into_iter().next() {
            return Err(SettingsError::Network {
                entry: e.line,
                error: e.error,
            });
        }
        Ok(Settings {
            stale_days,
            max_per_user,
            min_versions,
            networks,
        })
    }
}
