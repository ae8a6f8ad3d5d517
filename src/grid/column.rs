//! The table's vocabulary: device kinds and columns, with labels and stable URL keys.

use crate::i18n::{k, Key};

/// What kind of client opened a session, from the wire's free-form `device.type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DeviceKind {
    Browser,
    DesktopApp,
    MobileApp,
    /// Any ua-parser device type: mobile, tablet, wearable, smarttv, console, embedded, xr.
    MobileOrTablet,
    /// `other`, missing, empty or unknown.
    Other,
}

impl DeviceKind {
    pub const ALL: [DeviceKind; 5] = [
        DeviceKind::Browser,
        DeviceKind::DesktopApp,
        DeviceKind::MobileApp,
        DeviceKind::MobileOrTablet,
        DeviceKind::Other,
    ];

    pub fn from_wire(kind: &str) -> DeviceKind {
        match kind.trim().to_ascii_lowercase().as_str() {
            "browser" => DeviceKind::Browser,
            "desktop-app" => DeviceKind::DesktopApp,
            "mobile-app" => DeviceKind::MobileApp,
            "mobile" | "tablet" | "wearable" | "smarttv" | "console" | "embedded" | "xr" => {
                DeviceKind::MobileOrTablet
            }
            _ => DeviceKind::Other,
        }
    }

    /// For people, in the catalogues.
    pub fn key_text(self) -> Key {
        match self {
            DeviceKind::Browser => k::KIND_BROWSER,
            DeviceKind::DesktopApp => k::KIND_DESKTOP_APP,
            DeviceKind::MobileApp => k::KIND_MOBILE_APP,
            DeviceKind::MobileOrTablet => k::KIND_MOBILE_OR_TABLET,
            DeviceKind::Other => k::KIND_OTHER,
        }
    }

    /// In English, for exports (a file's values do not follow the screen's language).
    pub fn label(self) -> &'static str {
        match self {
            DeviceKind::Browser => "Browser",
            DeviceKind::DesktopApp => "Desktop app",
            DeviceKind::MobileApp => "Mobile app",
            DeviceKind::MobileOrTablet => "Mobile or tablet",
            DeviceKind::Other => "Other",
        }
    }

    /// Stable short key for URLs and exports.
    pub fn key(self) -> &'static str {
        match self {
            DeviceKind::Browser => "browser",
            DeviceKind::DesktopApp => "desktop-app",
            DeviceKind::MobileApp => "mobile-app",
            DeviceKind::MobileOrTablet => "mobile",
            DeviceKind::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<DeviceKind> {
        DeviceKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A column of the table; the last two are not shown by default but sort, filter and export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    Client,
    Version,
    Os,
    User,
    LastLogin,
    DeviceId,
    Ip,
    Host,
    UserId,
}

impl Column {
    pub const ALL: [Column; 9] = [
        Column::Client,
        Column::Version,
        Column::Os,
        Column::User,
        Column::LastLogin,
        Column::DeviceId,
        Column::Ip,
        Column::Host,
        Column::UserId,
    ];
    /// The columns of Rocket.Chat's own page, in its order.
    pub const VISIBLE: [Column; 7] = [
        Column::Client,
        Column::Version,
        Column::Os,
        Column::User,
        Column::LastLogin,
        Column::DeviceId,
        Column::Ip,
    ];

    /// Stable short key for URLs.
    pub fn key(self) -> &'static str {
        match self {
            Column::Client => "client",
            Column::Version => "version",
            Column::Os => "os",
            Column::User => "user",
            Column::LastLogin => "login",
            Column::DeviceId => "id",
            Column::Ip => "ip",
            Column::Host => "host",
            Column::UserId => "userid",
        }
    }

    pub fn from_key(key: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The column's header, in the catalogues.
    pub fn header(self) -> Key {
        match self {
            Column::Client => k::COL_CLIENT,
            Column::Version => k::COL_VERSION,
            Column::Os => k::COL_OS,
            Column::User => k::COL_USER,
            Column::LastLogin => k::COL_LAST_LOGIN,
            Column::DeviceId => k::COL_DEVICE_ID,
            Column::Ip => k::COL_IP,
            Column::Host => k::COL_HOST,
            Column::UserId => k::COL_USER_ID,
        }
    }

    /// Whether a first click sorts descending: newest logins first is what admins look for.
    pub fn desc_first(self) -> bool {
        self == Column::LastLogin
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}
