//! The vocabulary every layer shares, and nothing else: ids, the clock, plans, scopes, value
//! types (money, timestamps, dates), the one error type at the HTTP edge and the current
//! request's id. It imports nothing of Gable's; everything else may import it.

pub mod clock;
pub mod contact;
pub mod date;
pub mod error;
pub mod ids;
pub mod plan;
pub mod request;
pub mod scope;
pub mod values;
