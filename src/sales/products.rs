//! The product catalog: `/api/products`.

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};

use crate::resource::validate::{currency, optional_text, text};
use crate::resource::{Columns, Patch, patch_body};
use crate::resource::{Creatable, Ctx, Deletable, Filters, Meta, Resource, Updatable};
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::values::{Flag, Money, NonNegativeMoney, Timestamp};

/// Something the business sells (a service package, a listing upgrade, a consultation); payments
/// may name the product they paid for.
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "prod_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "name": "Premium Listing Package",
    "description": "Professional photos, a 3D tour and featured placement for 30 days",
    "price": 499.99, "currency": "USD", "active": true,
    "createdAt": "2025-01-05T09:00:00.000Z", "updatedAt": "2025-01-05T09:00:00.000Z"
}))]
pub struct Product {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    /// In units of `currency`, at most two decimals.
    pub price: Money,
    /// ISO 4217 code, e.g. `USD`.
    pub currency: String,
    /// Inactive products stay in the catalog (old payments name them) but are not offered.
    pub active: Flag,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({
    "name": "Premium Listing Package",
    "description": "Professional photos, a 3D tour and featured placement for 30 days",
    "price": 499.99, "currency": "USD"
}))]
pub struct CreateProduct {
    /// At most 200 characters.
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    /// At most 10,000 characters.
    #[schema(max_length = 10_000)]
    pub description: Option<String>,
    /// Not negative, at most two decimals.
    #[schema(value_type = NonNegativeMoney)]
    pub price: Money,
    /// ISO 4217, three uppercase letters. Default `USD`.
    #[schema(pattern = "^[A-Z]{3}$")]
    pub currency: Option<String>,
    /// Default `true`.
    pub active: Option<bool>,
}

/// Only the fields sent change; `null` clears `description`.
#[patch_body]
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({"price": 549, "active": false}))]
pub struct UpdateProduct {
    #[schema(min_length = 1, max_length = 200)]
    pub name: Patch<String>,
    #[schema(max_length = 10_000)]
    pub description: Patch<Option<String>>,
    #[schema(value_type = NonNegativeMoney)]
    pub price: Patch<Money>,
    /// ISO 4217, three uppercase letters.
    #[schema(pattern = "^[A-Z]{3}$")]
    pub currency: Patch<String>,
    pub active: Patch<bool>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProductFilter {
    /// `true`: products on offer only (`false`: only the retired ones).
    #[param(example = true)]
    pub active: Option<bool>,
    /// Case-insensitive text in the name or description.
    #[param(example = "listing")]
    pub search: Option<String>,
}

pub struct Products;

fn price(value: Money) -> ApiResult<Money> {
    if value.cents() < 0 {
        return Err(ApiError::validation("price", "`price` must not be negative"));
    }
    Ok(value)
}

impl Resource for Products {
    const META: Meta = Meta {
        name: "product",
        plural: "products",
        path: "/products",
        table: "products",
        id_prefix: "prod",
        scope: "products",
        tag: "Products",
    };

    type Record = Product;
    type Filter = ProductFilter;

    fn filter(f: &ProductFilter, filters: &mut Filters) {
        filters.eq("active", f.active);
        filters.search(&["name", "description"], f.search.as_deref());
    }
}

impl Creatable for Products {
    type CreateBody = CreateProduct;

    async fn create(ctx: &mut Ctx<'_>, input: CreateProduct) -> ApiResult<Product> {
        let now = ctx.now();
        Ok(Product {
            id: ctx.new_id(Self::META.id_prefix),
            name: text("name", &input.name, 200)?,
            description: optional_text("description", input.description.as_deref(), 10_000)?,
            price: price(input.price)?,
            currency: currency("currency", input.currency.as_deref().unwrap_or("USD"))?,
            active: Flag(input.active.unwrap_or(true)),
            created_at: now,
            updated_at: now,
        })
    }
}

impl Updatable for Products {
    type UpdateBody = UpdateProduct;

    async fn update(_ctx: &mut Ctx<'_>, mut p: Product, change: UpdateProduct) -> ApiResult<Product> {
        if let Some(name) = change.name.into_option() {
            p.name = text("name", &name, 200)?;
        }
        p.description = optional_text("description", change.description.or(p.description).as_deref(), 10_000)?;
        if let Some(value) = change.price.into_option() {
            p.price = price(value)?;
        }
        if let Some(code) = change.currency.into_option() {
            p.currency = currency("currency", &code)?;
        }
        p.active = change.active.into_option().map_or(p.active, Flag);
        Ok(p)
    }
}

impl Deletable for Products {}
