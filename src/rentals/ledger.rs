//! The rent ledger over HTTP: `GET /api/rent-charges` (what the scheduler charged, and what is
//! still owed) and `/api/rent-payments` (recording a payment applies it to the lease's oldest
//! open charges first, late fees included; what is left becomes lease credit).
//!
//! Scopes: `read:rent` and `write:rent`.

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};

use super::leases::Leases;
use crate::events::EventType;
use crate::resource::{Columns, Creatable, Ctx, Filters, Meta, Resource};
use crate::text_enum;
use crate::vocab::date::Date;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::values::{Money, PositiveMoney, Timestamp};

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
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
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
    #[sqlx(rename = "period")]
    pub period_label: String,
    pub due_date: Date,
    /// The rent for the period (prorated for partial months).
    #[sqlx(rename = "amount")]
    pub amount_usd: Money,
    /// Added when the charge became late (0 before).
    #[sqlx(rename = "late_fee")]
    pub late_fee_usd: Money,
    #[sqlx(rename = "paid")]
    pub paid_usd: Money,
    /// What is still owed: amount + late fee − paid.
    #[column(select = "amount + late_fee - paid")]
    pub balance_usd: Money,
    /// open (not yet late), late (unpaid after the grace days) or paid.
    pub status: ChargeStatus,
    pub late_at: Option<Timestamp>,
    /// When the payment that completed it was made.
    pub paid_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

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
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
#[schema(example = json!({
    "id": "rpay_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "lease_id": "lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "amount_usd": 1825, "paid_at": "2026-05-25T15:42:14.000Z", "method": "ach", "payment_plan_id": null,
    "applied_usd": 1825, "credited_usd": 0, "created_at": "2026-05-25T15:42:18.000Z",
    "updated_at": "2026-05-25T15:42:18.000Z"
}))]
pub struct RentPayment {
    pub id: String,
    pub lease_id: String,
    #[sqlx(rename = "amount")]
    pub amount_usd: Money,
    pub paid_at: Timestamp,
    pub method: PaymentMethod,
    /// The payment plan this payment counts toward, if any.
    pub payment_plan_id: Option<String>,
    /// What went to charges (oldest first).
    #[sqlx(rename = "applied")]
    pub applied_usd: Money,
    /// What was left over and became lease credit for later charges.
    #[sqlx(rename = "credited")]
    pub credited_usd: Money,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "lease_id": "lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "amount_usd": 1825, "paid_at": "2026-05-25T15:42:14Z",
    "method": "ach"
}))]
pub struct CreateRentPayment {
    pub lease_id: String,
    /// More than 0.
    #[schema(value_type = PositiveMoney)]
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

/// The ledger's event types besides `rent_payment.recorded` (the scheduler's and payments').
pub fn event_types() -> Vec<EventType> {
    vec![
        EventType::of::<RentPaid>(
            RENT_PAID,
            SCOPE,
            "A rent period was paid in full (once per charge): the payment that completed it.",
        ),
        EventType::of::<RentLate>(
            RENT_LATE,
            SCOPE,
            "A charge was still unpaid after its grace days (once per charge); its late fee was added.",
        ),
    ]
}

/// `data` of a `rent.paid` event.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"payment_id": "rpay_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "lease_id": "lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "amount_usd": 1825, "period_label": "2026-05", "paid_at": "2026-05-25T15:42:14.000Z"}))]
pub struct RentPaid {
    /// The payment that completed the period (null when lease credit paid it).
    pub payment_id: Option<String>,
    pub lease_id: String,
    /// The period's rent and late fee.
    pub amount_usd: Money,
    /// The period, `YYYY-MM`.
    pub period_label: String,
    pub paid_at: Timestamp,
}

/// `data` of a `rent.late` event.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"charge_id": "chg_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "lease_id": "lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "period_label": "2026-04", "due_date": "2026-04-01", "days_late": 6, "amount_usd": 1825,
    "late_fee_usd": 50, "balance_usd": 1875}))]
pub struct RentLate {
    pub charge_id: String,
    pub lease_id: String,
    /// The period, `YYYY-MM`.
    pub period_label: String,
    pub due_date: Date,
    pub days_late: i64,
    /// The period's rent.
    pub amount_usd: Money,
    /// The late fee added to the charge.
    pub late_fee_usd: Money,
    /// What is still owed on the charge, late fee included.
    pub balance_usd: Money,
}

/// The rent ledger: `GET /api/rent-charges` and `/{id}` (the scheduler writes charges).
pub struct RentCharges;

impl Resource for RentCharges {
    const META: Meta = Meta {
        name: "rent_charge",
        plural: "rent charges",
        path: "/rent-charges",
        table: "rent_charges",
        id_prefix: "chg",
        scope: SCOPE,
        tag: "Rent",
    };
    type Record = RentCharge;
    type Filter = ChargeFilter;

    fn filter(f: &ChargeFilter, filters: &mut Filters) {
        filters.eq("lease_id", f.lease_id.clone());
        filters.eq("status", f.status);
    }
}

/// Rent payments: list, get, and record (`POST /api/rent-payments`).
pub struct RentPayments;

impl Resource for RentPayments {
    const META: Meta = Meta {
        name: "rent_payment",
        plural: "rent payments",
        path: "/rent-payments",
        table: "rent_payments",
        id_prefix: "rpay",
        scope: SCOPE,
        tag: "Rent",
    };
    type Record = RentPayment;
    type Filter = PaymentFilter;

    fn filter(f: &PaymentFilter, filters: &mut Filters) {
        filters.eq("lease_id", f.lease_id.clone());
        filters.eq("payment_plan_id", f.payment_plan_id.clone());
    }

    /// Applies the new payment to the lease's open charges, oldest first; what is left
    /// becomes lease credit.
    async fn after_write(ctx: &mut Ctx<'_>, payment: &RentPayment) -> ApiResult<()> {
        let now = ctx.now();
        let (allocations, left) = allocate(ctx, &payment.lease_id, payment.amount_usd.cents()).await?;
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
                let data = RentPaid {
                    payment_id: Some(payment.id.clone()),
                    lease_id: payment.lease_id.clone(),
                    amount_usd: Money(charge.amount + charge.late_fee),
                    period_label: charge.period.clone(),
                    paid_at: payment.paid_at,
                };
                ctx.emit(RENT_PAID, &data).await?;
            }
        }
        if left > 0 {
            let tx = ctx.tx();
            let sql = "UPDATE leases SET credit = credit + $3 WHERE org_id = $1 AND id = $2";
            tx.execute(tx.sql(sql).bind(payment.lease_id.clone()).bind(left)).await?;
        }
        Ok(())
    }
}

impl Creatable for RentPayments {
    type CreateBody = CreateRentPayment;
    const CREATED_EVENT: Option<&'static str> = Some(PAYMENT_RECORDED);
    const CREATE_DOC: Option<&'static str> = Some(
        "Applies the amount to the lease's open charges, oldest due date first (late fees included); each \
         charge it completes becomes `paid` and writes `rent.paid` with `{payment_id, lease_id, amount_usd, \
         period_label, paid_at}`. What is left becomes lease credit, which pays the next charges as the \
         scheduler creates them. Writes `rent_payment.recorded`. Needs `write:rent`. Send `Idempotency-Key` \
         to make retries safe.",
    );

    async fn create(ctx: &mut Ctx<'_>, input: CreateRentPayment) -> ApiResult<RentPayment> {
        if input.amount_usd.cents() <= 0 {
            return Err(ApiError::validation("amount_usd", "`amount_usd` must be more than 0"));
        }
        let lease = ctx.reference::<Leases>("lease_id", &input.lease_id).await?;
        if let Some(plan_id) = &input.payment_plan_id {
            super::plans::check_for_payment(ctx, plan_id, &lease.tenant_ids.0, &lease.id).await?;
        }
        let (_, left) = allocate(ctx, &lease.id, input.amount_usd.cents()).await?;
        let now = ctx.now();
        Ok(RentPayment {
            id: ctx.new_id(Self::META.id_prefix),
            lease_id: lease.id,
            amount_usd: input.amount_usd,
            paid_at: input.paid_at,
            method: input.method,
            payment_plan_id: input.payment_plan_id,
            applied_usd: Money(input.amount_usd.cents() - left),
            credited_usd: Money(left),
            created_at: now,
            updated_at: now,
        })
    }
}

#[derive(Debug, FromRow)]
struct OpenCharge {
    id: String,
    period: String,
    amount: i64,
    late_fee: i64,
    paid: i64,
}

/// How `amount` cents pay the lease's open charges, oldest due date first (locking them on
/// PostgreSQL), and what is left over.
async fn allocate(ctx: &mut Ctx<'_>, lease_id: &str, amount: i64) -> ApiResult<(Vec<(OpenCharge, i64)>, i64)> {
    let lock = if ctx.backend() == crate::db::Backend::Postgres { " FOR UPDATE" } else { "" };
    let tx = ctx.tx();
    let sql = format!(
        "SELECT id, period, amount, late_fee, paid FROM rent_charges \
         WHERE org_id = $1 AND lease_id = $2 AND status <> 'paid' ORDER BY due_date, period{lock}"
    );
    let open: Vec<OpenCharge> = tx.fetch_all(tx.sql(sql).bind(lease_id.to_owned())).await?;
    let mut left = amount;
    let mut allocations = Vec::new();
    for charge in open {
        if left == 0 {
            break;
        }
        let pay = left.min(charge.amount + charge.late_fee - charge.paid);
        left -= pay;
        allocations.push((charge, pay));
    }
    Ok((allocations, left))
}
