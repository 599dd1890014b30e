//! `GET /api/webhook-events`: every event type Gable emits, with a description and an example
//! payload. The list is gathered from the resources themselves (`created`, `updated`,
//! `deleted` and any extra events each declares), so it cannot drift from what is emitted: the
//! composition root installs it from the areas ([`install`]).

use std::sync::OnceLock;

use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;
use axum::http::StatusCode;

use crate::auth::Auth;

use crate::vocab::scope::Need;

use crate::http::Json;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::scope::Scopes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_event_types))
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

/// 403 unless a caller with `scopes` may read events of type `kind`.
pub fn require_readable(auth: &Auth, kind: &str) -> ApiResult<()> {
    match find(kind) {
        Some(event) if !auth.scopes().allows(Need::Read(event.scope)) => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "INSUFFICIENT_SCOPE",
            format!("{} does not have the `read:{}` scope needed for `{kind}` events", auth.caller(), event.scope),
        )),
        _ => Ok(()),
    }
}

/// List event types
///
/// Every event type with a description and an example of its `data`: the values an
/// endpoint's `events` filter accepts. Needs `read:webhooks` and the Elite plan.
#[utoipa::path(get, path = "/webhook-events", tag = "Webhooks",
    responses((status = 200, description = "The event types", body = Vec<EventType>)))]
async fn list_event_types(auth: Auth) -> ApiResult<Json<&'static [EventType]>> {
    auth.require_webhooks(Need::Read("webhooks"))?;
    Ok(Json(all()))
}
