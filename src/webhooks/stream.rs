//! `GET /api/events/stream`: the organization's events as Server-Sent Events, in the order they
//! committed, for apps that want a live feed without a public URL (and for `gable listen`,
//! `super::listen`). Each frame is `id: <event id>` and `data: <the webhook envelope>`.
//!
//! Order and resumption rest on `events.stream_seq`, which the dispatcher (`queue::dispatch`)
//! gives each event under one counter row's lock: a later number is a later commit. A stream
//! reads its organization's events past the last number it sent; `Last-Event-ID` names where
//! a reconnecting client stopped, so nothing is lost or sent twice. Events appear once the
//! dispatcher has numbered them (it runs on every instance with workers; this instance's wakes
//! its streams, others' are noticed within [`POLL`]).

use std::collections::{HashMap, HashSet, VecDeque};
use std::convert::Infallible;
use std::sync::Mutex;
use std::time::Duration;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event as Frame, KeepAlive, Sse};
use futures_util::stream::{self, Stream};
use serde::Deserialize;
use serde_json::value::RawValue;
use sqlx::FromRow;
use tokio::sync::watch;
use tokio::time::Instant;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::event_log::require_readable;
use super::sender::Envelope;
use crate::auth::Auth;
use crate::db::placeholders;
use crate::events as catalog;
use crate::http::Query;
use crate::state::AppState;
use crate::vocab::error::{ApiError, ApiResult};
use crate::vocab::scope::Need;
use crate::vocab::values::Timestamp;

/// Longest wait before a stream looks for events numbered by another instance's dispatcher.
const POLL: Duration = Duration::from_secs(1);
/// Events read per query.
const PAGE: usize = 100;
/// At most this many events from before a stream opened, still waiting for the dispatcher, are
/// remembered so as not to be sent (a dispatcher further behind than that is down).
const MAX_SKIPPED: usize = 10_000;

/// `GET /events/stream`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(stream_events))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StreamFilter {
    /// Only these event types, comma-separated (`lead.created,lead.updated`); every type the key
    /// may read when absent.
    #[param(value_type = Option<Vec<crate::events::EventTypeName>>, style = Form, explode = false,
            example = json!(["lead.created", "lead.updated"]))]
    pub types: Option<String>,
}

/// Stream events
///
/// The organization's events as [Server-Sent Events](https://html.spec.whatwg.org/multipage/server-sent-events.html),
/// as they commit: each is `id: <event id>` and `data: <the webhook envelope>` (`id`, `event`,
/// `timestamp`, `delivered_at`, `organization_id`, `data`, `payload`, as `docs/webhooks.md`
/// shows). Send `Last-Event-ID` to resume after that event without losing or repeating any;
/// without it the stream starts with the next event. A comment line is sent as a heartbeat, and
/// the stream ends after `webhook_stream_max_duration` (reconnect with `Last-Event-ID`). Needs
/// `read:events`; only the types the key may read are sent, and asking for another is 403. At
/// most `webhook_stream_max_per_key` streams per key at once (429 beyond).
#[utoipa::path(get, path = "/events/stream", tag = "Events",
    params(StreamFilter,
        ("Last-Event-ID" = Option<String>, Header, description = "Resume after this event (the `id:` of the last frame received)",
         example = "evt_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5")),
    responses(
        (status = 200, description = "The stream: `text/event-stream` frames until the stream's time is up",
         content_type = "text/event-stream", body = String,
         example = json!("id: evt_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5\ndata: {\"id\":\"evt_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5\",\"event\":\"lead.created\",\"timestamp\":\"2025-01-15T10:30:00.000Z\",\"delivered_at\":\"2025-01-15T10:30:00.021Z\",\"organization_id\":\"org_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5\",\"data\":{\"id\":\"lead_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5\"},\"payload\":{\"id\":\"lead_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5\"}}\n\n")),
        (status = 404, description = "`Last-Event-ID` names no event of this organization (events are kept `webhook_retention_days`)", body = crate::vocab::error::ErrorBody),
        (status = 429, description = "The key has its most streams open (`TOO_MANY_STREAMS`), or a rate limit", body = crate::vocab::error::ErrorBody)))]
async fn stream_events(
    State(state): State<AppState>,
    auth: Auth,
    headers: HeaderMap,
    Query(filter): Query<StreamFilter>,
) -> ApiResult<Sse<impl Stream<Item = Result<Frame, Infallible>>>> {
    let tenant = auth.require(Need::Read("events"))?;
    let types = match filter.types.as_deref() {
        Some(list) => {
            let mut types = Vec::new();
            for kind in list.split(',').map(str::trim).filter(|kind| !kind.is_empty()) {
                if catalog::find(kind).is_none() {
                    return Err(ApiError::validation(
                        "types",
                        format!("Unknown event type `{kind}` (see GET /api/webhook-events)"),
                    ));
                }
                require_readable(&auth, kind)?;
                types.push(kind.to_owned());
            }
            types.sort_unstable();
            types.dedup();
            Some(types)
        }
        None => catalog::readable(auth.scopes()).map(|kinds| kinds.into_iter().map(str::to_owned).collect()),
    };
    let mut scoped = state.db().scoped(tenant);
    // Not text, it names no event: the lookup answers 404 like any unknown id.
    let last_event_id = headers.get("last-event-id").map(|v| String::from_utf8_lossy(v.as_bytes()).trim().to_owned());
    let (after, skip) = match last_event_id.as_deref() {
        Some(id) if !id.is_empty() => {
            let row: Option<(Option<i64>,)> = scoped
                .fetch_optional(scoped.sql("SELECT stream_seq FROM events WHERE org_id = $1 AND id = $2").bind(id))
                .await?;
            match row {
                Some((Some(seq),)) => (Cursor::After(seq), HashSet::new()),
                // Not numbered yet (the client read it from `GET /api/events`): wait for its number.
                Some((None,)) => (Cursor::Pending(id.to_owned()), HashSet::new()),
                None => return Err(ApiError::not_found("event", id)),
            }
        }
        // From now on: past the last number, except the events already committed that the
        // dispatcher has not numbered yet (they will be numbered later). One statement, so that
        // both are read from the same snapshot while a dispatch commits.
        _ => {
            let sql = format!(
                "SELECT NULL AS id, MAX(stream_seq) AS seq FROM events WHERE org_id = $1 \
                 UNION ALL SELECT id, NULL FROM \
                 (SELECT id FROM events WHERE org_id = $1 AND stream_seq IS NULL LIMIT {MAX_SKIPPED}) pending"
            );
            let rows: Vec<(Option<String>, Option<i64>)> = scoped.fetch_all(scoped.sql(sql)).await?;
            let last = rows.iter().find_map(|(id, seq)| id.is_none().then_some(*seq)).flatten();
            (Cursor::After(last.unwrap_or(0)), rows.into_iter().filter_map(|(id, _)| id).collect())
        }
    };
    let settings = &state.settings().webhooks;
    let guard = StreamSlot::take(&state, auth.key_id(), settings.stream_max_per_key)?;
    let feed = Feed {
        tick: state.webhooks().streamable.subscribe(),
        deadline: Instant::now() + settings.stream_max_duration.0,
        state: state.clone(),
        auth: auth.clone(),
        types,
        after,
        skip,
        ready: VecDeque::from([Frame::default().comment("stream open")]),
        _slot: guard,
    };
    let heartbeat = KeepAlive::new().interval(settings.stream_heartbeat.0).text("heartbeat");
    Ok(Sse::new(stream::unfold(feed, |mut feed| async move { feed.next().await.map(|frame| (Ok(frame), feed)) }))
        .keep_alive(heartbeat))
}

/// Where a stream has read to.
enum Cursor {
    /// Past this number.
    After(i64),
    /// Past this event, which the dispatcher has not numbered yet.
    Pending(String),
}

#[derive(Debug, FromRow)]
struct Streamed {
    id: String,
    #[sqlx(rename = "type")]
    kind: String,
    org_id: String,
    occurred_at: i64,
    data: String,
    stream_seq: i64,
}

/// One open stream's state.
struct Feed {
    state: AppState,
    auth: Auth,
    /// The types to send; every type when `None`.
    types: Option<Vec<String>>,
    after: Cursor,
    /// Events from before the stream opened that are still to be numbered: not sent.
    skip: HashSet<String>,
    ready: VecDeque<Frame>,
    tick: watch::Receiver<u64>,
    deadline: Instant,
    _slot: StreamSlot,
}

impl Feed {
    /// The next frame, or `None` when the stream's time is up.
    async fn next(&mut self) -> Option<Frame> {
        loop {
            if let Some(frame) = self.ready.pop_front() {
                return Some(frame);
            }
            if Instant::now() >= self.deadline || self.state.webhooks().streams_closing() {
                return None;
            }
            // Marks the dispatches so far as seen before reading, so none is missed after.
            self.tick.borrow_and_update();
            match self.read().await {
                Ok(true) => continue,
                Ok(false) => {}
                Err(err) => tracing::warn!(error = %err, "reading the event stream failed"),
            }
            let wait = POLL.min(self.deadline.saturating_duration_since(Instant::now()));
            let _ = tokio::time::timeout(wait, self.tick.changed()).await;
        }
    }

    /// Reads the next events into `ready`; whether there were any.
    async fn read(&mut self) -> Result<bool, sqlx::Error> {
        let mut db = self.state.db().scoped(self.auth.tenant());
        let after = match &self.after {
            Cursor::After(seq) => *seq,
            Cursor::Pending(id) => {
                let row: Option<(Option<i64>,)> = db
                    .fetch_optional(
                        db.sql("SELECT stream_seq FROM events WHERE org_id = $1 AND id = $2").bind(id.clone()),
                    )
                    .await?;
                match row {
                    Some((Some(seq),)) => seq,
                    Some((None,)) => return Ok(false),
                    // Gone meanwhile (retention): go on from what is numbered now.
                    None => {
                        let (last,): (Option<i64>,) =
                            db.fetch_one(db.sql("SELECT MAX(stream_seq) FROM events WHERE org_id = $1")).await?;
                        last.unwrap_or(0)
                    }
                }
            }
        };
        self.after = Cursor::After(after);
        let only = match &self.types {
            Some(types) if types.is_empty() => return Ok(false),
            Some(types) => format!(" AND type IN ({})", placeholders(3, types.len())),
            None => String::new(),
        };
        let sql = format!(
            "SELECT id, type, org_id, occurred_at, data, stream_seq FROM events \
             WHERE org_id = $1 AND stream_seq > $2{only} ORDER BY stream_seq LIMIT {PAGE}"
        );
        let mut query = db.sql(sql).bind(after);
        for kind in self.types.iter().flatten() {
            query = query.bind(kind.clone());
        }
        let rows: Vec<Streamed> = db.fetch_all(query).await?;
        let now = Timestamp(self.state.clock().now_ms());
        for row in &rows {
            self.after = Cursor::After(row.stream_seq);
            if self.skip.remove(&row.id) {
                continue;
            }
            let Ok(data) = RawValue::from_string(row.data.clone()) else {
                tracing::warn!(event = %row.id, "an event's data is not JSON; not streamed");
                continue;
            };
            let envelope = Envelope {
                id: &row.id,
                event: &row.kind,
                timestamp: Timestamp(row.occurred_at),
                delivered_at: now,
                organization_id: &row.org_id,
                data: &data,
                payload: &data,
            };
            match serde_json::to_string(&envelope) {
                Ok(json) => self.ready.push_back(Frame::default().id(row.id.clone()).data(json)),
                Err(err) => tracing::warn!(event = %row.id, error = %err, "an event could not be streamed"),
            }
        }
        Ok(!rows.is_empty())
    }
}

/// One of a key's open streams on this instance; dropping it (the client went away, or the
/// stream's time is up) frees the place.
struct StreamSlot {
    state: AppState,
    key: String,
}

impl StreamSlot {
    fn take(state: &AppState, key: &str, most: usize) -> ApiResult<StreamSlot> {
        let mut open = lock(&state.webhooks().open_streams);
        let count = open.entry(key.to_owned()).or_default();
        if *count >= most {
            return Err(ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "TOO_MANY_STREAMS",
                format!("This key already has {most} event streams open, the most it may; close one first"),
            ));
        }
        *count += 1;
        Ok(StreamSlot { state: state.clone(), key: key.to_owned() })
    }
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        let mut open = lock(&self.state.webhooks().open_streams);
        if let Some(count) = open.get_mut(&self.key) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.key);
            }
        }
    }
}

fn lock(open: &Mutex<HashMap<String, usize>>) -> std::sync::MutexGuard<'_, HashMap<String, usize>> {
    open.lock().unwrap_or_else(|p| p.into_inner())
}
