//! The rent ledger over HTTP: `GET /api/rent-charges` (what the scheduler charged, and what is
//! still owed) and `/api/rent-payments` (recording a payment applies it to the lease's oldest
//! open charges first, late fees included; what is left becomes lease credit).
//!
//! Scopes: `read:rent` and `write:rent`.

use axum::extract::{OriginalUri, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use serde_json::json;
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::leases::Leases;
use crate::auth::Auth;
use crate::events::EventType;
use crate::http::{Json, Path, Query};
use crate::resource::Ctx;
use crate::resource::list::{self, Filters, Page};
use crate::state::AppState;
use crate::text_enum;
use crate::vocab::date::Date;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::scope::Need;
use crate::vocab::values::{Money, Timestamp};

pub const SCOPE: &str = "rent";
pub const RENT_PAID: &str = "rent.paid";
pub const RENT_LATE: &str = "rent.late";
pub const PAYMENT_RECORDED: &str = "rent_payment.recorded";

text_enum! {
    pub enum ChargeStatus {
        Open = "open",
        Late = "late",
        Paid = "paid",
    }
}

/// One period's rent for a lease.
#[derive(Debug, Clone, Serialize, FromRow, ToSchema)]
#[schema(example = json!({
    "id": "chg_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "lease_id": "lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "period_label": "2026-04", "due_date": "2026-04-01", "amount_usd": 1825, "late_fee_usd": 50,
    "paid_usd": 1000, "balance_usd": 875, "status": "late", "late_at": "2026-04-07T00:05:00.000Z",
    "paid_at": null, "created_at": "2026-04-01T00:05:00.000Z", "updated_at": "2026-04-07T00:05:00.000Z"
}))]
pub struct RentCharge {
    pub id: String,
    pub lease_id: String,
    /// The month charged, `YYYY-MM`.
    pub period_label: String,
    pub due_date: Date,
    /// The rent for the period (prorated for partial months).
    pub amount_usd: Money,
    /// Added when the charge became late (0 before).
    pub late_fee_usd: Money,
    pub paid_usd: Money,
    /// What is still owed: amount + late fee − paid.
    pub balance_usd: Money,
    /// open (not yet late), late (unpaid after the grace days) or paid.
    pub status: ChargeStatus,
    pub late_at: Option<Timestamp>,
    /// When the payment that completed it was made.
    pub paid_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

const CHARGE_COLUMNS: &str = "id, lease_id, period AS period_label, due_date, amount AS amount_usd, \
    late_fee AS late_fee_usd, paid AS paid_usd, amount + late_fee - paid AS balance_usd, status, late_at, paid_at, \
    created_at, updated_at";

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ChargeFilter {
    /// Charges of this lease.
    pub lease_id: Option<String>,
    /// open, late or paid.
    #[param(example = "late")]
    pub status: Option<ChargeStatus>,
}

text_enum! {
    pub enum PaymentMethod {
        Ach = "ach",
        Card = "card",
        Cash = "cash",
        Check = "check",
        MoneyOrder = "money_order",
        Other = "other",
    }
}

/// A rent payment as recorded.
#[derive(Debug, Clone, Serialize, FromRow, ToSchema)]
#[schema(example = json!({
    "id": "rpay_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "lease_id": "lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "amount_usd": 1825, "paid_at": "2026-05-25T15:42:14.000Z", "method": "ach", "payment_plan_id": null,
    "applied_usd": 1825, "credited_usd": 0, "created_at": "2026-05-25T15:42:18.000Z",
    "updated_at": "2026-05-25T15:42:18.000Z"
}))]
pub struct RentPayment {
    pub id: String,
    pub lease_id: String,
    pub amount_usd: Money,
    pub paid_at: Timestamp,
    pub method: PaymentMethod,
    /// The payment plan this payment counts toward, if any.
    pub payment_plan_id: Option<String>,
    /// What went to charges (oldest first).
    pub applied_usd: Money,
    /// What was left over and became lease credit for later charges.
    pub credited_usd: Money,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

const PAYMENT_COLUMNS: &str = "id, lease_id, amount AS amount_usd, paid_at, method, payment_plan_id, \
    applied AS applied_usd, credited AS credited_usd, created_at, updated_at";

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "lease_id": "lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "amount_usd": 1825, "paid_at": "2026-05-25T15:42:14Z",
    "method": "ach"
}))]
pub struct CreateRentPayment {
    pub lease_id: String,
    /// More than 0.
    pub amount_usd: Money,
    /// When it was paid: a date-time or a date; past payments can be recorded.
    pub paid_at: Timestamp,
    /// ach, card, cash, check, money_order or other.
    pub method: PaymentMethod,
    /// Counts the payment toward this payment plan (of this lease or one of its tenants).
    pub payment_plan_id: Option<String>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PaymentFilter {
    /// Payments of this lease.
    pub lease_id: Option<String>,
    /// Payments counted toward this payment plan.
    pub payment_plan_id: Option<String>,
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_charges))
        .routes(routes!(get_charge))
        .routes(routes!(list_payments, create_payment))
        .routes(routes!(get_payment))
}

/// The ledger's event types (the scheduler's and payments').
pub fn event_types() -> Vec<EventType> {
    let event = |kind: &str, description: &str, example: serde_json::Value| EventType {
        kind: kind.to_owned(),
        scope: SCOPE,
        description: description.to_owned(),
        example,
    };
    vec![
        event(
            RENT_PAID,
            "A rent period was paid in full (once per charge): the payment that completed it.",
            json!({"payment_id": "rpay_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "lease_id": "lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
                "amount_usd": 1825, "period_label": "2026-05", "paid_at": "2026-05-25T15:42:14.000Z"}),
        ),
        event(
            RENT_LATE,
            "A charge was still unpaid after its grace days (once per charge); its late fee was added.",
            json!({"charge_id": "chg_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "lease_id": "lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
                "period_label": "2026-04", "due_date": "2026-04-01", "days_late": 6, "amount_usd": 1825,
                "late_fee_usd": 50, "balance_usd": 1875}),
        ),
        event(
            PAYMENT_RECORDED,
            "A rent payment was recorded; `data` is the payment.",
            json!({"id": "rpay_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "lease_id": "lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
                "amount_usd": 1825, "paid_at": "2026-05-25T15:42:14.000Z", "method": "ach", "payment_plan_id": null,
                "applied_usd": 1825, "credited_usd": 0, "created_at": "2026-05-25T15:42:18.000Z",
                "updated_at": "2026-05-25T15:42:18.000Z"}),
        ),
    ]
}

/// List rent charges
///
/// The rent ledger, newest first: each lease's charge per period, what was paid and what is
/// still owed. Filters `lease_id` and `status`. Needs `read:rent`.
#[utoipa::path(get, path = "/rent-charges", tag = "Rent", params(Page, ChargeFilter),
    responses((status = 200, description = "The charges", body = Vec<RentCharge>)))]
async fn list_charges(
    State(state): State<AppState>,
    auth: Auth,
    OriginalUri(uri): OriginalUri,
    Query(page): Query<Page>,
    Query(filter): Query<ChargeFilter>,
) -> ApiResult<Response> {
    let tenant = auth.require(Need::Read(SCOPE))?;
    let mut filters = Filters::default();
    filters.eq("lease_id", filter.lease_id);
    filters.eq("status", filter.status);
    let (charges, next) = list::fetch_page::<RentCharge>(
        &mut state.db().scoped(tenant),
        "rent_charges",
        CHARGE_COLUMNS,
        filters,
        &page,
        |c| c.id.clone(),
    )
    .await?;
    Ok(list::respond(&uri, charges, next))
}

/// Get a rent charge
///
/// Needs `read:rent`.
#[utoipa::path(get, path = "/rent-charges/{id}", tag = "Rent",
    params(("id" = String, Path, description = "The charge's id (`chg_…`)")),
    responses((status = 200, description = "The charge", body = RentCharge)))]
async fn get_charge(State(state): State<AppState>, auth: Auth, Path(id): Path<String>) -> ApiResult<Json<RentCharge>> {
    let tenant = auth.require(Need::Read(SCOPE))?;
    let mut scoped = state.db().scoped(tenant);
    let sql = format!("SELECT {CHARGE_COLUMNS} FROM rent_charges WHERE org_id = $1 AND id = $2");
    let charge: Option<RentCharge> = scoped.fetch_optional(scoped.sql(sql).bind(id.clone())).await?;
    charge.map(Json).ok_or_else(|| ApiError::not_found("rent charge", &id))
}

/// List rent payments
///
/// Newest first. Filters `lease_id` and `payment_plan_id`. Needs `read:rent`.
#[utoipa::path(get, path = "/rent-payments", tag = "Rent", params(Page, PaymentFilter),
    responses((status = 200, description = "The payments", body = Vec<RentPayment>)))]
async fn list_payments(
    State(state): State<AppState>,
    auth: Auth,
    OriginalUri(uri): OriginalUri,
    Query(page): Query<Page>,
    Query(filter): Query<PaymentFilter>,
) -> ApiResult<Response> {
    let tenant = auth.require(Need::Read(SCOPE))?;
    let mut filters = Filters::default();
    filters.eq("lease_id", filter.lease_id);
    filters.eq("payment_plan_id", filter.payment_plan_id);
    let (payments, next) = list::fetch_page::<RentPayment>(
        &mut state.db().scoped(tenant),
        "rent_payments",
        PAYMENT_COLUMNS,
        filters,
        &page,
        |p| p.id.clone(),
    )
    .await?;
    Ok(list::respond(&uri, payments, next))
}

/// Get a rent payment
///
/// Needs `read:rent`.
#[utoipa::path(get, path = "/rent-payments/{id}", tag = "Rent",
    params(("id" = String, Path, description = "The payment's id (`rpay_…`)")),
    responses((status = 200, description = "The payment", body = RentPayment)))]
async fn get_payment(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<Json<RentPayment>> {
    let tenant = auth.require(Need::Read(SCOPE))?;
    let mut scoped = state.db().scoped(tenant);
    let sql = format!("SELECT {PAYMENT_COLUMNS} FROM rent_payments WHERE org_id = $1 AND id = $2");
    let payment: Option<RentPayment> = scoped.fetch_optional(scoped.sql(sql).bind(id.clone())).await?;
    payment.map(Json).ok_or_else(|| ApiError::not_found("rent payment", &id))
}

#[derive(Debug, FromRow)]
struct OpenCharge {
    id: String,
    period: String,
    amount: i64,
    late_fee: i64,
    paid: i64,
}

/// Record a rent payment
///
/// Applies the amount to the lease's open charges, oldest due date first (late fees
/// included); each charge it completes becomes `paid` and writes `rent.paid` with
/// `{payment_id, lease_id, amount_usd, period_label, paid_at}`. What is left becomes lease
/// credit, which pays the next charges as the scheduler creates them. Writes
/// `rent_payment.recorded`. Needs `write:rent`.
#[utoipa::path(post, path = "/rent-payments", tag = "Rent", request_body = CreateRentPayment,
    responses((status = 201, description = "The payment", body = RentPayment)))]
async fn create_payment(
    State(state): State<AppState>,
    auth: Auth,
    Json(input): Json<CreateRentPayment>,
) -> ApiResult<(StatusCode, Json<RentPayment>)> {
    let tenant = auth.require(Need::Write(SCOPE))?;
    if input.amount_usd.cents() <= 0 {
        return Err(ApiError::validation("amount_usd", "`amount_usd` must be more than 0"));
    }
    let mut ctx = Ctx::begin(&state, tenant).await?;
    let lease = ctx.reference::<Leases>("lease_id", &input.lease_id).await?;
    if let Some(plan_id) = &input.payment_plan_id {
        super::plans::check_for_payment(&mut ctx, plan_id, &lease.tenant_ids.0, &lease.id).await?;
    }
    let now = ctx.now();
    let id = ctx.new_id("rpay");
    let lock = if ctx.backend() == crate::db::Backend::Postgres { " FOR UPDATE" } else { "" };
    let tx = ctx.tx();
    let sql = format!(
        "SELECT id, period, amount, late_fee, paid FROM rent_charges \
         WHERE org_id = $1 AND lease_id = $2 AND status <> 'paid' ORDER BY due_date, period{lock}"
    );
    let open: Vec<OpenCharge> = tx.fetch_all(tx.sql(sql).bind(lease.id.clone())).await?;
    let mut left = input.amount_usd.cents();
    let mut allocations: Vec<(OpenCharge, i64)> = Vec::new();
    for charge in open {
        if left == 0 {
            break;
        }
        let pay = left.min(charge.amount + charge.late_fee - charge.paid);
        left -= pay;
        allocations.push((charge, pay));
    }
    let payment = RentPayment {
        id,
        lease_id: lease.id.clone(),
        amount_usd: input.amount_usd,
        paid_at: input.paid_at,
        method: input.method,
        payment_plan_id: input.payment_plan_id,
        applied_usd: Money(input.amount_usd.cents() - left),
        credited_usd: Money(left),
        created_at: now,
        updated_at: now,
    };
    let tx = ctx.tx();
    let sql = "INSERT INTO rent_payments (org_id, id, lease_id, amount, paid_at, method, payment_plan_id, applied, \
               credited, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)";
    tx.execute(
        tx.sql(sql)
            .bind(payment.id.clone())
            .bind(payment.lease_id.clone())
            .bind(payment.amount_usd.cents())
            .bind(payment.paid_at.ms())
            .bind(payment.method.as_str().to_owned())
            .bind(payment.payment_plan_id.clone())
            .bind(payment.applied_usd.cents())
            .bind(payment.credited_usd.cents())
            .bind(now.ms()),
    )
    .await?;
    for (charge, pay) in &allocations {
        let full = charge.paid + pay == charge.amount + charge.late_fee;
        let tx = ctx.tx();
        let update = if full {
            let sql = "UPDATE rent_charges SET paid = paid + $3, status = 'paid', paid_at = $4, updated_at = $5 \
                       WHERE org_id = $1 AND id = $2";
            tx.sql(sql).bind(charge.id.clone()).bind(*pay).bind(payment.paid_at.ms()).bind(now.ms())
        } else {
            let sql = "UPDATE rent_charges SET paid = paid + $3, updated_at = $4 WHERE org_id = $1 AND id = $2";
            tx.sql(sql).bind(charge.id.clone()).bind(*pay).bind(now.ms())
        };
        tx.execute(update).await?;
        let sql = "INSERT INTO rent_allocations (org_id, payment_id, charge_id, amount) VALUES ($1, $2, $3, $4)";
        tx.execute(tx.sql(sql).bind(payment.id.clone()).bind(charge.id.clone()).bind(*pay)).await?;
        if full {
            let data = json!({"payment_id": payment.id, "lease_id": payment.lease_id,
                "amount_usd": Money(charge.amount + charge.late_fee), "period_label": charge.period,
                "paid_at": payment.paid_at});
            ctx.emit(RENT_PAID, &data).await?;
        }
    }
    if left > 0 {
        let tx = ctx.tx();
        let sql = "UPDATE leases SET credit = credit + $3 WHERE org_id = $1 AND id = $2";
        tx.execute(tx.sql(sql).bind(lease.id.clone()).bind(left)).await?;
    }
    ctx.emit(PAYMENT_RECORDED, &payment).await?;
    ctx.commit().await?;
    Ok((StatusCode::CREATED, Json(payment)))
}
