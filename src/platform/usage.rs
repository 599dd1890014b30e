//! `GET /api/usage`: the organization's API requests per day and per credential, the 429s,
//! the busiest routes, and the plan's limits (the console's Usage page). Counted by
//! authentication in memory and written once a minute (`crate::usage`), so the last minute may
//! not be in it yet. Needs the `admin` scope.

use std::collections::BTreeMap;

use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::Auth;
use crate::http::{Json, Query};
use crate::state::AppState;
use crate::vocab::clock::rfc3339;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::plan::Plan;
use crate::vocab::scope::Need;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(usage))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UsageQuery {
    /// Days back from today (UTC), 1–90; default 7.
    #[param(minimum = 1, maximum = 90)]
    pub days: Option<i64>,
}

/// Requests and 429s.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    requests: i64,
    throttled: i64,
}

/// One day.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
#[schema(example = json!({"date": "2025-01-15", "requests": 250, "throttled": 4}))]
pub struct UsageDay {
    /// `YYYY-MM-DD` (UTC).
    pub date: String,
    pub requests: i64,
    pub throttled: i64,
}

/// One credential's requests, per day.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"principal": "key_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "name": "Zapier", "requests": 1250,
    "throttled": 4, "perDay": [250]}))]
#[serde(rename_all = "camelCase")]
pub struct CredentialUsage {
    /// A key's id (`key_…`) or `user:<sub>` (a JWT).
    pub principal: String,
    /// The key's name (none for a JWT user).
    pub name: Option<String>,
    pub requests: i64,
    pub throttled: i64,
    /// Requests per day, in the order of `days`.
    pub per_day: Vec<i64>,
}

/// One route's requests.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"route": "GET /properties", "requests": 900, "throttled": 4}))]
pub struct RouteUsage {
    /// `GET /properties/{id}`.
    pub route: String,
    pub requests: i64,
    pub throttled: i64,
}

/// The plan's limits per credential and organization.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({"keyPerMinute": 100, "keyPerHour": 5000, "orgPerMinute": 1000}))]
#[serde(rename_all = "camelCase")]
pub struct Limits {
    pub key_per_minute: u64,
    pub key_per_hour: u64,
    pub org_per_minute: u64,
}

/// The organization's API usage.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "since": "2025-01-09T00:00:00.000Z", "plan": "grow",
    "limits": {"keyPerMinute": 100, "keyPerHour": 5000, "orgPerMinute": 1000},
    "requests": 1250, "throttled": 4,
    "days": [{"date": "2025-01-15", "requests": 250, "throttled": 4}],
    "credentials": [{"principal": "key_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "name": "Zapier", "requests": 1250, "throttled": 4,
        "perDay": [250]}],
    "routes": [{"route": "GET /properties", "requests": 900, "throttled": 4}]
}))]
pub struct UsageReport {
    /// The start of the first day counted.
    pub since: String,
    pub plan: Plan,
    pub limits: Limits,
    pub requests: i64,
    pub throttled: i64,
    /// Every day, oldest first.
    pub days: Vec<UsageDay>,
    /// Every credential that made a request, busiest first.
    pub credentials: Vec<CredentialUsage>,
    /// The ten busiest routes.
    pub routes: Vec<RouteUsage>,
}

/// Get API usage
///
/// Requests and 429s per day (UTC) and per credential, and the busiest routes, over the last
/// `days` days (default 7), with the plan's limits. The last minute may not be counted yet.
/// Needs the `admin` scope.
#[utoipa::path(get, path = "/usage", tag = "Usage", params(UsageQuery),
    responses((status = 200, description = "The usage report", body = UsageReport)))]
async fn usage(
    State(state): State<AppState>,
    auth: Auth,
    Query(query): Query<UsageQuery>,
) -> ApiResult<Json<UsageReport>> {
    let tenant = auth.require(Need::Admin)?;
    let days = query.days.unwrap_or(7);
    if !(1..=90).contains(&days) {
        return Err(ApiError::validation("days", "`days` must be between 1 and 90"));
    }
    let today = state.clock().now_ms().div_euclid(86_400_000);
    let first = today - days + 1;
    let mut scoped = state.db().scoped(tenant);
    let rows: Vec<(i64, String, String, i64, i64)> = scoped
        .fetch_all(
            scoped
                .sql(
                    "SELECT CAST(hour / 24 AS BIGINT) AS day, principal, route, CAST(SUM(requests) AS BIGINT), \
                     CAST(SUM(throttled) AS BIGINT) \
                     FROM usage_hourly WHERE org_id = $1 AND hour >= $2 \
                     GROUP BY CAST(hour / 24 AS BIGINT), principal, route",
                )
                .bind(first * 24),
        )
        .await?;
    let names: Vec<(String, String)> =
        scoped.fetch_all(scoped.sql("SELECT id, name FROM api_keys WHERE org_id = $1")).await?;
    let names: BTreeMap<String, String> = names.into_iter().collect();

    let span = usize::try_from(days).unwrap_or(7);
    let mut per_day = vec![Tally::default(); span];
    let mut credentials: BTreeMap<String, (Tally, Vec<i64>)> = BTreeMap::new();
    let mut routes: BTreeMap<String, Tally> = BTreeMap::new();
    for (day, principal, route, requests, throttled) in rows {
        let Some(i) = usize::try_from(day - first).ok().filter(|i| *i < span) else { continue };
        per_day[i].requests += requests;
        per_day[i].throttled += throttled;
        let credential = credentials.entry(principal).or_insert_with(|| (Tally::default(), vec![0; span]));
        credential.0.requests += requests;
        credential.0.throttled += throttled;
        credential.1[i] += requests;
        let route = routes.entry(route).or_default();
        route.requests += requests;
        route.throttled += throttled;
    }
    let mut credentials: Vec<CredentialUsage> = credentials
        .into_iter()
        .map(|(principal, (tally, days))| CredentialUsage {
            name: names.get(&principal).cloned(),
            principal,
            requests: tally.requests,
            throttled: tally.throttled,
            per_day: days,
        })
        .collect();
    credentials.sort_by(|a, b| b.requests.cmp(&a.requests).then_with(|| a.principal.cmp(&b.principal)));
    let mut routes: Vec<RouteUsage> = routes
        .into_iter()
        .map(|(route, tally)| RouteUsage { route, requests: tally.requests, throttled: tally.throttled })
        .collect();
    routes.sort_by(|a, b| b.requests.cmp(&a.requests).then_with(|| a.route.cmp(&b.route)));
    routes.truncate(10);
    let plan = tenant.plan();
    let limits = state.settings().plans.limits(plan);
    Ok(Json(UsageReport {
        since: rfc3339(first * 86_400_000),
        plan,
        limits: Limits {
            key_per_minute: limits.key_per_minute,
            key_per_hour: limits.key_per_hour,
            org_per_minute: limits.org_per_minute,
        },
        requests: per_day.iter().map(|d| d.requests).sum(),
        throttled: per_day.iter().map(|d| d.throttled).sum(),
        days: (first..=today)
            .zip(&per_day)
            .map(|(day, tally)| UsageDay {
                date: rfc3339(day * 86_400_000)[..10].to_owned(),
                requests: tally.requests,
                throttled: tally.throttled,
            })
            .collect(),
        credentials,
        routes,
    }))
}
