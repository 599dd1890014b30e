//! The application clock. Everything that reads "now" for business purposes goes through
//! [`Clock`], so tests can stop and move time (rate-limit windows, idempotency expiry,
//! key expiry, scheduled jobs) without sleeping.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use std::cell::Cell;
use std::ops::RangeInclusive;

use chrono::{DateTime, Datelike, NaiveDate, SecondsFormat, TimeZone, Utc};

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

/// The years a date or time sent in a request body may fall in. A fixed window, so the OpenAPI
/// document can say it (as the `pattern` of [`DATE_PATTERN`] and [`DATE_TIME_PATTERN`]) and a
/// request that is valid today stays valid.
pub const BODY_YEARS: RangeInclusive<i32> = 2000..=2099;

/// A `YYYY-MM-DD` date in [`BODY_YEARS`] (the calendar check is the `format`'s).
pub const DATE_PATTERN: &str = "^20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

/// An RFC 3339 date-time in [`BODY_YEARS`].
pub const DATE_TIME_PATTERN: &str = "^20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$";

thread_local! {
    /// Set while a request body is deserialized ([`in_request_body`]).
    static IN_BODY: Cell<bool> = const { Cell::new(false) };
}

/// Runs `parse` (a synchronous deserialization of a request body) with every date and time
/// it reads held to [`BODY_YEARS`]. Query parameters (list filters) are not: a filter from 1970
/// harms nothing, a lease from year 1 would make 24,000 rent charges.
pub fn in_request_body<T>(parse: impl FnOnce() -> T) -> T {
    let outer = IN_BODY.replace(true);
    let parsed = parse();
    IN_BODY.set(outer);
    parsed
}

/// `Err` naming the range when a date read from a request body is not in [`BODY_YEARS`];
/// always `Ok` elsewhere.
pub fn check_sane(date: NaiveDate) -> Result<(), String> {
    if !IN_BODY.get() || BODY_YEARS.contains(&date.year()) {
        return Ok(());
    }
    let (first, last) = (BODY_YEARS.start(), BODY_YEARS.end());
    Err(format!("`{date}` is out of range: dates must be in the years {first} to {last}"))
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

    #[test]
    fn dates_in_bodies_are_held_to_the_documented_years() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let far = date(1, 1, 1);
        assert!(check_sane(far).is_ok(), "outside a body, anything goes");
        in_request_body(|| {
            assert!(check_sane(Utc::now().date_naive()).is_ok());
            assert!(check_sane(date(2000, 1, 1)).is_ok() && check_sane(date(2099, 12, 31)).is_ok());
            assert!(check_sane(date(1999, 12, 31)).is_err() && check_sane(date(2100, 1, 1)).is_err());
            let err = check_sane(far).unwrap_err();
            assert!(err.contains("in the years 2000 to 2099"), "{err}");
        });
        assert!(check_sane(far).is_ok(), "the body's rule ends with the body");
    }
}
