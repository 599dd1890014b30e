//! Payments and the commission they earn: `/api/payments`.
//!
//! The status follows a small state machine (see [`PaymentStatus::can_become`] and
//! `docs/sales.md`); each transition into `succeeded`, `refunded` or `failed` writes its own
//! event besides `payment.updated`. The commission is computed here, never accepted from the
//! client: the amount times the team member's commission rate when the amount or the member
//! is set, kept as it was when the member's rate changes later.

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};

use super::products::Products;
use crate::crm::contacts::Contacts;
use crate::crm::team::TeamMembers;
use crate::resource::validate::{currency, optional_text};
use crate::resource::{BodyRule, Columns, Patch, patch_body};
use crate::resource::{Creatable, Ctx, Deletable, Filters, Meta, Resource, Updatable};
use crate::text_enum;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::values::{Money, PositiveMoney, Timestamp, Value};

text_enum! {
    /// Where the money is.
    pub enum PaymentStatus {
        /// Expected, not received yet.
        Pending = "pending",
        /// Received.
        Succeeded = "succeeded",
        /// Received, then returned to the payer.
        Refunded = "refunded",
        /// The attempt to collect failed; it may be retried (`pending`) or succeed later.
        Failed = "failed",
    }
}

impl PaymentStatus {
    /// Whether a payment in this status may move to `next` (staying put is always allowed).
    pub fn can_become(self, next: PaymentStatus) -> bool {
        use PaymentStatus::*;
        self == next
            || matches!(
                (self, next),
                (Pending, Succeeded | Failed) | (Failed, Pending | Succeeded) | (Succeeded, Refunded)
            )
    }

    /// The event written when a payment enters this status, if it has one.
    fn event(self) -> Option<&'static str> {
        match self {
            PaymentStatus::Pending => None,
            PaymentStatus::Succeeded => Some("payment.succeeded"),
            PaymentStatus::Refunded => Some("payment.refunded"),
            PaymentStatus::Failed => Some("payment.failed"),
        }
    }

    /// Succeeded and refunded payments received money, so they have a `paidAt`.
    fn was_paid(self) -> bool {
        matches!(self, PaymentStatus::Succeeded | PaymentStatus::Refunded)
    }
}

/// A payment received (or expected) for a product or service, and the commission it earns the
/// team member who made the sale.
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "pay_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "amount": 1234.5, "currency": "USD",
    "status": "succeeded", "description": "Premium Listing Package",
    "productId": "prod_01JDQ8Z5V3W2X1Y0Z9A8B7C6D6", "contactId": "cont_01JDQ8Z5V3W2X1Y0Z9A8B7C6D7",
    "teamMemberId": "tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D8", "commissionAmount": 30.86,
    "paidAt": "2025-01-15T10:30:00.000Z", "createdAt": "2025-01-15T10:29:00.000Z",
    "updatedAt": "2025-01-15T10:30:00.000Z"
}))]
pub struct Payment {
    pub id: String,
    /// In units of `currency`, more than zero.
    pub amount: Money,
    /// ISO 4217 code, e.g. `USD`.
    pub currency: String,
    pub status: PaymentStatus,
    pub description: Option<String>,
    pub product_id: Option<String>,
    /// Who paid.
    pub contact_id: Option<String>,
    /// Who made the sale and earns the commission.
    pub team_member_id: Option<String>,
    /// Computed by the server: `amount` × the team member's `commissionRate` / 100, rounded
    /// half away from zero to the cent, set when the amount or the member is; `null` without
    /// a member. Read-only.
    pub commission_amount: Option<Money>,
    /// When the money was received: set on the move to `succeeded` unless given.
    pub paid_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({
    "amount": 1234.5, "currency": "USD", "status": "succeeded", "description": "Premium Listing Package",
    "productId": "prod_01JDQ8Z5V3W2X1Y0Z9A8B7C6D6", "contactId": "cont_01JDQ8Z5V3W2X1Y0Z9A8B7C6D7",
    "teamMemberId": "tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D8"
}))]
pub struct CreatePayment {
    /// More than zero, at most two decimals.
    #[schema(value_type = PositiveMoney)]
    pub amount: Money,
    /// ISO 4217, three uppercase letters. Default `USD`.
    #[schema(pattern = "^[A-Z]{3}$")]
    pub currency: Option<String>,
    /// `pending` (default), `succeeded` or `failed`; a payment is refunded only after it succeeded.
    #[schema(value_type = Option<InitialPaymentStatus>)]
    pub status: Option<PaymentStatus>,
    /// At most 10,000 characters.
    #[schema(max_length = 10_000)]
    pub description: Option<String>,
    pub product_id: Option<String>,
    pub contact_id: Option<String>,
    /// The member earning the commission.
    pub team_member_id: Option<String>,
    /// Only for a `succeeded` payment; default: now.
    pub paid_at: Option<Timestamp>,
}

/// The statuses a payment can be created with: `refunded` comes after `succeeded`. (Only the
/// document uses it; the body reads a [`PaymentStatus`] and refuses `refunded`.)
#[derive(ToSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum InitialPaymentStatus {
    Pending,
    Succeeded,
    Failed,
}

/// Only the fields sent change; `null` clears an optional field. `commissionAmount` follows
/// `amount` and `teamMemberId`.
#[patch_body]
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({"status": "refunded"}))]
pub struct UpdatePayment {
    #[schema(value_type = PositiveMoney)]
    pub amount: Patch<Money>,
    #[schema(pattern = "^[A-Z]{3}$")]
    pub currency: Patch<String>,
    /// pending → succeeded or failed; failed → pending or succeeded; succeeded → refunded.
    pub status: Patch<PaymentStatus>,
    #[schema(max_length = 10_000)]
    pub description: Patch<Option<String>>,
    pub product_id: Patch<Option<String>>,
    pub contact_id: Patch<Option<String>>,
    pub team_member_id: Patch<Option<String>>,
    /// Only for a succeeded or refunded payment.
    pub paid_at: Patch<Timestamp>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct PaymentFilter {
    /// pending, succeeded, refunded or failed.
    #[param(example = "succeeded")]
    pub status: Option<PaymentStatus>,
    /// Payments that earn this team member commission.
    pub team_member_id: Option<String>,
    /// Payments by this contact.
    pub contact_id: Option<String>,
    /// Payments for this product.
    pub product_id: Option<String>,
    /// Paid at or after this instant (RFC 3339, or a date for its midnight UTC); unpaid
    /// payments are left out.
    #[param(value_type = Option<String>, format = DateTime, example = "2025-01-01T00:00:00Z")]
    pub from: Option<Timestamp>,
    /// Paid before this instant (exclusive: one day is `from=2025-01-20&to=2025-01-21`).
    #[param(value_type = Option<String>, format = DateTime, example = "2025-02-01T00:00:00Z")]
    pub to: Option<Timestamp>,
}

pub struct Payments;

fn amount(value: Money) -> ApiResult<Money> {
    if value.cents() <= 0 {
        return Err(ApiError::validation("amount", "`amount` must be more than zero"));
    }
    Ok(value)
}

/// Checks the references other than the team member (whose record the commission needs).
async fn check_references(ctx: &mut Ctx<'_>, payment: &Payment) -> ApiResult<()> {
    ctx.check_reference::<Products>("productId", payment.product_id.as_deref()).await?;
    ctx.check_reference::<Contacts>("contactId", payment.contact_id.as_deref()).await
}

/// The commission `payment` earns its team member at the member's current rate.
async fn commission(ctx: &mut Ctx<'_>, payment: &Payment) -> ApiResult<Option<Money>> {
    let Some(member_id) = payment.team_member_id.as_deref() else { return Ok(None) };
    let member = ctx.reference::<TeamMembers>("teamMemberId", member_id).await?;
    Ok(Some(payment.amount.percent(member.commission_rate)))
}

/// A payment is created with a `paidAt` only when it is created `succeeded` (`settle_paid_at`).
pub const PAID_AT_ON_CREATE: BodyRule = BodyRule { schema: "CreatePayment", rule: paid_at_on_create };

fn paid_at_on_create() -> serde_json::Value {
    serde_json::json!({"anyOf": [
        {"type": "object", "required": ["status"], "properties": {"status": {"type": "string", "enum": ["succeeded"]}}},
        {"type": "object", "properties": {"paidAt": {"type": "null"}}}
    ]})
}

/// A change that sets the status sets a `paidAt` only with `succeeded` or `refunded`. (Sent
/// alone, `paidAt` depends on the stored status: a 409 when it is not paid.)
pub const PAID_AT_ON_UPDATE: BodyRule = BodyRule { schema: "UpdatePayment", rule: paid_at_on_update };

fn paid_at_on_update() -> serde_json::Value {
    serde_json::json!({"anyOf": [
        {"type": "object", "properties": {"status": {"type": "string", "enum": ["succeeded", "refunded"]}}},
        {"type": "object", "properties": {"paidAt": {"type": "null"}}}
    ]})
}

/// `paidAt` belongs to payments that received money: set it to now when a payment becomes
/// succeeded without one, and refuse it on the others.
fn settle_paid_at(payment: &mut Payment, given: bool, now: Timestamp) -> ApiResult<()> {
    if !payment.status.was_paid() {
        if given {
            return Err(ApiError::validation("paidAt", "`paidAt` is only for succeeded or refunded payments"));
        }
        payment.paid_at = None;
    } else if payment.paid_at.is_none() {
        payment.paid_at = Some(now);
    }
    Ok(())
}

impl Resource for Payments {
    const META: Meta = Meta {
        name: "payment",
        plural: "payments",
        path: "/payments",
        table: "payments",
        id_prefix: "pay",
        scope: "payments",
        tag: "Payments",
    };

    const EXTRA_EVENTS: &'static [(&'static str, &'static str)] = &[
        ("payment.succeeded", "A payment became succeeded (created as, or moved to)."),
        ("payment.refunded", "A succeeded payment was refunded."),
        ("payment.failed", "A payment became failed."),
    ];

    type Record = Payment;
    type Filter = PaymentFilter;

    fn filter(f: &PaymentFilter, filters: &mut Filters) {
        filters.eq("status", f.status);
        filters.eq("team_member_id", f.team_member_id.clone());
        filters.eq("contact_id", f.contact_id.clone());
        filters.eq("product_id", f.product_id.clone());
        filters.at_least("paid_at", f.from);
        if let Some(to) = f.to {
            filters.raw("paid_at < ?".into(), [Value::from(to)]);
        }
    }
}

impl Creatable for Payments {
    type CreateBody = CreatePayment;

    async fn create(ctx: &mut Ctx<'_>, input: CreatePayment) -> ApiResult<Payment> {
        let status = input.status.unwrap_or(PaymentStatus::Pending);
        if status == PaymentStatus::Refunded {
            return Err(ApiError::validation(
                "status",
                "A payment cannot be created `refunded`: create it `succeeded`, then refund it",
            ));
        }
        let now = ctx.now();
        let mut payment = Payment {
            id: ctx.new_id(Self::META.id_prefix),
            amount: amount(input.amount)?,
            currency: currency("currency", input.currency.as_deref().unwrap_or("USD"))?,
            status,
            description: optional_text("description", input.description.as_deref(), 10_000)?,
            product_id: input.product_id,
            contact_id: input.contact_id,
            team_member_id: input.team_member_id,
            commission_amount: None,
            paid_at: input.paid_at,
            created_at: now,
            updated_at: now,
        };
        settle_paid_at(&mut payment, input.paid_at.is_some(), now)?;
        check_references(ctx, &payment).await?;
        payment.commission_amount = commission(ctx, &payment).await?;
        Ok(payment)
    }

    fn create_events(p: &Payment) -> Vec<String> {
        let mut events = vec!["payment.created".to_owned()];
        events.extend(p.status.event().map(str::to_owned));
        events
    }
}

impl Updatable for Payments {
    type UpdateBody = UpdatePayment;

    async fn update(ctx: &mut Ctx<'_>, before: Payment, change: UpdatePayment) -> ApiResult<Payment> {
        let mut p = before.clone();
        let (status_sent, paid_at_sent) = (change.status.is_set(), change.paid_at.is_set());
        if let Some(value) = change.amount.into_option() {
            p.amount = amount(value)?;
        }
        if let Some(code) = change.currency.into_option() {
            p.currency = currency("currency", &code)?;
        }
        if let Some(status) = change.status.into_option() {
            if !p.status.can_become(status) {
                let message = if status == PaymentStatus::Refunded {
                    format!("Only a succeeded payment can be refunded; this one is `{}`", p.status.as_str())
                } else {
                    format!("A `{}` payment cannot become `{}`", p.status.as_str(), status.as_str())
                };
                // The body is valid; the payment's state refuses it (RFC 9110's 409).
                return Err(ApiError::conflict("INVALID_STATE", message).with_field("status"));
            }
            p.status = status;
        }
        p.description = optional_text("description", change.description.or(p.description).as_deref(), 10_000)?;
        p.product_id = change.product_id.or(p.product_id);
        p.contact_id = change.contact_id.or(p.contact_id);
        p.team_member_id = change.team_member_id.or(p.team_member_id);
        if change.paid_at.is_set() {
            p.paid_at = change.paid_at.into_option();
        }
        settle_paid_at(&mut p, paid_at_sent, ctx.now()).map_err(|err| {
            // Without a status in the body, the stored one refuses the `paidAt`: a 409.
            if status_sent {
                err
            } else {
                ApiError::conflict("INVALID_STATE", err.message().to_owned()).with_field("paidAt")
            }
        })?;
        check_references(ctx, &p).await?;
        if p.amount != before.amount || p.team_member_id != before.team_member_id {
            p.commission_amount = commission(ctx, &p).await?;
        }
        Ok(p)
    }

    fn update_events(before: &Payment, after: &Payment) -> Vec<String> {
        let mut events = vec!["payment.updated".to_owned()];
        if before.status != after.status {
            events.extend(after.status.event().map(str::to_owned));
        }
        events
    }
}

impl Deletable for Payments {
    /// Money that moved stays on the books: succeeded and refunded payments cannot be deleted.
    async fn before_delete(_ctx: &mut Ctx<'_>, p: &Payment) -> ApiResult<()> {
        if p.status.was_paid() {
            return Err(ApiError::conflict(
                "PAYMENT_SETTLED",
                format!("A {} payment cannot be deleted: it is part of the books", p.status.as_str()),
            ));
        }
        Ok(())
    }
}
