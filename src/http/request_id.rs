//! `X-Request-Id` on every response, and the request log line.
//!
//! An incoming id is kept when it is sane (1–128 characters of `A-Za-z0-9._:-`), otherwise a
//! new `req_…` id is made, and kept for the request's duration ([`crate::vocab::request`]).

use std::time::Instant;

use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;

use crate::vocab::ids::new_id;
use crate::vocab::request;

pub static X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

fn is_sane(id: &str) -> bool {
    (1..=128).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b"._:-".contains(&b))
}

pub async fn middleware(req: Request, next: Next) -> Response {
    let id = req
        .headers()
        .get(&X_REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| is_sane(v))
        .map_or_else(|| new_id("req"), str::to_owned);
    let span = tracing::info_span!("request", request_id = %id);
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let started = Instant::now();
    let mut response = request::scope(id.clone(), next.run(req).instrument(span.clone())).await;
    let status = response.status().as_u16();
    span.in_scope(
        || tracing::info!(%method, %path, status, latency_ms = started.elapsed().as_secs_f64() * 1000.0, "request"),
    );
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(X_REQUEST_ID.clone(), value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::is_sane;

    #[test]
    fn sanity_of_incoming_ids() {
        assert!(is_sane("abc-123_x.y:z"));
        assert!(!is_sane(""));
        assert!(!is_sane("has space"));
        assert!(!is_sane(&"a".repeat(129)));
    }
}
