//! HTTP plumbing shared by every route: extractors that fail as JSON errors, the request id,
//! idempotent POSTs, and the fallbacks for unknown routes and methods.

pub mod extract;
pub mod idempotency;
pub mod in_process;
mod objects;
pub mod public;
pub mod request_id;

use axum::http::{Method, StatusCode, Uri};

pub use self::extract::{Json, OptionalJson, Path, Query, json_body, json_response, to_json};
use crate::vocab::error::ApiError;

/// Unknown route: 404 as JSON.
pub async fn not_found(method: Method, uri: Uri) -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "NOT_FOUND", format!("No route for {method} {}", uri.path()))
}

/// Known route, wrong method: 405 as JSON.
pub async fn method_not_allowed(method: Method, uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "METHOD_NOT_ALLOWED",
        format!("{method} is not allowed on {}", uri.path()),
    )
}

/// A panic in a handler: 500 as JSON (the panic itself is logged).
pub fn panic_response(panic: Box<dyn std::any::Any + Send + 'static>) -> axum::response::Response {
    use axum::response::IntoResponse;
    let detail = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("unknown panic");
    ApiError::internal(format!("handler panicked: {detail}")).into_response()
}
