//! Listings and CRM: properties, contacts, leads, tasks, showings.

pub mod contacts;
pub mod leads;
pub mod properties;

use utoipa_axum::router::OpenApiRouter;

use crate::app::AppState;
use crate::resource;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(resource::router::<properties::Properties>())
        .merge(resource::router::<contacts::Contacts>())
        .merge(resource::router::<leads::Leads>())
}

/// Unauthenticated pages of this area (see `crate::http::public`), outside `/api`.
pub fn public_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
}

/// The event types this area's resources emit.
pub fn event_types() -> Vec<crate::webhooks::catalog::EventType> {
    [
        resource::event_types::<properties::Properties>(),
        resource::event_types::<contacts::Contacts>(),
        resource::event_types::<leads::Leads>(),
    ]
    .concat()
}
