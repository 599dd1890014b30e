//! Property operations: vendors, expenses and their categories, work orders, rental
//! applications, inspections, and the AI vendor summary (`docs/rentals-ops.md`).

pub mod vendors;

use utoipa_axum::router::OpenApiRouter;

use crate::app::AppState;
use crate::resource::{self, Registration, register};
use crate::webhooks::catalog::EventType;

/// This area's CRUD resources: adding one here mounts its routes and lists its events.
const RESOURCES: [Registration; 1] = [register::<vendors::Vendors>()];

pub fn router() -> OpenApiRouter<AppState> {
    resource::routers(&RESOURCES)
}

/// The event types this area's resources emit.
pub fn event_types() -> Vec<EventType> {
    resource::all_event_types(&RESOURCES)
}
