//! `GET /api/events` (the organization's event log) and `GET /api/webhook-events` (the event
//! catalog), as the API serves them; the events themselves and the catalog are `crate::events`.

use axum::extract::{OriginalUri, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::Auth;
use crate::events::{self as catalog, COLUMNS, Event, EventType};
use crate::http::{Json, Query};
use crate::resource::list::{self, Filters, Page};
use crate::state::AppState;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::scope::Need;
use crate::vocab::values::{Timestamp, Value};

/// `GET /events`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_events))
}

/// `GET /webhook-events`.
pub fn catalog_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_event_types))
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
            require_readable(auth, &kind)?;
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

/// 403 unless a caller with `scopes` may read events of type `kind`.
pub fn require_readable(auth: &Auth, kind: &str) -> ApiResult<()> {
    match catalog::find(kind) {
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
    Ok(Json(catalog::all()))
}
