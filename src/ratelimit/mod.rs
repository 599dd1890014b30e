//! Rate limiting with fixed windows aligned to the clock (a minute window resets at the top
//! of the minute), the model behind the documented `X-RateLimit-Reset` timestamp and the
//! "try again in N seconds" message.
//!
//! A request is checked against several quotas at once (per key per minute and per hour,
//! per organization per minute, plus any route class). It is admitted only if every quota
//! has room, and only then does it count against all of them, atomically: under a
//! concurrent burst no quota admits more than its limit. The same algorithm runs in memory
//! ([`memory`]) or in one Redis script ([`redis`]) shared by every instance.

pub mod memory;
pub mod redis;

use axum::http::{HeaderMap, HeaderName, HeaderValue};
use secrecy::SecretString;

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

/// A quota's state after a check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Usage {
    pub name: String,
    pub limit: u64,
    pub window_secs: u64,
    pub remaining: u64,
    /// Unix seconds at which the window resets.
    pub reset_at: u64,
    pub exhausted: bool,
}

#[derive(Debug, Clone)]
pub struct Decision {
    pub allowed: bool,
    pub usage: Vec<Usage>,
    pub now_secs: u64,
}

impl Quota {
    fn window_index(&self, now_secs: u64) -> u64 {
        now_secs / self.window_secs
    }

    fn reset_at(&self, now_secs: u64) -> u64 {
        (self.window_index(now_secs) + 1) * self.window_secs
    }

    /// The counter's name for the current window.
    fn counter_key(&self, now_secs: u64) -> String {
        format!("{}:{}:{}", self.key, self.window_secs, self.window_index(now_secs))
    }
}

/// The decision for counts read before this request: admit only if every quota has room.
fn decide(quotas: &[Quota], before: &[u64], now_secs: u64) -> Decision {
    let allowed = quotas.iter().zip(before).all(|(q, &count)| count < q.limit);
    let usage = quotas
        .iter()
        .zip(before)
        .map(|(q, &count)| {
            let used = if allowed { count + 1 } else { count };
            Usage {
                name: q.name.clone(),
                limit: q.limit,
                window_secs: q.window_secs,
                remaining: q.limit.saturating_sub(used),
                reset_at: q.reset_at(now_secs),
                exhausted: count >= q.limit,
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
            .map(|u| u.reset_at.saturating_sub(self.now_secs))
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
        set("x-ratelimit-limit", binding.limit.to_string());
        set("x-ratelimit-remaining", binding.remaining.to_string());
        set("x-ratelimit-reset", binding.reset_at.to_string());
        let policies: Vec<String> =
            self.usage.iter().map(|u| format!("\"{}\";q={};w={}", u.name, u.limit, u.window_secs)).collect();
        set("ratelimit-policy", policies.join(", "));
        set(
            "ratelimit",
            format!(
                "\"{}\";r={};t={}",
                binding.name,
                binding.remaining,
                binding.reset_at.saturating_sub(self.now_secs)
            ),
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

    pub async fn check(&self, now_secs: u64, quotas: &[Quota]) -> Decision {
        match self {
            Limiter::Memory(limiter) => limiter.check(now_secs, quotas),
            Limiter::Redis(limiter) => limiter.check(now_secs, quotas).await,
        }
    }

    /// Forgets finished windows (memory only; Redis expires them itself).
    pub fn purge(&self, now_secs: u64) {
        match self {
            Limiter::Memory(limiter) => limiter.purge(now_secs),
            Limiter::Redis(limiter) => limiter.fallback().purge(now_secs),
        }
    }

    pub fn backend_name(&self) -> &'static str {
        match self {
            Limiter::Memory(_) => "memory",
            Limiter::Redis(_) => "redis",
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
        let d = decide(&quotas, &[1, 5], 120);
        assert!(d.allowed);
        assert_eq!(d.binding().unwrap().name, "minute");
        assert_eq!(d.binding().unwrap().remaining, 0);
        let d = decide(&quotas, &[2, 5], 130);
        assert!(!d.allowed);
        assert_eq!(d.retry_after(), 50);
        let mut headers = HeaderMap::new();
        d.apply_headers(&mut headers);
        assert_eq!(headers["x-ratelimit-limit"], "2");
        assert_eq!(headers["x-ratelimit-remaining"], "0");
        assert_eq!(headers["x-ratelimit-reset"], "180");
        assert_eq!(headers["ratelimit-policy"], "\"minute\";q=2;w=60, \"hour\";q=10;w=3600");
        assert_eq!(headers["ratelimit"], "\"minute\";r=0;t=50");
    }
}
