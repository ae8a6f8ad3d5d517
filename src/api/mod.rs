//! The Rocket.Chat REST client: wire types, errors as types, and the calls the app makes.

pub mod wire;
