//! Listings and CRM: properties, contacts, leads, tasks, showings.

pub mod contacts;
pub mod leads;
pub mod properties;
pub mod showings;
pub mod tasks;

use utoipa_axum::router::OpenApiRouter;

use crate::app::AppState;
use crate::resource;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(resource::router::<properties::Properties>())
        .merge(resource::router::<contacts::Contacts>())
        .merge(resource::router::<leads::Leads>())
        .merge(leads::router())
        .merge(resource::router::<showings::Showings>())
        .merge(resource::router::<tasks::Tasks>())
}

/// Unauthenticated pages of this area (see `crate::http::public`), outside `/api`.
pub fn public_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().merge(leads::public_router())
}
