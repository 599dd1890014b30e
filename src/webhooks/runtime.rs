//! The webhook runtime of one instance, as the rest of the server sees it: the HTTP client and
//! the SSRF policy deliveries use, the retry schedule, and the wake-ups a change or an
//! operator's action gives the workers (`super::worker`), which own everything else.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::{Notify, Semaphore, watch};

use super::sender;
use super::ssrf::AddressPolicy;
use crate::config::Settings;
use crate::vocab::plan::Plan;

/// Longest pause of an idle worker loop: other instances' events and due retries are noticed
/// within it.
pub(super) const IDLE_POLL: Duration = Duration::from_millis(250);

/// The webhook runtime of one instance: the HTTP client, the SSRF policy, the retry schedule,
/// wake-ups, and which endpoints have due deliveries.
pub struct Webhooks {
    policy: Arc<AddressPolicy>,
    client: reqwest::Client,
    schedule: Vec<Duration>,
    pub(super) lease: Duration,
    pub(super) per_endpoint: usize,
    plans: Vec<&'static str>,
    pub(super) events_ready: Notify,
    pub(super) deliveries_ready: Notify,
    pub(super) active: Mutex<Active>,
    pub(super) slots: Arc<Semaphore>,
    /// Bumped after each dispatch that numbered events for the live stream (`super::stream`).
    pub(super) streamable: watch::Sender<u64>,
    /// Open event streams per key (`auth.key_id()`), on this instance.
    pub(super) open_streams: Mutex<HashMap<String, usize>>,
    /// The server is shutting down: streams end (a graceful shutdown waits for every response).
    streams_closing: AtomicBool,
}

/// The endpoints this instance believes have due deliveries: found by a periodic look at the
/// queue index, added to at once by this instance's dispatcher, and dropped when a claim finds
/// less than it asked for.
#[derive(Default)]
pub(super) struct Active {
    pub(super) endpoints: HashSet<String>,
    looked_at: Option<Instant>,
    /// Where the next claim starts in `endpoints`: when the instance is at its limit, the room
    /// goes round all endpoints rather than always to the same ones.
    pub(super) turn: usize,
}

impl Webhooks {
    pub fn new(settings: &Settings) -> reqwest::Result<Webhooks> {
        let policy =
            Arc::new(AddressPolicy::new(settings.webhooks.allowed_subnets.0.clone(), settings.webhooks.require_https));
        let client = sender::client(settings, policy.clone())?;
        let minimum = settings.features.webhooks;
        let plans =
            [Plan::Starter, Plan::Grow, Plan::Elite].into_iter().filter(|p| *p >= minimum).map(Plan::as_str).collect();
        Ok(Webhooks {
            policy,
            client,
            schedule: settings.webhooks.retry_schedule.0.iter().map(|s| s.0).collect(),
            lease: settings.webhooks.timeout.0 + settings.webhooks.connect_timeout.0 + Duration::from_secs(30),
            per_endpoint: settings.webhooks.concurrency_per_endpoint,
            plans,
            events_ready: Notify::new(),
            deliveries_ready: Notify::new(),
            active: Mutex::default(),
            slots: Arc::new(Semaphore::new(settings.webhooks.max_in_flight)),
            streamable: watch::Sender::new(0),
            open_streams: Mutex::default(),
            streams_closing: AtomicBool::new(false),
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

    /// Events were numbered for the live stream: open streams should read now.
    pub(super) fn events_streamable(&self) {
        self.streamable.send_modify(|n| *n = n.wrapping_add(1));
    }

    /// The server is shutting down: every event stream ends now (clients reconnect elsewhere
    /// with `Last-Event-ID`).
    pub fn close_streams(&self) {
        self.streams_closing.store(true, Ordering::Relaxed);
        self.events_streamable();
    }

    pub(super) fn streams_closing(&self) -> bool {
        self.streams_closing.load(Ordering::Relaxed)
    }

    /// Deliveries may be due (an endpoint was re-enabled, deliveries re-queued).
    pub fn wake(&self) {
        self.deliveries_ready.notify_one();
    }

    /// Deliveries of this endpoint were queued again (resend, recover, re-enabled): claim now.
    pub fn requeued(&self, endpoint: &str) {
        self.mark_active(vec![endpoint.to_owned()]);
    }

    /// These endpoints have new due deliveries (this instance just fanned events out to them).
    pub(super) fn mark_active(&self, endpoints: Vec<String>) {
        self.active.lock().unwrap_or_else(|p| p.into_inner()).endpoints.extend(endpoints);
        self.wake();
    }

    /// Whether the queue index should be looked at again for endpoints with due deliveries.
    pub(super) fn should_look(&self) -> bool {
        let active = self.active.lock().unwrap_or_else(|p| p.into_inner());
        active.looked_at.is_none_or(|at| at.elapsed() >= IDLE_POLL)
    }

    pub(super) fn looked(&self, endpoints: Vec<String>) {
        let mut active = self.active.lock().unwrap_or_else(|p| p.into_inner());
        active.endpoints.extend(endpoints);
        active.looked_at = Some(Instant::now());
    }

    /// A claim for `wants` returned `claimed`: an endpoint that gave fewer than were asked of
    /// it has nothing more due (for this instance) until the next look.
    pub(super) fn claimed<'a>(&self, wants: &[(String, usize)], claimed: impl Iterator<Item = &'a str>) {
        let mut got: HashMap<&str, usize> = HashMap::new();
        for endpoint in claimed {
            *got.entry(endpoint).or_default() += 1;
        }
        let mut active = self.active.lock().unwrap_or_else(|p| p.into_inner());
        for (endpoint, asked) in wants {
            if got.get(endpoint.as_str()).copied().unwrap_or(0) < *asked {
                active.endpoints.remove(endpoint);
            }
        }
    }
}
