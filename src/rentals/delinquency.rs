//! `POST /api/ai-delinquency-prioritizer`: whom to call first. Every lease with an open
//! balance is ranked by a score computed from the ledger — balance, days late, lateness and
//! payments over the last 12 months, payment plan — with the reasons for its rank, and a
//! written summary of those facts (`crate::ai`: the configured model, or the built-in writer).
//! Limited by the `ai` rate-limit class (10 calls per hour per key by default). Writes nothing.
//!
//! Score: balance in dollars × (1 + days late ÷ 30), then × 1.25 with no payment in the last
//! 60 days, × 1.1 per period late in the last 12 months (at most × 2), × 0.5 on an accepted
//! plan that is being paid, × 1.25 after a rejected plan. Ties go to the larger balance.

use std::collections::HashMap;

use axum::extract::State;
use serde::{Deserialize, Serialize};
use serde_json::json;
use sqlx::FromRow;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ledger::SCOPE;
use super::plans::PlanStatus;
use crate::ai::{self, Written};
use crate::auth::Auth;
use crate::http::{Json, OptionalJson};
use crate::state::AppState;
use crate::vocab::date::Date;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::scope::Need;
use crate::vocab::values::{Money, StringList, Timestamp};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(prioritize))
}

/// The body may be empty.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"as_of": "2026-05-25", "limit": 20}))]
pub struct PrioritizeRequest {
    /// The day to rank as of (default: today, UTC).
    pub as_of: Option<Date>,
    /// How many to return, 1–100 (default 20).
    #[schema(minimum = 1, maximum = 100)]
    pub limit: Option<usize>,
}

/// A payment plan's standing.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"id": "plan_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "status": "accepted", "paid_usd": 200, "remaining_usd": 1625}))]
pub struct PlanStanding {
    pub id: String,
    pub status: PlanStatus,
    pub paid_usd: Money,
    pub remaining_usd: Money,
}

/// One delinquent lease (its tenants) and why it ranks where it does.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"rank": 1, "lease_id": "lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "tenant_ids": ["ten_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5"], "tenant_name": "Maya R.", "property_name": "127 Pine",
    "unit_label": "1B", "amount_usd": 3700, "days_late": 54, "open_charges": 2, "late_periods_12m": 2,
    "payments_12m": 1, "last_payment_at": "2026-03-02T00:00:00.000Z", "plan_status": "none", "plan": null,
    "score": 11125.3, "reasons": ["owes $3700.00", "54 days late", "no payment in the last 60 days"]}))]
pub struct Delinquent {
    /// 1 is the first to contact.
    pub rank: usize,
    pub lease_id: String,
    pub tenant_ids: Vec<String>,
    /// The lease's tenants, joined with ", ".
    pub tenant_name: String,
    pub property_name: String,
    pub unit_label: String,
    /// Open balance, late fees included.
    pub amount_usd: Money,
    /// Days past due of the oldest open charge.
    pub days_late: i64,
    pub open_charges: i64,
    /// Charges that became late in the last 12 months (payment history).
    pub late_periods_12m: i64,
    /// Payments in the last 12 months.
    pub payments_12m: i64,
    pub last_payment_at: Option<Timestamp>,
    /// `none`, or the latest plan's status.
    pub plan_status: String,
    pub plan: Option<PlanStanding>,
    pub score: f64,
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "as_of": "2026-05-25", "delinquent_leases": 1, "total_usd": 3700,
    "tenants": [{"rank": 1, "lease_id": "lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "tenant_ids": ["ten_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5"],
        "tenant_name": "Maya R.", "property_name": "127 Pine", "unit_label": "1B", "amount_usd": 3700, "days_late": 54,
        "open_charges": 2, "late_periods_12m": 2, "payments_12m": 1, "last_payment_at": "2026-03-02T00:00:00.000Z",
        "plan_status": "none", "plan": null, "score": 11125.3,
        "reasons": ["owes $3700.00", "54 days late", "no payment in the last 60 days", "2 periods late in the last 12 months", "no payment plan"]}],
    "summary": "1 lease owes $3700.00 in total. Call Maya R. (127 Pine 1B) first: $3700.00, 54 days late, no payment plan.",
    "summary_source": "built_in", "ai_error": null
}))]
pub struct Prioritized {
    pub as_of: Date,
    pub delinquent_leases: usize,
    /// All open balances, not only the ones listed.
    pub total_usd: Money,
    /// Ranked, first to contact first.
    pub tenants: Vec<Delinquent>,
    #[serde(flatten)]
    pub written: Written,
}

#[derive(FromRow)]
struct LeaseBalance {
    lease_id: String,
    tenant_ids: StringList,
    unit_label: String,
    property_name: String,
    balance: i64,
    oldest_due: Date,
    open_charges: i64,
}

#[derive(FromRow)]
struct PlanRow {
    id: String,
    lease_id: Option<String>,
    tenant_id: Option<String>,
    status: PlanStatus,
    total: i64,
    paid: i64,
}

/// Prioritize delinquent tenants
///
/// Ranks every lease with an open balance (as of `as_of`, default today) by balance, days
/// late, payment history (late periods and payments in the last 12 months) and payment-plan
/// status, gives the reasons for each rank, and writes a summary: by the configured model
/// (`ai_url`), or the built-in writer; `summary_source` says which. The body may be empty.
/// Limited to 10 calls per hour per key (429 with `Retry-After`). Needs `read:rent`.
#[utoipa::path(post, path = "/ai-delinquency-prioritizer", tag = "AI helpers",
    request_body(content = Option<PrioritizeRequest>, description = "Optional: `as_of` and `limit`"),
    responses((status = 200, description = "The ranked tenants and a summary", body = Prioritized)))]
async fn prioritize(
    State(state): State<AppState>,
    auth: Auth,
    OptionalJson(input): OptionalJson<PrioritizeRequest>,
) -> ApiResult<Json<Prioritized>> {
    let tenant = auth.require(Need::Read(SCOPE))?;
    let limit = input.limit.unwrap_or(20);
    if !(1..=100).contains(&limit) {
        return Err(ApiError::validation("limit", "`limit` must be between 1 and 100"));
    }
    let as_of = input.as_of.unwrap_or_else(|| Date::of_ms(state.clock().now_ms()));
    let year_ago = as_of.plus_days(-365);
    let mut db = state.db().scoped(tenant);

    let sql = "SELECT c.lease_id, l.tenant_ids, u.label AS unit_label, p.title AS property_name, \
               CAST(SUM(c.amount + c.late_fee - c.paid) AS BIGINT) AS balance, MIN(c.due_date) AS oldest_due, \
               CAST(COUNT(*) AS BIGINT) AS open_charges \
               FROM rent_charges c JOIN leases l ON l.id = c.lease_id JOIN units u ON u.id = l.unit_id \
               JOIN properties p ON p.id = u.property_id \
               WHERE c.org_id = $1 AND c.status IN ('open', 'late') AND c.due_date <= $2 \
               GROUP BY c.lease_id, l.tenant_ids, u.label, p.title";
    let leases: Vec<LeaseBalance> = db.fetch_all(db.sql(sql).bind(as_of.to_string())).await?;
    let leases: Vec<LeaseBalance> = leases.into_iter().filter(|l| l.balance > 0).collect();

    let sql = "SELECT t.id, t.name FROM tenants t WHERE t.org_id = $1 AND t.id IN (SELECT lt.tenant_id FROM \
               lease_tenants lt JOIN rent_charges c ON c.lease_id = lt.lease_id WHERE c.org_id = $1 \
               AND c.status IN ('open', 'late'))";
    let names: HashMap<String, String> = db.fetch_all::<(String, String)>(db.sql(sql)).await?.into_iter().collect();
    let sql = "SELECT lease_id, CAST(COUNT(*) AS BIGINT) FROM rent_charges \
               WHERE org_id = $1 AND late_at IS NOT NULL AND due_date > $2 AND due_date <= $3 GROUP BY lease_id";
    let late: HashMap<String, i64> = db
        .fetch_all::<(String, i64)>(db.sql(sql).bind(year_ago.to_string()).bind(as_of.to_string()))
        .await?
        .into_iter()
        .collect();
    let ms = |d: Date| d.0.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc().timestamp_millis();
    let sql = "SELECT lease_id, CAST(COUNT(*) AS BIGINT), MAX(paid_at) FROM rent_payments \
               WHERE org_id = $1 AND paid_at >= $2 AND paid_at < $3 GROUP BY lease_id";
    let payments: HashMap<String, (i64, i64)> = db
        .fetch_all::<(String, i64, i64)>(db.sql(sql).bind(ms(year_ago)).bind(ms(as_of.plus_days(1))))
        .await?
        .into_iter()
        .map(|(lease, n, last)| (lease, (n, last)))
        .collect();
    let sql = "SELECT id, lease_id, tenant_id, status, total, (SELECT CAST(COALESCE(SUM(rp.amount), 0) AS BIGINT) \
               FROM rent_payments rp WHERE rp.org_id = $1 AND rp.payment_plan_id = payment_plans.id) AS paid \
               FROM payment_plans WHERE org_id = $1 ORDER BY id";
    let plans: Vec<PlanRow> = db.fetch_all(db.sql(sql)).await?;

    let mut ranked: Vec<Delinquent> = leases
        .into_iter()
        .map(|l| {
            // The latest plan for the lease or one of its tenants.
            let plan = plans.iter().rev().find(|p| {
                p.lease_id.as_deref() == Some(l.lease_id.as_str())
                    || p.tenant_id.as_ref().is_some_and(|t| l.tenant_ids.0.contains(t))
            });
            let (payments_12m, last_payment) =
                payments.get(&l.lease_id).copied().map_or((0, None), |(n, at)| (n, Some(at)));
            let late_periods = late.get(&l.lease_id).copied().unwrap_or(0);
            let history = History { late_periods, payments_12m, last_payment: last_payment.map(Timestamp) };
            score(l, &names, history, plan, as_of)
        })
        .collect();
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(b.amount_usd.cmp(&a.amount_usd)));
    let total = Money(ranked.iter().map(|d| d.amount_usd.cents()).sum());
    let delinquent_leases = ranked.len();
    ranked.truncate(limit);
    for (i, d) in ranked.iter_mut().enumerate() {
        d.rank = i + 1;
    }
    let text = built_in(delinquent_leases, total, &ranked);
    let facts = json!({"as_of": as_of, "delinquent_leases": delinquent_leases, "total_usd": total, "tenants": ranked});
    let written = ai::write(
        state.settings(),
        "Tell the property manager whom to contact first about unpaid rent, and why, in rank order.",
        &facts,
        text,
    )
    .await;
    Ok(Json(Prioritized { as_of, delinquent_leases, total_usd: total, tenants: ranked, written }))
}

/// A lease's payment history over the last 12 months.
struct History {
    late_periods: i64,
    payments_12m: i64,
    last_payment: Option<Timestamp>,
}

fn dollars(m: Money) -> String {
    format!("${:.2}", m.dollars())
}

/// The lease's facts, score and reasons (rank is set after sorting).
fn score(
    l: LeaseBalance,
    names: &HashMap<String, String>,
    h: History,
    plan: Option<&PlanRow>,
    as_of: Date,
) -> Delinquent {
    let amount = Money(l.balance);
    let days_late = as_of.days_since(l.oldest_due).max(0);
    let mut score = amount.dollars() * (1.0 + days_late as f64 / 30.0);
    let mut reasons = vec![format!("owes {}", dollars(amount)), format!("{days_late} days late")];
    let sixty_days_ago = as_of.plus_days(-60);
    let recent = h.last_payment.is_some_and(|at| Date::of_ms(at.ms()) > sixty_days_ago);
    if !recent {
        score *= 1.25;
        reasons.push("no payment in the last 60 days".to_owned());
    }
    if h.late_periods > 0 {
        score *= 1.1_f64.powi(i32::try_from(h.late_periods).unwrap_or(i32::MAX)).min(2.0);
        reasons.push(format!("{} periods late in the last 12 months", h.late_periods));
    }
    let standing = plan.map(|p| PlanStanding {
        id: p.id.clone(),
        status: p.status,
        paid_usd: Money(p.paid),
        remaining_usd: Money((p.total - p.paid).max(0)),
    });
    match plan {
        None => reasons.push("no payment plan".to_owned()),
        Some(p) if p.status == PlanStatus::Accepted && p.paid > 0 => {
            score *= 0.5;
            reasons.push(format!(
                "paying an accepted plan ({} paid, {} to go)",
                dollars(Money(p.paid)),
                dollars(Money((p.total - p.paid).max(0)))
            ));
        }
        Some(p) if p.status == PlanStatus::Accepted => {
            reasons.push("accepted plan, nothing paid toward it yet".to_owned())
        }
        Some(p) if p.status == PlanStatus::Rejected => {
            score *= 1.25;
            reasons.push("rejected a payment plan".to_owned());
        }
        Some(_) => reasons.push("a payment plan is proposed".to_owned()),
    }
    let tenant_name: Vec<&str> = l.tenant_ids.0.iter().filter_map(|id| names.get(id).map(String::as_str)).collect();
    Delinquent {
        rank: 0,
        lease_id: l.lease_id,
        tenant_name: tenant_name.join(", "),
        tenant_ids: l.tenant_ids.0,
        property_name: l.property_name,
        unit_label: l.unit_label,
        amount_usd: amount,
        days_late,
        open_charges: l.open_charges,
        late_periods_12m: h.late_periods,
        payments_12m: h.payments_12m,
        last_payment_at: h.last_payment,
        plan_status: plan.map_or("none", |p| p.status.as_str()).to_owned(),
        plan: standing,
        score: (score * 10.0).round() / 10.0,
        reasons,
    }
}

/// The built-in summary.
fn built_in(count: usize, total: Money, ranked: &[Delinquent]) -> String {
    let Some(first) = ranked.first() else {
        return "No tenant owes rent: nothing to prioritize.".to_owned();
    };
    let leases = if count == 1 { "1 lease owes".to_owned() } else { format!("{count} leases owe") };
    let mut text = format!(
        "{leases} {} in total. Call {} ({} {}) first: {}.",
        dollars(total),
        first.tenant_name,
        first.property_name,
        first.unit_label,
        first.reasons.join(", ")
    );
    let next: Vec<String> = ranked
        .iter()
        .skip(1)
        .take(2)
        .map(|d| format!("{} ({}, {} days late)", d.tenant_name, dollars(d.amount_usd), d.days_late))
        .collect();
    if !next.is_empty() {
        text.push_str(&format!(" Then {}.", next.join(", then ")));
    }
    text
}
