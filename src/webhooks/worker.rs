//! The webhook workers of one instance: the dispatcher (outbox events to deliveries), the
//! delivery loop and its per-endpoint sender lanes, the recorder of attempts, and the queue
//! gauge. They run as one of the background jobs (`crate::jobs`).

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};

use super::runtime::{IDLE_POLL, Webhooks};
use super::{endpoints, queue};
use crate::db::proof::JobToken;
use crate::state::AppState;

/// A claimed delivery with what sending it needs.
type Ready = (queue::Claimed, Option<Arc<endpoints::EndpointRow>>, Option<Arc<queue::EventRow>>);

/// One endpoint's work on this instance: its running sender tasks (at most
/// `webhook_concurrency_per_endpoint`) and the claimed deliveries waiting for one of them (at
/// most as many again, so a claimed delivery is sent well within its lease).
#[derive(Default)]
struct Lane {
    running: usize,
    waiting: VecDeque<Ready>,
}

/// What became of a claimed delivery offered to its endpoint's lane.
enum Offer {
    /// Start a sender task for it.
    Start(Ready),
    Queued,
    /// No room: give it back.
    Full(Ready),
}

/// The lanes of this instance's endpoints.
struct Lanes {
    lanes: Mutex<HashMap<String, Lane>>,
    per_endpoint: usize,
}

impl Lanes {
    /// What to claim now: each active endpoint with room on this instance (its sender tasks and
    /// their backlog, up to twice its concurrency), with at most `budget` deliveries in all,
    /// starting one endpoint further on each time.
    fn wants(&self, webhooks: &Webhooks, budget: usize) -> Vec<(String, usize)> {
        let mut active = webhooks.active.lock().unwrap_or_else(|p| p.into_inner());
        let lanes = self.lanes.lock().unwrap_or_else(|p| p.into_inner());
        let count = active.endpoints.len();
        let start = active.turn % count.max(1);
        active.turn = active.turn.wrapping_add(1);
        let mut left = budget;
        let mut wants = Vec::new();
        for endpoint in active.endpoints.iter().cycle().skip(start).take(count) {
            let used = lanes.get(endpoint).map_or(0, |lane| lane.running + lane.waiting.len());
            let room = (2 * self.per_endpoint).saturating_sub(used).min(left);
            if room > 0 {
                wants.push((endpoint.clone(), room));
                left -= room;
            }
            if left == 0 {
                break;
            }
        }
        wants
    }

    fn offer(&self, ready: Ready) -> Offer {
        let mut lanes = self.lanes.lock().unwrap_or_else(|p| p.into_inner());
        let lane = lanes.entry(ready.0.endpoint_id.clone()).or_default();
        if lane.running < self.per_endpoint {
            lane.running += 1;
            Offer::Start(ready)
        } else if lane.waiting.len() < self.per_endpoint {
            lane.waiting.push_back(ready);
            Offer::Queued
        } else {
            Offer::Full(ready)
        }
    }

    /// The next waiting delivery for a sender task of `endpoint` that finished one; `None`
    /// ends the task.
    fn next(&self, webhooks: &Webhooks, endpoint: &str) -> Option<Ready> {
        let mut lanes = self.lanes.lock().unwrap_or_else(|p| p.into_inner());
        let lane = lanes.get_mut(endpoint)?;
        if let Some(ready) = lane.waiting.pop_front() {
            if lane.waiting.is_empty() {
                // Room to claim more for this endpoint before its senders run dry.
                webhooks.wake();
            }
            return Some(ready);
        }
        lane.running = lane.running.saturating_sub(1);
        if lane.running == 0 {
            lanes.remove(endpoint);
        }
        None
    }

    /// Gives up on a started task that never ran (no instance-wide permit).
    fn unstart(&self, endpoint: &str) {
        let mut lanes = self.lanes.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(lane) = lanes.get_mut(endpoint) {
            lane.running = lane.running.saturating_sub(1);
            if lane.running == 0 && lane.waiting.is_empty() {
                lanes.remove(endpoint);
            }
        }
    }
}

/// Runs the dispatcher, the delivery loop and the periodic upkeep until the task is dropped.
pub async fn run(state: AppState, token: Arc<JobToken>) {
    let lanes = Arc::new(Lanes { lanes: Mutex::default(), per_endpoint: state.webhooks().per_endpoint });
    let dispatcher = tokio::spawn(dispatch_loop(state.clone(), token.clone()));
    let upkeep = tokio::spawn(upkeep_loop(state.clone(), token.clone()));
    let (recorder, recordings) = mpsc::unbounded_channel();
    let records = tokio::spawn(record_loop(state.clone(), token.clone(), recordings));
    deliver_loop(state, token, lanes, recorder).await;
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
            Ok((events, endpoints)) => {
                if !endpoints.is_empty() {
                    state.webhooks().mark_active(endpoints);
                }
                if events > 0 {
                    state.webhooks().events_streamable();
                    continue;
                }
            }
            Err(err) => tracing::error!(error = %err, "webhook dispatch failed"),
        }
        let _ = tokio::time::timeout(IDLE_POLL, state.webhooks().events_ready.notified()).await;
    }
}

async fn deliver_loop(
    state: AppState,
    token: Arc<JobToken>,
    lanes: Arc<Lanes>,
    recorder: mpsc::UnboundedSender<Recording>,
) {
    loop {
        let sent = match deliver_once(&state, &token, &lanes, &recorder).await {
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

/// Claims what this instance has room for, endpoint by endpoint, and hands it to the
/// endpoints' sender tasks; returns how many it took.
async fn deliver_once(
    state: &AppState,
    token: &Arc<JobToken>,
    lanes: &Arc<Lanes>,
    recorder: &mpsc::UnboundedSender<Recording>,
) -> Result<usize, sqlx::Error> {
    let webhooks = state.webhooks();
    let free = webhooks.slots.available_permits();
    if free == 0 {
        return Ok(0);
    }
    if webhooks.should_look() {
        webhooks.looked(queue::pending_endpoints(state, token).await?);
    }
    let wants = lanes.wants(webhooks, free.min(CLAIM_BATCH));
    if wants.is_empty() {
        return Ok(0);
    }
    let claimed = queue::claim(state, token, &wants).await?;
    webhooks.claimed(&wants, claimed.iter().map(|delivery| delivery.endpoint_id.as_str()));
    let loaded = queue::load(state, token, &claimed).await?;
    let mut give_back = Vec::new();
    let mut taken = 0;
    for delivery in claimed {
        let (endpoint, event) = loaded.get(&delivery);
        let ready = match lanes.offer((delivery, endpoint, event)) {
            Offer::Start(ready) => ready,
            Offer::Queued => {
                taken += 1;
                continue;
            }
            Offer::Full(ready) => {
                give_back.push(ready.0.id);
                continue;
            }
        };
        let Ok(permit) = webhooks.slots.clone().try_acquire_owned() else {
            lanes.unstart(&ready.0.endpoint_id);
            give_back.push(ready.0.id);
            continue;
        };
        taken += 1;
        tokio::spawn(send_lane(state.clone(), token.clone(), lanes.clone(), recorder.clone(), ready, permit));
    }
    queue::release(state, token, &give_back).await?;
    Ok(taken)
}

/// Most deliveries one claim takes.
const CLAIM_BATCH: usize = 200;

/// One sender task of an endpoint: sends a delivery, waits until its attempt is recorded (so
/// a crash can send again at most what was in flight), then takes the endpoint's next waiting
/// delivery, if any.
async fn send_lane(
    state: AppState,
    token: Arc<JobToken>,
    lanes: Arc<Lanes>,
    recorder: mpsc::UnboundedSender<Recording>,
    mut ready: Ready,
    permit: tokio::sync::OwnedSemaphorePermit,
) {
    loop {
        let (delivery, endpoint, event) = ready;
        let endpoint_id = delivery.endpoint_id.clone();
        let delivery_id = delivery.id.clone();
        match queue::attempt(&state, &token, delivery, endpoint, event).await {
            Ok(Some(sent)) => {
                let (done, recorded) = oneshot::channel();
                if recorder.send((sent, done)).is_ok() {
                    let _ = recorded.await;
                }
            }
            Ok(None) => {}
            Err(err) => tracing::error!(delivery = %delivery_id, error = %err, "a webhook attempt failed"),
        }
        match lanes.next(state.webhooks(), &endpoint_id) {
            Some(next) => ready = next,
            None => break,
        }
    }
    drop(permit);
    state.webhooks().wake();
}

/// The queue-depth gauge, every five seconds. (Retention is a job of its own: `crate::jobs`.)
async fn upkeep_loop(state: AppState, token: Arc<JobToken>) {
    let mut tick = tokio::time::interval(Duration::from_secs(5));
    loop {
        tick.tick().await;
        match queue::depth(&state, &token).await {
            Ok(depth) => state.metrics().set_webhook_queue_depth(depth),
            Err(err) => tracing::warn!(error = %err, "measuring the webhook queue failed"),
        }
    }
}

/// Runs the queue until nothing is due (tests and operators): fans out every event, then
/// sends every due delivery, waiting for each round to finish.
pub async fn drain(state: &AppState, token: &JobToken) -> Result<usize, sqlx::Error> {
    while queue::dispatch(state, token).await?.0 > 0 {
        state.webhooks().events_streamable();
    }
    let mut sent = 0;
    loop {
        let endpoints = queue::pending_endpoints(state, token).await?;
        let wants: Vec<(String, usize)> = endpoints.into_iter().map(|endpoint| (endpoint, 100)).collect();
        let claimed = queue::claim(state, token, &wants).await?;
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
