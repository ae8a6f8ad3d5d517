//! The real-world material the generator draws from: devices as Rocket.Chat derives them
//! from user agents, user names, and the hostile strings a careless UI would execute.

use crate::generator::Rng;
use crate::json::Obj;
use crate::model::device_obj;

/// Strings a user or client controls and a careless UI would execute or mangle.
pub fn hostile_strings() -> Vec<String> {
    vec![
        "<img src=x onerror=alert(1)>".into(),
        "=HYPERLINK(\"http://evil.example\",\"x\")".into(),
        "+cmd|' /C calc'!A0".into(),
        "\u{202e}nimda\u{202c} مدير النظام".into(),
        "שלום עולם 🚀🔥👩‍💻".into(),
        "\"><script>alert('x')</script>".into(),
        "-2+3+cmd|' /C calc'!A0".into(),
        "@SUM(1+1)*cmd|' /C calc'!A0".into(),
        format!("Long{}", "x".repeat(10_240)),
    ]
}

fn version3(long: &str) -> String {
    long.split('.').take(3).collect::<Vec<_>>().join(".")
}

fn device(dtype: &str, name: &str, long: &str, os: (&str, Option<&str>), version: &str) -> Obj {
    device_obj(dtype, name, long, os.0, os.1, version)
}

fn os<'a>(name: &'a str, version: Option<&'a str>) -> (&'a str, Option<&'a str>) {
    (name, version)
}

/// The device catalogue, weighted by how often each kind shows up on a real server.
pub fn device_catalogue(rng: &mut Rng) -> Vec<(u32, Obj)> {
    let mut out: Vec<(u32, Obj)> = Vec::new();
    for v in [109, 112, 113, 116, 119, 120, 122, 124, 126, 128, 130, 131] {
        let long = format!("{v}.0.0.0");
        let ver = version3(&long);
        out.push((
            6,
            device("browser", "Chrome", &long, os("Windows", Some("10")), &ver),
        ));
        out.push((
            3,
            device(
                "browser",
                "Chrome",
                &long,
                os("Mac OS", Some("10.15.7")),
                &ver,
            ),
        ));
        out.push((
            2,
            device("browser", "Chrome", &long, os("Linux", None), &ver),
        ));
        out.push((
            1,
            device(
                "browser",
                "Chrome",
                &long,
                os("Chromium OS", Some("14541.0.0")),
                &ver,
            ),
        ));
        let edge = format!("{v}.0.2277.{}", 83 + v % 40);
        out.push((
            2,
            device(
                "browser",
                "Edge",
                &edge,
                os("Windows", Some("10")),
                &version3(&edge),
            ),
        ));
        let android = format!("{v}.0.6099.{}", 100 + v);
        let phone = ["SM-G991B", "Pixel 7", "SM-A536B", "M2101K6G", "K"][(v % 5) as usize];
        out.push((
            3,
            device(
                "mobile",
                phone,
                &android,
                os("Android", Some(["10", "12", "13", "14"][(v % 4) as usize])),
                &version3(&android),
            ),
        ));
        out.push((
            1,
            device(
                "tablet",
                "SM-X700",
                &android,
                os("Android", Some("13")),
                &version3(&android),
            ),
        ));
    }
    for v in [102, 115, 118, 121, 125, 128, 131, 133] {
        let long = format!("{v}.0");
        out.push((
            2,
            device(
                "browser",
                "Firefox",
                &long,
                os("Windows", Some("10")),
                &long,
            ),
        ));
        out.push((
            1,
            device("browser", "Firefox", &long, os("Ubuntu", None), &long),
        ));
        out.push((
            1,
            device("browser", "Firefox", &long, os("Linux", None), &long),
        ));
        out.push((
            1,
            device(
                "browser",
                "Firefox",
                &long,
                os("Mac OS", Some("10.15")),
                &long,
            ),
        ));
    }
    for (safari, ios) in [
        ("16.5", "16.5"),
        ("16.6", "16.6.1"),
        ("17.1", "17.1.2"),
        ("17.4.1", "17.4.1"),
        ("18.0", "18.0"),
    ] {
        out.push((
            2,
            device(
                "browser",
                "Safari",
                safari,
                os("Mac OS", Some("10.15.7")),
                &version3(safari),
            ),
        ));
        out.push((
            2,
            device(
                "mobile",
                "iPhone",
                safari,
                os("iOS", Some(ios)),
                &version3(safari),
            ),
        ));
        out.push((
            1,
            device(
                "tablet",
                "iPad",
                safari,
                os("iOS", Some(ios)),
                &version3(safari),
            ),
        ));
    }
    for (app, build) in [
        ("4.39.0", 1234),
        ("4.44.2", 1377),
        ("4.48.0", 1502),
        ("4.50.1", 1555),
    ] {
        let long = format!("{app} ({build})");
        out.push((
            2,
            device(
                "mobile-app",
                "RC Mobile",
                &long,
                os("iOS", Some("17.4.1")),
                app,
            ),
        ));
        out.push((
            2,
            device(
                "mobile-app",
                "RC Mobile",
                &long,
                os("Android", Some("14")),
                app,
            ),
        ));
    }
    for app in ["3.9.14", "3.9.15", "4.0.2", "4.1.0"] {
        out.push((
            2,
            device(
                "desktop-app",
                "Rocket.Chat",
                app,
                os("Windows", Some("10")),
                app,
            ),
        ));
        out.push((
            1,
            device(
                "desktop-app",
                "Rocket.Chat",
                app,
                os("Mac OS", Some("14.4.1")),
                app,
            ),
        ));
        out.push((
            1,
            device("desktop-app", "Rocket.Chat", app, os("Linux", None), app),
        ));
    }
    // Unparsable agents (curl, bots, proxies) keep the server's initial shape.
    out.push((4, device("other", "", "", os("", Some("")), "")));
    out.push((1, device("other", "", "", os("Linux", None), "")));
    out.push((
        1,
        device(
            "browser",
            "Opera",
            "106.0.0.0",
            os("Windows", Some("10")),
            "106.0.0",
        ),
    ));
    out.push((
        1,
        device(
            "browser",
            "Samsung Browser",
            "23.0",
            os("Android", Some("13")),
            "23.0",
        ),
    ));
    // Client-controlled version strings are where hostile text reaches the device object.
    for h in hostile_strings().into_iter().take(8) {
        let n = rng.below(3);
        let d = match n {
            0 => device(
                "desktop-app",
                "Rocket.Chat",
                &h,
                os("Windows", Some("10")),
                "4.1.0",
            ),
            1 => device(
                "mobile-app",
                "RC Mobile",
                "4.48.0 (1502)",
                os("Android", Some(&h)),
                "4.48.0",
            ),
            _ => device("other", &h, "", os("", Some("")), ""),
        };
        out.push((0, d));
    }
    out
}

pub const FIRST: &[&str] = &[
    "anna", "ben", "carla", "dmitri", "emma", "farid", "greta", "hiro", "ines", "jonas", "kaito",
    "lena", "marco", "nadia", "olga", "pavel", "quinn", "rosa", "sven", "tariq", "uma", "victor",
    "wen", "xenia", "yusuf", "zoe", "test", "roxie",
];
pub const LAST: &[&str] = &[
    "smith", "müller", "garcia", "rossi", "kowalski", "nguyen", "tanaka", "silva", "dubois",
    "jensen", "novak", "ivanova", "okafor", "haddad", "cohen", "lee",
];
pub const DISPLAY: &[&str] = &[
    "José Müller",
    "李雷",
    "Дмитрий Иванов",
    "Ærø Jensen",
    "Zoë Ørsted",
    "محمد حداد",
    "Ngô Bảo Châu",
    "Søren Kierkegaard",
    "山田 太郎",
    "Łukasz Żółć",
    "Test",
    "O'Brien, Seán",
    "ﾃｽﾄ ﾕｰｻﾞｰ",
];
