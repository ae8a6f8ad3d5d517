//! The table's vocabulary: device kinds and columns, with labels and stable URL keys.

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

    /// For people.
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

    pub fn label(self) -> &'static str {
        match self {
            Column::Client => "Client",
            Column::Version => "Version",
            Column::Os => "OS",
            Column::User => "User",
            Column::LastLogin => "Last login",
            Column::DeviceId => "Device ID",
            Column::Ip => "IP",
            Column::Host => "Host",
            Column::UserId => "User ID",
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
