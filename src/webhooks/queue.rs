//! The delivery queue in the database: fan-out of outbox events into deliveries, claiming due
//! deliveries, recording each attempt and its consequences (retry schedule, endpoint stats,
//! disabling), and retention. Every function is safe to run in any number of instances at
//! once: PostgreSQL rows are claimed with `FOR UPDATE SKIP LOCKED`, SQLite write transactions
//! are exclusive, and a claimed delivery carries a lease (`locked_until`) so no other worker
//! sends it meanwhile.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::Duration;

use serde_json::value::RawValue;
use sqlx::FromRow;

use super::Webhooks;
use super::endpoints::{COLUMNS as ENDPOINT_COLUMNS, EndpointRow};
use super::sender::{self, Envelope, Outcome, Target};
use crate::db::proof::JobToken;
use crate::db::{Backend, Jobs, Sql, placeholders};
use crate::notify;
use crate::state::AppState;
use crate::vocab::ids::new_id;
use crate::vocab::values::{Timestamp, Value};

/// How many rows one statement handles at most.
const BATCH: usize = 400;

fn skip_locked(jobs: &Jobs<'_>) -> &'static str {
    if jobs.backend() == Backend::Postgres { " FOR UPDATE SKIP LOCKED" } else { "" }
}

#[derive(Debug, FromRow)]
struct PendingEvent {
    id: String,
    org_id: String,
    #[sqlx(rename = "type")]
    kind: String,
}

#[derive(Debug, FromRow)]
struct Subscriber {
    id: String,
    org_id: String,
    events: String,
    enabled: i64,
}

/// Fans out up to `BATCH` undispatched events to the endpoints of their organizations (on a
/// plan with webhooks) whose filter matches. An enabled endpoint gets a pending delivery; a
/// disabled one gets a delivery that is already `failed` ("the endpoint was disabled") and is
/// never attempted, so the delivery log shows what it missed and `recover` re-sends it once
/// the endpoint is enabled again. Returns how many events it handled and the endpoints that
/// got pending deliveries.
pub async fn dispatch(state: &AppState, token: &JobToken) -> Result<(usize, Vec<String>), sqlx::Error> {
    let jobs = state.db().jobs(token);
    let mut tx = jobs.begin_relaxed().await?;
    let sql = format!(
        "SELECT id, org_id, type FROM events WHERE dispatched = 0 ORDER BY id LIMIT {BATCH}{}",
        skip_locked(&jobs)
    );
    let events: Vec<PendingEvent> = tx.fetch_all(tx.sql(sql)).await?;
    if events.is_empty() {
        return Ok((0, Vec::new()));
    }
    let mut orgs: Vec<&str> = events.iter().map(|e| e.org_id.as_str()).collect();
    orgs.sort_unstable();
    orgs.dedup();
    let plans: Vec<&str> = state.webhooks().plans_with_webhooks().to_vec();
    let sql = format!(
        "SELECT e.id, e.org_id, e.events, e.enabled FROM webhook_endpoints e JOIN organizations o ON o.id = e.org_id \
         WHERE o.plan IN ({}) AND e.org_id IN ({})",
        placeholders(1, plans.len()),
        placeholders(1 + plans.len(), orgs.len())
    );
    let mut query = tx.sql(sql);
    for value in plans.iter().chain(orgs.iter()) {
        query = query.bind((*value).to_owned());
    }
    let subscribers: Vec<Subscriber> = tx.fetch_all(query).await?;
    let mut by_org: HashMap<&str, Vec<(&Subscriber, Vec<String>)>> = HashMap::new();
    for s in &subscribers {
        let filter: Vec<String> = serde_json::from_str(&s.events).unwrap_or_default();
        by_org.entry(s.org_id.as_str()).or_default().push((s, filter));
    }
    let now = state.clock().now_ms();
    // (enabled, [id, org, endpoint, event, type])
    let mut rows: Vec<(bool, [String; 5])> = Vec::new();
    for event in &events {
        for (endpoint, filter) in by_org.get(event.org_id.as_str()).into_iter().flatten() {
            if filter.is_empty() || filter.contains(&event.kind) {
                let row =
                    [new_id("whdl"), event.org_id.clone(), endpoint.id.clone(), event.id.clone(), event.kind.clone()];
                rows.push((endpoint.enabled != 0, row));
            }
        }
    }
    let mut pending: Vec<String> = rows.iter().filter(|(enabled, _)| *enabled).map(|(_, row)| row[2].clone()).collect();
    pending.sort_unstable();
    pending.dedup();
    for chunk in rows.chunks(BATCH / 2) {
        let values: Vec<String> = chunk
            .iter()
            .enumerate()
            .map(|(i, (enabled, _))| {
                let b = i * 5;
                let state =
                    if *enabled { "'pending', 0, $1, NULL" } else { "'failed', 0, NULL, 'the endpoint was disabled'" };
                format!("(${}, ${}, ${}, ${}, ${}, {state}, $1, $1)", b + 2, b + 3, b + 4, b + 5, b + 6)
            })
            .collect();
        let sql = format!(
            "INSERT INTO webhook_deliveries (id, org_id, endpoint_id, event_id, event_type, status, attempts, \
             next_attempt_at, last_error, created_at, updated_at) VALUES {} \
             ON CONFLICT (endpoint_id, event_id) DO NOTHING",
            values.join(", ")
        );
        let mut query = tx.sql(sql).bind(now);
        for (_, row) in chunk {
            for value in row {
                query = query.bind(value.clone());
            }
        }
        tx.execute(query).await?;
    }
    // The stream's commit order (stream.rs): numbered last, so the counter row's lock, which
    // makes every other dispatch wait for this one's commit, is held as briefly as possible.
    let (last,): (i64,) =
        tx.fetch_one(tx.sql(format!(
            "UPDATE event_stream_counter SET last = last + {} WHERE id = 1 RETURNING last",
            events.len()
        )))
        .await?;
    let first = last - events.len() as i64 + 1;
    let numbers: Vec<String> =
        (0..events.len()).map(|i| format!("WHEN ${} THEN {}", i + 1, first + i as i64)).collect();
    let sql = format!(
        "UPDATE events SET dispatched = 1, stream_seq = CASE id {} END WHERE id IN ({})",
        numbers.join(" "),
        placeholders(1, events.len())
    );
    let mut query = tx.sql(sql);
    for event in &events {
        query = query.bind(event.id.clone());
    }
    tx.execute(query).await?;
    tx.commit().await?;
    Ok((events.len(), pending))
}

/// A delivery this worker may send until its lease runs out.
#[derive(Debug, Clone, FromRow)]
pub struct Claimed {
    pub id: String,
    pub org_id: String,
    pub endpoint_id: String,
    pub event_id: String,
    pub attempts: i64,
}

/// Endpoints with pending deliveries (due now or later): one probe of the per-endpoint queue
/// index per endpoint, however long the queues are.
pub async fn pending_endpoints(state: &AppState, token: &JobToken) -> Result<Vec<String>, sqlx::Error> {
    let mut jobs = state.db().jobs(token);
    let sql = "WITH RECURSIVE active (endpoint_id) AS ( \
         SELECT MIN(endpoint_id) FROM webhook_deliveries WHERE status = 'pending' \
         UNION ALL \
         SELECT (SELECT MIN(d.endpoint_id) FROM webhook_deliveries d \
                 WHERE d.status = 'pending' AND d.endpoint_id > a.endpoint_id) \
         FROM active a WHERE a.endpoint_id IS NOT NULL) \
         SELECT endpoint_id FROM active WHERE endpoint_id IS NOT NULL";
    let rows: Vec<(String,)> = jobs.fetch_all(jobs.sql(sql)).await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// Most endpoints one claim statement covers.
const CLAIM_ENDPOINTS: usize = 50;

/// Claims, for each `(endpoint, room)`, up to `room` of that endpoint's due deliveries, oldest
/// first, each read from the endpoint's own slice of the queue index: a long backlog of one
/// endpoint, or the deliveries other workers hold, never make another endpoint's claim slower.
pub async fn claim(state: &AppState, token: &JobToken, wants: &[(String, usize)]) -> Result<Vec<Claimed>, sqlx::Error> {
    let jobs = state.db().jobs(token);
    let now = state.clock().now_ms();
    let lease = i64::try_from(state.webhooks().lease().as_millis()).unwrap_or(i64::MAX);
    let mut claimed = Vec::new();
    let mut tx = jobs.begin_relaxed().await?;
    for chunk in wants.chunks(CLAIM_ENDPOINTS) {
        let picks: Vec<String> = (0..chunk.len())
            .map(|i| {
                format!(
                    "SELECT id FROM (SELECT id FROM webhook_deliveries WHERE endpoint_id = ${} AND status = 'pending' \
                     AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until < $1) \
                     ORDER BY next_attempt_at LIMIT ${}{}) AS c{i}",
                    3 + 2 * i,
                    4 + 2 * i,
                    skip_locked(&jobs)
                )
            })
            .collect();
        let sql = format!(
            "UPDATE webhook_deliveries SET locked_until = $2 WHERE id IN ({}) \
             RETURNING id, org_id, endpoint_id, event_id, attempts",
            picks.join(" UNION ALL ")
        );
        let mut query = tx.sql(sql).bind(now).bind(now.saturating_add(lease));
        for (endpoint, room) in chunk {
            query = query.bind(endpoint.clone()).bind(i64::try_from(*room).unwrap_or(i64::MAX));
        }
        claimed.extend(tx.fetch_all::<Claimed>(query).await?);
    }
    tx.commit().await?;
    Ok(claimed)
}

/// Gives back claimed deliveries this worker will not send now.
pub async fn release(state: &AppState, token: &JobToken, ids: &[String]) -> Result<(), sqlx::Error> {
    if ids.is_empty() {
        return Ok(());
    }
    let mut jobs = state.db().jobs(token);
    let mut query = jobs
        .sql(format!("UPDATE webhook_deliveries SET locked_until = NULL WHERE id IN ({})", placeholders(1, ids.len())));
    for id in ids {
        query = query.bind(id.clone());
    }
    jobs.execute(query).await.map(|_| ())
}

#[derive(Debug, FromRow)]
pub struct EventRow {
    id: String,
    #[sqlx(rename = "type")]
    kind: String,
    occurred_at: i64,
    data: String,
}

/// What a batch of claimed deliveries needs to be sent: their endpoints and events, read with
/// one query each.
#[derive(Default)]
pub struct Loaded {
    endpoints: HashMap<String, Arc<EndpointRow>>,
    events: HashMap<String, Arc<EventRow>>,
}

impl Loaded {
    /// The endpoint and the event of one claimed delivery, if both still exist.
    pub fn get(&self, claimed: &Claimed) -> (Option<Arc<EndpointRow>>, Option<Arc<EventRow>>) {
        (self.endpoints.get(&claimed.endpoint_id).cloned(), self.events.get(&claimed.event_id).cloned())
    }
}

/// Reads the endpoints and events of `claimed`.
pub async fn load(state: &AppState, token: &JobToken, claimed: &[Claimed]) -> Result<Loaded, sqlx::Error> {
    let mut loaded = Loaded::default();
    if claimed.is_empty() {
        return Ok(loaded);
    }
    let mut jobs = state.db().jobs(token);
    let mut endpoint_ids: Vec<&str> = claimed.iter().map(|c| c.endpoint_id.as_str()).collect();
    endpoint_ids.sort_unstable();
    endpoint_ids.dedup();
    let mut query = jobs.sql(format!(
        "SELECT {ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE id IN ({})",
        placeholders(1, endpoint_ids.len())
    ));
    for id in &endpoint_ids {
        query = query.bind((*id).to_owned());
    }
    let endpoints: Vec<EndpointRow> = jobs.fetch_all(query).await?;
    for endpoint in endpoints {
        let endpoint = endpoint.open(state.secrets()).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
        loaded.endpoints.insert(endpoint.id.clone(), Arc::new(endpoint));
    }
    let mut event_ids: Vec<&str> = claimed.iter().map(|c| c.event_id.as_str()).collect();
    event_ids.sort_unstable();
    event_ids.dedup();
    for chunk in event_ids.chunks(BATCH) {
        let mut query = jobs.sql(format!(
            "SELECT id, type, occurred_at, data FROM events WHERE id IN ({})",
            placeholders(1, chunk.len())
        ));
        for id in chunk {
            query = query.bind((*id).to_owned());
        }
        let events: Vec<EventRow> = jobs.fetch_all(query).await?;
        loaded.events.extend(events.into_iter().map(|e| (e.id.clone(), Arc::new(e))));
    }
    Ok(loaded)
}

/// One attempt that was made and must be recorded.
pub struct Sent {
    pub claimed: Claimed,
    endpoint: Arc<EndpointRow>,
    outcome: Outcome,
}

/// Sends one claimed delivery (no database work: see [`load`] and [`record`]). `None` when it
/// cannot be sent any more; it has then been marked failed.
pub async fn attempt(
    state: &AppState,
    token: &JobToken,
    claimed: Claimed,
    endpoint: Option<Arc<EndpointRow>>,
    event: Option<Arc<EventRow>>,
) -> Result<Option<Sent>, sqlx::Error> {
    let (Some(endpoint), Some(event)) = (endpoint, event) else {
        // The endpoint was deleted (its deliveries go with it) or the event expired.
        give_up(state, token, &claimed, "the endpoint or the event no longer exists").await?;
        return Ok(None);
    };
    if endpoint.enabled == 0 {
        give_up(state, token, &claimed, "the endpoint is disabled").await?;
        return Ok(None);
    }
    let now = Timestamp(state.clock().now_ms());
    let data: &RawValue = serde_json::from_str(&event.data).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
    let envelope = Envelope {
        id: &claimed.event_id,
        event: &event.kind,
        timestamp: Timestamp(event.occurred_at),
        delivered_at: now,
        organization_id: &claimed.org_id,
        data,
        payload: data,
    };
    let body = serde_json::to_vec(&envelope).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
    let headers: BTreeMap<String, String> = endpoint.headers();
    let target = Target {
        url: &endpoint.url,
        scheme: endpoint.signature_scheme,
        signature_header: endpoint.signature_header.as_deref(),
        headers: &headers,
        secrets: endpoint.active_secrets(now.ms()),
    };
    let webhooks = state.webhooks();
    let outcome = sender::send(webhooks.client(), webhooks.policy(), &target, &claimed.event_id, &body, now).await;
    let label = match (&outcome.status_code, outcome.success) {
        (_, true) => "success",
        (Some(_), false) => "http_error",
        (None, false) => "network_error",
    };
    state.metrics().webhook_attempt(label, outcome.latency_ms as f64 / 1000.0);
    Ok(Some(Sent { claimed, endpoint, outcome }))
}

/// Records attempts: the successes of the whole batch in one transaction (a few statements,
/// whatever the batch size), each failure in its own (it may schedule a retry, disable the
/// endpoint and mail the owner).
pub async fn record(state: &AppState, token: &JobToken, sent: &[Sent]) -> Result<(), sqlx::Error> {
    let (successes, failures): (Vec<&Sent>, Vec<&Sent>) = sent.iter().partition(|s| s.outcome.success);
    for chunk in successes.chunks(BATCH / 4) {
        record_successes(state, token, chunk).await?;
    }
    for failure in failures {
        record_failure(state, token, &failure.claimed, &failure.endpoint, &failure.outcome).await?;
    }
    Ok(())
}

fn attempt_row(sent: &Sent, now: i64) -> [Value; 11] {
    [
        Value::from(new_id("what")),
        Value::from(sent.claimed.org_id.clone()),
        Value::from(sent.claimed.id.clone()),
        Value::from(sent.claimed.endpoint_id.clone()),
        Value::from(now),
        Value::from(sent.outcome.status_code.map(i64::from)),
        Value::from(sent.outcome.latency_ms),
        Value::from(sent.outcome.response_body.clone()),
        Value::from(sent.outcome.error.clone()),
        Value::from(sent.outcome.request_headers.clone()),
        Value::from(sent.outcome.response_headers.clone()),
    ]
}

async fn record_successes(state: &AppState, token: &JobToken, sent: &[&Sent]) -> Result<(), sqlx::Error> {
    if sent.is_empty() {
        return Ok(());
    }
    let now = state.clock().now_ms();
    let jobs = state.db().jobs(token);
    let mut tx = jobs.begin().await?;
    let rows: Vec<String> = (0..sent.len()).map(|i| format!("({})", placeholders(1 + i * 11, 11))).collect();
    let mut query = tx.sql(format!(
        "INSERT INTO webhook_attempts (id, org_id, delivery_id, endpoint_id, attempted_at, status_code, latency_ms, \
         response_body, error, request_headers, response_headers) VALUES {}",
        rows.join(", ")
    ));
    for s in sent {
        for value in attempt_row(s, now) {
            query = query.bind_value(value);
        }
    }
    tx.execute(query).await?;
    // Deliveries, grouped by status code (almost always one group).
    let mut by_code: BTreeMap<Option<u16>, Vec<&str>> = BTreeMap::new();
    for s in sent {
        by_code.entry(s.outcome.status_code).or_default().push(s.claimed.id.as_str());
    }
    for (code, ids) in by_code {
        let mut query = tx
            .sql(format!(
                "UPDATE webhook_deliveries SET status = 'succeeded', attempts = attempts + 1, next_attempt_at = NULL, \
                 locked_until = NULL, last_attempt_at = $1, last_status_code = $2, last_error = NULL, updated_at = $1 \
                 WHERE id IN ({})",
                placeholders(3, ids.len())
            ))
            .bind(now)
            .bind(code.map(i64::from));
        for id in ids {
            query = query.bind(id.to_owned());
        }
        tx.execute(query).await?;
    }
    let mut endpoints: Vec<&str> = sent.iter().map(|s| s.claimed.endpoint_id.as_str()).collect();
    endpoints.sort_unstable();
    endpoints.dedup();
    let mut query = tx
        .sql(format!(
            "UPDATE webhook_endpoints SET consecutive_failures = 0, last_success_at = $1 WHERE id IN ({})",
            placeholders(2, endpoints.len())
        ))
        .bind(now);
    for id in endpoints {
        query = query.bind(id.to_owned());
    }
    tx.execute(query).await?;
    tx.commit().await
}

async fn give_up(state: &AppState, token: &JobToken, claimed: &Claimed, reason: &str) -> Result<(), sqlx::Error> {
    let mut jobs = state.db().jobs(token);
    let sql = jobs
        .sql(
            "UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, locked_until = NULL, \
             last_error = $2, updated_at = $3 WHERE id = $1",
        )
        .bind(claimed.id.clone())
        .bind(reason.to_owned())
        .bind(state.clock().now_ms());
    jobs.execute(sql).await.map(|_| ())
}

/// A failed attempt: its row, the delivery's next state and the endpoint's stats, in one
/// transaction; then the owner's mail if this attempt disabled the endpoint.
async fn record_failure(
    state: &AppState,
    token: &JobToken,
    claimed: &Claimed,
    endpoint: &EndpointRow,
    outcome: &Outcome,
) -> Result<(), sqlx::Error> {
    let webhooks = state.webhooks();
    let now = state.clock().now_ms();
    let attempts = claimed.attempts + 1;
    let jobs = state.db().jobs(token);
    let mut tx = jobs.begin().await?;
    tx.execute(
        tx.sql(
            "INSERT INTO webhook_attempts (id, org_id, delivery_id, endpoint_id, attempted_at, status_code, latency_ms, \
             response_body, error, request_headers, response_headers) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, \
             $11)",
        )
        .bind(new_id("what"))
        .bind(claimed.org_id.clone())
        .bind(claimed.id.clone())
        .bind(claimed.endpoint_id.clone())
        .bind(now)
        .bind(outcome.status_code.map(i64::from))
        .bind(outcome.latency_ms)
        .bind(outcome.response_body.clone())
        .bind(outcome.error.clone())
        .bind(outcome.request_headers.clone())
        .bind(outcome.response_headers.clone()),
    )
    .await?;
    let (failures, enabled): (i64, i64) = tx
        .fetch_one(
            tx.sql(
                "UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1, last_failure_at = $2 \
                 WHERE id = $1 RETURNING consecutive_failures, enabled",
            )
            .bind(claimed.endpoint_id.clone())
            .bind(now),
        )
        .await?;
    // Another attempt may have disabled the endpoint while this one was in flight.
    let delay = if outcome.gone() || enabled == 0 {
        None
    } else {
        sender::next_delay(
            webhooks.schedule(),
            u32::try_from(attempts).unwrap_or(u32::MAX),
            outcome.retry_after,
            sender::jitter(),
        )
    };
    let next = delay.map(|d| now + i64::try_from(d.as_millis()).unwrap_or(i64::MAX / 2));
    let status = if next.is_some() { "pending" } else { "failed" };
    tx.execute(delivery_update(&tx, claimed, status, attempts, next, outcome, now)).await?;
    let disable_reason = if outcome.gone() {
        Some("the endpoint answered 410 Gone".to_owned())
    } else if failures >= i64::from(state.settings().webhooks.disable_after) {
        Some(format!("{failures} consecutive failed delivery attempts"))
    } else {
        None
    };
    let mut mail = None;
    if let Some(reason) = &disable_reason {
        let disabled = tx
            .execute(
                tx.sql(
                    "UPDATE webhook_endpoints SET enabled = 0, disabled_reason = $2, disabled_at = $3, updated_at = $3 \
                     WHERE id = $1 AND enabled = 1",
                )
                .bind(claimed.endpoint_id.clone())
                .bind(reason.clone())
                .bind(now),
            )
            .await?;
        // Only the attempt that actually disabled the endpoint fails the rest and mails.
        if disabled == 1 {
            tx.execute(
                tx.sql(
                    "UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, locked_until = NULL, \
                     last_error = 'the endpoint was disabled', updated_at = $2 WHERE endpoint_id = $1 AND status = 'pending'",
                )
                .bind(claimed.endpoint_id.clone())
                .bind(now),
            )
            .await?;
            let subject = "Gable: a webhook endpoint was disabled".to_owned();
            let body = format!(
                "Your webhook endpoint {} ({}) was disabled: {reason}.\n\n\
                 Deliveries to it have stopped. Once the receiver works again, re-enable it with\n\
                 PATCH /api/webhooks/{} {{\"enabled\": true}} and re-send what it missed with\n\
                 POST /api/webhooks/{}/recover {{\"since\": \"<when it started failing>\"}}.\n",
                endpoint.id, endpoint.url, endpoint.id, endpoint.id
            );
            mail = Some(notify::queue(&mut tx, &claimed.org_id, subject, body, now).await?);
        }
    }
    tx.commit().await?;
    if let Some(mail) = mail {
        tracing::warn!(
            notice = "endpoint.disabled",
            org_id = %claimed.org_id,
            endpoint_id = %claimed.endpoint_id,
            url = %endpoint.url,
            reason = disable_reason.as_deref().unwrap_or_default(),
            "webhook endpoint disabled"
        );
        notify::deliver(state, token, mail).await;
    }
    Ok(())
}

fn delivery_update(
    tx: &crate::db::JobsTx<'_>,
    claimed: &Claimed,
    status: &str,
    attempts: i64,
    next: Option<i64>,
    outcome: &Outcome,
    now: i64,
) -> Sql {
    tx.sql(
        "UPDATE webhook_deliveries SET status = $2, attempts = $3, next_attempt_at = $4, locked_until = NULL, \
         last_attempt_at = $5, last_status_code = $6, last_error = $7, updated_at = $5 WHERE id = $1",
    )
    .bind(claimed.id.clone())
    .bind(status.to_owned())
    .bind(attempts)
    .bind(next)
    .bind(now)
    .bind(outcome.status_code.map(i64::from))
    .bind(outcome.error.clone())
}

/// Deliveries waiting to be sent (for the queue-depth metric).
pub async fn depth(state: &AppState, token: &JobToken) -> Result<i64, sqlx::Error> {
    let mut jobs = state.db().jobs(token);
    let (n,): (i64,) =
        jobs.fetch_one(jobs.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending'")).await?;
    Ok(n)
}

/// Deletes deliveries (with their attempts) and dispatched events older than the retention.
pub async fn retain(state: &AppState, token: &JobToken, retention: Duration) -> Result<(u64, u64), sqlx::Error> {
    let cutoff = state.clock().now_ms() - i64::try_from(retention.as_millis()).unwrap_or(i64::MAX / 2);
    let mut jobs = state.db().jobs(token);
    jobs.execute(jobs.sql("DELETE FROM webhook_attempts WHERE attempted_at < $1").bind(cutoff)).await?;
    let deliveries = jobs
        .execute(jobs.sql("DELETE FROM webhook_deliveries WHERE created_at < $1 AND status <> 'pending'").bind(cutoff))
        .await?;
    let events = jobs
        .execute(jobs.sql("DELETE FROM events WHERE occurred_at < $1 AND dispatched = 1 AND id NOT IN (SELECT event_id FROM webhook_deliveries)").bind(cutoff))
        .await?;
    Ok((deliveries, events))
}

impl Webhooks {
    /// A claim that has not been sent within this time may be taken by another worker.
    pub fn lease(&self) -> Duration {
        self.lease
    }
}
