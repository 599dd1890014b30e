//! The vocabulary every layer shares, and nothing else: ids, the clock, plans, scopes, value
//! types (money, timestamps, dates), the one error type at the HTTP edge and the current
//! request's id. It imports nothing of Gable's; everything else may import it.

/// Unicode's White_Space — what `str::trim` and `char::is_whitespace` take — as the inside of a
/// regex character class, written out so that every engine (ECMA, Python, Rust) reads it alike:
/// the one spelling behind the OpenAPI document's patterns (`validate::NOT_BLANK`, `Email`'s).
#[macro_export]
macro_rules! white_space_class {
    () => {
        "\\t-\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"
    };
}

pub mod clock;
pub mod contact;
pub mod date;
pub mod error;
pub mod ids;
pub mod plan;
pub mod request;
pub mod scope;
pub mod values;
