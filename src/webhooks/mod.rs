//! Webhooks: endpoints (subscriptions), signing, the SSRF guard, fan-out of outbox events to
//! deliveries, the delivery workers, and the attempt log. `docs/webhooks.md` is the guide.
//!
//! Flow: a change commits its event to the outbox and wakes the dispatcher; the dispatcher
//! turns each event into one delivery per matching endpoint and tells the delivery loop which
//! endpoints have work; the delivery loop claims, per endpoint, as many due deliveries as that
//! endpoint has room for on this instance (read from the endpoint's own slice of the queue
//! index) and hands them to its sender tasks, at most `webhook_concurrency_per_endpoint` per
//! endpoint, so a slow endpoint or a long backlog never holds up the others; attempts are
//! recorded in batches (one transaction for the successes that finished together), and a
//! failure schedules the next try or, eventually, disables the endpoint.

pub mod deliveries;
pub mod endpoints;
pub mod event_log;
pub mod listen;
pub mod queue;
pub mod runtime;
pub mod sender;
pub mod signing;
pub mod ssrf;
pub mod stream;
mod worker;

use utoipa_axum::router::OpenApiRouter;

pub use self::runtime::Webhooks;
pub use self::worker::{drain, run};
use crate::events::EventType;
use crate::resource::{self, Area, Operations, Registration};
use crate::state::AppState;

/// Webhooks as `crate::app::AREAS` lists them: endpoints (read through the engine),
/// deliveries and the event catalog.
/// Rules that tie a request body's fields together, for the OpenAPI document.
const BODY_RULES: &[resource::BodyRule] = &[endpoints::HEADER_WITH_HMAC, endpoints::HEADER_WITH_HMAC_ON_UPDATE];

pub const AREA: Area = Area {
    name: "webhooks",
    router,
    public_router: OpenApiRouter::new,
    event_types,
    operations,
    body_rules: BODY_RULES,
};

const RESOURCES: [Registration; 3] = [
    Registration::reads::<endpoints::WebhookEndpoints>(),
    // One delivery is `GET /webhook-deliveries/{id}` with its attempts (deliveries.rs).
    Registration::lists::<deliveries::Deliveries>(),
    Registration::reads::<event_log::Events>(),
];

pub fn router() -> OpenApiRouter<AppState> {
    resource::routers(&RESOURCES)
        .merge(endpoints::router())
        .merge(deliveries::router())
        .merge(event_log::catalog_router())
        .merge(stream::router())
}

/// Webhooks write no events of their own (a test delivery is not an event).
pub fn event_types() -> Vec<EventType> {
    resource::all_event_types(&RESOURCES)
}

pub fn operations() -> Vec<Operations> {
    resource::all_operations(&RESOURCES)
}
