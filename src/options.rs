//! Widget options as a host page passes them: validated one by one, so a mistyped option is
//! named in a warning and falls back to its default instead of blanking the widget.

use crate::grid::findings::Settings;
use serde_json::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    #[default]
    Auto,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// The column keys a host may list in `columns`, in the default order.
pub const COLUMN_KEYS: [&str; 9] = [
    "client", "version", "os", "user", "login", "id", "ip", "host", "userid",
];
/// The columns shown when the host does not choose (Rocket.Chat's own set).
pub const DEFAULT_COLUMNS: [&str; 7] = ["client", "version", "os", "user", "login", "id", "ip"];
pub const PAGE_SIZES: [usize; 4] = [25, 50, 100, 250];

/// Everything a host can set. Secrets passed here stay in memory only.
#[derive(Clone, PartialEq)]
pub struct Options {
    pub server_url: String,
    pub user_id: String,
    pub auth_token: String,
    pub page_size: usize,
    pub columns: Vec<String>,
    pub theme: Theme,
    pub locale: Option<String>,
    /// The language to speak (`de`, `ar-EG`); `None`: the page's, else the browser's.
    pub lang: Option<String>,
    /// 0 = off.
    pub auto_refresh_seconds: u32,
    pub read_only: bool,
    /// Mirror the view in the page URL; off when embedded unless the host opts in.
    pub url_state: bool,
    /// The Findings panel's settings (`findings`, the settings file's shape; attributes
    /// `stale-days`, `max-per-user`, `min-versions`, `trusted-networks`). Nothing secret.
    pub findings: Option<Settings>,
}

impl std::fmt::Debug for Options {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.debug_struct("Options")
            .field("server_url", &self.server_url)
            .field("user_id", &self.user_id)
            .field(
                "auth_token",
                &if self.auth_token.is_empty() {
                    ""
                } else {
                    "<redacted>"
                },
            )
            .field("page_size", &self.page_size)
            .field("columns", &self.columns)
            .field("theme", &self.theme)
            .field("locale", &self.locale)
            .field("lang", &self.lang)
            .field("auto_refresh_seconds", &self.auto_refresh_seconds)
            .field("read_only", &self.read_only)
            .field("url_state", &self.url_state)
            .field("findings", &self.findings)
            .finish()
    }
}

impl Default for Options {
    fn default() -> Self {
        Self {
            server_url: String::new(),
            user_id: String::new(),
            auth_token: String::new(),
            page_size: 25,
            columns: DEFAULT_COLUMNS.iter().map(|c| (*c).to_owned()).collect(),
            theme: Theme::Auto,
            locale: None,
            lang: None,
            auto_refresh_seconds: 0,
            read_only: false,
            findings: None,
            url_state: false,
        }
    }
}

impl Options {
    /// The standalone page: the URL holds the view.
    pub fn standalone() -> Self {
        Self {
            url_state: true,
            ..Self::default()
        }
    }

    /// Reads a host's options object. Returns the options and one sentence per option that
    /// was unknown or mistyped (its default is kept). Secret values never appear in them.
    pub fn from_json(value: &Value) -> (Self, Vec<String>) {
        let mut o = Self::default();
        let mut warnings = Vec::new();
        let Some(map) = value.as_object() else {
            if !value.is_null() {
                warnings.push("options must be an object; all defaults are used".to_owned());
            }
            return (o, warnings);
        };
        for (key, v) in map {
            let ok = match key.as_str() {
                "serverUrl" => set_str(v, &mut o.server_url),
                "userId" => set_str(v, &mut o.user_id),
                "authToken" => set_str(v, &mut o.auth_token),
                "locale" => v.as_str().map(|s| o.locale = Some(s.to_owned())).is_some(),
                "lang" => v.as_str().map(|s| o.lang = Some(s.to_owned())).is_some(),
                "pageSize" => match v.as_u64().and_then(|n| usize::try_from(n).ok()) {
                    Some(n) if PAGE_SIZES.contains(&n) => {
                        o.page_size = n;
                        true
                    }
                    _ => false,
                },
                "columns" => match columns(v) {
                    Some(cols) => {
                        o.columns = cols;
                        true
                    }
                    None => false,
                },
                "theme" => match v.as_str() {
                    Some("light") => set(&mut o.theme, Theme::Light),
                    Some("dark") => set(&mut o.theme, Theme::Dark),
                    Some("auto") => set(&mut o.theme, Theme::Auto),
                    _ => false,
                },
                "autoRefreshSeconds" => match v.as_u64() {
                    Some(0) => set(&mut o.auto_refresh_seconds, 0),
                    Some(n @ 10..=86_400) => set(&mut o.auto_refresh_seconds, n as u32),
                    _ => false,
                },
                "readOnly" => v.as_bool().map(|b| o.read_only = b).is_some(),
                "urlState" => v.as_bool().map(|b| o.url_state = b).is_some(),
                "findings" => match Settings::from_json(&v.to_string()) {
                    Ok(s) => set(&mut o.findings, Some(s)),
                    Err(e) => {
                        // The error's English sentence (its Display): warnings are for the
                        // host page's developer, like every other option warning.
                        warnings.push(format!("option \"findings\" is not used: {e}"));
                        continue;
                    }
                },
                _ => {
                    warnings.push(format!(
                        "unknown option \"{key}\" is ignored (known: serverUrl, userId, authToken, pageSize, columns, theme, locale, lang, autoRefreshSeconds, readOnly, urlState, findings)"
                    ));
                    continue;
                }
            };
            if !ok {
                warnings.push(format!(
                    "option \"{key}\" {}; its default is kept",
                    expectation(key)
                ));
            }
        }
        (o, warnings)
    }
}

fn set<T>(slot: &mut T, value: T) -> bool {
    *slot = value;
    true
}

fn set_str(v: &Value, slot: &mut String) -> bool {
    v.as_str().map(|s| *slot = s.trim().to_owned()).is_some()
}

fn columns(v: &Value) -> Option<Vec<String>> {
    let list = v.as_array()?;
    let mut out: Vec<String> = Vec::with_capacity(list.len());
    for item in list {
        let key = item.as_str()?;
        if !COLUMN_KEYS.contains(&key) || out.iter().any(|k| k == key) {
            return None;
        }
        out.push(key.to_owned());
    }
    (!out.is_empty()).then_some(out)
}

/// What a valid value looks like, without ever echoing the value (it may be a secret).
fn expectation(key: &str) -> String {
    match key {
        "pageSize" => "must be one of 25, 50, 100, 250".to_owned(),
        "columns" => format!(
            "must be a non-empty list of distinct column keys from: {}",
            COLUMN_KEYS.join(", ")
        ),
        "theme" => "must be \"light\", \"dark\" or \"auto\"".to_owned(),
        "autoRefreshSeconds" => {
            "must be 0 (off) or a whole number of seconds from 10 to 86400".to_owned()
        }
        "readOnly" | "urlState" => "must be true or false".to_owned(),
        _ => "must be a string".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn valid_options_are_taken() {
        let (o, w) = Options::from_json(&json!({
            "serverUrl": " https://chat.example.com ", "userId": "u1", "authToken": "t0k",
            "pageSize": 100, "columns": ["user", "ip"], "theme": "dark", "locale": "de-DE", "lang": "ar",
            "autoRefreshSeconds": 60, "readOnly": true, "urlState": true
        }));
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(o.server_url, "https://chat.example.com");
        assert_eq!(
            (o.page_size, o.theme, o.auto_refresh_seconds),
            (100, Theme::Dark, 60)
        );
        assert_eq!(o.columns, ["user", "ip"]);
        assert!(o.read_only && o.url_state);
        assert_eq!(o.locale.as_deref(), Some("de-DE"));
        assert_eq!(o.lang.as_deref(), Some("ar"));
    }

    #[test]
    fn findings_settings_come_whole_or_are_named_and_left_out() {
        let (o, w) = Options::from_json(&json!({ "findings": {
            "staleDays": 30, "maxPerUser": 3, "minVersions": { "Chrome": "120" },
            "trustedNetworks": ["10.0.0.0/8 Office", "2001:db8::/32 VPN"] } }));
        assert!(w.is_empty(), "{w:?}");
        let s = o.findings.expect("settings");
        assert_eq!((s.stale_days, s.max_per_user, s.networks.len()), (30, 3, 2));
        let (o, w) = Options::from_json(&json!({ "findings": {
            "staleDays": 30, "trustedNetworks": ["10.0.0.0/33 Office"] } }));
        assert_eq!(o.findings, None);
        assert_eq!(w.len(), 1);
        assert!(
            w[0].starts_with("option \"findings\" is not used: trustedNetworks entry 1"),
            "{w:?}"
        );
        let (o, w) = Options::from_json(&json!({ "findings": { "authToken": "x" } }));
        assert_eq!((o.findings, w.len()), (None, 1));
    }

    #[test]
    fn mistyped_and_unknown_options_are_named_and_keep_defaults() {
        let (o, w) = Options::from_json(&json!({
            "pageSize": 33, "theme": "neon", "columns": ["user", "password"], "readOnly": "yes",
            "autoRefreshSeconds": 3, "authToken": 12345, "pagesize": 50
        }));
        let d = Options::default();
        assert_eq!(
            (o.page_size, o.theme, o.read_only),
            (d.page_size, d.theme, d.read_only)
        );
        assert_eq!((o.columns, o.auto_refresh_seconds), (d.columns, 0));
        assert_eq!(w.len(), 7, "{w:?}");
        for key in [
            "pageSize",
            "theme",
            "columns",
            "readOnly",
            "autoRefreshSeconds",
            "authToken",
            "pagesize",
        ] {
            assert!(
                w.iter().any(|m| m.contains(&format!("\"{key}\""))),
                "no warning for {key}: {w:?}"
            );
        }
        assert!(
            !w.iter().any(|m| m.contains("12345")),
            "a secret value was echoed: {w:?}"
        );
    }

    #[test]
    fn not_an_object_keeps_all_defaults() {
        let (o, w) = Options::from_json(&json!("pageSize=50"));
        assert_eq!(o, Options::default());
        assert_eq!(w.len(), 1);
        assert_eq!(
            Options::from_json(&Value::Null),
            (Options::default(), vec![])
        );
    }

    #[test]
    fn debug_redacts_the_token() {
        let (o, _) = Options::from_json(&json!({"authToken": "s3cr3t"}));
        assert!(!format!("{o:?}").contains("s3cr3t"));
    }
}
