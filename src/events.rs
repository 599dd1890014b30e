//! Events: the outbox and the catalog. Every change to a resource writes an event row **in the
//! same transaction** as the change ([`record`]), so an event exists if and only if its change
//! committed: nothing is lost if the process dies before delivery. The catalog lists every
//! event type Gable emits, gathered from the resources themselves (`created`, `updated`,
//! `deleted` and any extra events each declares), so it cannot drift from what is emitted; the
//! composition root installs it from the areas ([`install`]). Integrators poll events with
//! `GET /api/events` (`crate::webhooks::event_log`); the webhook workers deliver them.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::ToSchema;

use crate::db::{Columns, ScopedTx};
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::ids::new_id;
use crate::vocab::scope::{Need, Scopes};
use crate::vocab::values::{JsonText, Timestamp};

/// An event as stored and listed.
#[derive(Debug, Clone, Serialize, Deserialize, FromRow, Columns, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "evt_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "type": "lead.created", "orgId": "org_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5",
    "occurredAt": "2025-01-15T10:30:00.000Z",
    "data": {"id": "lead_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "name": "Jane Doe", "status": "new"}
}))]
pub struct Event {
    #[schema(example = "evt_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5")]
    pub id: String,
    #[serde(rename = "type")]
    #[sqlx(rename = "type")]
    #[schema(example = "lead.created")]
    pub kind: String,
    #[schema(example = "org_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5")]
    pub org_id: String,
    pub occurred_at: Timestamp,
    /// The object as the API returned it after the change.
    #[schema(value_type = Object, example = json!({"id": "lead_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "name": "Jane Doe", "status": "new"}))]
    pub data: JsonText,
}

/// Writes an event in the caller's transaction.
pub async fn record(tx: &mut ScopedTx<'_>, kind: &str, at: Timestamp, data: &impl Serialize) -> ApiResult<()> {
    let data = serde_json::to_string(data).map_err(ApiError::internal)?;
    tx.execute(
        tx.sql("INSERT INTO events (org_id, id, type, occurred_at, data) VALUES ($1, $2, $3, $4, $5)")
            .bind(new_id("evt"))
            .bind(kind.to_owned())
            .bind(at.ms())
            .bind(data),
    )
    .await?;
    Ok(())
}

/// One kind of event.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "type": "lead.created", "description": "A lead was created.",
    "example": {"id": "lead_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5", "name": "Jane Doe", "status": "new"}
}))]
pub struct EventType {
    #[serde(rename = "type")]
    pub kind: String,
    /// The scope resource of the object the event is about: reading the event (in
    /// `GET /api/events`, or through a webhook subscription) needs `read:<scope>`.
    #[serde(skip)]
    pub scope: &'static str,
    pub description: String,
    /// An example of the event's `data`.
    #[schema(value_type = Object)]
    pub example: serde_json::Value,
}

/// The test event `POST /api/webhooks/{id}/test` sends.
pub const TEST_EVENT: &str = "webhook.test";

static CATALOG: OnceLock<Vec<EventType>> = OnceLock::new();

/// Makes the catalog from every area's event types (the composition root does, once, before
/// serving: `crate::app::state`), adding the test event; later calls keep the first.
pub fn install(areas: Vec<EventType>) -> &'static [EventType] {
    CATALOG.get_or_init(|| {
        let mut all = areas;
        all.push(EventType {
            kind: TEST_EVENT.to_owned(),
            scope: "webhooks",
            description: "A test event sent by POST /api/webhooks/{id}/test.".to_owned(),
            example: serde_json::json!({"message": "A test event from Gable", "endpointId": "whep_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5"}),
        });
        all.sort_by(|a, b| a.kind.cmp(&b.kind));
        all
    })
}

/// Every event type, sorted (empty until [`install`]ed).
pub fn all() -> &'static [EventType] {
    CATALOG.get().map_or(&[], Vec::as_slice)
}

pub fn is_known(kind: &str) -> bool {
    find(kind).is_some()
}

pub fn find(kind: &str) -> Option<&'static EventType> {
    all().iter().find(|e| e.kind == kind)
}

/// The event types a caller with `scopes` may read (each needs `read:` its resource), or
/// `None` when that is every type.
pub fn readable(scopes: &Scopes) -> Option<Vec<&'static str>> {
    let readable: Vec<&'static str> =
        all().iter().filter(|e| scopes.allows(Need::Read(e.scope))).map(|e| e.kind.as_str()).collect();
    (readable.len() < all().len()).then_some(readable)
}
