//! Vendors (contractors who do the work orders): `/api/vendors`. Their track record is
//! summarized by `POST /api/ai-vendor-summary` (`vendor_summary.rs`).

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};

use crate::resource::validate::{non_negative, optional_text, text};
use crate::resource::{Columns, Patch, patch_body};
use crate::resource::{Creatable, Ctx, Deletable, Filters, Meta, Resource, Updatable};
use crate::vocab::contact::{Email, OptionalEmail, Phone};
use crate::vocab::error::ApiResult;
use crate::vocab::values::{Money, NonNegativeMoney, Timestamp, Value};

/// A vendor: a plumber, an electrician, a snow-removal company…
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
#[schema(example = json!({
    "id": "v_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "name": "Twin Cities Plow Co.", "trade": "snow_removal",
    "contact_name": "Dana Berg", "email": "dispatch@tcplow.example", "phone": "+1 612 555 0134",
    "hourly_rate_usd": 85, "notes": null,
    "created_at": "2026-01-15T10:30:00.000Z", "updated_at": "2026-01-15T10:30:00.000Z"
}))]
pub struct Vendor {
    pub id: String,
    pub name: String,
    /// Free text, e.g. `plumbing`, `electrical`, `snow_removal`.
    pub trade: Option<String>,
    pub contact_name: Option<String>,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    #[sqlx(rename = "hourly_rate")]
    pub hourly_rate_usd: Option<Money>,
    pub notes: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "name": "Twin Cities Plow Co.", "trade": "snow_removal", "contact_name": "Dana Berg",
    "email": "dispatch@tcplow.example", "phone": "+1 612 555 0134", "hourly_rate_usd": 85
}))]
pub struct CreateVendor {
    /// At most 200 characters.
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    #[schema(max_length = 100)]
    pub trade: Option<String>,
    #[schema(max_length = 200)]
    pub contact_name: Option<String>,
    #[schema(value_type = Option<OptionalEmail>)]
    pub email: Option<String>,
    #[schema(value_type = Option<Phone>)]
    pub phone: Option<String>,
    /// Dollars per hour, not negative.
    #[schema(value_type = Option<NonNegativeMoney>)]
    pub hourly_rate_usd: Option<Money>,
    #[schema(max_length = 10_000)]
    pub notes: Option<String>,
}

/// Only the fields sent change; `null` clears an optional field.
#[patch_body]
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"hourly_rate_usd": 90}))]
pub struct UpdateVendor {
    #[schema(min_length = 1, max_length = 200)]
    pub name: Patch<String>,
    #[schema(max_length = 100)]
    pub trade: Patch<Option<String>>,
    #[schema(max_length = 200)]
    pub contact_name: Patch<Option<String>>,
    #[schema(value_type = Option<OptionalEmail>)]
    pub email: Patch<Option<String>>,
    #[schema(value_type = Option<Phone>)]
    pub phone: Patch<Option<String>>,
    #[schema(value_type = Option<NonNegativeMoney>)]
    pub hourly_rate_usd: Patch<Option<Money>>,
    #[schema(max_length = 10_000)]
    pub notes: Patch<Option<String>>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VendorFilter {
    /// Vendors of this trade (case-insensitive).
    #[param(example = "plumbing")]
    pub trade: Option<String>,
    /// Case-insensitive substring of the name, contact name, email or trade.
    #[param(example = "plow")]
    pub search: Option<String>,
}

pub struct Vendors;

/// Validates every field of a vendor.
fn checked(mut v: Vendor) -> ApiResult<Vendor> {
    v.name = text("name", &v.name, 200)?;
    v.trade = optional_text("trade", v.trade.as_deref(), 100)?;
    v.contact_name = optional_text("contact_name", v.contact_name.as_deref(), 200)?;
    v.hourly_rate_usd = non_negative("hourly_rate_usd", v.hourly_rate_usd)?;
    v.notes = optional_text("notes", v.notes.as_deref(), 10_000)?;
    Ok(v)
}

impl Resource for Vendors {
    const META: Meta = Meta {
        name: "vendor",
        plural: "vendors",
        path: "/vendors",
        table: "vendors",
        id_prefix: "v",
        scope: "vendors",
        tag: "Vendors",
    };

    type Record = Vendor;
    type Filter = VendorFilter;

    fn filter(f: &VendorFilter, filters: &mut Filters) {
        if let Some(trade) = f.trade.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            filters.raw("LOWER(trade) = ?".into(), [Value::from(trade.to_lowercase())]);
        }
        filters.search(&["name", "contact_name", "email", "trade"], f.search.as_deref());
    }
}

impl Creatable for Vendors {
    type CreateBody = CreateVendor;

    async fn create(ctx: &mut Ctx<'_>, input: CreateVendor) -> ApiResult<Vendor> {
        let now = ctx.now();
        checked(Vendor {
            id: ctx.new_id(Self::META.id_prefix),
            name: input.name,
            trade: input.trade,
            contact_name: input.contact_name,
            email: Email::optional("email", input.email.as_deref())?,
            phone: Phone::optional("phone", input.phone.as_deref())?,
            hourly_rate_usd: input.hourly_rate_usd,
            notes: input.notes,
            created_at: now,
            updated_at: now,
        })
    }
}

impl Updatable for Vendors {
    type UpdateBody = UpdateVendor;

    async fn update(_ctx: &mut Ctx<'_>, mut v: Vendor, change: UpdateVendor) -> ApiResult<Vendor> {
        v.name = change.name.or(v.name);
        v.trade = change.trade.or(v.trade);
        v.contact_name = change.contact_name.or(v.contact_name);
        v.email = change.email.apply(v.email, |e| Email::optional("email", e.as_deref()))?;
        v.phone = change.phone.apply(v.phone, |p| Phone::optional("phone", p.as_deref()))?;
        v.hourly_rate_usd = change.hourly_rate_usd.or(v.hourly_rate_usd);
        v.notes = change.notes.or(v.notes);
        checked(v)
    }
}

impl Deletable for Vendors {}
