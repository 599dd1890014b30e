//! The delivery queue in the database: fan-out of outbox events into deliveries, claiming due
//! deliveries, recording each attempt and its consequences (retry schedule, endpoint stats,
//! disabling), and retention. Every function is safe to run in any number of instances at
//! once: PostgreSQL rows are claimed with `FOR UPDATE SKIP LOCKED`, SQLite write transactions
//! are exclusive, and a claimed delivery carries a lease (`locked_until`) so no other worker
//! sends it meanwhile.

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use serde_json::value::RawValue;
use sqlx::FromRow;

use super::Webhooks;
use super::endpoints::{COLUMNS as ENDPOINT_COLUMNS, EndpointRow};
use super::sender::{self, Envelope, Outcome, Target};
use crate::app::{AppState, JobToken};
use crate::db::{Backend, Jobs, Sql};
use crate::ids::new_id;
use crate::notify;
use crate::resource::values::Timestamp;

/// How many rows one statement handles at most.
const BATCH: usize = 400;

fn placeholders(from: usize, n: usize) -> String {
    (from..from + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

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
/// the endpoint is enabled again. Returns how many events it handled and how many deliveries
/// it created.
pub async fn dispatch(state: &AppState, token: &JobToken) -> Result<(usize, usize), sqlx::Error> {
    let jobs = state.db().jobs(token);
    let mut tx = jobs.begin().await?;
    let sql = format!(
        "SELECT id, org_id, type FROM events WHERE dispatched = 0 ORDER BY id LIMIT {BATCH}{}",
        skip_locked(&jobs)
    );
    let events: Vec<PendingEvent> = tx.fetch_all(tx.sql(sql)).await?;
    if events.is_empty() {
        return Ok((0, 0));
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
    let mut by_org: HashMap<&str, Vec<(&str, bool, Vec<String>)>> = HashMap::new();
    for s in &subscribers {
        let filter: Vec<String> = serde_json::from_str(&s.events).unwrap_or_default();
        by_org.entry(s.org_id.as_str()).or_default().push((s.id.as_str(), s.enabled != 0, filter));
    }
    let now = state.clock().now_ms();
    // (enabled, [id, org, endpoint, event, type])
    let mut rows: Vec<(bool, [String; 5])> = Vec::new();
    for event in &events {
        for (endpoint, enabled, filter) in by_org.get(event.org_id.as_str()).into_iter().flatten() {
            if filter.is_empty() || filter.contains(&event.kind) {
                let row = [
                    new_id("whdl"),
                    event.org_id.clone(),
                    (*endpoint).to_owned(),
                    event.id.clone(),
                    event.kind.clone(),
                ];
                rows.push((*enabled, row));
            }
        }
    }
    let pending = rows.iter().filter(|(enabled, _)| *enabled).count();
    for chunk in rows.chunks(BATCH / 2) {
        let values: Vec<String> = chunk
            .iter()
            .enumerate()
            .map(|(i, (enabled, _))| {
                let b = i * 5;
                let state = if *enabled {
                    "'pending', 0, $1, NULL"
                } else {
                    "'failed', 0, NULL, 'the endpoint was disabled'"
                };
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
    let sql = format!("UPDATE events SET dispatched = 1 WHERE id IN ({})", placeholders(1, events.len()));
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

/// Claims up to `limit` due deliveries, skipping endpoints in `busy`.
pub async fn claim(
    state: &AppState,
    token: &JobToken,
    limit: usize,
    busy: &[String],
) -> Result<Vec<Claimed>, sqlx::Error> {
    let jobs = state.db().jobs(token);
    let now = state.clock().now_ms();
    let exclude = if busy.is_empty() {
        String::new()
    } else {
        format!(" AND endpoint_id NOT IN ({})", placeholders(4, busy.len()))
    };
    let sql = format!(
        "UPDATE webhook_deliveries SET locked_until = $2 WHERE id IN (SELECT id FROM webhook_deliveries \
         WHERE status = 'pending' AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until < $1){exclude} \
         ORDER BY next_attempt_at LIMIT $3{}) RETURNING id, org_id, endpoint_id, event_id, attempts",
        skip_locked(&jobs)
    );
    let lease = i64::try_from(state.webhooks().lease().as_millis()).unwrap_or(i64::MAX);
    let mut tx = jobs.begin().await?;
    let mut query = tx.sql(sql).bind(now).bind(now.saturating_add(lease)).bind(i64::try_from(limit).unwrap_or(100));
    for endpoint in busy {
        query = query.bind(endpoint.clone());
    }
    let claimed: Vec<Claimed> = tx.fetch_all(query).await?;
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
struct EventRow {
    #[sqlx(rename = "type")]
    kind: String,
    occurred_at: i64,
    data: String,
}

/// Sends one claimed delivery and records the attempt and its consequences.
pub async fn attempt(state: &AppState, token: &JobToken, claimed: &Claimed) -> Result<Option<Outcome>, sqlx::Error> {
    let mut jobs = state.db().jobs(token);
    let endpoint: Option<EndpointRow> = jobs
        .fetch_optional(
            jobs.sql(format!("SELECT {ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE id = $1 AND org_id = $2"))
                .bind(claimed.endpoint_id.clone())
                .bind(claimed.org_id.clone()),
        )
        .await?;
    let event: Option<EventRow> = jobs
        .fetch_optional(
            jobs.sql("SELECT type, occurred_at, data FROM events WHERE id = $1 AND org_id = $2")
                .bind(claimed.event_id.clone())
                .bind(claimed.org_id.clone()),
        )
        .await?;
    let (Some(endpoint), Some(event)) = (endpoint, event) else {
        // The endpoint was deleted (its deliveries go with it) or the event expired.
        give_up(state, token, claimed, "the endpoint or the event no longer exists").await?;
        return Ok(None);
    };
    if endpoint.enabled == 0 {
        give_up(state, token, claimed, "the endpoint is disabled").await?;
        return Ok(None);
    }
    let now = Timestamp(state.clock().now_ms());
    let data = RawValue::from_string(event.data).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
    let envelope = Envelope {
        id: &claimed.event_id,
        event: &event.kind,
        timestamp: Timestamp(event.occurred_at),
        delivered_at: now,
        organization_id: &claimed.org_id,
        data: &data,
        payload: &data,
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
    record(state, token, claimed, &endpoint, &outcome).await?;
    Ok(Some(outcome))
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

/// The attempt row, the delivery's next state and the endpoint's stats, in one transaction;
/// then the owner's mail if this attempt disabled the endpoint.
async fn record(
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
             response_body, error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(new_id("what"))
        .bind(claimed.org_id.clone())
        .bind(claimed.id.clone())
        .bind(claimed.endpoint_id.clone())
        .bind(now)
        .bind(outcome.status_code.map(i64::from))
        .bind(outcome.latency_ms)
        .bind(outcome.response_body.clone())
        .bind(outcome.error.clone()),
    )
    .await?;
    let mut disable_reason: Option<String> = None;
    if outcome.success {
        tx.execute(delivery_update(&tx, claimed, "succeeded", attempts, None, outcome, now)).await?;
        tx.execute(
            tx.sql("UPDATE webhook_endpoints SET consecutive_failures = 0, last_success_at = $2 WHERE id = $1")
                .bind(claimed.endpoint_id.clone())
                .bind(now),
        )
        .await?;
    } else {
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
        if outcome.gone() {
            disable_reason = Some("the endpoint answered 410 Gone".to_owned());
        } else if failures >= i64::from(state.settings().webhook_disable_after) {
            disable_reason = Some(format!("{failures} consecutive failed delivery attempts"));
        }
    }
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

/// When the next pending delivery is due, if any.
pub async fn next_due(state: &AppState, token: &JobToken) -> Result<Option<i64>, sqlx::Error> {
    let mut jobs = state.db().jobs(token);
    let (at,): (Option<i64>,) = jobs
        .fetch_one(jobs.sql("SELECT MIN(next_attempt_at) FROM webhook_deliveries WHERE status = 'pending'"))
        .await?;
    Ok(at)
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
