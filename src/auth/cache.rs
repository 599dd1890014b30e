//! A short-lived cache of authenticated keys, so a busy integration costs one key lookup every
//! few seconds instead of one per request. Revoking a key through this instance's API drops
//! it at once; a revocation made elsewhere (another instance, the CLI) takes effect within
//! `api_key_cache_seconds` (0 disables the cache).

use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, RwLock};

use super::Auth;

pub struct CachedKey {
    pub auth: Auth,
    pub expires_at: Option<i64>,
    pub revoked_at: Option<i64>,
    /// When `last_used_at` was last written (or read from the database).
    pub last_touch: AtomicI64,
    fetched_at: i64,
}

pub struct KeyCache {
    ttl_ms: i64,
    entries: RwLock<HashMap<String, Arc<CachedKey>>>,
}

/// More entries than this and the cache starts over (bounded memory under key spraying).
const MAX_ENTRIES: usize = 100_000;

impl KeyCache {
    pub fn new(ttl_secs: u64) -> KeyCache {
        KeyCache { ttl_ms: i64::try_from(ttl_secs).unwrap_or(0) * 1000, entries: RwLock::default() }
    }

    pub fn get(&self, key_hash: &str, now_ms: i64) -> Option<Arc<CachedKey>> {
        if self.ttl_ms == 0 {
            return None;
        }
        let entries = self.entries.read().unwrap_or_else(|p| p.into_inner());
        entries.get(key_hash).filter(|e| now_ms - e.fetched_at < self.ttl_ms).cloned()
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
            fetched_at: now_ms,
        });
        if self.ttl_ms > 0 {
            let mut entries = self.entries.write().unwrap_or_else(|p| p.into_inner());
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
            entries.insert(key_hash, entry.clone());
        }
        entry
    }

    /// Forgets a key (after it is revoked here).
    pub fn forget_key(&self, key_id: &str) {
        self.entries.write().unwrap_or_else(|p| p.into_inner()).retain(|_, e| e.auth.key_id() != key_id);
    }

    /// Drops stale entries.
    pub fn purge(&self, now_ms: i64) {
        let ttl = self.ttl_ms;
        self.entries.write().unwrap_or_else(|p| p.into_inner()).retain(|_, e| now_ms - e.fetched_at < ttl);
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
