//! `GET /api/ar-aging`: who owes what, and for how long. One row per open charge (a period's
//! rent not yet paid in full, late fee included) due on or before `as_of`, with its balance
//! and days past due, bucketed into `0-30`, `31-60`, `61-90` and `90+` days. Balances are the
//! ledger's current ones (payments recorded after `as_of` count too).

use std::collections::HashMap;

use axum::extract::State;
use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ledger::SCOPE;
use crate::auth::Auth;
use crate::crm::properties::Properties;
use crate::http::{Json, Query};
use crate::resource::Resource;
use crate::state::AppState;
use crate::vocab::date::Date;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::scope::Need;
use crate::vocab::values::{Money, StringList};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(ar_aging))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AgingQuery {
    /// The date to age from (default: today, UTC).
    #[param(value_type = Option<String>, format = Date, example = "2026-05-25")]
    pub as_of: Option<Date>,
    /// Only this property's units.
    pub property_id: Option<String>,
}

/// One open charge.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "payment_id": "chg_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "tenant_name": "Maya R.", "property_name": "127 Pine",
    "unit_label": "1B", "amount": 1825, "due_date": "2026-04-01", "days_late": 54
}))]
pub struct AgingRow {
    /// The open charge's id (`chg_…`): what a payment would pay.
    pub payment_id: String,
    /// The lease's tenants, joined with ", ".
    pub tenant_name: String,
    pub property_name: String,
    pub unit_label: String,
    /// The open balance in dollars (rent + late fee − paid).
    pub amount: Money,
    pub due_date: Date,
    /// Days from the due date to `as_of`.
    pub days_late: i64,
}

/// Open balances by days past due, in dollars.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
#[schema(example = json!({"0-30": 1825, "31-60": 1825, "61-90": 0, "90+": 0, "total": 3650}))]
pub struct AgingTotals {
    #[serde(rename = "0-30")]
    #[schema(rename = "0-30")]
    pub current: Money,
    #[serde(rename = "31-60")]
    #[schema(rename = "31-60")]
    pub days_31_60: Money,
    #[serde(rename = "61-90")]
    #[schema(rename = "61-90")]
    pub days_61_90: Money,
    #[serde(rename = "90+")]
    #[schema(rename = "90+")]
    pub over_90: Money,
    pub total: Money,
}

impl AgingTotals {
    pub fn add(&mut self, days_late: i64, amount: Money) {
        let bucket = match days_late {
            ..=30 => &mut self.current,
            31..=60 => &mut self.days_31_60,
            61..=90 => &mut self.days_61_90,
            _ => &mut self.over_90,
        };
        bucket.0 += amount.0;
        self.total.0 += amount.0;
    }
}

/// The AR aging report.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "rows": [{"payment_id": "chg_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "tenant_name": "Maya R.", "property_name": "127 Pine",
        "unit_label": "1B", "amount": 1825, "due_date": "2026-04-01", "days_late": 54}],
    "totals": {"0-30": 1825, "31-60": 1825, "61-90": 0, "90+": 0, "total": 3650}
}))]
pub struct Aging {
    /// Oldest first.
    pub rows: Vec<AgingRow>,
    pub totals: AgingTotals,
}

#[derive(Debug, FromRow)]
struct OpenRow {
    id: String,
    due_date: Date,
    balance: i64,
    tenant_ids: StringList,
    unit_label: String,
    property_name: String,
}

/// Open charges due on or before `as_of` (of one property, or all), oldest first, and their
/// tenants' names. Shared with the dashboard and the delinquency prioritizer.
pub async fn open_charges(
    scoped: &mut crate::db::Scoped<'_>,
    as_of: Date,
    property_id: Option<&str>,
) -> ApiResult<Aging> {
    let mut sql = "SELECT c.id, c.due_date, c.amount + c.late_fee - c.paid AS balance, l.tenant_ids, \
                   u.label AS unit_label, p.title AS property_name \
                   FROM rent_charges c JOIN leases l ON l.id = c.lease_id JOIN units u ON u.id = l.unit_id \
                   JOIN properties p ON p.id = u.property_id \
                   WHERE c.org_id = $1 AND c.status IN ('open', 'late') AND c.due_date <= $2"
        .to_owned();
    if property_id.is_some() {
        sql.push_str(" AND u.property_id = $3");
    }
    sql.push_str(" ORDER BY c.due_date, c.id");
    let mut statement = scoped.sql(sql).bind(as_of.to_string());
    if let Some(property_id) = property_id {
        statement = statement.bind(property_id.to_owned());
    }
    let rows: Vec<OpenRow> = scoped.fetch_all(statement).await?;
    let sql = "SELECT t.id, t.name FROM tenants t WHERE t.org_id = $1 AND t.id IN \
               (SELECT lt.tenant_id FROM lease_tenants lt JOIN rent_charges c ON c.lease_id = lt.lease_id \
               WHERE c.org_id = $1 AND c.status IN ('open', 'late'))";
    let names: HashMap<String, String> =
        scoped.fetch_all::<(String, String)>(scoped.sql(sql)).await?.into_iter().collect();
    let mut totals = AgingTotals::default();
    let rows = rows
        .into_iter()
        .filter(|r| r.balance > 0)
        .map(|r| {
            let days_late = as_of.days_since(r.due_date);
            totals.add(days_late, Money(r.balance));
            let tenant_name: Vec<&str> =
                r.tenant_ids.0.iter().filter_map(|id| names.get(id).map(String::as_str)).collect();
            AgingRow {
                payment_id: r.id,
                tenant_name: tenant_name.join(", "),
                property_name: r.property_name,
                unit_label: r.unit_label,
                amount: Money(r.balance),
                due_date: r.due_date,
                days_late,
            }
        })
        .collect();
    Ok(Aging { rows, totals })
}

/// AR aging
///
/// Every open charge due on or before `as_of` (default today): tenant, property, unit, the
/// open balance in dollars (`amount`, late fees included), due date and days late; and
/// totals by days past due (`0-30`, `31-60`, `61-90`, `90+`, `total`). `property_id` limits
/// it to one property. Needs `read:rent`.
#[utoipa::path(get, path = "/ar-aging", tag = "Rent", params(AgingQuery),
    responses((status = 200, description = "Open balances by age", body = Aging)))]
async fn ar_aging(
    State(state): State<AppState>,
    auth: Auth,
    Query(query): Query<AgingQuery>,
) -> ApiResult<Json<Aging>> {
    let tenant = auth.require(Need::Read(SCOPE))?;
    let as_of = query.as_of.unwrap_or_else(|| Date::of_ms(state.clock().now_ms()));
    let mut scoped = state.db().scoped(tenant);
    if let Some(property_id) = &query.property_id {
        let sql = format!("SELECT id FROM {} WHERE org_id = $1 AND id = $2", Properties::META.table);
        let found: Option<(String,)> = scoped.fetch_optional(scoped.sql(sql).bind(property_id.clone())).await?;
        if found.is_none() {
            return Err(ApiError::not_found(Properties::META.name, property_id).with_field("property_id"));
        }
    }
    Ok(Json(open_charges(&mut scoped, as_of, query.property_id.as_deref()).await?))
}
