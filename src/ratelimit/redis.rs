//! Counters in Redis, shared by every instance: one Lua script checks and counts all of a
//! request's quotas atomically. If Redis cannot be reached the instance falls back to its
//! own in-memory counters (and logs it) rather than refusing or admitting everything.

use redis::Script;
use redis::aio::ConnectionManager;
use secrecy::{ExposeSecret, SecretString};

use super::memory::MemoryLimiter;
use super::{Decision, Quota, decide};

/// KEYS: the counters; ARGV: limit and TTL of each. Returns the counts before this request.
const CHECK_SCRIPT: &str = r"
local before = {}
local allowed = true
for i, key in ipairs(KEYS) do
  local count = tonumber(redis.call('GET', key) or '0')
  before[i] = count
  if count >= tonumber(ARGV[2 * i - 1]) then allowed = false end
end
if allowed then
  for i, key in ipairs(KEYS) do
    if redis.call('INCR', key) == 1 then redis.call('EXPIRE', key, ARGV[2 * i]) end
  end
end
return before
";

pub struct RedisLimiter {
    connection: ConnectionManager,
    script: Script,
    prefix: String,
    fallback: MemoryLimiter,
}

impl RedisLimiter {
    pub async fn connect(url: &SecretString, prefix: &str) -> Result<RedisLimiter, redis::RedisError> {
        let client = redis::Client::open(url.expose_secret())?;
        let connection = ConnectionManager::new(client).await?;
        Ok(RedisLimiter {
            connection,
            script: Script::new(CHECK_SCRIPT),
            prefix: prefix.to_owned(),
            fallback: MemoryLimiter::default(),
        })
    }

    pub async fn check(&self, now_secs: u64, quotas: &[Quota]) -> Decision {
        let mut invocation = self.script.prepare_invoke();
        for quota in quotas {
            invocation
                .key(format!("{}{}", self.prefix, quota.counter_key(now_secs)))
                .arg(quota.limit)
                .arg(quota.window_secs + 1);
        }
        let mut connection = self.connection.clone();
        match invocation.invoke_async::<Vec<u64>>(&mut connection).await {
            Ok(before) if before.len() == quotas.len() => decide(quotas, &before, now_secs),
            Ok(other) => {
                tracing::error!(got = other.len(), "unexpected reply from the rate-limit script; using local counters");
                self.fallback.check(now_secs, quotas)
            }
            Err(err) => {
                tracing::warn!(error = %err, "Redis unavailable for rate limiting; using local counters");
                self.fallback.check(now_secs, quotas)
            }
        }
    }

    pub fn fallback(&self) -> &MemoryLimiter {
        &self.fallback
    }
}
