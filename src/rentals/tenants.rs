//! Tenants (the people on leases): `/api/tenants`. Adding one emits `tenant.added` and removing
//! one `tenant.removed` (the documented names), instead of `created`/`deleted`. A tenant on a
//! lease cannot be removed (409 `REFERENCED`): the ledger keeps naming them.

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};

use crate::resource::validate::text;
use crate::resource::{Columns, Patch, patch_body};
use crate::resource::{Creatable, Ctx, Deletable, Filters, Meta, Resource, Updatable};
use crate::vocab::contact::{Email, OptionalEmail, Phone};
use crate::vocab::error::ApiResult;
use crate::vocab::values::Timestamp;

/// A person renting a unit.
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
#[schema(example = json!({
    "id": "ten_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "name": "Maya R.", "email": "maya@example.com",
    "phone": "+1-555-0100", "created_at": "2026-03-01T10:30:00.000Z", "updated_at": "2026-03-01T10:30:00.000Z"
}))]
pub struct Tenant {
    pub id: String,
    pub name: String,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Maya R.", "email": "maya@example.com", "phone": "+1-555-0100"}))]
pub struct CreateTenant {
    /// At most 200 characters.
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    #[schema(value_type = Option<OptionalEmail>)]
    pub email: Option<String>,
    #[schema(value_type = Option<Phone>)]
    pub phone: Option<String>,
}

/// Only the fields sent change; `null` clears an optional field.
#[patch_body]
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"phone": "+1-555-0199"}))]
pub struct UpdateTenant {
    #[schema(min_length = 1, max_length = 200)]
    pub name: Patch<String>,
    #[schema(value_type = Option<OptionalEmail>)]
    pub email: Patch<Option<String>>,
    #[schema(value_type = Option<Phone>)]
    pub phone: Patch<Option<String>>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TenantFilter {
    /// Tenants with this email address (exact).
    pub email: Option<String>,
}

pub struct Tenants;

fn checked(mut t: Tenant) -> ApiResult<Tenant> {
    t.name = text("name", &t.name, 200)?;
    Ok(t)
}

pub const ADDED: &str = "tenant.added";
pub const REMOVED: &str = "tenant.removed";

impl Resource for Tenants {
    const META: Meta = Meta {
        name: "tenant",
        plural: "tenants",
        path: "/tenants",
        table: "tenants",
        id_prefix: "ten",
        scope: "tenants",
        tag: "Tenants",
    };

    type Record = Tenant;
    type Filter = TenantFilter;

    fn filter(f: &TenantFilter, filters: &mut Filters) {
        filters.eq("email", f.email.clone());
    }
}

impl Creatable for Tenants {
    const CREATED_EVENT: Option<&'static str> = Some(ADDED);

    type CreateBody = CreateTenant;

    async fn create(ctx: &mut Ctx<'_>, input: CreateTenant) -> ApiResult<Tenant> {
        let now = ctx.now();
        checked(Tenant {
            id: ctx.new_id(Self::META.id_prefix),
            name: input.name,
            email: Email::optional("email", input.email.as_deref())?,
            phone: Phone::optional("phone", input.phone.as_deref())?,
            created_at: now,
            updated_at: now,
        })
    }
}

impl Updatable for Tenants {
    type UpdateBody = UpdateTenant;

    async fn update(_ctx: &mut Ctx<'_>, mut t: Tenant, change: UpdateTenant) -> ApiResult<Tenant> {
        t.name = change.name.or(t.name);
        t.email = change.email.apply(t.email, |e| Email::optional("email", e.as_deref()))?;
        t.phone = change.phone.apply(t.phone, |p| Phone::optional("phone", p.as_deref()))?;
        checked(t)
    }
}

impl Deletable for Tenants {
    const DELETED_EVENT: Option<&'static str> = Some(REMOVED);
}
