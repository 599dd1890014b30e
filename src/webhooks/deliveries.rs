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
use crate::vocab::values::Timestamp;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_deliveries))
        .routes(routes!(get_delivery))
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
    "latencyMs": 38, "responseBody": "upstream unavailable", "error": "HTTP 503 Service Unavailable"
}))]
pub struct Attempt {
    pub id: String,
    pub attempted_at: Timestamp,
    pub status_code: Option<i64>,
    pub latency_ms: i64,
    /// The first 4 KiB of the response.
    pub response_body: Option<String>,
    pub error: Option<String>,
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
/// first; filters `endpointId`, `status`, `eventType`) and GraphQL `webhookDeliveries`. One
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

/// Get a delivery with its attempts
///
/// Every attempt with its time, status code, latency, the first 4 KiB of the response and
/// the error. Needs `read:webhooks`.
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
                    "SELECT id, attempted_at, status_code, latency_ms, response_body, error FROM webhook_attempts \
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
