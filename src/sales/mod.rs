//! Sales: team members, calls, booking links, products, payments.

pub mod team;

use utoipa_axum::router::OpenApiRouter;

use crate::app::AppState;
use crate::resource;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().merge(resource::router::<team::TeamMembers>())
}

/// Unauthenticated pages of this area (see `crate::http::public`), outside `/api`.
pub fn public_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
}

/// The event types this area's resources emit.
pub fn event_types() -> Vec<crate::webhooks::catalog::EventType> {
    [resource::event_types::<team::TeamMembers>()].concat()
}
