//! Background jobs: the work that runs beside the API. One registry, [`run`], is what both
//! `gable serve` (unless `--no-workers`) and `gable worker` run:
//!
//! | job | when | with several instances |
//! |---|---|---|
//! | webhooks | always: the dispatcher, the delivery workers, the queue-depth gauge | deliveries are claimed with a lease (`locked_until`), with `SKIP LOCKED` on PostgreSQL |
//! | rent schedule | once a day by the app's clock | the `job_runs` row is claimed with a lease; the scheduler itself is idempotent |
//! | idempotency purge | every minute | a plain `DELETE` of expired rows |
//! | webhook retention | every hour | a plain `DELETE` of old rows |
//! | console session purge | every hour | a plain `DELETE` of expired sessions and of usage older than 90 days |
//!
//! Each catches up when a runner starts: the periodic jobs run at once, and the rent schedule
//! charges every period due since it last ran. Jobs use the database's job connections
//! (`database_job_connections`), never the API's, so a backlog never makes a request wait.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use tokio::task::JoinSet;
use tokio::time::MissedTickBehavior;

use crate::db::Db;
pub use crate::db::proof::JobToken;
use crate::rentals::scheduler;
use crate::secrets::Secrets;
use crate::state::AppState;
use crate::vocab::date::Date;
use crate::webhooks;

type JobFuture<'a> = Pin<Box<dyn Future<Output = anyhow::Result<()>> + Send + 'a>>;

/// A job that runs every `every`, the first time when its runner starts.
struct Periodic {
    name: &'static str,
    every: Duration,
    run: for<'a> fn(&'a AppState, &'a JobToken) -> JobFuture<'a>,
}

/// Every periodic job (the webhook workers run beside them, always).
const PERIODIC: [Periodic; 4] = [
    Periodic { name: "rent schedule", every: Duration::from_secs(600), run: rent_schedule },
    Periodic { name: "idempotency purge", every: Duration::from_secs(60), run: idempotency_purge },
    Periodic { name: "webhook retention", every: Duration::from_secs(3600), run: webhook_retention },
    Periodic { name: "console session purge", every: Duration::from_secs(3600), run: session_purge },
];

/// Runs every job until the task is dropped.
pub async fn run(state: AppState) {
    let token = Arc::new(JobToken::new());
    let mut jobs = JoinSet::new();
    jobs.spawn(webhooks::run(state.clone(), token.clone()));
    for job in &PERIODIC {
        jobs.spawn(every(state.clone(), token.clone(), job));
    }
    while jobs.join_next().await.is_some() {}
}

async fn every(state: AppState, token: Arc<JobToken>, job: &'static Periodic) {
    let mut tick = tokio::time::interval(job.every);
    tick.set_missed_tick_behavior(MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if let Err(err) = (job.run)(&state, &token).await {
            tracing::warn!(job = job.name, error = format!("{err:#}"), "background job failed; it runs again later");
        }
    }
}

/// One run of every periodic job, now, as a runner does when it starts (tests use it).
pub async fn run_due(state: &AppState) -> anyhow::Result<()> {
    let token = JobToken::new();
    for job in &PERIODIC {
        (job.run)(state, &token).await.with_context(|| job.name)?;
    }
    Ok(())
}

/// The `job_runs` row of the rent schedule.
const RENT_SCHEDULE: &str = "rent-schedule";
/// How long a runner holds a daily job before another may take it over (it crashed).
const DAILY_LEASE_MS: i64 = 3_600_000;

/// The rent schedule, once per day of the app's clock: the first runner to claim the day runs
/// it; a failed run frees the claim for the next try.
fn rent_schedule<'a>(state: &'a AppState, token: &'a JobToken) -> JobFuture<'a> {
    Box::pin(async move {
        let today = Date::of_ms(state.clock().now_ms());
        let mut jobs = state.db().jobs(token);
        let now = state.clock().now_ms();
        let claim = jobs
            .sql(
                "UPDATE job_runs SET locked_until = $1 WHERE name = $2 \
                 AND (locked_until IS NULL OR locked_until < $3) AND (done_for IS NULL OR done_for < $4)",
            )
            .bind(now + DAILY_LEASE_MS)
            .bind(RENT_SCHEDULE)
            .bind(now)
            .bind(today.to_string());
        if jobs.execute(claim).await? == 0 {
            return Ok(());
        }
        let summary = match rent(state, token, today).await {
            Ok(summary) => summary,
            Err(err) => {
                let free = jobs.sql("UPDATE job_runs SET locked_until = NULL WHERE name = $1").bind(RENT_SCHEDULE);
                jobs.execute(free).await?;
                return Err(err.into());
            }
        };
        let done = jobs
            .sql("UPDATE job_runs SET done_for = $1, locked_until = NULL WHERE name = $2")
            .bind(today.to_string())
            .bind(RENT_SCHEDULE);
        jobs.execute(done).await?;
        tracing::info!(as_of = %today, %summary, "rent schedule ran");
        Ok(())
    })
}

/// Runs the rent scheduler for every organization as of `as_of` (`gable rent run`, the rent
/// schedule, and tests), run after bounded run until no lease is behind, and adds up what the
/// runs did. Each run commits as it goes, so an interruption loses nothing.
pub async fn run_rent(state: &AppState, as_of: Date) -> Result<scheduler::Summary, sqlx::Error> {
    rent(state, &JobToken::new(), as_of).await
}

async fn rent(state: &AppState, token: &JobToken, as_of: Date) -> Result<scheduler::Summary, sqlx::Error> {
    let mut total = scheduler::Summary::default();
    loop {
        let run = scheduler::run(state, token, as_of).await?;
        total.leases_checked += run.leases_checked;
        total.charges_created += run.charges_created;
        total.charges_marked_late += run.charges_marked_late;
        total.late_fees_cents += run.late_fees_cents;
        if run.leases_behind == 0 {
            return Ok(total);
        }
        tokio::task::yield_now().await;
    }
}

/// Deletes stored `Idempotency-Key` responses older than `idempotency_ttl_hours`.
fn idempotency_purge<'a>(state: &'a AppState, token: &'a JobToken) -> JobFuture<'a> {
    Box::pin(async move {
        let ttl_ms = i64::try_from(state.settings().idempotency_ttl_hours).unwrap_or(24) * 3_600_000;
        let mut jobs = state.db().jobs(token);
        let purge =
            jobs.sql("DELETE FROM idempotency_keys WHERE created_at < $1").bind(state.clock().now_ms() - ttl_ms);
        jobs.execute(purge).await?;
        Ok(())
    })
}

/// Adds this instance's usage counts to `usage_hourly` (every serving instance, once a minute
/// and at shutdown: `crate::app`). Counts that cannot be written are kept for the next flush.
pub async fn flush_usage(state: &AppState) {
    let taken = state.usage().take();
    if taken.is_empty() {
        return;
    }
    let token = JobToken::new();
    let result = async {
        let mut tx = state.db().jobs(&token).begin().await?;
        for (key, counts) in &taken {
            let upsert = tx
                .sql(
                    "INSERT INTO usage_hourly (org_id, hour, principal, route, requests, throttled) \
                     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (org_id, hour, principal, route) DO UPDATE SET \
                     requests = usage_hourly.requests + excluded.requests, \
                     throttled = usage_hourly.throttled + excluded.throttled",
                )
                .bind(key.org_id.clone())
                .bind(key.hour)
                .bind(key.principal.clone())
                .bind(key.route.clone())
                .bind(i64::try_from(counts.requests).unwrap_or(i64::MAX))
                .bind(i64::try_from(counts.throttled).unwrap_or(i64::MAX));
            tx.execute(upsert).await?;
        }
        tx.commit().await
    }
    .await;
    if let Err(err) = result {
        tracing::warn!(error = %err, "could not record API usage; keeping the counts for the next try");
        state.usage().restore(taken);
    }
}

/// Deletes console sessions past their lifetime or idle for longer than `session_idle` (a
/// request with one is refused anyway; this keeps the table small).
fn session_purge<'a>(state: &'a AppState, token: &'a JobToken) -> JobFuture<'a> {
    Box::pin(async move {
        let now = state.clock().now_ms();
        let idle_ms = i64::try_from(state.settings().console.session_idle.0.as_millis()).unwrap_or(i64::MAX);
        let mut jobs = state.db().jobs(token);
        let purge = jobs
            .sql("DELETE FROM console_sessions WHERE expires_at <= $1 OR last_seen_at <= $2")
            .bind(now)
            .bind(now.saturating_sub(idle_ms));
        jobs.execute(purge).await?;
        // Usage is kept for 90 days.
        let old = jobs.sql("DELETE FROM usage_hourly WHERE hour < $1").bind(now.div_euclid(3_600_000) - 90 * 24);
        jobs.execute(old).await?;
        Ok(())
    })
}

/// Deletes deliveries, attempts and delivered events past `webhook_retention_days`.
fn webhook_retention<'a>(state: &'a AppState, token: &'a JobToken) -> JobFuture<'a> {
    Box::pin(async move {
        let retention = Duration::from_secs(state.settings().webhooks.retention_days * 86_400);
        let (deliveries, events) = webhooks::queue::retain(state, token, retention).await?;
        if deliveries + events > 0 {
            tracing::info!(deliveries, events, "deleted webhook deliveries and events past retention");
        }
        Ok(())
    })
}

/// Fans out every pending event and sends every due delivery, once, waiting for the
/// attempts to finish (tests and operators use it to drain the queue deterministically).
pub async fn drain_webhooks(state: &AppState) -> Result<usize, sqlx::Error> {
    webhooks::drain(state, &JobToken::new()).await
}

/// Re-encrypts every stored secret that is not under the current key of `secrets` (values
/// from before encryption, or under an earlier key): at every start, and `gable secrets
/// rotate` with the new key. Returns how many webhook endpoints changed.
pub async fn reseal_secrets(db: &Db, secrets: &Secrets) -> anyhow::Result<u64> {
    let changed = webhooks::endpoints::reseal_all(db.jobs(&JobToken::new()), secrets)
        .await
        .context("encrypting the stored secrets under the current secret key")?;
    if changed > 0 {
        tracing::info!(endpoints = changed, key_id = %secrets.key_id(), "stored secrets re-encrypted under the current key");
    }
    Ok(changed)
}
