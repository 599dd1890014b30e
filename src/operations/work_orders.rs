//! Work orders: `/api/work-orders`, and `POST /api/work-orders/{id}/complete`.
//!
//! Status: `open` → `assigned` (a vendor is set) → `in_progress` → `completed`, or
//! `cancelled`. Setting a vendor on an open work order assigns it; removing the vendor of an
//! assigned one reopens it. Completing (the `complete` call, or `PATCH {"status": "completed"}`)
//! stamps `completed_at`, may record the final cost, and writes `work_order.completed` once;
//! a completed work order's status is final.

use axum::extract::State;
use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::vendors::Vendors;
use crate::auth::Auth;
use crate::crm::properties::Properties;
use crate::http::{Json, OptionalJson, Path};
use crate::rentals::units::Units;
use crate::resource::validate::{non_negative, optional_text, text};
use crate::resource::{BodyRule, Columns, Patch, patch_body};
use crate::resource::{Creatable, Ctx, Deletable, Filters, Meta, Resource, Updatable};
use crate::state::AppState;
use crate::text_enum;
use crate::vocab::date::Date;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::scope::Need;
use crate::vocab::values::{Money, NonNegativeMoney, Timestamp};

text_enum! {
    pub enum WorkOrderPriority {
        Low = "low",
        Medium = "medium",
        High = "high",
        Urgent = "urgent",
    }
}

text_enum! {
    pub enum WorkOrderStatus {
        Open = "open",
        Assigned = "assigned",
        InProgress = "in_progress",
        Completed = "completed",
        Cancelled = "cancelled",
    }
}

/// A job to be done at a property (and optionally one of its units).
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
#[schema(example = json!({
    "id": "wo_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "property_id": "prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "unit_id": "unit_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "title": "Kitchen sink leaking",
    "description": "Drips under the sink", "priority": "high", "status": "assigned",
    "vendor_id": "v_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "cost_usd": 180, "scheduled_for": "2026-03-04",
    "completed_at": null, "created_at": "2026-03-02T14:00:00.000Z", "updated_at": "2026-03-02T14:00:00.000Z"
}))]
pub struct WorkOrder {
    pub id: String,
    pub property_id: String,
    pub unit_id: Option<String>,
    pub title: String,
    pub description: Option<String>,
    pub priority: WorkOrderPriority,
    pub status: WorkOrderStatus,
    pub vendor_id: Option<String>,
    /// Estimated, then final cost in dollars.
    #[sqlx(rename = "cost")]
    pub cost_usd: Option<Money>,
    /// The day the work is scheduled for (on time: completed on or before it).
    pub scheduled_for: Option<Date>,
    /// Set by the server when the work order is completed.
    pub completed_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "property_id": "prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "unit_id": "unit_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "title": "Kitchen sink leaking", "description": "Drips under the sink", "priority": "high",
    "vendor_id": "v_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "cost_usd": 180, "scheduled_for": "2026-03-04"
}))]
pub struct CreateWorkOrder {
    /// Required unless `unit_id` is given (then it is the unit's property).
    pub property_id: Option<String>,
    /// A unit of `property_id`.
    pub unit_id: Option<String>,
    /// At most 200 characters.
    #[schema(min_length = 1, max_length = 200)]
    pub title: String,
    #[schema(max_length = 10_000)]
    pub description: Option<String>,
    /// low, medium (default), high or urgent.
    pub priority: Option<WorkOrderPriority>,
    /// Assigns the work order (status `assigned`).
    pub vendor_id: Option<String>,
    #[schema(value_type = Option<NonNegativeMoney>)]
    pub cost_usd: Option<Money>,
    pub scheduled_for: Option<Date>,
}

/// Only the fields sent change; `null` clears an optional field.
#[patch_body]
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"status": "in_progress", "scheduled_for": "2026-03-05"}))]
pub struct UpdateWorkOrder {
    pub property_id: Patch<String>,
    pub unit_id: Patch<Option<String>>,
    #[schema(min_length = 1, max_length = 200)]
    pub title: Patch<String>,
    #[schema(max_length = 10_000)]
    pub description: Patch<Option<String>>,
    pub priority: Patch<WorkOrderPriority>,
    /// open, assigned, in_progress, completed or cancelled. A completed work order's status
    /// cannot change.
    pub status: Patch<WorkOrderStatus>,
    pub vendor_id: Patch<Option<String>>,
    #[schema(value_type = Option<NonNegativeMoney>)]
    pub cost_usd: Patch<Option<Money>>,
    pub scheduled_for: Patch<Option<Date>>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WorkOrderFilter {
    /// Work orders of this unit.
    pub unit_id: Option<String>,
    /// Work orders of this property.
    pub property_id: Option<String>,
    /// open, assigned, in_progress, completed or cancelled.
    #[param(example = "open")]
    pub status: Option<WorkOrderStatus>,
    /// Work orders of this vendor.
    pub vendor_id: Option<String>,
    /// low, medium, high or urgent.
    #[param(example = "urgent")]
    pub priority: Option<WorkOrderPriority>,
}

pub struct WorkOrders;

const COMPLETED: &str = "work_order.completed";

fn invalid_state(message: impl Into<String>) -> ApiError {
    ApiError::conflict("INVALID_STATE", message.into())
}

/// Validates a work order, its references, and its status against its vendor.
async fn checked(ctx: &mut Ctx<'_>, mut w: WorkOrder) -> ApiResult<WorkOrder> {
    w.title = text("title", &w.title, 200)?;
    w.description = optional_text("description", w.description.as_deref(), 10_000)?;
    w.cost_usd = non_negative("cost_usd", w.cost_usd)?;
    ctx.reference::<Properties>("property_id", &w.property_id).await?;
    if let Some(unit_id) = &w.unit_id {
        let unit = ctx.reference::<Units>("unit_id", unit_id).await?;
        if unit.property_id != w.property_id {
            // Both ids are valid; the objects they name do not go together.
            return Err(ApiError::conflict("REFERENCE_MISMATCH", "`unit_id` must be a unit of `property_id`")
                .with_field("unit_id"));
        }
    }
    ctx.check_reference::<Vendors>("vendor_id", w.vendor_id.as_deref()).await?;
    match (w.status, w.vendor_id.is_some()) {
        (WorkOrderStatus::Open, true) => w.status = WorkOrderStatus::Assigned,
        (WorkOrderStatus::Assigned, false) => w.status = WorkOrderStatus::Open,
        _ => {}
    }
    Ok(w)
}

impl Resource for WorkOrders {
    const META: Meta = Meta {
        name: "work_order",
        plural: "work orders",
        path: "/work-orders",
        table: "work_orders",
        id_prefix: "wo",
        scope: "work_orders",
        tag: "Work orders",
    };

    const EXTRA_EVENTS: &'static [(&'static str, &'static str)] =
        &[(COMPLETED, "A work order was completed (once; besides work_order.updated).")];

    type Record = WorkOrder;
    type Filter = WorkOrderFilter;

    fn filter(f: &WorkOrderFilter, filters: &mut Filters) {
        filters.eq("unit_id", f.unit_id.clone());
        filters.eq("property_id", f.property_id.clone());
        filters.eq("status", f.status);
        filters.eq("vendor_id", f.vendor_id.clone());
        filters.eq("priority", f.priority);
    }
}

/// `property_id`, or a `unit_id` to take it from (see `create`).
pub const PROPERTY_OR_UNIT: BodyRule = BodyRule { schema: "CreateWorkOrder", rule: property_or_unit };

fn property_or_unit() -> serde_json::Value {
    serde_json::json!({"anyOf": [
        {"type": "object", "required": ["property_id"], "properties": {"property_id": {"type": "string"}}},
        {"type": "object", "required": ["unit_id"], "properties": {"unit_id": {"type": "string"}}}
    ]})
}

impl Creatable for WorkOrders {
    type CreateBody = CreateWorkOrder;

    async fn create(ctx: &mut Ctx<'_>, input: CreateWorkOrder) -> ApiResult<WorkOrder> {
        let property_id = match (input.property_id, &input.unit_id) {
            (Some(property_id), _) => property_id,
            (None, Some(unit_id)) => ctx.reference::<Units>("unit_id", unit_id).await?.property_id,
            (None, None) => {
                return Err(ApiError::validation("property_id", "Missing required field `property_id` (or `unit_id`)"));
            }
        };
        let now = ctx.now();
        let work_order = WorkOrder {
            id: ctx.new_id(Self::META.id_prefix),
            property_id,
            unit_id: input.unit_id,
            title: input.title,
            description: input.description,
            priority: input.priority.unwrap_or(WorkOrderPriority::Medium),
            status: WorkOrderStatus::Open,
            vendor_id: input.vendor_id,
            cost_usd: input.cost_usd,
            scheduled_for: input.scheduled_for,
            completed_at: None,
            created_at: now,
            updated_at: now,
        };
        checked(ctx, work_order).await
    }
}

impl Updatable for WorkOrders {
    type UpdateBody = UpdateWorkOrder;

    async fn update(ctx: &mut Ctx<'_>, mut w: WorkOrder, change: UpdateWorkOrder) -> ApiResult<WorkOrder> {
        let before = w.status;
        if let Some(status) = change.status.into_option()
            && status != before
        {
            if before == WorkOrderStatus::Completed {
                return Err(invalid_state("A completed work order's status cannot change").with_field("status"));
            }
            if before == WorkOrderStatus::Cancelled && status == WorkOrderStatus::Completed {
                return Err(
                    invalid_state("A cancelled work order cannot be completed; reopen it first").with_field("status")
                );
            }
            w.status = status;
        }
        w.property_id = change.property_id.or(w.property_id);
        w.unit_id = change.unit_id.or(w.unit_id);
        w.title = change.title.or(w.title);
        w.description = change.description.or(w.description);
        w.priority = change.priority.or(w.priority);
        w.vendor_id = change.vendor_id.or(w.vendor_id);
        w.cost_usd = change.cost_usd.or(w.cost_usd);
        w.scheduled_for = change.scheduled_for.or(w.scheduled_for);
        if before != WorkOrderStatus::Completed && w.status == WorkOrderStatus::Completed {
            w.completed_at = Some(ctx.now());
        }
        checked(ctx, w).await
    }

    /// `work_order.updated`, and `work_order.completed` when it becomes completed.
    fn update_events(before: &WorkOrder, after: &WorkOrder) -> Vec<String> {
        let mut events = vec!["work_order.updated".to_owned()];
        if before.status != WorkOrderStatus::Completed && after.status == WorkOrderStatus::Completed {
            events.push(COMPLETED.to_owned());
        }
        events
    }
}

impl Deletable for WorkOrders {}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(complete_work_order))
}

/// The optional body of `POST /api/work-orders/{id}/complete`.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"cost_usd": 215.4}))]
pub struct CompleteWorkOrder {
    /// The final cost (replaces the estimate); not negative.
    #[schema(value_type = Option<NonNegativeMoney>)]
    pub cost_usd: Option<Money>,
}

/// Complete a work order
///
/// Sets `status` to `completed` and `completed_at` to now, with the final `cost_usd` when one
/// is sent (the body is optional). Writes `work_order.updated` and `work_order.completed` in
/// one transaction. A work order already completed or cancelled is a 409 `INVALID_STATE`.
/// Needs `write:work_orders`.
#[utoipa::path(post, path = "/work-orders/{id}/complete", tag = "Work orders",
    params(("id" = String, Path, description = "The work order's id (`wo_…`)")),
    request_body(content = Option<CompleteWorkOrder>, description = "Optional"),
    responses((status = 200, description = "The completed work order", body = WorkOrder)))]
async fn complete_work_order(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    OptionalJson(input): OptionalJson<CompleteWorkOrder>,
) -> ApiResult<Json<WorkOrder>> {
    let tenant = auth.require(Need::Write("work_orders"))?;
    let cost_usd = non_negative("cost_usd", input.cost_usd)?;
    let mut ctx = Ctx::begin(&state, tenant).await?;
    let before = ctx.load_for_update::<WorkOrders>(&id).await?;
    match before.status {
        WorkOrderStatus::Completed => return Err(invalid_state(format!("Work order `{id}` is already completed"))),
        WorkOrderStatus::Cancelled => return Err(invalid_state(format!("Work order `{id}` is cancelled"))),
        _ => {}
    }
    let mut after = before.clone();
    after.status = WorkOrderStatus::Completed;
    after.completed_at = Some(ctx.now());
    if cost_usd.is_some() {
        after.cost_usd = cost_usd;
    }
    ctx.save::<WorkOrders>(&before, &mut after).await?;
    ctx.commit().await?;
    Ok(Json(after))
}
