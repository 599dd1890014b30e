//! Property operations: vendors, expenses and their categories, work orders, rental
//! applications, inspections, and the AI vendor summary (`docs/rentals-ops.md`).

pub mod applications;
pub mod expense_categories;
pub mod expenses;
pub mod inspections;
pub mod vendor_summary;
pub mod vendors;
pub mod work_orders;

use utoipa_axum::router::OpenApiRouter;

use crate::events::EventType;
use crate::resource::{self, Area, Operations, Registration, register};
use crate::state::AppState;

/// The area, as `crate::app::AREAS` lists it.
/// Rules that tie a request body's fields together, for the OpenAPI document.
const BODY_RULES: &[resource::BodyRule] = &[work_orders::PROPERTY_OR_UNIT];

pub const AREA: Area = Area {
    name: "operations",
    router,
    public_router: OpenApiRouter::new,
    event_types,
    operations,
    body_rules: BODY_RULES,
};

/// This area's CRUD resources: adding one here mounts its routes and lists its events.
const RESOURCES: [Registration; 6] = [
    register::<vendors::Vendors>(),
    register::<inspections::Inspections>(),
    register::<applications::Applications>(),
    register::<work_orders::WorkOrders>(),
    // Its writes are `POST /api/expenses` with an `action` (expenses::router).
    Registration::reads::<expenses::Expenses>()
        .created_by_own_route::<expenses::Expenses>()
        .updates::<expenses::Expenses>()
        .deletes::<expenses::Expenses>(),
    // Built-in categories are vocabulary, not rows: the reads are the module's own.
    Registration::listed_by::<expense_categories::ExpenseCategories>(
        expense_categories::page_json,
        expense_categories::get_json,
    )
    .creates::<expense_categories::ExpenseCategories>(),
];

pub fn router() -> OpenApiRouter<AppState> {
    resource::routers(&RESOURCES)
        .merge(expenses::router())
        .merge(expense_categories::router())
        .merge(work_orders::router())
        .merge(vendor_summary::router())
        .merge(applications::router())
        .merge(inspections::router())
}

/// The event types this area's resources emit.
pub fn event_types() -> Vec<EventType> {
    resource::all_event_types(&RESOURCES)
}

/// This area's CRUD resources' operations (the GraphQL schema is generated from them).
pub fn operations() -> Vec<Operations> {
    resource::all_operations(&RESOURCES)
}
