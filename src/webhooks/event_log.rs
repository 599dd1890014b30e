//! `GET /api/events` (the organization's event log, through the engine: [`Events`]) and
//! `GET /api/webhook-events` (the event catalog), as the API serves them; the events
//! themselves and the catalog are `crate::events`.

use axum::http::StatusCode;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::Auth;
use crate::events::{self as catalog, Event, EventType};
use crate::http::Json;
use crate::resource::{Filters, Meta, Resource};
use crate::state::AppState;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::scope::Need;
use crate::vocab::values::{Timestamp, Value};

/// `GET /webhook-events`.
pub fn catalog_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_event_types))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventFilter {
    /// Only events of this type, e.g. `lead.created`.
    #[serde(rename = "type")]
    #[param(rename = "type", example = "lead.created")]
    pub kind: Option<String>,
    /// Only events that occurred at or after this instant (RFC 3339).
    #[param(value_type = Option<String>, format = DateTime, example = "2025-01-15T00:00:00Z")]
    pub since: Option<Timestamp>,
}

/// The organization's event log through the engine: `GET /api/events` (a page, newest first)
/// and `GET /api/events/{id}`, and `events`/`event` in GraphQL — only the events whose object
/// the caller may read ([`Resource::visible`]).
pub struct Events;

impl Resource for Events {
    const META: Meta = Meta {
        name: "event",
        plural: "events",
        path: "/events",
        table: "events",
        id_prefix: "evt",
        scope: "events",
        tag: "Events",
    };
    type Record = Event;
    type Filter = EventFilter;

    const LIST_DOC: Option<&'static str> = Some(
        "The organization's events, newest first: every create, update, status change and delete, with \
         `data` as the API returned the object. Paginate with `limit` and `startingAfter` (the `Link` header \
         has the next page). Needs `read:events`, and lists only the events whose object the caller may read \
         (`tenant.added` needs `read:tenants`); a `type` the caller may not read is 403.",
    );

    fn filter(f: &EventFilter, filters: &mut Filters) {
        filters.eq("type", f.kind.clone());
        filters.at_least("occurred_at", f.since.map(Timestamp::ms));
    }

    /// Only the types the caller's scopes may read; asking for another type is 403.
    fn visible(auth: &Auth, filter: Option<&EventFilter>, filters: &mut Filters) -> ApiResult<bool> {
        if let Some(kind) = filter.and_then(|f| f.kind.as_deref()) {
            require_readable(auth, kind)?;
            return Ok(true);
        }
        match catalog::readable(auth.scopes()) {
            None => Ok(true),
            Some(readable) if readable.is_empty() => Ok(false),
            Some(readable) => {
                let placeholders = vec!["?"; readable.len()].join(", ");
                filters.raw(format!("type IN ({placeholders})"), readable.into_iter().map(Value::from));
                Ok(true)
            }
        }
    }
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
