//! The delivery log: `GET /api/webhooks/{id}/deliveries`, `GET /api/webhook-deliveries/{id}`
//! (with every attempt), `POST /api/webhook-deliveries/{id}/resend`, and
//! `POST /api/webhooks/{id}/recover` to re-queue what failed since a point in time.

use axum::extract::{OriginalUri, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::endpoints;
use crate::auth::{ActingOrg, Auth};
use crate::db::Scoped;
use crate::http::{Json, Path, Query};
use crate::resource::list::{self, Filters, Page};
use crate::resource::{self, Columns, Meta, Resource};
use crate::state::AppState;
use crate::text_enum;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::scope::Need;
use crate::vocab::values::{JsonText, Timestamp, Value};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_deliveries))
        .routes(routes!(get_delivery))
        .routes(routes!(delivery_stats))
        .routes(routes!(resend))
        .routes(routes!(recover))
}

text_enum! {
    /// Where a delivery stands.
    pub enum DeliveryStatus {
        /// Waiting for its first or next attempt.
        Pending = "pending",
        Succeeded = "succeeded",
        /// Out of retries, or its endpoint was disabled.
        Failed = "failed",
    }
}

/// One event on its way to one endpoint.
#[derive(Debug, Clone, Serialize, FromRow, Columns, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "whdl_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "endpointId": "whep_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "eventId": "evt_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "eventType": "lead.created", "status": "pending",
    "attemptCount": 1, "nextAttemptAt": "2025-01-15T10:30:05.000Z", "lastAttemptAt": "2025-01-15T10:30:00.000Z",
    "lastStatusCode": 503, "lastError": "HTTP 503 Service Unavailable",
    "createdAt": "2025-01-15T10:30:00.000Z", "updatedAt": "2025-01-15T10:30:00.000Z"
}))]
pub struct Delivery {
    pub id: String,
    pub endpoint_id: String,
    pub event_id: String,
    pub event_type: String,
    pub status: DeliveryStatus,
    #[sqlx(rename = "attempts")]
    pub attempt_count: i64,
    pub next_attempt_at: Option<Timestamp>,
    pub last_attempt_at: Option<Timestamp>,
    pub last_status_code: Option<i64>,
    pub last_error: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// One try at delivering.
#[derive(Debug, Clone, Serialize, FromRow, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "what_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "attemptedAt": "2025-01-15T10:30:00.000Z", "statusCode": 503,
    "latencyMs": 38, "responseBody": "upstream unavailable", "error": "HTTP 503 Service Unavailable",
    "requestHeaders": {"content-type": "application/json", "webhook-id": "evt_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
        "webhook-timestamp": "1736937000", "webhook-signature": "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="},
    "responseHeaders": {"content-type": "text/plain", "retry-after": "30"}
}))]
pub struct Attempt {
    pub id: String,
    pub attempted_at: Timestamp,
    pub status_code: Option<i64>,
    pub latency_ms: i64,
    /// The first 4 KiB of the response.
    pub response_body: Option<String>,
    pub error: Option<String>,
    /// The headers sent (custom headers' values are not stored). `null` for attempts made
    /// before headers were recorded.
    pub request_headers: Option<JsonText>,
    /// The response's headers (the first 32); `null` when there was no response.
    pub response_headers: Option<JsonText>,
}

/// A delivery with its attempts, oldest first.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "whdl_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "endpointId": "whep_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "eventId": "evt_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "eventType": "lead.created", "status": "succeeded",
    "attemptCount": 1, "nextAttemptAt": null, "lastAttemptAt": "2025-01-15T10:30:00.000Z", "lastStatusCode": 200,
    "lastError": null, "createdAt": "2025-01-15T10:30:00.000Z", "updatedAt": "2025-01-15T10:30:00.000Z",
    "attempts": [{"id": "what_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "attemptedAt": "2025-01-15T10:30:00.000Z",
                  "statusCode": 200, "latencyMs": 21, "responseBody": "ok", "error": null}]
}))]
pub struct DeliveryWithAttempts {
    #[serde(flatten)]
    pub delivery: Delivery,
    pub attempts: Vec<Attempt>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeliveryFilter {
    /// Deliveries to this endpoint (`whep_…`); under `/webhooks/{id}/deliveries`, that one.
    #[serde(rename = "endpointId")]
    #[param(rename = "endpointId", example = "whep_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5")]
    pub endpoint_id: Option<String>,
    /// pending, succeeded or failed.
    pub status: Option<DeliveryStatus>,
    /// Deliveries of this event type.
    #[serde(rename = "eventType")]
    #[param(rename = "eventType", example = "lead.created")]
    pub event_type: Option<String>,
    /// Deliveries created at or after this instant (RFC 3339).
    #[param(value_type = Option<String>, format = DateTime, example = "2025-01-15T00:00:00Z")]
    pub since: Option<Timestamp>,
    /// Deliveries created before this instant (RFC 3339).
    #[param(value_type = Option<String>, format = DateTime, example = "2025-01-16T00:00:00Z")]
    pub until: Option<Timestamp>,
}

async fn load(scoped: &mut Scoped<'_>, id: &str) -> ApiResult<Delivery> {
    let delivery: Option<Delivery> = scoped
        .fetch_optional(
            scoped
                .sql(format!("SELECT {} FROM webhook_deliveries WHERE org_id = $1 AND id = $2", Delivery::SELECT))
                .bind(id.to_owned()),
        )
        .await?;
    delivery.ok_or_else(|| ApiError::not_found("webhook delivery", id))
}

/// The delivery log through the engine: `GET /api/webhook-deliveries` (every endpoint's, newest
/// first; filters `endpointId`, `status`, `eventType`, `since`, `until`) and GraphQL `webhookDeliveries`. One
/// delivery is served with its attempts by [`get_delivery`], and an endpoint's by
/// [`list_deliveries`], both over the same records.
pub struct Deliveries;

impl Resource for Deliveries {
    const META: Meta = Meta {
        name: "webhook_delivery",
        plural: "webhook deliveries",
        path: "/webhook-deliveries",
        table: "webhook_deliveries",
        id_prefix: "whdl",
        scope: "webhooks",
        tag: "Webhooks",
    };
    type Record = Delivery;
    type Filter = DeliveryFilter;

    fn filter(f: &DeliveryFilter, filters: &mut Filters) {
        filters.eq("endpoint_id", f.endpoint_id.clone());
        filters.eq("status", f.status);
        filters.eq("event_type", f.event_type.clone());
        filters.at_least("created_at", f.since.map(Timestamp::ms));
        if let Some(until) = f.until {
            filters.raw("created_at < ?".into(), [Value::from(until.ms())]);
        }
    }

    fn authorize(auth: &Auth, need: Need) -> ApiResult<&ActingOrg> {
        auth.require_webhooks(need)
    }
}

/// List an endpoint's deliveries
///
/// Newest first, with their status and last attempt (the engine's list with `endpointId` set
/// to this endpoint; 404 if the organization has no such endpoint). Needs `read:webhooks`.
#[utoipa::path(get, path = "/webhooks/{id}/deliveries", tag = "Webhooks",
    params(("id" = String, Path, description = "Endpoint id (`whep_…`)"), Page, DeliveryFilter),
    responses((status = 200, description = "A page of deliveries", body = Vec<Delivery>)))]
async fn list_deliveries(
    State(state): State<AppState>,
    auth: Auth,
    OriginalUri(uri): OriginalUri,
    Path(id): Path<String>,
    Query(page): Query<Page>,
    Query(mut filter): Query<DeliveryFilter>,
) -> ApiResult<Response> {
    let tenant = Deliveries::authorize(&auth, Need::Read("webhooks"))?;
    endpoints::load(&mut state.db().scoped(tenant), state.secrets(), &id).await?;
    filter.endpoint_id = Some(id);
    let (deliveries, next) = resource::list_records::<Deliveries>(&state, &auth, &page, filter).await?;
    Ok(list::respond(&uri, deliveries, next))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatsQuery {
    /// Only this endpoint's deliveries (`whep_…`).
    #[serde(rename = "endpointId")]
    #[param(rename = "endpointId", example = "whep_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5")]
    pub endpoint_id: Option<String>,
    /// Days back from today (UTC), 1–90; default 7.
    #[param(minimum = 1, maximum = 90)]
    pub days: Option<i64>,
}

/// One day's deliveries by status.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
#[schema(example = json!({"date": "2025-01-15", "succeeded": 170, "failed": 1, "pending": 2}))]
pub struct DayCounts {
    /// `YYYY-MM-DD` (UTC).
    pub date: String,
    pub succeeded: i64,
    pub failed: i64,
    pub pending: i64,
}

/// Deliveries by status over the last days.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"since": "2025-01-09T00:00:00.000Z", "succeeded": 1180, "failed": 3, "pending": 2,
    "successRate": 0.997, "days": [{"date": "2025-01-15", "succeeded": 170, "failed": 1, "pending": 2}]}))]
pub struct DeliveryStats {
    /// The start of the first day counted.
    pub since: Timestamp,
    pub succeeded: i64,
    pub failed: i64,
    pub pending: i64,
    /// succeeded ÷ (succeeded + failed), three decimals; `null` with no finished delivery.
    pub success_rate: Option<f64>,
    /// Every day, oldest first (days without deliveries included).
    pub days: Vec<DayCounts>,
}

const DAY_MS: i64 = 86_400_000;

/// Delivery statistics
///
/// How many deliveries succeeded, failed and are pending, per day (UTC) and in all, over the
/// last `days` days (default 7), for every endpoint or one. Needs `read:webhooks`.
#[utoipa::path(get, path = "/webhook-deliveries/stats", tag = "Webhooks", params(StatsQuery),
    responses((status = 200, description = "Counts by status and day", body = DeliveryStats)))]
async fn delivery_stats(
    State(state): State<AppState>,
    auth: Auth,
    Query(query): Query<StatsQuery>,
) -> ApiResult<Json<DeliveryStats>> {
    let tenant = Deliveries::authorize(&auth, Need::Read("webhooks"))?;
    let days = query.days.unwrap_or(7);
    if !(1..=90).contains(&days) {
        return Err(ApiError::validation("days", "`days` must be between 1 and 90"));
    }
    let today = state.clock().now_ms().div_euclid(DAY_MS);
    let first = today - days + 1;
    let mut scoped = state.db().scoped(tenant);
    let mut sql = "SELECT CAST(created_at / 86400000 AS BIGINT) AS day, status, COUNT(*) AS n FROM webhook_deliveries \
                   WHERE org_id = $1 AND created_at >= $2"
        .to_owned();
    if query.endpoint_id.is_some() {
        sql.push_str(" AND endpoint_id = $3");
    }
    sql.push_str(" GROUP BY CAST(created_at / 86400000 AS BIGINT), status");
    let mut statement = scoped.sql(sql).bind(first * DAY_MS);
    if let Some(endpoint) = query.endpoint_id {
        statement = statement.bind(endpoint);
    }
    let rows: Vec<(i64, String, i64)> = scoped.fetch_all(statement).await?;
    let mut counts: Vec<DayCounts> = (first..=today)
        .map(|day| DayCounts {
            date: crate::vocab::clock::rfc3339(day * DAY_MS)[..10].to_owned(),
            ..DayCounts::default()
        })
        .collect();
    for (day, status, n) in rows {
        let Some(slot) = usize::try_from(day - first).ok().and_then(|i| counts.get_mut(i)) else { continue };
        match status.as_str() {
            "succeeded" => slot.succeeded += n,
            "failed" => slot.failed += n,
            _ => slot.pending += n,
        }
    }
    let (succeeded, failed, pending) =
        counts.iter().fold((0, 0, 0), |(s, f, p), day| (s + day.succeeded, f + day.failed, p + day.pending));
    let success_rate =
        (succeeded + failed > 0).then(|| (succeeded as f64 / (succeeded + failed) as f64 * 1000.0).round() / 1000.0);
    Ok(Json(DeliveryStats { since: Timestamp(first * DAY_MS), succeeded, failed, pending, success_rate, days: counts }))
}

/// Get a delivery with its attempts
///
/// Every attempt with its time, status code, latency, the headers sent and received, the
/// first 4 KiB of the response and the error. Needs `read:webhooks`.
#[utoipa::path(get, path = "/webhook-deliveries/{id}", tag = "Webhooks",
    params(("id" = String, Path, description = "Delivery id (`whdl_…`)")),
    responses((status = 200, description = "The delivery", body = DeliveryWithAttempts)))]
async fn get_delivery(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<Json<DeliveryWithAttempts>> {
    let tenant = auth.require_webhooks(Need::Read("webhooks"))?;
    let mut scoped = state.db().scoped(tenant);
    let delivery = load(&mut scoped, &id).await?;
    let attempts: Vec<Attempt> = scoped
        .fetch_all(
            scoped
                .sql(
                    "SELECT id, attempted_at, status_code, latency_ms, response_body, error, request_headers, \
                     response_headers FROM webhook_attempts \
                     WHERE org_id = $1 AND delivery_id = $2 ORDER BY id",
                )
                .bind(id),
        )
        .await?;
    Ok(Json(DeliveryWithAttempts { delivery, attempts }))
}

/// Resend a delivery
///
/// Queues the delivery for an attempt right away, whatever its status (the endpoint must be
/// enabled). Needs `write:webhooks`.
#[utoipa::path(post, path = "/webhook-deliveries/{id}/resend", tag = "Webhooks",
    params(("id" = String, Path, description = "Delivery id (`whdl_…`)")),
    responses((status = 202, description = "Queued", body = Delivery)))]
async fn resend(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
) -> ApiResult<(StatusCode, Json<Delivery>)> {
    let tenant = auth.require_webhooks(Need::Write("webhooks"))?;
    let mut scoped = state.db().scoped(tenant);
    let delivery = load(&mut scoped, &id).await?;
    let endpoint = endpoints::load(&mut scoped, state.secrets(), &delivery.endpoint_id).await?;
    if endpoint.enabled == 0 {
        return Err(ApiError::conflict(
            "ENDPOINT_DISABLED",
            "The endpoint is disabled: enable it first (PATCH enabled: true)",
        ));
    }
    let now = state.clock().now_ms();
    scoped
        .execute(
            scoped
                .sql(
                    "UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $3, locked_until = NULL, \
                     updated_at = $3 WHERE org_id = $1 AND id = $2",
                )
                .bind(id.clone())
                .bind(now),
        )
        .await?;
    // Read back before the worker is told, so the answer shows the delivery as queued.
    let queued = load(&mut scoped, &id).await?;
    state.webhooks().requeued(&queued.endpoint_id);
    Ok((StatusCode::ACCEPTED, Json(queued)))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"since": "2025-01-15T00:00:00Z"}))]
pub struct Recover {
    /// Re-queue the failed deliveries created at or after this instant.
    pub since: Timestamp,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"requeued": 12}))]
pub struct Recovered {
    /// How many failed deliveries were queued again.
    pub requeued: u64,
}

/// Recover failed deliveries
///
/// Re-queues every failed delivery of the endpoint created since `since` (e.g. after fixing
/// a receiver and re-enabling the endpoint). Needs `write:webhooks`.
#[utoipa::path(post, path = "/webhooks/{id}/recover", tag = "Webhooks", request_body = Recover,
    params(("id" = String, Path, description = "Endpoint id (`whep_…`)")),
    responses((status = 202, description = "Queued", body = Recovered)))]
async fn recover(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<String>,
    Json(body): Json<Recover>,
) -> ApiResult<(StatusCode, Json<Recovered>)> {
    let tenant = auth.require_webhooks(Need::Write("webhooks"))?;
    let mut scoped = state.db().scoped(tenant);
    let endpoint = endpoints::load(&mut scoped, state.secrets(), &id).await?;
    if endpoint.enabled == 0 {
        return Err(ApiError::conflict(
            "ENDPOINT_DISABLED",
            "The endpoint is disabled: enable it first (PATCH enabled: true)",
        ));
    }
    let now = state.clock().now_ms();
    let requeued = scoped
        .execute(
            scoped
                .sql(
                    "UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $4, locked_until = NULL, \
                     updated_at = $4 WHERE org_id = $1 AND endpoint_id = $2 AND status = 'failed' AND created_at >= $3",
                )
                .bind(id.clone())
                .bind(body.since.ms())
                .bind(now),
        )
        .await?;
    state.webhooks().requeued(&id);
    Ok((StatusCode::ACCEPTED, Json(Recovered { requeued })))
}
