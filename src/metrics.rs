//! The process's Prometheus metrics: requests by route, method and status, a latency
//! histogram by route, and the webhook deliveries' outcomes, latency and queue depth. Routes
//! are the matched patterns (`/api/keys/{id}`), so ids never explode the label space; requests
//! that match no route count as `unmatched`. Served by `crate::platform::metrics`.

use std::sync::Arc;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

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

    /// Counts and times one routed request.
    pub fn request(&self, route: String, method: String, status: u16, seconds: f64) {
        self.latency.get_or_create(&RouteLabels { route: route.clone() }).observe(seconds);
        self.requests.get_or_create(&RequestLabels { route, method, status }).inc();
    }

    pub fn render(&self) -> Result<String, std::fmt::Error> {
        let mut out = String::new();
        encode(&mut out, &self.registry)?;
        Ok(out)
    }
}
