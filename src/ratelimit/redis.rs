//! Sliding-window counters in Redis, shared by every instance: one Lua script reads, checks
//! and counts all of a request's quotas atomically. Each quota is a hash of slot → count.
//! Time comes from the instance's clock (instances are expected to agree on it, as they do
//! under NTP), so tests can freeze it. If Redis cannot be reached the instance falls back to
//! its own in-memory counters (and logs it) rather than refusing or admitting everything.

use redis::Script;
use redis::aio::ConnectionManager;
use secrecy::{ExposeSecret, SecretString};

use super::memory::MemoryLimiter;
use super::{Decision, Quota, Slots, decide};

/// KEYS: the counters. ARGV: the request's cost, then per quota its limit, the oldest slot
/// still counted, the current slot and the counter's time to live in seconds. Drops freed
/// slots, counts the request in every quota if all have room (and the cost is not 0: a
/// peek), and returns each quota's slots as they were before it (flat `slot, count, …`).
const CHECK_SCRIPT: &str = r"
local cost = tonumber(ARGV[1])
local commit = cost > 0
if not commit then cost = 1 end
local before = {}
local allowed = true
for i, key in ipairs(KEYS) do
  local limit = tonumber(ARGV[4 * i - 2])
  local oldest = tonumber(ARGV[4 * i - 1])
  local fields = redis.call('HGETALL', key)
  local kept, freed, used = {}, {}, 0
  for j = 1, #fields, 2 do
    local slot, count = tonumber(fields[j]), tonumber(fields[j + 1])
    if slot < oldest then
      freed[#freed + 1] = fields[j]
    else
      kept[#kept + 1] = slot
      kept[#kept + 1] = count
      used = used + count
    end
  end
  if #freed > 0 then redis.call('HDEL', key, unpack(freed)) end
  before[i] = kept
  if used + cost > limit then allowed = false end
end
if allowed and commit then
  for i, key in ipairs(KEYS) do
    redis.call('HINCRBY', key, ARGV[4 * i], cost)
    redis.call('EXPIRE', key, ARGV[4 * i + 1])
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

    /// Decides a request of `cost`, and counts it if admitted and `commit`.
    pub async fn charge(&self, now_secs: u64, quotas: &[Quota], cost: u64, commit: bool) -> Decision {
        let mut invocation = self.script.prepare_invoke();
        invocation.arg(if commit { cost.max(1) } else { 0 });
        for quota in quotas {
            invocation
                .key(format!("{}{}", self.prefix, quota.counter_key()))
                .arg(quota.limit)
                .arg(quota.oldest_counted(now_secs))
                .arg(quota.slot(now_secs))
                .arg(quota.window_secs + 2 * quota.slot_secs());
        }
        let mut connection = self.connection.clone();
        match invocation.invoke_async::<Vec<Vec<u64>>>(&mut connection).await {
            Ok(before) if before.len() == quotas.len() => {
                let before: Vec<Slots> = before.iter().map(|flat| slots(flat)).collect();
                decide(quotas, &before, now_secs, cost)
            }
            Ok(other) => {
                tracing::error!(got = other.len(), "unexpected reply from the rate-limit script; using local counters");
                self.fallback.charge(now_secs, quotas, cost, commit)
            }
            Err(err) => {
                tracing::warn!(error = %err, "Redis unavailable for rate limiting; using local counters");
                self.fallback.charge(now_secs, quotas, cost, commit)
            }
        }
    }

    pub fn fallback(&self) -> &MemoryLimiter {
        &self.fallback
    }
}

/// `slot, count, slot, count, …` as pairs, oldest slot first (a hash has no order).
fn slots(flat: &[u64]) -> Slots {
    let mut pairs: Slots = flat.chunks_exact(2).map(|pair| (pair[0], pair[1])).collect();
    pairs.sort_unstable();
    pairs
}
