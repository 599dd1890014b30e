//! Prometheus metrics at `GET /metrics` (the registry is `crate::metrics`), and the route
//! layer that counts and times every routed request.

use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use secrecy::ExposeSecret;
use sha2::{Digest, Sha256};

use crate::state::AppState;
use crate::vocab::error::ApiError;

/// Counts and times every routed request (a route layer, so the matched path is known).
pub async fn track(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let route = req.extensions().get::<MatchedPath>().map_or("unmatched", MatchedPath::as_str).to_owned();
    let method = req.method().to_string();
    let started = Instant::now();
    let response = next.run(req).await;
    state.metrics().request(route, method, response.status().as_u16(), started.elapsed().as_secs_f64());
    response
}

/// `GET /metrics`, for a scraper holding `metrics_token` (`Authorization: Bearer <token>`).
/// Without a configured token there is nothing here (404): the metrics name routes, volumes
/// and error rates, which are not for the public.
pub async fn serve(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let Some(token) = &state.settings().metrics_token else {
        return ApiError::new(StatusCode::NOT_FOUND, "NOT_FOUND", "No route GET /metrics").into_response();
    };
    let presented = headers
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .unwrap_or_default();
    // Digests compared, so the comparison's time says nothing about the token.
    if Sha256::digest(presented.as_bytes()) != Sha256::digest(token.expose_secret().as_bytes()) {
        return ApiError::unauthorized("UNAUTHORIZED", "Send the metrics token as `Authorization: Bearer <token>`")
            .into_response();
    }
    match state.metrics().render() {
        Ok(body) => {
            ([(CONTENT_TYPE, "application/openmetrics-text; version=1.0.0; charset=utf-8")], body).into_response()
        }
        Err(err) => ApiError::internal(err).into_response(),
    }
}
