//! Short-lived caches. [`KeyCache`] holds authenticated keys, so a busy integration costs one key lookup every
//! few seconds instead of one per request. Revoking a key through this instance's API drops
//! it at once; a revocation made elsewhere (another instance, the CLI) takes effect within
//! `api_key_cache_seconds` (0 disables the cache).

use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, RwLock};

use super::caller::Auth;

pub struct CachedKey {
    pub auth: Auth,
    pub expires_at: Option<i64>,
    pub revoked_at: Option<i64>,
    /// When `last_used_at` was last written (or read from the database).
    pub last_touch: AtomicI64,
}

/// Authenticated keys by the hash of their secret.
pub struct KeyCache(TtlCache<Arc<CachedKey>>);

impl KeyCache {
    pub fn new(ttl_secs: u64) -> KeyCache {
        KeyCache(TtlCache::new(ttl_secs))
    }

    pub fn get(&self, key_hash: &str, now_ms: i64) -> Option<Arc<CachedKey>> {
        self.0.get(key_hash, now_ms)
    }

    pub fn insert(
        &self,
        key_hash: String,
        auth: Auth,
        expires_at: Option<i64>,
        revoked_at: Option<i64>,
        last_used_at: Option<i64>,
        now_ms: i64,
    ) -> Arc<CachedKey> {
        let entry = Arc::new(CachedKey {
            auth,
            expires_at,
            revoked_at,
            last_touch: AtomicI64::new(last_used_at.unwrap_or(i64::MIN)),
        });
        self.0.insert(key_hash, entry.clone(), now_ms);
        entry
    }

    /// Forgets a key (after it is revoked here).
    pub fn forget_key(&self, key_id: &str) {
        self.0.retain(|e| e.auth.key_id() != key_id);
    }

    /// Drops stale entries.
    pub fn purge(&self, now_ms: i64) {
        self.0.purge(now_ms);
    }
}

/// Values trusted for a fixed time after they were looked up (`ttl_secs` 0: nothing is kept),
/// at most [`MAX_ENTRIES`] of them. The key cache and the JWT organization links use it.
pub struct TtlCache<V> {
    ttl_ms: i64,
    entries: RwLock<HashMap<String, (V, i64)>>,
}

/// More entries than this and a cache starts over (bounded memory under key or token spraying).
const MAX_ENTRIES: usize = 100_000;

impl<V: Clone> TtlCache<V> {
    pub fn new(ttl_secs: u64) -> TtlCache<V> {
        TtlCache { ttl_ms: i64::try_from(ttl_secs).unwrap_or(0).saturating_mul(1000), entries: RwLock::default() }
    }

    /// The value stored under `key` less than the time-to-live ago.
    pub fn get(&self, key: &str, now_ms: i64) -> Option<V> {
        if self.ttl_ms == 0 {
            return None;
        }
        let entries = self.entries.read().unwrap_or_else(|p| p.into_inner());
        entries.get(key).filter(|(_, at)| now_ms - at < self.ttl_ms).map(|(value, _)| value.clone())
    }

    pub fn insert(&self, key: String, value: V, now_ms: i64) {
        if self.ttl_ms == 0 {
            return;
        }
        let mut entries = self.entries.write().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(key, (value, now_ms));
    }

    /// Keeps only the values `keep` accepts.
    pub fn retain(&self, mut keep: impl FnMut(&V) -> bool) {
        self.entries.write().unwrap_or_else(|p| p.into_inner()).retain(|_, (value, _)| keep(value));
    }

    /// Drops stale entries.
    pub fn purge(&self, now_ms: i64) {
        let ttl = self.ttl_ms;
        self.entries.write().unwrap_or_else(|p| p.into_inner()).retain(|_, (_, at)| now_ms - *at < ttl);
    }
}

impl CachedKey {
    /// Whether this request should record the key's use (at most once per `interval_ms`).
    pub fn should_touch(&self, now_ms: i64, interval_ms: i64) -> bool {
        let last = self.last_touch.load(Ordering::Relaxed);
        last.saturating_add(interval_ms) < now_ms
            && self.last_touch.compare_exchange(last, now_ms, Ordering::Relaxed, Ordering::Relaxed).is_ok()
    }
}
