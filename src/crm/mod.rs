//! Listings and CRM: properties, contacts, leads, tasks, showings, and the team members
//! (agents) they are assigned to.

pub mod contacts;
pub mod leads;
pub mod properties;
pub mod showings;
pub mod tasks;
pub mod team;

use utoipa_axum::router::OpenApiRouter;

use crate::events::EventType;
use crate::resource::{self, Area, Operations, Registration, register};
use crate::state::AppState;

/// The area, as `crate::app::AREAS` lists it.
/// No body rules beyond each field's own.
const BODY_RULES: &[resource::BodyRule] = &[];

pub const AREA: Area = Area { name: "crm", router, public_router, event_types, operations, body_rules: BODY_RULES };

/// This area's CRUD resources: adding one here mounts its routes and lists its events.
const RESOURCES: [Registration; 6] = [
    register::<properties::Properties>(),
    register::<contacts::Contacts>(),
    register::<leads::Leads>(),
    register::<showings::Showings>(),
    register::<tasks::Tasks>(),
    register::<team::TeamMembers>(),
];

pub fn router() -> OpenApiRouter<AppState> {
    resource::routers(&RESOURCES).merge(leads::router())
}

/// Unauthenticated pages of this area (see `crate::http::public`), outside `/api`.
pub fn public_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().merge(leads::public_router())
}

/// The event types this area's resources emit.
pub fn event_types() -> Vec<EventType> {
    resource::all_event_types(&RESOURCES)
}

/// This area's CRUD resources' operations (the GraphQL schema is generated from them).
pub fn operations() -> Vec<Operations> {
    resource::all_operations(&RESOURCES)
}
