//! The application clock. Everything that reads "now" for business purposes goes through
//! [`Clock`], so tests can stop and move time (rate-limit windows, idempotency expiry,
//! key expiry, scheduled jobs) without sleeping.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, TimeZone, Utc};

/// Marks a clock that follows the wall clock.
const RUNNING: i64 = i64::MIN;

/// Wall-clock time, unless a test froze it or moved it.
#[derive(Clone, Debug)]
pub struct Clock {
    offset_ms: Arc<AtomicI64>,
    frozen_at_ms: Arc<AtomicI64>,
}

impl Default for Clock {
    fn default() -> Self {
        Clock { offset_ms: Arc::new(AtomicI64::new(0)), frozen_at_ms: Arc::new(AtomicI64::new(RUNNING)) }
    }
}

impl Clock {
    /// Milliseconds since the Unix epoch.
    pub fn now_ms(&self) -> i64 {
        match self.frozen_at_ms.load(Ordering::Relaxed) {
            RUNNING => Utc::now().timestamp_millis() + self.offset_ms.load(Ordering::Relaxed),
            frozen => frozen,
        }
    }

    /// Seconds since the Unix epoch.
    pub fn now_secs(&self) -> u64 {
        u64::try_from(self.now_ms() / 1000).unwrap_or(0)
    }

    pub fn now(&self) -> DateTime<Utc> {
        from_ms(self.now_ms())
    }

    /// Moves this clock (and every clone of it) forward.
    pub fn advance(&self, by: Duration) {
        let ms = i64::try_from(by.as_millis()).unwrap_or(i64::MAX);
        if self.frozen_at_ms.load(Ordering::Relaxed) == RUNNING {
            self.offset_ms.fetch_add(ms, Ordering::Relaxed);
        } else {
            self.frozen_at_ms.fetch_add(ms, Ordering::Relaxed);
        }
    }

    /// Stops the clock at `ms` (tests).
    pub fn freeze_at(&self, ms: i64) {
        self.frozen_at_ms.store(ms, Ordering::Relaxed);
    }
}

/// A UTC instant from epoch milliseconds (out-of-range values clamp to the epoch).
pub fn from_ms(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms).single().unwrap_or_default()
}

/// RFC 3339 in UTC with millisecond precision, e.g. `2025-01-15T10:30:00.000Z`.
pub fn rfc3339(ms: i64) -> String {
    from_ms(ms).to_rfc3339_opts(SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frozen_and_advanced() {
        let clock = Clock::default();
        let shared = clock.clone();
        clock.freeze_at(1_000);
        shared.advance(Duration::from_secs(2));
        assert_eq!(clock.now_ms(), 3_000);
        assert_eq!(rfc3339(clock.now_ms()), "1970-01-01T00:00:03.000Z");
    }
}
