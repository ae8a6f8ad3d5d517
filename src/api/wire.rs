//! Serde types that mirror Rocket.Chat's JSON exactly, tolerant of what real servers send:
//! every field but `_id` may be missing, empty or of an unexpected type, unknown fields are
//! ignored, and a malformed row is skipped and counted instead of failing its page.

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// One active session as `sessions/list.all` returns it (contract §1).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Session {
    /// Equals `sessionId`; the only field a row cannot do without.
    #[serde(rename = "_id", deserialize_with = "lenient_string")]
    pub id: Option<String>,
    #[serde(rename = "sessionId", deserialize_with = "lenient_string")]
    pub session_id: Option<String>,
    #[serde(rename = "userId", deserialize_with = "lenient_string")]
    pub user_id: Option<String>,
    #[serde(deserialize_with = "lenient_object")]
    pub device: Option<Device>,
    #[serde(deserialize_with = "lenient_string")]
    pub host: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub ip: Option<String>,
    #[serde(rename = "loginAt", deserialize_with = "lenient_string")]
    pub login_at: Option<String>,
    /// Set by 8.7+ servers on the caller's own session.
    #[serde(deserialize_with = "lenient")]
    pub current: Option<bool>,
    #[serde(rename = "_user", deserialize_with = "lenient_object")]
    pub user: Option<User>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Device {
    #[serde(rename = "type", deserialize_with = "lenient_string")]
    pub kind: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub name: Option<String>,
    #[serde(rename = "longVersion", deserialize_with = "lenient_string")]
    pub long_version: Option<String>,
    #[serde(deserialize_with = "lenient_object")]
    pub os: Option<Os>,
    #[serde(deserialize_with = "lenient_string")]
    pub version: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Os {
    #[serde(deserialize_with = "lenient_string")]
    pub name: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub version: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct User {
    #[serde(deserialize_with = "lenient_string")]
    pub username: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub name: Option<String>,
}

/// The body of a successful `sessions/list.all` page. `count` is deliberately absent:
/// the server echoes the page size there, not the number of rows (contract §1).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct SessionsPage {
    pub sessions: Rows,
    #[serde(default, deserialize_with = "lenient")]
    pub total: Option<u64>,
    #[serde(default, deserialize_with = "lenient")]
    pub offset: Option<u64>,
}

/// The rows of a page: the good ones, and how many were malformed and skipped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rows {
    pub rows: Vec<Session>,
    pub skipped: usize,
}

impl<'de> Deserialize<'de> for Rows {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct RowsVisitor;
        impl<'de> Visitor<'de> for RowsVisitor {
            type Value = Rows;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array of sessions")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Rows, A::Error> {
                let mut out = Rows {
                    rows: Vec::with_capacity(seq.size_hint().unwrap_or(0)),
                    skipped: 0,
                };
                while let Some(slot) = seq.next_element::<Slot>()? {
                    match slot.0 {
                        Some(s) if s.id.as_deref().is_some_and(|id| !id.is_empty()) => {
                            out.rows.push(s)
                        }
                        _ => out.skipped += 1,
                    }
                }
                Ok(out)
            }
        }
        d.deserialize_seq(RowsVisitor)
    }
}

/// One array element: a session when it is an object, `None` for anything else.
struct Slot(Option<Session>);

impl<'de> Deserialize<'de> for Slot {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        lenient_object(d).map(Slot)
    }
}

/// A string field: strings are kept, numbers become their text, anything else is `None`.
fn lenient_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_owned()))
        }
        fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(V)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(None)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok(None)
        }
    }
    d.deserialize_any(V)
}

/// A nested object whose own fields are all lenient: read straight from the stream when it
/// is an object, `None` for anything else. `lenient` would do too, but its untagged enum
/// buffers every value before decoding it, which is most of the cost of a large page.
fn lenient_object<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct V<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
        type Value = Option<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Some)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(None)
        }
        fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
    d.deserialize_any(V(std::marker::PhantomData))
}

/// Any other field: kept when it has the expected shape, `None` otherwise.
fn lenient<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either<T> {
        Good(T),
        Other(IgnoredAny),
    }
    Ok(match Either::<T>::deserialize(d)? {
        Either::Good(v) => Some(v),
        Either::Other(_) => None,
    })
}

/// The signed-in user, from `GET me` or inside `POST login`'s answer.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Me {
    #[serde(rename = "_id", deserialize_with = "lenient_string")]
    pub id: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub username: Option<String>,
    #[serde(deserialize_with = "lenient_string")]
    pub name: Option<String>,
    #[serde(deserialize_with = "lenient")]
    pub roles: Option<Vec<String>>,
}

/// `POST login`'s answer: `{status:"success", data:{userId, authToken, me}}`. No `Debug`:
/// it holds a fresh token.
#[derive(Clone, Default, Deserialize)]
#[serde(default)]
pub struct LoginAnswer {
    pub data: LoginData,
}

#[derive(Clone, Default, Deserialize)]
#[serde(default)]
pub struct LoginData {
    #[serde(rename = "userId", deserialize_with = "lenient_string")]
    pub user_id: Option<String>,
    #[serde(rename = "authToken", deserialize_with = "lenient_string")]
    pub auth_token: Option<String>,
    #[serde(deserialize_with = "lenient_object")]
    pub me: Option<Me>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example response of contract §1, verbatim.
    const EXAMPLE: &str = r#"{"sessions":[{ "_id": "o94SveQp6fyPsoiNC", "sessionId": "o94SveQp6fyPsoiNC", "userId": "2tTEqR7ZNMJ4HGGNa",
  "device": { "type": "browser", "name": "Chrome", "longVersion": "113.0.0.0",
              "os": { "name": "Windows", "version": "10" }, "version": "113.0.0" },
  "host": "localhost:3000", "ip": "172.20.0.2", "loginAt": "2023-05-24T00:25:54.234Z",
  "_user": { "username": "testroxie", "name": "Test" } }],"total":1,"count":50,"offset":0,"success":true}"#;

    #[test]
    fn decodes_the_contract_example() {
        let page: SessionsPage = serde_json::from_str(EXAMPLE).unwrap();
        assert_eq!(page.total, Some(1));
        assert_eq!(page.sessions.skipped, 0);
        let s = &page.sessions.rows[0];
        assert_eq!(s.id.as_deref(), Some("o94SveQp6fyPsoiNC"));
        let d = s.device.as_ref().unwrap();
        assert_eq!(d.name.as_deref(), Some("Chrome"));
        assert_eq!(d.os.as_ref().unwrap().version.as_deref(), Some("10"));
        assert_eq!(
            s.user.as_ref().unwrap().username.as_deref(),
            Some("testroxie")
        );
        assert_eq!(s.login_at.as_deref(), Some("2023-05-24T00:25:54.234Z"));
    }

    #[test]
    fn malformed_rows_are_skipped_and_counted_not_fatal() {
        let body = r#"{"sessions":[{"_id":"a","device":"oops","_user":7,"ip":null},
            42, "x", null, [1,2], {"sessionId":"no-id"}, {"_id":""},
            {"_id":"b","device":{"os":"win","name":5},"current":"yes","extra":{"deep":[1]}}],
            "total":"many"}"#;
        let page: SessionsPage = serde_json::from_str(body).unwrap();
        let ids: Vec<_> = page
            .sessions
            .rows
            .iter()
            .map(|s| s.id.clone().unwrap())
            .collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(page.sessions.skipped, 6);
        assert_eq!(page.total, None);
        let a = &page.sessions.rows[0];
        assert_eq!(
            (a.device.clone(), a.user.clone(), a.ip.clone()),
            (None, None, None)
        );
        let b = &page.sessions.rows[1];
        let d = b.device.as_ref().unwrap();
        assert_eq!((d.os.clone(), d.name.as_deref()), (None, Some("5")));
        assert_eq!(b.current, None);
    }
}
