//! Identical reads that are waiting together share one run.
//!
//! When many clients ask for the same page of the same organization at once (a listings
//! site's featured strip, a dashboard open in every agent's browser), each request would run
//! the same query and serialize the same JSON. A [`Coalescer`] runs at most one read per key
//! at a time. Requests that arrive while it runs wait together for the *next* run, which
//! starts after all of them arrived and serves them all.
//!
//! This is not a cache. Nothing is served that was read before the request arrived, so every
//! answer reflects every change committed before its request came in, on this instance or
//! any other. A request never joins a run that has already started. The cost is latency: a
//! request that arrives just after a run started waits for it to finish, then for its own.
//!
//! A request that finds no read of its key in flight reads by itself, in its own task, as if
//! there were no coalescing: a read that starts at once has no one to share with. Only a read
//! queued behind one in flight is shared. Such a run is driven by the requests waiting for
//! it, whichever of them polls; a client that disconnects leaves it to the others, and when
//! all of them have gone the run is dropped (cancelling its read) and its key forgotten.
//!
//! When the read before it is done, a queued read starts at once ([`Start::AtOnce`]) or first
//! gathers callers ([`Start::Gathered`]): it yields to the runtime, so that what is ready runs,
//! and checks whether callers joined meanwhile (at most [`GATHER_PASSES`] times; it stops after
//! [`GATHER_PATIENCE`] checks in a row that found no one new). It still starts only after every
//! caller it serves arrived. Which one pays depends on where the read spends its time, see
//! [`Start`].
//!
//! Its waiters drive it through `Shared`, and each of them woken polls it once: with many
//! waiters, several checks pass within one turn of the runtime, so the gathering is shorter than
//! 32 full turns. That is the behaviour measured in `docs/benchmarks.md`; a version that ran the
//! queued read in a task of its own (one check per turn) measured no better and was not kept.

use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use futures_util::FutureExt;
use futures_util::future::{BoxFuture, Shared, WeakShared};
use tokio::sync::Semaphore;

use crate::error::ApiResult;

type Run<T> = Shared<BoxFuture<'static, ApiResult<T>>>;

/// At most this many yields, and checks for new callers, before a gathering read starts.
const GATHER_PASSES: u32 = 32;
/// A gathering read starts after this many checks in a row that found no new caller.
const GATHER_PATIENCE: u32 = 3;

/// The newest read of a key. `done` is closed when it ends (or is dropped). `waiting` is set
/// while it is a queued read that has not started, which arrivals join; it is cleared when the
/// read starts.
struct Tail<T> {
    id: u64,
    done: Arc<Semaphore>,
    waiting: Option<Waiting<T>>,
}

/// A queued read that takes joiners: held weakly, so only its waiters keep it alive, and the
/// count of callers that joined it (which a gathering read watches).
struct Waiting<T> {
    run: WeakShared<BoxFuture<'static, ApiResult<T>>>,
    joined: Arc<AtomicU32>,
}

struct State<K, T> {
    tails: HashMap<K, Tail<T>>,
    next_id: u64,
}

type Tails<K, T> = Arc<Mutex<State<K, T>>>;

pub struct Coalescer<K, T> {
    tails: Tails<K, T>,
    start: Start,
}

/// When a queued read starts, once the read before it is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// At once. For reads that wait on the network (PostgreSQL): the worker serves other
    /// requests during the wait and callers join meanwhile; gathering would only lengthen the
    /// time between reads, and with it every caller's wait (measured: a fifth less throughput).
    AtOnce,
    /// After gathering callers. For reads that run on the worker itself (SQLite in the
    /// process): started at once, the next read would run before the responses of the one just
    /// done are sent, and a read would be shared by about three requests under load, one core
    /// running the same query back to back (`docs/benchmarks.md`).
    Gathered,
}

impl<K, T> Coalescer<K, T> {
    pub fn new(start: Start) -> Self {
        Coalescer { tails: Arc::new(Mutex::new(State { tails: HashMap::new(), next_id: 0 })), start }
    }
}

/// What a caller does: read by itself, or wait for a shared run.
enum Turn<K: Hash + Eq, T, F> {
    Alone(Forget<K, T>, F),
    Wait(Run<T>),
}

impl<K, T> Coalescer<K, T>
where
    K: Hash + Eq + Clone + Send + Sync + 'static,
    T: Clone + Send + Sync + 'static,
{
    /// `read`'s result, from a read that starts after this call (shared with every caller of
    /// the same key that arrives before that read starts).
    pub async fn run<F>(&self, key: K, read: F) -> ApiResult<T>
    where
        F: Future<Output = ApiResult<T>> + Send + 'static,
    {
        // No `Run` may be dropped while the lock is held: dropping the last one drops the
        // run, whose `Forget` takes the lock.
        let turn = {
            let mut state = lock(&self.tails);
            let tail = state.tails.get(&key);
            let waiting = tail.and_then(|tail| tail.waiting.as_ref()?.join());
            match waiting {
                Some(run) => Turn::Wait(run),
                None => {
                    let previous = tail.map(|tail| tail.done.clone());
                    state.next_id += 1;
                    let id = state.next_id;
                    let done = Arc::new(Semaphore::new(0));
                    let forget = Forget { tails: self.tails.clone(), key: key.clone(), id, done: done.clone() };
                    let (turn, waiting) = match previous {
                        None => (Turn::Alone(forget, read), None),
                        Some(previous) => {
                            let joined = Arc::new(AtomicU32::new(0));
                            let run = Self::queue(forget, previous, joined.clone(), self.start, read);
                            let weak = run.downgrade().expect("a run that has not been polled is pending");
                            (Turn::Wait(run), Some(Waiting { run: weak, joined }))
                        }
                    };
                    state.tails.insert(key, Tail { id, done, waiting });
                    turn
                }
            }
        };
        match turn {
            Turn::Wait(run) => run.await,
            Turn::Alone(forget, read) => {
                let result = read.await;
                drop(forget);
                result
            }
        }
    }

    /// A read that starts when `previous` is done and callers have stopped joining (see the
    /// module's notes), closing itself to joiners first.
    fn queue<F>(forget: Forget<K, T>, previous: Arc<Semaphore>, joined: Arc<AtomicU32>, start: Start, read: F) -> Run<T>
    where
        F: Future<Output = ApiResult<T>> + Send + 'static,
    {
        async move {
            // Closed, never released: this waits for the end of `previous`.
            let _ = previous.acquire().await;
            let passes = if start == Start::Gathered { GATHER_PASSES } else { 0 };
            let mut seen = joined.load(Ordering::Relaxed);
            let mut quiet = 0;
            for _ in 0..passes {
                tokio::task::yield_now().await;
                let now = joined.load(Ordering::Relaxed);
                quiet = if now == seen { quiet + 1 } else { 0 };
                if quiet == GATHER_PATIENCE {
                    break;
                }
                seen = now;
            }
            if let Some(tail) = lock(&forget.tails).tails.get_mut(&forget.key).filter(|tail| tail.id == forget.id) {
                tail.waiting = None;
            }
            let result = read.await;
            drop(forget);
            result
        }
        .boxed()
        .shared()
    }

    /// Keys with a read queued or in flight (for tests).
    #[cfg(test)]
    fn keys(&self) -> usize {
        lock(&self.tails).tails.len()
    }
}

impl<T> Waiting<T> {
    /// The queued read, counted as joined, if any of its waiters is still there.
    fn join(&self) -> Option<Run<T>> {
        let run = self.run.upgrade()?;
        self.joined.fetch_add(1, Ordering::Relaxed);
        Some(run)
    }
}

/// Ends read `id` of `key` when dropped (finished or cancelled): closes its `done`, and forgets
/// the key unless a later read has queued behind it.
struct Forget<K: Hash + Eq, T> {
    tails: Tails<K, T>,
    key: K,
    id: u64,
    done: Arc<Semaphore>,
}

impl<K: Hash + Eq, T> Drop for Forget<K, T> {
    fn drop(&mut self) {
        self.done.close();
        let mut state = lock(&self.tails);
        if state.tails.get(&self.key).is_some_and(|tail| tail.id == self.id) {
            state.tails.remove(&self.key);
        }
    }
}

fn lock<K, T>(state: &Mutex<State<K, T>>) -> MutexGuard<'_, State<K, T>> {
    state.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use tokio::sync::oneshot::{self, Sender};
    use tokio::task::JoinHandle;

    use super::*;
    use crate::error::ApiError;

    /// A read that reports when it starts and finishes when told, returning `value`.
    fn gated(
        reads: &Arc<AtomicU32>,
        value: u32,
    ) -> (impl Future<Output = ApiResult<u32>> + Send + 'static, oneshot::Receiver<()>, Sender<()>) {
        let (started_tx, started_rx) = oneshot::channel();
        let (release_tx, release_rx) = oneshot::channel::<()>();
        let reads = reads.clone();
        let read = async move {
            reads.fetch_add(1, Ordering::SeqCst);
            let _ = started_tx.send(());
            let _ = release_rx.await;
            Ok(value)
        };
        (read, started_rx, release_tx)
    }

    /// `coalescer.run(key, read)` in a task of its own.
    fn call(
        coalescer: &Arc<Coalescer<&'static str, u32>>,
        key: &'static str,
        read: impl Future<Output = ApiResult<u32>> + Send + 'static,
    ) -> JoinHandle<ApiResult<u32>> {
        let coalescer = coalescer.clone();
        tokio::spawn(async move { coalescer.run(key, read).await })
    }

    /// A coalescer with one read of `k` in flight (answering 1 once released), and its count of
    /// reads started.
    async fn in_flight_with(
        start: Start,
    ) -> (Arc<Coalescer<&'static str, u32>>, Arc<AtomicU32>, JoinHandle<ApiResult<u32>>, Sender<()>) {
        let coalescer = Arc::new(Coalescer::new(start));
        let reads = Arc::new(AtomicU32::new(0));
        let (first, first_started, release_first) = gated(&reads, 1);
        let leader = call(&coalescer, "k", first);
        first_started.await.unwrap();
        (coalescer, reads, leader, release_first)
    }

    /// The same, gathering: the rules below hold for both ways to start.
    async fn in_flight() -> (Arc<Coalescer<&'static str, u32>>, Arc<AtomicU32>, JoinHandle<ApiResult<u32>>, Sender<()>)
    {
        in_flight_with(Start::Gathered).await
    }

    async fn settle() {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    #[tokio::test]
    async fn callers_that_arrive_during_a_run_share_the_next_one_which_starts_after_them() {
        let (coalescer, reads, leader, release_first) = in_flight().await;

        // Arrivals after the first run started must not get its (older) result.
        let (second, second_started, release_second) = gated(&reads, 2);
        let mut joined = Vec::new();
        joined.push(call(&coalescer, "k", second));
        for _ in 0..5 {
            joined.push(call(&coalescer, "k", gated(&reads, 99).0));
        }
        settle().await;
        assert_eq!(reads.load(Ordering::SeqCst), 1, "the second run waits for the first to finish");

        release_first.send(()).unwrap();
        assert_eq!(leader.await.unwrap().unwrap(), 1);
        second_started.await.unwrap();
        release_second.send(()).unwrap();
        for caller in joined {
            assert_eq!(caller.await.unwrap().unwrap(), 2);
        }
        assert_eq!(reads.load(Ordering::SeqCst), 2, "six callers, one run");
        assert_eq!(coalescer.keys(), 0, "a finished key is forgotten");
    }

    /// The read a caller gets when it arrives just as the first read has ended and the queued
    /// second one is due: 2 if it joins the second, 3 if it queues a third.
    async fn read_of_a_caller_arriving_as_a_queued_read_is_due(start: Start) -> u32 {
        let (coalescer, reads, leader, release_first) = in_flight_with(start).await;
        let (second, second_started, release_second) = gated(&reads, 2);
        let queued = call(&coalescer, "k", second);
        settle().await;
        // Ending the first read wakes the queued one before this task runs again.
        release_first.send(()).unwrap();
        assert_eq!(leader.await.unwrap().unwrap(), 1);

        let (third, _, release_third) = gated(&reads, 3);
        let late = call(&coalescer, "k", third);
        second_started.await.unwrap();
        release_second.send(()).unwrap();
        // Kept until the third read runs, if it does.
        let _ = release_third.send(());
        assert_eq!(queued.await.unwrap().unwrap(), 2);
        late.await.unwrap().unwrap()
    }

    #[tokio::test]
    async fn a_gathering_read_takes_callers_that_arrive_as_it_becomes_due() {
        assert_eq!(read_of_a_caller_arriving_as_a_queued_read_is_due(Start::Gathered).await, 2);
    }

    #[tokio::test]
    async fn a_read_that_starts_at_once_leaves_them_to_the_next() {
        assert_eq!(read_of_a_caller_arriving_as_a_queued_read_is_due(Start::AtOnce).await, 3);
    }

    #[tokio::test]
    async fn a_queued_read_that_has_started_takes_no_more_callers() {
        let (coalescer, reads, leader, release_first) = in_flight().await;
        let (second, second_started, release_second) = gated(&reads, 2);
        let queued = call(&coalescer, "k", second);
        settle().await;
        release_first.send(()).unwrap();
        leader.await.unwrap().unwrap();
        second_started.await.unwrap();

        // The second read has started: a caller now must wait for a third.
        let (third, third_started, release_third) = gated(&reads, 3);
        let late = call(&coalescer, "k", third);
        settle().await;
        release_second.send(()).unwrap();
        assert_eq!(queued.await.unwrap().unwrap(), 2);
        third_started.await.unwrap();
        release_third.send(()).unwrap();
        assert_eq!(late.await.unwrap().unwrap(), 3);
        assert_eq!(reads.load(Ordering::SeqCst), 3);
    }

    #[tokio::test]
    async fn different_keys_run_side_by_side() {
        let coalescer = Arc::new(Coalescer::<&str, u32>::new(Start::Gathered));
        let reads = Arc::new(AtomicU32::new(0));
        let (a, a_started, release_a) = gated(&reads, 1);
        let (b, b_started, release_b) = gated(&reads, 2);
        let ta = call(&coalescer, "a", a);
        let tb = call(&coalescer, "b", b);
        a_started.await.unwrap();
        b_started.await.unwrap();
        release_a.send(()).unwrap();
        release_b.send(()).unwrap();
        assert_eq!((ta.await.unwrap().unwrap(), tb.await.unwrap().unwrap()), (1, 2));
    }

    #[tokio::test]
    async fn a_caller_that_goes_away_does_not_cancel_the_run_others_wait_for() {
        let (coalescer, reads, leader, release_first) = in_flight().await;
        let (second, second_started, release_second) = gated(&reads, 2);
        let second_leader = call(&coalescer, "k", second);
        let (never_run, _, _) = gated(&reads, 99);
        let follower = call(&coalescer, "k", never_run);
        settle().await;
        second_leader.abort();
        release_first.send(()).unwrap();
        leader.await.unwrap().unwrap();
        second_started.await.unwrap();
        release_second.send(()).unwrap();
        assert_eq!(follower.await.unwrap().unwrap(), 2);
    }

    #[tokio::test]
    async fn an_error_reaches_every_caller_and_the_key_is_free_again() {
        let (coalescer, _, leader, release_first) = in_flight().await;
        let waiting: Vec<_> =
            (0..2).map(|_| call(&coalescer, "k", async { Err(ApiError::validation("limit", "bad")) })).collect();
        settle().await;
        release_first.send(()).unwrap();
        leader.await.unwrap().unwrap();
        for caller in waiting {
            assert_eq!(caller.await.unwrap().unwrap_err().field_name(), Some("limit"));
        }
        assert_eq!(coalescer.keys(), 0);
        assert_eq!(coalescer.run("k", async { Ok(7) }).await.unwrap(), 7);
    }

    #[tokio::test]
    async fn a_run_nobody_waits_for_is_dropped_and_its_key_forgotten() {
        let coalescer = Arc::new(Coalescer::<&str, u32>::new(Start::Gathered));
        let reads = Arc::new(AtomicU32::new(0));
        let (read, started, _release) = gated(&reads, 1);
        let only = call(&coalescer, "k", read);
        started.await.unwrap();
        only.abort();
        let _ = only.await;
        assert_eq!(coalescer.keys(), 0);
        assert_eq!(coalescer.run("k", async { Ok(7) }).await.unwrap(), 7);
    }

    #[tokio::test]
    async fn a_queued_read_whose_callers_all_went_away_never_runs() {
        let (coalescer, reads, leader, release_first) = in_flight().await;
        let queued: Vec<_> = (0..2).map(|_| call(&coalescer, "k", gated(&reads, 2).0)).collect();
        settle().await;
        for caller in queued {
            caller.abort();
            let _ = caller.await;
        }
        release_first.send(()).unwrap();
        assert_eq!(leader.await.unwrap().unwrap(), 1);
        assert_eq!(reads.load(Ordering::SeqCst), 1);
        assert_eq!(coalescer.keys(), 0);
    }
}
