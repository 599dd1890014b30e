//! The developer platform itself: organizations, API keys, the team and its audit log, health,
//! metrics and API docs.

pub mod audit_log;
pub mod docs;
pub mod health;
pub mod keys;
pub mod members;
pub mod metrics;
pub mod organization;
pub mod orgs;
pub mod usage;

use utoipa_axum::router::OpenApiRouter;

use crate::events::EventType;
use crate::resource::{self, Area, Operations, Registration};
use crate::state::AppState;

/// The platform's routes and resources, as `crate::app::AREAS` lists them.
/// No body rules beyond each field's own.
const BODY_RULES: &[resource::BodyRule] = &[];

pub const AREA: Area = Area {
    name: "platform",
    router,
    public_router: OpenApiRouter::new,
    event_types,
    operations,
    body_rules: BODY_RULES,
};

/// API keys are read through the engine; creating and revoking are `keys::router`'s own. The
/// audit log is read here; every area writes it (`crate::audit::record`).
const RESOURCES: [Registration; 2] =
    [Registration::reads::<keys::ApiKeys>(), Registration::reads::<audit_log::AuditLog>()];

pub fn router() -> OpenApiRouter<AppState> {
    resource::routers(&RESOURCES)
        .merge(keys::router())
        .merge(members::router())
        .merge(organization::router())
        .merge(usage::router())
}

/// The platform writes no events of its own.
pub fn event_types() -> Vec<EventType> {
    resource::all_event_types(&RESOURCES)
}

pub fn operations() -> Vec<Operations> {
    resource::all_operations(&RESOURCES)
}
