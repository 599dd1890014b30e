//! The event outbox. Every change to a resource writes an event row **in the same
//! transaction** as the change, so an event exists if and only if its change committed:
//! nothing is lost if the process dies before delivery. Integrators poll them with
//! `GET /api/events`; the webhook dispatcher delivers them.

use axum::extract::{OriginalUri, State};
use axum::response::Response;
use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::Auth;
use crate::db::ScopedTx;
use crate::http::Query;
use crate::resource::list::{self, Filters, Page};
use crate::state::AppState;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::ids::new_id;
use crate::vocab::scope::Need;
use crate::vocab::values::{JsonText, Timestamp, Value};
use crate::webhooks::catalog;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_events))
}

/// An event as stored and listed.
#[derive(Debug, Clone, Serialize, Deserialize, FromRow, ToSchema)]
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

const COLUMNS: &str = "id, org_id, type, occurred_at, data";

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

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventFilter {
    /// Only events of this type, e.g. `lead.created`.
    #[serde(rename = "type")]
    #[param(rename = "type", example = "lead.created")]
    pub kind: Option<String>,
    /// Only events that occurred at or after this instant (RFC 3339).
    #[param(value_type = Option<String>, example = "2025-01-15T00:00:00Z")]
    pub since: Option<Timestamp>,
}

/// List events
///
/// The organization's events, newest first: every create, update, status change and delete,
/// with `data` as the API returned the object. Paginate with `limit` and `startingAfter`
/// (the `Link` header has the next page). Needs `read:events`, and lists only the events
/// whose object the caller may read (`tenant.added` needs `read:tenants`); a `type` the
/// caller may not read is 403.
#[utoipa::path(get, path = "/events", tag = "Events", params(Page, EventFilter),
    responses((status = 200, description = "A page of events", body = Vec<Event>)))]
async fn list_events(
    State(state): State<AppState>,
    auth: Auth,
    OriginalUri(uri): OriginalUri,
    Query(page): Query<Page>,
    Query(filter): Query<EventFilter>,
) -> ApiResult<Response> {
    let (events, next) = list_page(&state, &auth, &page, filter).await?;
    Ok(list::respond(&uri, events, next))
}

/// One page of the organization's events that `auth` may read (newest first), and the id to
/// continue after.
pub async fn list_page(
    state: &AppState,
    auth: &Auth,
    page: &Page,
    filter: EventFilter,
) -> ApiResult<(Vec<Event>, Option<String>)> {
    let tenant = auth.require(Need::Read("events"))?;
    let mut filters = Filters::default();
    match filter.kind {
        Some(kind) => {
            catalog::require_readable(auth, &kind)?;
            filters.eq("type", Some(kind));
        }
        None => {
            if let Some(readable) = catalog::readable(auth.scopes()) {
                if readable.is_empty() {
                    page.limit()?;
                    return Ok((Vec::new(), None));
                }
                let placeholders = vec!["?"; readable.len()].join(", ");
                filters.raw(format!("type IN ({placeholders})"), readable.into_iter().map(Value::from));
            }
        }
    }
    filters.at_least("occurred_at", filter.since.map(Timestamp::ms));
    list::fetch_page::<Event>(&mut state.db().scoped(tenant), "events", COLUMNS, filters, page, |e| e.id.clone()).await
}
