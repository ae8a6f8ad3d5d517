//! Secrets stay secret (Debug redaction), the password fallback's hash, the 2FA headers, and
//! the URL and query rules every request follows.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use rc_device_manager::api::http::{api_url, cross_origin, list_query, origin_of};
use rc_device_manager::api::{password_code, Client, Credentials, SecondFactor, TwoFactorMethod};

const TOKEN: &str = "tok-3f9a8b7c6d5e";
const CODE: &str = "918273";
const PASSWORD: &str = "hunter2-correct-horse";

#[test]
fn password_code_is_lower_case_sha256_hex() {
    // FIPS 180-2 vectors, and a non-ASCII password hashed as its UTF-8 bytes.
    assert_eq!(
        password_code("abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(
        password_code(""),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!(
        password_code("pässwörd 🔑"),
        "ccb439bf192a0474a9b9ad5ec2f09ac953917ad85c64df2c478e44d7ab291a52"
    );
}

#[test]
fn debug_never_shows_a_secret() {
    let creds = Credentials {
        server: "https://chat.example.com".into(),
        user_id: "u1".into(),
        auth_token: TOKEN.into(),
    };
    let client = Client::new(creds.clone());
    let shown = format!(
        "{creds:?} {client:?} {:?} {:?} {:?} {:#?}",
        SecondFactor::Totp(CODE.into()),
        SecondFactor::Email(CODE.into()),
        SecondFactor::Password(PASSWORD.into()),
        client,
    );
    for secret in [TOKEN, CODE, PASSWORD] {
        assert!(!shown.contains(secret), "{secret} leaked in {shown}");
    }
    assert!(shown.contains("u1") && shown.contains("<redacted>"));
}

#[test]
fn second_factor_headers_per_method() {
    assert_eq!(SecondFactor::None.headers(), None);
    assert_eq!(
        SecondFactor::Totp(" 918 273\n".into()).headers(),
        Some((CODE.to_owned(), "totp"))
    );
    assert_eq!(
        SecondFactor::Email(CODE.into()).headers(),
        Some((CODE.to_owned(), "email"))
    );
    assert_eq!(
        SecondFactor::Password("abc".into()).headers(),
        Some((password_code("abc"), "password"))
    );
    // A password's spaces are part of it; an empty answer sends nothing.
    assert_eq!(
        SecondFactor::Password(" a ".into()).headers().map(|h| h.0),
        Some(password_code(" a "))
    );
    assert_eq!(SecondFactor::Totp("  ".into()).headers(), None);
}

#[test]
fn login_sends_the_users_own_code_never_the_password_fallback() {
    assert_eq!(
        SecondFactor::Totp(CODE.into()).login_code().as_deref(),
        Some(CODE)
    );
    assert_eq!(
        SecondFactor::Email(CODE.into()).login_code().as_deref(),
        Some(CODE)
    );
    assert_eq!(SecondFactor::Password(PASSWORD.into()).login_code(), None);
}

#[test]
fn an_answer_matches_the_challenged_method() {
    let a = |m| SecondFactor::answer(&m, "x".into());
    assert_eq!(a(TwoFactorMethod::Totp), SecondFactor::Totp("x".into()));
    assert_eq!(a(TwoFactorMethod::Email), SecondFactor::Email("x".into()));
    assert_eq!(
        a(TwoFactorMethod::Password),
        SecondFactor::Password("x".into())
    );
    assert_eq!(
        a(TwoFactorMethod::Other("webauthn".into())),
        SecondFactor::Totp("x".into())
    );
}

#[test]
fn api_urls_from_what_people_type() {
    let cases = [
        ("", "/api/v1/me"),
        (
            "https://chat.example.com",
            "https://chat.example.com/api/v1/me",
        ),
        (
            "https://chat.example.com/",
            "https://chat.example.com/api/v1/me",
        ),
        (
            "https://chat.example.com/api/v1/",
            "https://chat.example.com/api/v1/me",
        ),
        (
            "https://chat.example.com/api",
            "https://chat.example.com/api/v1/me",
        ),
        ("chat.example.com", "https://chat.example.com/api/v1/me"),
        ("http://localhost:3000", "http://localhost:3000/api/v1/me"),
        ("/rocket", "/rocket/api/v1/me"),
        (" https://x.org/chat/ ", "https://x.org/chat/api/v1/me"),
    ];
    for (server, want) in cases {
        assert_eq!(api_url(server, "me"), want, "from {server:?}");
    }
}

#[test]
fn origins_and_cross_origin_detection() {
    assert_eq!(
        origin_of("HTTPS://Chat.Example.com:443/x?y").as_deref(),
        Some("https://chat.example.com")
    );
    assert_eq!(
        origin_of("http://h:8443/").as_deref(),
        Some("http://h:8443")
    );
    assert_eq!(origin_of("/api/v1/me"), None);
    let page = "https://portal.example.com";
    assert_eq!(cross_origin("", page), None);
    assert_eq!(cross_origin("/chat", page), None);
    assert_eq!(
        cross_origin("https://portal.example.com:443/chat", page),
        None
    );
    assert_eq!(
        cross_origin("chat.example.com", page).as_deref(),
        Some("https://chat.example.com")
    );
    assert_eq!(
        cross_origin("http://portal.example.com", page).as_deref(),
        Some("http://portal.example.com")
    );
}

proptest! {
    /// Whatever is typed into the filter, the query holds only keys the server accepts and
    /// never `count=0` (an unbounded aggregation on the server).
    #[test]
    fn list_query_sends_only_allowed_keys(offset in any::<u64>(), count in any::<u64>(), filter in ".*") {
        let q = list_query(offset, count, &filter);
        prop_assert!(q.iter().all(|(k, _)| ["offset", "count", "filter"].contains(k)));
        prop_assert!(q.iter().any(|(k, v)| *k == "count" && v != "0"));
        prop_assert_eq!(q.iter().any(|(k, _)| *k == "filter"), !filter.trim().is_empty());
    }

    #[test]
    fn debug_of_any_second_factor_hides_it(secret in "[0-9]{6,20}") {
        for f in [
            SecondFactor::Totp(secret.clone()),
            SecondFactor::Email(secret.clone()),
            SecondFactor::Password(secret.clone()),
        ] {
            let shown = format!("{f:?}");
            prop_assert!(!shown.contains(&secret));
        }
    }
}
