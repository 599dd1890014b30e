//! Properties (listings): `/api/properties`. The same rows are the rental properties that
//! units belong to.

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};

use crate::resource::validate::slugify;
use crate::resource::validate::{non_negative, optional_text, text, urls};
use crate::resource::{Columns, Patch, patch_body};
use crate::resource::{Creatable, Ctx, Deletable, Filters, Meta, Resource, Updatable};
use crate::text_enum;
use crate::vocab::error::ApiResult;
use crate::vocab::values::{Flag, Money, NonNegativeMoney, SignedMoney, StringList, Timestamp, Value, compact_number};

text_enum! {
    /// The kind of property.
    pub enum PropertyType {
        SingleFamily = "SINGLE_FAMILY",
        Condo = "CONDO",
        Townhouse = "TOWNHOUSE",
        Land = "LAND",
        Commercial = "COMMERCIAL",
    }
}

text_enum! {
    /// Listing status.
    pub enum PropertyStatus {
        Active = "ACTIVE",
        Pending = "PENDING",
        Sold = "SOLD",
        ComingSoon = "COMING_SOON",
    }
}

/// A property listing.
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "title": "Modern Villa in Beverly Hills",
    "slug": "modern-villa-in-beverly-hills", "description": null, "address": "123 Palm Dr",
    "city": "Beverly Hills", "state": "CA", "zip": "90210", "price": 4500000, "bedrooms": 5,
    "bathrooms": 4, "sqft": 4200, "propertyType": "SINGLE_FAMILY", "status": "ACTIVE",
    "isFeatured": true, "photos": [], "createdAt": "2025-01-15T10:30:00.000Z",
    "updatedAt": "2025-01-15T10:30:00.000Z"
}))]
pub struct Property {
    pub id: String,
    pub title: String,
    /// From the title; unique in the organization (`-2`, `-3` on clashes).
    pub slug: String,
    pub description: Option<String>,
    pub address: String,
    pub city: String,
    pub state: String,
    pub zip: Option<String>,
    /// Listing price in dollars.
    pub price: Option<Money>,
    pub bedrooms: Option<i64>,
    /// Halves allowed (2.5).
    #[serde(serialize_with = "compact_number")]
    #[schema(value_type = Option<f64>)]
    pub bathrooms: Option<f64>,
    pub sqft: Option<i64>,
    pub property_type: Option<PropertyType>,
    pub status: PropertyStatus,
    pub is_featured: Flag,
    /// Photo URLs.
    pub photos: StringList,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({
    "title": "Modern Villa in Beverly Hills", "address": "123 Palm Dr", "city": "Beverly Hills",
    "state": "CA", "zip": "90210", "price": 4500000, "bedrooms": 5, "bathrooms": 4, "sqft": 4200,
    "propertyType": "SINGLE_FAMILY", "status": "ACTIVE"
}))]
pub struct CreateProperty {
    /// Property title (at most 200 characters).
    #[schema(min_length = 1, max_length = 200)]
    pub title: String,
    /// Street address.
    #[schema(min_length = 1, max_length = 300)]
    pub address: String,
    #[schema(min_length = 1, max_length = 100)]
    pub city: String,
    #[schema(min_length = 1, max_length = 100)]
    pub state: String,
    /// ZIP code.
    #[schema(max_length = 20)]
    pub zip: Option<String>,
    /// Listing price in dollars (not negative).
    #[schema(value_type = Option<NonNegativeMoney>)]
    pub price: Option<Money>,
    #[schema(minimum = 0, maximum = 1000)]
    pub bedrooms: Option<i64>,
    /// 0–1000, in halves (2.5).
    #[schema(minimum = 0, maximum = 1000, multiple_of = 0.5)]
    pub bathrooms: Option<f64>,
    /// Square footage.
    #[schema(minimum = 0, maximum = 100_000_000)]
    pub sqft: Option<i64>,
    pub property_type: Option<PropertyType>,
    /// Default `ACTIVE`.
    pub status: Option<PropertyStatus>,
    #[schema(max_length = 10_000)]
    pub description: Option<String>,
    /// Default `false`.
    pub is_featured: Option<bool>,
    /// Photo URLs (at most 50), each `http(s)://` and at most 2,048 characters.
    #[schema(max_items = 50, pattern = "^(https://[!-~]+|http://[!-~]{2,})$", max_length = 2048)]
    pub photos: Option<Vec<String>>,
}

/// Only the fields sent change; `null` clears an optional field.
#[patch_body]
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({"status": "PENDING", "price": 4350000}))]
pub struct UpdateProperty {
    #[schema(min_length = 1, max_length = 200)]
    pub title: Patch<String>,
    #[schema(min_length = 1, max_length = 300)]
    pub address: Patch<String>,
    #[schema(min_length = 1, max_length = 100)]
    pub city: Patch<String>,
    #[schema(min_length = 1, max_length = 100)]
    pub state: Patch<String>,
    #[schema(max_length = 20)]
    pub zip: Patch<Option<String>>,
    #[schema(value_type = Option<NonNegativeMoney>)]
    pub price: Patch<Option<Money>>,
    #[schema(minimum = 0, maximum = 1000)]
    pub bedrooms: Patch<Option<i64>>,
    #[schema(minimum = 0, maximum = 1000, multiple_of = 0.5)]
    pub bathrooms: Patch<Option<f64>>,
    #[schema(minimum = 0, maximum = 100_000_000)]
    pub sqft: Patch<Option<i64>>,
    pub property_type: Patch<Option<PropertyType>>,
    pub status: Patch<PropertyStatus>,
    #[schema(max_length = 10_000)]
    pub description: Patch<Option<String>>,
    pub is_featured: Patch<bool>,
    #[schema(max_items = 50, pattern = "^(https://[!-~]+|http://[!-~]{2,})$", max_length = 2048)]
    pub photos: Patch<Vec<String>>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct PropertyFilter {
    /// ACTIVE, PENDING, SOLD or COMING_SOON.
    #[param(example = "ACTIVE")]
    pub status: Option<PropertyStatus>,
    /// `true`: featured listings only (`false`: only the others).
    #[param(example = true)]
    pub featured: Option<bool>,
    /// City, case-insensitive.
    #[param(example = "Beverly Hills")]
    pub city: Option<String>,
    /// SINGLE_FAMILY, CONDO, TOWNHOUSE, LAND or COMMERCIAL.
    pub property_type: Option<PropertyType>,
    /// Lowest price, in dollars.
    #[param(value_type = Option<SignedMoney>, inline, example = 1000000)]
    pub min_price: Option<Money>,
    /// Highest price, in dollars.
    #[param(value_type = Option<SignedMoney>, inline, example = 5000000)]
    pub max_price: Option<Money>,
    /// Case-insensitive text in the title, address, city or description.
    #[param(example = "villa")]
    pub search: Option<String>,
}

pub struct Properties;

const MAX_ROOMS: i64 = 1_000;
const MAX_SQFT: i64 = 100_000_000;

fn rooms(field: &str, value: Option<i64>) -> ApiResult<Option<i64>> {
    crate::resource::validate::in_range(field, value, 0, MAX_ROOMS)
}

fn bathrooms(value: Option<f64>) -> ApiResult<Option<f64>> {
    match value {
        Some(b) if !(0.0..=MAX_ROOMS as f64).contains(&b) || (b * 2.0).fract() != 0.0 => {
            Err(crate::vocab::error::ApiError::validation(
                "bathrooms",
                "`bathrooms` must be between 0 and 1000, in halves (2.5)",
            ))
        }
        other => Ok(other),
    }
}

impl Resource for Properties {
    const META: Meta = Meta {
        name: "property",
        plural: "properties",
        path: "/properties",
        table: "properties",
        id_prefix: "prop",
        scope: "properties",
        tag: "Properties",
    };

    type Record = Property;
    type Filter = PropertyFilter;

    fn filter(f: &PropertyFilter, filters: &mut Filters) {
        filters.eq("status", f.status);
        filters.eq("is_featured", f.featured);
        if let Some(city) = &f.city {
            filters.raw("LOWER(city) = LOWER(?)".into(), [Value::from(city.clone())]);
        }
        filters.eq("property_type", f.property_type);
        filters.at_least("price", f.min_price);
        filters.at_most("price", f.max_price);
        filters.search(&["title", "address", "city", "description"], f.search.as_deref());
    }
}

impl Creatable for Properties {
    type CreateBody = CreateProperty;

    async fn create(ctx: &mut Ctx<'_>, input: CreateProperty) -> ApiResult<Property> {
        let title = text("title", &input.title, 200)?;
        let slug = ctx.unique_slug::<Self>(&slugify(&title)).await?;
        let now = ctx.now();
        Ok(Property {
            id: ctx.new_id(Self::META.id_prefix),
            slug,
            title,
            description: optional_text("description", input.description.as_deref(), 10_000)?,
            address: text("address", &input.address, 300)?,
            city: text("city", &input.city, 100)?,
            state: text("state", &input.state, 100)?,
            zip: optional_text("zip", input.zip.as_deref(), 20)?,
            price: non_negative("price", input.price)?,
            bedrooms: rooms("bedrooms", input.bedrooms)?,
            bathrooms: bathrooms(input.bathrooms)?,
            sqft: crate::resource::validate::in_range("sqft", input.sqft, 0, MAX_SQFT)?,
            property_type: input.property_type,
            status: input.status.unwrap_or(PropertyStatus::Active),
            is_featured: Flag(input.is_featured.unwrap_or(false)),
            photos: StringList(urls("photos", input.photos.unwrap_or_default(), 50)?),
            created_at: now,
            updated_at: now,
        })
    }
}

impl Updatable for Properties {
    type UpdateBody = UpdateProperty;

    async fn update(_ctx: &mut Ctx<'_>, mut p: Property, change: UpdateProperty) -> ApiResult<Property> {
        if let Some(title) = change.title.into_option() {
            p.title = text("title", &title, 200)?;
        }
        if let Some(address) = change.address.into_option() {
            p.address = text("address", &address, 300)?;
        }
        if let Some(city) = change.city.into_option() {
            p.city = text("city", &city, 100)?;
        }
        if let Some(state) = change.state.into_option() {
            p.state = text("state", &state, 100)?;
        }
        p.zip = optional_text("zip", change.zip.or(p.zip).as_deref(), 20)?;
        p.price = non_negative("price", change.price.or(p.price))?;
        p.bedrooms = rooms("bedrooms", change.bedrooms.or(p.bedrooms))?;
        p.bathrooms = bathrooms(change.bathrooms.or(p.bathrooms))?;
        p.sqft = crate::resource::validate::in_range("sqft", change.sqft.or(p.sqft), 0, MAX_SQFT)?;
        p.property_type = change.property_type.or(p.property_type);
        p.status = change.status.or(p.status);
        p.description = optional_text("description", change.description.or(p.description).as_deref(), 10_000)?;
        p.is_featured = change.is_featured.into_option().map_or(p.is_featured, Flag);
        if let Some(photos) = change.photos.into_option() {
            p.photos = StringList(urls("photos", photos, 50)?);
        }
        Ok(p)
    }
}

impl Deletable for Properties {}
