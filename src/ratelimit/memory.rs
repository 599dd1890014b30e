//! Sliding-window counters in this process, for a single instance.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use super::{Decision, Quota, Slots, decide};

#[derive(Default)]
pub struct MemoryLimiter {
    /// Counter key (quota key and window) → its counted slots, oldest first.
    counters: Mutex<HashMap<String, VecDeque<(u64, u64)>>>,
}

impl MemoryLimiter {
    /// Decides a request of `cost`, and counts it if admitted and `commit`.
    pub fn charge(&self, now_secs: u64, quotas: &[Quota], cost: u64, commit: bool) -> Decision {
        let keys: Vec<String> = quotas.iter().map(Quota::counter_key).collect();
        let mut counters = self.counters.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let before: Vec<Slots> = quotas
            .iter()
            .zip(&keys)
            .map(|(quota, key)| match counters.get_mut(key) {
                Some(slots) => {
                    let oldest = quota.oldest_counted(now_secs);
                    while slots.front().is_some_and(|&(slot, _)| slot < oldest) {
                        slots.pop_front();
                    }
                    slots.iter().copied().collect()
                }
                None => Vec::new(),
            })
            .collect();
        let decision = decide(quotas, &before, now_secs, cost);
        if decision.allowed && commit {
            for (quota, key) in quotas.iter().zip(keys) {
                let slot = quota.slot(now_secs);
                let slots = counters.entry(key).or_default();
                match slots.back_mut() {
                    Some((last, count)) if *last == slot => *count += cost,
                    _ => slots.push_back((slot, cost)),
                }
            }
        }
        decision
    }

    /// Drops counters whose every slot has freed (their newest slot is a window old).
    pub fn purge(&self, now_secs: u64) {
        let mut counters = self.counters.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        counters.retain(|key, slots| {
            let window = key.rsplit(':').next().and_then(|w| w.parse::<u64>().ok()).unwrap_or(0);
            let quota = Quota { name: String::new(), key: String::new(), limit: 0, window_secs: window };
            slots.back().is_some_and(|&(slot, _)| slot >= quota.oldest_counted(now_secs))
        });
    }

    pub fn len(&self) -> usize {
        self.counters.lock().map(|c| c.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minute(limit: u64) -> [Quota; 1] {
        [Quota { name: "m".into(), key: "key:a".into(), limit, window_secs: 60 }]
    }

    #[test]
    fn no_window_long_span_admits_more_than_the_limit() {
        let limiter = MemoryLimiter::default();
        let quotas = minute(3);
        // Three just before a minute boundary, then a burst just after it: a fixed window
        // would admit six within two seconds.
        for _ in 0..3 {
            assert!(limiter.charge(59, &quotas, 1, true).allowed);
        }
        assert!(!limiter.charge(61, &quotas, 1, true).allowed, "still within the last minute");
        assert!(!limiter.charge(119, &quotas, 1, true).allowed);
        assert!(limiter.charge(120, &quotas, 1, true).allowed, "the slot of second 59 has freed");
        assert!(limiter.charge(120, &quotas, 2, true).allowed);
        assert!(!limiter.charge(121, &quotas, 1, true).allowed);
        assert_eq!(limiter.len(), 1);
        limiter.purge(180);
        assert_eq!(limiter.len(), 1, "the slot of second 120 counts until 181");
        limiter.purge(181);
        assert!(limiter.is_empty());
    }

    #[test]
    fn a_refused_request_counts_nowhere() {
        let limiter = MemoryLimiter::default();
        let quotas = [
            Quota { name: "key".into(), key: "key:a".into(), limit: 5, window_secs: 60 },
            Quota { name: "org".into(), key: "org:o".into(), limit: 2, window_secs: 60 },
        ];
        assert!(limiter.charge(0, &quotas, 2, true).allowed);
        assert!(!limiter.charge(1, &quotas, 1, true).allowed);
        let key_only = &quotas[..1];
        assert_eq!(limiter.charge(2, key_only, 1, false).usage[0].remaining, 2, "the refused request was not counted");
    }
}
