//! Sales: team members, calls, booking links, products, payments.

pub mod booking_links;
pub mod calls;
pub mod payments;
pub mod products;
pub mod team;

use utoipa_axum::router::OpenApiRouter;

use crate::app::AppState;
use crate::resource::{self, Operations, Registration, register};
use crate::webhooks::catalog::EventType;

/// This area's CRUD resources: adding one here mounts its routes and lists its events.
const RESOURCES: [Registration; 5] = [
    register::<team::TeamMembers>(),
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
