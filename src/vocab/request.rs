//! The id of the request being handled, kept in a task-local for the request's duration (set
//! by the `X-Request-Id` middleware, `crate::http::request_id`), so error bodies and log lines
//! carry it without threading it through every function.

use std::future::Future;

tokio::task_local! {
    static REQUEST_ID: String;
}

/// The id of the request being handled (empty outside a request).
pub fn current() -> String {
    REQUEST_ID.try_with(Clone::clone).unwrap_or_default()
}

/// Runs `request` as the request with this id.
pub async fn scope<F: Future>(id: String, request: F) -> F::Output {
    REQUEST_ID.scope(id, request).await
}
