//! Submitted forms: every field in order (check boxes repeat a name). The CSRF check every
//! state-changing form passes is in its extractor, `session::Posted`.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::response::{IntoResponse, Response};

use crate::http::in_process::Reply;

/// The fields of an `application/x-www-form-urlencoded` body.
#[derive(Debug, Default)]
pub struct FormData(Vec<(String, String)>);

/// The name of the hidden field that carries the session's CSRF token.
pub const CSRF_FIELD: &str = "csrf_token";

impl FormData {
    /// The first value of `name`, trimmed; `None` when absent or blank.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(key, _)| key == name).map(|(_, value)| value.trim()).filter(|value| !value.is_empty())
    }

    /// The first value of `name` as sent (passwords are not trimmed).
    pub fn raw(&self, name: &str) -> &str {
        self.0.iter().find(|(key, _)| key == name).map_or("", |(_, value)| value.as_str())
    }

    /// Every non-blank value of `name`.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(key, value)| key == name && !value.trim().is_empty())
            .map(|(_, value)| value.trim().to_owned())
            .collect()
    }
}

/// A form's error from the API: the input field it is about (if any) and its message.
pub type FormError = Option<(Option<String>, String)>;

/// The error an API answer carries.
pub fn error_of(reply: &Reply) -> FormError {
    Some((reply.field().map(str::to_owned), reply.message()))
}

/// The message about `field` or one of its parts (`events[2]`, `headers.X-Team`), shown next to
/// that field.
pub fn field_error<'a>(error: &'a FormError, field: &str) -> Option<&'a str> {
    let about = |f: &str| {
        f.strip_prefix(field).is_some_and(|rest| rest.is_empty() || rest.starts_with('[') || rest.starts_with('.'))
    };
    error.as_ref().filter(|(f, _)| f.as_deref().is_some_and(about)).map(|(_, m)| m.as_str())
}

/// The message when it is about none of the form's `fields`, shown above the form.
pub fn other_error<'a>(error: &'a FormError, fields: &[&str]) -> Option<&'a str> {
    error.as_ref().filter(|_| fields.iter().all(|f| field_error(error, f).is_none())).map(|(_, m)| m.as_str())
}

/// Equal without revealing where they differ by how long the comparison took.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0
}

impl<S: Send + Sync> FromRequest<S> for FormData {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        let bytes = Bytes::from_request(req, state).await.map_err(IntoResponse::into_response)?;
        Ok(FormData(form_urlencoded::parse(&bytes).into_owned().collect()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_and_blank_fields() {
        let form =
            FormData(form_urlencoded::parse(b"scope=read%3A*&scope=admin&name=+Zapier+&empty=").into_owned().collect());
        assert_eq!(form.all("scope"), ["read:*", "admin"]);
        assert_eq!(form.get("name"), Some("Zapier"));
        assert_eq!(form.get("empty"), None);
        assert_eq!(form.raw("name"), " Zapier ");
        assert!(
            constant_time_eq(b"abc", b"abc") && !constant_time_eq(b"abc", b"abd") && !constant_time_eq(b"ab", b"abc")
        );
    }
}
