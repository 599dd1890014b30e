//! Rental applications: `/api/applications` (submitting one writes `application.submitted`),
//! `POST /api/applications/{id}/approve` and `POST /api/applications/{id}/deny`.
//!
//! Approving creates the tenant (from the applicant) and a draft lease of the unit through the
//! tenants' and leases' own rules, in the same transaction as the decision: the lease starts
//! today at the unit's market rent unless `create_lease` gives other terms, and
//! `"create_lease": false` creates only the tenant. The lease is then signed as usual
//! (`POST /api/leases/{id}/sign`). Decisions are final.

use axum::extract::State;
use serde::{Deserialize, Serialize};
use serde_json::Value as JsonValue;
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::Auth;
use crate::http::extract::parse_value;
use crate::http::{Json, OptionalJson, Path};
use crate::rentals::leases::{CreateLease, LateFee, Leases};
use crate::rentals::tenants::{CreateTenant, Tenants};
use crate::rentals::units::Units;
use crate::resource::validate::{non_negative, optional_text, text};
use crate::resource::{Columns, Patch, patch_body};
use crate::resource::{Creatable, Ctx, Deletable, Filters, Meta, Resource, Updatable};
use crate::state::AppState;
use crate::text_enum;
use crate::vocab::contact::{Email, OptionalEmail, Phone};
use crate::vocab::date::Date;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::scope::Need;
use crate::vocab::values::{JsonText, Money, NonNegativeMoney, PositiveMoney, Timestamp};

text_enum! {
    pub enum ApplicationStatus {
        Submitted = "submitted",
        Approved = "approved",
        Denied = "denied",
    }
}

/// Someone applying to rent a unit.
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
#[schema(example = json!({
    "id": "appl_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "unit_id": "unit_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "applicant_name": "Maya R.", "applicant_email": "maya@example.com", "applicant_phone": "+1-555-0100",
    "monthly_income_usd": 6200, "answers": {"pets": "one cat", "move_in": "2026-05-01"},
    "status": "submitted", "decision_reason": null, "decided_at": null, "tenant_id": null, "lease_id": null,
    "created_at": "2026-04-10T09:00:00.000Z", "updated_at": "2026-04-10T09:00:00.000Z"
}))]
pub struct Application {
    pub id: String,
    pub unit_id: String,
    pub applicant_name: String,
    pub applicant_email: Option<Email>,
    pub applicant_phone: Option<Phone>,
    #[sqlx(rename = "monthly_income")]
    pub monthly_income_usd: Option<Money>,
    /// The applicant's answers to the organization's questions, as submitted.
    pub answers: JsonText,
    pub status: ApplicationStatus,
    /// Why it was denied (or a note on the approval).
    pub decision_reason: Option<String>,
    pub decided_at: Option<Timestamp>,
    /// The tenant created on approval.
    pub tenant_id: Option<String>,
    /// The draft lease created on approval.
    pub lease_id: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "unit_id": "unit_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "applicant_name": "Maya R.",
    "applicant_email": "maya@example.com", "applicant_phone": "+1-555-0100", "monthly_income_usd": 6200,
    "answers": {"pets": "one cat", "move_in": "2026-05-01"}
}))]
pub struct SubmitApplication {
    pub unit_id: String,
    /// At most 200 characters.
    #[schema(min_length = 1, max_length = 200)]
    pub applicant_name: String,
    #[schema(value_type = Option<OptionalEmail>)]
    pub applicant_email: Option<String>,
    #[schema(value_type = Option<Phone>)]
    pub applicant_phone: Option<String>,
    #[schema(value_type = Option<NonNegativeMoney>)]
    pub monthly_income_usd: Option<Money>,
    /// A JSON object (default `{}`), at most 50 kB.
    #[schema(value_type = Option<Object>)]
    pub answers: Option<JsonValue>,
}

/// Only the fields sent change, and only while the application is `submitted`.
#[patch_body]
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"monthly_income_usd": 6500}))]
pub struct UpdateApplication {
    pub unit_id: Patch<String>,
    #[schema(min_length = 1, max_length = 200)]
    pub applicant_name: Patch<String>,
    #[schema(value_type = Option<OptionalEmail>)]
    pub applicant_email: Patch<Option<String>>,
    #[schema(value_type = Option<Phone>)]
    pub applicant_phone: Patch<Option<String>>,
    #[schema(value_type = Option<NonNegativeMoney>)]
    pub monthly_income_usd: Patch<Option<Money>>,
    #[schema(value_type = Object)]
    pub answers: Patch<JsonValue>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ApplicationFilter {
    /// Applications for this unit.
    pub unit_id: Option<String>,
    /// submitted, approved or denied.
    #[param(example = "submitted")]
    pub status: Option<ApplicationStatus>,
}

pub struct Applications;

pub const SUBMITTED: &str = "application.submitted";
pub const APPROVED: &str = "application.approved";
pub const DENIED: &str = "application.denied";

const MAX_ANSWERS_BYTES: usize = 50_000;

fn answers(value: Option<JsonValue>) -> ApiResult<JsonText> {
    match value {
        None => Ok(JsonText(JsonValue::Object(serde_json::Map::new()))),
        Some(value @ JsonValue::Object(_)) if value.to_string().len() <= MAX_ANSWERS_BYTES => Ok(JsonText(value)),
        Some(JsonValue::Object(_)) => Err(ApiError::validation("answers", "`answers` must be at most 50 kB")),
        Some(_) => Err(ApiError::validation("answers", "`answers` must be a JSON object")),
    }
}

async fn checked(ctx: &mut Ctx<'_>, mut a: Application) -> ApiResult<Application> {
    a.applicant_name = text("applicant_name", &a.applicant_name, 200)?;
    a.monthly_income_usd = non_negative("monthly_income_usd", a.monthly_income_usd)?;
    ctx.reference::<Units>("unit_id", &a.unit_id).await?;
    Ok(a)
}

fn invalid_state(a: &Application) -> ApiError {
    ApiError::conflict(
        "INVALID_STATE",
        format!("Application `{}` is already {}: decisions are final", a.id, a.status.as_str()),
    )
}

impl Resource for Applications {
    const META: Meta = Meta {
        name: "application",
        plural: "applications",
        path: "/applications",
        table: "applications",
        id_prefix: "appl",
        scope: "applications",
        tag: "Applications",
    };

    const EXTRA_EVENTS: &'static [(&'static str, &'static str)] = &[
        (APPROVED, "An application was approved (with the tenant and draft lease it created)."),
        (DENIED, "An application was denied (`decision_reason` says why)."),
    ];

    type Record = Application;
    type Filter = ApplicationFilter;

    fn filter(f: &ApplicationFilter, filters: &mut Filters) {
        filters.eq("unit_id", f.unit_id.clone());
        filters.eq("status", f.status);
    }
}

impl Creatable for Applications {
    const CREATED_EVENT: Option<&'static str> = Some(SUBMITTED);

    type CreateBody = SubmitApplication;

    async fn create(ctx: &mut Ctx<'_>, input: SubmitApplication) -> ApiResult<Application> {
        let now = ctx.now();
        let application = Application {
            id: ctx.new_id(Self::META.id_prefix),
            unit_id: input.unit_id,
            applicant_name: input.applicant_name,
            applicant_email: Email::optional("applicant_email", input.applicant_email.as_deref())?,
            applicant_phone: Phone::optional("applicant_phone", input.applicant_phone.as_deref())?,
            monthly_income_usd: input.monthly_income_usd,
            answers: answers(input.answers)?,
            status: ApplicationStatus::Submitted,
            decision_reason: None,
            decided_at: None,
            tenant_id: None,
            lease_id: None,
            created_at: now,
            updated_at: now,
        };
        checked(ctx, application).await
    }
}

impl Updatable for Applications {
    type UpdateBody = UpdateApplication;

    async fn update(ctx: &mut Ctx<'_>, mut a: Application, change: UpdateApplication) -> ApiResult<Application> {
        if a.status != ApplicationStatus::Submitted {
            return Err(invalid_state(&a));
        }
        a.unit_id = change.unit_id.or(a.unit_id);
        a.applicant_name = change.applicant_name.or(a.applicant_name);
        a.applicant_email =
            change.applicant_email.apply(a.applicant_email, |e| Email::optional("applicant_email", e.as_deref()))?;
        a.applicant_phone =
            change.applicant_phone.apply(a.applicant_phone, |p| Phone::optional("applicant_phone", p.as_deref()))?;
        a.monthly_income_usd = change.monthly_income_usd.or(a.monthly_income_usd);
        if change.answers.is_set() {
            a.answers = answers(change.answers.into_option())?;
        }
        checked(ctx, a).await
    }

    /// `application.updated`, or the decision's event.
    fn update_events(before: &Application, after: &Application) -> Vec<String> {
        match (before.status, after.status) {
            (ApplicationStatus::Submitted, ApplicationStatus::Approved) => vec![APPROVED.to_owned()],
            (ApplicationStatus::Submitted, ApplicationStatus::Denied) => vec![DENIED.to_owned()],
            _ => vec!["application.updated".to_owned()],
        }
    }
}

impl Deletable for Applications {}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(approve_application)).routes(routes!(deny_application))
}

/// The terms of the draft lease an approval creates; each defaults as described.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"start_date": "2026-05-01", "end_date": "2027-04-30", "monthly_rent_usd": 1825,
    "due_day": 1, "grace_days": 5, "deposit_usd": 1825, "late_fee": {"type": "flat", "amount": 50}}))]
pub struct LeaseTerms {
    /// Default: today.
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    /// Default: the unit's `market_rent_usd` (required when the unit has none).
    #[schema(value_type = Option<PositiveMoney>)]
    pub monthly_rent_usd: Option<Money>,
    /// Default 1.
    #[schema(minimum = 1, maximum = 31)]
    pub due_day: Option<i64>,
    /// Default 5.
    #[schema(minimum = 0, maximum = 90)]
    pub grace_days: Option<i64>,
    #[schema(value_type = Option<NonNegativeMoney>)]
    pub deposit_usd: Option<Money>,
    pub late_fee: Option<LateFee>,
}

/// The optional body of `POST /api/applications/{id}/approve`.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"create_lease": {"start_date": "2026-05-01", "monthly_rent_usd": 1825}}))]
pub struct Approve {
    /// Lease terms (an object), `true`/absent for the defaults, or `false` for no lease.
    #[schema(value_type = Option<ApprovalLease>)]
    pub create_lease: Option<JsonValue>,
    /// A note on the decision (at most 2,000 characters).
    #[schema(max_length = 2_000)]
    pub reason: Option<String>,
}

/// What `create_lease` takes: terms, or a boolean (`true`: the default terms; `false`: no lease).
#[derive(ToSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum ApprovalLease {
    Terms(LeaseTerms),
    Default(bool),
}

/// The body of `POST /api/applications/{id}/deny`.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"reason": "Income below three times the rent"}))]
pub struct Deny {
    /// Why (at most 2,000 characters).
    #[schema(max_length = 2_000)]
    pub reason: Option<String>,
}

/// A lease-rule error, pointed at `create_lease.<field>`.
fn in_terms(error: ApiError) -> ApiError {
    match error.field_name().map(str::to_owned) {
        Some(field) if error.status().is_client_error() && !field.starts_with("create_lease") => {
            error.with_field(format!("create_lease.{field}"))
        }
        _ => error,
    }
}

/// Approve an application
///
/// Creates a tenant from the applicant (`tenant.added`) and, unless `"create_lease": false`,
/// a draft lease of the unit for that tenant (`lease.created`) with the terms given in
/// `create_lease` (start today and the unit's market rent by default), then marks the
/// application `approved` with their ids (`application.approved`), all in one transaction.
/// A decided application is a 409 `INVALID_STATE`. Needs `write:applications`,
/// `write:tenants` and `write:leases`.
#[utoipa::path(post, path = "/applications/{id}/approve", tag = "Applications",
    params(("id" = String, Path, description = "The application's id (`appl_…`)")),
    request_body(content = Option<Approve>, description = "Optional"),
    responses((status = 200, description = "The approved application", body = Application)))]
async fn approve_application(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    OptionalJson(input): OptionalJson<Approve>,
) -> ApiResult<Json<Application>> {
    let tenant = auth.require(Need::Write("applications"))?;
    auth.require(Need::Write("tenants"))?;
    auth.require(Need::Write("leases"))?;
    let terms: Option<LeaseTerms> = match input.create_lease {
        None | Some(JsonValue::Null | JsonValue::Bool(true)) => Some(LeaseTerms::default()),
        Some(JsonValue::Bool(false)) => None,
        Some(object @ JsonValue::Object(_)) => Some(parse_value(object).map_err(in_terms)?),
        Some(_) => {
            return Err(ApiError::validation(
                "create_lease",
                "`create_lease` must be an object of lease terms or a boolean",
            ));
        }
    };
    let reason = optional_text("reason", input.reason.as_deref(), 2_000)?;
    let mut ctx = Ctx::begin(&state, tenant).await?;
    let before = ctx.load_for_update::<Applications>(&id).await?;
    if before.status != ApplicationStatus::Submitted {
        return Err(invalid_state(&before));
    }
    let new_tenant = ctx
        .create::<Tenants>(CreateTenant {
            name: before.applicant_name.clone(),
            email: before.applicant_email.clone().map(String::from),
            phone: before.applicant_phone.clone().map(String::from),
        })
        .await?;
    let lease_id = match terms {
        None => None,
        Some(terms) => {
            let unit = ctx.reference::<Units>("unit_id", &before.unit_id).await?;
            let monthly_rent_usd = terms.monthly_rent_usd.or(unit.market_rent_usd).ok_or_else(|| {
                ApiError::validation(
                    "create_lease.monthly_rent_usd",
                    "The unit has no market rent: give `create_lease.monthly_rent_usd`",
                )
            })?;
            let lease = ctx
                .create::<Leases>(CreateLease {
                    unit_id: before.unit_id.clone(),
                    tenant_ids: vec![new_tenant.id.clone()],
                    start_date: terms.start_date.unwrap_or_else(|| Date::of_ms(state.clock().now_ms())),
                    end_date: terms.end_date,
                    monthly_rent_usd,
                    due_day: terms.due_day,
                    grace_days: terms.grace_days,
                    deposit_usd: terms.deposit_usd,
                    late_fee: terms.late_fee,
                })
                .await
                .map_err(in_terms)?;
            Some(lease.id)
        }
    };
    let mut after = before.clone();
    after.status = ApplicationStatus::Approved;
    after.decision_reason = reason;
    after.decided_at = Some(ctx.now());
    after.tenant_id = Some(new_tenant.id);
    after.lease_id = lease_id;
    ctx.save::<Applications>(&before, &mut after).await?;
    ctx.commit().await?;
    Ok(Json(after))
}

/// Deny an application
///
/// Marks it `denied` with the `reason` (optional) and writes `application.denied`. A decided
/// application is a 409 `INVALID_STATE`. Needs `write:applications`.
#[utoipa::path(post, path = "/applications/{id}/deny", tag = "Applications",
    params(("id" = String, Path, description = "The application's id (`appl_…`)")),
    request_body(content = Option<Deny>, description = "Optional"),
    responses((status = 200, description = "The denied application", body = Application)))]
async fn deny_application(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    OptionalJson(input): OptionalJson<Deny>,
) -> ApiResult<Json<Application>> {
    let tenant = auth.require(Need::Write("applications"))?;
    let reason = optional_text("reason", input.reason.as_deref(), 2_000)?;
    let mut ctx = Ctx::begin(&state, tenant).await?;
    let before = ctx.load_for_update::<Applications>(&id).await?;
    if before.status != ApplicationStatus::Submitted {
        return Err(invalid_state(&before));
    }
    let mut after = before.clone();
    after.status = ApplicationStatus::Denied;
    after.decision_reason = reason;
    after.decided_at = Some(ctx.now());
    ctx.save::<Applications>(&before, &mut after).await?;
    ctx.commit().await?;
    Ok(Json(after))
}
