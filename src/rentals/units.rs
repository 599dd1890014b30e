//! Units of a property (`1B`, `Apt 3`): `/api/units`. A unit becomes `occupied` when a lease on
//! it is signed; the status can also be set by hand.

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};

use crate::crm::properties::Properties;
use crate::resource::validate::{in_range, non_negative, text};
use crate::resource::{Columns, Patch, patch_body};
use crate::resource::{Creatable, Ctx, Deletable, Filters, Meta, Resource, Updatable};
use crate::text_enum;
use crate::vocab::error::ApiResult;
use crate::vocab::values::{Money, NonNegativeMoney, Timestamp, compact_number};

text_enum! {
    pub enum UnitStatus {
        Vacant = "vacant",
        Occupied = "occupied",
    }
}

/// A rentable unit of a property.
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
#[schema(example = json!({
    "id": "unit_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "property_id": "prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "label": "1B", "bedrooms": 2, "bathrooms": 1, "sqft": 850, "market_rent_usd": 1825,
    "status": "vacant", "created_at": "2026-03-01T10:30:00.000Z", "updated_at": "2026-03-01T10:30:00.000Z"
}))]
pub struct Unit {
    pub id: String,
    pub property_id: String,
    /// Unique within the property.
    pub label: String,
    pub bedrooms: Option<i64>,
    #[serde(serialize_with = "compact_number")]
    pub bathrooms: Option<f64>,
    pub sqft: Option<i64>,
    /// Asking rent per month, in dollars.
    #[sqlx(rename = "market_rent")]
    pub market_rent_usd: Option<Money>,
    pub status: UnitStatus,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "property_id": "prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "label": "1B", "bedrooms": 2, "bathrooms": 1,
    "sqft": 850, "market_rent_usd": 1825, "status": "vacant"
}))]
pub struct CreateUnit {
    pub property_id: String,
    /// At most 50 characters, unique within the property.
    #[schema(min_length = 1, max_length = 50)]
    pub label: String,
    #[schema(minimum = 0, maximum = 1000)]
    pub bedrooms: Option<i64>,
    #[schema(minimum = 0, maximum = 1000)]
    pub bathrooms: Option<f64>,
    #[schema(minimum = 0, maximum = 100_000_000)]
    pub sqft: Option<i64>,
    #[schema(value_type = Option<NonNegativeMoney>)]
    pub market_rent_usd: Option<Money>,
    /// vacant (default) or occupied.
    pub status: Option<UnitStatus>,
}

/// Only the fields sent change; `null` clears an optional field.
#[patch_body]
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"market_rent_usd": 1900}))]
pub struct UpdateUnit {
    pub property_id: Patch<String>,
    #[schema(min_length = 1, max_length = 50)]
    pub label: Patch<String>,
    #[schema(minimum = 0, maximum = 1000)]
    pub bedrooms: Patch<Option<i64>>,
    #[schema(minimum = 0, maximum = 1000)]
    pub bathrooms: Patch<Option<f64>>,
    #[schema(minimum = 0, maximum = 100_000_000)]
    pub sqft: Patch<Option<i64>>,
    #[schema(value_type = Option<NonNegativeMoney>)]
    pub market_rent_usd: Patch<Option<Money>>,
    pub status: Patch<UnitStatus>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UnitFilter {
    /// Units of this property.
    pub property_id: Option<String>,
    /// vacant or occupied.
    #[param(example = "vacant")]
    pub status: Option<UnitStatus>,
}

pub struct Units;

const MAX_ROOMS: i64 = 1_000;
const MAX_SQFT: i64 = 100_000_000;

fn checked(mut u: Unit) -> ApiResult<Unit> {
    u.label = text("label", &u.label, 50)?;
    u.bedrooms = in_range("bedrooms", u.bedrooms, 0, MAX_ROOMS)?;
    u.bathrooms = in_range("bathrooms", u.bathrooms, 0.0, MAX_ROOMS as f64)?;
    u.sqft = in_range("sqft", u.sqft, 0, MAX_SQFT)?;
    u.market_rent_usd = non_negative("market_rent_usd", u.market_rent_usd)?;
    Ok(u)
}

impl Resource for Units {
    const META: Meta = Meta {
        name: "unit",
        plural: "units",
        path: "/units",
        table: "units",
        id_prefix: "unit",
        scope: "units",
        tag: "Units",
    };

    type Record = Unit;
    type Filter = UnitFilter;

    fn filter(f: &UnitFilter, filters: &mut Filters) {
        filters.eq("property_id", f.property_id.clone());
        filters.eq("status", f.status);
    }
}

impl Creatable for Units {
    type CreateBody = CreateUnit;

    async fn create(ctx: &mut Ctx<'_>, input: CreateUnit) -> ApiResult<Unit> {
        let now = ctx.now();
        let unit = checked(Unit {
            id: ctx.new_id(Self::META.id_prefix),
            property_id: input.property_id,
            label: input.label,
            bedrooms: input.bedrooms,
            bathrooms: input.bathrooms,
            sqft: input.sqft,
            market_rent_usd: input.market_rent_usd,
            status: input.status.unwrap_or(UnitStatus::Vacant),
            created_at: now,
            updated_at: now,
        })?;
        ctx.reference::<Properties>("property_id", &unit.property_id).await?;
        Ok(unit)
    }
}

impl Updatable for Units {
    type UpdateBody = UpdateUnit;

    async fn update(ctx: &mut Ctx<'_>, mut u: Unit, change: UpdateUnit) -> ApiResult<Unit> {
        if let Some(property_id) = change.property_id.into_option() {
            ctx.reference::<Properties>("property_id", &property_id).await?;
            u.property_id = property_id;
        }
        u.label = change.label.or(u.label);
        u.bedrooms = change.bedrooms.or(u.bedrooms);
        u.bathrooms = change.bathrooms.or(u.bathrooms);
        u.sqft = change.sqft.or(u.sqft);
        u.market_rent_usd = change.market_rent_usd.or(u.market_rent_usd);
        u.status = change.status.or(u.status);
        checked(u)
    }
}

impl Deletable for Units {}
