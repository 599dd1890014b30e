//! Rate limiting with sliding windows: a quota of `limit` per `window_secs` admits a request
//! only if the requests it admitted in the last `window_secs` leave room for it, so no
//! window-long span ever admits more than the limit (fixed windows let twice the limit
//! through across a boundary; a token bucket or GCRA with a burst of `limit` lets nearly
//! twice through in a span, so neither is used: `docs/api-conventions.md#rate-limits`).
//!
//! Each quota counts admitted requests in sixty slots of `window_secs / 60` seconds (one
//! second for a minute, one minute for an hour). A slot counts until the window has passed
//! its *end*, so a request counts for between one and one-and-a-sixtieth windows: a little
//! conservative, never over the limit, and bounded memory per key.
//!
//! A request is checked against several quotas at once (per key per minute and per hour,
//! per organization per minute, plus any route class) and may cost more than one (a GraphQL
//! document is charged per root field). It is admitted only if every quota has room for its
//! cost, and only then does it count against all of them, atomically: under a concurrent
//! burst no quota admits more than its limit. The same algorithm runs in memory ([`memory`])
//! or in one Redis script ([`redis`]) shared by every instance.

pub mod memory;
pub mod redis;

use axum::http::{HeaderMap, HeaderName, HeaderValue};
use secrecy::SecretString;

/// Slots per window.
const SLOTS: u64 = 60;

/// One limit a request counts against.
#[derive(Debug, Clone)]
pub struct Quota {
    /// Shown in the `RateLimit-Policy` header, e.g. `key-minute`.
    pub name: String,
    /// What is counted, e.g. `key:key_01J…`.
    pub key: String,
    pub limit: u64,
    pub window_secs: u64,
}

impl Quota {
    /// Seconds per slot.
    fn slot_secs(&self) -> u64 {
        (self.window_secs / SLOTS).max(1)
    }

    /// The slot a request at `now_secs` counts in.
    fn slot(&self, now_secs: u64) -> u64 {
        now_secs / self.slot_secs()
    }

    /// When a request counted in `slot` stops counting: a window after the slot's end.
    fn frees_at(&self, slot: u64) -> u64 {
        (slot + 1) * self.slot_secs() + self.window_secs
    }

    /// The oldest slot still counted at `now_secs` (slots before it have freed).
    fn oldest_counted(&self, now_secs: u64) -> u64 {
        now_secs.saturating_sub(self.window_secs) / self.slot_secs()
    }

    /// The counter's name, shared by every window length of one key.
    fn counter_key(&self) -> String {
        format!("{}:{}", self.key, self.window_secs)
    }
}

/// A quota's counted slots, oldest first: `(slot, requests admitted in it)`.
pub type Slots = Vec<(u64, u64)>;

/// A quota's state after a check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Usage {
    pub name: String,
    pub limit: u64,
    pub window_secs: u64,
    pub remaining: u64,
    /// Unix seconds at which the oldest request it counts stops counting (now, if none).
    pub reset_at: u64,
    /// Whether this quota refused the request.
    pub exhausted: bool,
    /// For an exhausted quota: unix seconds from which the request would fit.
    pub admits_at: u64,
}

#[derive(Debug, Clone)]
pub struct Decision {
    pub allowed: bool,
    pub usage: Vec<Usage>,
    pub now_secs: u64,
}

/// The decision for a request of `cost` given each quota's counted slots before it (oldest
/// first, already without the freed ones).
fn decide(quotas: &[Quota], before: &[Slots], now_secs: u64, cost: u64) -> Decision {
    let used = |slots: &Slots| slots.iter().map(|(_, count)| count).sum::<u64>();
    let allowed = quotas.iter().zip(before).all(|(q, slots)| used(slots) + cost <= q.limit);
    let usage = quotas
        .iter()
        .zip(before)
        .map(|(q, slots)| {
            let used_before = used(slots);
            let exhausted = used_before + cost > q.limit;
            let used_after = if allowed { used_before + cost } else { used_before };
            let oldest = slots.first().map(|&(slot, _)| slot).or(allowed.then(|| q.slot(now_secs)));
            // Free slots oldest first until the request fits.
            let mut left = used_before;
            let mut admits_at = now_secs;
            for &(slot, count) in slots {
                if left + cost <= q.limit {
                    break;
                }
                left -= count;
                admits_at = q.frees_at(slot);
            }
            if cost > q.limit {
                admits_at = now_secs + q.window_secs;
            }
            Usage {
                name: q.name.clone(),
                limit: q.limit,
                window_secs: q.window_secs,
                remaining: q.limit.saturating_sub(used_after),
                reset_at: oldest.map_or(now_secs, |slot| q.frees_at(slot)),
                exhausted,
                admits_at,
            }
        })
        .collect();
    Decision { allowed, usage, now_secs }
}

impl Decision {
    /// The quota a client should watch: an exhausted one if any, else the one with the
    /// least room left (the shorter window on ties).
    pub fn binding(&self) -> Option<&Usage> {
        self.usage.iter().min_by_key(|u| (!u.exhausted, u.remaining, u.window_secs))
    }

    /// Seconds until the request could be admitted (at least 1).
    pub fn retry_after(&self) -> u64 {
        self.usage
            .iter()
            .filter(|u| u.exhausted)
            .map(|u| u.admits_at.saturating_sub(self.now_secs))
            .max()
            .unwrap_or(0)
            .max(1)
    }

    /// `X-RateLimit-*` for the binding quota, and the IETF `RateLimit-Policy` / `RateLimit`
    /// fields (draft-ietf-httpapi-ratelimit-headers) for all of them.
    pub fn apply_headers(&self, headers: &mut HeaderMap) {
        let Some(binding) = self.binding() else { return };
        let mut set = |name: &'static str, value: String| {
            if let Ok(value) = HeaderValue::from_str(&value) {
                headers.insert(HeaderName::from_static(name), value);
            }
        };
        let reset_at = if binding.exhausted { binding.admits_at } else { binding.reset_at };
        set("x-ratelimit-limit", binding.limit.to_string());
        set("x-ratelimit-remaining", binding.remaining.to_string());
        set("x-ratelimit-reset", reset_at.to_string());
        let policies: Vec<String> =
            self.usage.iter().map(|u| format!("\"{}\";q={};w={}", u.name, u.limit, u.window_secs)).collect();
        set("ratelimit-policy", policies.join(", "));
        set(
            "ratelimit",
            format!("\"{}\";r={};t={}", binding.name, binding.remaining, reset_at.saturating_sub(self.now_secs)),
        );
    }
}

/// In memory for one instance, or in Redis for all of them.
pub enum Limiter {
    Memory(memory::MemoryLimiter),
    Redis(redis::RedisLimiter),
}

impl Limiter {
    pub async fn new(redis_url: Option<&SecretString>, key_prefix: &str) -> Result<Limiter, ::redis::RedisError> {
        Ok(match redis_url {
            Some(url) => Limiter::Redis(redis::RedisLimiter::connect(url, key_prefix).await?),
            None => Limiter::Memory(memory::MemoryLimiter::default()),
        })
    }

    /// Checks and counts one request against every quota.
    pub async fn check(&self, now_secs: u64, quotas: &[Quota]) -> Decision {
        self.charge(now_secs, quotas, 1).await
    }

    /// Checks and counts a request that costs `cost` requests against every quota.
    pub async fn charge(&self, now_secs: u64, quotas: &[Quota], cost: u64) -> Decision {
        match self {
            Limiter::Memory(limiter) => limiter.charge(now_secs, quotas, cost, true),
            Limiter::Redis(limiter) => limiter.charge(now_secs, quotas, cost, true).await,
        }
    }

    /// Whether one more request would be admitted, without counting it.
    pub async fn peek(&self, now_secs: u64, quotas: &[Quota]) -> Decision {
        match self {
            Limiter::Memory(limiter) => limiter.charge(now_secs, quotas, 1, false),
            Limiter::Redis(limiter) => limiter.charge(now_secs, quotas, 1, false).await,
        }
    }

    /// Forgets counters with nothing left in their window (memory only; Redis expires them).
    pub fn purge(&self, now_secs: u64) {
        match self {
            Limiter::Memory(limiter) => limiter.purge(now_secs),
            Limiter::Redis(limiter) => limiter.fallback().purge(now_secs),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quota(name: &str, limit: u64, window_secs: u64) -> Quota {
        Quota { name: name.into(), key: name.into(), limit, window_secs }
    }

    #[test]
    fn admits_only_when_every_quota_has_room() {
        let quotas = [quota("minute", 2, 60), quota("hour", 10, 3600)];
        // One request at second 100 (slot 100 of the minute, slot 1 of the hour), five earlier.
        let d = decide(&quotas, &[vec![(100, 1)], vec![(1, 5)]], 120, 1);
        assert!(d.allowed);
        assert_eq!(d.binding().unwrap().name, "minute");
        assert_eq!(d.binding().unwrap().remaining, 0);
        let d = decide(&quotas, &[vec![(100, 1), (120, 1)], vec![(1, 6)]], 130, 1);
        assert!(!d.allowed);
        // The request at second 100 stops counting at 161: a window after its slot ends.
        assert_eq!(d.retry_after(), 31);
        let mut headers = HeaderMap::new();
        d.apply_headers(&mut headers);
        assert_eq!(headers["x-ratelimit-limit"], "2");
        assert_eq!(headers["x-ratelimit-remaining"], "0");
        assert_eq!(headers["x-ratelimit-reset"], "161");
        assert_eq!(headers["ratelimit-policy"], "\"minute\";q=2;w=60, \"hour\";q=10;w=3600");
        assert_eq!(headers["ratelimit"], "\"minute\";r=0;t=31");
    }

    #[test]
    fn a_costly_request_waits_until_enough_has_freed() {
        let quotas = [quota("minute", 10, 60)];
        let slots = vec![(0, 4), (10, 4), (20, 2)];
        let d = decide(&quotas, std::slice::from_ref(&slots), 30, 5);
        assert!(!d.allowed);
        // 10 used, 5 more: the 4 of second 0 free at 61 (6 left, not enough), the 4 of second
        // 10 at 71 (2 left + 5 fits).
        assert_eq!(d.retry_after(), 41);
        assert_eq!(d.usage[0].remaining, 0);
        let d = decide(&quotas, &[slots], 30, 11);
        assert_eq!(d.retry_after(), 60, "more than the limit never fits: a window is the honest answer");
    }
}
