//! Sales: calls, booking links, products, payments (the team members they name live in
//! `crate::crm`, beside the leads, showings and tasks that name them too).

pub mod booking_links;
pub mod calls;
pub mod payments;
pub mod products;

use utoipa_axum::router::OpenApiRouter;

use crate::events::EventType;
use crate::resource::{self, Area, Operations, Registration, register};
use crate::state::AppState;

/// The area, as `crate::app::AREAS` lists it.
/// Rules that tie a request body's fields together, for the OpenAPI document.
const BODY_RULES: &[resource::BodyRule] = &[payments::PAID_AT_ON_CREATE, payments::PAID_AT_ON_UPDATE];

pub const AREA: Area = Area { name: "sales", router, public_router, event_types, operations, body_rules: BODY_RULES };

/// This area's CRUD resources: adding one here mounts its routes and lists its events.
const RESOURCES: [Registration; 4] = [
    register::<calls::Calls>(),
    register::<booking_links::BookingLinks>(),
    register::<products::Products>(),
    register::<payments::Payments>(),
];

pub fn router() -> OpenApiRouter<AppState> {
    resource::routers(&RESOURCES)
}

/// Unauthenticated pages of this area (see `crate::http::public`), outside `/api`.
pub fn public_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().merge(booking_links::public_router())
}

/// The event types this area's resources emit.
pub fn event_types() -> Vec<EventType> {
    resource::all_event_types(&RESOURCES)
}

/// This area's CRUD resources' operations (the GraphQL schema is generated from them).
pub fn operations() -> Vec<Operations> {
    resource::all_operations(&RESOURCES)
}
