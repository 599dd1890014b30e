//! Leases: `/api/leases`, and `POST /api/leases/{id}/sign` (draft → active, `lease.signed`, the
//! unit becomes occupied) and `POST /api/leases/{id}/terminate` (active → terminated,
//! `lease.terminated`, the unit becomes vacant; unpaid charges stay on the ledger).
//!
//! A lease is edited and deleted only while it is a draft: once signed, its terms are what the
//! rent ledger was charged from.

use axum::extract::State;
use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, OneOfBuilder, Type as SchemaType};
use utoipa::openapi::{Ref, RefOr, Schema};
use utoipa::{IntoParams, PartialSchema, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::tenants::Tenants;
use super::units::{UnitStatus, Units};
use crate::auth::Auth;
use crate::http::{Json, Path};
use crate::resource::validate::in_range;
use crate::resource::{Columns, Patch, patch_body};
use crate::resource::{Creatable, Ctx, Deletable, Filters, Meta, Resource, Updatable};
use crate::state::AppState;
use crate::text_enum;
use crate::vocab::date::Date;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::scope::Need;
use crate::vocab::values::{Money, NonNegativeMoney, PositiveMoney, StringList, Timestamp, Value};

text_enum! {
    pub enum LeaseStatus {
        Draft = "draft",
        Active = "active",
        Terminated = "terminated",
    }
}

text_enum! {
    pub enum LateFeeType {
        Flat = "flat",
        Percent = "percent",
    }
}

/// What a charge left unpaid after the grace days costs. Its schema is written out below:
/// `amount`'s limits depend on `type`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LateFee {
    /// `flat`: `amount` dollars; `percent`: `amount` percent of the charge.
    #[serde(rename = "type")]
    pub kind: LateFeeType,
    /// Dollars (flat) or percent (0–100).
    #[serde(serialize_with = "whole_or_fraction")]
    pub amount: f64,
    /// The most the fee can be, in dollars.
    pub cap_usd: Option<Money>,
}

/// One branch of [`LateFee`]'s schema per type, each with the limits [`LateFee::checked`] puts
/// on `amount` for that type.
impl PartialSchema for LateFee {
    fn schema() -> RefOr<Schema> {
        let branch = |kind: LateFeeType, type_doc: &str, amount: ObjectBuilder| {
            ObjectBuilder::new()
                .property(
                    "type",
                    ObjectBuilder::new()
                        .schema_type(SchemaType::String)
                        .enum_values(Some([kind.as_str()]))
                        .description(Some(type_doc)),
                )
                .required("type")
                .property("amount", amount.schema_type(SchemaType::Number).minimum(Some(0.0)))
                .required("amount")
                .property(
                    "cap_usd",
                    OneOfBuilder::new()
                        .item(Ref::from_schema_name(NonNegativeMoney::name()))
                        .item(ObjectBuilder::new().schema_type(SchemaType::Null))
                        .description(Some("The most the fee can be, in dollars (not negative).")),
                )
                .additional_properties(Some(AdditionalProperties::FreeForm(false)))
        };
        let flat = branch(
            LateFeeType::Flat,
            "`flat`: `amount` dollars.",
            ObjectBuilder::new()
                .multiple_of(Some(0.01))
                .maximum(Some(10_000_000_000.0))
                .description(Some("Dollars, at most two decimal places, not negative.")),
        );
        let percent = branch(
            LateFeeType::Percent,
            "`percent`: `amount` percent of the charge.",
            ObjectBuilder::new().maximum(Some(100.0)).description(Some("Percent of the charge, 0–100.")),
        );
        OneOfBuilder::new()
            .item(flat)
            .item(percent)
            .description(Some("What a charge left unpaid after the grace days costs."))
            .examples([serde_json::json!({"type": "percent", "amount": 5, "cap_usd": 100})])
            .into()
    }
}

impl ToSchema for LateFee {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        schemas.push((NonNegativeMoney::name().into_owned(), NonNegativeMoney::schema()));
    }
}

/// `5`, not `5.0`.
fn whole_or_fraction<S: serde::Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    crate::vocab::values::compact_number(&Some(*value), serializer)
}

impl LateFee {
    /// The fee on a charge of `charge` cents.
    pub fn on(&self, charge: Money) -> Money {
        let fee = match self.kind {
            LateFeeType::Flat => Money::from_dollars(self.amount).unwrap_or_default(),
            LateFeeType::Percent => charge.percent(self.amount),
        };
        self.cap_usd.map_or(fee, |cap| fee.min(cap))
    }

    fn checked(self) -> ApiResult<LateFee> {
        let bad = |field: &str, message: &str| {
            Err(ApiError::validation(format!("late_fee.{field}"), format!("`late_fee.{field}` {message}")))
        };
        match self.kind {
            LateFeeType::Flat if Money::from_dollars(self.amount).is_err() || self.amount < 0.0 => {
                return bad("amount", "must be dollars (at most two decimals), not negative");
            }
            LateFeeType::Percent if !(0.0..=100.0).contains(&self.amount) => {
                return bad("amount", "must be a percentage between 0 and 100");
            }
            _ => {}
        }
        if self.cap_usd.is_some_and(|cap| cap.cents() < 0) {
            return bad("cap_usd", "must not be negative");
        }
        Ok(self)
    }
}

/// A lease of a unit to one or more tenants.
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
#[schema(example = json!({
    "id": "lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "unit_id": "unit_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "tenant_ids": ["ten_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5"], "start_date": "2026-03-15", "end_date": "2027-03-14",
    "monthly_rent_usd": 1825, "due_day": 1, "grace_days": 5, "deposit_usd": 1825,
    "late_fee": {"type": "percent", "amount": 5, "cap_usd": 100}, "status": "active",
    "signed_at": "2026-03-10T15:00:00.000Z", "terminated_at": null, "terminated_on": null, "credit_usd": 0,
    "created_at": "2026-03-01T10:30:00.000Z", "updated_at": "2026-03-10T15:00:00.000Z"
}))]
pub struct Lease {
    pub id: String,
    pub unit_id: String,
    pub tenant_ids: StringList,
    pub start_date: Date,
    /// Absent: month to month.
    pub end_date: Option<Date>,
    #[sqlx(rename = "monthly_rent")]
    pub monthly_rent_usd: Money,
    /// Day of the month rent is due (1–31; the last day in shorter months).
    pub due_day: i64,
    /// Days after the due date before an unpaid charge is late.
    pub grace_days: i64,
    #[sqlx(rename = "deposit")]
    pub deposit_usd: Money,
    #[sqlx(skip)]
    pub late_fee: Option<LateFee>,
    pub status: LeaseStatus,
    pub signed_at: Option<Timestamp>,
    pub terminated_at: Option<Timestamp>,
    /// The last day rent is charged for after a termination.
    pub terminated_on: Option<Date>,
    /// Over-payments waiting to be applied to the next charges.
    #[sqlx(rename = "credit")]
    #[column(read_only)]
    pub credit_usd: Money,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(skip)]
    #[schema(ignore)]
    pub late_fee_type: Option<LateFeeType>,
    #[serde(skip)]
    #[schema(ignore)]
    pub late_fee_amount: Option<f64>,
    #[serde(skip)]
    #[schema(ignore)]
    pub late_fee_cap: Option<Money>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "unit_id": "unit_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "tenant_ids": ["ten_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5"],
    "start_date": "2026-03-15", "end_date": "2027-03-14", "monthly_rent_usd": 1825, "due_day": 1,
    "grace_days": 5, "deposit_usd": 1825, "late_fee": {"type": "percent", "amount": 5, "cap_usd": 100}
}))]
pub struct CreateLease {
    pub unit_id: String,
    /// One to ten tenants.
    #[schema(min_items = 1, max_items = 10)]
    pub tenant_ids: Vec<String>,
    pub start_date: Date,
    /// Not before `start_date`.
    pub end_date: Option<Date>,
    /// More than 0.
    #[schema(value_type = PositiveMoney)]
    pub monthly_rent_usd: Money,
    /// 1–31 (default 1).
    #[schema(minimum = 1, maximum = 31)]
    pub due_day: Option<i64>,
    /// 0–90 (default 0).
    #[schema(minimum = 0, maximum = 90)]
    pub grace_days: Option<i64>,
    /// Default 0; not negative.
    #[schema(value_type = Option<NonNegativeMoney>)]
    pub deposit_usd: Option<Money>,
    /// Absent or null: no late fee.
    pub late_fee: Option<LateFee>,
}

/// Only the fields sent change (drafts only); `null` clears an optional field.
#[patch_body]
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"monthly_rent_usd": 1900, "grace_days": 3}))]
pub struct UpdateLease {
    pub unit_id: Patch<String>,
    #[schema(min_items = 1, max_items = 10)]
    pub tenant_ids: Patch<Vec<String>>,
    pub start_date: Patch<Date>,
    pub end_date: Patch<Option<Date>>,
    #[schema(value_type = PositiveMoney)]
    pub monthly_rent_usd: Patch<Money>,
    #[schema(minimum = 1, maximum = 31)]
    pub due_day: Patch<i64>,
    #[schema(minimum = 0, maximum = 90)]
    pub grace_days: Patch<i64>,
    #[schema(value_type = NonNegativeMoney)]
    pub deposit_usd: Patch<Money>,
    pub late_fee: Patch<Option<LateFee>>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LeaseFilter {
    /// Leases of this unit.
    pub unit_id: Option<String>,
    /// Leases this tenant is on.
    pub tenant_id: Option<String>,
    /// draft, active or terminated.
    #[param(example = "active")]
    pub status: Option<LeaseStatus>,
}

pub struct Leases;

pub const SIGNED: &str = "lease.signed";
pub const TERMINATED: &str = "lease.terminated";

/// Validates the terms and every reference.
async fn checked(ctx: &mut Ctx<'_>, mut l: Lease) -> ApiResult<Lease> {
    ctx.reference::<Units>("unit_id", &l.unit_id).await?;
    if l.tenant_ids.0.is_empty() || l.tenant_ids.0.len() > 10 {
        return Err(ApiError::validation("tenant_ids", "`tenant_ids` must list one to ten tenants"));
    }
    let mut ids: Vec<String> = Vec::new();
    for id in &l.tenant_ids.0 {
        if !ids.contains(id) {
            ctx.reference::<Tenants>("tenant_ids", id).await?;
            ids.push(id.clone());
        }
    }
    l.tenant_ids = StringList(ids);
    if l.end_date.is_some_and(|end| end < l.start_date) {
        return Err(ApiError::validation("end_date", "`end_date` must not be before `start_date`"));
    }
    if l.monthly_rent_usd.cents() <= 0 {
        return Err(ApiError::validation("monthly_rent_usd", "`monthly_rent_usd` must be more than 0"));
    }
    if l.deposit_usd.cents() < 0 {
        return Err(ApiError::validation("deposit_usd", "`deposit_usd` must not be negative"));
    }
    in_range("due_day", Some(l.due_day), 1, 31)?;
    in_range("grace_days", Some(l.grace_days), 0, 90)?;
    l.late_fee = l.late_fee.map(LateFee::checked).transpose()?;
    l.late_fee_type = l.late_fee.map(|f| f.kind);
    l.late_fee_amount = l.late_fee.map(|f| f.amount);
    l.late_fee_cap = l.late_fee.and_then(|f| f.cap_usd);
    Ok(l)
}

impl Resource for Leases {
    const META: Meta = Meta {
        name: "lease",
        plural: "leases",
        path: "/leases",
        table: "leases",
        id_prefix: "lease",
        scope: "leases",
        tag: "Leases",
    };

    const EXTRA_EVENTS: &'static [(&'static str, &'static str)] = &[
        (SIGNED, "A lease was signed (draft → active); its unit is now occupied."),
        (TERMINATED, "A lease was terminated; unpaid charges stay on the ledger."),
    ];

    type Record = Lease;
    type Filter = LeaseFilter;

    fn compute(_state: &AppState, l: &mut Lease) {
        l.late_fee = l.late_fee_type.map(|kind| LateFee {
            kind,
            amount: l.late_fee_amount.unwrap_or_default(),
            cap_usd: l.late_fee_cap,
        });
    }

    fn filter(f: &LeaseFilter, filters: &mut Filters) {
        filters.eq("unit_id", f.unit_id.clone());
        filters.eq("status", f.status);
        if let Some(tenant) = &f.tenant_id {
            filters.raw(
                "id IN (SELECT lease_id FROM lease_tenants WHERE org_id = $1 AND tenant_id = ?)".into(),
                [Value::from(tenant.clone())],
            );
        }
    }

    /// Keeps `lease_tenants` in step with `tenant_ids`.
    async fn after_write(ctx: &mut Ctx<'_>, l: &Lease) -> ApiResult<()> {
        let tx = ctx.tx();
        tx.execute(tx.sql("DELETE FROM lease_tenants WHERE org_id = $1 AND lease_id = $2").bind(l.id.clone())).await?;
        for tenant in &l.tenant_ids.0 {
            let sql = "INSERT INTO lease_tenants (org_id, lease_id, tenant_id) VALUES ($1, $2, $3)";
            tx.execute(tx.sql(sql).bind(l.id.clone()).bind(tenant.clone())).await?;
        }
        Ok(())
    }
}

impl Creatable for Leases {
    type CreateBody = CreateLease;

    async fn create(ctx: &mut Ctx<'_>, input: CreateLease) -> ApiResult<Lease> {
        let now = ctx.now();
        let lease = Lease {
            id: ctx.new_id(Self::META.id_prefix),
            unit_id: input.unit_id,
            tenant_ids: StringList(input.tenant_ids),
            start_date: input.start_date,
            end_date: input.end_date,
            monthly_rent_usd: input.monthly_rent_usd,
            due_day: input.due_day.unwrap_or(1),
            grace_days: input.grace_days.unwrap_or(0),
            deposit_usd: input.deposit_usd.unwrap_or_default(),
            late_fee: input.late_fee,
            status: LeaseStatus::Draft,
            signed_at: None,
            terminated_at: None,
            terminated_on: None,
            credit_usd: Money(0),
            created_at: now,
            updated_at: now,
            late_fee_type: None,
            late_fee_amount: None,
            late_fee_cap: None,
        };
        checked(ctx, lease).await
    }
}

impl Updatable for Leases {
    type UpdateBody = UpdateLease;

    async fn update(ctx: &mut Ctx<'_>, mut l: Lease, change: UpdateLease) -> ApiResult<Lease> {
        if l.status != LeaseStatus::Draft {
            return Err(not_draft(&l));
        }
        l.unit_id = change.unit_id.or(l.unit_id);
        l.tenant_ids = change.tenant_ids.into_option().map_or(l.tenant_ids, StringList);
        l.start_date = change.start_date.or(l.start_date);
        l.end_date = change.end_date.or(l.end_date);
        l.monthly_rent_usd = change.monthly_rent_usd.or(l.monthly_rent_usd);
        l.due_day = change.due_day.or(l.due_day);
        l.grace_days = change.grace_days.or(l.grace_days);
        l.deposit_usd = change.deposit_usd.or(l.deposit_usd);
        l.late_fee = change.late_fee.or(l.late_fee);
        checked(ctx, l).await
    }

    /// `lease.updated`, and `lease.signed` / `lease.terminated` on those transitions.
    fn update_events(before: &Lease, after: &Lease) -> Vec<String> {
        let mut events = vec!["lease.updated".to_owned()];
        match (before.status, after.status) {
            (LeaseStatus::Draft, LeaseStatus::Active) => events.push(SIGNED.to_owned()),
            (LeaseStatus::Active, LeaseStatus::Terminated) => events.push(TERMINATED.to_owned()),
            _ => {}
        }
        events
    }
}

impl Deletable for Leases {
    async fn before_delete(ctx: &mut Ctx<'_>, l: &Lease) -> ApiResult<()> {
        if l.status != LeaseStatus::Draft {
            return Err(not_draft(l));
        }
        let tx = ctx.tx();
        tx.execute(tx.sql("DELETE FROM lease_tenants WHERE org_id = $1 AND lease_id = $2").bind(l.id.clone())).await?;
        Ok(())
    }
}

fn not_draft(l: &Lease) -> ApiError {
    ApiError::conflict(
        "LEASE_NOT_DRAFT",
        format!("Lease {} is {}: only a draft lease can be changed or deleted", l.id, l.status.as_str()),
    )
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(sign_lease)).routes(routes!(terminate_lease))
}

/// Sets the lease's unit to `status`, with its `unit.updated` event.
async fn set_unit_status(ctx: &mut Ctx<'_>, unit_id: &str, status: UnitStatus) -> ApiResult<()> {
    let before = ctx.load_for_update::<Units>(unit_id).await?;
    let mut after = before.clone();
    after.status = status;
    ctx.save::<Units>(&before, &mut after).await?;
    Ok(())
}

/// Sign a lease
///
/// A draft lease becomes active: `lease.signed` is written and its unit becomes occupied.
/// The rent scheduler charges it from its start date. 409 `LEASE_NOT_DRAFT` if it is not a
/// draft, 409 `UNIT_LEASED` if another lease of the unit is active. Needs `write:leases`.
#[utoipa::path(post, path = "/leases/{id}/sign", tag = "Leases",
    params(("id" = String, Path, description = "The lease's id (`lease_…`)")),
    responses((status = 200, description = "The signed lease", body = Lease)))]
async fn sign_lease(State(state): State<AppState>, auth: Auth, Path(id): Path<String>) -> ApiResult<Json<Lease>> {
    let tenant = auth.require(Need::Write(Leases::META.scope))?;
    let mut ctx = Ctx::begin(&state, tenant).await?;
    let before = ctx.load_for_update::<Leases>(&id).await?;
    if before.status != LeaseStatus::Draft {
        return Err(not_draft(&before));
    }
    let tx = ctx.tx();
    let sql = "SELECT id FROM leases WHERE org_id = $1 AND unit_id = $2 AND status = 'active'";
    let other: Option<(String,)> = tx.fetch_optional(tx.sql(sql).bind(before.unit_id.clone())).await?;
    if let Some((other,)) = other {
        return Err(ApiError::conflict("UNIT_LEASED", format!("Unit {} already has an active lease", before.unit_id))
            .with_conflicting_id(other));
    }
    let mut after = before.clone();
    after.status = LeaseStatus::Active;
    after.signed_at = Some(ctx.now());
    ctx.save::<Leases>(&before, &mut after).await?;
    set_unit_status(&mut ctx, &after.unit_id, UnitStatus::Occupied).await?;
    ctx.commit().await?;
    Ok(Json(after))
}

/// Terminate a lease
///
/// An active lease ends today (the server's date): `lease.terminated` is written, its unit
/// becomes vacant, and rent is charged for no later day. Charges already on the ledger stay
/// until paid. 409 `LEASE_NOT_ACTIVE` unless it is active. Needs `write:leases`.
#[utoipa::path(post, path = "/leases/{id}/terminate", tag = "Leases",
    params(("id" = String, Path, description = "The lease's id (`lease_…`)")),
    responses((status = 200, description = "The terminated lease", body = Lease)))]
async fn terminate_lease(State(state): State<AppState>, auth: Auth, Path(id): Path<String>) -> ApiResult<Json<Lease>> {
    let tenant = auth.require(Need::Write(Leases::META.scope))?;
    let mut ctx = Ctx::begin(&state, tenant).await?;
    let before = ctx.load_for_update::<Leases>(&id).await?;
    if before.status != LeaseStatus::Active {
        return Err(ApiError::conflict(
            "LEASE_NOT_ACTIVE",
            format!("Lease {id} is {}: only an active lease can be terminated", before.status.as_str()),
        ));
    }
    let mut after = before.clone();
    after.status = LeaseStatus::Terminated;
    after.terminated_at = Some(ctx.now());
    after.terminated_on = Some(Date::of_ms(ctx.now().ms()));
    ctx.save::<Leases>(&before, &mut after).await?;
    set_unit_status(&mut ctx, &after.unit_id, UnitStatus::Vacant).await?;
    ctx.commit().await?;
    Ok(Json(after))
}
