//! `gable serve --demo`: a demo organization on the Elite plan with sample data, and a new
//! API key and a new console password for its owner on every start (earlier ones were shown
//! once and are not recoverable).
//!
//! The sample data goes through the same resource rules as the API (each body below is what a
//! client would POST), so it is valid by construction and writes its events like any change.

use serde_json::{Value, json};

use crate::auth::{ActingOrg, users};
use crate::crm::team::TeamMembers;
use crate::crm::{contacts::Contacts, leads::Leads, properties::Properties, showings::Showings, tasks::Tasks};
use crate::db::system;
use crate::operations::{vendors::Vendors, work_orders::WorkOrders};
use crate::platform::keys;
use crate::platform::orgs::{self, Organization};
use crate::rentals::{leases::Leases, tenants::Tenants, units::Units};
use crate::resource::{Columns, Creatable, Ctx};
use crate::sales::{booking_links::BookingLinks, payments::Payments, products::Products};
use crate::state::AppState;
use crate::vocab::plan::Plan;
use crate::vocab::scope::Scopes;

pub const DEMO_SLUG: &str = "demo-realty";

pub struct Demo {
    pub org: Organization,
    pub key: String,
    /// The demo owner's console sign-in: their email and a new one-time password.
    pub owner_email: String,
    pub owner_password: String,
}

/// The demo organization's owner in the console.
pub const DEMO_OWNER: &str = "owner@demo-realty.example";

/// The demo organization (created with its sample data on first use) and a new key for it.
pub async fn prepare(state: &AppState) -> anyhow::Result<Demo> {
    let db = state.db();
    let (org, fresh) = match system::find_org_by_slug(db, DEMO_SLUG).await? {
        Some(org) => (org, false),
        None => {
            let org = orgs::create(db, state.clock(), "Demo Realty", Plan::Elite, Some(DEMO_OWNER)).await?;
            (org, true)
        }
    };
    let tenant =
        ActingOrg::for_operator(db, &org.id).await?.ok_or_else(|| anyhow::anyhow!("demo organization vanished"))?;
    if fresh {
        sample_data(state, &tenant).await.map_err(|e| anyhow::anyhow!("demo data: {}", e.message()))?;
    }
    let created = keys::create(db, state.clock(), &tenant, "Demo key", &Scopes::all(), None)
        .await
        .map_err(|e| anyhow::anyhow!("{}", e.message()))?;
    // Like the key, the owner's password is shown once: a new one on every start.
    let password = users::random_password();
    let reset =
        users::reset_password(db, DEMO_OWNER, &password).await.map_err(|e| anyhow::anyhow!("{}", e.message()))?;
    if !reset {
        users::create_user(db, state.clock(), &org.id, DEMO_OWNER, "owner", &password)
            .await
            .map_err(|e| anyhow::anyhow!("{}", e.message()))?;
    }
    Ok(Demo { org, key: created.key, owner_email: DEMO_OWNER.to_owned(), owner_password: password })
}

/// Creates one object of `R` from a JSON body, as `POST` would.
async fn add<R: Creatable>(ctx: &mut Ctx<'_>, body: Value) -> crate::vocab::error::ApiResult<R::Record> {
    let input: R::CreateBody = serde_json::from_value(body).map_err(crate::vocab::error::ApiError::internal)?;
    let record = ctx.create::<R>(input).await?;
    Ok(record)
}

async fn sample_data(state: &AppState, tenant: &ActingOrg) -> crate::vocab::error::ApiResult<()> {
    let mut ctx = Ctx::begin(state, tenant).await?;
    let ava = add::<TeamMembers>(
        &mut ctx,
        json!({"name": "Ava Stone", "email": "ava@demo-realty.example", "role": "agent", "commissionRate": 2.5}),
    )
    .await?;
    add::<TeamMembers>(&mut ctx, json!({"name": "Owen Park", "email": "owen@demo-realty.example", "role": "owner"}))
        .await?;
    let villa = add::<Properties>(
        &mut ctx,
        json!({
            "title": "Modern Villa in Beverly Hills", "address": "123 Palm Dr", "city": "Beverly Hills", "state": "CA",
            "zip": "90210", "price": 4500000, "bedrooms": 5, "bathrooms": 4, "sqft": 4200,
            "propertyType": "SINGLE_FAMILY", "status": "ACTIVE", "isFeatured": true
        }),
    )
    .await?;
    add::<Properties>(
        &mut ctx,
        json!({
            "title": "Sunny Condo by the Pier", "address": "9 Ocean Ave", "city": "Santa Monica", "state": "CA",
            "price": 985000, "bedrooms": 2, "bathrooms": 2, "sqft": 1100, "propertyType": "CONDO", "status": "PENDING"
        }),
    )
    .await?;
    let duplex = add::<Properties>(
        &mut ctx,
        json!({
            "title": "Maple Street Duplex", "address": "41 Maple St", "city": "Pasadena", "state": "CA",
            "price": 1350000, "bedrooms": 4, "bathrooms": 3, "propertyType": "TOWNHOUSE", "status": "COMING_SOON"
        }),
    )
    .await?;
    let john = add::<Contacts>(
        &mut ctx,
        json!({
            "firstName": "John", "lastName": "Smith", "email": "john@example.com", "phone": "+1-555-0100",
            "type": "BUYER", "tags": ["vip", "beverly-hills"], "score": 85
        }),
    )
    .await?;
    add::<Contacts>(
        &mut ctx,
        json!({"firstName": "Maya", "lastName": "Reyes", "email": "maya@example.com", "type": "SELLER"}),
    )
    .await?;
    let jane = add::<Leads>(
        &mut ctx,
        json!({
            "name": "Jane Doe", "email": "jane@example.com", "phone": "+1-555-0200", "source": "website",
            "message": "Interested in the Beverly Hills listing", "propertyId": villa.id(), "assignedToId": ava.id()
        }),
    )
    .await?;
    add::<Tasks>(
        &mut ctx,
        json!({
            "title": "Follow up with John Smith", "type": "call", "priority": "HIGH", "dueDate": "2030-01-20T17:00:00Z",
            "contactId": john.id(), "assignedToId": ava.id()
        }),
    )
    .await?;
    add::<Showings>(
        &mut ctx,
        json!({
            "propertyId": villa.id(), "leadId": jane.id(), "agentId": ava.id(),
            "scheduledAt": "2030-01-22T18:00:00Z", "durationMinutes": 45
        }),
    )
    .await?;
    let staging = add::<Products>(&mut ctx, json!({"name": "Home staging package", "price": 2500})).await?;
    add::<Payments>(&mut ctx, json!({
        "amount": 2500, "status": "succeeded", "productId": staging.id(), "contactId": john.id(), "teamMemberId": ava.id()
    })).await?;
    add::<BookingLinks>(
        &mut ctx,
        json!({"title": "Tour the Beverly Hills villa", "teamMemberId": ava.id(), "propertyId": villa.id()}),
    )
    .await?;
    rentals(&mut ctx, duplex.id()).await?;
    ctx.commit().await
}

/// The duplex as a rental: two units, two tenants, a draft lease (sign it with
/// `POST /api/leases/{id}/sign` to start its rent), a vendor and an open work order.
async fn rentals(ctx: &mut Ctx<'_>, property_id: &str) -> crate::vocab::error::ApiResult<()> {
    let unit_a = add::<Units>(ctx, json!({"property_id": property_id, "label": "A", "market_rent_usd": 2450})).await?;
    let unit_b = add::<Units>(ctx, json!({"property_id": property_id, "label": "B", "market_rent_usd": 2300})).await?;
    let sam = add::<Tenants>(ctx, json!({"name": "Sam Lee", "email": "sam@example.com"})).await?;
    add::<Tenants>(ctx, json!({"name": "Rita Gomez", "email": "rita@example.com"})).await?;
    add::<Leases>(
        ctx,
        json!({
            "unit_id": unit_a.id(), "tenant_ids": [sam.id()], "start_date": "2030-02-01", "monthly_rent_usd": 2450,
            "due_day": 1, "grace_days": 5, "deposit_usd": 2450
        }),
    )
    .await?;
    let plumber = add::<Vendors>(ctx, json!({"name": "Pasadena Pipes", "trade": "plumbing"})).await?;
    add::<WorkOrders>(
        ctx,
        json!({
            "property_id": property_id, "unit_id": unit_b.id(), "title": "Kitchen sink leaking",
            "vendor_id": plumber.id()
        }),
    )
    .await?;
    Ok(())
}
