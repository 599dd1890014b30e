//! `POST /api/ai-vendor-summary`: a vendor's track record from its work orders — jobs,
//! completed and open jobs, on-time rate against the scheduled date, average cost and days to
//! complete — and a written summary of those facts (`crate::ai`). Limited by the `ai` rate
//! limit class (10 calls per hour per key by default).

use axum::extract::State;
use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::vendors::{Vendor, Vendors};
use super::work_orders::{WorkOrderStatus, WorkOrders};
use crate::ai::{self, Written};
use crate::auth::Auth;
use crate::http::Json;
use crate::resource::Resource;
use crate::state::AppState;
use crate::vocab::date::Date;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::scope::Need;
use crate::vocab::values::{Money, Timestamp};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(vendor_summary))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"vendor_id": "v_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5"}))]
pub struct VendorSummaryRequest {
    pub vendor_id: String,
}

/// What the work orders say about a vendor.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(example = json!({
    "vendor_name": "Pipe Dreams", "trade": "plumbing", "jobs": 5, "completed_jobs": 3, "open_jobs": 1,
    "cancelled_jobs": 1, "scheduled_completed_jobs": 3, "on_time_jobs": 2, "on_time_rate": 0.667,
    "average_cost_usd": 215.4, "total_cost_usd": 646.2, "average_days_to_complete": 2.5
}))]
pub struct VendorFacts {
    pub vendor_name: String,
    pub trade: Option<String>,
    /// Work orders ever given to the vendor.
    pub jobs: i64,
    pub completed_jobs: i64,
    /// open, assigned or in progress.
    pub open_jobs: i64,
    pub cancelled_jobs: i64,
    /// Completed jobs that had a `scheduled_for` date (the base of the on-time rate).
    pub scheduled_completed_jobs: i64,
    /// Of those, completed on or before the scheduled day (UTC).
    pub on_time_jobs: i64,
    /// `on_time_jobs / scheduled_completed_jobs`, three decimals; `null` without any.
    pub on_time_rate: Option<f64>,
    /// Mean cost of the completed jobs with a cost; `null` without any.
    pub average_cost_usd: Option<Money>,
    pub total_cost_usd: Money,
    /// Mean days from creation to completion of the completed jobs, one decimal.
    pub average_days_to_complete: Option<f64>,
}

/// The vendor summary: the facts and their written summary.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "vendor_id": "v_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "facts": {"vendor_name": "Pipe Dreams", "trade": "plumbing", "jobs": 5, "completed_jobs": 3,
        "open_jobs": 1, "cancelled_jobs": 1, "scheduled_completed_jobs": 3, "on_time_jobs": 2,
        "on_time_rate": 0.667, "average_cost_usd": 215.4, "total_cost_usd": 646.2,
        "average_days_to_complete": 2.5},
    "summary": "Pipe Dreams (plumbing) has had 5 work orders: 3 completed, 1 open, 1 cancelled. 2 of 3 scheduled jobs were completed on time (67%). Average cost $215.40 per completed job; 2.5 days on average from request to completion.",
    "summary_source": "built_in", "ai_error": null
}))]
pub struct VendorSummary {
    pub vendor_id: String,
    pub facts: VendorFacts,
    #[serde(flatten)]
    pub written: Written,
}

#[derive(FromRow)]
struct Job {
    status: WorkOrderStatus,
    cost: Option<i64>,
    scheduled_for: Option<Date>,
    completed_at: Option<Timestamp>,
    created_at: Timestamp,
}

const DAY_MS: f64 = 86_400_000.0;

fn round_to(value: f64, places: i32) -> f64 {
    let factor = 10f64.powi(places);
    (value * factor).round() / factor
}

fn facts(vendor: &Vendor, jobs: &[Job]) -> VendorFacts {
    let count = |status: WorkOrderStatus| jobs.iter().filter(|j| j.status == status).count() as i64;
    let completed: Vec<&Job> = jobs.iter().filter(|j| j.status == WorkOrderStatus::Completed).collect();
    let scheduled: Vec<(&Job, Date, Timestamp)> =
        completed.iter().filter_map(|j| Some((*j, j.scheduled_for?, j.completed_at?))).collect();
    let on_time = scheduled.iter().filter(|(_, day, at)| Date::of_ms(at.ms()) <= *day).count() as i64;
    let costs: Vec<i64> = completed.iter().filter_map(|j| j.cost).collect();
    let total: i64 = costs.iter().sum();
    let durations: Vec<f64> =
        completed.iter().filter_map(|j| Some((j.completed_at?.ms() - j.created_at.ms()) as f64 / DAY_MS)).collect();
    VendorFacts {
        vendor_name: vendor.name.clone(),
        trade: vendor.trade.clone(),
        jobs: jobs.len() as i64,
        completed_jobs: completed.len() as i64,
        open_jobs: count(WorkOrderStatus::Open) + count(WorkOrderStatus::Assigned) + count(WorkOrderStatus::InProgress),
        cancelled_jobs: count(WorkOrderStatus::Cancelled),
        scheduled_completed_jobs: scheduled.len() as i64,
        on_time_jobs: on_time,
        on_time_rate: (!scheduled.is_empty()).then(|| round_to(on_time as f64 / scheduled.len() as f64, 3)),
        average_cost_usd: (!costs.is_empty()).then(|| Money((total as f64 / costs.len() as f64).round() as i64)),
        total_cost_usd: Money(total),
        average_days_to_complete: (!durations.is_empty())
            .then(|| round_to(durations.iter().sum::<f64>() / durations.len() as f64, 1)),
    }
}

fn plural(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The built-in, deterministic summary of the facts.
fn built_in(f: &VendorFacts) -> String {
    let who = match &f.trade {
        Some(trade) => format!("{} ({trade})", f.vendor_name),
        None => f.vendor_name.clone(),
    };
    if f.jobs == 0 {
        return format!("{who} has had no work orders yet, so there is no track record to summarize.");
    }
    let mut text = format!(
        "{who} has had {}: {} completed, {} open, {} cancelled.",
        plural(f.jobs, "work order", "work orders"),
        f.completed_jobs,
        f.open_jobs,
        f.cancelled_jobs
    );
    match f.on_time_rate {
        Some(rate) => text.push_str(&format!(
            " {} of {} scheduled {} completed on time ({:.0}%).",
            f.on_time_jobs,
            f.scheduled_completed_jobs,
            if f.scheduled_completed_jobs == 1 { "job was" } else { "jobs were" },
            rate * 100.0
        )),
        None if f.completed_jobs > 0 => text.push_str(" No completed job had a scheduled date to measure timeliness."),
        None => {}
    }
    if let Some(cost) = f.average_cost_usd {
        text.push_str(&format!(" Average cost ${:.2} per completed job.", cost.dollars()));
    }
    if let Some(days) = f.average_days_to_complete {
        text.push_str(&format!(" {days:.1} days on average from request to completion."));
    }
    text
}

/// Summarize a vendor
///
/// Computes the vendor's track record from its work orders (jobs, completed and open jobs,
/// on-time rate against `scheduled_for`, average cost, average days to complete) and writes a
/// summary: by the configured model (`ai_url`), or the built-in writer; `summary_source` says
/// which, and `ai_error` why the model's text was not used. Writes nothing. Limited to 10 calls
/// per hour per key (429 with `Retry-After`). Needs `read:vendors` and `read:work_orders`.
#[utoipa::path(post, path = "/ai-vendor-summary", tag = "AI helpers",
    request_body = VendorSummaryRequest,
    responses((status = 200, description = "The facts and the summary", body = VendorSummary)))]
async fn vendor_summary(
    State(state): State<AppState>,
    auth: Auth,
    Json(input): Json<VendorSummaryRequest>,
) -> ApiResult<Json<VendorSummary>> {
    let tenant = auth.require(Need::Read("vendors"))?;
    auth.require(Need::Read("work_orders"))?;
    let vendor: Vendor = crate::resource::find_record::<Vendors>(&state, tenant, &input.vendor_id)
        .await?
        .ok_or_else(|| ApiError::not_found("vendor", &input.vendor_id).with_field("vendor_id"))?;
    let sql = format!(
        "SELECT status, cost, scheduled_for, completed_at, created_at FROM {} WHERE org_id = $1 AND vendor_id = $2",
        WorkOrders::META.table
    );
    let mut scoped = state.db().scoped(tenant);
    let jobs: Vec<Job> = scoped.fetch_all(scoped.sql(sql).bind(vendor.id.clone())).await?;
    let facts = facts(&vendor, &jobs);
    let text = built_in(&facts);
    let facts_json = serde_json::to_value(&facts).map_err(ApiError::internal)?;
    let written = ai::write(
        state.settings(),
        "Summarize this vendor's track record for the property manager deciding whom to send the next job.",
        &facts_json,
        text,
    )
    .await;
    Ok(Json(VendorSummary { vendor_id: vendor.id, facts, written }))
}
