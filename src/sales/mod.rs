//! Sales: team members, calls, booking links, products, payments.

pub mod booking_links;
pub mod calls;
pub mod payments;
pub mod products;
pub mod team;

use utoipa_axum::router::OpenApiRouter;

use crate::app::AppState;
use crate::resource;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(resource::router::<team::TeamMembers>())
        .merge(resource::router::<calls::Calls>())
        .merge(resource::router::<booking_links::BookingLinks>())
        .merge(resource::router::<products::Products>())
        .merge(resource::router::<payments::Payments>())
}

/// Unauthenticated pages of this area (see `crate::http::public`), outside `/api`.
pub fn public_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().merge(booking_links::public_router())
}
