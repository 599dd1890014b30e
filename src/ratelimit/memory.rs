//! Counters in this process, for a single instance.

use std::collections::HashMap;
use std::sync::Mutex;

use super::{Decision, Quota, decide};

#[derive(Default)]
pub struct MemoryLimiter {
    /// Counter key (quota key, window, window index) → requests admitted in that window.
    counters: Mutex<HashMap<String, u64>>,
}

impl MemoryLimiter {
    pub fn check(&self, now_secs: u64, quotas: &[Quota]) -> Decision {
        let keys: Vec<String> = quotas.iter().map(|q| q.counter_key(now_secs)).collect();
        let mut counters = self.counters.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let before: Vec<u64> = keys.iter().map(|k| counters.get(k).copied().unwrap_or(0)).collect();
        let decision = decide(quotas, &before, now_secs);
        if decision.allowed {
            for key in keys {
                *counters.entry(key).or_insert(0) += 1;
            }
        }
        decision
    }

    /// Drops counters of windows that have ended.
    pub fn purge(&self, now_secs: u64) {
        let mut counters = self.counters.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        counters.retain(|key, _| {
            let mut parts = key.rsplitn(3, ':');
            let index = parts.next().and_then(|i| i.parse::<u64>().ok());
            let window = parts.next().and_then(|w| w.parse::<u64>().ok());
            match (index, window) {
                (Some(index), Some(window)) if window > 0 => index >= now_secs / window,
                _ => false,
            }
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

    #[test]
    fn counts_per_window_and_purges() {
        let limiter = MemoryLimiter::default();
        let quotas = [Quota { name: "m".into(), key: "key:a".into(), limit: 2, window_secs: 60 }];
        assert!(limiter.check(60, &quotas).allowed);
        assert!(limiter.check(61, &quotas).allowed);
        assert!(!limiter.check(62, &quotas).allowed);
        assert!(limiter.check(120, &quotas).allowed, "a new window starts empty");
        assert_eq!(limiter.len(), 2);
        limiter.purge(120);
        assert_eq!(limiter.len(), 1);
    }
}
