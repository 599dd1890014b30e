//! Rentals: units, tenants, leases and the rent ledger (charges, payments, AR aging, payment
//! plans), the dashboard and the delinquency prioritizer.

pub mod ar_aging;
pub mod dashboard;
pub mod delinquency;
pub mod leases;
pub mod ledger;
pub mod plans;
pub mod scheduler;
pub mod seed;
pub mod tenants;
pub mod units;

use utoipa_axum::router::OpenApiRouter;

use crate::events::EventType;
use crate::resource::{self, Area, Operations, Registration, register};
use crate::state::AppState;

/// The area, as `crate::app::AREAS` lists it.
/// Rules that tie a request body's fields together, for the OpenAPI document.
const BODY_RULES: &[resource::BodyRule] = &[plans::LEASE_OR_TENANT];

pub const AREA: Area = Area {
    name: "rentals",
    router,
    public_router: OpenApiRouter::new,
    event_types,
    operations,
    body_rules: BODY_RULES,
};

/// This area's CRUD resources: adding one here mounts its routes and lists its events.
const RESOURCES: [Registration; 6] = [
    register::<units::Units>(),
    register::<tenants::Tenants>(),
    register::<leases::Leases>(),
    register::<plans::PaymentPlans>(),
    // The scheduler writes charges; a payment is recorded, never changed.
    Registration::reads::<ledger::RentCharges>(),
    Registration::reads::<ledger::RentPayments>().creates::<ledger::RentPayments>(),
];

pub fn router() -> OpenApiRouter<AppState> {
    resource::routers(&RESOURCES)
        .merge(leases::router())
        .merge(ar_aging::router())
        .merge(plans::router())
        .merge(dashboard::router())
        .merge(delinquency::router())
}

/// The event types this area emits.
pub fn event_types() -> Vec<EventType> {
    let mut types = resource::all_event_types(&RESOURCES);
    types.extend(ledger::event_types());
    types
}

/// This area's CRUD resources' operations (the GraphQL schema is generated from them).
pub fn operations() -> Vec<Operations> {
    resource::all_operations(&RESOURCES)
}
