//! Request extractors whose every rejection is an [`ApiError`] naming what was wrong:
//! [`Json`] (content type, size, syntax, and the field that failed), [`Query`] and [`Path`].
//! Handlers use these instead of axum's own so no rejection ever leaves as plain text.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::objects::Objects;
use crate::vocab::clock;
use crate::vocab::error::ApiError;

/// A JSON request body or response.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T>(pub T);

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        json_response(&self.0, 1024)
    }
}

/// `value` as a JSON response, serialized into a buffer of `capacity` bytes to start with (a
/// list of twenty records is about 10 KB; growing from axum's 128 bytes copies it six times).
pub fn json_response<T: Serialize + ?Sized>(value: &T, capacity: usize) -> Response {
    match to_json(value, capacity) {
        Ok(body) => json_body(body),
        Err(err) => err.into_response(),
    }
}

/// `value` serialized, into a buffer of `capacity` bytes to start with.
pub fn to_json<T: Serialize + ?Sized>(value: &T, capacity: usize) -> Result<Bytes, ApiError> {
    let mut body = Vec::with_capacity(capacity);
    serde_json::to_writer(&mut body, value).map_err(ApiError::internal)?;
    Ok(body.into())
}

/// A response with this JSON body.
pub fn json_body(body: Bytes) -> Response {
    ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], body).into_response()
}

fn is_json(headers: &HeaderMap) -> bool {
    let Some(content_type) = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let essence = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    essence == "application/json" || (essence.starts_with("application/") && essence.ends_with("+json"))
}

pub fn payload_too_large() -> ApiError {
    ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "Request body is larger than the limit")
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Json<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        if !is_json(req.headers()) {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "UNSUPPORTED_MEDIA_TYPE",
                "Send the request body as JSON with `Content-Type: application/json`",
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(unreadable)?;
        parse_json(&bytes).map(Json)
    }
}

fn unreadable(rejection: BytesRejection) -> ApiError {
    match rejection {
        BytesRejection::FailedToBufferBody(_) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            payload_too_large()
        }
        other => ApiError::bad_request("INVALID_BODY", format!("Could not read the request body: {other}")),
    }
}

/// A JSON body a client may leave out (`POST …/complete`, `…/approve`): an empty body or
/// `null` is `T::default()`; anything else is read like [`Json`] (an object, fields named in
/// errors). The content type is not required, so a bare `curl -X POST` works.
#[derive(Debug, Clone, Copy, Default)]
pub struct OptionalJson<T>(pub T);

impl<T: DeserializeOwned + Default, S: Send + Sync> FromRequest<S> for OptionalJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let bytes = Bytes::from_request(req, state).await.map_err(unreadable)?;
        let text = bytes.trim_ascii();
        if text.is_empty() || text == b"null" {
            return Ok(OptionalJson(T::default()));
        }
        parse_json(&bytes).map(OptionalJson)
    }
}

/// Parses a JSON request body, which must be an object, naming the offending field on type
/// errors. Structs are read only from objects, at every depth ([`Objects`]).
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::bad_request("INVALID_JSON", "Request body is empty: send a JSON object"));
    }
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|err| ApiError::bad_request("INVALID_JSON", format!("Malformed JSON: {err}")))?;
    if !value.is_object() {
        return Err(not_an_object());
    }
    parse_value(value)
}

/// The 400 for a body that is valid JSON but not an object.
pub fn not_an_object() -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, "VALIDATION_ERROR", "The request body must be a JSON object")
}

/// Deserializes an already-parsed JSON value (a body, or part of one whose shape depends on
/// another field), naming the offending field like [`parse_json`] does. Dates and times in
/// it must be within [`clock::SANE_YEARS`] of today.
pub fn parse_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, ApiError> {
    clock::in_request_body(|| serde_path_to_error::deserialize(Objects(value))).map_err(|err| {
        let path = err.path().to_string();
        let message = strip_position(&err.into_inner().to_string());
        field_error(&path, &message)
    })
}

/// A 400 for a failed field, with `field` set to the most precise path serde gave us.
fn field_error(path: &str, message: &str) -> ApiError {
    // "missing field `x`" is reported at the parent object's path.
    if let Some(name) = message.strip_prefix("missing field `").and_then(|m| m.strip_suffix('`')) {
        let field = if path == "." || path.is_empty() { name.to_owned() } else { format!("{path}.{name}") };
        return ApiError::validation(field.clone(), format!("Missing required field `{field}`"));
    }
    if let Some(name) = message.strip_prefix("unknown field `").and_then(|m| m.split('`').next()) {
        // serde_path_to_error already ends the path with the unknown field.
        let field = if path == "." || path.is_empty() { name.to_owned() } else { path.to_owned() };
        return ApiError::validation(field.clone(), format!("Unknown field `{field}`"));
    }
    if path == "." || path.is_empty() {
        return ApiError::validation("body", format!("Invalid request body: {message}"));
    }
    ApiError::validation(path, format!("Invalid value for `{path}`: {message}"))
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

/// Query-string parameters.
#[derive(Debug, Clone, Copy, Default)]
pub struct Query<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        parse_query(parts.uri.query().unwrap_or_default()).map(Query)
    }
}

/// Parses a query string (without `?`), naming the offending parameter.
pub fn parse_query<T: DeserializeOwned>(query: &str) -> Result<T, ApiError> {
    let deserializer = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(deserializer).map_err(|err| {
        let path = err.path().to_string();
        let message = err.into_inner().to_string();
        let mut error = field_error(&path, &message);
        if error.message().starts_with("Missing required field") {
            error = ApiError::validation(
                error_field(&path, &message),
                format!("Missing required query parameter `{}`", error_field(&path, &message)),
            );
        }
        error
    })
}

fn error_field(path: &str, message: &str) -> String {
    message
        .strip_prefix("missing field `")
        .and_then(|m| m.strip_suffix('`'))
        .map_or_else(|| path.to_owned(), str::to_owned)
}

/// Path parameters.
#[derive(Debug, Clone, Copy, Default)]
pub struct Path<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Path<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Path(value)| Path(value))
            .map_err(|rejection| ApiError::bad_request("INVALID_PATH", rejection.body_text()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[expect(dead_code, reason = "only serde reads these fields")]
    struct Listing {
        title: String,
        price: Option<f64>,
        address: Address,
        kind: Option<Kind>,
    }

    #[derive(Debug, serde::Deserialize)]
    enum Kind {
        #[serde(rename = "house")]
        House,
    }

    #[derive(Debug, serde::Deserialize)]
    #[expect(dead_code, reason = "only serde reads these fields")]
    struct Address {
        city: String,
    }

    fn field_of(body: &str) -> (String, Option<String>) {
        let err = parse_json::<Listing>(body.as_bytes()).unwrap_err();
        (err.code().to_owned(), err.field_name().map(str::to_owned))
    }

    #[test]
    fn errors_name_the_field() {
        assert_eq!(
            field_of(r#"{"price": 1, "address": {"city": "x"}}"#),
            ("VALIDATION_ERROR".into(), Some("title".into()))
        );
        assert_eq!(
            field_of(r#"{"title": "t", "price": "cheap", "address": {"city": "x"}}"#),
            ("VALIDATION_ERROR".into(), Some("price".into()))
        );
        assert_eq!(
            field_of(r#"{"title": "t", "address": {}}"#),
            ("VALIDATION_ERROR".into(), Some("address.city".into()))
        );
        assert_eq!(
            field_of(r#"{"title": "t", "address": {"city": "x"}, "colour": 1}"#),
            ("VALIDATION_ERROR".into(), Some("colour".into()))
        );
        assert_eq!(
            field_of(r#"{"title": "t", "address": {"city": "x"}, "kind": 5}"#),
            ("VALIDATION_ERROR".into(), Some("kind".into()))
        );
        assert_eq!(
            field_of(r#"{"title": "t", "address": {"city": "x"}, "kind": "castle"}"#),
            ("VALIDATION_ERROR".into(), Some("kind".into()))
        );
        assert_eq!(field_of(r#"{"title": "t""#).0, "INVALID_JSON");
        assert_eq!(field_of("").0, "INVALID_JSON");
        assert_eq!(field_of(r#"{"title": "t", "address": {"city": "x"}} trailing"#).0, "INVALID_JSON");
        assert_eq!(
            field_of(r#"{"title": "t", "address": ["x"]}"#),
            ("VALIDATION_ERROR".into(), Some("address".into()))
        );
    }

    #[test]
    fn a_body_must_be_an_object() {
        for body in ["[]", r#"["t", null, {"city": "x"}, null]"#, "null", "\"Renamed\"", "5"] {
            let err = parse_json::<Listing>(body.as_bytes()).unwrap_err();
            assert_eq!((err.code(), err.field_name()), ("VALIDATION_ERROR", None), "{body}");
            assert_eq!(err.message(), "The request body must be a JSON object", "{body}");
        }
    }
}
