//! Payment plans: `/api/payment-plans` for a lease's or a tenant's balance — installments
//! (due date and amount), `proposed` on creation (`payment_plan.proposed`), then
//! `POST …/{id}/accept` or `…/reject`. A rent payment sent with `payment_plan_id` counts
//! toward the plan: `paid_usd` and `remaining_usd` are the sums of those payments.
//! Only a proposed plan can be edited or deleted.

use axum::extract::State;
use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::leases::Leases;
use super::tenants::Tenants;
use crate::auth::Auth;
use crate::http::{Json, Path};
use crate::resource::{BodyRule, Columns, Patch, patch_body};

use crate::resource::{Creatable, Ctx, Deletable, Filters, Meta, Resource, Updatable};
use crate::state::AppState;
use crate::text_enum;
use crate::vocab::date::Date;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::scope::Need;
use crate::vocab::values::{Money, PositiveMoney, Timestamp, Value};

text_enum! {
    pub enum PlanStatus {
        Proposed = "proposed",
        Accepted = "accepted",
        Rejected = "rejected",
    }
}

/// One installment of a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"due_date": "2026-07-01", "amount_usd": 500}))]
pub struct Installment {
    pub due_date: Date,
    /// More than 0.
    #[schema(value_type = PositiveMoney)]
    pub amount_usd: Money,
}

/// Installments stored as JSON text.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, ToSchema)]
#[schema(example = json!([{"due_date": "2026-07-01", "amount_usd": 500}]))]
#[serde(transparent)]
pub struct Installments(pub Vec<Installment>);

crate::decode_via!(Installments, text, |text| Ok(serde_json::from_str(text)?));

impl From<Installments> for Value {
    fn from(v: Installments) -> Value {
        Value::Text(Some(serde_json::to_string(&v.0).unwrap_or_else(|_| "[]".into())))
    }
}

/// A payment plan.
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
#[schema(example = json!({
    "id": "plan_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "lease_id": "lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "tenant_id": null,
    "installments": [{"due_date": "2026-07-01", "amount_usd": 500}, {"due_date": "2026-08-01", "amount_usd": 500}],
    "total_usd": 1000, "paid_usd": 500, "remaining_usd": 500, "status": "accepted",
    "decided_at": "2026-06-20T10:00:00.000Z", "created_at": "2026-06-18T10:00:00.000Z",
    "updated_at": "2026-06-20T10:00:00.000Z"
}))]
pub struct PaymentPlan {
    pub id: String,
    /// The lease whose balance the plan covers (or `tenant_id`).
    pub lease_id: Option<String>,
    /// The tenant whose balance the plan covers (or `lease_id`).
    pub tenant_id: Option<String>,
    pub installments: Installments,
    /// The installments' sum.
    #[sqlx(rename = "total")]
    pub total_usd: Money,
    /// Payments recorded with this plan's id.
    #[sqlx(rename = "paid")]
    #[column(select = "(SELECT CAST(COALESCE(SUM(rp.amount), 0) AS BIGINT) FROM rent_payments rp \
        WHERE rp.org_id = $1 AND rp.payment_plan_id = payment_plans.id)")]
    pub paid_usd: Money,
    #[sqlx(skip)]
    pub remaining_usd: Money,
    pub status: PlanStatus,
    /// When it was accepted or rejected.
    pub decided_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "lease_id": "lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "installments": [{"due_date": "2026-07-01", "amount_usd": 500}, {"due_date": "2026-08-01", "amount_usd": 500}]
}))]
pub struct CreatePlan {
    /// The lease (or give `tenant_id`; exactly one of the two).
    pub lease_id: Option<String>,
    pub tenant_id: Option<String>,
    /// One to 60 installments, each more than 0.
    #[schema(min_items = 1, max_items = 60)]
    pub installments: Vec<Installment>,
}

/// A proposed plan's installments can be replaced.
#[patch_body]
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"installments": [{"due_date": "2026-07-15", "amount_usd": 1000}]}))]
pub struct UpdatePlan {
    /// One to 60 installments, each more than 0.
    #[schema(min_items = 1, max_items = 60)]
    pub installments: Patch<Vec<Installment>>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlanFilter {
    /// Plans for this lease.
    pub lease_id: Option<String>,
    /// Plans for this tenant.
    pub tenant_id: Option<String>,
    /// proposed, accepted or rejected.
    #[param(example = "accepted")]
    pub status: Option<PlanStatus>,
}

pub struct PaymentPlans;

pub const PROPOSED: &str = "payment_plan.proposed";
pub const ACCEPTED: &str = "payment_plan.accepted";
pub const REJECTED: &str = "payment_plan.rejected";

fn installments(list: Vec<Installment>) -> ApiResult<(Installments, Money)> {
    if list.is_empty() || list.len() > 60 {
        return Err(ApiError::validation("installments", "`installments` must hold one to 60 installments"));
    }
    if list.iter().any(|i| i.amount_usd.cents() <= 0) {
        return Err(ApiError::validation("installments", "each installment's `amount_usd` must be more than 0"));
    }
    let total = Money(list.iter().map(|i| i.amount_usd.cents()).sum());
    let mut list = list;
    list.sort_by_key(|i| i.due_date);
    Ok((Installments(list), total))
}

fn not_proposed(p: &PaymentPlan) -> ApiError {
    ApiError::conflict(
        "PLAN_NOT_PROPOSED",
        format!("Payment plan {} is {}: only a proposed plan can be changed", p.id, p.status.as_str()),
    )
}

impl Resource for PaymentPlans {
    const META: Meta = Meta {
        name: "payment_plan",
        plural: "payment plans",
        path: "/payment-plans",
        table: "payment_plans",
        id_prefix: "plan",
        scope: "payment_plans",
        tag: "Payment plans",
    };

    const EXTRA_EVENTS: &'static [(&'static str, &'static str)] =
        &[(ACCEPTED, "A payment plan was accepted."), (REJECTED, "A payment plan was rejected.")];

    type Record = PaymentPlan;
    type Filter = PlanFilter;

    fn compute(_state: &AppState, p: &mut PaymentPlan) {
        p.remaining_usd = Money((p.total_usd.cents() - p.paid_usd.cents()).max(0));
    }

    fn filter(f: &PlanFilter, filters: &mut Filters) {
        filters.eq("lease_id", f.lease_id.clone());
        filters.eq("tenant_id", f.tenant_id.clone());
        filters.eq("status", f.status);
    }
}

/// Exactly one of `lease_id` and `tenant_id` (see `create`).
pub const LEASE_OR_TENANT: BodyRule = BodyRule { schema: "CreatePlan", rule: lease_or_tenant };

fn lease_or_tenant() -> serde_json::Value {
    serde_json::json!({"oneOf": [
        {"type": "object", "required": ["lease_id"], "properties": {"lease_id": {"type": "string"}, "tenant_id": {"type": "null"}}},
        {"type": "object", "required": ["tenant_id"], "properties": {"tenant_id": {"type": "string"}, "lease_id": {"type": "null"}}}
    ]})
}

impl Creatable for PaymentPlans {
    const CREATED_EVENT: Option<&'static str> = Some(PROPOSED);

    type CreateBody = CreatePlan;

    async fn create(ctx: &mut Ctx<'_>, input: CreatePlan) -> ApiResult<PaymentPlan> {
        match (&input.lease_id, &input.tenant_id) {
            (Some(lease), None) => {
                ctx.reference::<Leases>("lease_id", lease).await?;
            }
            (None, Some(tenant)) => {
                ctx.reference::<Tenants>("tenant_id", tenant).await?;
            }
            _ => return Err(ApiError::validation("lease_id", "give exactly one of `lease_id` and `tenant_id`")),
        }
        let (installments, total) = installments(input.installments)?;
        let now = ctx.now();
        Ok(PaymentPlan {
            id: ctx.new_id(Self::META.id_prefix),
            lease_id: input.lease_id,
            tenant_id: input.tenant_id,
            installments,
            total_usd: total,
            paid_usd: Money(0),
            remaining_usd: total,
            status: PlanStatus::Proposed,
            decided_at: None,
            created_at: now,
            updated_at: now,
        })
    }
}

impl Updatable for PaymentPlans {
    type UpdateBody = UpdatePlan;

    async fn update(_ctx: &mut Ctx<'_>, mut p: PaymentPlan, change: UpdatePlan) -> ApiResult<PaymentPlan> {
        if p.status != PlanStatus::Proposed {
            return Err(not_proposed(&p));
        }
        if let Some(list) = change.installments.into_option() {
            (p.installments, p.total_usd) = installments(list)?;
        }
        Ok(p)
    }

    fn update_events(before: &PaymentPlan, after: &PaymentPlan) -> Vec<String> {
        let mut events = vec!["payment_plan.updated".to_owned()];
        match (before.status, after.status) {
            (PlanStatus::Proposed, PlanStatus::Accepted) => events.push(ACCEPTED.to_owned()),
            (PlanStatus::Proposed, PlanStatus::Rejected) => events.push(REJECTED.to_owned()),
            _ => {}
        }
        events
    }
}

impl Deletable for PaymentPlans {
    async fn before_delete(_ctx: &mut Ctx<'_>, p: &PaymentPlan) -> ApiResult<()> {
        if p.status != PlanStatus::Proposed {
            return Err(not_proposed(p));
        }
        Ok(())
    }
}

/// Checks that a payment on `lease_id` may count toward plan `plan_id`: the plan exists here,
/// covers that lease (or one of its tenants), and was not rejected.
pub async fn check_for_payment(
    ctx: &mut Ctx<'_>,
    plan_id: &str,
    lease_tenants: &[String],
    lease_id: &str,
) -> ApiResult<()> {
    let plan = ctx.reference::<PaymentPlans>("payment_plan_id", plan_id).await?;
    let covers = plan.lease_id.as_deref() == Some(lease_id)
        || plan.tenant_id.as_ref().is_some_and(|t| lease_tenants.contains(t));
    if !covers {
        // Both ids are valid; the objects they name do not go together.
        return Err(ApiError::conflict(
            "REFERENCE_MISMATCH",
            format!("payment plan {plan_id} is not for lease {lease_id} or its tenants"),
        )
        .with_field("payment_plan_id"));
    }
    if plan.status == PlanStatus::Rejected {
        return Err(ApiError::conflict("PLAN_REJECTED", format!("Payment plan {plan_id} was rejected")));
    }
    Ok(())
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(accept_plan)).routes(routes!(reject_plan))
}

async fn decide(state: &AppState, auth: &Auth, id: &str, status: PlanStatus) -> ApiResult<PaymentPlan> {
    let tenant = auth.require(Need::Write(PaymentPlans::META.scope))?;
    let mut ctx = Ctx::begin(state, tenant).await?;
    let before = ctx.load_for_update::<PaymentPlans>(id).await?;
    if before.status != PlanStatus::Proposed {
        return Err(not_proposed(&before));
    }
    let mut after = before.clone();
    after.status = status;
    after.decided_at = Some(ctx.now());
    ctx.save::<PaymentPlans>(&before, &mut after).await?;
    ctx.commit().await?;
    Ok(after)
}

/// Accept a payment plan
///
/// A proposed plan becomes accepted (`payment_plan.accepted`). 409 `PLAN_NOT_PROPOSED`
/// otherwise. Needs `write:payment_plans`.
#[utoipa::path(post, path = "/payment-plans/{id}/accept", tag = "Payment plans",
    params(("id" = String, Path, description = "The plan's id (`plan_…`)")),
    responses((status = 200, description = "The accepted plan", body = PaymentPlan)))]
async fn accept_plan(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<Json<PaymentPlan>> {
    Ok(Json(decide(&state, &auth, &id, PlanStatus::Accepted).await?))
}

/// Reject a payment plan
///
/// A proposed plan becomes rejected (`payment_plan.rejected`); payments can no longer count
/// toward it. 409 `PLAN_NOT_PROPOSED` otherwise. Needs `write:payment_plans`.
#[utoipa::path(post, path = "/payment-plans/{id}/reject", tag = "Payment plans",
    params(("id" = String, Path, description = "The plan's id (`plan_…`)")),
    responses((status = 200, description = "The rejected plan", body = PaymentPlan)))]
async fn reject_plan(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<Json<PaymentPlan>> {
    Ok(Json(decide(&state, &auth, &id, PlanStatus::Rejected).await?))
}
