//! API usage counted per organization, credential, hour and route: the data of `GET /api/usage`
//! and the console's Usage page. Authentication counts each request in memory ([`Usage::count`],
//! a map under a mutex: no write per request); the maintenance loop of every serving instance
//! adds the counts to `usage_hourly` once a minute (`crate::jobs::flush_usage`), and on shutdown.

use std::collections::HashMap;
use std::sync::Mutex;

/// What one row counts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UsageKey {
    pub org_id: String,
    /// Hours since the Unix epoch.
    pub hour: i64,
    pub principal: String,
    /// `GET /properties/{id}`.
    pub route: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub requests: u64,
    pub throttled: u64,
}

/// This instance's counts since they were last taken.
#[derive(Debug, Default)]
pub struct Usage {
    counts: Mutex<HashMap<UsageKey, Counts>>,
}

impl Usage {
    /// Counts one request (`throttled`: refused with 429).
    pub fn count(&self, org_id: &str, principal: &str, now_ms: i64, route: &str, throttled: bool) {
        let key = UsageKey {
            org_id: org_id.to_owned(),
            hour: now_ms.div_euclid(3_600_000),
            principal: principal.to_owned(),
            route: route.to_owned(),
        };
        let mut counts = self.counts.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let entry = counts.entry(key).or_default();
        entry.requests += 1;
        entry.throttled += u64::from(throttled);
    }

    /// The counts so far, which are then forgotten here.
    pub fn take(&self) -> HashMap<UsageKey, Counts> {
        std::mem::take(&mut *self.counts.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
    }

    /// Puts counts back (a flush that failed), adding them to any counted meanwhile.
    pub fn restore(&self, taken: HashMap<UsageKey, Counts>) {
        let mut counts = self.counts.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        for (key, more) in taken {
            let entry = counts.entry(key).or_default();
            entry.requests += more.requests;
            entry.throttled += more.throttled;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_add_up_per_hour_and_route() {
        let usage = Usage::default();
        usage.count("org_1", "key_1", 3_600_000, "GET /properties", false);
        usage.count("org_1", "key_1", 3_600_001, "GET /properties", true);
        usage.count("org_1", "key_1", 7_200_000, "GET /properties", false);
        let taken = usage.take();
        assert_eq!(taken.len(), 2);
        let first =
            UsageKey { org_id: "org_1".into(), hour: 1, principal: "key_1".into(), route: "GET /properties".into() };
        assert_eq!(taken[&first], Counts { requests: 2, throttled: 1 });
        assert!(usage.take().is_empty());
        usage.restore(taken);
        assert_eq!(usage.take()[&first].requests, 2);
    }
}
