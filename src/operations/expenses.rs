//! Expenses (the property ledger's costs): `/api/expenses`. Writes arrive as Aptoria documents
//! them, `POST /api/expenses` with an `action` (`add_entry`, `update_entry`, `delete_entry`);
//! `GET/PATCH/DELETE /api/expenses/{id}` do the same for one entry. `GET /api/expenses` stays a
//! bare array like every list; its sums are `GET /api/expenses/totals` with the same filters.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::Value as JsonValue;
use serde_json::json;
use sqlx::FromRow;
use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, OneOfBuilder, Type};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{IntoParams, PartialSchema, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::expense_categories;
use super::vendors::Vendors;
use crate::auth::Auth;
use crate::crm::properties::Properties;
use crate::http::extract::parse_value;
use crate::http::{Json, Query};
use crate::rentals::units::Units;
use crate::resource::validate::{optional_text, text};
use crate::resource::{Columns, Patch, patch_body};
use crate::resource::{Creatable, Ctx, Deletable, Deleted, Filters, Meta, Resource, Updatable};
use crate::state::AppState;
use crate::vocab::date::Date;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::scope::Need;
use crate::vocab::values::{Money, PositiveMoney, Timestamp};

/// One expense paid for a property (and optionally one of its units).
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
#[schema(example = json!({
    "id": "exp_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "property_id": "prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "unit_id": null, "category_id": "repairs", "label": "Snow removal — driveway", "amount_usd": 380,
    "paid_on": "2026-02-14", "vendor": "Twin Cities Plow Co.", "vendor_id": null, "notes": null,
    "created_at": "2026-02-14T18:00:00.000Z", "updated_at": "2026-02-14T18:00:00.000Z"
}))]
pub struct Expense {
    pub id: String,
    pub property_id: String,
    pub unit_id: Option<String>,
    /// A built-in category (`repairs`, `utilities`, …) or one of the organization's.
    pub category_id: String,
    pub label: String,
    #[sqlx(rename = "amount")]
    pub amount_usd: Money,
    pub paid_on: Date,
    /// Who was paid, as free text (the vendor's name when only `vendor_id` is given).
    pub vendor: Option<String>,
    pub vendor_id: Option<String>,
    pub notes: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// `add_entry` (without `action` when sent to `POST /api/expenses` as the documented example
/// shows: the `action` field selects this body).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "property_id": "prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "category_id": "repairs",
    "label": "Snow removal — driveway", "amount_usd": 380, "paid_on": "2026-02-14",
    "vendor": "Twin Cities Plow Co."
}))]
pub struct AddEntry {
    pub property_id: String,
    pub category_id: String,
    /// At most 200 characters.
    #[schema(min_length = 1, max_length = 200)]
    pub label: String,
    /// Dollars, more than zero.
    #[schema(value_type = PositiveMoney)]
    pub amount_usd: Money,
    pub paid_on: Date,
    /// At most 200 characters; the vendor's name when absent and `vendor_id` is sent.
    #[schema(max_length = 200)]
    pub vendor: Option<String>,
    pub vendor_id: Option<String>,
    /// A unit of `property_id`.
    pub unit_id: Option<String>,
    #[schema(max_length = 10_000)]
    pub notes: Option<String>,
}

/// The fields of an entry to change (`update_entry` also carries the entry's `id`). `null`
/// clears an optional field.
#[patch_body]
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"amount_usd": 420, "label": "Snow removal — driveway and walks"}))]
pub struct UpdateEntry {
    pub property_id: Patch<String>,
    pub category_id: Patch<String>,
    #[schema(min_length = 1, max_length = 200)]
    pub label: Patch<String>,
    #[schema(value_type = PositiveMoney)]
    pub amount_usd: Patch<Money>,
    pub paid_on: Patch<Date>,
    #[schema(max_length = 200)]
    pub vendor: Patch<Option<String>>,
    pub vendor_id: Patch<Option<String>>,
    pub unit_id: Patch<Option<String>>,
    #[schema(max_length = 10_000)]
    pub notes: Patch<Option<String>>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExpenseFilter {
    /// Expenses of this property.
    pub property_id: Option<String>,
    /// Expenses in this category (`repairs`, or an organization category's id).
    #[param(example = "repairs")]
    pub category_id: Option<String>,
    /// Expenses of this unit.
    pub unit_id: Option<String>,
    /// Expenses paid to this vendor (by `vendor_id`).
    pub vendor_id: Option<String>,
    /// Paid on or after this date.
    #[param(value_type = Option<String>, format = Date, example = "2026-01-01")]
    pub from: Option<Date>,
    /// Paid on or before this date.
    #[param(value_type = Option<String>, format = Date, example = "2026-12-31")]
    pub to: Option<Date>,
}

pub struct Expenses;

/// Validates an entry and its references; fills `vendor` from `vendor_id`.
async fn checked(ctx: &mut Ctx<'_>, mut e: Expense) -> ApiResult<Expense> {
    e.label = text("label", &e.label, 200)?;
    if e.amount_usd.cents() <= 0 {
        return Err(ApiError::validation("amount_usd", "`amount_usd` must be more than zero"));
    }
    e.vendor = optional_text("vendor", e.vendor.as_deref(), 200)?;
    e.notes = optional_text("notes", e.notes.as_deref(), 10_000)?;
    ctx.reference::<Properties>("property_id", &e.property_id).await?;
    expense_categories::reference(ctx, "category_id", &e.category_id).await?;
    if let Some(unit_id) = &e.unit_id {
        let unit = ctx.reference::<Units>("unit_id", unit_id).await?;
        if unit.property_id != e.property_id {
            // Both ids are valid; the objects they name do not go together: a 409, like any
            // request the stored state refuses.
            return Err(ApiError::conflict("REFERENCE_MISMATCH", "`unit_id` must be a unit of `property_id`")
                .with_field("unit_id"));
        }
    }
    if let Some(vendor_id) = &e.vendor_id {
        let vendor = ctx.reference::<Vendors>("vendor_id", vendor_id).await?;
        if e.vendor.is_none() {
            e.vendor = Some(vendor.name);
        }
    }
    Ok(e)
}

impl Resource for Expenses {
    const META: Meta = Meta {
        name: "expense",
        plural: "expenses",
        path: "/expenses",
        table: "expenses",
        id_prefix: "exp",
        scope: "expenses",
        tag: "Expenses",
    };

    type Record = Expense;
    type Filter = ExpenseFilter;

    fn filter(f: &ExpenseFilter, filters: &mut Filters) {
        conditions(f, filters);
    }
}

impl Creatable for Expenses {
    type CreateBody = AddEntry;

    async fn create(ctx: &mut Ctx<'_>, input: AddEntry) -> ApiResult<Expense> {
        let now = ctx.now();
        let expense = Expense {
            id: ctx.new_id(Self::META.id_prefix),
            property_id: input.property_id,
            unit_id: input.unit_id,
            category_id: input.category_id,
            label: input.label,
            amount_usd: input.amount_usd,
            paid_on: input.paid_on,
            vendor: input.vendor,
            vendor_id: input.vendor_id,
            notes: input.notes,
            created_at: now,
            updated_at: now,
        };
        checked(ctx, expense).await
    }
}

impl Updatable for Expenses {
    type UpdateBody = UpdateEntry;

    async fn update(ctx: &mut Ctx<'_>, mut e: Expense, change: UpdateEntry) -> ApiResult<Expense> {
        e.property_id = change.property_id.or(e.property_id);
        e.category_id = change.category_id.or(e.category_id);
        e.label = change.label.or(e.label);
        e.amount_usd = change.amount_usd.or(e.amount_usd);
        e.paid_on = change.paid_on.or(e.paid_on);
        e.vendor = change.vendor.or(e.vendor);
        e.vendor_id = change.vendor_id.or(e.vendor_id);
        e.unit_id = change.unit_id.or(e.unit_id);
        e.notes = change.notes.or(e.notes);
        checked(ctx, e).await
    }
}

impl Deletable for Expenses {}

fn conditions(f: &ExpenseFilter, filters: &mut Filters) {
    filters.eq("property_id", f.property_id.clone());
    filters.eq("category_id", f.category_id.clone());
    filters.eq("unit_id", f.unit_id.clone());
    filters.eq("vendor_id", f.vendor_id.clone());
    filters.at_least("paid_on", f.from);
    filters.at_most("paid_on", f.to);
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(post_expense)).routes(routes!(expense_totals))
}

/// The body of `POST /api/expenses`, as the document says it: one of three shapes, chosen by
/// `action` (the handler reads it field by field).
pub struct ExpenseAction;

impl PartialSchema for ExpenseAction {
    fn schema() -> RefOr<Schema> {
        // One variant: `fields` (an object schema) with `action` fixed, and the entry's `id`.
        let variant = |action: &str, fields: RefOr<Schema>, description: &str| {
            let RefOr::T(Schema::Object(mut object)) = fields else { return fields };
            let id = ObjectBuilder::new().schema_type(Type::String).description(Some("The entry (`exp_…`)"));
            object.properties.insert(
                "action".into(),
                ObjectBuilder::new().schema_type(Type::String).enum_values(Some([action])).into(),
            );
            object.required.insert(0, "action".into());
            if action != "add_entry" {
                object.properties.insert("id".into(), id.into());
                object.required.insert(1, "id".into());
            }
            object.description = Some(description.into());
            object.example = None;
            RefOr::T(Schema::Object(object))
        };
        let delete = ObjectBuilder::new().additional_properties(Some(AdditionalProperties::FreeForm(false))).into();
        OneOfBuilder::new()
            .item(variant("add_entry", AddEntry::schema(), "Adds an entry: 201 with the entry"))
            .item(variant("update_entry", UpdateEntry::schema(), "Changes the fields sent: 200 with the entry"))
            .item(variant("delete_entry", delete, "Deletes the entry: 200 with `{\"id\", \"deleted\": true}`"))
            .description(Some("An entry and what to do with it: `action` selects the shape."))
            .examples([json!({
                "action": "add_entry", "property_id": "prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "category_id": "repairs",
                "label": "Snow removal — driveway", "amount_usd": 380, "paid_on": "2026-02-14",
                "vendor": "Twin Cities Plow Co."
            })])
            .into()
    }
}

impl ToSchema for ExpenseAction {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        AddEntry::schemas(schemas);
        UpdateEntry::schemas(schemas);
    }
}

/// What `update_entry` (the entry) and `delete_entry` (`Deleted`) answer.
#[derive(ToSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum EntryOrDeleted {
    Entry(Expense),
    Deleted(Deleted),
}

/// Add, change or delete an expense entry
///
/// `{"action": "add_entry", …}` adds an entry (201, the entry; `expense.created`).
/// `{"action": "update_entry", "id": "exp_…", …}` changes the fields sent (200, the entry;
/// `expense.updated` when something changed). `{"action": "delete_entry", "id": "exp_…"}`
/// deletes it (200, `{"id", "deleted": true}`; `expense.deleted`). Needs `write:expenses`.
#[utoipa::path(post, path = "/expenses", tag = "Expenses",
    request_body = ExpenseAction,
    responses(
        (status = 201, description = "add_entry: the new entry", body = Expense),
        (status = 200, description = "update_entry: the entry; delete_entry: `Deleted`", body = EntryOrDeleted),
    ))]
async fn post_expense(
    State(state): State<AppState>,
    auth: Auth,
    Json(mut fields): Json<serde_json::Map<String, JsonValue>>,
) -> ApiResult<Response> {
    let tenant = auth.require(Need::Write("expenses"))?;
    let action = match fields.remove("action") {
        Some(JsonValue::String(action)) => action,
        Some(_) => return Err(ApiError::validation("action", "`action` must be a string")),
        None => return Err(ApiError::validation("action", "Missing required field `action`")),
    };
    let take_id = |fields: &mut serde_json::Map<String, JsonValue>| match fields.remove("id") {
        Some(JsonValue::String(id)) => Ok(id),
        Some(_) => Err(ApiError::validation("id", "`id` must be a string")),
        None => Err(ApiError::validation("id", format!("Missing required field `id` (needed by `{action}`)"))),
    };
    match action.as_str() {
        "add_entry" => {
            let input: AddEntry = parse_value(JsonValue::Object(fields))?;
            let mut ctx = Ctx::begin(&state, tenant).await?;
            let expense = ctx.create::<Expenses>(input).await?;
            ctx.commit().await?;
            Ok((StatusCode::CREATED, Json(expense)).into_response())
        }
        "update_entry" => {
            let id = take_id(&mut fields)?;
            let change: UpdateEntry = parse_value(JsonValue::Object(fields))?;
            let mut ctx = Ctx::begin(&state, tenant).await?;
            let before = ctx.load_for_update::<Expenses>(&id).await?;
            let mut after = Expenses::update(&mut ctx, before.clone(), change).await?;
            ctx.save::<Expenses>(&before, &mut after).await?;
            ctx.commit().await?;
            Ok(Json(after).into_response())
        }
        "delete_entry" => {
            let id = take_id(&mut fields)?;
            if let Some(extra) = fields.keys().next() {
                return Err(ApiError::validation(extra.clone(), format!("Unknown field `{extra}`")));
            }
            let mut ctx = Ctx::begin(&state, tenant).await?;
            let expense = ctx.load_for_update::<Expenses>(&id).await?;
            ctx.delete::<Expenses>(&expense).await?;
            ctx.commit().await?;
            Ok(Json(Deleted { id, deleted: true }).into_response())
        }
        other => Err(ApiError::validation(
            "action",
            format!("Unknown action `{other}`: use add_entry, update_entry or delete_entry"),
        )),
    }
}

/// Sums of the expenses a filter selects.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "total_usd": 1530.5, "count": 3,
    "by_category": [
        {"category_id": "repairs", "name": "Repairs", "total_usd": 1150.5, "count": 2},
        {"category_id": "snow_removal", "name": "Snow removal", "total_usd": 380, "count": 1}
    ]
}))]
pub struct ExpenseTotals {
    pub total_usd: Money,
    pub count: i64,
    /// One row per category with expenses, largest total first.
    pub by_category: Vec<CategoryTotal>,
}

/// One category's share of the totals.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"category_id": "repairs", "name": "Repairs", "total_usd": 1150.5, "count": 2}))]
pub struct CategoryTotal {
    pub category_id: String,
    pub name: String,
    pub total_usd: Money,
    pub count: i64,
}

#[derive(FromRow)]
struct TotalRow {
    category_id: String,
    total: i64,
    count: i64,
}

/// Expense totals
///
/// The total and count of the expenses the filters select (the same filters as
/// `GET /api/expenses`, e.g. `?property_id=…&from=2026-01-01&to=2026-12-31`), overall and by
/// category. Needs `read:expenses`.
#[utoipa::path(get, path = "/expenses/totals", tag = "Expenses", params(ExpenseFilter),
    responses((status = 200, description = "The totals", body = ExpenseTotals)))]
async fn expense_totals(
    State(state): State<AppState>,
    auth: Auth,
    Query(filter): Query<ExpenseFilter>,
) -> ApiResult<Json<ExpenseTotals>> {
    let tenant = auth.require(Need::Read("expenses"))?;
    let mut filters = Filters::default();
    conditions(&filter, &mut filters);
    let (conditions, values) = filters.render(2);
    let sql = format!(
        "SELECT category_id, CAST(SUM(amount) AS BIGINT) AS total, COUNT(*) AS count \
         FROM expenses WHERE org_id = $1{conditions} GROUP BY category_id"
    );
    let mut scoped = state.db().scoped(tenant);
    let mut statement = scoped.sql(sql);
    for value in values {
        statement = statement.bind_value(value);
    }
    let rows: Vec<TotalRow> = scoped.fetch_all(statement).await?;
    let names = expense_categories::names(&mut scoped).await?;
    let mut by_category: Vec<CategoryTotal> = rows
        .into_iter()
        .map(|row| CategoryTotal {
            name: names.get(&row.category_id).cloned().unwrap_or_else(|| row.category_id.clone()),
            category_id: row.category_id,
            total_usd: Money(row.total),
            count: row.count,
        })
        .collect();
    by_category.sort_by(|a, b| b.total_usd.cmp(&a.total_usd).then_with(|| a.category_id.cmp(&b.category_id)));
    let total_usd = Money(by_category.iter().map(|c| c.total_usd.cents()).sum());
    let count = by_category.iter().map(|c| c.count).sum();
    Ok(Json(ExpenseTotals { total_usd, count, by_category }))
}
