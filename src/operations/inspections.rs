//! Inspections of a unit: `/api/inspections`, and `POST /api/inspections/{id}/complete`
//! (`inspection.completed`, once). The checklist (`items`) is stored with the inspection; a
//! completed inspection is a record and no longer changes.

use axum::extract::State;
use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::Auth;
use crate::http::{Json, OptionalJson, Path};
use crate::rentals::units::Units;
use crate::resource::validate::{optional_text, text};
use crate::resource::{Columns, Patch, patch_body};
use crate::resource::{Creatable, Ctx, Deletable, Filters, Meta, Resource, Updatable};
use crate::state::AppState;
use crate::text_enum;
use crate::vocab::date::Date;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::scope::Need;
use crate::vocab::values::{Timestamp, Value};

text_enum! {
    pub enum InspectionType {
        MoveIn = "move_in",
        MoveOut = "move_out",
        Routine = "routine",
    }
}

text_enum! {
    pub enum InspectionStatus {
        Scheduled = "scheduled",
        Completed = "completed",
    }
}

text_enum! {
    pub enum Condition {
        Good = "good",
        Fair = "fair",
        Poor = "poor",
        Damaged = "damaged",
    }
}

/// One line of the checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"area": "Kitchen", "condition": "fair", "notes": "Scuffed cabinet doors"}))]
pub struct InspectionItem {
    /// At most 100 characters.
    #[schema(min_length = 1, max_length = 100)]
    pub area: String,
    /// good, fair, poor or damaged.
    pub condition: Condition,
    /// At most 2,000 characters.
    #[schema(max_length = 2_000)]
    pub notes: Option<String>,
}

/// The checklist, stored as JSON text.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, ToSchema)]
#[serde(transparent)]
pub struct Checklist(pub Vec<InspectionItem>);

crate::decode_via!(Checklist, text, |text| Ok(serde_json::from_str(text)?));

impl From<Checklist> for Value {
    fn from(v: Checklist) -> Value {
        Value::Text(Some(serde_json::to_string(&v).unwrap_or_else(|_| "[]".into())))
    }
}

const MAX_ITEMS: usize = 200;

/// Trims and checks every line.
fn checklist(items: Vec<InspectionItem>) -> ApiResult<Checklist> {
    if items.len() > MAX_ITEMS {
        return Err(ApiError::validation("items", format!("`items` may hold at most {MAX_ITEMS} lines")));
    }
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            Ok(InspectionItem {
                area: text(&format!("items[{i}].area"), &item.area, 100)?,
                condition: item.condition,
                notes: optional_text(&format!("items[{i}].notes"), item.notes.as_deref(), 2_000)?,
            })
        })
        .collect::<ApiResult<Vec<_>>>()
        .map(Checklist)
}

/// An inspection of a unit.
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
#[schema(example = json!({
    "id": "insp_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "unit_id": "unit_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "type": "move_out", "status": "scheduled", "scheduled_for": "2026-04-30",
    "items": [{"area": "Kitchen", "condition": "fair", "notes": "Scuffed cabinet doors"}],
    "notes": null, "completed_at": null,
    "created_at": "2026-04-20T09:00:00.000Z", "updated_at": "2026-04-20T09:00:00.000Z"
}))]
pub struct Inspection {
    pub id: String,
    pub unit_id: String,
    #[serde(rename = "type")]
    #[sqlx(rename = "type")]
    #[schema(rename = "type")]
    pub inspection_type: InspectionType,
    pub status: InspectionStatus,
    pub scheduled_for: Option<Date>,
    pub items: Checklist,
    pub notes: Option<String>,
    /// Set by the server on completion.
    pub completed_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "unit_id": "unit_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "type": "move_out", "scheduled_for": "2026-04-30",
    "items": [{"area": "Kitchen", "condition": "fair", "notes": "Scuffed cabinet doors"}]
}))]
pub struct CreateInspection {
    pub unit_id: String,
    /// move_in, move_out or routine.
    #[serde(rename = "type")]
    #[schema(rename = "type")]
    pub inspection_type: InspectionType,
    pub scheduled_for: Option<Date>,
    /// Default: empty (filled in before or at completion). At most 200 items.
    #[schema(max_items = 200)]
    pub items: Option<Vec<InspectionItem>>,
    #[schema(max_length = 10_000)]
    pub notes: Option<String>,
}

/// Only the fields sent change, and only before completion.
#[patch_body]
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"scheduled_for": "2026-05-01"}))]
pub struct UpdateInspection {
    #[serde(rename = "type")]
    #[schema(rename = "type")]
    pub inspection_type: Patch<InspectionType>,
    pub scheduled_for: Patch<Option<Date>>,
    /// Replaces the whole checklist (at most 200 items).
    #[schema(max_items = 200)]
    pub items: Patch<Vec<InspectionItem>>,
    #[schema(max_length = 10_000)]
    pub notes: Patch<Option<String>>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InspectionFilter {
    /// Inspections of this unit.
    pub unit_id: Option<String>,
    /// move_in, move_out or routine.
    #[serde(rename = "type")]
    #[param(rename = "type", example = "move_out")]
    pub inspection_type: Option<InspectionType>,
    /// scheduled or completed.
    #[param(example = "completed")]
    pub status: Option<InspectionStatus>,
}

pub struct Inspections;

pub const COMPLETED: &str = "inspection.completed";

fn already_completed(i: &Inspection) -> ApiError {
    ApiError::conflict("INVALID_STATE", format!("Inspection `{}` is completed and no longer changes", i.id))
}

impl Resource for Inspections {
    const META: Meta = Meta {
        name: "inspection",
        plural: "inspections",
        path: "/inspections",
        table: "inspections",
        id_prefix: "insp",
        scope: "inspections",
        tag: "Inspections",
    };

    const EXTRA_EVENTS: &'static [(&'static str, &'static str)] =
        &[(COMPLETED, "An inspection was completed (once; besides inspection.updated), with its checklist.")];

    type Record = Inspection;
    type Filter = InspectionFilter;

    fn filter(f: &InspectionFilter, filters: &mut Filters) {
        filters.eq("unit_id", f.unit_id.clone());
        filters.eq("type", f.inspection_type);
        filters.eq("status", f.status);
    }
}

impl Creatable for Inspections {
    type CreateBody = CreateInspection;

    async fn create(ctx: &mut Ctx<'_>, input: CreateInspection) -> ApiResult<Inspection> {
        ctx.reference::<Units>("unit_id", &input.unit_id).await?;
        let now = ctx.now();
        Ok(Inspection {
            id: ctx.new_id(Self::META.id_prefix),
            unit_id: input.unit_id,
            inspection_type: input.inspection_type,
            status: InspectionStatus::Scheduled,
            scheduled_for: input.scheduled_for,
            items: checklist(input.items.unwrap_or_default())?,
            notes: optional_text("notes", input.notes.as_deref(), 10_000)?,
            completed_at: None,
            created_at: now,
            updated_at: now,
        })
    }
}

impl Updatable for Inspections {
    type UpdateBody = UpdateInspection;

    async fn update(_ctx: &mut Ctx<'_>, mut i: Inspection, change: UpdateInspection) -> ApiResult<Inspection> {
        if i.status == InspectionStatus::Completed {
            return Err(already_completed(&i));
        }
        i.inspection_type = change.inspection_type.or(i.inspection_type);
        i.scheduled_for = change.scheduled_for.or(i.scheduled_for);
        if let Some(items) = change.items.into_option() {
            i.items = checklist(items)?;
        }
        i.notes = optional_text("notes", change.notes.or(i.notes).as_deref(), 10_000)?;
        Ok(i)
    }

    /// `inspection.updated`, and `inspection.completed` on completion.
    fn update_events(before: &Inspection, after: &Inspection) -> Vec<String> {
        let mut events = vec!["inspection.updated".to_owned()];
        if before.status != InspectionStatus::Completed && after.status == InspectionStatus::Completed {
            events.push(COMPLETED.to_owned());
        }
        events
    }
}

impl Deletable for Inspections {}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(complete_inspection))
}

/// The optional body of `POST /api/inspections/{id}/complete`.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"items": [{"area": "Kitchen", "condition": "fair", "notes": "Scuffed cabinet doors"},
    {"area": "Bathroom", "condition": "good", "notes": null}], "notes": "Deposit deduction for cabinets"}))]
pub struct CompleteInspection {
    /// The final checklist (replaces the one stored): one to 200 items.
    #[schema(min_items = 1, max_items = 200)]
    pub items: Option<Vec<InspectionItem>>,
    #[schema(max_length = 10_000)]
    pub notes: Option<String>,
}

/// Complete an inspection
///
/// Records the final checklist (`items`, when sent) and notes, sets `status` to `completed`
/// and `completed_at` to now, and writes `inspection.updated` and `inspection.completed` in one
/// transaction. The checklist must have at least one item. A completed inspection is a 409
/// `INVALID_STATE`. Needs `write:inspections`.
#[utoipa::path(post, path = "/inspections/{id}/complete", tag = "Inspections",
    params(("id" = String, Path, description = "The inspection's id (`insp_…`)")),
    request_body(content = Option<CompleteInspection>, description = "Optional"),
    responses((status = 200, description = "The completed inspection", body = Inspection)))]
async fn complete_inspection(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    OptionalJson(input): OptionalJson<CompleteInspection>,
) -> ApiResult<Json<Inspection>> {
    let tenant = auth.require(Need::Write("inspections"))?;
    let items = input.items.map(checklist).transpose()?;
    let notes = optional_text("notes", input.notes.as_deref(), 10_000)?;
    let mut ctx = Ctx::begin(&state, tenant).await?;
    let before = ctx.load_for_update::<Inspections>(&id).await?;
    if before.status == InspectionStatus::Completed {
        return Err(already_completed(&before));
    }
    let mut after = before.clone();
    if let Some(items) = items {
        after.items = items;
    }
    if notes.is_some() {
        after.notes = notes;
    }
    if after.items.0.is_empty() {
        // The body may leave `items` out; then the stored checklist, empty here, refuses it.
        return Err(ApiError::conflict("INVALID_STATE", "An inspection is completed with at least one checklist item")
            .with_field("items"));
    }
    after.status = InspectionStatus::Completed;
    after.completed_at = Some(ctx.now());
    ctx.save::<Inspections>(&before, &mut after).await?;
    ctx.commit().await?;
    Ok(Json(after))
}
