//! Prometheus metrics at `GET /metrics`: requests by route, method and status, and a latency
//! histogram by route. Routes are the matched patterns (`/api/keys/{id}`), so ids never
//! explode the label space; requests that match no route count as `unmatched`.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use secrecy::ExposeSecret;
use sha2::{Digest, Sha256};

use crate::app::AppState;
use crate::vocab::error::ApiError;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: String,
    method: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

type HistogramConstructor = fn() -> Histogram;

/// The process's metrics registry.
#[derive(Clone)]
pub struct Metrics {
    registry: Arc<Registry>,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram, HistogramConstructor>,
    webhook_attempts: Family<OutcomeLabels, Counter>,
    webhook_latency: Histogram,
    webhook_queue_depth: Gauge,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    outcome: &'static str,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("gable");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register("http_requests", "HTTP requests by route, method and status", requests.clone());
        let latency: Family<RouteLabels, Histogram, HistogramConstructor> =
            Family::new_with_constructor(|| Histogram::new(exponential_buckets(0.000_25, 2.0, 16)));
        registry.register("http_request_duration_seconds", "HTTP request latency by route", latency.clone());
        let webhook_attempts = Family::<OutcomeLabels, Counter>::default();
        registry.register(
            "webhook_attempts",
            "Webhook delivery attempts by outcome (success, http_error, network_error)",
            webhook_attempts.clone(),
        );
        let webhook_latency = Histogram::new(exponential_buckets(0.001, 2.0, 15));
        registry.register(
            "webhook_delivery_duration_seconds",
            "Latency of webhook delivery attempts (request to response)",
            webhook_latency.clone(),
        );
        let webhook_queue_depth = Gauge::default();
        registry.register("webhook_queue_depth", "Webhook deliveries waiting to be sent", webhook_queue_depth.clone());
        Metrics {
            registry: Arc::new(registry),
            requests,
            latency,
            webhook_attempts,
            webhook_latency,
            webhook_queue_depth,
        }
    }
}

impl Metrics {
    /// Counts a webhook attempt: `success`, `http_error` (a non-2xx answer) or `network_error`.
    pub fn webhook_attempt(&self, outcome: &'static str, seconds: f64) {
        self.webhook_attempts.get_or_create(&OutcomeLabels { outcome }).inc();
        self.webhook_latency.observe(seconds);
    }

    pub fn set_webhook_queue_depth(&self, depth: i64) {
        self.webhook_queue_depth.set(depth);
    }

    pub fn render(&self) -> Result<String, std::fmt::Error> {
        let mut out = String::new();
        encode(&mut out, &self.registry)?;
        Ok(out)
    }
}

/// Counts and times every routed request (a route layer, so the matched path is known).
pub async fn track(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let route = req.extensions().get::<MatchedPath>().map_or("unmatched", MatchedPath::as_str).to_owned();
    let method = req.method().to_string();
    let started = Instant::now();
    let response = next.run(req).await;
    let metrics = state.metrics();
    metrics.latency.get_or_create(&RouteLabels { route: route.clone() }).observe(started.elapsed().as_secs_f64());
    metrics.requests.get_or_create(&RequestLabels { route, method, status: response.status().as_u16() }).inc();
    response
}

/// `GET /metrics`, in the Prometheus text format (not part of the OpenAPI document).
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
