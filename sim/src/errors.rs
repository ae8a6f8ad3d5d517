//! Rocket.Chat's error responses, byte for byte (contract §2).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::json::Obj;

/// A JSON response with Rocket.Chat's content type.
pub fn json_response(status: StatusCode, body: String) -> Response {
    let mut r = (status, body).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}

pub fn obj(status: StatusCode, o: Obj) -> Response {
    json_response(status, o.render())
}

pub fn unauthorized() -> Response {
    let msg = "You must be logged in to do this.";
    obj(
        StatusCode::UNAUTHORIZED,
        Obj::new()
            .v("success", false)
            .v("error", msg)
            .v("status", "error")
            .v("message", msg),
    )
}

pub fn forbidden() -> Response {
    obj(
        StatusCode::FORBIDDEN,
        Obj::new().v("success", false).v(
            "error",
            "User does not have the permissions required for this action [error-unauthorized]",
        ),
    )
}

/// `API.v1.failure` for a `Meteor.Error(error, reason, details)`: the message is
/// `reason [error]` and `errorType` carries the code.
pub fn meteor(error: &str, reason: &str, details: Option<Obj>) -> Response {
    let mut o = Obj::new()
        .v("success", false)
        .v("error", format!("{reason} [{error}]"))
        .v("errorType", error);
    if let Some(d) = details {
        o = o.o("details", d);
    }
    obj(StatusCode::BAD_REQUEST, o)
}

pub fn licence() -> Response {
    meteor(
        "error-action-not-allowed",
        "This is an enterprise feature",
        None,
    )
}

/// ajv's message (e.g. `must NOT have additional properties`) as `invalid-params`.
pub fn invalid_params(message: &str) -> Response {
    meteor("invalid-params", message, None)
}

/// `API.v1.failure("text")`: a bare error string, no errorType.
pub fn failure(error: &str) -> Response {
    obj(
        StatusCode::BAD_REQUEST,
        Obj::new().v("success", false).v("error", error),
    )
}

pub fn not_found(error: &str) -> Response {
    obj(
        StatusCode::NOT_FOUND,
        Obj::new().v("success", false).v("error", error),
    )
}

pub fn too_many_requests(wait_secs: i64) -> Response {
    obj(
        StatusCode::TOO_MANY_REQUESTS,
        Obj::new().v("success", false).v(
            "error",
            format!(
                "Error, too many requests. Please slow down. You must wait {wait_secs} seconds \
                 before trying this endpoint again. [error-too-many-requests]"
            ),
        ),
    )
}

/// The body of a failed `POST login`: 401, `status:"error"`, no `success`, no `errorType`.
pub fn login_failure(error: Value, message: &str, details: Option<Obj>) -> Response {
    let mut o = Obj::new().v("status", "error").v("error", error);
    if let Some(d) = details {
        o = o.o("details", d);
    }
    obj(StatusCode::UNAUTHORIZED, o.v("message", message))
}
