//! Prefixed, sortable identifiers: `org_01JD…`, `key_01JD…`, `prop_01JD…`.
//!
//! The part after the prefix is a ULID: 48 bits of milliseconds and 80 random bits in
//! Crockford base32, so ids sort by creation time and lists can page by id. Within one
//! process ids are strictly increasing, even inside one millisecond.

use std::sync::Mutex;
use std::time::SystemTime;

use ulid::Generator;

static GENERATOR: Mutex<Generator> = Mutex::new(Generator::new());

/// A new id with the given prefix (without the underscore).
pub fn new_id(prefix: &str) -> String {
    let ulid = {
        let mut generator = GENERATOR.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        // Overflow needs 2^80 ids in one millisecond; fall back to a fresh random ULID.
        generator.generate_from_datetime(SystemTime::now()).unwrap_or_else(|overflow| overflow.commit_overflow_random())
    };
    format!("{prefix}_{ulid}")
}

/// Whether `id` looks like an id with this prefix (cheap check before a lookup).
pub fn has_prefix(id: &str, prefix: &str) -> bool {
    id.len() == prefix.len() + 27
        && id.starts_with(prefix)
        && id.as_bytes()[prefix.len()] == b'_'
        && id[prefix.len() + 1..].bytes().all(|b| b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_prefixed_and_increasing() {
        let a = new_id("prop");
        let b = new_id("prop");
        assert!(a.starts_with("prop_"));
        assert_eq!(a.len(), "prop_".len() + 26);
        assert!(a < b, "{a} < {b}");
        assert!(has_prefix(&a, "prop"));
        assert!(!has_prefix(&a, "org"));
        assert!(!has_prefix("prop_x", "prop"));
    }
}
