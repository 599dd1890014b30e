//! `GET /api/dashboard`: the month at a glance for one organization — occupancy, rent charged
//! and collected, outstanding AR by age, open work orders, expenses and net operating income.
//! Every figure is one aggregate query over an index that starts with `org_id`.

use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ar_aging::AgingTotals;
use crate::auth::Auth;
use crate::http::{Json, Query};
use crate::state::AppState;
use crate::vocab::date::Date;
use crate::vocab::error::ApiResult;
use crate::vocab::scope::Need;
use crate::vocab::values::Money;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(dashboard))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DashboardQuery {
    /// The day to report on (default: today, UTC); "this month" is its month.
    #[param(value_type = Option<String>, format = Date, example = "2026-05-25")]
    pub as_of: Option<Date>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"units": 40, "occupied": 37, "rate": 0.925}))]
pub struct Occupancy {
    pub units: i64,
    pub occupied: i64,
    /// occupied ÷ units, three decimals (0 without units).
    pub rate: f64,
}

/// The dashboard.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "as_of": "2026-05-25", "month": "2026-05",
    "occupancy": {"units": 40, "occupied": 37, "rate": 0.925},
    "rent_charged_usd": 67525, "rent_collected_usd": 61200,
    "outstanding_ar": {"0-30": 6325, "31-60": 1825, "61-90": 0, "90+": 0, "total": 8150},
    "open_work_orders": 3, "expenses_usd": 4210.5, "operating_expenses_usd": 4210.5, "noi_usd": 56989.5
}))]
pub struct Dashboard {
    /// The query's `as_of` (any date), or today.
    #[schema(value_type = String, format = Date)]
    pub as_of: Date,
    /// This month, `YYYY-MM`.
    pub month: String,
    pub occupancy: Occupancy,
    /// Rent and late fees of the charges due this month.
    pub rent_charged_usd: Money,
    /// Rent payments made (`paid_at`) this month.
    pub rent_collected_usd: Money,
    /// Open balances by days past due as of `as_of` (as `GET /api/ar-aging` totals them).
    pub outstanding_ar: AgingTotals,
    /// Work orders open, assigned or in progress.
    pub open_work_orders: i64,
    /// Expenses paid this month (all categories).
    pub expenses_usd: Money,
    /// The same without `capital_improvements`.
    pub operating_expenses_usd: Money,
    /// Net operating income: rent collected − operating expenses, this month.
    pub noi_usd: Money,
}

/// Dashboard
///
/// This month's figures (the month of `as_of`, default today): occupancy (units, occupied,
/// rate), rent charged (charges due this month) and collected (payments made this month),
/// outstanding AR by bucket, open work orders, expenses, and NOI (rent collected − operating
/// expenses, i.e. expenses other than capital improvements). Needs `read:dashboard`.
#[utoipa::path(get, path = "/dashboard", tag = "Rent", params(DashboardQuery),
    responses((status = 200, description = "The dashboard", body = Dashboard)))]
async fn dashboard(
    State(state): State<AppState>,
    auth: Auth,
    Query(query): Query<DashboardQuery>,
) -> ApiResult<Json<Dashboard>> {
    let tenant = auth.require(Need::Read("dashboard"))?;
    let as_of = query.as_of.unwrap_or_else(|| Date::of_ms(state.clock().now_ms()));
    let (first, last) = (as_of.month_start(), as_of.month_end());
    let month_ms = |d: Date| d.0.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc().timestamp_millis();
    let mut db = state.db().scoped(tenant);

    let sql = "SELECT CAST(COUNT(*) AS BIGINT), CAST(COALESCE(SUM(CASE WHEN status = 'occupied' THEN 1 ELSE 0 END), 0) \
               AS BIGINT) FROM units WHERE org_id = $1";
    let (units, occupied): (i64, i64) = db.fetch_one(db.sql(sql)).await?;
    let rate = if units == 0 { 0.0 } else { (occupied as f64 / units as f64 * 1000.0).round() / 1000.0 };

    let sql = "SELECT CAST(COALESCE(SUM(amount + late_fee), 0) AS BIGINT) FROM rent_charges \
               WHERE org_id = $1 AND due_date >= $2 AND due_date <= $3";
    let (charged,): (i64,) = db.fetch_one(db.sql(sql).bind(first.to_string()).bind(last.to_string())).await?;

    let sql = "SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM rent_payments \
               WHERE org_id = $1 AND paid_at >= $2 AND paid_at < $3";
    let (collected,): (i64,) =
        db.fetch_one(db.sql(sql).bind(month_ms(first)).bind(month_ms(last.plus_days(1)))).await?;

    // Buckets by due date: 0–30 days late is due on or after as_of − 30, and so on.
    let sql = "SELECT \
        CAST(COALESCE(SUM(CASE WHEN due_date >= $3 THEN amount + late_fee - paid ELSE 0 END), 0) AS BIGINT), \
        CAST(COALESCE(SUM(CASE WHEN due_date < $3 AND due_date >= $4 THEN amount + late_fee - paid ELSE 0 END), 0) AS BIGINT), \
        CAST(COALESCE(SUM(CASE WHEN due_date < $4 AND due_date >= $5 THEN amount + late_fee - paid ELSE 0 END), 0) AS BIGINT), \
        CAST(COALESCE(SUM(CASE WHEN due_date < $5 THEN amount + late_fee - paid ELSE 0 END), 0) AS BIGINT) \
        FROM rent_charges WHERE org_id = $1 AND status IN ('open', 'late') AND due_date <= $2";
    let statement = db
        .sql(sql)
        .bind(as_of.to_string())
        .bind(as_of.plus_days(-30).to_string())
        .bind(as_of.plus_days(-60).to_string())
        .bind(as_of.plus_days(-90).to_string());
    let (current, days_31_60, days_61_90, over_90): (i64, i64, i64, i64) = db.fetch_one(statement).await?;
    let outstanding_ar = AgingTotals {
        current: Money(current),
        days_31_60: Money(days_31_60),
        days_61_90: Money(days_61_90),
        over_90: Money(over_90),
        total: Money(current + days_31_60 + days_61_90 + over_90),
    };

    let sql = "SELECT CAST(COUNT(*) AS BIGINT) FROM work_orders \
               WHERE org_id = $1 AND status IN ('open', 'assigned', 'in_progress')";
    let (open_work_orders,): (i64,) = db.fetch_one(db.sql(sql)).await?;

    let sql = "SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT), \
               CAST(COALESCE(SUM(CASE WHEN category_id = 'capital_improvements' THEN 0 ELSE amount END), 0) AS BIGINT) \
               FROM expenses WHERE org_id = $1 AND paid_on >= $2 AND paid_on <= $3";
    let (expenses, operating): (i64, i64) =
        db.fetch_one(db.sql(sql).bind(first.to_string()).bind(last.to_string())).await?;

    Ok(Json(Dashboard {
        as_of,
        month: as_of.period(),
        occupancy: Occupancy { units, occupied, rate },
        rent_charged_usd: Money(charged),
        rent_collected_usd: Money(collected),
        outstanding_ar,
        open_work_orders,
        expenses_usd: Money(expenses),
        operating_expenses_usd: Money(operating),
        noi_usd: Money(collected - operating),
    }))
}
