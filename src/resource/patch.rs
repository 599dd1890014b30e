//! [`Patch<T>`]: one field of a `PATCH` body, which a client may leave out.
//!
//! - `Patch<T>`: absent leaves the value as it is; `null` is refused (the field cannot be
//!   cleared), so its schema is `T`'s and not nullable.
//! - `Patch<Option<T>>`: absent leaves it, `null` clears it, a value sets it; its schema is
//!   `T`'s and nullable.
//!
//! A body of patches carries `#[patch_body]` (from `gable_macros`), which gives each
//! `Patch<T>` field `#[serde(default)]`, so an absent field is [`Patch::Absent`], and
//! `#[schema(value_type = T)]`, so the document shows `T`'s schema in place.

use serde::{Deserialize, Deserializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Patch<T> {
    /// Not in the body: leave the current value.
    #[default]
    Absent,
    /// In the body: the new value (for `Patch<Option<T>>`, `None` clears it).
    Set(T),
}

impl<T> Patch<T> {
    /// The new value if the field was sent.
    pub fn into_option(self) -> Option<T> {
        match self {
            Patch::Absent => None,
            Patch::Set(value) => Some(value),
        }
    }

    /// The new value if the field was sent, by reference.
    pub fn as_option(&self) -> Option<&T> {
        match self {
            Patch::Absent => None,
            Patch::Set(value) => Some(value),
        }
    }

    pub fn is_set(&self) -> bool {
        matches!(self, Patch::Set(_))
    }

    /// The new value if sent, else `current`.
    pub fn or(self, current: T) -> T {
        self.into_option().unwrap_or(current)
    }

    /// The new value, checked or converted, if sent; else `current`.
    pub fn apply<U, E>(self, current: U, check: impl FnOnce(T) -> Result<U, E>) -> Result<U, E> {
        match self {
            Patch::Absent => Ok(current),
            Patch::Set(value) => check(value),
        }
    }
}

impl<T> From<Option<T>> for Patch<T> {
    fn from(value: Option<T>) -> Patch<T> {
        value.map_or(Patch::Absent, Patch::Set)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Patch<T> {
    /// Only called for a field that is present: absence is the struct's `#[serde(default)]`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Patch::Set)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Body {
        #[serde(default)]
        name: Patch<String>,
        #[serde(default)]
        notes: Patch<Option<String>>,
    }

    #[test]
    fn absent_null_and_values_are_told_apart() {
        let body: Body = serde_json::from_str("{}").unwrap();
        assert_eq!((body.name, body.notes), (Patch::Absent, Patch::Absent));
        let body: Body = serde_json::from_str(r#"{"notes": null}"#).unwrap();
        assert_eq!(body.notes, Patch::Set(None));
        let body: Body = serde_json::from_str(r#"{"name": "A", "notes": "b"}"#).unwrap();
        assert_eq!((body.name, body.notes), (Patch::Set("A".into()), Patch::Set(Some("b".into()))));
        assert!(serde_json::from_str::<Body>(r#"{"name": null}"#).is_err(), "null cannot clear a required field");
    }
}
