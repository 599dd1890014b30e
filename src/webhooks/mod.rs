//! Webhooks: endpoints (subscriptions), signing, the SSRF guard, fan-out of outbox events to
//! deliveries, the delivery workers, and the attempt log. `docs/webhooks.md` is the guide.
//!
//! Flow: a change commits its event to the outbox and wakes the dispatcher; the dispatcher
//! turns each event into one delivery per matching endpoint; the delivery loop claims due
//! deliveries and sends each in its own task, at most `webhook_concurrency_per_endpoint` per
//! endpoint at a time, so a slow endpoint never holds up the others; attempts are recorded in
//! batches (one transaction for the successes that finished together), and a failure
//! schedules the next try or, eventually, disables the endpoint.

pub mod catalog;
pub mod deliveries;
pub mod endpoints;
pub mod queue;
pub mod sender;
pub mod signing;
pub mod ssrf;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{Notify, Semaphore, mpsc, oneshot};
use utoipa_axum::router::OpenApiRouter;

use self::ssrf::AddressPolicy;
use crate::app::{AppState, JobToken};
use crate::config::Settings;
use crate::platform::orgs::Plan;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().merge(endpoints::router()).merge(deliveries::router()).merge(catalog::router())
}

/// The webhook runtime of one instance: the HTTP client, the SSRF policy, wake-ups and the
/// in-flight bookkeeping of its workers.
pub struct Webhooks {
    policy: Arc<AddressPolicy>,
    client: reqwest::Client,
    schedule: Vec<Duration>,
    lease: Duration,
    per_endpoint: usize,
    plans: Vec<&'static str>,
    events_ready: Notify,
    deliveries_ready: Notify,
    in_flight: Mutex<HashMap<String, usize>>,
    slots: Arc<Semaphore>,
}

impl Webhooks {
    pub fn new(settings: &Settings) -> reqwest::Result<Webhooks> {
        let policy =
            Arc::new(AddressPolicy::new(settings.webhook_allowed_subnets.0.clone(), settings.webhook_require_https));
        let client = sender::client(settings, policy.clone())?;
        let minimum = settings.features.webhooks;
        let plans =
            [Plan::Starter, Plan::Grow, Plan::Elite].into_iter().filter(|p| *p >= minimum).map(Plan::as_str).collect();
        Ok(Webhooks {
            policy,
            client,
            schedule: settings.webhook_retry_schedule.0.iter().map(|s| s.0).collect(),
            lease: settings.webhook_timeout.0 + settings.webhook_connect_timeout.0 + Duration::from_secs(30),
            per_endpoint: settings.webhook_concurrency_per_endpoint,
            plans,
            events_ready: Notify::new(),
            deliveries_ready: Notify::new(),
            in_flight: Mutex::default(),
            slots: Arc::new(Semaphore::new(settings.webhook_max_in_flight)),
        })
    }

    pub fn policy(&self) -> &AddressPolicy {
        &self.policy
    }

    pub fn client(&self) -> &reqwest::Client {
        &self.client
    }

    pub fn schedule(&self) -> &[Duration] {
        &self.schedule
    }

    /// Plans whose organizations get deliveries (stored names).
    pub fn plans_with_webhooks(&self) -> &[&'static str] {
        &self.plans
    }

    /// New events were committed: the dispatcher should look now.
    pub fn events_committed(&self) {
        self.events_ready.notify_one();
    }

    /// Deliveries may be due (an endpoint was re-enabled, deliveries re-queued).
    pub fn wake(&self) {
        self.deliveries_ready.notify_one();
    }

    fn full_endpoints(&self) -> Vec<String> {
        let in_flight = self.in_flight.lock().unwrap_or_else(|p| p.into_inner());
        in_flight.iter().filter(|(_, n)| **n >= self.per_endpoint).map(|(id, _)| id.clone()).collect()
    }

    /// How many more attempts `endpoint` may have in flight on this instance.
    fn room(&self, endpoint: &str) -> usize {
        let in_flight = self.in_flight.lock().unwrap_or_else(|p| p.into_inner());
        self.per_endpoint.saturating_sub(in_flight.get(endpoint).copied().unwrap_or(0))
    }

    /// Reserves a slot for `endpoint`, if it has one free.
    fn reserve(&self, endpoint: &str) -> bool {
        let mut in_flight = self.in_flight.lock().unwrap_or_else(|p| p.into_inner());
        let n = in_flight.entry(endpoint.to_owned()).or_insert(0);
        if *n >= self.per_endpoint {
            return false;
        }
        *n += 1;
        true
    }

    fn finish(&self, endpoint: &str) {
        let mut in_flight = self.in_flight.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(n) = in_flight.get_mut(endpoint) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                in_flight.remove(endpoint);
            }
        }
    }
}

/// Longest pause of an idle loop: other instances' events and due retries are noticed within it.
const IDLE_POLL: Duration = Duration::from_millis(250);

/// Runs the dispatcher, the delivery loop and the periodic upkeep until the task is dropped.
pub async fn run(state: AppState, token: Arc<JobToken>) {
    let dispatcher = tokio::spawn(dispatch_loop(state.clone(), token.clone()));
    let upkeep = tokio::spawn(upkeep_loop(state.clone(), token.clone()));
    let (recorder, recordings) = mpsc::unbounded_channel();
    let records = tokio::spawn(record_loop(state.clone(), token.clone(), recordings));
    deliver_loop(state, token, recorder).await;
    dispatcher.abort();
    upkeep.abort();
    records.abort();
}

/// An attempt waiting to be recorded, and the task that waits for it to be durable.
type Recording = (queue::Sent, oneshot::Sender<()>);

/// Most attempts one recording transaction takes.
const RECORD_BATCH: usize = 256;

/// Records attempts in batches: whatever finished while the previous batch was being written
/// goes into the next transaction, so under load a commit covers many attempts and at rest
/// each attempt is recorded at once.
async fn record_loop(state: AppState, token: Arc<JobToken>, mut recordings: mpsc::UnboundedReceiver<Recording>) {
    let mut batch = Vec::with_capacity(RECORD_BATCH);
    while recordings.recv_many(&mut batch, RECORD_BATCH).await > 0 {
        let (sent, done): (Vec<queue::Sent>, Vec<oneshot::Sender<()>>) = batch.drain(..).unzip();
        if let Err(err) = queue::record(&state, &token, &sent).await {
            // The deliveries stay leased and are sent again when the lease runs out.
            tracing::error!(attempts = sent.len(), error = %err, "recording webhook attempts failed");
        }
        for done in done {
            let _ = done.send(());
        }
    }
}

async fn dispatch_loop(state: AppState, token: Arc<JobToken>) {
    loop {
        match queue::dispatch(&state, &token).await {
            Ok((events, deliveries)) => {
                if deliveries > 0 {
                    state.webhooks().wake();
                }
                if events > 0 {
                    continue;
                }
            }
            Err(err) => tracing::error!(error = %err, "webhook dispatch failed"),
        }
        let _ = tokio::time::timeout(IDLE_POLL, state.webhooks().events_ready.notified()).await;
    }
}

async fn deliver_loop(state: AppState, token: Arc<JobToken>, recorder: mpsc::UnboundedSender<Recording>) {
    loop {
        let sent = match deliver_once(&state, &token, &recorder).await {
            Ok(n) => n,
            Err(err) => {
                tracing::error!(error = %err, "claiming webhook deliveries failed");
                0
            }
        };
        if sent == 0 {
            let _ = tokio::time::timeout(IDLE_POLL, state.webhooks().deliveries_ready.notified()).await;
        }
    }
}

/// Claims what this instance has room for and starts sending it; returns how many started.
async fn deliver_once(
    state: &AppState,
    token: &Arc<JobToken>,
    recorder: &mpsc::UnboundedSender<Recording>,
) -> Result<usize, sqlx::Error> {
    let webhooks = state.webhooks();
    let free = webhooks.slots.available_permits();
    if free == 0 {
        return Ok(0);
    }
    let claimed =
        queue::claim(state, token, free.min(200), &webhooks.full_endpoints(), |endpoint| webhooks.room(endpoint))
            .await?;
    let loaded = queue::load(state, token, &claimed).await?;
    let mut give_back = Vec::new();
    let mut started = 0;
    for delivery in claimed {
        let permit = match webhooks.slots.clone().try_acquire_owned() {
            Ok(permit) if webhooks.reserve(&delivery.endpoint_id) => permit,
            _ => {
                give_back.push(delivery.id);
                continue;
            }
        };
        started += 1;
        let state = state.clone();
        let token = token.clone();
        let recorder = recorder.clone();
        let (endpoint, event) = loaded.get(&delivery);
        tokio::spawn(async move {
            let endpoint_id = delivery.endpoint_id.clone();
            let delivery_id = delivery.id.clone();
            let attempted = queue::attempt(&state, &token, delivery, endpoint, event).await;
            // The endpoint's slot limits requests to the receiver: it is free once the response
            // is in. The instance-wide permit is held until the attempt is recorded, which bounds
            // how many sent-but-unrecorded attempts a crash could send again.
            state.webhooks().finish(&endpoint_id);
            state.webhooks().wake();
            match attempted {
                Ok(Some(sent)) => {
                    let (done, recorded) = oneshot::channel();
                    if recorder.send((sent, done)).is_ok() {
                        let _ = recorded.await;
                    }
                }
                Ok(None) => {}
                Err(err) => tracing::error!(delivery = %delivery_id, error = %err, "a webhook attempt failed"),
            }
            drop(permit);
            state.webhooks().wake();
        });
    }
    queue::release(state, token, &give_back).await?;
    Ok(started)
}

async fn upkeep_loop(state: AppState, token: Arc<JobToken>) {
    let mut tick = tokio::time::interval(Duration::from_secs(5));
    let mut last_retention = None::<std::time::Instant>;
    loop {
        tick.tick().await;
        match queue::depth(&state, &token).await {
            Ok(depth) => state.metrics().set_webhook_queue_depth(depth),
            Err(err) => tracing::warn!(error = %err, "measuring the webhook queue failed"),
        }
        if last_retention.is_none_or(|at| at.elapsed() > Duration::from_secs(3600)) {
            last_retention = Some(std::time::Instant::now());
            let retention = Duration::from_secs(state.settings().webhook_retention_days * 86_400);
            match queue::retain(&state, &token, retention).await {
                Ok((deliveries, events)) if deliveries + events > 0 => {
                    tracing::info!(deliveries, events, "deleted webhook deliveries and events past retention")
                }
                Ok(_) => {}
                Err(err) => tracing::warn!(error = %err, "webhook retention failed"),
            }
        }
    }
}

/// Runs the queue until nothing is due (tests and `gable worker --once`): fans out every event,
/// then sends every due delivery, waiting for each round to finish.
pub async fn drain(state: &AppState, token: &JobToken) -> Result<usize, sqlx::Error> {
    while queue::dispatch(state, token).await?.0 > 0 {}
    let mut sent = 0;
    loop {
        let claimed = queue::claim(state, token, 100, &[], |_| 100).await?;
        if claimed.is_empty() {
            return Ok(sent);
        }
        sent += claimed.len();
        let loaded = queue::load(state, token, &claimed).await?;
        let attempts = claimed.into_iter().map(|delivery| {
            let (endpoint, event) = loaded.get(&delivery);
            queue::attempt(state, token, delivery, endpoint, event)
        });
        let mut made = Vec::new();
        for result in futures_util::future::join_all(attempts).await {
            made.extend(result?);
        }
        queue::record(state, token, &made).await?;
    }
}
